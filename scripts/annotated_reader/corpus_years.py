"""The year a document belongs to, for the pages that split a large listing by year.

A busy glossary term and a large annotations index each give the corpus's
documents a page per year (term_pages.py, annotation_index.py): a document's
year never changes, so a link to what is listed for it keeps working as the
corpus grows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape
from typing import TypeVar

from .messages import Messages
from .model import Document

T = TypeVar("T")

# The page of the documents whose date the texts do not state.
UNDATED = "undated"


def year_key(document: Document) -> str:
    """The year page a document is listed on: its year, or UNDATED."""
    return str(document.date.year) if document.date else UNDATED


def in_year_order(keys: Iterable[str]) -> list[str]:
    """Year keys in order, UNDATED last."""
    return sorted(set(keys), key=lambda key: (key == UNDATED, key))


def group_by_year(items: Iterable[T], year_of: Callable[[T], str]) -> dict[str, list[T]]:
    """Items by their year key (`year_of`), the years in order and UNDATED last, each year's in the items' order."""
    grouped: dict[str, list[T]] = {}
    for item in items:
        grouped.setdefault(year_of(item), []).append(item)
    return {key: grouped[key] for key in in_year_order(grouped)}


def year_list(listed: dict[str, list[tuple[Document, int]]], count_key: str, anchor: str, msg: Messages) -> str:
    """The <li>s of a list of year pages (folders beside the page): each year with its total, then its documents.

    `listed` gives each year's documents with their counts; the total is
    written by the message `count_key`. Each document's link carries the id
    `<anchor>-<document id>` and leads to that id on its year's page: the id
    its section had on the page, before the corpus outgrew it.
    """
    items = []
    for year, documents in listed.items():
        links = msg("list_comma").join(
            f'<a id="{anchor}-{escape(d.id)}" href="{escape(year)}/#{anchor}-{escape(d.id)}">'
            f"{escape(d.short_title[msg.language])}</a> {escape(msg('in_parentheses', text=count))}"
            for d, count in documents
        )
        total = escape(msg("in_parentheses", text=msg(count_key, count=sum(count for _, count in documents))))
        listed_documents = f": {links}" if links else ""
        items.append(
            f'<li><a href="{escape(year)}/">{escape(year_label(year, msg))}</a> {total}{listed_documents}</li>'
        )
    return "".join(items)


def year_label(key: str, msg: Messages) -> str:
    """ "2014", "2014年", "undated": a year page's year as the interface writes it."""
    return msg("undated") if key == UNDATED else msg("date_year", year=int(key))


def year_nav(year: str, years: list[str], msg: Messages, label: str) -> str:
    """Links to every year page from one of them (in a sibling folder), this one marked current.

    A page has it at its top and its foot: each landmark needs its own name
    (`label`) for a screen reader's list of landmarks.
    """
    links = []
    for key in years:
        current = ' aria-current="page"' if key == year else ""
        links.append(f'<a href="../{escape(key)}/"{current}>{escape(year_label(key, msg))}</a>')
    return f'<nav class="ar-years-nav" aria-label="{escape(label)}">{" ".join(links)}</nav>'
