"""The glossary index page: every term with Chinese, pinyin, English, definition, variants and counts.

Terms are listed by English and again by pinyin; each entry has its full
definition, the renderings the corpus's translations use (with the
witnesses), how often it occurs in each document, and its sources.
"""

from __future__ import annotations

import html
from collections import Counter

from .glossary import Occurrence, Term
from .model import Corpus
from .note_body import plain_summary, render_body
from .site_urls import document_url
from .sources_html import render_source_list

INDEX_URI = "glossary/index.md"
ROOT = "../"


def _counts(term: Term, corpus: Corpus, occurrences: list[Occurrence]) -> str:
    per_document = Counter(o.document for o in occurrences if o.term == term.id)
    if not per_document:
        return "not found in the texts"
    return "; ".join(
        f'<a href="{ROOT}{document_url(d.id)}">{html.escape(d.short_title["en"])}</a>: {per_document[d.id]}'
        for d in corpus.documents
        if per_document[d.id]
    )


def _term_entry(term: Term, corpus: Corpus, occurrences: list[Occurrence], names: dict[str, str]) -> str:
    variants = "".join(
        f"<li>“{html.escape(v.en)}”: "
        + ", ".join(html.escape(w) for w in v.witnesses)
        + (f" ({html.escape(v.note)})" if v.note else "")
        + "</li>"
        for v in term.variants
    )
    relations = []
    for label, ids in (("Related", term.related), ("Earlier term", term.predecessors), ("Later term", term.successors)):
        if ids:
            links = ", ".join(f'<a href="#term-{html.escape(i)}">{html.escape(names.get(i, i))}</a>' for i in ids)
            relations.append(f"<li>{label}: {links}</li>")
    zh_definition = (
        f'<div class="ar-term-definition-zh" lang="zh-Hans">{render_body(term.definition_zh)}</div>'
        if term.definition_zh
        else ""
    )
    return (
        f'<section class="ar-term" id="term-{html.escape(term.id)}">'
        f'<h3><span lang="zh-Hans">{html.escape(term.zh)}</span> '
        f'<span class="ar-pinyin">{html.escape(term.pinyin)}</span>'
        f" · {html.escape(term.en)}</h3>"
        f'<div class="ar-term-definition">{render_body(term.definition)}</div>{zh_definition}'
        + (f'<p class="ar-term-variants-heading">Renderings in the corpus</p><ul>{variants}</ul>' if variants else "")
        + f'<p class="ar-term-counts">Occurrences: {_counts(term, corpus, occurrences)}</p>'
        + (f'<ul class="ar-term-relations">{"".join(relations)}</ul>' if relations else "")
        + render_source_list("Sources", term.sources)
        + f'<p class="ar-note-meta">{html.escape(term.author)}, <time>{html.escape(term.date)}</time></p>'
        "</section>"
    )


def render_glossary_index(terms: list[Term], corpus: Corpus, occurrences: list[Occurrence]) -> str:
    """Markdown source of the glossary page."""
    names = {t.id: t.en for t in terms}
    by_english = sorted(terms, key=lambda t: t.en.lower())
    by_pinyin = sorted(terms, key=lambda t: t.pinyin.lower())
    rows = "".join(
        f'<tr><td><a href="#term-{html.escape(t.id)}">{html.escape(t.en)}</a></td>'
        f'<td lang="zh-Hans">{html.escape(t.zh)}</td><td>{html.escape(t.pinyin)}</td>'
        f"<td>{html.escape(plain_summary(t.definition, limit=300))}</td></tr>"
        for t in by_english
    )
    pinyin_list = "".join(
        f'<li><a href="#term-{html.escape(t.id)}">{html.escape(t.pinyin)} '
        f'<span lang="zh-Hans">{html.escape(t.zh)}</span></a>: {html.escape(t.en)}</li>'
        for t in by_pinyin
    )
    parts = [
        "# Glossary\n",
        f'<p class="ar-index-intro">{len(terms)} key terms of the corpus, with the renderings each translation '
        "uses and where they occur.</p>\n",
        "## By English\n",
        '<table class="ar-glossary-table"><thead><tr><th>English</th><th>Chinese</th><th>Pinyin</th>'
        f"<th>Definition</th></tr></thead><tbody>{rows}</tbody></table>\n",
        "## By pinyin\n",
        f'<ul class="ar-index-compact">{pinyin_list}</ul>\n',
        "## The terms\n",
        "\n".join(_term_entry(t, corpus, occurrences, names) for t in by_english),
    ]
    return "\n".join(parts) + "\n"
