"""The generator is corpus-agnostic: no document of this corpus is named in the code."""

from __future__ import annotations

from annotated_reader.pipeline import CheckedCorpus
from conftest import ROOT


def test_no_document_seed_or_title_of_the_corpus_is_named_in_the_package(checked: CheckedCorpus) -> None:
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "scripts").rglob("*.py"))
    names = set()
    for document in checked.corpus.documents:
        names |= {document.id, document.title["en"], document.title["zh"], document.short_title["en"]}
        if document.number:
            names.add(document.number)
        for witness in document.witnesses:
            if witness.provenance.seed:
                names |= {witness.provenance.seed, witness.provenance.seed.split("_")[0] + "_"}
    assert sorted(n for n in names if n in code) == []
