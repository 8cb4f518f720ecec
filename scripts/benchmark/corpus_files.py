"""Writing a synthetic corpus as files: the site's configuration, and each document's folder and seed.

The project gets the repository's configuration, hand-written pages and
schemas, so it builds like the real site, whatever the repository's
configuration is at the time: every top-level folder but the corpus, the
code and the tests (docs/, and any theme overrides or hooks), the mkdocs*.yml
files, and every *.schema.json of sources/ and annotations/.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import yaml

from annotated_reader.witness_format import format_witness

from .corpus import PASSAGES, SyntheticDocument

# Top-level folders of the repository that are not the site's configuration.
NOT_CONFIGURATION = {"sources", "annotations", "scripts", "tests", "site", "node_modules"}
SCHEMA_FOLDERS = ("sources", "annotations")
SITE_NOTE = "A synthetic page: sentences sampled from the corpus for the build benchmark."


def copy_site_config(root: Path, project: Path) -> None:
    """The repository's configuration, hand-written pages and schemas, so the project builds like the real site."""
    for entry in sorted(root.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and entry.name not in NOT_CONFIGURATION:
            shutil.copytree(entry, project / entry.name)
        elif entry.is_file() and entry.name.startswith("mkdocs") and entry.suffix in (".yml", ".yaml"):
            shutil.copy(entry, project / entry.name)
    for folder in SCHEMA_FOLDERS:
        for schema in (root / folder).rglob("*.schema.json"):
            target = project / schema.relative_to(root)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(schema, target)


def write_document(sources: Path, document: SyntheticDocument) -> None:
    """`sources/<id>/` (metadata and both witnesses) and the document's seed with its removal list."""
    zh = format_witness((p.id, p.kind, p.zh) for p in document.passages)
    en = format_witness((p.id, p.kind, p.en) for p in document.passages)
    # The seed: a page heading, the Chinese text, the English text, a comment link; one passage a line.
    heading = f"Synthetic benchmark page {document.id}"
    footer = "Post a Comment"
    lines = [heading, *(p.zh for p in document.passages), *(p.en for p in document.passages), footer]
    seed_bytes = ("\n".join(lines) + "\n").encode("utf-8")
    sha256 = hashlib.sha256(seed_bytes).hexdigest()
    seed_name = f"{document.index:03d}_{sha256[:16]}.txt"
    zh_lines = f"2-{1 + PASSAGES}"
    en_lines = f"{2 + PASSAGES}-{1 + 2 * PASSAGES}"
    seeds = sources / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    (seeds / seed_name).write_bytes(seed_bytes)
    removed = {
        "seed": seed_name,
        "sha256": sha256,
        "site": SITE_NOTE,
        "removed": [
            {"line": 1, "text": heading, "chrome": "page-heading", "reason": "The page's heading, not document text."},
            {"line": len(lines), "text": footer, "chrome": "comment-form", "reason": "Link to the comment form."},
        ],
    }
    dump_yaml(seeds / f"{seed_name[:-4]}.removed.yaml", removed)
    folder = sources / document.id
    folder.mkdir(parents=True)
    (folder / "zh.txt").write_text(zh, encoding="utf-8")
    (folder / "en.txt").write_text(en, encoding="utf-8")
    dump_yaml(folder / "document.yaml", _metadata(document, seed_name, sha256, zh_lines, en_lines))


def _metadata(document: SyntheticDocument, seed: str, sha256: str, zh_lines: str, en_lines: str) -> dict:
    def witness(language: str, role: str, quality: str, lines: str) -> dict:
        return {
            "language": language,
            "role": role,
            "quality": quality,
            "quality_evidence": "Synthetic: sentences sampled from the corpus's texts of this quality.",
            "attribution": "The build benchmark's corpus generator.",
            "provenance": {"seed": seed, "sha256": sha256, "lines": lines, "site": SITE_NOTE},
        }

    return {
        "id": document.id,
        "kind": document.kind.kind,
        "issuer": {"en": document.issuer.en, "zh": document.issuer.zh},
        "title": {"en": document.title_en, "zh": document.title_zh},
        "short_title": {
            "en": f"{document.year} {document.kind.en} {document.index + 1}",
            "zh": f"{document.year}年{document.kind.zh}{document.index + 1}",
        },
        "number": document.number_en,
        "date": document.date,
        "date_evidence": "zh and en, passage 'date'.",
        "numbering": ["part", "item"],
        "witnesses": {
            "zh": witness("zh-Hans", "original", "official", zh_lines),
            "en": witness("en", "translation", "machine-translation", en_lines),
        },
    }


# libyaml's emitter where PyYAML has it: thousands of note files are written at N=500.
_SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _ContributorDumper(_SafeDumper):
    """Multi-line text (note bodies, definitions) as literal blocks, as contributors write it."""


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None)


_ContributorDumper.add_representer(str, _represent_text)


def dump_yaml(path: Path, data: object) -> None:
    """Write `data` as YAML a contributor could have written: UTF-8 text, keys in the given order."""
    text = yaml.dump(data, Dumper=_ContributorDumper, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(text, encoding="utf-8")
