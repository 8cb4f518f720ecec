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


def dictionary_forms(forms: Iterable[str]) -> list[str]:
    """The glossary forms to keep whole in the search index.

    A form made entirely of other forms (失信联合惩戒 = 失信 + 联合惩戒) is left
    to jieba to split into those parts: kept whole, it would hide them, and a
    search for 联合惩戒 would miss every passage that says 失信联合惩戒.
    """
    unique = sorted(set(forms))
    return [form for form in unique if not _made_of(form, set(unique) - {form})]


def _made_of(text: str, parts: set[str]) -> bool:
    """Whether `text` is a concatenation of two or more of `parts`."""
    # ends[i]: the fewest parts that spell text[:i] (0 for the empty prefix).
    ends: dict[int, int] = {0: 0}
    for end in range(1, len(text) + 1):
        counts = [ends[start] + 1 for start in ends if start < end and text[start:end] in parts]
        if counts:
            ends[end] = min(counts)
    return ends.get(len(text), 0) >= 2


def add_search_terms(forms: Iterable[str]) -> int:
    """Teach jieba the glossary's Chinese forms (see `dictionary_forms`); returns how many."""
    import jieba

    kept = dictionary_forms(forms)
    for form in kept:
        jieba.add_word(form, freq=100000)
    return len(kept)
