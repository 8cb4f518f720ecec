"""Exporting annotations as W3C Web Annotation Data Model JSON-LD, one collection per document.

Each note becomes an `Annotation` whose target is the witness's page with a
FragmentSelector for the passage ID (a RangeSelector of two for a range) and,
for a quote, a TextQuoteSelector with its prefix and suffix; the body is the
note's sanitised HTML, plus a tagging body per tag and a linking body per
reference. Identifiers are absolute when the site's `site_url` is known and
relative to the export file otherwise (JSON-LD resolves them against it).
See https://www.w3.org/TR/annotation-model/.
"""

from __future__ import annotations

import json
from typing import Any

from .annotations import PassageRef
from .model import Document
from .note_body import render_body
from .notes import NoteIndex, PlacedNote
from .site_urls import document_url

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
FRAGMENT_SPEC = "http://tools.ietf.org/rfc/rfc3986"
MOTIVATIONS = {
    "note": "commenting",
    "translation": "commenting",
    "context": "commenting",
    "cross-reference": "linking",
    "question": "questioning",
}
# The export files sit at data/annotations/<document>.jsonld, two folders down.
RELATIVE_ROOT = "../../"


def export_path(document: Document) -> str:
    return f"data/annotations/{document.id}.jsonld"


def _page(base: str, document_id: str, witness_language: str | None) -> str:
    view = "zh" if witness_language and witness_language.startswith("zh") else "en" if witness_language else ""
    return base + document_url(document_id, view)


def _fragment(ref: PassageRef) -> dict[str, Any]:
    if ref.last is None:
        return {"type": "FragmentSelector", "conformsTo": FRAGMENT_SPEC, "value": ref.first}
    return {
        "type": "RangeSelector",
        "startSelector": {"type": "FragmentSelector", "conformsTo": FRAGMENT_SPEC, "value": ref.first},
        "endSelector": {"type": "FragmentSelector", "conformsTo": FRAGMENT_SPEC, "value": ref.last},
    }


def web_annotation(note: PlacedNote, document: Document, base: str) -> dict[str, Any]:
    """One note as a Web Annotation."""
    annotation = note.annotation
    target = annotation.target
    witness = document.witness(note.anchor.witness) if note.anchor.witness else None
    passage = PassageRef(document.id, note.anchor.passage, target.passage.last)
    selectors = [_fragment(passage)]
    if note.anchor.found is not None:
        quote: dict[str, Any] = {"type": "TextQuoteSelector", "exact": note.anchor.found}
        if target.prefix:
            quote["prefix"] = target.prefix
        if target.suffix:
            quote["suffix"] = target.suffix
        selectors.append(quote)
    bodies: list[dict[str, Any]] = [
        {
            "type": "TextualBody",
            "value": render_body(annotation.body),
            "format": "text/html",
            "language": annotation.language,
            "purpose": MOTIVATIONS[annotation.type],
        }
    ]
    bodies += [{"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in annotation.tags]
    bodies += [
        {"type": "SpecificResource", "source": _page(base, ref.document, None), "selector": _fragment(ref),
         "purpose": "linking"}
        for ref in annotation.refs
    ]  # fmt: skip
    result: dict[str, Any] = {
        "id": f"{_page(base, document.id, None)}#note-{annotation.id}",
        "type": "Annotation",
        "motivation": MOTIVATIONS[annotation.type],
        "created": annotation.date,
        "creator": {"type": "Person", "name": annotation.author},
        "body": bodies,
        "target": {
            "source": _page(base, document.id, witness.language if witness else None),
            "selector": selectors if len(selectors) > 1 else selectors[0],
        },
    }
    if witness is not None:
        result["target"]["language"] = witness.language
    return result


def export_document(index: NoteIndex, document: Document, site_url: str | None = None) -> str:
    """The document's notes as a JSON-LD AnnotationCollection."""
    base = site_url.rstrip("/") + "/" if site_url else RELATIVE_ROOT
    items = [web_annotation(note, document, base) for note in index.by_document.get(document.id, [])]
    collection = {
        "@context": CONTEXT,
        "id": base + export_path(document),
        "type": "AnnotationCollection",
        "label": f"Notes on {document.title['en']}",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }
    return json.dumps(collection, ensure_ascii=False, indent=2) + "\n"
