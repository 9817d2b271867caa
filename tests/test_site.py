"""The whole seed archive built with MkDocs, checked page by page with lxml."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import html

SEEDS = {
    "almelo-2022-12-22-ongevraagd-advies-nsob-rapport": "Niet overgenomen",
    "almelo-2023-01-23-reactie-ongevraagd-advies-nsob-rapport": None,
    "almelo-2023-05-22-advies-programmas-sociaal-en-vitaal-en-zorg-en-veiligheid": "Deels overgenomen",
    "almelo-2023-07-11-reactie-op-advies-programmas-sociaal-en-vitaal-en-zorg-en-veiligheid": None,
    "almere-2019-03-11-ongevraagd-advies-adviesraad-sociaal-domein-ten-aanzien-van-het-regionale": "Reactie uitgebleven",
    "almelo-2017-inspectierapport-sociale-wijkteams": None,
    "albrandswaard-2023-stand-van-zaken-integrale-aanpak-zorg-en-veiligheid": None,
}


def page(site: Path, doc_id: str) -> html.HtmlElement:
    return html.parse(str(site / "documenten" / doc_id / "index.html")).getroot()


def spoken(node: html.HtmlElement) -> str:
    """The text a screen reader reads: without aria-hidden icons, white space folded."""
    return " ".join("".join(node.xpath(".//text()[not(ancestor::*[@aria-hidden='true'])]")).split())


def text_of(element: html.HtmlElement, xpath: str) -> list[str]:
    return [spoken(node) for node in element.xpath(xpath)]


def meta(doc: html.HtmlElement, label: str) -> str:
    values = text_of(doc, f"//dl[@class='ar-meta']/div[dt='{label}']/dd")
    assert len(values) == 1, (label, values)
    return values[0]


def test_every_seed_has_a_page_with_its_status(built_site: Path) -> None:
    for doc_id, status in SEEDS.items():
        doc = page(built_site, doc_id)
        assert doc.get("lang") == "nl"
        assert len(doc.xpath("//article//h1")) == 1
        statuses = text_of(doc, "//dl[@class='ar-meta']/div[dt='Status']/dd")
        assert statuses == ([status] if status else []), doc_id


def test_advice_and_response_link_to_each_other(built_site: Path) -> None:
    advies = page(built_site, "almelo-2022-12-22-ongevraagd-advies-nsob-rapport")
    reactie = page(built_site, "almelo-2023-01-23-reactie-ongevraagd-advies-nsob-rapport")
    assert advies.xpath("//section[h2='Reacties']//a/@href") == ["../almelo-2023-01-23-reactie-ongevraagd-advies-nsob-rapport/"]
    assert reactie.xpath("//section[h2='Dit is een reactie op']//a/@href") == ["../almelo-2022-12-22-ongevraagd-advies-nsob-rapport/"]
    assert meta(advies, "Datum") == "22 december 2022"
    assert meta(advies, "Reactietijd") == "32 dagen"
    assert meta(advies, "Reactietermijn") == "8 weken, tot en met 16 februari 2023"
    assert text_of(reactie, "//section[@class='ar-besluit']/h2") == ["Besluit: niet overgenomen"]
    assert text_of(reactie, "//section[@class='ar-besluit']/blockquote") == ["Als college nemen we dit advies niet over."]
    assert "Tekst niet beschikbaar" in text_of(advies, "//article")[0]


def test_partial_besluit_shows_each_point(built_site: Path) -> None:
    reactie = page(built_site, "almelo-2023-07-11-reactie-op-advies-programmas-sociaal-en-vitaal-en-zorg-en-veiligheid")
    rows = text_of(reactie, "//ul[@class='ar-besluiten']/li/span")
    assert rows == ["niet overgenomen", "niet overgenomen", "overgenomen", "overgenomen"]
    assert meta(reactie, "Ons kenmerk") == "UIT - 23110291"


def test_partial_dates_are_shown_as_they_are(built_site: Path) -> None:
    assert meta(page(built_site, "albrandswaard-2023-stand-van-zaken-integrale-aanpak-zorg-en-veiligheid"), "Datum") == "2023"
    assert meta(page(built_site, "almelo-2017-inspectierapport-sociale-wijkteams"), "Soort") == "Collegevoorstel"


def test_home_lists_every_document_with_its_status(built_site: Path) -> None:
    home = html.parse(str(built_site / "index.html")).getroot()
    rows = home.xpath("//div[@class='ar-overzicht']/table/tbody/tr")
    assert len(rows) == len(SEEDS)
    hrefs = [row.xpath("./td[2]/a/@href")[0] for row in rows]
    assert sorted(hrefs) == sorted(f"documenten/{doc_id}/" for doc_id in SEEDS)
    statuses = [spoken(row.xpath("./td[5]")[0]) for row in rows]
    assert sorted(s for s in statuses if s) == ["Deels overgenomen", "Niet overgenomen", "Reactie uitgebleven"]


def test_documents_stay_out_of_the_navigation(built_site: Path) -> None:
    doc = page(built_site, "almelo-2023-01-23-reactie-ongevraagd-advies-nsob-rapport")
    nav_links = doc.xpath("//nav[contains(@class, 'md-nav--primary')]//a/@href")
    assert nav_links, "the site has a navigation"
    assert not [href for href in nav_links if "documenten/" in href]


def site_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    site = built_site.resolve()
    broken = []
    checked = 0
    for path in site_pages(built_site):
        doc = html.parse(str(path)).getroot()
        for _element, attribute, link, _pos in doc.iterlinks():
            if attribute not in ("href", "src") or link.startswith("mailto:"):
                continue
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:
                continue
            if not parts.path:
                target = path
            elif parts.path.startswith("/"):  # root-relative, as in 404.html: the site is served at its root
                target = (site / unquote(parts.path).lstrip("/")).resolve()
            else:
                target = (path.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            checked += 1
            if not target.is_file():
                broken.append(f"{path.relative_to(built_site)}: {link}")
            elif parts.fragment and target.suffix == ".html":
                ids = html.parse(str(target)).getroot().xpath("//@id")
                if parts.fragment not in ids:
                    broken.append(f"{path.relative_to(built_site)}: {link} (anchor)")
    assert checked > 100
    assert broken == []


@pytest.mark.parametrize("needle", ["Chakor", "Steenberg", "Behandeld door", "handwritten signature"])
def test_no_personal_data_or_extraction_artefacts_in_the_site(built_site: Path, needle: str) -> None:
    for path in built_site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".txt"):
            assert needle not in path.read_text(encoding="utf-8", errors="replace"), path


def test_page_titles_name_the_document_once(built_site: Path) -> None:
    assert html.parse(str(built_site / "index.html")).getroot().findtext(".//title") == "Adviesregister"
    doc = page(built_site, "almelo-2017-inspectierapport-sociale-wijkteams")
    assert doc.findtext(".//title") == "Inspectierapport sociale wijkteams - Adviesregister"
