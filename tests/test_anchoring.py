"""Anchoring by mutation: real annotations, edited passages, and never a wrong span.

Each real annotation with a quote is re-anchored in copies of its passage
with small edits: characters replaced, inserted or deleted inside the quote,
text edited around it, and a near-copy of the quote planted elsewhere. Every
result must either land on the span that corresponds to the quote or fail
loudly; none may land anywhere else.
"""

from __future__ import annotations

import copy
import random
from dataclasses import replace

import pytest

from annotated_reader.anchoring import Anchor, anchor_annotation
from annotated_reader.model import Document
from annotated_reader.pipeline import CheckedCorpus

FILLER = "abcdefghijklmnopqrstuvwxyz信用体系建设监管"


def _with_text(document: Document, witness_id: str, passage: str, text: str) -> Document:
    edited = copy.deepcopy(document)
    witness = edited.witness(witness_id)
    assert witness is not None
    witness.segments = [replace(s, text=text) if s.id == passage else s for s in witness.segments]
    return edited


def _overlap(anchor: Anchor, start: int, end: int) -> float:
    assert anchor.start is not None and anchor.end is not None
    common = max(0, min(anchor.end, end) - max(anchor.start, start))
    return common / (max(anchor.end, end) - min(anchor.start, start))


def _quoted(project: CheckedCorpus) -> list[tuple[Anchor, Document, str]]:
    found = []
    for anchor in project.anchors:
        if anchor.status == "exact" and anchor.start is not None:
            document = project.corpus.document(anchor.annotation.target.passage.document)
            assert document is not None and anchor.witness is not None
            segment = document.witness(anchor.witness).segment(anchor.passage)
            found.append((anchor, document, segment.text))
    return found


def _mutate_inside(text: str, start: int, end: int, rng: random.Random) -> tuple[str, int, int]:
    """Replace, insert or delete 1 to 3 characters inside [start, end); the quote's new bounds."""
    count = rng.randint(1, 3)
    kind = rng.choice(["replace", "insert", "delete"])
    if end - start <= count + 1:
        kind = "replace"
        count = 1
    position = rng.randint(start + 1, end - count - 1) if end - start > count + 1 else start
    chunk = "".join(rng.choice(FILLER) for _ in range(count))
    if kind == "replace":
        return text[:position] + chunk + text[position + count :], start, end
    if kind == "insert":
        return text[:position] + chunk + text[position:], start, end + count
    return text[:position] + text[position + count :], start, end - count


def test_the_corpus_has_quoted_annotations_to_mutate(project: CheckedCorpus) -> None:
    assert len(_quoted(project)) >= 30


def test_edits_inside_the_quote_reanchor_on_the_right_span_or_fail(project: CheckedCorpus) -> None:
    outcomes = {"right": 0, "failed": 0}
    for anchor, document, text in _quoted(project):
        rng = random.Random(anchor.annotation.id)
        for _ in range(6):
            mutated, start, end = _mutate_inside(text, anchor.start, anchor.end, rng)
            result = anchor_annotation(anchor.annotation, _with_text(document, anchor.witness, anchor.passage, mutated))
            if result.status == "failed":
                outcomes["failed"] += 1
                assert result.message
                continue
            assert result.passage == anchor.passage, anchor.annotation.id
            assert _overlap(result, start, end) >= 0.7, (anchor.annotation.id, mutated[result.start : result.end])
            outcomes["right"] += 1
    # The fuzzy path does real work: most small edits re-anchor.
    assert outcomes["right"] > 3 * outcomes["failed"], outcomes


@pytest.mark.parametrize("where", ["before", "after"])
def test_edits_around_the_quote_keep_it_exact_and_in_place(project: CheckedCorpus, where: str) -> None:
    for anchor, document, text in _quoted(project):
        rng = random.Random(anchor.annotation.id + where)
        chunk = "".join(rng.choice(FILLER) for _ in range(rng.randint(1, 12)))
        if where == "before":
            position = rng.randint(0, anchor.start)
            mutated, shift = text[:position] + chunk + text[position:], len(chunk)
        else:
            position = rng.randint(anchor.end, len(text))
            mutated, shift = text[:position] + chunk + text[position:], 0
        result = anchor_annotation(anchor.annotation, _with_text(document, anchor.witness, anchor.passage, mutated))
        if result.status == "failed":
            # Only when the edit planted a second copy of the quote next to its context.
            assert "occurs" in result.message, (anchor.annotation.id, result.message)
            continue
        assert result.status == "exact"
        assert (result.start, result.end) == (anchor.start + shift, anchor.end + shift), anchor.annotation.id


def test_a_planted_near_copy_never_steals_the_anchor(project: CheckedCorpus) -> None:
    for anchor, document, text in _quoted(project):
        rng = random.Random("copy" + anchor.annotation.id)
        quote = text[anchor.start : anchor.end]
        mutated, start, end = _mutate_inside(text, anchor.start, anchor.end, rng)
        decoy, _, _ = _mutate_inside(quote, 0, len(quote), rng)
        # The decoy goes at the far end of the passage from the quote.
        at_end = anchor.start < len(text) / 2
        planted = mutated + " " + decoy if at_end else decoy + " " + mutated
        shift = 0 if at_end else len(decoy) + 1
        result = anchor_annotation(anchor.annotation, _with_text(document, anchor.witness, anchor.passage, planted))
        if result.status == "failed":
            continue
        assert _overlap(result, start + shift, end + shift) >= 0.7, (anchor.annotation.id, planted, result)


def test_a_rewritten_passage_fails_loudly_naming_the_quote(project: CheckedCorpus) -> None:
    anchor, document, text = _quoted(project)[0]
    rewritten = "".join(random.Random(1).choice(FILLER) for _ in range(len(text)))
    result = anchor_annotation(anchor.annotation, _with_text(document, anchor.witness, anchor.passage, rewritten))
    assert result.status == "failed"
    assert result.message.startswith("quote not found in passage")
    assert anchor.annotation.target.quote in result.message
