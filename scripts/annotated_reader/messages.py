"""The interface's words in every language: one catalogue for the labels of generated pages.

Every label, heading and control text that a generated page shows comes from
`messages.yaml` beside this module, where each entry gives its English and
Chinese wording side by side, so a translator sees both and a test can check
that no entry lacks a language or a placeholder. Texts from the corpus
(titles, passages, notes) are content, not interface, and are never looked
up here.

    msg = messages("zh")
    msg("issuer")                      # "发文机关"
    msg("witness_count", count=2)      # plural forms: {one: ..., other: ...}
    msg.html("help_add", link=anchor)  # the entry escaped, the HTML arguments not
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import cache
from html import escape
from importlib import resources

import yaml

LANGUAGES = ("en", "zh")
# The HTML lang attribute of each interface language.
HTML_LANG = {"en": "en", "zh": "zh-Hans"}


@cache
def catalogue() -> dict[str, dict[str, str | dict[str, str]]]:
    """Every entry: key -> language -> text (or plural forms: one/other -> text)."""
    text = (resources.files("annotated_reader") / "messages.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def placeholders(text: str) -> set[str]:
    """The {names} a message expects."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@dataclass(frozen=True)
class Messages:
    """The catalogue in one language: call it with a key (and a count or arguments) for a label."""

    language: str

    @property
    def html_lang(self) -> str:
        return HTML_LANG[self.language]

    def _entry(self, key: str, count: int | None) -> str:
        try:
            entry = catalogue()[key][self.language]
        except KeyError:
            raise KeyError(f"no message '{key}' in language '{self.language}': add it to messages.yaml") from None
        if isinstance(entry, dict):
            form = "one" if count == 1 and "one" in entry else "other"
            return entry[form]
        return entry

    def __call__(self, key: str, count: int | None = None, **arguments: object) -> str:
        """The plain-text label; escape it before putting it in HTML."""
        if count is None and not arguments:
            return _label(self, key)
        return self._entry(key, count).format(count=count, **arguments)

    def pattern(self, key: str, count: int | None = None) -> str:
        """The entry with its {names} left in, for the browser's scripts to fill in."""
        return self._entry(key, count)

    def html(self, key: str, count: int | None = None, **html_arguments: str) -> str:
        """The label as HTML: the entry is escaped, the arguments (already HTML) are inserted as they are."""
        return escape(self._entry(key, count)).format(count=count, **html_arguments)

    def other(self) -> Messages:
        """The catalogue in the other interface language."""
        return messages("zh" if self.language == "en" else "en")


@cache
def _label(msg: Messages, key: str) -> str:
    """A label without arguments, made once: the same few are asked for on every page."""
    return msg._entry(key, None).format(count=None)


@cache
def messages(language: str) -> Messages:
    """The catalogue in `language` ("en" or "zh")."""
    if language not in LANGUAGES:
        raise ValueError(f"no interface language '{language}': choose one of {', '.join(LANGUAGES)}")
    return Messages(language)


ENGLISH = messages("en")
