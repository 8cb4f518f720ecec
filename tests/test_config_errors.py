"""A mistake in the site's configuration is reported as `file:line: setting: message` with the fix.

Each case breaks the repository's mkdocs.yml or mkdocs.zh.yml as a
maintainer might, builds, and expects the line where the setting is written
(or, for one left at its default, the line of the plugin's entry where it
would go), found here by reading the broken file's text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotated_reader.config_lines import setting_at, writes, written_at
from conftest import ROOT, copy_project, failed_build


def _line_of(text: str, written: str) -> int:
    """The line (1-based) of the only line of `text` that is `written` once stripped."""
    lines = [number for number, line in enumerate(text.splitlines(), start=1) if line.strip() == written]
    assert len(lines) == 1, (written, lines)
    return lines[0]


# (file, text replaced, its replacement, the line then holding the setting, expected message after `file:line: `)
CASES = {
    "directory URLs off": (
        "mkdocs.yml",
        "docs_dir: docs\n",
        "docs_dir: docs\nuse_directory_urls: false\n",
        "use_directory_urls: false",
        "use_directory_urls: annotated-reader needs it true (passage links are directory URLs): "
        "remove the setting or set it to true",
    ),
    "material's search": (
        "mkdocs.yml",
        "plugins:\n  - annotated-reader:\n",
        "plugins:\n  - search\n  - annotated-reader:\n",
        "- search",
        "plugins: search: remove this plugin: annotated-reader builds the site's search index itself (Pagefind)",
    ),
    "an interface language that does not exist": (
        "mkdocs.yml",
        "  language: en\n",
        "  language: fr\n",
        "language: fr",
        "theme: language: 'fr' is not a language of the interface (en, zh): set one of them",
    ),
    "another interface in no language": (
        "mkdocs.yml",
        "        zh: mkdocs.zh.yml\n",
        "        zh: mkdocs.zh.yml\n        fr: mkdocs.fr.yml\n",
        "fr: mkdocs.fr.yml",
        "plugins: annotated-reader: interfaces: fr: not another interface language (en, zh)",
    ),
    "another interface's file missing": (
        "mkdocs.yml",
        "        zh: mkdocs.zh.yml\n",
        "        zh: mkdocs.chinese.yml\n",
        "zh: mkdocs.chinese.yml",
        "plugins: annotated-reader: interfaces: zh: no configuration file 'mkdocs.chinese.yml' beside it",
    ),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_a_configuration_mistake_names_the_file_and_line_of_the_setting(
    case: tuple[str, str, str, str, str], tmp_path: Path
) -> None:
    file, old, new, written, message = case
    project = copy_project(ROOT, tmp_path / "project")
    config = project / file
    text = config.read_text(encoding="utf-8")
    assert old in text, old
    config.write_text(text.replace(old, new, 1), encoding="utf-8")
    log = failed_build(project, tmp_path / "site")
    line = _line_of(config.read_text(encoding="utf-8"), written)
    assert f"{file}:{line}: {message}" in log, log
    assert "Traceback" not in log


def test_a_setting_left_at_its_default_is_placed_where_it_would_be_written(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.zh.yml"
    config.write_text(
        "INHERIT: mkdocs.yml\ntheme:\n  language: zh\nplugins:\n  - annotated-reader\n"
        "markdown_extensions:\n  - toc:\n      permalink: !!python/name:builtins.str\n",
        encoding="utf-8",
    )
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: !ENV [NAME, x]\nvalidation:\n  nav:\n    omitted_files: ignore\n"
        "plugins:\n  - annotated-reader:\n      concordance_lines: 1\ntheme:\n  font: false\n",
        encoding="utf-8",
    )
    # Written in the file: its own line; tags are no obstacle.
    assert setting_at(config, "theme", "language") == f"{config}:3: theme: language"
    assert written_at(config, "markdown_extensions", "toc", "permalink") == f"{config}:8"
    # Left at its default: the plugin's entry, where it would go. The inherited file's is not
    # inherited, since a list (plugins) replaces the inherited one whole.
    assert written_at(config, "plugins", "annotated-reader", "concordance_lines") == f"{config}:5"
    assert writes(config, "plugins", "annotated-reader") and not writes(config, "plugins", "search")
    # Written only in the file it inherits, into mappings that MkDocs merges: that file's line.
    assert written_at(config, "validation", "nav", "omitted_files") == f"{tmp_path / 'mkdocs.yml'}:4"
    assert written_at(config, "theme", "font") == f"{tmp_path / 'mkdocs.yml'}:9"
    # Nowhere, or no file to read: no line.
    assert setting_at(config, "use_directory_urls") == f"{config}: use_directory_urls"
    assert written_at(tmp_path / "absent.yml", "theme") == f"{tmp_path / 'absent.yml'}"
    # Lines counted as editors count them: a U+2028 in a name, a line break to YAML, is not one.
    (tmp_path / "separator.yml").write_text('site_name: "a\u2028b"\ntheme:\n  language: zh\n', encoding="utf-8")
    assert written_at(tmp_path / "separator.yml", "theme", "language") == f"{tmp_path / 'separator.yml'}:3"
    (tmp_path / "broken.yml").write_text("theme: [\n", encoding="utf-8")
    assert written_at(tmp_path / "broken.yml", "theme") == f"{tmp_path / 'broken.yml'}"
