"""One page per glossary term: definition, renderings, first appearance, use per year, concordance, relations.

Everything on the page beyond the term's own YAML file is computed from the
texts: the renderings table lists each form of the term that each text
really uses (with the note of the declared variant, if any), the chart and
the concordance count the occurrences found by glossary.find_occurrences.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from html import escape

from .concordance import kwic_in, language_view, render_concordance
from .glossary import Occurrence, Term, Variant, first_occurrences, term_pattern
from .labels import citation_label
from .model import Corpus, Document, Witness
from .note_body import render_body
from .site_urls import passage_url, term_url
from .sources_html import render_source_list
from .timeline import YEARS
from .witness_names import witness_name
from .year_chart import YearUse, render_year_chart

ROOT = "../../"  # from glossary/<term-id>/ to the site root


def page_uri(term: Term) -> str:
    """The generated Markdown file of a term's page (served at glossary/<term-id>/)."""
    return f"glossary/{term.id}.md"


@dataclass
class GlossaryContext:
    """What every term page needs besides its term: the corpus, the other terms, every occurrence."""

    corpus: Corpus
    terms: dict[str, Term]
    occurrences: list[Occurrence]

    def __post_init__(self) -> None:
        self.by_term: dict[str, list[Occurrence]] = defaultdict(list)
        self.by_cell: dict[tuple[str, str, str], list[Occurrence]] = defaultdict(list)
        for occurrence in self.occurrences:
            self.by_term[occurrence.term].append(occurrence)
            self.by_cell[(occurrence.document, occurrence.witness, occurrence.passage)].append(occurrence)
        self.first = first_occurrences(self.corpus, self.occurrences)

    def link(self, term_id: str) -> str:
        term = self.terms[term_id]
        return (
            f'<a href="{ROOT}{term_url(term.id)}">{escape(term.en)} <span lang="zh-Hans">{escape(term.zh)}</span></a>'
        )


def year_uses(corpus: Corpus, occurrences: list[Occurrence]) -> list[YearUse]:
    """Documents, passages using the term and occurrences, for every year of the chart."""
    documents: dict[int, int] = defaultdict(int)
    passages: dict[int, set[tuple[str, str]]] = defaultdict(set)
    counts: dict[int, int] = defaultdict(int)
    years = {d.id: d.date.year for d in corpus.documents if d.date}
    for year in years.values():
        documents[year] += 1
    for occurrence in occurrences:
        year = years.get(occurrence.document)
        if year is not None:
            passages[year].add((occurrence.document, occurrence.passage))
            counts[year] += 1
    return [YearUse(y, documents[y], len(passages[y]), counts[y]) for y in YEARS]


def _undated(corpus: Corpus, occurrences: list[Occurrence]) -> str:
    """A sentence for uses the chart cannot place: those in documents the texts do not date."""
    undated = {d.id: d for d in corpus.documents if d.date is None}
    passages = {(o.document, o.passage) for o in occurrences if o.document in undated}
    if not passages:
        return ""
    names = ", ".join(sorted({escape(undated[d].short_title["en"]) for d, _ in passages}))
    return (
        f'<p class="ar-chart-undated">Not in the chart: {len(passages)} passage{"s" if len(passages) != 1 else ""} '
        f"of {names}, whose date the texts do not state.</p>"
    )


def _passage_href(document: Document, witness: Witness, passage: str) -> str:
    return ROOT + escape(passage_url(document.id, passage, language_view(witness)))


def _first_appearance(term: Term, context: GlossaryContext) -> str:
    first = context.first.get(term.id)
    if first is None:
        return '<p class="ar-term-first">Not found in the texts of the corpus.</p>'
    document, witness, _ = kwic_in(context.corpus, first)
    # The same passage in every text that uses the term there.
    there = [o for o in context.by_term[term.id] if (o.document, o.passage) == (first.document, first.passage)]
    lines = []
    for occurrence in there:
        _, other, line = kwic_in(context.corpus, occurrence)
        lines.append(f"<li>{line.inline_html()} ({escape(witness_name(other))})</li>")
    date = f"{document.date}, " if document.date else ""
    label = citation_label(document, first.passage, "en")
    return (
        '<p class="ar-term-first">First in the corpus: '
        f'<a href="{_passage_href(document, witness, first.passage)}">{escape(label)}</a> '
        f"({date}{escape(document.title['en'])}). This is the earliest use among the corpus's "
        f"{len(context.corpus.documents)} documents, not necessarily the term's first use.</p>"
        f'<ul class="ar-term-first-lines" data-search-exclude>{"".join(lines)}</ul>'
    )


def _renderings(term: Term, context: GlossaryContext) -> str:
    """Each form of the term that each text uses, how often it counts for this term, and where it first occurs."""
    declared = {(name, v.en.lower()): v for v in term.variants for name in v.witnesses}
    rows = []
    for document in context.corpus.documents:
        for witness in document.witnesses:
            english = not witness.language.startswith("zh")
            forms = list(dict.fromkeys(f.lower() for f in term.en_forms)) if english else term.zh_forms
            for form in forms:
                row = _rendering_row(term, context, document, witness, form, english, declared)
                if row:
                    rows.append(row)
    if not rows:
        return ""
    return (
        '<table class="ar-renderings"><thead><tr><th scope="col">Document</th><th scope="col">Text</th>'
        '<th scope="col">Rendering</th><th scope="col">Counted here</th><th scope="col">First use</th>'
        f'<th scope="col">Note</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def _rendering_row(
    term: Term,
    context: GlossaryContext,
    document: Document,
    witness: Witness,
    form: str,
    english: bool,
    declared: dict[tuple[str, str], Variant],
) -> str:
    pattern = term_pattern([form], english)
    assert pattern is not None
    matches = [(segment.id, m) for segment in witness.segments for m in pattern.finditer(segment.text)]
    if not matches:
        return ""
    counted, inside = 0, []
    for passage, match in matches:
        covering = [
            o
            for o in context.by_cell.get((document.id, witness.id, passage), [])
            if o.start <= match.start() and match.end() <= o.end
        ]
        if any(o.term == term.id and (o.start, o.end) == match.span() for o in covering):
            counted += 1
        else:
            inside.extend(covering)
    passage = matches[0][0]
    notes = []
    if inside:
        longer = dict.fromkeys((o.term, o.text) for o in inside)
        notes.append(
            "Also inside "
            + ", ".join(
                f"“{escape(text)}” ({context.link(term_id) if term_id != term.id else 'this term'})"
                for term_id, text in longer
            )
            + f": {len(inside)} time{'s' if len(inside) != 1 else ''}, counted there."
        )
    variant = declared.get((f"{document.id}/{witness.id}", form.lower()))
    if variant and variant.note:
        notes.append(escape(variant.note))
    language = escape(witness.language)
    return (
        f"<tr><td>{escape(document.short_title['en'])}</td><td>{escape(witness_name(witness))}</td>"
        f'<td lang="{language}">{escape(matches[0][1].group(0) if not english else form)}</td>'
        f"<td>{counted}</td>"
        f'<td><a href="{_passage_href(document, witness, passage)}">{escape(passage)}</a></td>'
        f"<td>{' '.join(notes)}</td></tr>"
    )


def _relations(term: Term, context: GlossaryContext) -> str:
    # A succession is stated once, on either term; each page shows it.
    others = context.terms.values()
    earlier = dict.fromkeys([*term.predecessors, *(t.id for t in others if term.id in t.successors)])
    later = dict.fromkeys([*term.successors, *(t.id for t in others if term.id in t.predecessors)])
    items = [
        f"<li>{label}: {', '.join(context.link(i) for i in ids)}</li>"
        for label, ids in (("Earlier term", earlier), ("Later term", later), ("Related", term.related))
        if ids
    ]
    return f'<ul class="ar-term-relations">{"".join(items)}</ul>' if items else "<p>None recorded.</p>"


def render_term_page(term: Term, context: GlossaryContext) -> str:
    """Markdown source of a term's page."""
    mine = context.by_term.get(term.id, [])
    passages = {(o.document, o.passage) for o in mine}
    documents = {o.document for o in mine}
    zh_definition = (
        f'<div class="ar-term-definition-zh" lang="zh-Hans">{render_body(term.definition_zh)}</div>'
        if term.definition_zh
        else ""
    )
    other_forms = (
        f'<p class="ar-term-other-forms">Also matched in Chinese: '
        f"{', '.join(f'<span lang=zh-Hans>{escape(f)}</span>' for f in term.match_zh)}</p>"
        if term.match_zh
        else ""
    )
    renderings = _renderings(term, context)
    blocks = [
        f"# {escape(term.en)}\n",
        f'<div class="ar-term-page" data-term="{escape(term.id)}">'
        f'<p class="ar-term-name"><span lang="zh-Hans" class="ar-term-zh">{escape(term.zh)}</span> '
        f'<span class="ar-pinyin">{escape(term.pinyin)}</span> · {escape(term.en)}</p>{other_forms}'
        f'<nav class="ar-term-toc" aria-label="On this page"><a href="#definition">Definition</a> · '
        '<a href="#use-over-time">Use over time</a> · <a href="#renderings-in-the-texts">Renderings</a> · '
        '<a href="#concordance">Concordance</a> · <a href="#related-terms">Related terms</a> · '
        f'<a href="{ROOT}glossary/">All terms</a></nav></div>\n',
        "## Definition\n",
        f'<div class="ar-term-definition">{render_body(term.definition)}</div>{zh_definition}\n',
        "## Use over time\n",
        f'<p class="ar-term-counts">{len(mine)} occurrence{"s" if len(mine) != 1 else ""} '
        f"in {len(passages)} passage{'s' if len(passages) != 1 else ''} of {len(documents)} "
        f"document{'s' if len(documents) != 1 else ''}.</p>"
        + _first_appearance(term, context)
        + render_year_chart(year_uses(context.corpus, mine), term.en, "chart")
        + _undated(context.corpus, mine)
        + "\n",
        "## Renderings in the texts\n",
        (renderings or "<p>No text of the corpus uses this term.</p>") + "\n",
        "## Concordance\n",
        (
            '<p class="ar-kwic-intro">Every occurrence, in context. The passage link opens it in the view of '
            "its language.</p>"
            # The lines repeat the texts, which the search finds on their own pages.
            f"<div data-search-exclude>{render_concordance(context.corpus, mine, ROOT)}</div>"
            if mine
            else "<p>No occurrences.</p>"
        )
        + "\n",
        "## Related terms\n",
        _relations(term, context) + "\n",
        render_source_list("Sources", term.sources)
        + f'<p class="ar-note-meta">{escape(term.author)}, <time>{escape(term.date)}</time></p>\n',
    ]
    return "\n".join(blocks)
