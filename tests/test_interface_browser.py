"""Citing and the Chinese interface in a real browser: the Cite control, its
copy buttons and access dates, and the language switch that keeps the passage."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from annotated_reader.citation import accessed_text
from test_browser import DOC, Watched

ZH = "zh/"


@pytest.fixture
def watched(browser, base_url: str) -> Iterator[Watched]:
    page = Watched(browser, base_url, viewport={"width": 1280, "height": 900})
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    yield page
    page.close()


def test_the_chinese_interface_speaks_chinese(watched: Watched) -> None:
    watched.open(ZH + DOC + "zh/#3.9")
    page = watched.page
    assert page.evaluate("document.documentElement.lang") == "zh"
    assert page.inner_text("h1") == "关于推进社会信用体系建设高质量发展促进形成新发展格局的意见"
    assert [t.strip() for t in page.locator(".ar-views a.ar-view-link").all_inner_texts()] == ["对照", "中文", "英文"]
    assert page.inner_text(".ar-meta dt >> nth=0") == "发文机关"
    assert page.get_attribute(".ar-search-link", "aria-label") == "搜索原文、译文、注释、术语表和时间线"
    assert "文件" in page.inner_text(".md-nav--primary") and "术语表" in page.inner_text(".md-nav--primary")
    assert watched.highlighted() == ["3.9"] and watched.in_view("3.9")


def test_switching_interface_keeps_the_passage(watched: Watched) -> None:
    watched.open(DOC + "#4.13")
    watched.page.click(".ar-lang-switch")
    watched.page.wait_for_load_state("load")
    assert watched.page.url == watched.base_url + ZH + DOC + "#4.13"
    assert watched.highlighted() == ["4.13"] and watched.in_view("4.13")
    # Back through the theme's language menu in the header.
    watched.page.hover(".md-header__option .md-select")
    watched.page.click(".md-select__link[hreflang='en']")
    watched.page.wait_for_load_state("load")
    assert watched.page.url == watched.base_url + DOC + "#4.13"
    assert watched.page.evaluate("document.documentElement.lang") == "en"


def test_switching_interface_without_a_link_keeps_the_passage_in_view(watched: Watched) -> None:
    watched.open(DOC + "en/")
    watched.page.evaluate("document.getElementById('5.16').scrollIntoView({block: 'start'})")
    watched.page.wait_for_timeout(100)
    watched.page.click(".ar-lang-switch")
    watched.page.wait_for_load_state("load")
    assert watched.page.url.split("#")[0] == watched.base_url + ZH + DOC + "en/"
    assert watched.page.url.split("#")[1] in ("5.15", "5.16")


def test_switching_interface_keeps_other_pages(watched: Watched) -> None:
    watched.open("glossary/")
    watched.page.hover(".md-header__option .md-select")
    watched.page.click(".md-select__link[hreflang='zh']")
    watched.page.wait_for_load_state("load")
    assert watched.page.url == watched.base_url + ZH + "glossary/"
    assert watched.page.inner_text("h1").rstrip("¶") == "术语表"


def today(watched: Watched) -> dict[str, str]:
    """Today's date in the browser, as citation.py writes access dates (reader.js must agree)."""
    year, month, day = watched.page.evaluate("(d => [d.getFullYear(), d.getMonth() + 1, d.getDate()])(new Date())")
    date = datetime.date(year, month, day)
    styles = ("chicago", "mla", "bibtex")
    return {style: accessed_text(date, style) for style in styles} | {"csl": f"{year}, {month}, {day}"}


def test_cite_opens_at_a_passage_and_copies_a_citation_dated_today(watched: Watched) -> None:
    watched.open(DOC + "#3.9")
    page = watched.page
    row = "[id='3.9']"
    assert not page.is_visible(f"{row} .ar-citation")
    # The view holds a link to the citations, not the citations themselves.
    assert page.locator(".ar-row .ar-citation").count() == 0
    page.click(f"{row} .ar-cite summary")
    chicago = page.locator(f"{row} .ar-cite-set[data-cite-witness='en'] .ar-citation[data-style='chicago-note']")
    expect(chicago).to_be_visible()
    assert page.locator(f"{row} .ar-cite-page-link").count() == 0
    date = today(watched)
    text = chicago.inner_text()
    assert text.endswith(f"accessed {date['chicago']}.")
    assert "http://127.0.0.1:8000/" + DOC + "#3.9" in text and "English machine translation" in text
    mla = page.inner_text(f"{row} .ar-cite-set[data-cite-witness='en'] .ar-citation[data-style='mla']")
    assert mla.endswith(f"Accessed {date['mla']}.")
    csl = page.inner_text(f"{row} .ar-cite-set[data-cite-witness='en'] .ar-citation[data-style='csl-json']")
    assert f'"accessed": {{"date-parts": [[{date["csl"]}]]}}' in csl
    button = page.locator(f"{row} .ar-cite-set[data-cite-witness='zh'] [data-style='bibtex'] + .ar-copy-citation")
    button.click()
    expect(button).to_have_text("Copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("@misc{2022-high-quality-development-opinions:3.9:zh,\n")
    assert f"urldate = {{{date['bibtex']}}}" in copied


def test_a_cite_control_keeps_its_link_when_the_citations_cannot_be_fetched(watched: Watched) -> None:
    watched.open(DOC + "#3.9")
    page = watched.page
    row = "[id='3.9']"
    page.route("**/cite/", lambda route: route.fulfill(status=503, body="unavailable"))
    page.click(f"{row} .ar-cite summary")
    link = page.locator(f"{row} .ar-cite-page-link")
    expect(page.locator(f"{row} details.ar-cite:not([data-cite-loaded])")).to_have_count(1)
    assert link.is_visible() and link.get_attribute("href") == "cite/#3.9"
    assert page.locator(f"{row} .ar-cite-body[aria-busy]").count() == 0
    # Opened again once the page can be fetched, the control shows the citations.
    page.unroute("**/cite/")
    page.click(f"{row} .ar-cite summary")
    page.click(f"{row} .ar-cite summary")
    expect(page.locator(f"{row} .ar-cite-set[data-cite-witness='zh'] .ar-citation[data-style='apa']")).to_be_visible()
    # The browser reports the failed response itself; nothing else went wrong.
    assert [e for e in watched.errors if "503" not in e] == []
    watched.errors.clear()


def test_the_chinese_interface_cites_in_its_own_words(watched: Watched) -> None:
    watched.open(ZH + DOC + "zh/")
    page = watched.page
    page.click(".ar-doc-header .ar-cite summary")
    assert page.inner_text(".ar-doc-header .ar-cite summary") == "引用"
    gbt = page.inner_text(".ar-doc-header .ar-cite-set[data-cite-witness='zh'] .ar-citation[data-style='gbt7714']")
    assert gbt.startswith(
        "中共中央办公厅 国务院办公厅. 关于推进社会信用体系建设高质量发展促进形成新发展格局的意见[EB/OL]"
    )
    button = page.locator(".ar-doc-header .ar-cite-set[data-cite-witness='zh'] .ar-copy-citation >> nth=0")
    button.click()
    expect(button).to_have_text("已复制")


def test_citations_work_without_javascript(browser, base_url: str) -> None:
    page = Watched(browser, base_url, viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    page.open(DOC + "#3.9")
    # The document's citations are in its header; a passage's control links to its own.
    page.page.click(".ar-doc-header .ar-cite summary")
    assert page.page.locator(".ar-doc-header .ar-citation[data-style='apa']").first.is_visible()
    page.page.click("[id='3.9'] .ar-cite summary")
    page.page.click("[id='3.9'] .ar-cite-page-link")
    page.page.wait_for_url("**/" + DOC + "cite/#3.9")
    citation = page.page.locator("[id='3.9'] .ar-cite-set[data-cite-witness='zh'] .ar-citation[data-style='apa']")
    assert citation.is_visible()
    # Without the script the access date is the build date, and there is nothing to click to copy.
    assert "Retrieved " in citation.inner_text()
    assert not page.page.is_visible("[id='3.9'] .ar-copy-citation")
    # The passage's heading leads back to it.
    page.page.click("[id='3.9'] h2 a")
    page.page.wait_for_url("**/" + DOC + "#3.9")
    page.close()


def test_a_citation_page_read_on_its_own_copies_and_dates_today(watched: Watched) -> None:
    watched.open(DOC + "en/cite/#3.9")
    page = watched.page
    assert page.title() == "Citations: 2022 Opinions (English)"
    mla = page.locator("[id='3.9'] .ar-citation[data-style='mla']")
    expect(mla).to_contain_text(f"Accessed {today(watched)['mla']}.")
    assert DOC + "en/#3.9" in mla.inner_text()
    button = page.locator("[id='3.9'] [data-style='mla'] + .ar-copy-citation")
    button.click()
    expect(button).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == mla.inner_text()


def test_the_cite_page_examples_copy_too(watched: Watched) -> None:
    watched.open("cite/")
    button = watched.page.locator(".ar-cite-example [data-style='apa'] + .ar-copy-citation")
    button.click()
    expect(button).to_have_text("Copied")
    apa = watched.page.inner_text(".ar-cite-example .ar-citation[data-style='apa']")
    assert watched.page.evaluate("navigator.clipboard.readText()") == apa
