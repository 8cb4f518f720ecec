"""Proof that cleaning lost, added and changed nothing: rebuilding each raw seed.

A raw seed (sources/seeds/*.txt) is a page dump: document text plus site
chrome. Cleaning splits it into witness files and a removal list
(<seed>.removed.yaml) that records every removed piece with its reason. This
module walks the seed and accounts for every character: each one is either
inside a listed removal, or is the next character of the witness that owns
the seed line (the witness's `provenance.lines`). Whitespace is normalised
(cleaning may reflow it) but where the seed separates two characters of a
passage by whitespace the passage must too, and the other way round, so
"the Outline" cannot silently become "theOutline".

The accounting also yields the *reconstruction*: the pieces of witness text
and removed text in the seed's order. Joined, they must equal the seed, which
is what the fidelity test asserts for every seed.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path

from .loader import SEEDS_FOLDER
from .model import Corpus, Document, Segment, Witness
from .problems import Problems
from .schema import check_against_schema, load_schema
from .yamlsource import load_yaml

REMOVED_SUFFIX = ".removed.yaml"
REMOVED_SCHEMA = "removed.schema.json"


@dataclass(frozen=True)
class Removal:
    """A piece of a seed that is in no witness, and why."""

    line: int
    text: str
    chrome: str
    reason: str
    record_line: int


@dataclass
class SeedRecord:
    """A raw seed with its recorded checksum and removal list."""

    path: Path
    removed_path: Path
    sha256: str
    sha256_line: int
    removals: list[Removal]


@dataclass(frozen=True, order=True)
class Piece:
    """One piece of a rebuilt seed: its place in the seed, origin and text."""

    line: int
    column: int
    origin: str
    text: str


# A run: characters that neither whitespace nor a removal separates.
_RUN_SPLIT = re.compile(r"([^\s\0]+)")


@dataclass
class _Runs:
    """Text with its whitespace taken out, kept as the runs that whitespace separated.

    The accounting compares text without whitespace and checks that both sides
    separate it at the same places; each run remembers where it came from (a
    seed line and column, or an offset in a passage) for the messages. Kept by
    run rather than by character, since a seed of 8,000 characters would
    otherwise be 8,000 objects, and the check reads every seed on every build.
    """

    parts: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # where each run begins in `text`
    lines: list[int] = field(default_factory=list)  # its seed line (0 in a passage)
    wheres: list[int] = field(default_factory=list)  # its column on that line, or its offset in the passage
    size: int = 0

    @classmethod
    def of(cls, text: str) -> _Runs:
        """A passage's runs."""
        runs = cls()
        runs.add(text, 0)
        return runs

    def add(self, text: str, line: int) -> None:
        # Split, not matched run by run: the pieces alternate gap, run, gap, ..., gap, and
        # their running lengths give where each run starts, without a Python step per run.
        pieces = _RUN_SPLIT.split(text)
        runs = pieces[1::2]
        if not runs:
            return
        ends = list(accumulate(map(len, pieces)))
        self.wheres += ends[0 : 2 * len(runs) : 2]
        starts = list(accumulate(map(len, runs), initial=self.size))
        self.size = starts.pop()
        self.starts += starts
        self.lines += [line] * len(runs)
        self.parts += runs

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def at(self, index: int) -> tuple[int, int]:
        """The line and column (or offset) of the character at `index` in `text`."""
        run = bisect.bisect_right(self.starts, index) - 1
        return self.lines[run], self.wheres[run] + index - self.starts[run]

    def gaps(self, start: int, end: int) -> list[int]:
        """Where whitespace separates characters between `start` and `end`, counted from `start`."""
        first = bisect.bisect_right(self.starts, start)
        last = bisect.bisect_left(self.starts, end)
        return [at - start for at in self.starts[first:last]]


@dataclass
class _Stream:
    witness: Witness
    document: Document
    seed: _Runs = field(default_factory=_Runs)


def load_seed_records(seeds: Path, problems: Problems) -> list[SeedRecord]:
    """Read each seed's removal list; a seed without one is a problem."""
    schema = load_schema(seeds / REMOVED_SCHEMA)
    records = []
    for seed in sorted(seeds.glob("*.txt")):
        removed_path = seeds / (seed.stem + REMOVED_SUFFIX)
        if not removed_path.exists():
            problems.error(
                seed,
                0,
                f"seed has no removal list: create {removed_path.name} "
                "(with 'removed: []' if cleaning removed nothing)",
            )
            continue
        source = load_yaml(removed_path, problems)
        if source is None or not check_against_schema(source, schema, problems):
            continue
        if source.data["seed"] != seed.name:
            problems.error(
                removed_path,
                source.line_of(("seed",)),
                f"this removal list names seed '{source.data['seed']}' but stands beside {seed.name}",
            )
        removals = [
            Removal(r["line"], r["text"], r["chrome"], r["reason"], source.line_of(("removed", i)))
            for i, r in enumerate(source.data["removed"])
        ]
        records.append(SeedRecord(seed, removed_path, source.data["sha256"], source.line_of(("sha256",)), removals))
    for removed_path in sorted(seeds.glob("*" + REMOVED_SUFFIX)):
        if not (seeds / (removed_path.name[: -len(REMOVED_SUFFIX)] + ".txt")).exists():
            problems.error(
                removed_path, 0, "removal list without its seed: the .txt it describes is not in sources/seeds/"
            )
    return records


def check_fidelity(corpus: Corpus, sources: Path, problems: Problems) -> dict[str, list[Piece]]:
    """Account for every character of every seed; return each seed's reconstruction."""
    seeds = sources / SEEDS_FOLDER
    records = load_seed_records(seeds, problems)
    by_seed: dict[str, list[tuple[Document, Witness]]] = {}
    for document in corpus.documents:
        for witness in document.witnesses:
            if witness.provenance.seed:
                by_seed.setdefault(witness.provenance.seed, []).append((document, witness))
    reconstructions = {}
    known = {r.path.name for r in records}
    for seed_name, owners in by_seed.items():
        if seed_name not in known and not (seeds / seed_name).exists():
            for document, witness in owners:
                assert document.path is not None
                problems.error(
                    document.path,
                    document.line_of("witnesses", witness.id, "provenance", "seed"),
                    f"seed '{seed_name}' is not in sources/seeds/; commit the raw seed there unchanged",
                )
    for record in records:
        if record.path.name in corpus.seeds_of_unread_documents:
            continue
        owners = by_seed.get(record.path.name, [])
        if not owners:
            problems.error(record.path, 0, "seed is used by no witness: name it in a witness's provenance.seed")
            continue
        if any(witness.provenance.seed_lines is None for _, witness in owners):
            # The loader reported the missing provenance.lines; without them the
            # seed's lines cannot be shared out among its witnesses.
            continue
        reconstructions[record.path.name] = _check_seed(record, owners, problems)
    return reconstructions


def reconstruct(pieces: list[Piece]) -> str:
    """The seed rebuilt from witness text and removed text alone, in seed order."""
    return "\n".join(piece.text for piece in sorted(pieces))


def without_whitespace(text: str) -> str:
    return "".join(text.split())


def _check_seed(record: SeedRecord, owners: list[tuple[Document, Witness]], problems: Problems) -> list[Piece]:
    data = record.path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != record.sha256:
        problems.error(
            record.removed_path,
            record.sha256_line,
            f"sha256 of {record.path.name} is {digest}, not the recorded {record.sha256}: seeds are kept "
            "byte for byte, so restore the original file",
        )
    for document, witness in owners:
        if witness.provenance.sha256 != digest:
            assert document.path is not None
            problems.error(
                document.path,
                document.line_of("witnesses", witness.id, "provenance", "sha256"),
                f"provenance.sha256 of witness '{witness.id}' does not match {record.path.name} ({digest})",
            )
    lines = data.decode("utf-8").split("\n")
    owner_of_line = _owners_by_line(record, owners, len(lines), problems)
    streams = {id(w): _Stream(w, d) for d, w in owners}
    pieces: list[Piece] = []
    removals_by_line: dict[int, list[Removal]] = {}
    for removal in record.removals:
        removals_by_line.setdefault(removal.line, []).append(removal)
    for number, line in enumerate(lines, start=1):
        kept = _apply_removals(record, number, line, removals_by_line.get(number, []), pieces, problems)
        owner = owner_of_line.get(number)
        if owner is None:
            leftover = "".join(ch for ch in kept if ch != "\0")
            if leftover.strip():
                problems.error(
                    record.path,
                    number,
                    f"text in no witness and not in the removal list: '{_clip(leftover.strip())}'; add the line to a "
                    f"witness's provenance.lines or list it in {record.removed_path.name} with a reason",
                )
            continue
        streams[id(owner)].seed.add(kept, number)
    for _, witness in owners:
        pieces.extend(_compare(streams[id(witness)], record, lines, problems))
    return pieces


def _owners_by_line(
    record: SeedRecord, owners: list[tuple[Document, Witness]], line_count: int, problems: Problems
) -> dict[int, Witness]:
    owner_of_line: dict[int, Witness] = {}
    for document, witness in owners:
        assert document.path is not None and witness.provenance.seed_lines is not None
        first, last = witness.provenance.seed_lines
        line = document.line_of("witnesses", witness.id, "provenance", "lines")
        if last > line_count:
            problems.error(
                document.path,
                line,
                f"provenance.lines {first}-{last} runs past the end of {record.path.name} ({line_count} lines)",
            )
        # Only the seed's own lines: a mistyped range such as 5-1100000000 must not be walked line by line.
        for number in range(first, min(last, line_count) + 1):
            if number in owner_of_line:
                problems.error(
                    document.path,
                    line,
                    f"seed line {number} is claimed by witnesses '{owner_of_line[number].id}' and '{witness.id}'; "
                    "each seed line belongs to one witness",
                )
                continue
            owner_of_line[number] = witness
    return owner_of_line


def _apply_removals(
    record: SeedRecord, number: int, line: str, removals: list[Removal], pieces: list[Piece], problems: Problems
) -> str:
    """The line with removed pieces blanked out ("\\0"), recording them as pieces."""
    kept = list(line)
    cursor = 0
    for removal in removals:
        # Whitespace is normalised throughout, so a removal written with plain
        # spaces also matches the seed's no-break spaces or double spaces.
        pattern = re.compile(r"\s+".join(re.escape(word) for word in removal.text.split()))
        match = pattern.search(line, cursor)
        if match is None:
            problems.error(
                record.removed_path,
                removal.record_line,
                f"removed text '{_clip(removal.text)}' is not on line {number} of {record.path.name} "
                f"(that line reads '{_clip(line.strip())}'); copy the text exactly",
            )
            continue
        for index in range(match.start(), match.end()):
            kept[index] = "\0"
        pieces.append(Piece(number, match.start(), f"removed:{removal.chrome}", removal.text))
        cursor = match.end()
    return "".join(kept)


def _compare(stream: _Stream, record: SeedRecord, lines: list[str], problems: Problems) -> list[Piece]:
    """Match a witness's passages against the seed text it owns, passage by passage."""
    witness = stream.witness
    seed = stream.seed
    seed_text = seed.text
    origin = f"witness:{stream.document.id}/{witness.id}"
    pieces = []
    position = 0
    for index, segment in enumerate(witness.segments):
        passage = _Runs.of(segment.text)
        passage_text = passage.text
        expected = seed_text[position : position + len(passage_text)]
        if expected == passage_text:
            line, column = seed.at(position)
            pieces.append(Piece(line, column, origin, segment.text))
            _check_spacing(segment, passage, seed, position, record, problems)
            position += len(passage_text)
            continue
        at = _first_difference(expected, passage_text)
        theirs = seed.at(min(position + at, seed.size - 1)) if seed.size else None
        _, ours = passage.at(min(at, passage.size - 1))
        seed_context = lines[theirs[0] - 1][max(0, theirs[1] - 20) : theirs[1] + 20] if theirs else ""
        problems.error(
            segment.path,
            segment.line,
            f"passage '{segment.id}' differs from the seed ({record.path.name} line {theirs[0] if theirs else '?'}): "
            f"the seed has '{_clip(seed_context) or '(nothing)'}' where the passage has "
            f"'{_clip(segment.text[max(0, ours - 20) : ours + 20])}'; witness text must be the seed's "
            "text (put corrections in an annotation)",
        )
        resync = _resync(witness.segments[index + 1 :], seed_text, position)
        if resync is None:
            return pieces
        position = resync
    if position < len(seed_text):
        line, _ = seed.at(position)
        problems.error(
            record.path,
            line,
            f"text from line {line} on is in no passage of {witness.path.name if witness.path else witness.id}: "
            f"'{_clip(seed_text[position : position + 40])}...'; add it to a passage or list it as removed",
        )
    return pieces


def _check_spacing(
    segment: Segment, passage: _Runs, seed: _Runs, position: int, record: SeedRecord, problems: Problems
) -> None:
    ours, theirs = passage.gaps(0, passage.size), seed.gaps(position, position + passage.size)
    if ours == theirs:
        return
    # The first character that one side separates from the one before and the other joins to it.
    at = min(set(ours) ^ set(theirs))
    _, offset = passage.at(at)
    line, _ = seed.at(position + at)
    before = segment.text[max(0, offset - 15) : offset + 15]
    what = "separates" if at in theirs else "joins"
    problems.error(
        segment.path,
        segment.line,
        f"passage '{segment.id}' spaces its text differently from the seed ({record.path.name} line "
        f"{line}), which {what} the words at '{_clip(before)}'; keep the seed's spacing",
    )


def _resync(rest: list[Segment], seed_text: str, position: int) -> int | None:
    """Where the next passage starts again in the seed after a difference."""
    for segment in rest:
        head = "".join(segment.text.split())[:24]
        if len(head) >= 6:
            found = seed_text.find(head, position)
            return found if found >= 0 else None
    return None


def _first_difference(a: str, b: str) -> int:
    for index, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return index
    return min(len(a), len(b))


def _clip(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
