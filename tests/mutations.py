"""Hypothesis strategies that break contributor files the ways editors and people do.

`mutated(original)` takes a file's text as it stands in the repository and
draws a broken version of it: lines deleted, duplicated, swapped or
re-indented, a tab, a truncation, a value replaced by one of another type (a
number, a list, a mapping, random or very long text), a key misspelled, a
mapping turned into a list, a broken passage header, Windows line ends, a
byte-order mark, bytes that are not UTF-8, the file saved as UTF-16 or left
empty. A structural mutation parses the file and replaces, removes or renames
one part of its data, so that the loaders' checks behind the schema are
reached too. `yaml_like()` draws random text from YAML's punctuation and the
schemas' own field names, which gets further into the parser than arbitrary
characters; `random_data()` draws random YAML that parses.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

Lines = list[str]
Draw = Callable[[st.SearchStrategy[Any]], Any]

# `key: value` and `- key: value` lines of a YAML file.
KEY_LINE = re.compile(r"^(?P<indent>\s*(?:-\s+)?)(?P<key>[^\s:#'\"][^:#]*?|'[^']*'|\"[^\"]*\"):(?P<value>\s.*|)$")
BOM = "\ufeff".encode()

# Values a contributor (or an editor's autocomplete) may write in the place of another.
ODD_VALUES = [
    "",
    "~",
    "null",
    "true",
    "no",
    "2007",
    "3.14",
    "1e400",
    "0x1F",
    "2007-03-23",
    "2007-02-30",
    "[]",
    "{}",
    "[a, b]",
    "{a: 1}",
    "[[[]]]",
    "'quoted'",
    "''",
    '" "',
    "|",
    "|\n  block\n",
    ">-",
    "&anchor x",
    "*anchor",
    "!!int x",
    "!!binary xyz",
    "!!python/object:os.system x",
    "!tag value",
    "# comment",
    "'unclosed",
    '"unclosed',
    "a: b",
    "- item",
    "@",
    "`x`",
    "%x",
    "? x",
    "<<: *anchor",
    "WRITE-ME",
    "#3.9",
    "2003-shanghai-opinions#2.p1",
    "1.1~1.1",
    "9~1",
]

# YAML's punctuation, indentation and line breaks, and characters it refuses.
YAML_TOKENS = [":", ": ", "-", "- ", " ", "  ", "\n", "\n  ", "\n- ", "\t", "'", '"', "#", "[", "]", "{", "}", ","]
YAML_TOKENS += ["&a", "*a", "!", "!!str", "|", ">", "?", "---", "...", "%YAML 1.1", "<<", "@", "\\", "\x00", "\x85"]


def schema_keys(schemas: Iterable[Path]) -> list[str]:
    """Every field name the schemas declare, for drawing plausible keys."""
    keys: set[str] = set()

    def collect(node: Any) -> None:
        if isinstance(node, dict):
            keys.update(node.get("properties", {}) if isinstance(node.get("properties"), dict) else {})
            for child in node.values():
                collect(child)
        elif isinstance(node, list):
            for child in node:
                collect(child)

    for schema in schemas:
        collect(json.loads(schema.read_text(encoding="utf-8")))
    return sorted(keys)


def values() -> st.SearchStrategy[str]:
    """A YAML value as written after `key: `: of another type, random, very long, or odd."""
    return st.one_of(
        st.sampled_from(ODD_VALUES),
        # Random text quoted the JSON way, which YAML reads as a double-quoted string.
        st.text(max_size=30).map(lambda text: json.dumps(text, ensure_ascii=False)),
        st.text(max_size=30),
        st.integers(min_value=1000, max_value=20000).map(lambda n: "x" * n),
    )


def _index(draw: Draw, lines: Lines) -> int:
    return draw(st.integers(min_value=0, max_value=max(0, len(lines) - 1)))


def _line_end(line: str) -> str:
    return line[len(line.rstrip("\r\n")) :] or "\n"


def delete_line(draw: Draw, lines: Lines) -> Lines:
    if lines:
        del lines[_index(draw, lines)]
    return lines


def duplicate_line(draw: Draw, lines: Lines) -> Lines:
    if lines:
        index = _index(draw, lines)
        lines.insert(index, lines[index])
    return lines


def swap_lines(draw: Draw, lines: Lines) -> Lines:
    if len(lines) > 1:
        first, second = _index(draw, lines), _index(draw, lines)
        lines[first], lines[second] = lines[second], lines[first]
    return lines


def reindent(draw: Draw, lines: Lines) -> Lines:
    if lines:
        index = _index(draw, lines)
        shift = draw(st.sampled_from([-4, -2, -1, 1, 2, 4]))
        line = lines[index]
        lines[index] = " " * shift + line if shift > 0 else line[min(-shift, len(line) - len(line.lstrip(" "))) :]
    return lines


def insert_tab(draw: Draw, lines: Lines) -> Lines:
    if lines:
        index = _index(draw, lines)
        line = lines[index]
        column = draw(st.integers(min_value=0, max_value=len(line.rstrip("\r\n"))))
        lines[index] = line[:column] + "\t" + line[column:]
    return lines


def insert_text(draw: Draw, lines: Lines) -> Lines:
    """Random characters typed (or pasted) anywhere in a line."""
    if not lines:
        lines = [""]
    index = _index(draw, lines)
    line = lines[index]
    column = draw(st.integers(min_value=0, max_value=len(line.rstrip("\r\n"))))
    lines[index] = line[:column] + draw(st.one_of(st.text(min_size=1, max_size=20), values())) + line[column:]
    return lines


def truncate(draw: Draw, lines: Lines) -> Lines:
    text = "".join(lines)
    return text[: draw(st.integers(min_value=0, max_value=len(text)))].splitlines(keepends=True)


def _draw_key_line(draw: Draw, lines: Lines) -> tuple[int, re.Match[str]] | None:
    """One `key: value` line, drawn at random: its index and its parts; None in a file without one."""
    matches = {index: match for index, line in enumerate(lines) if (match := KEY_LINE.match(line.rstrip("\r\n")))}
    if not matches:
        return None
    index = draw(st.sampled_from(sorted(matches)))
    return index, matches[index]


def replace_value(draw: Draw, lines: Lines) -> Lines:
    """The value of one `key: value` line replaced by a value of another type or random text."""
    drawn = _draw_key_line(draw, lines)
    if drawn:
        index, match = drawn
        lines[index] = f"{match['indent']}{match['key']}: {draw(values())}{_line_end(lines[index])}"
    return lines


def misspell_key(draw: Draw, lines: Lines) -> Lines:
    drawn = _draw_key_line(draw, lines)
    if drawn:
        index, match = drawn
        key = match["key"]
        at = draw(st.integers(min_value=0, max_value=len(key) - 1))
        misspelt = draw(
            st.sampled_from(
                [
                    key[:at] + key[at + 1 :],  # a letter left out
                    key[:at] + key[at] + key[at:],  # a letter doubled
                    key[:at] + key[at:].capitalize(),  # a capital
                    key + "s",
                    key.replace("_", "-"),
                ]
            )
        )
        lines[index] = f"{match['indent']}{misspelt}:{match['value']}{_line_end(lines[index])}"
    return lines


def list_for_mapping(draw: Draw, lines: Lines) -> Lines:
    """A `key: value` line written as a list item, or a list item written as a key."""
    if not lines:
        return lines
    index = _index(draw, lines)
    line = lines[index]
    stripped = line.lstrip(" ")
    indent = line[: len(line) - len(stripped)]
    if stripped.startswith("- "):
        lines[index] = indent + stripped[2:].rstrip("\r\n") + ":" + _line_end(line)
    else:
        lines[index] = indent + "- " + stripped
    return lines


def break_header(draw: Draw, lines: Lines) -> Lines:
    """A witness file's `@<id> <kind>` header with its id or kind broken, or a text line made a header."""
    headers = [index for index, line in enumerate(lines) if line.startswith("@")]
    if not headers:
        return lines
    index = draw(st.sampled_from(headers))
    words = lines[index].rstrip("\r\n").split(" ")
    token = draw(st.one_of(st.sampled_from(["", "item", "Item", "1.1", "@", "~", "\\@"]), st.text(max_size=8)))
    change = draw(st.sampled_from(["id", "kind", "extra", "text"]))
    if change == "id":
        words[0] = "@" + token
    elif change == "kind" and len(words) > 1:
        words[1] = token
    elif change == "extra":
        words.append(token)
    elif index + 1 < len(lines):
        lines[index + 1] = draw(st.sampled_from(["@", "\\@", "@@"])) + lines[index + 1]
    lines[index] = " ".join(words) + _line_end(lines[index])
    return lines


def empty_file(draw: Draw, lines: Lines) -> Lines:
    return []


def windows_line_ends(draw: Draw, lines: Lines) -> Lines:
    return [line.rstrip("\r\n") + "\r\n" for line in lines]


def no_final_line_end(draw: Draw, lines: Lines) -> Lines:
    if lines:
        lines[-1] = lines[-1].rstrip("\r\n")
    return lines


LINE_MUTATIONS = [
    delete_line,
    duplicate_line,
    swap_lines,
    reindent,
    insert_tab,
    insert_text,
    truncate,
    replace_value,
    misspell_key,
    list_for_mapping,
    break_header,
    empty_file,
    windows_line_ends,
    no_final_line_end,
]


def random_data(keys: list[str]) -> st.SearchStrategy[Any]:
    """Random YAML data: scalars of every type in lists and mappings keyed mostly by the schemas' fields."""
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(),
        st.text(max_size=20),
        st.sampled_from(["2007-03-23", "2003", "1.1", "2001-sample-bilingual#1.1", "en", "zh"]),
    )
    names = st.one_of(st.sampled_from(keys), st.text(max_size=8))
    return st.recursive(
        scalars,
        lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(names, children, max_size=6)),
        max_leaves=20,
    )


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@st.composite
def restructured(draw: Draw, original: str, keys: list[str]) -> str:
    """The file's data with one part replaced by random data, removed or renamed (the file written anew)."""
    try:
        data = yaml.safe_load(original)
    except yaml.YAMLError:
        return original
    # Walk down to a random part of the data.
    parent: Any = None
    where: Any = None
    node = data
    while isinstance(node, dict | list) and node and draw(st.integers(min_value=0, max_value=3)):
        parent = node
        where = draw(st.sampled_from(list(node) if isinstance(node, dict) else list(range(len(node)))))
        node = node[where]
    change = draw(st.sampled_from(["replace", "remove", "rename"]))
    if parent is None:
        return _dump(draw(random_data(keys)))
    if change == "remove":
        del parent[where]
    elif change == "rename" and isinstance(parent, dict):
        parent[draw(st.one_of(st.sampled_from(keys), st.text(max_size=8)))] = parent.pop(where)
    else:
        parent[where] = draw(random_data(keys))
    return _dump(data)


def _encode(draw: Draw, text: str) -> bytes:
    """The text as bytes, now and then saved the wrong way: with a BOM, as UTF-16, or with bytes that are not UTF-8."""
    data = text.encode("utf-8")
    encoding = draw(st.sampled_from(["utf-8"] * 6 + ["bom", "utf-16", "invalid"]))
    if encoding == "bom":
        return BOM + data
    if encoding == "utf-16":
        return text.encode("utf-16")
    if encoding == "invalid":
        at = draw(st.integers(min_value=0, max_value=len(data)))
        # A stray byte, a character cut short, an encoded surrogate, a continuation without its start.
        broken = draw(st.sampled_from([b"\xff", b"\xc3", b"\xe4\xb8", b"\xed\xa0\x80", b"\x80\x80"]))
        return data[:at] + broken + data[at:]
    return data


@st.composite
def mutated(draw: Draw, original: str, keys: list[str]) -> bytes:
    """`original` broken by one to three line mutations, or by a structural one, as the bytes of a file."""
    if original.strip() and draw(st.integers(min_value=0, max_value=4)) == 0:
        return _encode(draw, draw(restructured(original, keys)))
    lines = original.splitlines(keepends=True)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        lines = draw(st.sampled_from(LINE_MUTATIONS))(draw, lines)
    return _encode(draw, "".join(lines))


def yaml_like(keys: list[str]) -> st.SearchStrategy[bytes]:
    """Random text made of YAML's punctuation, the schemas' field names, odd values and random characters."""
    tokens = st.one_of(
        st.sampled_from(YAML_TOKENS),
        st.sampled_from(keys).map(lambda key: f"{key}: "),
        st.sampled_from(ODD_VALUES),
        st.text(max_size=6),
    )
    return st.lists(tokens, max_size=60).map(lambda parts: "".join(parts).encode("utf-8", "surrogatepass"))


def random_yaml(keys: list[str]) -> st.SearchStrategy[bytes]:
    """Random YAML-looking text, or random YAML data that parses (wrong in every other way)."""
    return st.one_of(yaml_like(keys), random_data(keys).map(lambda data: _dump(data).encode("utf-8")))
