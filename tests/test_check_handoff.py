"""The other interface's build is handed the first build's check instead of checking the files again."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from annotated_reader.check_handoff import ENVIRONMENT, Handoff, handed_over
from annotated_reader.pipeline import check_project
from conftest import FIXTURES, build_site, copy_project

# A title no file of the fixture holds: on a page, it can only have come from the handoff.
HANDED_TITLE = "交接而来的标题"


@pytest.fixture
def small(tmp_path: Path) -> Path:
    return copy_project(FIXTURES / "small", tmp_path / "project")


def test_the_other_interface_builds_from_the_check_it_is_handed(small: Path, tmp_path: Path) -> None:
    checked = check_project(small)
    document = checked.corpus.documents[0]
    document.title["zh"] = HANDED_TITLE
    handoff = Handoff(small, checked)
    handoff.site_ready()
    try:
        site = tmp_path / "zh"
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.zh.yml", "--site-dir", str(site)],
            cwd=small,
            env={**os.environ, **handoff.environment()},
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
        assert HANDED_TITLE in (site / "documents" / document.id / "index.html").read_text(encoding="utf-8")
    finally:
        handoff.remove()
    assert not handoff.path.exists()


def test_a_check_is_taken_only_for_the_project_it_was_made_for(
    small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    handoff = Handoff(small, check_project(small))
    try:
        monkeypatch.setenv(ENVIRONMENT, str(handoff.path))
        assert handed_over(small) is not None
        assert handed_over(tmp_path) is None
        handoff.path.write_bytes(b"not a pickle")
        assert handed_over(small) is None  # unreadable: the build checks for itself
        handoff.remove()
        assert handed_over(small) is None  # the file is gone: the build checks for itself
    finally:
        handoff.remove()
    monkeypatch.delenv(ENVIRONMENT)
    assert handed_over(small) is None


def test_a_build_removes_the_file_it_handed_over(small: Path, tmp_path: Path) -> None:
    before = set(Path(tempfile.gettempdir()).glob("annotated-reader-*"))
    build_site(small, tmp_path / "site")
    assert (tmp_path / "site" / "zh" / "index.html").is_file()
    assert set(Path(tempfile.gettempdir()).glob("annotated-reader-*")) <= before


def zh_build(project: Path, site: Path, environment: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.zh.yml", "--site-dir", str(site)],
        cwd=project,
        env={**os.environ, **environment},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_the_other_interface_writes_only_once_the_site_folder_is_ready(small: Path, tmp_path: Path) -> None:
    # Started as soon as the check is handed over, it must not write into a folder not yet cleaned.
    handoff = Handoff(small, check_project(small))
    site = tmp_path / "zh"
    try:
        build = zh_build(small, site, handoff.environment())
        with contextlib.suppress(subprocess.TimeoutExpired):
            build.wait(timeout=5)  # the time to read the check and prepare its pages
        assert build.poll() is None and not site.exists()
        handoff.site_ready()
        _, log = build.communicate(timeout=300)
        assert build.returncode == 0, log
        assert (site / "index.html").is_file()
    finally:
        handoff.remove()


def test_the_other_interface_stops_if_the_build_that_started_it_has(small: Path, tmp_path: Path) -> None:
    handoff = Handoff(small, check_project(small))
    try:
        # As if started by another process, which has gone: this one's parent is not it.
        environment = {**handoff.environment(), "ANNOTATED_READER_STARTED_BY": str(os.getpid() + 1_000_000)}
        build = zh_build(small, tmp_path / "zh", environment)
        _, log = build.communicate(timeout=300)
        assert build.returncode != 0
        assert "the build that started this one stopped before its site folder was ready" in log
        assert "Traceback" not in log and not (tmp_path / "zh").exists()
    finally:
        handoff.remove()
