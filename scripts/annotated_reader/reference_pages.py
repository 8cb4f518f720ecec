"""The generated parts of the hand-written "How to cite and link" and "Data" pages.

docs/cite.md asks for live examples with a marker,
`<!-- annotated-reader:cite-example -->`, optionally naming the passage
(`... cite-example <document> <passage> -->`; otherwise `example_passage`
picks one that has a note and texts in both languages); the marker becomes
working links of every kind (passage, range, view, note, interface
language) and that passage's citation in every style. docs/data.md's
`<!-- annotated-reader:downloads -->` becomes the table of every download.
Both are rendered from the corpus, so the examples cannot go stale.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from .citation import STYLES, CitationTarget, witness_description
from .cite_html import citation_html, style_label
from .downloads import SCHEMA_URI, json_path, text_path
from .labels import citation_label
from .messages import Messages
from .model import Corpus, Document
from .notes import NoteIndex
from .site_info import SiteInfo
from .site_urls import INTERFACE_ROOTS, document_url, passage_url
from .web_annotation import export_path

CITE_EXAMPLE = re.compile(r"<!-- annotated-reader:cite-example(?: (\S+) (\S+))? -->")
DOWNLOADS_MARKER = "<!-- annotated-reader:downloads -->"


@dataclass(frozen=True)
class MarkerError:
    """A marker that names what the corpus does not have, with the line it is on."""

    line: int
    message: str


def find_cite_examples(markdown: str, corpus: Corpus) -> list[MarkerError]:
    """Every cite-example marker that names an unknown document or passage."""
    errors = []
    for match in CITE_EXAMPLE.finditer(markdown):
        line = markdown.count("\n", 0, match.start()) + 1
        if match[1] is None:
            continue
        document = corpus.document(match[1])
        if document is None:
            known = ", ".join(d.id for d in corpus.documents)
            errors.append(MarkerError(line, f"cite-example names no document '{match[1]}': choose one of {known}"))
        elif document.resolve(match[2]) is None:
            errors.append(
                MarkerError(line, f"cite-example: document '{match[1]}' has no passage '{match[2]}'; see its page")
            )
    return errors


def example_passage(corpus: Corpus, notes: NoteIndex) -> tuple[Document, str]:
    """A passage to show off: the first with a note and texts in both languages, else the first passage."""
    for document in corpus.documents:
        for note in notes.by_document.get(document.id, []):
            passage = note.anchor.passage
            languages = {w.language.split("-")[0] for w in document.witnesses if w.segment(passage)}
            if len(languages) > 1:
                return document, passage
    document = corpus.documents[0]
    return document, document.segment_ids[0]


def _example(description: str, root: str, site_relative: str, site: SiteInfo) -> str:
    address = site.absolute(site_relative)
    return (
        f"<dt>{escape(description)}</dt>"
        f'<dd><a href="{escape(root + site_relative)}"><code>{escape(address)}</code></a></dd>'
    )


def render_cite_example(
    document: Document, passage: str, notes: NoteIndex, site: SiteInfo, msg: Messages, root: str
) -> str:
    """Links of every kind to one passage, and its citations in every style."""
    passage = document.resolve(passage) or passage
    order = document.segment_ids
    last = order[min(order.index(passage) + 2, len(order) - 1)]
    label = citation_label(document, passage, "en")
    examples = [
        _example(msg("example_passage", label=label), root, passage_url(document.id, passage), site),
        _example(
            msg("example_range", first=passage, last=last), root, passage_url(document.id, f"{passage}~{last}"), site
        ),
        _example(msg("example_view_zh"), root, passage_url(document.id, passage, "zh"), site),
        _example(msg("example_view_en"), root, passage_url(document.id, passage, "en"), site),
    ]
    placed = notes.by_document.get(document.id, [])
    if placed:
        note = placed[0]
        note_link = document_url(document.id) + f"#note-{note.id}"
        examples.append(_example(msg("example_note", number=note.number), root, note_link, site))
    other = "zh" if msg.language == "en" else "en"
    up = "../" * INTERFACE_ROOTS[msg.language].count("/")
    other_page = f"{up}{INTERFACE_ROOTS[other]}{passage_url(document.id, passage)}"
    examples.append(_example(msg("example_interface"), root, other_page, site))
    witness = next(w for w in document.witnesses if w.segment(passage))
    target = CitationTarget(document, witness, passage, site.absolute(passage_url(document.id, passage)))
    styles = "".join(
        f"<dt>{escape(style_label(style, msg))}</dt><dd>"
        + (
            f'<pre class="ar-citation" data-style="{style}"><code>{citation_html(target, site, style)}</code></pre>'
            if style in ("bibtex", "csl-json")
            else f'<p class="ar-citation" data-style="{style}">{citation_html(target, site, style)}</p>'
        )
        + "</dd>"
        for style in STYLES
    )
    described = witness_description(witness, msg.language)
    witness_line = escape(msg("cite_witness", witness=witness.id, description=described))
    return (
        f'<div class="ar-cite-example"><dl class="ar-link-examples">{"".join(examples)}</dl>'
        f'<p class="ar-cite-witness">{witness_line}</p><dl class="ar-cite-styles">{styles}</dl></div>'
    )


def render_downloads(corpus: Corpus, notes: NoteIndex, msg: Messages, root: str) -> str:
    """A table of every document's downloads, with each text's attribution."""
    rows = []
    for document in corpus.documents:
        files = [f'<a href="{root}{text_path(document)}">{escape(msg("download_text"))}</a>']
        files.append(f'<a href="{root}{json_path(document)}">JSON</a>')
        if notes.count(document):
            files.append(f'<a href="{root}{export_path(document)}">{escape(msg("download_annotations"))}</a>')
        attributions = "".join(
            f'<li><span class="ar-id">{escape(w.id)}</span> ({escape(witness_description(w, msg.language))}): '
            f'<span lang="en">{escape(w.attribution)}</span></li>'
            for w in document.witnesses
        )
        title = document.title[msg.language]
        rows.append(
            f'<tr><th scope="row"><a href="{root}{document_url(document.id)}">{escape(title)}</a></th>'
            f"<td>{' · '.join(files)}</td><td><ul>{attributions}</ul></td></tr>"
        )
    head = "".join(f'<th scope="col">{escape(msg(key))}</th>' for key in ("data_document", "data_files", "data_texts"))
    schema = f'<a href="{root}{SCHEMA_URI}"><code>{SCHEMA_URI}</code></a>'
    return (
        f'<table class="ar-downloads"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
        f'<p class="ar-downloads-schema">{msg.html("data_schema", schema=schema)}</p>'
    )
