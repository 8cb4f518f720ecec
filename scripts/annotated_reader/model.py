"""The corpus as plain typed objects: documents, their witnesses and segments.

A *document* is one text in the history of the corpus (a policy, or a piece of
commentary). A *witness* is one text of that document: a language, the
original or a translation. A *segment* is one passage of a witness (a title,
heading, numbered item or paragraph) under a stable ID; the same ID in two
witnesses of a document means the two passages are aligned.

Nothing here knows about files, YAML or MkDocs: the loader builds these
objects and every later stage (validation, linking, rendering) reads them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

# A segment ID is a dotted path of lowercase tokens that mirrors the
# document's own numbering: "preamble", "3", "2.4", "2.2.p5", "notice.title".
SEGMENT_ID_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)*"
SEGMENT_ID = re.compile(SEGMENT_ID_PATTERN)

SEGMENT_KINDS = ("title", "number", "address", "heading", "item", "paragraph", "closing")

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def nearest_line(field_lines: dict[tuple[str | int, ...], int], key_path: tuple[str | int, ...], default: int) -> int:
    """The line of a field, or of its nearest written ancestor, or `default`."""
    while key_path:
        if key_path in field_lines:
            return field_lines[key_path]
        key_path = key_path[:-1]
    return default


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day, and no further."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """For ordering dates of different precision: a date known to the year comes before its dated days."""
        return (self.year, self.month or 0, self.day or 0)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
        if self.day:
            text += f"-{self.day:02d}"
        return text

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse YYYY, YYYY-MM or YYYY-MM-DD; raise ValueError saying what is wrong."""
        import datetime

        match = _DATE.fullmatch(text.strip())
        if not match:
            raise ValueError(f"malformed date '{text}': write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2007-03-23")
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        try:
            datetime.date(year, month or 1, day or 1)
        except ValueError as exc:
            raise ValueError(f"malformed date '{text}': {exc}") from None
        return cls(year, month, day)


@dataclass(frozen=True)
class Segment:
    """One passage of one witness, with where it was written."""

    id: str
    kind: str
    text: str
    path: Path
    line: int

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


@dataclass
class Source:
    """A published reference for a fact that the texts themselves do not give."""

    title: str
    supports: str
    url: str | None = None
    note: str | None = None


@dataclass
class Provenance:
    """Where a witness's text came from, as far as its source shows."""

    seed: str | None
    sha256: str | None
    seed_lines: tuple[int, int] | None
    site: str
    copies: list[Source] = field(default_factory=list)


@dataclass
class Witness:
    """One text of a document: a language, original or translation."""

    id: str
    language: str
    role: str
    quality: str
    quality_evidence: str
    attribution: str
    provenance: Provenance
    extent: str = "complete"
    missing: dict[str, str] = field(default_factory=dict)
    segments: list[Segment] = field(default_factory=list)
    path: Path | None = None
    line: int = 0

    @property
    def segment_ids(self) -> list[str]:
        return [s.id for s in self.segments]

    def segment(self, segment_id: str) -> Segment | None:
        for segment in self.segments:
            if segment.id == segment_id:
                return segment
        return None


@dataclass
class Document:
    """A text of the corpus with its metadata and all its witnesses."""

    id: str
    kind: str
    issuer: dict[str, str]
    title: dict[str, str]
    short_title: dict[str, str]
    number: str | None
    date: PartialDate | None
    date_evidence: str | None
    witnesses: list[Witness]
    aliases: dict[str, str] = field(default_factory=dict)
    numbering: list[str] = field(default_factory=list)
    notes: str | None = None
    # Where names not given by the texts come from: field ("title") -> note.
    name_notes: dict[str, str] = field(default_factory=dict)
    sources: list[Source] = field(default_factory=list)
    path: Path | None = None
    # Line of each field of document.yaml, keyed by its path of keys, so that
    # later checks can point at the line a contributor has to change.
    field_lines: dict[tuple[str | int, ...], int] = field(default_factory=dict)

    def line_of(self, *key_path: str | int) -> int:
        return nearest_line(self.field_lines, key_path, 1)

    def witness(self, witness_id: str) -> Witness | None:
        for witness in self.witnesses:
            if witness.id == witness_id:
                return witness
        return None

    @property
    def segment_ids(self) -> list[str]:
        """Every segment ID of the document, in reading order across witnesses."""
        ordered: list[str] = []
        # A passage that only a later witness has goes right after the passage
        # that precedes it in that witness.
        for witness in self.witnesses:
            previous: str | None = None
            for segment_id in witness.segment_ids:
                if segment_id not in ordered:
                    position = ordered.index(previous) + 1 if previous else 0
                    ordered.insert(position, segment_id)
                previous = segment_id
        return ordered

    def passage_range(self, first: str, last: str | None = None) -> list[str]:
        """The current IDs of the passages from `first` to `last` (aliases followed), in reading order."""
        first = self.resolve(first) or first
        if last is None:
            return [first]
        order = self.segment_ids
        last = self.resolve(last) or last
        return order[order.index(first) : order.index(last) + 1]

    def resolve(self, segment_id: str) -> str | None:
        """The current ID for `segment_id`, following aliases of renamed IDs; None when it names no passage."""
        if self._has_passage(segment_id):
            return segment_id
        # An alias to a passage that does not exist (reported by validation) leads nowhere.
        renamed = self.aliases.get(segment_id)
        return renamed if renamed is not None and self._has_passage(renamed) else None

    def _has_passage(self, segment_id: str) -> bool:
        # Asked for every passage every note names: a look in each witness, not the reading order.
        return any(witness.segment(segment_id) is not None for witness in self.witnesses)


@dataclass
class Corpus:
    """All documents, ordered by date (undated ones last)."""

    documents: list[Document]
    # Seeds named by documents whose metadata could not be read. Their
    # accounting is skipped: without every witness it would only repeat the
    # document's own errors as "text in no witness" or "seed used by no witness".
    seeds_of_unread_documents: set[str] = field(default_factory=set)
    # The list of documents indexed by id, and its length then (see document()).
    _indexed: tuple[list[Document], int] | None = field(default=None, init=False, repr=False, compare=False)
    _index: dict[str, Document] = field(default_factory=dict, init=False, repr=False, compare=False)

    def document(self, document_id: str) -> Document | None:
        # Indexed once per list of documents: pages ask for documents by id hundreds of
        # thousands of times, and a scan per question grew with the corpus squared.
        if self._indexed is None or self._indexed[0] is not self.documents or self._indexed[1] != len(self.documents):
            # Reversed, so that of two documents with one id (the check reports it) the first is found.
            self._index = {document.id: document for document in reversed(self.documents)}
            self._indexed = (self.documents, len(self.documents))
        return self._index.get(document_id)
