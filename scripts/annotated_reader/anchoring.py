"""Anchoring annotations at build time: finding each quote in its passage, exactly or fuzzily.

A quote is looked for in the target passage(s) of its witness:

1. **Exactly.** One occurrence: anchored. Several: the prefix and suffix
   choose; if they cannot, it is an error asking for more context.
   A quote that differs from the text only in punctuation forms (full-width
   or half-width, curly or straight quotes, a no-break or ideographic space:
   what copying from another copy of a text changes) is found the same way
   on both sides normalised, and warns which characters to copy instead.
2. **Fuzzily**, when the text has changed since the note was written. The
   best approximate occurrence is found with rapidfuzz and its bounds refined
   to the span most similar to the quote. It is scored by the similarity of
   quote and span (normalised Levenshtein, 0 to 1), blended with the
   similarity of prefix and suffix to the text around the span, each of those
   weighted half as much per character as the quote. The match is accepted
   when the quote similarity is at least `QUOTE_THRESHOLD` (0.75) and the
   blended score at least `SCORE_THRESHOLD` (0.75), and no other candidate
   comes within `AMBIGUITY_MARGIN` (0.05) of it. An accepted match renders
   and warns "quote drifted: update it to ..."; anything else is an error
   naming the annotation.

So an edited passage either re-anchors on the span that corresponds to the
quote or fails loudly; it is never silently moved to some other words.
A note without a quote is anchored to its passage (or range) as a whole.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from .annotations import Annotation
from .model import Document, Witness

QUOTE_THRESHOLD = 0.75
SCORE_THRESHOLD = 0.75
AMBIGUITY_MARGIN = 0.05
# Context weighs half as much per character as the quote itself.
CONTEXT_WEIGHT = 0.5
# A masked-out span cannot be found again when looking for a runner-up.
_MASK = "\0"
# Forms that differ between copies of one text, each mapped to one character
# so that offsets in a normalised text are offsets in the text itself.
PUNCTUATION_FORMS = str.maketrans(
    {
        **{chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)},  # full-width ASCII forms
        "\u3000": " ",  # ideographic space
        "\u00a0": " ",  # no-break space
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
    }
)


def normalise_punctuation(text: str) -> str:
    """`text` with full-width forms, curly quotes and odd spaces as their plain forms, same length."""
    return text.translate(PUNCTUATION_FORMS)


def punctuation_differences(quote: str, found: str, limit: int = 3) -> str:
    """Where `quote` and `found` (equal once normalised) differ, e.g. "'“' (U+201C) where the text has '"'"."""
    pairs = dict.fromkeys((q, f) for q, f in zip(quote, found, strict=True) if q != f)
    described = [f"'{q}' (U+{ord(q):04X}) where the text has '{f}' (U+{ord(f):04X})" for q, f in pairs]
    return ", ".join(described[:limit]) + (", ..." if len(described) > limit else "")


@dataclass(frozen=True)
class Anchor:
    """Where an annotation landed."""

    annotation: Annotation
    status: str  # "exact", "fuzzy", "passage" (no quote) or "failed"
    passage: str  # the current ID of the passage it is shown with
    witness: str | None = None
    start: int | None = None  # offsets of the quote in that passage's text
    end: int | None = None
    found: str | None = None  # the text at the span
    score: float = 1.0
    message: str = ""

    @property
    def anchored(self) -> bool:
        return self.status != "failed"


@dataclass(frozen=True)
class _Candidate:
    passage: str
    start: int
    end: int
    quote_similarity: float
    score: float


def anchor_annotation(annotation: Annotation, document: Document) -> Anchor:
    """Anchor one annotation (already checked by the loader) in its document."""
    target = annotation.target
    first = document.resolve(target.passage.first) or target.passage.first
    if target.quote is None:
        return Anchor(annotation, "passage", first, target.witness)
    witness_id = target.witness or document.witnesses[0].id
    witness = document.witness(witness_id)
    assert witness is not None
    passages = document.passage_range(first, target.passage.last)
    texts = {p: s.text for p in passages if (s := witness.segment(p)) is not None}
    quote, prefix, suffix = target.quote, target.prefix or "", target.suffix or ""

    place, count = _one_occurrence(texts, quote, prefix, suffix)
    if place is not None:
        passage, start = place
        return Anchor(annotation, "exact", passage, witness_id, start, start + len(quote), quote)
    if count:
        return _failed(
            annotation,
            first,
            witness_id,
            f"quote '{quote}' occurs {count} times in the target; add a prefix or suffix (the words just "
            "before or after it) to say which",
        )
    # The same, with punctuation forms normalised on both sides; a tie here is
    # left to the fuzzy stage, which reports it with its own message.
    place, _ = _one_occurrence(texts, quote, prefix, suffix, normalise_punctuation)
    if place is not None:
        passage, start = place
        found = texts[passage][start : start + len(quote)]
        return Anchor(
            annotation,
            "fuzzy",
            passage,
            witness_id,
            start,
            start + len(quote),
            found,
            1.0,
            f"quote differs from the text in punctuation only: the quote has {punctuation_differences(quote, found)}; "
            f"copy it as '{found}' (found in passage {passage})",
        )

    candidates = sorted(
        (c for p, text in texts.items() for c in _fuzzy_candidates(p, text, quote, prefix, suffix)),
        key=lambda c: c.score,
        reverse=True,
    )
    where = f"passage{'s' if len(texts) > 1 else ''} {', '.join(texts)} of {witness_id}"
    elsewhere = _other_witness_hint(document, passages, witness_id, quote)
    if not candidates:
        return _failed(annotation, first, witness_id, f"quote not found in {where}: '{quote}'{elsewhere}")
    best = candidates[0]
    found = texts[best.passage][best.start : best.end]
    if best.quote_similarity < QUOTE_THRESHOLD or best.score < SCORE_THRESHOLD:
        return _failed(
            annotation,
            first,
            witness_id,
            f"quote not found in {where}: '{quote}' (the closest text, '{found}', is only "
            f"{best.quote_similarity:.0%} similar); "
            + (elsewhere.removeprefix("; ") if elsewhere else "copy the quote again from the passage"),
        )
    rival = next((c for c in candidates[1:] if best.score - c.score < AMBIGUITY_MARGIN), None)
    if rival is not None:
        other = texts[rival.passage][rival.start : rival.end]
        return _failed(
            annotation,
            first,
            witness_id,
            f"quote drifted and now matches two places equally well ('{found}' and '{other}'); "
            "copy the quote again from the passage, with a prefix or suffix",
        )
    return Anchor(
        annotation,
        "fuzzy",
        best.passage,
        witness_id,
        best.start,
        best.end,
        found,
        best.score,
        f"quote drifted: update it to '{found}' (passage {best.passage}, {best.quote_similarity:.0%} similar: "
        "a typo in the quote, or the text was edited since)",
    )


def _one_occurrence(
    texts: dict[str, str], quote: str, prefix: str, suffix: str, form: Callable[[str], str] = str
) -> tuple[tuple[str, int] | None, int]:
    """Where `quote` occurs in `texts` (both seen through `form`): its one place, or the one its context picks.

    Returns the place (passage, offset) or None, and how many occurrences there are.
    """
    wanted = form(quote)
    found = [(p, i) for p, text in texts.items() for i in occurrences(form(text), wanted)]
    if len(found) < 2:
        return (found[0] if found else None), len(found)
    ranked = sorted(
        ((_context_similarity(texts[p], i, i + len(quote), prefix, suffix), p, i) for p, i in found), reverse=True
    )
    if ranked[0][0] > ranked[1][0]:
        return (ranked[0][1], ranked[0][2]), len(found)
    return None, len(found)


def witnesses_quoting(witnesses: list[Witness], passages: list[str], quote: str) -> list[Witness]:
    """The witnesses whose text of `passages` holds `quote`, punctuation forms aside."""
    wanted = normalise_punctuation(quote)
    return [
        witness
        for witness in witnesses
        if any(wanted in normalise_punctuation(s.text) for p in passages if (s := witness.segment(p)) is not None)
    ]


def closest_text(text: str, quote: str) -> tuple[str, float]:
    """The span of `text` most like `quote`, in whole words, and its similarity (0 to 1); ("", 0.0) if none."""
    candidates = _fuzzy_candidates("", text, quote, "", "")
    if not candidates:
        return "", 0.0
    best = candidates[0]
    return text[best.start : best.end], best.quote_similarity


def _other_witness_hint(document: Document, passages: list[str], witness_id: str, quote: str) -> str:
    """ "; it is in text 'zh': set target.witness: zh" when another text of the passages has the quote."""
    others = [w for w in document.witnesses if w.id != witness_id]
    holder = next(iter(witnesses_quoting(others, passages, quote)), None)
    return f"; it is in text '{holder.id}': set target.witness: {holder.id}" if holder else ""


def _whole_words(text: str, quote: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span that cuts a Latin-script word to the whole word, where the quote begins or ends with one.

    A suggested correction must not cut a word in half ("Xinyida" for a
    mistyped "Xinyidia" where the text has "Xinyidai").
    """

    def letter(c: str) -> bool:
        return c.isascii() and c.isalnum()

    if letter(quote[:1]) and start < len(text) and letter(text[start]):
        while start > 0 and letter(text[start - 1]):
            start -= 1
    if letter(quote[-1:]) and end > 0 and letter(text[end - 1]):
        while end < len(text) and letter(text[end]):
            end += 1
    return start, end


def _failed(annotation: Annotation, passage: str, witness: str, message: str) -> Anchor:
    return Anchor(annotation, "failed", passage, witness, score=0.0, message=message)


def occurrences(text: str, quote: str) -> list[int]:
    """Every offset at which `quote` starts in `text`, overlapping ones included."""
    found, start = [], text.find(quote)
    while start != -1:
        found.append(start)
        start = text.find(quote, start + 1)
    return found


def _similarity(a: str, b: str) -> float:
    return Levenshtein.normalized_similarity(a, b)


def _context_similarity(text: str, start: int, end: int, prefix: str, suffix: str) -> float:
    """How well the text around [start, end) matches prefix and suffix (1.0 with no context given)."""
    scores, weights = [], []
    if prefix:
        scores.append(_similarity(prefix, text[max(0, start - len(prefix)) : start]))
        weights.append(len(prefix))
    if suffix:
        scores.append(_similarity(suffix, text[end : end + len(suffix)]))
        weights.append(len(suffix))
    if not weights:
        return 1.0
    return sum(s * w for s, w in zip(scores, weights, strict=True)) / sum(weights)


def _fuzzy_candidates(passage: str, text: str, quote: str, prefix: str, suffix: str) -> list[_Candidate]:
    """The best approximate occurrence of `quote` in `text`, and the runner-up once it is masked out."""
    found = []
    masked = text
    for _ in range(2):
        alignment = fuzz.partial_ratio_alignment(quote, masked)
        if alignment is None or alignment.score == 0:
            break
        start, end = _whole_words(masked, quote, *_refine(masked, quote, alignment.dest_start, alignment.dest_end))
        if start >= end:
            break
        quote_similarity = _similarity(quote, masked[start:end])
        context = _context_similarity(text, start, end, prefix, suffix)
        context_weight = CONTEXT_WEIGHT * (len(prefix) + len(suffix))
        score = (quote_similarity * len(quote) + context * context_weight) / (len(quote) + context_weight)
        found.append(_Candidate(passage, start, end, quote_similarity, score))
        masked = masked[:start] + _MASK * (end - start) + masked[end:]
    return found


def _refine(text: str, quote: str, start: int, end: int) -> tuple[int, int]:
    """The span near [start, end) most similar to the quote, preferring the shortest on ties."""
    slack = max(2, len(quote) // 3)
    best = (-1.0, 0, start, end)
    for s in range(max(0, start - slack), min(len(text), start + slack) + 1):
        for e in range(max(s + 1, end - slack), min(len(text), end + slack) + 1):
            if _MASK in text[s:e]:
                continue
            similarity = _similarity(quote, text[s:e])
            key = (similarity, -(e - s), s, e)
            if key > best:
                best = key
    return best[2], best[3]
