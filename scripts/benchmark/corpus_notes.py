"""Notes, glossary and timeline for a synthetic corpus, each valid against its texts.

- **Notes**: ten per document (the real corpus has about eleven), of every
  type. Most quote a few words of one witness exactly, with the words just
  before and after as prefix and suffix; one is on a range of passages; the
  cross-references point to a passage of the same document and one of the
  document its preamble cites. Bodies and tags are the real notes', in turn.
- **Glossary**: the repository's terms as they are, but for their variants:
  a variant must occur in each witness it names, so each names the first
  (up to three) synthetic witnesses that use it, and one that no synthetic
  text uses is left out.
- **Timeline**: an event per document (its issue; where a later preamble
  cites it, its titles are the words that name it), and the repository's
  events that are not the issue of a corpus document, with the mentions the
  synthetic texts use and without the sources that are passages of the real
  corpus.
"""

from __future__ import annotations

import bisect
import random
from dataclasses import dataclass
from pathlib import Path

import yaml

from annotated_reader.glossary import term_pattern

from .corpus import ITEMS_PER_PART, PARTS, SyntheticDocument
from .corpus_files import dump_yaml

NOTES_PER_DOCUMENT = 10
NOTE_TYPES = ("translation", "note", "context", "question", "cross-reference")
AUTHOR = "Build benchmark"
NOTE_DATE = "2025-01-01"
# Enough words around a quote to tell it from a repeat, as contributors write them.
CONTEXT_CHARACTERS = 8
MAX_VARIANT_WITNESSES = 3
# Tries at a quote that occurs once in its passage before settling for a whole-passage note.
QUOTE_TRIES = 20


@dataclass(frozen=True)
class RealNote:
    """What a synthetic note borrows from a real one."""

    body: str
    tags: tuple[str, ...]
    language: str | None


def load_real_notes(root: Path) -> list[RealNote]:
    """The bodies, tags and languages of the repository's notes, in file order."""
    notes = []
    for path in sorted((root / "annotations").glob("*/*.yaml")):
        if path.parent.name in ("glossary", "timeline"):
            continue
        for note in yaml.safe_load(path.read_text(encoding="utf-8"))["annotations"]:
            notes.append(RealNote(note["body"], tuple(note.get("tags", [])), note.get("language")))
    return notes


def load_real_entries(root: Path, folder: str) -> list[dict]:
    """The repository's glossary terms or timeline events, as written."""
    return [
        yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted((root / "annotations" / folder).glob("*.yaml"))
    ]


class LanguageText:
    """All witnesses of one language joined, to find which documents use some words."""

    def __init__(self, documents: list[SyntheticDocument], language: str) -> None:
        pieces, self.starts, self.ids = [], [], []
        offset = 0
        for document in documents:
            text = "\n\n".join(getattr(p, language) for p in document.passages) + "\n\n"
            pieces.append(text)
            self.starts.append(offset)
            self.ids.append(document.id)
            offset += len(text)
        self.text = "".join(pieces)
        self.english = language == "en"

    def documents_using(self, form: str, limit: int) -> list[str]:
        """The first `limit` documents whose witness has `form`, matched as the site matches it."""
        pattern = term_pattern([form], self.english)
        assert pattern is not None
        found: list[str] = []
        for match in pattern.finditer(self.text):
            document = self.ids[bisect.bisect_right(self.starts, match.start()) - 1]
            if document not in found:
                found.append(document)
                if len(found) == limit:
                    break
        return found


def write_notes(project: Path, documents: list[SyntheticDocument], real_notes: list[RealNote], seed: int) -> int:
    """`annotations/<document>/notes.yaml` for every document; returns how many notes."""
    count = 0
    for document in documents:
        rng = random.Random(f"{seed}:{document.index}:notes")
        cited = documents[document.cites] if document.cites is not None else None
        notes = [
            _note(
                rng,
                document,
                cited,
                number,
                real_notes[(document.index * NOTES_PER_DOCUMENT + number) % len(real_notes)],
            )
            for number in range(NOTES_PER_DOCUMENT)
        ]
        folder = project / "annotations" / document.id
        folder.mkdir(parents=True)
        dump_yaml(folder / "notes.yaml", {"annotations": notes})
        count += len(notes)
    return count


def _random_item(rng: random.Random) -> str:
    part = rng.randint(1, PARTS)
    return f"{part}.{(part - 1) * ITEMS_PER_PART + rng.randint(1, ITEMS_PER_PART)}"


def _note(
    rng: random.Random, document: SyntheticDocument, cited: SyntheticDocument | None, number: int, real: RealNote
) -> dict:
    note_type = NOTE_TYPES[number % len(NOTE_TYPES)]
    passage_id = _random_item(rng)
    target: dict = {"document": document.id, "passage": passage_id}
    if number == NOTES_PER_DOCUMENT - 1:
        # One note on a range of passages, as a whole: items 1 to 3 of a part.
        part = rng.randint(1, PARTS)
        first = (part - 1) * ITEMS_PER_PART + 1
        target["passage"] = f"{part}.{first}~{part}.{first + 2}"
    else:
        witness = "zh" if number % 2 == 0 else "en"
        passage = next(p for p in document.passages if p.id == passage_id)
        target.update({"witness": witness, **_quote(rng, getattr(passage, witness), witness == "en")})
    note: dict = {"id": f"{document.id}-note-{number + 1}", "target": target, "type": note_type, "body": real.body}
    if real.language:
        note["language"] = real.language
    if note_type == "cross-reference":
        refs = [f"#{_random_item(rng)}"]
        if cited is not None:
            refs.append(f"{cited.id}#{_random_item(rng)}")
        note["refs"] = refs
    if real.tags:
        note["tags"] = list(real.tags)
    note.update({"author": AUTHOR, "date": NOTE_DATE})
    return note


def _quote(rng: random.Random, text: str, english: bool) -> dict:
    """A few words that occur once in `text`, with the text just around them; {} if none was found."""
    for _ in range(QUOTE_TRIES):
        if english:
            words = text.split(" ")
            first = rng.randrange(1, max(2, len(words) - 8))
            quote = " ".join(words[first : first + rng.randint(3, 7)])
        else:
            start = rng.randrange(4, max(5, len(text) - 16))
            quote = text[start : start + rng.randint(6, 14)]
        if quote and quote == quote.strip() and text.count(quote) == 1:
            start = text.index(quote)
            end = start + len(quote)
            found = {"quote": quote}
            if start:
                found["prefix"] = text[max(0, start - CONTEXT_CHARACTERS) : start]
            if end < len(text):
                found["suffix"] = text[end : end + CONTEXT_CHARACTERS]
            return found
    return {}


def write_glossary(project: Path, documents: list[SyntheticDocument], terms: list[dict]) -> int:
    """The repository's terms, each variant naming the synthetic witnesses that use it; returns how many terms."""
    english = LanguageText(documents, "en")
    folder = project / "annotations" / "glossary"
    folder.mkdir(parents=True, exist_ok=True)
    for term in terms:
        variants = []
        for variant in term.get("variants", []):
            using = english.documents_using(variant["en"], MAX_VARIANT_WITNESSES)
            if using:
                variants.append({**variant, "documents": [f"{document}/en" for document in using]})
        # In the file's own order, without the variants if none is used.
        written = {key: variants if key == "variants" else value for key, value in term.items()}
        if not variants:
            written.pop("variants", None)
        dump_yaml(folder / f"{term['id']}.yaml", written)
    return len(terms)


def write_timeline(project: Path, documents: list[SyntheticDocument], real_events: list[dict]) -> int:
    """An event per document and the repository's other events; returns how many events."""
    folder = project / "annotations" / "timeline"
    folder.mkdir(parents=True, exist_ok=True)
    cited = {d.cites for d in documents if d.cites is not None}
    events = [_document_event(document, document.index in cited) for document in documents]
    texts = {"zh": LanguageText(documents, "zh"), "en": LanguageText(documents, "en")}
    for event in real_events:
        if "document" in event:
            continue
        sources = [source for source in event["sources"] if "passage" not in source]
        if not sources:
            continue
        mentions = {
            language: used
            for language, forms in event.get("mentions", {}).items()
            if (used := [form for form in forms if texts[language].documents_using(form, 1)])
        }
        kept = {key: value for key, value in event.items() if key not in ("mentions", "passages", "sources")}
        if mentions:
            kept["mentions"] = mentions
        kept["sources"] = sources
        events.append(kept)
    for event in events:
        dump_yaml(folder / f"{event['id']}.yaml", event)
    return len(events)


def _document_event(document: SyntheticDocument, is_cited: bool) -> dict:
    event: dict = {
        "id": document.id,
        "date": document.date,
        "title": {
            "en": f"The {document.issuer.en} issues the {document.title_en}",
            "zh": f"{document.issuer.zh}印发《{document.title_zh}》",
        },
        "kind": "document",
        "summary": f"The {document.issuer.en} issues {document.number_en}, a synthetic document of the benchmark.",
        "document": document.id,
    }
    if is_cited:
        event["mentions"] = {"zh": [document.title_zh], "en": [document.title_en]}
    event["sources"] = [{"passage": f"{document.id}#date", "supports": "the date of the document"}]
    event["author"] = AUTHOR
    return event
