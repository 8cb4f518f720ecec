"""A view's citation page: every passage's citations in every style, one section per passage.

Each view of a document has one, in its folder:

    documents/<id>/cite/      the parallel view's passages, every witness
    documents/<id>/zh/cite/   the Chinese view's
    documents/<id>/en/cite/   the English view's

A section's id is its passage's segment ID, so a passage's Cite control links
`cite/#<segment-id>`: without JavaScript that link opens this page at the
passage, and reader.js fetches the page once, when a Cite control is first
opened, and puts the passage's citations into the control. Kept out of the
view, they no longer make three quarters of its HTML, which a phone would
otherwise parse and lay out before the text is ready.

The page is a plain HTML document, written beside the view when the view is
(mkdocs_plugin.py), not a page of the theme: it is a store of citations that
also reads on its own, with the reader's stylesheet and script for the copy
buttons and today's access dates.
"""

from __future__ import annotations

from html import escape

from .cite_html import citation_sets, version_note
from .labels import citation_label
from .messages import HTML_LANG
from .model import Document
from .pages import Reading, View, view_root, view_title, view_url

FOLDER = "cite/"


def cite_page_path(document: Document, view: View) -> str:
    """Site-relative path of the file holding a view's citations."""
    return view_url(document, view) + FOLDER + "index.html"


def render_cite_page(document: Document, view: View, reading: Reading, assets: str, icon: str | None = None) -> str:
    """The whole HTML file of a view's citation page.

    `assets` is the site-relative folder of reader.css and reader.js, `icon`
    the site's icon (without one, browsers ask for /favicon.ico).
    """
    msg, site = reading.msg, reading.site
    assert site is not None, "citation pages are written only for a site being cited"
    root = "../" + view_root(view)  # from the view's cite/ folder
    label_language = view.text_language
    lang = f' lang="{HTML_LANG[label_language]}"' if label_language != msg.language else ""
    sections = []
    for passage in document.segment_ids:
        targets = reading.cite_targets(document, passage, view)
        if not targets:
            continue
        label = escape(citation_label(document, passage, label_language))
        sections.append(
            f'<section class="ar-cite-passage" id="{escape(passage)}">'
            f'<h2{lang}><a href="../#{escape(passage)}">{label}</a></h2>'
            f"{citation_sets(targets, site, msg)}</section>"
        )
    title = escape(msg("cite_page_title", title=view_title(document, view, msg)))
    head = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title>",
        *([f'<link rel="icon" href="{root}{escape(icon)}">'] if icon else []),
        f'<link rel="stylesheet" href="{root}{assets}reader.css">',
    ]
    body = [
        f"<h1>{title}</h1>",
        f'<p><a href="../">{escape(msg("cite_page_back"))}</a></p>',
        version_note(site, msg),
        *sections,
    ]
    return "\n".join(
        [
            "<!doctype html>",
            f'<html lang="{msg.html_lang}">',
            "<head>",
            *head,
            "</head>",
            '<body class="ar-cite-page">',
            "<main>",
            *body,
            "</main>",
            f'<script src="{root}{assets}reader.js"></script>',
            "</body>",
            "</html>",
            "",
        ]
    )
