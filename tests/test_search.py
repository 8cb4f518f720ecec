"""Search on the real corpus, in a real browser: the Pagefind index and the search page.

A reader types a term (Chinese or English) and gets the pages it is in, each
linked to the passage the term is in; other pages never load the index.
"""

from __future__ import annotations

import functools
import gzip
import itertools
import json
import re
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from annotated_reader.pagefind_service import split_messages
from annotated_reader.search import SearchIndexer, as_sent, indexed_part, unindexed
from conftest import failed_build

OPINIONS_2022 = "documents/2022-high-quality-development-opinions/"


@pytest.fixture
def page(browser, base_url: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.requested = []
    opened.on("request", lambda request: opened.requested.append(request.url))
    yield opened
    context.close()


def search(page, base_url: str, query: str, interface: str = "", every: bool = False) -> list[dict[str, object]]:
    """Open the search page for `query`; each result's title link and passage links.

    The results shown at first, or with `every`, all of them ("Show more" until it goes).
    """
    page.goto(f"{base_url}{interface}search/?q={quote(query)}")
    page.wait_for_selector("[data-ar-search-state=done]", timeout=30_000)
    for _ in range(20):
        if not every or not page.is_visible(".ar-search-more"):
            break
        shown = page.locator(".ar-search-results > li").count()
        page.click(".ar-search-more")
        page.wait_for_function(f"document.querySelectorAll('.ar-search-results > li').length > {shown}")
    assert not every or not page.is_visible(".ar-search-more")
    return page.eval_on_selector_all(
        ".ar-search-results > li",
        """items => items.map(li => ({
            title: li.querySelector('.ar-search-title a').textContent,
            href: li.querySelector('.ar-search-title a').href,
            passages: [...li.querySelectorAll('.ar-search-passages a')].map(a => a.href),
            text: li.innerText,
        }))""",
    )


def _passage(href: str, base_url: str) -> tuple[str, str, str]:
    """(document, view, passage) of a result link into a document view."""
    path = urlsplit(href).path.removeprefix(urlsplit(base_url).path)
    parts = path.strip("/").split("/")
    assert parts[0] == "documents", href
    return parts[1], (parts[2] if len(parts) > 2 else ""), unquote(urlsplit(href).fragment)


@pytest.mark.parametrize("term", ["联合惩戒", "信用修复", "严重失信主体名单"])
def test_a_chinese_term_finds_the_documents_and_passages_it_is_in(page, base_url: str, site: Path, term: str) -> None:
    results = search(page, base_url, term, every=True)
    # Hits in a document's views (the documents page lists titles only).
    in_documents = [r for r in results if re.search(r"/documents/[^/]+/(zh|en)/", str(r["href"]))]
    assert in_documents, results
    # Each document hit opens at a passage of its page.
    for result in in_documents:
        document_id, view, passage = _passage(str(result["href"]), base_url)
        html = site / "documents" / document_id / view / "index.html"
        assert BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").find(id=passage), result
    assert any(OPINIONS_2022 + "zh/#" in str(r["href"]) for r in in_documents), in_documents


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("credit restoration", "2022-high-quality-development-opinions"),
        ("joint punishment", "2007-state-council-opinions"),
        ("blacklist", "2014-planning-outline"),
    ],
)
def test_english_terms_find_the_documents_that_use_them(page, base_url: str, query: str, expected: str) -> None:
    results = search(page, base_url, query, every=True)
    assert any(f"documents/{expected}/en/#" in str(r["href"]) for r in results), results
    # The term's own glossary page is among the first results.
    assert any("/glossary/" in str(r["href"]) for r in results[:5]), results


def test_a_result_opens_the_document_at_the_passage_the_words_stand_in(page, base_url: str) -> None:
    # Two words: the passage linked is where they stand together, not where either stands alone.
    results = search(page, base_url, "credit restoration")
    target = next(str(r["href"]) for r in results if OPINIONS_2022 + "en/#" in str(r["href"]))
    page.locator(".ar-search-title a", has_text="Opinions").first.click()
    page.wait_for_load_state()
    assert page.url == target
    passage = unquote(urlsplit(page.url).fragment)
    assert "credit restoration" in page.inner_text(f"[id='{passage}']").lower()


def test_a_definition_is_found_on_its_term_page(page, base_url: str) -> None:
    # The opening of the blacklist term's definition: document pages carry it for their pop-ups.
    results = search(page, base_url, "published list of persons or organisations", every=True)
    hrefs = [str(r["href"]) for r in results]
    assert any("/glossary/blacklist/" in href for href in hrefs), hrefs
    # Where a document page is found, it is for the words in its own text: its
    # hit is linked to a passage, never to the definitions (kept out of the index).
    assert all("#" in href and "#ar-def" not in href for href in hrefs if "/documents/" in href), hrefs


def test_each_interface_searches_its_own_pages(page, base_url: str) -> None:
    chinese = search(page, base_url, "联合惩戒", interface="zh/")
    assert chinese and all(str(r["href"]).startswith(base_url + "zh/") for r in chinese), chinese
    assert page.inner_text("h1").startswith("搜索") and "找到" in page.inner_text(".ar-search-status")
    english = search(page, base_url, "联合惩戒")
    assert english and not any(str(r["href"]).startswith(base_url + "zh/") for r in english), english


def test_pages_load_the_index_only_to_search(page, base_url: str) -> None:
    page.goto(base_url + OPINIONS_2022)
    page.wait_for_load_state("networkidle")
    assert not [url for url in page.requested if "/pagefind/" in url]
    # Nor the sitemaps, which grow with the corpus (the theme fetched both for its language links).
    assert not [url for url in page.requested if "sitemap" in url]
    # The header's search button leads to the search page, which loads the index for the query.
    page.click(".ar-search-link")
    page.wait_for_selector("[data-ar-search-state=done]")
    assert page.evaluate("document.activeElement.id") == "ar-search-query"
    page.fill("#ar-search-query", "信用承诺")
    page.wait_for_selector(".ar-search-results > li")
    assert "q=%E4%BF%A1%E7%94%A8%E6%89%BF%E8%AF%BA" in page.url
    assert [url for url in page.requested if "/pagefind/" in url]


def test_an_unknown_word_says_nothing_was_found(page, base_url: str) -> None:
    # Pagefind, segmenting as for Chinese, answers a word it lacks with the longest indexed
    # word the query starts with ("X", a glossary letter, for "xqxq"): no word starts with ξ.
    assert search(page, base_url, "ξψξψξψ") == []
    assert page.inner_text(".ar-search-status") == "Nothing found. Try another word, or fewer words."


def test_each_interface_has_its_own_search_index(site: Path) -> None:
    for root in (site, site / "zh"):
        assert (root / "pagefind" / "pagefind.js").is_file()
        assert list((root / "pagefind" / "fragment").iterdir())
    assert not (site / "search" / "search_index.json").exists()


def _stored_texts(bundle: Path) -> dict[str, str]:
    """Every page's text as a Pagefind bundle stores it (its fragment file), by URL."""
    texts = {}
    for fragment in (bundle / "fragment").iterdir():
        # A fragment is gzipped JSON behind Pagefind's 12-byte signature.
        data = json.loads(gzip.decompress(fragment.read_bytes())[len(b"pagefind_dcd") :])
        texts[data["url"]] = data["content"].replace("\u200b", "")
    return texts


@functools.cache
def _index(site: Path) -> dict[str, str]:
    """Every indexed page's text in the site's search index, by URL."""
    return _stored_texts(site / "pagefind")


def _indexed_text(site: Path, url: str) -> str:
    """The text Pagefind holds for the page at `url`."""
    assert url in _index(site), f"{url} is not in the search index"
    return _index(site)[url]


def test_a_term_page_indexes_the_notes_of_its_renderings_table_not_its_rows(site: Path) -> None:
    """The table repeats the term's forms once per text; only the editors' notes on variants are content."""
    text = _indexed_text(site, "/glossary/blacklist/")
    table = text.split("Renderings in the texts.", 1)[1].split("Concordance.", 1)[0]
    page = BeautifulSoup((site / "glossary/blacklist/index.html").read_text("utf-8"), "html.parser")
    rows = page.select(".ar-renderings tbody tr")
    assert rows and "Planning Outline (2014)" in rows[0].get_text()
    notes = " ".join(note.get_text(" ") for note in page.select(".ar-renderings td.ar-rendering-note"))
    assert '"network credit blacklist" (2.3.p11)' in table
    words = set(re.findall(r"\w+", table))
    assert words and words <= set(re.findall(r"\w+", notes)), words - set(re.findall(r"\w+", notes))
    assert "Planning Outline" not in table and "counted there" not in text


def test_each_note_is_indexed_once_in_the_view_of_its_language(site: Path) -> None:
    indexed_in: dict[str, list[str]] = {}
    for folder in sorted((site / "documents").iterdir()):
        if not folder.is_dir():
            continue
        for view in ("zh", "en"):
            page = BeautifulSoup((folder / view / "index.html").read_text("utf-8"), "html.parser")
            for note in page.select("article.ar-note"):
                language = note.select_one(".ar-note-body")["lang"].split("-")[0]
                indexed_in.setdefault(note["id"], [])
                if not note.has_attr("data-search-exclude"):
                    indexed_in[note["id"]].append(view)
                    assert view == language, (folder.name, note["id"])
    assert indexed_in and all(len(views) == 1 for views in indexed_in.values()), indexed_in
    # In the index itself: a note's words are stored with the English view, not the Chinese.
    page = BeautifulSoup((site / OPINIONS_2022 / "en/index.html").read_text("utf-8"), "html.parser")
    body = " ".join(page.select_one("article.ar-note .ar-note-body").get_text().split()[:6])
    assert body in " ".join(_indexed_text(site, "/" + OPINIONS_2022 + "en/").split())
    assert body not in " ".join(_indexed_text(site, "/" + OPINIONS_2022 + "zh/").split())


def test_a_documents_header_facts_are_indexed_with_its_english_view(site: Path) -> None:
    english = _indexed_text(site, "/" + OPINIONS_2022 + "en/")
    chinese = _indexed_text(site, "/" + OPINIONS_2022 + "zh/")
    # The date's evidence, the texts' attribution: in the English view's stored text only.
    for fact in ("the date of the Xinhua release", "Xinhua News Agency release"):
        assert fact in english and fact not in chinese, fact
    # Both views are found by both titles.
    for title in ("推进社会信用体系建设高质量发展", "Opinions on Promoting the Construction"):
        assert title in english and title in chinese, title


def test_pages_listing_other_pages_are_found_by_their_own_words_only(site: Path) -> None:
    """The lists of all documents, notes and events repeat pages that are searched on their own."""
    title = "推进社会信用体系建设高质量发展"
    for url, intro in (("/", "Social Credit Policy Reader"), ("/documents/", "Documents")):
        text = _indexed_text(site, url)
        assert intro in text and title not in text, url
    annotations = BeautifulSoup((site / "annotations/index.html").read_text("utf-8"), "html.parser")
    summary = " ".join(annotations.select_one(".ar-index-summary").get_text().split()[:6])
    text = " ".join(_indexed_text(site, "/annotations/").split())
    assert text.startswith("Annotations.") and summary not in text
    timeline = BeautifulSoup((site / "timeline/index.html").read_text("utf-8"), "html.parser")
    event = timeline.select_one(".ar-timeline .ar-year-events a").get_text()
    assert event not in _indexed_text(site, "/timeline/")
    # The event's own page is found by it.
    assert any(event in text for url, text in _index(site).items() if url.startswith("/timeline/events/"))


def test_the_search_page_alone_goes_without_the_reader_script(site: Path) -> None:
    """reader.js has nothing to do on the search page: a first search does not fetch it."""
    for page in sorted(site.rglob("index.html")):
        if page.parent.name == "cite":  # a view's citation page: not a page of the theme
            continue
        scripts = [s["src"] for s in BeautifulSoup(page.read_text("utf-8"), "html.parser").select("script[src]")]
        readers = [src for src in scripts if src.endswith("assets/annotated-reader/reader.js")]
        searching = page.parent.name == "search"
        assert len(readers) == (0 if searching else 1), (page, readers)
        if readers:
            # Relative, after the theme's scripts (where extra_javascript would put it), and found.
            assert scripts[-1] == readers[0] and (page.parent / readers[0]).resolve().is_file(), page


def test_a_block_marked_unindexed_is_cut_before_pagefind_reads_the_page(tmp_path: Path) -> None:
    # Without data-search-exclude, so that only the cut can keep its words out.
    hidden = unindexed("<p>concordanceword</p>")
    page = f"<html lang='en'><head><title>T</title></head><body><article><p>keptword</p>{hidden}</article></body>"
    indexer = SearchIndexer()
    indexer.add_page("page/", page)
    assert indexer.write(tmp_path) == 1
    (content,) = _stored_texts(tmp_path / "pagefind").values()
    assert "keptword" in content and "concordanceword" not in content


def test_a_view_is_sent_to_pagefind_without_its_passages_tools(site: Path) -> None:
    """A passage's permalink, Copy link and Cite are not indexed, and cut before Pagefind reads the page."""
    for view in ("zh/", "en/"):
        written = (site / "documents/2022-high-quality-development-opinions" / view / "index.html").read_text("utf-8")
        sent = as_sent(written)
        assert written.count('<div class="ar-tools">') > 30
        for tool in ('class="ar-tools"', 'class="ar-permalink"', 'class="ar-copy"', "data-cite-passage="):
            assert tool in written and tool not in sent, tool
        # The passages themselves, their texts and ids, are all there.
        assert sent.count('<section class="ar-row') == written.count('<section class="ar-row')
        assert len(sent) < 0.8 * len(indexed_part(written))


def test_a_build_without_the_search_indexer_fails_with_a_message(
    small_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "no-such-pagefind"))
    log = failed_build(small_project, tmp_path / "site")
    assert f"the search index could not be built: the search indexer {tmp_path / 'no-such-pagefind'}" in log
    assert "No such file or directory" in log and "Traceback" not in log


def test_results_come_five_at_a_time_each_fetching_only_its_own_text(page, base_url: str) -> None:
    results = search(page, base_url, "信用")
    fragments = [url for url in page.requested if url.endswith(".pf_fragment")]
    # Pagefind fetches a page's stored text only for the results shown.
    assert len(results) == len(fragments) == 5
    assert page.is_visible(".ar-search-more")
    page.click(".ar-search-more")
    page.wait_for_function("document.querySelectorAll('.ar-search-results > li').length > 5")
    shown = page.locator(".ar-search-results > li").count()
    assert 5 < shown <= 10
    assert len([url for url in page.requested if url.endswith(".pf_fragment")]) == shown


def test_pagefind_is_sent_the_article_its_root_with_the_notes_inside_it() -> None:
    page = (
        '<!doctype html><html lang="zh" class="no-js"><head><title>T</title></head><body><nav>menu</nav>'
        '<article class="md-content__inner"><h1>T</h1><article class="ar-note">note</article> text</article>'
        "<footer>foot</footer></body></html>"
    )
    assert indexed_part(page) == (
        '<html lang="zh" class="no-js"><body><article class="md-content__inner"><h1>T</h1>'
        '<article class="ar-note">note</article> text</article></body></html>'
    )
    # A page without the theme's article is sent whole (Pagefind then finds no root in it).
    assert indexed_part("<html><body><p>x</p></body></html>") == "<html><body><p>x</p></body></html>"


@settings(max_examples=200, deadline=None)
@given(
    messages=st.lists(st.binary(min_size=1).map(lambda b: b.replace(b",", b"")).filter(bool), max_size=8),
    cuts=st.lists(st.integers(min_value=0), max_size=12),
)
def test_the_services_answers_are_split_at_their_commas_however_they_are_read(
    messages: list[bytes], cuts: list[int]
) -> None:
    stream = b"".join(message + b"," for message in messages)
    points = sorted({cut % (len(stream) + 1) for cut in cuts} | {0, len(stream)})
    chunks = [stream[start:end] for start, end in itertools.pairwise(points)]
    assert list(split_messages(chunks)) == messages


def test_a_message_cut_off_by_the_service_stopping_is_not_given() -> None:
    assert list(split_messages([b"YWJj,ZG", b"Vm"])) == [b"YWJj"]
