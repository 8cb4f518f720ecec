"""The glossary index page: every term with Chinese, pinyin, English, one-line definition and use.

Terms are listed in a table by English and again grouped by the first
letter of their pinyin; each links to its own page (term_pages.py). Each
table row keeps the id `term-<id>`, so `glossary/#term-<id>` links work.
The page's words come from the message catalogue, in the language of `msg`.
"""

from __future__ import annotations

import html
import unicodedata
from collections import Counter
from itertools import groupby

from .glossary import Occurrence, Term
from .interface import english, english_attr, heading, table_head
from .messages import ENGLISH, Messages
from .note_body import plain_summary
from .site_urls import term_url

INDEX_URI = "glossary/index.md"
ROOT = "../"


def _initial(pinyin: str) -> str:
    """The first letter of the pinyin without its tone mark: "ǎ" files under A."""
    return unicodedata.normalize("NFD", pinyin)[0].upper()


def _table(terms: list[Term], counts: Counter[str], msg: Messages) -> str:
    """The terms by English: name, Chinese, pinyin, one-line definition and number of occurrences."""
    rows = "".join(
        f'<tr id="term-{html.escape(t.id)}">'
        f'<td><a href="{ROOT}{term_url(t.id)}">{english(html.escape(t.en), msg)}</a></td>'
        f'<td lang="zh-Hans">{html.escape(t.zh)}</td><td>{html.escape(t.pinyin)}</td>'
        f"<td{english_attr(msg)}>{html.escape(plain_summary(t.definition, limit=300))}</td>"
        f'<td class="ar-count">{counts[t.id]}</td></tr>'
        for t in sorted(terms, key=lambda t: t.en.lower())
    )
    columns = (
        msg("glossary_column_english"),
        msg("glossary_column_chinese"),
        msg("glossary_column_pinyin"),
        msg("glossary_column_definition"),
        msg("glossary_column_occurrences"),
    )
    return f'<table class="ar-glossary-table">{table_head(columns)}<tbody>{rows}</tbody></table>\n'


def _by_pinyin(terms: list[Term], msg: Messages) -> str:
    """The terms grouped under the first letter of their pinyin."""
    by_pinyin = sorted(terms, key=lambda t: unicodedata.normalize("NFD", t.pinyin.lower()))
    groups = []
    for letter, group in groupby(by_pinyin, key=lambda t: _initial(t.pinyin)):
        items = "".join(
            "<li>"
            + msg.html(
                "label_value",
                label=f'<a href="{ROOT}{term_url(t.id)}">{html.escape(t.pinyin)} '
                f'<span lang="zh-Hans">{html.escape(t.zh)}</span></a>',
                value=english(html.escape(t.en), msg),
            )
            + "</li>"
            for t in group
        )
        groups.append(f'<h3 class="ar-letter">{letter}</h3><ul class="ar-index-compact">{items}</ul>')
    return "".join(groups) + "\n"


def render_glossary_index(terms: list[Term], occurrences: list[Occurrence], msg: Messages = ENGLISH) -> str:
    """HTML of the glossary page."""
    counts = Counter(o.term for o in occurrences)
    intro = html.escape(msg("glossary_intro", count=len(terms)), quote=False)
    parts = [
        heading(1, msg("glossary_title"), "glossary"),
        f'<p class="ar-index-intro">{intro}</p>\n',
        heading(2, msg("glossary_by_english"), "by-english"),
        _table(terms, counts, msg),
        heading(2, msg("glossary_by_pinyin"), "by-pinyin"),
        _by_pinyin(terms, msg),
    ]
    return "\n".join(parts) + "\n"
