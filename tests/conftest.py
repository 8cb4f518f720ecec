"""Shared fixtures: the real corpus, and throwaway copies of projects to break."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from annotated_reader.pipeline import CheckedCorpus, check_project, check_sources

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SCHEMAS = (
    "sources/document.schema.json",
    "sources/seeds/removed.schema.json",
    "annotations/annotation.schema.json",
    "annotations/glossary/term.schema.json",
    "annotations/timeline/event.schema.json",
)


settings.register_profile(
    "properties",
    # A check of the whole corpus takes about half a second: no per-example deadline.
    deadline=None,
    # Under CI the examples are derandomized, so that a run can be repeated.
    derandomize=os.environ.get("CI") == "true",
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
# The settings of every property-based test; each gives its own max_examples.
PROPERTIES = settings.get_profile("properties")


@pytest.fixture(scope="session")
def checked() -> CheckedCorpus:
    """The repository's own sources, loaded and checked once per test run."""
    return check_sources(ROOT)


def copy_project(source: Path, target: Path) -> Path:
    """Copy a project's sources/ (and mkdocs.yml, docs/, annotations/) into `target`.

    The real schemas are always copied in, so fixtures test today's schemas
    rather than stale copies of them. A fixture without its own mkdocs.yml,
    docs/ or annotations/ gets the repository's, so it builds like the real site.
    """
    shutil.copytree(source / "sources", target / "sources")
    for extra in ("mkdocs.yml", "mkdocs.zh.yml", "docs", "annotations"):
        origin = source / extra if (source / extra).exists() else ROOT / extra
        if origin.is_dir():
            shutil.copytree(origin, target / extra)
        else:
            shutil.copy(origin, target / extra)
    for schema in SCHEMAS:
        (target / schema).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / schema, target / schema)
    return target


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the repository's project, to break on purpose."""
    return copy_project(ROOT, tmp_path / "project")


@pytest.fixture(scope="session")
def site(site_build: tuple[Path, str]) -> Path:
    """The repository's built site folder."""
    return site_build[0]


@pytest.fixture(scope="session")
def site_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The repository's site, built once per run with a real `mkdocs build --strict`, and its log."""
    target = tmp_path_factory.mktemp("site")
    return target, build_site(ROOT, target)


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    """The repository's built site, served on 127.0.0.1 for the browser tests."""
    from browser import serve

    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium, headless (as Chromium must be to print PDFs), for the whole run."""
    from browser import CHROMIUM, CHROMIUM_ARGS, require_chromium

    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def small_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small fixture corpus (tests/fixtures/small) as a buildable project."""
    return copy_project(FIXTURES / "small", tmp_path_factory.mktemp("small") / "project")


@pytest.fixture(scope="session")
def small_site(small_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small fixture corpus, built once per run with a real `mkdocs build --strict`."""
    target = tmp_path_factory.mktemp("small-site")
    build_site(small_project, target)
    return target


# A made-up event that both documents of the small fixture name (twice in 2001, twice in 2002).
PAGED_EVENT = """\
id: fixture-plan
date: "2003-05-01"
title:
  en: The Fixture Issuer adopts the fixture plan
  zh: 样例机关通过样例规划
kind: plan
summary: |
  A made-up event of the test fixture, which the sample documents name.
mentions:
  en: [This sample, fixture notice]
  zh: [本样例]
sources:
  - passage: 2001-sample-bilingual#1.1
    supports: made up for the fixture
author: Fixture Author
"""


@pytest.fixture(scope="session")
def paged_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small fixture corpus built with the year pages a large corpus gets: a term's, an event's, the annotations'.

    `concordance_lines: 1` and `index_notes: 1` page what the repository's
    corpus is too small to page; the event (PAGED_EVENT) is named six times.
    """
    project = copy_project(FIXTURES / "small", tmp_path_factory.mktemp("paged") / "project")
    # annotations/timeline/ holds the event schema copied in (copy_project).
    (project / "annotations/timeline/fixture-plan.yaml").write_text(PAGED_EVENT, encoding="utf-8")
    # Each interface's file configures its own plugin (INHERIT replaces the list of plugins).
    for name, entry in (("mkdocs.yml", "  - annotated-reader:\n"), ("mkdocs.zh.yml", "  - annotated-reader\n")):
        config = project / name
        text = config.read_text(encoding="utf-8")
        assert text.count(entry) == 1, name
        options = "  - annotated-reader:\n      concordance_lines: 1\n      index_notes: 1\n"
        config.write_text(text.replace(entry, options), encoding="utf-8")
    site = tmp_path_factory.mktemp("paged-site")
    build_site(project, site)
    return site


def run_build(
    project: Path, target: Path, tool: str = "mkdocs", strict: bool = True
) -> subprocess.CompletedProcess[str]:
    """Run a real `<tool> build [--strict]` of `project` into `target`, as a contributor would.

    `tool` is "mkdocs", or "properdocs" (its continuation, which reads the same mkdocs.yml).
    """
    return subprocess.run(
        [sys.executable, "-m", tool, "build", *(["--strict"] if strict else []), "--site-dir", str(target)],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )


def build_site(project: Path, target: Path, tool: str = "mkdocs") -> str:
    """A strict build of `project` into `target` that must succeed; returns the build log."""
    result = run_build(project, target, tool)
    assert result.returncode == 0, result.stderr
    return result.stderr


def failed_build(project: Path, target: Path) -> str:
    """A strict build of `project` into `target` that must fail; returns the build log."""
    result = run_build(project, target)
    assert result.returncode != 0
    return result.stderr


def renamed_passage_project(tmp_path: Path) -> Path:
    """A copy of the repository where Shanghai passage 2.p1 was renamed 2.intro, with its alias."""
    project = copy_project(ROOT, tmp_path / "project")
    folder = project / "sources/2003-shanghai-opinions"
    text = (folder / "en.txt").read_text(encoding="utf-8")
    (folder / "en.txt").write_text(text.replace("@2.p1 paragraph", "@2.intro paragraph"), encoding="utf-8")
    with (folder / "document.yaml").open("a", encoding="utf-8") as metadata:
        metadata.write("aliases:\n  2.p1: 2.intro\n")
    return project


@pytest.fixture(scope="session")
def project() -> CheckedCorpus:
    """The repository's sources and annotations, checked and anchored once per test run."""
    return check_project(ROOT)


def run_check(project: Path) -> subprocess.CompletedProcess[str]:
    """Run `python -m annotated_reader check --quiet` on `project`, as a contributor would."""
    return subprocess.run(
        [sys.executable, "-m", "annotated_reader", "check", "--root", str(project), "--quiet"],
        capture_output=True,
        text=True,
        check=False,
    )
