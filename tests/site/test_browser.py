"""The built site in a real browser (Debian's Chromium through Playwright), as citizens use it.

Screenshots of every page type at phone and desktop width go to build/screenshots/ (or $SCREENSHOT_DIR).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Dialog, Page, expect

from adviesregister.pipeline import build_site

from helpers import ARCHIEF_DOCUMENTEN, SCREENSHOTS, copy_project, fixed_date, run_axe, serve

WIDTHS = {"telefoon": (375, 812), "desktop": (1280, 900)}
PAGE_TYPES = {
    "home": "",
    "overzicht": "documenten/",
    "advies-zonder-tekst": "documenten/almelo-2022-12-22-ongevraagd-advies-nsob-rapport/",
    "advies-met-tekst": "documenten/almere-2019-03-11-ongevraagd-advies-adviesraad-sociaal-domein-ten-aanzien-van-het-regionale/",
    "reactie": "documenten/almelo-2023-07-11-reactie-op-advies-programmas-sociaal-en-vitaal-en-zorg-en-veiligheid/",
    "stuk": "documenten/albrandswaard-2023-stand-van-zaken-integrale-aanpak-zorg-en-veiligheid/",
    "gemeenten": "gemeenten/",
    "gemeente": "gemeenten/almelo/",
    "thema": "themas/jeugd/",
    "jaar": "jaren/2023/",
    "status": "status/niet-overgenomen/",
    "punten": "punten/",
    "cijfers": "cijfers/",
    "feeds": "feeds/",
    "zoeken": "zoeken/",
    "over": "over/",
    "toegankelijkheid": "toegankelijkheid/",
    "open-data": "open-data/",
    "publiceren": "publiceren/",
    "niet-gevonden": "bestaat-niet/",
}
ADVIES = "documenten/almelo-2022-12-22-ongevraagd-advies-nsob-rapport/"
REACTIE = "documenten/almelo-2023-01-23-reactie-ongevraagd-advies-nsob-rapport/"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGE_TYPES)
def test_every_page_type_passes_axe_and_is_photographed(page: Page, site_url: str, name: str, width: str) -> None:
    page.set_viewport_size({"width": WIDTHS[width][0], "height": WIDTHS[width][1]})
    failed: list[str] = []
    page.on("response", lambda response: failed.extend([f"{response.status} {response.url}"] if response.status >= 400 else []))
    page.goto(site_url + PAGE_TYPES[name])
    if name == "zoeken":
        page.locator("input.pagefind-ui__search-input").fill("wijkteam")
        expect(page.locator(".pagefind-ui__result").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    expected = [f"404 {site_url}{PAGE_TYPES[name]}"] if name == "niet-gevonden" else []
    assert failed == expected, "no request of a page may fail (a 404 is a dead end, or something missing)"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)
    assert run_axe(page) == []
    page.mouse.wheel(0, 800)  # the header then shows the page title
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS[width][0], "the page scrolls sideways (WCAG 1.4.10 reflow)"


def test_on_a_phone_the_home_first_screen_holds_gemeente_search_and_an_advice_with_its_outcome(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 667}, locale="nl-NL")
    page = context.new_page()
    page.goto(site_url)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "home-eerste-scherm-telefoon.png"))
    first_screen = "el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= 667 && r.width > 0; }"
    assert page.locator(".ar-gemeentekeuze a").first.evaluate(first_screen), "the gemeente choice is on the first screen"
    assert page.get_by_label("Zoek in adviezen en reacties").evaluate(first_screen)
    advice = page.locator("#nieuwe-adviezen ~ ul .ar-kaart").first
    assert advice.locator(".ar-kaart__titel").evaluate(first_screen) and advice.locator(".ar-status").evaluate(first_screen), "an advice with its outcome"
    page.get_by_label("Zoek in adviezen en reacties").fill("wijkteam")
    page.keyboard.press("Enter")  # the form leads to the search page, which runs the search in its address
    expect(page.locator(".pagefind-ui__result-link", has_text="Inspectierapport sociale wijkteams")).to_be_visible()
    context.close()


def test_every_card_of_every_list_shows_an_outcome(page: Page, site_url: str) -> None:
    for address in ("", "documenten/", "gemeenten/almelo/", "themas/jeugd/", "jaren/2023/", "status/niet-overgenomen/"):
        page.goto(site_url + address)
        cards = page.locator(".ar-kaart:visible")
        assert cards.count() > 0, address
        for text in cards.locator(".ar-kaart__status").all_inner_texts():
            assert text.strip(), f"a card without an outcome on /{address}"
        assert cards.locator(".ar-kaart__status").count() == cards.count(), address


def test_search_finds_an_inflected_word_and_opens_the_document(page: Page, site_url: str) -> None:
    page.goto(site_url + "zoeken/")
    page.locator("input.pagefind-ui__search-input").fill("wijkteam")  # the letter says "wijkteams": Dutch stemming
    result = page.locator(".pagefind-ui__result-link", has_text="Inspectierapport sociale wijkteams")
    expect(result).to_be_visible()
    result.click()
    expect(page.locator("article h1")).to_have_text("Inspectierapport sociale wijkteams")


def test_search_filters_by_status(page: Page, site_url: str) -> None:
    page.goto(site_url + "zoeken/?q=advies")
    expect(page.locator(".pagefind-ui__result").first).to_be_visible()
    page.locator(".pagefind-ui__filter-panel summary", has_text="status").click()
    page.get_by_label("Niet overgenomen").check()
    expect(page.locator(".pagefind-ui__result-link")).to_have_text(["Ongevraagd advies NSOB rapport"])
    expect(page).to_have_url(re.compile(r"zoeken/\?q=advies&status=Niet\+overgenomen$"))  # the filter too can be shared
    page.goto(site_url + "zoeken/?q=advies&status=Niet+overgenomen")
    expect(page.locator(".pagefind-ui__result-link")).to_have_text(["Ongevraagd advies NSOB rapport"])
    expect(page.get_by_label("Niet overgenomen")).to_be_checked()  # its group is open, the choice visible


def test_a_search_address_shared_with_the_old_status_label_still_filters(page: Page, site_url: str) -> None:
    """'Reactie uitgebleven' became 'Geen reactie bekend' (issue 25); addresses shared before keep working."""
    page.goto(site_url + "zoeken/?q=advies&status=Reactie+uitgebleven")
    results = page.locator(".pagefind-ui__result-link")
    expect(results).to_have_count(1)
    expect(results).to_contain_text("Ongevraagd advies Adviesraad Sociaal Domein ten aanzien van het regionale")
    expect(page.get_by_label("Geen reactie bekend")).to_be_checked()


def test_search_results_show_status_soort_gemeente_and_date_and_a_clean_excerpt(page: Page, site_url: str) -> None:
    page.goto(site_url + "zoeken/?q=advies")
    result = page.locator(".pagefind-ui__result").filter(has=page.get_by_role("link", name="Ongevraagd advies NSOB rapport", exact=True))
    expect(result.locator(".pagefind-ui__result-tag")).to_have_text(
        ["Status: ✗ Niet overgenomen", "Soort: Ongevraagd advies", "Gemeente: Almelo", "Datum: 22 december 2022"]
    )
    excerpts = page.locator(".pagefind-ui__result-excerpt")
    expect(excerpts.first).to_be_visible()
    for excerpt in excerpts.all_inner_texts():  # page furniture is not part of the text searched
        assert "Tekst van de brief" not in excerpt and "staat niet in het archief" not in excerpt, excerpt


def test_on_a_phone_the_first_search_result_is_on_the_first_screen(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 667}, locale="nl-NL")
    page = context.new_page()
    page.goto(site_url + "zoeken/?q=advies")
    expect(page.locator(".pagefind-ui__result-title").first).to_be_visible()
    # Pagefind may draw its results again (when its filters arrive): measure the first title as it then stands, in the page
    page.wait_for_function(
        "() => { const t = document.querySelector('.pagefind-ui__result-title'); return t !== null && t.getBoundingClientRect().top + 20 < 667; }"
    )
    page.locator(".pagefind-ui__filter-name", has_text="Status").click()  # the filter groups open like buttons
    expect(page.get_by_label("Niet overgenomen")).to_be_visible()
    context.close()


def test_the_query_goes_into_the_address_and_back_brings_the_search_back(page: Page, site_url: str) -> None:
    page.goto(site_url + "zoeken/")
    page.locator("input.pagefind-ui__search-input").fill("wijkteam")
    result = page.locator(".pagefind-ui__result-link", has_text="Inspectierapport sociale wijkteams")
    expect(result).to_be_visible()
    expect(page).to_have_url(re.compile(r"zoeken/\?q=wijkteam$"))  # a search that can be shared
    result.click()
    expect(page.locator("article h1")).to_have_text("Inspectierapport sociale wijkteams")
    page.go_back()
    expect(page.locator("input.pagefind-ui__search-input")).to_have_value("wijkteam")
    expect(page.locator(".pagefind-ui__result-link", has_text="Inspectierapport sociale wijkteams")).to_be_visible()
    expect(page.locator(".pagefind-ui__search-clear")).to_have_text("Wissen")


def test_a_search_without_results_says_what_to_try(page: Page, site_url: str) -> None:
    page.goto(site_url + "zoeken/?q=zwembadvergunning")
    expect(page.locator(".pagefind-ui__message")).to_contain_text("Geen resultaten")
    help = page.locator("#zoekhulp")
    expect(help).to_be_visible()
    expect(help.get_by_role("link", name="alle documenten")).to_have_attribute("href", re.compile(r"documenten/$"))
    page.locator("input.pagefind-ui__search-input").fill("wijkteam")
    expect(page.locator(".pagefind-ui__result").first).to_be_visible()
    expect(help).to_be_hidden()


def test_overview_filters_by_several_statuses_keeps_them_in_the_address_and_clears(page: Page, site_url: str) -> None:
    page.goto(site_url + "documenten/")
    expect(page.locator("#ar-aantal")).to_have_text(f"{ARCHIEF_DOCUMENTEN} documenten")
    expect(page.get_by_text("Filteren zonder JavaScript")).to_be_hidden()
    page.get_by_label("Niet overgenomen (1)").check()
    expect(page.locator("#ar-aantal")).to_have_text("1 document (gefilterd)")
    expect(page.locator(".ar-kaart:visible .ar-kaart__titel")).to_have_text(["Ongevraagd advies NSOB rapport"])
    page.get_by_label("Geen reactie bekend (1)").check()
    expect(page.locator("#ar-aantal")).to_have_text("2 documenten (gefilterd)")
    assert page.url.endswith("?status=Niet+overgenomen&status=Geen+reactie+bekend")
    expect(page.locator("#ar-gekozen")).to_have_text("(2 filters gekozen)")
    page.get_by_label("Volgorde").select_option("oudste")
    expect(page.locator(".ar-kaart:visible .ar-kaart__titel").first).to_contain_text(
        "Ongevraagd advies Adviesraad Sociaal Domein ten aanzien van het regionale"
    )
    page.get_by_label("Volgorde").select_option("nieuwste")
    expect(page.locator(".ar-kaart:visible .ar-kaart__titel").first).to_have_text("Ongevraagd advies NSOB rapport")
    page.get_by_role("button", name="Wis filters").click()
    expect(page.locator("#ar-aantal")).to_have_text(f"{ARCHIEF_DOCUMENTEN} documenten")
    expect(page).to_have_url(site_url + "documenten/")
    page.get_by_label("Met punten die het college niet of deels overnam (2)").check()  # the advice and its response
    expect(page.locator(".ar-kaart:visible .ar-kaart__titel")).to_have_text(
        ["Reactie op advies Programma's Sociaal en Vitaal en Zorg en Veiligheid", "Advies Programma's Sociaal en Vitaal en Zorg en Veiligheid"]
    )
    page.goto(site_url + "documenten/?gemeente=Almere&status=Niet+overgenomen&status=Reactie+uitgebleven")  # shared before issue 25
    expect(page.locator("#ar-aantal")).to_have_text("1 document (gefilterd)")
    expect(page.get_by_label("Geen reactie bekend (1)")).to_be_checked()


def test_on_a_phone_the_filters_fold_and_the_first_document_is_on_the_first_screen(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 667}, locale="nl-NL")
    page = context.new_page()
    page.goto(site_url + "documenten/?status=Niet+overgenomen")
    panel = page.locator("#ar-filterpaneel")
    expect(panel).to_be_visible()
    assert panel.evaluate("p => p.open") is False
    first = page.locator(".ar-kaart:visible").first.bounding_box()
    assert first is not None and first["y"] + 60 < 667, first
    page.get_by_text("Filteren en sorteren").click()
    expect(page.get_by_label("Niet overgenomen (1)")).to_be_checked()
    context.close()


def test_without_javascript_filter_links_lead_to_prebuilt_lists(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    page.goto(site_url)
    page.locator(".ar-tellingen a", has_text="Niet overgenomen").click()
    expect(page).to_have_url(site_url + "status/niet-overgenomen/")
    expect(page.locator(".ar-kaart .ar-kaart__titel")).to_have_text(["Ongevraagd advies NSOB rapport"])
    page.goto(site_url + "documenten/?status=Niet+overgenomen")  # a shared filter link: the page says it shows everything
    expect(page.get_by_text("toont deze pagina altijd alle documenten")).to_be_visible()
    expect(page.locator("#ar-filterpaneel")).to_be_hidden()
    page.get_by_role("link", name="status").click()
    expect(page.locator(".ar-index a")).to_have_text(["Adviezen: deels overgenomen", "Adviezen: niet overgenomen", "Adviezen: geen reactie bekend"])
    context.close()


def test_follow_an_advice_to_its_response_and_back(page: Page, site_url: str) -> None:
    page.goto(site_url + ADVIES)
    expect(page.locator("dl.ar-meta")).to_contain_text("Niet overgenomen")
    page.get_by_role("link", name="Reactie ongevraagd advies NSOB rapport").first.click()
    expect(page).to_have_url(site_url + REACTIE)
    expect(page.locator("#besluit")).to_have_text("Besluit: niet overgenomen")
    page.get_by_role("link", name="Ongevraagd advies NSOB rapport", exact=True).first.click()
    expect(page).to_have_url(site_url + ADVIES)


def press_tab_until(page: Page, selector: str, limit: int = 80) -> None:
    """Tab through the page until the element matching `selector` has the focus, as a keyboard user does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} is not reachable with the Tab key")


def test_keyboard_alone_filter_follow_and_search(page: Page, site_url: str) -> None:
    page.goto(site_url + "documenten/")
    press_tab_until(page, "input[name='status'][value='Niet overgenomen']")
    page.keyboard.press("Space")
    expect(page.locator("#ar-aantal")).to_have_text("1 document (gefilterd)")
    press_tab_until(page, ".ar-kaart:not([hidden]) .ar-kaart__titel")
    page.keyboard.press("Enter")
    expect(page).to_have_url(site_url + ADVIES)
    press_tab_until(page, "a[href*='reactie-ongevraagd-advies-nsob-rapport']")
    page.keyboard.press("Enter")
    expect(page).to_have_url(site_url + REACTIE)
    page.goto(site_url + "zoeken/")
    press_tab_until(page, "input.pagefind-ui__search-input")
    page.keyboard.type("kindermishandeling")
    expect(page.locator(".pagefind-ui__result-link").first).to_be_visible()  # results arrive while the user waits
    press_tab_until(page, ".pagefind-ui__result-link[href*='almere-2019']")  # the newest first: this 2019 letter comes later
    page.keyboard.press("Enter")
    expect(page.locator("article h1")).to_contain_text("Geweld hoort nergens thuis")


def test_focus_is_visible(page: Page, site_url: str) -> None:
    page.goto(site_url + ADVIES)
    press_tab_until(page, "article a")
    outline = page.evaluate("() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }")
    assert outline[0] != "none" or outline[2] != "none", outline


HOSTILE = """---
id: almelo-2024-02-01-kwaadaardig
soort: advies
titel: "<script>window.__xss = 'titel'</script>Advies <b>vet</b>"
datum: "2024-02-01"
gemeente: almelo
van: "<img src=x onerror=\\"window.__xss='van'\\">Adviesraad"
aan: "javascript:alert(1)"
samenvatting: "<svg onload=\\"window.__xss='samenvatting'\\"></svg>"
themas:
  - jeugd
---

Geacht college,

<script>window.__xss = 'tekst'</script>

<img src="x" onerror="window.__xss = 'img'">

[Klik hier](https://example.org/" onclick="window.__xss='link') of [hier](https://example.org/" onmouseover="window.__xss='attr').

<iframe src="javascript:window.__xss='iframe'"></iframe><a href="https://example.org/" onfocus="window.__xss='focus'" autofocus>data</a>

Met vriendelijke groet,
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    target = project.documents / "almelo" / "2024" / "almelo-2024-02-01-kwaadaardig.md"
    target.parent.mkdir(parents=True)
    target.write_text(HOSTILE, encoding="utf-8")
    with fixed_date():
        result = build_site(project)
    assert result.problems == []
    server, url = serve(project.root / "site")
    yield url
    server.shutdown()
    shutil.rmtree(project.root / "site")


def test_script_in_content_never_runs(page: Page, hostile_site: str) -> None:
    dialogs: list[str] = []

    def refuse(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", refuse)
    for path in ("documenten/almelo-2024-02-01-kwaadaardig/", "", "documenten/", "gemeenten/almelo/", "themas/jeugd/"):
        page.goto(hostile_site + path)
        page.mouse.move(10, 10)
        assert page.evaluate("() => window.__xss") is None, path
    page.goto(hostile_site + "documenten/almelo-2024-02-01-kwaadaardig/")
    expect(page.locator("article h1")).to_contain_text("<script>")
    for link in page.locator("article a").all():
        href = link.get_attribute("href") or ""
        assert not href.lower().startswith(("javascript:", "data:")), href
    assert page.locator("article script, article iframe, article img[onerror]").count() == 0
    page.goto(hostile_site + "zoeken/")
    page.locator("input.pagefind-ui__search-input").fill("vet")
    expect(page.locator(".pagefind-ui__result").first).to_be_visible()
    assert page.evaluate("() => window.__xss") is None
    assert dialogs == []
