"""An event's mentions on a page per year of their documents, once it is named more often than a page shows."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from bs4 import BeautifulSoup

from annotated_reader.linkcheck import check_site
from annotated_reader.messages import messages
from annotated_reader.pipeline import CheckedCorpus
from annotated_reader.search import is_indexed
from annotated_reader.timeline_pages import (
    TimelineContext,
    render_event_page,
    render_event_year_page,
    render_year_page,
)
from test_search import _stored_texts

# Every event of the repository named more than once has its mentions paged.
LIMIT = 1


def _context(project: CheckedCorpus, language: str = "en", limit: int = LIMIT) -> TimelineContext:
    return TimelineContext(
        project.corpus, project.events, project.mentions, project.terms, project.occurrences, messages(language), limit
    )


def _soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def test_a_busy_event_has_a_page_per_year_and_no_mention_is_lost(project: CheckedCorpus) -> None:
    context = _context(project)
    per_event = Counter(m.event for m in project.mentions)
    paged = [event for event in project.events if per_event[event.id] > LIMIT]
    assert {e.id for e in paged} >= {"12th-five-year-plan", "draft-social-credit-law"}
    for event in paged:
        years = context.mention_years(event)
        assert years == sorted(years) and years
        page = _soup(render_event_page(event, context))
        # The event's page keeps its counts and lists its years, each document under its id there.
        assert not page.select(".ar-mention"), event.id
        assert page.find(string=lambda s, n=per_event[event.id]: s and s.startswith(f"{n} mention"))
        assert [li.a["href"] for li in page.select("ul.ar-kwic-years > li")] == [f"{year}/" for year in years]
        shown = []
        for year in years:
            mentions = context.mentions_by_year(event)[year]
            year_page = _soup(render_event_year_page(event, year, context))
            lines = year_page.select("li.ar-mention")
            assert len(lines) == len(mentions)
            shown += [line.a["href"] for line in lines]
            for document in dict.fromkeys(m.document for m in mentions):
                assert page.find(id=f"in-{document}")["href"] == f"{year}/#in-{document}"
                section = year_page.find("section", id=f"in-{document}")
                assert len(section.select("li.ar-mention")) == sum(m.document == document for m in mentions)
            # From timeline/events/<id>/<year>/, the passages are four folders up.
            assert all(href.startswith("../../../../documents/") for href in shown[-len(lines) :])
            for nav in year_page.select("nav.ar-years-nav"):
                assert [a["href"] for a in nav.select("a")] == [f"../{y}/" for y in years]
                assert [a.get_text() for a in nav.select('a[aria-current="page"]')] == [year]
            assert year_page.select_one(".ar-kwic-back a")["href"] == "../#mentioned-in-the-texts"
        # Every mention once, in the corpus's order within each year.
        assert len(shown) == per_event[event.id]


def test_the_year_page_gives_a_paged_events_counts_and_link_instead_of_its_lines(project: CheckedCorpus) -> None:
    context = _context(project)
    inline = _context(project, limit=len(project.mentions))
    event = next(e for e in project.events if e.id == "12th-five-year-plan")
    year = event.date.year
    paged_page = _soup(render_year_page(year, context))
    heading = f'h3.ar-mention-event:has(a[href="../../timeline/events/{event.id}/"])'
    counts = paged_page.select_one(heading).find_next_sibling()
    assert counts.name == "p" and "ar-mention-counts" in counts["class"]
    assert counts.get_text().startswith("5 mentions in ")
    assert counts.a["href"] == f"../../timeline/events/{event.id}/#mentioned-in-the-texts"
    # In Chinese the two sentences run on without a space.
    zh_counts = _soup(render_year_page(year, _context(project, "zh"))).select_one(heading).find_next_sibling()
    passages = len({(m.document, m.passage) for m in context.mentions_of[event.id]})
    assert zh_counts.get_text() == f"在{passages}个段落中被提及5次。按年份列于事件页面。"
    whole = _soup(render_year_page(year, inline))
    assert whole.select_one(heading).find_next_sibling().name == "ul"
    # Only the paged event's lines go: an event of the year named once keeps its line.
    once = [e for e in context.events_of(year) if 0 < len(context.mentions_of.get(e.id, [])) <= LIMIT]
    assert len(paged_page.select("li.ar-mention")) == sum(len(context.mentions_of[e.id]) for e in once)


def test_an_event_within_the_limit_keeps_its_lines_on_its_page(project: CheckedCorpus) -> None:
    event = next(e for e in project.events if e.id == "12th-five-year-plan")
    context = _context(project, limit=5)
    assert context.mention_years(event) == []
    page = _soup(render_event_page(event, context))
    assert len(page.select("li.ar-mention")) == 5 and not page.select(".ar-kwic-years")


def test_the_chinese_interface_names_the_pages_in_chinese(project: CheckedCorpus) -> None:
    context = _context(project, "zh")
    event = next(e for e in project.events if e.id == "12th-five-year-plan")
    year = context.mention_years(event)[0]
    page = _soup(render_event_year_page(event, year, context))
    assert page.h1.get_text() == f"“{event.title_zh}”·{year}年文本中的提及"
    assert page.select_one("nav.ar-years-nav")["aria-label"] == "提及年份"
    assert page.select_one(".ar-kwic-intro").get_text().startswith(f"{year}年的")


def test_event_year_pages_are_left_out_of_the_search_index() -> None:
    assert not is_indexed("timeline/events/12th-five-year-plan/2014/", parallel_view=False)
    assert not is_indexed("timeline/events/12th-five-year-plan/undated/", parallel_view=False)
    assert is_indexed("timeline/events/12th-five-year-plan/", parallel_view=False)
    assert is_indexed("timeline/2014/", parallel_view=False)


def test_a_build_writes_the_pages_in_both_interfaces_with_every_link_working(paged_site: Path) -> None:
    for interface in ("", "zh/"):
        event_page = paged_site / interface / "timeline/events/fixture-plan/index.html"
        index = _soup(event_page.read_text(encoding="utf-8")).select("ul.ar-kwic-years > li > a:first-of-type")
        assert [a["href"] for a in index] == ["2001/", "2002/"]
        for year, count in (("2001", 4), ("2002", 2)):
            year_page = paged_site / interface / f"timeline/events/fixture-plan/{year}/index.html"
            assert len(_soup(year_page.read_text(encoding="utf-8")).select("li.ar-mention")) == count
        timeline_year = _soup((paged_site / interface / "timeline/2003/index.html").read_text(encoding="utf-8"))
        assert timeline_year.select(".ar-mention-counts") and not timeline_year.select("li.ar-mention")
    problems = [str(p) for p in check_site(paged_site).problems if "/timeline/" in p.path]
    assert problems == []
    # The lines repeat the texts: neither interface's search index holds the year pages.
    for interface in ("", "zh/"):
        urls = _stored_texts(paged_site / interface / "pagefind")
        assert "/timeline/events/fixture-plan/" in urls
        assert not [u for u in urls if u.startswith("/timeline/events/fixture-plan/2")]
