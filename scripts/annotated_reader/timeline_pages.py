"""The timeline's pages: an overview of 2003 to 2022, one page per year, one page per event.

The overview is an ordered list of years, each with its events, so that it
reads in order without CSS or JavaScript and with a screen reader; the CSS
draws it as a vertical axis. A year page gathers the year's events, the
corpus's documents of that year, the glossary terms the corpus first uses
that year and the passages that mention the year's events. An event page
lists every passage that mentions it. Events before 2003 are context: on
the overview and their own pages, marked as such.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from html import escape

from .concordance import kwic_in
from .glossary import Occurrence, Term, first_occurrences
from .labels import citation_label
from .model import Corpus, Document
from .note_body import plain_summary, render_body
from .site_urls import document_url, event_url, passage_url, term_url, year_url
from .sources_html import render_source_list
from .timeline import FIRST_YEAR, KINDS, LAST_YEAR, YEARS, Event, Mention, format_date

OVERVIEW_URI = "timeline/index.md"


def year_uri(year: int) -> str:
    return f"timeline/{year}.md"


def event_uri(event: Event) -> str:
    return f"timeline/events/{event.id}.md"


@dataclass
class TimelineContext:
    """What the timeline pages need: the corpus, the events and their mentions, the terms and their uses."""

    corpus: Corpus
    events: list[Event]
    mentions: list[Mention]
    terms: list[Term] = field(default_factory=list)
    occurrences: list[Occurrence] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.by_id = {e.id: e for e in self.events}
        self.mentions_of: dict[str, list[Mention]] = defaultdict(list)
        for mention in self.mentions:
            self.mentions_of[mention.event].append(mention)

    def events_of(self, year: int) -> list[Event]:
        return [e for e in self.events if e.date.year == year]

    def documents_of(self, year: int) -> list[Document]:
        return [d for d in self.corpus.documents if d.date and d.date.year == year]

    def first_year_of_terms(self) -> dict[int, list[Term]]:
        """The glossary terms by the year of their first appearance (as on their pages), when it is dated."""
        years = {d.id: d.date.year for d in self.corpus.documents if d.date}
        first = first_occurrences(self.corpus, self.occurrences)
        grouped: dict[int, list[Term]] = defaultdict(list)
        for term in sorted(self.terms, key=lambda t: t.en.lower()):
            if term.id in first and first[term.id].document in years:
                grouped[years[first[term.id].document]].append(term)
        return grouped

    def event_of_document(self, document: Document) -> Event | None:
        return next((e for e in self.events if e.document == document.id), None)

    def cited_by(self, document: Document) -> list[tuple[Event, list[str]]]:
        """The events a document mentions, each with the passages that mention it, in date order."""
        passages: dict[str, list[str]] = defaultdict(list)
        for mention in self.mentions:
            if mention.document == document.id and mention.passage not in passages[mention.event]:
                passages[mention.event].append(mention.passage)
        for event in self.events:
            for ref in event.passages:
                doc, _, passage = ref.partition("#")
                if doc == document.id and passage not in passages[event.id]:
                    passages[event.id].append(passage)
        return [(e, passages[e.id]) for e in self.events if passages.get(e.id) and e.document != document.id]


def _event_item(event: Event, root: str, with_summary: bool = True) -> str:
    summary = (
        f' <span class="ar-event-summary">{escape(plain_summary(event.summary, limit=320))}</span>'
        if with_summary
        else ""
    )
    return (
        f'<li class="ar-event ar-event-{escape(event.kind)}">'
        f'<time datetime="{event.date}">{escape(format_date(event.date, event.end))}</time> '
        f'<a href="{root}{event_url(event.id)}">{escape(event.title_en)}</a> '
        f'<span lang="zh-Hans" class="ar-event-zh">{escape(event.title_zh)}</span> '
        f'<span class="ar-event-kind">{escape(KINDS[event.kind])}</span>{summary}</li>'
    )


def _context_section(events: list[Event], heading: str, intro: str, root: str) -> str:
    if not events:
        return ""
    return (
        f'<section class="ar-context-events"><h2>{escape(heading)}</h2><p>{escape(intro)}</p>'
        f'<ol class="ar-year-events">{"".join(_event_item(e, root, False) for e in events)}</ol></section>'
    )


def render_overview(context: TimelineContext) -> str:
    """Markdown source of timeline/: the years 2003 to 2022 in order, each with its events."""
    root = "../"
    before = _context_section(
        [e for e in context.events if e.date.year < FIRST_YEAR],
        f"Before {FIRST_YEAR}: context",
        "Events before the first document of the corpus that the texts cite.",
        root,
    )
    after = _context_section(
        [e for e in context.events if e.date.year > LAST_YEAR],
        f"After {LAST_YEAR}",
        "Texts of the corpus written after the timeline's last year.",
        root,
    )
    years = []
    for year in YEARS:
        events = context.events_of(year)
        body = (
            f'<ol class="ar-year-events">{"".join(_event_item(e, root, False) for e in events)}</ol>'
            if events
            else '<p class="ar-year-empty">No event.</p>'
        )
        years.append(
            f'<li class="ar-year{" ar-year-is-empty" if not events else ""}" id="y{year}">'
            f'<p class="ar-year-label"><a href="{root}{year_url(year)}">{year}</a></p>{body}</li>'
        )
    return (
        "# Timeline\n\n"
        f'<p class="ar-index-intro">{len(context.events)} events from {FIRST_YEAR} to {LAST_YEAR}: the documents '
        "of the corpus and the congresses, plans and laws the texts cite. Each year links to its page; each event "
        "to its page, with every passage that mentions it. Dates are as precise as their sources.</p>\n\n"
        f"{before}\n\n"
        f'<ol class="ar-timeline" aria-label="Years {FIRST_YEAR} to {LAST_YEAR}">{"".join(years)}</ol>\n\n'
        f"{after}\n"
    )


def _mention_lines(context: TimelineContext, mentions: list[Mention], root: str) -> str:
    items = []
    for mention in mentions:
        document, witness, line = kwic_in(context.corpus, mention)
        label = citation_label(document, mention.passage, "en")
        items.append(
            f'<li class="ar-mention"><a href="{line.href(root)}">{escape(label)}</a> ({escape(witness.id)}): '
            f"{line.inline_html()}</li>"
        )
    return f'<ul class="ar-mentions" data-search-exclude>{"".join(items)}</ul>'


def _passage_link(context: TimelineContext, ref: str, root: str) -> str:
    """A link to a passage given as <document-id>#<passage> (aliases followed), labelled for citing."""
    doc_id, _, passage = ref.partition("#")
    document = context.corpus.document(doc_id)
    assert document is not None  # checked by the loader
    current = document.resolve(passage) or passage
    return (
        f'<a href="{root}{escape(passage_url(doc_id, current))}">{escape(citation_label(document, current, "en"))}</a>'
    )


def _listed_passages(context: TimelineContext, event: Event, root: str) -> str:
    items = [f"<li>{_passage_link(context, ref, root)}</li>" for ref in event.passages]
    return f'<ul class="ar-event-passages">{"".join(items)}</ul>' if items else ""


def _year_nav(year: int, root: str) -> str:
    previous = f'<a rel="prev" href="{root}{year_url(year - 1)}">← {year - 1}</a>' if year > FIRST_YEAR else ""
    following = f'<a rel="next" href="{root}{year_url(year + 1)}">{year + 1} →</a>' if year < LAST_YEAR else ""
    return (
        f'<nav class="ar-year-nav" aria-label="Years">{previous}'
        f'<a href="{root}timeline/#y{year}">All years</a>{following}</nav>'
    )


def render_year_page(year: int, context: TimelineContext) -> str:
    """Markdown source of timeline/<year>/."""
    root = "../../"
    events = context.events_of(year)
    documents = context.documents_of(year)
    terms = context.first_year_of_terms().get(year, [])
    parts = [f"# {year}\n", _year_nav(year, root) + "\n", "## Events\n"]
    parts.append(
        f'<ol class="ar-year-events">{"".join(_event_item(e, root) for e in events)}</ol>\n'
        if events
        else "<p>No event of the timeline falls in this year.</p>\n"
    )
    parts.append("## Documents of the corpus\n")
    parts.append(
        "<ul>"
        + "".join(
            f'<li><a href="{root}{document_url(d.id)}">{escape(d.title["en"])}</a> '
            f'<span lang="zh-Hans">{escape(d.title["zh"])}</span></li>'
            for d in documents
        )
        + "</ul>\n"
        if documents
        else "<p>The corpus has no document of this year.</p>\n"
    )
    parts.append("## Terms first used in the corpus\n")
    parts.append(
        "<ul>"
        + "".join(
            f'<li><a href="{root}{term_url(t.id)}">{escape(t.en)}</a> <span lang="zh-Hans">{escape(t.zh)}</span></li>'
            for t in terms
        )
        + "</ul>\n"
        if terms
        else "<p>No glossary term is first used in a document of this year.</p>\n"
    )
    parts.append("## Passages that mention this year's events\n")
    mentioned = [(e, context.mentions_of.get(e.id, [])) for e in events]
    mentioned = [(e, m) for e, m in mentioned if m or e.passages]
    if mentioned:
        for event, mentions in mentioned:
            parts.append(
                f'<h3 class="ar-mention-event"><a href="{root}{event_url(event.id)}">{escape(event.title_en)}</a></h3>'
                + (_mention_lines(context, mentions, root) if mentions else "")
                + _listed_passages(context, event, root)
                + "\n"
            )
    else:
        parts.append("<p>No passage of the corpus mentions an event of this year.</p>\n")
    parts.append(_year_nav(year, root) + "\n")
    return "\n".join(parts)


def _event_sources(context: TimelineContext, event: Event, root: str) -> str:
    items = []
    for source in event.sources:
        if source.passage is not None:
            link = _passage_link(context, source.passage, root)
            items.append(f"<li>{link} (in this corpus): {escape(source.supports)}</li>")
    outside = [s.source for s in event.sources if s.source is not None]
    listed = f'<p class="ar-sources-heading">Sources</p><ul class="ar-sources">{"".join(items)}</ul>' if items else ""
    return listed + render_source_list("Sources" if not items else "Other sources", outside)


def render_event_page(event: Event, context: TimelineContext) -> str:
    """Markdown source of timeline/events/<id>/."""
    root = "../../../"
    mentions = context.mentions_of.get(event.id, [])
    where = (
        f'<p class="ar-event-context">Outside {FIRST_YEAR}–{LAST_YEAR}: context for the texts, not on a year page. '
        f'<a href="{root}timeline/">The timeline</a></p>'
        if event.is_context
        else f'<p class="ar-event-year">On the timeline: <a href="{root}{year_url(event.date.year)}">'
        f'{event.date.year}</a> · <a href="{root}timeline/#y{event.date.year}">all years</a></p>'
    )
    precision = {"year": "known to the year", "month": "known to the month", "day": "known to the day"}
    document = context.corpus.document(event.document) if event.document else None
    parts = [
        f"# {escape(event.title_en)}\n",
        f'<div class="ar-event-page" data-event="{escape(event.id)}">'
        f'<p class="ar-event-title-zh" lang="zh-Hans">{escape(event.title_zh)}</p>'
        f'<dl class="ar-meta"><dt>Date</dt><dd><time datetime="{event.date}">'
        f"{escape(format_date(event.date, event.end))}</time> ({precision[event.date.precision]})</dd>"
        f"<dt>Kind</dt><dd>{escape(KINDS[event.kind])}</dd>"
        + (
            f'<dt>Document</dt><dd><a href="{root}{document_url(document.id)}">{escape(document.title["en"])}</a></dd>'
            if document
            else ""
        )
        + f"</dl>{where}</div>\n",
        f'<div class="ar-event-summary-full">{render_body(event.summary)}</div>\n',
        "## Mentioned in the texts\n",
    ]
    if mentions or event.passages:
        count = len({(m.document, m.passage) for m in mentions})
        parts.append(
            (
                f"<p>{len(mentions)} mention{'s' if len(mentions) != 1 else ''} in {count} "
                f"passage{'s' if count != 1 else ''}.</p>" + _mention_lines(context, mentions, root)
                if mentions
                else ""
            )
            + ("<p>Passages that refer to it without naming it:</p>" + _listed_passages(context, event, root))
            * bool(event.passages)
            + "\n"
        )
    else:
        parts.append("<p>No passage of the corpus names this event.</p>\n")
    parts.append(_event_sources(context, event, root) + f'<p class="ar-note-meta">{escape(event.author)}</p>\n')
    return "\n".join(parts)


def document_timeline_rows(context: TimelineContext, document: Document, root: str) -> list[tuple[str, str]]:
    """Header rows for a document page: where it stands on the timeline, and the events it cites."""
    rows = []
    event = context.event_of_document(document)
    if event is not None:
        rows.append(
            (
                "Timeline",
                f'<a href="{root}{event_url(event.id)}">{escape(format_date(event.date, event.end))}</a>'
                + (
                    ""
                    if event.is_context
                    else f' · <a href="{root}{year_url(event.date.year)}">{event.date.year} on the timeline</a>'
                ),
            )
        )
    cited = context.cited_by(document)
    if cited:
        rows.append(
            (
                "Cites",
                "; ".join(
                    f'<a href="{root}{event_url(e.id)}">{escape(e.title_en)}</a> '
                    f"({escape(format_date(e.date, e.end))}; "
                    + ", ".join(f'<a href="#{escape(p)}">{escape(p)}</a>' for p in passages)
                    + ")"
                    for e, passages in cited
                ),
            )
        )
    return rows
