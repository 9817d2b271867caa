"""DiWoo records for the Woo index: every record and the Woo sitemap valid against the official XSDs, the TOOI
mapping per kind of document taken from the lists DiWoo embeds, and no date invented."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from lxml import etree

from adviesregister.opendata.diwoo import DIWOO
from adviesregister.opendata.woo import IS_REACTIE_OP, VERWIJST_NAAR, WOO_KINDS

from helpers import copy_project, download_text, export, standard, unpack_download

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
NS = {"d": DIWOO, "s": SITEMAP}


@pytest.fixture(scope="module")
def diwoo_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(standard("diwoo/diwoo-metadata.local.xsd"))))


def _list_values(name: str) -> set[str]:
    """The values of one TOOI list in the DiWoo lists XSD."""
    text = standard("diwoo/diwoo-metadata-lijsten.xsd").read_text(encoding="utf-8")
    start = text.index(f'name="{name}"')
    return set(re.findall(r'<xs:enumeration value="([^"]+)"', text[start : text.index("</xs:simpleType>", start)]))


def test_every_record_is_valid_diwoo_and_only_full_dates_have_one(built_site: Path, diwoo_schema: etree.XMLSchema) -> None:
    records = json.loads(download_text(built_site / "open-data", "adviesregister.json"))["documenten"]
    files = {path.stem: path for path in (built_site / "open-data" / "diwoo").glob("*.xml")}
    assert set(files) == {record["id"] for record in records if record["datum_precisie"] == "dag"}
    assert len(files) == 5  # the Albrandswaard letter and the Almelo collegevoorstel name only a year
    for record in records:
        if record["id"] not in files:
            continue
        document = etree.parse(str(files[record["id"]]))
        assert diwoo_schema.validate(document), (record["id"], diwoo_schema.error_log)
        assert document.findtext("d:DiWoo/d:creatiedatum", namespaces=NS) == record["datum"]
        assert document.findtext("d:DiWoo/d:documenthandelingen/d:documenthandeling/d:atTime", namespaces=NS) == record["datum"] + "T00:00:00"
        assert document.find("d:DiWoo/d:publisher", namespaces=NS).get("resource") == record["tooi"]["gemeente"]


def test_a_response_is_a_letter_in_the_category_adviezen_that_answers_its_advice(built_site: Path) -> None:
    name = "almelo-2023-07-11-reactie-op-advies-programmas-sociaal-en-vitaal-en-zorg-en-veiligheid"
    document = etree.parse(str(built_site / "open-data" / "diwoo" / f"{name}.xml"))
    assert document.findtext(".//d:documentsoort", namespaces=NS) == "brief"
    assert document.findtext(".//d:informatiecategorie", namespaces=NS) == "adviezen"
    (relation,) = document.findall(".//d:documentrelatie", namespaces=NS)
    assert relation.findtext("d:role", namespaces=NS) == "is reactie op"
    target = relation.find("d:relation", namespaces=NS).get("resource")
    assert target == "https://adviesregister.example/documenten/almelo-2023-05-22-advies-programmas-sociaal-en-vitaal-en-zorg-en-veiligheid/"
    assert (built_site / target.removeprefix("https://adviesregister.example/") / "index.html").is_file()


def test_the_woo_sitemap_carries_every_record_and_is_valid(built_site: Path, diwoo_schema: etree.XMLSchema, tmp_path: Path) -> None:
    wrapper = tmp_path / "sitemap-met-diwoo.xsd"
    wrapper.write_text(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
        f'<xs:import namespace="{SITEMAP}" schemaLocation="{standard("sitemap/sitemap.xsd").as_uri()}"/>'
        f'<xs:import namespace="{DIWOO}" schemaLocation="{standard("diwoo/diwoo-metadata.local.xsd").as_uri()}"/>'
        "</xs:schema>",
        encoding="utf-8",
    )
    schema = etree.XMLSchema(etree.parse(str(wrapper)))
    sitemap = etree.parse(str(built_site / "sitemap-diwoo.xml"))
    assert schema.validate(sitemap), schema.error_log
    locs = sitemap.xpath("//s:url/s:loc/text()", namespaces=NS)
    assert len(locs) == len(list((built_site / "open-data" / "diwoo").glob("*.xml"))) == 5
    for url in sitemap.xpath("//s:url", namespaces=NS):
        identifiers = url.xpath("d:Document/d:DiWoo/d:identifiers/d:identifier/text()", namespaces=NS)
        assert url.findtext("s:loc", namespaces=NS) in identifiers
    robots = (built_site / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://adviesregister.example/sitemap-diwoo.xml" in robots.splitlines()


@pytest.mark.parametrize(
    ("lijst", "values"),
    [
        ("documentsoortlijst", {kind.documentsoort.uri for kind in WOO_KINDS.values()}),
        ("informatiecategorielijst", {kind.informatiecategorie.uri for kind in WOO_KINDS.values()}),
        ("soorthandelinglijst", {kind.handeling.uri for kind in WOO_KINDS.values()}),
    ],
)
def test_every_tooi_value_of_the_mapping_is_in_its_list(lijst: str, values: set[str]) -> None:
    assert values <= _list_values(lijst)


def test_the_label_of_each_tooi_value_is_the_lists_own(diwoo_schema: etree.XMLSchema) -> None:
    text = standard("diwoo/diwoo-metadata-lijsten.xsd").read_text(encoding="utf-8")
    labels = dict(re.findall(r'value="([^"]+)">\s*<xs:annotation>\s*<xs:documentation>\s*<dita:p[^>]*>([^<]+)<', text))
    for kind in WOO_KINDS.values():
        for term in (kind.documentsoort, kind.informatiecategorie, kind.handeling):
            assert labels[term.uri] == term.label


def test_a_report_is_a_rapport_and_a_raadsinformatiebrief_a_letter_the_council_received(tmp_path: Path, diwoo_schema: etree.XMLSchema) -> None:
    project = copy_project(tmp_path / "project")
    folder = project.documents / "almelo" / "2023"
    advies = "almelo-2023-05-22-advies-programmas-sociaal-en-vitaal-en-zorg-en-veiligheid"
    for name, stuktype in (("almelo-2023-08-01-rapport-wijkteams", "rapport"), ("almelo-2023-08-02-rib-wijkteams", "raadsinformatiebrief")):
        (folder / f"{name}.md").write_text(
            f"---\nid: {name}\nsoort: stuk\nstuktype: {stuktype}\ntitel: Stuk {stuktype}\ndatum: {name[7:17]}\ngemeente: almelo\nhoort_bij: [{advies}]\n---\n\nTekst.\n",
            encoding="utf-8",
        )
    export(project, tmp_path / "out")
    rapport = etree.parse(str(tmp_path / "out" / "diwoo" / "almelo-2023-08-01-rapport-wijkteams.xml"))
    rib = etree.parse(str(tmp_path / "out" / "diwoo" / "almelo-2023-08-02-rib-wijkteams.xml"))
    for document in (rapport, rib):
        assert diwoo_schema.validate(document), diwoo_schema.error_log
        assert document.findtext(".//d:documentrelatie/d:role", namespaces=NS) == "verwijst naar"
        # the advice by its page's address, as for a response: one list of relations (the record's) serves every output
        assert document.find(".//d:documentrelatie/d:relation", namespaces=NS).get("resource") == f"https://adviesregister.example/documenten/{advies}/"
    db = sqlite3.connect(unpack_download(tmp_path / "out", "adviesregister.sqlite", tmp_path / "unpacked"))
    assert db.execute("SELECT van, soort, tooi_uri FROM relaties WHERE naar = ? ORDER BY van", (advies,)).fetchall() == [
        ("almelo-2023-07-11-reactie-op-advies-programmas-sociaal-en-vitaal-en-zorg-en-veiligheid", "reactie_op", IS_REACTIE_OP.uri),
        ("almelo-2023-08-01-rapport-wijkteams", "hoort_bij", VERWIJST_NAAR.uri),
        ("almelo-2023-08-02-rib-wijkteams", "hoort_bij", VERWIJST_NAAR.uri),
    ]
    assert (rapport.findtext(".//d:documentsoort", namespaces=NS), rapport.findtext(".//d:informatiecategorie", namespaces=NS)) == (
        "rapport",
        "onderzoeksrapporten",
    )
    assert rapport.findtext(".//d:soortHandeling", namespaces=NS) == "vaststelling"
    assert (rib.findtext(".//d:documentsoort", namespaces=NS), rib.findtext(".//d:informatiecategorie", namespaces=NS)) == (
        "brief",
        "bij vertegenwoordigende organen ingekomen stukken",
    )


def test_the_open_data_page_explains_the_classification_and_names_the_documents_without_a_record(built_site: Path) -> None:
    from lxml import html

    page = html.parse(str(built_site / "open-data" / "index.html")).getroot()
    (section,) = page.xpath("//section[@aria-labelledby='woo']")
    rows = [
        [
            term.text_content().strip(),
            *(strong.text_content() for strong in term.xpath("following-sibling::dd[1]/p[1]/strong")),
            term.xpath("string(following-sibling::dd[1]/p[2])"),
        ]
        for term in section.xpath(".//dl/dt")
    ]
    assert len(rows) == len(WOO_KINDS)
    assert rows[1][:4] == ["reactie", "brief", "adviezen", "ondertekening"]
    assert next(row[:4] for row in rows if row[0] == "stuk: rapport") == ["stuk: rapport", "rapport", "onderzoeksrapporten", "vaststelling"]
    assert "ingekomen stuk" in next(row[4] for row in rows if row[0] == "stuk: raadsinformatiebrief")
    missing = section.xpath(".//p[contains(., 'volledige datum')]/following-sibling::ul[1]/li/a")
    assert [link.get("href") for link in missing] == [
        "../documenten/albrandswaard-2023-stand-van-zaken-integrale-aanpak-zorg-en-veiligheid/",
        "../documenten/almelo-2017-inspectierapport-sociale-wijkteams/",
    ]
