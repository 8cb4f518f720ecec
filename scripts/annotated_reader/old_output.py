"""The last build's output moved out of the site folder at once, and deleted beside the build.

MkDocs empties the site folder before it writes anything (utils.clean_directory),
in the build's own process: at 500 documents the last build left 24,000 files
and folders (2 GB), which took 2.4 s to delete, during which no page was
written and the other interface's build waited. Renamed into a hidden folder
inside the site folder (the same file system, so a rename per entry), the
entries are out of the way at once and MkDocs finds nothing to delete; a
process of its own deletes them while the build renders, and the build waits
for it before it ends, so no old file outlives the build.

What is moved is what clean_directory would delete: every entry but the hidden
ones (a `.git` kept for deploying, say).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# Hidden, so that MkDocs's clean_directory leaves it to the deleting process.
FOLDER = ".annotated-reader-old-output"
# shutil.rmtree in a process of its own: in a thread it would hold the build's interpreter lock.
_DELETE = "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)"


class OldOutput:
    """The last build's entries being deleted; `wait` returns once they are gone."""

    def __init__(self, process: subprocess.Popen[bytes] | None) -> None:
        self._process = process

    def wait(self) -> None:
        if self._process is not None:
            self._process.wait()
            self._process = None


def move_aside(site_dir: Path) -> OldOutput:
    """Move the site folder's entries (all but the hidden) into FOLDER inside it and start deleting FOLDER.

    Whatever cannot be renamed stays where it is, for MkDocs to delete as usual.
    """
    aside = site_dir / FOLDER
    try:
        entries = [name for name in os.listdir(site_dir) if not name.startswith(".")]
    except OSError:  # no site folder yet
        return OldOutput(None)
    if not entries and not aside.exists():
        return OldOutput(None)
    try:
        # Left by a build that stopped before its deletion ended: deleted with this one's.
        aside.mkdir(exist_ok=True)
        for name in entries:
            os.rename(site_dir / name, aside / name)
    except OSError:
        if not aside.is_dir():  # nothing moved: MkDocs deletes it all
            return OldOutput(None)
    process = subprocess.Popen(
        [sys.executable, "-c", _DELETE, str(aside)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return OldOutput(process)
