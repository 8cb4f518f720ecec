"""The thin MkDocs adapter: checks the sources before MkDocs builds anything.

Registered as the `annotated-reader` plugin (entry point in pyproject.toml).
It holds no domain logic: it calls the pipeline and turns its problems into
MkDocs log lines and a failed build. Page generation will hang off the same
plugin, so the core stays testable and movable without MkDocs.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from .alignment import align_corpus
from .pipeline import check_sources

log = logging.getLogger("mkdocs.plugins.annotated_reader")


class AnnotatedReaderConfig(Config):
    # The project folder that holds sources/; relative to mkdocs.yml.
    root = config_options.Type(str, default=".")


class AnnotatedReaderPlugin(BasePlugin[AnnotatedReaderConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = (Path(config.config_file_path).parent / self.config.root).resolve()
        checked = check_sources(root)
        for problem in checked.problems:
            (log.warning if problem.severity == "warning" else log.error)(str(problem))
        if checked.problems.errors:
            raise PluginError(
                f"{len(checked.problems.errors)} error(s) in sources/ (listed above); "
                "fix them, or run 'python -m annotated_reader check' to see them again"
            )
        aligned = sum(report.aligned for report in align_corpus(checked.corpus))
        log.info(f"annotated-reader: {len(checked.corpus.documents)} documents checked, {aligned} aligned passages")
        return config
