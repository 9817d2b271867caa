"""The Cijfers page: charts with a text alternative, tables with the same numbers as cijfers.json, summaries elsewhere."""

from __future__ import annotations

import json
from pathlib import Path

from lxml import etree, html

from adviesregister.content.figures import OUTCOMES, Figures
from adviesregister.site.figures_page import build_figures_page, summary


def spoken(node: html.HtmlElement) -> str:
    return " ".join(node.text_content().split())


def test_the_tables_hold_the_numbers_of_the_open_data(built_site: Path) -> None:
    page = html.parse(str(built_site / "cijfers" / "index.html")).getroot()
    rows = json.loads((built_site / "open-data" / "cijfers.json").read_text(encoding="utf-8"))["cijfers"]
    by_name = {(row["soort"], row["naam"]): row for row in rows}
    checked = 0
    for kind in ("gemeente", "jaar", "thema"):
        section = page.xpath(f"//section[h2[@id='{kind}']]")[0]
        outcome_table, time_table = section.xpath(".//table")
        for tr in outcome_table.xpath("./tbody/tr"):
            row = by_name[(kind, spoken(tr.xpath("./th")[0]))]
            cells = [td.text.strip() for td in tr.xpath("./td")]  # the count; its share follows on its own line
            assert cells == [str(row["adviezen"]), *(str(row[u.replace(" ", "_")]) for u in OUTCOMES)]
            checked += 1
        for tr in time_table.xpath("./tbody/tr"):
            row = by_name[(kind, spoken(tr.xpath("./th")[0]))]
            assert spoken(tr.xpath("./td")[0]) == str(row["reactietijd_bekend"])
            if row["termijn_bekend"]:
                assert spoken(tr.xpath("./td")[3]).startswith(f"{row['binnen_termijn']} van {row['termijn_bekend']}")
    assert checked == len([row for row in rows if row["soort"] != "archief"])
    total = next(row for row in rows if row["soort"] == "archief")
    assert spoken(page.xpath("//section[h2='Alle adviezen']/p")[0]).startswith(f"Hier staan {total['adviezen']} adviezen.")


def test_every_chart_is_an_svg_image_with_a_title_and_a_text_alternative(built_site: Path) -> None:
    page = html.parse(str(built_site / "cijfers" / "index.html")).getroot()
    figures = page.xpath("//figure[@class='ar-grafiek']")
    assert len(figures) == 9  # per section: outcomes, on time, reactietijd
    for figure in figures:
        assert spoken(figure.xpath("./figcaption")[0])
        image = figure.xpath("./img")[0]
        assert "De getallen staan in de tabel" in image.get("alt")
        svg = etree.parse(str(built_site / "cijfers" / image.get("src")))  # well-formed XML, drawn at build time
        assert svg.getroot().tag == "{http://www.w3.org/2000/svg}svg"
        assert not svg.xpath("//*[local-name()='script' or local-name()='foreignObject']")
        assert not [a for a in svg.xpath("//@*") if a.attrname.startswith("on") or ("http" in a and "w3.org" not in a)]
    assert page.xpath("//a[text()='cijfers.csv']/@href") == ["../open-data/cijfers.csv"]


def test_summaries_on_the_home_and_the_gemeente_pages(built_site: Path) -> None:
    home = html.parse(str(built_site / "index.html")).getroot()
    assert spoken(home.xpath("//p[@class='ar-cijferregel']")[0]).startswith("3 adviezen · 1 geheel of deels overgenomen")  # one line on the home page
    almelo = html.parse(str(built_site / "gemeenten" / "almelo" / "index.html")).getroot()
    text = spoken(almelo.xpath("//p[@class='ar-samenvatting']")[0])
    assert text.startswith("Hier staan 2 adviezen. Het college nam er 1 deels over en 1 niet.")
    assert "De 2 antwoorden kwamen na " in text
    assert "Van de 2 adviezen waarvan de termijn voorbij is of die een antwoord kregen, kregen ze allebei een antwoord binnen de termijn." in text


def figures(naam: str, **counts: int) -> Figures:
    uitkomsten = dict.fromkeys(OUTCOMES, 0) | {key.replace("_", " "): value for key, value in counts.items()}
    return Figures("thema", naam, naam, sum(uitkomsten.values()), uitkomsten, (10, 20, 30), 3, 2)


def test_a_summary_reads_as_dutch_sentences() -> None:
    assert summary(figures("x", overgenomen=7, deels_overgenomen=3, niet_overgenomen=1, wacht_op_reactie=1)) == (
        "Hier staan 12 adviezen. Het college nam er 7 over, 3 deels en 1 niet. 1 advies wacht nog op een reactie; de termijn loopt nog. "
        "Van de 3 antwoorden kwam de helft binnen 20 dagen. "
        "Van de 3 adviezen waarvan de termijn voorbij is of die een antwoord kregen, kregen er 2 een antwoord binnen de termijn."
    )
    assert summary(figures("x", overgenomen=1)).startswith("Hier staat 1 advies. Het college nam het over.")
    assert summary(Figures("archief", "alle", "Alle gemeenten", 0)) == "Hier staan nog geen adviezen."


def test_names_from_content_arrive_in_a_chart_as_text() -> None:
    hostile = '<script>alert(1)</script><a href="javascript:x">'
    page = build_figures_page([figures("alle", overgenomen=1), figures(hostile, overgenomen=1, niet_overgenomen=1)])
    for chart in page.charts():
        svg = etree.fromstring(chart.svg.encode("utf-8"))
        assert not svg.xpath("//*[local-name()='script' or local-name()='a']")
        assert hostile[:20] in "".join(svg.xpath("//*[local-name()='text']//text()"))  # a long name is cut off with '…'
