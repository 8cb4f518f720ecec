"""Finding glossary terms in the texts: longest match in Chinese, word boundaries and any case in English."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from annotated_reader.glossary import Term, Variant, find_occurrences, term_pattern
from annotated_reader.glossary_loader import generated_pinyin
from annotated_reader.pipeline import CheckedCorpus, check_project, check_sources
from conftest import copy_project


def _term(term_id: str, zh: str, en: str, *variants: tuple[str, str]) -> Term:
    return Term(term_id, zh, "", en, "A definition.", "Tester", "2026-11-21", [Variant(v, (w,)) for v, w in variants])


TERMS = [
    _term("untrustworthiness", "失信", "untrustworthiness"),
    _term("joint-punishment", "联合惩戒", "joint punishment"),
    _term(
        "joint-punishment-for-untrustworthiness",
        "失信联合惩戒",
        "joint punishment for untrustworthiness",
        ("joint disciplinary mechanism", "2007-state-council-opinions/en-qa"),
    ),
    _term("list-of-seriously-untrustworthy-entities", "严重失信主体名单", "list of seriously untrustworthy entities"),
    _term("credit-restoration", "信用修复", "credit restoration"),
    _term("blacklist", "黑名单", "blacklist"),
]


def _counts(checked: CheckedCorpus) -> Counter[tuple[str, str, str]]:
    occurrences = find_occurrences(checked.corpus, TERMS)
    return Counter((o.term, o.document, o.witness) for o in occurrences)


def test_chinese_terms_are_found_by_longest_match(checked: CheckedCorpus) -> None:
    counts = _counts(checked)
    opinions = "2022-high-quality-development-opinions"
    # Hand-counted in sources/2022-high-quality-development-opinions/zh.txt: 失信 occurs 14 times,
    # once inside 失信联合惩戒 and twice inside 严重失信主体名单; 联合惩戒 only inside 失信联合惩戒.
    assert counts[("joint-punishment-for-untrustworthiness", opinions, "zh")] == 1
    assert counts[("joint-punishment", opinions, "zh")] == 0
    assert counts[("list-of-seriously-untrustworthy-entities", opinions, "zh")] == 2
    assert counts[("untrustworthiness", opinions, "zh")] == 11
    assert counts[("credit-restoration", opinions, "zh")] == 2
    assert counts[("untrustworthiness", "2014-planning-outline", "zh")] == 1


def test_english_terms_and_variants_are_found_at_word_boundaries(checked: CheckedCorpus) -> None:
    counts = _counts(checked)
    # Hand-counted with grep -i -w in each English witness.
    assert counts[("blacklist", "2014-planning-outline", "en")] == 5
    assert counts[("credit-restoration", "2022-high-quality-development-opinions", "en")] == 2
    assert counts[("joint-punishment", "2007-state-council-opinions", "en-blog")] == 1
    assert counts[("joint-punishment", "2014-planning-outline", "en")] == 2
    assert counts[("joint-punishment-for-untrustworthiness", "2007-state-council-opinions", "en-qa")] == 1
    assert not any(term == "blacklist" and witness.startswith("zh") for term, _, witness in counts)


def test_english_matching_ignores_case_and_prefers_the_longest_form(small_project: Path) -> None:
    checked = check_sources(small_project)
    terms = [_term("sample", "样例", "sample"), _term("this-sample", "本样例", "this sample")]
    found = find_occurrences(checked.corpus, terms)
    english = [(o.term, o.passage, o.text) for o in found if o.witness == "en"]
    # "(1) This sample is ..." and "(3) This sample takes ...": the longer form, as written.
    assert english == [("this-sample", "1.1", "This sample"), ("this-sample", "2.3", "This sample")]
    chinese = Counter(o.term for o in found if o.witness == "zh")
    assert chinese == {"this-sample": 2}


def test_word_boundaries_exclude_longer_words(small_project: Path) -> None:
    checked = check_sources(small_project)
    found = find_occurrences(checked.corpus, [_term("test", "测验", "test")])
    # "tests" in "for tests only" is not the word "test".
    assert [o for o in found if o.witness == "en"] == []


def test_forms_longer_than_the_recursion_limit_make_a_pattern() -> None:
    # A form is one level of the pattern's trie per character: a term file with a form of
    # thousands of characters (as the robustness tests wrote) must not stop the check.
    long = "信" * (sys.getrecursionlimit() + 100)
    pattern = term_pattern([long, long[:-1], "信用"], english=False)
    assert pattern is not None
    assert pattern.match(long + "信").group() == long
    assert pattern.match("信用修复").group() == "信用"
    nested = term_pattern(["a" * size for size in range(1, 300)], english=True)
    assert nested is not None and nested.search("b " + "a" * 299 + " b").group() == "a" * 299


def test_pinyin_is_generated_with_tone_marks() -> None:
    assert generated_pinyin("信用修复") == "xìn yòng xiū fù"


def test_small_fixture_glossary_loads_with_generated_pinyin_and_counts(small_project: Path) -> None:
    checked = check_project(small_project)
    assert [str(p) for p in checked.problems] == []
    sample = next(t for t in checked.terms if t.id == "sample")
    assert sample.pinyin == "yàng lì"
    counts = Counter((o.term, o.witness) for o in checked.occurrences)
    # 本样例 twice in zh; "This sample" twice and no bare "sample" in en.
    assert counts == {("sample", "zh"): 2, ("sample", "en"): 2, ("supplementary-provisions", "zh"): 1,
                      ("supplementary-provisions", "en"): 1}  # fmt: skip


def test_glossary_mistakes_are_reported_with_file_and_line(small_project: Path, tmp_path: Path) -> None:
    project = copy_project(small_project, tmp_path / "project")
    folder = project / "annotations/glossary"
    original = (folder / "sample.yaml").read_text(encoding="utf-8")
    broken = original.replace("en: this sample", "en: that sample").replace(
        "[supplementary-provisions]", "[suplementary]"
    )
    (folder / "sample.yaml").write_text(broken, encoding="utf-8")
    (folder / "other.yaml").write_text(original.replace("id: sample", "id: other"), encoding="utf-8")
    typo = original.replace("id: sample", "id: typo").replace("zh: 样例", "zh: 别的") + "definiton: typo\n"
    (folder / "typo.yaml").write_text(typo, encoding="utf-8")
    problems = [str(p) for p in check_project(project).problems]
    assert problems == [
        "annotations/glossary/sample.yaml:3: '样例' is already a form of term 'other': a Chinese form belongs to "
        "one term",
        "annotations/glossary/sample.yaml:7: variant 'that sample' does not occur in 2001-sample-bilingual/en: give "
        "the words exactly as that translation writes them, or remove the witness",
        "annotations/glossary/sample.yaml:10: related: no term 'suplementary'; did you mean "
        "'supplementary-provisions'?",
        "annotations/glossary/typo.yaml:13: unknown field 'definiton' in the file; did you mean 'definition' or "
        "'definition_zh'?",
    ]


def test_every_term_is_on_the_glossary_index_and_has_its_page(site: Path, project: CheckedCorpus) -> None:
    from bs4 import BeautifulSoup

    page = BeautifulSoup((site / "glossary" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert len(project.terms) >= 25
    rows = page.select(".ar-glossary-table tbody tr")
    # By English, each row keeping the id that glossary/#term-<id> links use.
    assert [r.td.get_text() for r in rows] == sorted((t.en for t in project.terms), key=str.lower)
    assert sorted(r["id"] for r in rows) == sorted(f"term-{t.id}" for t in project.terms)
    counts = Counter(o.term for o in project.occurrences)
    for term, row in zip(sorted(project.terms, key=lambda t: t.en.lower()), rows, strict=True):
        cells = [td.get_text() for td in row.select("td")]
        assert cells[1:3] == [term.zh, term.pinyin] and cells[4] == str(counts[term.id])
        assert row.a["href"] == f"../glossary/{term.id}/" and (site / "glossary" / term.id / "index.html").is_file()
    # Grouped by pinyin initial, tone marks ignored: every term once, in its letter's group.
    grouped = {
        h.get_text(): [a.get_text() for a in h.find_next_sibling("ul").select("a")] for h in page.select("h3.ar-letter")
    }
    assert sum(len(v) for v in grouped.values()) == len(project.terms)
    assert any(text.startswith("hēimíngdān") for text in grouped["H"])
    assert list(grouped) == sorted(grouped)


# Hand-counted with grep -o (Chinese) and grep -o -i -w (English) in sources/*/*.txt, then
# assigned by longest match: "joint punishment" inside "joint punishment mechanisms for
# promise-breaking" (2007 en-blog) and 联合惩戒 inside 失信联合惩戒 (2022 zh) count for the
# longer term; "blacklisted" is a declared variant of blacklist.
NAMED_TERM_COUNTS = {
    ("blacklist", "2014-planning-outline", "en"): 6,
    ("credit-restoration", "2022-high-quality-development-opinions", "zh"): 2,
    ("credit-restoration", "2022-high-quality-development-opinions", "en"): 2,
    ("joint-punishment", "2014-planning-outline", "en"): 3,
    ("joint-punishment-for-untrustworthiness", "2007-state-council-opinions", "en-blog"): 1,
    ("joint-punishment-for-untrustworthiness", "2007-state-council-opinions", "en-qa"): 1,
    ("joint-punishment-for-untrustworthiness", "2022-high-quality-development-opinions", "zh"): 1,
    ("joint-punishment-for-untrustworthiness", "2022-high-quality-development-opinions", "en"): 1,
}


def test_the_named_terms_are_counted_as_hand_counted(project: CheckedCorpus) -> None:
    named = {term for term, _, _ in NAMED_TERM_COUNTS}
    counts = Counter((o.term, o.document, o.witness) for o in project.occurrences if o.term in named)
    assert counts == NAMED_TERM_COUNTS


def test_every_kind_of_term_file_mistake_is_reported_at_once(small_project: Path, tmp_path: Path) -> None:
    project = copy_project(small_project, tmp_path / "project")
    folder = project / "annotations/glossary"
    original = (folder / "sample.yaml").read_text(encoding="utf-8")
    (folder / "unclosed.yaml").write_text('id: unclosed\nzh: "未闭\nen: unclosed\n', encoding="utf-8")
    (folder / "no-definition.yaml").write_text(
        original.replace("id: sample", "id: no-definition").replace("zh: 样例", "zh: 无定义").split("definition:")[0]
        + "author: A\ndate: '2026-01-02'\n",
        encoding="utf-8",
    )
    (folder / "renamed.yaml").write_text(
        original.replace("id: sample", "id: other-name").replace("zh: 样例", "zh: 改名"), encoding="utf-8"
    )
    (folder / "witness.yaml").write_text(
        original.replace("id: sample", "id: witness")
        .replace("zh: 样例", "zh: 见证")
        .replace("2001-sample-bilingual/en", "2001-sample-bilingual/fr"),
        encoding="utf-8",
    )
    (folder / "notes.txt").write_text("a term in the wrong format\n", encoding="utf-8")
    problems = [str(p) for p in check_project(project).problems]
    assert problems == [
        "annotations/glossary/no-definition.yaml:2: missing field 'definition' in the file (expected: What the "
        "term means, in English Markdown; its first sentence is the one-line definition shown in pop-ups and the "
        "index.)",
        "annotations/glossary/notes.txt: only <term-id>.yaml files belong in annotations/glossary/",
        "annotations/glossary/renamed.yaml:2: id 'other-name' differs from the file name: rename one of them",
        "annotations/glossary/unclosed.yaml:2: YAML syntax error: a quoted value that starts on this line is never "
        "closed (YAML: found unexpected end of stream); end it with the same quote mark, or write the text as a "
        "block with '|'",
        "annotations/glossary/witness.yaml:7: variants: no witness '2001-sample-bilingual/fr' in the corpus",
    ]
