"""Where generated pages live on the site: one place for every link to a document view.

Links are directory URLs relative to the site root; callers prefix the path
from their own page to the root ("../../", "../") so the site works under
any base path.
"""

from __future__ import annotations


def document_url(document_id: str, view_slug: str = "") -> str:
    """Site-relative URL of a document view: "" is the parallel view, "zh" or "en" the others."""
    return f"documents/{document_id}/" + (f"{view_slug}/" if view_slug else "")


def term_url(term_id: str) -> str:
    """Site-relative URL of a glossary term's page."""
    return f"glossary/{term_id}/"


def term_year_url(term_id: str, year: str) -> str:
    """Site-relative URL of a term's page for one year of its documents ("2014", or "undated")."""
    return f"{term_url(term_id)}{year}/"


def event_url(event_id: str) -> str:
    """Site-relative URL of a timeline event's page."""
    return f"timeline/events/{event_id}/"


def event_year_url(event_id: str, year: str) -> str:
    """Site-relative URL of the passages of one year's documents that name an event ("2014", or "undated")."""
    return f"{event_url(event_id)}{year}/"


def year_url(year: int) -> str:
    """Site-relative URL of a timeline year's page."""
    return f"timeline/{year}/"


def passage_url(document_id: str, passage: str, view_slug: str = "") -> str:
    """Site-relative URL of a passage in a document view: the view's URL and the passage ID as fragment."""
    return f"{document_url(document_id, view_slug)}#{passage}"


# Where each interface language's site lives, relative to the English site's root.
INTERFACE_ROOTS = {"en": "", "zh": "zh/"}


def interface_root(language: str, other: str) -> str:
    """From the root of one interface's site to the root of another's: "zh/", "../" or ""."""
    # Up out of this interface's folder to the English root, then down into the other's.
    return "../" * INTERFACE_ROOTS[language].count("/") + INTERFACE_ROOTS[other]


def interface_switch_url(language: str, root: str, site_relative: str) -> str:
    """The same page in the other interface language, from a page `root` away from its own site's root."""
    return root + interface_root(language, "zh" if language == "en" else "en") + site_relative
