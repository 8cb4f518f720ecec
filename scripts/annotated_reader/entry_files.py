"""The files of a folder of one-entry-per-file data (glossary terms, timeline events), checked against its schema.

Every file is accounted for: the schema and a README are skipped, any other
file that is not `<id>.yaml` is an error (never silently ignored), and a file
whose YAML or schema check fails is reported and not returned.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .file_kinds import misplaced
from .problems import Problems
from .schema import check_against_schema, load_schema
from .yamlsource import YamlFile, load_yaml


def entry_files(folder: Path, schema_name: str, entry: str, problems: Problems) -> Iterator[tuple[Path, YamlFile]]:
    """Each valid `<entry>-id.yaml` file of `folder` (sorted by name) with its loaded YAML; none if no folder."""
    if not folder.is_dir():
        return
    schema = load_schema(folder / schema_name)
    for path in sorted(folder.iterdir()):
        if path.name in {schema_name, "README.md"} or path.name.startswith("."):
            continue
        where = f"{folder.parent.name}/{folder.name}/"
        if path.is_dir():
            problems.error(path, 0, f"folders inside {where} are not read: move its files up into {where}")
            continue
        if path.suffix != ".yaml":
            rename = f": rename it {path.stem}.yaml" if path.suffix == ".yml" else ""
            problems.error(path, 0, f"only <{entry}-id>.yaml files belong in {where}{rename}")
            continue
        source = load_yaml(path, problems)
        if source is None:
            continue
        wrong_kind = misplaced(source.data, entry, path)
        if wrong_kind:
            problems.error(path, source.line_of(()), wrong_kind)
        elif check_against_schema(source, schema, problems):
            yield path, source
