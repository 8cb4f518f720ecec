"""Each document as files to download: plain text, and JSON with segments by ID and witness.

The JSON carries the document's metadata, the sources of facts the texts do
not give, and every witness with its provenance (seed file, lines, checksum,
published copies) and its segments in reading order, so a reader can check a
quotation or load the corpus into their own tools. Its shape is
schemas/document-download.schema.json, published beside the files. The plain
text is the same content for reading or pasting: one block per witness, each
passage on its own line after its ID.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from .messages import ENGLISH
from .model import Document, Source, Witness
from .site_info import SiteInfo
from .site_urls import document_url

DATA_FOLDER = "data/documents/"
SCHEMA_URI = "data/document-download.schema.json"


def text_path(document: Document) -> str:
    return f"{DATA_FOLDER}{document.id}.txt"


def json_path(document: Document) -> str:
    return f"{DATA_FOLDER}{document.id}.json"


def download_schema() -> str:
    """The JSON Schema of the JSON download, as published on the site."""
    return (resources.files("annotated_reader") / "schemas" / "document-download.schema.json").read_text("utf-8")


def _source(source: Source) -> dict[str, Any]:
    fields = {"title": source.title, "url": source.url, "supports": source.supports, "note": source.note}
    return {name: value for name, value in fields.items() if value is not None}


def _witness(witness: Witness) -> dict[str, Any]:
    provenance = witness.provenance
    return {
        "id": witness.id,
        "language": witness.language,
        "role": witness.role,
        "quality": witness.quality,
        "quality_evidence": witness.quality_evidence,
        "attribution": witness.attribution,
        "extent": witness.extent,
        "missing": dict(witness.missing),
        "provenance": {
            "seed": provenance.seed,
            "sha256": provenance.sha256,
            "seed_lines": list(provenance.seed_lines) if provenance.seed_lines else None,
            "site": provenance.site,
            "copies": [_source(copy) for copy in provenance.copies],
        },
        "segments": [{"id": s.id, "kind": s.kind, "text": s.text} for s in witness.segments],
    }


def document_data(document: Document, site: SiteInfo) -> dict[str, Any]:
    """The document as JSON-ready data (see the schema)."""
    return {
        "$schema": site.absolute(SCHEMA_URI),
        "id": document.id,
        "url": site.absolute(document_url(document.id)),
        "kind": document.kind,
        "issuer": dict(document.issuer),
        "title": {language: document.title[language] for language in ("en", "zh")},
        "short_title": dict(document.short_title),
        "number": document.number,
        "date": str(document.date) if document.date else None,
        "date_evidence": document.date_evidence,
        "notes": document.notes,
        "sources": [_source(source) for source in document.sources],
        "passages": document.segment_ids,
        "aliases": dict(document.aliases),
        "witnesses": [_witness(witness) for witness in document.witnesses],
        "site": {"name": site.name, "url": site.url, "version": site.version, "built": site.built.isoformat()},
    }


def document_json(document: Document, site: SiteInfo) -> str:
    return json.dumps(document_data(document, site), ensure_ascii=False, indent=1) + "\n"


def document_text(document: Document, site: SiteInfo) -> str:
    """The document as plain text: a header, then each witness's passages as "[ID] text"."""
    header = [
        document.title["en"],
        document.title["zh"],
        f"Issuer: {document.issuer['en']} ({document.issuer['zh']})",
        # The file is in English: the English interface's words for what the texts do not give.
        f"Number: {document.number or ENGLISH('number_none')}",
        f"Date: {document.date or ENGLISH('date_none')}",
        f"Page: {site.absolute(document_url(document.id))}",
        f"From: {site.name}, version {site.version}, built {site.built.isoformat()}",
    ]
    blocks = ["\n".join(header)]
    for witness in document.witnesses:
        lines = [
            f"== Text {witness.id}: {witness.language}, {witness.role}, {witness.quality.replace('-', ' ')} ==",
            f"Attribution: {witness.attribution}",
            f"Source: {witness.provenance.site}",
            "",
        ]
        lines += [f"[{segment.id}] {segment.text}" for segment in witness.segments]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"
