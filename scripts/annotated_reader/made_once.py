"""What is shown alike in many places, made once with stand-ins for what differs.

A document's views are rendered one after another, and much of what they
show differs between them in a few characters only: the address a citation
gives, the path back to the site root in a link. Likewise a witness's
citations differ from passage to passage only in the passage's id and
numbers. Such a piece is made once, with stand-ins for those characters,
and each place is given it with its own put in. A piece is kept only while
the objects it was made from are the ones in use, so a build under
`mkdocs serve`, which reads the files again, makes it anew.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable


class MadeOnce:
    """Pieces of HTML by key, made with stand-ins, each with the objects it was made from; at most `limit` kept.

    Each stand-in must be text that the pieces hold nowhere else: it is
    replaced wherever it stands.
    """

    def __init__(self, *stand_ins: str, limit: int = 1024) -> None:
        self.stand_ins = stand_ins
        self._limit = limit
        self._kept: dict[Hashable, tuple[tuple[object, ...], str]] = {}

    def get(self, key: Hashable, sources: tuple[object, ...], make: Callable[..., str], *own: str) -> str:
        """The piece for `key` with `own` in place of the stand-ins, one for one.

        Kept if made from these very `sources`, else made by `make(*stand_ins)`
        and kept. Where `own` holds a stand-in, which putting in place would
        then replace too, the piece is made for it alone: `make(*own)`.
        """
        if any(stand_in in text for text in own for stand_in in self.stand_ins):
            return make(*own)
        kept = self._kept.get(key)
        if kept is None or not _same(kept[0], sources):
            # A document's pieces are asked for together: those of earlier documents can go.
            if len(self._kept) >= self._limit:
                self._kept.clear()
            kept = self._kept[key] = (sources, make(*self.stand_ins))
        piece = kept[1]
        for stand_in, text in zip(self.stand_ins, own, strict=True):
            piece = piece.replace(stand_in, text)
        return piece


def _same(made_from: tuple[object, ...], sources: tuple[object, ...]) -> bool:
    """The very same objects, one by one (not equal ones: a file read again may read the same)."""
    return len(made_from) == len(sources) and all(a is b for a, b in zip(made_from, sources, strict=True))
