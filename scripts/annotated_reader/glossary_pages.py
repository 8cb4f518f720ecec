"""The glossary index page: every term with Chinese, pinyin, English, one-line definition and use.

Terms are listed in a table by English and again grouped by the first
letter of their pinyin; each links to its own page (term_pages.py). Each
table row keeps the id `term-<id>`, so `glossary/#term-<id>` links work.
"""

from __future__ import annotations

import html
import unicodedata
from collections import Counter
from itertools import groupby

from .glossary import Occurrence, Term
from .note_body import plain_summary
from .site_urls import term_url

INDEX_URI = "glossary/index.md"
ROOT = "../"


def _initial(pinyin: str) -> str:
    """The first letter of the pinyin without its tone mark: "ǎ" files under A."""
    return unicodedata.normalize("NFD", pinyin)[0].upper()


def render_glossary_index(terms: list[Term], occurrences: list[Occurrence]) -> str:
    """Markdown source of the glossary page."""
    counts = Counter(o.term for o in occurrences)
    by_english = sorted(terms, key=lambda t: t.en.lower())
    by_pinyin = sorted(terms, key=lambda t: unicodedata.normalize("NFD", t.pinyin.lower()))
    rows = "".join(
        f'<tr id="term-{html.escape(t.id)}"><td><a href="{ROOT}{term_url(t.id)}">{html.escape(t.en)}</a></td>'
        f'<td lang="zh-Hans">{html.escape(t.zh)}</td><td>{html.escape(t.pinyin)}</td>'
        f"<td>{html.escape(plain_summary(t.definition, limit=300))}</td>"
        f'<td class="ar-count">{counts[t.id]}</td></tr>'
        for t in by_english
    )
    groups = []
    for letter, group in groupby(by_pinyin, key=lambda t: _initial(t.pinyin)):
        items = "".join(
            f'<li><a href="{ROOT}{term_url(t.id)}">{html.escape(t.pinyin)} '
            f'<span lang="zh-Hans">{html.escape(t.zh)}</span></a>: {html.escape(t.en)}</li>'
            for t in group
        )
        groups.append(f'<h3 class="ar-letter">{letter}</h3><ul class="ar-index-compact">{items}</ul>')
    parts = [
        "# Glossary\n",
        f'<p class="ar-index-intro">{len(terms)} key terms of the corpus. Each term\'s page has its definition, '
        "the renderings each translation uses, its use per year and every occurrence in context. In the texts, "
        "a term's first occurrence in each passage links to its page and shows its definition.</p>\n",
        "## By English\n",
        '<table class="ar-glossary-table"><thead><tr><th scope="col">English</th><th scope="col">Chinese</th>'
        '<th scope="col">Pinyin</th><th scope="col">Definition</th><th scope="col">Occurrences</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>\n",
        "## By pinyin\n",
        "".join(groups) + "\n",
    ]
    return "\n".join(parts) + "\n"
