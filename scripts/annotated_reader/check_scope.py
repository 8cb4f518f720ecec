"""What a check covers: the whole project, the files named, or the files changed since a git ref.

A contributor's check should take the time of their change, not of the
corpus, and report their mistakes, not everyone's. A scope says which stages
of the pipeline must run and which problems belong to the change:

- a note file: all notes are loaded (ids are unique across files), and the
  note files of that document are anchored and reported;
- a glossary term or a timeline event: the glossary or timeline is checked;
- anything under `sources/<document>/`: that text may have moved under any
  note, term or event, so the fidelity proof runs and everything that points
  into the corpus (all of `annotations/`) is checked and reported;
- a schema, a seed, or the package's code: everything.

Other files (docs/, tests/) are not the check's business and are ignored.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .problems import Problem

# Changes here can alter any check's outcome.
EVERYTHING = ("scripts/", "pyproject.toml", "requirements.lock", "sources/seeds/")


@dataclass(frozen=True)
class CheckScope:
    """The part of the project one check is about; `everything` is the full check."""

    everything: bool = False
    files: frozenset[str] = frozenset()  # project-relative, '/'-separated
    documents: frozenset[str] = frozenset()  # documents whose sources changed
    note_folders: frozenset[str] = frozenset()  # documents whose notes changed
    glossary: bool = False
    timeline: bool = False
    ignored: tuple[str, ...] = ()

    @classmethod
    def of_files(cls, files: Iterable[str]) -> CheckScope:
        """The scope of a change touching `files` (project-relative paths)."""
        named: set[str] = set()
        documents: set[str] = set()
        note_folders: set[str] = set()
        glossary = timeline = everything = False
        ignored: list[str] = []
        for file in files:
            path = Path(file).as_posix().removeprefix("./")
            parts = path.split("/")
            named.add(path)
            if path.startswith(EVERYTHING) or path.endswith(".schema.json"):
                everything = True
            elif parts[0] == "sources":
                if len(parts) > 2:
                    documents.add(parts[1])
                else:
                    # A file at the top of sources/ is either its README or misplaced.
                    everything = everything or parts[-1] != "README.md"
            elif parts[0] == "annotations" and len(parts) > 2:
                if parts[1] == "glossary":
                    glossary = True
                elif parts[1] == "timeline":
                    timeline = True
                else:
                    note_folders.add(parts[1])
            elif parts[0] != "annotations":
                ignored.append(path)
        return cls(
            everything,
            frozenset(named),
            frozenset(documents),
            frozenset(note_folders),
            glossary,
            timeline,
            tuple(ignored),
        )

    @property
    def empty(self) -> bool:
        return not (self.everything or self.files.difference(self.ignored))

    @property
    def texts_changed(self) -> bool:
        return self.everything or bool(self.documents)

    @property
    def needs_glossary(self) -> bool:
        return self.texts_changed or self.glossary

    @property
    def needs_timeline(self) -> bool:
        return self.texts_changed or self.timeline

    def covers(self, path: str) -> bool:
        """Whether problems reported at `path` (project-relative) belong to this change."""
        if self.everything or path in self.files:
            return True
        # A problem with a whole folder (a misnamed one) concerns the files in it.
        if any(file.startswith(f"{path}/") for file in self.files):
            return True
        if self.texts_changed and path.startswith(("annotations/", "sources/seeds/")):
            return True
        if any(path.startswith(f"sources/{document}/") for document in self.documents):
            return True
        if any(path.startswith(f"annotations/{document}/") for document in self.note_folders):
            return True
        return (self.glossary and path.startswith("annotations/glossary/")) or (
            self.timeline and path.startswith("annotations/timeline/")
        )

    def covers_problem(self, problem: Problem) -> bool:
        # A problem between two files (a duplicate id) is reported at one of
        # them and names the other: it concerns the change if either is covered.
        return self.covers(problem.path) or any(file in problem.message for file in self.files)

    def describe(self) -> str:
        if self.everything:
            return "everything"
        relevant = sorted(self.files.difference(self.ignored))
        if len(relevant) == 1:
            return f"{relevant[0]} and what depends on it"
        return f"{len(relevant)} changed files and what depends on them"


EVERYTHING_SCOPE = CheckScope(everything=True)


class GitError(Exception):
    """Why git could not answer: the changed files, or what main holds."""


class NoBase(GitError):
    """No branch to compare with."""


class NoGit(GitError):
    """git is not installed."""


def fork_point(root: Path, base: str | None = None) -> tuple[str, str]:
    """Where the branch left `base` (default origin/main, or main when there is no remote): (ref, commit)."""
    candidates = [base] if base else ["origin/main", "main"]
    for ref in candidates:
        found = git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", allow_failure=True)
        if found:
            break
    else:
        raise NoBase(f"no git ref {' or '.join(candidates)} to compare with")
    return ref, git(root, "merge-base", ref, "HEAD")


def changed_files(root: Path, base: str | None = None) -> list[str]:
    """Files added, changed, renamed or deleted since the branch left `base`, committed or not, and untracked ones.

    `base` defaults to origin/main, or main when there is no remote.
    """
    try:
        _, fork = fork_point(root, base)
    except NoBase as why:
        raise GitError(f"{why}; pass --changed <ref>, or no --changed") from why
    except NoGit as why:
        raise GitError(f"{why}; check named files or everything instead") from why
    # Against the working tree, so staged and unstaged edits count; both
    # names of a renamed file, since the old one's notes may now dangle.
    diff = git(root, "diff", "--name-only", "--no-renames", fork)
    untracked = git(root, "ls-files", "--others", "--exclude-standard")
    return sorted(set(diff.splitlines()) | set(untracked.splitlines()))


def git(root: Path, *args: str, allow_failure: bool = False) -> str:
    """The output of a git command run in `root`; GitError if it fails ("" with `allow_failure`)."""
    try:
        return git_bytes(root, *args).decode("utf-8", errors="replace").strip()
    except GitError as error:
        # A missing git is never the answer asked for, even where a failing command is.
        if allow_failure and not isinstance(error, NoGit):
            return ""
        raise


def git_bytes(root: Path, *args: str, given: bytes | None = None) -> bytes:
    """The output of a git command run in `root` as it is (`given` is its input); GitError if it fails."""
    try:
        result = subprocess.run(["git", *args], cwd=root, input=given, capture_output=True, check=False)
    except FileNotFoundError as exc:
        raise NoGit("git is not installed") from exc
    if result.returncode != 0:
        raise GitError(f"git {' '.join(args)}: {result.stderr.decode(errors='replace').strip() or 'failed'}")
    return result.stdout
