"""Long lists in pages: a synthetic archive of 250 documents, built with 20 items per page so that every kind of list
(the overview, gemeente, thema, year and status) has several pages. Every document is on exactly one page of each list
it belongs to, the page navigation leads through them, and the overview's filters (from documenten/lijst.json) search
every page, not only the one shown."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lxml import html
from playwright.sync_api import Browser, Page, expect

from adviesregister.content.project import Project
from adviesregister.pipeline import build_site
from adviesregister.site import paging

from helpers import ARCHIEF_DOCUMENTEN, SCREENSHOTS, broken_links, fixed_date, run_axe, serve
from synthetic import write_archive

DOCUMENTS = 250
PER_PAGE = 20


@pytest.fixture(scope="module")
def long_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("lang")
    write_archive(root, DOCUMENTS)
    with fixed_date(), pytest.MonkeyPatch.context() as patch:
        patch.setattr(paging, "PAGE_SIZE", PER_PAGE)
        result = build_site(Project(root))
    assert result.problems == []
    return root / "site"


@pytest.fixture(scope="module")
def long_url(long_site: Path) -> Iterator[str]:
    server, url = serve(long_site)
    yield url
    server.shutdown()


def index(site: Path) -> list[dict[str, Any]]:
    documents: list[dict[str, Any]] = json.loads((site / "documenten" / "lijst.json").read_text(encoding="utf-8"))["documenten"]
    return documents


def parse(site: Path, url: str) -> html.HtmlElement:
    return html.parse(str(site / url / "index.html")).getroot()


def site_path(site: Path, page_url: str, href: str) -> str:
    """A link on the page at `page_url` as a URL from the site's root ('documenten/x/')."""
    return (site / page_url / href).resolve().relative_to(site.resolve()).as_posix() + "/"


def walk(site: Path, first: str) -> list[tuple[str, html.HtmlElement]]:
    """A list's pages, from its first through every 'Volgende pagina' link."""
    pages = [(first, parse(site, first))]
    while nexts := pages[-1][1].xpath("//nav[@class='ar-pager']//a[@rel='next']/@href"):
        url = site_path(site, pages[-1][0], nexts[0])
        pages.append((url, parse(site, url)))
    return pages


def cards(site: Path, pages: list[tuple[str, html.HtmlElement]]) -> list[str]:
    return [site_path(site, url, href) for url, doc in pages for href in doc.xpath("//li[@class='ar-kaart']/a/@href")]


def test_the_overview_shows_every_document_once_in_pages_newest_first(long_site: Path) -> None:
    pages = walk(long_site, "documenten/")
    assert len(pages) == -(-DOCUMENTS // PER_PAGE) == 13
    assert [url for url, _ in pages] == ["documenten/", *(f"documenten/pagina/{n}/" for n in range(2, 14))]
    assert all(len(doc.xpath("//li[@class='ar-kaart']")) == PER_PAGE for _, doc in pages[:-1])
    documents = sorted(path.parent.name for path in (long_site / "documenten").glob("*/index.html") if path.parent.name != "pagina")
    assert len(documents) == DOCUMENTS
    shown = cards(long_site, pages)
    assert sorted(shown) == sorted(f"documenten/{name}/" for name in documents)  # each once
    assert shown == [f"documenten/{entry['url']}" for entry in index(long_site)]  # in the index's order: newest first
    dates = [doc.xpath("//li[@class='ar-kaart']//time/@datetime") for _, doc in pages]
    flat = [day for page_dates in dates for day in page_dates]
    assert flat == sorted(flat, reverse=True)


def test_the_page_navigation_says_where_you_are_and_leads_back(long_site: Path) -> None:
    doc = parse(long_site, "documenten/pagina/7/")
    nav = doc.xpath("//nav[@class='ar-pager']")[0]
    assert nav.get("aria-label") == "Pagina's van deze lijst"
    assert nav.findtext("p") == "Pagina 7 van 13: 121 tot en met 140 van de 250 documenten."
    items = [" ".join(li.text_content().split()) for li in nav.xpath(".//li")]
    assert items == ["Vorige pagina", "1", "\N{HORIZONTAL ELLIPSIS}", "5", "6", "7", "8", "9", "\N{HORIZONTAL ELLIPSIS}", "13", "Volgende pagina"]
    assert nav.xpath(".//*[@aria-current='page']/text()") == ["7"]
    assert nav.xpath(".//a[@rel='prev']/@href") == ["../6/"]
    assert nav.xpath(".//a[text()='1']/@href") == ["../../"]
    assert doc.findtext(".//h1") == "Alle documenten, pagina 7 van 13"
    crumbs = [" ".join(a.text_content().split()) for a in doc.xpath("//nav[@class='ar-kruimelpad']//a")]
    assert crumbs == ["Home", "Alle documenten", "Alle documenten, pagina 7 van 13"]
    first = parse(long_site, "documenten/").xpath("//nav[@class='ar-pager']")[0]
    assert first.xpath(".//a[@rel='prev']") == [] and first.xpath(".//a[@rel='next']/@href") == ["pagina/2/"]
    lists = [path for kind in ("documenten/pagina", "gemeenten", "themas", "jaren", "status") for path in (long_site / kind).rglob("index.html")]
    titles = [html.parse(str(path)).getroot().findtext(".//title") for path in [long_site / "documenten" / "index.html", *lists]]
    assert len(titles) == len(set(titles)), "every page has a title of its own"


@pytest.mark.parametrize("kind", ["gemeenten", "themas", "jaren", "status"])
def test_every_list_shows_its_documents_once_across_its_pages(long_site: Path, kind: str) -> None:
    entries = index(long_site)
    lists = sorted(path.parent.name for path in (long_site / kind).glob("*/index.html"))
    paged = 0
    for name in lists:
        pages = walk(long_site, f"{kind}/{name}/")
        shown = cards(long_site, pages)
        assert len(shown) == len(set(shown))
        assert all(len(doc.xpath("//li[@class='ar-kaart']")) <= PER_PAGE for _, doc in pages)
        counted = pages[0][1].xpath("string(//p[@class='ar-aantal'])")
        assert counted == f"{len(shown)} documenten", (kind, name)
        if kind == "gemeenten":
            gemeente = pages[0][1].findtext(".//h1").removeprefix("Gemeente ")
            assert shown == [f"documenten/{e['url']}" for e in entries if e["gemeente"] == gemeente]
        elif kind == "jaren":
            assert shown == [f"documenten/{e['url']}" for e in entries if e["jaar"] == name]
        paged += len(pages) > 1
        assert all(doc.xpath("count(//p[@class='ar-samenvatting'])") == 0 for _, doc in pages[1:]), "the summary is on the first page"
    assert paged > 0, f"no {kind} list has more than {PER_PAGE} documents: the test proves nothing"


def test_every_link_on_the_paged_site_resolves(long_site: Path) -> None:
    checked, broken = broken_links(long_site)
    assert checked > 10_000
    assert broken == []


def test_the_overview_data_is_what_the_cards_say(long_site: Path) -> None:
    """The filters read documenten/lijst.json: each entry's values are its card's (the filters of a short archive read the cards)."""
    by_url = {f"documenten/{entry['url']}": entry for entry in index(long_site)}
    for url, doc in walk(long_site, "documenten/"):
        for card in doc.xpath("//li[@class='ar-kaart']"):
            entry = by_url[site_path(long_site, url, card.xpath("a/@href")[0])]
            assert entry["titel"] == card.findtext("a")
            expected = {name: card.get(f"data-{name}") for name in ("jaar", "status", "gemeente", "punten", "thema")}
            assert {name: "|".join(entry["filters"][name]) for name in expected} == expected
            assert entry["filters"]["soort"][0] == entry["soort"] == card.get("data-soort")
            assert entry["datum_iso"] == card.get("data-datum")
            assert card.xpath("string(.//time)") == entry["datum"]


def test_a_short_archive_keeps_its_filter_data_in_the_page(built_site: Path) -> None:
    doc = html.parse(str(built_site / "documenten" / "index.html")).getroot()
    data = json.loads(doc.xpath("//script[@id='ar-lijst']/text()")[0])
    assert len(data["documenten"]) == ARCHIEF_DOCUMENTEN
    assert not (built_site / "documenten" / "lijst.json").exists()
    assert doc.xpath("//nav[@class='ar-pager']") == []


def visible_titles(page: Page) -> list[str]:
    return page.locator(".ar-kaart:visible .ar-kaart__titel").all_inner_texts()


def test_a_filter_on_a_later_page_searches_every_page(browser: Browser, long_url: str, long_site: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    own = page.goto(long_url + "documenten/pagina/5/")
    assert own is not None and own.ok
    own_titles = visible_titles(page)
    assert run_axe(page) == []
    expect(page.locator("#ar-aantal")).to_have_text(f"{DOCUMENTS} documenten")
    expected = [entry["titel"] for entry in index(long_site) if entry["gemeente"] == "Zwolle"]
    assert 20 < len(expected) < 100
    page.select_option("#filter-gemeente", "Zwolle")
    expect(page.locator("#ar-aantal")).to_have_text(f"{len(expected)} documenten (gefilterd)")
    assert visible_titles(page) == expected
    expect(page.locator(".ar-pager")).to_be_hidden()
    assert "gemeente=Zwolle" in page.url
    assert run_axe(page) == []
    page.screenshot(path=str(SCREENSHOTS / "lange-lijst-gefilterd-desktop.png"), full_page=False)
    page.get_by_role("button", name="Wis filters").click()
    expect(page.locator("#ar-aantal")).to_have_text(f"{DOCUMENTS} documenten")
    expect(page.locator(".ar-pager")).to_be_visible()
    assert visible_titles(page) == own_titles
    page.close()


def test_oldest_first_shows_a_hundred_then_the_next_on_request(browser: Browser, long_url: str, long_site: Path) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 812}, locale="nl-NL")
    page.goto(long_url + "documenten/?volgorde=oudste")
    oldest = [entry["titel"] for entry in reversed(index(long_site))]
    expect(page.locator("#ar-aantal")).to_have_text(f"{DOCUMENTS} documenten")
    expect(page.locator(".ar-kaart:visible")).to_have_count(100)
    assert visible_titles(page) == oldest[:100]
    more = page.get_by_role("button", name="Toon de volgende 100 van 150")
    more.click()
    expect(page.locator(".ar-kaart:visible")).to_have_count(200)
    expect(page.locator(":focus")).to_have_text(oldest[100])  # the first new document has the focus
    assert run_axe(page) == []
    page.get_by_role("button", name="Toon de volgende 50 van 50").click()
    expect(page.locator(".ar-kaart:visible")).to_have_count(DOCUMENTS)
    expect(page.locator(".ar-meer")).to_be_hidden()
    assert visible_titles(page) == oldest
    page.screenshot(path=str(SCREENSHOTS / "lange-lijst-oudste-telefoon.png"), full_page=False)
    page.close()


def test_a_filtered_card_is_the_same_as_the_pages_own_card(browser: Browser, long_url: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page.goto(long_url + "documenten/")
    describe = "el => [el.innerText, el.querySelector('a').href, Array.from(el.querySelectorAll('*')).map(n => n.tagName + '.' + n.className)]"
    server = page.locator(".ar-kaart").first.evaluate(describe)
    year = page.locator(".ar-jaargroep").first.get_attribute("data-jaar")
    assert year is not None
    page.select_option("#filter-jaar", year)
    expect(page.locator("#ar-resultaten")).to_be_visible()
    assert page.locator("#ar-resultaten .ar-kaart").first.evaluate(describe) == server
    page.close()


def test_when_the_filter_data_cannot_be_loaded_the_page_says_so_keeps_its_own_list_and_tries_again(browser: Browser, long_url: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page.route("**/documenten/lijst.json", lambda route: route.fulfill(status=503, body="even niet"))
    page.goto(long_url + "documenten/pagina/2/")
    own_titles = visible_titles(page)
    page.select_option("#filter-gemeente", "Zwolle")
    expect(page.locator("#ar-aantal")).to_contain_text("De filters werken nu niet")
    assert visible_titles(page) == own_titles
    expect(page.locator(".ar-pager")).to_be_visible()
    page.unroute("**/documenten/lijst.json")  # the server answers again: the next choice loads the data
    page.select_option("#filter-gemeente", "Almere")
    expect(page.locator("#ar-aantal")).to_contain_text("documenten (gefilterd)")
    expect(page.locator(".ar-pager")).to_be_hidden()
    page.close()
