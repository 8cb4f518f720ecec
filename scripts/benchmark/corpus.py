"""The documents of a synthetic corpus, made to weigh and read like the real ones.

Each document has a Chinese original (about 8,000 characters) and an English
translation (about 5,000 words) with the same 40 passages: title, document
number, preamble, six parts of a heading and five items, and the date. The
text is sampled from the repository's own sentences (`text_pool`), and every
title and some headings name a real glossary term, so term links, pop-ups
and concordances have work to do. Each document is cleaned from a seed of its
own with a removal list (`corpus_files`), so the fidelity check runs as it
does on the real corpus, and most preambles cite an earlier document by its
title, which the timeline links. The notes, glossary and timeline are
`corpus_notes`'s.

Generation is seeded per document: document 7 is the same at every N, so a
page can be compared across sizes.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass, field

from .text_pool import TextPool

# Size of one synthetic document's texts.
PASSAGES = 40
ZH_CHARACTERS = 8000
EN_WORDS = 5000
PARTS = 6
ITEMS_PER_PART = 5
# A preamble cites one of the ten documents before it, so each document is
# cited a few times at any N, as in a real corpus, not hundreds of times.
CITATION_WINDOW = 10


@dataclass(frozen=True)
class Issuer:
    en: str
    zh: str
    slug: str
    number_en: str  # the prefix of its document numbers, e.g. Guofa
    number_zh: str


@dataclass(frozen=True)
class Kind:
    kind: str  # document.schema.json's kind
    en: str
    zh: str


ISSUERS = (
    Issuer("State Council", "国务院", "state-council", "Guofa", "国发"),
    Issuer("General Office of the State Council", "国务院办公厅", "state-council-office", "Guobanfa", "国办发"),
    Issuer("National Development and Reform Commission", "国家发展和改革委员会", "ndrc", "Fagai Caijin", "发改财金"),
    Issuer("People's Bank of China", "中国人民银行", "pboc", "Yinfa", "银发"),
    Issuer("State Administration for Market Regulation", "国家市场监督管理总局", "samr", "Guoshijian", "国市监"),
    Issuer("Ministry of Commerce", "商务部", "mofcom", "Shangzhifa", "商秩发"),
    Issuer("Shanghai Municipal People's Government", "上海市人民政府", "shanghai", "Hufufa", "沪府发"),
    Issuer("Supreme People's Court", "最高人民法院", "spc", "Fafa", "法发"),
)
KINDS = (
    Kind("opinions", "Opinions", "意见"),
    Kind("notice", "Notice", "通知"),
    Kind("plan", "Work Plan", "工作方案"),
    Kind("regulation", "Measures", "管理办法"),
)
VERBS = (
    ("Strengthening", "加强"),
    ("Improving", "完善"),
    ("Promoting", "推进"),
    ("Accelerating", "加快推进"),
    ("Regulating", "规范"),
    ("Further Strengthening", "进一步加强"),
)
HEADING_VERBS = (("Improve", "完善"), ("Strengthen", "加强"), ("Promote", "推进"))
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October")
MONTHS += ("November", "December")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
CHINESE_DIGITS = "一二三四五六七八九"
MINOR_WORDS = {"of", "and", "for", "the", "on"}


@dataclass(frozen=True)
class Passage:
    """One aligned passage: the same ID and kind in both witnesses."""

    id: str
    kind: str
    zh: str
    en: str


@dataclass
class SyntheticDocument:
    index: int
    id: str
    kind: Kind
    issuer: Issuer
    title_en: str
    title_zh: str
    date: str  # YYYY-MM-DD
    number_en: str
    number_zh: str
    cites: int | None  # the index of the document its preamble cites
    passages: list[Passage] = field(default_factory=list)

    @property
    def year(self) -> int:
        return int(self.date[:4])

    def zh_characters(self) -> int:
        return sum(len(p.zh) for p in self.passages)

    def en_words(self) -> int:
        return sum(len(p.en.split()) for p in self.passages)


@dataclass(frozen=True)
class Topic:
    """What a title is about: a glossary term, in both languages."""

    en: str
    zh: str


class DocumentMaker:
    """Makes document `index` of the synthetic corpus, the same at every corpus size."""

    def __init__(self, pool: TextPool, topics: list[Topic], seed: int) -> None:
        self.pool = pool
        self.topics = topics
        self.seed = seed
        # Every document gets its own (issuer, kind, verb, topic), so no two share a title.
        combinations = list(itertools.product(ISSUERS, KINDS, VERBS, topics))
        random.Random(seed).shuffle(combinations)
        self.combinations = combinations

    def _rng(self, index: int, purpose: str) -> random.Random:
        return random.Random(f"{self.seed}:{index}:{purpose}")

    def header(self, index: int) -> SyntheticDocument:
        """Identity, title, number and date of document `index`, without its text."""
        issuer, kind, (verb_en, verb_zh), topic = self.combinations[index % len(self.combinations)]
        rng = self._rng(index, "header")
        year = rng.randint(2003, 2022)
        date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        serial = index + 1
        title_en = f"{kind.en} of the {issuer.en} on {verb_en} {_title_case(topic.en)}"
        title_zh = f"{issuer.zh}关于{verb_zh}{topic.zh}的{kind.zh}"
        if index >= len(self.combinations):
            title_en, title_zh = f"{title_en} ({serial})", f"{title_zh}（{serial}）"
        return SyntheticDocument(
            index=index,
            id=f"{year}-{issuer.slug}-{kind.kind}-{serial}",
            kind=kind,
            issuer=issuer,
            title_en=title_en,
            title_zh=title_zh,
            date=date,
            number_en=f"{issuer.number_en} [{year}] No. {serial}",
            number_zh=f"{issuer.number_zh}〔{year}〕{serial}号",
            cites=rng.randrange(max(0, index - CITATION_WINDOW), index) if index else None,
        )

    def document(self, index: int) -> SyntheticDocument:
        """Document `index` with its 40 passages."""
        document = self.header(index)
        rng = self._rng(index, "text")
        cited = self.header(document.cites) if document.cites is not None else None
        year, month, day = (int(part) for part in document.date.split("-"))
        fixed = [
            Passage("title", "title", document.title_zh, document.title_en),
            Passage("number", "number", document.number_zh, document.number_en),
            self._preamble(rng, document, cited),
        ]
        headings = [self._heading(rng, part) for part in range(1, PARTS + 1)]
        closing = Passage("date", "closing", f"{year}年{month}月{day}日", f"{MONTHS[month - 1]} {day}, {year}")
        zh_left = ZH_CHARACTERS - sum(len(p.zh) for p in [*fixed, *headings, closing])
        en_left = EN_WORDS - sum(len(p.en.split()) for p in [*fixed, *headings, closing])
        items = PARTS * ITEMS_PER_PART
        passages = list(fixed)
        for part, heading in enumerate(headings, start=1):
            passages.append(heading)
            for number in range((part - 1) * ITEMS_PER_PART + 1, part * ITEMS_PER_PART + 1):
                passages.append(self._item(rng, part, number, zh_left / items, en_left / items))
        passages.append(closing)
        assert len(passages) == PASSAGES
        document.passages = passages
        return document

    def _preamble(self, rng: random.Random, document: SyntheticDocument, cited: SyntheticDocument | None) -> Passage:
        zh = _fill(rng, self.pool.zh_sentences, 150, len, "")
        en = _fill(rng, self.pool.en_sentences, 90, _words, " ")
        if cited is not None:
            zh += f"根据《{cited.title_zh}》,制定本{document.kind.zh}。"
            en += f' In accordance with the "{cited.title_en}", these {document.kind.en} are formulated.'
        return Passage("preamble", "paragraph", zh, en)

    def _heading(self, rng: random.Random, part: int) -> Passage:
        prefix_zh, prefix_en = f"{CHINESE_DIGITS[part - 1]}、", f"{ROMAN[part - 1]}. "
        if part % 2 == 0:
            # Every other heading names a term, so each term is used by some document at any N.
            topic = rng.choice(self.topics)
            verb_en, verb_zh = rng.choice(HEADING_VERBS)
            return Passage(str(part), "heading", f"{prefix_zh}{verb_zh}{topic.zh}", f"{prefix_en}{verb_en} {topic.en}")
        return Passage(
            str(part),
            "heading",
            prefix_zh + rng.choice(self.pool.zh_headings),
            prefix_en + rng.choice(self.pool.en_headings),
        )

    def _item(self, rng: random.Random, part: int, number: int, zh_budget: float, en_budget: float) -> Passage:
        zh = _fill(rng, self.pool.zh_sentences, zh_budget * rng.uniform(0.6, 1.4), len, "")
        en = _fill(rng, self.pool.en_sentences, en_budget * rng.uniform(0.6, 1.4), _words, " ")
        return Passage(f"{part}.{number}", "item", f"({_chinese_number(number)}){zh}", f"({number}) {en}")


def _words(text: str) -> int:
    return len(text.split())


def _fill(rng: random.Random, sentences: tuple[str, ...], budget: float, size, joiner: str) -> str:
    """Sentences drawn at random, none twice, until the text is as close to `budget` as it gets."""
    chosen: list[str] = []
    used = 0
    while True:
        sentence = rng.choice(sentences)
        if sentence in chosen:
            continue
        # Stop when the next sentence would overshoot by more than it would fall short.
        if chosen and used + size(sentence) / 2 > budget:
            return joiner.join(chosen)
        chosen.append(sentence)
        used += size(sentence)


def _title_case(words: str) -> str:
    return " ".join(w if w in MINOR_WORDS else w[:1].upper() + w[1:] for w in words.split())


def _chinese_number(number: int) -> str:
    """1 to 99 in Chinese numerals, as items are numbered: 一, 十, 十一, 二十三."""
    tens, units = divmod(number, 10)
    text = ("" if tens == 1 else CHINESE_DIGITS[tens - 1]) + "十" if tens else ""
    return text + (CHINESE_DIGITS[units - 1] if units else "")
