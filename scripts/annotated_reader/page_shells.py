"""The theme's page around a generated page, rendered once per shape of page and completed for each.

MkDocs renders the theme's template (material's main.html: head, header,
navigation, table of contents, footer) for every page, about 2 ms each: a
tenth of an interface's build at 500 documents, whose views, term and event
pages are generated. Such a page gives the template nothing of its own but
its title, its table of contents' titles and its address: its content is a
placeholder, filled in afterwards (`on_post_page`). So the template is
rendered once per shape of page (which template, the address's depth and
first folder, the table of contents' levels and ids, the metadata but the
title), with stand-ins for those values, and each page of the shape gets
the stand-ins replaced by its own.

The first two pages of each shape are also rendered as usual and compared
with their completions (the second shows what the stand-in page took from
the first page as it is): a shape whose completion differs is rendered as
usual from then on. Its shell is rendered once more with stand-ins holding
`&`, `<`, `>`, quotes and a run of spaces: where those come out as they went
in, no filter of the template touches the values, and any page of the shape
can be completed; otherwise only a page whose values no filter would change.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import count
from typing import Any

from jinja2 import Template
from markupsafe import escape

# Around a stand-in: characters that no title, id or address holds.
_OPEN, _CLOSE = "\x02", "\x03"
# What a stand-in of the probe holds besides its name: what escaping, stripping tags or joining spaces would change.
_PROBE = "'\"&<b>  "
Context = Mapping[str, Any]


def _plain(name: str, own: str = "") -> str:
    return f"{_OPEN}{name}{_CLOSE}"


def _probe(name: str, own: str = "") -> str:
    return f"{_OPEN}{name}{_PROBE}{_CLOSE}"


class _TocEntry:
    """A table of contents entry with stand-ins for its title and id, its children likewise."""

    def __init__(self, item: Any, title: str, id: str, children: list[_TocEntry]) -> None:
        self._item = item
        self.title = title
        self.id = id
        self.url = f"#{id}"
        self.children = children

    def __getattr__(self, name: str) -> Any:
        return getattr(self._item, name)


class _Toc(list):
    """A page's table of contents as the template reads it: its entries in order."""


class StandInPage:
    """A page with stand-ins for its title, its table of contents and its address's own folders.

    `stand_in(name, own)` gives what stands in for the value named `name`,
    the page's own being `own`: every stand-in is named here, and only here.
    """

    def __init__(self, page: Any, stand_in: Callable[[str, str], str]) -> None:
        self._page = page
        folders = page.url.split("/")
        # The first folder stays: the links to the navigation's sections are relative to it.
        own_folders = (stand_in(f"folder{i}", f) if f else "" for i, f in enumerate(folders[1:], 1))
        self.url = "/".join([folders[0], *own_folders])
        self.title = stand_in("title", page.title or "")
        self.meta = {**page.meta, "title": self.title} if "title" in page.meta else page.meta
        self.canonical_url = _swap_tail(page.canonical_url, page.url, self.url)
        self.abs_url = _swap_tail(page.abs_url, page.url, self.url)
        numbers = count()

        def entries(items: Any) -> list[_TocEntry]:
            made = []
            for item in items:
                n = next(numbers)
                title, id = stand_in(f"toc{n}", item.title), stand_in(f"id{n}", item.id)
                made.append(_TocEntry(item, title, id, entries(item.children)))
            return made

        self.toc = _Toc(entries(page.toc))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._page, name)


def _swap_tail(value: str | None, old: str, new: str) -> str | None:
    if value is None or not value.endswith(old):
        return value
    return value[: len(value) - len(old)] + new


def _own_values(page: Any) -> dict[str, str]:
    """The name of each value a stand-in takes the place of, and the page's own."""
    values: dict[str, str] = {}

    def own(name: str, value: str) -> str:
        values[name] = value
        return value

    StandInPage(page, own)
    return values


def _values(page: Any) -> dict[str, str]:
    """Each plain stand-in of the page's shape, and the page's own value for it."""
    return {_plain(name): value for name, value in _own_values(page).items()}


# Pages of a shape rendered as usual and found completed alike before the shape's shell is used:
# the first shows that the stand-ins are put back right, the second what the stand-in page took
# from the first page as it is.
PROOFS = 2
# A build whose generated pages come in more shapes than this has pages the shells do not suit:
# each new shape costs two renderings more than it saves, so the rest are rendered as usual.
MOST_SHAPES = 64


@dataclass
class _Shell:
    # The template's output with plain stand-ins; None where a completion proved wrong.
    html: str | None
    # Whether the template writes every value as it is, whatever its characters.
    raw: bool
    proofs: int = 0


class PageShells:
    """The theme's pages of one build, kept per shape of page."""

    def __init__(self) -> None:
        self._shells: dict[tuple[Any, ...], _Shell] = {}
        # Pages given the theme's page, and how many of them were completed from a shell.
        self.pages = 0
        self.completed = 0

    def __str__(self) -> str:
        shells = sum(shell.html is not None and shell.proofs == PROOFS for shell in self._shells.values())
        return f"{self.completed} of {self.pages} theme pages completed from {shells} shells"

    def render(self, template: Template, context: Context, page: Any, context_for: Callable[[Any], Context]) -> str:
        """The template's output for `page`; `context_for(stand_in_page)` is the context for a stand-in page."""
        self.pages += 1
        key = _shape(template, page)
        if key is None:
            return template.render(context)
        shell = self._shells.get(key)
        if shell is None:
            if len(self._shells) >= MOST_SHAPES:
                return template.render(context)
            shell = self._shells[key] = _make_shell(template, page, context_for)
        values = None if shell.html is None else _values(page)
        if values is None or not _fits(values, shell.raw):
            return template.render(context)
        if shell.proofs < PROOFS:
            output = template.render(context)
            if _complete(shell.html, values) == output:
                shell.proofs += 1
            else:
                shell.html = None
            return output
        self.completed += 1
        return _complete(shell.html, values)


def _make_shell(template: Template, page: Any, context_for: Callable[[Any], Context]) -> _Shell:
    """The template's output for a page's stand-in, and whether it writes the stand-ins as they are."""
    html = template.render(context_for(StandInPage(page, _plain)))
    probed = template.render(context_for(StandInPage(page, _probe)))
    raw = probed == _complete(html, {_plain(name): _probe(name) for name in _own_values(page)})
    return _Shell(html, raw)


def _fits(values: dict[str, str], raw: bool) -> bool:
    """Whether the page's values can replace the stand-ins: any but a stand-in's own marks where the
    template writes them as they are, else only values that no filter changes."""
    for value in values.values():
        if _OPEN in value or _CLOSE in value:
            return False
        if not raw and (str(escape(value)) != value or " ".join(value.split()) != value):
            return False
    return True


def _toc_shape(items: Any) -> tuple[Any, ...]:
    return tuple((item.level, _toc_shape(item.children)) for item in items)


def _shape(template: Template, page: Any) -> tuple[Any, ...] | None:
    """What the template's output depends on besides the stand-ins; None for a page of the navigation,
    or one with a link to edit its source (a shape of its own)."""
    if page.parent is not None or page.previous_page is not None or page.next_page is not None:
        return None
    if page.edit_url is not None:
        return None
    meta = tuple(sorted((key, repr(value)) for key, value in page.meta.items() if key not in ("title", "template")))
    folders = page.url.split("/")
    empty_folders = tuple(index for index, folder in enumerate(folders) if not folder)
    return (
        template.name,
        folders[0],
        len(folders),
        empty_folders,
        _toc_shape(page.toc),
        meta,
        page.content,
        page.is_homepage,
        not page.title,
    )


def _complete(shell: str, values: dict[str, str]) -> str:
    for stand_in, value in values.items():
        shell = shell.replace(stand_in, value)
    return shell
