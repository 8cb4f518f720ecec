"""How long a contributor waits under `mkdocs serve`: from saving an edit to the served page showing it.

The target is for the repository's own corpus: in a copy of the project,
with `mkdocs serve` running, the body of the first note is edited, and the
time is taken from the save to the English interface's page of that
document showing the new words, then to the Chinese interface's page
showing them (the preview rebuilds it after the English one). The baseline
is the same kind of edit on the plain site of the same texts (baseline.py)
served by mkdocs-material alone: a witness page's Markdown is edited and its
page watched. Each edit waits for the previous rebuild to end, as a
contributor reading the result would.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from annotated_reader.concordance import language_view
from annotated_reader.loader import load_corpus
from annotated_reader.problems import Problems
from annotated_reader.site_urls import INTERFACE_ROOTS

from .baseline import page_path, write_baseline
from .corpus import Passage
from .corpus_files import copy_site_config
from .measure import BUILD_ENVIRONMENT, BuildFailed

# A rebuild of the real corpus takes about a second; the first build, and a slow machine, take longer.
FIRST_BUILD_SECONDS = 180.0
EDIT_SECONDS = 60.0
POLL_SECONDS = 0.05
# After an edit is on every page watched: the search index is still being written.
SETTLE_SECONDS = 2.0
# The first line of a note's body written as a block (`body: |` or `body: >`), and its indentation.
BLOCK_BODY = re.compile(r"^[ \t]*body:[ \t]*[|>][-+]?[ \t]*\n([ \t]+)(?=\S)", re.MULTILINE)


@dataclass
class PreviewResult:
    """Seconds from each save to each page showing it."""

    note_file: str
    page: str
    chinese_page: str
    baseline_file: str
    baseline_page: str
    english: list[float] = field(default_factory=list)
    chinese: list[float] = field(default_factory=list)
    baseline: list[float] = field(default_factory=list)


def median_seconds(seconds: list[float]) -> float | None:
    """The median of the edits' times, None if none was timed."""
    return statistics.median(seconds) if seconds else None


@dataclass(frozen=True)
class PlainDocument:
    """A corpus document as the baseline writes it: its titles, and its passages by ID in both languages."""

    id: str
    title_en: str
    title_zh: str
    passages: list[Passage]


class Preview:
    """A running `mkdocs serve` of a project, its log in a file."""

    def __init__(self, project: Path, log: Path) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.project = project
        self.log = log
        self._log_file = log.open("w", encoding="utf-8")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=project,
            env={**os.environ, **BUILD_ENVIRONMENT},
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
        )

    def page(self, path: str) -> str | None:
        """The served page at site-relative `path`, None while it cannot be fetched."""
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=5) as response:
                return response.read().decode("utf-8")
        except (urllib.error.URLError, TimeoutError, ConnectionError):
            return None

    def wait_for(self, path: str, condition: Callable[[str], bool], what: str, within: float) -> float:
        """The time (time.monotonic) at which the page at `path` meets `condition`; BuildFailed if it never does."""
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise BuildFailed(f"mkdocs serve stopped (exit {self.process.returncode}):\n{self.log_tail()}")
            body = self.page(path)
            if body is not None and condition(body):
                return time.monotonic()
            time.sleep(POLL_SECONDS)
        raise BuildFailed(f"mkdocs serve: {what}: /{path} not seen within {within:.0f} s:\n{self.log_tail()}")

    def shows(self, path: str, text: str, within: float) -> float:
        """The time (time.monotonic) at which the page at `path` holds `text`."""
        return self.wait_for(path, lambda body: text in body, repr(text), within)

    def log_tail(self, lines: int = 30) -> str:
        self._log_file.flush()
        return "\n".join(self.log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._log_file.close()


@contextmanager
def serving(project: Path, log: Path, first_page: str) -> Iterator[Preview]:
    """`mkdocs serve` of `project`, once `first_page` is served; stopped afterwards."""
    preview = Preview(project, log)
    try:
        preview.shows(first_page, "</html>", FIRST_BUILD_SECONDS)
        yield preview
    finally:
        preview.stop()


def first_note_body(annotations: Path) -> tuple[Path, str, int]:
    """The first notes file with a note body written as a block, its document, and where the body's text starts."""
    for notes in sorted(annotations.glob("*/notes.yaml")):
        match = BLOCK_BODY.search(notes.read_text(encoding="utf-8"))
        if match:
            # A document's notes are in annotations/<document id>/.
            return notes, notes.parent.name, match.end()
    raise BuildFailed(f"{annotations}: no notes.yaml with a note body written as a block (body: |) to edit")


def timed_edits(preview: Preview, file: Path, offset: int, pages: list[str], edits: int) -> list[list[float]]:
    """Insert a new word at `offset` of `file` `edits` times; per page, the seconds from each save to its showing."""
    seconds: list[list[float]] = [[] for _ in pages]
    for edit in range(edits):
        text = file.read_text(encoding="utf-8")
        # Letters and digits, which the Markdown leaves as they are; no word is part of another.
        word = f"previewedit{edit}x"
        saved = time.monotonic()
        file.write_text(text[:offset] + word + " " + text[offset:], encoding="utf-8")
        for index, page in enumerate(pages):
            seconds[index].append(preview.shows(page, word, EDIT_SECONDS) - saved)
        time.sleep(SETTLE_SECONDS)
    return seconds


def plain_documents(root: Path) -> list[PlainDocument]:
    """The corpus's texts as the baseline writes them: a document's first witness in each language, by passage.

    A second witness in a language (another translation) is a document of its
    own, `<document id>-<witness id>`, with that language's page alone.
    """
    corpus = load_corpus(root / "sources", Problems(root))
    documents = []
    for document in corpus.documents:
        title = document.title.get("en", document.id), document.title.get("zh", "")
        texts: dict[str, dict[str, str]] = {}
        others = []
        for witness in document.witnesses:
            language = language_view(witness)
            if any(language in passage for passage in texts.values()):
                passages = [
                    Passage(s.id, s.kind, s.text if language == "zh" else "", s.text if language == "en" else "")
                    for s in witness.segments
                ]
                others.append(PlainDocument(f"{document.id}-{witness.id}", *title, passages))
                continue
            for segment in witness.segments:
                texts.setdefault(segment.id, {})[language] = segment.text
        passages = [Passage(id, "paragraph", text.get("zh", ""), text.get("en", "")) for id, text in texts.items()]
        documents += [PlainDocument(document.id, *title, passages), *others]
    return documents


def measure_preview(root: Path, folder: Path, edits: int) -> PreviewResult:
    """Copy the project at `root` and a plain baseline of its texts into `folder`, serve each, and time the edits."""
    project = folder / "project"
    project.mkdir(parents=True)
    copy_site_config(root, project)
    for data in ("sources", "annotations"):
        shutil.copytree(root / data, project / data, dirs_exist_ok=True)
    notes, document, offset = first_note_body(project / "annotations")
    page = f"documents/{document}/"
    chinese_page = INTERFACE_ROOTS["zh"] + page
    documents = plain_documents(root)
    write_baseline(folder / "baseline", documents)
    edited = next((d for d in documents if d.id == document), None)
    if edited is None:
        raise BuildFailed(f"{notes}: the notes of '{document}', which is not a document of {root / 'sources'}")
    baseline_file = folder / "baseline" / "docs" / page_path(edited, "en")
    baseline_page = page_path(edited, "en").removesuffix(".md") + "/"
    result = PreviewResult(
        note_file=notes.relative_to(project).as_posix(),
        page=page,
        chinese_page=chinese_page,
        baseline_file=baseline_file.relative_to(folder / "baseline").as_posix(),
        baseline_page=baseline_page,
    )
    with serving(project, folder / "serve.log", page) as preview:
        # The Chinese interface is built after the English one, and the first edit must not interrupt it.
        preview.shows(chinese_page, "</html>", FIRST_BUILD_SECONDS)
        time.sleep(SETTLE_SECONDS)
        result.english, result.chinese = timed_edits(preview, notes, offset, [page, chinese_page], edits)
    # Into the first passage's paragraph, after its heading.
    markdown = baseline_file.read_text(encoding="utf-8")
    baseline_offset = markdown.index("\n## ") + 1
    baseline_offset = markdown.index("\n\n", baseline_offset) + 2
    with serving(folder / "baseline", folder / "baseline-serve.log", baseline_page) as preview:
        time.sleep(SETTLE_SECONDS)
        (result.baseline,) = timed_edits(preview, baseline_file, baseline_offset, [baseline_page], edits)
    return result
