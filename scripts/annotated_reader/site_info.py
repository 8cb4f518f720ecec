"""What a citation says about the site itself: its name, address, version and build date.

The version is the release tag or commit the site was built from
(`git describe --tags --always`, or the SITE_VERSION environment variable
where there is no git checkout), so a citation names the exact state of the
texts and notes it quotes. The build date comes from SOURCE_DATE_EPOCH or the
commit's date rather than the clock, so two builds of one commit are the same;
pages show it as the access date until the reader's browser puts in today's.
"""

from __future__ import annotations

import datetime
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin


@dataclass(frozen=True)
class SiteInfo:
    """The site a citation points into."""

    name: str
    # Absolute address of the site root, ending in "/"; None when mkdocs.yml has no site_url.
    url: str | None
    version: str
    built: datetime.date

    def absolute(self, site_relative: str) -> str:
        """A site-relative URL made absolute (left site-relative when the site's address is unknown)."""
        # Joined, not concatenated, so that "../" (from the Chinese site to the English) resolves.
        return urljoin(self.url, site_relative) if self.url else site_relative


def _git(root: Path, *arguments: str) -> str | None:
    try:
        result = subprocess.run(["git", *arguments], cwd=root, capture_output=True, text=True, check=False)
    except OSError:
        return None
    if result.returncode != 0:
        return None
    return result.stdout.strip() or None


def site_version(root: Path) -> str:
    """The release tag or commit of the checkout at `root`, e.g. "v1.2" or "51b8c99"."""
    return os.environ.get("SITE_VERSION") or _git(root, "describe", "--tags", "--always") or "unversioned"


def build_date(root: Path) -> datetime.date:
    """SOURCE_DATE_EPOCH, else the date of the commit at `root`, else today (UTC)."""
    stamp = os.environ.get("SOURCE_DATE_EPOCH") or _git(root, "log", "-1", "--format=%ct")
    moment = datetime.datetime.fromtimestamp(int(stamp), datetime.UTC) if stamp else datetime.datetime.now(datetime.UTC)
    return moment.date()


def site_info(root: Path, name: str, url: str | None) -> SiteInfo:
    """The SiteInfo of the project at `root`."""
    if url and not url.endswith("/"):
        url += "/"
    return SiteInfo(name, url or None, site_version(root), build_date(root))
