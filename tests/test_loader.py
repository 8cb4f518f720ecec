"""The loader: witness-file format, metadata, dates, and the typed corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotated_reader.labels import STYLES
from annotated_reader.model import PartialDate
from annotated_reader.pipeline import CheckedCorpus
from annotated_reader.problems import Problems
from annotated_reader.witness_format import format_witness, parse_witness_text
from conftest import ROOT


def test_corpus_documents_in_time_order(checked: CheckedCorpus) -> None:
    assert [d.id for d in checked.corpus.documents] == [
        "2003-shanghai-opinions",
        "2007-state-council-opinions",
        "2014-planning-outline",
        "2022-high-quality-development-opinions",
        "2022-draft-law-commentary",
    ]


def test_document_metadata(checked: CheckedCorpus) -> None:
    outline = checked.corpus.document("2014-planning-outline")
    assert outline is not None
    assert outline.number == "Guofa [2014] No. 21"
    assert outline.date == PartialDate(2014, 6, 14)
    assert outline.issuer == {"en": "State Council", "zh": "国务院"}
    assert [w.id for w in outline.witnesses] == ["zh", "en"]
    zh, en = outline.witnesses
    assert (zh.language, zh.role, zh.quality, zh.extent) == ("zh-Hans", "original", "official", "excerpt")
    assert (en.language, en.role, en.quality) == ("en", "translation", "machine-translation")
    assert en.provenance.seed == "003_171266e7105addb6.txt"
    assert en.provenance.seed_lines == (7, 43)
    shanghai = checked.corpus.document("2003-shanghai-opinions")
    assert shanghai is not None and shanghai.date == PartialDate(2003) and shanghai.date.precision == "year"
    commentary = checked.corpus.document("2022-draft-law-commentary")
    assert commentary is not None and commentary.date is None and commentary.kind == "commentary"


def test_every_witness_states_quality_evidence_provenance_and_attribution(checked: CheckedCorpus) -> None:
    for document in checked.corpus.documents:
        for witness in document.witnesses:
            assert witness.quality_evidence.strip()
            assert witness.attribution.strip()
            assert witness.provenance.site.strip()
            assert witness.provenance.seed and len(witness.provenance.sha256 or "") == 64


def test_segments_carry_file_and_line(checked: CheckedCorpus) -> None:
    opinions = checked.corpus.document("2022-high-quality-development-opinions")
    assert opinions is not None
    zh = opinions.witness("zh")
    assert zh is not None
    headline = zh.segments[0]
    assert headline.id == "headline" and headline.kind == "title" and headline.line == 1
    assert headline.lines == [
        "中共中央办公厅 国务院办公厅印发",
        "《关于推进社会信用体系建设高质量发展",
        "促进形成新发展格局的意见》",
    ]
    assert headline.path.name == "zh.txt"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2003", PartialDate(2003)), ("2007-03", PartialDate(2007, 3)), ("2014-06-14", PartialDate(2014, 6, 14))],
)
def test_partial_dates(text: str, expected: PartialDate) -> None:
    date = PartialDate.parse(text)
    assert date == expected and str(date) == text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("14 June 2014", "malformed date '14 June 2014': write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2007-03-23"),
        ("2014-02-30", "malformed date '2014-02-30': day is out of range for month"),
    ],
)
def test_malformed_dates(text: str, message: str) -> None:
    with pytest.raises(ValueError, match="malformed date") as error:
        PartialDate.parse(text)
    assert str(error.value) == message


def test_witness_format_round_trips_and_escapes_header_lines(tmp_path: Path) -> None:
    passages = [("title", "title", "Line one\nline two"), ("1.p1", "paragraph", "@home is a word here")]
    text = format_witness(passages)
    assert "\\@home" in text
    problems = Problems()
    segments = parse_witness_text(tmp_path / "en.txt", text, problems)
    assert not problems
    assert [(s.id, s.kind, s.text) for s in segments] == passages
    assert [s.line for s in segments] == [1, 5]


def test_numbering_styles_in_the_schema_are_the_ones_labels_know() -> None:
    schema = json.loads((ROOT / "sources" / "document.schema.json").read_text(encoding="utf-8"))
    assert tuple(schema["properties"]["numbering"]["items"]["enum"]) == STYLES
