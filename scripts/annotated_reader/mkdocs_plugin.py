"""The thin MkDocs adapter: checks sources and annotations, then hands MkDocs the generated pages.

Registered as the `annotated-reader` plugin (entry point in pyproject.toml).
It holds no domain logic: it calls the pipeline and the page builders and
turns their results into MkDocs files, navigation and log lines. A corpus
with errors fails the build, listing every problem as `path:line: message`.
"""

from __future__ import annotations

import atexit
import gc
import logging
import re
import threading
import zlib
from collections.abc import Callable
from functools import partial
from html import escape
from importlib import resources
from pathlib import Path
from urllib.parse import urljoin

import jinja2
from markupsafe import Markup
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .alignment import align_corpus
from .annotation_index import (
    INDEX_NOTES,
    INDEX_URI,
    annotation_years,
    render_annotation_index,
    render_annotation_year_page,
)
from .annotation_index import year_page_uri as annotation_year_uri
from .check_handoff import Handoff, StarterGone, handed_over, wait_until_site_ready
from .cite_pages import cite_page_path, render_cite_page
from .concordance import INLINE_LINES
from .config_lines import setting_at, writes, written_at
from .documents_index import DOCUMENTS_URI, render_documents_index
from .downloads import SCHEMA_URI, document_json, document_text, download_schema, json_path, text_path
from .former_ids import render_moved_page
from .glossary_pages import INDEX_URI as GLOSSARY_URI
from .glossary_pages import render_glossary_index
from .head_meta import document_meta, render_meta
from .interface_build import PAGE_OPTIONS, InterfaceBuild, InterfaceResult, page_options_of_parent
from .messages import LANGUAGES, Messages, messages
from .model import Corpus, Document
from .notes import NoteIndex
from .old_output import OldOutput, move_aside
from .page_shells import PageShells
from .pagefind_service import PagefindError
from .pages import TITLE_ID, GeneratedPage, Reading, View, build_pages, render_corpus_list, view_url
from .pipeline import CheckedCorpus, check_project
from .ready_pages import finish
from .reference_pages import (
    DOWNLOADS_MARKER,
    expand_cite_examples,
    marker_errors,
    render_downloads,
)
from .search import SearchIndexer, is_indexed
from .search_page import SCRIPT as SEARCH_SCRIPT
from .search_page import SEARCH_URI, render_search_page
from .site_info import SiteInfo, date_build_from_commit, site_info
from .site_urls import INTERFACE_ROOTS, event_url, interface_root, term_url
from .term_pages import (
    GlossaryContext,
    page_uri,
    render_term_page,
    render_term_year_page,
    term_year_page_uri,
)
from .text_links import TextLinks
from .timeline_pages import (
    OVERVIEW_URI,
    YEARS,
    TimelineContext,
    document_timeline_rows,
    event_uri,
    event_year_page_uri,
    render_event_page,
    render_event_year_page,
    render_overview,
    render_year_page,
    year_uri,
)
from .web_annotation import export_document, export_path

log = logging.getLogger("mkdocs.plugins.annotated_reader")

STYLESHEET, SCRIPT = "reader.css", "reader.js"
ASSETS = (STYLESHEET, SCRIPT)
ASSETS_URI = "assets/annotated-reader/"
# Where the home page wants the generated list of documents.
CORPUS_MARKER = "<!-- annotated-reader:corpus -->"


# What a generated page holds until it is written (MkDocs keeps every page's content until the
# build ends): a document view's HTML is made then, another page's is kept compressed till then.
# The theme adds a title of its own to a page without "<h1", and each generated page has its own.
PLACEHOLDER = "<!-- annotated-reader: the generated page, with its <h1> -->"
# The navigation's generated sections, after Home, by their name's message; the 404 page links them too.
SECTIONS = (
    ("nav_documents", DOCUMENTS_URI),
    ("nav_annotations", INDEX_URI),
    ("nav_glossary", GLOSSARY_URI),
    ("nav_timeline", OVERVIEW_URI),
)
# The template MkDocs renders for a generated page: what page_shells made of the theme's.
SHELL_TEMPLATE = "annotated-reader-page.html"


# The theme's <link rel="alternate" hreflang> tags name each interface's home page, and its script
# fetches the sitemap.xml of each (two files that grow with the corpus) on every page's first view,
# to map pages across languages for its own selector. The selector here links each page to its own
# counterpart (templates/partials/alternate.html), so they are left out.
THEME_ALTERNATES = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[^"]*">\s*')


def _put_content(output: str, content: str, page: Page, config: MkDocsConfig) -> str:
    """The written page with a generated page's HTML in place of its placeholder."""
    if PLACEHOLDER not in output:
        # A theme override that leaves out {{ page.content }} would otherwise publish the page empty.
        raise PluginError(
            f"{page.file.src_uri}: the theme's template did not write the page's content "
            f"(theme: {config.theme.name}, custom_dir: {config.theme.custom_dir}); "
            "keep {{ page.content }} in the template"
        )
    return output.replace(PLACEHOLDER, content, 1)


def _root(page: Page) -> str:
    """The path from a page to its site's root (directory URLs: one "../" per folder)."""
    return "../" * page.url.count("/")


class AnnotatedReaderConfig(Config):
    # The project folder that holds sources/; relative to mkdocs.yml.
    root = config_options.Type(str, default=".")
    # Other interface languages and their configuration files, e.g. {zh: mkdocs.zh.yml}: each is
    # built after this site into its folder (INTERFACE_ROOTS), from the same sources and notes.
    interfaces = config_options.Type(dict, default={})
    # The most concordance lines a term page shows itself, and mentions an event's page: a term
    # used (an event named) more often has them on a page per year (term_pages.py, timeline_pages.py).
    concordance_lines = config_options.Type(int, default=INLINE_LINES)
    # The most notes the annotations index lists itself: more are listed on a page per year
    # (annotation_index.py).
    index_notes = config_options.Type(int, default=INDEX_NOTES)


class AnnotatedReaderPlugin(BasePlugin[AnnotatedReaderConfig]):
    checked: CheckedCorpus
    notes: NoteIndex
    text_links: TextLinks
    timeline: TimelineContext
    msg: Messages
    site: SiteInfo
    reading: Reading
    # Document view pages by source path: written when their page is (on_post_page).
    views: dict[str, GeneratedPage]
    # The other generated pages by source path, made when MkDocs reaches them (on_page_content);
    # then their finished HTML, zlib-compressed, until the page is written.
    sources: dict[str, Callable[[], str]]
    held: dict[str, bytes]
    # The title of heading permalinks, as the toc extension is configured; None: no permalinks.
    permalink_title: str | None
    search: SearchIndexer | None = None
    # Under `mkdocs serve`, the thread writing the last build's search index.
    search_writer: threading.Thread | None = None
    # The other interfaces' builds, running beside this one.
    interface_builds: list[InterfaceBuild]
    serving = False
    # The theme's template of each generated page, by source path, rendered through page_shells.
    themed: dict[str, str]
    shells: PageShells
    env: jinja2.Environment

    def __init__(self) -> None:
        super().__init__()
        self.interface_builds = []
        self.old_output = OldOutput(None)

    def on_startup(self, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.dirty = dirty

    @property
    def corpus(self) -> Corpus:
        return self.checked.corpus

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config_file = config.config_file_path
        if not config.use_directory_urls:
            raise PluginError(
                f"{setting_at(config_file, 'use_directory_urls')}: annotated-reader needs it true (passage links "
                "are directory URLs): remove the setting or set it to true"
            )
        searches = ("search", "material/search")
        if any(name in config.plugins for name in searches):
            # MkDocs names material's `search` material/search: the message names it as the file writes it.
            name = next((name for name in searches if writes(config_file, "plugins", name)), "search")
            raise PluginError(
                f"{setting_at(config_file, 'plugins', name)}: remove this plugin: annotated-reader builds the "
                "site's search index itself (Pagefind), which pages fetch only when a reader searches"
            )
        language = config.theme["language"]
        if language not in LANGUAGES:
            raise PluginError(
                f"{setting_at(config_file, 'theme', 'language')}: '{language}' is not a language of the interface "
                f"({', '.join(LANGUAGES)}): set one of them"
            )
        self.msg = messages(language)
        self.root = (Path(config.config_file_path).parent / self.config.root).resolve()
        toc = config.mdx_configs.get("toc", {})
        self.permalink_title = toc.get("permalink_title", "Permanent link") if toc.get("permalink") else None
        # Dates from the commit, not the clock, for MkDocs's sitemap as for the pages.
        date_build_from_commit(self.root)
        self.site = site_info(self.root, config.site_name, config.site_url)
        # The hand-written pages of each interface language mirror the sites: docs/ and docs/zh/.
        self.english_docs = (Path(config.docs_dir) / interface_root(language, "en")).resolve()
        for code, path in self.config.interfaces.items():
            where = setting_at(config_file, "plugins", "annotated-reader", "interfaces", code)
            if code not in LANGUAGES or code == language:
                raise PluginError(f"{where}: not another interface language ({', '.join(LANGUAGES)})")
            if not (Path(config_file).parent / path).is_file():
                raise PluginError(f"{where}: no configuration file '{path}' beside it")
        self._check_page_options(config)
        # A preview's rebuild: the last preview's other interfaces stop before their folder is cleaned.
        self._stop_interfaces()
        # Built as another interface, this build is handed the first build's check (check_handoff.py).
        checked = handed_over(self.root) or check_project(self.root)
        # The other interface's build reports the same problems: its copies of these messages are not relayed.
        self.reported = {str(problem) for problem in checked.problems}
        for problem in checked.problems:
            (log.warning if problem.severity == "warning" else log.error)(str(problem))
        if checked.problems.errors:
            raise PluginError(
                f"{len(checked.problems.errors)} error(s) in sources/ or annotations/ (listed above); "
                "fix them, or run 'python -m annotated_reader check' to see them again"
            )
        self.checked = checked
        if not self.serving:
            # Started now, the other interfaces read the check and prepare their pages while this
            # one does; they write once this build has cleaned the site folder (on_files).
            # Under `mkdocs serve` they start once this one is written: sharing the two cores
            # with it, they would delay the page the contributor is waiting for.
            self._start_interfaces(config, site_ready=False)
        self.notes = NoteIndex.build(self.corpus, checked.anchors)
        self.text_links = TextLinks.build(checked.terms, checked.occurrences, self.notes, checked.mentions)
        self.timeline = TimelineContext(
            self.corpus,
            checked.events,
            checked.mentions,
            checked.terms,
            checked.occurrences,
            self.msg,
            self.config.concordance_lines,
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
        aligned = sum(report.aligned for report in align_corpus(self.corpus))
        log.info(f"annotated-reader: {len(self.corpus.documents)} documents checked, {aligned} aligned passages")
        if ASSETS_URI + STYLESHEET not in config.extra_css:
            config.extra_css.append(ASSETS_URI + STYLESHEET)
        self._add_nav(config)
        self._add_theme_parts(config)
        return config

    def _add_theme_parts(self, config: MkDocsConfig) -> None:
        # Our language selector partial, after any custom_dir so that a project can still override it.
        templates = str(resources.files("annotated_reader") / "templates")
        position = 1 if config.theme.custom_dir else 0
        if templates not in config.theme.dirs:
            config.theme.dirs.insert(position, templates)
        # The roots of the interface languages; each page's selector links to its own counterpart.
        config.extra["alternate"] = [
            {"name": messages(code)("language_name"), "link": interface_root(self.msg.language, code) or "./",
             "lang": code}
            for code in LANGUAGES
        ]  # fmt: skip

    def _add_nav(self, config: MkDocsConfig) -> None:
        msg = self.msg
        nav = config.nav if config.nav is not None else [{msg("nav_home"): "index.md"}]
        # The generated sections follow the first entry (Home), replacing any of the same name in mkdocs.yml.
        generated = {msg(name): uri for name, uri in SECTIONS}
        nav = [entry for entry in nav if not (isinstance(entry, dict) and generated.keys() & entry.keys())]
        for position, (title, target) in enumerate(generated.items(), start=1):
            nav.insert(min(position, len(nav)), {title: target})
        config.nav = nav

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        # The site folder has just been cleaned: the other interfaces can write into it.
        for build in self.interface_builds:
            build.site_ready()
        self.search = self._search_step(SearchIndexer)

        def header_rows(document, root):
            return document_timeline_rows(self.timeline, document, root)

        reading = self.reading = Reading(self.msg, self.site)
        self.themed = {}
        self.shells = PageShells()
        self.views = {}
        self.sources = {}
        self.held = {}
        for page in build_pages(self.corpus, self.notes, self.text_links, header_rows, reading):
            files.append(File.generated(config, page.src_uri, content=""))
            self.views[page.src_uri] = page

        def add(src_uri: str, make, *arguments) -> None:
            # The page's HTML is made when MkDocs reaches it (on_page_content).
            files.append(File.generated(config, src_uri, content=""))
            self.sources[src_uri] = partial(make, *arguments)

        for document in self.corpus.documents:
            files.append(File.generated(config, text_path(document), content=document_text(document, self.site)))
            files.append(File.generated(config, json_path(document), content=document_json(document, self.site)))
        files.append(File.generated(config, SCHEMA_URI, content=download_schema()))
        add(DOCUMENTS_URI, render_documents_index, self.corpus, self.notes, self.msg)
        add(INDEX_URI, render_annotation_index, self.notes, self.msg, self.config.index_notes)
        for year in annotation_years(self.notes, self.config.index_notes):
            add(annotation_year_uri(year), render_annotation_year_page, self.notes, year, self.msg)
        add(GLOSSARY_URI, render_glossary_index, self.checked.terms, self.checked.occurrences, self.msg)
        terms = {t.id: t for t in self.checked.terms}
        context = GlossaryContext(self.corpus, terms, self.checked.occurrences, self.msg, self.config.concordance_lines)
        for term in self.checked.terms:
            add(page_uri(term), render_term_page, term, context)
            for year in context.years(term):
                add(term_year_page_uri(term, year), render_term_year_page, term, year, context)
        add(OVERVIEW_URI, render_overview, self.timeline)
        for year in YEARS:
            add(year_uri(year), render_year_page, year, self.timeline)
        for event in self.checked.events:
            add(event_uri(event), render_event_page, event, self.timeline)
            for year in self.timeline.mention_years(event):
                add(event_year_page_uri(event, year), render_event_year_page, event, year, self.timeline)
        for document in self.corpus.documents:
            if self.notes.count(document):
                content = export_document(self.notes, document, config.site_url)
                files.append(File.generated(config, export_path(document), content=content))
        add(SEARCH_URI, render_search_page, self.msg, ASSETS_URI)
        # The search page's script is not in extra_javascript: no other page needs it.
        for asset in (*ASSETS, SEARCH_SCRIPT):
            path = resources.files("annotated_reader") / "assets" / asset
            files.append(File.generated(config, ASSETS_URI + asset, content=path.read_bytes()))
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        # A generated page's HTML is finished without Markdown (ready_pages): MkDocs renders nothing.
        if page.file.src_uri in self.views or page.file.src_uri in self.sources:
            return ""
        errors = marker_errors(markdown, self.corpus)
        if errors:
            path = Path(config.docs_dir) / page.file.src_uri
            raise PluginError("\n".join(f"{path}:{error.line}: {error.message}" for error in errors))
        root = _root(page)
        if CORPUS_MARKER in markdown:
            markdown = markdown.replace(CORPUS_MARKER, render_corpus_list(self.corpus, self.notes, self.msg))
        if DOWNLOADS_MARKER in markdown:
            markdown = markdown.replace(DOWNLOADS_MARKER, render_downloads(self.corpus, self.notes, self.msg, root))
        return expand_cite_examples(markdown, self.corpus, self.notes, self.site, self.msg, root)

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        make = self.sources.pop(page.file.src_uri, None)
        if make is not None:
            ready = finish(make(), self.permalink_title)
            page.meta["title"] = ready.title
            page.toc = get_toc(ready.toc)
            page.present_anchor_ids = set(ready.anchor_ids)
            # A term page of a large corpus runs to megabytes: held compressed, about a tenth.
            self.held[page.file.src_uri] = zlib.compress(ready.html.encode(), 1)
            self._theme_once(page)
            return PLACEHOLDER
        generated = self.views.get(page.file.src_uri)
        if generated is None:
            return html
        self._theme_once(page)
        page.meta["title"] = generated.title
        # The theme gives a page without a table of contents no "Skip to content" link, and a
        # keyboard would have to pass the whole header and navigation to reach the text: the
        # view's table of contents is its title.
        title = generated.document.title[generated.view.text_language]
        page.toc = get_toc([{"level": 1, "id": TITLE_ID, "name": escape(title), "children": []}])
        # Its ids are not known until it is written; MkDocs then leaves links to them unchecked
        # (the site's link check covers them).
        page.present_anchor_ids = None
        return PLACEHOLDER

    def _theme_once(self, page: Page) -> None:
        """Have the theme's page around a generated page made through page_shells (on_page_context)."""
        # MkDocs picks the template before on_page_context: this one writes what page_shells made.
        self.themed[page.file.src_uri] = page.meta.get("template", "main.html")
        page.meta["template"] = SHELL_TEMPLATE

    def on_env(self, env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        self.env = env
        return env

    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        context["ar_alternate"] = self._alternates(page)
        context["ar_search_label"] = self.msg("search_label")
        themed = self.themed.get(page.file.src_uri)
        if themed is not None:

            def stand_in_context(stand_in: Page) -> dict:
                return {**context, "page": stand_in, "ar_alternate": self._alternates(stand_in)}

            html = self.shells.render(self.env.get_template(themed), context, page, stand_in_context)
            context["ar_page_html"] = Markup(html)
        return context

    def _alternates(self, page: Page) -> list[dict[str, object]]:
        """The language selector's links: this page in each interface, or that interface's home page."""
        site_relative = page.url if page.file.generated_by or self._has_counterpart(page) else ""
        return [
            {
                "name": messages(code)("language_name"),
                "lang": code,
                "html_lang": messages(code).html_lang,
                "link": (_root(page) + interface_root(self.msg.language, code) + site_relative) or "./",
                "current": code == self.msg.language,
            }
            for code in LANGUAGES
        ]

    def on_template_context(self, context, template_name: str, config: MkDocsConfig):
        # The theme's own pages (404.html) have the header's search button too.
        context["ar_search_label"] = self.msg("search_label")
        if template_name == "404.html":
            context["ar_not_found"] = self._not_found(context["base_url"])
        return context

    def _not_found(self, base_url: str) -> list[dict[str, object]]:
        """The 404 page's words and links, in this interface's language and then the others'.

        A web host shows one 404 page for every missing address, whichever interface it was
        under; its links are absolute (MkDocs gives the page the site's path as its base).
        """
        languages = [self.msg.language, *(code for code in LANGUAGES if code != self.msg.language)]
        found = []
        for code in languages:
            msg = messages(code)
            root = urljoin(base_url, interface_root(self.msg.language, code) or "./")
            found.append(
                {
                    "lang": msg.html_lang,
                    "title": msg("not_found_title"),
                    "text": msg("not_found_text"),
                    "search": msg("search_label"),
                    "button": msg("search_button"),
                    "root": root,
                    # The navigation's: home, then the generated sections.
                    "links": [
                        (msg("nav_home"), root),
                        *((msg(name), root + uri.removesuffix("index.md")) for name, uri in SECTIONS),
                    ],
                }
            )
        return found

    def _has_counterpart(self, page: Page) -> bool:
        """Whether a hand-written page exists in every interface language (same name in docs/, docs/zh/, ...)."""
        return all((self.english_docs / INTERFACE_ROOTS[code] / page.file.src_uri).is_file() for code in LANGUAGES)

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        output = THEME_ALTERNATES.sub("", output, count=len(LANGUAGES))
        if page.file.src_uri != SEARCH_URI:
            # reader.js goes where extra_javascript would put it, on every page but the search
            # page, which has nothing for it: there it would only add to a first search's bytes.
            before, end, after = output.rpartition("</body>")
            output = f'{before}<script src="{_root(page)}{ASSETS_URI}{SCRIPT}"></script>{end}{after}'
        generated = self.views.get(page.file.src_uri)
        held = self.held.pop(page.file.src_uri, None)
        if generated is not None or held is not None:
            content = generated.render() if generated is not None else zlib.decompress(held).decode()
            output = _put_content(output, content, page, config)
        if self.search and is_indexed(page.url, parallel_view=bool(generated and not generated.view.slug)):
            self._search_step(self.search.add_page, page.url, output)
        if generated is None:
            return output
        document, view = generated.document, generated.view
        self._write_cite_page(document, view, config)
        url = self.site.absolute(view_url(document, view))
        tags = render_meta(document_meta(document, view.text_language, url, self.site, self.msg))
        return output.replace("</head>", tags + "</head>", 1)

    def _write_cite_page(self, document: Document, view: View, config: MkDocsConfig) -> None:
        # Written straight into the site, as the view is: held as a MkDocs file, every view's
        # citations would be in memory at once.
        path = Path(config.site_dir) / cite_page_path(document, view)
        path.parent.mkdir(parents=True, exist_ok=True)
        html = render_cite_page(document, view, self.reading, ASSETS_URI, config.theme.get("favicon"))
        path.write_text(html, encoding="utf-8")

    def on_pre_build(self, config: MkDocsConfig) -> None:
        # The last preview's search index is written before its folder is cleaned for this build.
        if self.search_writer is not None:
            self.search_writer.join()
            self.search_writer = None
        # Built as another interface: the folder this build cleans is inside the first build's.
        try:
            wait_until_site_ready()
        except StarterGone as gone:
            raise PluginError(str(gone)) from gone
        if not (self.serving or self.dirty):
            # The last build's output, which MkDocs would now delete first, is deleted beside this build.
            self.old_output = move_aside(Path(config.site_dir))

    def on_post_build(self, config: MkDocsConfig) -> None:
        log.debug(f"annotated-reader: {self.shells}")
        self._write_moved_pages(Path(config.site_dir))
        assert self.search is not None, "on_files starts the search index"
        search, self.search = self.search, None
        if not self.serving:
            self._write_search(search, config)
            for build in self.interface_builds:
                self._report(build.wait(), True)
            self.old_output.wait()
            # The build's work is done and written. At the process's end, the cycle collector's last
            # pass over everything still held would take 1.6 s per interface at 500 documents (which
            # the first build waits for in the other's): the operating system frees it all anyway.
            atexit.register(gc.freeze)
            return
        # The preview reloads now. The search index follows about a second later (a search made
        # before then finds no index and says so), and the other interfaces when their builds end.
        self.search_writer = threading.Thread(target=self._write_search, args=(search, config), daemon=True)
        self.search_writer.start()
        self._start_interfaces(config, site_ready=True)
        for build in self.interface_builds:
            build.report_when_done(lambda result, build=build: build.stopped or self._report(result, False))

    def _write_moved_pages(self, site_dir: Path) -> None:
        # A renamed term's or event's earlier address leads to its page (former_ids.py).
        language = self.msg.language
        moved = [(term_url, term.name(language), term) for term in self.checked.terms]
        moved += [(event_url, event.title(language), event) for event in self.checked.events]
        for url, title, entry in moved:
            for former in entry.formerly:
                path = site_dir / url(former) / "index.html"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(render_moved_page(title, entry.id, self.msg), encoding="utf-8")

    def _write_search(self, search: SearchIndexer, config: MkDocsConfig) -> None:
        try:
            pages = self._search_step(search.write, Path(config.site_dir))
        except PluginError as error:
            if not self.serving:
                raise
            # Outside the build's own thread: said in the server's log, as a failed build would be.
            log.error(str(error))
            return
        log.info(f"annotated-reader: {pages} pages in the search index")

    @staticmethod
    def _search_step(step, *arguments):
        """Run a step of the search index; Pagefind's failure (not installed, stopped) fails the build."""
        try:
            return step(*arguments)
        except PagefindError as error:
            raise PluginError(f"the search index could not be built: {error}") from error

    def on_build_error(self, error: Exception) -> None:
        if self.search:
            self.search.abandon()
            self.search = None
        self._stop_interfaces()

    def _stop_interfaces(self) -> None:
        for build in self.interface_builds:
            build.stop()
        self.interface_builds = []

    def _start_interfaces(self, config: MkDocsConfig, site_ready: bool) -> None:
        """Start the other interfaces' builds; they write once `site_ready`, or told so (InterfaceBuild.site_ready)."""
        self._stop_interfaces()
        self.interface_builds = [
            InterfaceBuild(
                code,
                path,
                project=Path(config.config_file_path).parent,
                target=Path(config.site_dir) / INTERFACE_ROOTS[code],
                site_url=self.site.url + INTERFACE_ROOTS[code] if self.site.url else None,
                strict=config.strict,
                handoff=Handoff(self.root, self.checked),
                page_options=(Path(config.config_file_path).name, self._page_options()),
                site_ready=site_ready,
            )
            for code, path in self.config.interfaces.items()
        ]

    def _page_options(self) -> dict[str, object]:
        return {option: self.config[option] for option in PAGE_OPTIONS}

    def _check_page_options(self, config: MkDocsConfig) -> None:
        """Built as another interface: the options that decide which pages exist must be the first build's."""
        parent = page_options_of_parent()
        if parent is None:
            return
        parent_file, options = parent
        for option, value in self._page_options().items():
            if options.get(option) != value:
                setting = ("plugins", "annotated-reader", option)
                parent_at = written_at(Path(config.config_file_path).parent / parent_file, *setting)
                raise PluginError(
                    f"{setting_at(config.config_file_path, *setting)} is {value}, but {parent_at} sets "
                    f"{options.get(option)}: set the same in both files, so that each interface has the other's "
                    "pages (MkDocs's INHERIT does not pass plugin options down)"
                )

    def _report(self, result: InterfaceResult, fail: bool) -> None:
        """Relay the other interface's new messages (the check's are reported already) and its outcome."""
        for line in result.problems():
            if line.split("-  ", 1)[-1] not in self.reported:
                log.warning(f"annotated-reader: {result.code} interface: {line}")
        if result.failed:
            message = f"the {result.code} interface ({result.config_file}) did not build:\n{result.tail()}"
            if fail:
                raise PluginError(message)
            log.error(f"annotated-reader: {message}")
        else:
            log.info(f"annotated-reader: the {result.code} interface built into {INTERFACE_ROOTS[result.code]}")

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:
        # Sources are outside docs/, so mkdocs serve would not notice edits.
        for folder in ("sources", "annotations"):
            if (self.root / folder).is_dir():
                server.watch(str(self.root / folder))
        return server
