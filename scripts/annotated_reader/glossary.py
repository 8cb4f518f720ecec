"""Glossary terms as typed objects, and finding their occurrences in the texts.

A term has one Chinese form (plus optional other forms) and English forms:
the preferred rendering and the variants the corpus's translations use.
Occurrences are found per passage of every witness:

- Chinese by **longest match**: at each position the longest form of any term
  wins, so 失信联合惩戒 is one occurrence of its own term, not also one of 失信
  and one of 联合惩戒. (Python-Markdown's `abbr` cannot do this: its `\\b`
  boundaries never match inside Chinese text.)
- English by **word boundary, case-insensitively**, longest form first, so
  "joint disciplinary mechanism" is not also counted as "disciplinary".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .model import Corpus, Source, Witness, nearest_line


@dataclass(frozen=True)
class Variant:
    """An English rendering of a term, as the named witnesses write it."""

    en: str
    witnesses: tuple[str, ...]  # "<document-id>/<witness-id>"
    note: str | None = None


@dataclass
class Term:
    id: str
    zh: str
    pinyin: str
    en: str
    definition: str
    author: str
    date: str
    variants: list[Variant] = field(default_factory=list)
    definition_zh: str | None = None
    match_zh: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    predecessors: list[str] = field(default_factory=list)
    successors: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    formerly: list[str] = field(default_factory=list)  # earlier ids, whose pages lead to this term's
    path: Path | None = None
    field_lines: dict[tuple[str | int, ...], int] = field(default_factory=dict)

    def line_of(self, *key_path: str | int) -> int:
        return nearest_line(self.field_lines, key_path, 1)

    def name(self, language: str) -> str:
        """The term in a language ("zh" or "en"), for places that show only one."""
        return self.zh if language == "zh" else self.en

    @property
    def zh_forms(self) -> list[str]:
        return [self.zh, *self.match_zh]

    @property
    def en_forms(self) -> list[str]:
        return list(dict.fromkeys([self.en, *(v.en for v in self.variants)]))


@dataclass(frozen=True)
class Occurrence:
    """One occurrence of a term in one passage of one witness."""

    term: str
    document: str
    witness: str
    passage: str
    start: int
    end: int
    text: str  # the words as the witness writes them


def term_pattern(forms: Iterable[str], english: bool) -> re.Pattern[str] | None:
    """One regex for all forms, longest first so that alternation prefers the longest match.

    English forms match whole words in any case; Chinese forms match anywhere.
    """
    # As a trie (a shared prefix written once): a flat alternation of many forms
    # is tried form by form at every character, so with an event per document
    # finding mentions grew with the square of the corpus.
    unique = {f.lower() for f in forms} if english else set(forms)
    if not unique:
        return None
    alternatives = _trie_regex(unique)
    if english:
        return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)
    return re.compile(alternatives)


def _trie_regex(forms: set[str]) -> str:
    """A regex matching exactly `forms`, preferring the longest where several match at one place.

    Each character leads to at most one branch, and a branch is tried before
    stopping at a shorter form (a greedy optional group), so the longest form
    that matches is found first, as with an alternation ordered longest first.
    """
    trie: dict = {}
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}

    # Each node's pattern is made after its children's, by a stack rather than by recursion:
    # a form may be longer than Python's recursion limit (a character per level).
    made: dict[int, str] = {}
    stack: list[tuple[dict, bool]] = [(trie, False)]
    while stack:
        node, children_made = stack.pop()
        if not children_made:
            stack.append((node, True))
            stack.extend((child, False) for char, child in node.items() if char)
            continue
        branches = [re.escape(char) + made.pop(id(child)) for char, child in sorted(node.items()) if char]
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")" if branches else ""
        # A form ends here: go on if a longer one matches, else stop.
        made[id(node)] = f"(?:{body})?" if "" in node and body else body
    return made[id(trie)]


def lowered_alike(text: str) -> str | None:
    """The text lower-cased, where matching lower-case forms in it finds what matching in any case would; else None.

    Only where lower-casing changes ASCII letters alone: no other character of
    the text has a case (so none matches an ASCII letter in any case, or changes
    length when lower-cased). Matching without IGNORECASE is what lets Python's
    engine skip quickly to where a form may start.
    """
    if text.isascii():
        return text.lower()
    return text.lower() if all(_uncased(c) for c in set(text) if not c.isascii()) else None


def _uncased(character: str) -> bool:
    return character.lower() == character == character.upper()


def uses_english_forms(witness: Witness) -> bool:
    """Whether a witness is searched for the English forms of terms (matched in any case), not the Chinese ones."""
    return not witness.language.startswith("zh")


def find_forms(corpus: Corpus, zh_forms: dict[str, str], en_forms: dict[str, str]) -> Iterator[Occurrence]:
    """Every match of the given forms in every passage of every witness, in reading order.

    `zh_forms` maps a Chinese form to the id it names; `en_forms` an English
    form, lower-cased, to its id. Each match is reported as an `Occurrence`
    of that id; timeline mentions are found the same way.
    """
    patterns = {True: term_pattern(en_forms, True), False: term_pattern(zh_forms, False)}
    # The English pattern without IGNORECASE, for a passage that lower-cases alike (twice as fast).
    lower_case = re.compile(patterns[True].pattern) if patterns[True] else None
    for document in corpus.documents:
        for witness in document.witnesses:
            english = uses_english_forms(witness)
            pattern = patterns[english]
            if pattern is None:
                continue
            forms = en_forms if english else zh_forms
            for segment in witness.segments:
                text = segment.text
                lowered = lowered_alike(text) if english else None
                found = lower_case.finditer(lowered) if lower_case and lowered is not None else pattern.finditer(text)
                for match in found:
                    start, end = match.span()
                    words = text[start:end]
                    owner = _owner_in_any_case(words, forms) if english else forms[words]
                    yield Occurrence(owner, document.id, witness.id, segment.id, start, end, words)


def _owner_in_any_case(words: str, en_forms: dict[str, str]) -> str:
    """Whose English form the words are, matched in any case."""
    owner = en_forms.get(words.lower())
    if owner is not None:
        return owner
    # A letter that matches another in any case but lower-cases otherwise (ſ, İ): ask the form itself.
    return next(o for form, o in en_forms.items() if re.fullmatch(re.escape(form), words, re.IGNORECASE))


def form_index(named: Iterable[tuple[str, Iterable[str], Iterable[str]]]) -> tuple[dict[str, str], dict[str, str]]:
    """The Chinese and English forms of (id, Chinese forms, English forms) items, each mapped to its id.

    English forms are lower-cased; a form claimed twice keeps its first owner.
    """
    zh_forms: dict[str, str] = {}
    en_forms: dict[str, str] = {}
    for owner, zh, en in named:
        for form in zh:
            zh_forms.setdefault(form, owner)
        for form in en:
            en_forms.setdefault(form.lower(), owner)
    return zh_forms, en_forms


def find_occurrences(corpus: Corpus, terms: list[Term]) -> list[Occurrence]:
    """Every occurrence of every term in every passage of every witness, in reading order."""
    return list(find_forms(corpus, *form_index((t.id, t.zh_forms, t.en_forms) for t in terms)))


def first_occurrences(corpus: Corpus, occurrences: Iterable[Occurrence]) -> dict[str, Occurrence]:
    """Each term's first occurrence in reading order: the corpus's documents in time order (undated last),
    then passage order, then witness order."""
    order = {
        (document.id, segment_id): (position, index)
        for position, document in enumerate(corpus.documents)
        for index, segment_id in enumerate(document.segment_ids)
    }
    first: dict[str, Occurrence] = {}
    for occurrence in occurrences:
        known = first.get(occurrence.term)
        if known is None or order[(occurrence.document, occurrence.passage)] < order[(known.document, known.passage)]:
            first[occurrence.term] = occurrence
    return first
