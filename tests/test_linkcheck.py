"""The link checker: small hand-written sites with one fault each, and the real built site."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from annotated_reader.linkcheck import check_site, run_linkcheck
from conftest import ROOT, build_site

BASE = "https://example.org/reader/"
# Every page written by _page has this many lines before its body, so a body's first line is line 5.
HEAD = '<!doctype html>\n<html lang="en">\n<head><link rel="canonical" href="{canonical}"></head>\n<body>\n'


def _page(body: str, canonical: str = BASE) -> str:
    return HEAD.format(canonical=canonical) + body + "\n</body>\n</html>\n"


# A small site with every kind of link the checker must accept; the tests below each add one fault.
GOOD_SITE = {
    "index.html": _page(
        '<a href="documents/x/">Outline</a> <a href="documents/x/#3.9">item 9</a>\n'
        '<a href="documents/x/#3.9~3.11">items 9 to 11</a> <a href="documents/x/#">top</a> <a href="#">top</a>\n'
        '<a href="glossary/?q=credit">glossary</a> <a href="glossary">no slash</a> <a href="#intro" id="intro">¶</a>\n'
        '<a href="data/%E5%AF%BC%E5%87%BA.json">data</a> <a href="mailto:reader@example.org">mail</a>'
        ' <a name="legacy"></a><a href="#legacy">an old anchor</a>\n'
        '<a href="https://www.gov.cn/zhengce/">another site</a> <a href="tel:+861012345678">phone</a>\n'
        '<link rel="stylesheet" href="assets/reader.css"> <script src="assets/reader.js"></script>\n'
        '<link rel="alternate" hreflang="zh" href="https://other.example/zh/">\n'
        '<img src="data:image/png;base64,iVBORw0KGgo=" alt=""> <img srcset="data:image/png;base64,AAAA 1x" alt="">\n'
        '<svg><use href="#intro"></use></svg> <span style="background: url(assets/img/dot.png)">.</span>\n'
        "<script>\n// fetch('https://api.example.org/') is only mentioned here\n"
        "const example = \"fetch('https://api.example.org/')\";\n</script>"
    ),
    "documents/x/index.html": _page(
        '<section id="3.9"></section>\n<section id="3.10"></section>\n<section id="3.11"></section>'
        '<h2 id="总则">总则</h2>\n'
        '<a href="../../">home</a> <a href="/reader/glossary/">glossary</a>\n'
        '<a href="https://example.org/reader/documents/x/#3.11">permalink</a> <a href="https://example.org/reader">home</a>',
        canonical=BASE + "documents/x/",
    ),
    "glossary/index.html": _page(
        '<a href="../documents/x/#3.10">item 10</a> <a href="../documents/x/#%E6%80%BB%E5%88%99">总则</a>',
        canonical=BASE + "glossary/",
    ),
    "glossary/note/index.html": _page("<p>A term.</p>", canonical=BASE + "glossary/note/"),
    # The not-found page is shown at any missing address, so its links are site-absolute (as MkDocs writes them).
    "404.html": _page('<a href="/reader/">home</a> <a href="/reader/glossary/">glossary</a> <a href="#top">top</a>'),
    "assets/reader.css": ".ar-note { background: url(img/dot.png); }\n/* url(https://cdn.example.org/x.png) */\n"
    ".ar-mark { mask: url(\"data:image/svg+xml;charset=utf-8,<svg xmlns='http://www.w3.org/2000/svg'/>\"); }\n",
    "assets/reader.js": "// Not a fetch: fetch('https://api.example.org/') is only in this comment.\n"
    'const text = "see https://www.example.org/";\n',
    "assets/img/dot.png": "",
    "data/导出.json": "{}",
}


def _site(tmp_path: Path, extra: dict[str, str] | None = None) -> Path:
    site = tmp_path / "site"
    for path, text in {**GOOD_SITE, **(extra or {})}.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text, encoding="utf-8")
    return site


def _problems(tmp_path: Path, body: str, path: str = "broken/index.html", **extra: str) -> list[str]:
    """The problems of the good site plus one page `path` with `body` (its first line is line 5)."""
    report = check_site(_site(tmp_path, {path: _page(body), **extra}))
    return [str(problem) for problem in report.problems]


def test_a_good_site_has_no_problems(tmp_path: Path) -> None:
    report = check_site(_site(tmp_path))
    assert [str(problem) for problem in report.problems] == []
    assert report.pages == 5
    # 33 URLs in the pages' attributes (canonical links too), 1 in a style attribute, 2 url() in reader.css.
    assert report.links == 36
    assert report.base_url == BASE


def test_a_missing_page_is_named_with_the_file_it_needs_and_a_near_name(tmp_path: Path) -> None:
    assert _problems(tmp_path, '<p>\n<a href="../glossary/nope/">term</a></p>') == [
        "site/broken/index.html:6: link to '../glossary/nope/' has no page "
        "(no site/glossary/nope/index.html); did you mean 'note'?"
    ]


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    assert _problems(tmp_path, '<img src="../assets/img/dots.png" alt="">') == [
        "site/broken/index.html:5: link to '../assets/img/dots.png' has no file "
        "(no site/assets/img/dots.png); did you mean 'dot.png'?"
    ]


def test_a_missing_fragment_suggests_the_nearest_ids(tmp_path: Path) -> None:
    assert _problems(tmp_path, '<a href="../documents/x/#3.99">item</a>\n<a href="#nowhere">here</a>') == [
        "site/broken/index.html:5: fragment '#3.99' is not an id on documents/x/; did you mean '3.9'?",
        "site/broken/index.html:6: fragment '#nowhere' is not an id on this page",
    ]


def test_a_passage_range_needs_both_ends(tmp_path: Path) -> None:
    body = '<a href="../documents/x/#3.9~3.11">ok</a>\n<a href="../documents/x/#3.9~3.99">one end missing</a>'
    assert _problems(tmp_path, body) == [
        "site/broken/index.html:6: passage range '#3.9~3.99': '3.99' is not an id on documents/x/; did you mean '3.9'?"
    ]


def test_a_link_to_a_folder_without_an_index_page(tmp_path: Path) -> None:
    assert _problems(tmp_path, '<a href="../assets/">assets</a>') == [
        "site/broken/index.html:5: link to '../assets/' is a folder without an index.html (site/assets/): "
        "link to a page or file in it"
    ]


def test_site_absolute_links_resolve_under_the_base_path(tmp_path: Path) -> None:
    body = (
        '<a href="/reader/documents/x/#3.10">ok</a>\n<a href="/reader/timeline/">missing</a>\n<a href="/x/">outside</a>'
    )
    assert _problems(tmp_path, body) == [
        "site/broken/index.html:6: link to '/reader/timeline/' has no page (no site/timeline/index.html)",
        "site/broken/index.html:7: link to '/x/' is outside the site, whose pages are under /reader/: "
        "make the link relative to this page",
    ]


def test_a_base_url_given_replaces_the_one_in_the_site(tmp_path: Path) -> None:
    site = _site(tmp_path)
    report = check_site(site, base_url="https://example.net/elsewhere")
    assert report.base_url == "https://example.net/elsewhere"
    problems = [str(problem) for problem in report.problems]
    assert (
        "site/documents/x/index.html:8: link to '/reader/glossary/' is outside the site, whose pages are under "
        "/elsewhere/: make the link relative to this page"
    ) in problems


def test_the_base_url_comes_from_the_sitemap_without_a_canonical_link(tmp_path: Path) -> None:
    site = _site(tmp_path, {"index.html": "<p>home</p>\n<a href='/reader/nope/'>x</a>"})
    (site / "sitemap.xml").write_text(f"<urlset>\n<url><loc> {BASE} </loc></url>\n</urlset>\n", encoding="utf-8")
    report = check_site(site)
    assert report.base_url == BASE
    assert [str(problem) for problem in report.problems] == [
        "site/index.html:2: link to '/reader/nope/' has no page (no site/nope/index.html)"
    ]


def test_an_absolute_link_to_the_site_itself_is_checked_like_an_internal_one(tmp_path: Path) -> None:
    body = f'<a href="{BASE}documents/x/#3.10">ok</a>\n<a href="{BASE}documents/y/">gone</a>\n<a href="{BASE}#3.9">'
    assert _problems(tmp_path, body) == [
        "site/broken/index.html:6: link to 'https://example.org/reader/documents/y/' has no page "
        "(no site/documents/y/index.html)",
        "site/broken/index.html:7: fragment '#3.9' is not an id on index.html",
    ]


def test_a_relative_link_above_the_site_root(tmp_path: Path) -> None:
    assert _problems(tmp_path, '<a href="../../../glossary/">up</a>') == [
        "site/broken/index.html:5: link to '../../../glossary/' leads above the site's root folder: remove a '../'"
    ]


def test_links_to_other_sites_are_fine_but_loading_from_them_is_not(tmp_path: Path) -> None:
    body = (
        '<a href="https://cdn.example.org/x.js">a link, fetched only when followed</a>\n'
        '<script src="https://cdn.example.org/x.js"></script>\n'
        '<link rel="stylesheet" href="//fonts.example.net/css?family=Noto">\n'
        '<img src="https://img.example.com/a.png" alt=""> <link rel="canonical alternate" href="https://b.example/">\n'
        '<img srcset="a.png 1x, https://img.example.com/b.png 2x" alt="">\n'
        '<p style="background-image: url(&quot;https://img.example.com/bg.png&quot;)">styled</p>\n'
        "<style>\n  .x { color: red; }\n  @import 'https://css.example.com/more.css';\n</style>\n"
        "<script>\n  fetch('https://api.example.org/data.json');\n</script>"
    )
    fix = "; the site must load nothing from other hosts: copy the file into docs/ and link it relatively"
    assert _problems(tmp_path, body, **{"broken/a.png": ""}) == [
        f"site/broken/index.html:6: loads https://cdn.example.org/x.js from another host{fix}",
        f"site/broken/index.html:7: loads //fonts.example.net/css?family=Noto from another host{fix}",
        f"site/broken/index.html:8: loads https://img.example.com/a.png from another host{fix}",
        f"site/broken/index.html:9: loads https://img.example.com/b.png from another host{fix}",
        f"site/broken/index.html:10: loads https://img.example.com/bg.png from another host{fix}",
        f"site/broken/index.html:13: loads https://css.example.com/more.css from another host{fix}",
        "site/broken/index.html:16: fetch() loads https://api.example.org/data.json from another host; the site "
        "must load nothing from other hosts: copy the file into docs/ and fetch it by a relative URL",
    ]


def test_stylesheets_and_scripts_of_the_site_load_nothing_from_other_hosts(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "assets/extra.css": "body {\n  background: url( 'https://img.example.com/paper.png' );\n}\n"
            '@import url("fonts.css");\n',
            "assets/extra.js": "// fetch('https://a.example/') in a comment\nconst s = \"importScripts('https://b.example/')\";\n"
            "const w = new Worker(`https://c.example/worker.js`);\n",
        },
    )
    assert [str(problem) for problem in check_site(site).problems] == [
        "site/assets/extra.css:2: loads https://img.example.com/paper.png from another host; the site must load "
        "nothing from other hosts: copy the file into docs/ and link it relatively",
        "site/assets/extra.css:4: url(fonts.css) has no file (no site/assets/fonts.css)",
        "site/assets/extra.js:3: new Worker() loads https://c.example/worker.js from another host; the site must "
        "load nothing from other hosts: copy the file into docs/ and fetch it by a relative URL",
    ]


def test_a_relative_link_on_the_not_found_page_is_an_error(tmp_path: Path) -> None:
    # Where 404.html lies, glossary/ exists; but the server shows the page at /reader/documents/nope/ too.
    problems = _problems(tmp_path, '<a href="glossary/">glossary</a>', path="404.html")
    assert problems == [
        "site/404.html:5: relative link to 'glossary/' on the not-found page, which the server shows at any missing "
        "address (at /reader/missing/page/ it leads to /reader/missing/page/glossary/): "
        "make it site-absolute, '/reader/glossary/'"
    ]


def test_a_javascript_link_is_a_warning(tmp_path: Path) -> None:
    site = _site(tmp_path, {"broken/index.html": _page('<a href="javascript:void(0)">menu</a>')})
    report = check_site(site)
    assert [str(problem) for problem in report.problems] == [
        "site/broken/index.html:5: warning: link to 'javascript:void(0)' runs a script instead of opening a page, "
        "and does nothing without JavaScript: make it a <button>, or a link to a real page"
    ]
    assert report.problems.errors == []


def test_run_linkcheck_prints_problems_and_a_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(tmp_path)
    assert run_linkcheck(site) == 0
    printed = capsys.readouterr()
    assert (printed.out, printed.err) == ("checked 5 pages and 36 links: 0 problem(s)\n", "")
    (site / "glossary/index.html").write_text(_page('<a href="../timeline/">timeline</a>'), encoding="utf-8")
    assert run_linkcheck(site) == 1
    assert capsys.readouterr().err == (
        "site/glossary/index.html:5: link to '../timeline/' has no page (no site/timeline/index.html)\n"
        "checked 5 pages and 35 links: 1 problem(s)\n"
    )


def test_run_linkcheck_on_a_folder_that_is_no_built_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_linkcheck(tmp_path) == 2
    assert "not a built site (no index.html)" in capsys.readouterr().err


def test_the_real_site_has_no_broken_links_in_either_language(site: Path) -> None:
    report = check_site(site)
    assert [str(problem) for problem in report.problems] == []
    pages = list(site.rglob("*.html"))
    assert report.pages == len(pages) > 100
    # The Chinese interface is part of the site, not a separate one.
    assert sum(1 for page in pages if page.relative_to(site).parts[0] == "zh") > 50
    assert report.links > 10_000
    assert report.base_url == "http://127.0.0.1:8000/"


def test_the_checker_finds_faults_in_the_real_site(site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    document = "documents/2022-high-quality-development-opinions/"
    for interface in ("", "zh/"):
        page = copy / interface / "glossary/index.html"
        html = page.read_text(encoding="utf-8")
        page.write_text(html.replace("</main>", f'<a href="../{document}#3.99">x</a></main>', 1), encoding="utf-8")
    shutil.rmtree(copy / "zh/timeline/2003")
    problems = [str(problem) for problem in check_site(copy).problems]
    assert any(p.startswith("site/glossary/index.html:") and "fragment '#3.99' is not an id on" in p for p in problems)
    assert any(p.startswith("site/zh/glossary/index.html:") and "fragment '#3.99'" in p for p in problems)
    assert any("has no page (no site/zh/timeline/2003/index.html); did you mean" in p for p in problems)


def test_the_real_site_built_under_a_base_path_has_no_broken_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Where the site is published (GitHub Pages, say): MkDocs writes the not-found page's links under /reader/.
    monkeypatch.setenv("SITE_URL", BASE)
    site = tmp_path / "site"
    build_site(ROOT, site)
    report = check_site(site)
    assert report.base_url == BASE
    assert [str(problem) for problem in report.problems] == []
    assert 'href="/reader/zh/"' in (site / "404.html").read_text(encoding="utf-8")
