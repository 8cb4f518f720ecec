"""A client for the Pagefind binary's service mode, which builds the search index.

Pagefind (pinned in pyproject.toml, with its extended binary for Chinese) is
run as `pagefind --service`: requests go to its standard input and answers
come back on its standard output, each message base64-encoded JSON ending in
a comma, the protocol the `pagefind` package's own client speaks. This client
exists because that one waits a tenth of a second before reading each answer:
a thousand pages would cost well over a minute. Here requests stream in while
a thread reads the answers as they come, so indexing keeps pace with the build.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

# How much of the service's output is read at once: the index comes back as one answer of tens of megabytes.
_READ_SIZE = 1 << 20


def split_messages(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """The service's messages, each ended by a comma, from its output read in chunks of any size.

    Each chunk is scanned once: a message spread over many chunks (the index,
    at the end) is joined when its comma arrives, rather than the text
    received so far being searched again for a comma with every chunk (half a
    second of processor time per interface at 500 documents).
    """
    pending: list[bytes] = []
    for chunk in chunks:
        *complete, rest = chunk.split(b",")
        for message in complete:
            if pending:
                message = b"".join([*pending, message])
                pending = []
            yield message
        if rest:
            pending.append(rest)


class PagefindError(RuntimeError):
    """The service refused a request, or stopped."""


def _executable() -> Path:
    # PAGEFIND_BINARY_PATH names another binary, as it does for the pagefind package.
    if os.environ.get("PAGEFIND_BINARY_PATH"):
        return Path(os.environ["PAGEFIND_BINARY_PATH"])
    try:
        from pagefind_bin_extended import get_executable
    except ImportError as missing:
        raise PagefindError(
            "the search indexer pagefind_bin_extended is not installed; install the pinned dependencies (make site)"
        ) from missing
    return Path(get_executable())


class PagefindService:
    """One running `pagefind --service` process holding one index."""

    def __init__(self, config: dict[str, Any]) -> None:
        # The service writes nothing but answers to stdout; its own complaints go to a file, read on failure.
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 (closed by close)
        executable = _executable()
        try:
            self._process = subprocess.Popen(
                [str(executable), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log
            )
        except OSError as error:
            self._log.close()
            raise PagefindError(f"the search indexer {executable} could not start: {error.strerror}") from error
        self._next_id = 0
        self._pending = 0
        self._errors: list[str] = []
        # Answers to `ask` are kept for it; those to `tell` are only checked for errors.
        self._asked: set[int] = set()
        self._answers: dict[int, dict[str, Any]] = {}
        self._lock = threading.Condition()
        self._reader = threading.Thread(target=self._read_answers, daemon=True)
        self._reader.start()
        self.index_id = self.ask({"type": "NewIndex", "config": config})["index_id"]

    def _send(self, payload: dict[str, Any], keep_answer: bool) -> int:
        with self._lock:
            self._next_id += 1
            message_id = self._next_id
            self._pending += 1
            if keep_answer:
                self._asked.add(message_id)
        message = json.dumps({"message_id": message_id, "payload": payload}, ensure_ascii=False)
        assert self._process.stdin is not None
        try:
            self._process.stdin.write(base64.b64encode(message.encode("utf-8")) + b",")
            self._process.stdin.flush()
        except BrokenPipeError as stopped:
            raise PagefindError(f"the search indexer stopped: {self._stderr()}") from stopped
        return message_id

    def tell(self, payload: dict[str, Any]) -> None:
        """Send a request without waiting: its answer is checked by `finish` (errors are collected)."""
        self._send(payload, keep_answer=False)

    def ask(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Send a request and wait for its answer."""
        message_id = self._send(payload, keep_answer=True)
        with self._lock:
            self._lock.wait_for(lambda: message_id in self._answers or not self._reader.is_alive())
            answer = self._answers.pop(message_id, None)
        if answer is None:
            raise PagefindError(f"the search indexer stopped: {self._stderr()}")
        if answer["type"] == "Error":
            raise PagefindError(answer.get("message", "unknown error"))
        return answer

    def finish(self) -> list[str]:
        """Wait for every request sent so far; the errors the service reported."""
        with self._lock:
            self._lock.wait_for(lambda: self._pending == 0 or not self._reader.is_alive())
            if self._pending:
                raise PagefindError(f"the search indexer stopped: {self._stderr()}")
            errors, self._errors = self._errors, []
        return errors

    def close(self) -> None:
        """Stop the service (it does not end when its input does)."""
        self._process.terminate()
        self._process.wait()
        if self._process.stdin:
            self._process.stdin.close()
        self._log.close()

    def _chunks(self) -> Iterator[bytes]:
        assert self._process.stdout is not None
        while chunk := self._process.stdout.read1(_READ_SIZE):
            yield chunk

    def _read_answers(self) -> None:
        try:
            for message in split_messages(self._chunks()):
                answer = json.loads(base64.b64decode(message))
                payload = answer["payload"]
                with self._lock:
                    self._pending -= 1
                    if answer.get("message_id") in self._asked:
                        self._asked.discard(answer["message_id"])
                        self._answers[answer["message_id"]] = payload
                    elif payload["type"] == "Error":
                        self._errors.append(payload.get("message", "unknown error"))
                    self._lock.notify_all()
        finally:
            with self._lock:
                self._lock.notify_all()

    def _stderr(self) -> str:
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace").strip()[-2000:] or "no message"
