"""The HTML list of sources that every page uses for facts beyond the texts."""

from __future__ import annotations

from html import escape

from .model import Source


def render_source_list(heading: str, sources: list[Source], css_class: str = "ar-sources") -> str:
    """A heading and one item per source: its linked title, what it supports, and its note."""
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
    return f'<p class="{css_class}-heading">{escape(heading)}</p><ul class="{css_class}">{items}</ul>'
