"""The deliberately broken fixture: its exact list of problems is the contract.

Error text is part of the interface contributors see, so a change to any
message must show up here as a failing test and be made on purpose.
"""

from __future__ import annotations

from pathlib import Path

from annotated_reader.pipeline import check_sources
from conftest import FIXTURES, copy_project, run_check

# 'titel' (line 6) is reported once, as an unknown field naming 'title', not also as a missing 'title'.
EXPECTED = [
    (
        "sources/2001-bad-metadata/document.yaml",
        2,
        "kind: 'opinion' is not one of: opinions, planning-outline, notice, law, draft-law, regulation, plan, "
        "commentary, other; did you mean 'opinions'?",
    ),
    ("sources/2001-bad-metadata/document.yaml", 6, "unknown field 'titel' in the file; did you mean 'title'?"),
    (
        "sources/2001-bad-metadata/document.yaml",
        16,
        "witnesses.en.quality: 'offical' is not one of: official, authored, human-translation, "
        "machine-translation; did you mean 'official'?",
    ),
    (
        "sources/2002-bad-witnesses/document.yaml",
        12,
        "document number 'No. 7' does not occur in any witness; give it exactly as a text writes it",
    ),
    ("sources/2002-bad-witnesses/document.yaml", 13, "malformed date '2002-13-01': month must be in 1..12"),
    (
        "sources/2002-bad-witnesses/document.yaml",
        16,
        "alias 'old-1' points to '9', which is not a passage of 2002-bad-witnesses",
    ),
    (
        "sources/2002-bad-witnesses/document.yaml",
        33,
        "witness 'en' lists '2.9' as missing, but no witness of 2002-bad-witnesses has that passage",
    ),
    (
        "sources/2002-bad-witnesses/document.yaml",
        36,
        "witness 'en-x' is declared but en-x.txt does not exist beside document.yaml",
    ),
    (
        "sources/2002-bad-witnesses/en.txt",
        1,
        "text outside a passage: start the block with a header line such as '@1.2 paragraph'",
    ),
    (
        "sources/2002-bad-witnesses/en.txt",
        3,
        "passage '1' is a paragraph here but a heading in witness 'zh'; aligned passages must have the same kind",
    ),
    (
        "sources/2002-bad-witnesses/en.txt",
        9,
        "duplicate passage ID '1.1' (first used on line 6); each passage needs its own ID",
    ),
    (
        "sources/2002-bad-witnesses/en.txt",
        12,
        "passage '1.2' has no counterpart in witness 'zh' (zh.txt): add the passage there, correct the ID, or list "
        "it under witnesses.zh.missing in document.yaml with the reason; did you mean '1.3' or '1.1'?",
    ),
    (
        "sources/2002-bad-witnesses/en.txt",
        15,
        "unknown passage kind 'itme'; did you mean 'item' or 'title'? (kinds: title, number, address, heading, "
        "item, paragraph, closing)",
    ),
    ("sources/2002-bad-witnesses/en.txt", 18, "passage '1.5' is empty: put its text on the lines below the header"),
    (
        "sources/2002-bad-witnesses/en.txt",
        20,
        "'Part_6' is not a valid passage ID: use lowercase letters, digits and '-', with '.' between levels, "
        "e.g. 'preamble', '2.3', '2.2.p5'",
    ),
    (
        "sources/2002-bad-witnesses/fr.txt",
        1,
        "witness file 'fr.txt' is not declared in document.yaml: add 'fr:' under witnesses there, or rename the "
        "file to one of: en, en-x, zh",
    ),
    (
        "sources/2002-bad-witnesses/zh.txt",
        7,
        "passage '1.3' has no counterpart in witness 'en' (en.txt): add the passage there, correct the ID, or list "
        "it under witnesses.en.missing in document.yaml with the reason; did you mean '1.2' or '1.1'?",
    ),
    (
        "sources/2003-bad-yaml/document.yaml",
        4,
        "YAML syntax error: mapping values are not allowed here (a value that contains ': ' must be quoted, "
        "e.g. title: \"Article 2: principles\", or written as a block with '|')",
    ),
    (
        "sources/2004-unfaithful/en.txt",
        1,
        "passage 'p1' differs from the seed (100_sample.txt line 3): the seed has 't paragraph of the text.' where "
        "the passage has 't paragraph of the txt.'; witness text must be the seed's text (put corrections in an "
        "annotation)",
    ),
    (
        "sources/2004-unfaithful/en.txt",
        4,
        "passage 'p2' spaces its text differently from the seed (100_sample.txt line 6), which separates the "
        "words at 'cond paragraph,with a line bre'; keep the seed's spacing",
    ),
    (
        "sources/notes",
        0,
        "folder has no document.yaml: every folder in sources/ is a document and needs one (copy one from "
        "another document and edit it; see sources/README.md)",
    ),
    (
        "sources/seeds/100_sample.removed.yaml",
        2,
        "sha256 of 100_sample.txt is db92a7a09eb017818c45726166d7106ef5b7d450d7922f37cd302f9397a8ed20, not the "
        "recorded abababababababababababababababababababababababababababababababab: seeds are kept byte for byte, "
        "so restore the original file",
    ),
    (
        "sources/seeds/100_sample.removed.yaml",
        8,
        "removed text 'Leave a coment' is not on line 8 of 100_sample.txt (that line reads 'Leave a comment'); "
        "copy the text exactly",
    ),
    (
        "sources/seeds/100_sample.txt",
        8,
        "text in no witness and not in the removal list: 'Leave a comment'; add the line to a witness's "
        "provenance.lines or list it in 100_sample.removed.yaml with a reason",
    ),
    (
        "sources/seeds/100_sample.txt",
        9,
        "text in no witness and not in the removal list: 'Share this'; add the line to a witness's "
        "provenance.lines or list it in 100_sample.removed.yaml with a reason",
    ),
    (
        "sources/stray.txt",
        1,
        "unexpected file at the top of sources/: each document goes in its own folder (sources/<document-id>/), "
        "raw seeds in sources/seeds/",
    ),
]


def test_every_problem_of_the_broken_fixture_is_reported_exactly(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "broken", tmp_path)
    found = [(p.path, p.line, p.message) for p in check_sources(project).problems]
    assert found == EXPECTED


def test_check_command_prints_path_line_message_and_fails(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "broken", tmp_path)
    result = run_check(project)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    expected_lines = [f"{path}:{line}: {message}" if line else f"{path}: {message}" for path, line, message in EXPECTED]
    summary = f"checked 2 documents and 0 annotations: {len(EXPECTED)} error(s), 0 warning(s)"
    assert lines == [*expected_lines, summary]
    assert result.stdout == ""
