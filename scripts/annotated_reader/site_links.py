"""The URLs and ids in a built site's files, read for the link checker (linkcheck.py).

Pages are read in one pass each with the standard library's HTMLParser,
building no tree (the built site is tens of megabytes of HTML), collecting
each page's ids and the URLs in its attributes, inline styles and inline
scripts, each with its line.
Stylesheets give every `url(...)` and `@import "..."`, which the browser
fetches as soon as the rule applies. Scripts give only calls that fetch a
literal absolute URL (`fetch("https://...")` and the like); a URL merely
written in a string or a comment fetches nothing and is not reported.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser

# Which attributes hold URLs, per element, and whether the browser fetches the
# URL by itself (True) or only when the reader follows it (False). `link` and
# `input` depend on other attributes; see _PageReader.
URL_ATTRIBUTES: dict[str, dict[str, bool]] = {
    "a": {"href": False},
    "area": {"href": False},
    "form": {"action": False},
    "link": {"href": False},
    "script": {"src": True},
    "img": {"src": True, "srcset": True},
    "source": {"src": True, "srcset": True},
    "iframe": {"src": True},
    "video": {"src": True, "poster": True},
    "audio": {"src": True},
    "track": {"src": True},
    "embed": {"src": True},
    "object": {"data": True},
    "input": {"src": True},
    # Inline SVG: <image> and <use> load what they name.
    "image": {"href": True, "xlink:href": True},
    "use": {"href": True, "xlink:href": True},
}
# `link` relations the browser acts on while loading the page (preconnect and
# dns-prefetch only open a connection, but that already tells the other host
# about the reader). canonical, alternate, search and the like are not fetched.
FETCHED_RELS = {
    "stylesheet",
    "icon",
    "preload",
    "prefetch",
    "modulepreload",
    "manifest",
    "apple-touch-icon",
    "apple-touch-icon-precomposed",
    "mask-icon",
    "preconnect",
    "dns-prefetch",
    "prerender",
}


@dataclass(frozen=True)
class Reference:
    """One URL in a page or stylesheet: where it is, what it says, and whether the browser loads it unasked."""

    line: int
    url: str
    fetched: bool
    # "link" in a page's attributes; "url" or "@import" in CSS.
    kind: str = "link"

    def named(self) -> str:
        """How a message names this URL, as it is written."""
        url = self.url.strip()
        if self.kind == "url":
            return f"url({url})"
        if self.kind == "@import":
            return f"@import '{url}'"
        return f"link to '{url}'"


@dataclass
class Page:
    """What one HTML file holds that links can depend on: its ids, its URLs, its inline CSS and scripts."""

    ids: set[str]
    references: list[Reference]
    styles: list[tuple[int, str]]
    scripts: list[tuple[int, str]]
    canonical: str | None = None


class _PageReader(HTMLParser):
    """One pass over a page with the standard library's parser: no tree is built, which keeps it fast."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page(set(), [], [], [])
        self._raw_text: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        values = {name: value for name, value in attrs if value is not None}
        page = self.page
        if "id" in values:
            page.ids.add(values["id"])
        if tag == "a" and "name" in values:
            page.ids.add(values["name"])
        if "style" in values:
            page.styles.append((line, values["style"]))
        if tag in ("script", "style"):
            self._raw_text = tag
        urls = URL_ATTRIBUTES.get(tag)
        if not urls:
            return
        if tag == "input" and values.get("type", "").lower() != "image":
            return
        rels = set(values.get("rel", "").lower().split()) if tag == "link" else set()
        if "canonical" in rels:
            page.canonical = values.get("href")
        for name, fetched in urls.items():
            value = values.get(name)
            if value is None:
                continue
            fetched = fetched or bool(rels & FETCHED_RELS)
            candidates = srcset_urls(value) if name == "srcset" else [value]
            page.references.extend(Reference(line, url, fetched) for url in candidates)

    def handle_data(self, data: str) -> None:
        if self._raw_text == "style":
            self.page.styles.append((self.getpos()[0], data))
        elif self._raw_text == "script":
            self.page.scripts.append((self.getpos()[0], data))

    def handle_endtag(self, tag: str) -> None:
        self._raw_text = None


def read_page(text: str) -> Page:
    """The ids and URLs of one page's HTML."""
    reader = _PageReader()
    reader.feed(text)
    reader.close()
    return reader.page


def srcset_urls(srcset: str) -> list[str]:
    """The URLs of a srcset, parsed as browsers do: a URL runs to whitespace, so a data: URL keeps its comma."""
    urls, position = [], 0
    while position < len(srcset):
        while position < len(srcset) and (srcset[position].isspace() or srcset[position] == ","):
            position += 1
        end = position
        while end < len(srcset) and not srcset[end].isspace():
            end += 1
        url = srcset[position:end]
        if not url.endswith(","):
            # Descriptors ("2x", "480w") run to the next comma.
            comma = srcset.find(",", end)
            end = len(srcset) if comma < 0 else comma
        if url.rstrip(","):
            urls.append(url.rstrip(","))
        position = end
    return urls


# Comments and strings are matched as whole tokens so that a URL inside them is skipped; only
# url(...) and @import "..." count. The quoted forms of url() are their own alternatives.
_CSS_TOKENS = re.compile(
    r"""
      /\*.*?(?:\*/|\Z)
    | "(?:[^"\\\n]|\\.)*"? | '(?:[^'\\\n]|\\.)*'?
    | url\(\s*(?:"(?P<double>(?:[^"\\\n]|\\.)*)"|'(?P<single>(?:[^'\\\n]|\\.)*)'|(?P<bare>[^)"'\s]*))\s*\)
    | @import\s*(?:"(?P<import_double>(?:[^"\\\n]|\\.)*)"|'(?P<import_single>(?:[^'\\\n]|\\.)*)')
    """,
    re.IGNORECASE | re.DOTALL | re.VERBOSE,
)


def css_references(css: str, first_line: int = 1) -> Iterator[Reference]:
    """Each URL a stylesheet (or a style attribute) makes the browser fetch, with its line."""
    line, counted = first_line, 0
    for match in _CSS_TOKENS.finditer(css):
        groups = match.groupdict()
        url = next((groups[name] for name in ("double", "single", "bare") if groups[name] is not None), None)
        label = "url"
        if url is None:
            url = groups["import_double"] if groups["import_double"] is not None else groups["import_single"]
            label = "@import"
        if url is None:
            continue  # a comment or a string
        line += css.count("\n", counted, match.start())
        counted = match.start()
        yield Reference(line, url, True, label)


# A call that fetches what its first argument names, with that argument an absolute URL literal
# (http://, https:// or protocol-relative //). `from` is `import ... from "..."`.
_JS_FETCH = re.compile(
    r"""(?<![\w$.])(?:(?:window|self|globalThis)\.)?
    (?P<call>fetch|importScripts|import|from|new\s+(?:Worker|SharedWorker|EventSource)|navigator\.sendBeacon)
    \s*(?:\(\s*)?['"`](?P<url>(?:https?:)?//[^'"`\s\\]+)""",
    re.VERBOSE,
)
_CALL_NAMES = {"import": "import()", "from": "import ... from", "navigator.sendBeacon": "navigator.sendBeacon()"}

# Just enough of JavaScript's lexical grammar to tell code from comments, strings, template
# literals and regular expressions, so that a URL in any of those is not taken for a call.
_JS_TOKEN = re.compile(
    r"""
      (?P<space>\s+)
    | (?P<comment>//[^\n\r]*|/\*.*?(?:\*/|\Z))
    | (?P<string>"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?)
    | (?P<template>`)
    | (?P<word>[^\W\d][\w$]*|\$[\w$]*)
    | (?P<number>\.?\d[\w.]*)
    | (?P<open>\{)
    | (?P<close>\})
    | (?P<value_end>[)\]])
    | (?P<slash>/)
    | (?P<punct>.)
    """,
    re.DOTALL | re.VERBOSE,
)
# The rest of a template literal after its opening backtick or after a `${...}`: up to `${` or the closing backtick.
_TEMPLATE_PART = re.compile(r"(?:[^`\\$]|\\.?|\$(?!\{))*(?:`|\$\{|\Z)", re.DOTALL)
_REGEX_LITERAL = re.compile(r"/(?:[^/\\\[\n]|\\.|\[(?:[^\]\\\n]|\\.)*\])+/[\w$]*")
# After these words a slash starts a regular expression, not a division.
_KEYWORDS_BEFORE_EXPRESSION = {
    "return",
    "typeof",
    "instanceof",
    "in",
    "of",
    "new",
    "delete",
    "void",
    "throw",
    "case",
    "do",
    "else",
    "yield",
    "await",
}


def script_fetches(script: str, first_line: int = 1) -> Iterator[tuple[int, str, str]]:
    """Each call in a script that fetches an absolute URL literal: (line, the call, the URL)."""
    candidates = list(_JS_FETCH.finditer(script))
    if not candidates:
        return  # most scripts: no need to tell code from strings at all
    spans = _non_code_spans(script)
    starts = [start for start, _ in spans]
    for match in candidates:
        index = bisect.bisect_right(starts, match.start()) - 1
        if index >= 0 and match.start() < spans[index][1]:
            continue  # inside a comment, string, template literal or regular expression
        call = " ".join(match["call"].split())
        name = _CALL_NAMES.get(call, call + "()")
        yield first_line + script.count("\n", 0, match.start()), name, match["url"]


def _non_code_spans(script: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of every comment, string, template text and regular expression, in order."""
    spans: list[tuple[int, int]] = []
    # One entry per `${` still open: how many `{` inside it are open.
    substitutions: list[int] = []
    previous = ""  # the last token that decides what a slash means: "value" ends an operand
    position = 0
    while position < len(script):
        token = _JS_TOKEN.match(script, position)
        assert token is not None  # the last alternative matches any character
        kind, end = token.lastgroup, token.end()
        if kind in ("comment", "space"):
            if kind == "comment":
                spans.append((position, end))
        elif kind == "string":
            spans.append((position, end))
            previous = "value"
        elif kind == "template" or (kind == "close" and substitutions and substitutions[-1] == 0):
            if kind == "close":
                substitutions.pop()
            end = _TEMPLATE_PART.match(script, end).end()
            spans.append((position, end))
            if script.endswith("${", 0, end):
                substitutions.append(0)
                previous = "("
            else:
                previous = "value"
        elif kind == "open":
            if substitutions:
                substitutions[-1] += 1
            previous = "{"
        elif kind == "close":
            if substitutions:
                substitutions[-1] -= 1
            previous = "value"
        elif kind == "slash":
            regex = _REGEX_LITERAL.match(script, position) if previous != "value" else None
            if regex:
                end = regex.end()
                spans.append((position, end))
                previous = "value"
            else:
                previous = "/"
        elif kind == "word":
            previous = token.group() if token.group() in _KEYWORDS_BEFORE_EXPRESSION else "value"
        elif kind in ("number", "value_end"):
            previous = "value"
        else:
            previous = token.group()
        position = end
    return spans
