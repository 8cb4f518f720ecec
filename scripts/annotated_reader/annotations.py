"""Annotations as plain typed objects: notes that explain, correct and connect the texts.

An *annotation* targets a passage (or a range of passages) of one document,
optionally one witness and an exact quote in it, and carries a Markdown body,
references to other passages, tags and sources. Passage references are
written like passage links: `<document-id>#3.1`, a range
`<document-id>#3.1~3.3`, or `#3.1` for the annotation's own document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .messages import ENGLISH, Messages
from .model import Source, nearest_line


def type_labels(msg: Messages = ENGLISH) -> dict[str, str]:
    """Every annotation type, in the order the pages list them, with its label in the interface's language."""
    return {
        "note": msg("annotation_type_note"),
        "translation": msg("annotation_type_translation"),
        "context": msg("annotation_type_context"),
        "cross-reference": msg("annotation_type_cross_reference"),
        "question": msg("annotation_type_question"),
    }


@dataclass(frozen=True)
class PassageRef:
    """A passage or range of passages of one document: `document#first` or `document#first~last`."""

    document: str
    first: str
    last: str | None = None

    @classmethod
    def parse(cls, text: str, default_document: str) -> PassageRef:
        document, _, passages = text.partition("#")
        first, _, last = passages.partition("~")
        return cls(document or default_document, first, last or None)

    @property
    def fragment(self) -> str:
        return f"{self.first}~{self.last}" if self.last else self.first

    def __str__(self) -> str:
        return f"{self.document}#{self.fragment}"


@dataclass(frozen=True)
class Target:
    """What an annotation is about."""

    passage: PassageRef
    witness: str | None = None
    quote: str | None = None
    prefix: str | None = None
    suffix: str | None = None


@dataclass
class Annotation:
    """One note, with where it was written so that problems can name its line."""

    id: str
    target: Target
    type: str
    body: str
    author: str
    date: str
    language: str = "en"
    refs: list[PassageRef] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    path: Path | None = None
    line: int = 0
    # Line of each field, keyed by its path of keys inside the annotation.
    field_lines: dict[tuple[str | int, ...], int] = field(default_factory=dict)

    def line_of(self, *key_path: str | int) -> int:
        return nearest_line(self.field_lines, key_path, self.line)

    def type_label(self, msg: Messages = ENGLISH) -> str:
        """The label of the note's type, e.g. "Translation note"."""
        return type_labels(msg)[self.type]
