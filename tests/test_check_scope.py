"""`check <files>` and `check --changed`: only what a change touches is checked and reported, and all of that is.

Also the pre-commit hook, run by pre-commit itself on a staged file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from annotated_reader.check_scope import CheckScope
from annotated_reader.cli import main
from conftest import ROOT

DOCUMENT = "2022-high-quality-development-opinions"
NOTES = f"annotations/{DOCUMENT}"
BAD_NOTE = (
    'annotations:\n  - id: {id}\n    target:\n      document: {document}\n      passage: "{passage}"\n'
    '    type: note\n    body: A note.\n    author: A Student\n    date: "2026-11-21"\n'
)


def check(project: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    status = main(["check", "--root", str(project), "--quiet", *args])
    captured = capsys.readouterr()
    return status, (captured.err + captured.out).splitlines()


def test_scopes_of_typical_changes() -> None:
    note = CheckScope.of_files([f"{NOTES}/mine.yaml"])
    assert (note.everything, note.texts_changed, note.needs_glossary, note.needs_timeline) == (False,) * 4
    assert note.covers(f"{NOTES}/notes.yaml") and not note.covers("annotations/2014-planning-outline/notes.yaml")
    assert not note.covers("annotations/glossary/blacklist.yaml") and not note.covers(f"sources/{DOCUMENT}/en.txt")
    text = CheckScope.of_files([f"sources/{DOCUMENT}/en.txt"])
    assert text.texts_changed and text.needs_glossary and text.needs_timeline
    assert text.covers("annotations/2014-planning-outline/notes.yaml")  # its refs may point into the text
    assert not text.covers("sources/2014-planning-outline/en.txt")
    term = CheckScope.of_files(["annotations/glossary/blacklist.yaml"])
    assert term.needs_glossary and not term.needs_timeline and not term.covers(f"{NOTES}/notes.yaml")
    for file in ("annotations/annotation.schema.json", "scripts/annotated_reader/loader.py", "sources/seeds/x.txt"):
        assert CheckScope.of_files([file]).everything
    docs = CheckScope.of_files(["docs/index.md", "README.md"])
    assert docs.empty and docs.ignored == ("docs/index.md", "README.md")


def test_a_named_file_reports_its_problems_and_not_others(
    corpus_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = corpus_copy / NOTES / "mine.yaml"
    mine.write_text(BAD_NOTE.format(id="mine", document=DOCUMENT, passage="3.99"), encoding="utf-8")
    other = corpus_copy / "annotations/2014-planning-outline/theirs.yaml"
    other.write_text(BAD_NOTE.format(id="theirs", document="2014-planning-outline", passage="9.9"), encoding="utf-8")
    # Someone else's broken source text is not this change's business either.
    shanghai = corpus_copy / "sources/2003-shanghai-opinions/en.txt"
    shanghai.write_text(shanghai.read_text(encoding="utf-8") + "\nstray words\n", encoding="utf-8")
    status, lines = check(corpus_copy, capsys, str(mine))
    assert status == 1
    assert lines == [
        f"{NOTES}/mine.yaml:5: no passage '3.99' in {DOCUMENT}; did you mean '3.9'?",
        f"checked {NOTES}/mine.yaml and what depends on it: 1 error(s), 0 warning(s)",
    ]
    status, lines = check(corpus_copy, capsys)
    assert status == 1
    assert any(line.startswith("annotations/2014-planning-outline/theirs.yaml:5: ") for line in lines)
    assert any(line.startswith("sources/2003-shanghai-opinions/en.txt:") for line in lines)


def test_a_changed_text_reports_the_notes_it_breaks_elsewhere(
    corpus_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = corpus_copy / f"sources/{DOCUMENT}/en.txt"
    text.write_text(text.read_text(encoding="utf-8").replace("@3.9 item", "@3.9b item"), encoding="utf-8")
    status, lines = check(corpus_copy, capsys, str(text))
    assert status == 1
    # The renamed passage breaks the zh/en alignment and every note on it, each reported.
    assert any(line.startswith(f"{NOTES}/notes.yaml:") and "no passage '3.9'" in line for line in lines)
    assert any(line.startswith(f"sources/{DOCUMENT}/") for line in lines)


def test_a_duplicate_id_is_reported_whichever_file_is_named(
    corpus_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "a-..." sorts before notes.yaml, so the duplicate is reported at the existing note: it must still show.
    mine = corpus_copy / NOTES / "a-mine.yaml"
    mine.write_text(BAD_NOTE.format(id="opinions-2022-customs-credit", document=DOCUMENT, passage="3.9"), "utf-8")
    status, lines = check(corpus_copy, capsys, str(mine))
    assert status == 1
    assert "duplicate annotation id 'opinions-2022-customs-credit'" in lines[0]


def git(project: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", *args], cwd=project, check=True, capture_output=True, env=env)


@pytest.fixture
def repository(corpus_copy: Path) -> Path:
    """The copy as a git repository on a branch that left `main`."""
    git(corpus_copy, "init", "-q", "-b", "main")
    git(corpus_copy, "add", "-A")
    git(corpus_copy, "commit", "-q", "-m", "corpus")
    git(corpus_copy, "checkout", "-q", "-b", "my-note")
    return corpus_copy


def test_changed_covers_commits_edits_and_untracked_files(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check(repository, capsys, "--changed") == (
        0,
        ["nothing to check: no file under sources/ or annotations/ among the changes"],
    )
    committed = repository / NOTES / "committed.yaml"
    committed.write_text(BAD_NOTE.format(id="committed", document=DOCUMENT, passage="3.91"), encoding="utf-8")
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", "a note")
    untracked = repository / "annotations/2014-planning-outline/new.yaml"
    untracked.write_text(BAD_NOTE.format(id="new", document="2014-planning-outline", passage="9.9"), "utf-8")
    status, lines = check(repository, capsys, "--changed")
    assert status == 1
    assert [line.split(":")[0] for line in lines[:-1]] == [
        "annotations/2014-planning-outline/new.yaml",
        f"{NOTES}/committed.yaml",
    ]
    assert lines[-1] == "checked 2 changed files and what depends on them: 2 error(s), 0 warning(s)"


def test_changed_without_a_base_says_what_to_do(corpus_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(corpus_copy, "init", "-q", "-b", "trunk")
    git(corpus_copy, "add", "-A")
    git(corpus_copy, "commit", "-q", "-m", "corpus")
    status, lines = check(corpus_copy, capsys, "--changed")
    assert status == 2
    assert lines == [
        "check --changed: no git ref origin/main or main to compare with; pass --changed <ref>, or no --changed"
    ]


def test_the_pre_commit_hook_checks_the_staged_file(repository: Path, tmp_path: Path) -> None:
    # The hook and its wrapper as committed, run with the repository's environment.
    (repository / ".venv").symlink_to(ROOT / ".venv")
    (repository / "scripts").mkdir()
    shutil.copy2(ROOT / "scripts/in-venv", repository / "scripts/in-venv")
    shutil.copy2(ROOT / ".pre-commit-config.yaml", repository / ".pre-commit-config.yaml")
    mine = repository / NOTES / "mine.yaml"
    mine.write_text(BAD_NOTE.format(id="mine", document=DOCUMENT, passage="3.99"), encoding="utf-8")
    git(repository, "add", "-A")
    pre_commit = Path(sys.executable).parent / "pre-commit"
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}

    def hook() -> subprocess.CompletedProcess[str]:
        command = [str(pre_commit), "run", "annotated-reader-check", "--files", f"{NOTES}/mine.yaml"]
        return subprocess.run(command, cwd=repository, capture_output=True, text=True, check=False, env=env)

    run = hook()
    assert run.returncode == 1, run.stdout + run.stderr
    assert f"{NOTES}/mine.yaml:5: no passage '3.99' in {DOCUMENT}; did you mean '3.9'?" in run.stdout
    mine.write_text(BAD_NOTE.format(id="mine", document=DOCUMENT, passage="3.9"), encoding="utf-8")
    git(repository, "add", "-A")
    run = hook()
    assert run.returncode == 0, run.stdout + run.stderr
