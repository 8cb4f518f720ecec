"""Timed builds, with the memory of the whole build process tree, and the size of what they wrote.

A build is a real `mkdocs build --strict` in its own process, as `make site`
runs it. Its peak memory is measured two ways:

- the largest resident set of any one process of the tree, from the rusage
  that `os.wait4` returns, which covers the build and every child it waited
  for (the Chinese interface's build, Pagefind);
- the sum over the tree at its fullest, sampled from /proc, because children
  that run side by side need their memory at the same time.

The sampler also notes how long the known children ran (the Chinese
interface, Pagefind), which says where the time goes at no extra cost.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from annotated_reader.site_urls import INTERFACE_ROOTS

# Fixed, so that builds do not ask git and two builds of one corpus are the same.
BUILD_ENVIRONMENT = {"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000", "SITE_VERSION": "benchmark"}
# Children worth timing, by a word of their command line.
KNOWN_CHILDREN = {"Chinese interface": "mkdocs.zh.yml", "Pagefind": "pagefind"}
SAMPLE_SECONDS = 0.1
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


class BuildFailed(RuntimeError):
    """A benchmark build that did not succeed: the corpus or the site has a problem."""


@dataclass
class BuildRun:
    seconds: float
    max_rss_bytes: int  # the largest single process of the tree
    tree_rss_bytes: int  # the tree's sum at its fullest, as sampled
    children_seconds: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class OutputSize:
    total_bytes: int
    pages: int  # HTML files
    largest_page: str
    largest_page_bytes: int
    # HTML files by the site's section (section_of): which kinds of page a size adds.
    sections: dict[str, int] = field(default_factory=dict)
    # Every HTML file's bytes, by its path in the site: how each page grows from one size to the next.
    page_bytes: dict[str, int] = field(default_factory=dict)


class _TreeSampler(threading.Thread):
    """Samples the memory of a process and its descendants until told to stop."""

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.peak = 0
        self.stop = threading.Event()
        self.commands: dict[int, str] = {}
        self.seen: dict[int, tuple[float, float]] = {}

    def run(self) -> None:
        while not self.stop.is_set():
            now = time.perf_counter()
            tree = _descendants(self.root)
            self.peak = max(self.peak, sum(_resident_bytes(pid) for pid in tree))
            for pid in tree:
                if pid not in self.commands:
                    self.commands[pid] = _command_line(pid)
                first, _ = self.seen.get(pid, (now, now))
                self.seen[pid] = (first, now)
            self.stop.wait(SAMPLE_SECONDS)

    def children_seconds(self) -> dict[str, float]:
        durations: dict[str, float] = {}
        for label, word in KNOWN_CHILDREN.items():
            for pid, (first, last) in self.seen.items():
                if pid != self.root and word in self.commands.get(pid, ""):
                    durations[label] = durations.get(label, 0.0) + last - first
        return durations


def _descendants(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            # The command name in parentheses may hold spaces; the fields after it do not.
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    tree, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier]
        tree.extend(frontier)
    return tree


def _resident_bytes(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_SIZE
    except (OSError, IndexError, ValueError):
        return 0


def _command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def timed_build(project: Path, site: Path, log: Path) -> BuildRun:
    """Build `project` into `site` with `mkdocs build --strict`; its time, memory and children, its log in `log`."""
    environment = {**os.environ, **BUILD_ENVIRONMENT}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    with log.open("w", encoding="utf-8") as output:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=project, env=environment, stdout=output, stderr=subprocess.STDOUT)
        sampler = _TreeSampler(process.pid)
        sampler.start()
        # wait4 rather than Popen.wait: it also returns the tree's resource usage.
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        sampler.stop.set()
        sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        tail = "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-15:])
        raise BuildFailed(f"mkdocs build of {project} failed (exit {process.returncode}); see {log}:\n{tail}")
    # ru_maxrss is in kilobytes on Linux.
    return BuildRun(seconds, usage.ru_maxrss * 1024, sampler.peak, sampler.children_seconds())


def output_size(site: Path) -> OutputSize:
    """The size of everything a build wrote, its HTML pages (in all, by section, each's size), and the largest."""
    total, largest, largest_bytes = 0, "", 0
    sections: Counter[str] = Counter()
    pages: dict[str, int] = {}
    for folder, _, names in os.walk(site):
        for name in names:
            size = os.path.getsize(os.path.join(folder, name))
            total += size
            if name.endswith(".html"):
                page = Path(os.path.relpath(os.path.join(folder, name), site)).as_posix()
                sections[section_of(page)] += 1
                pages[page] = size
                if size > largest_bytes:
                    largest, largest_bytes = page, size
    by_section = dict(sorted(sections.items()))
    return OutputSize(total, len(pages), largest, largest_bytes, by_section, dict(sorted(pages.items())))


@dataclass(frozen=True)
class PageGrowth:
    """How the HTML pages written at two sizes grew: the one that grew most, and how many grew past a limit."""

    compared: int  # pages at both sizes
    largest: float  # the most any of them grew: its size at the larger size over the smaller
    page: str
    over: dict[str, int]  # pages grown more than the limit, by section (section_of)


def page_growth(before: OutputSize, after: OutputSize, limit: float) -> PageGrowth | None:
    """How every page at both sizes grew from `before` to `after`; None if no page is at both."""
    ratios = {
        page: after.page_bytes[page] / size
        for page, size in before.page_bytes.items()
        if size and page in after.page_bytes
    }
    if not ratios:
        return None
    # The first of equals in path order, so that a report names the same page every time.
    page = max(sorted(ratios), key=ratios.__getitem__)
    over = Counter(section_of(page) for page, ratio in ratios.items() if ratio > limit)
    return PageGrowth(len(ratios), ratios[page], page, dict(sorted(over.items())))


def section_of(page: str) -> str:
    """The section of the site a page is in: the first folder of its path within its interface (zh/ is one).

    A page at an interface's root (the home page, the 404 page) is in the section "home".
    """
    interface = next((root for root in INTERFACE_ROOTS.values() if root and page.startswith(root)), "")
    folder, slash, _ = page.removeprefix(interface).partition("/")
    return folder if slash else "home"


def timed_check(project: Path) -> float:
    """Seconds of `python -m annotated_reader check --quiet` on `project`: the build's source check alone."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "annotated_reader", "check", "--quiet"],
        cwd=project,
        env={**os.environ, **BUILD_ENVIRONMENT},
        capture_output=True,
        check=True,
    )
    return time.perf_counter() - started
