"""The command line: `python -m annotated_reader check` validates sources and annotations.

`check` loads and validates everything under sources/ and annotations/
(anchoring every annotation's quote), prints every problem
as `path:line: message` on standard error, prints the alignment report on
standard output, and exits with status 1 when there is any error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .alignment import align_corpus, format_report
from .pipeline import check_project


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m annotated_reader", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate sources/ and print the alignment report")
    check.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: current folder)")
    check.add_argument("--quiet", action="store_true", help="print problems only, not the alignment report")
    args = parser.parse_args(argv)
    return run_check(args.root, quiet=args.quiet)


def run_check(root: Path, quiet: bool = False) -> int:
    if not (root / "sources").is_dir():
        print(f"{root}: no sources/ folder here; run from the project folder or pass --root", file=sys.stderr)
        return 2
    checked = check_project(root)
    if not quiet:
        print(format_report(align_corpus(checked.corpus)), flush=True)
    for problem in checked.problems:
        print(problem, file=sys.stderr)
    errors, warnings = len(checked.problems.errors), len(checked.problems.warnings)
    documents = len(checked.corpus.documents)
    if not quiet:
        print(checked.anchor_summary(), flush=True)
        print(
            f"{len(checked.terms)} glossary terms ({len(checked.occurrences)} occurrences), "
            f"{len(checked.events)} timeline events ({len(checked.mentions)} mentions)",
            flush=True,
        )
    annotations = len(checked.annotations)
    summary = f"checked {documents} documents and {annotations} annotations: {errors} error(s), {warnings} warning(s)"
    print(summary, file=sys.stderr if errors else sys.stdout)
    return 1 if errors else 0
