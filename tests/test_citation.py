"""Citations of passages and documents, field by field, in every style."""

from __future__ import annotations

import datetime
import functools
import json
import re
from dataclasses import replace
from urllib.parse import quote, urljoin

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotated_reader.citation import STYLES, CitationTarget, cite, csl_item, witness_description
from annotated_reader.cite_html import _citation_set, citation_html, citation_set, render_cite_control, render_cite_link
from annotated_reader.cite_pages import cite_page_path, render_cite_page
from annotated_reader.labels import passage_number
from annotated_reader.messages import messages
from annotated_reader.model import Document
from annotated_reader.pages import VIEWS, Reading
from annotated_reader.pipeline import CheckedCorpus, check_sources
from annotated_reader.site_info import SiteInfo
from conftest import PROPERTIES, ROOT

SITE = SiteInfo("Social Credit Policy Reader", "https://reader.example/", "v1.2-3-gabc1234", datetime.date(2026, 3, 5))
# (document, passage or None for the whole document, witness): a sample across documents, witnesses and numbering.
SAMPLE = [
    ("2014-planning-outline", "3.1", "en"),
    ("2022-high-quality-development-opinions", "3.9", "zh"),
    ("2022-high-quality-development-opinions", "preamble", "en"),
    ("2007-state-council-opinions", "2.p2", "en-qa"),
    ("2003-shanghai-opinions", None, "en"),
    ("2022-draft-law-commentary", "p4", "en"),
]
# How each style writes the access date 2026-03-05.
ACCESSED = {
    "chicago-note": "accessed March 5, 2026",
    "chicago-bibliography": "Accessed March 5, 2026",
    "apa": "Retrieved March 5, 2026, from",
    "mla": "Accessed 5 Mar. 2026",
    "gbt7714": "[2026-03-05]",
    "bibtex": "urldate = {2026-03-05}",
}


def target(checked: CheckedCorpus, document_id: str, passage: str | None, witness_id: str) -> CitationTarget:
    document = checked.corpus.document(document_id)
    assert document is not None and document.witness(witness_id) is not None
    assert passage is None or document.witness(witness_id).segment(passage) is not None, (document_id, passage)
    url = f"https://reader.example/documents/{document_id}/" + (f"#{passage}" if passage else "")
    return CitationTarget(document, document.witness(witness_id), passage, url)


def bibtex_fields(entry: str) -> tuple[str, str, dict[str, str]]:
    """(entry type, key, fields) of one BibTeX entry whose fields are brace-delimited, one per line."""
    head = re.match(r"@(\w+)\{([^,]+),\n", entry)
    assert head, entry
    fields = dict(re.findall(r"^  (\w+) = \{(.*)\},?$", entry, re.MULTILINE))
    assert entry.rstrip().endswith("}")
    return head[1], head[2], fields


@pytest.mark.parametrize(("document_id", "passage", "witness_id"), SAMPLE)
def test_text_styles_name_everything_a_reader_needs(
    checked: CheckedCorpus, document_id: str, passage: str | None, witness_id: str
) -> None:
    cited = target(checked, document_id, passage, witness_id)
    document, witness = cited.document, cited.witness
    for style in ("chicago-note", "chicago-bibliography", "apa", "mla"):
        text = cite(cited, SITE, style)
        for part in (document.issuer["en"], document.issuer["zh"], document.title["en"], document.title["zh"]):
            assert part in text, (style, part)
        if document.number:
            assert document.number in text, style
        assert witness_description(witness) in text and f"“{witness.id}”" in text, style
        assert witness.attribution.rstrip(".") in text, style
        if passage:
            assert passage_number(document, passage, "en") in text, style
        assert cited.url in text and "version v1.2-3-gabc1234" in text and ACCESSED[style] in text, style
    text = cite(cited, SITE, "gbt7714")
    assert text.startswith(f"{document.issuer['zh']}. {document.title['zh']}")
    assert "[EB/OL]" in text and ACCESSED["gbt7714"] in text and cited.url in text
    assert witness_description(witness, "zh") in text
    if passage:
        assert passage_number(document, passage, "zh") in text


def test_dates_follow_each_style(checked: CheckedCorpus) -> None:
    cited = target(checked, "2014-planning-outline", "3.1", "en")
    assert "June 14, 2014" in cite(cited, SITE, "chicago-note")
    assert "(2014, June 14)" in cite(cited, SITE, "apa")
    assert "14 June 2014" in cite(cited, SITE, "mla")
    assert "(2014-06-14)[2026-03-05]" in cite(cited, SITE, "gbt7714")


@pytest.mark.parametrize(("document_id", "passage", "witness_id"), SAMPLE)
def test_bibtex_entry_fields(checked: CheckedCorpus, document_id: str, passage: str | None, witness_id: str) -> None:
    cited = target(checked, document_id, passage, witness_id)
    document = cited.document
    kind, key, fields = bibtex_fields(cite(cited, SITE, "bibtex"))
    assert kind == "misc" and key == ":".join(p for p in (document_id, passage, witness_id) if p)
    assert fields["author"] == "{" + f"{document.issuer['en']} ({document.issuer['zh']})" + "}"
    assert fields["title"] == "{" + document.title["en"].replace("&", r"\&") + "}"
    assert fields["titleaddon"] == document.title["zh"]
    assert fields.get("number") == document.number
    if document.date:
        assert fields["date"] == str(document.date) and fields["year"] == str(document.date.year)
    assert fields["url"] == cited.url and fields["urldate"] == "2026-03-05"
    assert fields["version"] == "v1.2-3-gabc1234" and fields["howpublished"] == SITE.name
    assert fields["language"] == ("chinese" if witness_id == "zh" else "english")
    if passage:
        assert fields["note"].startswith(f"Passage {passage_number(document, passage, 'en')}. ")


def test_bibtex_escapes_what_latex_would_read() -> None:
    from annotated_reader.citation import _bibtex_value

    assert _bibtex_value("50% & #1 {x}_y") == r"50\% \& \#1 \{x\}\_y"


@pytest.mark.parametrize(("document_id", "passage", "witness_id"), SAMPLE)
def test_csl_json_item_fields(checked: CheckedCorpus, document_id: str, passage: str | None, witness_id: str) -> None:
    cited = target(checked, document_id, passage, witness_id)
    document, witness = cited.document, cited.witness
    [item] = json.loads(cite(cited, SITE, "csl-json"))
    assert item == csl_item(cited, SITE)
    assert item["id"] == cited.key
    assert item["type"] == ("post-weblog" if document.kind == "commentary" else "legislation")
    assert item["title"] == document.title["en"] and item["original-title"] == document.title["zh"]
    assert item["author"] == [{"literal": document.issuer["en"]}]
    assert item.get("number") == document.number
    if document.date:
        parts = [document.date.year, document.date.month, document.date.day]
        assert item["issued"] == {"date-parts": [[p for p in parts if p]]}
    assert item.get("section") == (passage_number(document, passage, "en") if passage else None)
    assert item["language"] == witness.language and item["genre"] == witness_description(witness)
    assert witness.attribution in item["note"]
    assert item["URL"] == cited.url and item["accessed"] == {"date-parts": [[2026, 3, 5]]}
    assert item["container-title"] == SITE.name and item["version"] == "v1.2-3-gabc1234"


def test_the_cite_control_marks_access_dates_and_works_without_scripts(checked: CheckedCorpus) -> None:
    from bs4 import BeautifulSoup

    cited = target(checked, "2014-planning-outline", "3.1", "en")
    html = render_cite_control([cited], SITE, messages("en"), "Planning Outline (2014) III (1)")
    soup = BeautifulSoup(html, "html.parser")
    control = soup.select_one("details.ar-cite")
    assert control is not None and control.get("open") is None
    assert (
        control.summary.get_text() == "Cite" and control.summary["aria-label"] == "Cite Planning Outline (2014) III (1)"
    )
    assert [c["data-style"] for c in soup.select(".ar-citation")] == list(STYLES)
    for citation in soup.select(".ar-citation"):
        # The text as a reader selects it without JavaScript is the citation itself.
        assert citation.get_text() == cite(cited, SITE, citation["data-style"])
        assert len(citation.select(".ar-accessed")) == 1
    assert soup.select_one('[data-style="csl-json"] .ar-accessed').get_text() == "2026, 3, 5"
    # Copy buttons are for scripts to reveal.
    assert all(button.has_attr("hidden") for button in soup.select(".ar-copy-citation"))
    zh = BeautifulSoup(render_cite_control([cited], SITE, messages("zh"), "规划纲要（2014） 三（一）"), "html.parser")
    assert zh.summary.get_text() == "引用" and "网站版本 v1.2-3-gabc1234" in zh.get_text()
    assert citation_html(cited, SITE, "mla").count('class="ar-accessed"') == 1


def test_a_passage_cite_control_links_to_its_citations() -> None:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(render_cite_link("3.1", "Planning Outline (2014) III (1)", messages("en")), "html.parser")
    control = soup.select_one("details.ar-cite")
    assert control.get("open") is None and control["data-cite-passage"] == "3.1"
    assert control.summary["aria-label"] == "Cite Planning Outline (2014) III (1)"
    link = control.select_one(".ar-cite-body a.ar-cite-page-link")
    assert link["href"] == "cite/#3.1"
    assert link.get_text() == "Citations of Planning Outline (2014) III (1) in every style"
    assert not soup.select(".ar-citation")


@pytest.mark.parametrize("view", VIEWS, ids=["parallel", "zh", "en"])
def test_a_view_citation_page_cites_each_passage_of_the_view(checked: CheckedCorpus, view) -> None:
    from bs4 import BeautifulSoup

    document = checked.corpus.document("2007-state-council-opinions")
    html = render_cite_page(document, view, Reading(messages("en"), SITE), "assets/annotated-reader/", "icon.png")
    soup = BeautifulSoup(html, "html.parser")
    folder = f"documents/2007-state-council-opinions/{view.slug + '/' if view.slug else ''}"
    assert cite_page_path(document, view) == folder + "cite/index.html"
    root = "../" * folder.count("/") + "../"
    assert soup.html["lang"] == "en" and soup.title.get_text() == soup.h1.get_text()
    assert soup.select_one("link[rel=stylesheet]")["href"] == root + "assets/annotated-reader/reader.css"
    assert soup.select_one("script")["src"] == root + "assets/annotated-reader/reader.js"
    assert soup.select_one("link[rel=icon]")["href"] == root + "icon.png"
    assert "Site version v1.2-3-gabc1234" in soup.select_one(".ar-cite-version").get_text()
    shown = view.witnesses(document) or list(document.witnesses)
    sections = soup.select("section.ar-cite-passage")
    # Every passage some text of the view has, in order; a passage no text of the view has is left out.
    assert [s["id"] for s in sections] == [p for p in document.segment_ids if any(w.segment(p) for w in shown)]
    for section in sections:
        passage = section["id"]
        assert section.h2.a["href"] == f"../#{passage}"
        witnesses = [w for w in shown if w.segment(passage)]
        assert [s["data-cite-witness"] for s in section.select(".ar-cite-set")] == [w.id for w in witnesses]
        for witness, citation in zip(witnesses, section.select('.ar-citation[data-style="apa"]'), strict=True):
            cited = CitationTarget(document, witness, passage, SITE.absolute(folder + "#" + passage))
            assert citation.get_text() == cite(cited, SITE, "apa")
    # The Chinese view's passage labels are Chinese, marked so in an English page.
    assert (sections[0].h2.get("lang") == "zh-Hans") == (view.language == "zh")


BASES = [
    "https://reader.example/",
    "https://reader.example/sub/site/",
    "http://127.0.0.1:8000/",
    "https://x.example/a?q=1",
]


@settings(PROPERTIES, max_examples=500)
@given(base=st.sampled_from(BASES), path=st.text(alphabet="ab9./#:?;%-_~ \t\n", max_size=24))
def test_a_site_relative_url_is_made_absolute_exactly_as_urljoin_makes_it(base: str, path: str) -> None:
    """Plain paths are appended rather than joined, for speed: the result must be urljoin's."""
    site = SiteInfo("Reader", base, "v1", datetime.date(2026, 3, 5))
    assert site.absolute(path) == urljoin(base, path)


def test_typical_site_urls_are_made_absolute() -> None:
    site = SiteInfo("Reader", "https://reader.example/", "v1", datetime.date(2026, 3, 5))
    assert site.absolute("documents/x/zh/#3.9") == "https://reader.example/documents/x/zh/#3.9"
    assert site.absolute("../documents/x/") == "https://reader.example/documents/x/"
    assert SiteInfo("Reader", None, "v1", datetime.date(2026, 3, 5)).absolute("documents/x/") == "documents/x/"


# Addresses of one passage in different views and sites, and one no style writes as it is.
ADDRESSES = [
    "https://reader.example/documents/{document}/#{passage}",
    "https://reader.example/documents/{document}/zh/#{passage}",
    "http://127.0.0.1:8000/zh/documents/{document}/en/#{passage}",
    'https://reader.example/a&b/"quoted"/读者/{document}/#{passage}',
    "https://reader.example/2026-03-05/{document}/#{passage}",  # the access date, as two styles write it
]


@pytest.mark.parametrize(("document_id", "passage", "witness_id"), SAMPLE)
def test_a_citation_set_made_once_per_passage_is_the_same_for_every_address(
    checked: CheckedCorpus, document_id: str, passage: str | None, witness_id: str
) -> None:
    # Each view's set is made from the passage's first, with its own address put in: as if made for it alone.
    first = target(checked, document_id, passage, witness_id)
    for msg in (messages("en"), messages("zh")):
        for address in ADDRESSES:
            cited = replace(first, url=address.format(document=document_id, passage=passage or ""))
            assert citation_set(cited, SITE, msg) == _citation_set(cited, SITE, msg), (address, msg.language)
            assert cited.url in citation_set(cited, SITE, msg) or "&" in cited.url


def test_a_citation_set_follows_a_document_read_again(checked: CheckedCorpus) -> None:
    # Under `mkdocs serve`, each build reads the files again: an edited title is cited at once.
    first = target(checked, "2014-planning-outline", "3.1", "en")
    assert first.document.title["en"] in citation_set(first, SITE, messages("en"))
    edited = replace(first.document, title={**first.document.title, "en": "An Edited Title"})
    again = replace(first, document=edited, witness=edited.witness("en"))
    assert "An Edited Title" in citation_set(again, SITE, messages("en"))


def test_every_passage_of_the_corpus_is_cited_as_if_alone(checked: CheckedCorpus) -> None:
    # A witness's passages are cited from one set made with stand-ins for the passage's id and
    # numbers (and the view's address), each given its own: the same as a set made for it alone.
    cited = 0
    for document in checked.corpus.documents:
        for witness in document.witnesses:
            for passage in witness.segment_ids:
                url = f"https://reader.example/documents/{document.id}/zh/#{passage}"
                one = CitationTarget(document, witness, passage, url)
                for msg in (messages("en"), messages("zh")):
                    assert citation_set(one, SITE, msg) == _citation_set(one, SITE, msg), one.key
                cited += 1
    assert cited > 200


# Passage ids beside real ones: numbered, named, and with what a style or the page escapes,
# the access date as a style writes it, or the text standing in for a passage.
ODD_PASSAGES = [
    *("3.1", "preamble", "2.p2", "a&b", "a<b", "it's", "x_y", "{p}", 'say "so"', "2026-03-05"),
    *("cited-passage.invalid", "passage-number.invalid"),
]
_TOKENS = st.text(st.sampled_from('ab1p_{}&<\\"%#-'), min_size=1)


@functools.cache
def _outline() -> Document:
    document = check_sources(ROOT).corpus.document("2014-planning-outline")
    assert document is not None
    return document


@pytest.mark.parametrize("passage", ODD_PASSAGES)
def test_a_passage_some_style_escapes_is_cited_as_if_alone(passage: str) -> None:
    _cited_as_if_alone(passage)


@PROPERTIES
@given(passage=st.lists(_TOKENS, min_size=1, max_size=3).map(".".join))
def test_any_passage_is_cited_as_if_alone(passage: str) -> None:
    _cited_as_if_alone(passage)


def _cited_as_if_alone(passage: str) -> None:
    # Beside a passage cited from the witness's shared set, so that set is made first; at an
    # address every style writes as it is, so that the passage's own set is made once too.
    document = _outline()
    for cited in ("3.1", passage):
        one = CitationTarget(document, document.witness("en"), cited, f"https://reader.example/x/#{quote(cited)}")
        assert citation_set(one, SITE, messages("en")) == _citation_set(one, SITE, messages("en")), cited
