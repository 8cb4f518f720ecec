"""Integration: a real `mkdocs build --strict` of the repository and of the small
fixture corpus (tests/fixtures/small), read back with BeautifulSoup."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from annotated_reader.pipeline import CheckedCorpus, check_sources

VIEWS = {"": None, "zh": "zh", "en": "en"}
OPINIONS_2022 = "documents/2022-high-quality-development-opinions/"


def _passage_text(cell) -> str:
    """A cell's text without the numbers that link quotes to their notes."""
    return "".join(t for t in cell.find_all(string=True) if not t.find_parent(class_="ar-noteref"))


def _page(site: Path, document_id: str, view: str = "") -> BeautifulSoup:
    path = site / "documents" / document_id / view / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(params=["repository", "small fixture"])
def built(request: pytest.FixtureRequest) -> tuple[Path, CheckedCorpus]:
    """A built site and the checked corpus it was built from."""
    if request.param == "repository":
        return request.getfixturevalue("site"), request.getfixturevalue("checked")
    checked = check_sources(request.getfixturevalue("small_project"))
    assert not checked.problems
    return request.getfixturevalue("small_site"), checked


def test_every_segment_of_every_witness_is_present_once_per_view(built: tuple[Path, CheckedCorpus]) -> None:
    site, checked = built
    for document in checked.corpus.documents:
        for view, language in VIEWS.items():
            soup = _page(site, document.id, view)
            rows = soup.select(".ar-row")
            assert [r["id"] for r in rows] == document.segment_ids
            for witness in document.witnesses:
                if language and not witness.language.startswith(language):
                    continue
                cells = soup.select(f'.ar-cell[data-witness="{witness.id}"]:not(.ar-missing)')
                assert len(cells) == len(witness.segments), (document.id, view, witness.id)
                for cell, segment in zip(cells, witness.segments, strict=True):
                    assert cell.find_parent(class_="ar-row")["id"] == segment.id
                    assert cell["lang"] == witness.language
                    assert _passage_text(cell) == segment.text.replace("\n", "")


def test_aligned_rows_pair_the_right_passages(site: Path) -> None:
    soup = _page(site, "2022-high-quality-development-opinions")
    row = soup.find(id="3.9")
    zh = row.select_one('.ar-cell[data-witness="zh"]').get_text()
    en = row.select_one('.ar-cell[data-witness="en"]').get_text()
    assert zh.startswith("(九)优化进出口信用管理") and en.startswith("(9) Optimizing import and export credit")
    outline = _page(site, "2014-planning-outline")
    row = outline.find(id="preamble.p3")
    assert row.select_one('.ar-cell[data-witness="zh"]').get_text().startswith("根据党的十八大")
    assert row.select_one('.ar-cell[data-witness="en"]').get_text().startswith("According to the party")


def test_missing_passages_say_so_and_link_to_the_guide(site: Path) -> None:
    soup = _page(site, "2007-state-council-opinions")
    cell = soup.find(id="preamble").select_one('.ar-cell[data-witness="en-qa"]')
    assert "ar-missing" in cell["class"]
    assert "Not in this text (en-qa)." in cell.get_text()
    assert "gives the six parts only" in cell.get_text()
    assert cell.a["href"] == "../../contributing/"
    assert (site / "contributing" / "index.html").exists()
    zh_view = _page(site, "2007-state-council-opinions", "zh")
    assert "No Chinese text of this document is in the corpus yet." in zh_view.find(id="1").get_text()


def test_each_row_has_permalink_copy_control_and_citation_label(site: Path) -> None:
    soup = _page(site, "2014-planning-outline", "en")
    row = soup.find(id="2.2.p5")
    assert row.select_one("a.ar-permalink")["href"] == "#2.2.p5"
    assert row.select_one("button.ar-copy")["data-passage"] == "2.2.p5"
    assert row["data-label"] == "Planning Outline (2014) II (2) ¶5"
    zh = _page(site, "2022-high-quality-development-opinions", "zh")
    assert zh.find(id="3.9")["data-label"] == "2022年意见 三（九）"


def test_document_header_shows_metadata_and_witness_provenance(site: Path) -> None:
    soup = _page(site, "2007-state-council-opinions")
    header = soup.select_one(".ar-doc-header").get_text(" ")
    assert "国务院办公厅关于社会信用体系建设的若干意见" in header
    assert "State Council General Office" in header and "GBF No. (2007)17" in header
    assert "2007-03-23" in header
    assert "human translation" in header and "machine translation" in header
    assert "002_22e25ca054616b2d.txt" in header and "China Copyright and Media" in header
    assert soup.h1.get_text() == "Some Opinions concerning the Construction of a Social Credit System"


def test_views_link_to_each_other(site: Path) -> None:
    soup = _page(site, "2022-high-quality-development-opinions", "zh")
    links = {a.get_text(): a["href"] for a in soup.select(".ar-views a.ar-view-link")}
    assert links == {"Parallel": "../", "中文": "./", "English": "../en/"} or links == {
        "Parallel": "../",
        "中文": "../zh/",
        "English": "../en/",
    }
    assert soup.select_one('.ar-views a[aria-current="page"]').get_text() == "中文"


def test_home_lists_the_corpus_in_time_order_with_links(built: tuple[Path, CheckedCorpus]) -> None:
    site, checked = built
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    items = soup.select(".ar-corpus-item")
    assert [i.select_one(".ar-corpus-title a")["href"] for i in items] == [
        f"documents/{d.id}/" for d in checked.corpus.documents
    ]
    for item in items:
        hrefs = [a["href"] for a in item.select(".ar-corpus-views a")]
        assert hrefs[1].endswith("/zh/") and hrefs[2].endswith("/en/")


def test_no_request_leaves_the_site(built: tuple[Path, CheckedCorpus]) -> None:
    site, _ = built
    # The site's own address (mkdocs.yml's site_url) is where canonical links point.
    own = "http://127.0.0.1:8000/"
    for page in site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for element in soup.find_all(tag):
                url = element.get(attribute) or ""
                if not url.startswith(own):
                    assert not url.startswith(("http://", "https://", "//")), (page, url)


def test_sources_notes_and_published_copies_reach_the_page(built: tuple[Path, CheckedCorpus]) -> None:
    site, checked = built
    for document in checked.corpus.documents:
        about = _page(site, document.id).select_one(".ar-doc-header")
        links = {a["href"] for a in about.select("a[href]")}
        for source in document.sources:
            assert source.url in links and source.supports in about.get_text(), (document.id, source.title)
        for witness in document.witnesses:
            for copy in witness.provenance.copies:
                assert copy.url in links, (document.id, witness.id, copy.title)
        if document.notes:
            assert document.notes in about.get_text()
        for note in document.name_notes.values():
            assert note in about.get_text()


def test_small_fixture_pages_hold_only_its_documents(small_site: Path) -> None:
    assert sorted(p.name for p in (small_site / "documents").iterdir() if p.is_dir()) == [
        "2001-sample-bilingual",
        "2002-sample-notice",
    ]
    # The navigation links to the documents page, which lists them (not every document on every page).
    listing = BeautifulSoup((small_site / "documents/index.html").read_text(encoding="utf-8"), "html.parser")
    titles = [a.get_text(strip=True) for a in listing.select(".ar-corpus-title a")]
    assert len(titles) == 2 and not any("2022" in title or "Outline" in title for title in titles), titles
    home = BeautifulSoup((small_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    nav = [a.get_text(strip=True) for a in home.select(".md-nav__link")]
    assert "Documents" in nav and not any("Sample" in label for label in nav), nav


def test_small_fixture_pairs_rows_and_marks_the_passage_only_chinese_has(small_site: Path) -> None:
    parallel = _page(small_site, "2001-sample-bilingual")
    row = parallel.find(id="2.3")
    assert _passage_text(row.select_one('.ar-cell[data-witness="zh"]')) == "(三)本样例自发布之日起施行。"
    assert row.select_one('.ar-cell[data-witness="en"]').get_text().startswith("(3) This sample takes effect")
    for view in ("", "en"):
        cell = _page(small_site, "2001-sample-bilingual", view).find(id="1.2").select_one('[data-witness="en"]')
        assert "ar-missing" in cell["class"]
        assert "The fixture's English text leaves this item out." in cell.get_text()
    zh = _page(small_site, "2001-sample-bilingual", "zh")
    assert _passage_text(zh.find(id="1.2").select_one('[data-witness="zh"]')) == "(二)本段只有中文。"
    assert zh.find(id="1.1")["data-label"] == "样例意见 一（一）"
    assert _page(small_site, "2002-sample-notice", "en").find(id="p2")["data-label"] == "Sample Notice ¶2"


def test_small_fixture_alias_is_an_anchor_in_the_renamed_passage_in_every_view(small_site: Path) -> None:
    for view in VIEWS:
        alias = _page(small_site, "2001-sample-bilingual", view).find(id="1.one")
        assert alias is not None, view
        assert alias.find_parent(class_="ar-row")["id"] == "1.1"


def test_each_view_is_titled_by_its_document_and_language(site: Path) -> None:
    """The browser tab, bookmarks and history name the document and the view, in the interface's language."""
    expected = {
        (site / "documents" / "2014-planning-outline", ""): "Planning Outline (2014) - Social Credit Policy Reader",
        (site / "documents" / "2014-planning-outline", "en"): "Planning Outline (2014) (English)",
        (site / "zh" / "documents" / "2014-planning-outline", "zh"): "规划纲要（2014）（中文）",
    }
    for (folder, view), title in expected.items():
        page = BeautifulSoup((folder / view / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert page.title.get_text().startswith(title)
        # One h1: the document's own, not one the theme adds from the page title.
        assert [h1.get("id") for h1 in page.select("article h1")] == ["document_title"]


def test_pages_name_no_alternate_that_makes_the_theme_fetch_the_sitemaps(site: Path) -> None:
    for path in (site / "index.html", site / OPINIONS_2022 / "index.html", site / "zh" / "glossary" / "index.html"):
        head = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").head
        assert not head.select('link[rel="alternate"][hreflang]'), path
    # The language selector still links the page in the other interface.
    page = BeautifulSoup((site / OPINIONS_2022 / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert {a["hreflang"] for a in page.select("a.ar-lang-link")} == {"en", "zh"}
