"""The timeline's pages: an overview of 2003 to 2022, one page per year, one page per event.

The overview is an ordered list of years, each with its events, so that it
reads in order without CSS or JavaScript and with a screen reader; the CSS
draws it as a vertical axis. A year page gathers the year's events, the
corpus's documents of that year, the glossary terms the corpus first uses
that year and the passages that mention the year's events. An event page
lists every passage that mentions it. Events before 2003 are context: on
the overview and their own pages, marked as such.

An event named more often than a page should hold (`inline_lines`, as for a
glossary term's concordance) has its mentions on a page per year of the
documents that name it (timeline/events/<id>/<year>/); its page then shows
an index of the years and documents, and its year's page the counts and a
link, not the lines again. So neither page grows with the corpus beyond
what one year's documents say.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from html import escape

from markdown.extensions.toc import slugify

from .concordance import INLINE_LINES, by_document, by_year, kwic_document_title, kwic_in, render_year_index
from .corpus_years import year_label, year_nav
from .glossary import Occurrence, Term, first_occurrences
from .interface import english, english_attr, heading, sentences
from .labels import citation_label
from .messages import ENGLISH, Messages
from .model import Corpus, Document
from .note_body import plain_summary, render_body
from .search import unindexed
from .site_urls import document_url, event_url, event_year_url, passage_url, term_url, year_url
from .sources_html import render_source_list
from .timeline import FIRST_YEAR, LAST_YEAR, YEARS, Event, Mention, format_date, kind_labels

OVERVIEW_URI = "timeline/index.md"


def year_uri(year: int) -> str:
    return f"timeline/{year}.md"


def event_uri(event: Event) -> str:
    return f"timeline/events/{event.id}.md"


def event_year_page_uri(event: Event, year: str) -> str:
    """The generated page file of an event's mentions in one year's documents (served at event_year_url)."""
    return event_year_url(event.id, year).rstrip("/") + ".md"


@dataclass
class TimelineContext:
    """What the timeline pages need: the corpus, the events and their mentions, the terms and their uses.

    `msg` is the catalogue of the interface's language, which the pages' words come from;
    an event named more than `inline_lines` times has its mentions on a page per year.
    """

    corpus: Corpus
    events: list[Event]
    mentions: list[Mention]
    terms: list[Term] = field(default_factory=list)
    occurrences: list[Occurrence] = field(default_factory=list)
    msg: Messages = ENGLISH
    inline_lines: int = INLINE_LINES

    def __post_init__(self) -> None:
        self.by_id = {e.id: e for e in self.events}
        # Worked out once per event: each of its year pages asks.
        self._mentions_by_year: dict[str, dict[str, list[Mention]]] = {}
        self.mentions_of: dict[str, list[Mention]] = defaultdict(list)
        # By document, for the header of each document's views: a scan of every
        # mention and event per document would grow with the corpus squared.
        self._mentions_in: dict[str, list[Mention]] = defaultdict(list)
        self._events_citing: dict[str, list[tuple[Event, str]]] = defaultdict(list)
        self._event_of: dict[str, Event] = {}
        # With their place in date order (two events may share an id: the check reports it).
        self._events_with_id: dict[str, list[tuple[int, Event]]] = defaultdict(list)
        for mention in self.mentions:
            self.mentions_of[mention.event].append(mention)
            self._mentions_in[mention.document].append(mention)
        for index, event in enumerate(self.events):
            self._events_with_id[event.id].append((index, event))
            if event.document:
                self._event_of.setdefault(event.document, event)
            for ref in event.passages:
                document_id, _, passage = ref.partition("#")
                self._events_citing[document_id].append((event, passage))

    def mentions_by_year(self, event: Event) -> dict[str, list[Mention]]:
        """The event's mentions by the year of the document they are in (concordance.by_year)."""
        if event.id not in self._mentions_by_year:
            self._mentions_by_year[event.id] = by_year(self.corpus, self.mentions_of.get(event.id, []))
        return self._mentions_by_year[event.id]

    def mention_years(self, event: Event) -> list[str]:
        """The event's pages of mentions per year, undated last; none when its own page lists them all."""
        if len(self.mentions_of.get(event.id, ())) <= self.inline_lines:
            return []
        return list(self.mentions_by_year(event))

    def events_of(self, year: int) -> list[Event]:
        return [e for e in self.events if e.date.year == year]

    def documents_of(self, year: int) -> list[Document]:
        return [d for d in self.corpus.documents if d.date and d.date.year == year]

    @cached_property  # read by every year's page
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
        return self._event_of.get(document.id)

    def cited_by(self, document: Document) -> list[tuple[Event, list[str]]]:
        """The events a document mentions, each with the passages that mention it, in date order."""
        passages: dict[str, list[str]] = defaultdict(list)
        for mention in self._mentions_in.get(document.id, ()):
            if mention.passage not in passages[mention.event]:
                passages[mention.event].append(mention.passage)
        for event, passage in self._events_citing.get(document.id, ()):
            if passage not in passages[event.id]:
                passages[event.id].append(passage)
        cited = sorted(
            (index, event) for event_id in passages for index, event in self._events_with_id.get(event_id, ())
        )
        return [(e, passages[e.id]) for _, e in cited if passages[e.id] and e.document != document.id]


def _date(event: Event, msg: Messages) -> str:
    return escape(format_date(event.date, event.end, msg))


def _event_item(event: Event, root: str, msg: Messages, with_summary: bool = True) -> str:
    summary = (
        f' <span class="ar-event-summary"{english_attr(msg)}>{escape(plain_summary(event.summary, limit=320))}</span>'
        if with_summary
        else ""
    )
    return (
        f'<li class="ar-event ar-event-{escape(event.kind)}">'
        f'<time datetime="{event.date}">{_date(event, msg)}</time> '
        f'<a href="{root}{event_url(event.id)}">{english(escape(event.title_en), msg)}</a> '
        f'<span lang="zh-Hans" class="ar-event-zh">{escape(event.title_zh)}</span> '
        f'<span class="ar-event-kind">{escape(kind_labels(msg)[event.kind])}</span>{summary}</li>'
    )


def _context_section(events: list[Event], heading_text: str, intro: str, root: str, msg: Messages) -> str:
    if not events:
        return ""
    return (
        f'<section class="ar-context-events"><h2>{escape(heading_text)}</h2><p>{escape(intro)}</p>'
        f'<ol class="ar-year-events">{"".join(_event_item(e, root, msg, False) for e in events)}</ol></section>'
    )


def render_overview(context: TimelineContext) -> str:
    """HTML of timeline/: the years 2003 to 2022 in order, each with its events."""
    msg = context.msg
    root = "../"
    before = _context_section(
        [e for e in context.events if e.date.year < FIRST_YEAR],
        msg("timeline_before", year=FIRST_YEAR),
        msg("timeline_before_intro"),
        root,
        msg,
    )
    after = _context_section(
        [e for e in context.events if e.date.year > LAST_YEAR],
        msg("timeline_after", year=LAST_YEAR),
        msg("timeline_after_intro"),
        root,
        msg,
    )
    years = []
    for year in YEARS:
        events = context.events_of(year)
        body = (
            f'<ol class="ar-year-events">{"".join(_event_item(e, root, msg, False) for e in events)}</ol>'
            if events
            else f'<p class="ar-year-empty">{escape(msg("timeline_year_empty"))}</p>'
        )
        years.append(
            f'<li class="ar-year{" ar-year-is-empty" if not events else ""}" id="y{year}">'
            f'<p class="ar-year-label"><a href="{root}{year_url(year)}">{year}</a></p>{body}</li>'
        )
    intro = msg("timeline_intro", count=len(context.events), first=FIRST_YEAR, last=LAST_YEAR)
    label = msg("timeline_years", first=FIRST_YEAR, last=LAST_YEAR)
    return (
        heading(1, msg("timeline_title"), "timeline") + "\n" + f'<p class="ar-index-intro">{escape(intro)}</p>\n\n'
        f"{before}\n\n"
        # Each event is searched on its own page (and its year's), not in this list of them all.
        f'<ol class="ar-timeline" aria-label="{escape(label)}" data-search-exclude>{"".join(years)}</ol>\n\n'
        f"{after}\n"
    )


def _mention_lines(context: TimelineContext, mentions: list[Mention], root: str) -> str:
    msg = context.msg
    items = []
    for mention in mentions:
        document, witness, line = kwic_in(context.corpus, mention)
        label = citation_label(document, mention.passage, msg.language)
        link = f'<a href="{line.href(root)}">{escape(label)}</a>'
        text = msg.html("mention_line", link=link, witness=escape(witness.id), line=line.inline_html())
        items.append(f'<li class="ar-mention">{text}</li>')
    # The lines repeat the texts, which the search finds on their own pages.
    return unindexed(f'<ul class="ar-mentions" data-search-exclude>{"".join(items)}</ul>')


def _passage_link(context: TimelineContext, ref: str, root: str) -> str:
    """A link to a passage given as <document-id>#<passage> (aliases followed), labelled for citing."""
    doc_id, _, passage = ref.partition("#")
    document = context.corpus.document(doc_id)
    assert document is not None  # checked by the loader
    current = document.resolve(passage) or passage
    label = citation_label(document, current, context.msg.language)
    return f'<a href="{root}{escape(passage_url(doc_id, current))}">{escape(label)}</a>'


def _listed_passages(context: TimelineContext, event: Event, root: str) -> str:
    items = [f"<li>{_passage_link(context, ref, root)}</li>" for ref in event.passages]
    return f'<ul class="ar-event-passages">{"".join(items)}</ul>' if items else ""


def _year_nav(year: int, root: str, msg: Messages, label: str) -> str:
    # A year page has the same links at its top and its foot; each navigation
    # landmark needs its own name for a screen reader's list of landmarks.
    previous = f'<a rel="prev" href="{root}{year_url(year - 1)}">← {year - 1}</a>' if year > FIRST_YEAR else ""
    following = f'<a rel="next" href="{root}{year_url(year + 1)}">{year + 1} →</a>' if year < LAST_YEAR else ""
    return (
        f'<nav class="ar-year-nav" aria-label="{escape(label)}">{previous}'
        f'<a href="{root}timeline/#y{year}">{escape(msg("year_nav_all"))}</a>{following}</nav>'
    )


def _bilingual_link(href: str, english_title: str, chinese_title: str, msg: Messages) -> str:
    """A link with an English title, then the Chinese title beside it."""
    return (
        f'<a href="{href}">{english(escape(english_title), msg)}</a> '
        f'<span lang="zh-Hans">{escape(chinese_title)}</span>'
    )


def _year_documents_and_terms(year: int, context: TimelineContext, root: str) -> list[str]:
    """The sections of a year page on the corpus's documents of the year and the terms it first uses."""
    msg = context.msg
    documents = context.documents_of(year)
    terms = context.first_year_of_terms.get(year, [])
    return [
        heading(2, msg("year_documents"), "documents-of-the-corpus"),
        "<ul>"
        + "".join(
            f"<li>{_bilingual_link(f'{root}{document_url(d.id)}', d.title['en'], d.title['zh'], msg)}</li>"
            for d in documents
        )
        + "</ul>\n"
        if documents
        else f"<p>{escape(msg('year_documents_none'))}</p>\n",
        heading(2, msg("year_terms"), "terms-first-used-in-the-corpus"),
        "<ul>"
        + "".join(f"<li>{_bilingual_link(f'{root}{term_url(t.id)}', t.en, t.zh, msg)}</li>" for t in terms)
        + "</ul>\n"
        if terms
        else f"<p>{escape(msg('year_terms_none'))}</p>\n",
    ]


def render_year_page(year: int, context: TimelineContext) -> str:
    """HTML of timeline/<year>/."""
    msg = context.msg
    root = "../../"
    events = context.events_of(year)
    parts = [
        heading(1, msg("date_year", year=year), str(year)),
        _year_nav(year, root, msg, msg("year_nav")) + "\n",
        heading(2, msg("year_events"), "events"),
    ]
    parts.append(
        f'<ol class="ar-year-events">{"".join(_event_item(e, root, msg) for e in events)}</ol>\n'
        if events
        else f"<p>{escape(msg('year_events_none'))}</p>\n"
    )
    parts.extend(_year_documents_and_terms(year, context, root))
    parts.append(heading(2, msg("year_mentions"), "passages-that-mention-this-years-events"))
    mentioned = [(e, context.mentions_of.get(e.id, [])) for e in events]
    mentioned = [(e, m) for e, m in mentioned if m or e.passages]
    if mentioned:
        for event, mentions in mentioned:
            title = escape(event.title(msg.language))
            parts.append(
                f'<h3 class="ar-mention-event"><a href="{root}{event_url(event.id)}">{title}</a></h3>'
                + _year_page_mentions(context, event, mentions, root)
                + _listed_passages(context, event, root)
                + "\n"
            )
    else:
        parts.append(f"<p>{escape(msg('year_mentions_none'))}</p>\n")
    parts.append(_year_nav(year, root, msg, msg("year_nav_end")) + "\n")
    return "\n".join(parts)


def _mention_counts(mentions: list[Mention], msg: Messages) -> str:
    """ "12 mentions in 9 passages." """
    return msg(
        "event_mention_counts",
        mentions=msg("mention_count", count=len(mentions)),
        passages=msg("passage_count", count=len({(m.document, m.passage) for m in mentions})),
    )


def _year_page_mentions(context: TimelineContext, event: Event, mentions: list[Mention], root: str) -> str:
    """An event's mentions on its year's page: the lines, or for an event with pages per year their counts."""
    if not mentions:
        return ""
    if not context.mention_years(event):
        return _mention_lines(context, mentions, root)
    msg = context.msg
    link = f'<a href="{root}{event_url(event.id)}#mentioned-in-the-texts">{escape(msg("year_mentions_by_year"))}</a>'
    return f'<p class="ar-mention-counts">{sentences([escape(_mention_counts(mentions, msg)), link], msg)}</p>'


def _event_sources(context: TimelineContext, event: Event, root: str) -> str:
    msg = context.msg
    items = []
    for source in event.sources:
        if source.passage is not None:
            link = _passage_link(context, source.passage, root)
            supports = english(escape(source.supports), msg)
            items.append(f"<li>{msg.html('event_source_in_corpus', link=link, supports=supports)}</li>")
    outside = [s.source for s in event.sources if s.source is not None]
    listed = (
        f'<p class="ar-sources-heading">{escape(msg("sources"))}</p><ul class="ar-sources">{"".join(items)}</ul>'
        if items
        else ""
    )
    return listed + render_source_list(msg("sources") if not items else msg("sources_other"), outside, msg=msg)


def _event_header(event: Event, context: TimelineContext, root: str) -> str:
    """The Chinese title, date, kind and document of an event, and its place on the timeline."""
    msg = context.msg
    if event.is_context:
        link = f'<a href="{root}timeline/">{escape(msg("event_timeline_link"))}</a>'
        context_text = msg.html("event_context", first=str(FIRST_YEAR), last=str(LAST_YEAR), link=link)
        where = f'<p class="ar-event-context">{context_text}</p>'
    else:
        year = f'<a href="{root}{year_url(event.date.year)}">{event.date.year}</a>'
        every = f'<a href="{root}timeline/#y{event.date.year}">{escape(msg("event_all_years"))}</a>'
        where = f'<p class="ar-event-year">{msg.html("event_on_timeline", year=year, all=every)}</p>'
    precision = {
        "year": msg("event_precision_year"),
        "month": msg("event_precision_month"),
        "day": msg("event_precision_day"),
    }[event.date.precision]
    date = f'<time datetime="{event.date}">{_date(event, msg)}</time>'
    document = context.corpus.document(event.document) if event.document else None
    rows = [
        (msg("event_date"), msg.html("event_date_precision", date=date, precision=escape(precision))),
        (msg("event_kind"), escape(kind_labels(msg)[event.kind])),
    ]
    if document:
        title = escape(document.title[msg.language])
        rows.append((msg("event_document"), f'<a href="{root}{document_url(document.id)}">{title}</a>'))
    meta = "".join(f"<dt>{escape(label)}</dt><dd>{value}</dd>" for label, value in rows)
    return (
        f'<div class="ar-event-page" data-event="{escape(event.id)}">'
        f'<p class="ar-event-title-zh" lang="zh-Hans">{escape(event.title_zh)}</p>'
        f'<dl class="ar-meta">{meta}</dl>{where}</div>\n'
    )


def _event_mentions(event: Event, context: TimelineContext, root: str) -> str:
    """The passages that name the event, in context, and those that refer to it without naming it."""
    msg = context.msg
    mentions = context.mentions_of.get(event.id, [])
    if not (mentions or event.passages):
        return f"<p>{escape(msg('event_mentions_none'))}</p>\n"
    counts = _mention_counts(mentions, msg)
    years = context.mention_years(event)
    if years:
        intro = f'<p class="ar-kwic-intro">{escape(msg("event_years_intro", count=len(years)))}</p>'
        # Where each document's mentions are; the titles repeat the documents' own pages.
        index = render_year_index(context.corpus, years, context.mentions_by_year(event), msg, "mention_count")
        named = f"<p>{escape(counts)}</p>{intro}" + unindexed(f"<div data-search-exclude>{index}</div>")
    else:
        named = f"<p>{escape(counts)}</p>" + _mention_lines(context, mentions, root) if mentions else ""
    unnamed = (
        f"<p>{escape(msg('event_unnamed_passages'))}</p>" + _listed_passages(context, event, root)
        if event.passages
        else ""
    )
    return named + unnamed + "\n"


def render_event_page(event: Event, context: TimelineContext) -> str:
    """HTML of timeline/events/<id>/."""
    msg = context.msg
    root = "../../../"
    parts = [
        # The id is the one Markdown's toc extension gave this heading, so that old links still work.
        heading(1, event.title_en, slugify(event.title_en, "-"), None if msg.language == "en" else "en"),
        _event_header(event, context, root),
        f'<div class="ar-event-summary-full"{english_attr(msg)}>{render_body(event.summary)}</div>\n',
        heading(2, msg("event_mentioned"), "mentioned-in-the-texts"),
        _event_mentions(event, context, root),
        _event_sources(context, event, root)
        + f'<p class="ar-note-meta"{english_attr(msg)}>{escape(event.author)}</p>\n',
    ]
    return "\n".join(parts)


def render_event_year_page(event: Event, year: str, context: TimelineContext) -> str:
    """HTML of timeline/events/<id>/<year>/: the passages of that year's documents that name the event."""
    msg = context.msg
    root = "../../../../"
    years = context.mention_years(event)
    mentions = context.mentions_by_year(event).get(year, [])
    title = event.title(msg.language)
    label = year_label(year, msg)
    counts = msg(
        "event_year_counts",
        mentions=msg("mention_count", count=len(mentions)),
        documents=msg("document_count", count=len({m.document for m in mentions})),
        year=label,
    )
    sections = []
    for document_id, found in by_document(mentions).items():
        document = context.corpus.document(document_id)
        assert document is not None  # mentions are found in the corpus's own documents
        heading_html = kwic_document_title(document, len(found), msg)
        # The id is the one the event page's index of years links to (concordance.render_year_index).
        sections.append(
            f'<section class="ar-kwic-document" id="in-{escape(document_id)}"><h2>{heading_html}</h2>'
            f"{_mention_lines(context, found, root)}</section>"
        )
    back = msg.html("event_year_back", event=escape(title))
    return "\n".join(
        [
            heading(1, msg("event_year_title", event=title, year=label), "event-year"),
            f'<p class="ar-kwic-back"><a href="../#mentioned-in-the-texts">{back}</a></p>',
            year_nav(year, years, msg, msg("event_years_nav")),
            f'<p class="ar-kwic-intro">{escape(counts)}</p>',
            "".join(sections),
            year_nav(year, years, msg, msg("event_years_nav_end")),
        ]
    )


def document_timeline_rows(context: TimelineContext, document: Document, root: str) -> list[tuple[str, str]]:
    """Header rows for a document page: where it stands on the timeline, and the events it cites.

    Each row is a label (plain text, in the interface's language) and its HTML value.
    """
    msg = context.msg
    rows = []
    event = context.event_of_document(document)
    if event is not None:
        year = (
            ""
            if event.is_context
            else f' · <a href="{root}{year_url(event.date.year)}">'
            f"{escape(msg('document_year_on_timeline', year=event.date.year))}</a>"
        )
        rows.append((msg("document_timeline"), f'<a href="{root}{event_url(event.id)}">{_date(event, msg)}</a>{year}'))
    cited = context.cited_by(document)
    if cited:
        items = []
        for cited_event, passages in cited:
            link = f'<a href="{root}{event_url(cited_event.id)}">{escape(cited_event.title(msg.language))}</a>'
            where = msg("list_comma").join(f'<a href="#{escape(p)}">{escape(p)}</a>' for p in passages)
            items.append(msg.html("document_cited_event", event=link, date=_date(cited_event, msg), passages=where))
        rows.append((msg("document_cites"), msg("list_semicolon").join(items)))
    return rows
