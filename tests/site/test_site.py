"""The whole seed archive built with MkDocs, checked page by page with lxml."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import html

from helpers import broken_links

SEEDS = {
    "almelo-2022-12-22-ongevraagd-advies-nsob-rapport": "Niet overgenomen",
    "almelo-2023-01-23-reactie-ongevraagd-advies-nsob-rapport": None,
    "almelo-2023-05-22-advies-programmas-sociaal-en-vitaal-en-zorg-en-veiligheid": "Deels overgenomen",
    "almelo-2023-07-11-reactie-op-advies-programmas-sociaal-en-vitaal-en-zorg-en-veiligheid": None,
    "almere-2019-03-11-ongevraagd-advies-adviesraad-sociaal-domein-ten-aanzien-van-het-regionale": "Geen reactie bekend",
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
    assert meta(advies, "Datum van het advies") == "22 december 2022"
    assert meta(advies, "Reactietijd") == "32 dagen"
    assert meta(advies, "Reactietermijn") == "8 weken, tot en met 16 februari 2023"
    assert text_of(reactie, "//section[contains(@class, 'ar-besluit')]/h2") == ["Besluit: niet overgenomen"]
    assert text_of(reactie, "//section[contains(@class, 'ar-besluit')]/blockquote") == ["Als college nemen we dit advies niet over."]
    assert text_of(advies, "//section[h2='Reacties']//blockquote") == ["Als college nemen we dit advies niet over."]
    assert "Tekst niet beschikbaar" in text_of(advies, "//article")[0]
    assert text_of(advies, "//section[h2='Tijdlijn']/ol[@class='ar-tijdlijn']/li") == [
        "22 december 2022: Advies verstuurd aan het college",
        "23 januari 2023: Reactie van het college: niet overgenomen (na 32 dagen, binnen de termijn van 8 weken)",
    ]


def test_partial_besluit_shows_each_point(built_site: Path) -> None:
    reactie = page(built_site, "almelo-2023-07-11-reactie-op-advies-programmas-sociaal-en-vitaal-en-zorg-en-veiligheid")
    rows = text_of(reactie, "//ul[@class='ar-punten']/li/span[contains(@class, 'ar-status ')]")
    assert rows == ["Niet overgenomen", "Niet overgenomen", "Overgenomen", "Overgenomen"]
    assert meta(reactie, "Kenmerk gemeente") == "UIT - 23110291"


def test_partial_dates_are_shown_as_they_are(built_site: Path) -> None:
    assert meta(page(built_site, "albrandswaard-2023-stand-van-zaken-integrale-aanpak-zorg-en-veiligheid"), "Datum van het stuk") == "2023"
    assert meta(page(built_site, "almelo-2017-inspectierapport-sociale-wijkteams"), "Soort") == "Collegevoorstel"


def test_home_answers_the_citizens_question_first(built_site: Path) -> None:
    home = html.parse(str(built_site / "index.html")).getroot()
    form = home.xpath("//form[@role='search']")[0]
    assert (form.get("action"), form.get("method"), form.xpath(".//input/@name")) == ("zoeken/", "get", ["q"]), "the search page reads ?q="
    assert home.xpath("//nav[@class='ar-gemeentekeuze']//a/@href") == ["gemeenten/albrandswaard/", "gemeenten/almelo/", "gemeenten/almere/"]
    sections = [node.get("id") for node in home.xpath("//article//h2")]
    assert sections[:2] == ["nieuwe-adviezen", "nieuwe-reacties"], "the newest documents come before anything else"
    assert len(home.xpath("//section[h2='Nieuwste adviezen']//li[@class='ar-kaart']")) == 3
    assert len(home.xpath("//section[h2='Nieuwste reacties van het college']//li[@class='ar-kaart']")) == 2
    overdue = home.xpath("//section[@aria-labelledby='te-laat']//li[@class='ar-kaart']/a/@href")
    assert overdue == ["documenten/almere-2019-03-11-ongevraagd-advies-adviesraad-sociaal-domein-ten-aanzien-van-het-regionale/"]
    assert text_of(home, "//section[@aria-labelledby='te-laat']//span[@class='ar-kaart__tijd']") == ["Termijn 2.758 dagen (ongeveer 8 jaar) voorbij"]
    assert text_of(home, "//p[@class='ar-cijferregel']") == [
        "3 adviezen · 1 geheel of deels overgenomen · 2 van de 3 binnen de termijn beantwoord · Alle cijfers"
    ]
    assert text_of(home, "//ul[@class='ar-tellingen']/li") == ["Deels overgenomen: 1 advies", "Niet overgenomen: 1 advies", "Geen reactie bekend: 1 advies"]
    colofon = text_of(home, "//section[contains(@class, 'ar-colofon')]/p")
    assert colofon[0].startswith("Bijgewerkt op ") and colofon[0].endswith("."), colofon
    assert colofon[1:3] == [
        "Het archief bevat documenten uit 2017 tot en met 2023 van 3 gemeenten: Albrandswaard, Almelo en Almere.",
        "Uitgegeven door Adviesregister.",
    ]


def test_every_card_shows_its_outcome(built_site: Path) -> None:
    """A response's card its besluit and the advice it answers; an advice's its status and how long the answer took."""
    cards = {}
    for path in built_site.rglob("index.html"):
        for card in html.parse(str(path)).getroot().xpath("//li[@class='ar-kaart']"):
            outcome = text_of(card, "span[@class='ar-kaart__status']")
            assert outcome and outcome[0], (path, spoken(card))
            cards[card.xpath("a/@href")[0].rstrip("/").rsplit("/", 1)[-1]] = (outcome[0], text_of(card, "span[@class='ar-kaart__op']"))
    assert cards == {
        "almelo-2022-12-22-ongevraagd-advies-nsob-rapport": ("Niet overgenomen Reactie na 32 dagen, binnen de termijn", []),
        "almelo-2023-01-23-reactie-ongevraagd-advies-nsob-rapport": ("Niet overgenomen 32 dagen na het advies", ["op: Ongevraagd advies NSOB rapport"]),
        "almelo-2023-05-22-advies-programmas-sociaal-en-vitaal-en-zorg-en-veiligheid": ("Deels overgenomen Reactie na 50 dagen, binnen de termijn", []),
        "almelo-2023-07-11-reactie-op-advies-programmas-sociaal-en-vitaal-en-zorg-en-veiligheid": (
            "Deels overgenomen 50 dagen na het advies",
            ["op: Advies Programma's Sociaal en Vitaal en Zorg en Veiligheid"],
        ),
        "almere-2019-03-11-ongevraagd-advies-adviesraad-sociaal-domein-ten-aanzien-van-het-regionale": (
            "Geen reactie bekend Termijn 2.758 dagen (ongeveer 8 jaar) voorbij",
            [],
        ),
        "almelo-2017-inspectierapport-sociale-wijkteams": ("Stuk, zonder besluit", []),
        "albrandswaard-2023-stand-van-zaken-integrale-aanpak-zorg-en-veiligheid": ("Stuk, zonder besluit", []),
    }


def test_overview_lists_every_document_by_year_with_filters(built_site: Path) -> None:
    overview = html.parse(str(built_site / "documenten" / "index.html")).getroot()
    hrefs = overview.xpath("//div[@class='ar-jaargroepen']//li/a/@href")
    assert sorted(hrefs) == sorted(f"{doc_id}/" for doc_id in SEEDS)
    assert text_of(overview, "//section[@class='ar-jaargroep']/h2") == ["2023", "2022", "2019", "2017"]
    assert overview.xpath("//details[@id='ar-filterpaneel']/@hidden") == [""], "without JavaScript the filters stay hidden"
    assert overview.xpath("//input[@name='status']/@value") == ["Deels overgenomen", "Niet overgenomen", "Geen reactie bekend"]
    assert text_of(overview, "//label[input[@name='status']]") == ["Deels overgenomen (1)", "Niet overgenomen (1)", "Geen reactie bekend (1)"]
    # each choice says how many documents it shows (the script recounts them over the other filters' choices)
    assert text_of(overview, "//select[@name='gemeente']/option") == ["Alle", "Albrandswaard (1)", "Almelo (5)", "Almere (1)"]
    advices = len(overview.xpath("//li[@class='ar-kaart'][contains(@data-soort, 'advies')]"))
    assert text_of(overview, "//select[@name='soort']/option")[:2] == ["Alle", f"Alle adviezen ({advices})"]


def test_pages_per_gemeente_thema_and_year(built_site: Path) -> None:
    almelo = html.parse(str(built_site / "gemeenten" / "almelo" / "index.html")).getroot()
    assert len(almelo.xpath("//ul[@class='ar-kaarten']/li")) == 5
    jeugd = html.parse(str(built_site / "themas" / "jeugd" / "index.html")).getroot()
    assert len(jeugd.xpath("//ul[@class='ar-kaarten']/li")) == 2
    year = html.parse(str(built_site / "jaren" / "2023" / "index.html")).getroot()
    assert len(year.xpath("//ul[@class='ar-kaarten']/li")) == 4
    years = html.parse(str(built_site / "jaren" / "index.html")).getroot()  # no dead end: /jaren/ lists every year
    assert years.xpath("//ul[@class='ar-index']/li/a/@href") == ["2023/", "2022/", "2019/", "2017/"]
    home = html.parse(str(built_site / "index.html")).getroot()
    assert home.xpath("//a[text()='Jaren']/@href") == ["jaren/"]
    # 'alternate feed': feed readers find it, and Material does not look for a sitemap beside it (a 404 on every page)
    assert almelo.xpath("//link[@rel='alternate feed'][@type='application/atom+xml']/@href") == ["../../feeds/gemeente-almelo.xml"]
    assert not almelo.xpath("//link[@rel='alternate']")
    assert almelo.xpath("//p[@class='ar-feed']/a/@href") == ["../../feeds/#gemeente-almelo"]  # the visible link explains first
    feeds = html.parse(str(built_site / "feeds" / "index.html")).getroot()
    assert feeds.xpath("//li[@id='gemeente-almelo']/a/@href") == ["gemeente-almelo.xml"]
    assert text_of(feeds, "//li[@id='gemeente-almelo']//code") == ["https://adviesregister.example/feeds/gemeente-almelo.xml"]


def test_documents_stay_out_of_the_navigation(built_site: Path) -> None:
    doc = page(built_site, "almelo-2023-01-23-reactie-ongevraagd-advies-nsob-rapport")
    nav_links = doc.xpath("//nav[contains(@class, 'md-nav--primary')]//a/@href")
    assert nav_links, "the site has a navigation"
    assert not [href for href in nav_links if "documenten/" in href]


ATOM = "{http://www.w3.org/2005/Atom}"


def test_feeds_are_atom_with_absolute_links(built_site: Path) -> None:
    from lxml import etree

    feed = etree.parse(str(built_site / "feeds" / "alles.xml")).getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(SEEDS)
    # the built copy has no git history: each entry is dated by its letter (tests/site/test_feed_dates.py has the history)
    assert entries[0].findtext(f"{ATOM}title") == "Reactie op advies Programma's Sociaal en Vitaal en Zorg en Veiligheid"
    assert feed.findtext(f"{ATOM}updated") == "2023-07-11T00:00:00Z"
    assert entries[0].findtext(f"{ATOM}published") == "2023-07-11T00:00:00Z"
    for entry in entries:
        assert entry.find(f"{ATOM}link").get("href").startswith("https://adviesregister.example/documenten/")
    almere = etree.parse(str(built_site / "feeds" / "gemeente-almere.xml")).getroot()
    assert len(almere.findall(f"{ATOM}entry")) == 1
    assert (built_site / "feeds" / "thema-zorg-en-veiligheid.xml").is_file()


def test_sitemap_canonical_and_json_ld(built_site: Path) -> None:
    import json

    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    for doc_id in SEEDS:
        assert f"<loc>https://adviesregister.example/documenten/{doc_id}/</loc>" in sitemap
    doc = page(built_site, "almelo-2023-01-23-reactie-ongevraagd-advies-nsob-rapport")
    assert doc.xpath("//link[@rel='canonical']/@href") == [
        "https://adviesregister.example/documenten/almelo-2023-01-23-reactie-ongevraagd-advies-nsob-rapport/"
    ]
    data = json.loads(doc.xpath("//script[@type='application/ld+json']/text()")[0])
    assert (data["@type"], data["name"], data["dateCreated"], data["inLanguage"]) == (
        "DigitalDocument",
        "Reactie ongevraagd advies NSOB rapport",
        "2023-01-23",
        "nl",
    )
    assert data["spatialCoverage"]["identifier"] == "https://identifier.overheid.nl/tooi/id/gemeente/gm0141"
    assert data["isBasedOn"] == ["https://adviesregister.example/documenten/almelo-2022-12-22-ongevraagd-advies-nsob-rapport/"]


def test_item_json_and_citation(built_site: Path) -> None:
    import json

    doc = page(built_site, "almelo-2022-12-22-ongevraagd-advies-nsob-rapport")
    href = doc.xpath("//a[contains(@href, '.json')]/@href")[0]
    record = json.loads((built_site / "documenten" / "almelo-2022-12-22-ongevraagd-advies-nsob-rapport" / href).resolve().read_text(encoding="utf-8"))
    assert (record["status"], record["reactietijd"], record["reacties"]) == (
        "niet overgenomen",
        32,
        ["almelo-2023-01-23-reactie-ongevraagd-advies-nsob-rapport"],
    )
    assert text_of(doc, "//blockquote[@class='ar-citeer']") == [
        "Adviesraad sociaal domein (22 december 2022). Ongevraagd advies NSOB rapport. Ongevraagd advies, gemeente Almelo. Adviesregister. "
        "https://adviesregister.example/documenten/almelo-2022-12-22-ongevraagd-advies-nsob-rapport/"
    ]


def test_originals_are_published_only_without_personal_data(built_site: Path) -> None:
    published = sorted(path.relative_to(built_site).as_posix() for path in (built_site / "bronnen").rglob("*") if path.is_file())
    assert published == [  # named after the document, so the name is safe in any URL and download
        "bronnen/albrandswaard-2023-stand-van-zaken-integrale-aanpak-zorg-en-veiligheid.txt",
        "bronnen/almelo-2017-inspectierapport-sociale-wijkteams.txt",
        "bronnen/almere-2019-03-11-ongevraagd-advies-adviesraad-sociaal-domein-ten-aanzien-van-het-regionale.txt",
    ]
    withheld = page(built_site, "almelo-2023-07-11-reactie-op-advies-programmas-sociaal-en-vitaal-en-zorg-en-veiligheid")
    assert "noemt namen, nummers of andere gegevens van personen" in text_of(withheld, "//details[summary='Voor onderzoekers']")[0]
    offered = page(built_site, "almelo-2017-inspectierapport-sociale-wijkteams")
    assert offered.xpath("//details[summary='Voor onderzoekers']//a[@download]/@href") == ["../../bronnen/almelo-2017-inspectierapport-sociale-wijkteams.txt"]
    assert "4,7 kB" in text_of(offered, "//details[summary='Voor onderzoekers']")[0]


def test_dutch_404_and_no_third_party_resources(built_site: Path) -> None:
    missing = html.parse(str(built_site / "404.html")).getroot()
    assert text_of(missing, "//article//h1") == ["Pagina niet gevonden"]
    for path in site_pages(built_site):
        doc = html.parse(str(path)).getroot()
        for url in doc.xpath("//script/@src | //link[@rel='stylesheet']/@href | //img/@src | //iframe/@src"):
            assert not urlsplit(url).netloc, f"{path}: {url}"


def test_search_index_and_filters(built_site: Path) -> None:
    assert (built_site / "pagefind" / "pagefind-ui.js").is_file()
    doc = page(built_site, "almelo-2022-12-22-ongevraagd-advies-nsob-rapport")
    assert doc.xpath("//*[@data-pagefind-body]")
    filters = doc.xpath("//@data-pagefind-filter")
    assert sorted(filters) == ["gemeente:Almelo", "jaar:2022", "soort:Ongevraagd advies", "status:Niet overgenomen", "thema:zorg en veiligheid"]


def site_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    checked, broken = broken_links(built_site)
    assert checked > 100
    assert broken == []


@pytest.mark.parametrize("needle", ["Chakor", "Steenberg", "Behandeld door M.", "handwritten signature"])
def test_no_personal_data_or_extraction_artefacts_in_the_site(built_site: Path, needle: str) -> None:
    for path in built_site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".txt"):
            assert needle not in path.read_text(encoding="utf-8", errors="replace"), path


def test_page_titles_name_the_document_once(built_site: Path) -> None:
    assert html.parse(str(built_site / "index.html")).getroot().findtext(".//title") == "Adviesregister"
    doc = page(built_site, "almelo-2017-inspectierapport-sociale-wijkteams")
    assert doc.findtext(".//title") == "Inspectierapport sociale wijkteams \N{EN DASH} gemeente Almelo \N{EN DASH} Adviesregister"


def test_status_pages_list_the_advices_the_home_counts(built_site: Path) -> None:
    home = html.parse(str(built_site / "index.html")).getroot()
    links = home.xpath("//ul[@class='ar-tellingen']/li/a/@href")
    assert links == ["status/deels-overgenomen/", "status/niet-overgenomen/", "status/reactie-uitgebleven/"]
    for link in links:  # every count on the home equals the list it leads to, without JavaScript
        listing = html.parse(str(built_site / link / "index.html")).getroot()
        assert listing.xpath("//p[@class='ar-aantal']/text()") == ["1 document"]
    niet = html.parse(str(built_site / "status" / "niet-overgenomen" / "index.html")).getroot()
    assert niet.xpath("//ul[@class='ar-kaarten']/li/a/@href") == ["../../documenten/almelo-2022-12-22-ongevraagd-advies-nsob-rapport/"]
    index = html.parse(str(built_site / "status" / "index.html")).getroot()
    assert text_of(index, "//ul[@class='ar-index']/li/a") == ["Adviezen: deels overgenomen", "Adviezen: niet overgenomen", "Adviezen: geen reactie bekend"]


PROGRAMMAS = "almelo-2023-05-22-advies-programmas-sociaal-en-vitaal-en-zorg-en-veiligheid"


def test_an_advice_decided_per_point_shows_every_point_with_its_badge_and_sentence(built_site: Path) -> None:
    advies = html.parse(str(built_site / "documenten" / PROGRAMMAS / "index.html")).getroot()
    points = advies.xpath("//ul[@class='ar-punten']/li")
    assert [spoken(p.xpath(".//span[@class='ar-punt__naam']")[0]) for p in points] == [
        "Sociaal en Vitaal en Zorg en Veiligheid",
        "Visie",
        "Zelfregiecentrum en samenwerkingsstructuur",
        "AVE",
    ]
    assert [spoken(p.xpath(".//span[contains(@class, 'ar-status ')]")[0]) for p in points] == [
        "Niet overgenomen",
        "Niet overgenomen",
        "Overgenomen",
        "Overgenomen",
    ]
    assert spoken(points[1].xpath(".//blockquote")[0]).startswith("Het College heeft de programmaplannen ondertussen vastgesteld")
    assert points[0].xpath(".//a/@href") == ["../almelo-2023-07-11-reactie-op-advies-programmas-sociaal-en-vitaal-en-zorg-en-veiligheid/"]
    assert advies.xpath("//a[text()='Alle punten die het college niet of deels overnam']/@href") == ["../../punten/"]
    reactie = html.parse(
        str(built_site / "documenten" / "almelo-2023-07-11-reactie-op-advies-programmas-sociaal-en-vitaal-en-zorg-en-veiligheid" / "index.html")
    ).getroot()
    assert len(reactie.xpath("//ul[@class='ar-punten']/li//span[contains(@class, 'ar-status--')]")) == 4


def test_the_page_of_points_not_taken_over_lists_each_one_with_its_response(built_site: Path) -> None:
    punten = html.parse(str(built_site / "punten" / "index.html")).getroot()
    assert text_of(punten, "//article//section/h2") == ["Almelo"]
    assert text_of(punten, "//span[@class='ar-punt__naam']") == ["Sociaal en Vitaal en Zorg en Veiligheid", "Visie"]
    assert punten.xpath("//article/p//a/@href") == [f"../documenten/{PROGRAMMAS}/"]


def test_markdown_would_pass_every_html_only_page_through_unchanged(built_site: Path) -> None:
    """The site engine skips Markdown for the pages marked TRUSTED_HTML (most of MkDocs' work on a large archive): that
    is only right while Markdown, with the extensions of mkdocs.yml, returns them as they are and finds no heading."""
    import frontmatter
    import markdown
    from mkdocs.config import load_config

    from adviesregister.site.sanitize import TRUSTED_HTML, join_head, markdown_head

    config = load_config(config_file=str(built_site.parent / "mkdocs.yml"))
    pages = [frontmatter.loads(path.read_text(encoding="utf-8")) for path in sorted((built_site.parent / "build" / "pages").rglob("*.md"))]
    html_only = [page for page in pages if page.metadata.get("adviesregister") == TRUSTED_HTML]
    assert len(html_only) > 7 + 10  # every document's page, the overview, every gemeente, thema, year and status list
    for page in html_only:
        whole = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
        head, tail = markdown_head(page.content)
        title = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
        assert whole.convert(page.content) == join_head(title.convert(head), tail)
        assert whole.toc_tokens == title.toc_tokens
