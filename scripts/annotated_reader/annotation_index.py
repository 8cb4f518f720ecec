"""The annotations index page: every note, by document, by type and by tag.

Each entry links to the note on its passage (the parallel view) and shows
its type, the passage's citation label and the opening of its body. The
page's words come from the message catalogue, in the language of `msg`.
"""

from __future__ import annotations

import html
from collections import defaultdict

from .annotations import type_labels
from .interface import english, english_attr, heading
from .labels import citation_label
from .messages import ENGLISH, Messages
from .note_body import plain_summary
from .notes import NoteIndex, PlacedNote
from .web_annotation import export_path

INDEX_URI = "annotations/index.md"
# The index page is at annotations/, one folder below the site root.
ROOT = "../"


def _entry(index: NoteIndex, note: PlacedNote, msg: Messages, with_summary: bool = True) -> str:
    document = index.corpus.document(note.annotation.target.passage.document)
    assert document is not None
    label = citation_label(document, note.anchor.passage, msg.language)
    text = msg("passage_note", label=label, number=note.number)
    link = f'<a href="{index.note_url(note, "", ROOT)}">{html.escape(text)}</a>'
    if not with_summary:
        return f"<li>{link}</li>"
    tags = "".join(f' <span class="ar-tag"{english_attr(msg)}>{html.escape(t)}</span>' for t in note.annotation.tags)
    return (
        f'<li class="ar-index-entry">{link} · <span class="ar-note-type">{html.escape(note.annotation.type_label(msg))}'
        f'</span><br><span class="ar-index-summary" lang="{html.escape(note.annotation.language)}">'
        f"{html.escape(plain_summary(note.annotation.body))}</span>{tags}</li>"
    )


def _compact_list(index: NoteIndex, notes: list[PlacedNote], msg: Messages) -> str:
    """Links to notes, one per line: the notes are searched where they are, not here again."""
    entries = "".join(_entry(index, n, msg, False) for n in notes)
    return f'<ul class="ar-index-compact" data-search-exclude>{entries}</ul>\n'


def render_annotation_index(index: NoteIndex, msg: Messages = ENGLISH) -> str:
    """HTML of the annotations index page."""
    notes = [n for d in index.corpus.documents for n in index.by_document.get(d.id, [])]
    by_type: dict[str, list[PlacedNote]] = defaultdict(list)
    by_tag: dict[str, list[PlacedNote]] = defaultdict(list)
    for note in notes:
        by_type[note.annotation.type].append(note)
        for tag in note.annotation.tags:
            by_tag[tag].append(note)
    documents = [d for d in index.corpus.documents if index.count(d)]
    guide = f'<a href="../contributing/">{html.escape(msg("contributing_guide"))}</a>'
    intro = msg.html("annotations_intro", notes=str(len(notes)), documents=str(len(documents)), guide=guide)
    parts = [
        heading(1, msg("annotations_title"), "annotations"),
        f'<p class="ar-index-intro">{intro}</p>\n',
        heading(2, msg("by_document"), "by-document"),
    ]
    for document in index.corpus.documents:
        document_notes = index.by_document.get(document.id, [])
        download = (
            f' · <a href="{ROOT}{export_path(document)}" type="application/ld+json">'
            f"{html.escape(msg('download_web_annotation'))}</a>"
        )
        parts.append(
            f'<h3 id="document-{html.escape(document.id)}">{html.escape(document.short_title[msg.language])}</h3>\n'
            f'<p class="ar-index-count">{html.escape(msg("note_count", count=len(document_notes)))}'
            f"{download if document_notes else ''}</p>\n"
        )
        if document_notes:
            # The notes' words are searched where the notes are (the document views), not here again.
            entries = "".join(_entry(index, n, msg) for n in document_notes)
            parts.append(f'<ol class="ar-index" data-search-exclude>{entries}</ol>\n')
    parts.append(heading(2, msg("by_type"), "by-type"))
    for type_id, type_label in type_labels(msg).items():
        typed = by_type.get(type_id, [])
        parts.append(
            f'<h3 id="type-{type_id}">{html.escape(msg("heading_count", label=type_label, count=len(typed)))}</h3>\n'
            + _compact_list(index, typed, msg)
        )
    parts.append(heading(2, msg("by_tag"), "by-tag"))
    for tag in sorted(by_tag):
        tagged = by_tag[tag]
        tag_heading = msg.html("heading_count", count=len(tagged), label=english(html.escape(tag), msg))
        parts.append(f'<h3 id="tag-{html.escape(tag)}">{tag_heading}</h3>\n' + _compact_list(index, tagged, msg))
    return "\n".join(parts)
