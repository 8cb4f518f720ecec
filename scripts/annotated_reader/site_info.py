"""What a citation says about the site itself: its name, address, version and build date.

The version is the release tag or commit the site was built from
(`git describe --tags --always`, or the SITE_VERSION environment variable
where there is no git checkout), so a citation names the exact state of the
texts and notes it quotes. The build date comes from SOURCE_DATE_EPOCH or the
commit's date rather than the clock, so two builds of one commit are the same;
pages show it as the access date until the reader's browser puts in today's.
MkDocs dates its own files (the sitemap, and the gzip header of
sitemap.xml.gz) from SOURCE_DATE_EPOCH or the clock, so the build sets it from
the commit (`date_build_from_commit`): every date of the site then follows the
commit, in the other interfaces' builds too, which inherit the environment.
"""

from __future__ import annotations

import datetime
import os
import re
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"
# The commit time this process put in SOURCE_DATE_EPOCH: a rebuild (mkdocs serve)
# after a new commit follows that commit, while a value the builder set is kept.
_set_from_commit: str | None = None


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
        if not self.url:
            return site_relative
        # Joined, not concatenated, so that "../" (from the Chinese site to the English) resolves;
        # a plain path joins as it reads, and a large site makes hundreds of thousands of them.
        if _plain_base(self.url) and _plain_path(site_relative):
            return self.url + site_relative
        return urljoin(self.url, site_relative)


@lru_cache(maxsize=8)
def _plain_base(url: str) -> bool:
    """Whether `url` is a folder's address that a plain path is joined to by appending it."""
    parts = urlsplit(url)
    return bool(parts.scheme and parts.netloc) and parts.path.endswith("/") and not (parts.query or parts.fragment)


# A relative path of plain segments (none empty or starting with a dot: no "./" or "../"),
# then perhaps a fragment; nothing urljoin would resolve, strip or split off.
_PLAIN_PATH = re.compile(r"(?:[\w~%-][\w.~%-]*/)*(?:[\w~%-][\w.~%-]*)?(?:#[\w.~%:-]+)?")


def _plain_path(path: str) -> bool:
    return _PLAIN_PATH.fullmatch(path) is not None


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


def commit_time(root: Path) -> str | None:
    """The time of the commit at `root`, in seconds since 1970 (as SOURCE_DATE_EPOCH writes it), or None."""
    return _git(root, "log", "-1", "--format=%ct")


def date_build_from_commit(root: Path) -> None:
    """Set SOURCE_DATE_EPOCH to the time of the commit at `root`, unless the builder set it."""
    global _set_from_commit
    given = os.environ.get(SOURCE_DATE_EPOCH)
    if given is not None and given != _set_from_commit:
        return
    stamp = commit_time(root)
    if stamp:
        os.environ[SOURCE_DATE_EPOCH] = stamp
    else:
        os.environ.pop(SOURCE_DATE_EPOCH, None)
    _set_from_commit = stamp


def build_date(root: Path) -> datetime.date:
    """SOURCE_DATE_EPOCH, else the date of the commit at `root`, else today (UTC)."""
    stamp = os.environ.get(SOURCE_DATE_EPOCH) or commit_time(root)
    moment = datetime.datetime.fromtimestamp(int(stamp), datetime.UTC) if stamp else datetime.datetime.now(datetime.UTC)
    return moment.date()


def site_info(root: Path, name: str, url: str | None) -> SiteInfo:
    """The SiteInfo of the project at `root`."""
    if url and not url.endswith("/"):
        url += "/"
    return SiteInfo(name, url or None, site_version(root), build_date(root))
