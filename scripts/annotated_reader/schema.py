"""Checking YAML data against a JSON Schema, with messages written for people.

The JSON Schemas in the repository are both the validator and the reference
documentation of each data file (`additionalProperties: false` catches typos,
`enum` fixes vocabularies, every field has a `description`). jsonschema's own
messages ("Additional properties are not allowed ('titel' was unexpected)")
are translated here into `path:line: message` problems that name the field,
say what was expected (quoting the schema's description) and suggest the fix.
A schema may add `x-hint` to a property: the sentence shown when a value does
not match its pattern or format.

Patterns are matched as JSON Schema defines them (ECMA-262 regular
expressions), where `$` is the end of the text: Python's `$` also matches
before a final newline, so `id: |` (a block, which ends in one) would pass
a pattern and then match nothing the loaders look for.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError

from .problems import Problems, did_you_mean
from .yamlsource import PathKey, YamlFile

_TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping of fields",
    "null": "nothing",
}


@cache
def load_schema(path: Path) -> dict[str, Any]:
    """Read and check a schema file once per process."""
    schema = json.loads(path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return schema


@cache
def ecma_pattern(pattern: str) -> re.Pattern[str]:
    """A schema's `pattern` as a Python regex with JSON Schema's meaning: `$` (outside a [class]) ends the text."""
    translated, escaped, in_class = [], False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        elif char == "$" and not in_class:
            char = r"\Z"
        translated.append(char)
    return re.compile("".join(translated))


def _pattern(validator: Any, pattern: str, instance: Any, schema: dict[str, Any]) -> Iterator[ValidationError]:
    if validator.is_type(instance, "string") and not ecma_pattern(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


_Validator = validators.extend(Draft202012Validator, {"pattern": _pattern})


def check_against_schema(source: YamlFile, schema: dict[str, Any], problems: Problems, at: PathKey = ()) -> bool:
    """Report every way `source.data` (or its part at key path `at`) breaks `schema`; True when it conforms."""
    validator = _Validator(schema)
    instance = source.data
    for key in at:
        instance = instance[key]
    # Several parts of a schema (each branch of an if/then) can find the same
    # fault; the contributor needs to read it once.
    reported: set[tuple[int, str]] = set()
    for error in sorted(validator.iter_errors(instance), key=lambda e: list(map(str, e.absolute_path))):
        for line, message in _explain(error, source, at):
            if (line, message) not in reported:
                reported.add((line, message))
                problems.error(source.path, line, message)
    return not reported


def definition(schema: dict[str, Any], name: str) -> dict[str, Any]:
    """A schema for one of `schema`'s $defs, resolving its references against the whole schema."""
    return {"$defs": schema["$defs"], "$ref": f"#/$defs/{name}"}


def _where(key_path: PathKey) -> str:
    return ".".join(str(k) for k in key_path) if key_path else "the file"


def _type_name(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _expected(schema: dict[str, Any]) -> str:
    description = schema.get("description")
    return f" (expected: {description})" if description else ""


def _explain(error: ValidationError, source: YamlFile, at: PathKey = ()) -> list[tuple[int, str]]:
    key_path: PathKey = (*at, *error.absolute_path)
    line = source.line_of(key_path)
    where = _where(key_path)
    kind = error.validator
    schema = error.schema if isinstance(error.schema, dict) else {}

    if kind == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        unknown = [k for k in error.instance if k not in allowed]
        messages = []
        for key in unknown:
            hint = did_you_mean(key, allowed) or f"; allowed fields here: {', '.join(allowed)}"
            messages.append((source.line_of((*key_path, key)), f"unknown field '{key}' in {where}{hint}"))
        return messages
    if kind == "required":
        messages = []
        unknown = (
            [k for k in error.instance if k not in schema.get("properties", {})]
            if isinstance(error.instance, dict)
            else []
        )
        for name in error.validator_value:
            # A misspelled field is reported as unknown, naming this one.
            if did_you_mean(name, unknown):
                continue
            if isinstance(error.instance, dict) and name not in error.instance:
                sub = schema.get("properties", {}).get(name, {})
                messages.append((line, f"missing field '{name}' in {where}{_expected(sub)}"))
        return messages
    if kind == "enum":
        choices = [str(c) for c in error.validator_value]
        hint = did_you_mean(str(error.instance), choices)
        return [(line, f"{where}: '{error.instance}' is not one of: {', '.join(choices)}{hint}")]
    if kind == "type":
        wanted = error.validator_value
        wanted_names = " or ".join(_TYPE_NAMES.get(t, t) for t in (wanted if isinstance(wanted, list) else [wanted]))
        hint = _expected(schema)
        if "string" in wanted and isinstance(error.instance, int | float | bool):
            # YAML reads 2003, 2.10 or yes as numbers and booleans unless quoted.
            hint += f'; write it in quotes, e.g. "{error.instance}"'
        elif error.instance is None and " #" in source.line_text(line):
            # `passage: #3.9`: YAML reads everything from the '#' on as a comment.
            hint += "; YAML reads '#' and what follows as a comment: leave out the '#' and write the value in quotes"
        return [(line, f"{where}: expected {wanted_names}, got {_type_name(error.instance)}{hint}")]
    if kind in {"pattern", "format"}:
        hint = schema.get("x-hint") or f"it must match {error.validator_value}"
        return [(line, f"{where}: '{error.instance}' is not valid: {hint}")]
    if kind in {"minLength", "minItems", "minProperties"}:
        return [(line, f"{where}: must not be empty{_expected(schema)}")]
    if kind == "propertyNames":
        return [(line, f"{where}: '{error.instance}' is not a valid name here: {schema.get('x-hint', error.message)}")]
    return [(line, f"{where}: {error.message}")]
