"""A stage of the check run in a forked process (forked_stage.py), and the check that runs its fidelity proof so."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from annotated_reader import forked_stage
from annotated_reader.forked_stage import ForkedStage
from conftest import ROOT, copy_project

needs_fork = pytest.mark.skipif(not forked_stage.forking(), reason="stages fork only on Linux with two cores or more")


def in_a_fresh_process(code: str, *arguments: str) -> None:
    """Run `code` in a new Python process, which runs one thread and so forks its stages.

    This one may not: the test run may have started threads of its own.
    """
    run = subprocess.run([sys.executable, "-c", code, *arguments], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr


@needs_fork
def test_a_stage_runs_in_another_process_and_sends_back_what_it_returns() -> None:
    in_a_fresh_process(
        "import os; from annotated_reader.forked_stage import ForkedStage\n"
        "assert ForkedStage(os.getpid).result() != os.getpid()\n"
        # Far more than a pipe holds: read as it comes, not after the process has ended.
        "assert ForkedStage(bytes, 10_000_000).result() == bytes(10_000_000)\n"
    )


@needs_fork
def test_a_stage_that_fails_says_how_in_the_process_that_waits_for_it() -> None:
    in_a_fresh_process(
        "import re; from annotated_reader.forked_stage import ForkedStage, StageFailed\n"
        "def divide_by_zero(): return 1 / 0\n"
        "try:\n"
        "    ForkedStage(divide_by_zero).result()\n"
        "except StageFailed as failed:\n"
        "    assert re.match(r'divide_by_zero failed in a forked process:(.|\\n)*ZeroDivisionError', str(failed))\n"
        "else:\n"
        "    raise AssertionError('no StageFailed')\n"
    )


@needs_fork
def test_an_abandoned_stage_is_stopped() -> None:
    in_a_fresh_process(
        "import time; from annotated_reader.forked_stage import ForkedStage\n"
        "stage = ForkedStage(time.sleep, 60)\n"
        "process = stage._process\n"
        "assert process is not None and process.is_alive()\n"
        "started = time.monotonic()\n"
        "stage.abandon()\n"
        "assert not process.is_alive() and time.monotonic() - started < 10\n"
    )


def test_a_process_running_other_threads_does_not_fork() -> None:
    # Another thread might hold a lock at the moment of the fork, which the forked process would wait for.
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert not forked_stage.forking()
        assert ForkedStage(os.getpid).result() == os.getpid()
    finally:
        release.set()
        other.join()


def test_a_process_allowed_one_core_does_not_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    # However many the machine has: a container may be given one.
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert not forked_stage.forking()


def test_without_forking_the_stage_runs_when_its_result_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forked_stage, "forking", lambda: False)
    assert ForkedStage(os.getpid).result() == os.getpid()
    with pytest.raises(ZeroDivisionError):
        ForkedStage(divmod, 1, 0).result()


def _replace(project: Path, relative: str, old: str, new: str) -> None:
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# Checked forked (in a fresh process) and in turn; the problems in the order reported and what was found.
_CHECK_BOTH_WAYS = """
import json, sys
from pathlib import Path
from annotated_reader import forked_stage
from annotated_reader.pipeline import check_project
outcomes = []
for forking in (True, False):
    assert forked_stage.forking() == forking
    checked = check_project(Path(sys.argv[1]))
    outcomes.append({
        "problems": [str(problem) for problem in checked.problems.reported],
        "reconstructions": repr(sorted(checked.reconstructions.items())),
        "found": [len(checked.anchors), len(checked.occurrences), len(checked.mentions)],
    })
    forked_stage.forking = lambda: False
Path(sys.argv[2]).write_text(json.dumps(outcomes), encoding="utf-8")
"""


@needs_fork
def test_the_check_reports_the_same_problems_in_the_same_order_with_its_proof_forked_or_not(tmp_path: Path) -> None:
    project = copy_project(ROOT, tmp_path / "project")
    # A passage that differs from its seed (the proof's problem) and from a note's quote (the anchoring's),
    # and a quote found nowhere (the anchoring's alone).
    _replace(project, "sources/2003-shanghai-opinions/en.txt", "(two) long-term planning", "(2) long-term planning")
    _replace(
        project,
        "annotations/2003-shanghai-opinions/notes.yaml",
        "build a unified joint credit reporting system",
        "words found nowhere in the text",
    )
    in_a_fresh_process(_CHECK_BOTH_WAYS, str(project), str(tmp_path / "outcomes.json"))
    forked, in_turn = json.loads((tmp_path / "outcomes.json").read_text(encoding="utf-8"))
    assert forked == in_turn
    assert any("differs from the seed" in problem for problem in forked["problems"])
    assert any("words found nowhere in the text" in problem for problem in forked["problems"])
    assert forked["reconstructions"].count("Piece(") > 100
