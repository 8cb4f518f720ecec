"""The alignment report: how the witnesses of each document line up, passage by passage.

Aligned passages share a segment ID. For each document the report counts the
passages of every witness, how many are aligned (present in two or more
witnesses), and lists the passages that only one witness has, with the
reason: declared missing from a complete witness, or an excerpt witness that
holds only some passages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Corpus, Document


@dataclass
class DocumentAlignment:
    """Alignment figures for one document."""

    document: Document
    passages: int
    per_witness: dict[str, int]
    aligned: int
    unmatched: dict[str, list[str]] = field(default_factory=dict)  # witness -> IDs only it has
    absent: dict[str, list[str]] = field(default_factory=dict)  # witness -> IDs it lacks

    @property
    def fully_aligned(self) -> bool:
        return len(self.per_witness) > 1 and self.aligned == self.passages


def align_document(document: Document) -> DocumentAlignment:
    ids = document.segment_ids
    holders = {i: [w.id for w in document.witnesses if w.segment(i) is not None] for i in ids}
    report = DocumentAlignment(
        document=document,
        passages=len(ids),
        per_witness={w.id: len(w.segments) for w in document.witnesses},
        aligned=sum(1 for i in ids if len(holders[i]) > 1),
    )
    if len(document.witnesses) > 1:
        for segment_id in ids:
            if len(holders[segment_id]) == 1:
                report.unmatched.setdefault(holders[segment_id][0], []).append(segment_id)
        for witness in document.witnesses:
            lacking = [i for i in ids if witness.id not in holders[i]]
            if lacking:
                report.absent[witness.id] = lacking
    return report


def align_corpus(corpus: Corpus) -> list[DocumentAlignment]:
    return [align_document(d) for d in corpus.documents]


def _listing(ids: list[str], limit: int = 12) -> str:
    if len(ids) <= limit:
        return ", ".join(ids)
    return ", ".join(ids[:limit]) + f", ... ({len(ids) - limit} more)"


def format_report(reports: list[DocumentAlignment]) -> str:
    """The report as plain text for the terminal."""
    out = []
    for report in reports:
        document = report.document
        date = str(document.date) if document.date else "undated"
        out.append(f"{document.id}  ({date}; {document.short_title['en']})")
        counts = ", ".join(f"{w} {n}" for w, n in report.per_witness.items())
        out.append(f"  passages per witness: {counts}")
        if len(report.per_witness) == 1:
            out.append("  single witness: nothing to align")
            out.append("")
            continue
        out.append(f"  aligned (in two or more witnesses): {report.aligned} of {report.passages}")
        for witness in document.witnesses:
            lacking = report.absent.get(witness.id, [])
            if not lacking:
                out.append(f"  {witness.id}: has every passage")
            elif witness.extent == "excerpt":
                held = ", ".join(witness.segment_ids)
                out.append(f"  {witness.id}: excerpt, holds {len(witness.segments)} passage(s): {held}")
            else:
                out.append(f"  {witness.id}: lacks {len(lacking)} (declared missing): {', '.join(lacking)}")
        unmatched = sum(len(v) for v in report.unmatched.values())
        if unmatched:
            listing = "; ".join(f"only in {w}: {_listing(ids)}" for w, ids in report.unmatched.items())
            out.append(f"  unmatched: {unmatched} ({listing})")
        else:
            out.append("  unmatched: none")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
