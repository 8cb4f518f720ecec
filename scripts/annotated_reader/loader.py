"""Loading `sources/` into a `Corpus` of typed objects, reporting what is malformed.

Layout read here (see sources/README.md):

    sources/<document-id>/document.yaml   metadata, checked against document.schema.json
    sources/<document-id>/<witness>.txt   one witness file per declared witness
    sources/seeds/                        raw seeds and their removal lists (see fidelity.py)

The loader reports file-level problems (syntax, schema, missing or undeclared
files); relations between documents and witnesses are checked in validate.py.
A document whose metadata cannot be read is left out of the corpus after its
problems are reported, so one broken file never hides the others' problems.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .model import Corpus, Document, PartialDate, Provenance, Source, Witness
from .problems import Problems
from .schema import check_against_schema, load_schema
from .witness_format import parse_witness_text
from .yamlsource import YamlFile, load_yaml

DOCUMENT_FILE = "document.yaml"
DOCUMENT_SCHEMA = "document.schema.json"
SEEDS_FOLDER = "seeds"
# Files that may stand at the top of sources/ beside the document folders.
TOP_LEVEL_FILES = {"README.md", DOCUMENT_SCHEMA}
# A witness's `seed:` line, found by text when the metadata cannot be parsed.
SEED_LINE = re.compile(r"^\s*seed:\s*[\"']?([^\s\"'#]+)", re.MULTILINE)


def load_corpus(sources: Path, problems: Problems) -> Corpus:
    """Read every document folder under `sources`; never stop at the first problem."""
    schema = load_schema(sources / DOCUMENT_SCHEMA)
    documents: list[Document] = []
    unread_seeds: set[str] = set()
    for entry in sorted(sources.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_file():
            if entry.name not in TOP_LEVEL_FILES:
                problems.error(
                    entry,
                    1,
                    "unexpected file at the top of sources/: each document goes in its own folder "
                    "(sources/<document-id>/), raw seeds in sources/seeds/",
                )
            continue
        if entry.name == SEEDS_FOLDER:
            continue
        document = load_document(entry, schema, problems)
        if document is not None:
            documents.append(document)
        elif (entry / DOCUMENT_FILE).is_file():
            text = (entry / DOCUMENT_FILE).read_text(encoding="utf-8", errors="replace")
            unread_seeds.update(SEED_LINE.findall(text))
    documents.sort(key=lambda d: (d.date is None, d.date or PartialDate(0), d.id))
    return Corpus(documents, unread_seeds)


def load_document(folder: Path, schema: dict[str, Any], problems: Problems) -> Document | None:
    """Read one document folder: its metadata and every witness file."""
    metadata_path = folder / DOCUMENT_FILE
    if not metadata_path.exists():
        problems.error(
            folder,
            0,
            f"folder has no {DOCUMENT_FILE}: every folder in sources/ is a document and needs one "
            "(copy one from another document and edit it; see sources/README.md)",
        )
        return None
    source = load_yaml(metadata_path, problems)
    if source is None:
        return None
    if not isinstance(source.data, dict):
        problems.error(metadata_path, 1, "expected a mapping of fields (id, kind, issuer, title, ...)")
        return None
    if not check_against_schema(source, schema, problems):
        return None
    document = _build_document(source, folder, problems)
    _load_witness_files(document, source, problems)
    return document


def _build_document(source: YamlFile, folder: Path, problems: Problems) -> Document:
    data = source.data
    if data["id"] != folder.name:
        problems.error(
            source.path,
            source.line_of(("id",)),
            f"id '{data['id']}' differs from the folder name '{folder.name}'; they must be equal "
            "(rename one, and add the old id to the timeline and annotation files that use it)",
        )
    date = None
    if "date" in data:
        try:
            date = PartialDate.parse(data["date"])
        except ValueError as exc:
            problems.error(source.path, source.line_of(("date",)), str(exc))
        if "date_evidence" not in data:
            problems.error(
                source.path,
                source.line_of(("date",)),
                "date without date_evidence: say which witness and passage state the date",
            )
    witnesses = [
        _build_witness(witness_id, fields, source, problems) for witness_id, fields in data["witnesses"].items()
    ]
    return Document(
        id=data["id"],
        kind=data["kind"],
        issuer=_bilingual(data["issuer"]),
        title=_bilingual(data["title"]),
        short_title=_bilingual(data["short_title"]),
        number=data.get("number"),
        date=date,
        date_evidence=data.get("date_evidence"),
        witnesses=witnesses,
        aliases=dict(data.get("aliases", {})),
        numbering=list(data.get("numbering", [])),
        notes=data.get("notes"),
        name_notes={name: data[name]["note"] for name in ("issuer", "title", "short_title") if "note" in data[name]},
        sources=[_build_source(s) for s in data.get("sources", [])],
        path=source.path,
        field_lines=dict(source.lines),
    )


def _bilingual(fields: dict[str, str]) -> dict[str, str]:
    return {key: value for key, value in fields.items() if key in ("en", "zh")}


def _build_source(fields: dict[str, str]) -> Source:
    return Source(title=fields["title"], supports=fields["supports"], url=fields.get("url"), note=fields.get("note"))


def _build_witness(witness_id: str, fields: dict[str, Any], source: YamlFile, problems: Problems) -> Witness:
    raw = fields["provenance"]
    seed_lines = None
    if "lines" in raw:
        first, _, last = raw["lines"].partition("-")
        seed_lines = (int(first), int(last or first))
        if seed_lines[1] < seed_lines[0]:
            problems.error(
                source.path,
                source.line_of(("witnesses", witness_id, "provenance", "lines")),
                f"line range '{raw['lines']}' runs backwards; write the first line, then the last",
            )
    if "seed" in raw and ("sha256" not in raw or "lines" not in raw):
        problems.error(
            source.path,
            source.line_of(("witnesses", witness_id, "provenance", "seed")),
            "a witness cleaned from a seed needs provenance.sha256 and provenance.lines as well",
        )
    provenance = Provenance(
        seed=raw.get("seed"),
        sha256=raw.get("sha256"),
        seed_lines=seed_lines,
        site=raw["site"],
        copies=[_build_source(s) for s in raw.get("copies", [])],
    )
    return Witness(
        id=witness_id,
        language=fields["language"],
        role=fields["role"],
        quality=fields["quality"],
        quality_evidence=fields["quality_evidence"],
        attribution=fields["attribution"],
        provenance=provenance,
        extent=fields.get("extent", "complete"),
        missing=dict(fields.get("missing", {})),
        path=source.path.parent / f"{witness_id}.txt",
        line=source.line_of(("witnesses", witness_id)),
    )


def _load_witness_files(document: Document, source: YamlFile, problems: Problems) -> None:
    folder = source.path.parent
    declared = {w.id for w in document.witnesses}
    for witness in document.witnesses:
        assert witness.path is not None
        if not witness.path.exists():
            problems.error(
                source.path,
                witness.line,
                f"witness '{witness.id}' is declared but {witness.path.name} does not exist beside {DOCUMENT_FILE}",
            )
            continue
        try:
            text = witness.path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            problems.error(witness.path, 1, f"not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8")
            continue
        witness.segments = parse_witness_text(witness.path, text, problems)
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith(".") or entry.name == DOCUMENT_FILE:
            continue
        if entry.suffix == ".txt" and entry.stem not in declared:
            problems.error(
                entry,
                1,
                f"witness file '{entry.name}' is not declared in {DOCUMENT_FILE}: add '{entry.stem}:' under "
                f"witnesses there, or rename the file to one of: {', '.join(sorted(declared))}",
            )
        elif entry.suffix != ".txt":
            # Notes, terms and events saved here by mistake are the usual case.
            elsewhere = (
                f" (notes on this document go in annotations/{folder.name}/, terms in annotations/glossary/, "
                "events in annotations/timeline/)"
                if entry.suffix in {".yaml", ".yml"}
                else ""
            )
            problems.error(
                entry,
                1,
                f"unexpected file in a document folder: only {DOCUMENT_FILE} and <witness>.txt files belong "
                f"here{elsewhere}",
            )
