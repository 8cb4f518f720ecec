"""Marking spans inside a passage's text: quotes that notes are about, and glossary terms.

Note spans may overlap (two notes on overlapping words), so the text is cut
at every span boundary and each piece is wrapped in one `<mark>` naming every
note that covers it; after the last piece of a span comes the note's number,
linking to the note. A link mark becomes a link to its term's or event's
page, inside any `<mark>` that covers it; the caller keeps link marks from
crossing a note's boundary (see text_links.py), so each is one piece and one
link.
Line breaks of the witness become `<br>`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from itertools import pairwise

from .messages import ENGLISH, Messages
from .site_urls import event_url, term_url


@dataclass(frozen=True)
class Span:
    """A quote of a note: [start, end) in the passage text, and the note it belongs to."""

    start: int
    end: int
    note_id: str
    number: int


@dataclass(frozen=True)
class LinkMark:
    """Words to link: [start, end) in the passage text, and the glossary term or (kind "event") timeline event."""

    start: int
    end: int
    target: str
    kind: str = "term"


def _text(piece: str) -> str:
    if "\n" not in piece:
        return escape(piece)
    return "<br>".join(escape(line) for line in piece.split("\n"))


def note_ref(note_id: str, number: int, label: str = "", msg: Messages = ENGLISH) -> str:
    """The small numbered link from a passage to its note, named by its number and type."""
    title = msg("note_ref_typed", number=number, type=label) if label else msg("note_ref", number=number)
    return (
        f'<a class="ar-noteref" href="#note-{escape(note_id)}" data-note="{escape(note_id)}" '
        f'aria-label="{escape(title)}">{number}</a>'
    )


def term_link(term_id: str, href: str, inner_html: str) -> str:
    """A term in the text: a real link to its page (so it works without JavaScript) described by its definition."""
    return f"{_term_link_start(term_id, href)}{inner_html}</a>"


# Cached: a large site links the same few dozen terms hundreds of thousands of times.
@lru_cache(maxsize=4096)
def _term_link_start(term_id: str, href: str) -> str:
    return (
        f'<a class="ar-term-link" href="{escape(href)}" data-term="{escape(term_id)}" '
        f'aria-describedby="ar-def-{escape(term_id)}">'
    )


def event_link(event_id: str, href: str, inner_html: str) -> str:
    """Words that name a timeline event: a link to the event's page."""
    return f'<a class="ar-event-link" href="{escape(href)}" data-event="{escape(event_id)}">{inner_html}</a>'


def render_marked_text(
    text: str, spans: Sequence[Span], links: Sequence[LinkMark] = (), root: str = "", msg: Messages = ENGLISH
) -> str:
    """`text` as HTML with each span highlighted and followed by its note's number, and each link mark linked.

    Links point to `root` + the term's or event's page, `root` being the path from the page to the site root.
    """
    if not spans and not links:
        return _text(text)
    cuts = sorted(
        {0, len(text), *(s.start for s in spans), *(s.end for s in spans)}
        | {b for link in links for b in (link.start, link.end)}
    )
    html = []
    for start, end in pairwise(cuts):
        piece = _text(text[start:end])
        link = next((m for m in links if m.start <= start and end <= m.end), None)
        if link is not None and link.kind == "event":
            piece = event_link(link.target, root + event_url(link.target), piece)
        elif link is not None:
            piece = term_link(link.target, root + term_url(link.target), piece)
        if not spans:  # most passages: links only
            html.append(piece)
            continue
        covering = [s for s in spans if s.start <= start and end <= s.end]
        if covering:
            notes = " ".join(s.note_id for s in covering)
            piece = f'<mark class="ar-quote" data-notes="{escape(notes)}">{piece}</mark>'
        html.append(piece)
        ended = sorted((s for s in spans if s.end == end), key=lambda s: s.number)
        html.extend(note_ref(s.note_id, s.number, msg=msg) for s in ended)
    return "".join(html)
