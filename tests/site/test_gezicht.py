"""The archive's public face: breadcrumbs, titles and descriptions per page, the footer's contact, a missing response to report."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from lxml import html

from adviesregister.content.project import Project
from adviesregister.content.settings import SettingsError, contrast, load_settings, settings_from

from helpers import copy_project, run_cli

OVERDUE = "almere-2019-03-11-ongevraagd-advies-adviesraad-sociaal-domein-ten-aanzien-van-het-regionale"
DASH = "\N{EN DASH}"
REACTIE = "almelo-2023-07-11-reactie-op-advies-programmas-sociaal-en-vitaal-en-zorg-en-veiligheid"


def parse(site: Path, url: str) -> html.HtmlElement:
    return html.parse(str(site / url / "index.html")).getroot()


def crumbs(page: html.HtmlElement) -> list[tuple[str, str]]:
    return [(" ".join(a.text_content().split()), a.get("href")) for a in page.xpath("//nav[@aria-label='Kruimelpad']//a")]


def test_breadcrumbs_lead_up_from_every_page(built_site: Path) -> None:
    assert crumbs(parse(built_site, f"documenten/{REACTIE}")) == [
        ("Home", "../../"),
        ("Gemeente Almelo", "../../gemeenten/almelo/"),
        ("Reactie op advies Programma's Sociaal en Vitaal en Zorg en Veiligheid", "./"),
    ]
    assert crumbs(parse(built_site, "themas/jeugd")) == [("Home", "../../"), ("Thema's", "../"), ("Thema: jeugd", "./")]
    assert crumbs(parse(built_site, "documenten")) == [("Home", "../"), ("Alle documenten", "./")]
    assert crumbs(parse(built_site, "toegankelijkheid")) == [("Home", ".."), ("Toegankelijkheid", "./")]  # a hand-written page
    document = parse(built_site, f"documenten/{REACTIE}")
    assert document.xpath("//nav[@aria-label='Kruimelpad']//a[@aria-current='page']/text()") == [
        "Reactie op advies Programma's Sociaal en Vitaal en Zorg en Veiligheid"
    ]
    assert not parse(built_site, ".").xpath("//nav[@aria-label='Kruimelpad']"), "the home is the top"


def test_each_page_has_its_own_title_description_and_preview(built_site: Path) -> None:
    pages = ["", "documenten", f"documenten/{REACTIE}", f"documenten/{OVERDUE}", "gemeenten/almelo", "themas/jeugd", "cijfers", "zoeken", "open-data"]
    descriptions = [parse(built_site, url).xpath("//meta[@name='description']/@content")[0] for url in pages]
    assert len(set(descriptions)) == len(pages), descriptions
    document = parse(built_site, f"documenten/{REACTIE}")
    assert (
        document.findtext(".//title") == f"Reactie op advies Programma's Sociaal en Vitaal en Zorg en Veiligheid {DASH} gemeente Almelo {DASH} Adviesregister"
    )
    description = document.xpath("//meta[@name='description']/@content")[0]
    assert description.startswith("Reactie van het college, gemeente Almelo, 11 juli 2023.") and "deels overgenomen" in description
    og = {m.get("property"): m.get("content") for m in document.xpath("//meta[starts-with(@property, 'og:')]")}
    assert og == {
        "og:type": "article",
        "og:site_name": "Adviesregister",
        "og:locale": "nl_NL",
        "og:title": f"Reactie op advies Programma's Sociaal en Vitaal en Zorg en Veiligheid {DASH} gemeente Almelo",
        "og:description": description,
        "og:url": f"https://adviesregister.example/documenten/{REACTIE}/",
    }


def test_the_footer_has_the_contact_and_the_pages_about_the_archive(built_site: Path) -> None:
    contact = load_settings(Project(built_site.parent)).contact
    page = parse(built_site, "gemeenten/almelo")
    footer = page.xpath("//footer")[0]
    assert footer.xpath(".//a[starts-with(@href, 'mailto:')]/@href") == [f"mailto:{contact}"]
    links = {a.text_content(): a.get("href") for a in footer.xpath(".//a")}
    assert links["Publiceren (voor de secretaris)"] == "../../publiceren/"
    assert links["Toegankelijkheid"] == "../../toegankelijkheid/"
    assert "Made with" not in footer.text_content()
    menu = [a.text_content().strip() for a in page.xpath("//nav[contains(@class, 'md-nav--primary')]//a")]
    assert "Cijfers" in menu and "Publiceren" not in menu, "the citizens' menu leaves out the secretary's guide"
    for name in ("toegankelijkheid", "privacy"):  # a statement without a way to reach us is no statement
        assert f"mailto:{contact}" in parse(built_site, name).xpath("//article//a/@href")


def test_an_overdue_advice_asks_to_report_a_missing_response(built_site: Path) -> None:
    page = parse(built_site, f"documenten/{OVERDUE}")
    link = page.xpath("//a[text()='Meld een ontbrekende reactie']/@href")
    assert len(link) == 1
    mail = urlsplit(link[0])
    assert (mail.scheme, mail.path) == ("mailto", load_settings(Project(built_site.parent)).contact)
    query = parse_qs(mail.query)
    assert query["subject"] == ["Ontbrekende reactie op advies: " + page.xpath("//article//h1")[0].text_content().strip()], "the title, not the id"
    assert f"https://adviesregister.example/documenten/{OVERDUE}/" in query["body"][0] and "11 maart 2019" in query["body"][0]
    for other in (REACTIE, "almelo-2022-12-22-ongevraagd-advies-nsob-rapport"):
        assert not parse(built_site, f"documenten/{other}").xpath("//a[text()='Meld een ontbrekende reactie']")


def test_a_long_letter_gets_a_table_of_contents(built_site: Path) -> None:
    page = parse(built_site, f"documenten/{REACTIE}")
    entries = page.xpath("//nav[@class='ar-inhoud']//a")
    assert len(entries) >= 3
    for entry in entries:
        assert page.xpath(f"//section[@class='ar-brief']//h3[@id='{entry.get('href')[1:]}']"), entry.get("href")
    assert not parse(built_site, f"documenten/{OVERDUE}").xpath("//nav[@class='ar-inhoud']")


@pytest.mark.parametrize(
    ("kleur", "message"),
    [("blauw", "kleur 'blauw' is geen kleur"), ("#ffdd00", "is te licht: witte tekst erop heeft een contrast van 1,3:1")],
)
def test_a_wrong_setting_stops_the_build_with_a_dutch_message(tmp_path: Path, kleur: str, message: str) -> None:
    project = copy_project(tmp_path / "archief")
    text = (project.root / "mkdocs.yml").read_text(encoding="utf-8").replace('kleur: "#154273"', f'kleur: "{kleur}"')
    (project.root / "mkdocs.yml").write_text(text, encoding="utf-8")
    result = run_cli(["build", "--root", project.root])
    assert result.exit_code == 1
    assert "mkdocs.yml, onder extra: adviesregister:" in result.output and message in result.output
    assert "Traceback" not in result.output


def test_contrast_follows_wcag() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#154273", "#ffffff") == pytest.approx(10.2, abs=0.05)
    with pytest.raises(SettingsError, match="is geen e-mailadres"):
        settings_from({"extra": {"adviesregister": {"contact": "geen adres"}}})
