"""The repository's own archive (content/), whatever a council has put in it: only what holds for ANY valid archive.

This is the one test module that reads the repository's content/ (tests/test_geen_eigen_content.py lets no other
module do so). It never counts documents or names a title: a content pull request that passes `check` must pass
here too. Every other test runs on the frozen fixture (tests/archief/content/). The archive is copied into a temporary
folder and built once for the session, on today's real date (not the tests' fixed one), so the checkout's own site/
is never touched and the archive is judged as `make site` builds it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import pytest
import yaml
from lxml import html

from adviesregister.content.load import load_archive
from adviesregister.pipeline import build_site

from helpers import ROOT, broken_links, copy_project, run_axe, run_cli, serve

LIVE = ROOT / "content"


class Live(NamedTuple):
    root: Path
    site: Path
    documents: list[Any]
    gemeenten: list[str]


@contextmanager
def real_today() -> Iterator[None]:
    """Today as it is (no SOURCE_DATE_EPOCH): the live archive is built as `make site` builds it."""
    saved = os.environ.pop("SOURCE_DATE_EPOCH", None)
    try:
        yield
    finally:
        if saved is not None:
            os.environ["SOURCE_DATE_EPOCH"] = saved


@pytest.fixture(scope="session")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    """The repository's archive, copied and built once (strict, as `make site`, on today's date)."""
    with real_today():
        project = copy_project(tmp_path_factory.mktemp("live"), LIVE)
        archive, problems = load_archive(project)
        assert problems == [], "\n".join(str(problem) for problem in problems)
        result = build_site(project)
        assert result.problems == [], "\n".join(str(problem) for problem in result.problems)
        yield Live(project.root, project.root / "site", list(archive.documents), sorted(archive.gemeenten))


@pytest.fixture(scope="session")
def live_url(live: Live) -> Iterator[str]:
    server, url = serve(live.site)
    yield url
    server.shutdown()


def test_check_is_clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    project = copy_project(tmp_path / "project", LIVE)
    result = run_cli(["check", "--root", project.root])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Geen problemen gevonden in "), result.output


def test_the_build_is_strict_and_complete(live: Live) -> None:
    assert yaml.load((live.root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["strict"] == "true"
    for document in live.documents:
        assert (live.site / "documenten" / document.id / "index.html").is_file(), document.id
    for slug in live.gemeenten:
        assert (live.site / "gemeenten" / slug / "index.html").is_file(), slug


def test_every_link_of_every_page_resolves(live: Live) -> None:
    checked, broken = broken_links(live.site)
    assert checked > 0
    assert broken == []


def test_no_page_asks_anything_of_another_host(live: Live) -> None:
    """What a browser loads by itself (scripts, images, styles, frames, icons) comes from the site: on every page."""
    found = []
    for path in sorted(live.site.rglob("*.html")):
        page = html.parse(str(path)).getroot()
        loaded = page.xpath("//@src | //link[not(@rel='canonical' or @rel='alternate')]/@href | //object/@data")
        found += [f"{path.relative_to(live.site)}: {url}" for url in loaded if urlsplit(url).netloc]
    assert found == []


def _list_page_sizes(site: Path) -> dict[str, int]:
    """Every list page (the overview, each gemeente, thema, year and status) and how many document links it holds."""
    pages = [site / "documenten" / "index.html"]
    for folder in ("gemeenten", "themas", "jaren", "status"):
        pages += sorted((site / folder).glob("*/index.html"))
    sizes = {}
    for path in pages:
        if path.is_file():
            links = html.parse(str(path)).getroot().xpath("//main//a/@href")
            targets = {(path.parent / urlsplit(link).path).resolve() for link in links if not urlsplit(link).netloc}
            sizes[path.parent.relative_to(site).as_posix() + "/"] = sum(target.parent == (site / "documenten").resolve() for target in targets)
    return sizes


def _page_of(live: Live, kind: str) -> str:
    """The address of one page of `kind`, or skip saying the archive holds none yet."""
    if kind in ("advies", "reactie"):
        found = [document.id for document in live.documents if document.soort == kind]
        if not found:
            pytest.skip(f"het archief heeft nog geen document met soort '{kind}': er is geen pagina van die soort om te toetsen")
        return f"documenten/{sorted(found)[0]}/"
    if kind == "gemeente":
        if not live.gemeenten:
            pytest.skip("content/gemeenten.yml noemt nog geen gemeente")
        return f"gemeenten/{live.gemeenten[0]}/"
    if kind == "grootste-lijst":
        sizes = _list_page_sizes(live.site)
        return max(sorted(sizes), key=lambda address: sizes[address])
    return {"home": "", "overzicht": "documenten/", "cijfers": "cijfers/", "zoeken": "zoeken/", "over": "over/", "open-data": "open-data/"}[kind]


KINDS = ("home", "overzicht", "advies", "reactie", "gemeente", "cijfers", "zoeken", "over", "open-data", "grootste-lijst")


@pytest.mark.parametrize("kind", KINDS)
def test_one_page_of_each_type_passes_axe(page: Any, live: Live, live_url: str, kind: str) -> None:
    """WCAG 2.2 AA by axe-core; the `page` fixture also fails the test when the page asks another host for anything."""
    address = _page_of(live, kind)
    failed: list[str] = []
    page.on("response", lambda response: failed.extend([f"{response.status} {response.url}"] if response.status >= 400 else []))
    page.goto(live_url + address)
    page.wait_for_load_state("networkidle")
    assert failed == [], f"{address}: no request of a page may fail"
    assert run_axe(page) == [], address


def test_the_overview_lists_every_document_and_is_the_largest_list(live: Live) -> None:
    """What the axe test calls the largest list is found by counting document links: the overview holds them all."""
    sizes = _list_page_sizes(live.site)
    assert sizes["documenten/"] == len(live.documents)
    assert max(sizes.values()) == len(live.documents)


def test_a_page_type_the_archive_lacks_is_skipped_with_its_reason(tmp_path: Path) -> None:
    """A young archive (no response yet, no gemeente yet) skips those pages, saying why, instead of failing."""
    empty = Live(tmp_path, tmp_path / "site", [], [])
    with pytest.raises(pytest.skip.Exception, match="nog geen document met soort 'reactie'"):
        _page_of(empty, "reactie")
    with pytest.raises(pytest.skip.Exception, match="noemt nog geen gemeente"):
        _page_of(empty, "gemeente")
