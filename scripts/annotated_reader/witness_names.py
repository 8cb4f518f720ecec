"""How a witness is named on the pages: its language, its quality and its id."""

from __future__ import annotations

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
    return msg(
        "witness_name",
        language=language_name(witness.language, msg),
        quality=quality_names(msg)[witness.quality],
        id=witness.id,
    )
