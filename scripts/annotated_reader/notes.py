"""Placing anchored annotations on the document pages: which note goes where, and its HTML.

A note is shown beside the passage it is anchored to (the first passage of a
range), in every view of the document; its quote is highlighted in its own
witness, and the other passages of a range carry a marker linking to it.
Notes are numbered per document in reading order. A note's `refs` make the
referenced passages list it under "Referenced by", with a link back.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from html import escape

from .anchoring import Anchor
from .annotations import Annotation, PassageRef
from .inline import Span, note_ref
from .interface import english, english_attr
from .labels import citation_label
from .messages import ENGLISH, Messages
from .model import Corpus, Document
from .note_body import render_body
from .search import unindexed_here
from .site_urls import document_url
from .sources_html import render_source_list


@dataclass
class PlacedNote:
    """An anchored annotation with its number on its document's pages."""

    anchor: Anchor
    number: int
    passages: list[str]  # every passage the target covers

    @property
    def annotation(self) -> Annotation:
        return self.anchor.annotation

    @property
    def id(self) -> str:
        return self.annotation.id


@dataclass
class NoteIndex:
    """Every placed note of the corpus, looked up the ways the pages need."""

    corpus: Corpus
    by_document: dict[str, list[PlacedNote]] = field(default_factory=lambda: defaultdict(list))
    at_passage: dict[tuple[str, str], list[PlacedNote]] = field(default_factory=lambda: defaultdict(list))
    covering: dict[tuple[str, str], list[PlacedNote]] = field(default_factory=lambda: defaultdict(list))
    referenced_by: dict[tuple[str, str], list[PlacedNote]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def build(cls, corpus: Corpus, anchors: list[Anchor]) -> NoteIndex:
        index = cls(corpus)
        by_document: dict[str, list[Anchor]] = defaultdict(list)
        for anchor in anchors:
            if anchor.anchored:
                by_document[anchor.annotation.target.passage.document].append(anchor)
        for document in corpus.documents:
            order = {segment_id: position for position, segment_id in enumerate(document.segment_ids)}
            ranked = sorted(by_document[document.id], key=lambda a: (order[a.passage], a.start or 0))
            for number, anchor in enumerate(ranked, start=1):
                target = anchor.annotation.target.passage
                note = PlacedNote(anchor, number, document.passage_range(target.first, target.last))
                index.by_document[document.id].append(note)
                index.at_passage[(document.id, anchor.passage)].append(note)
                for passage in note.passages:
                    index.covering[(document.id, passage)].append(note)
        for notes in list(index.by_document.values()):
            for note in notes:
                for ref in note.annotation.refs:
                    target = corpus.document(ref.document)
                    if target is not None:
                        first = target.resolve(ref.first) or ref.first
                        index.referenced_by[(target.id, first)].append(note)
        return index

    def spans(self, document: Document, witness_id: str, passage: str) -> list[Span]:
        return [
            Span(n.anchor.start, n.anchor.end, n.id, n.number)
            for n in self.at_passage.get((document.id, passage), [])
            if n.anchor.witness == witness_id and n.anchor.start is not None and n.anchor.end is not None
        ]

    def count(self, document: Document) -> int:
        return len(self.by_document.get(document.id, []))

    def note_url(self, note: PlacedNote, view_slug: str, root: str) -> str:
        document = note.annotation.target.passage.document
        return f"{root}{document_url(document, view_slug)}#note-{note.id}"


def ref_label(corpus: Corpus, ref: PassageRef, language: str) -> str:
    document = corpus.document(ref.document)
    if document is None:
        return str(ref)
    label = citation_label(document, document.resolve(ref.first) or ref.first, language)
    if ref.last:
        label += (
            "–"
            + citation_label(document, document.resolve(ref.last) or ref.last, language)
            .removeprefix(document.short_title[language])
            .strip()
        )
    return label


def render_row_notes(
    index: NoteIndex,
    document: Document,
    passage: str,
    view_slug: str,
    language: str,
    root: str,
    msg: Messages = ENGLISH,
) -> tuple[str, str, str]:
    """The HTML a row needs: its markers for whole-passage and range notes, its notes, its back-links."""
    key = (document.id, passage)
    markers = "".join(
        note_ref(n.id, n.number, n.annotation.type_label(msg), msg)
        for n in index.covering.get(key, [])
        if n.anchor.start is None or n.anchor.passage != passage
    )
    here = index.at_passage.get(key, [])
    notes = ""
    if here:
        label = citation_label(document, passage, language)
        notes = (
            f'<aside class="ar-notes" aria-label="{escape(msg("notes_on", label=label))}">'
            + "".join(_note(index, n, view_slug, language, root, msg) for n in here)
            + "</aside>"
        )
    referrers = index.referenced_by.get(key, [])
    back = ""
    if referrers:
        links = msg("list_comma").join(
            f'<a href="{index.note_url(n, view_slug, root)}">'
            + escape(msg("passage_note", label=ref_label(index.corpus, _anchor_ref(n), language), number=n.number))
            + "</a>"
            for n in referrers
        )
        back = f'<p class="ar-referenced-by">{msg.html("referenced_by", links=links)}</p>'
    return markers, notes, back


def _anchor_ref(note: PlacedNote) -> PassageRef:
    target = note.annotation.target.passage
    return PassageRef(target.document, note.anchor.passage, None)


def _note(index: NoteIndex, note: PlacedNote, view_slug: str, language: str, root: str, msg: Messages) -> str:
    annotation = note.annotation
    target = annotation.target
    on = ""
    if note.anchor.found is not None:
        quote = f'<q lang="{_witness_language(index, note)}">{escape(note.anchor.found)}</q>'
        about = msg.html("note_on_quote", quote=quote, witness=escape(note.anchor.witness or ""))
        on = f' <span class="ar-note-on">{about}</span>'
    elif target.passage.last:
        about = msg("note_on_passages", passages=ref_label(index.corpus, target.passage, language))
        on = f' <span class="ar-note-on">{escape(about)}</span>'
    refs = ""
    if annotation.refs:
        links = msg("list_semicolon").join(
            f'<a class="ar-xref" href="{root}{document_url(ref.document, view_slug)}#{escape(ref.fragment)}">'
            f"{escape(ref_label(index.corpus, ref, language))}</a>"
            for ref in annotation.refs
        )
        refs = f'<p class="ar-note-refs">{msg.html("note_see", links=links)}</p>'
    sources = render_source_list(msg("sources"), annotation.sources, "ar-note-sources", msg)
    tags = " ".join(f'<span class="ar-tag"{english_attr(msg)}>{escape(t)}</span>' for t in annotation.tags)
    drift = ' data-anchoring="fuzzy"' if note.anchor.status == "fuzzy" else ""
    unindexed = unindexed_here(view_slug, annotation.language)
    date = f'<time datetime="{escape(annotation.date)}">{escape(annotation.date)}</time>'
    byline = msg.html("byline", author=english(escape(annotation.author), msg), date=date)
    return (
        # Focusable by links (tabindex -1), like a passage: following a note's
        # marker puts the focus on the note.
        f'<article class="ar-note ar-note-{escape(annotation.type)}" id="note-{escape(annotation.id)}" tabindex="-1" '
        f'data-note-number="{note.number}"{drift}{unindexed}>'
        "<details open>"
        f'<summary><span class="ar-note-number">{note.number}</span> '
        f'<span class="ar-note-type">{escape(annotation.type_label(msg))}</span>{on}</summary>'
        f'<div class="ar-note-body" lang="{escape(annotation.language)}">{render_body(annotation.body)}</div>'
        f"{refs}{sources}"
        f'<p class="ar-note-meta">{byline} · '
        f'<a class="ar-note-permalink" href="#note-{escape(annotation.id)}">{escape(msg("note_permalink"))}</a>'
        f"{' · ' + tags if tags else ''}</p>"
        "</details></article>"
    )


def _witness_language(index: NoteIndex, note: PlacedNote) -> str:
    document = index.corpus.document(note.annotation.target.passage.document)
    witness = document.witness(note.anchor.witness) if document and note.anchor.witness else None
    return witness.language if witness else "en"
