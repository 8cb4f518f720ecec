"""The HTML list of sources that every page uses for facts beyond the texts."""

from __future__ import annotations

from html import escape

from .interface import english_attr
from .messages import ENGLISH, Messages
from .model import Source


def render_source_list(
    heading: str, sources: list[Source], css_class: str = "ar-sources", msg: Messages = ENGLISH
) -> str:
    """A heading (in the interface's language) and one item per source: its linked title, what it supports, its note.

    The items are the sources' own English descriptions, marked as English on a page in another language.
    """
    if not sources:
        return ""
    items = "".join(
        "<li>"
        + (f'<a href="{escape(s.url)}">{escape(s.title)}</a>' if s.url else escape(s.title))
        + f": {escape(s.supports)}"
        + (f" ({escape(s.note)})" if s.note else "")
        + "</li>"
        for s in sources
    )
    heading_html = f'<p class="{css_class}-heading">{escape(heading)}</p>'
    return f'{heading_html}<ul class="{css_class}"{english_attr(msg)}>{items}</ul>'
