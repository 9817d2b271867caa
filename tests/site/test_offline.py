"""The preview the secretary downloads from a pull request and opens from her own disk: links lead to pages, search finds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import html
from playwright.sync_api import Browser, Page, expect

from adviesregister.content.names import OFFLINE_INDEX
from adviesregister.site.offline import folder_link_to_file, make_offline_copy

from helpers import ARCHIEF_DOCUMENTEN, copy_project, run_cli


@pytest.mark.parametrize(
    ("link", "on_disk"),
    [
        ("../documenten/", "../documenten/index.html"),
        ("..", "../index.html"),
        (".", "./index.html"),
        ("./", "./index.html"),
        ("themas/jeugd/#lijst", "themas/jeugd/index.html#lijst"),
        ("zoeken/?q=zorg", "zoeken/index.html?q=zorg"),
        ("../feeds/alles.xml", "../feeds/alles.xml"),
        ("#inhoud", "#inhoud"),
        ("?status=x", "?status=x"),
        ("https://example.org/a/", "https://example.org/a/"),
        ("mailto:a@example.org", "mailto:a@example.org"),
    ],
)
def test_folder_links_get_their_index_file(link: str, on_disk: str) -> None:
    assert folder_link_to_file(link) == on_disk


@pytest.fixture(scope="module")
def offline_copy(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("voorbeeld") / "voorbeeld"
    assert make_offline_copy(built_site, out) > 20
    return out


@pytest.fixture
def disk_page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 375, "height": 667}, locale="nl-NL")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


def test_the_copy_changes_no_text_and_leaves_the_site_alone(built_site: Path, offline_copy: Path) -> None:
    name = "documenten/almelo-2023-07-11-reactie-op-advies-programmas-sociaal-en-vitaal-en-zorg-en-veiligheid/index.html"
    site_page, copy_page = html.parse(str(built_site / name)).getroot(), html.parse(str(offline_copy / name)).getroot()
    assert copy_page.text_content() == site_page.text_content()
    assert "index.html" not in (built_site / name).read_text(encoding="utf-8").split("<article")[1]
    assert not (built_site / OFFLINE_INDEX).exists()


def test_opened_from_disk_every_link_opens_a_page_and_search_finds(disk_page: Page, offline_copy: Path) -> None:
    page = disk_page
    page.goto((offline_copy / "index.html").as_uri())
    page.get_by_role("link", name=f"Alle {ARCHIEF_DOCUMENTEN} documenten bekijken").click()
    expect(page).to_have_url((offline_copy / "documenten" / "index.html").as_uri())
    expect(page.locator("article h1")).to_have_text("Alle documenten")
    if not page.locator("#filter-gemeente").is_visible():
        page.get_by_text("Filteren en sorteren").click()
    page.select_option("#filter-gemeente", "Almere")  # the filtered cards are made by the script, from the page's own data
    page.locator("#ar-resultaten .ar-kaart__titel").first.click()
    expect(page.locator("article h1")).to_contain_text("Ongevraagd advies Adviesraad Sociaal Domein")
    page.goto((offline_copy / "documenten" / "index.html").as_uri())
    page.locator(".ar-kaart__titel", has_text="Inspectierapport sociale wijkteams").click()
    expect(page.locator("article h1")).to_have_text("Inspectierapport sociale wijkteams")
    page.get_by_role("link", name="Almelo", exact=True).first.click()
    expect(page.locator("article h1")).to_have_text("Gemeente Almelo")
    page.goto((offline_copy / "zoeken" / "index.html").as_uri() + "?q=wijkteam")
    result = page.get_by_role("link", name="Inspectierapport sociale wijkteams")
    expect(result).to_be_visible()
    expect(page.get_by_role("status")).to_have_text(f"{page.locator('#zoekvak li').count()} resultaten")
    page.get_by_label("Zoek in het archief").fill("zwembadvergunning")
    expect(page.locator("#zoekhulp")).to_be_visible()
    page.get_by_label("Zoek in het archief").fill("advies almelo")
    page.get_by_role("link", name="Ongevraagd advies NSOB rapport", exact=True).click()
    expect(page.locator("article h1")).to_have_text("Ongevraagd advies NSOB rapport")


def test_the_command_says_to_build_first(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    result = run_cli(["offline", "--root", project.root])
    assert result.exit_code == 1 and "Bouw hem eerst met: make site" in result.output
