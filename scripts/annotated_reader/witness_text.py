"""Every match of one glossary form in one witness, for the renderings table of a term's page.

A term page lists, for every text, each form of the term that the text uses,
so every form is looked for in every witness: thousands of searches at a
large corpus. Each witness's passages are joined into one text and each form
is found with one scan of it. An English form is matched as `term_pattern`
matches it (whole words, in any case), but without a regular expression where
that gives the same matches: Python's engine cannot skip ahead to a pattern
that starts by looking behind it, and such a scan was most of a term page's
cost.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property

from .glossary import lowered_alike, term_pattern
from .model import Witness

# What may not stand right before or after an English form (term_pattern's boundaries).
_WORD_OR_HYPHEN = re.compile(r"[\w-]")

# A match: its passage, its start and end in the passage's text, and the text matched.
Match = tuple[str, int, int, str]


class WitnessText:
    """A witness's passages joined into one text, with where each passage starts."""

    # Between passages: a character no form holds (YAML cannot hold it) and no word character,
    # so a match in the joined text is exactly a match in one passage.
    SEPARATOR = "\0"

    def __init__(self, witness: Witness) -> None:
        self.ids = [segment.id for segment in witness.segments]
        self.starts: list[int] = []
        offset = 0
        for segment in witness.segments:
            self.starts.append(offset)
            offset += len(segment.text) + len(self.SEPARATOR)
        self.text = self.SEPARATOR.join(segment.text for segment in witness.segments)

    @cached_property
    def _lower(self) -> str | None:
        """The text lower-cased, where that stands in for matching in any case (lowered_alike); else None."""
        return lowered_alike(self.text)

    def find_form(self, form: str, english: bool) -> list[Match]:
        """Every match of `form`, as term_pattern([form], english) finds them, in order."""
        if english and form and form.isascii() and self._lower is not None:
            return self._find_word(self._lower, form.lower())
        pattern = term_pattern([form], english)
        assert pattern is not None
        return [self._locate(m.start(), m.end()) for m in pattern.finditer(self.text)]

    def _find_word(self, text: str, word: str) -> list[Match]:
        # As a regular expression scans: a match ends the search there, a rejected place moves on by one.
        found = []
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not _WORD_OR_HYPHEN.match(text, at - 1)) and not _WORD_OR_HYPHEN.match(text, end):
                found.append(self._locate(at, end))
                at = text.find(word, end)
            else:
                at = text.find(word, at + 1)
        return found

    def _locate(self, start: int, end: int) -> Match:
        index = bisect.bisect_right(self.starts, start) - 1
        offset = self.starts[index]
        return (self.ids[index], start - offset, end - offset, self.text[start:end])
