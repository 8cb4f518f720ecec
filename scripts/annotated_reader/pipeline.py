"""The whole pipeline, one stage per step: load -> validate -> anchor -> link terms and events (-> render).

Each stage reports into one `Problems` collector so that a run shows every
mistake at once; callers decide what to do when there are errors (the
command line exits non-zero, the site build fails).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .anchoring import Anchor, anchor_annotation
from .annotation_loader import load_annotations
from .annotations import Annotation
from .check_scope import EVERYTHING_SCOPE, CheckScope
from .fidelity import Piece, check_fidelity
from .forked_stage import ForkedStage
from .glossary import Occurrence, Term, find_occurrences
from .glossary_loader import load_glossary
from .loader import load_corpus
from .model import Corpus
from .problems import Problem, Problems
from .timeline import Event, Mention
from .timeline_loader import load_timeline
from .validate import validate_corpus


@dataclass
class CheckedCorpus:
    """A loaded corpus with every problem found in it and each seed's reconstruction."""

    corpus: Corpus
    problems: Problems
    reconstructions: dict[str, list[Piece]]
    annotations: list[Annotation] = field(default_factory=list)
    anchors: list[Anchor] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    occurrences: list[Occurrence] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def anchor_counts(self) -> dict[str, int]:
        counts = {"exact": 0, "fuzzy": 0, "passage": 0, "failed": 0}
        for anchor in self.anchors:
            counts[anchor.status] += 1
        return counts

    def anchor_summary(self) -> str:
        counts = self.anchor_counts()
        return (
            f"{len(self.annotations)} annotations: {counts['exact']} quotes anchored exactly, "
            f"{counts['fuzzy']} fuzzily, {counts['failed']} failed; {counts['passage']} on whole passages"
        )


def check_sources(root: Path, scope: CheckScope = EVERYTHING_SCOPE) -> CheckedCorpus:
    """Load and validate `root/sources`, proving each seed's fidelity on the way (when the texts are in scope)."""
    checked = _load_sources(root)
    if scope.texts_changed:
        _add_fidelity(checked, _fidelity(checked.corpus, root))
    return checked


def _load_sources(root: Path) -> CheckedCorpus:
    problems = Problems(root)
    # Load: files into typed objects, reporting malformed files.
    corpus = load_corpus(root / "sources", problems)
    # Validate: relations between witnesses of each document.
    validate_corpus(corpus, problems)
    return CheckedCorpus(corpus, problems, {})


_Fidelity = tuple[list[Problem], dict[str, list[Piece]]]


def _fidelity(corpus: Corpus, root: Path) -> _Fidelity:
    """Fidelity: every character of every raw seed is accounted for. Its problems, and each seed's reconstruction."""
    problems = Problems(root)
    reconstructions = check_fidelity(corpus, root / "sources", problems)
    return problems.reported, reconstructions


def _add_fidelity(checked: CheckedCorpus, fidelity: _Fidelity) -> None:
    problems, checked.reconstructions = fidelity
    checked.problems.extend(problems)


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Python's cycle collector off for a while.

    The check makes millions of small objects (YAML nodes, passages, term
    occurrences) that live until it ends, and the collector would walk them
    again and again: a third of the check's time at 500 documents (and two
    thirds of reading a handed-over check, check_handoff.py). Reference
    counting still frees what is dropped on the way; cycles wait for the
    collector's next run after the check.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def check_project(root: Path, scope: CheckScope = EVERYTHING_SCOPE) -> CheckedCorpus:
    """`check_sources`, then the annotations: loaded, checked against the corpus and anchored.

    With a narrower `scope` (a contributor's change), the stages it cannot
    affect are skipped: problems outside it may then go unreported, so a
    caller reports only those the scope covers.
    """
    with cycle_collector_paused():
        return _check_project(root, scope)


def _check_project(root: Path, scope: CheckScope) -> CheckedCorpus:
    checked = _load_sources(root)
    # The fidelity proof needs only the corpus, and nothing after it needs the proof: it runs
    # on another core meanwhile (a third of the check at 500 documents).
    fidelity = ForkedStage(_fidelity, checked.corpus, root) if scope.texts_changed else None
    try:
        problems = _check_the_rest(checked, root, scope)
    except BaseException:
        if fidelity is not None:
            fidelity.abandon()
        raise
    if fidelity is not None:
        _add_fidelity(checked, fidelity.result())
    checked.problems.extend(problems.reported)
    return checked


def _check_the_rest(checked: CheckedCorpus, root: Path, scope: CheckScope) -> Problems:
    """The annotations, glossary and timeline checked against the corpus; their problems.

    Collected apart, to be reported after the sources' and the fidelity proof's, as when the stages ran in turn.
    """
    problems = Problems(root)
    annotations = load_annotations(root, checked.corpus, problems)
    anchors = []
    for annotation in annotations:
        if not scope.covers(problems.display_path(annotation.path or "")):
            continue
        # The loader returns only annotations whose document, passages and witness exist.
        document = checked.corpus.document(annotation.target.passage.document)
        assert document is not None
        anchor = anchor_annotation(annotation, document)
        line = annotation.line_of("target", "quote")
        if anchor.status == "failed":
            problems.error(annotation.path or "", line, f"annotation '{annotation.id}': {anchor.message}")
        elif anchor.status == "fuzzy":
            problems.warning(annotation.path or "", line, f"annotation '{annotation.id}': {anchor.message}")
        anchors.append(anchor)
    checked.annotations = annotations
    checked.anchors = anchors
    # Glossary: terms checked against the corpus, then found in every witness.
    if scope.needs_glossary:
        checked.terms = load_glossary(root, checked.corpus, problems)
        checked.occurrences = find_occurrences(checked.corpus, checked.terms)
    # Timeline: events checked against the corpus, then their mentions found in every witness.
    if scope.needs_timeline:
        checked.events, checked.mentions = load_timeline(root, checked.corpus, problems)
    return problems
