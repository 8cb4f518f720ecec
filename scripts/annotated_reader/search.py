"""Chinese search must segment words: fail the build loudly when it cannot.

mkdocs-material's search plugin segments Chinese text with jieba at build
time, joining the words with U+200B, but only if jieba imports; without it
the build succeeds and Chinese search silently finds only single characters
or nothing. The configured separator must also split on U+200B, or the
segmented words never become separate tokens (squidfunk/mkdocs-material#3915).
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError


def check_segmenter(config: MkDocsConfig) -> None:
    """Raise when search is on for Chinese but cannot segment Chinese words."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is None:
        return
    languages = search.config.get("lang") or []
    if not any(str(lang).startswith("zh") for lang in languages):
        raise PluginError("search: add 'zh' to plugins.search.lang so Chinese passages can be found")
    if importlib.util.find_spec("jieba") is None:
        raise PluginError(
            "search: the Chinese segmenter jieba is not installed, so Chinese search would silently break; "
            "install the pinned dependencies (make site) or 'pip install jieba'"
        )
    separator = search.config.get("separator") or ""
    if not re.fullmatch(separator, "\u200b"):
        raise PluginError(
            "search: plugins.search.separator must match U+200B, the joiner jieba's words are indexed with; "
            "add \\u200b to it"
        )


def load_search_terms(path: Path) -> int:
    """Teach jieba the corpus's terms so it indexes them whole; returns how many."""
    if not path.exists():
        return 0
    import jieba

    # jieba keeps one global tokenizer, which the search plugin then uses.
    jieba.load_userdict(str(path))
    return sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


def add_search_terms(forms: Iterable[str]) -> int:
    """Teach jieba more terms (the glossary's Chinese forms); returns how many."""
    import jieba

    count = 0
    for form in forms:
        jieba.add_word(form, freq=100000)
        count += 1
    return count
