"""The last build's output is deleted beside the new build, and none of it outlives the build."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotated_reader import old_output
from annotated_reader.old_output import FOLDER, move_aside
from conftest import build_site, copy_project


def _tree(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*")}


def test_every_entry_but_the_hidden_is_moved_aside_and_deleted(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "documents/a").mkdir(parents=True)
    (site / "documents/a/index.html").write_text("old", encoding="utf-8")
    (site / "index.html").write_text("old", encoding="utf-8")
    (site / ".git").mkdir()
    (site / ".git/HEAD").write_text("kept", encoding="utf-8")
    old = move_aside(site)
    # At once, the folder holds only what MkDocs would keep, and the deletion's own folder.
    assert {entry.name for entry in site.iterdir()} == {".git", FOLDER}
    old.wait()
    assert _tree(site) == {".git", ".git/HEAD"}


def test_a_folder_left_by_a_stopped_build_is_deleted_with_the_rest(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / FOLDER / "zh").mkdir(parents=True)
    (site / FOLDER / "zh/index.html").write_text("older", encoding="utf-8")
    (site / "index.html").write_text("old", encoding="utf-8")
    move_aside(site).wait()
    assert _tree(site) == set()


def test_what_cannot_be_renamed_stays_for_mkdocs_to_delete(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old", encoding="utf-8")

    def refuse(source: object, target: object) -> None:
        raise OSError("cross-device link")

    monkeypatch.setattr(old_output.os, "rename", refuse)
    move_aside(site).wait()
    assert _tree(site) == {"index.html"}


def test_no_folder_or_an_empty_one_needs_nothing(tmp_path: Path) -> None:
    move_aside(tmp_path / "missing").wait()
    assert not (tmp_path / "missing").exists()
    (tmp_path / "empty").mkdir()
    move_aside(tmp_path / "empty").wait()
    assert _tree(tmp_path / "empty") == set()


def test_a_build_over_the_last_ones_output_leaves_none_of_it(small_project: Path, tmp_path: Path) -> None:
    project = copy_project(small_project, tmp_path / "project")
    site = tmp_path / "site"
    (site / "zh/documents/gone").mkdir(parents=True)
    (site / "zh/documents/gone/index.html").write_text("a document since removed", encoding="utf-8")
    (site / "stale.html").write_text("old", encoding="utf-8")
    (site / ".nojekyll").write_text("", encoding="utf-8")
    build_site(project, site)
    written = _tree(site)
    assert "stale.html" not in written and "zh/documents/gone" not in written
    assert ".nojekyll" in written and not [path for path in written if FOLDER in path]
    assert "index.html" in written and "zh/index.html" in written
