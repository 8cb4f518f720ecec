"""`python -m annotated_reader new ...`: valid skeletons that show the passage and cannot be published unfinished."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from annotated_reader.cli import main
from conftest import FIXTURES, build_site, copy_project, failed_build

DOCUMENT = "2022-high-quality-development-opinions"
TODAY = datetime.date.today().isoformat()


def new(project: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["new", *args, "--root", str(project), "--author", "A Student"])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def check(project: Path, capsys: pytest.CaptureFixture[str], *files: Path) -> tuple[int, list[str]]:
    status = main(["check", "--root", str(project), "--quiet", *map(str, files)])
    captured = capsys.readouterr()
    return status, (captured.err + captured.out).splitlines()


def test_a_new_note_on_a_quote_is_valid_and_shows_the_passage(
    corpus_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = new(
        corpus_copy, capsys, "annotation", "--doc", DOCUMENT, "--passage", "3.9", "--quote", "sense of acquisition"
    )
    assert (status, err) == (0, "")
    path = corpus_copy / f"annotations/{DOCUMENT}/high-quality-development-opinions-3-9.yaml"
    assert out.splitlines()[0] == f"wrote annotations/{DOCUMENT}/high-quality-development-opinions-3-9.yaml"
    assert f"http://127.0.0.1:8000/documents/{DOCUMENT}/#3.9" in out
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../annotation.schema.json\n")
    # The passage in both texts, as comments to copy from.
    comments = "".join(line[1:].strip() for line in text.splitlines() if line.startswith("#"))
    assert "(九)优化进出口信用管理。" in comments
    assert "高级认证企业“获得感”" in comments
    assert '"sense of acquisition" of advanced certification enterprises' in comments.replace("  ", " ")
    note = yaml.safe_load(text)["annotations"][0]
    assert note["target"] == {
        "document": DOCUMENT,
        "passage": "3.9",
        "witness": "en",
        "quote": "sense of acquisition",
        "prefix": 'and improvement of the "',
        "suffix": '" of advanced',
    }
    assert (note["type"], note["author"], note["date"]) == ("note", "A Student", TODAY)
    # Valid: the only finding is the placeholder still to write.
    status, lines = check(corpus_copy, capsys, path)
    assert status == 0
    assert lines == [
        f"annotations/{DOCUMENT}/{path.name}:{line}: warning: annotations.0.{field} still holds the placeholder "
        "WRITE-ME: replace it with your text (a strict build fails while it is there)"
        for line, field in ((41, "body"), (48, "sources.0.title"), (49, "sources.0.url"), (50, "sources.0.supports"))
    ] + [f"checked annotations/{DOCUMENT}/{path.name} and what depends on it: 0 error(s), 4 warning(s)"]


def finish_note(text: str, body: str) -> str:
    """The skeleton as a contributor completes it: the body written, the sources lines deleted (no outside facts)."""
    text = text.replace("WRITE-ME: the note, in Markdown.", body)
    return text[: text.index("    # A source for every fact")]


def test_a_quote_copied_with_other_punctuation_is_written_as_the_text_has_it(
    corpus_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = new(
        corpus_copy, capsys, "annotation", "--doc", DOCUMENT, "--passage", "3.9", "--quote", '"获得感"', "--id", "gain"
    )
    assert status == 0
    assert (
        "note: the quote differs from the text in punctuation only ('\"' (U+0022) where the text has '“' (U+201C), "
        "'\"' (U+0022) where the text has '”' (U+201D)); it is written as the text has it: '“获得感”'"
    ) in out
    note = yaml.safe_load((corpus_copy / f"annotations/{DOCUMENT}/gain.yaml").read_text(encoding="utf-8"))
    assert note["annotations"][0]["target"]["witness"] == "zh"
    assert note["annotations"][0]["target"]["quote"] == "“获得感”"
    assert note["annotations"][0]["target"]["prefix"] == "实,提升高级认证企业"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--doc", DOCUMENT, "--passage", "3.09"],
            f"new annotation: --passage: no passage '3.09' in {DOCUMENT}; did you mean '3.9' or '3.10'?",
        ),
        (
            ["--doc", "2022-high-quality-opinions", "--passage", "3.9"],
            "new annotation: --doc: unknown document '2022-high-quality-opinions'; did you mean "
            f"'{DOCUMENT}' or '2003-shanghai-opinions'?",
        ),
        (
            ["--doc", DOCUMENT, "--passage", "3.9", "--quote", "a phrase of no passage"],
            "new annotation: --quote: 'a phrase of no passage' is not in any text of this passage (zh, en); "
            "copy it from the page",
        ),
        (
            ["--doc", DOCUMENT, "--passage", "3.9", "--quote", "sense of aquisition"],
            "new annotation: --quote: 'sense of aquisition' is not in any text of this passage (zh, en); the "
            "closest is 'sense of acquisition' (in en); copy it from the page",
        ),
        (
            ["--doc", DOCUMENT, "--passage", "3.9", "--witness", "en", "--quote", "export"],
            "new annotation: --quote: 'export' occurs 5 times in text 'en' of this passage; quote a few more words "
            "so that it occurs once",
        ),
        (
            ["--doc", DOCUMENT, "--passage", "3.9", "--witness", "fr"],
            f"new annotation: --witness: no text 'fr' of {DOCUMENT} has this passage; the texts that do: zh, en",
        ),
        (
            ["--doc", DOCUMENT, "--passage", "3.9", "--id", "My_Note"],
            "new annotation: --id: 'My_Note' is not valid: lowercase words joined by '-', e.g. "
            "outline-blacklist-rendering; unique across all annotations, and never changed once published (it is "
            "the note's permalink)",
        ),
        (
            ["--doc", DOCUMENT, "--passage", "3.9", "--id", "opinions-2022-customs-credit"],
            "new annotation: --id: 'opinions-2022-customs-credit' is taken by another annotation; choose another id",
        ),
    ],
)
def test_a_wrong_argument_writes_nothing_and_says_why(
    corpus_copy: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    before = sorted(p for p in (corpus_copy / "annotations").rglob("*"))
    status, out, err = new(corpus_copy, capsys, "annotation", *args)
    assert (status, out, err.splitlines()) == (1, "", [message])
    assert sorted(p for p in (corpus_copy / "annotations").rglob("*")) == before


def test_an_existing_file_is_never_overwritten(corpus_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["annotation", "--doc", DOCUMENT, "--passage", "3.9", "--file", "notes.yaml"]
    original = (corpus_copy / f"annotations/{DOCUMENT}/notes.yaml").read_bytes()
    status, _, err = new(corpus_copy, capsys, *args)
    assert status == 1
    assert (
        err
        == f"new annotation: annotations/{DOCUMENT}/notes.yaml exists already; choose another name (--file or --id)\n"
    )
    assert (corpus_copy / f"annotations/{DOCUMENT}/notes.yaml").read_bytes() == original


def test_a_new_term_lists_where_the_texts_use_it_and_is_valid(
    corpus_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = new(corpus_copy, capsys, "term", "--zh", "获得感", "--en", "sense of acquisition")
    assert (status, err) == (0, "")
    path = corpus_copy / "annotations/glossary/sense-of-acquisition.yaml"
    text = path.read_text(encoding="utf-8")
    assert f"# 获得感 occurs in 1 passage: {DOCUMENT}/zh#3.9" in text
    term = yaml.safe_load(text)
    assert (term["id"], term["zh"], term["pinyin"], term["en"]) == (
        "sense-of-acquisition",
        "获得感",
        "huò dé gǎn",
        "sense of acquisition",
    )
    assert term["variants"] == [{"en": "sense of acquisition", "documents": [f"{DOCUMENT}/en"]}]
    assert term["date"] == TODAY
    status, lines = check(corpus_copy, capsys, path)
    assert status == 0
    assert all(": warning: " in line and "WRITE-ME" in line for line in lines[:-1]) and len(lines) == 5
    status, _, err = new(corpus_copy, capsys, "term", "--zh", "信用修复", "--en", "credit repair")
    assert (status, err) == (
        1,
        "new term: --zh: '信用修复' is already a form of term 'credit-restoration' "
        "(annotations/glossary/credit-restoration.yaml)\n",
    )


def test_a_new_event_is_valid_and_rejects_an_impossible_date(
    corpus_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = new(
        corpus_copy, capsys, "event", "--date", "2016-05", "--en", "A guiding opinion", "--kind", "document"
    )
    assert (status, err) == (0, "")
    path = corpus_copy / "annotations/timeline/a-guiding-opinion.yaml"
    event = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert (event["date"], event["kind"], event["title"]["en"]) == ("2016-05", "document", "A guiding opinion")
    status, lines = check(corpus_copy, capsys, path)
    assert status == 0
    assert lines[-1].endswith(": 0 error(s), 5 warning(s)")
    status, _, err = new(corpus_copy, capsys, "event", "--date", "2016-13", "--en", "Another")
    assert (status, err) == (1, "new event: --date: malformed date '2016-13': month must be in 1..12\n")


def test_a_skeleton_fails_a_strict_build_until_it_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(FIXTURES / "small", tmp_path / "project")
    status, _, _ = new(project, capsys, "annotation", "--doc", "2002-sample-notice", "--passage", "p2", "--id", "mine")
    assert status == 0
    path = project / "annotations/2002-sample-notice/mine.yaml"

    unfinished = failed_build(project, tmp_path / "site")
    assert "annotations/2002-sample-notice/mine.yaml:" in unfinished
    assert "still holds the placeholder WRITE-ME" in unfinished
    path.write_text(
        finish_note(path.read_text(encoding="utf-8"), "My first note."),
        encoding="utf-8",
    )
    build_site(project, tmp_path / "site")
    page = BeautifulSoup((tmp_path / "site/documents/2002-sample-notice/index.html").read_text("utf-8"), "html.parser")
    note = page.find(id="note-mine")
    assert note is not None and "My first note." in note.get_text()


@pytest.mark.parametrize("written", ["#3.9", "III (9)"])
def test_the_passage_may_be_given_as_the_page_shows_it(
    corpus_copy: Path, capsys: pytest.CaptureFixture[str], written: str
) -> None:
    status, out, _ = new(corpus_copy, capsys, "annotation", "--doc", DOCUMENT, "--passage", written, "--id", "mine")
    assert status == 0
    assert f"note: --passage '{written}' is passage 3.9" in out
    note = yaml.safe_load((corpus_copy / f"annotations/{DOCUMENT}/mine.yaml").read_text(encoding="utf-8"))
    assert note["annotations"][0]["target"]["passage"] == "3.9"


def test_a_quote_with_double_quote_marks_is_written_in_single_quotes(
    corpus_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--doc", DOCUMENT, "--passage", "4.12", "--quote", '"Xinyidai" model', "--id", "mine"]
    assert new(corpus_copy, capsys, "annotation", *args)[0] == 0
    text = (corpus_copy / f"annotations/{DOCUMENT}/mine.yaml").read_text(encoding="utf-8")
    assert "      quote: '\"Xinyidai\" model'\n" in text
    # No comment line of the passage's text begins with closing punctuation.
    assert not [line for line in text.splitlines() if line.startswith("#   ") and line[4] in "，。、；：,.;:"]
