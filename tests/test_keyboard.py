"""Reading a document with the keyboard alone, in a real browser.

From a document page, with nothing but Tab, Shift+Tab, Enter, Space and
Escape: past the header by the skip link, open a passage by its permalink,
switch to the English view at the same passage, open the passage's note from
its marker and fold it again, show a term's definition, close it and open the
term's page. After every key press the element that has the focus must show a
focus indicator (an outline or a box shadow) and be on screen, not hidden
under the sticky header, view switch or column heads (WCAG 2.4.7 and 2.4.11).
The screen is a laptop's, narrower than 76em, where notes are folded under
their passages.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from test_browser import DOC, Watched

PASSAGE = "preamble"  # with a note on the whole passage, and terms in its text
LAPTOP = {"width": 1100, "height": 800}

# What has the focus, whether it shows a focus indicator, and whether a reader
# can see it: on screen, and the topmost element at its centre (its first
# line's, for a link that wraps) rather than covered by a sticky bar or a pop-up.
FOCUS = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const style = getComputedStyle(element);
  const outlined = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  const box = element.getClientRects()[0] || element.getBoundingClientRect();
  const onScreen = box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight
    && box.right > 0 && box.left < innerWidth;
  const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  const text = (element.getAttribute("aria-label") || element.textContent || "").trim().slice(0, 40);
  return {
    element: `${element.tagName.toLowerCase()}.${[...element.classList].join(".")} "${text}"`,
    indicator: outlined || style.boxShadow !== "none",
    onScreen,
    uncovered: top !== null && element.contains(top),
    covering: top ? `${top.tagName.toLowerCase()}.${[...top.classList].join(".")}` : "",
    box: `${Math.round(box.left)},${Math.round(box.top)} ${Math.round(box.width)}x${Math.round(box.height)}`,
  };
}"""


class Keyboard:
    """Key presses on a page, each followed by a check that the focus can be seen."""

    def __init__(self, page) -> None:
        self.page = page
        self.presses = 0

    def press(self, key: str, opens_a_page: bool = False) -> None:
        assert key in ("Tab", "Shift+Tab", "Enter", "Space", "Escape")
        self.presses += 1
        if opens_a_page:
            with self.page.expect_navigation():
                self.page.keyboard.press(key)
            return
        self.page.keyboard.press(key)
        if key != "Tab" and key != "Shift+Tab":
            # What the key set off (a followed link's hashchange, the script's
            # handlers) is done by the next frames; the focus is checked then.
            self.page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        focus = self.page.evaluate(FOCUS)
        if focus is None:  # the focus given back to the page itself
            return
        assert focus["indicator"], f"no focus indicator on {focus['element']} after {key}"
        assert focus["onScreen"], f"{focus['element']} has the focus off screen ({focus['box']}) after {key}"
        assert focus["uncovered"], (
            f"{focus['element']} at {focus['box']} has the focus under {focus['covering']} after {key}"
        )

    def press_until(self, key: str, condition: str, limit: int = 120) -> None:
        """Press `key` until the focused element `e` meets `condition` (a JavaScript expression)."""
        for _ in range(limit):
            self.press(key)
            if self.page.evaluate(f"(e => !!({condition}))(document.activeElement)"):
                return
        raise AssertionError(f"{limit} presses of {key} never reached an element where {condition}")

    def active(self, expression: str):
        return self.page.evaluate(f"(e => {expression})(document.activeElement)")


@pytest.fixture
def laptop(browser, base_url: str) -> Iterator[Watched]:
    page = Watched(browser, base_url, viewport=LAPTOP)
    yield page
    page.close()


def test_a_document_reads_with_the_keyboard_alone(laptop: Watched, base_url: str, project) -> None:
    laptop.open(DOC)
    page = laptop.page
    keys = Keyboard(page)

    # Past the header and the navigation: the theme's skip link is the first stop.
    keys.press("Tab")
    assert keys.active("e.matches('.md-skip')")
    keys.press("Enter")
    assert page.url == base_url + DOC + "#document_title"

    # Open a passage: its permalink, followed.
    keys.press_until("Tab", f"e.matches('.ar-permalink') && e.getAttribute('href') === '#{PASSAGE}'")
    keys.press("Enter")
    assert page.url == base_url + DOC + "#" + PASSAGE
    assert laptop.highlighted() == [PASSAGE] and laptop.in_view(PASSAGE)
    assert keys.active("e.closest('.ar-row').id") == PASSAGE

    # Switch view: back to the view switch (it stays at the top of the screen)
    # and into the English view, which opens at the same passage.
    keys.press_until("Shift+Tab", "e.matches('.ar-view-link') && e.textContent.trim() === 'English'")
    keys.press("Enter", opens_a_page=True)
    assert page.url == base_url + DOC + "en/#" + PASSAGE
    assert page.inner_text(".ar-view-link[aria-current='page']").strip() == "English"
    assert laptop.highlighted() == [PASSAGE] and laptop.in_view(PASSAGE)

    # Read its note: folded on this screen until its marker is followed.
    note = page.get_attribute(f"[id='{PASSAGE}'] .ar-noteref", "href")[1:]
    body = page.locator(f"[id='{note}'] .ar-note-body")
    assert body.is_hidden()
    # The passage the page opened at is where Tab starts from.
    keys.press("Tab")
    assert keys.active("e.closest('.ar-row') && e.closest('.ar-row').id") == PASSAGE
    keys.press_until("Tab", f"e.matches('.ar-noteref') && e.getAttribute('href') === '#{note}'", limit=10)
    keys.press("Enter")
    page.wait_for_function(f"location.hash === '#{note}'")
    assert body.is_visible() and laptop.in_view(note)
    # The note's own summary folds and unfolds it.
    keys.press("Tab")
    assert keys.active("e.matches('summary') && e.closest('.ar-note').id") == note
    keys.press("Space")
    assert body.is_hidden()
    keys.press("Space")
    assert body.is_visible()

    # A term in the text: focus shows its definition; Escape hides it; Enter opens its page.
    keys.press_until("Tab", "e.matches('.ar-term-link')")
    term_id = keys.active("e.dataset.term")
    term = next(t for t in project.terms if t.id == term_id)
    popup = page.locator("#ar-term-popup")
    assert popup.is_visible() and popup.get_attribute("data-term") == term_id
    definition = popup.inner_text()
    assert term.en in definition and term.zh in definition and term.definition.split()[0] in definition
    keys.press("Escape")
    assert popup.is_hidden()
    keys.press("Enter", opens_a_page=True)
    assert page.url == f"{base_url}glossary/{term_id}/"
    assert page.locator("h1").inner_text().rstrip("¶").strip() == term.en
    assert keys.presses < 120  # a walk, not a crawl through every control on the page


def test_the_closed_navigation_drawer_takes_no_focus(laptop: Watched, base_url: str) -> None:
    """Below 76.25em the navigation is a drawer, off screen until opened: Tab must not go into it unseen."""
    page = laptop.page
    page.goto(base_url + DOC + "en/")
    # From the top of the page, without the skip link, to the document: no stop in the closed drawer.
    stops = []
    for _ in range(60):
        page.keyboard.press("Tab")
        where = page.evaluate(
            "(e => e.closest('.md-sidebar--primary') ? 'drawer' : e.closest('.md-content') ? 'content' : 'other')"
            "(document.activeElement)"
        )
        stops.append(where)
        if where == "content":
            break
    assert stops[-1] == "content" and "drawer" not in stops, stops
    assert page.evaluate("getComputedStyle(document.querySelector('.md-sidebar--primary')).visibility") == "hidden"
    # Opened, its links are there to be reached.
    page.click("label.md-header__button[for='__drawer']")
    page.wait_for_function("getComputedStyle(document.querySelector('.md-sidebar--primary')).visibility === 'visible'")
    assert page.is_visible(".md-sidebar--primary .md-nav__link")
