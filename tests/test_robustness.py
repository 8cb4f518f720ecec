"""Random and mutated contributor files: the check never fails with a traceback, and never loses an entry.

Each test breaks one kind of file (document metadata, a witness text, a file
of notes, a glossary term, a timeline event) in a copy of a project, runs the
whole check on it, and puts the file back. Whatever the file holds, the check
must either report errors, each printed as `path:line: message` with a path
that exists and a line inside that file, or load it: and when it reports no
error, every document, passage, note, term and event the files contain is in
the result (nothing skipped in silence).

Two projects are broken: the repository's own (its real files, a few
examples per kind, since a check of the whole corpus takes about half a
second) and the small fixture corpus with a timeline event added (many
examples, a check takes milliseconds). With CI=true the examples are
derandomized, so a CI run is reproducible; locally each run draws new ones.
The inputs that once made the check raise or hang are kept at the end as
ordinary examples, each with the one problem it must get.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from annotated_reader.pipeline import CheckedCorpus, check_project
from annotated_reader.problems import Problems
from annotated_reader.yamlsource import load_yaml
from conftest import FIXTURES, PROPERTIES, ROOT, SCHEMAS, copy_project
from mutations import mutated, random_yaml, schema_keys

# Bounded so that the module runs in well under a minute.
REAL_EXAMPLES = 5
SMALL_EXAMPLES = 60

KEYS = schema_keys(ROOT / schema for schema in SCHEMAS)
# `path:line: message`, the line from 1 (line 0, a whole file or folder, prints no line).
PRINTED = re.compile(r"(?P<path>[^\n:]+):(?P<line>[1-9][0-9]*): (?:warning: )?[^\n]+")

REAL_FILES = {
    "document metadata": "sources/2003-shanghai-opinions/document.yaml",
    "witness text": "sources/2003-shanghai-opinions/en.txt",
    "annotation file": "annotations/2003-shanghai-opinions/notes.yaml",
    "glossary term": "annotations/glossary/blacklist.yaml",
    "timeline event": "annotations/timeline/2003-shanghai-opinions.yaml",
}
SMALL_FILES = {
    "document metadata": "sources/2001-sample-bilingual/document.yaml",
    "witness text": "sources/2001-sample-bilingual/en.txt",
    "annotation file": "annotations/2001-sample-bilingual/notes.yaml",
    "glossary term": "annotations/glossary/sample.yaml",
    "timeline event": "annotations/timeline/sample-notice.yaml",
}
# The small fixture has no timeline: one event, checked clean against it.
SAMPLE_EVENT = """\
id: sample-notice
date: "2002"
title:
  en: The sample notice is issued
  zh: 样例通知印发
kind: document
summary: |
  A made-up event of the test fixture: the issue of the sample notice.
document: 2002-sample-notice
mentions:
  en: [fixture notice]
passages: [2001-sample-bilingual#2.3]
sources:
  - passage: 2002-sample-notice#p1
    supports: the notice itself
author: Fixture Author
"""


@pytest.fixture(scope="module")
def real_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of the repository's project per module; each example breaks one file and restores it."""
    project = copy_project(ROOT, tmp_path_factory.mktemp("robust-real") / "project")
    assert not check_project(project).problems.errors
    return project


@pytest.fixture(scope="module")
def small_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of the small fixture corpus, with a timeline event, per module."""
    project = copy_project(FIXTURES / "small", tmp_path_factory.mktemp("robust-small") / "project")
    (project / SMALL_FILES["timeline event"]).write_text(SAMPLE_EVENT, encoding="utf-8")
    checked = check_project(project)
    assert not checked.problems and len(checked.events) == 1, [str(p) for p in checked.problems]
    return project


def check_with(project: Path, relative: str, content: bytes) -> None:
    """Write `content` into the project's file `relative`, check the project, and put the file back."""
    path = project / relative
    original = path.read_bytes()
    path.write_bytes(content)
    try:
        checked = check_project(project)
        assert_reported_in_place(project, checked, path)
        assert_nothing_vanished(project, checked)
    finally:
        path.write_bytes(original)


def line_count(path: Path) -> int:
    """Lines as an editor counts them (an empty file has one)."""
    return max(1, len(path.read_bytes().splitlines()))


def assert_reported_in_place(project: Path, checked: CheckedCorpus, broken: Path) -> None:
    for problem in checked.problems:
        printed = str(problem)
        where = project / problem.path
        assert where.exists(), f"the problem names no file of the project: {printed}"
        if problem.line == 0:
            # A whole folder, or another file as a whole (a seed no witness uses any more): never the broken content.
            assert where.is_dir() or where != broken, f"a problem in the broken file without its line: {printed}"
            continue
        assert PRINTED.fullmatch(printed), f"not one line of `path:line: message`: {printed!r}"
        assert problem.line <= line_count(where), f"line {problem.line} is past the end of {problem.path}: {printed}"


def _yaml_files(folder: Path) -> Iterator[Path]:
    return (path for path in sorted(folder.glob("*.yaml")))


def notes_in(path: Path) -> int:
    """How many notes a file's `annotations:` list holds, counted in YAML's own reading of the file."""
    # Composed, not constructed: counting must not depend on how values are read.
    node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    return next(len(value.value) for key, value in node.value if key.value == "annotations")


def assert_nothing_vanished(project: Path, checked: CheckedCorpus) -> None:
    """With no errors, the result holds every document, passage, note, term and event the files contain."""
    if checked.problems.errors:
        return
    folders = [p for p in sorted((project / "sources").iterdir()) if p.is_dir() and p.name != "seeds"]
    assert len(checked.corpus.documents) == len(folders)
    headers = sum(
        line.startswith("@")
        for folder in folders
        for witness in folder.glob("*.txt")
        for line in witness.read_text(encoding="utf-8-sig").splitlines()
    )
    assert sum(len(w.segments) for d in checked.corpus.documents for w in d.witnesses) == headers
    notes = sum(
        notes_in(path)
        for folder in sorted((project / "annotations").iterdir())
        if folder.is_dir() and folder.name not in {"glossary", "timeline"}
        for path in _yaml_files(folder)
    )
    assert len(checked.annotations) == len(checked.anchors) == notes
    assert len(checked.terms) == len(list(_yaml_files(project / "annotations/glossary")))
    assert len(checked.events) == len(list(_yaml_files(project / "annotations/timeline")))


YAML_FILES = {kind: path for kind, path in REAL_FILES.items() if path.endswith(".yaml")}
# More examples than the whole-project tests: one file is read twice, no project is checked.
READER_EXAMPLES = 150


def _read_both_ways(path: Path) -> tuple[tuple[object, ...], tuple[object, ...]]:
    """The file as load_yaml reads it with libyaml where it may, and with PyYAML alone."""
    readings = []
    for libyaml in (yaml.__with_libyaml__, False):
        problems = Problems(path.parent)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(yaml, "__with_libyaml__", libyaml)
            source = load_yaml(path, problems)
        read = None if source is None else (repr(source.data), sorted(source.lines.items(), key=repr))
        readings.append((read, [str(p) for p in problems]))
    return readings[0], readings[1]


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML was built without libyaml: only one way to read")
@pytest.mark.parametrize("kind", YAML_FILES)
@settings(PROPERTIES, max_examples=READER_EXAMPLES)
@given(data=st.data())
def test_libyaml_reads_a_file_as_pyyaml_does(tmp_path_factory: pytest.TempPathFactory, kind: str, data) -> None:
    """The faster reader gives the same values, lines and messages as PyYAML's own, or is not used."""
    content = data.draw(st.one_of(mutated(_original(ROOT, YAML_FILES[kind]), KEYS), random_yaml(KEYS)))
    path = tmp_path_factory.mktemp("reader") / Path(YAML_FILES[kind]).name
    path.write_bytes(content)
    fast, slow = _read_both_ways(path)
    assert fast == slow


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML was built without libyaml: only one way to read")
@pytest.mark.parametrize("header", ["|#", ">-#", "|2#", "|+#"])
def test_a_comment_glued_to_a_block_scalar_header_is_refused_as_pyyaml_does(tmp_path: Path, header: str) -> None:
    # libyaml takes "#" right after the header as a comment; PyYAML wants a space before it.
    path = tmp_path / "notes.yaml"
    path.write_text(f"annotations:\n  - body: {header} a note\n      of two lines\n", encoding="utf-8")
    fast, slow = _read_both_ways(path)
    assert fast == slow
    assert fast[0] is None and fast[1] == [
        "notes.yaml:2: YAML syntax error: expected chomping or indentation indicators, but found '#' (after '|' or "
        "'>' the text starts on the next line, indented; a comment needs a space before '#')"
    ]


def test_deep_nesting_is_read_by_pyyaml_not_libyaml(tmp_path: Path) -> None:
    """libyaml's composer recurses without Python's depth check: a deep file would crash the process."""
    path = tmp_path / "notes.yaml"
    path.write_text("annotations: " + "[" * 100_000, encoding="utf-8")
    problems = Problems(tmp_path)
    assert load_yaml(path, problems) is None
    assert [p.line for p in problems] == [1]


def _original(project: Path, relative: str) -> str:
    return (project / relative).read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", REAL_FILES)
@settings(PROPERTIES, max_examples=REAL_EXAMPLES)
@given(data=st.data())
def test_a_mutated_real_file_is_reported_or_loaded(real_project: Path, kind: str, data: st.DataObject) -> None:
    relative = REAL_FILES[kind]
    content = data.draw(mutated(_original(real_project, relative), KEYS), label=relative)
    check_with(real_project, relative, content)


@pytest.mark.parametrize("kind", SMALL_FILES)
@settings(PROPERTIES, max_examples=SMALL_EXAMPLES)
@given(data=st.data())
def test_a_mutated_fixture_file_is_reported_or_loaded(small_copy: Path, kind: str, data: st.DataObject) -> None:
    relative = SMALL_FILES[kind]
    content = data.draw(mutated(_original(small_copy, relative), KEYS), label=relative)
    check_with(small_copy, relative, content)


@pytest.mark.parametrize("kind", SMALL_FILES)
@settings(PROPERTIES, max_examples=SMALL_EXAMPLES)
@given(data=st.data())
def test_random_yaml_in_any_file_is_reported_or_loaded(small_copy: Path, kind: str, data: st.DataObject) -> None:
    relative = SMALL_FILES[kind]
    check_with(small_copy, relative, data.draw(random_yaml(KEYS), label=relative))


# Inputs that once ended the check with a traceback, a hang or a message that
# was not `path:line: message`; each now gets the one problem that says what to do.
NOTES = SMALL_FILES["annotation file"]
TERM = SMALL_FILES["glossary term"]
METADATA = SMALL_FILES["document metadata"]
WITNESS = SMALL_FILES["witness text"]
# Aliases of aliases: 10 values, then 100, 1,000, 10,000 and 100,000 (a "billion laughs").
LAUGHS = (
    "related: &a [x, x, x, x, x, x, x, x, x, x]\n"
    + "".join(
        f"{key}: &{name} [{', '.join(['*' + inner] * 10)}]\n"
        for key, name, inner in (("successors", "b", "a"), ("predecessors", "c", "b"), ("match_zh", "d", "c"))
    )
    + f"sources: [{', '.join(['*d'] * 10)}]\n"
)
REGRESSIONS = [
    pytest.param(
        NOTES,
        "author: Fixture Author",
        "author: Fixture \x07Author",
        f"{NOTES}:15: the invisible character U+0007 is not allowed in YAML: delete it (it may have come in with "
        "pasted text)",
        id="control character",
    ),
    pytest.param(
        NOTES,
        "author: Fixture Author",
        "author: !!binary xyz",
        f"{NOTES}:15: annotations.0.author: the YAML tag '!!binary' is not used in these files: remove it (and put "
        "the value in quotes if it is text)",
        id="tag that fails",
    ),
    pytest.param(
        NOTES,
        "author: Fixture Author",
        "author: !!python/object:os.system x",
        f"{NOTES}:15: annotations.0.author: the YAML tag '!!python/object:os.system' is not used in these files: "
        "remove it (and put the value in quotes if it is text)",
        id="unknown tag",
    ),
    pytest.param(
        NOTES,
        "author: Fixture Author",
        "author: !!int x",
        f"{NOTES}:15: annotations.0.author: YAML cannot read 'x' as a whole number: write it in quotes, as text (and "
        "without a '!!' tag)",
        id="number tag on text",
    ),
    pytest.param(
        NOTES,
        "author: Fixture Author",
        "author: 0x_",
        f"{NOTES}:15: annotations.0.author: YAML cannot read '0x_' as a whole number: write it in quotes, as text (and "
        "without a '!!' tag)",
        id="number that is none",
    ),
    pytest.param(NOTES, "author: Fixture Author", "author: <<", None, id="merge key as a value"),
    pytest.param(NOTES, "author: Fixture Author", "author: =", None, id="default key as a value"),
    pytest.param(
        NOTES,
        "tags: [sample, translation-check]",
        "tags: &tags [sample, *tags]",
        f"{NOTES}:14: annotations.0.tags.1 is an alias (*name) of the list or mapping named on this line (&name), "
        "which contains it and so would repeat without end: write the value out",
        id="alias inside itself",
    ),
    pytest.param(
        TERM,
        "related: [supplementary-provisions]",
        "related: " + "[" * 2000 + "]" * 2000,
        f"{TERM}:1: lists or mappings are nested hundreds of levels deep, more than YAML can read: check the brackets "
        "[ ] and { } (each one opened must be closed)",
        id="nested too deep",
    ),
    pytest.param(
        TERM,
        "related: [supplementary-provisions]\n",
        LAUGHS,
        f"{TERM}:10: aliases (*name) repeat values until the file holds more than 100,000 of them (the last one "
        "repeated is named on this line): write the values out instead",
        id="aliases without bound",
    ),
    pytest.param(
        METADATA,
        "      lines: 7-10\n",
        "",
        f"{METADATA}:40: a witness cleaned from a seed needs provenance.sha256 and provenance.lines as well",
        id="seed without lines",
    ),
    pytest.param(
        "sources/2002-sample-notice/document.yaml",
        "lines: 11-13",
        "lines: 11-1000000000",
        "sources/2002-sample-notice/document.yaml:25: provenance.lines 11-1000000000 runs past the end of "
        "900_fixture.txt (15 lines)",
        id="seed lines without end",
    ),
    pytest.param(
        NOTES,
        'passage: "1.1"',
        "passage: |\n        1.1",
        f"{NOTES}:7: annotations.0.target.passage: '1.1\\n' is not valid: a passage ID as shown beside the passage "
        "after '#', without the '#' (e.g. \"3.9\", in quotes), or a range \"3.9~3.11\"; a label such as IV (12) is "
        "not the ID",
        id="passage ending in a line break",
    ),
    pytest.param(
        TERM,
        'date: "2026-01-02"\n',
        'date: "2026-01-02"\nnotes\n',
        f"{TERM}:13: YAML syntax error: could not find expected ':' (each line of a mapping needs 'key: value'; "
        "check the indentation of the lines above)",
        id="mistake at the end of the file",
    ),
    pytest.param(
        NOTES,
        "author: Fixture Author\n",
        "author: Fixture\u2028Author\n    tagz: []\n",
        f"{NOTES}:16: YAML syntax error: could not find expected ':' (each line of a mapping needs 'key: value'; "
        "check the indentation of the lines above)",
        id="line separator in a value",
    ),
    pytest.param(
        WITNESS,
        "@1 heading",
        "\ufeff@1 heading",
        f"{WITNESS}:1: the file begins with an invisible byte-order mark (U+FEFF), which some editors add: save it "
        "as UTF-8 without one",
        id="byte-order mark",
    ),
]


@pytest.mark.parametrize(("relative", "old", "new", "expected"), REGRESSIONS)
def test_inputs_that_once_raised(small_copy: Path, relative: str, old: str, new: str, expected: str | None) -> None:
    path = small_copy / relative
    original = path.read_text(encoding="utf-8")
    assert old in original
    path.write_text(original.replace(old, new, 1), encoding="utf-8")
    try:
        checked = check_project(small_copy)
    finally:
        path.write_text(original, encoding="utf-8")
    assert [str(problem) for problem in checked.problems] == ([expected] if expected else [])


def test_a_note_on_a_renamed_passage_whose_alias_leads_nowhere(small_copy: Path) -> None:
    metadata, notes = small_copy / METADATA, small_copy / NOTES
    originals = {path: path.read_text(encoding="utf-8") for path in (metadata, notes)}
    metadata.write_text(originals[metadata].replace('1.one: "1.1"', '1.one: "1.9"'), encoding="utf-8")
    notes.write_text(originals[notes].replace('passage: "1.1"', 'passage: "1.one"', 1), encoding="utf-8")
    try:
        checked = check_project(small_copy)
    finally:
        for path, text in originals.items():
            path.write_text(text, encoding="utf-8")
    assert [str(problem) for problem in checked.problems] == [
        f"{NOTES}:7: no passage '1.one' in 2001-sample-bilingual; its passages are 1, 1.1, 1.2, 2, 2.3 (each page "
        "shows them beside the passages)",
        f"{METADATA}:18: alias '1.one' points to '1.9', which is not a passage of 2001-sample-bilingual; did you mean "
        "'1.2' or '1.1'?",
    ]
