"""The search page: a form whose query search.js runs against the Pagefind index.

The query is in the address (`search/?q=信用修复`), so a search can be linked
to, and the header's search button (templates/partials/search-link.html) and
the form itself work as plain links and forms. Results link to the passage a
hit is in; the interface's words for them are data attributes, read by the script.
"""

from __future__ import annotations

from html import escape

from .interface import heading
from .messages import Messages
from .search import BUNDLE

SEARCH_URI = "search/index.md"
SCRIPT = "search.js"


def render_search_page(msg: Messages, assets_uri: str) -> str:
    """HTML of the search page (at search/, so the site root is "../")."""
    words = {
        "loading": msg("search_loading"),
        "none": msg("search_none"),
        "one": msg.pattern("search_results", count=1),
        "other": msg.pattern("search_results", count=2),
        "passages": msg("search_passages"),
        "failed": msg("search_failed"),
    }
    data = " ".join(f'data-{key}="{escape(value)}"' for key, value in words.items())
    return "\n".join(
        [
            heading(1, msg("search_title"), "search"),
            f'<div class="ar-search" data-ar-search data-root="../" data-bundle="{BUNDLE}/" {data}>',
            '<form class="ar-search-form" role="search" action="./" method="get">',
            f'<label for="ar-search-query">{escape(msg("search_label"))}</label>',
            '<input type="search" id="ar-search-query" name="q" autocomplete="off" spellcheck="false">',
            f'<button type="submit" class="md-button">{escape(msg("search_button"))}</button>',
            "</form>",
            '<p class="ar-search-status" role="status" aria-live="polite"></p>',
            '<ol class="ar-search-results"></ol>',
            f'<button type="button" class="md-button ar-search-more" hidden>{escape(msg("search_more"))}</button>',
            f'<noscript><p class="ar-search-status">{escape(msg("search_needs_js"))}</p></noscript>',
            "</div>",
            f'<script type="module" src="../{assets_uri}{SCRIPT}"></script>',
            "",
        ]
    )
