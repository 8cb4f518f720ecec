"""The year a document belongs to, for the pages that split a large listing by year.

A busy glossary term and a large annotations index each give the corpus's
documents a page per year (term_pages.py, annotation_index.py): a document's
year never changes, so a link to what is listed for it keeps working as the
corpus grows.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from .messages import Messages
from .model import Document

# The page of the documents whose date the texts do not state.
UNDATED = "undated"


def year_key(document: Document) -> str:
    """The year page a document is listed on: its year, or UNDATED."""
    return str(document.date.year) if document.date else UNDATED


def in_year_order(keys: Iterable[str]) -> list[str]:
    """Year keys in order, UNDATED last."""
    return sorted(set(keys), key=lambda key: (key == UNDATED, key))


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
