"""Annotation bodies: Markdown in, safe HTML out, and unsafe HTML named as a problem.

Bodies are written by contributors and shown on every page of the site, so
two things happen. First, `unsafe_html` lists everything in the rendered body
that is not plain prose markup (scripts, iframes, images, styles, event
handlers, `javascript:` links...), so that the contributor gets an error
saying what to remove. Second, `render_body` always passes the HTML through
nh3 (the Ammonia sanitiser) with the same allow-list, so nothing unsafe can
reach a page even if a check were skipped.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown
import nh3

# Prose markup only. No images: they would load from other hosts.
ALLOWED_TAGS = {
    "p", "br", "em", "strong", "i", "b", "code", "pre", "blockquote", "ul", "ol", "li",
    "a", "sup", "sub", "span", "abbr", "q", "cite", "hr", "dl", "dt", "dd",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "*": {"lang"},
}
URL_SCHEMES = {"http", "https", "mailto"}
_TAG = re.compile(r"<[^>]+>")


# One converter, reset between bodies: building one per body was a third of the conversion.
_CONVERTER = markdown.Markdown(extensions=["sane_lists"])


@lru_cache(maxsize=65_536)
def _markdown(body: str) -> str:
    # Cached too: the check reads each body's HTML for what is not allowed, then the pages show it.
    return _CONVERTER.reset().convert(body)


# A note or definition is shown on many pages (every view of its document, term and index
# pages): each body is rendered once per build. Bounded, so a long `mkdocs serve` cannot grow.
@lru_cache(maxsize=65_536)
def render_body(body: str) -> str:
    """The body's Markdown as sanitised HTML."""
    html = _markdown(body)
    attributes = {tag: ALLOWED_ATTRIBUTES.get(tag, set()) | ALLOWED_ATTRIBUTES["*"] for tag in ALLOWED_TAGS}
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=attributes,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


@lru_cache(maxsize=65_536)
def plain_summary(body: str, limit: int = 160) -> str:
    """The body as plain text, cut after its first sentence, or at `limit` characters, for lists and tables."""
    text = " ".join(html.unescape(_TAG.sub(" ", render_body(body))).split())
    for end in (". ", "? ", "。", "？"):
        cut = text.find(end)
        if 0 < cut < limit:
            return text[: cut + len(end)].strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def unsafe_html(body: str) -> list[str]:
    """What the body's rendered HTML contains that a note may not: one description per finding."""
    finder = _UnsafeFinder()
    finder.feed(_markdown(body))
    finder.close()
    return finder.findings


class _UnsafeFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []

    def _add(self, finding: str) -> None:
        if finding not in self.findings:
            self.findings.append(finding)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            what = "images" if tag == "img" else f"<{tag}>"
            self._add(f"{what} not allowed")
            return
        allowed = ALLOWED_ATTRIBUTES.get(tag, set()) | ALLOWED_ATTRIBUTES["*"]
        for name, value in attrs:
            if name not in allowed:
                self._add(f"attribute '{name}' on <{tag}> not allowed")
            elif name == "href" and value is not None:
                scheme = urlsplit(value.strip()).scheme.lower()
                if scheme and scheme not in URL_SCHEMES:
                    self._add(f"'{scheme}:' links not allowed")

    def handle_comment(self, data: str) -> None:
        self._add("HTML comments not allowed")
