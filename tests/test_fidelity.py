"""Fidelity: each raw seed is rebuilt from the witnesses plus the removal list.

The reconstruction is made of witness passages and removed pieces only; the
raw seed is used just to order and compare them. No character of content may
be lost, added or changed (whitespace normalised), and every removal carries
its reason.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from annotated_reader.fidelity import reconstruct, without_whitespace
from annotated_reader.pipeline import CheckedCorpus, check_sources
from conftest import ROOT, copy_project

SEEDS = sorted(p.name for p in (ROOT / "sources" / "seeds").glob("*.txt"))


def test_the_five_seeds_are_committed_unchanged() -> None:
    assert SEEDS == [
        "000_062bb007e769b59c.txt",
        "001_5ea73460c7cac09b.txt",
        "002_22e25ca054616b2d.txt",
        "003_171266e7105addb6.txt",
        "004_4aef6ada345e7f3c.txt",
    ]
    recorded = {
        w.provenance.seed: w.provenance.sha256
        for d in check_sources(ROOT).corpus.documents
        for w in d.witnesses
        if w.provenance.seed
    }
    for seed in SEEDS:
        data = (ROOT / "sources" / "seeds" / seed).read_bytes()
        assert hashlib.sha256(data).hexdigest() == recorded[seed]


def test_the_real_corpus_has_no_problems(checked: CheckedCorpus) -> None:
    assert [str(p) for p in checked.problems] == []


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_is_rebuilt_from_witnesses_and_removals(checked: CheckedCorpus, seed: str) -> None:
    raw = (ROOT / "sources" / "seeds" / seed).read_text(encoding="utf-8")
    pieces = checked.reconstructions[seed]
    assert without_whitespace(reconstruct(pieces)) == without_whitespace(raw)
    witness_text = "".join(p.text for p in pieces if p.origin.startswith("witness:"))
    removed_text = "".join(p.text for p in pieces if p.origin.startswith("removed:"))
    # Every non-space character of the seed comes from exactly one of the two.
    assert len(without_whitespace(witness_text)) + len(without_whitespace(removed_text)) == len(without_whitespace(raw))


def test_only_site_chrome_is_removed(checked: CheckedCorpus) -> None:
    removed = [p for pieces in checked.reconstructions.values() for p in pieces if p.origin.startswith("removed:")]
    kinds = {p.origin.removeprefix("removed:") for p in removed}
    assert kinds <= {
        "page-heading",
        "page-commentary",
        "byline",
        "caption",
        "post-date",
        "comment-form",
        "view-counter",
        "navigation",
        "social-links",
        "copyright",
        "residue",
    }
    # 3 + 3 + 10 + 9 + 1 pieces across the five seeds.
    assert len(removed) == 26


def _break(project: Path, relative: str, old: str, new: str) -> None:
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


MUTATIONS = [
    # (file, old, new, start of the expected message)
    (
        "sources/2014-planning-outline/en.txt",
        "Credit construction in the tax field.",
        "Credit construction in the taxation field.",
        "passage '2.2.p5' differs from the seed (003_171266e7105addb6.txt line 23)",
    ),
    (
        "sources/2022-high-quality-development-opinions/zh.txt",
        "(十三)加强资本市场诚信建设。",
        "(十三)加强资本市场诚信建设",
        "passage '4.13' differs from the seed (001_5ea73460c7cac09b.txt line 30)",
    ),
    (
        "sources/2007-state-council-opinions/en-qa.txt",
        "have been repeatedly banned",
        "have been repeatedly banned and more",
        "passage '1.p2' differs from the seed (004_4aef6ada345e7f3c.txt line 7)",
    ),
    (
        "sources/2014-planning-outline/en.txt",
        "Distributing theOutline",
        "Distributing the Outline",
        "passage 'notice.title' spaces its text differently from the seed (003_171266e7105addb6.txt line 7)",
    ),
    (
        "sources/2003-shanghai-opinions/en.txt",
        "(two) long-term planning",
        "(2) long-term planning",
        "passage '2.2' differs from the seed (000_062bb007e769b59c.txt line 9)",
    ),
]


@pytest.mark.parametrize(("relative", "old", "new", "message"), MUTATIONS)
def test_any_change_to_witness_text_is_caught(tmp_path: Path, relative: str, old: str, new: str, message: str) -> None:
    project = copy_project(ROOT, tmp_path)
    _break(project, relative, old, new)
    problems = [p for p in check_sources(project).problems]
    assert len(problems) == 1, [str(p) for p in problems]
    assert problems[0].path == relative
    assert problems[0].message.startswith(message)


def test_a_dropped_passage_is_caught(tmp_path: Path) -> None:
    project = copy_project(ROOT, tmp_path)
    _break(project, "sources/2003-shanghai-opinions/en.txt", "@2.p1 paragraph\n", "")
    problems = [str(p) for p in check_sources(project).problems]
    assert any("passage '2' differs from the seed" in p or "text outside a passage" in p for p in problems)


def test_an_unlisted_removal_is_caught(tmp_path: Path) -> None:
    project = copy_project(ROOT, tmp_path)
    removed = "sources/seeds/004_4aef6ada345e7f3c.removed.yaml"
    text = (project / removed).read_text(encoding="utf-8")
    (project / removed).write_text(text.split("removed:")[0] + "removed: []\n", encoding="utf-8")
    problems = [str(p) for p in check_sources(project).problems]
    assert problems == [
        "sources/seeds/004_4aef6ada345e7f3c.txt:1: text in no witness and not in the removal list: 'What is the "
        "content of the document on the construction of …'; add the line to a witness's provenance.lines or "
        "list it in 004_4aef6ada345e7f3c.removed.yaml with a reason"
    ]


def test_a_changed_seed_is_caught(tmp_path: Path) -> None:
    project = copy_project(ROOT, tmp_path)
    seed = project / "sources/seeds/000_062bb007e769b59c.txt"
    seed.chmod(0o644)
    seed.write_bytes(seed.read_bytes() + b"\n")
    problems = [p.message for p in check_sources(project).problems]
    assert any(m.startswith("sha256 of 000_062bb007e769b59c.txt is") for m in problems)
    assert any(m.startswith("provenance.sha256 of witness 'en' does not match") for m in problems)


@pytest.mark.parametrize(
    ("relative", "appended"),
    [
        ("sources/2003-shanghai-opinions/document.yaml", "badfield: 1\n"),
        # Seed 001 is shared with the draft-law commentary, which still loads.
        ("sources/2022-high-quality-development-opinions/document.yaml", "title: [unclosed\n"),
    ],
)
def test_an_unreadable_document_does_not_cascade_into_seed_errors(tmp_path: Path, relative: str, appended: str) -> None:
    project = copy_project(ROOT, tmp_path)
    with (project / relative).open("a", encoding="utf-8") as metadata:
        metadata.write(appended)
    problems = check_sources(project).problems
    assert [p.path for p in problems] == [relative], [str(p) for p in problems]
