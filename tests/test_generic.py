"""The generator is corpus-agnostic (no document of this corpus is named in the code)
and its core is MkDocs-agnostic (only the adapter imports MkDocs)."""

from __future__ import annotations

import ast

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


# The MkDocs adapter.
MAY_IMPORT_MKDOCS = {"mkdocs_plugin.py"}


def test_only_the_adapter_imports_mkdocs() -> None:
    importers = set()
    for module in (ROOT / "scripts" / "annotated_reader").glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(name == "mkdocs" or name.startswith(("mkdocs.", "material")) for name in names):
                importers.add(module.name)
    assert importers == MAY_IMPORT_MKDOCS
