"""Accessibility in a real browser: axe-core on every kind of page, in both interfaces.

axe-core (bundled by axe-playwright-python) runs the WCAG 2.0 and 2.1 A and
AA rules and its best practices on the home page, the three views of a
document with one English translation and of one with two, the documents
page, a glossary term, the timeline's overview and a year, the annotations
index and the search page with its results, in the English
interface and the Chinese one (zh/); and the pages per year of a busy term
and of a large annotations index, on a small corpus built to have them. Each page is checked as a reader who
opened things sees it: every note and header <details> open, the document's
and the first passage's Cite control open, and a term's definition shown. The
document views are checked again in the dark colour scheme. A failure lists
each violation's rule, impact and help, and the selector of every offending
element, so that it can be fixed from the CI log.

The same pages must make no request outside the test server. The keyboard
walkthrough is tests/test_keyboard.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup

DOCUMENTS = (
    "2007-state-council-opinions",  # two English translations, each missing passages
    "2022-high-quality-development-opinions",  # the official Chinese, notes, terms and events in the text
)
VIEWS = [f"documents/{document}/{view}" for document in DOCUMENTS for view in ("", "zh/", "en/")]
PAGES = [
    "",
    "documents/",
    *VIEWS,
    "glossary/credit-restoration/",
    "timeline/",
    "timeline/2014/",
    "annotations/",
    # A view's citation page, outside the theme.
    "documents/2022-high-quality-development-opinions/en/cite/",
    # The search page with its results shown.
    "search/?q=%E4%BF%A1%E7%94%A8%E4%BF%AE%E5%A4%8D",
    # An address with no page: the web host's 404 page.
    "no-such-page/",
]
INTERFACES = ("", "zh/")
# axe's WCAG 2.0 and 2.1 levels A and AA, and its best practices. No rule is left out.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
    "resultTypes": ["violations"],
}
VIEWPORT = {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


def new_page(browser, color_scheme: str):
    """A page in the light or the dark colour scheme (the theme follows prefers-color-scheme)."""
    return browser.new_context(viewport=VIEWPORT, color_scheme=color_scheme).new_page()


@pytest.fixture(scope="module")
def light(browser) -> Iterator:
    page = new_page(browser, "light")
    yield page
    page.context.close()


@pytest.fixture(scope="module")
def dark(browser) -> Iterator:
    page = new_page(browser, "dark")
    yield page
    page.context.close()


def violation_report(path: str, violations: list[dict]) -> str:
    """Each violation's rule, impact and help, and where it is: enough to fix it from a CI log."""
    lines = [f"{len(violations)} accessibility rule(s) violated on /{path}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>")
        for node in violation["nodes"]:
            # A target is a list of selectors, one per frame or shadow root on the way.
            selector = " >> ".join(str(part) for part in node["target"])
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {selector}: {summary}")
    return "\n".join(lines)


def open_everything(page) -> None:
    """Open what a reader can open, so that axe sees it: notes, the header's <details>, a term's definition.

    Of the Cite controls, the document's and the first passage's (with its
    citations fetched from the view's citation page): every passage's is
    built the same way, and all of them open would take axe's contrast rule
    minutes on a long document.
    """
    page.evaluate(
        """() => [
            ...document.querySelectorAll("details:not(.ar-cite)"),
            document.querySelector(".ar-doc-header .ar-cite"),
            document.querySelector(".ar-row .ar-cite"),
        ].filter(Boolean).forEach(details => { details.open = true; })"""
    )
    if page.locator(".ar-row .ar-cite").count():
        page.wait_for_selector(".ar-row .ar-cite .ar-cite-set")
    term = page.locator(".ar-term-link").first
    if term.count():
        term.focus()
        assert page.locator("#ar-term-popup").is_visible()


def assert_no_violations(page, axe: Axe, base_url: str, path: str) -> None:
    page.goto(base_url + path, wait_until="load")
    # Scrolling (opening the notes and Cite controls) starts the theme's header
    # cross-fade between the site's and the page's titles; a colour measured
    # mid-fade is neither. Transitions off, every state is final at once.
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; animation: none !important; }")
    # The search page checked as a reader sees it: with the results of its query.
    if page.locator("[data-ar-search]").count():
        page.wait_for_selector("[data-ar-search-state=done]")
    open_everything(page)
    violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, violation_report(path, violations)


@pytest.mark.parametrize("interface", INTERFACES, ids=["en", "zh"])
@pytest.mark.parametrize("path", PAGES, ids=[p or "home" for p in PAGES])
def test_no_accessibility_violations(light, axe: Axe, base_url: str, interface: str, path: str) -> None:
    assert_no_violations(light, axe, base_url, interface + path)


# The pages per year that a busy term, a busy event and a large annotations index get (see paged_site).
PAGED = [
    "glossary/sample/",
    "glossary/sample/2001/",
    "timeline/events/fixture-plan/",
    "timeline/events/fixture-plan/2001/",
    "timeline/2003/",
    "annotations/",
    "annotations/2001/",
]


@pytest.fixture(scope="module")
def paged_url(paged_site: Path) -> Iterator[str]:
    from browser import serve

    with serve(paged_site) as url:
        yield url


@pytest.mark.parametrize("interface", INTERFACES, ids=["en", "zh"])
@pytest.mark.parametrize("path", PAGED)
def test_no_accessibility_violations_on_pages_per_year(
    light, axe: Axe, paged_url: str, interface: str, path: str
) -> None:
    assert_no_violations(light, axe, paged_url, interface + path)


@pytest.mark.parametrize("path", VIEWS)
def test_no_accessibility_violations_in_the_dark_scheme(dark, axe: Axe, base_url: str, path: str) -> None:
    # The dark scheme has its own colours for text, links, code, notes and
    # marks; the Chinese interface's pages have the same colours and markup.
    assert_no_violations(dark, axe, base_url, path)
    assert dark.evaluate("document.body.dataset.mdColorScheme") == "slate"


class Requests:
    """A page whose every request (its own, its frames' and its workers') is recorded."""

    def __init__(self, browser) -> None:
        self.context = browser.new_context(viewport=VIEWPORT)
        self.urls: list[str] = []
        self.context.on("request", lambda request: self.urls.append(request.url))
        self.page = self.context.new_page()


@pytest.fixture(scope="module")
def requests(browser) -> Iterator[Requests]:
    recorder = Requests(browser)
    yield recorder
    recorder.context.close()


@pytest.mark.parametrize("interface", INTERFACES, ids=["en", "zh"])
@pytest.mark.parametrize("path", PAGES, ids=[p or "home" for p in PAGES])
def test_every_request_goes_to_the_test_server(requests: Requests, base_url: str, interface: str, path: str) -> None:
    """No fonts, scripts, styles, images or data from another host: every request is the site's own."""
    requests.urls.clear()
    requests.page.goto(base_url + interface + path, wait_until="networkidle")
    open_everything(requests.page)
    requests.page.wait_for_load_state("networkidle")
    origin = urlsplit(base_url)
    # data: URIs (the theme's inline icons) are part of the stylesheet, not requests to anyone.
    outside = [
        url
        for url in requests.urls
        if not url.startswith("data:") and urlsplit(url)[:2] != (origin.scheme, origin.netloc)
    ]
    assert outside == [], f"/{interface}{path} requested from other hosts: {outside}"
    assert base_url + interface + path in requests.urls


def test_every_document_view_skips_to_its_title_and_focuses_followed_passages(site: Path) -> None:
    """The keyboard's way in (the theme's skip link) and the targets of permalinks, on every view."""
    pages = sorted(site.glob("documents/*/**/index.html")) + sorted(site.glob("zh/documents/*/**/index.html"))
    # Each view's citation page (cite/) is a plain page outside the theme, without its skip link.
    views = [path for path in pages if path.parent.name != "cite"]
    assert len(views) == 2 * 3 * len(list(site.glob("documents/*/")))
    for path in views:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        skip = page.select_one("a.md-skip")
        assert skip is not None and skip["href"] == "#document_title", path
        assert page.h1["id"] == "document_title", path
        # Following a permalink or a note's marker gives the passage or the note the focus.
        assert all(row.get("tabindex") == "-1" for row in page.select(".ar-row")), path
        assert all(note.get("tabindex") == "-1" for note in page.select(".ar-note")), path
