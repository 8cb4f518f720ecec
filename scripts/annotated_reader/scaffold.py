"""Skeletons for contributors: a new annotation, glossary term or timeline event, ready to fill in.

`python -m annotated_reader new annotation|term|event` writes a file that is
already valid: the editor's schema line, every required field, today's date,
and for a note the passage's text in every witness as comments (and, given a
quote, the quote copied from the text with its prefix and suffix). What only
the contributor can write holds the placeholder `WRITE-ME`, which the check
reports as a warning and a strict build refuses, so a skeleton previews
under `make serve` but cannot be published unfinished.

Everything the command is given is checked against the corpus first, with
the messages the check gives (nearest passage IDs, known documents...), and
an existing file is never overwritten.
"""

from __future__ import annotations

import datetime
import json
import re
import textwrap
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .anchoring import (
    QUOTE_THRESHOLD,
    closest_text,
    normalise_punctuation,
    occurrences,
    punctuation_differences,
    witnesses_quoting,
)
from .annotation_loader import ANNOTATION_SCHEMA, ANNOTATIONS_FOLDER, document_hint, unknown_passage
from .annotations import PassageRef, type_labels
from .glossary import find_forms
from .glossary_loader import GLOSSARY_FOLDER, TERM_SCHEMA, generated_pinyin
from .labels import passage_number
from .model import Document, PartialDate, Witness
from .pipeline import CheckedCorpus
from .problems import did_you_mean, project_path
from .schema import load_schema
from .site_urls import event_url, passage_url, term_url
from .timeline import kind_labels
from .timeline_loader import EVENT_SCHEMA, TIMELINE_FOLDER
from .yamlsource import PLACEHOLDER

# What every skeleton's header says to do once it is written.
CHECK_AND_PREVIEW = (
    "# Then check this file (python -m annotated_reader check <this file>) and preview it",
    "# with `make serve`. Every field is explained in docs/contributing.md.",
)
# Characters of context kept on each side of a quote, in Chinese and in
# English: enough to tell two occurrences apart and to re-find the quote
# after a small edit.
CONTEXT_ZH, CONTEXT_EN = 10, 24


class ScaffoldError(Exception):
    """What is wrong with the command's arguments: one sentence per problem, each with its fix."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Scaffold:
    """A skeleton to write: where, what, and the site page that will show it."""

    path: Path
    text: str
    preview: str  # site-relative URL
    notices: tuple[str, ...] = ()


def yaml_string(value: str) -> str:
    """`value` as a quoted YAML scalar, never reinterpreted as a date or number.

    Single quotes where the value has double quotes and no single ones, as
    the guide advises (no backslashes to read); otherwise double quotes (a
    JSON string is a valid one).
    """
    if '"' in value and "'" not in value and "\n" not in value and "\\" not in value:
        return f"'{value}'"
    return json.dumps(value, ensure_ascii=False)


def new_annotation(
    root: Path,
    checked: CheckedCorpus,
    *,
    document_id: str,
    passage: str,
    today: datetime.date,
    author: str | None = None,
    witness_id: str | None = None,
    quote: str | None = None,
    note_id: str | None = None,
    note_type: str = "note",
    file_name: str | None = None,
) -> Scaffold:
    """A notes file with one annotation on `passage` of `document_id` (a range `first~last` is allowed)."""
    problems: list[str | None] = []
    document = checked.corpus.document(document_id)
    if document is None:
        raise ScaffoldError([f"--doc: unknown document '{document_id}'{document_hint(document_id, checked.corpus)}"])
    notices: list[str] = []
    # The page shows "#3.9" beside the label "III (9)": either may be what was copied.
    given = passage
    passage = "~".join(_passage_id(document, part.strip()) for part in passage.split("~"))
    if passage != given:
        notices.append(f"--passage '{given}' is passage {passage}")
    ref = PassageRef.parse("#" + passage, document.id)
    passages: list[str] = []
    for part in (ref.first, ref.last):
        if part is None:
            continue
        current = document.resolve(part)
        if current is None:
            problems.append(f"--passage: {unknown_passage(part, document)}")
        else:
            passages.append(current)
    types = tuple(type_labels())
    if note_type not in types:
        problems.append(f"--type: '{note_type}' is not one of {', '.join(types)}{did_you_mean(note_type, types)}")
    _raise_if(problems)
    span = document.passage_range(*passages) if len(passages) == 2 else passages
    fragment = "~".join(dict.fromkeys(passages))
    holders = [w for w in document.witnesses if any(w.segment(p) for p in span)]
    witness = _choose_witness(document.id, holders, witness_id, quote, span)
    taken = {a.id for a in checked.annotations}
    note_id = note_id or _free_id(
        f"{document.id.split('-', 1)[1]}-{fragment.replace('.', '-').replace('~', '-to-')}", taken
    )
    schema = load_schema(root / ANNOTATIONS_FOLDER / ANNOTATION_SCHEMA)["$defs"]["annotation"]
    _raise_if([_id_problem(note_id, taken, schema, "annotation")])
    folder = root / ANNOTATIONS_FOLDER / document.id
    path = folder / (file_name or f"{note_id}.yaml")
    if path.suffix not in {".yaml", ".yml"}:
        raise ScaffoldError([f"--file: '{path.name}' must end in .yaml"])
    _check_free(path, root)

    target = [f"document: {document.id}", f"passage: {yaml_string(fragment)}"]
    if witness is not None and (quote is not None or witness_id is not None or len(document.witnesses) > 1):
        target.append(f"witness: {witness.id}")
    if quote is not None:
        assert witness is not None
        found, prefix, suffix, notice = _place_quote(witness, span, quote)
        target += [f"quote: {yaml_string(found)}", f"prefix: {yaml_string(prefix)}", f"suffix: {yaml_string(suffix)}"]
        if notice:
            notices.append(notice)
    header = [
        "# yaml-language-server: $schema=../annotation.schema.json",
        f"# A note on {document.id}, passage {fragment}. Replace each {PLACEHOLDER}.",
        *CHECK_AND_PREVIEW,
        "#",
        *_passage_comments(holders, span),
    ]
    body = [
        "annotations:",
        f"  - id: {note_id}",
        "    target:",
        *(f"      {line}" for line in target),
        f"    type: {note_type}",
        "    body: |",
        f"      {PLACEHOLDER}: the note, in Markdown.",
        f"    author: {yaml_string(author or PLACEHOLDER)}",
        f"    date: {yaml_string(today.isoformat())}",
        "    # A source for every fact beyond the texts; if the note states only what",
        "    # the texts say, delete these four lines.",
        "    sources:",
        f"      - title: {PLACEHOLDER} (the publication)",
        f"        url: https://example.org/{PLACEHOLDER}",
        f"        supports: {PLACEHOLDER} (the statement it supports)",
    ]
    text = "\n".join(header + body) + "\n"
    return Scaffold(path, text, passage_url(document.id, passages[0]), tuple(notices))


def new_term(
    root: Path,
    checked: CheckedCorpus,
    *,
    zh: str,
    en: str,
    today: datetime.date,
    author: str | None = None,
    term_id: str | None = None,
) -> Scaffold:
    """A glossary term file, with the texts that use its Chinese and English forms listed."""
    term_id = term_id or _slug(en)
    schema = load_schema(root / GLOSSARY_FOLDER / TERM_SCHEMA)
    owner = next((t for t in checked.terms if zh in t.zh_forms), None)
    _raise_if(
        [
            _id_problem(term_id, {t.id for t in checked.terms}, schema, "term"),
            owner and f"--zh: '{zh}' is already a form of term '{owner.id}' ({project_path(root, owner.path or '')})",
        ]
    )
    path = root / GLOSSARY_FOLDER / f"{term_id}.yaml"
    _check_free(path, root)
    zh_uses = _uses(checked, zh_forms={zh: term_id})
    en_uses = _uses(checked, en_forms={en.lower(): term_id})
    lines = [
        "# yaml-language-server: $schema=term.schema.json",
        f"# A glossary term. Replace each {PLACEHOLDER} and check the generated pinyin's tones.",
        *CHECK_AND_PREVIEW,
        f"# {zh} occurs in {_count(zh_uses)}{_listing(zh_uses)}",
        f"# '{en}' occurs in {_count(en_uses)}{_listing(en_uses)}",
        f"id: {term_id}",
        f"zh: {yaml_string(zh)}",
        f"pinyin: {yaml_string(generated_pinyin(zh))}",
        f"en: {yaml_string(en)}",
    ]
    texts = sorted({key.rsplit("#", 1)[0] for key in en_uses})
    if texts:
        lines += [
            "variants:",
            f"  - en: {yaml_string(en)}",
            f"    documents: [{', '.join(texts)}]",
        ]
    lines += [
        "definition: |",
        f"  {PLACEHOLDER}: one sentence that stands alone (it is the pop-up and the index entry),",
        "  then as much as the reader needs.",
        "sources:",
        f"  - title: {PLACEHOLDER} (the publication that supports the definition)",
        f"    url: https://example.org/{PLACEHOLDER}",
        f"    supports: {PLACEHOLDER} (which statement it supports)",
        f"author: {yaml_string(author or PLACEHOLDER)}",
        f"date: {yaml_string(today.isoformat())}",
    ]
    return Scaffold(path, "\n".join(lines) + "\n", term_url(term_id))


def new_event(
    root: Path,
    checked: CheckedCorpus,
    *,
    date: str,
    title_en: str,
    title_zh: str | None = None,
    kind: str = "other",
    author: str | None = None,
    event_id: str | None = None,
    document_id: str | None = None,
) -> Scaffold:
    """A timeline event file (events carry no date of writing: their date is the event's)."""
    problems: list[str | None] = []
    try:
        PartialDate.parse(date)
    except ValueError as exc:
        problems.append(f"--date: {exc}")
    kinds = tuple(kind_labels())
    if kind not in kinds:
        problems.append(f"--kind: '{kind}' is not one of {', '.join(kinds)}{did_you_mean(kind, kinds)}")
    if document_id is not None and checked.corpus.document(document_id) is None:
        problems.append(f"--doc: unknown document '{document_id}'{document_hint(document_id, checked.corpus)}")
    event_id = event_id or _slug(title_en)
    schema = load_schema(root / TIMELINE_FOLDER / EVENT_SCHEMA)
    problems.append(_id_problem(event_id, {e.id for e in checked.events}, schema, "event"))
    _raise_if(problems)
    path = root / TIMELINE_FOLDER / f"{event_id}.yaml"
    _check_free(path, root)
    lines = [
        "# yaml-language-server: $schema=event.schema.json",
        f"# A timeline event. Replace each {PLACEHOLDER}; the date is only as precise as the source.",
        *CHECK_AND_PREVIEW,
        f"id: {event_id}",
        f"date: {yaml_string(date)}",
        "title:",
        f"  en: {yaml_string(title_en)}",
        f"  zh: {yaml_string(title_zh or PLACEHOLDER)}",
        f"kind: {kind}",
    ]
    if document_id is not None:
        lines.append(f"document: {document_id}")
    lines += [
        "summary: |",
        f"  {PLACEHOLDER}: what happened and why it matters to the texts; the first sentence is shown in lists.",
        "# mentions:          # the words that name the event in the texts, copied exactly",
        "#   zh: [...]",
        "#   en: [...]",
        "sources:",
        f"  - title: {PLACEHOLDER} (the publication that gives the date)",
        f"    url: https://example.org/{PLACEHOLDER}",
        f"    supports: {PLACEHOLDER} (which statement it supports, the date above all)",
        f"author: {yaml_string(author or PLACEHOLDER)}",
    ]
    return Scaffold(path, "\n".join(lines) + "\n", event_url(event_id))


def _choose_witness(
    document_id: str, holders: list[Witness], witness_id: str | None, quote: str | None, span: list[str]
) -> Witness | None:
    names = ", ".join(w.id for w in holders)
    if witness_id is not None:
        chosen = next((w for w in holders if w.id == witness_id), None)
        if chosen is None:
            raise ScaffoldError(
                [
                    f"--witness: no text '{witness_id}' of {document_id} has this passage; the texts that do: {names}"
                    f"{did_you_mean(witness_id, [w.id for w in holders])}"
                ]
            )
        return chosen
    if quote is None:
        return holders[0] if len(holders) == 1 else None
    containing = witnesses_quoting(holders, span, quote)
    if len(containing) == 1:
        return containing[0]
    if not containing:
        raise ScaffoldError(
            [
                f"--quote: '{quote}' is not in any text of this passage ({names}){_closest(holders, span, quote)}; "
                "copy it from the page"
            ]
        )
    raise ScaffoldError([f"--quote: '{quote}' is in more than one text; say which with --witness ({names})"])


def _place_quote(witness: Witness, span: list[str], quote: str) -> tuple[str, str, str, str]:
    """The quote as the text writes it, its prefix and suffix, and a notice if punctuation was corrected."""
    wanted = normalise_punctuation(quote)
    places = [
        (segment.text, start)
        for p in span
        if (segment := witness.segment(p)) is not None
        for start in occurrences(normalise_punctuation(segment.text), wanted)
    ]
    if not places:
        raise ScaffoldError(
            [
                f"--quote: '{quote}' is not in text '{witness.id}' of this passage"
                f"{_closest([witness], span, quote)}; copy it from the page"
            ]
        )
    if len(places) > 1:
        raise ScaffoldError(
            [
                f"--quote: '{quote}' occurs {len(places)} times in text '{witness.id}' of this passage; "
                "quote a few more words so that it occurs once"
            ]
        )
    text, start = places[0]
    end = start + len(quote)
    found = text[start:end]
    english = not witness.language.startswith("zh")
    width = CONTEXT_EN if english else CONTEXT_ZH
    prefix_start, suffix_end = max(0, start - width), min(len(text), end + width)
    if english:
        # Whole words read better and survive re-wrapping; a cut word would not.
        while 0 < prefix_start < start and text[prefix_start - 1].isalnum():
            prefix_start += 1
        while start < suffix_end < len(text) and text[suffix_end].isalnum():
            suffix_end -= 1
    prefix, suffix = text[prefix_start:start], text[end:suffix_end]
    notice = ""
    if found != quote:
        notice = (
            f"the quote differs from the text in punctuation only ({punctuation_differences(quote, found)}); "
            f"it is written as the text has it: '{found}'"
        )
    return found, prefix, suffix, notice


def _closest(witnesses: list[Witness], span: list[str], quote: str) -> str:
    """ "; the closest is '...' (in en)" when some text of the passage comes near the quote."""
    found = [
        (*closest_text(segment.text, quote), witness.id)
        for witness in witnesses
        for p in span
        if (segment := witness.segment(p)) is not None
    ]
    text, similarity, witness_id = max(found, key=lambda f: f[1], default=("", 0.0, ""))
    return f"; the closest is '{text}' (in {witness_id})" if similarity >= QUOTE_THRESHOLD else ""


def _passage_id(document: Document, written: str) -> str:
    """The ID meant by what was copied from the page: "#3.9" is 3.9, and so is its label "III (9)"."""
    written = written.removeprefix("#")
    if document.resolve(written) is not None:
        return written
    labelled = [i for i in document.segment_ids if passage_number(document, i) == written]
    return labelled[0] if len(labelled) == 1 else written


def _passage_comments(holders: list[Witness], span: list[str]) -> list[str]:
    """The passage as each text gives it, as YAML comments, wrapped for reading."""
    lines = [
        "# The passage as each text gives it (copy a quote from here into target.quote to",
        "# highlight words; leave quote out for a note on the whole passage):",
    ]
    for witness in holders:
        width = 38 if witness.language.startswith("zh") else 76
        for passage in span:
            segment = witness.segment(passage)
            if segment is None:
                continue
            lines.append("#")
            lines.append(f"# {witness.id}, {passage}:")
            for paragraph in segment.text.splitlines() or [""]:
                wrapped = textwrap.wrap(paragraph, width, break_long_words=True, break_on_hyphens=False) or [""]
                lines += [f"#   {line}".rstrip() for line in _keep_punctuation_on_its_line(wrapped)]
    lines.append("#")
    return lines


# Chinese typesetting never begins a line with closing punctuation.
CLOSING = "，。、；：？！）」』”’》〉】,.;:?!)"


def _keep_punctuation_on_its_line(lines: list[str]) -> list[str]:
    kept: list[str] = []
    for line in lines:
        while kept and line and line[0] in CLOSING:
            kept[-1], line = kept[-1] + line[0], line[1:]
        if line:
            kept.append(line)
    return kept


def _uses(
    checked: CheckedCorpus, zh_forms: dict[str, str] | None = None, en_forms: dict[str, str] | None = None
) -> Counter[str]:
    """How often the forms occur in each passage, keyed `<document>/<witness>#<passage>`, in reading order."""
    return Counter(
        f"{o.document}/{o.witness}#{o.passage}" for o in find_forms(checked.corpus, zh_forms or {}, en_forms or {})
    )


def _count(uses: dict[str, int]) -> str:
    passages = len(uses)
    return f"{passages} passage{'s' if passages != 1 else ''}"


def _listing(uses: dict[str, int], limit: int = 4) -> str:
    if not uses:
        return " of the texts"
    shown = ", ".join(list(uses)[:limit]) + (", ..." if len(uses) > limit else "")
    return f": {shown}"


def _slug(words: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", words.lower()))


def _free_id(base: str, taken: set[str]) -> str:
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def _id_problem(new_id: str, taken: set[str], schema: dict, kind: str) -> str | None:
    """What is wrong with a new id, by the rule of the kind's schema (the check's own hint), or None."""
    rule = schema["properties"]["id"]
    if not re.fullmatch(rule["pattern"], new_id):
        return f"--id: '{new_id}' is not valid: {rule['x-hint']}"
    if new_id in taken:
        return f"--id: '{new_id}' is taken by another {kind}; choose another id"
    return None


def _raise_if(problems: list[str | None]) -> None:
    found = [p for p in problems if p]
    if found:
        raise ScaffoldError(found)


def _check_free(path: Path, root: Path) -> None:
    if path.exists():
        raise ScaffoldError([f"{project_path(root, path)} exists already; choose another name (--file or --id)"])
