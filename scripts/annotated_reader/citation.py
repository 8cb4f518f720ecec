"""Citations of a passage or a whole document, in the styles students and instructors use.

A citation names the issuing body, the title in English and Chinese, the
document number and date, the witness (text) quoted with its quality and
attribution, the passage, its permalink, the site's version and an access
date. The styles:

    chicago-note, chicago-bibliography   Chicago Manual of Style, notes-bibliography
    apa                                  APA, 7th edition
    mla                                  MLA Handbook, 9th edition
    gbt7714                              GB/T 7714-2015, the Chinese national standard
    bibtex                               BibTeX / biblatex entry
    csl-json                             CSL-JSON, which Zotero, Mendeley and pandoc read

Everything here is plain text from the corpus's objects; cite_html.py puts it
on the page. Citations follow the style guides' English conventions whatever
the interface language, except GB/T 7714, which is Chinese.
"""

from __future__ import annotations

import calendar
import datetime
import json
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from typing import Any

from .labels import passage_number
from .messages import messages
from .model import Document, PartialDate, Witness
from .site_info import SiteInfo
from .witness_names import language_name, quality_names

STYLES = ("chicago-note", "chicago-bibliography", "apa", "mla", "gbt7714", "bibtex", "csl-json")

# MLA abbreviates months of more than four letters.
_MLA_MONTHS = ["", "Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
_BIBTEX_SPECIALS = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "#": r"\#",
                    "$": r"\$", "_": r"\_", "^": r"\^{}", "~": r"\~{}"}  # fmt: skip
# One encoder for every CSL-JSON value (json.dumps with options makes a new one per call).
_JSON = json.JSONEncoder(ensure_ascii=False)
# As str.translate takes it: every citation on the site is written in BibTeX too.
_BIBTEX_TABLE = str.maketrans(_BIBTEX_SPECIALS)


@dataclass(frozen=True)
class CitationTarget:
    """What is cited: a passage (or the whole document) as one witness gives it, at its permalink."""

    document: Document
    witness: Witness
    passage: str | None
    url: str

    @property
    def key(self) -> str:
        """A citation key unique on the site: document, passage and witness."""
        return ":".join(p for p in (self.document.id, self.passage, self.witness.id) if p)

    @cached_property  # asked by most styles, for every passage
    def passage_number(self) -> str | None:
        return passage_number(self.document, self.passage, "en") if self.passage else None

    @cached_property  # GB/T 7714 numbers the passage in Chinese
    def passage_number_zh(self) -> str | None:
        return passage_number(self.document, self.passage, "zh") if self.passage else None


@dataclass(frozen=True)
class PassageStandIn(CitationTarget):
    """A passage of the witness cited whose id and numbers are stand-ins, for a real passage's to be put in."""

    number: str = ""
    number_zh: str = ""

    @property
    def passage_number(self) -> str:
        return self.number

    @property
    def passage_number_zh(self) -> str:
        return self.number_zh


def written_as_is(text: str) -> bool:
    """Whether BibTeX and CSL-JSON write `text` as it is (the other styles are plain text)."""
    return text.translate(_BIBTEX_TABLE) == text and _JSON.encode(text) == f'"{text}"'


def witness_description(witness: Witness, language: str = "en") -> str:
    """ "English machine translation", "中文官方文本": the witness's language and quality."""
    return _description(witness.language, witness.quality, language)


# Cached: every passage's citations name its witness, seven styles for each of
# thousands of passages, and the words depend on the witness alone.
@cache
def _description(witness_language: str, quality: str, language: str) -> str:
    msg = messages(language)
    tongue, named = language_name(witness_language, msg), quality_names(msg)[quality]
    return f"{tongue} {named}" if language == "en" else f"{tongue}{named}"


def _witness_phrase(witness: Witness) -> str:
    return _phrase(witness.language, witness.quality, witness.id, witness.attribution)


@cache
def _phrase(language: str, quality: str, witness_id: str, attribution: str) -> str:
    return f"{_description(language, quality, 'en')}, text “{witness_id}” ({attribution.rstrip('.')})"


@cache
def date_text(date: PartialDate | None, style: str) -> str:
    """The document's date as a style writes it; "n.d." when no date is known."""
    if date is None:
        return "n.d."
    month = calendar.month_name[date.month] if date.month else ""
    if style == "apa":
        return ", ".join(p for p in (str(date.year), f"{month} {date.day}" if date.day else month) if p)
    if style == "mla":
        return " ".join(str(p) for p in (date.day, month, date.year) if p)
    if style == "gbt7714":
        return str(date)
    return f"{month} {date.day}, {date.year}" if date.day else " ".join(str(p) for p in (month, date.year) if p)


@cache
def accessed_text(day: datetime.date, style: str) -> str:
    """The access date as `style` (one of STYLES) writes it; reader.js writes today's date the same way."""
    if style == "mla":
        return f"{day.day} {_MLA_MONTHS[day.month]} {day.year}"
    if style in ("gbt7714", "bibtex"):
        return day.isoformat()
    if style == "csl-json":
        # As the "accessed" date-parts read in the JSON: [[2026, 3, 5]].
        return f"{day.year}, {day.month}, {day.day}"
    return f"{calendar.month_name[day.month]} {day.day}, {day.year}"


def _number(document: Document) -> str:
    return f"{document.number}, " if document.number else ""


def chicago_note(target: CitationTarget, site: SiteInfo) -> str:
    d = target.document
    passage = f"{target.passage_number}, " if target.passage else ""
    return (
        f"{d.issuer['en']} ({d.issuer['zh']}), “{d.title['en']}” ({d.title['zh']}), {_number(d)}"
        f"{date_text(d.date, 'chicago')}, {passage}{_witness_phrase(target.witness)}, in {site.name}, "
        f"version {site.version}, {target.url}, accessed {accessed_text(site.built, 'chicago')}."
    )


def chicago_bibliography(target: CitationTarget, site: SiteInfo) -> str:
    d = target.document
    number = f" {d.number}." if d.number else ""
    passage = f" Passage {target.passage_number}." if target.passage else ""
    return (
        f"{d.issuer['en']} ({d.issuer['zh']}). “{d.title['en']}” ({d.title['zh']}).{number} "
        f"{date_text(d.date, 'chicago')}. {_witness_phrase(target.witness)[0].upper()}"
        f"{_witness_phrase(target.witness)[1:]}. In {site.name}, version {site.version}.{passage} "
        f"{target.url}. Accessed {accessed_text(site.built, 'chicago')}."
    )


def apa(target: CitationTarget, site: SiteInfo) -> str:
    d = target.document
    details = "; ".join(p for p in (d.number, _witness_phrase(target.witness)) if p)
    passage = f", passage {target.passage_number}" if target.passage else ""
    return (
        f"{d.issuer['en']} [{d.issuer['zh']}]. ({date_text(d.date, 'apa')}). {d.title['en']} [{d.title['zh']}] "
        f"({details}). {site.name} (version {site.version}){passage}. "
        f"Retrieved {accessed_text(site.built, 'apa')}, from {target.url}"
    )


def mla(target: CitationTarget, site: SiteInfo) -> str:
    d = target.document
    passage = f", passage {target.passage_number}" if target.passage else ""
    witness = _witness_phrase(target.witness)
    return (
        f"{d.issuer['en']} [{d.issuer['zh']}]. “{d.title['en']}” [{d.title['zh']}]. {_number(d)}"
        f"{date_text(d.date, 'mla')}. {witness[0].upper()}{witness[1:]}. {site.name}, version {site.version}"
        f"{passage}, {target.url}. Accessed {accessed_text(site.built, 'mla')}."
    )


def gbt7714(target: CitationTarget, site: SiteInfo) -> str:
    """GB/T 7714-2015, electronic resource [EB/OL]: (publication date)[access date]."""
    d = target.document
    number = f": {d.number}" if d.number else ""
    passage = f"，{target.passage_number_zh}" if target.passage else ""
    issued = f"({date_text(d.date, 'gbt7714')})" if d.date else ""
    witness = f"{witness_description(target.witness, 'zh')}（文本 {target.witness.id}）"
    return (
        f"{d.issuer['zh']}. {d.title['zh']}{number}[EB/OL]. {witness}{passage}. {site.name}，版本 {site.version}. "
        f"{issued}[{accessed_text(site.built, 'gbt7714')}]. {target.url}."
    )


# Cached, like the CSL-JSON lines below: a site cites each document's passages in each view,
# and most fields (issuer, titles, number, site) are the same for all of them.
@lru_cache(maxsize=65536)
def _bibtex_value(text: str) -> str:
    return text.translate(_BIBTEX_TABLE)


def bibtex(target: CitationTarget, site: SiteInfo) -> str:
    """A @misc entry (biblatex reads its date, urldate, version and language fields too)."""
    d = target.document
    fields: list[tuple[str, str]] = [
        # Double braces keep a corporate author whole instead of "Council, State".
        ("author", "{" + _bibtex_value(f"{d.issuer['en']} ({d.issuer['zh']})") + "}"),
        ("title", "{" + _bibtex_value(d.title["en"]) + "}"),
        ("titleaddon", _bibtex_value(d.title["zh"])),
    ]
    if d.number:
        fields.append(("number", _bibtex_value(d.number)))
    if d.date:
        fields += [("date", str(d.date)), ("year", str(d.date.year))]
    note = [_witness_phrase(target.witness)]
    if target.passage:
        note.insert(0, f"Passage {target.passage_number}")
    fields += [
        ("language", "chinese" if target.witness.language.startswith("zh") else "english"),
        ("howpublished", _bibtex_value(site.name)),
        ("version", _bibtex_value(site.version)),
        ("note", _bibtex_value(". ".join(note))),
        ("url", target.url),
        ("urldate", accessed_text(site.built, "bibtex")),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{target.key},\n{body}\n}}"


def _date_parts(date: PartialDate | datetime.date) -> dict[str, list[list[int]]]:
    parts = [date.year, date.month, date.day]
    return {"date-parts": [[p for p in parts if p]]}


def csl_item(target: CitationTarget, site: SiteInfo) -> dict[str, Any]:
    """One CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html)."""
    d = target.document
    item: dict[str, Any] = {
        "id": target.key,
        "type": "post-weblog" if d.kind == "commentary" else "legislation",
        "title": d.title["en"],
        "original-title": d.title["zh"],
        "author": [{"literal": d.issuer["en"]}],
        "authority": f"{d.issuer['en']} ({d.issuer['zh']})",
    }
    if d.number:
        item["number"] = d.number
    if d.date:
        item["issued"] = _date_parts(d.date)
    if target.passage:
        item["section"] = target.passage_number
    item |= {
        "language": target.witness.language,
        "genre": witness_description(target.witness),
        "note": f"Text “{target.witness.id}”: {target.witness.attribution}",
        "container-title": site.name,
        "version": site.version,
        "URL": target.url,
        "accessed": _date_parts(site.built),
    }
    return item


def csl_json(target: CitationTarget, site: SiteInfo) -> str:
    """A CSL-JSON file's content: a list of one item, one field per line to read and paste."""
    item = csl_item(target, site)
    fields = (
        _csl_text_line(name, value) if isinstance(value, str) else f"    {_JSON.encode(name)}: {_JSON.encode(value)}"
        for name, value in item.items()
    )
    return "[\n  {\n" + ",\n".join(fields) + "\n  }\n]"


@lru_cache(maxsize=65536)
def _csl_text_line(name: str, value: str) -> str:
    return f"    {_JSON.encode(name)}: {_JSON.encode(value)}"


FORMATTERS = {
    "chicago-note": chicago_note,
    "chicago-bibliography": chicago_bibliography,
    "apa": apa,
    "mla": mla,
    "gbt7714": gbt7714,
    "bibtex": bibtex,
    "csl-json": csl_json,
}


def cite(target: CitationTarget, site: SiteInfo, style: str) -> str:
    """The citation of `target` in `style` (one of STYLES), as plain text."""
    return FORMATTERS[style](target, site)
