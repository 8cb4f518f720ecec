"""Addresses kept: the check fails when a passage, document, term or event published on main no longer opens.

On a copy of the small fixture made a git repository, a change renames,
merges away or un-aliases a passage ID, removes a document, or renames a
term without its earlier id, and the check names the file to fix and how; an
alias or `formerly` mends it, and ids that main has never published may
change freely. Earlier ids are checked, and lead to the new page in a built
site, in both interfaces and in a browser.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from annotated_reader import check_scope
from annotated_reader.cli import main
from annotated_reader.pages import TITLE_ID
from benchmark.gzip_server import serve_gzip
from conftest import FIXTURES, build_site, copy_project
from test_check_scope import git
from test_first_contribution import EVENT

NOTICE = "sources/2002-sample-notice"
TIMELINE = "annotations/timeline"
BILINGUAL = "sources/2001-sample-bilingual"


def check(project: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    status = main(["check", "--root", str(project), *args])
    captured = capsys.readouterr()
    return status, (captured.err + captured.out).splitlines()


def rename(project: Path, witness: str, old: str, new: str) -> None:
    path = project / witness
    text = path.read_text(encoding="utf-8")
    assert f"@{old} " in text
    path.write_text(text.replace(f"@{old} ", f"@{new} "), encoding="utf-8")


def add_aliases(project: Path, document: str, aliases: str) -> None:
    with (project / document / "document.yaml").open("a", encoding="utf-8") as metadata:
        metadata.write(f"aliases:\n{aliases}")


@pytest.fixture
def published(tmp_path: Path) -> Path:
    """The small fixture as a repository whose main holds it, on a branch that left main."""
    project = copy_project(FIXTURES / "small", tmp_path / "project")
    # And an event, which the fixture lacks.
    (project / TIMELINE / "a-meeting.yaml").write_text(EVENT, encoding="utf-8")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "published")
    git(project, "checkout", "-q", "-b", "my-change")
    return project


def test_a_published_passage_renamed_without_an_alias_is_an_error_at_its_document(
    published: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rename(published, f"{NOTICE}/en.txt", "p1", "opening")
    status, lines = check(published, capsys, "--quiet")
    assert status == 1
    # The notes' references to the passage, as before; then the links from outside, which no file names.
    notes = ["annotations/2001-sample-bilingual/notes.yaml", "annotations/2002-sample-notice/notes.yaml"]
    assert [line.split(":")[0] for line in lines[:-2]] == notes
    assert lines[-2:] == [
        f"{NOTICE}/document.yaml:1: passage 'p1' is published on main (documents/2002-sample-notice/#p1) and is "
        "no longer a passage or an alias of 2002-sample-notice, so links to it would break: keep the old ID under "
        "aliases here, pointing to the passage that now holds its text ('p1: <new ID>'); renamed 'opening'?",
        "checked 2 documents and 4 annotations: 3 error(s), 0 warning(s)",
    ]
    # The alias keeps the old links working (the note's reference with them), and the check passes.
    add_aliases(published, NOTICE, "  p1: opening\n")
    status, lines = check(published, capsys, "--quiet")
    assert status == 0 and not [line for line in lines if "is published on main" in line], lines


def test_an_alias_published_on_main_may_not_be_removed(published: Path, capsys: pytest.CaptureFixture[str]) -> None:
    metadata = published / BILINGUAL / "document.yaml"
    text = metadata.read_text(encoding="utf-8")
    metadata.write_text(text.replace('aliases:\n  1.one: "1.1"\n', ""), encoding="utf-8")
    status, lines = check(published, capsys, "--quiet")
    assert status == 1
    assert lines[0].startswith(f"{BILINGUAL}/document.yaml:1: passage '1.one' is published on main ")


def test_the_error_points_at_the_aliases_to_add_to(published: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 2.3 leaves both witnesses (merged into a passage of another name); the document has aliases already.
    for witness in ("zh.txt", "en.txt"):
        rename(published, f"{BILINGUAL}/{witness}", "2.3", "2.three")
    status, lines = check(published, capsys, "--quiet")
    assert status == 1
    lost = [line for line in lines if "is published on main" in line]
    aliases_line = 1 + (published / BILINGUAL / "document.yaml").read_text("utf-8").splitlines().index("aliases:")
    assert lost == [
        f"{BILINGUAL}/document.yaml:{aliases_line}: passage '2.3' is published on main "
        "(documents/2001-sample-bilingual/#2.3) and is no longer a passage or an alias of 2001-sample-bilingual, "
        "so links to it would break: keep the old ID under aliases here, pointing to the passage that now holds "
        "its text ('2.3: <new ID>'); renamed '2.three'?"
    ]


def test_ids_main_has_not_published_may_change(published: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rename(published, f"{NOTICE}/en.txt", "p1", "intro")
    add_aliases(published, NOTICE, "  p1: intro\n")
    git(published, "commit", "-q", "-am", "p1 is intro")
    # Renamed again on the branch: "intro" was never on main, so only p1 needs to open.
    rename(published, f"{NOTICE}/en.txt", "intro", "opening")
    metadata = published / NOTICE / "document.yaml"
    metadata.write_text(metadata.read_text("utf-8").replace("p1: intro", "p1: opening"), encoding="utf-8")
    status, lines = check(published, capsys)
    assert status == 0, lines
    assert "addresses kept: 8 passage IDs, 2 term and 1 event ids published on main (" in "\n".join(lines)
    assert lines[-2].endswith("), 0 lost")


def test_a_published_document_may_not_go(published: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.rmtree(published / NOTICE)
    shutil.rmtree(published / "annotations/2002-sample-notice")
    status, lines = check(published, capsys, "--quiet")
    assert status == 1
    assert (
        f"{NOTICE}: document '2002-sample-notice' is published on main (documents/2002-sample-notice/) and its "
        "folder is gone, so links to it would break: a document's id never changes; restore the folder "
        f"(git checkout {_main(published)[:12]} -- {NOTICE})"
    ) in lines


def test_changed_compares_with_the_ref_it_is_given(published: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rename(published, f"{NOTICE}/en.txt", "p2", "closing")
    git(published, "commit", "-q", "-am", "p2 is closing")
    git(published, "branch", "-q", "released", "main")
    status, lines = check(published, capsys, "--quiet", "--changed", "released")
    assert status == 1
    assert any(line.startswith(f"{NOTICE}/document.yaml:1: passage 'p2' is published on released ") for line in lines)
    assert lines[-1] == "checked sources/2002-sample-notice/en.txt and what depends on it: 2 error(s), 0 warning(s)"
    # A change that leaves the texts alone does not compare them.
    git(published, "checkout", "-q", "main")
    assert check(published, capsys, "--quiet", "--changed", "released")[0] == 0


def test_published_compares_a_push_to_main_with_main_before_it(
    published: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git(published, "checkout", "-q", "main")
    before = _main(published)
    rename(published, f"{NOTICE}/en.txt", "p1", "opening")
    git(published, "commit", "-q", "-am", "pushed to main")
    # Main compared with itself (where a branch left it is the push itself): nothing to find.
    lost = [line for line in check(published, capsys, "--quiet")[1] if "is published on" in line]
    assert lost == []
    # Compared with main before the push, as CI does for a push to main: p1 is gone.
    status, lines = check(published, capsys, "--quiet", "--published", before)
    assert status == 1
    assert any(line.startswith(f"{NOTICE}/document.yaml:1: passage 'p1' is published on {before} ") for line in lines)


def test_a_main_without_documents_has_published_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = copy_project(FIXTURES / "small", tmp_path / "project")
    git(project, "init", "-q", "-b", "main")
    git(project, "commit", "-q", "--allow-empty", "-m", "the repository, before its first documents")
    git(project, "checkout", "-q", "-b", "first-documents")
    status, lines = check(project, capsys)
    assert status == 0
    assert any(line.startswith("addresses kept: 0 passage IDs, 0 term and 0 event ids published") for line in lines)


def test_outside_a_repository_the_check_says_it_compared_nothing(tmp_path: Path, capsys) -> None:
    project = copy_project(FIXTURES / "small", tmp_path / "project")
    status, lines = check(project, capsys)
    assert status == 0
    assert any(line.startswith("ids not compared with the published ones (") for line in lines), lines


def _main(project: Path) -> str:
    return check_scope.git(project, "rev-parse", "main")


GLOSSARY = "annotations/glossary"
# Each kind with an id on main, what it is renamed to, its pages' folder and its old page's titles.
RENAMED = [
    pytest.param(
        "term",
        GLOSSARY,
        "supplementary-provisions",
        "closing-provisions",
        "glossary/",
        ("supplementary provisions", "附则"),
        id="term",
    ),
    pytest.param(
        "event", TIMELINE, "a-meeting", "a-plenary-meeting", "timeline/events/", ("A meeting", "会议"), id="event"
    ),
]


def rename_entry(project: Path, folder: str, old: str, new: str, formerly: bool) -> None:
    """The entry's file and id renamed, the other entries' references to it too; its earlier id kept if `formerly`."""
    text = (project / folder / f"{old}.yaml").read_text(encoding="utf-8")
    (project / folder / f"{old}.yaml").unlink()
    for other in (project / folder).glob("*.yaml"):
        other.write_text(other.read_text(encoding="utf-8").replace(f"[{old}]", f"[{new}]"), encoding="utf-8")
    kept = f"\nformerly: [{old}]" if formerly else ""
    (project / folder / f"{new}.yaml").write_text(text.replace(f"id: {old}\n", f"id: {new}{kept}\n"), "utf-8")


@pytest.mark.parametrize(("kind", "folder", "old", "new", "pages", "titles"), RENAMED)
def test_a_published_entry_renamed_without_its_earlier_id_is_an_error(
    published: Path, capsys: pytest.CaptureFixture[str], kind, folder, old, new, pages, titles
) -> None:
    rename_entry(published, folder, old, new, formerly=False)
    status, lines = check(published, capsys, "--quiet")
    assert status == 1
    article = "an" if kind == "event" else "a"
    assert lines == [
        f"{folder}/{old}.yaml: {kind} '{old}' is published on main ({pages}{old}/) and is no longer the id or an "
        f"earlier id of {article} {kind}, so links to it would break: if it was renamed, list the old id under "
        f"formerly in the {kind} it became (formerly: [{old}]); if it was removed, keep its file; renamed '{new}'?",
        "checked 2 documents and 4 annotations: 1 error(s), 0 warning(s)",
    ]


@pytest.mark.parametrize(("kind", "folder", "old", "new", "pages", "titles"), RENAMED)
def test_an_entry_renamed_with_its_earlier_id_passes_and_its_old_page_leads_to_the_new(
    published: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, browser, kind, folder, old, new, pages, titles
) -> None:
    rename_entry(published, folder, old, new, formerly=True)
    assert check(published, capsys, "--quiet") == (
        0,
        ["checked 2 documents and 4 annotations: 0 error(s), 0 warning(s)"],
    )
    site = tmp_path / "site"
    build_site(published, site)
    for interface, title in (("", f"Moved: {titles[0]}"), ("zh/", f"已移至：{titles[1]}")):
        moved = (site / interface / pages / old / "index.html").read_text(encoding="utf-8")
        assert f"<title>{title}</title>" in moved
        assert f'<meta http-equiv="refresh" content="0; url=../{new}/">' in moved
        assert (site / interface / pages / new / "index.html").is_file()
    assert f"{pages}{old}/" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    # In a browser, the old address opens the new page, keeping its fragment.
    with serve_gzip(site) as url:
        page = browser.new_page()
        page.goto(f"{url}{pages}{old}/#{TITLE_ID}")
        page.wait_for_url(f"{url}{pages}{new}/#{TITLE_ID}")
        assert page.inner_text("h1").strip()
        page.close()


@pytest.mark.parametrize(
    ("formerly", "message"),
    [
        ("sample", "formerly: 'sample' is the id of a term now; an earlier id must be one no term has"),
        (
            "old-name",
            "formerly: 'old-name' is also an earlier id of term 'sample': its old page can lead to one of them only",
        ),
    ],
)
def test_an_earlier_id_must_name_no_other_term(
    published: Path, capsys: pytest.CaptureFixture[str], formerly: str, message: str
) -> None:
    sample = published / GLOSSARY / "sample.yaml"
    sample.write_text(sample.read_text("utf-8").replace("id: sample\n", "id: sample\nformerly: [old-name]\n"), "utf-8")
    path = published / GLOSSARY / "supplementary-provisions.yaml"
    path.write_text(
        path.read_text("utf-8").replace(
            "id: supplementary-provisions\n", f"id: supplementary-provisions\nformerly: [{formerly}]\n"
        ),
        "utf-8",
    )
    status, lines = check(published, capsys, "--quiet")
    assert status == 1
    assert lines[0] == f"{GLOSSARY}/supplementary-provisions.yaml:3: {message}"
