"""The interface's message catalogue: every entry in every language, with the same placeholders."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from annotated_reader.messages import LANGUAGES, catalogue, messages, placeholders

PACKAGE = Path(__file__).resolve().parent.parent / "scripts" / "annotated_reader"


def forms(entry: str | dict[str, str]) -> list[str]:
    return list(entry.values()) if isinstance(entry, dict) else [entry]


@pytest.mark.parametrize("key", sorted(catalogue()))
def test_every_entry_has_every_language_and_the_same_placeholders(key: str) -> None:
    entry = catalogue()[key]
    assert set(entry) == set(LANGUAGES), f"{key}: give exactly {LANGUAGES}"
    expected = {name for form in forms(entry["en"]) for name in placeholders(form)} - {"count"}
    for language in LANGUAGES:
        for form in forms(entry[language]):
            assert form.strip(), f"{key}.{language} is empty"
            assert placeholders(form) - {"count"} == expected, f"{key}.{language}: {form!r} lacks {expected}"


def used_keys() -> set[str]:
    """Keys passed as string literals to a catalogue call (msg("key"), msg.html("key"), messages.x("key"))."""
    keys = set()
    for path in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            owner = func.value if isinstance(func, ast.Attribute) else None
            if name == "msg" or (name == "html" and getattr(owner, "id", "") == "msg"):
                keys.add(node.args[0].value)
    return keys


def test_every_key_the_code_uses_is_in_the_catalogue() -> None:
    missing = used_keys() - set(catalogue())
    assert not missing, f"add to messages.yaml: {sorted(missing)}"


def test_plural_forms_and_html_escaping() -> None:
    en, zh = messages("en"), messages("zh")
    assert en("language_name") == "English" and zh("language_name") == "中文"
    assert en.other() is zh and zh.other() is en
    with pytest.raises(KeyError, match=r"add it to messages\.yaml"):
        en("no-such-message")
    with pytest.raises(ValueError, match="choose one of en, zh"):
        messages("fr")


def test_no_key_is_given_twice() -> None:
    """YAML keeps the last of two equal keys silently; the catalogue must not lose an entry that way."""
    import yaml

    seen: list[str] = []

    class Recording(yaml.SafeLoader):
        def construct_mapping(self, node, deep=False):  # type: ignore[override]
            if node is self._root:
                seen.extend(key.value for key, _ in node.value)
            return super().construct_mapping(node, deep)

        def get_single_node(self):  # type: ignore[override]
            self._root = super().get_single_node()
            return self._root

    yaml.load((PACKAGE / "messages.yaml").read_text(encoding="utf-8"), Loader=Recording)
    assert len(seen) == len(set(seen)), sorted({key for key in seen if seen.count(key) > 1})
