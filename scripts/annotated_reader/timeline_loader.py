"""Loading `annotations/timeline/<event-id>.yaml` into `Event` objects, reporting every mistake.

Each file is checked against annotations/timeline/event.schema.json, then
against the corpus: the id matches the file name, dates are real dates and
an end does not come before its start, the linked document and passages
exist (nearest IDs suggested), no two events are the issue of one document, every source names a passage or a title, no
two events claim the same words, and every mention occurs in some text (a
mention that matches nothing would be a link that is never made).
"""

from __future__ import annotations

from pathlib import Path

from .annotation_loader import check_passage_ref, document_hint
from .annotations import PassageRef
from .entry_files import entry_files
from .former_ids import check_former_ids
from .glossary import term_pattern, uses_english_forms
from .model import Corpus, PartialDate, Source
from .problems import Problems
from .timeline import Event, EventSource, Mention, mention_matches, mentions_among

TIMELINE_FOLDER = "annotations/timeline"
EVENT_SCHEMA = "event.schema.json"


def load_timeline(root: Path, corpus: Corpus, problems: Problems) -> tuple[list[Event], list[Mention]]:
    """Every valid event, in date order, and their mentions in the texts (timeline.mentions_among).

    The texts are searched once for the events' words: what is found both
    checks that each mention occurs somewhere and, less the documents'
    own events, is the events' mentions.
    """
    events: list[Event] = []
    for path, source in entry_files(root / TIMELINE_FOLDER, EVENT_SCHEMA, "event", problems):
        event = _build(source.data, path, dict(source.lines), problems)
        if event is not None:
            events.append(event)
    in_order = sorted(events, key=lambda e: e.sort_key)
    matches = mention_matches(corpus, in_order)
    _check_events(events, corpus, problems, _forms_found(matches, corpus))
    check_former_ids(in_order, "event", problems)
    return in_order, mentions_among(in_order, matches)


def _date(text: str, path: Path, line: int, problems: Problems) -> PartialDate | None:
    try:
        return PartialDate.parse(text)
    except ValueError as exc:
        problems.error(path, line, str(exc))
        return None


def _build(data: dict, path: Path, lines: dict, problems: Problems) -> Event | None:
    if data["id"] != path.stem:
        problems.error(path, lines.get(("id",), 1), f"id '{data['id']}' differs from the file name: rename one of them")
    date = _date(data["date"], path, lines.get(("date",), 1), problems)
    end = _date(data["end"], path, lines.get(("end",), 1), problems) if "end" in data else None
    if date is None:
        return None
    mentions = data.get("mentions", {})
    sources = [
        EventSource(
            s["supports"],
            s.get("passage"),
            Source(s["title"], s["supports"], s.get("url"), s.get("note")) if "title" in s else None,
        )
        for s in data["sources"]
    ]
    event = Event(
        id=data["id"],
        date=date,
        end=end,
        title_en=data["title"]["en"],
        title_zh=data["title"]["zh"],
        kind=data["kind"],
        summary=data["summary"],
        author=data["author"],
        sources=sources,
        document=data.get("document"),
        mentions_zh=list(mentions.get("zh", [])),
        mentions_en=list(mentions.get("en", [])),
        passages=list(data.get("passages", [])),
        formerly=list(data.get("formerly", [])),
        path=path,
        field_lines=lines,
    )
    if end is not None and end.sort_key < date.sort_key:
        problems.error(path, event.line_of("end"), f"end {end} comes before date {date}: swap them")
    return event


def _check_passage(text: str, corpus: Corpus, path: Path, line: int, problems: Problems, what: str) -> None:
    ref = PassageRef.parse(text, "")
    document = corpus.document(ref.document)
    if document is None:
        problems.error(path, line, f"{what}unknown document '{ref.document}'{document_hint(ref.document, corpus)}")
        return
    check_passage_ref(ref, document, path, line, problems, what=what)


def _check_events(events: list[Event], corpus: Corpus, problems: Problems, found: set[tuple[str, str]]) -> None:
    owner: dict[tuple[str, str], Event] = {}
    issue_of: dict[str, Event] = {}
    for event in events:
        path = event.path or Path()
        if event.document is not None and corpus.document(event.document) is None:
            problems.error(
                path,
                event.line_of("document"),
                f"document: unknown document '{event.document}'{document_hint(event.document, corpus)}",
            )
        elif event.document is not None and issue_of.setdefault(event.document, event) is not event:
            problems.error(
                path,
                event.line_of("document"),
                f"document: '{event.document}' is already the document of event '{issue_of[event.document].id}': "
                "a document is issued once; link other events to its passages instead",
            )
        for index, passage in enumerate(event.passages):
            _check_passage(passage, corpus, path, event.line_of("passages", index), problems, "passages: ")
        for index, source in enumerate(event.sources):
            line = event.line_of("sources", index)
            if source.passage is None and source.source is None:
                problems.error(path, line, "a source needs a passage (<document-id>#<passage>) or a title")
            if source.passage is not None:
                _check_passage(source.passage, corpus, path, line, problems, "sources: ")
        for language, forms in (("zh", event.mentions_zh), ("en", event.mentions_en)):
            for index, form in enumerate(forms):
                line = event.line_of("mentions", language, index)
                key = (language, form.lower())
                if key in owner and owner[key] is not event:
                    problems.error(
                        path, line, f"'{form}' already names event '{owner[key].id}': words name one event only"
                    )
                owner.setdefault(key, event)
                if (language, form.lower() if language == "en" else form) not in found and not _occurs(
                    form, language == "en", corpus
                ):
                    problems.error(
                        path,
                        line,
                        f"mention '{form}' does not occur in any {'English' if language == 'en' else 'Chinese'} "
                        "text: copy the words exactly as the text writes them",
                    )


def _forms_found(matches: list[Mention], corpus: Corpus) -> set[tuple[str, str]]:
    """("zh", form) and ("en", lower-cased form) for the mention forms the texts were found to hold.

    A form inside a longer one where both match is not among them (the longer
    is found): `_occurs` looks for it alone. One pass over the texts for all
    forms, not one per form: with an event per document that grew with the
    square of the corpus.
    """
    english = {(d.id, w.id) for d in corpus.documents for w in d.witnesses if uses_english_forms(w)}
    return {("en", m.text.lower()) if (m.document, m.witness) in english else ("zh", m.text) for m in matches}


def _occurs(form: str, english: bool, corpus: Corpus) -> bool:
    pattern = term_pattern([form], english)
    assert pattern is not None
    return any(
        pattern.search(segment.text)
        for document in corpus.documents
        for witness in document.witnesses
        if witness.language.startswith("zh") != english
        for segment in witness.segments
    )
