"""Hostile text in every field reaches every output format as text, never as markup or code:
HTML pages, JSON-LD, feeds, sitemap, JSON, CSV, Excel, SQLite, the published originals, and (in Chromium) the search."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from lxml import etree, html
from playwright.sync_api import Dialog, Page, expect
from vijandig import ADVIES_ID, CITAAT, HTML_ORIGINAL, MARKER, MD_ORIGINAL, PAYLOADS, REACTIE_ID, TITEL

from helpers import download_text, serve, unpack_download

THEME_SCRIPT_STARTS = ("__md_scope", "var palette", "var target", "document$")
"""The theme's own inline scripts (mkdocs-material); any other inline script is an injection."""
TEMPLATES = Path(__file__).resolve().parents[2] / "scripts" / "adviesregister" / "site" / "templates"
OWN_SCRIPTS = {
    text.strip()
    for template in TEMPLATES.glob("*.j2")
    for text in re.findall(r"<script>(.*?)</script>", template.read_text(encoding="utf-8"), re.S)
    if "{" + "{" not in text
}
"""The generator's own inline scripts, word for word as its templates write them (the overview's first-paint one)."""


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_page_carries_a_script_or_handler_from_content(hostile_site: Path) -> None:
    offences = []
    for path in html_pages(hostile_site):
        tree = html.parse(str(path)).getroot()
        for script in tree.iter("script"):
            text = script.text or ""
            if script.get("type") == "application/ld+json":
                json.loads(text)  # still one JSON value: nothing in it closed the element
                assert "<" not in text and ">" not in text, path
            elif script.get("src"):
                assert not script.get("src", "").startswith(("http:", "https:", "//", "javascript:")), path
            elif script.get("type") != "application/json" and not text.lstrip().startswith(THEME_SCRIPT_STARTS) and text.strip() not in OWN_SCRIPTS:
                offences.append(f"{path}: inline script {text[:60]!r}")
        for element in tree.iter():
            if not isinstance(element.tag, str):
                continue
            for name, value in element.attrib.items():
                if name.startswith("on") or (name in ("href", "src", "action", "formaction") and value.strip().lower().startswith(("javascript:", "data:"))):
                    offences.append(f"{path}: <{element.tag} {name}={value[:40]!r}>")
            if element.tag in ("iframe", "object", "embed", "frame") or element.get("action", "").startswith("https://aanval"):
                offences.append(f"{path}: <{element.tag}>")
    assert offences == []


def test_the_hostile_document_page_shows_every_payload_as_text(hostile_site: Path) -> None:
    page = html.parse(str(hostile_site / "documenten" / ADVIES_ID / "index.html")).getroot()
    assert page.xpath("string(//article//h1)").strip() == " ".join(TITEL.split())
    article = page.xpath("//article")[0]
    assert article.xpath(".//iframe|.//img|.//svg|.//style|.//form|.//input") == []
    assert "window.__aanval=8" not in html.tostring(article, encoding="unicode")  # the letter's <script> is gone, content and all
    assert "Een alinea met" in article.text_content()


def test_json_ld_survives_a_comment_opener_in_the_title(hostile_site: Path) -> None:
    """'<!--<script>' in a title once made the browser swallow the rest of the page into the JSON-LD block."""
    page = html.parse(str(hostile_site / "documenten" / ADVIES_ID / "index.html")).getroot()
    (block,) = page.xpath("//script[@type='application/ld+json']")
    data = json.loads(block.text)
    assert data["name"] == TITEL
    assert data["author"]["name"] == PAYLOADS[6]
    assert page.xpath("//footer") != []  # the rest of the page is still a page
    raw = (hostile_site / "documenten" / ADVIES_ID / "index.html").read_text(encoding="utf-8")
    start = raw.index('<script type="application/ld+json">')
    assert raw.index("</script>", start) == raw.index("}</script>", start) + 1


def test_hand_written_page_is_sanitised(hostile_site: Path) -> None:
    path = hostile_site / "over-de-raad" / "index.html"
    page = html.parse(str(path)).getroot()
    assert page.xpath("string(//title)") == f"<script>window.{MARKER}=16</script> Over de raad - Adviesregister"
    article = page.xpath("//article")[0]
    assert article.xpath(".//script|.//img|.//style|.//*[@style]|.//*[@onclick]") == []
    assert article.xpath(".//*[@id='__search']") == []  # cannot clobber the theme's own elements
    assert article.xpath(".//div[@class='admonition note']/p[@class='admonition-title']/text()") == ["Let op"]
    assert article.xpath(".//a[text()='Over dit archief']/@href") == ["../over/"]  # links between pages still work
    (href,) = article.xpath(".//a[text()='link']/@href")  # the quote cannot end the address: the handler stays inside it, as text
    assert href.startswith("https://aanval.example/") and article.xpath(".//*[@onmouseover]") == []


def test_feeds_and_sitemap_are_well_formed_and_carry_the_title_as_text(hostile_site: Path) -> None:
    feed = etree.parse(str(hostile_site / "feeds" / "alles.xml"))
    titles = feed.xpath("//*[local-name()='entry' or local-name()='item']/*[local-name()='title']/text()")
    assert TITEL in titles
    for path in sorted((hostile_site / "feeds").glob("*.xml")):
        etree.parse(str(path))  # every feed parses
    urls = etree.parse(str(hostile_site / "sitemap.xml")).xpath("//*[local-name()='loc']/text()")
    assert f"https://adviesregister.example/documenten/{ADVIES_ID}/" in urls


def test_open_data_keeps_every_value_exactly(hostile_site: Path, tmp_path: Path) -> None:
    folder = hostile_site / "open-data"
    dump = json.loads(download_text(folder, "adviesregister.json"))
    records = {record["id"]: record for record in dump["documenten"]}
    assert records[ADVIES_ID]["titel"] == TITEL
    assert records[ADVIES_ID]["samenvatting"] == " ".join(PAYLOADS)
    assert records[REACTIE_ID]["besluit_citaat"] == CITAAT
    single = json.loads((folder / "documenten" / f"{ADVIES_ID}.json").read_text(encoding="utf-8"))
    assert single["aan"] == PAYLOADS[7]
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(download_text(folder, "adviesregister.csv"), newline=""))}
    assert rows[ADVIES_ID]["titel"] == TITEL
    assert rows[ADVIES_ID]["aan"] == PAYLOADS[7]  # the RFC 4180 CSV is for programs: every value as it is
    excel = (folder / "adviesregister-excel.csv").read_text(encoding="utf-8-sig")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(excel, newline=""), delimiter=";")}
    assert rows[ADVIES_ID]["aan"] == "'" + PAYLOADS[7]  # for a spreadsheet a formula is text: OWASP's leading apostrophe
    sheet = openpyxl.load_workbook(folder / "adviesregister.xlsx").worksheets[0]
    header = [cell.value for cell in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[header.index("id")] == ADVIES_ID)
    assert row[header.index("titel")] == TITEL
    assert row[header.index("aan")] == PAYLOADS[7]
    assert sheet.cell(row=2, column=header.index("aan") + 1).data_type != "f"
    with sqlite3.connect(unpack_download(folder, "adviesregister.sqlite", tmp_path)) as db:
        assert db.execute("select titel, aan from documenten where id = ?", (ADVIES_ID,)).fetchone() == (TITEL, PAYLOADS[7])


def test_html_and_markdown_originals_are_offered_as_text_only(hostile_site: Path) -> None:
    bronnen = hostile_site / "bronnen"
    assert (bronnen / f"{REACTIE_ID}.html.txt").read_bytes() == HTML_ORIGINAL  # byte for byte, so its sha256 still holds
    assert (bronnen / f"{ADVIES_ID}.md.txt").read_bytes() == MD_ORIGINAL
    assert sorted(p.suffix for p in bronnen.rglob("*")) == [".txt"] * 5
    assert not (hostile_site / "bronnen" / "almelo").exists()
    page = html.parse(str(hostile_site / "documenten" / REACTIE_ID / "index.html")).getroot()
    hrefs = page.xpath("//a[@download]/@href")  # 'Download de brief' at the top, the file among the details for researchers
    assert len(hrefs) == 2 and set(hrefs) == {f"../../bronnen/{REACTIE_ID}.html.txt"}
    assert "als tekstbestand" in page.xpath("string(//details//a[@download]/..)")
    assert page.xpath("string(//p[@class='ar-download']/span)").startswith("Tekstbestand (de opmaakcode van het origineel)")


@pytest.fixture(scope="module")
def hostile_url(hostile_site: Path) -> Iterator[str]:
    server, url = serve(hostile_site)
    yield url
    server.shutdown()


def test_nothing_injected_runs_in_the_browser(page: Page, hostile_url: str) -> None:
    dialogs: list[str] = []

    def refuse(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", refuse)
    for path in (f"documenten/{ADVIES_ID}/", f"documenten/{REACTIE_ID}/", "", "documenten/", "gemeenten/almelo/", "over-de-raad/", "feeds/alles.xml"):
        page.goto(hostile_url + path)
        page.mouse.move(200, 300)
        page.mouse.move(600, 500)
        assert page.evaluate(f"() => window.{MARKER}") is None, path
    page.goto(hostile_url + f"bronnen/{REACTIE_ID}.html.txt")
    assert page.evaluate(f"() => window.{MARKER}") is None
    assert "<script>" in page.locator("body").inner_text()  # shown as text
    page.goto(hostile_url + "zoeken/")
    page.locator("input.pagefind-ui__search-input").fill("HYPERLINK")
    expect(page.locator(".pagefind-ui__result").first).to_be_visible()
    assert page.evaluate(f"() => window.{MARKER}") is None
    page.goto(hostile_url + f"documenten/{ADVIES_ID}/")
    expect(page.locator("footer").first).to_be_attached()
    assert dialogs == []
