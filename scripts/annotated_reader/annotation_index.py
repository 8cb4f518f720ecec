"""The annotations index page: every note, by document, by type and by tag.

Each entry links to the note on its passage (the parallel view) and shows
its type, the passage's citation label and the opening of its body.
"""

from __future__ import annotations

import html
from collections import defaultdict

from .annotations import ANNOTATION_TYPES
from .labels import citation_label
from .note_body import plain_summary
from .notes import NoteIndex, PlacedNote
from .web_annotation import export_path

INDEX_URI = "annotations/index.md"
# The index page is at annotations/, one folder below the site root.
ROOT = "../"


def _entry(index: NoteIndex, note: PlacedNote, with_summary: bool = True) -> str:
    document = index.corpus.document(note.annotation.target.passage.document)
    assert document is not None
    label = citation_label(document, note.anchor.passage, "en")
    link = f'<a href="{index.note_url(note, "", ROOT)}">{html.escape(label)}, note {note.number}</a>'
    if not with_summary:
        return f"<li>{link}</li>"
    tags = "".join(f' <span class="ar-tag">{html.escape(t)}</span>' for t in note.annotation.tags)
    return (
        f'<li class="ar-index-entry">{link} · <span class="ar-note-type">{html.escape(note.annotation.type_label)}'
        f'</span><br><span class="ar-index-summary" lang="{html.escape(note.annotation.language)}">'
        f"{html.escape(plain_summary(note.annotation.body))}</span>{tags}</li>"
    )


def render_annotation_index(index: NoteIndex) -> str:
    """Markdown source of the annotations index page."""
    notes = [n for d in index.corpus.documents for n in index.by_document.get(d.id, [])]
    by_type: dict[str, list[PlacedNote]] = defaultdict(list)
    by_tag: dict[str, list[PlacedNote]] = defaultdict(list)
    for note in notes:
        by_type[note.annotation.type].append(note)
        for tag in note.annotation.tags:
            by_tag[tag].append(note)
    documents = [d for d in index.corpus.documents if index.count(d)]
    parts = [
        "# Annotations\n",
        f'<p class="ar-index-intro">{len(notes)} notes on {len(documents)} documents: translation notes, context, '
        "cross-references and questions for class discussion. Each note is shown beside its passage in every "
        'view of the document; the <a href="../contributing/">contributing guide</a> says how to add one.</p>\n',
        "## By document\n",
    ]
    for document in index.corpus.documents:
        document_notes = index.by_document.get(document.id, [])
        download = (
            f' · <a href="{ROOT}{export_path(document)}" type="application/ld+json">'
            "download as Web Annotation JSON-LD</a>"
        )
        parts.append(
            f'<h3 id="document-{html.escape(document.id)}">{html.escape(document.short_title["en"])}</h3>\n'
            f'<p class="ar-index-count">{len(document_notes)} note{"s" if len(document_notes) != 1 else ""}'
            f"{download if document_notes else ''}</p>\n"
        )
        if document_notes:
            parts.append('<ol class="ar-index">' + "".join(_entry(index, n) for n in document_notes) + "</ol>\n")
    parts.append("## By type\n")
    for type_id, type_label in ANNOTATION_TYPES.items():
        typed = by_type.get(type_id, [])
        parts.append(
            f'<h3 id="type-{type_id}">{html.escape(type_label)} ({len(typed)})</h3>\n'
            + ('<ul class="ar-index-compact">' + "".join(_entry(index, n, False) for n in typed) + "</ul>\n")
        )
    parts.append("## By tag\n")
    for tag in sorted(by_tag):
        tagged = by_tag[tag]
        parts.append(
            f'<h3 id="tag-{html.escape(tag)}">{html.escape(tag)} ({len(tagged)})</h3>\n'
            '<ul class="ar-index-compact">' + "".join(_entry(index, n, False) for n in tagged) + "</ul>\n"
        )
    return "\n".join(parts)
