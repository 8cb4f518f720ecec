"""The generated pages with a Chinese interface: labels from the catalogue, Chinese dates, English content marked.

Pages are rendered from the real corpus with `messages("zh")` and converted
to HTML the way the site's Markdown does it (attr_list, md_in_html, toc), so
the tests see the headings' ids as the built site would have them.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from annotated_reader.annotation_index import render_annotation_index
from annotated_reader.glossary_pages import render_glossary_index
from annotated_reader.inline import note_ref
from annotated_reader.messages import messages
from annotated_reader.model import PartialDate
from annotated_reader.notes import NoteIndex, render_row_notes
from annotated_reader.pipeline import CheckedCorpus
from annotated_reader.ready_pages import finish
from annotated_reader.term_pages import GlossaryContext, render_term_page
from annotated_reader.text_links import TextLinks, render_definitions
from annotated_reader.timeline import YEARS, format_date
from annotated_reader.timeline_pages import (
    TimelineContext,
    document_timeline_rows,
    render_event_page,
    render_overview,
    render_year_page,
)
from annotated_reader.witness_names import witness_name
from annotated_reader.year_chart import YearUse, describe

ZH = messages("zh")
# English interface words that must not be left on a Chinese page.
ENGLISH_LABELS = (
    "Definition",
    "Use over time",
    "Concordance",
    "Related terms",
    "Sources",
    "First in the corpus",
    "occurrences",
    "passages",
    "Events",
    "Documents of the corpus",
    "No event",
    "Mentioned in the texts",
    "Referenced by",
    "Link to this note",
    "By document",
    "By type",
    "By English",
    "Translation note",
)
MONTHS = ("January", "February", "March", "June", "October", "November", "December")


def _html(source: str) -> BeautifulSoup:
    """A generated page's HTML as the site finishes it, without the headings' permalink marks."""
    return BeautifulSoup(finish(source, None).html, "html.parser")


def _interface_text(page: BeautifulSoup) -> str:
    """The page's text without its English content (elements marked lang="en") and pinyin."""
    page = BeautifulSoup(str(page), "html.parser")
    for element in page.select('[lang="en"], .ar-pinyin'):
        element.decompose()
    return page.get_text(" ")


def _assert_chinese_interface(page: BeautifulSoup) -> None:
    text = _interface_text(page)
    for label in (*ENGLISH_LABELS, *MONTHS):
        assert not re.search(rf"\b{re.escape(label)}\b", text), label
    # Nothing English is left unmarked: no run of two English words outside lang="en".
    assert not re.findall(r"\b[A-Za-z]{3,} [A-Za-z]{3,}\b", text.replace("Web Annotation", ""))


@pytest.fixture(scope="module")
def glossary(project: CheckedCorpus) -> GlossaryContext:
    return GlossaryContext(project.corpus, {t.id: t for t in project.terms}, project.occurrences, ZH)


@pytest.fixture(scope="module")
def timeline(project: CheckedCorpus) -> TimelineContext:
    return TimelineContext(project.corpus, project.events, project.mentions, project.terms, project.occurrences, ZH)


def test_dates_are_written_the_chinese_way() -> None:
    assert format_date(PartialDate(2003), msg=ZH) == "2003年"
    assert format_date(PartialDate(2014, 6), msg=ZH) == "2014年6月"
    assert format_date(PartialDate(2014, 6, 14), msg=ZH) == "2014年6月14日"
    assert format_date(PartialDate(2012, 11, 8), PartialDate(2012, 11, 14), msg=ZH) == "2012年11月8日至14日"
    assert format_date(PartialDate(2002, 12, 30), PartialDate(2003, 1, 2), msg=ZH) == "2002年12月30日至2003年1月2日"


def test_a_term_page_in_chinese(glossary: GlossaryContext) -> None:
    term = glossary.terms["credit-restoration"]
    page = _html(render_term_page(term, glossary))
    headings = [(h.get_text(strip=True), h.get("id")) for h in page.select("h2")]
    # The same anchors as the English page, so links to its sections still work.
    assert headings[:5] == [
        ("定义", "definition"),
        ("历年使用情况", "use-over-time"),
        ("各文本中的用词", "renderings-in-the-texts"),
        ("语境索引", "concordance"),
        ("相关术语", "related-terms"),
    ]
    assert page.h1["lang"] == "en" and page.h1["id"] == "credit-restoration"
    assert page.select_one(".ar-term-toc")["aria-label"] == "本页内容"
    assert page.select_one(".ar-term-counts").get_text() == "在1份文件的2个段落中共出现4次。"
    assert "在本语料库中首次出现于" in page.select_one(".ar-term-first").get_text()
    assert page.select_one(".ar-term-definition")["lang"] == "en"
    assert page.select_one("svg title").get_text() == "“信用修复”的逐年使用情况（2003–2022年）"
    assert [th.get_text() for th in page.select(".ar-kwic thead th")][:4] == ["段落", "前文", "术语", "后文"]
    assert page.select_one(".ar-kwic caption")["lang"] == "zh-Hans"
    assert page.select_one("ul.ar-sources")["lang"] == "en"
    _assert_chinese_interface(page)


def test_the_year_chart_describes_itself_in_chinese() -> None:
    uses = [YearUse(2003, 1, 0, 0), YearUse(2004, 0, 0, 0), YearUse(2005, 1, 2, 3)]
    assert describe(uses, "信用", ZH) == (
        "2003–2005年间各年使用“信用”的段落：2005年2个。2003年的文件未使用该术语。其余年份在本语料库中没有文件。"
    )


def test_the_glossary_index_in_chinese(project: CheckedCorpus) -> None:
    page = _html(render_glossary_index(project.terms, project.occurrences, ZH))
    assert page.h1.get_text(strip=True) == "术语表" and page.h1["id"] == "glossary"
    assert [h["id"] for h in page.select("h2")] == ["by-english", "by-pinyin"]
    assert [th.get_text() for th in page.select("thead th")] == ["英文", "中文", "拼音", "定义", "出现次数"]
    row = page.select_one("#term-blacklist")
    assert row.select("td")[3]["lang"] == "en"
    _assert_chinese_interface(page)


def test_the_annotations_index_in_chinese(project: CheckedCorpus) -> None:
    notes = NoteIndex.build(project.corpus, project.anchors)
    page = _html(render_annotation_index(notes, ZH))
    assert [h.get_text(strip=True) for h in page.select("h2")] == ["按文件", "按类型", "按标签"]
    assert page.select_one("#type-translation").get_text().startswith("翻译注释（")
    assert "条注释" in page.select_one(".ar-index-count").get_text()
    assert page.select_one(".ar-tag")["lang"] == "en"
    _assert_chinese_interface(page)


def test_notes_beside_a_passage_in_chinese(project: CheckedCorpus) -> None:
    notes = NoteIndex.build(project.corpus, project.anchors)
    document = project.corpus.document("2003-shanghai-opinions")
    assert document is not None
    rows = [render_row_notes(notes, document, p, "zh", "zh", "../../../", ZH) for p in document.segment_ids]
    html = "".join(aside + back for _, aside, back in rows)
    page = BeautifulSoup(html, "html.parser")
    assert page.select_one("aside.ar-notes")["aria-label"].endswith("的注释")
    assert page.select_one(".ar-note-type").get_text() == "翻译注释"
    assert page.select_one(".ar-note-permalink").get_text() == "本注释的链接"
    assert page.select_one(".ar-note-on").get_text().startswith("关于")
    assert page.select_one(".ar-note-meta span")["lang"] == "en"
    _assert_chinese_interface(page)
    assert note_ref("n", 3, "背景", ZH).count('aria-label="注释3：背景"') == 1


def test_term_definitions_and_witness_names_in_chinese(project: CheckedCorpus) -> None:
    notes = NoteIndex.build(project.corpus, project.anchors)
    links = TextLinks.build(project.terms, project.occurrences, notes, project.mentions)
    document = project.corpus.document("2014-planning-outline")
    assert document is not None
    block = BeautifulSoup(render_definitions(links.terms_in(document, {"zh", "en"}), ZH), "html.parser")
    assert all(p["lang"] == "en" for p in block.select(".ar-def-text"))
    assert [witness_name(w, ZH) for w in document.witnesses] == ["中文官方文本 [zh]", "英文机器翻译 [en]"]


def test_the_timeline_in_chinese(timeline: TimelineContext) -> None:
    overview = _html(render_overview(timeline))
    assert overview.h1.get_text(strip=True) == "时间线" and overview.h1["id"] == "timeline"
    assert overview.select_one(".ar-timeline")["aria-label"] == "2003年至2022年"
    assert "2002年11月8日至14日" in overview.get_text()
    _assert_chinese_interface(overview)

    year = _html(render_year_page(2014, timeline))
    assert year.h1.get_text(strip=True) == "2014年" and year.h1["id"] == "2014"
    assert [h["id"] for h in year.select("h2")] == [
        "events",
        "documents-of-the-corpus",
        "terms-first-used-in-the-corpus",
        "passages-that-mention-this-years-events",
    ]
    assert year.select_one(".ar-year-events time").get_text() == "2014年6月14日"
    assert year.select_one(".ar-event-summary")["lang"] == "en"
    assert year.select_one(".ar-event-kind").get_text() == "规划"
    _assert_chinese_interface(year)

    event = timeline.by_id["2022-draft-law-commentary"]
    page = _html(render_event_page(event, timeline))
    assert [dt.get_text() for dt in page.select(".ar-meta dt")] == ["日期", "类型", "文件"]
    assert page.select_one(".ar-meta time").get_text() == "2023年1月"
    assert page.h1["lang"] == "en" and page.select_one(".ar-event-summary-full")["lang"] == "en"
    _assert_chinese_interface(page)


def test_a_document_header_shows_its_timeline_rows_in_chinese(timeline: TimelineContext) -> None:
    document = timeline.corpus.document("2007-state-council-opinions")
    assert document is not None
    rows = document_timeline_rows(timeline, document, "../../")
    assert [label for label, _ in rows] == ["时间线", "引用"]
    assert "2007年3月23日" in rows[0][1] and "时间线上的2007年" in rows[0][1]
    # A cited event is named by its Chinese title, with its date the Chinese way.
    assert "中国共产党第十六次全国代表大会</a>（2002年11月8日至14日；" in rows[1][1]


def test_no_generated_page_in_chinese_leaves_english_unmarked(
    project: CheckedCorpus, glossary: GlossaryContext, timeline: TimelineContext
) -> None:
    pages = [render_term_page(term, glossary) for term in project.terms]
    pages += [render_year_page(year, timeline) for year in YEARS]
    pages += [render_event_page(event, timeline) for event in project.events]
    for source in pages:
        _assert_chinese_interface(_html(source))
