"""The search page's polish (issue 25, item 7): result titles that look like links, the newest first, the statuses of
its filter in the site's order, Pagefind's checkboxes at least 24 px; screenshots at 375 and 1280 px."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect
from test_filters import OBSERVE

from adviesregister.site.views import STATUS_LABELS

from helpers import SCREENSHOTS

QUERY = "zoeken/?q=advies"


def test_result_titles_look_like_links(page: Page, site_url: str) -> None:
    page.goto(site_url + QUERY)
    link = page.locator(".pagefind-ui__result-link").first
    expect(link).to_be_visible()
    style = link.evaluate("a => { const s = getComputedStyle(a); return [s.textDecorationLine, s.color]; }")
    text = page.locator(".pagefind-ui__result-excerpt").first.evaluate("p => getComputedStyle(p).color")
    link_colour = page.locator("article p a").first.evaluate("a => getComputedStyle(a).color")
    assert style[0] == "underline" and style[1] == link_colour != text, style


def test_results_come_newest_first(page: Page, site_url: str) -> None:
    page.goto(site_url + QUERY)
    expect(page.locator(".pagefind-ui__result").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    links = page.locator(".pagefind-ui__result-link").evaluate_all("links => links.map(a => a.href)")
    assert len(links) > 2
    dates = [page.request.get(link).text().split('data-pagefind-sort="datum:')[1].split('"')[0] for link in links]
    assert dates == sorted(dates, reverse=True), dates


def test_the_status_filter_lists_the_statuses_in_the_sites_order(page: Page, site_url: str) -> None:
    page.goto(site_url + QUERY)
    expect(page.locator(".pagefind-ui__result").first).to_be_visible()
    page.locator(".pagefind-ui__filter-panel summary", has_text="status").click()
    shown = page.locator(".pagefind-ui__filter-group:has(legend:text-is('status')) .pagefind-ui__filter-checkbox")
    expect(shown.first).to_be_visible()
    values = shown.evaluate_all("boxes => boxes.map(b => b.value)")
    site_order = [label for _, label in STATUS_LABELS.values()]
    assert len(values) > 1 and sorted(values, key=site_order.index) == values, values
    assert values != sorted(values), "the fixture archive's statuses must differ from the alphabet for this test to tell"
    for box in shown.all():
        size = box.bounding_box()
        assert size is not None and size["width"] >= 24 and size["height"] >= 24, size


@pytest.mark.parametrize("width,height", [(375, 812), (1280, 900)])
def test_the_search_page_is_photographed(browser: Browser, site_url: str, width: int, height: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": height}, locale="nl-NL")
    page = context.new_page()
    page.goto(site_url + QUERY)
    expect(page.locator(".pagefind-ui__result").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"zoeken-resultaten-{width}.png"), full_page=True)
    context.close()


@pytest.mark.parametrize("width,height", [(412, 823), (1280, 900)])
def test_a_search_in_the_address_loads_without_layout_shift(browser: Browser, site_url: str, width: int, height: int) -> None:
    """Pagefind draws its box, filters and results after the page has loaded: nothing already shown may move (the
    footer included), at Lighthouse's phone size and on a desktop."""
    context = browser.new_context(viewport={"width": width, "height": height}, locale="nl-NL")
    page = context.new_page()
    page.add_init_script(OBSERVE)
    page.goto(site_url + QUERY)
    expect(page.locator(".pagefind-ui__result").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)  # the last results drawn
    shifts = page.evaluate("window.arShifts")
    assert sum(shift["value"] for shift in shifts if not shift["input"]) == 0, shifts
    context.close()
