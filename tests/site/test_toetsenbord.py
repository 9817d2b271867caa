"""Keyboard only, at every width: every page type tabbed through at 375, 1024 and 1280 px in a real browser.

Below 1220 px Material's navigation is a drawer. Each Tab stop must lie inside the viewport, not hidden, not inert
and not under the header (WCAG 2.4.7, 2.4.11); every visible link, button and field must be reached (2.1.1, 2.4.3);
the menu opens with a real button; "Ga naar inhoud" leads into the content; targets are at least 24 px (2.5.8).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect
from test_browser import PAGE_TYPES

from helpers import SCREENSHOTS

WIDTHS = {"375": (375, 667), "1024": (1024, 768), "1280": (1280, 900)}
MAX_TABS = 150
SEARCH = "zoeken/?q=advies"  # the search page with results and its filters, Pagefind's checkboxes shown

# Every element that can take the focus and is shown, marked with data-ar-stap; one radio button per group (Tab reaches
# the group once). Returns what it marked.
MARK = """() => {
  const shown = el => el.checkVisibility({visibilityProperty: true, opacityProperty: true})
    && el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().height > 0;
  const marked = [];
  const groups = new Set();
  document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]").forEach((el, i) => {
    if (el.tabIndex < 0 || el.disabled || el.closest("[inert]") || !shown(el)) return;
    let key = String(i);
    if (el.type === "radio" && el.name) { if (groups.has(el.name)) return; groups.add(el.name); key = "radio:" + el.name; }
    el.dataset.arStap = key;
    marked.push({key: key, what: el.outerHTML.slice(0, 140)});
  });
  document.querySelectorAll("input[type=radio][name]").forEach(el => { if (groups.has(el.name)) el.dataset.arStap = "radio:" + el.name; });
  return marked;
}"""

# The element that has the focus now, as the eye sees it: its box, whether it is shown, inert, or covered at its centre
# by what is drawn over the page (the sticky header, the drawer and its shade, the back-to-top button).
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const r = el.getBoundingClientRect();
  const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  /* what is drawn over the page; the navigation only as a drawer (a sidebar's empty part is transparent) */
  const over = top && top.closest(".md-header, .md-overlay, .md-top, .md-sidebar--primary");
  const drawn = over && (!over.matches(".md-sidebar--primary") || getComputedStyle(over).position === "fixed");
  const covered = drawn && !over.contains(el);
  return {
    key: el.dataset.arStap || null, what: el.outerHTML.slice(0, 140),
    path: [...document.querySelectorAll(".md-sidebar--primary, .md-header, .md-content, .md-footer")].filter(a => a.contains(el)).map(a => a.className).join(" "),
    left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: innerWidth, height: innerHeight,
    shown: getComputedStyle(el).visibility === "visible" && el.checkVisibility({visibilityProperty: true}),
    inert: el.closest("[inert]") !== null, covered: covered ? top.outerHTML.slice(0, 100) : null,
  };
}"""

# Buttons and fields smaller than 24 by 24 px (links in running text are exempt in WCAG 2.5.8; ours are not checked).
SMALL = """() => [...document.querySelectorAll("button, input:not([type=hidden]), select, summary")]
  .filter(el => el.checkVisibility({visibilityProperty: true}) && !el.closest("[inert]"))
  .map(el => [el.outerHTML.slice(0, 120), el.getBoundingClientRect()])
  .filter(([, r]) => r.width > 0 && (r.width < 23.5 || r.height < 23.5))
  .map(([what, r]) => `${Math.round(r.width)}x${Math.round(r.height)} ${what}`)"""


SETTLED = """selector => new Promise(resolve => {
  const started = performance.now();
  let last = "";
  function tick() {
    const r = (selector ? document.querySelector(selector) : document.activeElement).getBoundingClientRect();
    const now = `${r.left},${r.right}`;
    const moving = document.getAnimations().some(a => a.playState === "running");
    if (!moving && now === last && r.left >= 0 && r.right <= innerWidth) return resolve(true);
    if (performance.now() - started > 10000) return resolve(false);
    last = now;
    requestAnimationFrame(tick);
  }
  tick();
})"""
"""Whether the element (the focused one when the selector is empty) comes to rest inside the screen within 10 s: no
animation running and the same place in two frames in a row (Material slides its drawer and the table of contents in;
a loaded machine caught the table of contents halfway)."""


@pytest.fixture(scope="module")
def tabs(browser: Browser) -> Iterator[dict[str, Page]]:
    """One tab per width (WIDTHS), in Dutch, used by every page type in turn."""
    contexts = {name: browser.new_context(viewport={"width": w, "height": h}, locale="nl-NL") for name, (w, h) in WIDTHS.items()}
    yield {name: context.new_page() for name, context in contexts.items()}
    for context in contexts.values():
        context.close()


@pytest.fixture(params=list(WIDTHS))
def narrow_page(request: pytest.FixtureRequest, tabs: dict[str, Page]) -> Page:
    """The tab of one width (375, 1024 or 1280 px), from the top of a page the test opens."""
    return tabs[request.param]


def open_page(page: Page, site_url: str, path: str) -> None:
    """The page as a keyboard user finds it; on the search page with results and one filter group open, on the overview
    with its filter panel open."""
    page.goto(site_url + path)
    if path == SEARCH:
        expect(page.locator(".pagefind-ui__result").first).to_be_visible()
        status = page.locator(".pagefind-ui__filter-block", has=page.locator(".pagefind-ui__filter-name", has_text="Status"))
        status.evaluate("details => { details.open = true; }")  # not by a click: Tab starts from the top
        expect(status.locator(".pagefind-ui__filter-checkbox").first).to_be_visible()
    if path == PAGE_TYPES["overzicht"]:
        page.locator("#ar-filterpaneel").evaluate("details => { details.open = true; }")  # folded on a phone: its filters count too
    page.wait_for_load_state("networkidle")


def tab_through(page: Page) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Press Tab from the top of the page until the focus comes round again (at most MAX_TABS): what was marked, and each stop."""
    marked = page.evaluate(MARK)
    stops: list[dict[str, Any]] = []
    seen: set[str] = set()
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        if stop is None:
            if stops:
                break  # past the last element: the focus leaves the page
            continue
        what = stop["key"] or stop["what"]
        if what in seen:
            break
        seen.add(what)
        stops.append(stop)
    return marked, stops


def wrong_stops(stops: list[dict[str, Any]]) -> list[str]:
    """Every stop the eye cannot see: outside the viewport, of no size, hidden, inert or under something else."""
    wrong = []
    for stop in stops:
        inside = stop["left"] >= -1 and stop["top"] >= -1 and stop["right"] <= stop["width"] + 1 and stop["bottom"] <= stop["height"] + 1
        sized = stop["right"] > stop["left"] and stop["bottom"] > stop["top"]
        if not (inside and sized and stop["shown"]) or stop["inert"] or stop["covered"]:
            box = f"({stop['left']:.0f},{stop['top']:.0f})-({stop['right']:.0f},{stop['bottom']:.0f})"
            wrong.append(f"{box} shown={stop['shown']} inert={stop['inert']} covered={stop['covered']}: {stop['what']}")
    return wrong


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_tab_reaches_every_control_and_each_stop_is_visible(narrow_page: Page, site_url: str, name: str) -> None:
    path = SEARCH if name == "zoeken" else PAGE_TYPES[name]
    open_page(narrow_page, site_url, path)
    marked, stops = tab_through(narrow_page)
    width = narrow_page.viewport_size["width"] if narrow_page.viewport_size else 0
    assert stops, f"{path} at {width} px: Tab reaches nothing"
    assert wrong_stops(stops) == [], f"{path} at {width} px: the focus is where nobody sees it"
    reached = {stop["key"] for stop in stops}
    assert [m["what"] for m in marked if m["key"] not in reached] == [], f"{path} at {width} px: not reached by Tab"
    assert narrow_page.evaluate(SMALL) == [], f"{path} at {width} px: targets smaller than 24 px"


def test_the_menu_opens_and_closes_by_keyboard_below_1220_px(narrow_page: Page, site_url: str) -> None:
    width = narrow_page.viewport_size["width"] if narrow_page.viewport_size else 0
    narrow_page.goto(site_url + "documenten/")
    button = narrow_page.get_by_role("button", name="Menu")
    drawer = narrow_page.locator(".md-sidebar--primary")
    if width >= 1220:
        expect(button).to_be_hidden()  # the navigation is a sidebar, always there
        assert drawer.evaluate("d => d.inert") is False
        return
    assert drawer.evaluate("d => d.inert") is True
    expect(narrow_page.locator("label[for='__drawer'].md-header__button")).to_be_hidden()
    for _ in range(5):
        narrow_page.keyboard.press("Tab")
        if narrow_page.evaluate("() => document.activeElement.matches('.ar-menuknop')"):
            break
    expect(button).to_be_focused()
    expect(button).to_have_attribute("aria-expanded", "false")
    narrow_page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    assert drawer.evaluate("d => d.inert") is False
    assert narrow_page.evaluate(SETTLED, ".md-sidebar--primary"), "the drawer did not come to rest inside the screen"
    link = narrow_page.locator(".md-sidebar--primary a", has_text="Gemeenten")
    expect(link).to_be_in_viewport(ratio=1)
    assert narrow_page.locator(".md-content").evaluate("c => c.inert") is True  # the page behind it waits
    expect(narrow_page.get_by_role("button", name="Sluiten")).to_be_focused()
    _, stops = tab_through(narrow_page)  # Tab stays in the open drawer, and the drawer shows each stop
    assert [stop["what"] for stop in stops if "md-sidebar--primary" not in stop["path"]] == []
    assert wrong_stops(stops) == []
    assert len(stops) >= 9, stops  # after "Sluiten": the logo and the 8 pages
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    narrow_page.screenshot(path=str(SCREENSHOTS / f"menu-open-{width}.png"))
    narrow_page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()
    assert drawer.evaluate("d => d.inert") is True
    assert narrow_page.locator(".md-content").evaluate("c => c.inert") is False
    button.press("Enter")
    narrow_page.get_by_role("button", name="Sluiten").press("Enter")
    expect(button).to_be_focused()
    assert drawer.evaluate("d => d.inert") is True
    button.press("Enter")
    narrow_page.locator(".md-sidebar--primary a", has_text="Gemeenten").press("Enter")
    expect(narrow_page).to_have_url(site_url + "gemeenten/")


@pytest.mark.parametrize("path", ["", "documenten/almelo-2022-12-22-ongevraagd-advies-nsob-rapport/", "cijfers/"])
def test_skip_to_content_puts_the_focus_in_the_content(narrow_page: Page, site_url: str, path: str) -> None:
    narrow_page.goto(site_url + path)
    narrow_page.keyboard.press("Tab")
    expect(narrow_page.get_by_role("link", name="Ga naar inhoud")).to_be_focused()
    narrow_page.keyboard.press("Enter")
    assert narrow_page.evaluate("() => document.activeElement.closest('.md-content') !== null")
    narrow_page.keyboard.press("Tab")
    stop = narrow_page.evaluate(FOCUSED)
    assert narrow_page.evaluate("() => document.activeElement.closest('.md-content') !== null"), stop
    assert wrong_stops([stop]) == []


def test_a_tap_on_the_shade_closes_the_menu_and_without_javascript_the_label_stays(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 667}, locale="nl-NL")
    page = context.new_page()
    page.goto(site_url + "gemeenten/")
    page.get_by_role("button", name="Menu").click()
    expect(page.get_by_role("button", name="Menu")).to_have_attribute("aria-expanded", "true")
    page.mouse.click(350, 400)  # the shade over the page, beside the drawer
    expect(page.get_by_role("button", name="Menu")).to_have_attribute("aria-expanded", "false")
    assert page.locator(".md-sidebar--primary").evaluate("d => d.inert") is True
    context.close()
    context = browser.new_context(viewport={"width": 375, "height": 667}, locale="nl-NL", java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "gemeenten/")
    expect(page.locator(".ar-menuknop")).to_be_hidden()
    page.locator("label[for='__drawer'].md-header__button").click()  # Material's own way, without the script
    expect(page.locator(".md-sidebar--primary a", has_text="Cijfers")).to_be_in_viewport()
    context.close()


def test_the_table_of_contents_in_the_drawer_opens_and_closes_by_keyboard(narrow_page: Page, site_url: str) -> None:
    """Below 960 px the drawer holds a page's table of contents behind its entry, a label: it works as a button."""
    width = narrow_page.viewport_size["width"] if narrow_page.viewport_size else 0
    narrow_page.goto(site_url + "over/")
    entry = narrow_page.locator(".md-nav--primary label.md-nav__link[for='__toc']")
    if width >= 960:
        expect(entry).to_be_hidden()  # the table of contents is beside the page
        return
    narrow_page.get_by_role("button", name="Menu").press("Enter")
    expect(entry).to_have_attribute("role", "button")
    expect(entry).to_have_attribute("aria-expanded", "false")
    for _ in range(20):
        narrow_page.keyboard.press("Tab")
        if narrow_page.evaluate("() => document.activeElement.matches(\"label[for='__toc']\")"):
            break
    expect(entry).to_be_focused()
    narrow_page.keyboard.press("Enter")
    expect(entry).to_have_attribute("aria-expanded", "true")
    first = narrow_page.locator(".md-nav--primary .md-nav--secondary a[href]").first
    expect(first).to_be_focused()
    assert narrow_page.evaluate(SETTLED, ""), "the focused link did not come to rest inside the screen"
    stop = narrow_page.evaluate(FOCUSED)
    assert stop["shown"] and not stop["inert"] and stop["left"] >= 0 and stop["right"] <= stop["width"], stop
    back = narrow_page.get_by_role("button", name="Inhoudsopgave sluiten")
    back.focus()
    narrow_page.keyboard.press("Space")
    expect(entry).to_have_attribute("aria-expanded", "false")
    expect(entry).to_be_focused()
    narrow_page.keyboard.press("Escape")  # closes the drawer
    expect(narrow_page.get_by_role("button", name="Menu")).to_be_focused()
