"""Recognising a contributor file put in the wrong folder: notes, a glossary term or a timeline event.

A term saved among a document's notes would otherwise get a dozen "unknown
field" errors, none of which says the one thing to do: move the file. Each
folder asks here whether its file is really of another kind, and reports a
single error naming where it belongs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

NOTES, TERM, EVENT = "notes", "term", "event"
_NAMES = {NOTES: "a file of notes", TERM: "a glossary term", EVENT: "a timeline event"}
_HOLDS = {NOTES: "notes on one document", TERM: "glossary terms", EVENT: "timeline events"}


def guess_kind(data: Any) -> str | None:
    """Which kind of contributor file `data` looks like, or None when it is unclear."""
    if not isinstance(data, dict):
        return None
    keys = set(data)
    if "annotations" in keys:
        return NOTES
    if "definition" in keys or {"pinyin", "variants", "match_zh"} & keys:
        return TERM
    if {"title", "summary", "mentions", "kind", "end"} & keys and "date" in keys:
        return EVENT
    return None


def misplaced(data: Any, expected: str, path: Path) -> str | None:
    """The message for a file of another kind than its folder holds, or None when it is not one."""
    kind = guess_kind(data)
    if kind is None or kind == expected:
        return None
    folder = f"annotations/{path.parent.name}/"
    return (
        f"this is {_NAMES[kind]} ({_evidence(kind, data)}), but {folder} holds {_HOLDS[expected]}: "
        f"move it to {destination(kind, data, path)}"
    )


def destination(kind: str, data: dict[str, Any], path: Path) -> str:
    if kind == NOTES:
        items = data.get("annotations")
        first = items[0] if isinstance(items, list) and items and isinstance(items[0], dict) else {}
        target = first.get("target") if isinstance(first.get("target"), dict) else {}
        document = target.get("document") if isinstance(target.get("document"), str) else "<document-id>"
        return f"annotations/{document}/{path.name}"
    entry_id = data.get("id") if isinstance(data.get("id"), str) else path.stem
    folder = "glossary" if kind == TERM else "timeline"
    return f"annotations/{folder}/{entry_id}.yaml"


def _evidence(kind: str, data: dict[str, Any]) -> str:
    if kind == NOTES:
        return "it begins with 'annotations:'"
    if kind == TERM:
        shown = [k for k in ("zh", "pinyin", "definition", "variants") if k in data]
    else:
        shown = [k for k in ("date", "title", "kind", "summary", "mentions") if k in data]
    return "it has " + ", ".join(shown)
