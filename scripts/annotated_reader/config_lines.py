"""Where a setting is written in a MkDocs configuration file, so that the plugin's errors name its line.

MkDocs hands a plugin the configuration's values, not where they were
written. To say `mkdocs.yml:12: plugins: annotated-reader: interfaces: ...`,
the file is read again as YAML nodes, which keep their places (lines are
counted as for the contributors' files, yamlsource.Lines); nothing is
constructed, so tags such as `!ENV` and `!!python/name:` need no loader. A
setting the file does not write (left at its default, or given by the file
it INHERITs) is looked for in that file, and otherwise the line named is
that of its nearest enclosing setting the file does write, where it would
go (the plugin's entry for one of its options).
"""

from __future__ import annotations

from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .yamlsource import Lines

# A chain of INHERIT longer than this is a loop.
MOST_INHERITED = 10


def setting_at(config_file: str | Path, *keys: str) -> str:
    """`file:line: key: key` for a setting, or `file: key: key` when no line can be given."""
    return f"{written_at(config_file, *keys)}: {': '.join(keys)}"


def written_at(config_file: str | Path, *keys: str) -> str:
    """`file:line` where a setting is written (or would go), or `file` when no line can be given."""
    found = _located(Path(config_file), keys, MOST_INHERITED)
    if found is None:
        return str(config_file)
    file, _, line = found
    # The file as the caller named it, unless the setting is in the one it inherits.
    return f"{config_file if file == Path(config_file) else file}:{line}"


def writes(config_file: str | Path, *keys: str) -> bool:
    """Whether the file, or the one it inherits, writes the whole setting."""
    found = _located(Path(config_file), keys, MOST_INHERITED)
    return found is not None and found[1] == len(keys)


def _located(config_file: Path, keys: tuple[str, ...], depth: int) -> tuple[Path, int, int] | None:
    """The file that writes the setting, how many of its keys it writes and the line of the last (None: no line).

    The whole setting wherever the chain of INHERITs gives it, or else its
    nearest enclosing setting in `config_file` itself. MkDocs merges an
    inherited file's mappings but replaces its lists (such as `plugins`), so
    a setting under a list the file writes is never the inherited one.
    """
    composed = _compose(config_file)
    if composed is None:
        return None
    root, lines = composed
    written, line, replaced = _deepest(root, keys, lines)
    if written < len(keys) and not replaced and depth > 0:
        inherited = _entry(root, "INHERIT", lines)
        if inherited is not None and isinstance(inherited[1], ScalarNode):
            parent = _located(config_file.parent / inherited[1].value, keys, depth - 1)
            if parent is not None and parent[1] == len(keys):
                return parent
    return (config_file, written, line) if line else None


def _compose(config_file: Path) -> tuple[Node, Lines] | None:
    try:
        text = config_file.read_text(encoding="utf-8")
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    return (root, Lines(text)) if root is not None else None


def _deepest(node: Node | None, keys: tuple[str, ...], lines: Lines) -> tuple[int, int, bool]:
    """How many of `keys` the file writes, in order; the line (1-based) of the last one (0: none); and
    whether what it writes there replaces an inherited value whole (anything but a mapping, or inside a list)."""
    line, replaced = 0, False
    for written, key in enumerate(keys):
        replaced = replaced or not isinstance(node, MappingNode)
        found = _entry(node, key, lines)
        if found is None:
            return written, line, replaced
        line, node = found
    return len(keys), line, replaced


def _entry(node: Node | None, key: str, lines: Lines) -> tuple[int, Node | None] | None:
    """The line of `key` in a mapping, or of the list item naming it (`- name` or `- name: {...}`), and its value."""
    if isinstance(node, MappingNode):
        for name, value in node.value:
            if isinstance(name, ScalarNode) and name.value == key:
                return lines.of(name.start_mark), value
    if isinstance(node, SequenceNode):
        for item in node.value:
            if isinstance(item, ScalarNode) and item.value == key:
                return lines.of(item.start_mark), None
            found = _entry(item, key, lines) if isinstance(item, MappingNode) else None
            if found is not None:
                return found
    return None
