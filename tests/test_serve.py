"""`mkdocs serve` watches sources/ and annotations/ (outside docs/) and rebuilds on change.

A contributor previewing an edit must see it without restarting the server,
and a mistake must show up in the server log as `path:line: message`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from benchmark.preview import Preview
from conftest import ROOT, copy_project

# Generous: a rebuild takes about a second, but CI machines can be slow.
REBUILD_TIMEOUT = 60.0
SHANGHAI = "documents/2003-shanghai-opinions/"


class Server(Preview):
    """A running `mkdocs serve` of a project copy (the benchmark's preview), waited on with a test's patience."""

    def wait_for(
        self, path: str, condition: Callable[[str], bool], what: str, within: float = REBUILD_TIMEOUT
    ) -> float:
        return super().wait_for(path, condition, what, within)

    def wait_for_log(self, text: str) -> None:
        deadline = time.monotonic() + REBUILD_TIMEOUT
        while time.monotonic() < deadline:
            if text in self.log.read_text(encoding="utf-8"):
                return
            time.sleep(0.3)
        raise AssertionError(f"{text!r} not in the server log\n{self.log.read_text(encoding='utf-8')}")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    project = copy_project(ROOT, tmp_path / "project")
    running = Server(project, tmp_path / "serve.log")
    try:
        running.wait_for(SHANGHAI, lambda body: "ar-row" in body, "first build")
        yield running
    finally:
        running.stop()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_edit_in_sources_is_rebuilt(server: Server) -> None:
    metadata = server.project / "sources/2003-shanghai-opinions/document.yaml"
    _edit(metadata, "en: Shanghai Opinions (2003)", "en: Shanghai Opinions, edited (2003)")
    server.wait_for(SHANGHAI, lambda body: 'data-label="Shanghai Opinions, edited (2003) Title"' in body, "new label")


def test_a_mistake_under_serve_is_reported_with_path_and_line_and_recovers(server: Server) -> None:
    metadata = server.project / "sources/2003-shanghai-opinions/document.yaml"
    original = metadata.read_text(encoding="utf-8")
    metadata.write_text(original + "titel: typo\n", encoding="utf-8")
    line = len(original.splitlines()) + 1
    server.wait_for_log(f"sources/2003-shanghai-opinions/document.yaml:{line}: unknown field 'titel'")
    metadata.write_text(original.replace("Shanghai Opinions (2003)", "Shanghai Opinions, fixed (2003)"), "utf-8")
    server.wait_for(SHANGHAI, lambda body: "Shanghai Opinions, fixed (2003)" in body, "recovery after the fix")


def test_a_preview_shows_an_edit_first_then_its_search_index_and_chinese_interface(server: Server) -> None:
    """This interface's pages come first; the search index and the other interface follow."""
    notes = server.project / "annotations/2022-high-quality-development-opinions/notes.yaml"
    _edit(notes, "body: |\n      The English", "body: |\n      Servepreviewmark The English")
    view = "documents/2022-high-quality-development-opinions/en/"
    server.wait_for(view, lambda body: "Servepreviewmark" in body, "the edited note")
    server.wait_for("zh/" + view, lambda body: "Servepreviewmark" in body, "the edited note in the Chinese interface")
    # Both builds' search indexes, the first and this one, were written and said so.
    deadline = time.monotonic() + REBUILD_TIMEOUT
    while server.log.read_text(encoding="utf-8").count("pages in the search index") < 2:
        assert time.monotonic() < deadline, server.log.read_text(encoding="utf-8")
        time.sleep(0.3)
    assert server.page("pagefind/pagefind-entry.json") is not None
    assert "Traceback" not in server.log.read_text(encoding="utf-8")
