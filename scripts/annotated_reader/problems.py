"""Problems found in contributor-edited files, reported as `path:line: message`.

Every check in the package reports through a `Problems` collector instead of
raising, so a contributor sees all mistakes of a change at once. The text of
a message is part of the tested interface: it says what is wrong, what was
expected and, where it can be guessed, the fix.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake at one place: `path` is relative to the project root."""

    path: str
    line: int
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        # Line 0 marks a problem with a whole folder or file, which has no line.
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {prefix}{self.message}"


class Problems:
    """An ordered collection of problems that never stops at the first one."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root
        self._items: list[Problem] = []

    def display_path(self, path: Path | str) -> str:
        """The path as a contributor sees it: relative to the project root."""
        return project_path(self.root, path)

    def error(self, path: Path | str, line: int, message: str) -> None:
        self._items.append(Problem(self.display_path(path), line, one_line(message)))

    def warning(self, path: Path | str, line: int, message: str) -> None:
        self._items.append(Problem(self.display_path(path), line, one_line(message), "warning"))

    def extend(self, problems: Iterable[Problem]) -> None:
        self._items.extend(problems)

    @property
    def reported(self) -> list[Problem]:
        """The problems in the order they were reported (iterating gives them by file and line)."""
        return list(self._items)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self._items if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self._items if p.severity == "warning"]

    def __iter__(self) -> Iterator[Problem]:
        return iter(sorted(self._items, key=lambda p: (p.path, p.line)))

    def __len__(self) -> int:
        return len(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)


def one_line(message: str) -> str:
    """The message on one line: line breaks and other invisible control characters shown as escapes.

    Messages quote what a contributor wrote, which may hold a line break (a
    value written as a `|` block ends in one) or a stray control character;
    written out, it would break the message's `path:line: message` line.
    """
    return "".join(
        char.encode("unicode_escape").decode("ascii") if unicodedata.category(char) in {"Cc", "Zl", "Zp"} else char
        for char in message
    )


def project_path(root: Path | None, path: Path | str) -> str:
    """`path` (absolute, or relative to the current folder) relative to the project root `root`, '/'-separated.

    A path outside the root, or any path when there is no root, is given as written.
    """
    path = Path(path)
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def did_you_mean(word: str, choices: Iterable[str], n: int = 3) -> str:
    """A "; did you mean ...?" suffix naming the nearest choices, or ''."""
    close = difflib.get_close_matches(word, list(choices), n=n, cutoff=0.6)
    if not close:
        return ""
    return "; did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
