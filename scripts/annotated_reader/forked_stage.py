"""A stage of the check run in a forked process while the process goes on with the next ones.

The check is pure Python, so threads would take turns on one core while a
machine's second core waits. A forked process starts with everything
loaded so far (the corpus, tens of megabytes) without copying or sending it,
works on the second core and sends back only what the stage returns.

Only on Linux, where forking is the operating system's own way to start a
process, and only from a process running one thread: a thread of another
(`mkdocs serve`'s server) might hold a lock at the moment of the fork, which
the forked process would then wait for forever. Otherwise, or with one core,
the stage runs in this process when its result is asked for, with the same
result.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

Result = TypeVar("Result")


class StageFailed(RuntimeError):
    """The stage raised in the forked process: the message holds its traceback there."""


def forking() -> bool:
    """Whether a stage runs in a forked process here."""
    # The cores this process may run on, not the machine's: a container may be given one.
    return sys.platform == "linux" and len(os.sched_getaffinity(0)) > 1 and threading.active_count() == 1


class ForkedStage(Generic[Result]):
    """`function(*arguments)`, started now in a forked process; `result()` waits for what it returns."""

    def __init__(self, function: Callable[..., Result], *arguments: Any) -> None:
        self._call = (function, arguments)
        self._process: multiprocessing.process.BaseProcess | None = None
        if not forking():
            return
        context = multiprocessing.get_context("fork")
        self._received, sent = context.Pipe(duplex=False)
        self._process = context.Process(target=_run, args=(sent, function, arguments), daemon=True)
        self._process.start()
        sent.close()

    def result(self) -> Result:
        if self._process is None:
            function, arguments = self._call
            return function(*arguments)
        try:
            # Read before joining: the stage cannot end while its result fills the pipe.
            succeeded, value = self._received.recv()
        except EOFError:
            raise StageFailed(f"{self._name()} ended without a result") from None
        finally:
            self._received.close()
            self._process.join()
        if not succeeded:
            raise StageFailed(f"{self._name()} failed in a forked process:\n{value}")
        return value

    def abandon(self) -> None:
        """Stop the stage without its result (the stages beside it failed)."""
        if self._process is not None:
            self._process.terminate()
            self._process.join()
            self._received.close()
            self._process = None

    def _name(self) -> str:
        return getattr(self._call[0], "__qualname__", "the stage")


def _run(sent: Connection, function: Callable[..., Any], arguments: tuple[Any, ...]) -> None:
    try:
        outcome = (True, function(*arguments))
    except BaseException:  # said in the parent, whose check it is
        outcome = (False, traceback.format_exc())
    sent.send(outcome)
    sent.close()
