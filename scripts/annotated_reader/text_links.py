"""Which glossary occurrences and timeline mentions the reading pages link, and the definitions term links open.

Linking every occurrence would bury the text under underlines ("credit
information" occurs 193 times), so a passage links each term once in each
text: its first occurrence there. An occurrence that crosses the edge of a
note's highlighted quote is passed over for the next one, because one link
cannot be split across two highlights. Every term linked on a page has its
short definition in a hidden block on that page; each link names it with
`aria-describedby`, and reader.js shows it as a pop-up.

Every mention of a timeline event is linked (they are few, and each is a
citation worth following); a term occurrence that overlaps one is passed
over, so links never nest.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

from .glossary import Occurrence, Term
from .inline import LinkMark
from .interface import english, english_attr
from .messages import ENGLISH, Messages
from .model import Document
from .note_body import plain_summary
from .notes import NoteIndex
from .search import unindexed
from .timeline import Mention

# Where a passage's text sits: document, witness, passage.
Cell = tuple[str, str, str]


def _cell(found: Occurrence | Mention) -> Cell:
    return (found.document, found.witness, found.passage)


@dataclass
class TextLinks:
    """The term and event links of every passage of every witness, and the terms they define."""

    terms: dict[str, Term]
    at_cell: dict[Cell, list[LinkMark]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def build(
        cls, terms: list[Term], occurrences: list[Occurrence], notes: NoteIndex, mentions: Sequence[Mention] = ()
    ) -> TextLinks:
        links = cls({t.id: t for t in terms})
        for mention in mentions:
            if links._fits(mention, notes):
                links.at_cell[_cell(mention)].append(LinkMark(mention.start, mention.end, mention.event, "event"))
        linked: set[tuple[Cell, str]] = set()
        for occurrence in occurrences:
            key = (_cell(occurrence), occurrence.term)
            if key not in linked and links._fits(occurrence, notes):
                linked.add(key)
                links.at_cell[_cell(occurrence)].append(LinkMark(occurrence.start, occurrence.end, occurrence.term))
        return links

    def _fits(self, found: Occurrence | Mention, notes: NoteIndex) -> bool:
        """Neither crossing the edge of a note's quote nor overlapping a link already placed."""
        document = notes.corpus.document(found.document)
        assert document is not None  # found in the corpus's own documents
        spans = notes.spans(document, found.witness, found.passage)
        crosses = any(found.start < edge < found.end for span in spans for edge in (span.start, span.end))
        overlaps = any(m.start < found.end and found.start < m.end for m in self.at_cell.get(_cell(found), []))
        return not crosses and not overlaps

    def marks(self, document: Document, witness_id: str, passage: str) -> list[LinkMark]:
        return self.at_cell.get((document.id, witness_id, passage), [])

    def count(self, kind: str) -> int:
        """How many links of a kind ("term" or "event") the texts carry."""
        return sum(mark.kind == kind for marks in self.at_cell.values() for mark in marks)

    def terms_in(self, document: Document, witness_ids: set[str]) -> list[Term]:
        """The terms linked anywhere in the given witnesses of a document, by English name."""
        # Looked up cell by cell: scanning every cell of the corpus for each page grew with N squared.
        ids = {
            mark.target
            for witness in document.witnesses
            if witness.id in witness_ids
            for segment in witness.segments
            for mark in self.at_cell.get((document.id, witness.id, segment.id), ())
            if mark.kind == "term"
        }
        return sorted((self.terms[i] for i in ids), key=lambda t: t.en.lower())


def render_definitions(terms: list[Term], msg: Messages = ENGLISH) -> str:
    """The hidden block of short definitions that the page's term links are described by.

    Only the name and the definition, since a screen reader reads all of it as
    the link's description; the pop-up adds a link to the term page itself.
    The definitions are English; on a page in another language they say so.
    """
    if not terms:
        return ""
    entries = "".join(
        f'<div class="ar-def" id="ar-def-{escape(t.id)}">'
        f'<p class="ar-def-name"><span lang="zh-Hans">{escape(t.zh)}</span> '
        f'<span class="ar-pinyin">{escape(t.pinyin)}</span> · {english(escape(t.en), msg)}</p>'
        f'<p class="ar-def-text"{english_attr(msg)}>{escape(plain_summary(t.definition, limit=240))}</p>'
        "</div>"
        for t in terms
    )
    # Kept out of the search index: the definitions belong to the term pages.
    more = escape(msg("term_popup_more"))
    block = f'<div class="ar-term-definitions" hidden data-search-exclude data-more-label="{more}">{entries}</div>'
    return unindexed(block)
