"""Passage links kept: every passage ID published on main still opens its passage.

An instructor's syllabus links to passages (`documents/<id>/#3.9`), and such
a link breaks when the ID leaves its document: renamed, merged into another
passage or deleted, without an alias. The check compares each document's
passage IDs and aliases where the change began (the commit at which the
branch left main, as `check --changed` finds it; for a push to main, CI
names main before the push with `--published`) with the working tree's: an
ID there must be a passage or an alias here, and a document there must still
have its folder. Main is what is published, so nothing new is frozen before
it lands: a branch may rename its own new passages freely.

Without git, or without a main branch to compare with (a copy of the project
that is not a clone), nothing is compared, and `compare_with_main` says why.
"""

from __future__ import annotations

import difflib
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from .check_scope import GitError, NoGit, fork_point, git
from .loader import DOCUMENT_FILE
from .model import Corpus
from .problems import Problem, Problems
from .witness_format import parse_witness_text


@dataclass(frozen=True)
class Published:
    """The passage IDs (aliases included) of each document at the commit a change began from."""

    ref: str  # the branch compared with: origin/main, main or the ref given
    commit: str
    passages: dict[str, frozenset[str]]  # document id: its IDs and aliases there


def published_passages(root: Path, base: str | None = None) -> Published:
    """Each document's passage IDs and aliases where the branch left `base` (origin/main, or main).

    GitError, with the reason, when `root` is not in a git repository or has no such branch.
    """
    ref, commit = fork_point(root, base)
    # The project may be a folder inside the repository (a test fixture): paths are the repository's.
    prefix = git(root, "rev-parse", "--show-prefix")
    listing = git(root, "ls-tree", "-r", "--full-tree", commit, "--", f"{prefix}sources/")
    files: list[tuple[str, str, str]] = []  # (blob id, document id, file name)
    for line in listing.splitlines():
        details, path = line.split("\t", 1)
        parts = PurePosixPath(path).relative_to(f"{prefix}sources").parts
        # sources/<document>/document.yaml or <witness>.txt; not the seeds, which are no document.
        if len(parts) == 2 and parts[0] != "seeds" and (parts[1] == DOCUMENT_FILE or parts[1].endswith(".txt")):
            files.append((details.split()[2], parts[0], parts[1]))
    passages: dict[str, set[str]] = {}
    contents = _blobs(root, [blob for blob, _, _ in files])
    for (_, document, name), content in zip(files, contents, strict=True):
        passages.setdefault(document, set()).update(_ids_in(name, content))
    return Published(ref, commit, {document: frozenset(ids) for document, ids in passages.items()})


def _blobs(root: Path, blobs: list[str]) -> list[bytes]:
    """The contents of git blobs, read by one `git cat-file` process."""
    if not blobs:  # main had no document yet
        return []
    try:
        result = subprocess.run(
            ["git", "cat-file", "--batch"], cwd=root, input="\n".join(blobs).encode() + b"\n", capture_output=True
        )
    except FileNotFoundError as exc:
        raise NoGit("git is not installed") from exc
    if result.returncode != 0:
        raise GitError(f"git cat-file: {result.stderr.decode(errors='replace').strip() or 'failed'}")
    contents, output = [], result.stdout
    for _ in blobs:
        # Each blob is "<id> blob <size>\n", its bytes and a newline.
        header, _, output = output.partition(b"\n")
        size = int(header.split()[2])
        contents.append(output[:size])
        output = output[size + 1 :]
    return contents


def _ids_in(name: str, content: bytes) -> set[str]:
    """The passage IDs a witness file holds, or the aliases a document.yaml declares, as they were committed."""
    text = content.decode("utf-8", errors="replace")
    if name != DOCUMENT_FILE:
        # What was malformed then was reported then: only the IDs read are kept.
        return {segment.id for segment in parse_witness_text(Path(name), text, Problems())}
    try:
        fields = yaml.safe_load(text)
    except yaml.YAMLError:
        return set()
    aliases = fields.get("aliases") if isinstance(fields, dict) else None
    return {str(old) for old in aliases} if isinstance(aliases, dict) else set()


def check_kept_passages(root: Path, corpus: Corpus, published: Published, problems: list[Problem]) -> list[Problem]:
    """Problems with passages published at `published` that no longer open: each at its document.yaml.

    A document whose own files have errors (`problems`, the check's) is left
    out: a malformed witness loses passages that its errors already name.
    """
    found = Problems(root)
    broken = {Path(problem.path).parts[1] for problem in problems if _in_sources(problem)}
    current = {document.id: document for document in corpus.documents}
    for document_id, ids in sorted(published.passages.items()):
        folder = root / "sources" / document_id
        if not folder.is_dir():
            found.error(
                folder,
                0,
                f"document '{document_id}' is published on {published.ref} (documents/{document_id}/) and its "
                f"folder is gone, so links to it would break: a document's id never changes; restore the folder "
                f"(git checkout {published.commit[:12]} -- sources/{document_id})",
            )
            continue
        document = current.get(document_id)
        if document is None or document_id in broken:
            continue
        now = set(document.segment_ids)
        new = sorted(now - ids)
        line = document.line_of("aliases") if document.aliases else 1
        for old in sorted(ids - now - set(document.aliases)):
            found.error(
                folder / DOCUMENT_FILE,
                line,
                f"passage '{old}' is published on {published.ref} (documents/{document_id}/#{old}) and is no "
                f"longer a passage or an alias of {document_id}, so links to it would break: keep the old ID "
                f"under aliases here, pointing to the passage that now holds its text ('{old}: <new ID>')"
                f"{_renamed(old, new)}",
            )
    return found.reported


def _renamed(old: str, new: list[str]) -> str:
    """A guess at what `old` became: a new ID like it, or the only new ID."""
    guesses = difflib.get_close_matches(old, new, n=3, cutoff=0.6) or (new if len(new) == 1 else [])
    return "; renamed " + " or ".join(f"'{guess}'" for guess in guesses) + "?" if guesses else ""


def _in_sources(problem: Problem) -> bool:
    parts = Path(problem.path).parts
    return problem.severity == "error" and len(parts) > 2 and parts[0] == "sources" and parts[1] != "seeds"


def compare_with_main(
    root: Path, corpus: Corpus, problems: list[Problem], base: str | None = None
) -> tuple[list[Problem], str]:
    """The check's comparison with main: its problems, and a line saying what was compared (or why not)."""
    try:
        published = published_passages(root, base)
    except GitError as why:
        return [], f"passage IDs not compared with the published ones ({why})"
    kept = check_kept_passages(root, corpus, published, problems)
    count = sum(len(ids) for ids in published.passages.values())
    where = f"{published.ref} ({published.commit[:12]})"
    return kept, f"passage IDs kept: {count} published on {where}, {len(kept)} lost"
