"""A keyword-in-context concordance: every occurrence of a term, one line each, grouped by document and text.

Each line shows the words before and after the occurrence (fewer characters
of context for Chinese, which packs more into each) and links to the passage
in the view of the text's language, so the reader lands on the passage with
the occurrence in it.

A term used more often than a page should hold (INLINE_LINES) has its lines
on one page per year of its documents (`by_year`), and so has an event named
that often (timeline_pages.py): a document's year never changes, so a link
to its lines keeps working as the corpus grows, and the term's or event's
page keeps an index of the years and documents (`render_year_index`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from html import escape
from typing import TypeVar

from .corpus_years import group_by_year, year_key, year_list
from .glossary import Occurrence
from .interface import table_head
from .labels import citation_label
from .messages import ENGLISH, Messages
from .model import Corpus, Document, Witness
from .site_urls import passage_url
from .timeline import Mention
from .witness_names import witness_name

# A term's occurrence or an event's mention: what is listed by the year of its document.
Found = TypeVar("Found", Occurrence, Mention)

# Characters of context on each side of the keyword.
CONTEXT = {"zh": 18, "en": 60}
# The most lines a term's concordance or an event's mentions show on the page itself (about
# 200 kB of HTML); past it they are on a page per year. The repository's texts stay under it.
INLINE_LINES = 500


@dataclass(frozen=True)
class KwicLine:
    """One occurrence in context, in the language of its text."""

    occurrence: Occurrence | Mention
    language: str
    left: str
    keyword: str
    right: str
    truncated_left: bool
    truncated_right: bool

    @property
    def shown_left(self) -> str:
        return ("…" if self.truncated_left else "") + self.left

    @property
    def shown_right(self) -> str:
        return self.right + ("…" if self.truncated_right else "")

    def href(self, root: str) -> str:
        """The passage, in the view of the text's language, from a page `root` away from the site root."""
        found = self.occurrence
        view = "zh" if self.language.startswith("zh") else "en"
        return root + escape(passage_url(found.document, found.passage, view))

    def inline_html(self) -> str:
        """The line as running text, the keyword in bold."""
        return (
            f'<span lang="{escape(self.language)}">{escape(self.shown_left)}'
            f"<strong>{escape(self.keyword)}</strong>{escape(self.shown_right)}</span>"
        )


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
    return KwicLine(occurrence, witness.language, left, text[start:end], right, left_from > 0, right_to < len(text))


def kwic_in(corpus: Corpus, found: Occurrence | Mention) -> tuple[Document, Witness, KwicLine]:
    """The document, witness and keyword-in-context line of something found in the corpus."""
    document = corpus.document(found.document)
    witness = document.witness(found.witness) if document else None
    assert document is not None and witness is not None  # found in the corpus's own witnesses
    return document, witness, kwic_line(witness, found)


def render_concordance(
    corpus: Corpus, occurrences: list[Occurrence], root: str, msg: Messages = ENGLISH, level: int = 3
) -> str:
    """The concordance of one term's occurrences: a heading per document (with its year), a table per text.

    Headings (of `level`), captions and column heads are in the interface's language; the lines in their text's.
    """
    grouped = by_document(occurrences)
    parts = []
    for document in corpus.documents:
        mine = grouped.get(document.id)
        if not mine:
            continue
        year = f"{document.date.year} · " if document.date else ""
        title = kwic_document_title(document, len(mine), msg)
        parts.append(
            f'<section class="ar-kwic-document" id="in-{escape(document.id)}"><h{level}>{year}{title}</h{level}>'
        )
        for witness in document.witnesses:
            lines = [kwic_line(witness, o) for o in mine if o.witness == witness.id]
            if lines:
                parts.append(_witness_table(document, witness, lines, root, msg))
        parts.append("</section>")
    return "".join(parts)


def by_document(found: list[Found]) -> dict[str, list[Found]]:
    """Occurrences (or mentions) by their document, each document's in the order found."""
    grouped: dict[str, list[Found]] = {}
    for one in found:
        grouped.setdefault(one.document, []).append(one)
    return grouped


def kwic_document_title(document: Document, count: int, msg: Messages) -> str:
    """A document's title over its lines, with how many there are: "Planning Outline (12)"."""
    count_html = f'<span class="ar-kwic-count">{escape(msg("in_parentheses", text=count))}</span>'
    return msg.html("kwic_document", title=escape(document.title[msg.language]), count=count_html)


def _witness_table(document: Document, witness: Witness, lines: list[KwicLine], root: str, msg: Messages) -> str:
    view = language_view(witness)
    rows = []
    for line in lines:
        passage = line.occurrence.passage
        label = citation_label(document, passage, view)
        href = line.href(root)
        rows.append(
            f'<tr><td class="ar-kwic-where"><a href="{href}">{escape(passage)}</a></td>'
            f'<td class="ar-kwic-left">{escape(line.shown_left)}</td>'
            f'<td class="ar-kwic-keyword"><a href="{href}" title="{escape(label)}">{escape(line.keyword)}</a></td>'
            f'<td class="ar-kwic-right">{escape(line.shown_right)}</td></tr>'
        )
    caption = msg("kwic_caption", witness=witness_name(witness, msg), count=len(lines))
    columns = (msg("kwic_column_passage"), msg("kwic_column_before"), msg("kwic_column_term"), msg("kwic_column_after"))
    # The table is in the text's language; its caption and column heads are in the interface's.
    return (
        f'<table class="ar-kwic" lang="{escape(witness.language)}">'
        f'<caption lang="{msg.html_lang}">{escape(caption)}</caption>'
        f"{table_head(columns, msg.html_lang)}"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def by_year(corpus: Corpus, occurrences: list[Found]) -> dict[str, list[Found]]:
    """Occurrences (or mentions) by the year of their document (corpus_years.year_key): years in order, undated last."""
    keys = {document.id: year_key(document) for document in corpus.documents}
    return group_by_year(occurrences, lambda occurrence: keys[occurrence.document])


def render_year_index(
    corpus: Corpus,
    years: list[str],
    lines: dict[str, list[Found]],
    msg: Messages,
    count_key: str = "occurrence_count",
) -> str:
    """A term's or an event's list of its year pages, each with its documents' counts of lines there.

    `lines` are the term's occurrences (or the event's mentions) by year
    (`by_year`), counted with the message `count_key`; a term's year page may
    have none (its texts use a form only inside longer terms). Each document
    keeps the id its lines had on the term page (`in-<document>`).
    """
    listed = {}
    for year in years:
        # In the corpus's order, as the occurrences are.
        counts = Counter(occurrence.document for occurrence in lines.get(year, []))
        listed[year] = [(_document(corpus, document_id), count) for document_id, count in counts.items()]
    return f'<ul class="ar-kwic-years">{year_list(listed, count_key, "in", msg)}</ul>'


def _document(corpus: Corpus, document_id: str) -> Document:
    document = corpus.document(document_id)
    assert document is not None  # found in the corpus's own documents
    return document
