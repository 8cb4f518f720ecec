"""Addresses kept: every passage, document, term and event published on main still opens.

An instructor's syllabus links to passages (`documents/<id>/#3.9`), terms
(`glossary/<id>/`) and events (`timeline/events/<id>/`), and such a link
breaks when its id leaves the project: a passage renamed, merged into another
or deleted without an alias; a term or event renamed without its earlier id
under `formerly` (former_ids.py); a document's folder gone. The check
compares the ids where the change began (the commit at which the branch left
main, as `check --changed` finds it; for a push to main, CI names main before
the push with `--published`) with the working tree's: an id there must still
be an id, an alias or an earlier id here. Main is what is published, so
nothing new is frozen before it lands: a branch may rename what it added.

Without git, or without a main branch to compare with (a copy of the project
that is not a clone), nothing is compared, and `compare_with_main` says why.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import yaml

from .check_scope import CheckScope, GitError, fork_point, git, git_bytes
from .former_ids import one
from .glossary import Term
from .loader import DOCUMENT_FILE
from .pipeline import CheckedCorpus
from .problems import Problem, Problems
from .site_urls import event_url, term_url
from .timeline import Event
from .witness_format import parse_witness_text

GLOSSARY = "annotations/glossary"
TIMELINE = "annotations/timeline"


@dataclass(frozen=True)
class Published:
    """The ids at the commit a change began from: each document's passages (aliases included), terms and events."""

    ref: str  # the branch compared with: origin/main, main or the ref given
    commit: str
    passages: dict[str, frozenset[str]] = field(default_factory=dict)  # document id: its IDs and aliases there
    terms: frozenset[str] = frozenset()  # ids and earlier ids
    events: frozenset[str] = frozenset()


def published_addresses(root: Path, base: str | None = None) -> Published:
    """The ids where the branch left `base` (origin/main, or main).

    GitError, with the reason, when `root` is not in a git repository or has no such branch.
    """
    ref, commit = fork_point(root, base)
    # The project may be a folder inside the repository (a test fixture): paths are the repository's.
    prefix = git(root, "rev-parse", "--show-prefix")
    folders = ("sources", GLOSSARY, TIMELINE)
    listing = git(root, "ls-tree", "-r", "--full-tree", commit, "--", *(f"{prefix}{folder}/" for folder in folders))
    files: list[tuple[str, str, str]] = []  # (blob id, folder, path inside it)
    for line in listing.splitlines():
        details, path = line.split("\t", 1)
        inside = PurePosixPath(path.removeprefix(prefix))
        folder = next(folder for folder in folders if inside.is_relative_to(folder))
        files.append((details.split()[2], folder, inside.relative_to(folder).as_posix()))
    passages: dict[str, set[str]] = {}
    entries: dict[str, set[str]] = {GLOSSARY: set(), TIMELINE: set()}
    contents = _blobs(root, [blob for blob, _, _ in files])
    for (_, folder, name), content in zip(files, contents, strict=True):
        parts = name.split("/")
        if folder == "sources":
            # sources/<document>/document.yaml or <witness>.txt; not the seeds, which are no document.
            if len(parts) == 2 and parts[0] != "seeds" and (parts[1] == DOCUMENT_FILE or parts[1].endswith(".txt")):
                passages.setdefault(parts[0], set()).update(_ids_in(parts[1], content))
        elif len(parts) == 1 and name.endswith(".yaml"):
            # annotations/glossary/<id>.yaml, annotations/timeline/<id>.yaml: the id and its earlier ones.
            entries[folder].update({name.removesuffix(".yaml"), *_listed(content, "formerly")})
    return Published(
        ref,
        commit,
        {document: frozenset(ids) for document, ids in passages.items()},
        frozenset(entries[GLOSSARY]),
        frozenset(entries[TIMELINE]),
    )


def _blobs(root: Path, blobs: list[str]) -> list[bytes]:
    """The contents of git blobs, read by one `git cat-file` process."""
    if not blobs:  # main had no file here yet
        return []
    output = git_bytes(root, "cat-file", "--batch", given="\n".join(blobs).encode() + b"\n")
    contents = []
    for _ in blobs:
        # Each blob is "<id> blob <size>\n", its bytes and a newline.
        header, _, output = output.partition(b"\n")
        size = int(header.split()[2])
        contents.append(output[:size])
        output = output[size + 1 :]
    return contents


def _ids_in(name: str, content: bytes) -> set[str]:
    """The passage IDs a witness file holds, or the aliases a document.yaml declares, as they were committed."""
    if name != DOCUMENT_FILE:
        # What was malformed then was reported then: only the IDs read are kept.
        text = content.decode("utf-8", errors="replace")
        return {segment.id for segment in parse_witness_text(Path(name), text, Problems())}
    return set(_listed(content, "aliases"))


def _listed(content: bytes, key: str) -> list[str]:
    """The keys (of a mapping) or items (of a list) under `key` in a committed YAML file; none if unreadable."""
    try:
        fields = yaml.safe_load(content.decode("utf-8", errors="replace"))
    except yaml.YAMLError:
        return []
    listed = fields.get(key) if isinstance(fields, dict) else None
    return [str(item) for item in listed] if isinstance(listed, dict | list) else []


def check_kept(root: Path, checked: CheckedCorpus, published: Published, scope: CheckScope) -> list[Problem]:
    """Problems with ids published at `published` that no longer open, of the kinds `scope` loaded.

    What has errors of its own is left out: a malformed witness loses
    passages, and a term or event file that does not load its earlier ids,
    which the check's errors already name.
    """
    found = Problems(root)
    failed = [Path(problem.path).parts for problem in checked.problems if problem.severity == "error"]
    if scope.texts_changed:
        _check_passages(root, checked, published, {parts[1] for parts in failed if _in_a_document(parts)}, found)
    kinds = [
        (scope.needs_glossary, GLOSSARY, "term", checked.terms, published.terms, term_url),
        (scope.needs_timeline, TIMELINE, "event", checked.events, published.events, event_url),
    ]
    for loaded, folder, kind, entries, ids, url in kinds:
        if not loaded or not _all_loaded(root / folder, entries):
            continue
        now = {entry.id for entry in entries} | {former for entry in entries for former in entry.formerly}
        new = sorted(now - ids)
        for old in sorted(ids - now):
            found.error(
                root / folder / f"{old}.yaml",
                0,
                f"{kind} '{old}' is published on {published.ref} ({url(old)}) and is no longer the id or an earlier "
                f"id of {one(kind)}, so links to it would break: if it was renamed, list the old id under formerly in "
                f"the {kind} it became (formerly: [{old}]); if it was removed, keep its file{_renamed(old, new)}",
            )
    return found.reported


def _check_passages(
    root: Path, checked: CheckedCorpus, published: Published, failed: set[str], found: Problems
) -> None:
    current = {document.id: document for document in checked.corpus.documents}
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
        if document is None or document_id in failed:
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


def _all_loaded(folder: Path, entries: list[Term] | list[Event]) -> bool:
    """Whether every file of the folder loaded: one that did not may hold the earlier ids sought."""
    loaded = {entry.path.resolve() for entry in entries if entry.path is not None}
    return all(path.resolve() in loaded for path in folder.glob("*.yaml"))


def _renamed(old: str, new: list[str]) -> str:
    """A guess at what `old` became: a new id like it, or the only new id."""
    guesses = difflib.get_close_matches(old, new, n=3, cutoff=0.6) or (new if len(new) == 1 else [])
    return "; renamed " + " or ".join(f"'{guess}'" for guess in guesses) + "?" if guesses else ""


def _in_a_document(parts: tuple[str, ...]) -> bool:
    return len(parts) > 2 and parts[0] == "sources" and parts[1] != "seeds"


def compare_with_main(
    root: Path, checked: CheckedCorpus, scope: CheckScope, base: str | None = None
) -> tuple[list[Problem], str]:
    """The check's comparison with main: its problems, and a line saying what was compared (or why not)."""
    try:
        published = published_addresses(root, base)
    except GitError as why:
        return [], f"ids not compared with the published ones ({why})"
    kept = check_kept(root, checked, published, scope)
    passages = sum(len(ids) for ids in published.passages.values())
    where = f"{published.ref} ({published.commit[:12]})"
    counted = f"{passages} passage IDs, {len(published.terms)} term and {len(published.events)} event ids"
    return kept, f"addresses kept: {counted} published on {where}, {len(kept)} lost"
