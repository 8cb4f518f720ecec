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


def describe(uses: list[YearUse], term_name: str) -> str:
    """The chart as one sentence, for its text alternative."""
    used = [u for u in uses if u.passages]
    if not used:
        return f"No passage of the corpus uses {term_name}."
    listed = "; ".join(f"{u.year}: {u.passages} passage{'s' if u.passages != 1 else ''}" for u in used)
    silent = [str(u.year) for u in uses if u.documents and not u.passages]
    first, last = uses[0].year, uses[-1].year
    text = f"Passages using {term_name}, per year {first}–{last}: {listed}."
    if silent:
        text += f" Documents of {', '.join(silent)} do not use it."
    return text + " Other years have no document in the corpus."


def render_year_chart(uses: list[YearUse], term_name: str, chart_id: str) -> str:
    """A `<figure>`: the SVG chart (role img, titled and described) and a table of the same figures."""
    peak = max((u.passages for u in uses), default=0) or 1
    width = len(uses) * (BAR_WIDTH + GAP)
    bars = []
    for index, use in enumerate(uses):
        x = index * (BAR_WIDTH + GAP)
        base = TOP + HEIGHT
        if not use.documents:
            bars.append(
                f'<rect class="ar-chart-none" x="{x}" y="{base - 3}" width="{BAR_WIDTH}" height="3">'
                f"<title>{use.year}: no document in the corpus</title></rect>"
            )
        else:
            tall = round(HEIGHT * use.passages / peak)
            bars.append(
                f'<rect class="ar-chart-bar" x="{x}" y="{base - max(tall, 1)}" width="{BAR_WIDTH}" '
                f'height="{max(tall, 1)}"><title>{use.year}: {use.passages} passages, '
                f"{use.occurrences} occurrences</title></rect>"
                f'<text class="ar-chart-figure" x="{x + BAR_WIDTH / 2}" y="{base - max(tall, 1) - 3}" '
                f'text-anchor="middle">{use.passages}</text>'
            )
        bars.append(
            f'<text class="ar-chart-year" x="{x + BAR_WIDTH / 2}" y="{base + 13}" text-anchor="middle">'
            f"{use.year % 100:02d}</text>"
        )
    description = describe(uses, term_name)
    svg = (
        f'<svg class="ar-chart" viewBox="0 0 {width} {TOP + HEIGHT + BOTTOM}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" focusable="false">'
        f'<title id="{chart_id}-title">Use of {escape(term_name)} per year, {uses[0].year}–{uses[-1].year}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>' + "".join(bars) + "</svg>"
    )
    rows = "".join(
        f'<tr><th scope="row">{u.year}</th><td>{u.documents or "—"}</td>'
        f"<td>{u.passages if u.documents else '—'}</td><td>{u.occurrences if u.documents else '—'}</td></tr>"
        for u in uses
    )
    table = (
        '<details class="ar-chart-data"><summary>The figures as a table</summary>'
        '<table><thead><tr><th scope="col">Year</th><th scope="col">Documents in the corpus</th>'
        '<th scope="col">Passages using the term</th><th scope="col">Occurrences in all texts</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></details>"
    )
    caption = (
        f"<figcaption>{escape(description)} Bars count passages; years shown as a thin grey line "
        "have no document in the corpus.</figcaption>"
    )
    return f'<figure class="ar-chart-figure-block" id="{chart_id}" data-search-exclude>{svg}{caption}{table}</figure>'
