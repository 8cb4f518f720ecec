"""Printing a document page, in a real browser: the print stylesheet's layout, and Chromium's PDF.

The layout is checked with print media emulated (positions and visibility
in the DOM); the PDF is checked by its page count and its text, extracted
with pypdf. Chromium prints to PDF only headless, as these tests run it.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import pypdf
import pytest

from browser import require_cjk_font
from test_browser import Watched

DOC = "documents/2022-high-quality-development-opinions/"
# Wide enough for the notes' margin column on screen; and the width of a
# laptop, where reader.js folds the notes under their passages.
WIDE = {"width": 1280, "height": 900}
NARROW = {"width": 1000, "height": 800}
# Site chrome and screen-only controls that have no place on paper.
CHROME = (
    ".md-header",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-footer",
    ".ar-views",
    ".ar-copy",
    ".ar-cite",
)


@pytest.fixture
def printed(browser, base_url: str) -> Iterator[Watched]:
    """The parallel view of DOC, laid out for print, every note folded first."""
    page = Watched(browser, base_url, viewport=WIDE)
    page.open(DOC)
    # Closed notes must print all the same: the stylesheet opens them.
    page.page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = false; })")
    page.page.emulate_media(media="print")
    yield page
    page.close()


# The theme's script, which opens every <details> for printing too (and
# restores them after), and the reader's.
THEME_SCRIPT = "**/assets/javascripts/bundle.*.min.js"
READER_SCRIPT = "**/assets/annotated-reader/reader.js"


def leave_out(page: Watched, *scripts: str) -> None:
    """Serve these scripts empty, so that a test sees what the others (or the stylesheet) do alone."""
    for pattern in scripts:
        page.context.route(pattern, lambda route: route.fulfill(body="", content_type="text/javascript"))


def boxes(page, selector: str) -> list[dict]:
    return page.eval_on_selector_all(selector, "els => els.map(e => e.getBoundingClientRect().toJSON())")


def pdf_text(pdf: bytes) -> tuple[int, str]:
    """The PDF's page count, and its text with every space and line break removed.

    Without white space, a line broken at another place than on screen, or a
    space that the extraction adds or drops between Chinese characters, does
    not hide text that is there. Notes quote the Chinese texts, so a Chinese
    font must be there for their words to reach the PDF as text.
    """
    require_cjk_font()
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = "".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), re.sub(r"\s+", "", text)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_parallel_view_prints_the_texts_side_by_side(printed: Watched) -> None:
    page = printed.page
    rows = page.eval_on_selector_all(
        ".ar-row", "rows => rows.map(r => ({id: r.id, cells: r.querySelectorAll(':scope > .ar-cell').length}))"
    )
    assert rows and all(row["cells"] == 2 for row in rows), rows
    for row in rows:
        first, second = boxes(page, f"[id='{row['id']}'] > .ar-cell")
        assert abs(first["top"] - second["top"]) < 1, row["id"]
        assert second["left"] >= first["right"], row["id"]
        # The notes' margin column is gone: the two texts share the page.
        assert abs(first["width"] - second["width"]) < 2, row["id"]


def test_each_printed_row_starts_with_its_citation_label(printed: Watched) -> None:
    labels = printed.page.eval_on_selector_all(
        ".ar-row",
        """rows => rows.map(r => {
             const before = getComputedStyle(r, '::before');
             return {label: r.dataset.label, content: before.content, display: before.display,
                     tools: r.querySelector('.ar-tools').getBoundingClientRect().top
                            - r.getBoundingClientRect().top,
                     cell: r.querySelector('.ar-cell').getBoundingClientRect().top
                           - r.getBoundingClientRect().top};
           })""",
    )
    for row in labels:
        assert row["content"] == f'"{row["label"]}"' and row["display"] != "none", row
        # The label's line (shared with the passage ID) comes before the texts.
        assert row["tools"] < row["cell"], row


def test_print_hides_the_site_chrome_and_plain_links(printed: Watched) -> None:
    page = printed.page
    for selector in CHROME:
        assert page.locator(selector).count() > 0, f"{selector} is not on the page: the check would prove nothing"
        assert page.locator(selector).evaluate_all("els => els.every(e => e.getClientRects().length === 0)"), selector
    term = page.eval_on_selector(
        ".ar-cell a.ar-term-link",
        "a => { const s = getComputedStyle(a); return [s.color, s.textDecorationLine]; }",
    )
    assert term == ["rgb(0, 0, 0)", "none"]


def test_notes_print_as_numbered_footnotes_under_their_passages(printed: Watched) -> None:
    page = printed.page
    bodies = page.locator(".ar-note-body")
    assert bodies.count() > 1 and bodies.count() == page.locator(".ar-note").count()
    for index in range(bodies.count()):
        assert bodies.nth(index).is_visible(), f"note body {index + 1} is not shown"
    placement = page.eval_on_selector_all(
        ".ar-row:has(> .ar-notes)",
        """rows => rows.map(r => {
             const notes = r.querySelector(':scope > .ar-notes').getBoundingClientRect();
             const cells = [...r.querySelectorAll(':scope > .ar-cell')].map(c => c.getBoundingClientRect());
             return {id: r.id, below: cells.every(c => notes.top >= c.bottom),
                     full: Math.abs(notes.left - cells[0].left) < 1 && Math.abs(notes.right - cells.at(-1).right) < 1};
           })""",
    )
    assert placement and all(row["below"] and row["full"] for row in placement), placement
    numbers = page.eval_on_selector_all(
        ".ar-note",
        """notes => notes.map(n => {
             const summary = n.querySelector('summary'), number = summary.querySelector('.ar-note-number');
             return [n.dataset.noteNumber, number.textContent + getComputedStyle(number, '::after').content,
                     number.getBoundingClientRect().left - summary.getBoundingClientRect().left];
           })""",
    )
    # Each footnote opens with its number, e.g. "3." for the note numbered 3.
    assert numbers == [[str(n), f'{n}"."', 0] for n in range(1, len(numbers) + 1)]
    markers = page.eval_on_selector_all(
        ".ar-noteref", "refs => refs.map(r => [r.textContent, getComputedStyle(r).verticalAlign])"
    )
    assert markers and all(align == "super" and number.isdigit() for number, align in markers), markers


def test_parallel_view_pdf_has_every_note_and_label(browser, base_url: str, record_testsuite_property) -> None:
    # At this width reader.js folds the notes; the stylesheet and the scripts'
    # beforeprint handlers (the theme's and reader.js's) print them open, and
    # afterprint folds them again.
    page = Watched(browser, base_url, viewport=NARROW)
    page.open(DOC)
    folded = page.page.eval_on_selector_all(".ar-note > details", "ds => ds.filter(d => !d.open).length")
    assert folded > 1 and folded == page.page.locator(".ar-note").count()
    bodies = page.page.eval_on_selector_all(".ar-note-body", "bs => bs.map(b => b.textContent)")
    labels = page.page.eval_on_selector_all(".ar-row", "rows => rows.map(r => r.dataset.label)")
    pages, text = pdf_text(page.page.pdf(format="A4"))
    # Recorded in a JUnit report (--junitxml), and printed (pytest -rP).
    record_testsuite_property("pdf_pages_parallel", pages)
    print(f"parallel view: {pages} A4 pages")
    # 22 pages when this was written (47 with the screen layout's margin column of notes).
    assert 1 < pages < 60
    missing = [body[:60] for body in bodies if squeeze(body)[:40] not in text]
    assert missing == [], missing
    assert [label for label in labels if squeeze(label) not in text] == []
    assert page.page.eval_on_selector_all(".ar-note > details", "ds => ds.filter(d => !d.open).length") == folded
    page.close()


def test_closed_notes_print_without_the_scripts(browser, base_url: str) -> None:
    # Both scripts are left out, so only the stylesheet can show the closed notes.
    page = Watched(browser, base_url, viewport=WIDE)
    leave_out(page, THEME_SCRIPT, READER_SCRIPT)
    page.open(DOC)
    page.page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = false; })")
    bodies = page.page.eval_on_selector_all(".ar-note-body", "bs => bs.map(b => b.textContent)")
    _, text = pdf_text(page.page.pdf(format="A4"))
    assert len(bodies) > 1
    missing = [body[:60] for body in bodies if squeeze(body)[:40] not in text]
    assert missing == [], missing
    page.close()


def test_english_view_prints_one_column(browser, base_url: str, record_testsuite_property) -> None:
    page = Watched(browser, base_url, viewport=WIDE)
    page.open(DOC + "en/")
    page.page.emulate_media(media="print")
    grid = boxes(page.page, ".ar-grid")[0]
    cells = boxes(page.page, ".ar-row > .ar-cell")
    assert len(cells) == page.page.locator(".ar-row").count()
    # One column, as wide as the page: no margin column, no reading measure.
    assert all(abs(c["left"] - grid["left"]) < 1 and abs(c["right"] - grid["right"]) < 1 for c in cells)
    bodies = page.page.eval_on_selector_all(".ar-note-body", "bs => bs.map(b => b.textContent)")
    pages, text = pdf_text(page.page.pdf(format="A4"))
    record_testsuite_property("pdf_pages_english", pages)
    print(f"English view: {pages} A4 pages")
    assert 1 < pages < 60
    assert [body[:60] for body in bodies if squeeze(body)[:40] not in text] == []
    page.close()


def test_reader_script_opens_folded_notes_for_printing_and_folds_them_after(browser, base_url: str) -> None:
    # For browsers that print a closed <details> closed whatever the stylesheet
    # says. The theme's script is left out, as it does the same.
    page = Watched(browser, base_url, viewport=NARROW)
    leave_out(page, THEME_SCRIPT)
    page.open(DOC)
    count = "sel => document.querySelectorAll(sel).length"
    notes = page.page.evaluate(count, ".ar-note > details")
    assert page.page.evaluate(count, ".ar-note > details[open]") == 0
    page.page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.page.evaluate(count, ".ar-note > details[open]") == notes
    # The header's "About" boxes print open; its Cite control does not print at all.
    assert page.page.evaluate(count, ".ar-doc-header details:not([open]):not(.ar-cite)") == 0
    page.page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.page.evaluate(count, ".ar-note > details[open]") == 0
    assert page.page.evaluate(count, ".ar-doc-header details[open]") == 0
    page.close()


def test_printing_from_a_wide_window_does_not_fold_the_notes(browser, base_url: str) -> None:
    # The page is narrower on paper than the window, which would fold the
    # notes (reader.js) halfway through printing; the script waits until after.
    page = Watched(browser, base_url, viewport=WIDE)
    leave_out(page, THEME_SCRIPT)
    page.open(DOC)
    page.page.evaluate(
        """() => { window.folded = 0;
                   new MutationObserver(records => { window.folded += records.filter(r => !r.target.open).length; })
                     .observe(document.querySelector('.ar-grid'), {attributes: true, attributeFilter: ['open'],
                                                                   subtree: true}); }"""
    )
    page.page.pdf(format="A4")
    page.page.wait_for_timeout(100)
    assert page.page.evaluate("window.folded") == 0
    assert page.page.eval_on_selector_all(".ar-note > details", "ds => ds.every(d => d.open)")
    page.close()


def test_dark_scheme_prints_black_on_white(browser, base_url: str) -> None:
    page = Watched(browser, base_url, viewport=WIDE, color_scheme="dark")
    page.open(DOC)
    assert page.page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    page.page.emulate_media(media="print", color_scheme="dark")
    colours = page.page.eval_on_selector_all(
        "body, .md-container, .ar-doc-header, .ar-colheads, .ar-row, .ar-cell, .ar-note, .ar-note-body",
        "els => els.map(e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor])",
    )
    assert {colour for colour, _ in colours} == {"rgb(0, 0, 0)"}
    assert {background for _, background in colours} <= {"rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"}
    page.close()
