"""The reader in a real browser: deep links, ranges, view switching, copy link, search, phones.

Every page is served on 127.0.0.1; each test also asserts that no request
left 127.0.0.1 and that the console stayed free of errors.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from browser import require_cjk_font, serve
from conftest import build_site, renamed_passage_project

DOC = "documents/2022-high-quality-development-opinions/"


class Watched:
    """A page whose outside requests and console errors are recorded."""

    def __init__(self, browser, base_url: str, **context_options) -> None:
        self.context = browser.new_context(**context_options)
        self.page = self.context.new_page()
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", self._request)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.base_url = base_url

    def _request(self, request) -> None:
        if not request.url.startswith(("http://127.0.0.1", "data:", "blob:")):
            self.outside.append(request.url)

    def open(self, path: str) -> None:
        self.page.goto(self.base_url + path)
        self.page.wait_for_load_state("load")

    def highlighted(self) -> list[str]:
        return self.page.eval_on_selector_all(".ar-row.ar-highlight", "rows => rows.map(r => r.id)")

    def in_view(self, element_id: str) -> bool:
        return self.page.evaluate(
            """id => { const r = document.getElementById(id).getBoundingClientRect();
                       return r.top >= 0 && r.top < window.innerHeight; }""",
            element_id,
        )

    def close(self) -> None:
        assert self.outside == [], self.outside
        assert self.errors == [], self.errors
        self.context.close()


@pytest.fixture
def watched(browser, base_url: str) -> Iterator[Watched]:
    page = Watched(browser, base_url, viewport={"width": 1280, "height": 900})
    yield page
    page.close()


def test_deep_link_scrolls_to_and_highlights_the_passage(watched: Watched) -> None:
    watched.open(DOC + "#3.9")
    assert watched.highlighted() == ["3.9"]
    assert watched.in_view("3.9")


def test_range_link_highlights_the_range(watched: Watched) -> None:
    watched.open(DOC + "en/#3.9~3.11")
    assert watched.highlighted() == ["3.9", "3.10", "3.11"]
    assert watched.in_view("3.9")


def test_switching_view_keeps_the_passage(watched: Watched) -> None:
    watched.open(DOC + "#4.13")
    watched.page.click(".ar-views a[lang='zh-Hans']")
    watched.page.wait_for_load_state("load")
    assert watched.page.url == watched.base_url + DOC + "zh/#4.13"
    assert watched.highlighted() == ["4.13"]
    assert watched.in_view("4.13")
    watched.page.click(".ar-views a:has-text('English')")
    watched.page.wait_for_load_state("load")
    assert watched.page.url == watched.base_url + DOC + "en/#4.13"


def test_switching_view_without_a_link_keeps_the_passage_in_view(watched: Watched) -> None:
    watched.open(DOC)
    watched.page.evaluate("document.getElementById('5.16').scrollIntoView({block: 'start'})")
    watched.page.wait_for_timeout(100)
    watched.page.click(".ar-views a:has-text('English')")
    watched.page.wait_for_load_state("load")
    assert watched.page.url.endswith(DOC + "en/#5.16") or watched.page.url.endswith(DOC + "en/#5.15")


def test_copy_link_yields_the_passage_url(browser, base_url: str) -> None:
    page = Watched(browser, base_url, viewport={"width": 1280, "height": 900})
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page.open(DOC)
    page.page.click("[id='2.3'] .ar-copy")
    page.page.wait_for_selector("[id='2.3'] .ar-copy[data-copied]")
    assert page.page.evaluate("navigator.clipboard.readText()") == base_url + DOC + "#2.3"
    page.close()


# Each control of a passage's tools: its box, the box of what shows (a <details> shows its
# <summary>), and whether that shows on one line (its height at most one line's).
TOOLS = """row => [...row.querySelector('.ar-tools').children].map(tool => {
  const shown = tool.tagName === 'DETAILS' ? tool.querySelector('summary') : tool;
  const box = tool.getBoundingClientRect(), face = shown.getBoundingClientRect();
  const line = parseFloat(getComputedStyle(shown).lineHeight) || parseFloat(getComputedStyle(shown).fontSize) * 1.6;
  return {name: tool.className, left: box.left, right: box.right, faceLeft: face.left, faceRight: face.right,
          oneLine: face.height <= line * 1.5};
})"""


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("view", ["", "zh/"])
def test_a_passage_tools_sit_on_one_line_each_beside_the_other(browser, base_url: str, view: str, width: int) -> None:
    """Copy link and Cite keep their words whole and their places: neither is drawn over its neighbour."""
    page = Watched(browser, base_url, viewport={"width": width, "height": 900})
    page.open(DOC + view)
    tools = page.page.eval_on_selector("[id='2.3']", TOOLS)
    assert [tool["name"] for tool in tools] == ["ar-permalink", "ar-copy", "ar-cite"]
    for tool in tools:
        assert tool["oneLine"], (view, width, tool)
        # What shows lies inside the control's own box, so the boxes say where each is drawn.
        assert tool["left"] - 1 <= tool["faceLeft"] and tool["faceRight"] <= tool["right"] + 1, (view, width, tool)
    for before, after in itertools.pairwise(tools):
        assert before["right"] <= after["left"] or after["left"] < before["left"], (view, width, before, after)
    page.close()


@pytest.mark.parametrize("interface", ["", "zh/"])
def test_an_address_with_no_page_offers_a_search_and_the_ways_in(browser, base_url: str, interface: str) -> None:
    """A mistyped or cut-short link lands on the 404 page, whose search finds what was looked for."""
    page = Watched(browser, base_url, viewport={"width": 1280, "height": 900})
    response = page.page.goto(base_url + interface + "documents/2022-high-quality-developmen/")
    assert response is not None and response.status == 404
    # The host's one 404 page: English first, then Chinese, each with its own search and links.
    sections = page.page.eval_on_selector_all(
        ".ar-not-found", "ss => ss.map(s => [s.lang, s.querySelector('h1, h2').textContent])"
    )
    assert sections == [["en", "Page not found"], ["zh-Hans", "找不到页面"]]
    links = page.page.eval_on_selector_all(".ar-not-found-links a", "as => as.map(a => a.href)")
    assert base_url + "documents/" in links and base_url + "zh/documents/" in links
    # Home and the navigation's generated sections, each interface's.
    for interface in ("", "zh/"):
        for section in ("", "documents/", "annotations/", "glossary/", "timeline/"):
            assert base_url + interface + section in links, (interface, section, links)
    form = ".ar-not-found[lang='zh-Hans'] form"
    page.page.fill(f"{form} input[name=q]", "信用修复")
    page.page.click(f"{form} button[type=submit]")
    page.page.wait_for_selector("[data-ar-search-state=done]")
    assert page.page.url.startswith(base_url + "zh/search/?q=")
    assert page.page.locator(".ar-search-results li").count() > 0
    # The browser reports the missing page's own status, once; nothing else may fail.
    missing = "Failed to load resource: the server responded with a status of 404 (Not Found)"
    assert page.errors.count(missing) == 1, page.errors
    page.errors.remove(missing)
    page.close()


def test_phone_width_stacks_the_parallel_view(browser, base_url: str) -> None:
    page = Watched(browser, base_url, viewport={"width": 375, "height": 800})
    page.open(DOC + "#3.9")
    zh, en = (
        page.page.eval_on_selector(
            f"[id='3.9'] .ar-cell[data-witness='{w}']", "c => c.getBoundingClientRect().toJSON()"
        )
        for w in ("zh", "en")
    )
    assert en["top"] >= zh["bottom"] - 1
    assert abs(en["left"] - zh["left"]) < 2 and en["width"] > 250
    page.close()


def test_a_renamed_id_still_opens_and_highlights_its_passage(browser, tmp_path: Path) -> None:
    project = renamed_passage_project(tmp_path)
    site = tmp_path / "site"
    build_site(project, site)
    with serve(site) as base_url:
        page = Watched(browser, base_url, viewport={"width": 1280, "height": 900})
        for view in ("", "zh/", "en/"):
            page.open(f"documents/2003-shanghai-opinions/{view}#2.p1")
            assert page.highlighted() == ["2.intro"]
            assert page.in_view("2.intro")
        page.close()


def test_reading_works_without_javascript(browser, base_url: str) -> None:
    page = Watched(browser, base_url, viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    page.open(DOC + "#3.9")
    # The browser's own fragment scrolling and the :target rule do the work.
    assert page.in_view("3.9")
    background = page.page.eval_on_selector("[id='3.9']", "r => getComputedStyle(r).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent"), background
    for witness in ("zh", "en"):
        assert page.page.is_visible(f"[id='3.9'] .ar-cell[data-witness='{witness}']")
    # Controls that need JavaScript are not offered without it.
    assert not page.page.is_visible("[id='3.9'] .ar-copy")
    page.page.click(".ar-views a:has-text('English')")
    page.page.wait_for_load_state("load")
    assert page.page.url == base_url + DOC + "en/"
    assert page.page.is_visible("[id='3.9'] .ar-cell[data-witness='en']")
    page.close()


# WCAG 2 contrast of an element's text against the page, blending
# translucent colours over the background as the browser paints them.
CONTRAST = """
element => {
  const parse = c => c.match(/[\\d.]+/g).map(Number);
  const page = parse(getComputedStyle(document.body).backgroundColor);
  const [r, g, b, a = 1] = parse(getComputedStyle(element).color);
  const text = [r, g, b].map((v, i) => v * a + page[i] * (1 - a));
  const luminance = rgb => {
    const [R, G, B] = rgb.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  const [hi, lo] = [luminance(text), luminance(page.slice(0, 3))].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_colour_scheme_follows_the_reader_and_text_stays_readable(browser, base_url: str, scheme: str) -> None:
    page = Watched(browser, base_url, viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page.open("documents/2007-state-council-opinions/#preamble")
    expected = {"light": "default", "dark": "slate"}[scheme]
    assert page.page.get_attribute("body", "data-md-color-scheme") == expected
    for selector in (
        "[id='preamble'] .ar-cell[data-witness='en-blog']",
        "[id='preamble'] .ar-missing",
        "[id='preamble'] .ar-permalink",
    ):
        ratio = page.page.eval_on_selector(selector, CONTRAST)
        assert ratio >= 4.5, (scheme, selector, ratio)
    page.close()


# Characters per line of a passage's text: its length over its line count.
MEASURE = """
cell => {
  const text = cell.querySelector('.ar-text') || cell;
  const lines = Math.round(text.getBoundingClientRect().height / parseFloat(getComputedStyle(text).lineHeight));
  return text.textContent.length / lines;
}
"""


@pytest.mark.parametrize("view", ["", "zh/", "en/"])
def test_lines_keep_a_readable_length_on_a_wide_screen(browser, base_url: str, view: str) -> None:
    require_cjk_font()
    page = Watched(browser, base_url, viewport={"width": 1920, "height": 1000})
    page.open(DOC + view)
    limits = {"zh": 42, "en": 90}
    for witness, limit in limits.items():
        cell = f"[id='1.1'] .ar-cell[data-witness='{witness}']"
        if page.page.query_selector(cell):
            per_line = page.page.eval_on_selector(cell, MEASURE)
            assert 15 < per_line <= limit, (view, witness, per_line)
    page.close()


NOTE = "note-opinions-2022-huanjie-links"  # on passage 2.5 of the 2022 Opinions


def _note_open(page: Watched, note_id: str) -> bool:
    return page.page.eval_on_selector(f"[id='{note_id}'] details", "d => d.open")


def test_notes_sit_beside_their_passage_on_a_wide_screen(browser, base_url: str) -> None:
    page = Watched(browser, base_url, viewport={"width": 1600, "height": 1000})
    page.open(DOC + "#2.5")
    note = page.page.eval_on_selector(f"[id='{NOTE}']", "n => n.getBoundingClientRect().toJSON()")
    cell = page.page.eval_on_selector(
        "[id='2.5'] .ar-cell[data-witness='en']", "c => c.getBoundingClientRect().toJSON()"
    )
    assert note["left"] >= cell["right"] and note["top"] < cell["bottom"]
    assert _note_open(page, NOTE)
    page.close()


def test_a_note_link_opens_the_folded_note_on_a_narrow_screen(browser, base_url: str) -> None:
    page = Watched(browser, base_url, viewport={"width": 800, "height": 900})
    page.open(DOC + "en/")
    # Folded under their passages, so the text stays readable.
    assert not _note_open(page, NOTE)
    page.open(DOC + "en/#" + NOTE)
    assert _note_open(page, NOTE) and page.in_view(NOTE)
    assert page.page.eval_on_selector(f"[id='{NOTE}']", "n => n.classList.contains('ar-highlight')")
    page.close()


def test_keyboard_reaches_a_note_from_its_quote_and_toggles_it(browser, base_url: str) -> None:
    page = Watched(browser, base_url, viewport={"width": 800, "height": 900})
    page.open(DOC + "en/")
    page.page.focus(f"[id='2.5'] a.ar-noteref[data-note='{NOTE[5:]}']")
    page.page.keyboard.press("Enter")
    page.page.wait_for_function(f"location.hash === '#{NOTE}'")
    assert _note_open(page, NOTE) and page.in_view(NOTE)
    page.page.focus(f"[id='{NOTE}'] summary")
    page.page.keyboard.press("Enter")
    assert not _note_open(page, NOTE)
    page.close()


def test_notes_are_open_without_javascript(browser, base_url: str) -> None:
    page = Watched(browser, base_url, viewport={"width": 800, "height": 900}, java_script_enabled=False)
    page.open(DOC + "en/#" + NOTE)
    assert page.page.is_visible(f"[id='{NOTE}'] .ar-note-body")
    assert page.in_view(NOTE)
    page.close()


def _tab_to_term_link(page, start: str) -> str:
    """Press Tab from `start` until a term link has the focus; its term id."""
    page.focus(start)
    for _ in range(40):
        page.keyboard.press("Tab")
        term = page.evaluate(
            "document.activeElement.classList.contains('ar-term-link') && document.activeElement.dataset.term"
        )
        if term:
            return term
    raise AssertionError(f"no term link reached by Tab from {start}")


def test_keyboard_focus_on_a_term_shows_its_definition(watched: Watched, project) -> None:
    watched.open(DOC + "#3.9")
    page = watched.page
    term_id = _tab_to_term_link(page, "[id='3.9'] .ar-permalink")
    term = next(t for t in project.terms if t.id == term_id)
    popup = page.locator("#ar-term-popup")
    assert popup.is_visible() and popup.get_attribute("role") == "tooltip"
    assert popup.get_attribute("data-term") == term_id
    text = popup.inner_text()
    assert term.zh in text and term.en in text and term.pinyin in text
    # Beside the focused word, not somewhere else on the page.
    link_box = page.evaluate("document.activeElement.getBoundingClientRect().toJSON()")
    box = popup.bounding_box()
    assert abs(box["y"] - link_box["bottom"]) < 12 or abs(box["y"] + box["height"] - link_box["top"]) < 12
    # Screen readers get the same definition as the link's description.
    described = page.evaluate(
        "document.getElementById(document.activeElement.getAttribute('aria-describedby')).textContent"
    )
    assert term.en in described
    page.keyboard.press("Escape")
    assert popup.is_hidden()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/glossary/{term_id}/")
    assert page.locator("h1").inner_text().rstrip("¶").strip() == term.en


def test_hovering_a_term_shows_its_definition_until_the_pointer_leaves(watched: Watched) -> None:
    watched.open(DOC + "#3.9")
    page = watched.page
    link = page.locator("[id='3.9'] .ar-cell[data-witness='en'] .ar-term-link").first
    link.hover()
    popup = page.locator("#ar-term-popup")
    assert popup.is_visible()
    # The pointer may move onto the pop-up (to follow its link) without losing it.
    popup.hover()
    page.wait_for_timeout(500)
    assert popup.is_visible()
    page.mouse.move(5, 450)
    page.wait_for_timeout(500)
    assert popup.is_hidden()


def test_a_first_tap_shows_the_definition_and_a_second_opens_the_term(browser, base_url: str) -> None:
    phone = Watched(browser, base_url, viewport={"width": 375, "height": 800}, has_touch=True, is_mobile=True)
    phone.open(DOC + "#3.9")
    page = phone.page
    link = page.locator("[id='3.9'] .ar-cell[data-witness='zh'] .ar-term-link").first
    term_id = link.get_attribute("data-term")
    link.tap()
    popup = page.locator("#ar-term-popup")
    assert popup.is_visible() and page.url.endswith(DOC + "#3.9")
    box = popup.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    page.tap("h1")  # tapping elsewhere closes it
    assert popup.is_hidden()
    link.tap()
    assert popup.is_visible()
    link.tap()
    page.wait_for_url(f"**/glossary/{term_id}/")
    phone.close()


def test_without_javascript_a_term_is_a_link_to_its_page(browser, base_url: str) -> None:
    plain = Watched(browser, base_url, java_script_enabled=False)
    plain.open(DOC + "#3.9")
    page = plain.page
    assert page.locator(".ar-term-definitions").is_hidden()
    link = page.locator("[id='3.9'] .ar-cell[data-witness='zh'] .ar-term-link").first
    term_id = link.get_attribute("data-term")
    link.click()
    page.wait_for_url(f"**/glossary/{term_id}/")
    assert page.locator("svg.ar-chart").is_visible()
    plain.close()


@pytest.mark.parametrize("width", [1280, 375])
def test_term_pages_read_at_desktop_and_phone_widths(browser, base_url: str, width: int, project) -> None:
    reader = Watched(browser, base_url, viewport={"width": width, "height": 900})
    page = reader.page
    for path in ["glossary/", *(f"glossary/{t.id}/" for t in project.terms)]:
        reader.open(path)
        # Nothing wider than the screen: the reader never scrolls sideways.
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), path
    reader.open("glossary/credit-restoration/")
    chart = page.locator("svg.ar-chart").bounding_box()
    assert chart["width"] > 200 and chart["height"] > 40
    # A concordance line opens its passage, highlighted, in its language's view.
    page.locator(".ar-kwic[lang='zh-Hans'] .ar-kwic-keyword a").first.click()
    page.wait_for_url("**/documents/2022-high-quality-development-opinions/zh/#3.9")
    assert page.evaluate("document.querySelector(':target').id") == "3.9"
    assert reader.in_view("3.9") and "3.9" in reader.highlighted()
    reader.close()


@pytest.mark.parametrize("width", [1280, 375])
def test_the_timeline_overview_reads_in_order_at_desktop_and_phone_widths(browser, base_url: str, width: int) -> None:
    reader = Watched(browser, base_url, viewport={"width": width, "height": 900})
    reader.open("timeline/")
    page = reader.page
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    labels = page.locator("ol.ar-timeline > li.ar-year .ar-year-label")
    assert labels.all_inner_texts() == [str(y) for y in range(2003, 2023)]
    tops = [box["y"] for box in (label.bounding_box() for label in labels.all())]
    assert tops == sorted(tops) and len(set(tops)) == 20  # one year under the other, none hidden
    # The axis is drawn: a visible line down the list of years.
    assert page.eval_on_selector("ol.ar-timeline", "o => parseFloat(getComputedStyle(o).borderLeftWidth)") >= 2
    page.locator("ol.ar-timeline a", has_text="18th National Congress").click()
    page.wait_for_url("**/timeline/events/18th-party-congress/")
    page.locator(".ar-mention a").first.click()
    page.wait_for_url("**/documents/2014-planning-outline/zh/#preamble.p3")
    assert "preamble.p3" in reader.highlighted()
    reader.close()


def test_the_timeline_prints_without_navigation(browser, base_url: str) -> None:
    reader = Watched(browser, base_url)
    reader.open("timeline/2014/")
    page = reader.page
    page.emulate_media(media="print")
    assert page.locator(".ar-year-nav").first.is_hidden()
    assert page.locator(".ar-year-events li").first.is_visible()
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") >= 1
    reader.close()
