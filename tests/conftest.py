"""Shared fixtures: the project's own checkout, copies of it, and one site build for the whole session."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from click.testing import Result

from adviesregister.pipeline import build_site

from helpers import CHROMIUM_ARGS, SCREENSHOTS, SOURCE_DATE_EPOCH, copy_project, fixed_date, run_cli, serve

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)


@pytest.fixture
def cli() -> Callable[[Sequence[str | Path]], Result]:
    """The shared CLI runner: cli(["check", "--root", path]) gives the exit code and output."""
    return run_cli


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The seed archive built once, in a copy of the project: its site/ folder."""
    with fixed_date():
        project = copy_project(tmp_path_factory.mktemp("project"))
        result = build_site(project)
        assert result.problems == []
        yield project.root / "site"


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The site of `built_site` served on 127.0.0.1, for the browser tests: its address, ending in "/"."""
    server, url = serve(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium (or $CHROMIUM), driven by Playwright; no browser is ever downloaded."""
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=15_000)  # a loaded CI machine may need longer than the default 5 s

    assert CHROMIUM.exists(), f"{CHROMIUM} ontbreekt: installeer Debian's chromium (apt-get install chromium); .ci/run doet dat in CI"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A desktop-sized tab in Dutch; after the test, it asserts the pages asked nothing of another host."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    hosts: list[str] = []
    page.on("request", lambda request: hosts.append(urlsplit(request.url).netloc))
    yield page
    context.close()
    others = sorted({host for host in hosts if host.split(":")[0] != "127.0.0.1"})
    assert others == [], f"requests to other hosts: {others}"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that drives Chromium carries the `browser` marker: `pytest -m "not browser"` runs the rest."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say where the browser tests put their screenshots, so a person can look at them."""
    if SCREENSHOTS.is_dir() and any(SCREENSHOTS.glob("*.png")):
        terminalreporter.write_line(f"Schermafbeeldingen van elke paginasoort (375 en 1280 px breed): {SCREENSHOTS}")
