"""A keyword-in-context concordance: every occurrence of a term, one line each, grouped by document and text.

Each line shows the words before and after the occurrence (fewer characters
of context for Chinese, which packs more into each) and links to the passage
in the view of the text's language, so the reader lands on the passage with
the occurrence in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from .glossary import Occurrence
from .labels import citation_label
from .model import Corpus, Document, Witness
from .site_urls import document_url
from .timeline import Mention
from .witness_names import witness_name

# Characters of context on each side of the keyword.
CONTEXT = {"zh": 18, "en": 60}


@dataclass(frozen=True)
class KwicLine:
    """One occurrence in context."""

    occurrence: Occurrence | Mention
    left: str
    keyword: str
    right: str
    truncated_left: bool
    truncated_right: bool


def language_view(witness: Witness) -> str:
    """The document view that shows a witness on its own: "zh" or "en"."""
    return "zh" if witness.language.startswith("zh") else "en"


def kwic_line(witness: Witness, occurrence: Occurrence | Mention) -> KwicLine:
    """The occurrence with its context, line breaks flattened; English context is cut at a word boundary."""
    segment = witness.segment(occurrence.passage)
    assert segment is not None  # occurrences are found in the witness's own segments
    text = segment.text.replace("\n", " ")
    width = CONTEXT[language_view(witness)]
    start, end = occurrence.start, occurrence.end
    left_from = max(0, start - width)
    right_to = min(len(text), end + width)
    left, right = text[left_from:start], text[end:right_to]
    if language_view(witness) == "en":
        # Do not show half a word at either edge.
        if left_from > 0 and " " in left:
            left = left[left.index(" ") + 1 :]
        if right_to < len(text) and " " in right:
            right = right[: right.rindex(" ")]
    return KwicLine(occurrence, left, text[start:end], right, left_from > 0, right_to < len(text))


def render_concordance(corpus: Corpus, occurrences: list[Occurrence], root: str) -> str:
    """The concordance of one term's occurrences: a heading per document (with its year), a table per text."""
    parts = []
    for document in corpus.documents:
        mine = [o for o in occurrences if o.document == document.id]
        if not mine:
            continue
        year = f"{document.date.year} · " if document.date else ""
        parts.append(
            f'<section class="ar-kwic-document" id="in-{escape(document.id)}">'
            f'<h3>{year}{escape(document.title["en"])} <span class="ar-kwic-count">({len(mine)})</span></h3>'
        )
        for witness in document.witnesses:
            lines = [kwic_line(witness, o) for o in mine if o.witness == witness.id]
            if lines:
                parts.append(_witness_table(document, witness, lines, root))
        parts.append("</section>")
    return "".join(parts)


def _witness_table(document: Document, witness: Witness, lines: list[KwicLine], root: str) -> str:
    view = language_view(witness)
    rows = []
    for line in lines:
        passage = line.occurrence.passage
        label = citation_label(document, passage, view)
        href = f"{root}{document_url(document.id, view)}#{escape(passage)}"
        left = ("…" if line.truncated_left else "") + line.left
        right = line.right + ("…" if line.truncated_right else "")
        rows.append(
            f'<tr><td class="ar-kwic-where"><a href="{href}">{escape(passage)}</a></td>'
            f'<td class="ar-kwic-left">{escape(left)}</td>'
            f'<td class="ar-kwic-keyword"><a href="{href}" title="{escape(label)}">{escape(line.keyword)}</a></td>'
            f'<td class="ar-kwic-right">{escape(right)}</td></tr>'
        )
    return (
        f'<table class="ar-kwic" lang="{escape(witness.language)}">'
        f'<caption lang="en">{escape(witness_name(witness))}: {len(lines)}</caption>'
        '<thead lang="en"><tr><th scope="col">Passage</th><th scope="col">Before</th>'
        '<th scope="col">Term</th><th scope="col">After</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
