"""What one corpus size measured: the raw figures the report is computed from."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from .browser import Transfer
from .lighthouse import Scores
from .measure import BuildRun, OutputSize


@dataclass
class SizeResult:
    """Every figure measured at one corpus size, ours beside the baseline's."""

    documents: int
    generation_seconds: float
    check_seconds: float
    floor_seconds: float
    ours: list[BuildRun]
    baseline: list[BuildRun]
    ours_output: OutputSize
    baseline_output: OutputSize
    # The same document's page at every size: our parallel view, the baseline's English page.
    document_page: str
    document_page_bytes: int
    baseline_page: str
    baseline_page_bytes: int
    first_view: Transfer
    baseline_first_view: Transfer
    search: Transfer
    baseline_search: Transfer
    lighthouse: Scores | None = None
    baseline_lighthouse: Scores | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def ours_seconds(self) -> float:
        return statistics.median(run.seconds for run in self.ours)

    @property
    def baseline_seconds(self) -> float:
        return statistics.median(run.seconds for run in self.baseline)

    def children_seconds(self, label: str) -> float | None:
        """Median time of a known child of our build (the Chinese interface, Pagefind), None if it never ran."""
        times = [run.children_seconds[label] for run in self.ours if label in run.children_seconds]
        return statistics.median(times) if times else None
