"""Reading and writing witness files: one passage per block, its ID beside it.

A witness file is plain UTF-8 text that a contributor edits in any editor and
reviews in a pull-request diff. Each passage is a block that starts with a
header line naming its segment ID and kind, followed by its text:

    @2.3 item
    (三)强化科研诚信建设和知识产权保护。……

Blocks are separated by blank lines. A passage may run over several lines
(a two-line title); the line breaks are kept. A text line that itself starts
with "@" is written with a backslash, "\\@", so it is not read as a header.
See sources/README.md for the conventions.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .model import SEGMENT_ID, SEGMENT_KINDS, Segment
from .problems import Problems, did_you_mean

HEADER = "@"
ESCAPED_HEADER = "\\@"
BYTE_ORDER_MARK = "\ufeff"


def parse_witness_text(path: Path, text: str, problems: Problems) -> list[Segment]:
    """Parse a witness file's text into segments, reporting every malformed block."""
    segments: list[Segment] = []
    first_line: dict[str, int] = {}
    header: tuple[str, str, int] | None = None
    body: list[str] = []
    stray_reported = False
    if text.startswith(BYTE_ORDER_MARK):
        # Invisible in editors, it would make the first header look like text outside a passage.
        problems.error(
            path,
            1,
            "the file begins with an invisible byte-order mark (U+FEFF), which some editors add: "
            "save it as UTF-8 without one",
        )
        text = text[len(BYTE_ORDER_MARK) :]

    def close_block() -> None:
        nonlocal header, body
        if header is not None:
            segment_id, kind, line = header
            if not any(part.strip() for part in body):
                problems.error(
                    path, line, f"passage '{segment_id}' is empty: put its text on the lines below the header"
                )
            else:
                segments.append(Segment(segment_id, kind, "\n".join(body), path, line))
        header, body = None, []

    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip()
        if line.startswith(HEADER):
            close_block()
            parsed = _parse_header(path, number, line, problems)
            if parsed:
                segment_id, kind = parsed
                if segment_id in first_line:
                    problems.error(
                        path,
                        number,
                        f"duplicate passage ID '{segment_id}' (first used on line {first_line[segment_id]}); "
                        "each passage needs its own ID",
                    )
                else:
                    first_line[segment_id] = number
                header = (segment_id, kind, number)
            else:
                # Keep consuming the block's text so it is not also reported as stray.
                header = ("", "", number)
            stray_reported = False
            continue
        if not line.strip():
            if header is not None and header[0]:
                close_block()
            elif header is not None:
                header, body = None, []
            continue
        if header is None:
            if not stray_reported:
                problems.error(
                    path,
                    number,
                    "text outside a passage: start the block with a header line such as '@1.2 paragraph'",
                )
                stray_reported = True
            continue
        body.append(ESCAPED_HEADER[1:] + line[2:] if line.startswith(ESCAPED_HEADER) else line)
    if header is not None and header[0]:
        close_block()
    return segments


def _parse_header(path: Path, number: int, line: str, problems: Problems) -> tuple[str, str] | None:
    words = line[len(HEADER) :].split()
    if len(words) != 2:
        problems.error(
            path,
            number,
            f"a passage header is '@<ID> <kind>', e.g. '@2.3 item'; got '{line}' (kinds: {', '.join(SEGMENT_KINDS)})",
        )
        return None
    segment_id, kind = words
    ok = True
    if not SEGMENT_ID.fullmatch(segment_id):
        problems.error(
            path,
            number,
            f"'{segment_id}' is not a valid passage ID: use lowercase letters, digits and '-', "
            "with '.' between levels, e.g. 'preamble', '2.3', '2.2.p5'",
        )
        ok = False
    if kind not in SEGMENT_KINDS:
        problems.error(
            path,
            number,
            f"unknown passage kind '{kind}'{did_you_mean(kind, SEGMENT_KINDS)} (kinds: {', '.join(SEGMENT_KINDS)})",
        )
        ok = False
    return (segment_id, kind) if ok else None


def format_witness(segments: Iterable[tuple[str, str, str]]) -> str:
    """Write (id, kind, text) passages in the witness format (the parser's inverse)."""
    blocks = []
    for segment_id, kind, text in segments:
        lines = [ESCAPED_HEADER + ln[1:] if ln.startswith(HEADER) else ln for ln in text.split("\n")]
        blocks.append("\n".join([f"{HEADER}{segment_id} {kind}", *lines]))
    return "\n\n".join(blocks) + "\n"
