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
from .inline import Span, TermMark
from .model import Document
from .note_body import plain_summary
from .notes import NoteIndex
from .timeline import Mention

# Where a passage's text sits: document, witness, passage.
Cell = tuple[str, str, str]


def _crosses(mark: Occurrence | Mention, spans: list[Span]) -> bool:
    """True when a note's quote starts or ends strictly inside the occurrence."""
    return any(mark.start < edge < mark.end for span in spans for edge in (span.start, span.end))


@dataclass
class TermMarks:
    """The term links of every passage of every witness, and the terms they define."""

    terms: dict[str, Term]
    at_cell: dict[Cell, list[TermMark]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def build(
        cls, terms: list[Term], occurrences: list[Occurrence], notes: NoteIndex, mentions: Sequence[Mention] = ()
    ) -> TermMarks:
        marks = cls({t.id: t for t in terms})
        for mention in mentions:
            document = notes.corpus.document(mention.document)
            assert document is not None  # mentions are found in the corpus's own documents
            if not _crosses(mention, notes.spans(document, mention.witness, mention.passage)):
                cell = (mention.document, mention.witness, mention.passage)
                marks.at_cell[cell].append(TermMark(mention.start, mention.end, mention.event, "event"))
        linked: set[tuple[str, str, str, str]] = set()
        for occurrence in occurrences:
            key = (occurrence.document, occurrence.witness, occurrence.passage, occurrence.term)
            if key in linked:
                continue
            document = notes.corpus.document(occurrence.document)
            assert document is not None  # occurrences are found in the corpus's own documents
            if _crosses(occurrence, notes.spans(document, occurrence.witness, occurrence.passage)):
                continue
            cell = (occurrence.document, occurrence.witness, occurrence.passage)
            if any(m.start < occurrence.end and occurrence.start < m.end for m in marks.at_cell.get(cell, [])):
                continue
            linked.add(key)
            marks.at_cell[cell].append(TermMark(occurrence.start, occurrence.end, occurrence.term))
        return marks

    def marks(self, document: Document, witness_id: str, passage: str) -> list[TermMark]:
        return self.at_cell.get((document.id, witness_id, passage), [])

    def terms_in(self, document: Document, witness_ids: set[str]) -> list[Term]:
        """The terms linked anywhere in the given witnesses of a document, by English name."""
        ids = {
            mark.term_id
            for (document_id, witness_id, _), marks in self.at_cell.items()
            if document_id == document.id and witness_id in witness_ids
            for mark in marks
            if mark.kind == "term"
        }
        return sorted((self.terms[i] for i in ids), key=lambda t: t.en.lower())


def render_definitions(terms: list[Term]) -> str:
    """The hidden block of short definitions that the page's term links are described by.

    Only the name and the definition, since a screen reader reads all of it as
    the link's description; the pop-up adds a link to the term page itself.
    """
    if not terms:
        return ""
    entries = "".join(
        f'<div class="ar-def" id="ar-def-{escape(t.id)}">'
        f'<p class="ar-def-name"><span lang="zh-Hans">{escape(t.zh)}</span> '
        f'<span class="ar-pinyin">{escape(t.pinyin)}</span> · {escape(t.en)}</p>'
        f'<p class="ar-def-text">{escape(plain_summary(t.definition, limit=240))}</p>'
        "</div>"
        for t in terms
    )
    # Kept out of the search index: the definitions belong to the term pages.
    return f'<div class="ar-term-definitions" hidden data-search-exclude>{entries}</div>'
