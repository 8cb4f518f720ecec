"""Earlier ids of glossary terms and timeline events: their pages still open.

A term's or an event's id is its page's address (`glossary/<id>/`,
`timeline/events/<id>/`), which readers link to. When one must be renamed,
the old id goes under `formerly`, and the site keeps a page at the old
address that leads to the new one at once (a refresh, and a script that keeps
the address's `#fragment`), with a link for a reader whose browser follows
neither. The check keeps the ids unambiguous: an earlier id may not be the id
of another entry of its kind, nor the earlier id of two.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from pathlib import Path
from typing import Protocol

from .messages import Messages
from .problems import Problems


class Renamed(Protocol):
    """A term or an event: what this module reads of either."""

    id: str
    formerly: list[str]
    path: Path | None

    def line_of(self, *key_path: str | int) -> int: ...


def check_former_ids(entries: Iterable[Renamed], kind: str, problems: Problems) -> None:
    """Report an earlier id that is another entry's id, or that two entries claim."""
    listed = list(entries)
    ids = {entry.id for entry in listed}
    claimed: dict[str, Renamed] = {}
    for entry in listed:
        path = entry.path or ""
        for index, former in enumerate(entry.formerly):
            line = entry.line_of("formerly", index)
            if former in ids:
                problems.error(
                    path,
                    line,
                    f"formerly: '{former}' is the id of {one(kind)} now; an earlier id must be one no {kind} has",
                )
            elif former in claimed and claimed[former] is not entry:
                problems.error(
                    path,
                    line,
                    f"formerly: '{former}' is also an earlier id of {kind} '{claimed[former].id}': its old page can "
                    "lead to one of them only",
                )
            claimed.setdefault(former, entry)


def one(kind: str) -> str:
    """'a term', 'an event': a kind of entry with its article."""
    return ("an " if kind[0] in "aeiou" else "a ") + kind


def render_moved_page(title: str, new_id: str, msg: Messages) -> str:
    """The whole HTML file at an earlier id's address, a sibling folder of the new one's."""
    target = f"../{escape(new_id)}/"
    heading = escape(msg("moved_title", title=title))
    link = msg.html("moved_link", title=f'<a href="{target}">{escape(title)}</a>')
    return "\n".join(
        [
            "<!doctype html>",
            f'<html lang="{msg.html_lang}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{heading}</title>",
            '<meta name="robots" content="noindex">',
            f'<link rel="canonical" href="{target}">',
            f'<meta http-equiv="refresh" content="0; url={target}">',
            # The refresh drops the address's #fragment (a year's section, a concordance line); the script keeps it.
            f'<script>location.replace("{target}" + location.hash)</script>',
            "</head>",
            "<body>",
            f"<main><h1>{heading}</h1><p>{link}</p></main>",
            "</body>",
            "</html>",
            "",
        ]
    )
