"""One page per glossary term: definition, renderings, first appearance, use per year, concordance, relations.

Everything on the page beyond the term's own YAML file is computed from the
texts: the renderings table lists each form of the term that each text
really uses (with the note of the declared variant, if any), the chart and
the concordance count the occurrences found by glossary.find_occurrences.

A term with more concordance lines than `GlossaryContext.inline_lines` has a
page per year of its documents (glossary/<term-id>/<year>/) with that year's
renderings table and lines; its own page then shows its renderings summed
per form and an index of the years. So a term page weighs about the same
however large the corpus grows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import Any, TypeVar

from markdown.extensions.toc import slugify

from .concordance import INLINE_LINES, by_year, kwic_in, language_view, render_concordance, render_year_index
from .corpus_years import group_by_year, in_year_order, year_key, year_label, year_nav
from .glossary import Occurrence, Term, Variant, first_occurrences, uses_english_forms
from .interface import english, english_attr, heading, sentences, table_head
from .labels import citation_label
from .messages import ENGLISH, Messages
from .model import Corpus, Document, Witness
from .note_body import render_body
from .search import unindexed
from .site_urls import passage_url, term_url, term_year_url
from .sources_html import render_source_list
from .timeline import YEARS
from .witness_names import witness_name
from .witness_text import WitnessText
from .year_chart import YearUse, render_year_chart

T = TypeVar("T")

ROOT = "../../"  # from glossary/<term-id>/ to the site root
YEAR_ROOT = "../../../"  # from glossary/<term-id>/<year>/


def page_uri(term: Term) -> str:
    """The generated page file of a term's page (served at glossary/<term-id>/)."""
    return f"glossary/{term.id}.md"


def term_year_page_uri(term: Term, year: str) -> str:
    """The generated page file of a term's page for one year (served at term_year_url)."""
    return term_year_url(term.id, year).rstrip("/") + ".md"


@dataclass
class GlossaryContext:
    """What every term page needs besides its term: the corpus, the other terms, every occurrence, the interface."""

    corpus: Corpus
    terms: dict[str, Term]
    occurrences: list[Occurrence]
    msg: Messages = ENGLISH
    inline_lines: int = INLINE_LINES

    def __post_init__(self) -> None:
        self.by_term: dict[str, list[Occurrence]] = defaultdict(list)
        self.by_cell: dict[tuple[str, str, str], list[Occurrence]] = defaultdict(list)
        for occurrence in self.occurrences:
            self.by_term[occurrence.term].append(occurrence)
            self.by_cell[(occurrence.document, occurrence.witness, occurrence.passage)].append(occurrence)
        self.first = first_occurrences(self.corpus, self.occurrences)
        self._texts: dict[tuple[str, str], WitnessText] = {}
        # What a term's page and each of its year pages read, by what it is and the term (_kept).
        self._per_term: dict[tuple[str, str], Any] = {}

    def text_of(self, document: Document, witness: Witness) -> WitnessText:
        """A witness's passages as one text, kept for the next term: every term page searches every text."""
        key = (document.id, witness.id)
        if key not in self._texts:
            self._texts[key] = WitnessText(witness)
        return self._texts[key]

    def renderings(self, term: Term) -> list[Rendering]:
        """Each form of the term that each text uses, in the corpus's order."""
        return self._kept("renderings", term, lambda: _text_renderings(term, self))

    def lines_by_year(self, term: Term) -> dict[str, list[Occurrence]]:
        """The term's occurrences by the year of their document (concordance.by_year)."""
        return self._kept("lines by year", term, lambda: by_year(self.corpus, self.by_term.get(term.id, [])))

    def renderings_by_year(self, term: Term) -> dict[str, list[Rendering]]:
        """The term's renderings by the year of their document, each year's in the corpus's order."""
        return self._kept(
            "renderings by year", term, lambda: group_by_year(self.renderings(term), lambda r: year_key(r.document))
        )

    def years(self, term: Term) -> list[str]:
        """The term's year pages: every year with a line or a rendering, undated last.

        None when the term page holds all its lines (at most `inline_lines`).
        """
        if len(self.by_term.get(term.id, [])) <= self.inline_lines:
            return []
        return self._kept(
            "years", term, lambda: in_year_order([*self.lines_by_year(term), *self.renderings_by_year(term)])
        )

    def _kept(self, what: str, term: Term, make: Callable[[], T]) -> T:
        """`make()`, worked out once per term: a busy term has hundreds of year pages asking."""
        key = (what, term.id)
        if key not in self._per_term:
            self._per_term[key] = make()
        return self._per_term[key]

    def link(self, term_id: str, root: str = ROOT) -> str:
        """A link to a term's page from a page `root` away from the site root."""
        term = self.terms[term_id]
        name = english(escape(term.en), self.msg)
        return f'<a href="{root}{term_url(term.id)}">{name} <span lang="zh-Hans">{escape(term.zh)}</span></a>'


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


def _passage_href(document: Document, witness: Witness, passage: str, root: str = ROOT) -> str:
    return root + escape(passage_url(document.id, passage, language_view(witness)))


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


@dataclass(frozen=True)
class Rendering:
    """One form of a term as one text writes it: how often it counts for the term, and where first."""

    document: Document
    witness: Witness
    form: str  # as shown: the text's own Chinese, or the English form in lower case
    counted: int
    first_passage: str
    inside: list[Occurrence]  # what its other matches count for: longer terms containing it
    variant_note: str  # the note of the variant the term declares for this text and form, if any

    @property
    def english_form(self) -> bool:
        return uses_english_forms(self.witness)


def _text_renderings(term: Term, context: GlossaryContext) -> list[Rendering]:
    declared = {(name, v.en.lower()): v for v in term.variants for name in v.witnesses}
    found = []
    for document in context.corpus.documents:
        for witness in document.witnesses:
            english_form = uses_english_forms(witness)
            forms = list(dict.fromkeys(f.lower() for f in term.en_forms)) if english_form else term.zh_forms
            for form in forms:
                rendering = _rendering(term, context, document, witness, form, english_form, declared)
                if rendering:
                    found.append(rendering)
    return found


def _rendering(
    term: Term,
    context: GlossaryContext,
    document: Document,
    witness: Witness,
    form: str,
    english_form: bool,
    declared: dict[tuple[str, str], Variant],
) -> Rendering | None:
    matches = context.text_of(document, witness).find_form(form, english_form)
    if not matches:
        return None
    counted, inside = 0, []
    for passage, start, end, _ in matches:
        covering = [
            o for o in context.by_cell.get((document.id, witness.id, passage), []) if o.start <= start and end <= o.end
        ]
        if any(o.term == term.id and (o.start, o.end) == (start, end) for o in covering):
            counted += 1
        else:
            inside.extend(covering)
    variant = declared.get((f"{document.id}/{witness.id}", form.lower()))
    shown = form if english_form else matches[0][3]
    note = variant.note if variant and variant.note else ""
    return Rendering(document, witness, shown, counted, matches[0][0], inside, note)


def _rendering_note(
    term: Term,
    context: GlossaryContext,
    inside: list[Occurrence],
    english_form: bool,
    variant_notes: list[str],
    root: str = ROOT,
) -> str:
    notes = []
    if inside:
        longer = _inside_longer(term, context, inside, english_form, root)
        notes.append(f'<span class="ar-inside-longer">{longer}</span>')
    notes.extend(english(escape(note), context.msg) for note in variant_notes)
    return sentences(notes, context.msg)


def _renderings_table(term: Term, context: GlossaryContext, renderings: list[Rendering], root: str) -> str:
    """Each form each text uses, how often it counts for this term, and where it first occurs."""
    msg = context.msg
    rows = [_text_rendering_row(term, context, rendering, root) for rendering in renderings]
    return _renderings_html(rows, ("document", "text", "rendering", "counted", "first_use", "note"), msg)


def _renderings_html(rows: list[str], columns: tuple[str, ...], msg: Messages) -> str:
    """A renderings table of `rows` under the columns named (renderings_column_<name>); none without rows."""
    if not rows:
        return ""
    head = table_head(msg(f"renderings_column_{column}") for column in columns)
    return f'<table class="ar-renderings">{head}<tbody>{"".join(rows)}</tbody></table>'


def _text_rendering_row(term: Term, context: GlossaryContext, rendering: Rendering, root: str) -> str:
    msg, r = context.msg, rendering
    href = _passage_href(r.document, r.witness, r.first_passage, root)
    note = _rendering_note(term, context, r.inside, r.english_form, [r.variant_note] if r.variant_note else [], root)
    return (
        f"<tr><td>{escape(r.document.short_title[msg.language])}</td><td>{escape(witness_name(r.witness, msg))}</td>"
        f'<td lang="{escape(r.witness.language)}">{escape(r.form)}</td>'
        f"<td>{r.counted}</td>"
        f'<td><a href="{href}">{escape(r.first_passage)}</a></td>'
        f'<td class="ar-rendering-note">{note}</td></tr>'
    )


def _renderings_by_form(term: Term, context: GlossaryContext, renderings: list[Rendering]) -> str:
    """Each form, in all the texts together: how many use it, how often it counts, where it first occurs."""
    msg = context.msg
    forms: dict[tuple[bool, str], list[Rendering]] = {}
    for rendering in renderings:
        forms.setdefault((rendering.english_form, rendering.form), []).append(rendering)
    rows = []
    for (english_form, form), group in forms.items():
        first = group[0]
        label = citation_label(first.document, first.first_passage, msg.language)
        href = _passage_href(first.document, first.witness, first.first_passage)
        inside = [o for r in group for o in r.inside]
        notes = list(dict.fromkeys(r.variant_note for r in group if r.variant_note))
        rows.append(
            f'<tr><td lang="{escape(first.witness.language)}">{escape(form)}</td><td>{len(group)}</td>'
            f"<td>{sum(r.counted for r in group)}</td>"
            f'<td><a href="{href}">{escape(label)}</a></td>'
            f'<td class="ar-rendering-note">{_rendering_note(term, context, inside, english_form, notes)}</td></tr>'
        )
    table = _renderings_html(rows, ("rendering", "texts", "counted", "first_use", "note"), msg)
    return f'<p class="ar-renderings-intro">{escape(msg("renderings_by_form_intro"))}</p>{table}' if table else ""


def _inside_longer(
    term: Term, context: GlossaryContext, inside: list[Occurrence], english_form: bool, root: str = ROOT
) -> str:
    """A note for the matches of a form that count for longer terms containing it (quoted as the text writes them)."""
    msg = context.msg
    longer = dict.fromkeys((o.term, o.text) for o in inside)
    forms = msg("list_comma").join(
        msg.html(
            "renderings_inside_form",
            text=english(escape(text), msg) if english_form else escape(text),
            term=context.link(term_id, root) if term_id != term.id else escape(msg("renderings_this_term")),
        )
        for term_id, text in longer
    )
    return msg.html("renderings_inside", count=len(inside), forms=forms)


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
    name = term.name(msg.language)
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
    years = context.years(term)
    if years:
        renderings = _renderings_by_form(term, context, context.renderings(term))
        intro = msg("kwic_years_intro", count=len(years))
        # Where each document's lines are; the titles repeat the documents' own pages.
        lines = render_year_index(context.corpus, years, context.lines_by_year(term), msg)
    else:
        renderings = _renderings_table(term, context, context.renderings(term), ROOT)
        intro = msg("kwic_intro")
        # The lines repeat the texts, which the search finds on their own pages.
        lines = render_concordance(context.corpus, mine, ROOT, msg)
    concordance = (
        f'<p class="ar-kwic-intro">{escape(intro)}</p>' + unindexed(f"<div data-search-exclude>{lines}</div>")
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


def render_term_year_page(term: Term, year: str, context: GlossaryContext) -> str:
    """HTML of a term's page for one year of its documents: their renderings table and their lines."""
    msg = context.msg
    years = context.years(term)
    found = context.lines_by_year(term).get(year, [])
    renderings = context.renderings_by_year(term).get(year, [])
    name = term.name(msg.language)
    label = year_label(year, msg)
    back = msg.html("term_year_back", term=escape(name))
    if found:
        counts = msg(
            "term_year_counts",
            occurrences=msg("occurrence_count", count=len(found)),
            documents=msg("document_count", count=len({o.document for o in found})),
            year=label,
        )
        intro = f'<p class="ar-kwic-intro">{sentences([escape(counts), escape(msg("kwic_intro"))], msg)}</p>'
        lines = intro + render_concordance(context.corpus, found, YEAR_ROOT, msg)
    else:
        lines = f"<p>{escape(msg('kwic_none'))}</p>"
    return "\n".join(
        [
            heading(1, msg("term_year_title", term=name, year=label), "term-year"),
            f'<p class="ar-kwic-back"><a href="../#concordance">{back}</a></p>',
            year_nav(year, years, msg, msg("kwic_years_nav")),
            heading(2, msg("term_renderings"), "renderings-in-the-texts"),
            _renderings_table(term, context, renderings, YEAR_ROOT) or f"<p>{escape(msg('renderings_none'))}</p>",
            heading(2, msg("term_concordance"), "concordance"),
            lines,
            year_nav(year, years, msg, msg("kwic_years_nav_end")),
        ]
    )
