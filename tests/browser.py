"""Helpers for tests in a real browser: Debian's chromium driven by Playwright.

When chromium (or, for tests that measure Chinese text, a Chinese font) is
absent the browser tests skip with a message saying how to install it; with
CI=true they must run, so a missing browser or font fails CI.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

# The benchmark's chromium settings, and its server, which serves a site as a
# web host does (gzip, index pages, the 404 page).
from benchmark.browser import CHROMIUM, CHROMIUM_ARGS
from benchmark.gzip_server import serve_gzip as serve

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "require_chromium", "require_cjk_font", "serve"]


def require_chromium() -> None:
    if CHROMIUM.exists():
        return
    message = "Debian's chromium is not installed: run 'apt-get install chromium' to run the browser tests"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def require_cjk_font() -> None:
    """Tests that measure Chinese text need a real Chinese font, not tofu boxes."""
    fc_list = shutil.which("fc-list")
    if fc_list and subprocess.run([fc_list, ":lang=zh"], capture_output=True, text=True).stdout.strip():
        return
    message = "no Chinese font: run 'apt-get install fonts-wqy-microhei' to measure Chinese text in the browser"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)
