"""ProperDocs, the community continuation of MkDocs 1.x, must build the same site.

MkDocs 1.6.1 is the last MkDocs release; if the project moves to ProperDocs,
every page, passage ID and search entry that instructors and students rely on
must survive the move. This builds the repository with `properdocs build
--strict` and compares it with the `mkdocs build --strict` of the shared
`site` fixture.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, build_site


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("properdocs-site")
    log = build_site(ROOT, target, tool="properdocs")
    assert "annotated-reader: 5 documents checked" in log
    return target


def _files(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site)) for p in site.rglob("*") if p.is_file())


def _ids(page: Path) -> list[str]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return [element["id"] for element in soup.find_all(id=True)]


def _content(page: Path) -> str:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return str(soup.select_one("article") or soup.body)


def test_properdocs_builds_the_same_pages(site: Path, properdocs_site: Path) -> None:
    assert _files(properdocs_site) == _files(site)


def test_properdocs_pages_carry_the_same_ids_and_content(site: Path, properdocs_site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 15
    for page in pages:
        twin = properdocs_site / page.relative_to(site)
        assert _ids(twin) == _ids(page), page.relative_to(site)
        assert _content(twin) == _content(page), page.relative_to(site)


def test_properdocs_search_index_is_the_same(site: Path, properdocs_site: Path) -> None:
    for bundle in (Path("pagefind"), Path("zh/pagefind")):
        for file in sorted((site / bundle).rglob("*")):
            if file.is_file():
                assert (properdocs_site / file.relative_to(site)).read_bytes() == file.read_bytes(), file
