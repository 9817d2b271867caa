"""A document's page answers first: a summary box under the title, the letter to download, facts labelled for the
reader, one timeline, the technical details folded away; and it can be followed, shared, printed and reported."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from lxml import html
from playwright.sync_api import Browser, Page, expect

from adviesregister.site.views import SourceFile, answered_sentence, format_size, kenmerk_label, overdue_sentence

from helpers import SCREENSHOTS, run_axe

ADVIES = "almelo-2022-12-22-ongevraagd-advies-nsob-rapport"
"""An advice without text, answered within the termijn."""
REACTIE = "almelo-2023-07-11-reactie-op-advies-programmas-sociaal-en-vitaal-en-zorg-en-veiligheid"
OVERDUE = "almere-2019-03-11-ongevraagd-advies-adviesraad-sociaal-domein-ten-aanzien-van-het-regionale"
"""An advice with text and 'Geen reactie bekend', its original published."""
STUK = "albrandswaard-2023-stand-van-zaken-integrale-aanpak-zorg-en-veiligheid"
SITE = "https://adviesregister.example/"


def page(site: Path, doc_id: str) -> html.HtmlElement:
    return html.parse(str(site / "documenten" / doc_id / "index.html")).getroot()


def spoken(node: html.HtmlElement) -> str:
    """The text a screen reader reads: without aria-hidden icons, white space folded."""
    return " ".join("".join(node.xpath(".//text()[not(ancestor::*[@aria-hidden='true'])]")).split())


def texts(doc: html.HtmlElement, xpath: str) -> list[str]:
    return [spoken(node) for node in doc.xpath(xpath)]


def body_order(doc: html.HtmlElement) -> list[str]:
    """The classes or heading ids of the document's parts, in the order the page shows them."""
    parts = []
    for node in doc.xpath("//div[@class='ar-document']/*"):
        heading = node.xpath("h2/@id")
        parts.append(heading[0] if heading else (node.get("class") or node.tag).split()[0])
    return parts


def test_the_summary_box_comes_right_under_the_title(built_site: Path) -> None:
    advies, reactie, overdue, stuk = (page(built_site, doc_id) for doc_id in (ADVIES, REACTIE, OVERDUE, STUK))
    assert texts(advies, "//section[@class='ar-kort']/p") == [
        "Wat de adviesraad adviseerde: Ongevraagd advies NSOB rapport van de Adviesraad sociaal domein. Niet overgenomen "
        "Het college reageerde na 32 dagen, binnen de termijn van 8 weken. Lees de reactie: Reactie ongevraagd advies NSOB rapport."
    ]
    assert advies.xpath("//section[@class='ar-kort']//a/@href") == ["../almelo-2023-01-23-reactie-ongevraagd-advies-nsob-rapport/"]
    (zin,) = texts(overdue, "//section[@class='ar-kort']/p")
    assert zin == (
        "Wat er met dit advies gebeurde: Geen reactie bekend De termijn is 2.758 dagen (ongeveer 8 jaar) voorbij; we vonden geen reactie van het college."
    ), "without a samenvatting its subject is the title just above: not said twice"
    assert texts(reactie, "//section[@class='ar-kort']/p") == [
        "Wat het college besloot: Deels overgenomen \N{LEFT DOUBLE QUOTATION MARK}Het College heeft de programmaplannen ondertussen vastgesteld; "
        "wijzigingen in de teksten brengen wij niet meer aan.\N{RIGHT DOUBLE QUOTATION MARK} Het college reageerde 50 dagen na het advies. "
        "Dit is een reactie op: Advies Programma's Sociaal en Vitaal en Zorg en Veiligheid."
    ]
    assert reactie.xpath("//section[@class='ar-kort']//span[contains(@class, 'ar-status--deels-overgenomen')]")
    assert texts(stuk, "//section[@class='ar-kort']/p") == ["Waar dit stuk over gaat: Stand van zaken integrale aanpak Zorg en Veiligheid."]
    for doc in (advies, reactie, overdue, stuk):
        order = body_order(doc)
        assert order.index("in-het-kort") < order.index("ar-meta"), order
        assert order.index("in-het-kort") < min(order.index(part) for part in ("reacties", "reactie-op", "besluit", "tijdlijn", "tekst") if part in order)
    assert not advies.xpath("//p[@class='ar-samenvatting']"), "the samenvatting is in the box, not again below the timeline"


@pytest.mark.parametrize(
    ("n", "answered", "late", "overdue"),
    [
        (0, "Het college reageerde dezelfde dag, binnen de termijn van 8 weken.", "Het college reageerde dezelfde dag.", "De termijn is net voorbij"),
        (1, "Het college reageerde na 1 dag, binnen de termijn van 8 weken.", "Het college reageerde na 1 dag.", "De termijn is 1 dag voorbij"),
        (2, "Het college reageerde na 2 dagen, binnen de termijn van 8 weken.", "Het college reageerde na 2 dagen.", "De termijn is 2 dagen voorbij"),
        (3, "Het college reageerde na 3 dagen, binnen de termijn van 8 weken.", "Het college reageerde na 3 dagen.", "De termijn is 3 dagen voorbij"),
        (
            167,
            "Het college reageerde na 167 dagen (ongeveer 5 maanden), binnen de termijn van 8 weken.",
            "Het college reageerde na 167 dagen (ongeveer 5 maanden).",
            "De termijn is 167 dagen (ongeveer 5 maanden) voorbij",
        ),
    ],
)
def test_the_summary_sentences_over_n_days(n: int, answered: str, late: str, overdue: str) -> None:
    assert answered_sentence(n, True, 8) == answered
    assert answered_sentence(n, None, None) == late, "without a termijn, nothing about it"
    assert overdue_sentence(n) == f"{overdue}; we vonden geen reactie van het college."
    assert answered_sentence(n, False, 1).endswith(", na de termijn van 1 week.")


def test_the_facts_are_labelled_for_the_reader(built_site: Path) -> None:
    def labels(doc_id: str) -> list[str]:
        return texts(page(built_site, doc_id), "//dl[@class='ar-meta']/div/dt")

    assert "Datum van het advies" in labels(ADVIES)
    assert "Datum van het stuk" in labels(STUK)
    reactie = labels(REACTIE)
    assert [label for label in reactie if "atum" in label or "enmerk" in label or "aak" in label] == [
        "Datum van de reactie",
        "Datum van de brief van de adviesraad",
        "Kenmerk gemeente",  # the letter's 'Ons kenmerk': the college wrote it
        "Zaaknummer gemeente",
    ]
    assert not {"Uw brief", "Ons kenmerk", "Uw kenmerk", "Datum"} & set(reactie)


def test_a_kenmerk_is_labelled_by_who_issued_it() -> None:
    """'Ons kenmerk' is the sender's: the council's on an advice, the gemeente's on a response; 'Uw kenmerk' the other's."""
    assert [kenmerk_label("advies", key) for key in ("ons_kenmerk", "uw_kenmerk")] == ["Kenmerk adviesraad", "Kenmerk gemeente"]
    assert [kenmerk_label("reactie", key) for key in ("ons_kenmerk", "uw_kenmerk")] == ["Kenmerk gemeente", "Kenmerk adviesraad"]
    assert kenmerk_label("advies", "zaaknummer") == kenmerk_label("reactie", "zaaknummer") == "Zaaknummer gemeente"


@pytest.mark.parametrize(
    "url, als_tekst, grootte, words",
    [
        ("bronnen/oss-2024-advies.pdf", False, 214_000, "PDF, 214 kB"),
        ("bronnen/oss-2024-advies.docx", False, 1_200_000, "Word-bestand, 1,2 MB"),
        ("bronnen/oss-2024-advies.html.txt", True, 812, "Tekstbestand (de opmaakcode van het origineel), 812 bytes"),
    ],
)
def test_the_download_says_its_kind_and_size_in_dutch(url: str, als_tekst: bool, grootte: int, words: str) -> None:
    source = SourceFile("002_7a59d51122097325.pdf", "0" * 64, url, format_size(grootte), als_tekst)
    assert (source.bestandsnaam, source.beschrijving) == (url.removeprefix("bronnen/"), words)


def test_the_letter_is_offered_near_the_top_under_the_documents_own_name(built_site: Path) -> None:
    doc = page(built_site, OVERDUE)
    (link,) = doc.xpath("//p[@class='ar-download']/a")
    assert (spoken(link), link.get("href"), link.get("download")) == ("Download de brief", f"../../bronnen/{OVERDUE}.txt", f"{OVERDUE}.txt")
    assert texts(doc, "//p[@class='ar-download']/span") == ["Tekstbestand, 2,6 kB"]
    assert (built_site / "bronnen" / f"{OVERDUE}.txt").is_file(), "the address the button leads to"
    order = body_order(doc)
    assert order.index("in-het-kort") < order.index("ar-download") < order.index("ar-meta")
    assert "002_7a59d51122097325" not in html.tostring(doc, encoding="unicode"), "the uploaded file's name is never shown"
    assert texts(page(built_site, STUK), "//p[@class='ar-download']/a") == ["Download het stuk"]
    assert not page(built_site, REACTIE).xpath("//p[@class='ar-download']"), "an original with personal data is not offered"


def test_one_timeline_with_real_dates_in_date_order(built_site: Path) -> None:
    advies = page(built_site, ADVIES)
    assert texts(advies, "//section[h2='Tijdlijn']/ol/li") == [
        "22 december 2022: Advies verstuurd aan het college",
        "23 januari 2023: Reactie van het college: niet overgenomen (na 32 dagen, binnen de termijn van 8 weken)",
    ]
    for doc_id in (ADVIES, REACTIE, OVERDUE):
        doc = page(built_site, doc_id)
        assert not doc.xpath("//h2[@id='geschiedenis']"), "no second timeline"
        days = doc.xpath("//section[h2='Tijdlijn']/ol/li/time/@datetime")
        assert days == sorted(days) and days, doc_id
    assert texts(page(built_site, OVERDUE), "//section[h2='Tijdlijn']/ol/li") == [
        "11 maart 2019: Advies verstuurd aan het college",
        "6 mei 2019: Laatste dag van de reactietermijn; daarna vonden we in dit archief geen reactie",
    ]


def test_the_technical_details_are_folded_at_the_end(built_site: Path) -> None:
    for doc_id in (ADVIES, REACTIE, OVERDUE, STUK):
        doc = page(built_site, doc_id)
        (details,) = doc.xpath("//details[summary='Voor onderzoekers']")
        assert details.get("open") is None, "folded"
        assert doc.xpath("//div[@class='ar-document']/*[last()]//details") == [details], "the last part of the page"
        inside = spoken(details)
        assert f"Vaste naam (id): {doc_id}" in inside and f"{doc_id}.json" in inside
        assert ("sha256" in inside) == (doc_id != ADVIES), "each original's checksum (that advice has no original)"
        outside = [node for node in doc.xpath("//div[@class='ar-document']//*[self::code or self::a]") if not node.xpath("ancestor::details")]
        assert not [node for node in outside if "sha256" in spoken(node) or (node.get("href") or "").endswith(".json")]


def test_follow_copy_print_and_report_on_every_document_page(built_site: Path) -> None:
    for doc_id, gemeente in ((ADVIES, "almelo"), (REACTIE, "almelo"), (OVERDUE, "almere"), (STUK, "albrandswaard")):
        doc = page(built_site, doc_id)
        order = body_order(doc)
        assert order.index("ar-acties") < order.index("in-het-kort"), "beside the title"
        (volg,) = doc.xpath("//div[@class='ar-acties']/a")
        assert volg.get("href") == f"../../feeds/#gemeente-{gemeente}"
        feeds = html.parse(str(built_site / "feeds" / "index.html")).getroot()
        assert feeds.xpath(f"//li[@id='gemeente-{gemeente}']//code/text()") == [f"{SITE}feeds/gemeente-{gemeente}.xml"]
        buttons = doc.xpath("//div[@class='ar-acties']/button")
        assert [(spoken(b), b.get("type")) for b in buttons] == [("Kopieer link", "button"), ("Print", "button")]
        address = f"{SITE}documenten/{doc_id}/"
        assert buttons[0].get("data-ar-kopieer") == address
        assert texts(doc, "//p[contains(@class, 'ar-adres')]") == [f"Link naar deze pagina: {address}"], "without JavaScript"
        assert texts(doc, "//p[@class='ar-afdruk']") == [f"Afgedrukt van {address}; deze pagina is gemaakt op 23 november 2026."]
    feeds = html.parse(str(built_site / "feeds" / "index.html")).getroot()
    assert "Volg gemeente" in spoken(feeds.xpath("//article")[0]), "the feeds page says what the button on a document does"
    overdue = page(built_site, OVERDUE)
    (melding,) = overdue.xpath("//a[text()='Meld een ontbrekende reactie']")
    assert "md-button" in melding.get("class")
    contact = urlsplit(melding.get("href")).path
    assert f"U kunt ook zelf mailen naar {contact}" in spoken(overdue.xpath("//div[contains(@class, 'ar-melding')]")[0])
    title = spoken(overdue.xpath("//article//h1")[0])
    assert parse_qs(urlsplit(melding.get("href")).query)["subject"] == [f"Ontbrekende reactie op advies: {title}"]


@pytest.fixture
def tab(browser: Browser) -> Iterator[Page]:
    """A tab that may use the clipboard, as a person's browser lets a page do after a click."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL", permissions=["clipboard-read", "clipboard-write"])
    yield context.new_page()
    context.close()


def test_the_copy_button_copies_the_pages_address(tab: Page, site_url: str) -> None:
    tab.goto(f"{site_url}documenten/{REACTIE}/")
    expect(tab.locator(".ar-adres")).to_be_hidden()  # the script shows the button instead of the address line
    button = tab.get_by_role("button", name="Kopieer link")
    box = button.bounding_box()
    assert box is not None and box["height"] >= 24 and box["width"] >= 24
    button.focus()
    tab.keyboard.press("Enter")
    expect(tab.get_by_role("button", name="Link gekopieerd")).to_be_visible()
    assert tab.evaluate("navigator.clipboard.readText()") == f"{SITE}documenten/{REACTIE}/"
    expect(tab.get_by_role("status")).to_have_text("De link naar deze pagina staat op het klembord.")


def test_a_printout_shows_the_address_and_the_date(tab: Page, site_url: str) -> None:
    tab.goto(f"{site_url}documenten/{OVERDUE}/")
    line = tab.locator(".ar-afdruk")
    expect(line).to_be_hidden()
    tab.emulate_media(media="print")
    expect(line).to_be_visible()
    expect(line).to_contain_text(f"Afgedrukt van {SITE}documenten/{OVERDUE}/")
    expect(tab.get_by_role("button", name="Print")).to_be_hidden()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / "advies-afgedrukt.png"), full_page=True)


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("name, doc_id", [("advies", OVERDUE), ("reactie", REACTIE)])
def test_the_top_of_a_document_page_at_phone_and_desktop_width(browser: Browser, site_url: str, name: str, doc_id: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="nl-NL")
    tab = context.new_page()
    tab.goto(f"{site_url}documenten/{doc_id}/")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"documentpagina-{name}-{width}.png"), full_page=True)
    summary = tab.locator(".ar-kort").bounding_box()
    assert summary is not None and summary["y"] < 800, "the summary starts on the first screen"
    for button in ("Kopieer link", "Print"):
        box = tab.get_by_role("button", name=button).bounding_box()
        assert box is not None and box["height"] >= 24 and box["width"] >= 24
    details = tab.locator("details.ar-onderzoekers")
    details.locator("summary").click()
    expect(details.get_by_text("Vaste naam (id)")).to_be_visible()
    assert run_axe(tab) == []
    assert tab.evaluate("document.documentElement.scrollWidth") <= width
    context.close()
