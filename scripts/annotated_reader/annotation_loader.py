"""Loading `annotations/<document-id>/*.yaml` into `Annotation` objects, reporting every mistake.

Each file is checked against annotations/annotation.schema.json annotation by
annotation, so one malformed note never hides the problems of the others.
Then each annotation is checked against the corpus: its folder and document,
its passages (with the nearest existing IDs suggested), its witness, its
references, its date, its id (unique across all files) and its body (no
unsafe HTML). Quotes are checked later, when they are anchored (anchoring.py).
"""

from __future__ import annotations

import copy
import datetime
import re
from pathlib import Path
from typing import Any

from .annotations import Annotation, PassageRef, Target
from .file_kinds import NOTES, misplaced
from .model import Corpus, Document, Source
from .note_body import unsafe_html
from .problems import Problems, did_you_mean
from .schema import check_against_schema, definition, load_schema
from .yamlsource import YamlFile, load_yaml

ANNOTATIONS_FOLDER = "annotations"
ANNOTATION_SCHEMA = "annotation.schema.json"
# Folders of annotations/ that hold other kinds of data, not one document's notes.
OTHER_DATA_FOLDERS = {"glossary", "timeline"}
# Files that may stand at the top of annotations/ beside the folders.
TOP_LEVEL_FILES = {"README.md", ANNOTATION_SCHEMA}
YAML_SUFFIXES = {".yaml", ".yml"}
# The schema checks the form of a date; this only decides whether to check it is a real day.
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def load_annotations(root: Path, corpus: Corpus, problems: Problems) -> list[Annotation]:
    """Every annotation under `root/annotations` that can be placed, in folder, file and written order.

    Every problem is reported (errors fail the build). An annotation whose
    target cannot be placed (unknown document, passage or witness) is not
    returned; one with other problems is, so that its quote is still checked
    and the contributor sees all of its problems in one run.
    """
    folder = root / ANNOTATIONS_FOLDER
    if not folder.is_dir():
        return []
    schema = load_schema(folder / ANNOTATION_SCHEMA)
    annotations: list[Annotation] = []
    first_use: dict[str, Annotation] = {}
    for entry in sorted(folder.iterdir()):
        if entry.is_file() and entry.name not in TOP_LEVEL_FILES and not entry.name.startswith("."):
            # Never ignore a note file put in the wrong place.
            problems.error(
                entry,
                0,
                "unexpected file at the top of annotations/: notes go in annotations/<document-id>/, "
                "glossary terms in annotations/glossary/, timeline events in annotations/timeline/",
            )
        if not entry.is_dir() or entry.name.startswith(".") or entry.name in OTHER_DATA_FOLDERS:
            continue
        document = corpus.document(entry.name)
        if document is None:
            problems.error(
                entry,
                0,
                f"no document '{entry.name}' in sources/: each folder of annotations/ is named after the document "
                f"its notes are on{document_hint(entry.name, corpus)}",
            )
            continue
        for path in sorted(entry.iterdir()):
            if path.is_dir() and not path.name.startswith("."):
                problems.error(
                    path,
                    0,
                    f"folders inside annotations/{entry.name}/ are not read: move its files up into "
                    f"annotations/{entry.name}/",
                )
                continue
            if path.suffix not in YAML_SUFFIXES:
                if path.name != "README.md" and not path.name.startswith("."):
                    problems.error(path, 0, "only .yaml files of annotations belong here (and a README.md)")
                continue
            for annotation in _load_file(path, schema, problems):
                placeable = _check(annotation, document, corpus, problems)
                if annotation.id in first_use:
                    # Reported at both places: which of the two is the new
                    # note only the contributor knows, and a check of their
                    # file must show it.
                    first = first_use[annotation.id]
                    for here, there in ((annotation, first), (first, annotation)):
                        problems.error(
                            here.path or path,
                            here.line_of("id"),
                            f"duplicate annotation id '{annotation.id}', also used at "
                            f"{problems.display_path(there.path or '')}:{there.line_of('id')}: give each note its own "
                            "id (a published id never changes, so rename the new note)",
                        )
                    continue
                first_use[annotation.id] = annotation
                if placeable:
                    annotations.append(annotation)
    return annotations


def _load_file(path: Path, schema: dict[str, Any], problems: Problems) -> list[Annotation]:
    source = load_yaml(path, problems)
    if source is None:
        return []
    wrong_kind = misplaced(source.data, NOTES, path)
    if wrong_kind:
        problems.error(path, source.line_of(()), wrong_kind)
        return []
    # The file's outline first (a mapping with an `annotations:` list), then each annotation.
    outline = copy.deepcopy(schema)
    outline["properties"]["annotations"]["items"] = {}
    if not check_against_schema(source, outline, problems):
        return []
    item_schema = definition(schema, "annotation")
    annotations = []
    for index in range(len(source.data["annotations"])):
        check_against_schema(source, item_schema, problems, at=("annotations", index))
        # Even after a format problem, go on with what can be read, so the
        # contributor also learns whether the passage and quote are right.
        annotation = _build(source, index, schema)
        if annotation is not None:
            annotations.append(annotation)
    return annotations


def _text(data: dict[str, Any], key: str, default: str = "") -> str:
    value = data.get(key, default)
    return value if isinstance(value, str) else default


def _build(source: YamlFile, index: int, schema: dict[str, Any]) -> Annotation | None:
    """The annotation as far as it can be read; None when its id or target cannot be."""
    data = source.data["annotations"][index]
    target = data.get("target") if isinstance(data, dict) else None
    if not isinstance(target, dict) or not isinstance(data.get("id"), str):
        return None
    document_id, passage = target.get("document"), target.get("passage")
    target_schema = schema["$defs"]["target"]["properties"]
    if not isinstance(document_id, str) or not isinstance(passage, str):
        return None
    if not re.fullmatch(target_schema["passage"]["pattern"], passage):
        return None
    ref_pattern = schema["$defs"]["annotation"]["properties"]["refs"]["items"]["pattern"]
    refs = data.get("refs") if isinstance(data.get("refs"), list) else []
    sources = data.get("sources") if isinstance(data.get("sources"), list) else []
    prefix = ("annotations", index)
    return Annotation(
        id=data["id"],
        target=Target(
            passage=PassageRef.parse("#" + passage, document_id),
            witness=target.get("witness") if isinstance(target.get("witness"), str) else None,
            quote=target.get("quote") if isinstance(target.get("quote"), str) else None,
            prefix=target.get("prefix") if isinstance(target.get("prefix"), str) else None,
            suffix=target.get("suffix") if isinstance(target.get("suffix"), str) else None,
        ),
        type=_text(data, "type"),
        body=_text(data, "body"),
        author=_text(data, "author"),
        date=_text(data, "date"),
        language=_text(data, "language", "en"),
        # A ref that breaks the format was reported by the schema check; keep the rest.
        refs=[PassageRef.parse(r, document_id) for r in refs if isinstance(r, str) and re.fullmatch(ref_pattern, r)],
        tags=[t for t in data.get("tags", []) if isinstance(t, str)] if isinstance(data.get("tags"), list) else [],
        sources=[
            Source(s["title"], s["supports"], s.get("url"), s.get("note"))
            for s in sources
            if isinstance(s, dict) and isinstance(s.get("title"), str) and isinstance(s.get("supports"), str)
        ],
        path=source.path,
        line=source.line_of(prefix),
        field_lines={key[2:]: line for key, line in source.lines.items() if key[:2] == prefix and len(key) > 2},
    )


def _check(annotation: Annotation, folder_document: Document, corpus: Corpus, problems: Problems) -> bool:
    """Report the annotation's problems with the corpus; True when its target can be placed."""
    path = annotation.path or Path()
    target = annotation.target
    document = corpus.document(target.passage.document)
    if document is None:
        problems.error(
            path,
            annotation.line_of("target", "document"),
            f"unknown document '{target.passage.document}'{document_hint(target.passage.document, corpus)}",
        )
        return False
    if document is not folder_document:
        problems.error(
            path,
            annotation.line_of("target", "document"),
            f"a note on '{document.id}' is in the folder of '{folder_document.id}': move it to "
            f"annotations/{document.id}/, or correct target.document",
        )
    errors_before = len(problems.errors)
    check_passage_ref(target.passage, document, path, annotation.line_of("target", "passage"), problems)
    _check_witness(annotation, document, path, problems)
    placeable = len(problems.errors) == errors_before
    for index, ref in enumerate(annotation.refs):
        line = annotation.line_of("refs", index)
        ref_document = corpus.document(ref.document)
        if ref_document is None:
            problems.error(
                path,
                line,
                f"refs: unknown document '{ref.document}'{document_hint(ref.document, corpus)}",
            )
            continue
        check_passage_ref(ref, ref_document, path, line, problems, what="refs: ")
    if annotation.type == "cross-reference" and not annotation.refs:
        problems.error(
            path,
            annotation.line_of("type"),
            "a cross-reference needs refs: list the passages it connects, as <document-id>#<passage>",
        )
    if DATE.fullmatch(annotation.date):
        try:
            datetime.date.fromisoformat(annotation.date)
        except ValueError as exc:
            problems.error(path, annotation.line_of("date"), f"date '{annotation.date}' is not a real date ({exc})")
    findings = unsafe_html(annotation.body)
    if findings:
        problems.error(
            path,
            annotation.line_of("body"),
            f"body has unsafe HTML: {'; '.join(findings)}; write Markdown instead "
            "(links as [text](https://...), emphasis as *text*)",
        )
    return placeable


def check_passage_ref(
    ref: PassageRef, document: Document, path: Path, line: int, problems: Problems, what: str = ""
) -> None:
    order = document.segment_ids
    positions = []
    for passage in (ref.first, ref.last):
        if passage is None:
            continue
        current = document.resolve(passage)
        if current is None:
            problems.error(path, line, f"{what}{unknown_passage(passage, document)}")
            continue
        if current != passage:
            problems.warning(
                path, line, f"{what}passage '{passage}' of {document.id} was renamed '{current}': write '{current}'"
            )
        positions.append(order.index(current))
    if len(positions) == 2 and positions[0] >= positions[1]:
        problems.error(
            path, line, f"{what}range '{ref.fragment}' runs backwards: write the earlier passage first (first~last)"
        )


def document_hint(name: str, corpus: Corpus) -> str:
    ids = [d.id for d in corpus.documents]
    return did_you_mean(name, ids) or f"; the documents are {', '.join(ids)}"


def unknown_passage(passage: str, document: Document) -> str:
    ids = document.segment_ids
    hint = did_you_mean(passage, ids)
    if not hint:
        sample = ", ".join(ids[:8]) + (", ..." if len(ids) > 8 else "")
        hint = f"; its passages are {sample} (each page shows them beside the passages)"
    return f"no passage '{passage}' in {document.id}{hint}"


def _check_witness(annotation: Annotation, document: Document, path: Path, problems: Problems) -> None:
    target = annotation.target
    line = annotation.line_of("target", "witness")
    witness_ids = [w.id for w in document.witnesses]
    if target.witness is not None:
        witness = document.witness(target.witness)
        if witness is None:
            problems.error(
                path,
                line,
                f"no witness '{target.witness}' in {document.id}; its witnesses are {', '.join(witness_ids)}"
                f"{did_you_mean(target.witness, witness_ids)}",
            )
            return
        for passage in (target.passage.first, target.passage.last):
            current = document.resolve(passage) if passage else None
            if current and witness.segment(current) is None:
                reason = witness.missing.get(current)
                problems.error(
                    path,
                    line,
                    f"witness '{witness.id}' has no passage '{current}'"
                    + (f" ({reason})" if reason else "")
                    + f"; choose another witness: {', '.join(w for w in witness_ids if w != witness.id)}",
                )
    elif target.quote is not None and len(witness_ids) > 1:
        problems.error(
            path,
            annotation.line_of("target", "quote"),
            f"a quote needs target.witness, the text it is quoted from: one of {', '.join(witness_ids)}",
        )
    # A misspelled `quote:` is reported by the schema check as an unknown
    # field; saying also that prefix and suffix lack a quote would invite
    # deleting them.
    unquoted = target.quote is None and (target.prefix is not None or target.suffix is not None)
    if unquoted and not any(
        key[0] == "target" and len(key) == 2 and did_you_mean(str(key[1]), ["quote"]) and key[1] != "quote"
        for key in annotation.field_lines
    ):
        problems.error(
            path,
            annotation.line_of("target", "prefix" if target.prefix is not None else "suffix"),
            "prefix and suffix only place a quote: add target.quote, or remove them",
        )
