"""The "Cite" control: every citation style of a passage or document.

The control is a <details> element, so it opens and its citations can be
selected and copied without JavaScript; reader.js adds the copy buttons and
replaces each access date (the build date, at first) with the reader's
today, written as each style writes dates. It holds one set of citations per
witness, because a citation names the text it quotes.

A document's own control holds its citations. A passage's control holds a
link to them on its view's citation page (cite_pages.py), which reader.js
fetches and puts into the control when it is first opened: seven styles for
every witness of every passage would otherwise make most of a view's HTML.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import replace
from functools import cache, lru_cache
from html import escape

from .citation import (
    STYLES,
    CitationTarget,
    PassageStandIn,
    accessed_text,
    cite,
    witness_description,
    written_as_is,
)
from .made_once import MadeOnce
from .messages import Messages
from .site_info import SiteInfo

# Styles shown as preformatted code rather than running text.
CODE_STYLES = ("bibtex", "csl-json")


def style_label(style: str, msg: Messages) -> str:
    return {
        "chicago-note": msg("cite_chicago_note"),
        "chicago-bibliography": msg("cite_chicago_bibliography"),
        "apa": msg("cite_apa"),
        "mla": msg("cite_mla"),
        "gbt7714": msg("cite_gbt7714"),
        "bibtex": "BibTeX",
        "csl-json": "CSL-JSON",
    }[style]


def citation_html(target: CitationTarget, site: SiteInfo, style: str) -> str:
    """One citation, escaped, with its access date marked for reader.js."""
    text = escape(cite(target, site, style))
    before, found, after = text.rpartition(_accessed_html(site.built, style))
    if found:
        text = f'{before}<span class="ar-accessed" data-date-style="{style}">{found}</span>{after}'
    return text


@cache
def _accessed_html(day: datetime.date, style: str) -> str:
    return escape(accessed_text(day, style))


def _holds_access_date(text: str, day: datetime.date) -> bool:
    """Whether `text` holds the access date as any style writes it."""
    return _access_dates(day).search(text) is not None


@cache
def _access_dates(day: datetime.date) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(_accessed_html(day, style)) for style in STYLES))


def _style_block(target: CitationTarget, site: SiteInfo, style: str, msg: Messages) -> str:
    opening, closing = _style_frame(style, msg)
    return f"{opening}{citation_html(target, site, style)}{closing}"


@cache
def _style_frame(style: str, msg: Messages) -> tuple[str, str]:
    """What a style's citation sits between: the same for every passage, and a view's page holds hundreds."""
    label = style_label(style, msg)
    copy = (
        # A button's words are not content: kept out of the search index.
        '<button type="button" class="ar-copy-citation" hidden data-search-exclude '
        f'data-copied-label="{escape(msg("cite_copied"))}" '
        f'aria-label="{escape(msg("cite_copy_style", style=label))}">{escape(msg("cite_copy"))}</button>'
    )
    body = (
        (f'<pre class="ar-citation" data-style="{style}"><code>', "</code></pre>")
        if style in CODE_STYLES
        else (f'<p class="ar-citation" data-style="{style}">', "</p>")
    )
    return f"<dt>{escape(label)}</dt><dd>{body[0]}", f"{body[1]}{copy}</dd>"


def citation_set(target: CitationTarget, site: SiteInfo, msg: Messages) -> str:
    """The text cited, then its citation in every style, each with its copy button."""
    if not _PLAIN_URL.fullmatch(target.url) or _holds_access_date(target.url, site.built):
        return _citation_set(target, site, msg)
    return _sets.get(
        (target.document.id, target.witness.id, target.passage),
        (target.document, target.witness, site, msg),
        lambda stand_in: _passage_set(replace(target, url=stand_in), site, msg),
        target.url,
    )


# Every view of a document cites its passages alike but for the address of the view's passage: a
# passage's set is made once, with an address standing in for the view's (made_once.py).
# Only for an address that every style writes as it is, escaped or not (no &, <, >, quotes,
# backslashes, braces or non-ASCII characters), and that holds no access date (citation_html
# marks the date's last appearance).
_PLAIN_URL = re.compile(r"[A-Za-z0-9:/?#\[\]@!$()*+,;=._~%-]*")
_sets = MadeOnce("https://citation-address.invalid/")


def _passage_set(target: CitationTarget, site: SiteInfo, msg: Messages) -> str:
    """A passage's set, put together from its witness's set for a stand-in passage where it can be.

    The passages of a witness are cited alike but for the passage's id (in
    the citation key) and its numbers: the witness's set is made once, with
    stand-ins for them, and each passage is given it with its own in place.
    Only for a passage whose id and numbers every style writes as they are.
    """
    own = (target.passage, target.passage_number, target.passage_number_zh)
    if not all(text and _written_as_is(text) for text in own):
        return _citation_set(target, site, msg)
    return _witness_sets.get(
        (target.document.id, target.witness.id, target.url),
        (target.document, target.witness, site, msg),
        lambda passage, number, number_zh: _citation_set(
            PassageStandIn(target.document, target.witness, passage, target.url, number, number_zh), site, msg
        ),
        *own,
    )


# Plain words that every style writes as they are, and that no citation holds otherwise.
_PASSAGE_STAND_INS = ("cited-passage.invalid", "passage-number.invalid", "passage-number-zh.invalid")
_witness_sets = MadeOnce(*_PASSAGE_STAND_INS)


@lru_cache(maxsize=4096)
def _written_as_is(text: str) -> bool:
    """Whether every style and the page write `text` as it is.

    Every style writes a passage before the access date, whose last
    appearance citation_html marks, so a passage may hold it.
    """
    return written_as_is(text) and escape(text) == text


def _citation_set(target: CitationTarget, site: SiteInfo, msg: Messages) -> str:
    styles = "".join(_style_block(target, site, style, msg) for style in STYLES)
    described = witness_description(target.witness, msg.language)
    witness = escape(msg("cite_witness", witness=target.witness.id, description=described))
    return f'<p class="ar-cite-witness">{witness}</p><dl class="ar-cite-styles">{styles}</dl>'


def citation_sets(targets: list[CitationTarget], site: SiteInfo, msg: Messages) -> str:
    """One set of citations per witness cited, each marked with the witness's id."""
    return "".join(
        f'<div class="ar-cite-set" data-cite-witness="{escape(t.witness.id)}">{citation_set(t, site, msg)}</div>'
        for t in targets
    )


def version_note(site: SiteInfo, msg: Messages) -> str:
    """Which version of the site is cited, and how access dates are written."""
    version = escape(msg("cite_version", version=site.version, built=site.built.isoformat()))
    return f'<p class="ar-cite-version">{version}</p>'


def _control(label: str, body: str, msg: Messages, attributes: str = "") -> str:
    return (
        f'<details class="ar-cite" data-search-exclude{attributes}>'
        f'<summary aria-label="{escape(msg("cite_label", label=label))}">{escape(msg("cite"))}</summary>'
        f'<div class="ar-cite-body">{body}</div></details>'
    )


def render_cite_control(targets: list[CitationTarget], site: SiteInfo, msg: Messages, label: str) -> str:
    """A closed "Cite" control for `label` (a passage or a document) with every style for every witness."""
    if not targets:
        return ""
    return _control(label, citation_sets(targets, site, msg) + version_note(site, msg), msg)


def render_cite_link(passage: str, label: str, msg: Messages) -> str:
    """A closed "Cite" control for a passage, linking to its citations on the view's citation page."""
    # Relative to the view's folder, so that the view and its page move together.
    href = f"cite/#{escape(passage)}"
    link = f'<a class="ar-cite-page-link" href="{href}">{escape(msg("cite_page_link", label=label))}</a>'
    return _control(label, f'<p class="ar-cite-fallback">{link}</p>', msg, f' data-cite-passage="{escape(passage)}"')
