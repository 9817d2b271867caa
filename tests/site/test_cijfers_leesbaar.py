"""Cijfers a non-statistician reads (issue 25): Dutch numbers in every chart, the termijn drawn, 'te weinig adviezen'
below a small n, the badges' colours, every outcome explained, tables that fit a phone, and the gemeenten side by side."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree, html
from playwright.sync_api import Browser

from adviesregister.content.figures import OUTCOMES, Figures
from adviesregister.pipeline import build_site
from adviesregister.site.figures_page import COLOURS, SMALL_N, TOO_FEW, badge_class, build_figures_page, row
from adviesregister.site.pages import ADVIESRAAD_UITLEG

from helpers import ROOT, copy_project, serve

CSS = ROOT / "scripts" / "adviesregister" / "site" / "theme" / "assets" / "adviesregister.css"
ENGLISH_NUMBER = re.compile(r"\d,\d{3}(?!\d)|\d\.\d(?!\d{2}(?!\d))")
"""'1,000' (an English thousands separator: in Dutch that is one) or '2.5' (an English decimal point; '1.000' is fine)."""


def spoken(node: html.HtmlElement) -> str:
    return " ".join(node.text_content().split())


def chart_texts(svg: str | bytes) -> list[str]:
    """Every text a chart draws (its <text> elements: axes, labels, legend)."""
    root = etree.fromstring(svg.encode("utf-8") if isinstance(svg, str) else svg)
    return [" ".join(text.itertext()) for text in root.iter("{http://www.w3.org/2000/svg}text")]  # the lines of a label, with a space


def english_numbers(texts: list[str]) -> list[str]:
    return [text for text in texts if ENGLISH_NUMBER.search(text)]


def test_the_pattern_knows_english_from_dutch() -> None:
    assert english_numbers(["1,000", "2,500 dagen", "2.5", "0.25", "12,345"]) == ["1,000", "2,500 dagen", "2.5", "0.25", "12,345"]
    assert english_numbers(["1.000", "12.500 dagen", "2,5", "80%", "Almelo (2 adviezen)", "3.000 antwoorden"]) == []


def big(naam: str, adviezen: int, binnen: int) -> Figures:
    """A group of thousands of advices, with reactietijden up to years: axes in thousands."""
    counts = dict(zip(OUTCOMES, (adviezen // 2, adviezen // 4, adviezen // 8, adviezen // 16, adviezen // 32, 0), strict=True))
    counts[OUTCOMES[-1]] = adviezen - sum(counts.values())
    return Figures("jaar", naam, naam, adviezen, counts, tuple(range(3, 2 * adviezen, 2)), adviezen - 7, binnen, (6, 8))


def test_no_chart_prints_an_english_number_not_even_in_thousands(built_site: Path) -> None:
    archive = build_figures_page([big("alle", 12_345, 6_000), big("2024", 4_321, 1_234), big("2023", 8_024, 4_766)])
    texts = [text for chart in archive.charts() for text in chart_texts(chart.svg)]
    assert "10.000" in texts, "thousands on an axis, with the Dutch point"
    assert any(re.search(r"\d\.\d{3} dagen", text) for text in texts), texts
    assert english_numbers(texts) == []
    svgs = sorted((built_site / "cijfers").glob("*.svg"))
    assert len(svgs) == 9
    assert english_numbers([text for svg in svgs for text in chart_texts(svg.read_bytes())]) == []


def test_the_reactietijd_chart_shows_the_median_and_the_termijn_with_a_visible_legend() -> None:
    page = build_figures_page([big("alle", 40, 30), big("2024", 40, 30), big("2023", 12, 3)])
    charts = {chart.file.rsplit("/", 1)[1]: chart for chart in page.charts()}
    assert sorted(charts) == ["binnen-termijn-jaar.svg", "reactietijd-jaar.svg", "uitkomsten-jaar.svg"]
    tijd = charts["reactietijd-jaar.svg"]
    texts = chart_texts(tijd.svg)
    assert {"Mediaan reactietijd", "Termijn voor een reactie"} <= set(texts), "the legend is drawn in the chart, not only in the alt text"
    assert "41 dagen, 39 antwoorden" in texts  # the median of 3, 5, … 79 and how many answers it is of
    root = etree.fromstring(tijd.svg.encode("utf-8"))
    ticks = root.xpath("//*[contains(@aria-label, 'teken: Termijn voor een reactie')][@fill='#000000']/@aria-label")
    assert sorted(label.split(";")[0] for label in ticks) == ["dagen: 42"] * 3 + ["dagen: 56"] * 3, "each group's termijnen (6 and 8 weeks) as a black line"
    assert "streep is de termijn" in tijd.uitleg
    binnen = chart_texts(charts["binnen-termijn-jaar.svg"].svg)
    assert "91% (30 van 33)" in binnen and "60% (3 van 5)" not in binnen
    assert f"te weinig adviezen (3 van {12 - 7})" in binnen, "below SMALL_N no percentage"


def test_below_a_small_n_no_percentage_and_n_beside_every_one() -> None:
    few = Figures("jaar", "2020", "2020", SMALL_N - 1, dict.fromkeys(OUTCOMES, 0) | {"overgenomen": SMALL_N - 1}, (5,), SMALL_N - 1, 4)
    enough = Figures("jaar", "2021", "2021", SMALL_N, dict.fromkeys(OUTCOMES, 0) | {"overgenomen": SMALL_N}, (5,), SMALL_N, 4)
    assert row(few).te_weinig and [deel for _, deel in row(few).uitkomsten] == [""] * len(OUTCOMES)
    assert row(few).binnen_termijn == f"4 van {SMALL_N - 1}"
    assert not row(enough).te_weinig and row(enough).uitkomsten[0] == (SMALL_N, "100%")
    assert row(enough).binnen_termijn == f"4 van {SMALL_N} (40%)"
    outcome_chart = build_figures_page([few, few, enough]).charts()[0]
    texts = chart_texts(outcome_chart.svg)
    assert "2020 (9 adviezen)" in texts and "2021 (10 adviezen)" in texts
    assert "9" in texts and "100%" in texts  # a count in the bar below SMALL_N, a share from it on


def test_chart_colours_are_the_badge_colours() -> None:
    css = re.sub(r"/\*.*?\*/", "", CSS.read_text(encoding="utf-8"), flags=re.DOTALL)
    badge = {}
    for selectors, colour in re.findall(r"([^{}]*)\{\s*color:\s*(#[0-9a-f]{6});\s*\}", css):
        for selector in selectors.split(","):
            if match := re.fullmatch(r"\s*\.ar-status--([a-z-]+)\s*", selector):
                badge[match.group(1)] = colour
    assert {uitkomst: badge.get(badge_class(uitkomst)) for uitkomst in OUTCOMES} == COLOURS
    assert len(set(COLOURS.values())) == len(OUTCOMES), "each outcome its own colour"


def test_every_outcome_is_explained_where_it_appears(built_site: Path) -> None:
    page = html.parse(str(built_site / "cijfers" / "index.html")).getroot()
    terms = [spoken(dt) for dt in page.xpath("//dl[@class='ar-uitkomsten']/dt")]
    meanings = [spoken(dd) for dd in page.xpath("//dl[@class='ar-uitkomsten']/dd")]
    assert len(terms) == len(meanings) == len(OUTCOMES) and all(meanings)
    assert "Anders beantwoord" in " ".join(terms) and "Geen reactie bekend" in " ".join(terms)
    for header in page.xpath("//table[contains(@class, 'ar-cijfertabel')][starts-with(caption, 'Uitkomst')]/thead/tr/th[position() > 2]"):
        assert spoken(header) in terms, f"{spoken(header)} is not explained"
    assert page.xpath("//dl[@class='ar-uitkomsten']/dt/span[@class='ar-status ar-status--beantwoord']")
    assert TOO_FEW in spoken(page.xpath("//section[h2='Alle adviezen']")[0])


def test_the_tables_say_too_few_for_a_small_gemeente(built_site: Path) -> None:
    page = html.parse(str(built_site / "cijfers" / "index.html")).getroot()
    rows = json.loads((built_site / "open-data" / "cijfers.json").read_text(encoding="utf-8"))["cijfers"]
    for tr in page.xpath("(//section[h2[@id='gemeente']]//table)[1]/tbody/tr"):
        adviezen = next(r["adviezen"] for r in rows if r["soort"] == "gemeente" and r["naam"] == spoken(tr.xpath("./th")[0]))
        cells = [spoken(td) for td in tr.xpath("./td")]
        assert (TOO_FEW in cells[0]) == (adviezen < SMALL_N)
        assert adviezen >= SMALL_N or not [cell for cell in cells if "%" in cell]


def test_gemeenten_side_by_side(built_site: Path) -> None:
    page = html.parse(str(built_site / "gemeenten" / "index.html")).getroot()
    figures = {r["naam"]: r for r in json.loads((built_site / "open-data" / "cijfers.json").read_text(encoding="utf-8"))["cijfers"] if r["soort"] == "gemeente"}
    table = page.xpath("//table[contains(@class, 'ar-vergelijking')]")[0]
    headers = [spoken(th) for th in table.xpath("./thead/tr/th")]
    assert headers == ["Gemeente", "Adviezen", "Laatste advies", "Geheel of deels overgenomen", "Mediaan reactietijd", "Binnen de termijn"]
    seen = {}
    for tr in table.xpath("./tbody/tr"):
        naam = spoken(tr.xpath("./th")[0])
        cells = {kop: spoken(td) for kop, td in zip(headers[1:], tr.xpath("./td"), strict=True)}
        seen[naam] = cells
        assert tr.xpath("./th/a/@href")
        row = figures.get(naam)
        if row is None:
            assert (cells["Adviezen"], cells["Laatste advies"], cells["Geheel of deels overgenomen"]) == ("0", "geen", "geen adviezen")
            continue
        assert cells["Adviezen"] == str(row["adviezen"])
        taken = row["overgenomen"] + row["deels_overgenomen"]
        assert cells["Geheel of deels overgenomen"].startswith(f"{taken} van {row['adviezen']}")
        assert ("%" in cells["Geheel of deels overgenomen"]) == (row["adviezen"] >= SMALL_N)
        if row["termijn_bekend"]:
            assert cells["Binnen de termijn"].startswith(f"{row['binnen_termijn']} van {row['termijn_bekend']}")
        assert tr.xpath("./td[2]/time/@datetime"), "the newest advice's date"
    assert set(figures) <= set(seen)
    assert seen["Almelo"]["Laatste advies"] == "22 mei 2023"  # the newest of Almelo's two advices (the other is of December 2022)
    assert TOO_FEW in spoken(page.xpath("//article")[0])


@pytest.fixture(scope="module")
def site_with_council_website(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("raad"))
    text = project.gemeenten_file.read_text(encoding="utf-8")
    text = text.replace(
        "    - naam: Adviesraad sociaal domein Almelo\n", "    - naam: Adviesraad sociaal domein Almelo\n      website: https://www.asd-almelo.nl/\n"
    )
    project.gemeenten_file.write_text(text, encoding="utf-8")
    result = build_site(project)
    assert result.problems == []
    return project.root / "site"


def test_a_gemeente_page_says_what_an_advisory_council_is_and_links_to_it(site_with_council_website: Path) -> None:
    page = html.parse(str(site_with_council_website / "gemeenten" / "almelo" / "index.html")).getroot()
    assert spoken(page.xpath("//p[@class='ar-raaduitleg']")[0]) == ADVIESRAAD_UITLEG
    link = page.xpath("//ul[@class='ar-adviesraden']//a")[0]
    assert (spoken(link), link.get("href")) == ("Adviesraad sociaal domein Almelo", "https://www.asd-almelo.nl/")
    almere = html.parse(str(site_with_council_website / "gemeenten" / "almere" / "index.html")).getroot()
    assert spoken(almere.xpath("//p[@class='ar-raaduitleg']")[0]) == ADVIESRAAD_UITLEG
    assert not almere.xpath("//ul[@class='ar-adviesraden']"), "no website, no contact: nothing to link"


@pytest.fixture(scope="module")
def served(built_site: Path) -> Iterator[str]:
    server, url = serve(built_site)
    yield url
    server.shutdown()


@pytest.mark.parametrize("width", [375, 1024, 1280])
@pytest.mark.parametrize("address", ["cijfers/", "gemeenten/"])
def test_tables_fit_at_every_width_and_chart_text_is_readable_on_a_phone(browser: Browser, served: str, address: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 812}, locale="nl-NL")
    page = context.new_page()
    page.goto(served + address)
    page.wait_for_load_state("networkidle")
    overflowing = page.evaluate(
        "[...document.querySelectorAll('.ar-tabelvak')].filter(box => box.scrollWidth > box.clientWidth"
        " || box.getBoundingClientRect().right > window.innerWidth).map(box => box.querySelector('caption').textContent)"
    )
    assert overflowing == [], "a table is wider than the screen (its box does not scroll: the tables fit, stacked on a phone)"
    assert page.locator(".ar-tabelvak").count() >= 1
    images = page.evaluate(
        "[...document.querySelectorAll('figure.ar-grafiek img')].map(img => ({src: img.getAttribute('src'), shown: img.getBoundingClientRect().width}))"
    )
    assert len(images) == (9 if address == "cijfers/" else 0)
    for image in images if width == 375 else ():
        root = etree.fromstring(page.request.get(served + address + image["src"]).body())
        scale = image["shown"] / float(root.get("width"))
        sizes = [float(text.get("font-size").removesuffix("px")) for text in root.iter("{http://www.w3.org/2000/svg}text")]
        assert min(sizes) * scale >= 12, f"{image['src']}: text {min(sizes) * scale:.1f} px on a phone"
    context.close()
