"""The deliberately broken annotations: their exact list of problems is the contract.

tests/fixtures/broken-annotations/annotations/ holds one mistake of each kind a
contributor can make, on the small fixture corpus. Every problem is reported
in one run, as `path:line: message`, with the fix where it can be guessed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from annotated_reader.pipeline import check_project
from conftest import FIXTURES, ROOT, copy_project, failed_build, run_check

EXPECTED = [
    (
        "annotations/1999-no-such-document",
        0,
        "error",
        "no document '1999-no-such-document' in sources/: each folder of annotations/ is named after the document its notes are on; the documents are 2001-sample-bilingual, 2002-sample-notice",
    ),
    (
        "annotations/2001-sample-bilingual/mistakes.yaml",
        8,
        "error",
        "unknown field 'tagz' in annotations.0; did you mean 'tags' or 'target'?",
    ),
    (
        "annotations/2001-sample-bilingual/mistakes.yaml",
        15,
        "error",
        "no passage '1.4' in 2001-sample-bilingual; did you mean '1.2' or '1.1'?",
    ),
    (
        "annotations/2001-sample-bilingual/mistakes.yaml",
        16,
        "error",
        "annotations.1.type: 'tranlsation' is not one of: note, translation, context, cross-reference, question; did you mean 'translation'?",
    ),
    (
        "annotations/2001-sample-bilingual/mistakes.yaml",
        25,
        "error",
        "no witness 'fr' in 2001-sample-bilingual; its witnesses are zh, en",
    ),
    (
        "annotations/2001-sample-bilingual/mistakes.yaml",
        32,
        "error",
        "duplicate annotation id 'quote-not-found', also used at annotations/2001-sample-bilingual/mistakes.yaml:43: give each note its own id (a published id never changes, so rename the new note)",
    ),
    (
        "annotations/2001-sample-bilingual/mistakes.yaml",
        37,
        "error",
        "annotation 'quote-not-found': quote not found in passage 1.1 of en: 'a completely different sentence' (the closest text, 'sample is for tests', is only 32% similar); copy the quote again from the passage",
    ),
    (
        "annotations/2001-sample-bilingual/mistakes.yaml",
        41,
        "error",
        "date '2026-02-30' is not a real date (day is out of range for month)",
    ),
    (
        "annotations/2001-sample-bilingual/mistakes.yaml",
        43,
        "error",
        "duplicate annotation id 'quote-not-found', also used at annotations/2001-sample-bilingual/mistakes.yaml:32: give each note its own id (a published id never changes, so rename the new note)",
    ),
    (
        "annotations/2001-sample-bilingual/mistakes.yaml",
        59,
        "warning",
        "annotation 'drifted-quote': quote drifted: update it to 'This sample is for tests only' (passage 1.1, 97% similar: a typo in the quote, or the text was edited since)",
    ),
    (
        "annotations/2001-sample-bilingual/mistakes.yaml",
        70,
        "error",
        "annotation 'ambiguous-quote': quote 'is' occurs 3 times in the target; add a prefix or suffix (the words just before or after it) to say which",
    ),
    (
        "annotations/2001-sample-bilingual/mistakes.yaml",
        81,
        "error",
        "body has unsafe HTML: attribute 'onclick' on <a> not allowed; 'javascript:' links not allowed; <script> not allowed; write Markdown instead (links as [text](https://...), emphasis as *text*)",
    ),
    (
        "annotations/2001-sample-bilingual/mistakes.yaml",
        90,
        "error",
        "range '2.3~1.1' runs backwards: write the earlier passage first (first~last)",
    ),
    (
        "annotations/2001-sample-bilingual/mistakes.yaml",
        94,
        "error",
        "refs: unknown document '2003-sample-notice'; did you mean '2002-sample-notice' or '2001-sample-bilingual'?",
    ),
    (
        "annotations/2001-sample-bilingual/mistakes.yaml",
        95,
        "error",
        "refs: no passage 'p3' in 2002-sample-notice; its passages are p1, p2 (each page shows them beside the passages)",
    ),
    (
        "annotations/2001-sample-bilingual/mistakes.yaml",
        103,
        "error",
        "a quote needs target.witness, the text it is quoted from: one of zh, en",
    ),
    (
        "annotations/2001-sample-bilingual/mistakes.yaml",
        104,
        "error",
        "a cross-reference needs refs: list the passages it connects, as <document-id>#<passage>",
    ),
    (
        "annotations/2001-sample-bilingual/mistakes.yaml",
        107,
        "error",
        "annotations.9.date: '2026-1-2' is not valid: a date as YYYY-MM-DD, e.g. 2026-11-21",
    ),
    (
        "annotations/2001-sample-bilingual/mistakes.yaml",
        113,
        "error",
        "witness 'en' has no passage '1.2' (The fixture's English text leaves this item out.); choose another witness: zh",
    ),
    (
        "annotations/2001-sample-bilingual/mistakes.yaml",
        119,
        "error",
        "missing field 'body' in annotations.11 (expected: The note in Markdown (paragraphs, emphasis, lists, links, `code`). No raw HTML beyond simple inline tags; scripts, styles and event handlers are refused.)",
    ),
    (
        "annotations/2001-sample-bilingual/mistakes.yaml",
        119,
        "error",
        "annotations.11.id: 'Bad_Id' is not valid: lowercase words joined by '-', e.g. outline-blacklist-rendering; unique across all annotations, and never changed once published (it is the note's permalink)",
    ),
    (
        "annotations/2001-sample-bilingual/stray.txt",
        0,
        "error",
        "only .yaml files of annotations belong here (and a README.md)",
    ),
    (
        "annotations/2001-sample-bilingual/syntax.yaml",
        6,
        "error",
        "YAML syntax error: a quoted value that starts on this line is never closed (YAML: found unexpected end of stream); end it with the same quote mark, or write the text as a block with '|'",
    ),
    (
        "annotations/2002-sample-notice/wrong-folder.yaml",
        4,
        "error",
        "a note on '2001-sample-bilingual' is in the folder of '2002-sample-notice': move it to annotations/2001-sample-bilingual/, or correct target.document",
    ),
]


@pytest.fixture
def broken_annotations(tmp_path: Path) -> Path:
    project = copy_project(FIXTURES / "small", tmp_path / "project")
    shutil.rmtree(project / "annotations")
    shutil.copytree(FIXTURES / "broken-annotations" / "annotations", project / "annotations")
    shutil.copy(ROOT / "annotations" / "annotation.schema.json", project / "annotations")
    return project


def test_every_problem_of_the_broken_annotations_is_reported_exactly(broken_annotations: Path) -> None:
    found = [(p.path, p.line, p.severity, p.message) for p in check_project(broken_annotations).problems]
    assert found == EXPECTED


def test_check_prints_them_all_and_fails(broken_annotations: Path) -> None:
    result = run_check(broken_annotations)
    assert result.returncode == 1
    errors = sum(1 for *_, severity, _ in EXPECTED if severity == "error")
    assert result.stderr.splitlines()[-1] == f"checked 2 documents and 7 annotations: {errors} error(s), 1 warning(s)"
    assert len(result.stderr.splitlines()) == len(EXPECTED) + 1


def test_a_note_file_in_the_wrong_place_is_not_ignored(small_project: Path, tmp_path: Path) -> None:
    project = copy_project(small_project, tmp_path / "project")
    shutil.copy(project / "annotations/2002-sample-notice/notes.yaml", project / "annotations/notes.yaml")
    assert [str(p) for p in check_project(project).problems] == [
        "annotations/notes.yaml: unexpected file at the top of annotations/: notes go in annotations/<document-id>/, "
        "glossary terms in annotations/glossary/, timeline events in annotations/timeline/"
    ]


def test_the_build_gives_the_same_messages_as_the_check(broken_annotations: Path, tmp_path: Path) -> None:
    checked = run_check(broken_annotations)
    messages = [line for line in checked.stderr.splitlines() if not line.startswith("checked ")]
    assert len(messages) == len(EXPECTED)
    log = failed_build(broken_annotations, tmp_path / "site")
    # MkDocs prefixes each line with its level ("ERROR    -  "); the message after it is the check's, word for word.
    logged = [line.split("-  ", 1)[1] for line in log.splitlines() if "-  " in line]
    assert [m for m in messages if m not in logged] == []
