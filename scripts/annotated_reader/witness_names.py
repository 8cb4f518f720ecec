"""How a witness is named on the pages: its language, its quality and its id."""

from __future__ import annotations

from functools import cache

from .messages import ENGLISH, Messages
from .model import Witness


def language_name(language: str, msg: Messages = ENGLISH) -> str:
    """The name of a witness's language ("zh-Hans", "en") in the interface's language."""
    chinese = msg("witness_language_zh")
    return {"zh-Hans": chinese, "zh-Hant": chinese, "en": msg("witness_language_en")}.get(language, language)


def quality_names(msg: Messages = ENGLISH) -> dict[str, str]:
    """Each quality of a witness (official text, machine translation...) in the interface's language."""
    return {
        "official": msg("quality_official"),
        "authored": msg("quality_authored"),
        "human-translation": msg("quality_human_translation"),
        "machine-translation": msg("quality_machine_translation"),
    }


# In English, for callers that do not pass a catalogue.
QUALITY_NAMES = quality_names()


def witness_name(witness: Witness, msg: Messages = ENGLISH) -> str:
    """How a column is headed: language, quality and id, e.g. "English, machine translation [en]"."""
    return _witness_name(witness.language, witness.quality, witness.id, msg)


@cache
def _witness_name(language: str, quality: str, witness_id: str, msg: Messages) -> str:
    # Made once per kind of witness and interface: the pages name a witness in every cell and
    # concordance table (140,000 times per interface at 500 documents).
    language_label, quality_label = language_name(language, msg), quality_names(msg)[quality]
    return msg("witness_name", language=language_label, quality=quality_label, id=witness_id)
