"""Shared fixtures: the real corpus, and throwaway copies of projects to break."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from annotated_reader.pipeline import CheckedCorpus, check_sources

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SCHEMAS = ("sources/document.schema.json", "sources/seeds/removed.schema.json")


@pytest.fixture(scope="session")
def checked() -> CheckedCorpus:
    """The repository's own sources, loaded and checked once per test run."""
    return check_sources(ROOT)


def copy_project(source: Path, target: Path) -> Path:
    """Copy a project's sources/ (and mkdocs.yml, docs/ if any) into `target`.

    The real schemas are always copied in, so fixtures test today's schemas
    rather than stale copies of them.
    """
    shutil.copytree(source / "sources", target / "sources")
    for schema in SCHEMAS:
        (target / schema).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / schema, target / schema)
    for extra in ("mkdocs.yml", "docs"):
        if (source / extra).is_dir():
            shutil.copytree(source / extra, target / extra)
        elif (source / extra).exists():
            shutil.copy(source / extra, target / extra)
    return target


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the repository's project, to break on purpose."""
    return copy_project(ROOT, tmp_path / "project")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's site, built once per run with a real `mkdocs build --strict`."""
    target = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return target
