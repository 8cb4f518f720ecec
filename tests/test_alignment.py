"""Alignment: the passages that share an ID really are the same passage.

Beyond "the ID exists in both witnesses", these tests check that each aligned
pair carries the same number in each language, which a shifted or mistyped
ID would break.
"""

from __future__ import annotations

from annotated_reader.alignment import align_corpus, align_document, format_report
from annotated_reader.model import Document
from annotated_reader.pipeline import CheckedCorpus

CHINESE_NUMERALS = [
    "一",
    "二",
    "三",
    "四",
    "五",
    "六",
    "七",
    "八",
    "九",
    "十",
    "十一",
    "十二",
    "十三",
    "十四",
    "十五",
    "十六",
    "十七",
    "十八",
    "十九",
    "二十",
    "二十一",
    "二十二",
    "二十三",
]


def _document(checked: CheckedCorpus, document_id: str) -> Document:
    document = checked.corpus.document(document_id)
    assert document is not None
    return document


def test_2022_every_item_one_to_twenty_three_is_aligned(checked: CheckedCorpus) -> None:
    document = _document(checked, "2022-high-quality-development-opinions")
    zh, en = document.witness("zh"), document.witness("en")
    assert zh is not None and en is not None
    items = [s.id for s in zh.segments if s.kind == "item"]
    assert len(items) == 23
    for number, item_id in enumerate(items, start=1):
        zh_text = zh.segment(item_id).text  # type: ignore[union-attr]
        en_segment = en.segment(item_id)
        assert en_segment is not None, item_id
        assert zh_text.startswith(f"({CHINESE_NUMERALS[number - 1]})"), item_id
        assert en_segment.text.startswith(f"({number})"), item_id
        assert item_id.split(".")[1] == str(number)
    parts = [s.id for s in zh.segments if s.kind == "heading"]
    assert parts == ["1", "2", "3", "4", "5", "6"]
    for part in parts:
        assert zh.segment(part).text.startswith(CHINESE_NUMERALS[int(part) - 1] + "、")  # type: ignore[union-attr]
        assert en.segment(part).text.startswith(f"{part}. ")  # type: ignore[union-attr]
    assert align_document(document).fully_aligned


def test_2007_both_translations_align_through_all_six_parts(checked: CheckedCorpus) -> None:
    document = _document(checked, "2007-state-council-opinions")
    blog, qa = document.witness("en-blog"), document.witness("en-qa")
    assert blog is not None and qa is not None
    blog_parts = ["I,", "II,", "III,", "IV,", "V,", "VI,"]
    qa_parts = ["First,", "Two,", "Third,", "Fourth,", "Five,", "Six,"]
    for part in range(1, 7):
        assert blog.segment(str(part)).text.startswith(blog_parts[part - 1])  # type: ignore[union-attr]
        assert qa.segment(str(part)).text.startswith(qa_parts[part - 1])  # type: ignore[union-attr]
        blog_paragraphs = [s.id for s in blog.segments if s.id.startswith(f"{part}.p")]
        qa_paragraphs = [s.id for s in qa.segments if s.id.startswith(f"{part}.p")]
        assert blog_paragraphs == qa_paragraphs and blog_paragraphs
    # Paragraph by paragraph: the same subject opens each aligned pair.
    openings = {
        "1.p1": ("The market economy is a credit economy", "Market economy is a credit economy"),
        "3.p2": ("The construction of sectoral credit", "Trade credit construction"),
        "4.p1": ("Finance is the core", "Finance is the core"),
        "6.p2": ("Transparent and efficient supervision", "A transparent and efficient supervision"),
    }
    for segment_id, (blog_start, qa_start) in openings.items():
        assert blog.segment(segment_id).text.startswith(blog_start)  # type: ignore[union-attr]
        assert qa.segment(segment_id).text.startswith(qa_start)  # type: ignore[union-attr]
    report = align_document(document)
    assert report.aligned == 19 and report.absent == {
        "en-qa": ["title", "number", "address", "preamble", "signature", "date"]
    }
    assert set(qa.missing) == set(report.absent["en-qa"])


def test_2014_the_chinese_paragraph_is_aligned(checked: CheckedCorpus) -> None:
    document = _document(checked, "2014-planning-outline")
    zh, en = document.witness("zh"), document.witness("en")
    assert zh is not None and en is not None
    assert zh.segment_ids == ["preamble.p3"]
    assert zh.segments[0].text.startswith("根据党的十八大提出的")
    assert en.segment("preamble.p3").text.startswith("According to the party’s 18th National Congress")  # type: ignore[union-attr]
    assert align_document(document).aligned == 1


def test_2014_outline_is_split_into_its_six_parts_items_and_paragraphs(checked: CheckedCorpus) -> None:
    en = _document(checked, "2014-planning-outline").witness("en")
    assert en is not None
    parts = [s for s in en.segments if s.kind == "heading" and "." not in s.id]
    assert [s.id for s in parts] == ["1", "2", "3", "4", "5", "6"]
    items = [s.id for s in en.segments if s.kind == "heading" and s.id.count(".") == 1]
    assert items == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3"] + [
        f"{part}.{item}" for part in (4, 5, 6) for item in range(1, 6)
    ]
    tax = en.segment("2.2.p5")
    assert tax is not None and tax.text.startswith("Credit construction in the tax field.")
    # Paragraphs never begin with a run-on heading.
    for segment in en.segments:
        if segment.kind == "paragraph":
            assert not segment.text.startswith(("(1)", "(2)", "I.", "III.", "V.", "Second,", "4.", "6."))


def test_alignment_report_text(checked: CheckedCorpus) -> None:
    report = format_report(align_corpus(checked.corpus))
    assert "2022-high-quality-development-opinions  (2022-03-29; 2022 Opinions)" in report
    assert "  passages per witness: zh 34, en 34\n  aligned (in two or more witnesses): 34 of 34" in report
    assert "  en-qa: lacks 6 (declared missing): title, number, address, preamble, signature, date" in report
    assert "  zh: excerpt, holds 1 passage(s): preamble.p3" in report
