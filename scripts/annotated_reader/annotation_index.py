"""The annotations index page: every note, by document, by type and by tag.

Each entry links to the note on its passage (the parallel view) and shows
its type, the passage's citation label and the opening of its body. The
page's words come from the message catalogue, in the language of `msg`.

A corpus with more notes than `INDEX_NOTES` (the plugin's `index_notes`
option) has a page per year of its documents (annotations/<year>/), each
listing that year's notes by document, type and tag as the index does; the
index then lists the years, the types and the tags with their counts, each
linking to where its notes are, under the ids its sections had.
"""

from __future__ import annotations

import html
from collections import Counter, defaultdict

from .annotations import type_labels
from .corpus_years import group_by_year, year_key, year_label, year_list, year_nav
from .interface import english, english_attr, heading, sentences
from .labels import citation_label
from .messages import ENGLISH, Messages
from .model import Document
from .note_body import plain_summary
from .notes import NoteIndex, PlacedNote
from .web_annotation import export_path

INDEX_URI = "annotations/index.md"
# The index page is at annotations/, one folder below the site root; a year's at annotations/<year>/.
ROOT = "../"
YEAR_ROOT = "../../"
# The most notes the index lists itself (about 600 kB of HTML); more are listed per year.
INDEX_NOTES = 500


def year_page_uri(year: str) -> str:
    """The generated page file of the annotations of one year's documents (served at annotations/<year>/)."""
    return f"annotations/{year}.md"


def annotation_years(index: NoteIndex, limit: int = INDEX_NOTES) -> list[str]:
    """The index's year pages: every year of a document with notes; none when the index lists every note."""
    if sum(len(notes) for notes in index.by_document.values()) <= limit:
        return []
    return list(_documents_by_year(index))


def _documents_by_year(index: NoteIndex) -> dict[str, list[Document]]:
    """The documents with notes, by year."""
    return group_by_year((d for d in index.corpus.documents if index.count(d)), year_key)


def _entry(index: NoteIndex, note: PlacedNote, msg: Messages, with_summary: bool = True, root: str = ROOT) -> str:
    document = index.corpus.document(note.annotation.target.passage.document)
    assert document is not None
    label = citation_label(document, note.anchor.passage, msg.language)
    text = msg("passage_note", label=label, number=note.number)
    link = f'<a href="{index.note_url(note, "", root)}">{html.escape(text)}</a>'
    if not with_summary:
        return f"<li>{link}</li>"
    tags = "".join(f' <span class="ar-tag"{english_attr(msg)}>{html.escape(t)}</span>' for t in note.annotation.tags)
    return (
        f'<li class="ar-index-entry">{link} · <span class="ar-note-type">{html.escape(note.annotation.type_label(msg))}'
        f'</span><br><span class="ar-index-summary" lang="{html.escape(note.annotation.language)}">'
        f"{html.escape(plain_summary(note.annotation.body))}</span>{tags}</li>"
    )


def _compact_list(index: NoteIndex, notes: list[PlacedNote], msg: Messages, root: str) -> str:
    """Links to notes, one per line: the notes are searched where they are, not here again."""
    entries = "".join(_entry(index, n, msg, False, root) for n in notes)
    return f'<ul class="ar-index-compact" data-search-exclude>{entries}</ul>\n'


def _intro(index: NoteIndex, msg: Messages, root: str) -> str:
    notes = sum(len(n) for n in index.by_document.values())
    documents = sum(1 for d in index.corpus.documents if index.count(d))
    guide = f'<a href="{root}contributing/">{html.escape(msg("contributing_guide"))}</a>'
    intro = msg.html("annotations_intro", notes=str(notes), documents=str(documents), guide=guide)
    return f'<p class="ar-index-intro">{intro}</p>\n'


def _type_heading(type_id: str, type_label: str, count: int, msg: Messages) -> str:
    return f'<h3 id="type-{type_id}">{html.escape(msg("heading_count", label=type_label, count=count))}</h3>\n'


def _tag_heading(tag: str, count: int, msg: Messages) -> str:
    label = msg.html("heading_count", count=count, label=english(html.escape(tag), msg))
    return f'<h3 id="tag-{html.escape(tag)}">{label}</h3>\n'


def _listing(index: NoteIndex, documents: list[Document], msg: Messages, root: str) -> list[str]:
    """The notes of `documents`, by document (each with its download), by type and by tag."""
    notes = [n for d in documents for n in index.by_document.get(d.id, [])]
    by_type: dict[str, list[PlacedNote]] = defaultdict(list)
    by_tag: dict[str, list[PlacedNote]] = defaultdict(list)
    for note in notes:
        by_type[note.annotation.type].append(note)
        for tag in note.annotation.tags:
            by_tag[tag].append(note)
    parts = [heading(2, msg("by_document"), "by-document")]
    for document in documents:
        document_notes = index.by_document.get(document.id, [])
        download = (
            f' · <a href="{root}{export_path(document)}" type="application/ld+json">'
            f"{html.escape(msg('download_web_annotation'))}</a>"
        )
        parts.append(
            f'<h3 id="document-{html.escape(document.id)}">{html.escape(document.short_title[msg.language])}</h3>\n'
            f'<p class="ar-index-count">{html.escape(msg("note_count", count=len(document_notes)))}'
            f"{download if document_notes else ''}</p>\n"
        )
        if document_notes:
            # The notes' words are searched where the notes are (the document views), not here again.
            entries = "".join(_entry(index, n, msg, root=root) for n in document_notes)
            parts.append(f'<ol class="ar-index" data-search-exclude>{entries}</ol>\n')
    parts.append(heading(2, msg("by_type"), "by-type"))
    for type_id, type_label in type_labels(msg).items():
        typed = by_type.get(type_id, [])
        parts.append(_type_heading(type_id, type_label, len(typed), msg) + _compact_list(index, typed, msg, root))
    parts.append(heading(2, msg("by_tag"), "by-tag"))
    for tag in sorted(by_tag):
        parts.append(_tag_heading(tag, len(by_tag[tag]), msg) + _compact_list(index, by_tag[tag], msg, root))
    return parts


def render_annotation_index(index: NoteIndex, msg: Messages = ENGLISH, limit: int = INDEX_NOTES) -> str:
    """HTML of the annotations index page: every note, or with more than `limit`, where each year's are."""
    parts = [heading(1, msg("annotations_title"), "annotations"), _intro(index, msg, ROOT)]
    if not annotation_years(index, limit):
        return "\n".join([*parts, *_listing(index, index.corpus.documents, msg, ROOT)])
    return "\n".join([*parts, *_year_index(index, msg)])


def _year_index(index: NoteIndex, msg: Messages) -> list[str]:
    """Where the notes are: each year with its documents, each type and tag with its years."""
    by_year = _documents_by_year(index)
    years = list(by_year)
    typed: dict[str, Counter[str]] = defaultdict(Counter)
    tagged: dict[str, Counter[str]] = defaultdict(Counter)
    for year, documents in by_year.items():
        for note in (n for d in documents for n in index.by_document[d.id]):
            typed[note.annotation.type][year] += 1
            for tag in note.annotation.tags:
                tagged[tag][year] += 1

    def in_years(counts: Counter[str], fragment: str) -> str:
        links = [
            f'<a href="{y}/#{html.escape(fragment)}">{html.escape(year_label(y, msg))}</a> '
            f"{html.escape(msg('in_parentheses', text=counts[y]))}"
            for y in years
            if counts[y]
        ]
        return f'<p class="ar-index-years-of">{msg("list_comma").join(links)}</p>\n' if links else ""

    listed = {year: [(d, index.count(d)) for d in documents] for year, documents in by_year.items()}
    parts = [
        f'<p class="ar-index-intro">{html.escape(msg("annotations_years_intro", count=len(years)))}</p>\n',
        # The section it replaces keeps its id: a link to it lands on the documents' list.
        '<span id="by-document"></span>' + heading(2, msg("by_year"), "by-year"),
        f'<ul class="ar-index-years" data-search-exclude>{year_list(listed, "note_count", "document", msg)}</ul>\n',
        heading(2, msg("by_type"), "by-type"),
    ]
    for type_id, type_label in type_labels(msg).items():
        counts = typed.get(type_id, Counter())
        parts.append(_type_heading(type_id, type_label, counts.total(), msg) + in_years(counts, f"type-{type_id}"))
    parts.append(heading(2, msg("by_tag"), "by-tag"))
    for tag in sorted(tagged):
        parts.append(_tag_heading(tag, tagged[tag].total(), msg) + in_years(tagged[tag], f"tag-{tag}"))
    return parts


def render_annotation_year_page(index: NoteIndex, year: str, msg: Messages = ENGLISH) -> str:
    """HTML of annotations/<year>/: the notes of that year's documents, by document, type and tag."""
    by_year = _documents_by_year(index)
    years, documents = list(by_year), by_year[year]
    count = sum(map(index.count, documents))
    label = year_label(year, msg)
    counts = msg("annotations_year_counts", notes=msg("note_count", count=count), year=label)
    back = f'<a href="../">{html.escape(msg("annotations_year_back"))}</a>'
    return "\n".join(
        [
            heading(1, msg("annotations_year_title", year=label), "annotations"),
            f'<p class="ar-index-intro">{sentences([html.escape(counts), back], msg)}</p>\n',
            year_nav(year, years, msg, msg("annotations_years_nav")) + "\n",
            *_listing(index, documents, msg, YEAR_ROOT),
            year_nav(year, years, msg, msg("annotations_years_nav_end")) + "\n",
        ]
    )
