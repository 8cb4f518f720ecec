"""Reproducible builds: two builds of one commit are the same byte for byte, and dated from the commit.

A copy of the project is committed with a fixed date in the past, then built
twice without SOURCE_DATE_EPOCH in the environment: once in that repository
and once in a clone of it elsewhere (so an absolute path in the output would
show). Every file of the two sites is compared, whatever produced it (pages,
downloads, the search index, the sitemap and its .gz), and every date the
site gives (the sitemap's, the gzip header's, the build date and access date
of the citations) is the commit's, not the clock's.
"""

from __future__ import annotations

import datetime
import gzip
import json
import os
import re
import struct
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from conftest import ROOT, build_site, copy_project

COMMIT_DATE = datetime.datetime(2021, 5, 4, 9, 30, tzinfo=datetime.UTC)
DAY = "2021-05-04"


def git(project: Path, *arguments: str) -> str:
    environment = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Reader Editors",
        "GIT_AUTHOR_EMAIL": "editors@example.org",
        "GIT_COMMITTER_NAME": "Reader Editors",
        "GIT_COMMITTER_EMAIL": "editors@example.org",
        "GIT_AUTHOR_DATE": COMMIT_DATE.isoformat(),
        "GIT_COMMITTER_DATE": COMMIT_DATE.isoformat(),
    }
    result = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *arguments],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """The project committed on 2021-05-04, built in its repository and in a clone; and the commit."""
    folder = tmp_path_factory.mktemp("reproducible")
    project = copy_project(ROOT, folder / "project")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "The project as committed")
    git(folder, "clone", "-q", str(project), str(folder / "clone"))
    # The date must come from the commit: a SOURCE_DATE_EPOCH of the caller's would hide where it came from.
    saved = os.environ.pop("SOURCE_DATE_EPOCH", None)
    try:
        # Built at once, each with its own process, to halve the time they take.
        with ThreadPoolExecutor(max_workers=2) as pool:
            list(pool.map(build_site, [project, folder / "clone"], [folder / "first", folder / "second"]))
    finally:
        if saved is not None:
            os.environ["SOURCE_DATE_EPOCH"] = saved
    return folder / "first", folder / "second", git(project, "describe", "--tags", "--always")


def files(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def test_two_builds_of_one_commit_are_identical(two_builds: tuple[Path, Path, str]) -> None:
    first, second, _ = two_builds
    names = files(first) | files(second)
    assert len(names) > 100
    differing = sorted(
        name
        for name in names
        if not ((first / name).is_file() and (second / name).is_file())
        or (first / name).read_bytes() != (second / name).read_bytes()
    )
    assert not differing, f"files that differ between two builds of one commit: {differing}"


def test_the_sitemaps_are_dated_from_the_commit(two_builds: tuple[Path, Path, str]) -> None:
    site, _, _ = two_builds
    for sitemap in (site / "sitemap.xml", site / "zh/sitemap.xml"):
        dates = set(re.findall(r"<lastmod>([^<]*)</lastmod>", sitemap.read_text(encoding="utf-8")))
        assert dates == {DAY}, sitemap
        packed = (sitemap.parent / "sitemap.xml.gz").read_bytes()
        assert gzip.decompress(packed) == sitemap.read_bytes()
        # The gzip header's modification time (bytes 4 to 8): the commit's day, at midnight UTC.
        (mtime,) = struct.unpack("<I", packed[4:8])
        assert datetime.datetime.fromtimestamp(mtime, datetime.UTC).date().isoformat() == DAY


def test_citations_give_the_commit_as_version_and_date(two_builds: tuple[Path, Path, str]) -> None:
    site, _, version = two_builds
    for interface, built in (
        ("", f"Site version {version}, built {DAY}."),
        ("zh/", f"网站版本 {version}，构建于 {DAY}。"),
    ):
        for view in ("", "cite/"):
            page = (site / interface / f"documents/2003-shanghai-opinions/{view}index.html").read_text("utf-8")
            assert built in page
            accessed = re.findall(r'class="ar-accessed" data-date-style="gbt7714">([^<]*)<', page)
            assert accessed and set(accessed) == {DAY}
        download = json.loads((site / interface / "data/documents/2003-shanghai-opinions.json").read_text("utf-8"))
        assert download["site"]["built"] == DAY
        assert download["site"]["version"] == version
