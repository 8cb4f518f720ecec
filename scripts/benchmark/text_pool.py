"""Sentences and headings of the repository's own witnesses, for synthetic texts to be sampled from.

A synthetic document should weigh and read like the corpus: the same
sentence lengths, the same terms, the same mix of Chinese punctuation and
English machine translation. So its passages are made of the corpus's own
sentences, split from every item and paragraph, and its headings of the
corpus's headings, with their numbering taken off (the synthetic document
numbers them itself).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from annotated_reader.concordance import language_view
from annotated_reader.loader import load_corpus
from annotated_reader.problems import Problems

# A Chinese sentence ends at 。；！？ (the mark stays with its sentence).
ZH_SENTENCE_END = re.compile(r"(?<=[。；！？])")
# An English sentence ends at . ! ? followed by a space and a capital, a digit or an opening mark.
EN_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\"“])")
# Numbering that opens an item or heading: (三) （三） 一、 / (1) (I) 1. I. "I," "First,"
ZH_NUMBERING = re.compile(r"^\s*(?:[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)\s*")
EN_NUMBERING = re.compile(
    r"^\s*(?:\([0-9IVXLivxl]{1,5}\)|[0-9]+\.|[IVXL]+[.,]|(?:First|Second|Third|Fourth|Fifth|Sixth|One|Two|Three|Four|Five|Six),)\s*"
)
# Passages whose text is running prose, worth sampling sentences from.
PROSE_KINDS = {"item", "paragraph"}
# Shorter pieces are list fragments or residue of the numbering, not sentences.
MIN_ZH_CHARACTERS = 8
MIN_EN_WORDS = 5


@dataclass(frozen=True)
class TextPool:
    """What synthetic texts are sampled from, in the order the corpus has them."""

    zh_sentences: tuple[str, ...]
    en_sentences: tuple[str, ...]
    zh_headings: tuple[str, ...]
    en_headings: tuple[str, ...]


def load_text_pool(root: Path) -> TextPool:
    """Split every witness of `root/sources` into sentences and headings, by language."""
    corpus = load_corpus(root / "sources", Problems(root))
    pool: dict[str, list[str]] = {"zh": [], "en": [], "zh-heading": [], "en-heading": []}
    for document in corpus.documents:
        for witness in document.witnesses:
            language = language_view(witness)
            for segment in witness.segments:
                lines = [line.strip() for line in segment.text.split("\n") if line.strip()]
                if segment.kind == "heading":
                    heading = _unnumbered(" ".join(lines), language)
                    if heading:
                        pool[f"{language}-heading"].append(heading)
                elif segment.kind in PROSE_KINDS:
                    for line in lines:
                        pool[language].extend(_sentences(_unnumbered(line, language), language))
    return TextPool(
        zh_sentences=tuple(dict.fromkeys(pool["zh"])),
        en_sentences=tuple(dict.fromkeys(pool["en"])),
        zh_headings=tuple(dict.fromkeys(pool["zh-heading"])),
        en_headings=tuple(dict.fromkeys(pool["en-heading"])),
    )


def _unnumbered(text: str, language: str) -> str:
    return (ZH_NUMBERING if language == "zh" else EN_NUMBERING).sub("", text).strip()


def _sentences(text: str, language: str) -> list[str]:
    if language == "zh":
        pieces = [p.strip() for p in ZH_SENTENCE_END.split(text)]
        return [p for p in pieces if len(p) >= MIN_ZH_CHARACTERS]
    pieces = [p.strip() for p in EN_SENTENCE_END.split(text)]
    return [p for p in pieces if len(p.split()) >= MIN_EN_WORDS]
