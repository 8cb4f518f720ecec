"""Generated pages as MkDocs gets them: finished HTML that skips Markdown.

Every generated page (the document views, term, event, year and index pages)
is HTML when it is made. Python-Markdown would only parse it again: its raw
HTML handling and md_in_html feed every tag through an HTML parser, which
was most of a build's time and grew with the corpus. So MkDocs is given an
empty page, and the plugin puts the finished HTML in place of its rendering,
with what Markdown would have made of it: the heading permalinks, the table
of contents, the title and the ids that links may point at.

A section heading is written by `interface.heading` with a mark that
`finish` replaces by the permalink the toc extension would have added, and
it enters the table of contents; any other heading is left as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape, unescape

from markdown.extensions.toc import nest_toc_tokens

# What interface.heading writes; nothing else in a generated page carries the mark.
SECTION_MARK = "data-ar-section"
_SECTION = re.compile(rf'<h([1-6]) id="([^"]*)"((?: lang="[^"]*")?) {SECTION_MARK}>(.*?)</h\1>', re.S)
_ID = re.compile(r'\sid="([^"]*)"')
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class ReadyPage:
    """A generated page's finished HTML, as MkDocs will show it."""

    html: str
    title: str  # plain text, for <title> and the navigation
    toc: list[dict]  # nested, as the toc extension's toc_tokens (MkDocs's get_toc takes them)
    anchor_ids: frozenset[str]


def finish(html: str, permalink_title: str | None, title: str | None = None) -> ReadyPage:
    """The page with its section headings' permalinks, its table of contents and its ids.

    Headings get no permalink when `permalink_title` is None (the toc
    extension's `permalink` is off). The title is `title`, else the text of
    the first section heading of level 1.
    """
    tokens = []

    def permalink(match: re.Match) -> str:
        level, anchor, lang_attr, text = match.groups()
        tokens.append({"level": int(level), "id": unescape(anchor), "name": text, "children": []})
        link = (
            f'<a class="headerlink" href="#{anchor}" title="{escape(permalink_title)}">&para;</a>'
            if permalink_title is not None
            else ""
        )
        return f'<h{level} id="{anchor}"{lang_attr}>{text}{link}</h{level}>'

    finished = _SECTION.sub(permalink, html)
    if title is None:
        title = next((unescape(_TAG.sub("", t["name"])) for t in tokens if t["level"] == 1), "")
    ids = frozenset(unescape(anchor) for anchor in _ID.findall(finished))
    return ReadyPage(finished, title, nest_toc_tokens(tokens), ids)
