"""The check command and a real `mkdocs build --strict` on the repository."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from annotated_reader.pipeline import check_sources
from conftest import FIXTURES, ROOT, build_site, copy_project, failed_build, renamed_passage_project, run_build


def _run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, check=False)


def test_check_prints_the_alignment_report_and_succeeds() -> None:
    result = _run("-m", "annotated_reader", "check")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "aligned (in two or more witnesses): 34 of 34" in result.stdout
    assert "annotations: " in result.stdout and " 0 failed;" in result.stdout
    assert re.search(
        r"^\d+ glossary terms \(\d+ occurrences\), \d+ timeline events \(\d+ mentions\)$", result.stdout, re.M
    )
    assert re.search(r"checked 5 documents and \d+ annotations: 0 error\(s\), 0 warning\(s\)$", result.stdout.rstrip())


def test_check_outside_a_project_says_where_to_run_it(tmp_path: Path) -> None:
    result = _run("-m", "annotated_reader", "check", "--root", str(tmp_path))
    assert result.returncode == 2
    assert "no sources/ folder here" in result.stderr


def test_mkdocs_build_strict_of_the_repository(site_build: tuple[Path, str]) -> None:
    site, log = site_build
    assert "annotated-reader: 5 documents checked, 54 aligned passages" in log
    match = re.search(r"annotated-reader: (\d+) annotations: (\d+) quotes anchored exactly, 0 fuzzily, 0 failed; "
                      r"(\d+) on whole passages; (\d+) notes rendered", log)  # fmt: skip
    assert match, log
    annotations, exact, whole, rendered = map(int, match.groups())
    assert annotations == exact + whole == rendered >= 40
    assert (site / "index.html").exists()


def _drifted_small_project(tmp_path: Path) -> Path:
    project = copy_project(FIXTURES / "small", tmp_path / "project")
    # As if the note were written before a typo in the text was corrected.
    notes = project / "annotations/2001-sample-bilingual/notes.yaml"
    notes.write_text(
        notes.read_text(encoding="utf-8").replace("quote: for tests only", "quote: for test only"), "utf-8"
    )
    return project


def test_a_drifted_quote_renders_and_warns_and_fails_a_strict_build(tmp_path: Path) -> None:
    project = _drifted_small_project(tmp_path)
    result = run_build(project, tmp_path / "site", strict=False)
    assert result.returncode == 0, result.stderr
    assert (
        "annotations/2001-sample-bilingual/notes.yaml:9: warning: annotation 'sample-quote-en': quote drifted: "
        "update it to 'for tests only'" in result.stderr
    )
    # Said once, though the Chinese interface's build checks the same files.
    assert result.stderr.count("quote drifted") == 1
    assert "1 fuzzily, 0 failed" in result.stderr and "4 notes rendered" in result.stderr
    page = (tmp_path / "site/documents/2001-sample-bilingual/en/index.html").read_text(encoding="utf-8")
    note = BeautifulSoup(page, "html.parser").find(id="note-sample-quote-en")
    assert note["data-anchoring"] == "fuzzy"
    mark = note.find_parent(class_="ar-row").select_one("mark.ar-quote")
    assert mark.get_text() == "for tests only"
    failed_build(project, tmp_path / "strict")


def test_mkdocs_build_fails_on_a_broken_annotation_naming_file_and_line(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "small", tmp_path / "project")
    notes = project / "annotations/2001-sample-bilingual/notes.yaml"
    notes.write_text(notes.read_text(encoding="utf-8").replace('passage: "2.3"', 'passage: "2.4"'), "utf-8")
    log = failed_build(project, tmp_path / "site")
    assert "annotations/2001-sample-bilingual/notes.yaml:21: no passage '2.4' in 2001-sample-bilingual" in log
    assert "error(s) in sources/ or annotations/" in log


def test_mkdocs_build_fails_on_a_broken_source_naming_file_and_line(tmp_path: Path) -> None:
    project = copy_project(ROOT, tmp_path / "project")
    witness = project / "sources/2007-state-council-opinions/en-qa.txt"
    witness.write_text(witness.read_text(encoding="utf-8").replace("@4.p1 paragraph", "@4.p9 paragraph"), "utf-8")
    log = failed_build(project, tmp_path / "site")
    assert "sources/2007-state-council-opinions/en-blog.txt:" in log
    assert "passage '4.p1' has no counterpart in witness 'en-qa'" in log
    assert "error(s) in sources/" in log


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
