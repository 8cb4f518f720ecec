"""Loading `annotations/glossary/<term-id>.yaml` into `Term` objects, reporting every mistake.

Each file is checked against annotations/glossary/term.schema.json, then
against the corpus and the other terms: the id matches the file name, every
related, predecessor and successor term exists, no two terms claim the same
Chinese form, and each variant names real witnesses and really occurs in each
of them (a variant that a translation does not use would be a false claim).
Pinyin is generated with pypinyin when a term omits it.
"""

from __future__ import annotations

from pathlib import Path

from .entry_files import entry_files
from .former_ids import check_former_ids
from .glossary import Term, Variant, term_pattern
from .model import Corpus, Source
from .problems import Problems, did_you_mean

GLOSSARY_FOLDER = "annotations/glossary"
TERM_SCHEMA = "term.schema.json"


def generated_pinyin(chinese: str) -> str:
    """Pinyin with tone marks for a Chinese term, syllables separated by spaces."""
    from pypinyin import Style, pinyin

    return " ".join(syllable[0] for syllable in pinyin(chinese, style=Style.TONE))


def load_glossary(root: Path, corpus: Corpus, problems: Problems) -> list[Term]:
    """Every valid term, sorted by id."""
    terms: list[Term] = []
    for path, source in entry_files(root / GLOSSARY_FOLDER, TERM_SCHEMA, "term", problems):
        data = source.data
        term = Term(
            id=data["id"],
            zh=data["zh"],
            pinyin=data.get("pinyin") or generated_pinyin(data["zh"]),
            en=data["en"],
            definition=data["definition"],
            author=data["author"],
            date=data["date"],
            variants=[Variant(v["en"], tuple(v["documents"]), v.get("note")) for v in data.get("variants", [])],
            definition_zh=data.get("definition_zh"),
            match_zh=list(data.get("match_zh", [])),
            related=list(data.get("related", [])),
            predecessors=list(data.get("predecessors", [])),
            successors=list(data.get("successors", [])),
            sources=[Source(s["title"], s["supports"], s.get("url"), s.get("note")) for s in data.get("sources", [])],
            formerly=list(data.get("formerly", [])),
            path=path,
            field_lines=dict(source.lines),
        )
        if term.id != path.stem:
            problems.error(path, term.line_of("id"), f"id '{term.id}' differs from the file name: rename one of them")
        terms.append(term)
    _check_terms(terms, corpus, problems)
    check_former_ids(terms, "term", problems)
    return sorted(terms, key=lambda t: t.id)


def _check_terms(terms: list[Term], corpus: Corpus, problems: Problems) -> None:
    ids = [t.id for t in terms]
    owner: dict[str, Term] = {}
    for term in terms:
        path = term.path or Path()
        for relation in ("related", "predecessors", "successors"):
            for index, other in enumerate(getattr(term, relation)):
                if other not in ids:
                    problems.error(
                        path, term.line_of(relation, index), f"{relation}: no term '{other}'{did_you_mean(other, ids)}"
                    )
        for form in term.zh_forms:
            if form in owner:
                problems.error(
                    path,
                    term.line_of("zh"),
                    f"'{form}' is already a form of term '{owner[form].id}': a Chinese form belongs to one term",
                )
            owner.setdefault(form, term)
        for index, variant in enumerate(term.variants):
            for position, name in enumerate(variant.witnesses):
                line = term.line_of("variants", index, "documents", position)
                document_id, _, witness_id = name.partition("/")
                document = corpus.document(document_id)
                witness = document.witness(witness_id) if document else None
                if witness is None:
                    problems.error(path, line, f"variants: no witness '{name}' in the corpus")
                    continue
                words = term_pattern([variant.en], english=True)
                assert words is not None
                if not any(words.search(segment.text) for segment in witness.segments):
                    problems.error(
                        path,
                        line,
                        f"variant '{variant.en}' does not occur in {name}: give the words exactly as that "
                        "translation writes them, or remove the witness",
                    )
