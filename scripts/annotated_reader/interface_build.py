"""Builds another interface language's site (e.g. site/zh/) beside this one.

A separate `mkdocs build` process, because MkDocs shares plugin instances
between configurations loaded in one process. It starts as soon as this
build has checked the files, writes once this build has cleaned the site
folder, and runs while this one renders, so the two interfaces use both of a
machine's cores. `mkdocs build` waits for it and
fails if it fails; `mkdocs serve` does not wait, so an edit shows in this
interface at once and in the other a few seconds later.

Each interface reads its own configuration file, whose plugin options
MkDocs's INHERIT does not pass down (it replaces the list of plugins). The
options that decide which pages exist (`PAGE_OPTIONS`) must be the same in
both, since every page's language switch leads to its counterpart: the build
passes its values to the other (`page_options_of_parent`), which checks them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .check_handoff import Handoff

# The plugin options that decide which pages a site has, and where a build passes its own to the other.
PAGE_OPTIONS = ("concordance_lines", "index_notes")
_PARENT_OPTIONS = "ANNOTATED_READER_PARENT_OPTIONS"


def page_options_of_parent() -> tuple[str, dict[str, object]] | None:
    """The configuration file and page options of the build this one was started by, if any."""
    passed = os.environ.get(_PARENT_OPTIONS)
    if not passed:
        return None
    parent = json.loads(passed)
    return parent["config_file"], parent["options"]


@dataclass
class InterfaceResult:
    code: str
    config_file: str
    returncode: int
    log: list[str]

    @property
    def failed(self) -> bool:
        return self.returncode != 0

    def problems(self) -> list[str]:
        return [line for line in self.log if line.startswith(("WARNING", "ERROR"))]

    def tail(self) -> str:
        return "\n".join(self.log[-20:])


class InterfaceBuild:
    """One other interface's build, running."""

    def __init__(
        self,
        code: str,
        config_file: str,
        project: Path,
        target: Path,
        site_url: str | None,
        strict: bool,
        handoff: Handoff | None = None,
        page_options: tuple[str, dict[str, object]] | None = None,
        site_ready: bool = True,
    ) -> None:
        self.code, self.config_file = code, config_file
        if handoff and site_ready:
            handoff.site_ready()
        command = [sys.executable, "-m", "mkdocs", "build", "--config-file", config_file, "--site-dir", str(target)]
        environment = dict(os.environ)
        if site_url:
            environment["SITE_URL"] = site_url
        # This build's check, so that the other does not check the same files again.
        self._handoff = handoff
        if handoff:
            environment.update(handoff.environment())
        if page_options:
            parent_file, options = page_options
            environment[_PARENT_OPTIONS] = json.dumps({"config_file": parent_file, "options": options})
        # Output to a file rather than a pipe, so a long log never blocks the process while nobody reads it.
        self._log = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115 (closed by wait)
        self.stopped = False
        try:
            self._process = subprocess.Popen(
                [*command, *(["--strict"] if strict else [])],
                cwd=project,
                env=environment,
                stdout=subprocess.DEVNULL,
                stderr=self._log,
                text=True,
            )
        except OSError:
            self._remove_handoff()
            self._log.close()
            raise

    def site_ready(self) -> None:
        """Tell the build that the site folder is cleaned: it may now write into it (check_handoff.py)."""
        if self._handoff:
            self._handoff.site_ready()

    def wait(self) -> InterfaceResult:
        returncode = self._process.wait()
        self._remove_handoff()
        self._log.seek(0)
        lines = self._log.read().splitlines()
        self._log.close()
        return InterfaceResult(self.code, self.config_file, returncode, lines)

    def report_when_done(self, report: Callable[[InterfaceResult], None]) -> None:
        """Call `report` with the result in the background, when the build ends."""
        threading.Thread(target=lambda: report(self.wait()), daemon=True).start()

    def stop(self) -> None:
        """End the build early (a newer one under `mkdocs serve` replaces it)."""
        self.stopped = True
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        self._remove_handoff()

    def _remove_handoff(self) -> None:
        if self._handoff:
            self._handoff.remove()
