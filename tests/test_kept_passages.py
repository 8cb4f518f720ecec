"""Passage links kept: the check fails when a passage ID published on main no longer opens its passage.

On a copy of the small fixture made a git repository, a change renames,
merges away or un-aliases a passage ID, or removes a document, and the
check names the document.yaml to fix and how; an alias mends it, and IDs that
main has never published may change freely.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from annotated_reader.cli import main
from conftest import FIXTURES, copy_project
from test_check_scope import git

NOTICE = "sources/2002-sample-notice"
BILINGUAL = "sources/2001-sample-bilingual"


def check(project: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    status = main(["check", "--root", str(project), *args])
    captured = capsys.readouterr()
    return status, (captured.err + captured.out).splitlines()


def rename(project: Path, witness: str, old: str, new: str) -> None:
    path = project / witness
    text = path.read_text(encoding="utf-8")
    assert f"@{old} " in text
    path.write_text(text.replace(f"@{old} ", f"@{new} "), encoding="utf-8")


def add_aliases(project: Path, document: str, aliases: str) -> None:
    with (project / document / "document.yaml").open("a", encoding="utf-8") as metadata:
        metadata.write(f"aliases:\n{aliases}")


@pytest.fixture
def published(tmp_path: Path) -> Path:
    """The small fixture as a repository whose main holds it, on a branch that left main."""
    project = copy_project(FIXTURES / "small", tmp_path / "project")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "published")
    git(project, "checkout", "-q", "-b", "my-change")
    return project


def test_a_published_passage_renamed_without_an_alias_is_an_error_at_its_document(
    published: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rename(published, f"{NOTICE}/en.txt", "p1", "opening")
    status, lines = check(published, capsys, "--quiet")
    assert status == 1
    # The notes' references to the passage, as before; then the links from outside, which no file names.
    notes = ["annotations/2001-sample-bilingual/notes.yaml", "annotations/2002-sample-notice/notes.yaml"]
    assert [line.split(":")[0] for line in lines[:-2]] == notes
    assert lines[-2:] == [
        f"{NOTICE}/document.yaml:1: passage 'p1' is published on main (documents/2002-sample-notice/#p1) and is "
        "no longer a passage or an alias of 2002-sample-notice, so links to it would break: keep the old ID under "
        "aliases here, pointing to the passage that now holds its text ('p1: <new ID>'); renamed 'opening'?",
        "checked 2 documents and 4 annotations: 3 error(s), 0 warning(s)",
    ]
    # The alias keeps the old links working (the note's reference with them), and the check passes.
    add_aliases(published, NOTICE, "  p1: opening\n")
    status, lines = check(published, capsys, "--quiet")
    assert status == 0 and not [line for line in lines if "is published on main" in line], lines


def test_an_alias_published_on_main_may_not_be_removed(published: Path, capsys: pytest.CaptureFixture[str]) -> None:
    metadata = published / BILINGUAL / "document.yaml"
    text = metadata.read_text(encoding="utf-8")
    metadata.write_text(text.replace('aliases:\n  1.one: "1.1"\n', ""), encoding="utf-8")
    status, lines = check(published, capsys, "--quiet")
    assert status == 1
    assert lines[0].startswith(f"{BILINGUAL}/document.yaml:1: passage '1.one' is published on main ")


def test_the_error_points_at_the_aliases_to_add_to(published: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 2.3 leaves both witnesses (merged into a passage of another name); the document has aliases already.
    for witness in ("zh.txt", "en.txt"):
        rename(published, f"{BILINGUAL}/{witness}", "2.3", "2.three")
    status, lines = check(published, capsys, "--quiet")
    assert status == 1
    lost = [line for line in lines if "is published on main" in line]
    aliases_line = 1 + (published / BILINGUAL / "document.yaml").read_text("utf-8").splitlines().index("aliases:")
    assert lost == [
        f"{BILINGUAL}/document.yaml:{aliases_line}: passage '2.3' is published on main "
        "(documents/2001-sample-bilingual/#2.3) and is no longer a passage or an alias of 2001-sample-bilingual, "
        "so links to it would break: keep the old ID under aliases here, pointing to the passage that now holds "
        "its text ('2.3: <new ID>'); renamed '2.three'?"
    ]


def test_ids_main_has_not_published_may_change(published: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rename(published, f"{NOTICE}/en.txt", "p1", "intro")
    add_aliases(published, NOTICE, "  p1: intro\n")
    git(published, "commit", "-q", "-am", "p1 is intro")
    # Renamed again on the branch: "intro" was never on main, so only p1 needs to open.
    rename(published, f"{NOTICE}/en.txt", "intro", "opening")
    metadata = published / NOTICE / "document.yaml"
    metadata.write_text(metadata.read_text("utf-8").replace("p1: intro", "p1: opening"), encoding="utf-8")
    status, lines = check(published, capsys)
    assert status == 0, lines
    assert "passage IDs kept: 8 published on main (" in "\n".join(lines)
    assert lines[-2].endswith("), 0 lost")


def test_a_published_document_may_not_go(published: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.rmtree(published / NOTICE)
    shutil.rmtree(published / "annotations/2002-sample-notice")
    status, lines = check(published, capsys, "--quiet")
    assert status == 1
    assert (
        f"{NOTICE}: document '2002-sample-notice' is published on main (documents/2002-sample-notice/) and its "
        "folder is gone, so links to it would break: a document's id never changes; restore the folder "
        f"(git checkout {_main(published)[:12]} -- {NOTICE})"
    ) in lines


def test_changed_compares_with_the_ref_it_is_given(published: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rename(published, f"{NOTICE}/en.txt", "p2", "closing")
    git(published, "commit", "-q", "-am", "p2 is closing")
    git(published, "branch", "-q", "released", "main")
    status, lines = check(published, capsys, "--quiet", "--changed", "released")
    assert status == 1
    assert any(line.startswith(f"{NOTICE}/document.yaml:1: passage 'p2' is published on released ") for line in lines)
    assert lines[-1] == "checked sources/2002-sample-notice/en.txt and what depends on it: 2 error(s), 0 warning(s)"
    # A change that leaves the texts alone does not compare them.
    git(published, "checkout", "-q", "main")
    assert check(published, capsys, "--quiet", "--changed", "released")[0] == 0


def test_published_compares_a_push_to_main_with_main_before_it(
    published: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git(published, "checkout", "-q", "main")
    before = _main(published)
    rename(published, f"{NOTICE}/en.txt", "p1", "opening")
    git(published, "commit", "-q", "-am", "pushed to main")
    # Main compared with itself (where a branch left it is the push itself): nothing to find.
    lost = [line for line in check(published, capsys, "--quiet")[1] if "is published on" in line]
    assert lost == []
    # Compared with main before the push, as CI does for a push to main: p1 is gone.
    status, lines = check(published, capsys, "--quiet", "--published", before)
    assert status == 1
    assert any(line.startswith(f"{NOTICE}/document.yaml:1: passage 'p1' is published on {before} ") for line in lines)


def test_a_main_without_documents_has_published_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = copy_project(FIXTURES / "small", tmp_path / "project")
    git(project, "init", "-q", "-b", "main")
    git(project, "commit", "-q", "--allow-empty", "-m", "the repository, before its first documents")
    git(project, "checkout", "-q", "-b", "first-documents")
    status, lines = check(project, capsys)
    assert status == 0
    assert any(line.startswith("passage IDs kept: 0 published on main (") for line in lines), lines


def test_outside_a_repository_the_check_says_it_compared_nothing(tmp_path: Path, capsys) -> None:
    project = copy_project(FIXTURES / "small", tmp_path / "project")
    status, lines = check(project, capsys)
    assert status == 0
    assert any(line.startswith("passage IDs not compared with the published ones (") for line in lines), lines


def _main(project: Path) -> str:
    return (project / ".git/refs/heads/main").read_text(encoding="utf-8").strip()
