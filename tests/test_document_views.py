"""A document's views as pages.py renders them: each view's passages marked as if made for that view alone."""

from __future__ import annotations

import datetime

import pytest

from annotated_reader import pages
from annotated_reader.messages import messages
from annotated_reader.model import Segment, Witness
from annotated_reader.notes import NoteIndex
from annotated_reader.pages import Reading, build_pages
from annotated_reader.pipeline import CheckedCorpus
from annotated_reader.site_info import SiteInfo
from annotated_reader.text_links import TextLinks

SITE = SiteInfo("Reader", "https://reader.example/", "v1", datetime.date(2026, 3, 5))


def every_view(project: CheckedCorpus, notes: NoteIndex) -> list[str]:
    """Every view of every document of the corpus, in the order a build renders them."""
    links = TextLinks.build(project.terms, project.occurrences, notes, project.mentions)
    reading = Reading(messages("en"), SITE)
    return [page.render() for page in build_pages(project.corpus, notes, links, None, reading)]


def test_each_view_marks_a_passage_as_if_made_for_that_view_alone(
    project: CheckedCorpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A passage is marked once for all its document's views, its links' root put in for each view.
    notes = NoteIndex.build(project.corpus, project.anchors)
    shared = every_view(project, notes)

    def alone(page: pages.ViewPage, witness: Witness, segment: Segment) -> str:
        return pages._render_marked(page, witness, segment, page.root)

    monkeypatch.setattr(pages, "_marked_text", alone)
    assert every_view(project, notes) == shared
    # Term links from both depths of view: the parallel view's folder and a language view's.
    assert any('href="../../glossary/' in view for view in shared)
    assert any('href="../../../glossary/' in view for view in shared)


def test_views_rendered_again_show_the_notes_read_again(project: CheckedCorpus) -> None:
    # Under `mkdocs serve` each build reads the notes again: a passage marked for the last build is not reused.
    with_notes = "".join(every_view(project, NoteIndex.build(project.corpus, project.anchors)))
    without_notes = "".join(every_view(project, NoteIndex.build(project.corpus, [])))
    assert 'class="ar-quote"' in with_notes and 'class="ar-quote"' not in without_notes
