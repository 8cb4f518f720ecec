"""The whole pipeline, one stage per step: load -> validate -> (link -> render).

Each stage reports into one `Problems` collector so that a run shows every
mistake at once; callers decide what to do when there are errors (the
command line exits non-zero, the site build fails).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .fidelity import Piece, check_fidelity
from .loader import load_corpus
from .model import Corpus
from .problems import Problems
from .validate import validate_corpus


@dataclass
class CheckedCorpus:
    """A loaded corpus with every problem found in it and each seed's reconstruction."""

    corpus: Corpus
    problems: Problems
    reconstructions: dict[str, list[Piece]]


def check_sources(root: Path) -> CheckedCorpus:
    """Load and validate `root/sources`, proving each seed's fidelity on the way."""
    problems = Problems(root)
    sources = root / "sources"
    # Load: files into typed objects, reporting malformed files.
    corpus = load_corpus(sources, problems)
    # Validate: relations between witnesses of each document.
    validate_corpus(corpus, problems)
    # Fidelity: every character of every raw seed is accounted for.
    reconstructions = check_fidelity(corpus, sources, problems)
    return CheckedCorpus(corpus, problems, reconstructions)
