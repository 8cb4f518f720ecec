"""The check command and a real `mkdocs build --strict` on the repository."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from annotated_reader.pipeline import check_sources
from conftest import ROOT, build_site, copy_project, renamed_passage_project


def _run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, check=False)


def test_check_prints_the_alignment_report_and_succeeds() -> None:
    result = _run("-m", "annotated_reader", "check")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "aligned (in two or more witnesses): 34 of 34" in result.stdout
    assert "annotations: " in result.stdout and " 0 failed;" in result.stdout
    assert re.search(r"checked 5 documents and \d+ annotations: 0 error\(s\), 0 warning\(s\)$", result.stdout.rstrip())


def test_check_outside_a_project_says_where_to_run_it(tmp_path: Path) -> None:
    result = _run("-m", "annotated_reader", "check", "--root", str(tmp_path))
    assert result.returncode == 2
    assert "no sources/ folder here" in result.stderr


def test_mkdocs_build_strict_of_the_repository(site_build: tuple[Path, str]) -> None:
    site, log = site_build
    assert "annotated-reader: 5 documents checked, 54 aligned passages" in log
    assert (site / "index.html").exists()


def test_mkdocs_build_fails_on_a_broken_source_naming_file_and_line(tmp_path: Path) -> None:
    project = copy_project(ROOT, tmp_path / "project")
    witness = project / "sources/2007-state-council-opinions/en-qa.txt"
    witness.write_text(witness.read_text(encoding="utf-8").replace("@4.p1 paragraph", "@4.p9 paragraph"), "utf-8")
    result = _run("-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site"), cwd=project)
    assert result.returncode != 0
    assert "sources/2007-state-council-opinions/en-blog.txt:" in result.stderr
    assert "passage '4.p1' has no counterpart in witness 'en-qa'" in result.stderr
    assert "error(s) in sources/" in result.stderr


def test_renamed_ids_resolve_through_aliases(tmp_path: Path) -> None:
    project = renamed_passage_project(tmp_path)
    checked = check_sources(project)
    assert [str(p) for p in checked.problems] == []
    document = checked.corpus.document("2003-shanghai-opinions")
    assert document is not None
    assert document.resolve("2.p1") == "2.intro"
    assert document.resolve("2.intro") == "2.intro"
    assert document.resolve("2.p7") is None
    # In the built pages the old ID is an anchor inside the renamed passage's row.
    site = tmp_path / "site"
    build_site(project, site)
    for view in ("", "zh", "en"):
        html = (site / "documents/2003-shanghai-opinions" / view / "index.html").read_text(encoding="utf-8")
        row = BeautifulSoup(html, "html.parser").find(id="2.p1").find_parent(class_="ar-row")
        assert row["id"] == "2.intro"
