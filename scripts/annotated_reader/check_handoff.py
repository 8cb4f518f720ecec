"""The check's result, handed from one interface's build to the other's, so the files are checked once.

The other interface is a separate `mkdocs build` (interface_build.py) that
starts once this build has checked the sources and annotations. Checking them
again there would cost as much as here (over four seconds at 500 documents),
all of it before that build could write a page. Instead this build writes
what it checked to a file in a private temporary folder and names the file in
the child's environment; the child reads it if it was written for the same
project, and checks the files itself otherwise (a build run by hand, a file
gone or unreadable). Both interfaces are then built from the same reading of the files,
even if one is saved while they build.

The child starts as soon as the check is handed over, while this build
still prepares its pages, but writes nothing before this build has cleaned
the site folder it writes into: it waits for the word (`site_ready`,
`wait_until_site_ready`), and stops if the build that started it has.

The file is a pickle: written by this process for its own child, never read
from anywhere else.
"""

from __future__ import annotations

import os
import pickle
import shutil
import tempfile
import time
from pathlib import Path

from .pipeline import CheckedCorpus, cycle_collector_paused

ENVIRONMENT = "ANNOTATED_READER_CHECKED"
# A file that exists once the site folder is ready for the child, and the process that will make it.
READY = "ANNOTATED_READER_SITE_READY"
STARTED_BY = "ANNOTATED_READER_STARTED_BY"
# How often the child looks for the word.
_POLL_SECONDS = 0.02


class StarterGone(RuntimeError):
    """The build that started this one stopped before the site folder was ready."""


class Handoff:
    """One checked project written for one child build; removed when that build is over."""

    def __init__(self, root: Path, checked: CheckedCorpus) -> None:
        self._folder = Path(tempfile.mkdtemp(prefix="annotated-reader-"))
        self.path = self._folder / "checked.pickle"
        self._ready = self._folder / "site-ready"
        with self.path.open("wb") as file, cycle_collector_paused():
            pickle.dump((str(root.resolve()), checked), file, protocol=pickle.HIGHEST_PROTOCOL)

    def environment(self) -> dict[str, str]:
        return {ENVIRONMENT: str(self.path), READY: str(self._ready), STARTED_BY: str(os.getpid())}

    def site_ready(self) -> None:
        """Tell the child that the site folder is cleaned: it may clean its own part and write."""
        self._ready.touch()

    def remove(self) -> None:
        shutil.rmtree(self._folder, ignore_errors=True)


def handed_over(root: Path) -> CheckedCorpus | None:
    """The check the parent build handed over for the project at `root`, if there is one."""
    path = os.environ.get(ENVIRONMENT)
    if not path or not Path(path).is_file():
        return None
    try:
        with Path(path).open("rb") as file, cycle_collector_paused():
            checked_root, checked = pickle.load(file)
    except Exception:  # whatever is wrong with the file, the build can check for itself
        return None
    return checked if checked_root == str(root.resolve()) else None


def wait_until_site_ready() -> None:
    """In a build started by another: return once that build says the site folder is ready.

    StarterGone if that build stops first (this process then has another parent).
    """
    ready, started_by = os.environ.get(READY), os.environ.get(STARTED_BY)
    if not ready or not started_by:
        return
    while not Path(ready).exists():
        if os.getppid() != int(started_by):
            raise StarterGone("the build that started this one stopped before its site folder was ready")
        time.sleep(_POLL_SECONDS)
