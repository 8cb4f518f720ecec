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

from markdown.extensions.toc import slugify

from .concordance import kwic_in, language_view, render_concordance
from .glossary import Occurrence, Term, Variant, first_occurrences
from .interface import english, english_attr, heading, sentences, table_head
from .labels import citation_label
from .messages import ENGLISH, Messages
from .model import Corpus, Document, Witness
from .note_body import render_body
from .search import unindexed
from .site_urls import passage_url, term_url
from .sources_html import render_source_list
from .timeline import YEARS
from .witness_names import witness_name
from .witness_text import WitnessText
from .year_chart import YearUse, render_year_chart

ROOT = "../../"  # from glossary/<term-id>/ to the site root


def page_uri(term: Term) -> str:
    """The generated page file of a term's page (served at glossary/<term-id>/)."""
    return f"glossary/{term.id}.md"


@dataclass
class GlossaryContext:
    """What every term page needs besides its term: the corpus, the other terms, every occurrence, the interface."""

    corpus: Corpus
    terms: dict[str, Term]
    occurrences: list[Occurrence]
    msg: Messages = ENGLISH

    def __post_init__(self) -> None:
        self.by_term: dict[str, list[Occurrence]] = defaultdict(list)
        self.by_cell: dict[tuple[str, str, str], list[Occurrence]] = defaultdict(list)
        for occurrence in self.occurrences:
            self.by_term[occurrence.term].append(occurrence)
            self.by_cell[(occurrence.document, occurrence.witness, occurrence.passage)].append(occurrence)
        self.first = first_occurrences(self.corpus, self.occurrences)
        self._texts: dict[tuple[str, str], WitnessText] = {}

    def text_of(self, document: Document, witness: Witness) -> WitnessText:
        """A witness's passages as one text, kept for the next term: every term page searches every text."""
        key = (document.id, witness.id)
        if key not in self._texts:
            self._texts[key] = WitnessText(witness)
        return self._texts[key]

    def link(self, term_id: str) -> str:
        term = self.terms[term_id]
        name = english(escape(term.en), self.msg)
        return f'<a href="{ROOT}{term_url(term.id)}">{name} <span lang="zh-Hans">{escape(term.zh)}</span></a>'


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


def _undated(corpus: Corpus, occurrences: list[Occurrence], msg: Messages) -> str:
    """A sentence for uses the chart cannot place: those in documents the texts do not date."""
    undated = {d.id: d for d in corpus.documents if d.date is None}
    passages = {(o.document, o.passage) for o in occurrences if o.document in undated}
    if not passages:
        return ""
    names = msg("list_comma").join(sorted({escape(undated[d].short_title[msg.language]) for d, _ in passages}))
    return f'<p class="ar-chart-undated">{msg.html("chart_undated", count=len(passages), names=names)}</p>'


def _passage_href(document: Document, witness: Witness, passage: str) -> str:
    return ROOT + escape(passage_url(document.id, passage, language_view(witness)))


def _first_appearance(term: Term, context: GlossaryContext) -> str:
    msg = context.msg
    first = context.first.get(term.id)
    if first is None:
        return f'<p class="ar-term-first">{escape(msg("term_not_found"))}</p>'
    document, witness, _ = kwic_in(context.corpus, first)
    # The same passage in every text that uses the term there.
    there = [o for o in context.by_term[term.id] if (o.document, o.passage) == (first.document, first.passage)]
    lines = []
    for occurrence in there:
        _, other, line = kwic_in(context.corpus, occurrence)
        name = escape(witness_name(other, msg))
        lines.append(f"<li>{msg.html('kwic_line_in', line=line.inline_html(), witness=name)}</li>")
    date = msg("term_first_date", date=document.date) if document.date else ""
    label = citation_label(document, first.passage, msg.language)
    link = f'<a href="{_passage_href(document, witness, first.passage)}">{escape(label)}</a>'
    caveat = escape(msg("term_first_caveat", count=len(context.corpus.documents)), quote=False)
    first_in = msg.html(
        "term_first", link=link, date=escape(date), title=escape(document.title[msg.language]), caveat=caveat
    )
    return (
        f'<p class="ar-term-first">{first_in}</p>'
        f'<ul class="ar-term-first-lines" data-search-exclude>{"".join(lines)}</ul>'
    )


def _renderings(term: Term, context: GlossaryContext) -> str:
    """Each form of the term that each text uses, how often it counts for this term, and where it first occurs."""
    msg = context.msg
    declared = {(name, v.en.lower()): v for v in term.variants for name in v.witnesses}
    rows = []
    for document in context.corpus.documents:
        for witness in document.witnesses:
            english_form = not witness.language.startswith("zh")
            forms = list(dict.fromkeys(f.lower() for f in term.en_forms)) if english_form else term.zh_forms
            for form in forms:
                row = _rendering_row(term, context, document, witness, form, english_form, declared)
                if row:
                    rows.append(row)
    if not rows:
        return ""
    columns = (
        msg("renderings_column_document"),
        msg("renderings_column_text"),
        msg("renderings_column_rendering"),
        msg("renderings_column_counted"),
        msg("renderings_column_first_use"),
        msg("renderings_column_note"),
    )
    return f'<table class="ar-renderings">{table_head(columns)}<tbody>{"".join(rows)}</tbody></table>'


def _inside_longer(term: Term, context: GlossaryContext, inside: list[Occurrence], english_form: bool) -> str:
    """A note for the matches of a form that count for longer terms containing it (quoted as the text writes them)."""
    msg = context.msg
    longer = dict.fromkeys((o.term, o.text) for o in inside)
    forms = msg("list_comma").join(
        msg.html(
            "renderings_inside_form",
            text=english(escape(text), msg) if english_form else escape(text),
            term=context.link(term_id) if term_id != term.id else escape(msg("renderings_this_term")),
        )
        for term_id, text in longer
    )
    return msg.html("renderings_inside", count=len(inside), forms=forms)


def _rendering_row(
    term: Term,
    context: GlossaryContext,
    document: Document,
    witness: Witness,
    form: str,
    english_form: bool,
    declared: dict[tuple[str, str], Variant],
) -> str:
    msg = context.msg
    matches = context.text_of(document, witness).find_form(form, english_form)
    if not matches:
        return ""
    counted, inside = 0, []
    for passage, start, end, _ in matches:
        covering = [
            o for o in context.by_cell.get((document.id, witness.id, passage), []) if o.start <= start and end <= o.end
        ]
        if any(o.term == term.id and (o.start, o.end) == (start, end) for o in covering):
            counted += 1
        else:
            inside.extend(covering)
    passage = matches[0][0]
    notes = []
    if inside:
        notes.append(f'<span class="ar-inside-longer">{_inside_longer(term, context, inside, english_form)}</span>')
    variant = declared.get((f"{document.id}/{witness.id}", form.lower()))
    if variant and variant.note:
        notes.append(english(escape(variant.note), msg))
    language = escape(witness.language)
    return (
        f"<tr><td>{escape(document.short_title[msg.language])}</td><td>{escape(witness_name(witness, msg))}</td>"
        f'<td lang="{language}">{escape(matches[0][3] if not english_form else form)}</td>'
        f"<td>{counted}</td>"
        f'<td><a href="{_passage_href(document, witness, passage)}">{escape(passage)}</a></td>'
        f'<td class="ar-rendering-note">{sentences(notes, msg)}</td></tr>'
    )


def _relations(term: Term, context: GlossaryContext) -> str:
    msg = context.msg
    # A succession is stated once, on either term; each page shows it.
    others = context.terms.values()
    earlier = dict.fromkeys([*term.predecessors, *(t.id for t in others if term.id in t.successors)])
    later = dict.fromkeys([*term.successors, *(t.id for t in others if term.id in t.predecessors)])
    relations = (
        (msg("relation_earlier"), earlier),
        (msg("relation_later"), later),
        (msg("relation_related"), term.related),
    )
    items = [
        "<li>"
        + msg.html("label_value", label=escape(label), value=msg("list_comma").join(context.link(i) for i in ids))
        + "</li>"
        for label, ids in relations
        if ids
    ]
    if not items:
        return f"<p>{escape(msg('relations_none'))}</p>"
    return f'<ul class="ar-term-relations">{"".join(items)}</ul>'


def _header(term: Term, context: GlossaryContext) -> str:
    """The term's names and the page's table of contents."""
    msg = context.msg
    other_forms = (
        '<p class="ar-term-other-forms">'
        + msg.html(
            "term_other_forms",
            forms=msg("list_comma").join(f"<span lang=zh-Hans>{escape(f)}</span>" for f in term.match_zh),
        )
        + "</p>"
        if term.match_zh
        else ""
    )
    toc = " · ".join(
        f'<a href="{href}">{escape(text)}</a>'
        for href, text in (
            ("#definition", msg("term_toc_definition")),
            ("#use-over-time", msg("term_toc_use")),
            ("#renderings-in-the-texts", msg("term_toc_renderings")),
            ("#concordance", msg("term_toc_concordance")),
            ("#related-terms", msg("term_toc_related")),
            (f"{ROOT}glossary/", msg("term_toc_all_terms")),
        )
    )
    return (
        f'<div class="ar-term-page" data-term="{escape(term.id)}">'
        f'<p class="ar-term-name"><span lang="zh-Hans" class="ar-term-zh">{escape(term.zh)}</span> '
        f'<span class="ar-pinyin">{escape(term.pinyin)}</span> · {english(escape(term.en), msg)}</p>{other_forms}'
        f'<nav class="ar-term-toc" aria-label="{escape(msg("term_toc"))}">{toc}</nav></div>\n'
    )


def _use_over_time(term: Term, context: GlossaryContext, mine: list[Occurrence]) -> str:
    """How often the term is used, where it first appears, and its use per year."""
    msg = context.msg
    counts = msg(
        "term_counts",
        occurrences=msg("occurrence_count", count=len(mine)),
        passages=msg("passage_count", count=len({(o.document, o.passage) for o in mine})),
        documents=msg("document_count", count=len({o.document for o in mine})),
    )
    # The chart's words are in one language, so it names the term in the interface's.
    name = term.zh if msg.language == "zh" else term.en
    return (
        f'<p class="ar-term-counts">{escape(counts)}</p>'
        + _first_appearance(term, context)
        + render_year_chart(year_uses(context.corpus, mine), name, "chart", msg)
        + _undated(context.corpus, mine, msg)
        + "\n"
    )


def render_term_page(term: Term, context: GlossaryContext) -> str:
    """HTML of a term's page, its words in the language of `context.msg`."""
    msg = context.msg
    mine = context.by_term.get(term.id, [])
    zh_definition = (
        f'<div class="ar-term-definition-zh" lang="zh-Hans">{render_body(term.definition_zh)}</div>'
        if term.definition_zh
        else ""
    )
    renderings = _renderings(term, context)
    concordance = (
        f'<p class="ar-kwic-intro">{escape(msg("kwic_intro"))}</p>'
        # The lines repeat the texts, which the search finds on their own pages.
        + unindexed(f"<div data-search-exclude>{render_concordance(context.corpus, mine, ROOT, msg)}</div>")
        if mine
        else f"<p>{escape(msg('kwic_none'))}</p>"
    )
    byline = msg.html("byline", author=english(escape(term.author), msg), date=f"<time>{escape(term.date)}</time>")
    blocks = [
        # The id is the one Markdown's toc extension gave this heading, so that old links still work.
        heading(1, term.en, slugify(term.en, "-"), None if msg.language == "en" else "en"),
        _header(term, context),
        heading(2, msg("term_definition"), "definition"),
        f'<div class="ar-term-definition"{english_attr(msg)}>{render_body(term.definition)}</div>{zh_definition}\n',
        heading(2, msg("term_use_over_time"), "use-over-time"),
        _use_over_time(term, context, mine),
        heading(2, msg("term_renderings"), "renderings-in-the-texts"),
        (renderings or f"<p>{escape(msg('renderings_none'))}</p>") + "\n",
        heading(2, msg("term_concordance"), "concordance"),
        concordance + "\n",
        heading(2, msg("term_related"), "related-terms"),
        _relations(term, context) + "\n",
        render_source_list(msg("sources"), term.sources, msg=msg) + f'<p class="ar-note-meta">{byline}</p>\n',
    ]
    return "\n".join(blocks)
