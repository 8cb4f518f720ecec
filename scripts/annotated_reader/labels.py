"""Human citation labels for passages: "2020 Rules III (9)", "2020年规定 三（九）".

A passage ID mirrors the document's numbering ("3.9", "2.2.p5"); the label
writes it the way the document numbers it. A document's `numbering` (in
document.yaml) names the style of each numbered level, e.g. `[part, item]`
for "III (9)" / "三（九）"; unnumbered paragraphs (p5) become "¶5" / "第5段".
"""

from __future__ import annotations

from functools import cache

from .model import Document

_ROMAN = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
_CHINESE_DIGITS = "零一二三四五六七八九"

# Named passages outside the numbering, in English and Chinese.
NAMED = {
    "title": ("Title", "标题"),
    "number": ("Number", "文号"),
    "address": ("Addressees", "主送"),
    "preamble": ("Preamble", "序言"),
    "signature": ("Signature", "落款"),
    "date": ("Date", "日期"),
    "dateline": ("Dateline", "电头"),
    "headline": ("Headline", "标题"),
    "lead": ("Lead", "导语"),
    "full-text": ("Full text", "全文"),
    "notice": ("Notice", "通知"),
    "release": ("Release note", "公开方式"),
}

# Styles of numbered levels: how "3" is written in English and in Chinese.
STYLES = ("part", "item", "article", "arabic")


def roman(number: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while number >= value:
            out += letters
            number -= value
    return out


def chinese_numeral(number: int) -> str:
    """一 … 九十九, the way documents number parts and items."""
    if number < 10:
        return _CHINESE_DIGITS[number]
    tens, units = divmod(number, 10)
    return ("" if tens == 1 else _CHINESE_DIGITS[tens]) + "十" + (_CHINESE_DIGITS[units] if units else "")


def _numbered(style: str, number: int, language: str) -> str:
    if style == "part":
        return roman(number) if language == "en" else chinese_numeral(number)
    if style == "item":
        return f"({number})" if language == "en" else f"（{chinese_numeral(number)}）"
    if style == "article":
        return f"Art. {number}" if language == "en" else f"第{chinese_numeral(number)}条"
    return str(number)


def passage_number(document: Document, segment_id: str, language: str = "en") -> str:
    """The passage's number as the document numbers it, e.g. "III (9)" or "三（九）"."""
    return _passage_number(tuple(document.numbering), segment_id, language)


# Cached: a site asks for the same few dozen numbers hundreds of thousands of times (every
# row, citation and concordance line), and they depend on the numbering styles alone.
@cache
def _passage_number(styles: tuple[str, ...], segment_id: str, language: str) -> str:
    words: list[str] = []
    level = 0
    for token in segment_id.split("."):
        if token.isdigit():
            style = styles[level] if level < len(styles) else "arabic"
            words.append(_numbered(style, int(token), language))
            level += 1
        elif token[0] == "p" and token[1:].isdigit():
            words.append(f"¶{token[1:]}" if language == "en" else f"第{token[1:]}段")
        else:
            english, chinese = NAMED.get(token, (token.replace("-", " ").capitalize(), token))
            words.append(english if language == "en" else chinese)
    joiner = " " if language == "en" else ""
    return joiner.join(words)


def citation_label(document: Document, segment_id: str, language: str = "en") -> str:
    """Short title and passage number: "2020 Rules III (9)"."""
    short = document.short_title.get(language) or document.short_title["en"]
    return f"{short} {passage_number(document, segment_id, language)}"
