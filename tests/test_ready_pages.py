"""Generated pages finished without Markdown: permalinks, table of contents, title and ids."""

from __future__ import annotations

from pathlib import Path

from annotated_reader.interface import heading
from annotated_reader.ready_pages import finish
from conftest import FIXTURES, copy_project, failed_build


def test_section_headings_get_the_permalink_and_table_of_contents_markdown_would_give() -> None:
    html = (
        heading(1, "Blacklist & co", "blacklist", lang="en")
        + '<div id="intro"><h2>not a section</h2></div>'
        + heading(2, "Definition", "definition")
        + heading(3, "In 2014", "in-2014")
        + heading(2, "Concordance", "concordance")
    )
    page = finish(html, "Permanent link")
    assert page.html.startswith(
        '<h1 id="blacklist" lang="en">Blacklist &amp; co'
        '<a class="headerlink" href="#blacklist" title="Permanent link">&para;</a></h1>'
    )
    assert "<h2>not a section</h2>" in page.html
    assert "data-ar-section" not in page.html
    assert page.title == "Blacklist & co"
    [top] = page.toc
    assert (top["id"], top["level"], top["name"]) == ("blacklist", 1, "Blacklist &amp; co")
    assert [(c["id"], [g["id"] for g in c["children"]]) for c in top["children"]] == [
        ("definition", ["in-2014"]),
        ("concordance", []),
    ]
    assert page.anchor_ids == {"blacklist", "intro", "definition", "in-2014", "concordance"}


def test_without_permalinks_headings_stay_plain_and_a_given_title_wins() -> None:
    page = finish(heading(1, "术语表", "glossary"), None, title="Glossary")
    assert page.html == '<h1 id="glossary">术语表</h1>\n'
    assert page.title == "Glossary"


def test_a_theme_template_without_the_page_content_fails_the_build(tmp_path: Path) -> None:
    """A generated page's HTML goes where the template writes the content: a template without it is an error."""
    project = copy_project(FIXTURES / "small", tmp_path / "project")
    (project / "overrides").mkdir()
    (project / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}\n{% block content %}{% endblock %}\n', encoding="utf-8"
    )
    for name in ("mkdocs.yml", "mkdocs.zh.yml"):
        config = project / name
        config.write_text(
            config.read_text(encoding="utf-8").replace("theme:\n", "theme:\n  custom_dir: overrides\n", 1),
            encoding="utf-8",
        )
    log = failed_build(project, tmp_path / "site")
    assert "the theme's template did not write the page's content" in log
    assert "keep {{ page.content }} in the template" in log and "Traceback" not in log
