"""Finding glossary forms as their pattern finds them in each passage: one form in a witness
(witness_text.py), and every form in the corpus (glossary.find_forms)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from annotated_reader.glossary import find_forms, term_pattern
from annotated_reader.model import Corpus, Document, Provenance, Segment, Witness
from annotated_reader.pipeline import CheckedCorpus
from annotated_reader.witness_text import WitnessText
from conftest import PROPERTIES

PassageMatches = list[tuple[str, int, int, str]]


def by_passage(witness: Witness, form: str, english: bool) -> PassageMatches:
    """The reference: the form's regular expression run over each passage on its own."""
    pattern = term_pattern([form], english)
    assert pattern is not None
    return [(s.id, m.start(), m.end(), m.group()) for s in witness.segments for m in pattern.finditer(s.text)]


def witness_of(*texts: str) -> Witness:
    witness = Witness("en", "en", "translation", "machine", "", "", Provenance(None, None, None, ""))
    witness.segments = [Segment(f"p{i}", "paragraph", text, Path("en.txt"), i) for i, text in enumerate(texts, 1)]
    return witness


def test_every_form_in_every_real_text(project: CheckedCorpus) -> None:
    compared = 0
    for document in project.corpus.documents:
        for witness in document.witnesses:
            english = not witness.language.startswith("zh")
            text = WitnessText(witness)
            for term in project.terms:
                for form in {f.lower() for f in term.en_forms} if english else term.zh_forms:
                    assert text.find_form(form, english) == by_passage(witness, form, english), (witness.id, form)
                    compared += 1
    assert compared > 500


EDGES = [
    ("Credit restoration, CREDIT RESTORATION and credit restorations", "credit restoration"),
    ("credit-restoration, credit_restoration, xcredit restoration, credit restoration-x", "credit restoration"),
    ("blacklist", "blacklist"),  # the whole passage
    ("aaa aa aa-aa aa", "aa"),
    ("xa a a", "a a"),  # rejected at "xa a", found one word on: a rejected place moves the scan on by one
    ("the ſocial credit system", "social credit system"),  # long s: only a regular expression matches it so
    ("İnformation and information", "information"),  # dotted capital I lower-cases to two characters
    ("the \u212aey list", "key list"),  # the Kelvin sign is a capital K to a case-blind match
    ("“Blacklist”—the ‘blacklist’", "blacklist"),  # quotes and dashes have no case
    ("", "blacklist"),
]


def test_edges_of_words_and_cases() -> None:
    for text, form in EDGES:
        witness = witness_of(text, text[::-1], text)
        assert WitnessText(witness).find_form(form, True) == by_passage(witness, form, True), (text, form)


def test_a_match_never_spans_two_passages() -> None:
    witness = witness_of("social credit", "system is a social", "credit system")
    assert WitnessText(witness).find_form("social credit system", True) == []
    assert WitnessText(witness).find_form("credit", True) == by_passage(witness, "credit", True)


ALPHABET = st.sampled_from([*"abcAB -_'’", "İ", "ſ", "\u212a", "é", "É", "信", "\n"])


@settings(PROPERTIES, max_examples=300)
@given(
    texts=st.lists(st.text(ALPHABET, max_size=30), min_size=1, max_size=4),
    form=st.text(st.sampled_from(list("abcAB -_")), min_size=1, max_size=4),
)
def test_random_texts_and_forms(texts: list[str], form: str) -> None:
    witness = witness_of(*texts)
    for english in (True, False):
        assert WitnessText(witness).find_form(form, english) == by_passage(witness, form, english)


def corpus_of(witness: Witness) -> Corpus:
    document = Document("d", "plan", {}, {}, {}, None, None, None, [witness])
    return Corpus([document])


def occurrences_by_passage(witness: Witness, forms: list[str]) -> PassageMatches:
    """The reference for find_forms: the case-blind pattern of all the forms run over each passage."""
    pattern = term_pattern(forms, True)
    assert pattern is not None
    return [(s.id, m.start(), m.end(), m.group()) for s in witness.segments for m in pattern.finditer(s.text)]


def found(witness: Witness, forms: list[str]) -> PassageMatches:
    en_forms = {form.lower(): f"t{i}" for i, form in enumerate(forms)}
    return [(o.passage, o.start, o.end, o.text) for o in find_forms(corpus_of(witness), {}, en_forms)]


def test_the_occurrences_of_english_forms_are_found_as_in_any_case_at_the_edges() -> None:
    # find_forms matches a passage that lower-cases alike without IGNORECASE: the same places, in any case.
    for text, form in EDGES:
        witness = witness_of(text, text[::-1], text.upper())
        assert found(witness, [form, "credit"]) == occurrences_by_passage(witness, [form, "credit"]), (text, form)


@settings(PROPERTIES, max_examples=300)
@given(
    texts=st.lists(st.text(ALPHABET, max_size=30), min_size=1, max_size=4),
    forms=st.lists(st.text(st.sampled_from(list("abcAB -_")), min_size=1, max_size=4), min_size=1, max_size=3),
)
def test_the_occurrences_of_random_forms_in_random_texts(texts: list[str], forms: list[str]) -> None:
    witness = witness_of(*texts)
    assert found(witness, forms) == occurrences_by_passage(witness, forms)
