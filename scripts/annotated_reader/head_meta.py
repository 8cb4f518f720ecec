"""Reference-manager metadata for a document page's <head>.

Zotero, Google Scholar and other harvesters read Highwire Press `citation_*`
tags and Dublin Core `DC.*` tags; link previews read Open Graph `og:*` tags.
The tags describe the document in the view's language (the Chinese view
carries the Chinese title and issuer), and point at the view's address. The
canonical link itself comes from the theme, from mkdocs.yml's `site_url`.
"""

from __future__ import annotations

from html import escape

from .messages import Messages
from .model import Document
from .site_info import SiteInfo

# Open Graph locales of the content languages.
OG_LOCALES = {"zh": "zh_CN", "en": "en_US"}


def _highwire_date(document: Document) -> str | None:
    """Highwire dates are YYYY/MM/DD, or as much of it as is known."""
    if document.date is None:
        return None
    return str(document.date).replace("-", "/")


def document_meta(document: Document, language: str, url: str, site: SiteInfo, msg: Messages) -> list[tuple[str, str]]:
    """(name or property, content) pairs for one view of `document`; `language` is the view's content language."""
    other = "en" if language == "zh" else "zh"
    title, issuer = document.title[language], document.issuer[language]
    date = _highwire_date(document)
    described = msg("meta_description", issuer=issuer, title=title, date=str(document.date or "n.d."))
    return [
        ("citation_title", title),
        ("citation_author", issuer),
        *([("citation_publication_date", date), ("citation_date", date)] if date else []),
        *([("citation_technical_report_number", document.number)] if document.number else []),
        ("citation_language", language),
        ("citation_publisher", site.name),
        ("citation_public_url", url),
        ("citation_abstract_html_url", url),
        ("DC.title", title),
        ("DC.title.alternative", document.title[other]),
        ("DC.creator", issuer),
        *([("DC.date", str(document.date))] if document.date else []),
        *([("DC.identifier", document.number)] if document.number else []),
        ("DC.identifier", url),
        ("DC.language", language),
        ("DC.publisher", site.name),
        ("DC.type", "Text"),
        ("DC.format", "text/html"),
        ("og:type", "article"),
        ("og:title", title),
        ("og:description", described),
        ("og:url", url),
        ("og:site_name", site.name),
        ("og:locale", OG_LOCALES[language]),
        ("og:locale:alternate", OG_LOCALES[other]),
    ]


def render_meta(tags: list[tuple[str, str]]) -> str:
    """The tags as HTML: Open Graph uses `property`, the others `name`."""
    return "".join(
        f'<meta {"property" if name.startswith("og:") else "name"}="{escape(name)}" content="{escape(content)}">'
        for name, content in tags
    )
