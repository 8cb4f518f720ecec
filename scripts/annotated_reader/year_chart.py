"""A small bar chart of a term's use per year, 2003 to 2022, as inline SVG with a text alternative.

The measure is passages, not occurrences: a passage counts once however many
of its texts (Chinese, one or two translations) use the term, so a document
with two translations does not count double. A year with no document in the
corpus is drawn differently from a year whose documents do not use the term:
"no text" and "not used" are different findings.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from .interface import sentences, table_head
from .messages import ENGLISH, Messages

BAR_WIDTH = 22
GAP = 4
HEIGHT = 90  # of the tallest bar
TOP = 16  # room for the figure above the tallest bar
BOTTOM = 18  # room for the year labels


@dataclass(frozen=True)
class YearUse:
    """A term's use in the corpus's documents of one year."""

    year: int
    documents: int  # documents of the corpus issued that year
    passages: int  # passages using the term
    occurrences: int


def describe(uses: list[YearUse], term_name: str, msg: Messages = ENGLISH) -> str:
    """The chart as one sentence, for its text alternative."""
    used = [u for u in uses if u.passages]
    if not used:
        return msg("chart_unused", term=term_name)
    listed = msg("list_semicolon").join(msg("chart_year_passages", count=u.passages, year=u.year) for u in used)
    silent = [str(u.year) for u in uses if u.documents and not u.passages]
    first, last = uses[0].year, uses[-1].year
    text = [msg("chart_used", term=term_name, first=first, last=last, years=listed)]
    if silent:
        text.append(msg("chart_silent_years", years=msg("list_comma").join(silent)))
    text.append(msg("chart_other_years"))
    return sentences(text, msg)


def _bars(uses: list[YearUse], msg: Messages) -> list[str]:
    """Each year's bar (or thin line, for a year without documents), its figure and its label."""
    peak = max((u.passages for u in uses), default=0) or 1
    bars = []
    for index, use in enumerate(uses):
        x = index * (BAR_WIDTH + GAP)
        base = TOP + HEIGHT
        if not use.documents:
            bars.append(
                f'<rect class="ar-chart-none" x="{x}" y="{base - 3}" width="{BAR_WIDTH}" height="3">'
                f"<title>{escape(msg('chart_bar_no_document', year=use.year))}</title></rect>"
            )
        else:
            tall = round(HEIGHT * use.passages / peak)
            title = msg("chart_bar", year=use.year, passages=use.passages, occurrences=use.occurrences)
            bars.append(
                f'<rect class="ar-chart-bar" x="{x}" y="{base - max(tall, 1)}" width="{BAR_WIDTH}" '
                f'height="{max(tall, 1)}"><title>{escape(title)}</title></rect>'
                f'<text class="ar-chart-figure" x="{x + BAR_WIDTH / 2}" y="{base - max(tall, 1) - 3}" '
                f'text-anchor="middle">{use.passages}</text>'
            )
        bars.append(
            f'<text class="ar-chart-year" x="{x + BAR_WIDTH / 2}" y="{base + 13}" text-anchor="middle">'
            f"{use.year % 100:02d}</text>"
        )
    return bars


def _table(uses: list[YearUse], msg: Messages) -> str:
    """The chart's figures as a table, in a closed `<details>`."""
    rows = "".join(
        f'<tr><th scope="row">{u.year}</th><td>{u.documents or "—"}</td>'
        f"<td>{u.passages if u.documents else '—'}</td><td>{u.occurrences if u.documents else '—'}</td></tr>"
        for u in uses
    )
    columns = (
        msg("chart_column_year"),
        msg("chart_column_documents"),
        msg("chart_column_passages"),
        msg("chart_column_occurrences"),
    )
    return (
        f'<details class="ar-chart-data"><summary>{escape(msg("chart_as_table"))}</summary>'
        f"<table>{table_head(columns)}<tbody>{rows}</tbody></table></details>"
    )


def render_year_chart(uses: list[YearUse], term_name: str, chart_id: str, msg: Messages = ENGLISH) -> str:
    """A `<figure>`: the SVG chart (role img, titled and described) and a table of the same figures."""
    width = len(uses) * (BAR_WIDTH + GAP)
    description = describe(uses, term_name, msg)
    title = msg("chart_title", term=term_name, first=uses[0].year, last=uses[-1].year)
    svg = (
        f'<svg class="ar-chart" viewBox="0 0 {width} {TOP + HEIGHT + BOTTOM}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" focusable="false">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>' + "".join(_bars(uses, msg)) + "</svg>"
    )
    caption = f"<figcaption>{escape(sentences([description, msg('chart_legend')], msg))}</figcaption>"
    return (
        f'<figure class="ar-chart-figure-block" id="{chart_id}" data-search-exclude>'
        f"{svg}{caption}{_table(uses, msg)}</figure>"
    )
