"""Term pages, term links in the texts, the per-year chart and the concordance, in a real build."""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

from bs4 import BeautifulSoup

from annotated_reader.glossary import Occurrence
from annotated_reader.inline import LinkMark, Span, render_marked_text
from annotated_reader.notes import NoteIndex
from annotated_reader.pipeline import CheckedCorpus
from annotated_reader.text_links import TextLinks
from annotated_reader.timeline import YEARS
from annotated_reader.year_chart import YearUse, describe, render_year_chart
from test_glossary import NAMED_TERM_COUNTS


@cache
def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _target(site: Path, page: Path, href: str) -> tuple[Path, str]:
    """The built file and fragment a relative link on `page` points to."""
    url, _, fragment = href.partition("#")
    folder = (page.parent / url).resolve()
    return folder / "index.html", fragment


def test_every_term_page_has_its_parts(site: Path, project: CheckedCorpus) -> None:
    per_term = Counter(o.term for o in project.occurrences)
    for term in project.terms:
        path = site / "glossary" / term.id / "index.html"
        page = _soup(path)
        assert page.h1.get_text(strip=True).rstrip("¶") == term.en
        name = page.select_one(".ar-term-name").get_text()
        assert term.zh in name and term.pinyin in name
        headings = [h.get_text(strip=True).rstrip("¶") for h in page.select("article h2")]
        assert headings[:5] == [
            "Definition",
            "Use over time",
            "Renderings in the texts",
            "Concordance",
            "Related terms",
        ]
        # One keyword-in-context line per occurrence, nothing dropped.
        assert len(page.select(".ar-kwic tbody tr")) == per_term[term.id]
        chart = page.select_one("svg.ar-chart[role=img]")
        labelled = chart["aria-labelledby"].split()
        assert [chart.find(id=i).name for i in labelled] == ["title", "desc"]
        years = [row.th.get_text() for row in page.select(".ar-chart-data tbody tr")]
        assert years == [str(y) for y in YEARS]
        for relation in (*term.related, *term.predecessors, *term.successors):
            assert page.select_one(f'.ar-term-relations a[href="../../glossary/{relation}/"]'), (term.id, relation)


def test_concordance_lines_link_to_their_passages(site: Path, project: CheckedCorpus) -> None:
    for term in project.terms:
        path = site / "glossary" / term.id / "index.html"
        for row in _soup(path).select(".ar-kwic tbody tr"):
            keyword = row.select_one(".ar-kwic-keyword a")
            target, fragment = _target(site, path, keyword["href"])
            passage = _soup(target).find(id=fragment)
            assert passage is not None and "ar-row" in passage["class"], keyword["href"]
            # The keyword is in the passage as the text writes it.
            assert keyword.get_text().lower() in passage.get_text().lower()


def test_the_named_terms_pages_show_the_hand_counted_uses(site: Path) -> None:
    expected: dict[str, Counter[str]] = defaultdict(Counter)
    for (term, document, _), count in NAMED_TERM_COUNTS.items():
        expected[term][document] += count
    for term, per_document in expected.items():
        page = _soup(site / "glossary" / term / "index.html")
        shown = Counter(
            {
                section["id"].removeprefix("in-"): len(section.select(".ar-kwic tbody tr"))
                for section in page.select(".ar-kwic-document")
            }
        )
        assert shown == per_document, term
    # Renderings: a form the text uses inside a longer term is listed, counted there.
    joint = _soup(site / "glossary" / "joint-punishment" / "index.html")
    rows = [[td.get_text(" ", strip=True) for td in tr.select("td")] for tr in joint.select(".ar-renderings tbody tr")]
    blog = next(r for r in rows if "[en-blog]" in r[1])
    assert blog[2:5] == ["joint punishment", "0", "3.p2"]
    assert "joint punishment mechanisms for promise-breaking" in blog[5] and "counted there" in blog[5]
    chinese = next(r for r in rows if "[zh]" in r[1])
    assert chinese[2:4] == ["联合惩戒", "0"] and "失信联合惩戒" in chinese[5]


def test_first_appearance_and_chart_for_credit_restoration(site: Path) -> None:
    page = _soup(site / "glossary" / "credit-restoration" / "index.html")
    first = page.select_one(".ar-term-first a")
    assert first["href"] == "../../documents/2022-high-quality-development-opinions/zh/#3.9"
    description = page.select_one("svg.ar-chart desc").get_text()
    assert description.startswith("Passages using credit restoration, per year 2003–2022: 2022: 2 passages.")
    assert "Documents of 2003, 2007, 2014 do not use it." in description
    row_2022 = next(r for r in page.select(".ar-chart-data tbody tr") if r.th.get_text() == "2022")
    assert [td.get_text() for td in row_2022.select("td")] == ["1", "2", "4"]


def test_term_links_mark_each_term_once_per_passage_text(site: Path, project: CheckedCorpus) -> None:
    linked = 0
    for page_path in sorted((site / "documents").rglob("index.html")):
        page = _soup(page_path)
        definitions = {d["id"] for d in page.select(".ar-term-definitions[hidden] .ar-def")}
        links = page.select(".ar-cell a.ar-term-link")
        # Every link is described by a definition on its own page, and leads to the term page.
        assert {a["aria-describedby"] for a in links} == definitions, page_path
        for link in links:
            assert link["href"].endswith(f"glossary/{link['data-term']}/")
            assert _target(site, page_path, link["href"])[0].is_file()
        for cell in page.select(".ar-cell"):
            terms = [a["data-term"] for a in cell.select("a.ar-term-link")]
            assert len(terms) == len(set(terms)), (page_path, cell.get("data-witness"))
        if page_path.parent.parent.name == "documents":  # the parallel view shows every text
            linked += len(links)
    # Each (text, passage, term) with an occurrence has its link, unless every occurrence of the term
    # there lies inside the name of a timeline event, which is linked to the event instead.
    mentions: dict[tuple[str, str, str], list] = defaultdict(list)
    for m in project.mentions:
        mentions[(m.document, m.witness, m.passage)].append(m)
    cells = {
        (o.document, o.witness, o.passage, o.term)
        for o in project.occurrences
        if not any(m.start < o.end and o.start < m.end for m in mentions[(o.document, o.witness, o.passage)])
    }
    inside = {(o.document, o.witness, o.passage, o.term) for o in project.occurrences} - cells
    assert linked == len(cells) and inside  # "credit information" inside the credit reporting regulations' name


def _occurrence(term: str, start: int, end: int, passage: str = "1.1") -> Occurrence:
    return Occurrence(term, "2001-sample-bilingual", "en", passage, start, end, "x")


def test_a_term_is_linked_once_and_never_across_a_quote_edge(small_project: Path) -> None:
    from annotated_reader.pipeline import check_project

    checked = check_project(small_project)
    document = checked.corpus.documents[0]
    notes = NoteIndex.build(checked.corpus, [])
    # Fake note spans would need anchors; check the rule on its own with one.
    occurrences = [_occurrence("a", 0, 4), _occurrence("a", 10, 14), _occurrence("b", 20, 30), _occurrence("b", 40, 44)]
    marks = TextLinks.build([], occurrences, notes)
    assert marks.marks(document, "en", "1.1") == [LinkMark(0, 4, "a"), LinkMark(20, 30, "b")]

    class Quoted(NoteIndex):
        def spans(self, document, witness_id, passage):  # a quote from 25 to 35 cuts b's first occurrence
            return [Span(25, 35, "n1", 1)]

    marks = TextLinks.build([], occurrences, Quoted(checked.corpus))
    assert marks.marks(document, "en", "1.1") == [LinkMark(0, 4, "a"), LinkMark(40, 44, "b")]


def test_a_term_link_sits_inside_a_quote_highlight() -> None:
    html = render_marked_text("the joint punishment of all", [Span(4, 27, "n1", 1)], [LinkMark(4, 20, "jp")], "../")
    assert html == (
        'the <mark class="ar-quote" data-notes="n1"><a class="ar-term-link" href="../glossary/jp/" data-term="jp" '
        'aria-describedby="ar-def-jp">joint punishment</a></mark><mark class="ar-quote" data-notes="n1"> of all'
        '</mark><a class="ar-noteref" href="#note-n1" data-note="n1" aria-label="Note 1">1</a>'
    )


def test_the_chart_tells_years_without_documents_from_years_without_use() -> None:
    uses = [YearUse(y, {2003: 1, 2014: 1}.get(y, 0), 3 if y == 2014 else 0, 5 if y == 2014 else 0) for y in YEARS]
    assert describe(uses, "term") == (
        "Passages using term, per year 2003–2022: 2014: 3 passages. Documents of 2003 do not use it. "
        "Other years have no document in the corpus."
    )
    svg = BeautifulSoup(render_year_chart(uses, "term", "c"), "html.parser")
    assert len(svg.select("rect.ar-chart-bar")) == 2 and len(svg.select("rect.ar-chart-none")) == 18
    tallest = max(svg.select("rect.ar-chart-bar"), key=lambda r: int(r["height"]))
    assert tallest.title.get_text() == "2014: 3 passages, 5 occurrences"
    assert describe([YearUse(y, 0, 0, 0) for y in YEARS], "term") == "No passage of the corpus uses term."
