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

import difflib
import re
from dataclasses import dataclass
from html import escape

from .citation import CitationTarget, witness_description
from .cite_html import citation_set
from .downloads import SCHEMA_URI, json_path, text_path
from .interface import table_head
from .labels import citation_label
from .messages import Messages
from .model import Corpus, Document
from .notes import NoteIndex
from .site_info import SiteInfo
from .site_urls import document_url, interface_root, passage_url
from .web_annotation import export_path

CITE_EXAMPLE = re.compile(r"<!-- annotated-reader:cite-example(?: (\S+) (\S+))? -->")
DOWNLOADS_MARKER = "<!-- annotated-reader:downloads -->"
# Every marker a hand-written page may hold: the home page's list of documents
# (pages.render_corpus_list), the data page's table and the cite page's examples.
MARKER = re.compile(r"<!-- annotated-reader:(\S+?)(?: [^>]*?)? -->")
MARKERS = ("corpus", "downloads", "cite-example")


@dataclass(frozen=True)
class MarkerError:
    """A marker that is misspelled or names what the corpus does not have, with the line it is on."""

    line: int
    message: str


def marker_errors(markdown: str, corpus: Corpus) -> list[MarkerError]:
    """Every marker of a hand-written page that would not be replaced, or would name an unknown passage."""
    errors = []
    for match in MARKER.finditer(markdown):
        line = markdown.count("\n", 0, match.start()) + 1
        name = match[1]
        if name not in MARKERS:
            guess = difflib.get_close_matches(name, MARKERS, n=1)
            hint = f"did you mean '{guess[0]}'? " if guess else ""
            errors.append(MarkerError(line, f"unknown marker 'annotated-reader:{name}': {hint}the markers are "
                                            f"{', '.join(MARKERS)}"))  # fmt: skip
        elif name == "cite-example":
            errors += _cite_example_errors(match[0], line, corpus)
    return errors


def _cite_example_errors(marker: str, line: int, corpus: Corpus) -> list[MarkerError]:
    match = CITE_EXAMPLE.fullmatch(marker)
    if match is None:
        usage = "<!-- annotated-reader:cite-example --> or <!-- annotated-reader:cite-example <document> <passage> -->"
        return [MarkerError(line, f"cite-example takes a document and a passage, or nothing: write {usage}")]
    if match[1] is None:
        return []
    document = corpus.document(match[1])
    if document is None:
        known = ", ".join(d.id for d in corpus.documents)
        return [MarkerError(line, f"cite-example names no document '{match[1]}': choose one of {known}")]
    if document.resolve(match[2]) is None:
        return [MarkerError(line, f"cite-example: document '{match[1]}' has no passage '{match[2]}'; see its page")]
    return []


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
    other_page = interface_root(msg.language, msg.other().language) + passage_url(document.id, passage)
    examples.append(_example(msg("example_interface"), root, other_page, site))
    witness = next(w for w in document.witnesses if w.segment(passage))
    target = CitationTarget(document, witness, passage, site.absolute(passage_url(document.id, passage)))
    return (
        f'<div class="ar-cite-example"><dl class="ar-link-examples">{"".join(examples)}</dl>'
        f"{citation_set(target, site, msg)}</div>"
    )


def expand_cite_examples(
    markdown: str, corpus: Corpus, notes: NoteIndex, site: SiteInfo, msg: Messages, root: str
) -> str:
    """The page with each cite-example marker (checked by marker_errors) replaced by its examples."""

    def example(match: re.Match[str]) -> str:
        if match[1] is None:
            document, passage = example_passage(corpus, notes)
        else:
            document, passage = corpus.document(match[1]), match[2]
        return render_cite_example(document, passage, notes, site, msg, root)

    return CITE_EXAMPLE.sub(example, markdown)


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
    head = table_head((msg("data_document"), msg("data_files"), msg("data_texts")))
    schema = f'<a href="{root}{SCHEMA_URI}"><code>{SCHEMA_URI}</code></a>'
    return (
        f'<table class="ar-downloads">{head}<tbody>{"".join(rows)}</tbody></table>'
        f'<p class="ar-downloads-schema">{msg.html("data_schema", schema=schema)}</p>'
    )
