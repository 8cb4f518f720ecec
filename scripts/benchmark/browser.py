"""What a reader's browser downloads: a document page's first view, and a first search.

Measured in Debian's chromium, headless, driven by Playwright, from the gzip
server (`gzip_server`), each time in a fresh browser context (an empty
cache). The figure is the sum of the response bodies as transferred
(compressed where the server compressed them; Content-Length where
chromium reports none, as for a worker's script) of every request the page
made until the measurement's end:

- first view: the page, its CSS, scripts, images and whatever they fetch
  on their own, until the network has been idle for half a second;
- our search: `search/?q=<query>` until the results list's container says
  `data-ar-search-state="done"` (the search page's contract), or "n/a" while
  the site has no search page;
- material's search (the baseline): a page, then the query typed into
  material's search box, until the result count shows.
"""

from __future__ import annotations

import importlib.util
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# Headless on a machine with no network but loopback; the browser tests (tests/browser.py) use these too.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 800}
SEARCH_TIMEOUT_MS = 60_000
# How long to wait for material's search to answer before typing the query again.
RETYPE_MS = 5_000
# How long material's result count must stay the same to be the query's.
STABLE_MS = 1_000
SEARCH_DONE = '[data-ar-search-state="done"]'
SEARCH_RESULTS = "ol.ar-search-results li"
MATERIAL_META = ".md-search-result__meta"
# The result count material shows once a search has run ("No matching documents", "3 matching documents").
MATERIAL_DONE = f"() => /matching/i.test(document.querySelector('{MATERIAL_META}')?.textContent || '')"


@dataclass(frozen=True)
class Transfer:
    """Bytes a measurement downloaded, or None with the reason it could not be measured."""

    bytes: int | None
    requests: int = 0
    note: str = ""


def unavailable() -> str | None:
    """Why the browser measurements cannot run here, or None."""
    if not CHROMIUM.exists():
        return f"no chromium at {CHROMIUM} (apt-get install chromium)"
    if importlib.util.find_spec("playwright") is None:
        return "Playwright is not installed (pip install the test dependencies)"
    return None


class Browser:
    """One headless chromium for a series of measurements."""

    def __enter__(self) -> Browser:
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._browser.close()
        self._playwright.stop()

    def _page(self):
        context = self._browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        finished: list = []
        page.on("requestfinished", lambda request: finished.append(request))
        return context, page, finished

    def first_view(self, url: str) -> Transfer:
        """A page opened with an empty cache, until the network is idle."""
        context, page, finished = self._page()
        try:
            page.goto(url, wait_until="load")
            page.wait_for_load_state("networkidle")
            return _transferred(finished)
        finally:
            context.close()

    def search(self, site: Path, base_url: str, query: str) -> Transfer:
        """Our search page's first query, until it says it is done."""
        if not (site / "search" / "index.html").is_file():
            return Transfer(None, note="no search page at search/ yet")
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        context, page, finished = self._page()
        try:
            page.goto(f"{base_url}search/?q={urllib.parse.quote(query)}", wait_until="load")
            try:
                page.wait_for_selector(SEARCH_DONE, state="attached", timeout=SEARCH_TIMEOUT_MS)
            except PlaywrightTimeout:
                return Transfer(None, note=f"the search did not finish in {SEARCH_TIMEOUT_MS // 1000} s")
            found = page.locator(SEARCH_RESULTS).count()
            return _transferred(finished, f"{found} results")
        finally:
            context.close()

    def material_search(self, base_url: str, query: str) -> Transfer:
        """Material's search: open the home page, type the query in the search box, until the result count shows."""
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        context, page, finished = self._page()
        try:
            page.goto(base_url, wait_until="load")
            page.click("input.md-search__input")
            page.fill("input.md-search__input", query)
            for _ in range(SEARCH_TIMEOUT_MS // RETYPE_MS):
                try:
                    page.wait_for_function(MATERIAL_DONE, timeout=RETYPE_MS)
                    break
                except PlaywrightTimeout:
                    # A query typed while the search worker was still starting is not rerun:
                    # material searches on a key's release, so release one that edits nothing.
                    page.keyboard.press("End")
            else:
                return Transfer(None, note=f"no results in {SEARCH_TIMEOUT_MS // 1000} s")
            # Material can show "No matching documents" for a moment before the
            # results of the query: the count is final once it stops changing.
            count = ""
            while count != (count := page.locator(MATERIAL_META).inner_text().strip()):
                page.wait_for_timeout(STABLE_MS)
            return _transferred(finished, count)
        finally:
            context.close()


def _transferred(finished: list, note: str = "") -> Transfer:
    from playwright.sync_api import Error as PlaywrightError

    total = 0
    for request in finished:
        try:
            size = request.sizes()["responseBodySize"]
            if size <= 0 and (response := request.response()) is not None:
                # Chromium reports no body size for a worker's script; the
                # server's Content-Length is the bytes it sent.
                size = int(response.headers.get("content-length", "0"))
        except PlaywrightError:
            continue
        total += size
    return Transfer(total, len(finished), note)
