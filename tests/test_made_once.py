"""A piece made once for a document's views, and made anew from objects read again (made_once.py)."""

from __future__ import annotations

from annotated_reader.made_once import MadeOnce


def test_a_piece_is_made_once_while_its_sources_are_the_same_objects() -> None:
    made: list[str] = []

    def make(text: str):
        return lambda: made.append(text) or text

    pieces, source = MadeOnce(), ["passage"]
    assert pieces.get("p1", (source,), make("first")) == "first"
    assert pieces.get("p1", (source,), make("again")) == "first"
    # Equal but read again (a new object): made anew.
    assert pieces.get("p1", (["passage"],), make("read again")) == "read again"
    assert made == ["first", "read again"]


def test_at_most_the_limit_is_kept() -> None:
    pieces, source = MadeOnce(limit=2), object()
    for key in ("a", "b", "c"):
        pieces.get(key, (source,), lambda key=key: key)
    assert len(pieces._kept) <= 2
    assert pieces.get("c", (source,), lambda: "made anew") == "c"
