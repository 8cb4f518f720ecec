"""Building the reading pages from the corpus: pure functions from objects to HTML.

Each document gets three views, each a real page with its own URL:

    documents/<id>/      parallel: every witness side by side, row by row
    documents/<id>/zh/   Chinese only
    documents/<id>/en/   English only (with two translations, both, to compare)

Every passage is one row whose HTML id is its segment ID, in every view, so
`page#2.3` opens at the passage whichever view the link points to. A row
holds the passage's permalink, citation label, copy-link and Cite controls
(whose citations are on the view's citation page, cite_pages.py), then one
cell per witness; a witness that lacks the passage says so in its cell and
links to the contributing guide. Nothing here imports MkDocs: the adapter
(mkdocs_plugin.py) only hands the pages over.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from html import escape

from .citation import CitationTarget
from .cite_html import render_cite_control, render_cite_link
from .downloads import json_path, text_path
from .inline import render_marked_text
from .interface import english_attr
from .labels import citation_label, passage_number
from .made_once import MadeOnce
from .messages import ENGLISH, HTML_LANG, Messages
from .model import Corpus, Document, Segment, Witness
from .notes import NoteIndex, render_row_notes
from .search import unindexed, unindexed_here
from .site_info import SiteInfo
from .site_urls import document_url, interface_switch_url, passage_url
from .sources_html import render_source_list
from .text_links import TextLinks, render_definitions
from .web_annotation import export_path
from .witness_names import quality_names, witness_name

CONTRIBUTING_URL = "contributing/"
# The HTML id of a document view's title: where the theme's "Skip to content"
# link leads (mkdocs_plugin.py gives the page a table of contents entry for it).
# Not a valid passage ID (those have no "_"), so it never clashes with one.
TITLE_ID = "document_title"


@dataclass(frozen=True)
class View:
    """One way of reading a document: which witnesses it shows."""

    slug: str  # "" for parallel
    language: str | None  # None: every language

    def label(self, msg: Messages) -> str:
        return {"": msg("view_parallel"), "zh": msg("view_zh"), "en": msg("view_en")}[self.slug]

    def witnesses(self, document: Document) -> list[Witness]:
        if self.language is None:
            return list(document.witnesses)
        return [w for w in document.witnesses if w.language.split("-")[0] == self.language]

    @property
    def text_language(self) -> str:
        """The language of the view's title and passage labels: Chinese in the Chinese view, else English."""
        return "zh" if self.language == "zh" else "en"


VIEWS = (View("", None), View("zh", "zh"), View("en", "en"))


@dataclass(frozen=True)
class Reading:
    """What every page of one build shares: its interface language and the site being cited."""

    msg: Messages = ENGLISH
    site: SiteInfo | None = None  # without it, pages carry no citations

    def cite_targets(self, document: Document, passage: str | None, view: View) -> list[CitationTarget]:
        """What the Cite control of a passage (or, with None, of the document) in `view` cites: one per text.

        The texts the view shows; a view with none in its language cites the texts there are.
        """
        if self.site is None:
            return []
        url = self.site.absolute(passage_url(document.id, passage, view.slug) if passage else view_url(document, view))
        return [CitationTarget(document, w, passage, url) for w in self._cited(document, passage, view)]

    def cites(self, document: Document, passage: str, view: View) -> bool:
        """Whether a passage's row in `view` has citations (cite_targets without making them)."""
        return self.site is not None and bool(self._cited(document, passage, view))

    @staticmethod
    def _cited(document: Document, passage: str | None, view: View) -> list[Witness]:
        witnesses = view.witnesses(document) or document.witnesses
        return [w for w in witnesses if passage is None or w.segment(passage)]


@dataclass(frozen=True)
class ViewPage:
    """One view of one document being rendered, with everything its rows need."""

    document: Document
    view: View
    root: str  # the path from the page to the site root
    notes: NoteIndex
    links: TextLinks
    reading: Reading

    @property
    def msg(self) -> Messages:
        return self.reading.msg

    @property
    def columns(self) -> list[Witness]:
        return self.view.witnesses(self.document)

    @property
    def label_language(self) -> str:
        return self.view.text_language


# More rows for a document's header, given the document and the path to the site root.
HeaderRows = Callable[[Document, str], list[tuple[str, str]]]


@dataclass(frozen=True)
class GeneratedPage:
    """A view of a document to add to the site: where it goes, its title, and how to make its HTML.

    The HTML is made when the page is written (`render()`), not kept: a large
    corpus's views would not all fit in memory at once.
    """

    src_uri: str
    title: str
    document: Document
    view: View
    render: Callable[[], str]


def view_url(document: Document, view: View | None = None) -> str:
    """Site-relative URL of a document view (directory URLs)."""
    return document_url(document.id, view.slug if view else "")


def view_root(view: View) -> str:
    """The path from a view's page to the site root: links are relative, so the site works under any base path."""
    return "../../../" if view.slug else "../../"


def build_pages(
    corpus: Corpus,
    notes: NoteIndex | None = None,
    links: TextLinks | None = None,
    header_rows: HeaderRows | None = None,
    reading: Reading | None = None,
) -> list[GeneratedPage]:
    """Every document page of the corpus, with its notes, term and event links, and extra header rows."""
    notes = notes or NoteIndex.build(corpus, [])
    reading = reading or Reading()
    pages = []
    for document in corpus.documents:
        for view in VIEWS:
            src = f"documents/{document.id}/index.md" if not view.slug else f"documents/{document.id}/{view.slug}.md"
            render = partial(render_document_view, document, view, notes, links, header_rows, reading)
            pages.append(GeneratedPage(src, view_title(document, view, reading.msg), document, view, render))
    return pages


def view_title(document: Document, view: View, msg: Messages) -> str:
    """The page title of a view: the document's short title, and the language if the view shows one."""
    short = document.short_title[msg.language]
    return short if not view.slug else msg("view_title", title=short, view=view.label(msg))


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
    reading: Reading | None = None,
) -> str:
    """HTML of one view: its heading and the document."""
    notes = notes or NoteIndex.build(Corpus([document]), [])
    links = links or TextLinks({})
    reading = reading or Reading()
    root = view_root(view)
    page = ViewPage(document, view, root, notes, links, reading)
    primary_language = view.text_language
    title = document.title[primary_language]
    extra_rows = header_rows(document, root) if header_rows else []
    parts = [
        f'<div class="ar-document" data-document="{escape(document.id)}" data-view="{view.slug or "parallel"}">',
        _header(document, view, notes, extra_rows, root, reading),
        _view_switch(document, view, root, reading.msg),
        _grid(page),
        render_definitions(links.terms_in(document, {w.id for w in page.columns}), reading.msg),
        "</div>",
    ]
    lang_attr = f' lang="{HTML_LANG[primary_language]}"' if primary_language != reading.msg.language else ""
    heading = f'<h1 id="{TITLE_ID}"{lang_attr}>{escape(title)}</h1>'
    return "\n".join([heading, *(p for p in parts if p)]) + "\n"


def _header(
    document: Document,
    view: View,
    notes: NoteIndex,
    extra_rows: list[tuple[str, str]],
    root: str,
    reading: Reading,
) -> str:
    msg = reading.msg
    other = "en" if view.language == "zh" else "zh"
    note_count = notes.count(document)
    rows = [
        (msg("issuer"), _bilingual(document.issuer)),
        (msg("number"), escape(document.number) if document.number else escape(msg("number_none"))),
        (msg("date"), _date(document, msg)),
        (msg("kind"), escape(_kind(document.kind, msg))),
        (msg("notes"), escape(msg("notes_count", count=note_count)) if note_count else escape(msg("notes_none"))),
        *extra_rows,
        (msg("download"), _downloads(document, root, note_count > 0, msg)),
    ]
    meta = "".join(f"<dt>{escape(label)}</dt><dd>{value}</dd>" for label, value in rows)
    witnesses = "".join(_witness_card(w, msg) for w in document.witnesses)
    cite = render_cite_control(
        reading.cite_targets(document, None, view),
        reading.site,
        msg,
        document.short_title[msg.language],
    )
    # The header's facts, in the editors' English, are the same in every view.
    unindexed = unindexed_here(view.slug, "en")
    return (
        '<header class="ar-doc-header">'
        f'<p class="ar-other-title" lang="{HTML_LANG[other]}">{escape(document.title[other])}</p>'
        f'<dl class="ar-meta"{unindexed}>{meta}</dl>'
        f"{cite}"
        f"{_about(document, msg, unindexed)}"
        f'<details class="ar-witness-list"{unindexed}>'
        f"<summary>{escape(msg('about_texts', count=len(document.witnesses)))}</summary>{witnesses}</details>"
        "</header>"
    )


def _kind(kind: str, msg: Messages) -> str:
    # Keys are the schema's kinds: kind_opinions, kind_planning-outline, ...
    return msg(f"kind_{kind}")


def _downloads(document: Document, root: str, with_notes: bool, msg: Messages) -> str:
    files = [(text_path(document), msg("download_text")), (json_path(document), "JSON")]
    if with_notes:
        files.append((export_path(document), msg("download_annotations")))
    links = " · ".join(f'<a href="{root}{path}" download>{escape(label)}</a>' for path, label in files)
    return f'{links} <span class="ar-evidence">(<a href="{root}data/">{escape(msg("download_about"))}</a>)</span>'


def _about(document: Document, msg: Messages, attributes: str = "") -> str:
    """Editorial notes and the sources of facts the texts do not give."""
    notes = [document.notes] if document.notes else []
    notes += [f"{name.replace('_', ' ').capitalize()}: {note}" for name, note in document.name_notes.items()]
    if not notes and not document.sources:
        return ""
    # The notes are content, written in English.
    lang = english_attr(msg)
    paragraphs = "".join(f"<p{lang}>{escape(note)}</p>" for note in notes)
    sources = render_source_list(msg("sources"), document.sources, msg=msg)
    return (
        f'<details class="ar-about"{attributes}><summary>{escape(msg("about_document"))}</summary>'
        f"{paragraphs}{sources}</details>"
    )


def _view_switch(document: Document, view: View, root: str, msg: Messages) -> str:
    # Outside the header so that it can stay on screen over the whole text.
    links = "".join(
        f'<a class="ar-view-link" href="{_relative(view, target)}"'
        + (' aria-current="page"' if target == view else "")
        + (' lang="zh-Hans"' if target.language == "zh" and msg.language != "zh" else "")
        + f">{escape(target.label(msg))}</a>"
        for target in VIEWS
    )
    other = msg.other()
    switch = (
        f'<a class="ar-lang-switch" href="{interface_switch_url(msg.language, root, view_url(document, view))}" '
        f'hreflang="{other.html_lang}" lang="{other.html_lang}">{escape(msg("switch_language"))}</a>'
    )
    return f'<nav class="ar-views" aria-label="{escape(msg("views_label"))}">{links}{switch}</nav>'


def _bilingual(names: dict[str, str]) -> str:
    return f'{escape(names["en"])} <span lang="zh-Hans">{escape(names["zh"])}</span>'


def _date(document: Document, msg: Messages) -> str:
    if document.date is None:
        return escape(msg("date_none"))
    evidence = ""
    if document.date_evidence:
        lang = english_attr(msg)
        evidence = f' <span class="ar-evidence"{lang}>({escape(document.date_evidence)})</span>'
    return f'<time datetime="{document.date}">{document.date}</time>{evidence}'


def _witness_card(witness: Witness, msg: Messages) -> str:
    provenance = witness.provenance
    seed = ""
    if provenance.seed:
        first, last = provenance.seed_lines or (0, 0)
        seed = (
            "<li>"
            + msg.html(
                "witness_seed",
                seed=f"<code>{escape(provenance.seed)}</code>",
                first=str(first),
                last=str(last),
                sha256=f"<code>{escape(provenance.sha256 or '')}</code>",
            )
            + "</li>"
        )
    # Evidence, attribution and source are the editors' words, in English.
    lang = english_attr(msg)
    quality = quality_names(msg)[witness.quality]
    return (
        f'<section class="ar-witness" id="witness-{escape(witness.id)}">'
        f"<h2>{escape(witness_name(witness, msg))}</h2>"
        "<ul>"
        f"<li>{escape(msg('witness_role', role=msg('role_' + witness.role), quality=quality))} "
        f"{escape(msg('witness_evidence'))} <span{lang}>{escape(witness.quality_evidence)}</span></li>"
        f"<li>{escape(msg('witness_attribution'))} <span{lang}>{escape(witness.attribution)}</span></li>"
        f"<li>{escape(msg('witness_source'))} <span{lang}>{escape(provenance.site)}</span></li>"
        f"{seed}"
        "</ul>"
        f"{render_source_list(msg('published_copies'), provenance.copies, msg=msg)}"
        "</section>"
    )


def _grid(page: ViewPage) -> str:
    document, msg = page.document, page.msg
    columns = page.columns
    count = max(1, len(columns))
    heads = (
        "".join(f'<div class="ar-colhead">{escape(witness_name(w, msg))}</div>' for w in columns)
        or f'<div class="ar-colhead">{escape(page.view.label(msg))}</div>'
    )
    with_notes = page.notes.count(document) > 0
    if with_notes:
        heads += f'<div class="ar-colhead ar-notes-head">{escape(msg("notes"))}</div>'
    rows = [_row(page, segment_id) for segment_id in document.segment_ids]
    return (
        f'<div class="ar-grid{" ar-with-notes" if with_notes else ""}" style="--ar-columns: {count}" '
        f'data-columns="{count}"><div class="ar-colheads" aria-hidden="true">{heads}</div>' + "".join(rows) + "</div>"
    )


def _row(page: ViewPage, segment_id: str) -> str:
    document, msg, root = page.document, page.msg, page.root
    kinds = {s.kind for w in document.witnesses if (s := w.segment(segment_id)) is not None}
    kind = kinds.pop() if len(kinds) == 1 else "paragraph"
    label = citation_label(document, segment_id, page.label_language)
    number = passage_number(document, segment_id, page.label_language)
    # An old, renamed ID stays a working fragment: an anchor inside the row.
    aliases = "".join(
        f'<span class="ar-alias" id="{escape(old)}"></span>'
        for old, new in sorted(document.aliases.items())
        if new == segment_id
    )
    tools = (
        '<div class="ar-tools">'
        f'<a class="ar-permalink" href="#{escape(segment_id)}" title="{escape(msg("permalink_title", label=label))}">'
        f'<span class="ar-number">{escape(number)}</span> <span class="ar-id">#{escape(segment_id)}</span></a>'
        f'<button type="button" class="ar-copy" data-passage="{escape(segment_id)}" '
        f'data-copied-label="{escape(msg("cite_copied"))}" '
        f'aria-label="{escape(msg("copy_link_label", label=label))}" hidden>{escape(msg("copy_link"))}</button>'
        f"{render_cite_link(segment_id, label, msg) if page.reading.cites(document, segment_id, page.view) else ''}"
    )
    markers, aside, back = render_row_notes(page.notes, document, segment_id, page.view.slug, page.label_language, root)
    tools += (f'<span class="ar-markers">{markers}</span>' if markers else "") + "</div>"
    # Left out of the search index (search.EXCLUDED) and a third of a view's bytes: cut before
    # the indexer reads the page.
    tools = unindexed(tools)
    cells = "".join(_cell(page, segment_id, witness, kind) for witness in page.columns) or _absent_language(
        page.view, root, msg
    )
    has_notes = ' data-notes="true"' if aside or markers else ""
    # Focusable by script and links only (tabindex -1): following a permalink
    # puts the focus on the passage itself, so a screen reader reads it and
    # Tab goes on from it.
    return (
        f'<section class="ar-row ar-kind-{kind}" id="{escape(segment_id)}" tabindex="-1" '
        f'data-label="{escape(label)}" aria-label="{escape(label)}"{has_notes}>'
        f"{aliases}{tools}{cells}{aside}{back}</section>"
    )


def _cell(page: ViewPage, segment_id: str, witness: Witness, kind: str) -> str:
    segment = witness.segment(segment_id)
    if segment is None:
        return _missing_cell(witness, segment_id, page.root, page.msg)
    text = _marked_text(page, witness, segment)
    return (
        f'<div class="ar-cell" lang="{witness.language}" data-witness="{escape(witness.id)}" '
        f'data-witness-name="{escape(witness_name(witness, page.msg))}"><p class="ar-text ar-{kind}">{text}</p></div>'
    )


def _marked_text(page: ViewPage, witness: Witness, segment: Segment) -> str:
    """A passage's text with its notes' quotes and its links, as every view of its document shows it.

    Made once for all the views, with a root standing in for the view's own
    (the links are all the views' markup differs in), put in place for each.
    """
    if _ROOT_STAND_IN in segment.text:
        return _render_marked(page, witness, segment, page.root)
    return _marked.get(
        (page.document.id, witness.id, segment.id),
        (segment, page.notes, page.links),
        lambda stand_in: _render_marked(page, witness, segment, stand_in),
        page.root,
    )


def _render_marked(page: ViewPage, witness: Witness, segment: Segment, root: str) -> str:
    spans = page.notes.spans(page.document, witness.id, segment.id)
    return render_marked_text(segment.text, spans, page.links.marks(page.document, witness.id, segment.id), root)


# Standing in for a view's root in a passage's links: a control character that texts do not hold
# (a text that does is marked for each view alone).
_ROOT_STAND_IN = "\0"
_marked = MadeOnce(_ROOT_STAND_IN)


def _missing_cell(witness: Witness, segment_id: str, root: str, msg: Messages) -> str:
    lang = ""
    if segment_id in witness.missing:
        reason = witness.missing[segment_id]
        # The editors' reason is content, in English.
        lang = english_attr(msg)
    elif witness.extent == "excerpt":
        reason = msg("missing_excerpt", count=len(witness.segments))
    else:
        reason = msg("missing_passage")
    return (
        f'<div class="ar-cell ar-missing" data-witness="{escape(witness.id)}" '
        f'data-witness-name="{escape(witness_name(witness, msg))}">'
        f'<p><span class="ar-missing-label">{escape(msg("missing_label", witness=witness.id))}</span> '
        f"<span{lang}>{escape(reason)}</span> "
        f'<a href="{root}{CONTRIBUTING_URL}">{escape(msg("help_add"))}</a>.</p></div>'
    )


def _absent_language(view: View, root: str, msg: Messages) -> str:
    absent = msg("absent_zh") if view.language == "zh" else msg("absent_en")
    return (
        '<div class="ar-cell ar-missing">'
        f'<p><span class="ar-missing-label">{escape(absent)}</span> '
        f'<a href="{root}{CONTRIBUTING_URL}">{escape(msg("help_add"))}</a>.</p></div>'
    )


def render_corpus_list(corpus: Corpus, notes: NoteIndex | None = None, msg: Messages = ENGLISH, root: str = "") -> str:
    """The list of documents, in time order, with metadata and view links; `root` leads to the site root."""
    notes = notes or NoteIndex.build(corpus, [])
    items = []
    for document in corpus.documents:
        witnesses = "; ".join(escape(witness_name(w, msg)) for w in document.witnesses)
        views = " · ".join(
            f'<a href="{root}{view_url(document, view)}"'
            + (' lang="zh-Hans"' if view.language == "zh" and msg.language != "zh" else "")
            + f">{escape(view.label(msg))}</a>"
            for view in VIEWS
        )
        undated = escape(msg("undated"))
        date = f'<time datetime="{document.date}">{document.date}</time>' if document.date else undated
        number = f" · {escape(document.number)}" if document.number else ""
        first, second = ("zh", "en") if msg.language == "zh" else ("en", "zh")
        items.append(
            '<li class="ar-corpus-item">'
            f'<p class="ar-corpus-date">{date}</p>'
            f'<p class="ar-corpus-title" lang="{HTML_LANG[first]}"><a href="{root}{view_url(document)}">'
            f"{escape(document.title[first])}</a></p>"
            f'<p class="ar-corpus-title-{second}" lang="{HTML_LANG[second]}">{escape(document.title[second])}</p>'
            f'<p class="ar-corpus-meta">{_bilingual(document.issuer)}{number}</p>'
            f'<p class="ar-corpus-witnesses">{escape(msg("corpus_texts"))} {witnesses}</p>'
            f'<p class="ar-corpus-notes">{escape(msg("corpus_notes"))} {notes.count(document)}</p>'
            f'<p class="ar-corpus-views">{escape(msg("corpus_read"))} {views}</p>'
            "</li>"
        )
    # Each document is searched in its own views: the list would be a hit for every title it repeats.
    return f'<ol class="ar-corpus" data-search-exclude>{"".join(items)}</ol>'
