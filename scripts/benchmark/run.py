"""`python -m benchmark.run`: build our site and the plain baseline at several corpus sizes, and report.

For each size N (default 5, 50 and 500 documents) it generates a synthetic
project and the baseline once, builds each `--repeat` times (default 3)
taking the median, converts the same texts with Python-Markdown alone,
measures the output and what the browser downloads, and at the largest N
runs Lighthouse. Then, on the repository's own corpus, it times edits under
`mkdocs serve` (preview.py). It prints one table of every figure per size
and one of the preview's, with ratios to the baseline measured in the same
run and the targets. Progress goes to standard error, the report to
standard output. It is a report, not a test: unmet targets do not change
the exit status.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

from . import browser, lighthouse
from .baseline import markdown_floor, page_path, write_baseline
from .browser import Browser, Transfer
from .gzip_server import serve_gzip
from .measure import BuildFailed, output_size, timed_build, timed_check
from .preview import PreviewResult, measure_preview
from .project import DEFAULT_SEED, generate_project
from .report import build_table, format_markdown, format_notes, format_preview_notes, format_table, preview_table
from .results import SizeResult

ROOT = Path(__file__).resolve().parents[2]
# A glossary term in Chinese: the first query a reader of the corpus would type.
DEFAULT_QUERY = "信用修复"
QUICK_SIZES = [1, 2]
QUICK_EDITS = 2


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmark.run", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes", default="5,50,500", help="corpus sizes in documents, comma-separated (default 5,50,500)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="builds per size and site; the median counts (default 3)")
    parser.add_argument("--quick", action="store_true", help="a tiny run: sizes 1,2, one build each, no Lighthouse")
    parser.add_argument(
        "--workdir", type=Path, help="where projects and builds go (default: a temporary folder, removed)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the projects and builds (always kept with --workdir)")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    parser.add_argument(
        "--edits", type=int, default=5, help="edits timed under mkdocs serve; the median counts (default 5)"
    )
    parser.add_argument("--no-preview", action="store_true", help="skip the edits under mkdocs serve")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="seed of the synthetic corpus")
    parser.add_argument("--query", default=DEFAULT_QUERY, help=f"the search measured (default {DEFAULT_QUERY})")
    parser.add_argument("--json", type=Path, help="also write every raw figure to this JSON file")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown, as README.md has it")
    arguments = parser.parse_args(argv)
    if arguments.quick:
        arguments.sizes, arguments.repeat, arguments.no_lighthouse = ",".join(map(str, QUICK_SIZES)), 1, True
        arguments.edits = QUICK_EDITS
    try:
        arguments.sizes = sorted({int(size) for size in arguments.sizes.split(",")})
    except ValueError:
        parser.error(f"--sizes: expected whole numbers separated by commas, got '{arguments.sizes}'")
    if not arguments.sizes or arguments.sizes[0] < 1 or arguments.repeat < 1 or arguments.edits < 1:
        parser.error("--sizes, --repeat and --edits must be at least 1")
    return arguments


def progress(message: str) -> None:
    print(f"[{datetime.datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def measure_size(folder: Path, count: int, arguments: argparse.Namespace, last: bool) -> SizeResult:
    """Generate, build and measure one corpus size in `folder`."""
    if folder.exists():
        shutil.rmtree(folder)
    started = time.perf_counter()
    project = generate_project(ROOT, folder / "project", count, arguments.seed)
    generation = time.perf_counter() - started
    write_baseline(folder / "baseline", project.documents)
    progress(f"N={count}: generated {count} documents, {project.notes} notes in {generation:.1f} s; checking")
    check = timed_check(project.folder)
    site, baseline_site = folder / "site", folder / "baseline-site"
    ours, baseline = [], []
    for attempt in range(1, arguments.repeat + 1):
        ours.append(timed_build(project.folder, site, folder / "build.log"))
        baseline.append(timed_build(folder / "baseline", baseline_site, folder / "baseline-build.log"))
        progress(
            f"N={count}: build {attempt}/{arguments.repeat}: ours {ours[-1].seconds:.1f} s, "
            f"baseline {baseline[-1].seconds:.1f} s"
        )
    floor = statistics.median(markdown_floor(project.documents) for _ in range(arguments.repeat))
    document = project.documents[0]
    document_page = f"documents/{document.id}/index.html"
    baseline_page = page_path(document, "en").removesuffix(".md") + "/index.html"
    result = SizeResult(
        documents=count,
        generation_seconds=generation,
        check_seconds=check,
        floor_seconds=floor,
        ours=ours,
        baseline=baseline,
        ours_output=output_size(site),
        baseline_output=output_size(baseline_site),
        document_page=document_page,
        document_page_bytes=(site / document_page).stat().st_size,
        baseline_page=baseline_page,
        baseline_page_bytes=(baseline_site / baseline_page).stat().st_size,
        first_view=Transfer(None),
        baseline_first_view=Transfer(None),
        search=Transfer(None),
        baseline_search=Transfer(None),
    )
    _measure_in_browser(result, site, baseline_site, arguments.query)
    if last and not arguments.no_lighthouse:
        progress(f"N={count}: Lighthouse (installed on first use into {lighthouse.cache_folder()})")
        with serve_gzip(site) as url:
            result.lighthouse = lighthouse.scores(url + document_page.removesuffix("index.html"))
        with serve_gzip(baseline_site) as url:
            result.baseline_lighthouse = lighthouse.scores(url + baseline_page.removesuffix("index.html"))
    return result


def _measure_in_browser(result: SizeResult, site: Path, baseline_site: Path, query: str) -> None:
    reason = browser.unavailable()
    if reason:
        result.first_view = result.baseline_first_view = result.search = result.baseline_search = Transfer(
            None, note=reason
        )
        return
    progress(f"N={result.documents}: first view and search in chromium")
    with Browser() as chromium:
        with serve_gzip(site) as url:
            result.first_view = chromium.first_view(url + result.document_page.removesuffix("index.html"))
            result.search = chromium.search(site, url, query)
        with serve_gzip(baseline_site) as url:
            result.baseline_first_view = chromium.first_view(url + result.baseline_page.removesuffix("index.html"))
            result.baseline_search = chromium.material_search(url, query)


def header(arguments: argparse.Namespace) -> str:
    return (
        f"annotated-reader build benchmark, {datetime.date.today()}: sizes {', '.join(map(str, arguments.sizes))} "
        f"documents, {arguments.repeat} build(s) each; {os.cpu_count()} cores, Python {platform.python_version()}"
    )


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    workdir = arguments.workdir or Path(tempfile.mkdtemp(prefix="annotated-reader-benchmark-"))
    keep = arguments.keep or arguments.workdir is not None
    progress(f"working in {workdir}")
    results: list[SizeResult] = []
    preview: PreviewResult | None = None
    try:
        for count in arguments.sizes:
            last = count == arguments.sizes[-1]
            results.append(measure_size(workdir / f"n{count}", count, arguments, last))
            if not keep:
                # The builds of a large corpus take gigabytes; the next size does not need them.
                shutil.rmtree(workdir / f"n{count}")
        if not arguments.no_preview:
            progress(f"preview: {arguments.edits} edit(s) under mkdocs serve, ours and the baseline")
            preview = measure_preview(ROOT, workdir / "preview", arguments.edits)
    except BuildFailed as failure:
        print(f"benchmark stopped: {failure}", file=sys.stderr)
        return 1
    finally:
        if not keep:
            shutil.rmtree(workdir, ignore_errors=True)
    table = build_table(results, arguments.repeat)
    print(header(arguments))
    print()
    print(format_markdown(table) if arguments.markdown else format_table(table))
    print()
    print(format_notes(results))
    if preview is not None:
        table = preview_table(preview, arguments.edits)
        print()
        print("Preview: the repository's corpus under mkdocs serve, from saving an edit to the page showing it")
        print()
        print(format_markdown(table) if arguments.markdown else format_table(table))
        print()
        print(format_preview_notes(preview))
    if arguments.json:
        figures = {"sizes": [asdict(r) for r in results], "preview": asdict(preview) if preview else None}
        arguments.json.write_text(json.dumps(figures, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
