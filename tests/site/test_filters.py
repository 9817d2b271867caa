"""The overview's filters in a real browser: counts that follow the other choices, a button per active filter, "Toon N
resultaten" on a phone, one history entry for all choices, "Alle adviezen", and no layout shift (issue 25, item 7).

Expected counts are computed here, in Python, from the data the page carries (#ar-lijst), not copied from the archive.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from lxml import html
from playwright.sync_api import Browser, Page, expect

from helpers import SCREENSHOTS

# Sums every layout shift the page reports (also those before the observer started: buffered). Chromium leaves out
# of the cumulative layout shift a shift within 500 ms of a click or key press (`hadRecentInput`): the page's answer
# to a choice. Both sums are kept: a shift without input must never happen; one after input is allowed by CLS.
OBSERVE = """
window.arShifts = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) window.arShifts.push({value: entry.value, input: entry.hadRecentInput,
    at: Math.round(entry.startTime), sources: (entry.sources || []).map(s => (s.node ? s.node.id || s.node.className || s.node.nodeName : "?")
      + " " + JSON.stringify(s.previousRect) + " → " + JSON.stringify(s.currentRect))});
}).observe({type: "layout-shift", buffered: true});
"""
CROSS = "\u00d7"  # the sign on a button that takes a filter away


@pytest.fixture(scope="module")
def documents(built_site: Path) -> list[dict[str, Any]]:
    """What the overview carries for its script: per document its values for each filter."""
    page = html.parse(str(built_site / "documenten" / "index.html"))
    data: dict[str, Any] = json.loads(page.xpath("//script[@id='ar-lijst']")[0].text)
    return list(data["documenten"])


def facet_counts(documents: list[dict[str, Any]], chosen: dict[str, list[str]], name: str) -> Counter[str]:
    """How many documents each value of filter `name` would show together with the other filters' choices."""
    counts: Counter[str] = Counter()
    for doc in documents:
        if all(not values or set(values) & set(doc["filters"][other]) for other, values in chosen.items() if other != name):
            counts.update(doc["filters"][name])
    return counts


def new_page(browser: Browser, width: int, height: int) -> Page:
    context = browser.new_context(viewport={"width": width, "height": height}, locale="nl-NL")
    page = context.new_page()
    page.add_init_script(OBSERVE)
    return page


@pytest.mark.parametrize("width,height", [(375, 667), (1280, 900)])
def test_no_layout_shift_on_load_opening_the_panel_and_choosing_filters(browser: Browser, site_url: str, width: int, height: int) -> None:
    page = new_page(browser, width, height)
    page.goto(site_url + "documenten/")
    page.wait_for_load_state("networkidle")
    panel = page.locator("#ar-filterpaneel")
    assert panel.evaluate("p => p.open") is (width >= 960), "open on a wide screen, folded on a phone"
    if width < 960:
        page.get_by_text("Filteren en sorteren").click()
    page.get_by_label("Niet overgenomen").check()
    page.get_by_label("Gemeente").select_option("Almelo")
    expect(page.locator("#ar-chips button")).to_have_count(2)
    page.get_by_role("button", name="Wis filters").click()
    expect(page.locator("#ar-chips")).to_be_hidden()
    page.wait_for_timeout(600)  # let the last answer to a choice settle before reading the shifts
    shifts = page.evaluate("window.arShifts")
    cls = sum(shift["value"] for shift in shifts if not shift["input"])
    assert cls == 0, f"cumulative layout shift {cls:.3f} at {width} px: {shifts}"
    page.get_by_label("Niet overgenomen").check()  # the panel is still open: photographed with a filter chosen
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"overzicht-filters-open-{width}.png"), full_page=False)
    page.context.close()


def test_counts_follow_the_other_choices(page: Page, site_url: str, documents: list[dict[str, Any]]) -> None:
    page.goto(site_url + "documenten/")
    gemeente = sorted({doc["gemeente"] for doc in documents})[-1]
    page.get_by_label("Gemeente").select_option(gemeente)
    chosen = {"gemeente": [gemeente]}
    status = facet_counts(documents, chosen, "status")
    everywhere = facet_counts(documents, {}, "status")
    assert status != everywhere, "the fixture archive must make this test able to fail"
    for box in page.locator("input[name=status]").all():
        value = box.get_attribute("value") or ""
        expect(box.locator("xpath=..")).to_have_text(f"{value} ({status[value]})")
    jaar = facet_counts(documents, chosen, "jaar")
    for option in page.locator("#filter-jaar option").all()[1:]:
        value = option.get_attribute("value") or ""
        expect(option).to_have_text(f"{value} ({jaar[value]})")
    # the gemeente's own choices are counted over the other filters only: choosing one leaves the others' counts
    gemeenten = facet_counts(documents, chosen, "gemeente")
    for option in page.locator("#filter-gemeente option").all()[1:]:
        value = option.get_attribute("value") or ""
        expect(option).to_have_text(f"{value} ({gemeenten[value]})")
    page.get_by_role("button", name="Wis filters").click()
    for box in page.locator("input[name=status]").all():
        value = box.get_attribute("value") or ""
        expect(box.locator("xpath=..")).to_have_text(f"{value} ({everywhere[value]})")


def test_a_button_per_active_filter_takes_it_away_by_keyboard(page: Page, site_url: str) -> None:
    page.goto(site_url + "documenten/")
    page.get_by_label("Niet overgenomen").check()
    page.get_by_label("Geen reactie bekend").check()
    chips = page.locator("#ar-chips button")
    expect(chips).to_have_text([f"Status: Niet overgenomen {CROSS} (filter weghalen)", f"Status: Geen reactie bekend {CROSS} (filter weghalen)"])
    expect(page.get_by_role("list", name="Gekozen filters")).to_be_visible()
    chips.first.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Niet overgenomen")).not_to_be_checked()
    expect(chips).to_have_text([f"Status: Geen reactie bekend {CROSS} (filter weghalen)"])
    expect(chips.first).to_be_focused()  # the focus stays among the filters, on the one that is left
    assert page.url.endswith("?status=Geen+reactie+bekend")
    page.keyboard.press("Space")
    expect(page.locator("#ar-chips")).to_be_hidden()
    expect(page.locator("#ar-aantal")).to_be_focused()
    expect(page).to_have_url(site_url + "documenten/")


def test_choices_replace_the_address_instead_of_filling_the_history(page: Page, site_url: str) -> None:
    page.goto(site_url)
    page.goto(site_url + "documenten/")
    before = page.evaluate("history.length")
    page.get_by_label("Niet overgenomen").check()
    page.get_by_label("Geen reactie bekend").check()
    page.get_by_label("Volgorde").select_option("oudste")
    assert page.url.endswith("?status=Niet+overgenomen&status=Geen+reactie+bekend&volgorde=oudste")
    assert page.evaluate("history.length") == before
    page.go_back()  # Back leaves the list, as on any other page
    expect(page).to_have_url(site_url)


def test_alle_adviezen_under_soort(page: Page, site_url: str, documents: list[dict[str, Any]]) -> None:
    advices = [doc for doc in documents if "adviezen" in doc["filters"]["soort"]]
    assert 0 < len(advices) < len(documents), "the fixture archive must hold advices and other documents"
    page.goto(site_url + "documenten/")
    options = page.locator("#filter-soort option")
    expect(options.nth(1)).to_have_text(f"Alle adviezen ({len(advices)})")
    page.get_by_label("Soort").select_option("adviezen")
    expect(page.locator("#ar-aantal")).to_have_text(f"{len(advices)} documenten (gefilterd)")
    expect(page.locator(".ar-kaart:visible .ar-kaart__titel")).to_have_text([doc["titel"] for doc in advices])
    assert page.url.endswith("?soort=adviezen")


def test_on_a_phone_toon_n_resultaten_closes_the_panel(browser: Browser, site_url: str, documents: list[dict[str, Any]]) -> None:
    page = new_page(browser, 375, 667)
    page.goto(site_url + "documenten/")
    page.get_by_text("Filteren en sorteren").click()
    show = page.locator("#ar-toon")
    expect(show).to_have_text(f"Toon {len(documents)} resultaten")
    page.get_by_label("Niet overgenomen").check()
    show.scroll_into_view_if_needed()  # at the foot of the open panel, which is longer than the screen
    n = sum(1 for doc in documents if "Niet overgenomen" in doc["filters"]["status"])
    expect(show).to_have_text("Toon 1 resultaat" if n == 1 else f"Toon {n} resultaten")
    box = show.bounding_box()
    assert box is not None and box["height"] >= 24 and box["width"] >= 24
    show.click()
    assert page.locator("#ar-filterpaneel").evaluate("p => p.open") is False
    expect(page.locator("#ar-aantal")).to_be_focused()
    expect(page.locator("#ar-aantal")).to_be_in_viewport(ratio=1)
    header = page.locator(".md-header").bounding_box()
    count = page.locator("#ar-aantal").bounding_box()
    assert header is not None and count is not None and count["y"] >= header["y"] + header["height"], "the count is not under the header"
    first = page.locator(".ar-kaart:visible").first.bounding_box()
    assert first is not None and first["y"] + 60 < 667, "the first result is on the screen"
    page.context.close()


def test_on_a_desktop_toon_n_resultaten_is_not_shown(page: Page, site_url: str) -> None:
    page.goto(site_url + "documenten/")
    expect(page.locator("#ar-filterpaneel")).to_have_attribute("open", "")
    expect(page.locator("#ar-toon")).to_be_hidden()
