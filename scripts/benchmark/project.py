"""A whole synthetic project: the corpus's documents, notes, glossary and timeline, and the site's configuration."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .corpus import DocumentMaker, SyntheticDocument, Topic
from .corpus_files import copy_site_config, write_document
from .corpus_notes import load_real_entries, load_real_notes, write_glossary, write_notes, write_timeline
from .text_pool import load_text_pool

DEFAULT_SEED = 2024


@dataclass(frozen=True)
class SyntheticProject:
    """What was generated where."""

    folder: Path
    documents: list[SyntheticDocument]
    notes: int
    terms: int
    events: int


def generate_project(root: Path, folder: Path, count: int, seed: int = DEFAULT_SEED) -> SyntheticProject:
    """Write a project of `count` synthetic documents into `folder` (which must not exist).

    `root` is the repository: its texts are sampled, its terms, notes and
    events reused, its configuration and schemas copied.
    """
    pool = load_text_pool(root)
    terms = load_real_entries(root, "glossary")
    maker = DocumentMaker(pool, [Topic(term["en"], term["zh"]) for term in terms], seed)
    documents = [maker.document(index) for index in range(count)]
    folder.mkdir(parents=True)
    copy_site_config(root, folder)
    for document in documents:
        write_document(folder / "sources", document)
    notes = write_notes(folder, documents, load_real_notes(root), seed)
    term_count = write_glossary(folder, documents, terms)
    events = write_timeline(folder, documents, load_real_entries(root, "timeline"))
    return SyntheticProject(folder, documents, notes, term_count, events)
