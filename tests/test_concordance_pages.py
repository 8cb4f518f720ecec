"""A term's page per year of its documents, once it has more lines than a term page shows itself."""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

from bs4 import BeautifulSoup

from annotated_reader.concordance import by_year
from annotated_reader.corpus_years import UNDATED, year_key, year_label
from annotated_reader.linkcheck import check_site
from annotated_reader.messages import ENGLISH, messages
from annotated_reader.model import Corpus
from annotated_reader.pipeline import CheckedCorpus
from annotated_reader.search import is_indexed
from annotated_reader.term_pages import GlossaryContext, render_term_page, render_term_year_page
from conftest import FIXTURES, copy_project, failed_build
from test_search import _stored_texts

# Below the repository's busiest terms (integrity, credit information, social credit system and
# untrustworthiness have more lines), above the others.
LIMIT = 50


def _context(project: CheckedCorpus, language: str = "en", limit: int = LIMIT) -> GlossaryContext:
    terms = {t.id: t for t in project.terms}
    return GlossaryContext(project.corpus, terms, project.occurrences, messages(language), limit)


def _soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def test_a_busy_term_has_a_page_per_year_and_no_line_or_rendering_is_lost(project: CheckedCorpus) -> None:
    context = _context(project)
    inline = _context(project, limit=len(project.occurrences))
    per_term = Counter(o.term for o in project.occurrences)
    paged = [term for term in project.terms if per_term[term.id] > LIMIT]
    assert {t.id for t in paged} >= {"integrity", "credit-information", "social-credit-system"}
    for term in paged:
        years = context.years(term)
        lines_by_year = context.lines_by_year(term)
        assert set(lines_by_year) <= set(years) and years == sorted(years)
        page = _soup(render_term_page(term, context))
        assert not page.select(".ar-kwic tbody tr"), term.id
        # The term page lists each year, and each document with lines there under its old id.
        listed = page.select("ul.ar-kwic-years > li")
        assert [li.a["href"] for li in listed] == [f"{year}/" for year in years]
        # Its renderings, one row per form: as many uses counted as the texts' rows hold.
        whole = _soup(render_term_page(term, inline)).select(".ar-renderings tbody tr")
        by_form = page.select(".ar-renderings tbody tr")
        assert len({row.select("td")[2].get_text() for row in whole}) == len(by_form)
        counted = sum(int(row.select("td")[3].get_text()) for row in whole)
        assert sum(int(row.select("td")[2].get_text()) for row in by_form) == counted
        assert sum(int(row.select("td")[1].get_text()) for row in by_form) == len(whole)
        lines, rows = 0, []
        for year in years:
            found = lines_by_year.get(year, [])
            year_page = _soup(render_term_year_page(term, year, context))
            assert len(year_page.select(".ar-kwic tbody tr")) == len(found)
            lines += len(found)
            rows += [str(row) for row in year_page.select(".ar-renderings tbody tr")]
            for document in dict.fromkeys(o.document for o in found):
                entry = page.find(id=f"in-{document}")
                assert entry["href"] == f"{year}/#in-{document}"
                assert year_page.find("section", id=f"in-{document}"), (term.id, year, document)
            # From glossary/<term>/<year>/, the passages (and the other terms) are three folders up.
            links = year_page.select(".ar-kwic a, .ar-renderings a")
            assert links and all(a["href"].startswith(("../../../documents/", "../../../glossary/")) for a in links)
            # Both year lists name every year and mark this one.
            for nav in year_page.select("nav.ar-years-nav"):
                assert [a["href"] for a in nav.select("a")] == [f"../{y}/" for y in years]
                assert [a.get_text() for a in nav.select('a[aria-current="page"]')] == [year]
            assert year_page.select_one(".ar-kwic-back a")["href"] == "../#concordance"
        assert lines == per_term[term.id], term.id
        # The year pages' renderings rows are the whole table's, but for where their links start.
        assert rows == [str(row).replace('href="../../', 'href="../../../') for row in whole]


def test_a_term_within_the_limit_keeps_its_lines_on_its_page(project: CheckedCorpus) -> None:
    per_term = Counter(o.term for o in project.occurrences)
    term = next(t for t in project.terms if t.id == "integrity")
    # Exactly at the limit: the lines stay, with their sections' ids.
    context = _context(project, limit=per_term[term.id])
    assert context.years(term) == []
    page = _soup(render_term_page(term, context))
    assert len(page.select(".ar-kwic tbody tr")) == per_term[term.id]
    assert not page.select(".ar-kwic-years")
    assert {s["id"] for s in page.select("section.ar-kwic-document")} == {
        f"in-{o.document}" for o in project.occurrences if o.term == term.id
    }


def test_the_chinese_interface_names_the_pages_in_chinese(project: CheckedCorpus) -> None:
    context = _context(project, "zh")
    term = next(t for t in project.terms if t.id == "integrity")
    year = context.years(term)[0]
    page = _soup(render_term_year_page(term, year, context))
    assert page.h1.get_text() == f"“{term.zh}”·{year}年：用词与语境索引"
    assert page.select_one("nav.ar-years-nav")["aria-label"] == "语境索引年份"
    intro = page.select_one(".ar-kwic-intro").get_text()
    assert intro.startswith(f"{year}年的") and "次。此术语" in intro


def test_documents_without_a_date_come_last_on_their_own_page(project: CheckedCorpus) -> None:
    found = [o for o in project.occurrences if o.term == "integrity"]
    first = project.corpus.document(found[0].document)
    undated = dataclasses.replace(first, date=None)
    corpus = Corpus([*(d for d in project.corpus.documents if d is not first), undated])
    years = by_year(corpus, found)
    assert year_key(undated) == UNDATED and list(years)[-1] == UNDATED
    assert list(years)[:-1] == sorted(list(years)[:-1])
    assert {o.document for o in years[UNDATED]} == {first.id}
    assert sum(len(lines) for lines in years.values()) == len(found)
    assert year_label(UNDATED, ENGLISH) == "undated" and year_label(UNDATED, messages("zh")) == "无日期"


def test_concordance_pages_are_left_out_of_the_search_index() -> None:
    assert not is_indexed("glossary/integrity/2014/", parallel_view=False)
    assert not is_indexed("glossary/integrity/undated/", parallel_view=False)
    assert is_indexed("glossary/integrity/", parallel_view=False)


def test_a_build_writes_the_pages_in_both_interfaces_with_every_link_working(paged_site: Path) -> None:
    for interface in ("", "zh/"):
        term_page = _soup((paged_site / interface / "glossary/sample/index.html").read_text(encoding="utf-8"))
        assert term_page.select_one("#in-2001-sample-bilingual")["href"] == "2001/#in-2001-sample-bilingual"
        year_page = paged_site / interface / "glossary/sample/2001/index.html"
        assert _soup(year_page.read_text(encoding="utf-8")).select(".ar-kwic tbody tr")
    # (The repository's docs/ link to its own documents, which the small corpus has not.)
    problems = [str(p) for p in check_site(paged_site).problems if "/glossary/" in p.path]
    assert problems == []
    # The lines repeat the texts: neither interface's search index holds the pages.
    for interface in ("", "zh/"):
        urls = _stored_texts(paged_site / interface / "pagefind")
        assert "/glossary/sample/" in urls and not [u for u in urls if u.startswith("/glossary/sample/2")]


def test_an_option_deciding_the_pages_must_be_set_in_both_interfaces_files(tmp_path: Path) -> None:
    """Set in mkdocs.yml alone, the Chinese interface would lack the year pages its language switch leads to."""
    project = copy_project(FIXTURES / "small", tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - annotated-reader:\n", "  - annotated-reader:\n      concordance_lines: 1\n"))
    log = failed_build(project, tmp_path / "site")
    # Each file's line: where mkdocs.yml sets it, and the plugin's entry in mkdocs.zh.yml, where it would go.
    set_at = config.read_text(encoding="utf-8").splitlines().index("      concordance_lines: 1") + 1
    entry = (project / "mkdocs.zh.yml").read_text(encoding="utf-8").splitlines().index("  - annotated-reader") + 1
    assert (
        f"mkdocs.zh.yml:{entry}: plugins: annotated-reader: concordance_lines is 500, but mkdocs.yml:{set_at} "
        "sets 1: set the same in both files"
    ) in log
    assert "Traceback" not in log
