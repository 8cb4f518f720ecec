"""The theme's page of a generated page, completed from a shell, is the page the theme renders.

Unit tests drive `PageShells` with small templates and stand-in pages of the
kinds MkDocs gives; the last test builds a project twice, once as the plugin
does and once with every page rendered by the theme, and compares them.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.utils import get_relative_url

from annotated_reader.page_shells import MOST_SHAPES, PageShells
from conftest import FIXTURES, copy_project


@dataclass
class Entry:
    title: str
    id: str
    level: int = 1
    children: list[Entry] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"#{self.id}"


@dataclass
class FakePage:
    """What a theme reads of a MkDocs page."""

    title: str
    url: str
    toc: list[Entry]
    meta: dict[str, Any] = field(default_factory=dict)
    content: str = "<!-- placeholder -->"
    parent: Any = None
    previous_page: Any = None
    next_page: Any = None
    is_homepage: bool = False
    edit_url: str | None = None
    canonical_url: str | None = None
    abs_url: str | None = None
    source: str = ""

    def __post_init__(self) -> None:
        self.meta.setdefault("title", self.title)
        self.canonical_url = "https://example.org/" + self.url
        self.abs_url = "/" + self.url


def page(title: str, url: str, *toc: str, **extra: Any) -> FakePage:
    return FakePage(title, url, [Entry(name, f"h-{i}") for i, name in enumerate(toc)], **extra)


RAW = """<title>{{ page.meta.title }}</title><link rel="canonical" href="{{ page.canonical_url }}">
<a href="{{ 'documents/' | rel(page) }}">Documents</a> <a href="{{ 'assets/x.css' | rel(page) }}">css</a>
<nav>{% for entry in page.toc %}<a href="{{ entry.url }}">{{ entry.title }}</a>{% endfor %}</nav>
<h1>{{ page.title }}</h1><p>{{ lang }}</p>{{ page.content }}"""


def environment(template: str) -> jinja2.Template:
    env = jinja2.Environment(autoescape=False)
    # What MkDocs's `url` filter does: the target relative to the page.
    env.filters["rel"] = lambda target, page: get_relative_url(target, page.url)
    return env.from_string(template)


def rendered(shells: PageShells, template: jinja2.Template, pages: list[FakePage]) -> list[tuple[str, str]]:
    """Each page through the shells beside the theme's own rendering of it."""
    out = []
    for each in pages:
        context = {"page": each, "lang": "en"}
        made = shells.render(template, context, each, lambda stand_in, context=context: {**context, "page": stand_in})
        out.append((made, template.render(context)))
    return out


PAGES = [
    page("Planning Outline (2014)", "documents/2014-outline/zh/", "规划纲要"),
    page("2022 Opinions", "documents/2022-opinions/en/", "Opinions on Promoting"),
    page("The People's Bank & Co <1>", "documents/pboc/zh/", "A  title\twith spaces"),
    page("2007 Opinions", "documents/2007-opinions/zh/", "国务院办公厅关于社会信用体系建设的若干意见"),
    page("credit restoration", "glossary/credit-restoration/2021/", "Renderings", "Concordance"),
    page("blacklist", "glossary/blacklist/2020/", "Renderings", "Concordance"),
    page("integrity", "glossary/integrity/2003/", "Renderings", "Concordance"),
    page("Shanghai", "timeline/events/shanghai/"),
]


def test_every_page_completed_from_a_shell_is_the_theme_s_own() -> None:
    shells = PageShells()
    for made, expected in rendered(shells, environment(RAW), PAGES):
        assert made == expected
    # One shell per shape (a view, a term's year, an event); the first two pages of each are
    # rendered as usual, to prove it: the event's, alone of its shape, is never proven.
    assert (shells.pages, shells.completed) == (8, 3)
    assert str(shells) == "3 of 8 theme pages completed from 2 shells"


def test_a_template_that_escapes_completes_only_values_that_escaping_leaves_be() -> None:
    shells = PageShells()
    template = environment(RAW.replace("<h1>{{ page.title }}</h1>", "<h1>{{ page.title | e }}</h1>"))
    for made, expected in rendered(shells, template, PAGES):
        assert made == expected
    # The People's Bank & Co <1> is rendered by the theme: its title would be written escaped.
    assert shells.completed == 2


def test_a_shape_whose_completion_differs_is_rendered_by_the_theme() -> None:
    shells = PageShells()
    # The template writes what no stand-in stands for: the second page shows it.
    template = environment(RAW + "<!-- {{ page.source }} -->")
    pages = [page(f"Document {n}", f"documents/d{n}/", "Title", source=f"sources/d{n}.txt") for n in range(4)]
    for made, expected in rendered(shells, template, pages):
        assert made == expected
    assert shells.completed == 0


def test_pages_of_the_navigation_are_rendered_by_the_theme() -> None:
    shells = PageShells()
    home = page("Home", "", is_homepage=True)
    listed = [page("Documents", "documents/", parent="Section"), page("Glossary", "glossary/", next_page="x")]
    for made, expected in rendered(shells, environment(RAW), [home, *listed] * 3):
        assert made == expected
    assert shells.completed == 1  # the home page, the third time


def test_pages_each_of_its_own_shape_are_rendered_by_the_theme_without_a_shell_each() -> None:
    """Past MOST_SHAPES shapes, or with a link to edit each page's source, no shell is made."""
    shells = PageShells()
    calls = []
    template = environment(RAW)
    edited = [page(f"D{n}", f"documents/d{n}/", "T", edit_url=f"https://example.org/edit/d{n}") for n in range(3)]
    # Tables of contents of a different length each: a shape per page.
    varied = [page(f"G{n}", f"glossary/g{n}/", *["T"] * (n + 1)) for n in range(MOST_SHAPES + 10)]
    for each in edited + varied:
        context = {"page": each, "lang": "en"}

        def context_for(stand_in, context=context):
            calls.append(stand_in)
            return {**context, "page": stand_in}

        assert shells.render(template, context, each, context_for) == template.render(context)
    # Two stand-in renderings per shape made, none for the edited pages or past the limit.
    assert len(calls) == 2 * MOST_SHAPES
    assert shells.completed == 0


def _build(project: Path, site: Path, *, shells: bool) -> str:
    """A strict English build with -v; without shells, every page is rendered by the theme."""
    patch = (
        ""
        if shells
        else "import annotated_reader.page_shells as s; s.PageShells.render = "
        "lambda self, template, context, page, context_for: template.render(context); "
    )
    code = patch + "from mkdocs.__main__ import cli; cli()"
    result = subprocess.run(
        [sys.executable, "-c", code, "build", "--strict", "-v", "--site-dir", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stderr


def test_a_built_site_is_the_same_with_and_without_shells(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "small", tmp_path / "project")
    log = _build(project, tmp_path / "shelled", shells=True)
    _build(project, tmp_path / "plain", shells=False)
    completed = next(line for line in log.splitlines() if "theme pages completed from" in line)
    assert " 0 of " not in completed, completed
    # The English interface: the Chinese one is built by its own process, with shells both times.
    shelled = sorted(p.relative_to(tmp_path / "shelled") for p in (tmp_path / "shelled").rglob("*.html"))
    plain = sorted(p.relative_to(tmp_path / "plain") for p in (tmp_path / "plain").rglob("*.html"))
    assert shelled == plain
    english = [p for p in shelled if p.parts[0] != "zh"]
    assert len(english) > 20
    for path in english:
        assert (tmp_path / "shelled" / path).read_bytes() == (tmp_path / "plain" / path).read_bytes(), path
