"""How a witness is named on the pages: its language, its quality and its id."""

from __future__ import annotations

from .model import Witness

LANGUAGE_NAMES = {"zh-Hans": ("Chinese", "中文"), "zh-Hant": ("Chinese", "中文"), "en": ("English", "英文")}
QUALITY_NAMES = {
    "official": "official text",
    "authored": "author's text",
    "human-translation": "human translation",
    "machine-translation": "machine translation",
}


def witness_name(witness: Witness) -> str:
    """How a column is headed: language, role and quality, e.g. "English (machine translation)"."""
    language = LANGUAGE_NAMES.get(witness.language, (witness.language, witness.language))[0]
    return f"{language}, {QUALITY_NAMES[witness.quality]} [{witness.id}]"
