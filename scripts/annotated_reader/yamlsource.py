"""Reading contributor YAML while remembering the line of every key and item.

PyYAML's `safe_load` forgets where values came from, so error messages could
not name a line. Here the file is composed into nodes and built into plain
Python data alongside a map from each value's path (keys and list indexes) to
the line it starts on. Two YAML habits that surprise contributors are
neutralised on the way: duplicate keys are reported instead of silently
keeping the last one, and unquoted dates stay strings (so `2007-03-23` and
`"2007-03-23"` mean the same) instead of becoming `datetime.date` objects.
Any value still holding the `new` command's placeholder, `WRITE-ME`, is
reported as a warning: a fresh skeleton passes the check and previews under
`mkdocs serve`, but a strict build (the site, CI) fails until it is written.

Whatever a file holds, reading it reports problems and never raises: control
characters, `!` tags and values YAML cannot construct, an alias inside the
value it names, nesting too deep to read, and aliases that expand without
bound are each one `path:line: message`. Lines are counted as editors and git
count them, by '\n' alone (YAML also breaks lines at U+0085, U+2028 and U+2029).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.error import Mark
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.reader import Reader, ReaderError

from .problems import Problems

PathKey = tuple[str | int, ...]

_CORE = "tag:yaml.org,2002:"
_TIMESTAMP_TAG = _CORE + "timestamp"
# The tags YAML gives plain values by itself; any other tag was written with '!' by hand.
_PLAIN_TAGS = {_CORE + name for name in ("str", "int", "float", "bool", "null")}
# Values YAML 1.1 reads as a merge key (`<<`) or a default (`=`): as values they are just text.
_TEXT_TAGS = {_CORE + "merge", _CORE + "value"}
_TAG_MEANINGS = {"int": "a whole number", "float": "a number", "bool": "true or false"}
# More values than any contributor file holds: aliases (*name) repeating aliases can
# otherwise expand a small file into billions.
MAX_VALUES = 100_000
# What `python -m annotated_reader new ...` writes where the contributor's words go.
PLACEHOLDER = "WRITE-ME"


@dataclass
class YamlFile:
    """Plain data from one YAML file, and where each part of it was written."""

    path: Path
    data: Any
    lines: dict[PathKey, int] = field(default_factory=dict)
    text: str = ""

    def line_text(self, line: int) -> str:
        """The text of line `line` (1-based) as written, or '' past the end."""
        return _line_text(self.text, line)

    def line_of(self, key_path: PathKey) -> int:
        """The line of `key_path`, or of its nearest written ancestor."""
        key_path = tuple(key_path)
        while key_path:
            if key_path in self.lines:
                return self.lines[key_path]
            key_path = key_path[:-1]
        return self.lines.get((), 1)


class _Unreadable(Exception):
    """A file that parses but cannot be built into data: where, and what to do."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class Lines:
    """Line numbers of positions in a text, counting '\n' alone as editors and git do."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(match.end() for match in re.finditer("\n", text))]

    def of(self, mark: Mark) -> int:
        return bisect.bisect_right(self.starts, mark.index)

    def column(self, mark: Mark) -> int:
        return mark.index - self.starts[self.of(mark) - 1]

    def last_text_line(self, text: str) -> int:
        """The last line that holds more than whitespace (1 in a blank file)."""
        for number in range(len(self.starts), 0, -1):
            if text[self.starts[number - 1] : self.starts[number] if number < len(self.starts) else None].strip():
                return number
        return 1


def _line_text(text: str, line: int) -> str:
    """Line `line` (1-based, counted by '\n') of `text`, or '' past the end."""
    lines = text.split("\n")
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _where(key_path: PathKey) -> str:
    return ".".join(str(k) for k in key_path) or "the file"


class _Builder:
    def __init__(self, source: YamlFile, problems: Problems, lines: Lines) -> None:
        self.source = source
        self.problems = problems
        self.lines = lines
        self.constructor = SafeConstructor()
        # Lists and mappings being built: an alias inside one of them to itself would never end.
        self.open: set[int] = set()
        self.values = 0

    def build(self, node: Node, key_path: PathKey) -> Any:
        self.values += 1
        if self.values > MAX_VALUES:
            raise _Unreadable(
                self.lines.of(node.start_mark),
                f"aliases (*name) repeat values until the file holds more than {MAX_VALUES:,} of them "
                "(the last one repeated is named on this line): write the values out instead",
            )
        if isinstance(node, MappingNode | SequenceNode):
            if id(node) in self.open:
                raise _Unreadable(
                    self.lines.of(node.start_mark),
                    f"{_where(key_path)} is an alias (*name) of the list or mapping named on this line (&name), "
                    "which contains it and so would repeat without end: write the value out",
                )
            self.open.add(id(node))
            try:
                return self._mapping(node, key_path) if isinstance(node, MappingNode) else self._list(node, key_path)
            finally:
                self.open.discard(id(node))
        assert isinstance(node, ScalarNode)
        value = self._scalar(node, key_path)
        if isinstance(value, str) and PLACEHOLDER in value:
            self.problems.warning(
                self.source.path,
                self.lines.of(node.start_mark),
                f"{_where(key_path)} still holds the placeholder {PLACEHOLDER}: replace it with your text "
                "(a strict build fails while it is there)",
            )
        return value

    def _list(self, node: SequenceNode, key_path: PathKey) -> list[Any]:
        items = []
        for index, child in enumerate(node.value):
            self.source.lines[(*key_path, index)] = self.lines.of(child.start_mark)
            items.append(self.build(child, (*key_path, index)))
        return items

    def _scalar(self, node: ScalarNode, key_path: PathKey) -> Any:
        """The value of a scalar; one YAML cannot construct is reported and kept as the text written."""
        if node.tag == _TIMESTAMP_TAG or node.tag in _TEXT_TAGS:
            return node.value
        line = self.lines.of(node.start_mark)
        if node.tag not in _PLAIN_TAGS:
            tag = node.tag.replace(_CORE, "!!")
            self.problems.error(
                self.source.path,
                line,
                f"{_where(key_path)}: the YAML tag '{tag}' is not used in these files: remove it "
                "(and put the value in quotes if it is text)",
            )
            return node.value
        try:
            return self.constructor.construct_object(node, deep=True)
        except (ValueError, KeyError):
            # `0x_` looks like a number to YAML but is none; `!!int x` or `!!bool maybe` neither.
            self.problems.error(
                self.source.path,
                line,
                f"{_where(key_path)}: YAML cannot read '{node.value}' as "
                f"{_TAG_MEANINGS.get(node.tag.replace(_CORE, ''), node.tag)}: write it in quotes, as text "
                "(and without a '!!' tag)",
            )
            return node.value

    def _mapping(self, node: MappingNode, key_path: PathKey) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line = self.lines.of(key_node.start_mark)
            if not isinstance(key_node, ScalarNode):
                self.problems.error(self.source.path, line, "a key must be a plain word, not a list or mapping")
                continue
            key = str(key_node.value)
            if key in result:
                first = self.source.lines[(*key_path, key)]
                self.problems.error(
                    self.source.path,
                    line,
                    f"duplicate key '{key}' (first given on line {first}); YAML would keep only the last one, "
                    "so merge the two or rename one",
                )
                continue
            self.source.lines[(*key_path, key)] = line
            result[key] = self.build(value_node, (*key_path, key))
        return result


def load_yaml(path: Path, problems: Problems) -> YamlFile | None:
    """Parse `path`; on a syntax error report it with its line and return None."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        problems.error(path, 1, f"not UTF-8 text ({exc.reason} at byte {exc.start}); save the file as UTF-8")
        return None
    lines = Lines(text)
    if "\t" in text:
        for number, line in enumerate(text.split("\n"), start=1):
            stripped = line.lstrip(" ")
            if stripped.startswith("\t"):
                problems.error(path, number, "tab used for indentation; YAML allows only spaces, so indent with spaces")
                return None
    try:
        node = _compose(text)
    except ReaderError as exc:
        # Control characters are invisible in most editors: say which one, and where.
        line = text.count("\n", 0, exc.position) + 1
        problems.error(
            path,
            line,
            f"the invisible character U+{exc.character:04X} is not allowed in YAML: delete it "
            "(it may have come in with pasted text)",
        )
        return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = lines.of(mark) if mark else 1
        what = exc.problem or "invalid YAML"
        before = _line_text(text, line)[: lines.column(mark)] if mark else ""
        hint = _syntax_hint(what, before)
        if exc.context and "quoted scalar" in exc.context and exc.context_mark is not None:
            # YAML notices an unclosed quote only where the file ends; the
            # contributor needs the line where the quote was opened.
            line = lines.of(exc.context_mark)
            what = f"a quoted value that starts on this line is never closed (YAML: {what})"
            hint = "; end it with the same quote mark, or write the text as a block with '|'"
        # Some mistakes YAML notices only at the end of the file, past its last
        # line: the contributor needs the last line that holds text.
        line = min(line, lines.last_text_line(text))
        problems.error(path, line, f"YAML syntax error: {what}{hint}")
        return None
    except RecursionError:
        problems.error(path, 1, _TOO_DEEP)
        return None
    source = YamlFile(path=path, data=None, text=text)
    if node is None:
        source.data = None
        return source
    source.lines[()] = lines.of(node.start_mark)
    try:
        source.data = _Builder(source, problems, lines).build(node, ())
    except RecursionError:
        problems.error(path, 1, _TOO_DEEP)
        return None
    except _Unreadable as exc:
        problems.error(path, exc.line, exc.message)
        return None
    return source


# Each level of nesting takes one of these (a list item, a key, a bracket):
# more of them than this and the file might nest deeper than libyaml's
# composer can go (see _compose).
_NESTING_MARKS = "-:?[{"
_SHALLOW = 1_000
# Nor a comment glued to a block scalar's header ("body: |# note"), which libyaml reads as a
# comment and PyYAML refuses (it wants a space before the "#").
_LIBYAML_DIFFERS = re.compile("[\t\ufeff!]|[|>][-+0-9]*#|" + Reader.NON_PRINTABLE.pattern)


def _compose(text: str) -> Node | None:
    """The file's node tree: libyaml's where it reads the file as PyYAML would, else PyYAML's.

    libyaml composes a file about ten times faster than PyYAML's own Python
    reader, and a build reads thousands of files. It is used only where it
    cannot answer differently: text that PyYAML's reader accepts whole (no
    control characters), nesting it cannot overflow (its composer recurses in
    C, where Python's depth check does not reach, and crashes the process on
    deep brackets), and a file it reads without error and with no "?" inside
    brackets (_question_in_brackets). Any error is found again by PyYAML, so
    every message and hint is the one PyYAML's wording gives.
    """
    shallow = sum(text.count(mark) for mark in _NESTING_MARKS) < _SHALLOW
    # Not tabs, byte-order marks or tags either: PyYAML refuses a tab in places where libyaml
    # takes it as a space, libyaml leaves a byte-order mark out of its count, so every line
    # would move, and the two resolve some tags (a bare "!") to different values.
    if yaml.__with_libyaml__ and shallow and not _LIBYAML_DIFFERS.search(text):
        try:
            node = yaml.compose(text, Loader=yaml.CSafeLoader)
        except yaml.YAMLError:
            pass
        else:
            if not _question_in_brackets(node, text):
                return node
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _question_in_brackets(root: Node | None, text: str) -> bool:
    """Whether a "?" stands inside [ ] or { }, where PyYAML and libyaml read it differently.

    PyYAML takes it as the start of a key and refuses the file; libyaml keeps it in the
    value, or makes a key of it where PyYAML would not.
    """
    # Each node once: aliases can make a small file's tree a graph with billions of paths.
    seen: set[int] = set()
    waiting = [root]
    while waiting:
        node = waiting.pop()
        if node is None or id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, SequenceNode | MappingNode) and node.flow_style:
            if "?" in text[node.start_mark.index : node.end_mark.index]:
                return True
        elif isinstance(node, SequenceNode):
            waiting.extend(node.value)
        elif isinstance(node, MappingNode):
            waiting.extend(part for pair in node.value for part in pair)
    return False


_TOO_DEEP = (
    "lists or mappings are nested hundreds of levels deep, more than YAML can read: "
    "check the brackets [ ] and { } (each one opened must be closed)"
)


def _syntax_hint(problem: str, before: str = "") -> str:
    """A sentence on the likely cause; `before` is the line's text up to where YAML stopped."""
    if "mapping values are not allowed" in problem and ": " not in before:
        # The first colon of the line: the key itself is out of line, and YAML
        # read it as more words of the value above.
        return (
            " (this line is indented differently from the lines before it at its level: line it up with them, "
            "two spaces per level)"
        )
    if "mapping values are not allowed" in problem:
        return (
            " (a value that contains ': ' must be quoted, e.g. title: \"Article 2: principles\", "
            "or written as a block with '|')"
        )
    if "could not find expected ':'" in problem:
        return " (each line of a mapping needs 'key: value'; check the indentation of the lines above)"
    if "expected chomping or indentation indicators" in problem or "expected a comment or a line break" in problem:
        # What follows a block's '|' or '>' on its line: text, or a comment glued to it.
        return " (after '|' or '>' the text starts on the next line, indented; a comment needs a space before '#')"
    if "found character '\\t'" in problem:
        return " (a tab: YAML allows only spaces, so replace it with a space)"
    if "expected <block end>, but found '<block mapping start>'" in problem:
        return (
            " (this line is indented differently from the lines before it at its level: line it up with them, "
            "two spaces per level)"
        )
    if "expected <block end>, but found '<scalar>'" in problem:
        return (
            ' (there is text after a closing quote mark: a value containing " marks goes in single quotes, '
            "'like \"this\"', and one containing ' marks in double quotes)"
        )
    return ""
