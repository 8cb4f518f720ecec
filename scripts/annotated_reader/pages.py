"""Building the reading pages from the corpus: pure functions from objects to HTML.

Each document gets three views, each a real page with its own URL:

    documents/<id>/      parallel: every witness side by side, row by row
    documents/<id>/zh/   Chinese only
    documents/<id>/en/   English only (with two translations, both, to compare)

Every passage is one row whose HTML id is its segment ID, in every view, so
`page#2.3` opens at the passage whichever view the link points to. A row
holds the passage's permalink, citation label and copy-link control, then one
cell per witness; a witness that lacks the passage says so in its cell and
links to the contributing guide. Nothing here imports MkDocs: the adapter
(mkdocs_plugin.py) only hands the pages over.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from .inline import render_marked_text
from .labels import citation_label, passage_number
from .model import Corpus, Document, Witness
from .notes import NoteIndex, render_row_notes
from .site_urls import document_url
from .sources_html import render_source_list
from .text_links import TextLinks, render_definitions
from .witness_names import QUALITY_NAMES, witness_name

CONTRIBUTING_URL = "contributing/"


@dataclass(frozen=True)
class View:
    """One way of reading a document: which witnesses it shows."""

    slug: str  # "" for parallel
    label: str
    language: str | None  # None: every language

    def witnesses(self, document: Document) -> list[Witness]:
        if self.language is None:
            return list(document.witnesses)
        return [w for w in document.witnesses if w.language.split("-")[0] == self.language]


VIEWS = (View("", "Parallel", None), View("zh", "中文", "zh"), View("en", "English", "en"))


# More rows for a document's header, given the document and the path to the site root.
HeaderRows = Callable[[Document, str], list[tuple[str, str]]]


@dataclass(frozen=True)
class GeneratedPage:
    """A page to add to the site: where it goes and its Markdown source (its title is its h1)."""

    src_uri: str
    markdown: str


def view_url(document: Document, view: View | None = None) -> str:
    """Site-relative URL of a document view (directory URLs)."""
    return document_url(document.id, view.slug if view else "")


def build_pages(
    corpus: Corpus,
    notes: NoteIndex | None = None,
    links: TextLinks | None = None,
    header_rows: HeaderRows | None = None,
) -> list[GeneratedPage]:
    """Every document page of the corpus, with its notes, term and event links, and extra header rows."""
    notes = notes or NoteIndex.build(corpus, [])
    pages = []
    for document in corpus.documents:
        for view in VIEWS:
            src = f"documents/{document.id}/index.md" if not view.slug else f"documents/{document.id}/{view.slug}.md"
            pages.append(GeneratedPage(src, render_document_view(document, view, notes, links, header_rows)))
    return pages


def _relative(from_view: View, to_view: View) -> str:
    """Link from one view of a document to another, relative to the page."""
    up = "../" if from_view.slug else ""
    return up + (f"{to_view.slug}/" if to_view.slug else "") or "./"


def render_document_view(
    document: Document,
    view: View,
    notes: NoteIndex | None = None,
    links: TextLinks | None = None,
    header_rows: HeaderRows | None = None,
) -> str:
    """Markdown source of one view: a title and one block of raw HTML."""
    notes = notes or NoteIndex.build(Corpus([document]), [])
    links = links or TextLinks({})
    columns = view.witnesses(document)
    # Links are relative, so the site works under any base path.
    root = "../../../" if view.slug else "../../"
    primary_language = "zh" if view.language == "zh" else "en"
    title = document.title[primary_language]
    parts = [
        f'<div class="ar-document" data-document="{escape(document.id)}" data-view="{view.slug or "parallel"}">',
        _header(document, view, notes.count(document), header_rows(document, root) if header_rows else []),
        _view_switch(view),
        _grid(document, view, columns, root, notes, links),
        render_definitions(links.terms_in(document, {w.id for w in columns})),
        "</div>",
    ]
    lang_attr = ' lang="zh-Hans"' if primary_language == "zh" else ""
    heading = f"<h1{lang_attr}>{escape(title)}</h1>"
    # Python-Markdown passes a block of HTML through untouched when it has no
    # blank lines, so each block is written on lines without gaps.
    return "\n\n".join([heading, "\n".join(p for p in parts if p)]) + "\n"


def _header(document: Document, view: View, note_count: int, extra_rows: list[tuple[str, str]]) -> str:
    other = "en" if view.language == "zh" else "zh"
    other_lang = ' lang="zh-Hans"' if other == "zh" else ' lang="en"'
    rows = [
        ("Issuer", _bilingual(document.issuer)),
        ("Number", escape(document.number) if document.number else "none given in the texts"),
        ("Date", _date(document)),
        ("Kind", escape(document.kind.replace("-", " "))),
        ("Notes", f"{note_count} (shown beside their passages)" if note_count else "none yet"),
        *extra_rows,
    ]
    meta = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows)
    witnesses = "".join(_witness_card(w) for w in document.witnesses)
    return (
        '<header class="ar-doc-header">'
        f'<p class="ar-other-title"{other_lang}>{escape(document.title[other])}</p>'
        f'<dl class="ar-meta">{meta}</dl>'
        f"{_about(document)}"
        '<details class="ar-witness-list"><summary>About the texts: '
        f"{len(document.witnesses)} witness{'es' if len(document.witnesses) != 1 else ''}"
        f"</summary>{witnesses}</details>"
        "</header>"
    )


def _about(document: Document) -> str:
    """Editorial notes and the sources of facts the texts do not give."""
    notes = [document.notes] if document.notes else []
    notes += [f"{name.replace('_', ' ').capitalize()}: {note}" for name, note in document.name_notes.items()]
    if not notes and not document.sources:
        return ""
    paragraphs = "".join(f"<p>{escape(note)}</p>" for note in notes)
    sources = render_source_list("Sources", document.sources)
    return (
        '<details class="ar-about"><summary>About this document: notes and sources</summary>'
        f"{paragraphs}{sources}</details>"
    )


def _view_switch(view: View) -> str:
    # Outside the header so that it can stay on screen over the whole text.
    links = "".join(
        f'<a class="ar-view-link" href="{_relative(view, target)}"'
        + (' aria-current="page"' if target == view else "")
        + (' lang="zh-Hans"' if target.language == "zh" else "")
        + f">{escape(target.label)}</a>"
        for target in VIEWS
    )
    return f'<nav class="ar-views" aria-label="Views of this document">{links}</nav>'


def _bilingual(names: dict[str, str]) -> str:
    return f'{escape(names["en"])} <span lang="zh-Hans">{escape(names["zh"])}</span>'


def _date(document: Document) -> str:
    if document.date is None:
        return "not stated in the texts"
    evidence = f' <span class="ar-evidence">({escape(document.date_evidence)})</span>' if document.date_evidence else ""
    return f'<time datetime="{document.date}">{document.date}</time>{evidence}'


def _witness_card(witness: Witness) -> str:
    provenance = witness.provenance
    seed = ""
    if provenance.seed:
        first, last = provenance.seed_lines or (0, 0)
        seed = (
            f"<li>Seed: <code>{escape(provenance.seed)}</code>, lines {first}–{last}, "
            f"sha256 <code>{escape(provenance.sha256 or '')}</code></li>"
        )
    return (
        f'<section class="ar-witness" id="witness-{escape(witness.id)}">'
        f"<h2>{escape(witness_name(witness))}</h2>"
        "<ul>"
        f"<li>Role: {escape(witness.role)}; quality: {escape(QUALITY_NAMES[witness.quality])}. "
        f"Evidence: {escape(witness.quality_evidence)}</li>"
        f"<li>Attribution: {escape(witness.attribution)}</li>"
        f"<li>Source: {escape(provenance.site)}</li>"
        f"{seed}"
        "</ul>"
        f"{render_source_list('Published copies', provenance.copies)}"
        "</section>"
    )


def _grid(document: Document, view: View, columns: list[Witness], root: str, notes: NoteIndex, links: TextLinks) -> str:
    label_language = "zh" if view.language == "zh" else "en"
    count = max(1, len(columns))
    heads = (
        "".join(f'<div class="ar-colhead" lang="{w.language}">{escape(witness_name(w))}</div>' for w in columns)
        or f'<div class="ar-colhead">{escape(view.label)}</div>'
    )
    with_notes = notes.count(document) > 0
    if with_notes:
        heads += '<div class="ar-colhead ar-notes-head">Notes</div>'
    rows = [
        _row(document, segment_id, columns, view, label_language, root, notes, links)
        for segment_id in document.segment_ids
    ]
    return (
        f'<div class="ar-grid{" ar-with-notes" if with_notes else ""}" style="--ar-columns: {count}" '
        f'data-columns="{count}"><div class="ar-colheads" aria-hidden="true">{heads}</div>' + "".join(rows) + "</div>"
    )


def _row(
    document: Document,
    segment_id: str,
    columns: list[Witness],
    view: View,
    label_language: str,
    root: str,
    notes: NoteIndex,
    links: TextLinks,
) -> str:
    kinds = {s.kind for w in document.witnesses if (s := w.segment(segment_id)) is not None}
    kind = kinds.pop() if len(kinds) == 1 else "paragraph"
    label = citation_label(document, segment_id, label_language)
    number = passage_number(document, segment_id, label_language)
    # An old, renamed ID stays a working fragment: an anchor inside the row.
    aliases = "".join(
        f'<span class="ar-alias" id="{escape(old)}"></span>'
        for old, new in sorted(document.aliases.items())
        if new == segment_id
    )
    tools = (
        '<div class="ar-tools">'
        f'<a class="ar-permalink" href="#{escape(segment_id)}" title="Permanent link to this passage: {escape(label)}">'
        f'<span class="ar-number">{escape(number)}</span> <span class="ar-id">#{escape(segment_id)}</span></a>'
        f'<button type="button" class="ar-copy" data-passage="{escape(segment_id)}" '
        f'aria-label="Copy link to {escape(label)}" hidden>Copy link</button>'
    )
    markers, aside, back = render_row_notes(notes, document, segment_id, view.slug, label_language, root)
    tools += (f'<span class="ar-markers">{markers}</span>' if markers else "") + "</div>"
    cells = "".join(
        _cell(document, segment_id, witness, kind, root, notes, links) for witness in columns
    ) or _absent_language(view, root)
    has_notes = ' data-notes="true"' if aside or markers else ""
    return (
        f'<section class="ar-row ar-kind-{kind}" id="{escape(segment_id)}" '
        f'data-label="{escape(label)}" aria-label="{escape(label)}"{has_notes}>'
        f"{aliases}{tools}{cells}{aside}{back}</section>"
    )


def _cell(
    document: Document, segment_id: str, witness: Witness, kind: str, root: str, notes: NoteIndex, links: TextLinks
) -> str:
    segment = witness.segment(segment_id)
    if segment is None:
        return _missing_cell(witness, segment_id, root)
    text = render_marked_text(
        segment.text,
        notes.spans(document, witness.id, segment_id),
        links.marks(document, witness.id, segment_id),
        root,
    )
    return (
        f'<div class="ar-cell" lang="{witness.language}" data-witness="{escape(witness.id)}" '
        f'data-witness-name="{escape(witness_name(witness))}"><p class="ar-text ar-{kind}">{text}</p></div>'
    )


def _missing_cell(witness: Witness, segment_id: str, root: str) -> str:
    if segment_id in witness.missing:
        reason = witness.missing[segment_id]
    elif witness.extent == "excerpt":
        reason = f"This text is an excerpt: it has {len(witness.segments)} of the document's passages."
    else:
        reason = "This passage is not in this text."
    return (
        f'<div class="ar-cell ar-missing" data-witness="{escape(witness.id)}" '
        f'data-witness-name="{escape(witness_name(witness))}">'
        f'<p><span class="ar-missing-label">Not in this text ({escape(witness.id)}).</span> {escape(reason)} '
        f'<a href="{root}{CONTRIBUTING_URL}">Help add it</a>.</p></div>'
    )


def _absent_language(view: View, root: str) -> str:
    language = "Chinese" if view.language == "zh" else "English"
    return (
        '<div class="ar-cell ar-missing">'
        f'<p><span class="ar-missing-label">No {language} text of this document is in the corpus yet.</span> '
        f'<a href="{root}{CONTRIBUTING_URL}">Help add it</a>.</p></div>'
    )


def render_corpus_list(corpus: Corpus, notes: NoteIndex | None = None) -> str:
    """The home page's list of documents, in time order, with metadata and view links."""
    notes = notes or NoteIndex.build(corpus, [])
    items = []
    for document in corpus.documents:
        witnesses = "; ".join(escape(witness_name(w)) for w in document.witnesses)
        views = " · ".join(
            f'<a href="{view_url(document, view)}"'
            + (' lang="zh-Hans"' if view.language == "zh" else "")
            + f">{escape(view.label)}</a>"
            for view in VIEWS
        )
        date = f'<time datetime="{document.date}">{document.date}</time>' if document.date else "undated"
        number = f" · {escape(document.number)}" if document.number else ""
        items.append(
            '<li class="ar-corpus-item">'
            f'<p class="ar-corpus-date">{date}</p>'
            f'<p class="ar-corpus-title"><a href="{view_url(document)}">{escape(document.title["en"])}</a></p>'
            f'<p class="ar-corpus-title-zh" lang="zh-Hans">{escape(document.title["zh"])}</p>'
            f'<p class="ar-corpus-meta">{_bilingual(document.issuer)}{number}</p>'
            f'<p class="ar-corpus-witnesses">Texts: {witnesses}</p>'
            f'<p class="ar-corpus-notes">Notes: {notes.count(document)}</p>'
            f'<p class="ar-corpus-views">Read: {views}</p>'
            "</li>"
        )
    return f'<ol class="ar-corpus">{"".join(items)}</ol>'
