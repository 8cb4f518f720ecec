"""A piece made once for a document's views, and made anew from objects read again (made_once.py)."""

from __future__ import annotations

from annotated_reader.made_once import MadeOnce


def test_a_piece_is_made_once_while_its_sources_are_the_same_objects() -> None:
    made: list[str] = []

    def make(text: str):
        return lambda stand_in: made.append(text) or f"{text}{stand_in}"

    pieces, source = MadeOnce("@"), ["passage"]
    assert pieces.get("p1", (source,), make("first"), "") == "first"
    assert pieces.get("p1", (source,), make("again"), "") == "first"
    # Each view is given the piece with its own in place of the stand-in.
    assert pieces.get("p1", (source,), make("again"), " (zh view)") == "first (zh view)"
    # Equal but read again (a new object): made anew.
    assert pieces.get("p1", (["passage"],), make("read again"), "") == "read again"
    assert made == ["first", "read again"]


def test_at_most_the_limit_is_kept() -> None:
    pieces, source = MadeOnce("@", limit=2), object()
    for key in ("a", "b", "c"):
        pieces.get(key, (source,), lambda _, key=key: key, "")
    assert len(pieces._kept) <= 2
    assert pieces.get("c", (source,), lambda _: "made anew", "") == "c"


def test_each_stand_in_is_given_its_own() -> None:
    pieces, source = MadeOnce("@", "#"), object()
    made = pieces.get("p1", (source,), lambda at, hash_: f"{at}-{hash_}-{at}", "address", "1.2")
    assert made == "address-1.2-address"
    assert pieces.get("p1", (source,), lambda *_: "made anew", "other", "3") == "other-3-other"


def test_own_text_holding_a_stand_in_is_given_a_piece_made_for_it() -> None:
    # Put in place, its stand-in would be replaced in turn: "@#" would become "@1.2" here.
    pieces, source = MadeOnce("@", "#"), object()
    pieces.get("p1", (source,), lambda at, hash_: f"{at}-{hash_}", "address", "1.2")
    assert pieces.get("p1", (source,), lambda at, hash_: f"{at}-{hash_}", "@#", "1.2") == "@#-1.2"
    assert pieces.get("p1", (source,), lambda at, hash_: f"{at}-{hash_}", "other", "3") == "other-3"
