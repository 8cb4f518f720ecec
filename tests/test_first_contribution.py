"""The mistakes of a first contribution, each with the one message that says how to fix it.

Each test makes one typical mistake in a copy of the repository, the way a
student adding a first note would, and asserts the exact lines the check
prints: the message text is the contract. The check is run on the changed
file, as the pre-commit hook and `check --changed` run it; the last test
makes every mistake at once and requires every message in one run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotated_reader.anchoring import anchor_annotation
from annotated_reader.cli import main
from annotated_reader.pipeline import check_project

DOCUMENT = "2022-high-quality-development-opinions"
NOTES = f"annotations/{DOCUMENT}"


def note(
    note_id: str = "my-first-note",
    passage: str = "3.9",
    witness: str = "en",
    quote: str = "sense of acquisition",
    body: str = "A first note.",
    field: str = "quote",
) -> str:
    """A notes file as a contributor writes it; the quote goes in single quotes, as YAML allows."""
    return (
        "annotations:\n"
        f"  - id: {note_id}\n"
        "    target:\n"
        f"      document: {DOCUMENT}\n"
        f'      passage: "{passage}"\n'
        f"      witness: {witness}\n"
        f"      {field}: '{quote}'\n"
        "    type: note\n"
        f"    body: {body}\n"
        "    author: A Student\n"
        '    date: "2026-11-21"\n'
    )


def check(project: Path, capsys: pytest.CaptureFixture[str], *files: str) -> tuple[int, list[str]]:
    """Run `python -m annotated_reader check --quiet [files]`; its status and the lines it printed."""
    status = main(["check", "--root", str(project), "--quiet", *(str(project / f) for f in files)])
    captured = capsys.readouterr()
    return status, (captured.err + captured.out).splitlines()


def write(project: Path, name: str, text: str) -> str:
    path = project / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return name


def test_a_correct_first_note_passes(corpus_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = write(corpus_copy, f"{NOTES}/first.yaml", note())
    assert check(corpus_copy, capsys, name) == (0, [f"checked {name} and what depends on it: 0 error(s), 0 warning(s)"])


def test_a_wrong_passage_id_names_the_nearest_ids(corpus_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = write(corpus_copy, f"{NOTES}/first.yaml", note(passage="3.09"))
    status, lines = check(corpus_copy, capsys, name)
    assert status == 1
    assert lines[0] == f"{name}:5: no passage '3.09' in {DOCUMENT}; did you mean '3.9' or '3.10'?"


def test_a_misspelled_field_names_the_field_meant(corpus_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = write(corpus_copy, f"{NOTES}/first.yaml", note(field="qoute"))
    status, lines = check(corpus_copy, capsys, name)
    assert status == 1
    assert lines[0] == f"{name}:7: unknown field 'qoute' in annotations.0.target; did you mean 'quote'?"


def test_tab_indentation_says_to_indent_with_spaces(corpus_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = write(corpus_copy, f"{NOTES}/first.yaml", note().replace("    type: note", "\ttype: note"))
    status, lines = check(corpus_copy, capsys, name)
    assert status == 1
    assert lines[0] == f"{name}:8: tab used for indentation; YAML allows only spaces, so indent with spaces"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(
            note(body="Note: the translation drops a word."),
            "9: YAML syntax error: mapping values are not allowed here (a value that contains ': ' must be quoted, "
            "e.g. title: \"Article 2: principles\", or written as a block with '|')",
            id="an unquoted colon in a body",
        ),
        pytest.param(
            note(body="| The translation drops a word."),
            "9: YAML syntax error: expected a comment or a line break, but found 'T' (after '|' or '>' the text "
            "starts on the next line, indented; a comment needs a space before '#')",
            id="a body begun on the line of its bar",
        ),
        pytest.param(
            note().replace("'sense of acquisition'", '""sense" of"'),
            "7: YAML syntax error: expected <block end>, but found '<scalar>' (there is text after a closing quote "
            "mark: a value containing \" marks goes in single quotes, 'like \"this\"', and one containing ' marks in "
            "double quotes)",
            id="quote marks inside a double-quoted value",
        ),
    ],
)
def test_a_yaml_mistake_in_a_note_says_how_to_write_it(
    corpus_copy: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    name = write(corpus_copy, f"{NOTES}/first.yaml", text)
    status, lines = check(corpus_copy, capsys, name)
    assert status == 1
    assert lines[0] == f"{name}:{message}"


@pytest.mark.parametrize(
    ("witness", "quote", "explained", "text"),
    [
        # The English text has straight quotes; the quote was copied from a copy with curly ones.
        (
            "en",
            "“sense of acquisition”",
            "'“' (U+201C) where the text has '\"' (U+0022), '”' (U+201D) where the text has '\"' (U+0022)",
            '"sense of acquisition"',
        ),
        # The Chinese text has a half-width comma here; the quote a full-width one.
        ("zh", "深耕国际市场，加强品牌", "'，' (U+FF0C) where the text has ',' (U+002C)", "深耕国际市场,加强品牌"),
    ],
)
def test_a_quote_with_other_punctuation_is_found_and_explained(
    corpus_copy: Path, capsys: pytest.CaptureFixture[str], witness: str, quote: str, explained: str, text: str
) -> None:
    name = write(corpus_copy, f"{NOTES}/first.yaml", note(witness=witness, quote=quote))
    status, lines = check(corpus_copy, capsys, name)
    assert status == 0
    assert lines[0] == (
        f"{name}:7: warning: annotation 'my-first-note': quote differs from the text in punctuation only: the quote "
        f"has {explained}; copy it as '{text}' (found in passage 3.9)"
    )
    # The note is placed on the text's own characters, so it is highlighted on the page.
    checked = check_project(corpus_copy)
    annotation = next(a for a in checked.annotations if a.id == "my-first-note")
    document = checked.corpus.document(DOCUMENT)
    assert document is not None
    assert anchor_annotation(annotation, document).found == text


def test_a_duplicate_id_names_both_places(corpus_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # An id taken from the note used as the guide's example.
    name = write(corpus_copy, f"{NOTES}/a-first.yaml", note(note_id="opinions-2022-customs-credit"))
    status, lines = check(corpus_copy, capsys, name)
    assert status == 1
    existing = (corpus_copy / NOTES / "notes.yaml").read_text(encoding="utf-8").splitlines()
    line = existing.index("  - id: opinions-2022-customs-credit") + 1
    # Reported in the new file too, whichever comes first in reading order.
    assert lines[:2] == [
        f"{name}:2: duplicate annotation id 'opinions-2022-customs-credit', also used at {NOTES}/notes.yaml:{line}: "
        "give each note its own id (a published id never changes, so rename the new note)",
        f"{NOTES}/notes.yaml:{line}: duplicate annotation id 'opinions-2022-customs-credit', also used at {name}:2: "
        "give each note its own id (a published id never changes, so rename the new note)",
    ]


TERM = (
    "id: sense-of-gain\nzh: 获得感\nen: sense of gain\ndefinition: A catchword.\n"
    'author: A Student\ndate: "2026-11-21"\n'
)
EVENT = (
    'id: a-meeting\ndate: "2021"\ntitle:\n  en: A meeting\n  zh: 会议\nkind: other\nsummary: It met.\n'
    "sources:\n  - title: A report\n    supports: the year\nauthor: A Student\n"
)


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            f"{NOTES}/sense-of-gain.yaml",
            TERM,
            f"{NOTES}/sense-of-gain.yaml:1: this is a glossary term (it has zh, definition), but {NOTES}/ holds notes "
            "on one document: move it to annotations/glossary/sense-of-gain.yaml",
        ),
        (
            "annotations/glossary/first.yaml",
            note(),
            "annotations/glossary/first.yaml:1: this is a file of notes (it begins with 'annotations:'), but "
            f"annotations/glossary/ holds glossary terms: move it to {NOTES}/first.yaml",
        ),
        (
            "annotations/glossary/a-meeting.yaml",
            EVENT,
            "annotations/glossary/a-meeting.yaml:1: this is a timeline event (it has date, title, kind, summary), "
            "but annotations/glossary/ holds glossary terms: move it to annotations/timeline/a-meeting.yaml",
        ),
        (
            "annotations/timeline/first.yaml",
            note(),
            "annotations/timeline/first.yaml:1: this is a file of notes (it begins with 'annotations:'), but "
            f"annotations/timeline/ holds timeline events: move it to {NOTES}/first.yaml",
        ),
        (
            "annotations/first.yaml",
            note(),
            "annotations/first.yaml: unexpected file at the top of annotations/: notes go in "
            "annotations/<document-id>/, glossary terms in annotations/glossary/, timeline events in "
            "annotations/timeline/",
        ),
        (
            f"sources/{DOCUMENT}/first.yaml",
            note(),
            f"sources/{DOCUMENT}/first.yaml:1: unexpected file in a document folder: only document.yaml and "
            f"<witness>.txt files belong here (notes on this document go in {NOTES}/, terms in "
            "annotations/glossary/, events in annotations/timeline/)",
        ),
        (
            f"{NOTES}/mine/first.yaml",
            note(),
            f"{NOTES}/mine: folders inside {NOTES}/ are not read: move its files up into {NOTES}/",
        ),
        (
            f"{NOTES}/first.txt",
            note(),
            f"{NOTES}/first.txt: only .yaml files of annotations belong here (and a README.md)",
        ),
        (
            "annotations/glossary/sense-of-gain.yml",
            TERM,
            "annotations/glossary/sense-of-gain.yml: only <term-id>.yaml files belong in annotations/glossary/: "
            "rename it sense-of-gain.yaml",
        ),
        (
            "annotations/2022-high-quality-opinions/first.yaml",
            note(),
            "annotations/2022-high-quality-opinions: no document '2022-high-quality-opinions' in sources/: each "
            "folder of annotations/ is named after the document its notes are on; did you mean "
            f"'{DOCUMENT}' or '2003-shanghai-opinions'?",
        ),
    ],
    ids=[
        "term-among-notes",
        "notes-among-terms",
        "event-among-terms",
        "notes-among-events",
        "notes-at-the-top",
        "notes-among-sources",
        "a-subfolder",
        "not-yaml",
        "yml-term",
        "misspelled-document-folder",
    ],
)
def test_a_file_in_the_wrong_place_is_never_ignored(
    corpus_copy: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, message: str
) -> None:
    write(corpus_copy, name, text)
    status, lines = check(corpus_copy, capsys, name)
    assert status == 1
    assert lines[0] == message
    # The same message in the full check, and only that one.
    status, lines = check(corpus_copy, capsys)
    assert status == 1
    assert [line for line in lines if not line.startswith("checked ")] == [message]


def test_every_mistake_at_once_gets_every_message(corpus_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = [
        write(corpus_copy, f"{NOTES}/a.yaml", note(note_id="a-note", passage="3.09")),
        write(corpus_copy, f"{NOTES}/b.yaml", note(note_id="b-note", field="qoute")),
        write(corpus_copy, f"{NOTES}/c.yaml", note(note_id="c-note").replace("    type", "\ttype")),
        write(corpus_copy, f"{NOTES}/d.yaml", note(note_id="d-note", body="Note: this.")),
        write(corpus_copy, "annotations/glossary/first.yaml", note(note_id="e-note")),
    ]
    status, lines = check(corpus_copy, capsys, *files)
    assert status == 1
    assert [line.split(": ", 1)[0] for line in lines[:-1]] == [
        f"{NOTES}/a.yaml:5",
        f"{NOTES}/b.yaml:7",
        f"{NOTES}/c.yaml:8",
        f"{NOTES}/d.yaml:9",
        "annotations/glossary/first.yaml:1",
    ]
    assert lines[-1] == "checked 5 changed files and what depends on them: 5 error(s), 0 warning(s)"


def test_the_hash_or_the_label_copied_with_the_passage_id_is_explained(
    corpus_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for passage in ("#3.9", "III (9)"):
        name = write(corpus_copy, f"{NOTES}/first.yaml", note(passage=passage))
        status, lines = check(corpus_copy, capsys, name)
        assert status == 1
        assert lines[0] == (
            f"{name}:5: annotations.0.target.passage: '{passage}' is not valid: a passage ID as shown beside the "
            "passage after '#', without the '#' (e.g. \"3.9\", in quotes), or a range \"3.9~3.11\"; a label such as "
            "IV (12) is not the ID"
        )


def test_a_line_indented_one_space_off_says_to_line_it_up(
    corpus_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = write(corpus_copy, f"{NOTES}/first.yaml", note().replace("    type: note", "     type: note"))
    status, lines = check(corpus_copy, capsys, name)
    assert status == 1
    assert lines[0].startswith(f"{name}:8: YAML syntax error: ")
    assert lines[0].endswith(
        "(this line is indented differently from the lines before it at its level: line it up with them, two "
        "spaces per level)"
    )


def test_a_quote_from_the_other_text_names_the_text_it_is_in(
    corpus_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = write(corpus_copy, f"{NOTES}/first.yaml", note(quote="获得感"))
    status, lines = check(corpus_copy, capsys, name)
    assert status == 1
    assert lines[0] == (
        f"{name}:7: annotation 'my-first-note': quote not found in passage 3.9 of en: '获得感'; it is in text 'zh': "
        "set target.witness: zh"
    )


def test_a_typo_in_a_quote_suggests_whole_words(corpus_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The text has "Xinyidai"; a suggestion cut at the typo ("Xinyida") would pass the check and be wrong.
    name = write(corpus_copy, f"{NOTES}/first.yaml", note(passage="4.12", quote="Xinyidia"))
    status, lines = check(corpus_copy, capsys, name)
    assert status == 0
    assert lines[0].startswith(
        f"{name}:7: warning: annotation 'my-first-note': quote drifted: update it to 'Xinyidai' "
    )
    assert lines[0].endswith("similar: a typo in the quote, or the text was edited since)")


def test_an_unquoted_id_with_its_hash_is_explained(corpus_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = write(corpus_copy, f"{NOTES}/first.yaml", note().replace('passage: "3.9"', "passage: #3.9"))
    status, lines = check(corpus_copy, capsys, name)
    assert status == 1
    assert lines[0].startswith(f"{name}:5: annotations.0.target.passage: expected text, got nothing")
    assert lines[0].endswith(
        "; YAML reads '#' and what follows as a comment: leave out the '#' and write the value in quotes"
    )


def test_a_mistyped_file_name_is_not_checked_as_if_it_passed(
    corpus_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(corpus_copy, f"{NOTES}/first.yaml", note())
    status, lines = check(corpus_copy, capsys, f"{NOTES}/frist.yaml")
    assert status == 1
    assert lines == [
        f"{corpus_copy / NOTES}/frist.yaml: no such file; check the name (the `new` command printed the one it wrote)"
    ]
