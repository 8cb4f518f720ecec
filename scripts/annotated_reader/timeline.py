"""Timeline events as typed objects, and finding where the texts mention them.

An event has a date written only as precisely as a source states it (a
year, a month or a day), titles in both languages, a kind, and the words
that name it in the texts. Mentions are found like glossary terms: Chinese
by longest match across all events (so "3rd Plenum of the 16th Party
Congress" is one mention of the plenum, not also one of the congress),
English as whole words in any case.
"""

from __future__ import annotations

from dataclasses import astuple, dataclass, field
from pathlib import Path

from .glossary import find_forms, form_index
from .messages import ENGLISH, Messages
from .model import Corpus, PartialDate, Source, nearest_line


def kind_labels(msg: Messages = ENGLISH) -> dict[str, str]:
    """Every kind of event with its label in the interface's language."""
    return {
        "document": msg("event_kind_document"),
        "party-congress": msg("event_kind_party_congress"),
        "plan": msg("event_kind_plan"),
        "law-or-regulation": msg("event_kind_law_or_regulation"),
        "other": msg("event_kind_other"),
    }


# The years the timeline shows; events before or after them are context.
FIRST_YEAR, LAST_YEAR = 2003, 2022
YEARS = range(FIRST_YEAR, LAST_YEAR + 1)


@dataclass(frozen=True)
class EventSource:
    """A source of a fact about an event: a passage of the corpus, or an outside publication."""

    supports: str
    passage: str | None = None  # "<document-id>#<passage>"
    source: Source | None = None


@dataclass
class Event:
    id: str
    date: PartialDate
    title_en: str
    title_zh: str
    kind: str
    summary: str
    author: str
    sources: list[EventSource]
    end: PartialDate | None = None
    document: str | None = None
    mentions_zh: list[str] = field(default_factory=list)
    mentions_en: list[str] = field(default_factory=list)
    passages: list[str] = field(default_factory=list)  # "<document-id>#<passage>"
    formerly: list[str] = field(default_factory=list)  # earlier ids, whose pages lead to this event's
    path: Path | None = None
    field_lines: dict[tuple[str | int, ...], int] = field(default_factory=dict)

    def line_of(self, *key_path: str | int) -> int:
        return nearest_line(self.field_lines, key_path, 1)

    def title(self, language: str) -> str:
        """The event's title in a language ("zh" or "en"), for places that show only one."""
        return self.title_zh if language == "zh" else self.title_en

    @property
    def is_context(self) -> bool:
        """Outside the timeline's years: shown as context, not on a year page."""
        return not FIRST_YEAR <= self.date.year <= LAST_YEAR

    @property
    def sort_key(self) -> tuple[int, int, int, str]:
        # A date known only to the year sorts before the dated events of that year.
        return (*self.date.sort_key, self.id)


@dataclass(frozen=True)
class Mention:
    """Words in one passage of one witness that name an event."""

    event: str
    document: str
    witness: str
    passage: str
    start: int
    end: int
    text: str


def month_names(msg: Messages = ENGLISH) -> tuple[str, ...]:
    """The names of the months, January first, as dates write them in the interface's language."""
    return (
        msg("month_1"),
        msg("month_2"),
        msg("month_3"),
        msg("month_4"),
        msg("month_5"),
        msg("month_6"),
        msg("month_7"),
        msg("month_8"),
        msg("month_9"),
        msg("month_10"),
        msg("month_11"),
        msg("month_12"),
    )


def format_date(date: PartialDate, end: PartialDate | None = None, msg: Messages = ENGLISH) -> str:
    """A date as precise as it is known, in the interface's language.

    English: "2003", "October 2003", "14 November 2022", "8–14 November 2012";
    Chinese: "2003年", "2003年10月", "2022年11月14日", "2012年11月8日至14日".
    """
    months = month_names(msg)

    def one(d: PartialDate) -> str:
        if d.day and d.month:
            return msg("date_day", day=d.day, month=months[d.month - 1], year=d.year)
        if d.month:
            return msg("date_month", month=months[d.month - 1], year=d.year)
        return msg("date_year", year=d.year)

    if end is None:
        return one(date)
    if date.day and end.day and date.month and (date.year, date.month) == (end.year, end.month):
        return msg("date_days", day=date.day, end_day=end.day, month=months[date.month - 1], year=date.year)
    return msg("date_range", start=one(date), end=one(end))


def mention_matches(corpus: Corpus, events: list[Event]) -> list[Mention]:
    """Every match of the events' words in the texts, in reading order, a document's own event's included."""
    forms = form_index((e.id, e.mentions_zh, e.mentions_en) for e in events)
    return [Mention(*astuple(f)) for f in find_forms(corpus, *forms)]


def mentions_among(events: list[Event], matches: list[Mention]) -> list[Mention]:
    """The events' mentions among their matches, in reading order.

    A document does not cite itself: words in a document that name the
    event of its own issue (its title in its own headline) are not mentions.
    """
    own = {e.id: e.document for e in events}
    return [m for m in matches if own[m.event] != m.document]
