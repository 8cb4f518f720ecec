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
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import Problems

PathKey = tuple[str | int, ...]

_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
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
        lines = self.text.splitlines()
        return lines[line - 1] if 0 < line <= len(lines) else ""

    def line_of(self, key_path: PathKey) -> int:
        """The line of `key_path`, or of its nearest written ancestor."""
        key_path = tuple(key_path)
        while key_path:
            if key_path in self.lines:
                return self.lines[key_path]
            key_path = key_path[:-1]
        return self.lines.get((), 1)


class _Builder:
    def __init__(self, source: YamlFile, problems: Problems) -> None:
        self.source = source
        self.problems = problems
        self.constructor = SafeConstructor()

    def build(self, node: Node, key_path: PathKey) -> Any:
        if isinstance(node, MappingNode):
            return self._mapping(node, key_path)
        if isinstance(node, SequenceNode):
            items = []
            for index, child in enumerate(node.value):
                self.source.lines[(*key_path, index)] = child.start_mark.line + 1
                items.append(self.build(child, (*key_path, index)))
            return items
        assert isinstance(node, ScalarNode)
        if node.tag == _TIMESTAMP_TAG:
            return node.value
        value = self.constructor.construct_object(node, deep=True)
        if isinstance(value, str) and PLACEHOLDER in value:
            where = ".".join(str(k) for k in key_path) or "the file"
            self.problems.warning(
                self.source.path,
                node.start_mark.line + 1,
                f"{where} still holds the placeholder {PLACEHOLDER}: replace it with your text "
                "(a strict build fails while it is there)",
            )
        return value

    def _mapping(self, node: MappingNode, key_path: PathKey) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
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
    """Parse `path`; on a syntax error report it with YAML's line and return None."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        problems.error(path, 1, f"not UTF-8 text ({exc.reason} at byte {exc.start}); save the file as UTF-8")
        return None
    if "\t" in text:
        for number, line in enumerate(text.splitlines(), start=1):
            stripped = line.lstrip(" ")
            if stripped.startswith("\t"):
                problems.error(path, number, "tab used for indentation; YAML allows only spaces, so indent with spaces")
                return None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = exc.problem or "invalid YAML"
        before = YamlFile(path, None, text=text).line_text(line)[: mark.column] if mark else ""
        hint = _syntax_hint(what, before)
        if exc.context and "quoted scalar" in exc.context and exc.context_mark is not None:
            # YAML notices an unclosed quote only where the file ends; the
            # contributor needs the line where the quote was opened.
            line = exc.context_mark.line + 1
            what = f"a quoted value that starts on this line is never closed (YAML: {what})"
            hint = "; end it with the same quote mark, or write the text as a block with '|'"
        problems.error(path, line, f"YAML syntax error: {what}{hint}")
        return None
    source = YamlFile(path=path, data=None, text=text)
    if node is None:
        source.data = None
        return source
    source.lines[()] = node.start_mark.line + 1
    source.data = _Builder(source, problems).build(node, ())
    return source


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
