"""The contributor guides stay true: their commands run, their walkthrough works, every field is explained.

CONTRIBUTING.md (what GitHub shows) and docs/contributing.md (the site's
page, with its Chinese twin) give the same commands. The first-annotation
walkthrough is run here exactly as written, on a copy of the repository.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from annotated_reader.cli import build_parser, main
from conftest import ROOT
from test_scaffold import finish_note

GUIDES = {name: (ROOT / name).read_text(encoding="utf-8") for name in ("CONTRIBUTING.md", "docs/contributing.md")}
ZH_GUIDE = (ROOT / "docs/zh/contributing.md").read_text(encoding="utf-8")
COMMAND = re.compile(r"^\s*\.venv/bin/python -m annotated_reader (.+)$", re.MULTILINE)


def commands(text: str) -> list[str]:
    """The `python -m annotated_reader ...` command lines of a guide, without the interpreter."""
    return [match.group(1).strip() for match in COMMAND.finditer(text)]


def test_the_guides_give_commands() -> None:
    for name, text in GUIDES.items():
        found = commands(text)
        assert any(c.startswith("new annotation ") for c in found), name
        assert any(c.startswith("check ") for c in found), name


@pytest.mark.parametrize("name", sorted(GUIDES))
def test_every_command_in_the_guides_is_one_the_tool_accepts(name: str) -> None:
    parser = build_parser()
    for command in commands(GUIDES[name]):
        try:
            parser.parse_args(shlex.split(command))
        except SystemExit:
            pytest.fail(f"{name}: the command line does not accept: {command}")


def test_the_site_guide_and_its_chinese_twin_give_the_same_commands() -> None:
    english = commands(GUIDES["docs/contributing.md"])
    assert english == commands(ZH_GUIDE)
    assert set(commands(GUIDES["CONTRIBUTING.md"])) <= set(english)


def test_the_first_annotation_walkthrough_works_as_written(
    corpus_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    steps = commands(GUIDES["CONTRIBUTING.md"])
    create = next(c for c in steps if c.startswith("new annotation "))
    check = next(c for c in steps if c.startswith("check "))
    assert main([*shlex.split(create), "--root", str(corpus_copy), "--author", "A Student"]) == 0
    written = capsys.readouterr().out.splitlines()[0].removeprefix("wrote ")
    # The guide names the file the command writes, and checks that file.
    assert f"`{written}`" in GUIDES["CONTRIBUTING.md"]
    assert shlex.split(check)[1:] == [written]
    path = corpus_copy / written
    text = path.read_text(encoding="utf-8")
    assert "WRITE-ME" in text
    # Step 4: the contributor writes the note.
    path.write_text(finish_note(text, '"Sense of acquisition" is a literal rendering of 获得感.'), encoding="utf-8")
    assert main(["check", str(path), "--root", str(corpus_copy), "--quiet"]) == 0
    assert capsys.readouterr().out == f"checked {written} and what depends on it: 0 error(s), 0 warning(s)\n"


def schema_fields(schema: dict, found: set[str] | None = None) -> set[str]:
    """Every property name a schema defines, at any depth."""
    found = set() if found is None else found
    if isinstance(schema, dict):
        found |= set(schema.get("properties", {}))
        for value in schema.values():
            schema_fields(value, found)
    elif isinstance(schema, list):
        for value in schema:
            schema_fields(value, found)
    return found


@pytest.mark.parametrize(
    "schema",
    [
        "annotations/annotation.schema.json",
        "annotations/glossary/term.schema.json",
        "annotations/timeline/event.schema.json",
    ],
)
def test_every_field_of_the_schemas_is_explained_in_the_guide(schema: str) -> None:
    fields = schema_fields(json.loads((ROOT / schema).read_text(encoding="utf-8")))
    guide = GUIDES["docs/contributing.md"]
    missing = sorted(f for f in fields if f"`{f}`" not in guide and f"{f}:" not in guide)
    assert missing == [], f"fields of {schema} the contributing guide does not mention"
