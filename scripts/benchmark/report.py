"""The benchmark's table: every figure per corpus size, its ratio to the baseline, and its target.

Each figure is a row with one cell per size. Where a target applies, the row
says it and whether it is met (at every size, or at the largest where the
target is about growth); nothing fails: the report informs. A figure that
could not be measured reads "n/a", with the reason under the table; one not
taken at a size ("—") is one that needs a previous size, or Lighthouse's,
which runs at the largest size only.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

from .measure import KNOWN_CHILDREN, PageGrowth, page_growth
from .preview import PreviewResult, median_seconds
from .results import SizeResult

KB = 1000
MB = 1000 * 1000
GB = 1000 * MB
# A page's HTML at one size at most this many times its size at the size before.
PAGE_GROWTH = 1.2


class _NotTaken:
    """A figure not taken at this size, as opposed to one that could not be measured (None)."""

    def __repr__(self) -> str:
        return "—"


NOT_TAKEN = _NotTaken()
Value = float | None | _NotTaken


@dataclass(frozen=True)
class Target:
    text: str
    met: Callable[[float], bool]
    # Growth targets compare the largest size with the one before, and the search's holds at the
    # largest size; the others hold at every size.
    largest_only: bool = False


@dataclass(frozen=True)
class Row:
    label: str
    cells: list[str]
    target: str = ""
    met: str = ""


def _ratio(a: Value, b: Value) -> Value:
    if a is NOT_TAKEN or b is NOT_TAKEN:
        return NOT_TAKEN
    if not isinstance(a, int | float) or not isinstance(b, int | float) or b == 0:
        return None
    return a / b


def _seconds(value: float) -> str:
    return f"{value:.2f}"


def _milliseconds(value: float) -> str:
    return f"{value * 1000:.1f}"


def _times(value: float) -> str:
    return f"{value:.2f}×"


def _kilobytes(value: float) -> str:
    return f"{value / KB:,.1f}"


def _megabytes(value: float) -> str:
    return f"{value / MB:,.1f}"


def _count(value: float) -> str:
    return f"{value:,.0f}"


class Table:
    """Rows built from the results of every size, in order."""

    def __init__(self, results: list[SizeResult], columns: list[str] | None = None) -> None:
        self.results = results
        self.sizes = [r.documents for r in results]
        # One column per size, or the columns given for figures not taken per size (the preview's).
        self.columns = columns or [f"N={size}" for size in self.sizes]
        self.rows: list[Row | str] = []

    def section(self, title: str) -> None:
        self.rows.append(title)

    def row(
        self,
        label: str,
        values: list[Value],
        fmt: Callable[[float], str],
        target: Target | None = None,
        suffixes: list[str] | None = None,
    ) -> list[Value]:
        cells = [
            "—" if v is NOT_TAKEN else "n/a" if v is None else fmt(v) + (suffixes[i] if suffixes else "")
            for i, v in enumerate(values)
        ]
        self.rows.append(Row(label, cells, target.text if target else "", self._met(values, target)))
        return values

    def _met(self, values: list[Value], target: Target | None) -> str:
        if target is None:
            return ""
        pairs = list(enumerate(values))
        if target.largest_only:
            pairs = pairs[-1:]
        known = [(column, value) for column, value in pairs if isinstance(value, int | float)]
        if not known:
            return "n/a"
        failing = [column for column, value in known if not target.met(value)]
        if not failing:
            return "yes"
        return f"no (N={', '.join(str(self.sizes[column]) for column in failing)})" if self.sizes else "no"

    def per_size(self, function: Callable[[SizeResult], Value]) -> list[Value]:
        return [function(result) for result in self.results]

    def ratio_row(
        self,
        label: str,
        numerators: list[Value],
        denominators: list[Value],
        target: Target | None = None,
        suffixes: list[str] | None = None,
    ) -> list[Value]:
        ratios = [_ratio(a, b) for a, b in zip(numerators, denominators, strict=True)]
        return self.row(label, ratios, _times, target, suffixes)

    def compare(
        self,
        figure: str,
        ours: Callable[[SizeResult], Value],
        baseline: Callable[[SizeResult], Value],
        fmt: Callable[[float], str],
        target: Target | None = None,
        ratio_target: Target | None = None,
    ) -> tuple[list[Value], list[Value], list[Value]]:
        """Three rows: the figure for our site (with its target), for the baseline, and their ratio (with its)."""
        ours_values = self.row(f"{figure}, ours", self.per_size(ours), fmt, target)
        baseline_values = self.row(f"{figure}, baseline", self.per_size(baseline), fmt)
        ratios = self.ratio_row(f"{figure}, ours / baseline", ours_values, baseline_values, ratio_target)
        return ours_values, baseline_values, ratios

    def between_sizes(self, function: Callable[[SizeResult], float], pages: Callable[[SizeResult], int]):
        """Per consecutive pair of sizes: the change in `function` per page (or document) added; none at first."""
        values: list[Value] = [NOT_TAKEN]
        suffixes = [""]
        for before, after in itertools.pairwise(self.results):
            added = pages(after) - pages(before)
            values.append((function(after) - function(before)) / added if added else None)
            suffixes.append(f" ({before.documents}→{after.documents})")
        return values, suffixes

    def growth(self, values: list[Value]) -> list[Value]:
        """Each value divided by the one before it."""
        return [NOT_TAKEN, *(_ratio(b, a) for a, b in itertools.pairwise(values))]


def build_table(results: list[SizeResult], repeat: int) -> Table:
    """Every figure, per size."""
    t = Table(results)
    median = f"median of {repeat}"

    t.section("Build")
    t.compare("HTML pages written", lambda r: r.ours_output.pages, lambda r: r.baseline_output.pages, _count)
    # No slower than the plain site at the largest size, although ours does more.
    even = Target("≤ 1.0 at the largest N", lambda v: v <= 1.0, largest_only=True)
    ours, _, _ = t.compare(
        f"build s ({median})", lambda r: r.ours_seconds, lambda r: r.baseline_seconds, _seconds, ratio_target=even
    )
    t.compare(
        "ms per page",
        lambda r: r.ours_seconds / r.ours_output.pages,
        lambda r: r.baseline_seconds / r.baseline_output.pages,
        _milliseconds,
    )
    marginal, suffixes = t.between_sizes(lambda r: r.ours_seconds, lambda r: r.ours_output.pages)
    t.row("marginal ms per page added, ours", marginal, _milliseconds, suffixes=suffixes)
    base_marginal, suffixes = t.between_sizes(lambda r: r.baseline_seconds, lambda r: r.baseline_output.pages)
    t.row("marginal ms per page added, baseline", base_marginal, _milliseconds, suffixes=suffixes)
    linear = Target("≤ 1.1", lambda v: v <= 1.1, largest_only=True)
    t.row("marginal cost ratio to the previous interval, ours", t.growth(marginal), _times, linear)
    t.row("marginal cost ratio to the previous interval, baseline", t.growth(base_marginal), _times)
    # The same per document: our pages per document vary with N (a busy term's year pages
    # appear from some size on), which moves the cost per page but not the work per document.
    ours_added, suffixes = t.between_sizes(lambda r: r.ours_seconds, lambda r: r.documents)
    t.row("marginal ms per document added, ours", ours_added, _milliseconds, suffixes=suffixes)
    t.row("marginal cost ratio per document, ours", t.growth(ours_added), _times)
    floor = t.row(f"Markdown-only floor s, 2N pages ({median})", t.per_size(lambda r: r.floor_seconds), _seconds)
    t.ratio_row("build time ratio, ours / Markdown-only floor", ours, floor, Target("≤ 3", lambda v: v <= 3))
    # Without the fixed costs (starting Python, loading the theme and jieba), which dominate small sizes.
    floor_added, _ = t.between_sizes(lambda r: r.floor_seconds, lambda r: r.documents)
    t.ratio_row("marginal time ratio, ours / floor (per document added)", ours_added, floor_added, suffixes=suffixes)

    t.section("Where the time goes (ours)")
    t.row("corpus generation s (not part of the build)", t.per_size(lambda r: r.generation_seconds), _seconds)
    t.row("source check alone s (annotated_reader check)", t.per_size(lambda r: r.check_seconds), _seconds)
    for child in KNOWN_CHILDREN:
        # A child that never ran is a stage this build does not have.
        seconds = t.per_size(lambda r, c=child: r.children_seconds(c))
        t.row(f"{child} s (within the build)", [NOT_TAKEN if s is None else s for s in seconds], _seconds)

    t.section("Memory")
    # "Peak memory under 1 GB": held to both readings, the largest process and the whole tree.
    under_a_gigabyte = Target("< 1 GB", lambda v: v < GB)
    t.compare(
        "peak memory MB, largest process",
        lambda r: max(run.max_rss_bytes for run in r.ours),
        lambda r: max(run.max_rss_bytes for run in r.baseline),
        _megabytes,
        under_a_gigabyte,
    )
    t.compare(
        "peak memory MB, process tree (sampled)",
        lambda r: max(run.tree_rss_bytes for run in r.ours),
        lambda r: max(run.tree_rss_bytes for run in r.baseline),
        _megabytes,
        under_a_gigabyte,
    )

    t.section("Output")
    t.compare(
        "total output MB", lambda r: r.ours_output.total_bytes, lambda r: r.baseline_output.total_bytes, _megabytes
    )
    t.compare(
        "largest page kB",
        lambda r: r.ours_output.largest_page_bytes,
        lambda r: r.baseline_output.largest_page_bytes,
        _kilobytes,
    )
    page, _, _ = t.compare(
        "document page kB",
        lambda r: r.document_page_bytes,
        lambda r: r.baseline_page_bytes,
        _kilobytes,
    )
    weight = Target(f"≤ {PAGE_GROWTH}", lambda v: v <= PAGE_GROWTH, largest_only=True)
    t.row("document page growth, ours (to the previous N)", t.growth(page), _times, weight)
    # Every page written at both sizes, not only the document page: a listing grows with what it lists.
    growths = [_page_growth(before, after) for before, after in itertools.pairwise(results)]

    def of_growths(figure: Callable[[PageGrowth], float]) -> list[Value]:
        # None where no page is at both sizes: "n/a".
        return [NOT_TAKEN, *(None if g is None else figure(g) for g in growths)]

    t.row("largest growth of any page, ours (to the previous N)", of_growths(lambda g: g.largest), _times, weight)
    t.row(
        f"pages grown more than {PAGE_GROWTH}×, ours (of those at both N)",
        of_growths(lambda g: sum(g.over.values())),
        _count,
        suffixes=["", *(f" of {g.compared:,}" if g else "" for g in growths)],
    )

    t.section("In the browser (gzip)")
    t.compare(
        "first-view transfer kB, document page",
        lambda r: r.first_view.bytes,
        lambda r: r.baseline_first_view.bytes,
        _kilobytes,
        Target("≤ 150 kB", lambda v: v <= 150 * KB),
    )
    t.compare(
        "search payload kB, first query",
        lambda r: r.search.bytes,
        lambda r: r.baseline_search.bytes,
        _kilobytes,
        # The figure is for 500 documents, the largest size of a full run.
        Target("≤ 300 kB at the largest N", lambda v: v <= 300 * KB, largest_only=True),
    )
    for category, target in (
        ("performance", Target("≥ 95", lambda v: v >= 95)),
        ("accessibility", Target("100", lambda v: v >= 100)),
    ):
        for side, baseline in (("ours", False), ("baseline", True)):
            t.row(
                f"Lighthouse {category}, document page, {side}",
                t.per_size(lambda r, c=category, b=baseline: _lighthouse(r, c, b)),
                _count,
                None if baseline else target,
            )
    return t


def preview_table(preview: PreviewResult, edits: int) -> Table:
    """The preview's figures: one column, the repository's corpus under `mkdocs serve`."""
    t = Table([], columns=["real corpus"])
    median = f"median of {edits}"
    ours = t.row(
        f"note edit shown, English page s ({median}), ours",
        [median_seconds(preview.english)],
        _seconds,
        Target("< 2 s", lambda v: v < 2),
    )
    baseline = t.row(f"page edit shown s ({median}), baseline", [median_seconds(preview.baseline)], _seconds)
    t.ratio_row("edit shown, ours / baseline", ours, baseline)
    t.row(f"note edit shown, Chinese page s ({median}), ours", [median_seconds(preview.chinese)], _seconds)
    return t


def format_preview_notes(preview: PreviewResult) -> str:
    """Which files were edited and which pages watched, and every edit's time."""
    times = ", ".join
    return "\n".join(
        [
            f"- preview, ours: {preview.note_file} edited; /{preview.page} and /{preview.chinese_page} watched; "
            f"English {times(_seconds(v) for v in preview.english)} s, "
            f"Chinese {times(_seconds(v) for v in preview.chinese)} s",
            f"- preview, baseline: {preview.baseline_file} edited; /{preview.baseline_page} watched; "
            f"{times(_seconds(v) for v in preview.baseline)} s",
        ]
    )


def _lighthouse(result: SizeResult, category: str, baseline: bool) -> Value:
    scores = result.baseline_lighthouse if baseline else result.lighthouse
    return NOT_TAKEN if scores is None else getattr(scores, category)


def format_table(table: Table) -> str:
    """The table as aligned plain text, one line per row; section titles on their own lines."""
    headers = ["figure", *table.columns, "target", "met"]
    lines_of_cells = [r for r in table.rows if isinstance(r, Row)]
    widths = [max(len(headers[0]), *(len(r.label) for r in lines_of_cells))]
    for index in range(len(table.columns)):
        widths.append(max(len(headers[index + 1]), *(len(r.cells[index]) for r in lines_of_cells)))
    widths.append(max(len(headers[-2]), *(len(r.target) for r in lines_of_cells)))

    def line(cells: list[str]) -> str:
        first = cells[0].ljust(widths[0])
        middle = [cell.rjust(width) for cell, width in zip(cells[1:-1], widths[1:], strict=False)]
        return "  ".join([first, *middle, cells[-1]]).rstrip()

    output = [line(headers)]
    for row in table.rows:
        if isinstance(row, str):
            output.append(f"-- {row}")
        else:
            output.append(line([row.label, *row.cells, row.target, row.met]))
    return "\n".join(output)


def format_markdown(table: Table) -> str:
    """The table as Markdown (for README.md), section titles as rows in bold."""
    headers = ["figure", *table.columns, "target", "met"]
    output = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    for row in table.rows:
        if isinstance(row, str):
            output.append(f"| **{row}** |" + " |" * (len(headers) - 1))
        else:
            output.append("| " + " | ".join([row.label, *row.cells, row.target, row.met]) + " |")
    return "\n".join(output)


def format_notes(results: list[SizeResult]) -> str:
    """What the table cannot say in a cell.

    Each build's time, the pages each size adds, which pages were measured, and why a figure is n/a.
    """
    notes = [_builds_note(result) for result in results]
    notes.extend(_pages_added_note(before, after) for before, after in itertools.pairwise(results))
    notes.extend(_page_growth_note(before, after) for before, after in itertools.pairwise(results))
    last = results[-1]
    notes.append(f"document page: ours {last.document_page}, baseline {last.baseline_page}")
    for result in results:
        notes.append(
            f"largest page at N={result.documents}: ours {result.ours_output.largest_page}, "
            f"baseline {result.baseline_output.largest_page}"
        )
    for result in results:
        for label, measured in (
            ("first view, ours", result.first_view),
            ("first view, baseline", result.baseline_first_view),
            ("search, ours", result.search),
            ("search, baseline", result.baseline_search),
        ):
            if measured.note:
                notes.append(f"{label} at N={result.documents}: {measured.note}")
        for label, scores in (
            ("Lighthouse, ours", result.lighthouse),
            ("Lighthouse, baseline", result.baseline_lighthouse),
        ):
            if scores is not None and scores.note:
                notes.append(f"{label} at N={result.documents}: n/a: {scores.note}")
        notes.extend(f"N={result.documents}: {note}" for note in result.notes)
    return "\n".join(f"- {note}" for note in notes)


def _builds_note(result: SizeResult) -> str:
    """Every build's time at one size, in the order they ran, and each pair's ratio.

    Ours and the baseline's are built alternately, so each pair's ratio shows how far a single build's
    ratio strays from the medians'.
    """
    ours = ", ".join(f"{run.seconds:.1f}" for run in result.ours)
    baseline = ", ".join(f"{run.seconds:.1f}" for run in result.baseline)
    ratios = ", ".join(
        _times(a.seconds / b.seconds) for a, b in zip(result.ours, result.baseline, strict=True) if b.seconds
    )
    return (
        f"builds at N={result.documents}: ours {ours} s; baseline {baseline} s; "
        f"ours / baseline, build by build: {ratios}"
    )


def _pages_added_note(before: SizeResult, after: SizeResult) -> str:
    """Our HTML pages added per document from one size to the next, by section of the site.

    The kinds of page added change the cost per page added: a section whose pages appear from some size
    on (a busy term's pages per year) adds many cheap pages to one interval only.
    """
    documents = after.documents - before.documents  # sizes are distinct (run.py)
    sections = sorted(before.ours_output.sections.keys() | after.ours_output.sections.keys())
    added = {
        section: after.ours_output.sections.get(section, 0) - before.ours_output.sections.get(section, 0)
        for section in sections
    }
    shown = ", ".join(f"{section} {count / documents:.1f}" for section, count in added.items() if count)
    return (
        f"pages added per document, ours, {before.documents}→{after.documents}: "
        f"{shown or 'none'} (sections of the site that add none left out)"
    )


def _page_growth(before: SizeResult, after: SizeResult) -> PageGrowth | None:
    return page_growth(before.ours_output, after.ours_output, PAGE_GROWTH)


def _page_growth_note(before: SizeResult, after: SizeResult) -> str:
    """The page that grew most from one size to the next, and by section the pages that grew past PAGE_GROWTH."""
    growth = _page_growth(before, after)
    interval = f"{before.documents}→{after.documents}"
    if growth is None:
        return f"page growth, ours, {interval}: no page at both sizes"
    over = ", ".join(f"{section} {count:,}" for section, count in growth.over.items())
    return (
        f"page growth, ours, {interval}: most {growth.page} ({_times(growth.largest)}); "
        f"grown more than {PAGE_GROWTH}×, by section: {over or 'none'}"
    )
