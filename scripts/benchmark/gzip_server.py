"""A local static server that compresses text with gzip, as a production host does.

Python's http.server sends every file as it is; a reader's browser, from
GitHub Pages or any web server, gets HTML, CSS, JavaScript, JSON and SVG
gzip-compressed. What a page costs to download is only measured fairly with
the same compression, so this server applies it (level 6, a common server
default) to text types when the browser accepts it, with the usual
directory rules: `folder/` serves `folder/index.html`, `folder` redirects to
`folder/`, a missing file is the site's 404 page.
"""

from __future__ import annotations

import gzip
import http.server
import mimetypes
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

COMPRESSION_LEVEL = 6
TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
# Extensions some systems' mime tables lack.
EXTRA_TYPES = {".js": "application/javascript", ".mjs": "application/javascript", ".json": "application/json"}
EXTRA_TYPES |= {
    ".wasm": "application/wasm",
    ".pagefind": "application/octet-stream",
    ".pf_meta": "application/octet-stream",
}


class _Handler(http.server.BaseHTTPRequestHandler):
    root: Path
    compressed: dict[Path, bytes]
    lock: threading.Lock

    def do_HEAD(self) -> None:
        self._respond(body=False)

    def do_GET(self) -> None:
        self._respond(body=True)

    def _respond(self, body: bool) -> None:
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        file = (self.root / path.lstrip("/")).resolve()
        if not file.is_relative_to(self.root):
            self._send(403, b"", "text/plain", body)
            return
        if file.is_dir():
            if not path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            file = file / "index.html"
        status = 200
        if not file.is_file():
            status, file = 404, self.root / "404.html"
            if not file.is_file():
                self._send(404, b"not found", "text/plain", body)
                return
        content_type = EXTRA_TYPES.get(file.suffix) or mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if content_type.startswith("text/") or content_type.endswith(("javascript", "json", "xml")):
            content_type += "; charset=utf-8"
        if content_type.startswith(TEXT_TYPES) and "gzip" in self.headers.get("Accept-Encoding", ""):
            self._send(status, self._compressed(file), content_type, body, encoding="gzip")
        else:
            self._send(status, file.read_bytes(), content_type, body)

    def _compressed(self, file: Path) -> bytes:
        with self.lock:
            if file not in self.compressed:
                self.compressed[file] = gzip.compress(file.read_bytes(), COMPRESSION_LEVEL, mtime=0)
            return self.compressed[file]

    def _send(self, status: int, data: bytes, content_type: str, body: bool, encoding: str | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        if content_type.startswith(TEXT_TYPES):
            self.send_header("Vary", "Accept-Encoding")
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.end_headers()
        if body:
            self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # A browser that closes a connection mid-download is not an error of the measurement.
        pass


@contextmanager
def serve_gzip(site: Path) -> Iterator[str]:
    """Serve `site` on 127.0.0.1 at a free port, gzip-compressed; yields the base URL."""
    handler = type("Handler", (_Handler,), {"root": site.resolve(), "compressed": {}, "lock": threading.Lock()})
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
