"""Checks a built site, offline: every link inside it leads somewhere, and nothing loads from other hosts.

`check_site` reads every page of a built site folder once (the English site
at its root, the Chinese interface under zh/), gathering each page's ids and
the URLs in it with their lines, and then resolves every URL against the
files of the site:

- a relative, site-absolute or own-address link must name a file of the site
  (a folder URL its index.html), and its `#fragment` an id on that page; the
  passage range `#first~last`, which reader.js highlights, needs both ids;
- what a browser would fetch by itself (scripts, stylesheets, icons, images,
  frames, media, CSS `url()` and `@import`, and `fetch()`-like calls in
  scripts) must come from the site itself, since the reader promises to load
  nothing from other hosts.

Plain links to other sites are not followed: that would need the network.
Every problem is reported as `path:line: message` through `Problems`.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .problems import Problems, did_you_mean
from .site_links import Page, Reference, css_references, read_page, script_fetches

# Schemes whose URLs name no file and no host: nothing to check.
IGNORED_SCHEMES = {"data", "blob", "mailto", "tel", "about"}
NOT_FOUND_PAGE = "404.html"


@dataclass(frozen=True)
class SiteAddress:
    """Where the site is published: the origin (None when unknown) and the base path ("/" or "/repo/")."""

    origin: str | None
    path: str

    @classmethod
    def parse(cls, base_url: str | None) -> SiteAddress:
        if not base_url:
            # As MkDocs assumes for its 404 page when site_url is not set: the site is the server's root.
            return cls(None, "/")
        parts = urlsplit(base_url)
        path = parts.path if parts.path.endswith("/") else parts.path + "/"
        return cls(origin_of(base_url), path)

    @property
    def scheme(self) -> str:
        """The scheme a protocol-relative URL (//host/...) takes on the site's pages."""
        return self.origin.partition(":")[0] if self.origin else "https"

    def site_path(self, url: str) -> str | None:
        """What follows this site's base path in a site-absolute path or an absolute URL; None if outside it."""
        if not url.startswith("/"):
            try:
                if self.origin is None or origin_of(url) != self.origin:
                    return None
            except ValueError:
                return None  # not a URL this site could have
            parts = urlsplit(url)
            url = (
                (parts.path or "/")
                + (f"?{parts.query}" if parts.query else "")
                + (f"#{parts.fragment}" if parts.fragment else "")
            )
        if url.startswith(self.path):
            return url[len(self.path) :]
        # The base path without its slash ("/reader" for "/reader/") is the home page too.
        bare = self.path[:-1]
        if bare and (url == bare or url.startswith((bare + "?", bare + "#"))):
            return url[len(bare) :]
        return None


def origin_of(url: str) -> str:
    """scheme://host[:port], lower-cased and without the scheme's default port."""
    parts = urlsplit(url)
    scheme, host = parts.scheme.lower(), (parts.hostname or "")
    port = parts.port if parts.port not in (None, {"http": 80, "https": 443}.get(scheme)) else None
    return f"{scheme}://{host}" + (f":{port}" if port else "")


@dataclass
class LinkReport:
    """The outcome of checking a site: its problems, and how many pages and URLs were read."""

    problems: Problems
    pages: int
    links: int
    base_url: str | None = None


class _SiteFiles:
    """Every file and folder of the built site, by site-relative path, to resolve links without touching the disk."""

    def __init__(self, site: Path) -> None:
        self.files: set[str] = set()
        self.children: dict[str, list[str]] = {}
        for folder, folders, names in os.walk(site):
            relative = Path(folder).relative_to(site).as_posix()
            prefix = "" if relative == "." else relative + "/"
            self.children[prefix] = [name + "/" for name in folders] + names
            self.files.update(prefix + name for name in names)

    def with_suffix(self, *suffixes: str) -> list[str]:
        return sorted(path for path in self.files if path.endswith(suffixes))


def check_site(site: Path, base_url: str | None = None, root: Path | None = None) -> LinkReport:
    """Check every page, stylesheet and script of the built site in `site`.

    `base_url` is where the site is published; by default it is read from the
    site (the home page's canonical link, else the first address of
    sitemap.xml). Problems name files relative to `root`, by default the
    site folder's parent (so they read `site/...`).
    """
    site = Path(site)
    problems = Problems(root if root is not None else site.resolve().parent)
    # Read: the site's file list, and every page once, into its ids and its URLs.
    files = _SiteFiles(site)
    pages = {path: read_page(_read(site / path)) for path in files.with_suffix(".html")}
    # Where the site is published, which site-absolute and own absolute links depend on.
    base_url = base_url or _published_address(site, pages)
    checker = _Checker(site, files, pages, SiteAddress.parse(base_url), problems)
    # Resolve: each page's URLs, inline styles and inline scripts ...
    links = 0
    for path, page in pages.items():
        for reference in page.references:
            checker.check(path, reference)
        links += len(page.references)
        for line, css in page.styles:
            for reference in css_references(css, line):
                checker.check(path, reference)
                links += 1
        for line, script in page.scripts:
            checker.check_script(path, script, line)
    # ... then the site's stylesheets and scripts.
    for path in files.with_suffix(".css"):
        for reference in css_references(_read(site / path)):
            checker.check(path, reference)
            links += 1
    for path in files.with_suffix(".js", ".mjs"):
        checker.check_script(path, _read(site / path))
    return LinkReport(problems, len(pages), links, base_url)


def _read(path: Path) -> str:
    # A stray byte that is not UTF-8 must not hide the rest of the file's links.
    return path.read_text(encoding="utf-8", errors="replace")


def _published_address(site: Path, pages: dict[str, Page]) -> str | None:
    """The site's address as MkDocs wrote it from site_url: the home page's canonical link, or the sitemap's first."""
    home = pages.get("index.html")
    if home is not None and home.canonical and _scheme(home.canonical) in ("http", "https"):
        return home.canonical
    sitemap = site / "sitemap.xml"
    if sitemap.is_file():
        text = _read(sitemap)
        start = text.find("<loc>")
        if start >= 0:
            return text[start + 5 : text.find("</loc>", start)].strip() or None
    return None


class _Checker:
    """Resolves URLs found in the site's files against the site, reporting what does not resolve."""

    def __init__(self, site: Path, files: _SiteFiles, pages: dict[str, Page], address: SiteAddress, problems: Problems):
        self.site, self.files, self.pages, self.address, self.problems = site, files, pages, address, problems

    def check(self, source: str, reference: Reference) -> None:
        """Check one URL in the site file `source` (a site-relative path)."""
        url = reference.url.strip()
        if not url or url == "#":
            return  # the page itself, or its top
        scheme = _scheme(url)
        if scheme in IGNORED_SCHEMES:
            return
        if scheme == "javascript":
            self._warning(
                source,
                reference,
                f"{reference.named()} runs a script instead of opening a page, and does nothing without "
                "JavaScript: make it a <button>, or a link to a real page",
            )
        elif scheme in ("http", "https") or url.startswith("//"):
            absolute = url if scheme else self.address.scheme + ":" + url
            try:
                origin_of(absolute)
            except ValueError as error:
                self._error(source, reference, f"{reference.named()} is not a valid URL ({error})")
                return
            self._check_absolute(source, reference, absolute)
        elif not scheme:
            self._check_in_site(source, reference, url)
        # Any other scheme (ftp:, irc:, ...) is neither a file of the site nor fetched by a browser.

    def _check_absolute(self, source: str, reference: Reference, url: str) -> None:
        inside = self.address.site_path(url)
        if inside is not None:
            # The site's own address: checked like the site-absolute path it stands for.
            self._check_in_site(source, reference, self.address.path + inside)
        elif reference.fetched:
            where = "another host" if origin_of(url) != self.address.origin else "outside the site"
            self._error(
                source,
                reference,
                f"loads {reference.url.strip()} from {where}; the site must load nothing from other hosts: "
                "copy the file into docs/ and link it relatively",
            )
        # Otherwise a link to another site: followed only when clicked, and not checked (no network).

    def _check_in_site(self, source: str, reference: Reference, url: str) -> None:
        """Check a relative or site-absolute URL (an own absolute URL comes here as site-absolute)."""
        address, _, fragment = url.partition("#")
        path = address.partition("?")[0]
        folder = source.rpartition("/")[0] + "/" if "/" in source else ""
        if path.startswith("/"):
            inside = self.address.site_path(path)
            if inside is None:
                # On the not-found page, MkDocs itself wrote these from site_url: that is what to check.
                fix = (
                    "is site_url in mkdocs.yml where the site is published?"
                    if Path(source).name == NOT_FOUND_PAGE
                    else "make the link relative to this page"
                )
                self._error(
                    source,
                    reference,
                    f"{reference.named()} is outside the site, whose pages are under {self.address.path}: {fix}",
                )
                return
            target = _join("", inside)
        elif path:
            target = _join(folder, path)
            if Path(source).name == NOT_FOUND_PAGE:
                self._check_not_found_page_link(source, reference, path)
        else:
            target = source  # "#id" or "?query": this page
        if target is None:
            self._error(source, reference, f"{reference.named()} leads above the site's root folder: remove a '../'")
            return
        found = self._target_file(source, reference, target)
        if found is None or not fragment or found not in self.pages:
            return
        where = "this page" if found == source else _page_url(found)
        self._check_fragment(source, reference, self.pages[found].ids, fragment, where)

    def _target_file(self, source: str, reference: Reference, target: str) -> str | None:
        """The site file a site-relative target names, or None after reporting why there is none."""
        target = unquote(target)
        if target in self.files.files:
            return target
        folder = target if target.endswith("/") or not target else target + "/"
        index = folder + "index.html"
        if index in self.files.files:
            # A folder URL without its slash: servers redirect it to the folder.
            return index
        if folder in self.files.children:
            shown = self.problems.display_path(self.site / folder) + "/"
            self._error(
                source,
                reference,
                f"{reference.named()} is a folder without an index.html ({shown}): link to a page or file in it",
            )
            return None
        parent, _, name = target.rstrip("/").rpartition("/")
        siblings = [child.rstrip("/") for child in self.files.children.get(parent + "/" if parent else "", [])]
        if target.endswith("/") or not target:
            missing = f"has no page (no {self.problems.display_path(self.site / index)})"
        else:
            missing = f"has no file (no {self.problems.display_path(self.site / target)})"
        self._error(source, reference, f"{reference.named()} {missing}{did_you_mean(name, siblings)}")
        return None

    def _check_fragment(self, source: str, reference: Reference, ids: set[str], fragment: str, where: str) -> None:
        decoded = unquote(fragment)
        # Browsers scroll to the top for "#top" when no element has that id (HTML's "indicated part").
        if fragment in ids or decoded in ids or decoded.lower() == "top":
            return
        ends = decoded.split("~")
        if len(ends) == 2:
            # A passage range, which reader.js highlights from the first id to the last.
            for end in ends:
                if end not in ids:
                    self._error(
                        source,
                        reference,
                        f"passage range '#{fragment}': '{end}' is not an id on {where}{did_you_mean(end, ids)}",
                    )
            return
        self._error(source, reference, f"fragment '#{fragment}' is not an id on {where}{did_you_mean(decoded, ids)}")

    def _check_not_found_page_link(self, source: str, reference: Reference, path: str) -> None:
        # The server shows 404.html at whatever address was missing, so a relative link on it
        # resolves against that address, not against where 404.html lies: MkDocs therefore writes
        # the 404 page's own links site-absolute (under the base path of site_url), and those are
        # checked like any other. A relative link is a real fault, not a quirk to skip.
        missing = source[: -len(NOT_FOUND_PAGE)] + "missing/page/"
        there = self.address.path + (_join(missing, path) or "")
        absolute = self.address.path + (_join(source[: -len(NOT_FOUND_PAGE)], path) or "")
        self._error(
            source,
            reference,
            f"relative {reference.named()} on the not-found page, which the server shows at any missing address "
            f"(at {self.address.path}{missing} it leads to {there}): make it site-absolute, '{absolute}'",
        )

    def check_script(self, source: str, script: str, first_line: int = 1) -> None:
        """Report each call in a script that fetches from another host."""
        for line, call, url in script_fetches(script, first_line):
            if self.address.site_path(url if not url.startswith("//") else self.address.scheme + ":" + url) is None:
                self.problems.error(
                    self.site / source,
                    line,
                    f"{call} loads {url} from another host; the site must load nothing from other hosts: "
                    "copy the file into docs/ and fetch it by a relative URL",
                )

    def _error(self, source: str, reference: Reference, message: str) -> None:
        self.problems.error(self.site / source, reference.line, message)

    def _warning(self, source: str, reference: Reference, message: str) -> None:
        self.problems.warning(self.site / source, reference.line, message)


def _scheme(url: str) -> str:
    """The URL's scheme, lower-cased, or '' for a relative URL."""
    head, colon, _ = url.partition(":")
    if colon and head[:1].isalpha() and all(c.isalnum() or c in "+.-" for c in head) and "/" not in head:
        return head.lower()
    return ""


def _join(folder: str, path: str) -> str | None:
    """The site-relative path of `path` taken from `folder`, or None if it climbs above the site's root."""
    segments: list[str] = []
    parts = (folder + path).split("/")
    for part in parts:
        if part == "..":
            if not segments:
                return None
            segments.pop()
        elif part not in ("", "."):
            segments.append(part)
    is_folder = parts[-1] in ("", ".", "..")
    return "/".join(segments) + ("/" if is_folder and segments else "")


def _page_url(page: str) -> str:
    """How a message names a page: its folder URL (documents/x/), or its file name."""
    if page.endswith("index.html") and page != "index.html":
        return page[: -len("index.html")]
    return page


def run_linkcheck(site: Path, base_url: str | None = None) -> int:
    """Check the built site in `site`, print every problem and a summary; 1 on errors, 2 if it is no built site."""
    site = Path(site)
    if not (site / "index.html").is_file():
        print(
            f"{site}: not a built site (no index.html): build it first (make site) and pass its folder", file=sys.stderr
        )
        return 2
    report = check_site(site, base_url)
    for problem in report.problems:
        print(problem, file=sys.stderr)
    errors, warnings = len(report.problems.errors), len(report.problems.warnings)
    summary = f"checked {report.pages} pages and {report.links} links: {errors} problem(s)"
    if warnings:
        summary += f", {warnings} warning(s)"
    print(summary, file=sys.stderr if errors else sys.stdout)
    return 1 if errors else 0
