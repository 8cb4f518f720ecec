"""The built site as instructors and reference managers read it: metadata tags,
downloads against their schema, the data and how-to-cite pages, and the
Chinese interface built beside the English one."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from bs4 import BeautifulSoup

from annotated_reader.pipeline import CheckedCorpus
from conftest import ROOT, copy_project, failed_build

SITE_URL = "http://127.0.0.1:8000/"
VIEWS = ("", "zh/", "en/")


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def meta(page: BeautifulSoup) -> dict[str, list[str]]:
    """Every <meta name|property> of the page, name -> contents in order."""
    found: dict[str, list[str]] = {}
    for tag in page.select("head meta[content]"):
        name = tag.get("name") or tag.get("property")
        if name:
            found.setdefault(name, []).append(tag["content"])
    return found


def test_document_pages_carry_reference_manager_metadata(site: Path, checked: CheckedCorpus) -> None:
    for document in checked.corpus.documents:
        for view in VIEWS:
            page = soup(site / "documents" / document.id / view / "index.html")
            tags = meta(page)
            language = "zh" if view == "zh/" else "en"
            url = f"{SITE_URL}documents/{document.id}/{view}"
            assert page.select_one("link[rel=canonical]")["href"] == url
            assert tags["citation_title"] == [document.title[language]]
            assert tags["citation_author"] == [document.issuer[language]]
            assert tags["citation_language"] == [language]
            assert tags["citation_public_url"] == [url] and tags["og:url"] == [url]
            assert tags["DC.title"] == [document.title[language]] and tags["DC.creator"] == [document.issuer[language]]
            assert url in tags["DC.identifier"]
            assert tags["og:title"] == [document.title[language]] and tags["og:type"] == ["article"]
            assert tags["og:site_name"] == ["Social Credit Policy Reader"]
            if document.date:
                # Highwire wants YYYY/MM/DD; Dublin Core ISO 8601.
                assert tags["citation_publication_date"] == [str(document.date).replace("-", "/")]
                assert tags["DC.date"] == [str(document.date)]
            if document.number:
                assert tags["citation_technical_report_number"] == [document.number]
                assert document.number in tags["DC.identifier"]


def test_every_passage_and_document_has_a_cite_control(site: Path, checked: CheckedCorpus) -> None:
    for document in checked.corpus.documents:
        page = soup(site / "documents" / document.id / "index.html")
        header = page.select_one(".ar-doc-header details.ar-cite")
        assert header is not None
        assert [s["data-cite-witness"] for s in header.select(".ar-cite-set")] == [w.id for w in document.witnesses]
        for view, languages in (("", None), ("zh/", ("zh",)), ("en/", ("en",))):
            folder = site / "documents" / document.id / view
            page = soup(folder / "index.html")
            citations = soup(folder / "cite/index.html")
            # A view without a text in its language cites the texts there are.
            shown = [w for w in document.witnesses if languages is None or w.language.split("-")[0] in languages]
            shown = shown or list(document.witnesses)
            rows = page.select(".ar-row")
            cited = [row["id"] for row in rows if any(w.segment(row["id"]) for w in shown)]
            # One section per passage the view cites, in the text's order; nothing else.
            assert [s["id"] for s in citations.select("section.ar-cite-passage")] == cited
            for row in rows:
                control = row.select_one(".ar-tools details.ar-cite")
                if row["id"] not in cited:
                    assert control is None, (document.id, view, row["id"])
                    continue
                assert control is not None, (document.id, view, row["id"])
                # The view holds a link to the passage's citations, not the citations.
                assert not control.select(".ar-citation")
                assert control["data-cite-passage"] == row["id"]
                assert control.select_one("a.ar-cite-page-link")["href"] == f"cite/#{row['id']}"
                section = citations.find("section", id=row["id"])
                present = [w.id for w in shown if w.segment(row["id"])]
                assert [s["data-cite-witness"] for s in section.select(".ar-cite-set")] == present
                permalink = f"{SITE_URL}documents/{document.id}/{view}#{row['id']}"
                chicago = section.select_one('.ar-citation[data-style="chicago-note"]').get_text()
                assert permalink in chicago and row["data-label"].split(" ", 1)[0] not in ("", None)
                assert section.h2.a["href"] == f"../#{row['id']}"


def test_downloads_match_their_schema_and_the_corpus(site: Path, checked: CheckedCorpus) -> None:
    schema = json.loads((site / "data/document-download.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    for document in checked.corpus.documents:
        data = json.loads((site / f"data/documents/{document.id}.json").read_text("utf-8"))
        jsonschema.validate(data, schema)
        assert data["id"] == document.id and data["passages"] == document.segment_ids
        assert data["$schema"] == f"{SITE_URL}data/document-download.schema.json"
        for witness, exported in zip(document.witnesses, data["witnesses"], strict=True):
            assert exported["id"] == witness.id and exported["attribution"] == witness.attribution
            assert exported["provenance"]["sha256"] == witness.provenance.sha256
            assert [(s["id"], s["text"]) for s in exported["segments"]] == [(s.id, s.text) for s in witness.segments]
        text = (site / f"data/documents/{document.id}.txt").read_text("utf-8")
        assert text.startswith(document.title["en"] + "\n" + document.title["zh"] + "\n")
        for witness in document.witnesses:
            assert f"Attribution: {witness.attribution}" in text
            for segment in witness.segments:
                assert f"[{segment.id}] {segment.text}\n" in text


def test_a_download_that_breaks_the_schema_is_rejected(site: Path) -> None:
    import pytest

    schema = json.loads((site / "data/document-download.schema.json").read_text("utf-8"))
    data = json.loads((site / "data/documents/2014-planning-outline.json").read_text("utf-8"))
    data["witnesses"][0]["segments"][0]["id"] = "Not An ID"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_the_data_page_lists_every_download_and_attribution(site: Path, checked: CheckedCorpus) -> None:
    page = soup(site / "data/index.html")
    rows = page.select("table.ar-downloads tbody tr")
    assert len(rows) == len(checked.corpus.documents)
    for row, document in zip(rows, checked.corpus.documents, strict=True):
        for link in row.select("a[href]"):
            target = (site / "data" / link["href"]).resolve()
            assert (target / "index.html" if link["href"].endswith("/") else target).is_file(), link["href"]
        for witness in document.witnesses:
            assert witness.attribution in row.get_text()
    assert page.find(string=lambda s: s and "Licence and attribution" in s)


def test_the_cite_page_shows_working_examples(site: Path) -> None:
    page = soup(site / "cite/index.html")
    example = page.select_one(".ar-cite-example")
    links = example.select(".ar-link-examples a")
    assert len(links) >= 6
    for link in links:
        path, _, fragment = link["href"].partition("#")
        target = soup((site / "cite" / path / "index.html").resolve())
        for identifier in fragment.split("~") if fragment else []:
            assert target.find(id=identifier) is not None, link["href"]
        assert link.get_text().startswith(SITE_URL)
    assert [c["data-style"] for c in example.select(".ar-citation")][:2] == ["chicago-note", "chicago-bibliography"]


def test_a_cite_example_naming_an_unknown_passage_fails_the_build(tmp_path: Path) -> None:
    project = copy_project(ROOT, tmp_path / "project")
    page = project / "docs/cite.md"
    marker = "<!-- annotated-reader:cite-example 2022-high-quality-development-opinions 3.99 -->"
    # And a misspelled marker, which would otherwise stay an invisible comment.
    marker += "\n\n<!-- annotated-reader:download -->"
    page.write_text(page.read_text("utf-8").replace("<!-- annotated-reader:cite-example -->", marker), encoding="utf-8")
    log = failed_build(project, tmp_path / "site")
    line = next(n for n, text in enumerate(page.read_text("utf-8").splitlines(), 1) if "3.99" in text)
    assert (
        f"docs/cite.md:{line}: cite-example: document '2022-high-quality-development-opinions' has no passage '3.99'"
        in log
    )
    expected = "unknown marker 'annotated-reader:download': did you mean 'downloads'? the markers are corpus,"
    assert f"docs/cite.md:{line + 2}: {expected}" in log


def test_the_chinese_interface_has_every_generated_page(site: Path) -> None:
    english = {p.relative_to(site) for p in site.rglob("index.html") if p.relative_to(site).parts[0] != "zh"}
    chinese = {p.relative_to(site / "zh") for p in (site / "zh").rglob("index.html")}
    assert english == chinese
    home = soup(site / "zh/index.html")
    assert home.html["lang"] == "zh"
    nav = [
        a.get_text(" ", strip=True)
        for a in home.select(".md-nav--primary > .md-nav__list > li > a, .md-nav--primary > .md-nav__list > li > label")
    ]
    assert any("文件" in label for label in nav) and any("术语表" in label for label in nav)


def test_the_language_switch_points_at_the_same_page(site: Path) -> None:
    for relative in ("documents/2014-planning-outline/en/", "glossary/", "cite/", ""):
        english = soup(site / relative / "index.html")
        links = {a["hreflang"]: a["href"] for a in english.select("a.ar-lang-link")}
        assert (site / relative / links["zh"]).resolve() == (site / "zh" / relative).resolve()
        chinese = soup(site / "zh" / relative / "index.html")
        links = {a["hreflang"]: a["href"] for a in chinese.select("a.ar-lang-link")}
        assert (site / "zh" / relative / links["en"]).resolve() == (site / relative).resolve()


def test_the_chinese_cite_page_shows_plain_addresses(site: Path) -> None:
    page = soup(site / "zh/cite/index.html")
    shown = [code.get_text() for code in page.select(".ar-link-examples code")]
    assert shown and all(text.startswith(SITE_URL) and "/../" not in text for text in shown), shown
    # The English interface's page is among them, at the site's root.
    assert any(text.startswith(SITE_URL + "documents/") for text in shown)
