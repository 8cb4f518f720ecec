"""What generated pages do with the interface language besides looking up its labels.

A heading keeps the anchor of its English wording in every language, so
`#definition` and links to it work on the Chinese page too. English content
(term names, definitions, event titles and summaries, notes on sources) is
marked `lang="en"` on a page whose interface is not English; on an English
page it needs no mark. Chinese sentences follow each other without a space.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from .messages import Messages
from .ready_pages import SECTION_MARK


def heading(level: int, text: str, anchor: str, lang: str | None = None) -> str:
    """A section heading of plain text with a fixed id, whatever the language of its text.

    It gets its permalink and its place in the table of contents when the
    page is finished (`ready_pages.finish`).
    """
    lang_attr = f' lang="{escape(lang)}"' if lang else ""
    return f'<h{level} id="{escape(anchor)}"{lang_attr} {SECTION_MARK}>{escape(text, quote=False)}</h{level}>\n'


def english_attr(msg: Messages) -> str:
    """The lang attribute an element of English content needs on a page in `msg`'s language."""
    return "" if msg.language == "en" else ' lang="en"'


def english(content_html: str, msg: Messages) -> str:
    """English content (already HTML) marked as English on a page whose interface is not."""
    return content_html if msg.language == "en" else f'<span lang="en">{content_html}</span>'


def sentences(texts: Iterable[str], msg: Messages) -> str:
    """Sentences as running text: a space between them in English, none in Chinese."""
    return ("" if msg.language == "zh" else " ").join(texts)


def table_head(columns: Iterable[str], lang: str | None = None) -> str:
    """A table's <thead>: one column header per label (plain text), in the language `lang` if given."""
    cells = "".join(f'<th scope="col">{escape(column)}</th>' for column in columns)
    lang_attr = f' lang="{lang}"' if lang else ""
    return f"<thead{lang_attr}><tr>{cells}</tr></thead>"
