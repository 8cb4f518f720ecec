"""The documents page: every document of the corpus, in time order.

The navigation links to this one page rather than listing each document, so
that a page's size and build cost do not grow with the corpus: with every
document in the navigation, each page of a 500-document corpus would carry
500 links.
"""

from __future__ import annotations

from html import escape

from .interface import heading
from .messages import Messages
from .model import Corpus
from .notes import NoteIndex
from .pages import render_corpus_list

DOCUMENTS_URI = "documents/index.md"


def render_documents_index(corpus: Corpus, notes: NoteIndex, msg: Messages) -> str:
    """HTML of the documents page."""
    intro = msg("documents_intro", count=len(corpus.documents))
    return "\n".join(
        [
            heading(1, msg("nav_documents"), "documents"),
            f'<p class="ar-index-intro">{escape(intro)}</p>\n',
            render_corpus_list(corpus, notes, msg, root="../"),
            "",
        ]
    )
