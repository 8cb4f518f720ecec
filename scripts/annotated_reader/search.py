"""The site's search index: Pagefind, fed each page as MkDocs writes it.

mkdocs-material's own search puts the whole site in one JSON file that every
page fetches on its first view (tens of megabytes for a large corpus).
Pagefind splits the index into small pieces that the search page fetches only
for the words asked, so a search costs the same whatever the corpus's size.

One index per interface, in its `pagefind/` folder. Every record is indexed as
Chinese (`force_language`), so that Pagefind's extended build segments Chinese
words in the texts and in the query alike; English words are split at spaces
as usual (without stemming, which a single-language index does not mix in).
A document is indexed in its Chinese and English views, not the parallel one,
which holds the same texts again; the search page links each hit to the
passage it is in (search.js), since every passage row carries its ID.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path

from .pagefind_service import PagefindError, PagefindService

BUNDLE = "pagefind"
# Pagefind's ready-made search interfaces: the site has its own search page (search.js).
UNUSED = ("pagefind-ui", "pagefind-modular-ui", "pagefind-component-ui", "pagefind-highlight")
# Not content: what the pages mark `data-search-exclude` (lines that repeat
# the texts, such as a term page's concordance, and the glossary definitions
# a document page carries for its pop-ups; those two are also cut from the
# page before Pagefind reads it, see `unindexed`), heading and passage links,
# cite and copy tools (a passage's are cut too), the view switcher and
# placeholders for missing texts.
# A term page's renderings table repeats the term's forms once per text (a
# thousand rows at 500 documents, which made the term pages, the first hits
# of a term, the largest part of a first search): only the editors' notes on
# declared variants in it are indexed.
EXCLUDED = [
    "[data-search-exclude]",
    ".ar-renderings thead",
    ".ar-renderings td:not(.ar-rendering-note)",
    ".ar-inside-longer",
    ".headerlink",
    ".ar-tools",
    "nav.ar-views",
    ".ar-missing",
]


# Around a block left out of the index whole, besides its data-search-exclude: the indexer
# cuts it from the page before Pagefind reads it. Pagefind would only parse it to leave it
# out, and a term page's concordance is most of its bytes (megabytes at 500 documents).
UNINDEXED_OPEN = "<!--ar-unindexed-->"
UNINDEXED_CLOSE = "<!--/ar-unindexed-->"
_UNINDEXED = re.compile(re.escape(UNINDEXED_OPEN) + ".*?" + re.escape(UNINDEXED_CLOSE), re.DOTALL)


_HTML_TAG = re.compile(r"<html[^>]*>")


def indexed_part(html: str) -> str:
    """The page as Pagefind reads it: its <html> element around the theme's <article>, the root it indexes.

    Pagefind reads nothing outside the root (`root_selector`), so the rest of
    the page (head, header, navigation, footer) is left out before it is sent:
    a quarter of a document page's bytes that were encoded, sent and parsed
    for nothing. The main article holds the notes' <article>s, so it runs from
    the first <article> to the last </article>.
    """
    start, end = html.find("<article"), html.rfind("</article>")
    opening = _HTML_TAG.search(html)
    if start == -1 or end < start or opening is None:
        return html
    return f"{opening.group()}<body>{html[start : end + len('</article>')]}</body></html>"


def as_sent(html: str) -> str:
    """A written page as it is sent to Pagefind: its indexed part, without the blocks marked unindexed."""
    return _UNINDEXED.sub("", indexed_part(html))


def unindexed(block: str) -> str:
    """A block already marked data-search-exclude, marked to be cut before Pagefind reads the page."""
    return f"{UNINDEXED_OPEN}{block}{UNINDEXED_CLOSE}"


class SearchIndexer:
    """Collects an interface's pages into a Pagefind index while the site is built."""

    def __init__(self) -> None:
        self._service = PagefindService(
            {"force_language": "zh", "root_selector": "article", "exclude_selectors": EXCLUDED}
        )
        self._pages = 0

    def add_page(self, url: str, html: str) -> None:
        """Index a page; `url` is site-relative ("documents/x/zh/")."""
        html = as_sent(html)
        self._service.tell(
            {"type": "AddFile", "index_id": self._service.index_id, "url": "/" + url, "file_contents": html}
        )
        self._pages += 1

    def write(self, site_dir: Path) -> int:
        """Write the index into the site; how many pages it holds. PagefindError if any could not be indexed."""
        try:
            errors = self._service.finish()
            if errors:
                raise PagefindError("; ".join(errors))
            # The files come back through the service and are written here: Pagefind's own
            # WriteFiles answers before its last files are on disk, and the service is then stopped.
            bundle = self._service.ask({"type": "GetFiles", "index_id": self._service.index_id})["files"]
        finally:
            self._service.close()
        for file in bundle:
            if not file["path"].startswith(UNUSED):
                target = site_dir / BUNDLE / file["path"]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(base64.b64decode(file["content"]))
        return self._pages

    def abandon(self) -> None:
        """Stop without writing (the build failed)."""
        self._service.close()


def unindexed_here(view_slug: str, language: str) -> str:
    """The attribute that keeps what every view of a document shows alike out of the index here.

    A note, or the header's facts, is indexed once, in the view of the language
    it is written in (`language`): from the other view the search would give
    the same words again and store them twice. The parallel view ("") is not
    indexed at all (is_indexed), so it needs no attribute.
    """
    return "" if view_slug in ("", language.split("-")[0]) else " data-search-exclude"


# A term's page for one year (site_urls.term_year_url) and an event's (event_year_url), whose
# lines repeat the texts, and the annotations of one year (annotation_index.py), which the
# notes' own pages hold.
_YEAR_PAGE = re.compile(r"(glossary/[^/]+|timeline/events/[^/]+|annotations)/[^/]+/")


def is_indexed(url: str, parallel_view: bool) -> bool:
    """Whether the page at site-relative `url` belongs in the search index."""
    return not parallel_view and url not in ("404.html", "search/") and not _YEAR_PAGE.match(url)
