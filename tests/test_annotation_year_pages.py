"""The annotations index of a large corpus: a page per year of the documents, and an index of where the notes are."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from annotated_reader.annotation_index import annotation_years, render_annotation_index, render_annotation_year_page
from annotated_reader.corpus_years import year_key
from annotated_reader.linkcheck import check_site
from annotated_reader.messages import ENGLISH, messages
from annotated_reader.notes import NoteIndex
from annotated_reader.pipeline import CheckedCorpus
from annotated_reader.search import is_indexed
from test_search import _stored_texts

# Below the repository's 54 notes.
LIMIT = 10


@pytest.fixture(scope="module")
def notes(project: CheckedCorpus) -> NoteIndex:
    return NoteIndex.build(project.corpus, project.anchors)


def _soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def _note_links(page: BeautifulSoup, selector: str) -> list[str]:
    return [a["href"] for a in page.select(selector)]


def test_a_large_index_lists_where_each_years_notes_are(notes: NoteIndex) -> None:
    documents = [d for d in notes.corpus.documents if notes.count(d)]
    years = annotation_years(notes, LIMIT)
    assert years == sorted({year_key(d) for d in documents}) and len(years) > 1
    index = _soup(render_annotation_index(notes, ENGLISH, LIMIT))
    assert not index.select(".ar-index-entry")
    assert _note_links(index, "ul.ar-index-years > li > a:first-child") == [f"{year}/" for year in years]
    # Each section, document, type and tag keeps its id, and links to where its notes are.
    assert {"by-document", "by-type", "by-tag"} <= {tag["id"] for tag in index.select("[id]")}
    for document in documents:
        entry = index.find(id=f"document-{document.id}")
        assert entry["href"] == f"{year_key(document)}/#document-{document.id}"
    every = [n for d in documents for n in notes.by_document[d.id]]
    for type_id, count in Counter(n.annotation.type for n in every).items():
        section = index.find(id=f"type-{type_id}")
        assert f"({count})" in section.get_text()
        for link in section.find_next_sibling("p").select("a"):
            year, fragment = link["href"].split("/#")
            assert fragment == f"type-{type_id}" and year in years
    for tag in {t for n in every for t in n.annotation.tags}:
        assert index.find(id=f"tag-{tag}")


def test_the_year_pages_list_every_note_once_as_the_whole_index_would(notes: NoteIndex) -> None:
    whole = _soup(render_annotation_index(notes))
    assert annotation_years(notes) == []  # 54 notes: the repository's index lists them all
    years = annotation_years(notes, LIMIT)
    entries, typed, tagged = [], [], []
    for year in years:
        page = _soup(render_annotation_year_page(notes, year, ENGLISH))
        entries += _note_links(page, ".ar-index-entry a")
        typed += _note_links(page, "#by-type ~ ul.ar-index-compact a")
        for nav in page.select("nav.ar-years-nav"):
            assert _note_links(nav, "a") == [f"../{y}/" for y in years]
            assert [a.get_text() for a in nav.select('a[aria-current="page"]')] == [year]
        assert page.select_one(".ar-index-intro a")["href"] == "../"
        tagged += [h["id"] for h in page.select("h3[id^=tag-]")]
    # From annotations/<year>/, the notes are one folder further from the site root.
    assert entries == [href.replace("../", "../../", 1) for href in _note_links(whole, ".ar-index-entry a")]
    assert Counter(typed) == Counter(
        href.replace("../", "../../", 1) for href in _note_links(whole, "#by-type ~ ul.ar-index-compact a")
    )
    assert set(tagged) == {h["id"] for h in whole.select("h3[id^=tag-]")}


def test_an_index_at_its_limit_lists_every_note(notes: NoteIndex) -> None:
    total = sum(map(notes.count, notes.corpus.documents))
    assert annotation_years(notes, total) == [] and annotation_years(notes, total - 1)
    assert render_annotation_index(notes, ENGLISH, total) == render_annotation_index(notes)


def test_the_chinese_interface_names_the_year_pages_in_chinese(notes: NoteIndex) -> None:
    zh = messages("zh")
    year = annotation_years(notes, LIMIT)[0]
    page = _soup(render_annotation_year_page(notes, year, zh))
    assert page.h1.get_text() == f"注释：{year}年"
    assert page.select_one(".ar-index-intro").get_text().startswith(f"{year}年的文件共有")
    index = _soup(render_annotation_index(notes, zh, LIMIT))
    assert index.select_one("#by-year").get_text().startswith("按年份")


def test_year_pages_are_left_out_of_the_search_index() -> None:
    assert not is_indexed("annotations/2014/", parallel_view=False)
    assert is_indexed("annotations/", parallel_view=False)


def test_a_build_writes_the_year_pages_in_both_interfaces_with_every_link_working(paged_site: Path) -> None:
    for interface in ("", "zh/"):
        index = _soup((paged_site / interface / "annotations/index.html").read_text(encoding="utf-8"))
        assert _note_links(index, "ul.ar-index-years > li > a:first-child") == ["2001/", "2002/"]
        for year in ("2001", "2002"):
            page = _soup((paged_site / interface / f"annotations/{year}/index.html").read_text(encoding="utf-8"))
            assert page.select(".ar-index-entry")
    problems = [str(p) for p in check_site(paged_site).problems if "/annotations/" in p.path]
    assert problems == []
    for interface in ("", "zh/"):
        urls = _stored_texts(paged_site / interface / "pagefind")
        assert "/annotations/" in urls and not [u for u in urls if u.startswith("/annotations/2")]
