"""Marking spans inside a passage's text: quotes that notes are about.

Spans may overlap (two notes on overlapping words), so the text is cut at
every span boundary and each piece is wrapped in one `<mark>` naming every
note that covers it; after the last piece of a span comes the note's number,
linking to the note. Line breaks of the witness become `<br>`.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from itertools import pairwise


@dataclass(frozen=True)
class Span:
    """A quote of a note: [start, end) in the passage text, and the note it belongs to."""

    start: int
    end: int
    note_id: str
    number: int


def _text(piece: str) -> str:
    return "<br>".join(escape(line) for line in piece.split("\n"))


def note_ref(note_id: str, number: int, label: str = "") -> str:
    """The small numbered link from a passage to its note."""
    title = f"Note {number}" + (f": {label}" if label else "")
    return (
        f'<a class="ar-noteref" href="#note-{escape(note_id)}" data-note="{escape(note_id)}" '
        f'aria-label="{escape(title)}">{number}</a>'
    )


def render_marked_text(text: str, spans: list[Span]) -> str:
    """`text` as HTML with each span highlighted and followed by its note's number."""
    if not spans:
        return _text(text)
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    html = []
    for start, end in pairwise(cuts):
        piece = text[start:end]
        covering = [s for s in spans if s.start <= start and end <= s.end]
        if covering:
            notes = " ".join(s.note_id for s in covering)
            html.append(f'<mark class="ar-quote" data-notes="{escape(notes)}">{_text(piece)}</mark>')
        else:
            html.append(_text(piece))
        html.extend(note_ref(s.note_id, s.number) for s in sorted(spans, key=lambda s: s.number) if s.end == end)
    return "".join(html)
