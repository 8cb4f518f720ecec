"""Checks across the witnesses of each document: alignment, kinds, aliases, numbers.

The loader has already reported what is malformed inside single files. Here
the questions are about relations: does every passage of a complete witness
have its counterpart in the others (or a stated reason why not)? Do aligned
passages agree on their kind? Do aliases of renamed IDs point somewhere? Is
the document number written as a text writes it?
"""

from __future__ import annotations

from .model import Corpus, Document, Witness
from .problems import Problems, did_you_mean


def validate_corpus(corpus: Corpus, problems: Problems) -> None:
    for document in corpus.documents:
        validate_document(document, problems)


def validate_document(document: Document, problems: Problems) -> None:
    _check_counterparts(document, problems)
    _check_kinds(document, problems)
    _check_aliases(document, problems)
    _check_number(document, problems)


def _check_counterparts(document: Document, problems: Problems) -> None:
    """Every passage is in every complete witness or listed as missing there."""
    if len(document.witnesses) < 2:
        for witness in document.witnesses:
            _check_missing_list(document, witness, set(), problems)
        return
    assert document.path is not None
    holders: dict[str, list[Witness]] = {}
    for witness in document.witnesses:
        for segment_id in witness.segment_ids:
            holders.setdefault(segment_id, []).append(witness)
    all_ids = set(holders)
    for witness in document.witnesses:
        _check_missing_list(document, witness, all_ids, problems)
        own = set(witness.segment_ids)
        if witness.extent == "excerpt":
            for segment in witness.segments:
                if holders[segment.id] == [witness]:
                    problems.error(
                        segment.path,
                        segment.line,
                        f"passage '{segment.id}' has no counterpart in any other witness of {document.id}: an "
                        "excerpt witness may only hold passages that another witness has"
                        f"{did_you_mean(segment.id, all_ids - {segment.id})}",
                    )
            continue
        for segment_id in document.segment_ids:
            if segment_id in own or segment_id in witness.missing:
                continue
            if all(h.extent == "excerpt" for h in holders[segment_id]):
                continue
            example = holders[segment_id][0]
            where = example.segment(segment_id)
            assert where is not None
            problems.error(
                where.path,
                where.line,
                f"passage '{segment_id}' has no counterpart in witness '{witness.id}' ({witness.id}.txt): add the "
                f"passage there, correct the ID, or list it under witnesses.{witness.id}.missing in document.yaml "
                f"with the reason{did_you_mean(segment_id, own)}",
            )


def _check_missing_list(document: Document, witness: Witness, all_ids: set[str], problems: Problems) -> None:
    assert document.path is not None
    if witness.missing and witness.extent == "excerpt":
        problems.error(
            document.path,
            document.line_of("witnesses", witness.id, "missing"),
            f"witness '{witness.id}' is an excerpt and lists 'missing' passages; an excerpt lacks passages by "
            "definition, so remove 'missing' or make the witness complete",
        )
        return
    own = set(witness.segment_ids)
    for segment_id in witness.missing:
        if segment_id in own:
            problems.error(
                document.path,
                document.line_of("witnesses", witness.id, "missing", segment_id),
                f"witness '{witness.id}' lists '{segment_id}' as missing but {witness.id}.txt has it; "
                "remove it from 'missing'",
            )
        elif segment_id not in all_ids:
            problems.error(
                document.path,
                document.line_of("witnesses", witness.id, "missing", segment_id),
                f"witness '{witness.id}' lists '{segment_id}' as missing, but no witness of {document.id} has that "
                f"passage{did_you_mean(segment_id, all_ids)}",
            )


def _check_kinds(document: Document, problems: Problems) -> None:
    first_seen: dict[str, tuple[str, Witness]] = {}
    for witness in document.witnesses:
        for segment in witness.segments:
            if segment.id not in first_seen:
                first_seen[segment.id] = (segment.kind, witness)
                continue
            kind, other = first_seen[segment.id]
            if segment.kind != kind:
                problems.error(
                    segment.path,
                    segment.line,
                    f"passage '{segment.id}' is a {segment.kind} here but a {kind} in witness '{other.id}'; "
                    "aligned passages must have the same kind",
                )


def _check_aliases(document: Document, problems: Problems) -> None:
    assert document.path is not None
    current = set(document.segment_ids)
    for old, new in document.aliases.items():
        line = document.line_of("aliases", old)
        if old in current:
            problems.error(
                document.path,
                line,
                f"alias '{old}' is still a passage ID of {document.id}; an alias names an ID that no longer exists",
            )
        if new not in current:
            problems.error(
                document.path,
                line,
                f"alias '{old}' points to '{new}', which is not a passage of {document.id}{did_you_mean(new, current)}",
            )


def _check_number(document: Document, problems: Problems) -> None:
    assert document.path is not None
    if document.number is None:
        return
    if not any(document.number in segment.text for w in document.witnesses for segment in w.segments):
        problems.error(
            document.path,
            document.line_of("number"),
            f"document number '{document.number}' does not occur in any witness; give it exactly as a text writes it",
        )
