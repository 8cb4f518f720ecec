"""The plain baseline site, and the Markdown-only floor, for the same texts.

The baseline is what the corpus costs as an ordinary documentation site:
mkdocs-material with nothing of ours, one Markdown page per witness (two per
document, the same text as the synthetic witnesses, a heading per passage),
every page in the navigation as a plain site lists them, the same Markdown
extensions, and material's built-in search for English and Chinese (with
jieba segmenting, as on the real site, and the separator material's
documentation gives for Chinese). Web fonts are off, as on the real site, so
that neither loads anything from another host.

The floor is Python-Markdown converting the same 2N pages in one process,
with no site generator around it: the least any build of these texts costs.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import markdown

from .corpus import Passage, SyntheticDocument

EXTENSIONS = ["attr_list", "md_in_html", "toc"]
EXTENSION_CONFIGS = {"toc": {"permalink": True}}
LANGUAGES = (("zh", "中文"), ("en", "English"))

CONFIG = """\
site_name: Plain baseline
site_url: http://127.0.0.1:8000/
theme:
  name: material
  language: en
  font: false
plugins:
  - search:
      lang: [en, zh]
      separator: '[\\s\\u200b\\-]+'
markdown_extensions:
  - attr_list
  - md_in_html
  - toc:
      permalink: true
"""


class BaselineDocument(Protocol):
    """What the baseline writes of a document: a synthetic one, or one of the corpus (preview.py)."""

    @property
    def id(self) -> str: ...
    @property
    def title_en(self) -> str: ...
    @property
    def title_zh(self) -> str: ...
    @property
    def passages(self) -> Sequence[Passage]: ...


def witness_page(document: BaselineDocument, language: str) -> str:
    """One witness as a Markdown page: the title, then each passage under its ID as a heading."""
    title = document.title_zh if language == "zh" else document.title_en
    blocks = [f"# {title}"]
    for passage in document.passages:
        blocks.append(f"## {passage.id}\n\n{getattr(passage, language)}")
    return "\n\n".join(blocks) + "\n"


def page_path(document: BaselineDocument, language: str) -> str:
    """Where a witness's page is, relative to docs/ (its address is the same without .md)."""
    return f"{document.id}/{language}.md"


def write_baseline(folder: Path, documents: Sequence[BaselineDocument]) -> int:
    """The baseline project in `folder` (which must not exist); returns how many Markdown pages."""
    docs = folder / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Plain baseline\n\nThe same texts as a plain site.\n", encoding="utf-8")
    nav = ["nav:", "  - Home: index.md", "  - Documents:"]
    pages = 1
    for document in documents:
        (docs / document.id).mkdir()
        nav.append(f"    - {_quoted(document.title_en)}:")
        for language, label in LANGUAGES:
            # A witness the document does not have (a second translation of the corpus has no Chinese page).
            if not any(getattr(passage, language) for passage in document.passages):
                continue
            (docs / page_path(document, language)).write_text(witness_page(document, language), encoding="utf-8")
            nav.append(f"      - {label}: {page_path(document, language)}")
            pages += 1
    (folder / "mkdocs.yml").write_text(CONFIG + "\n".join(nav) + "\n", encoding="utf-8")
    return pages


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def markdown_floor(documents: list[SyntheticDocument]) -> float:
    """Seconds Python-Markdown takes to convert every witness page, in this process."""
    pages = [witness_page(document, language) for document in documents for language, _ in LANGUAGES]
    converter = markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
    started = time.perf_counter()
    for page in pages:
        converter.reset()
        converter.convert(page)
    return time.perf_counter() - started
