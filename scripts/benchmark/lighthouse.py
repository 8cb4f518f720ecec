"""Lighthouse's performance and accessibility scores for one page, with Debian's chromium.

Lighthouse (the npm package, pinned) is installed on first use into a cache
folder outside the repository, and run with its default mobile preset
(a mid-range phone on a slow 4G connection, simulated) against the gzip
server. Where npm or the install is not available, the scores are "n/a" with
the reason; the benchmark never fails for it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .browser import CHROMIUM, CHROMIUM_ARGS

VERSION = "13.5.0"
CHROME_FLAGS = " ".join(["--headless=new", *CHROMIUM_ARGS])
INSTALL_TIMEOUT = 600
RUN_TIMEOUT = 600


@dataclass(frozen=True)
class Scores:
    """Lighthouse's category scores (0 to 100), or None with the reason."""

    performance: int | None
    accessibility: int | None
    note: str = ""


def cache_folder() -> Path:
    """Where Lighthouse is installed: $XDG_CACHE_HOME (or ~/.cache)/annotated-reader-benchmark/."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "annotated-reader-benchmark" / f"lighthouse-{VERSION}"


def install() -> Path | str:
    """The lighthouse command, installed if need be; or why it is not available."""
    folder = cache_folder()
    command = folder / "node_modules" / ".bin" / "lighthouse"
    if command.exists():
        return command
    npm = shutil.which("npm")
    if npm is None:
        return "npm is not installed (Node.js 18 or newer is needed)"
    if not CHROMIUM.exists():
        return f"no chromium at {CHROMIUM}"
    folder.mkdir(parents=True, exist_ok=True)
    try:
        result = subprocess.run(
            [npm, "install", "--prefix", str(folder), "--no-audit", "--no-fund", f"lighthouse@{VERSION}"],
            capture_output=True,
            text=True,
            timeout=INSTALL_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return f"npm install lighthouse@{VERSION} took more than {INSTALL_TIMEOUT} s"
    if result.returncode != 0 or not command.exists():
        last = (result.stderr.strip().splitlines() or ["no output"])[-1]
        return f"npm install lighthouse@{VERSION} failed: {last}"
    return command


def scores(url: str) -> Scores:
    """Run Lighthouse on `url` (mobile preset) for performance and accessibility."""
    command = install()
    if isinstance(command, str):
        return Scores(None, None, command)
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as folder:
        report = Path(folder) / "report.json"
        try:
            result = subprocess.run(
                [
                    str(command),
                    url,
                    "--only-categories=performance,accessibility",
                    "--output=json",
                    f"--output-path={report}",
                    "--quiet",
                    f"--chrome-flags={CHROME_FLAGS}",
                ],
                env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
                capture_output=True,
                text=True,
                timeout=RUN_TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return Scores(None, None, f"lighthouse took more than {RUN_TIMEOUT} s")
        if result.returncode != 0 or not report.exists():
            last = (result.stderr.strip().splitlines() or ["no output"])[-1]
            return Scores(None, None, f"lighthouse failed: {last}")
        categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
    return Scores(_score(categories["performance"]), _score(categories["accessibility"]))


def _score(category: dict) -> int | None:
    # A category Lighthouse could not score (a page that errored) has score null.
    return None if category.get("score") is None else round(category["score"] * 100)
