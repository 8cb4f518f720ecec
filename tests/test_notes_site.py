"""Notes on the built pages: placed, highlighted, cross-referenced, indexed and exported, none lost."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from bs4 import BeautifulSoup

from annotated_reader.pipeline import CheckedCorpus

VIEWS = ("", "zh", "en")


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _page(site: Path, document_id: str, view: str = "") -> BeautifulSoup:
    return _soup(site / "documents" / document_id / view / "index.html")


def test_every_annotation_is_rendered_once_in_every_view(site: Path, project: CheckedCorpus) -> None:
    assert len(project.annotations) >= 40
    expected = Counter(a.target.passage.document for a in project.annotations)
    for document in project.corpus.documents:
        for view in VIEWS:
            notes = [n["id"] for n in _page(site, document.id, view).select("article.ar-note")]
            assert len(notes) == len(set(notes)) == expected[document.id], (document.id, view)
    rendered = {n["id"] for d in project.corpus.documents for n in _page(site, d.id).select("article.ar-note")}
    assert rendered == {f"note-{a.id}" for a in project.annotations}


def test_quotes_are_highlighted_in_their_witness_with_a_link_to_the_note(site: Path, project: CheckedCorpus) -> None:
    for anchor in project.anchors:
        if anchor.found is None:
            continue
        row = _page(site, anchor.annotation.target.passage.document).find(id=anchor.passage)
        cell = row.select_one(f'.ar-cell[data-witness="{anchor.witness}"]')
        marks = [m for m in cell.select("mark.ar-quote") if anchor.annotation.id in m["data-notes"].split()]
        assert "".join(m.get_text() for m in marks) == anchor.found, anchor.annotation.id
        assert cell.select_one(f'a.ar-noteref[href="#note-{anchor.annotation.id}"]') is not None


def test_small_fixture_notes_in_other_views_ranges_and_back_links(small_site: Path) -> None:
    # The English quote's note is beside 1.1 in the Chinese view too; the quote itself is not shown there.
    zh = _page(small_site, "2001-sample-bilingual", "zh")
    row = zh.find(id="1.1")
    assert row.select_one("#note-sample-quote-en") is not None and row["data-notes"] == "true"
    assert not row.select("mark.ar-quote")
    en = _page(small_site, "2001-sample-bilingual", "en")
    mark = en.find(id="1.1").select_one("mark.ar-quote")
    assert mark.get_text() == "for tests only" and mark["data-notes"] == "sample-quote-en"
    # A range note sits at its first passage; the others link to it.
    parallel = _page(small_site, "2001-sample-bilingual")
    assert parallel.find(id="1").select_one("#note-sample-whole-range") is not None
    for passage in ("1.1", "1.2"):
        marker = parallel.find(id=passage).select_one(".ar-markers a.ar-noteref")
        assert marker["href"] == "#note-sample-whole-range"
    # refs render as links, and the referenced passages link back.
    note = parallel.select_one("#note-sample-quote-zh")
    assert note.select_one(".ar-note-refs a")["href"] == "../../documents/2002-sample-notice/#p1"
    notice = _page(small_site, "2002-sample-notice")
    back = notice.find(id="p1").select_one(".ar-referenced-by a")
    assert back["href"] == "../../documents/2001-sample-bilingual/#note-sample-quote-zh"
    back = parallel.find(id="1.1").select_one(".ar-referenced-by a")
    assert back["href"] == "../../documents/2002-sample-notice/#note-sample-cross-reference"
    assert note.select_one(".ar-note-body")["lang"] == "zh-Hans"


def test_note_has_type_permalink_author_date_tags_and_sources(small_site: Path) -> None:
    note = _page(small_site, "2001-sample-bilingual").select_one("#note-sample-whole-range")
    assert note.select_one(".ar-note-type").get_text() == "Question for discussion"
    assert note.select_one("a.ar-note-permalink")["href"] == "#note-sample-whole-range"
    assert "Fixture Author" in note.select_one(".ar-note-meta").get_text()
    assert note.select_one("time")["datetime"] == "2026-01-04"
    assert [t.get_text() for t in note.select(".ar-tag")] == ["sample"]
    link = note.select_one(".ar-note-body a")
    assert link["href"] == "https://example.org/guide" and "noopener" in link["rel"]
    assert note.select_one(".ar-note-sources a")["href"] == "https://example.org/guide"
    assert note.details.has_attr("open")


def test_index_lists_every_note_by_document_type_and_tag(site: Path, project: CheckedCorpus) -> None:
    index = _soup(site / "annotations" / "index.html")
    entries = index.select(".ar-index-entry a")
    assert sorted(a["href"].split("#")[1] for a in entries) == sorted(f"note-{a.id}" for a in project.annotations)
    for type_id, count in Counter(a.type for a in project.annotations).items():
        assert index.find(id=f"type-{type_id}").get_text().endswith(f"({count})")
    for tag in {t for a in project.annotations for t in a.tags}:
        assert index.find(id=f"tag-{tag}") is not None
    home = _soup(site / "index.html")
    counts = [p.get_text() for p in home.select(".ar-corpus-notes")]
    per_document = Counter(a.target.passage.document for a in project.annotations)
    assert counts == [f"Notes: {per_document[d.id]}" for d in project.corpus.documents]


def test_web_annotation_export(small_site: Path, site: Path, project: CheckedCorpus) -> None:
    collection = json.loads((small_site / "data/annotations/2001-sample-bilingual.jsonld").read_text("utf-8"))
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert collection["type"] == "AnnotationCollection" and collection["total"] == 3
    items = {item["id"].split("#")[1]: item for item in collection["first"]["items"]}
    quoted = items["note-sample-quote-en"]
    assert quoted["type"] == "Annotation" and quoted["motivation"] == "commenting"
    # Absolute, from mkdocs.yml's site_url (relative to the export file when there is none).
    assert quoted["target"]["source"] == "http://127.0.0.1:8000/documents/2001-sample-bilingual/en/"
    assert quoted["id"] == "http://127.0.0.1:8000/documents/2001-sample-bilingual/#note-sample-quote-en"
    fragment, text_quote = quoted["target"]["selector"]
    assert fragment == {"type": "FragmentSelector", "conformsTo": "http://tools.ietf.org/rfc/rfc3986", "value": "1.1"}
    assert text_quote == {"type": "TextQuoteSelector", "exact": "for tests only", "prefix": "sample is "}
    assert {"type": "TextualBody", "value": "sample", "purpose": "tagging"} in quoted["body"]
    ranged = items["note-sample-whole-range"]["target"]["selector"]
    assert ranged["type"] == "RangeSelector" and ranged["endSelector"]["value"] == "1.2"
    exported = []
    for document in project.corpus.documents:
        path = site / "data/annotations" / f"{document.id}.jsonld"
        if path.exists():
            exported += [i["id"].split("#note-")[1] for i in json.loads(path.read_text("utf-8"))["first"]["items"]]
    assert sorted(exported) == sorted(a.id for a in project.annotations)


def _schema_fields(schema: dict) -> set[str]:
    fields = set()
    for definition in schema["$defs"].values():
        fields |= set(definition.get("properties", {}))
    return fields


def test_every_annotation_field_is_explained_in_the_contributor_guide() -> None:
    from conftest import ROOT

    schema = json.loads((ROOT / "annotations/annotation.schema.json").read_text(encoding="utf-8"))
    guide = (ROOT / "docs/contributing.md").read_text(encoding="utf-8")
    missing = sorted(name for name in _schema_fields(schema) if f"`{name}`" not in guide)
    assert missing == []
    for definition in schema["$defs"].values():
        for name, field in definition.get("properties", {}).items():
            assert field.get("description"), name


def test_web_annotation_ids_are_relative_without_a_site_url(project: CheckedCorpus) -> None:
    from annotated_reader.notes import NoteIndex
    from annotated_reader.web_annotation import export_document

    index = NoteIndex.build(project.corpus, project.anchors)
    document = project.corpus.document("2022-high-quality-development-opinions")
    collection = json.loads(export_document(index, document, None))
    assert collection["id"] == "../../data/annotations/2022-high-quality-development-opinions.jsonld"
    assert all(item["id"].startswith("../../documents/") for item in collection["first"]["items"])
