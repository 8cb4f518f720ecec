"""The timeline: event files and their mistakes, mentions, year pages, event pages and links both ways."""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

from bs4 import BeautifulSoup

from annotated_reader.model import PartialDate
from annotated_reader.pipeline import CheckedCorpus, check_project
from annotated_reader.timeline import format_date
from conftest import copy_project

YEARS = [str(y) for y in range(2003, 2023)]


@cache
def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _resolve(page: Path, href: str) -> tuple[Path, str]:
    url, _, fragment = href.partition("#")
    return (page.parent / url).resolve() / "index.html", fragment


GOOD_EVENT = """\
# yaml-language-server: $schema=event.schema.json
id: publication
date: "2001-05"
title:
  en: The sample is published
  zh: 样例发布
kind: other
summary: |
  The day the sample takes effect.
mentions:
  zh: [发布之日]
  en: [day it is published]
sources:
  - passage: 2001-sample-bilingual#2.3
    supports: that it takes effect on publication
author: Fixture Author
"""


def test_a_good_event_loads_and_its_mentions_are_found(small_project: Path, tmp_path: Path) -> None:
    project = copy_project(small_project, tmp_path / "project")
    (project / "annotations/timeline/publication.yaml").write_text(GOOD_EVENT, encoding="utf-8")
    checked = check_project(project)
    assert [str(p) for p in checked.problems] == []
    assert [e.id for e in checked.events] == ["publication"]
    assert checked.events[0].date.precision == "month" and checked.events[0].is_context
    assert [(m.witness, m.passage, m.text) for m in checked.mentions] == [
        ("zh", "2.3", "发布之日"),
        ("en", "2.3", "day it is published"),
    ]


def test_every_event_mistake_is_reported_at_once_with_file_and_line(small_project: Path, tmp_path: Path) -> None:
    project = copy_project(small_project, tmp_path / "project")
    folder = project / "annotations/timeline"
    (folder / "publication.yaml").write_text(GOOD_EVENT, encoding="utf-8")
    schema = GOOD_EVENT.replace("id: publication", "id: schema").replace("kind: other", "kind: congress")
    (folder / "schema.yaml").write_text(
        schema.replace("[day it is published]", "[]") + "sumary: typo\n", encoding="utf-8"
    )
    broken = (
        GOOD_EVENT.replace("id: publication", "id: broken")
        .replace('date: "2001-05"', 'date: "2001-05"\nend: "2000"')
        .replace("kind: other", "kind: other\ndocument: 2001-sample-bilingal")
        .replace("[发布之日]", "[发布之日, 不存在的话]")
        .replace("2001-sample-bilingual#2.3", "2001-sample-bilingual#2.4")
        .replace("author: Fixture Author", "  - supports: nothing named\nauthor: Fixture Author")
    )
    (folder / "broken.yaml").write_text(broken, encoding="utf-8")
    renamed = GOOD_EVENT.replace('"2001-05"', '"2001-02-30"').replace("[发布之日]", "[]")
    (folder / "renamed.yaml").write_text(renamed.replace("[day it is published]", "[]"), encoding="utf-8")
    (folder / "notes.txt").write_text("an event in the wrong format\n", encoding="utf-8")
    problems = [str(p) for p in check_project(project).problems]
    assert problems == [
        "annotations/timeline/broken.yaml:4: end 2000 comes before date 2001-05: swap them",
        "annotations/timeline/broken.yaml:9: document: unknown document '2001-sample-bilingal'; did you mean "
        "'2001-sample-bilingual' or '2002-sample-notice'?",
        "annotations/timeline/broken.yaml:13: mention '不存在的话' does not occur in any Chinese text: copy the "
        "words exactly as the text writes them",
        "annotations/timeline/broken.yaml:16: sources: no passage '2.4' in 2001-sample-bilingual; did you mean '2.3'?",
        "annotations/timeline/broken.yaml:18: a source needs a passage (<document-id>#<passage>) or a title",
        "annotations/timeline/notes.txt: only <event-id>.yaml files belong in annotations/timeline/",
        "annotations/timeline/publication.yaml:11: '发布之日' already names event 'broken': words name one event only",
        "annotations/timeline/publication.yaml:12: 'day it is published' already names event 'broken': words name "
        "one event only",
        "annotations/timeline/renamed.yaml:2: id 'publication' differs from the file name: rename one of them",
        "annotations/timeline/renamed.yaml:3: malformed date '2001-02-30': day is out of range for month",
        "annotations/timeline/schema.yaml:7: kind: 'congress' is not one of: document, party-congress, plan, "
        "law-or-regulation, other; did you mean 'party-congress'?",
        "annotations/timeline/schema.yaml:17: unknown field 'sumary' in the file; did you mean 'summary'?",
    ]


def test_dates_are_shown_as_precisely_as_they_are_known() -> None:
    assert format_date(PartialDate(2003)) == "2003"
    assert format_date(PartialDate(2003, 10)) == "October 2003"
    assert format_date(PartialDate(2022, 12, 14)) == "14 December 2022"
    assert format_date(PartialDate(2012, 11, 8), PartialDate(2012, 11, 14)) == "8–14 November 2012"
    assert format_date(PartialDate(2002, 12, 30), PartialDate(2003, 1, 2)) == "30 December 2002 – 2 January 2003"


def test_mentions_are_found_by_longest_match_and_never_in_their_own_document(project: CheckedCorpus) -> None:
    counts = Counter((m.event, m.document, m.witness) for m in project.mentions)
    opinions = "2007-state-council-opinions"
    # "the 3rd Plenum of the 16th Party Congress" is the plenum, not also the congress.
    assert counts[("16th-party-congress", opinions, "en-blog")] == 1
    assert counts[("3rd-plenum-16th-central-committee", opinions, "en-blog")] == 1
    assert counts[("16th-party-congress", opinions, "en-qa")] == 1
    # 党的十八大 and 党的十八届三中全会 are different events.
    assert counts[("18th-party-congress", "2014-planning-outline", "zh")] == 1
    assert counts[("3rd-plenum-18th-central-committee", "2014-planning-outline", "zh")] == 1
    # The 2022 Opinions' own title in their headline is not a citation of themselves.
    assert not any(m.document == "2022-high-quality-development-opinions" == m.event for m in project.mentions)
    assert counts[("2022-high-quality-development-opinions", "2022-draft-law-commentary", "en")] == 1


def test_every_year_page_exists_and_links_to_its_neighbours(site: Path) -> None:
    for year in YEARS:
        path = site / "timeline" / year / "index.html"
        page = _soup(path)
        assert page.h1.get_text(strip=True).rstrip("¶") == year
        nav = page.select_one("nav.ar-year-nav")
        # The links at the top and at the foot: two landmarks, each with its own name.
        labels = [n["aria-label"] for n in page.select("nav.ar-year-nav")]
        assert labels == ["Years", "Years, at the end of the page"]
        links = {a.get("rel", [""])[0]: a["href"] for a in nav.select("a")}
        assert ("prev" in links) == (year != "2003") and ("next" in links) == (year != "2022")
        for rel, step in (("prev", -1), ("next", 1)):
            if rel in links:
                target, _ = _resolve(path, links[rel])
                assert target == (site / "timeline" / str(int(year) + step) / "index.html").resolve()
        for link in page.select("article a[href]"):
            if not link["href"].startswith(("http", "#")):
                target, fragment = _resolve(path, link["href"])
                assert target.is_file(), (year, link["href"])
                assert not fragment or _soup(target).find(id=fragment), (year, link["href"])


def test_the_overview_lists_every_year_and_every_event(site: Path, project: CheckedCorpus) -> None:
    path = site / "timeline" / "index.html"
    page = _soup(path)
    years = page.select("ol.ar-timeline > li.ar-year")
    assert [li.select_one(".ar-year-label").get_text() for li in years] == YEARS
    for li in years:
        events = [a["href"].split("/")[-2] for a in li.select(".ar-event a")]
        expected = [e.id for e in project.events if str(e.date.year) == li.select_one(".ar-year-label").get_text()]
        assert events == expected
        assert ("ar-year-is-empty" in li["class"]) == (not expected)
    listed = [a["href"].split("/")[-2] for a in page.select(".ar-event a")]
    assert sorted(listed) == sorted(e.id for e in project.events)
    for link in page.select(".ar-event a"):
        assert _resolve(path, link["href"])[0].is_file()


def test_events_and_their_documents_link_both_ways(site: Path, project: CheckedCorpus) -> None:
    for event in project.events:
        path = site / "timeline" / "events" / event.id / "index.html"
        page = _soup(path)
        if event.document:
            link = page.select_one(".ar-event-page dd a")
            target, _ = _resolve(path, link["href"])
            assert target == (site / "documents" / event.document / "index.html").resolve()
            header = _soup(target).select_one(".ar-meta")
            back = [a["href"] for a in header.select("a") if f"timeline/events/{event.id}/" in a["href"]]
            assert back, event.id


def test_every_mention_links_to_its_event_and_the_event_lists_it(site: Path, project: CheckedCorpus) -> None:
    for mention in project.mentions:
        document_page = site / "documents" / mention.document / "index.html"
        cell = _soup(document_page).find(id=mention.passage).select_one(f".ar-cell[data-witness='{mention.witness}']")
        links = [a for a in cell.select("a.ar-event-link") if a["data-event"] == mention.event]
        assert mention.text in [a.get_text() for a in links], mention
        assert (
            _resolve(document_page, links[0]["href"])[0]
            == (site / "timeline" / "events" / mention.event / "index.html").resolve()
        )
        # The document's header says it cites the event, with the passage.
        cites = _soup(document_page).select_one(".ar-meta").get_text()
        event = next(e for e in project.events if e.id == mention.event)
        assert event.title_en in cites and mention.passage in cites
    for event in project.events:
        path = site / "timeline" / "events" / event.id / "index.html"
        listed = _soup(path).select(".ar-mention a")
        assert len(listed) == sum(1 for m in project.mentions if m.event == event.id)
        for link in listed:
            target, fragment = _resolve(path, link["href"])
            assert _soup(target).find(id=fragment) is not None, link["href"]
    total = sum(len(_soup(p).select("a.ar-event-link")) for p in (site / "documents").glob("*/index.html"))
    assert total == len(project.mentions)


def test_two_events_cannot_both_be_the_issue_of_one_document(small_project: Path, tmp_path: Path) -> None:
    project = copy_project(small_project, tmp_path / "project")
    folder = project / "annotations/timeline"
    issued = GOOD_EVENT.replace("kind: other", "kind: document\ndocument: 2002-sample-notice")
    (folder / "publication.yaml").write_text(issued, encoding="utf-8")
    again = (
        issued.replace("id: publication", "id: reissue")
        .replace("[发布之日]", "[]")
        .replace("[day it is published]", "[]")
    )
    (folder / "reissue.yaml").write_text(again, encoding="utf-8")
    assert [str(p) for p in check_project(project).problems] == [
        "annotations/timeline/reissue.yaml:8: document: '2002-sample-notice' is already the document of event "
        "'publication': a document is issued once; link other events to its passages instead"
    ]
