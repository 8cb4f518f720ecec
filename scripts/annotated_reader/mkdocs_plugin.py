"""The thin MkDocs adapter: checks sources and annotations, then hands MkDocs the generated pages.

Registered as the `annotated-reader` plugin (entry point in pyproject.toml).
It holds no domain logic: it calls the pipeline and the page builders and
turns their results into MkDocs files, navigation and log lines. A corpus
with errors fails the build, listing every problem as `path:line: message`.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .alignment import align_corpus
from .annotation_index import INDEX_URI, render_annotation_index
from .glossary_pages import INDEX_URI as GLOSSARY_URI
from .glossary_pages import render_glossary_index
from .model import Corpus
from .notes import NoteIndex
from .pages import build_pages, render_corpus_list
from .pipeline import CheckedCorpus, check_project
from .search import add_search_terms, check_segmenter, load_search_terms
from .term_pages import GlossaryContext, page_uri, render_term_page
from .text_links import TextLinks
from .timeline_pages import (
    OVERVIEW_URI,
    YEARS,
    TimelineContext,
    document_timeline_rows,
    event_uri,
    render_event_page,
    render_overview,
    render_year_page,
    year_uri,
)
from .web_annotation import export_document, export_path

log = logging.getLogger("mkdocs.plugins.annotated_reader")

ASSETS = ("reader.css", "reader.js")
ASSETS_URI = "assets/annotated-reader/"
# Where the home page wants the generated list of documents.
CORPUS_MARKER = "<!-- annotated-reader:corpus -->"


class AnnotatedReaderConfig(Config):
    # The project folder that holds sources/; relative to mkdocs.yml.
    root = config_options.Type(str, default=".")


class AnnotatedReaderPlugin(BasePlugin[AnnotatedReaderConfig]):
    checked: CheckedCorpus
    notes: NoteIndex
    text_links: TextLinks
    timeline: TimelineContext

    @property
    def corpus(self) -> Corpus:
        return self.checked.corpus

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not config.use_directory_urls:
            raise PluginError("annotated-reader needs use_directory_urls: true (passage links are directory URLs)")
        check_segmenter(config)
        self.root = (Path(config.config_file_path).parent / self.config.root).resolve()
        checked = check_project(self.root)
        for problem in checked.problems:
            (log.warning if problem.severity == "warning" else log.error)(str(problem))
        if checked.problems.errors:
            raise PluginError(
                f"{len(checked.problems.errors)} error(s) in sources/ or annotations/ (listed above); "
                "fix them, or run 'python -m annotated_reader check' to see them again"
            )
        self.checked = checked
        self.notes = NoteIndex.build(self.corpus, checked.anchors)
        self.text_links = TextLinks.build(checked.terms, checked.occurrences, self.notes, checked.mentions)
        self.timeline = TimelineContext(
            self.corpus, checked.events, checked.mentions, checked.terms, checked.occurrences
        )
        placed = sum(len(notes) for notes in self.notes.by_document.values())
        log.info(f"annotated-reader: {checked.anchor_summary()}; {placed} notes rendered")
        log.info(
            f"annotated-reader: {len(checked.terms)} glossary terms, {len(checked.occurrences)} occurrences, "
            f"{self.text_links.count('term')} linked in the texts"
        )
        log.info(
            f"annotated-reader: {len(checked.events)} timeline events, {len(checked.mentions)} mentions, "
            f"{self.text_links.count('event')} linked in the texts"
        )
        if placed != len(checked.annotations):
            # Never let a note vanish from the site without the build saying so.
            raise PluginError(f"{len(checked.annotations)} annotations but {placed} notes placed on pages")
        terms = load_search_terms(self.root / "annotations" / "search-terms.txt")
        terms += add_search_terms(form for term in checked.terms for form in term.zh_forms)
        log.info(f"annotated-reader: {terms} terms kept whole by the Chinese search segmenter")
        aligned = sum(report.aligned for report in align_corpus(self.corpus))
        log.info(f"annotated-reader: {len(self.corpus.documents)} documents checked, {aligned} aligned passages")
        for asset in ASSETS:
            target = config.extra_css if asset.endswith(".css") else config.extra_javascript
            if ASSETS_URI + asset not in target:
                target.append(ASSETS_URI + asset)
        self._add_nav(config)
        return config

    def _add_nav(self, config: MkDocsConfig) -> None:
        documents = [{d.short_title["en"]: f"documents/{d.id}/index.md"} for d in self.corpus.documents]
        nav = config.nav if config.nav is not None else [{"Home": "index.md"}]
        # The generated sections follow the first entry (Home), replacing any of the same name in mkdocs.yml.
        generated = {
            "Documents": documents,
            "Annotations": INDEX_URI,
            "Glossary": GLOSSARY_URI,
            "Timeline": OVERVIEW_URI,
        }
        nav = [entry for entry in nav if not (isinstance(entry, dict) and generated.keys() & entry.keys())]
        for position, (title, target) in enumerate(generated.items(), start=1):
            nav.insert(min(position, len(nav)), {title: target})
        config.nav = nav

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        def header_rows(document, root):
            return document_timeline_rows(self.timeline, document, root)

        for page in build_pages(self.corpus, self.notes, self.text_links, header_rows):
            files.append(File.generated(config, page.src_uri, content=page.markdown))
        files.append(File.generated(config, INDEX_URI, content=render_annotation_index(self.notes)))
        glossary = render_glossary_index(self.checked.terms, self.checked.occurrences)
        files.append(File.generated(config, GLOSSARY_URI, content=glossary))
        context = GlossaryContext(self.corpus, {t.id: t for t in self.checked.terms}, self.checked.occurrences)
        for term in self.checked.terms:
            files.append(File.generated(config, page_uri(term), content=render_term_page(term, context)))
        files.append(File.generated(config, OVERVIEW_URI, content=render_overview(self.timeline)))
        for year in YEARS:
            files.append(File.generated(config, year_uri(year), content=render_year_page(year, self.timeline)))
        for event in self.checked.events:
            files.append(File.generated(config, event_uri(event), content=render_event_page(event, self.timeline)))
        for document in self.corpus.documents:
            if self.notes.count(document):
                content = export_document(self.notes, document, config.site_url)
                files.append(File.generated(config, export_path(document), content=content))
        for asset in ASSETS:
            path = resources.files("annotated_reader") / "assets" / asset
            files.append(File.generated(config, ASSETS_URI + asset, content=path.read_bytes()))
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if CORPUS_MARKER in markdown:
            return markdown.replace(CORPUS_MARKER, render_corpus_list(self.corpus, self.notes))
        return markdown

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:
        # Sources are outside docs/, so mkdocs serve would not notice edits.
        for folder in ("sources", "annotations"):
            if (self.root / folder).is_dir():
                server.watch(str(self.root / folder))
        return server
