"""The open-data download: complete, documented, valid, reproducible and safe to open."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from adviesregister.content.parse import parse_document
from adviesregister.content.schema import front_matter_fields
from adviesregister.opendata.downloads import DOWNLOAD_FILES
from adviesregister.opendata.fields import record_fields
from adviesregister.opendata.tables import JSON_ONLY, columns

from helpers import ARCHIEF, ARCHIEF_DOCUMENTEN, copy_project, document_count, download_bytes, download_text, export, run_cli, standard, unpack_download

SEED_COUNT = ARCHIEF_DOCUMENTEN
"""The fixture archive's documents (tests/archief/), counted from it."""


@pytest.fixture(scope="module")
def open_data(built_site: Path) -> Path:
    return built_site / "open-data"


def test_every_file_is_there(open_data: Path) -> None:
    names = {path.relative_to(open_data).as_posix() for path in open_data.rglob("*") if path.is_file()}
    for name in DOWNLOAD_FILES:
        assert name in names
    assert "schema/adviesregister.schema.json" in names
    assert len([n for n in names if n.startswith("documenten/")]) == SEED_COUNT


def test_json_header_and_records_validate_against_the_schema(open_data: Path) -> None:
    data = json.loads(download_text(open_data, "adviesregister.json"))
    schema = json.loads((open_data / "schema" / "adviesregister.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    assert data["kop"]["aantal_documenten"] == SEED_COUNT
    document = json.loads((open_data / "schema" / "documentbestand.schema.json").read_text(encoding="utf-8"))  # one item file, as the page says
    jsonschema.Draft202012Validator.check_schema(document)
    items = sorted((open_data / "documenten").glob("*.json"))
    assert len(items) == SEED_COUNT
    for item in items:
        jsonschema.validate(json.loads(item.read_text(encoding="utf-8")), document, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    assert (data["kop"]["statussen_peildatum"], data["kop"]["licentie"], data["kop"]["schema_versie"]) == ("2023-07-11", "CC0-1.0", "4.0.0")
    by_id = {record["id"]: record for record in data["documenten"]}
    advies = by_id["almelo-2022-12-22-ongevraagd-advies-nsob-rapport"]
    assert (advies["status"], advies["reactietijd"], advies["reacties"]) == (
        "niet overgenomen",
        32,
        ["almelo-2023-01-23-reactie-ongevraagd-advies-nsob-rapport"],
    )
    assert advies["tooi"] == {
        "informatiecategorie": "https://identifier.overheid.nl/tooi/def/thes/kern/c_99a836c7",
        "documentsoort": "https://identifier.overheid.nl/tooi/def/thes/kern/c_d506b718",
        "gemeente": "https://identifier.overheid.nl/tooi/id/gemeente/gm0141",
    }
    reactie = by_id["almelo-2023-01-23-reactie-ongevraagd-advies-nsob-rapport"]
    assert reactie["relaties"] == [  # the target by id and by its page's address
        {
            "type": "https://identifier.overheid.nl/tooi/def/thes/kern/c_07748060",
            "label": "is reactie op",
            "doel": advies["id"],
            "doel_url": f"https://adviesregister.example/documenten/{advies['id']}/",
        }
    ]
    assert reactie["tooi"]["documentsoort"] == "https://identifier.overheid.nl/tooi/def/thes/kern/c_7652d853"
    assert reactie["tekst_platte"].startswith("Geachte leden Adviesraad sociaal domein,\n\nOp 22 december 2022")
    assert "##" not in reactie["tekst_platte"] and "NSOB-onderzoek\n" in reactie["tekst_platte"]
    per_item = json.loads((open_data / "documenten" / f"{reactie['id']}.json").read_text(encoding="utf-8"))
    assert per_item == reactie


def test_nothing_is_lost_between_content_and_export(open_data: Path) -> None:
    """Each content file's front matter and text, rebuilt from the export, is the file's own."""
    records = json.loads(download_text(open_data, "adviesregister.json"))["documenten"]
    files = {path.stem: path for path in (ARCHIEF / "documenten").rglob("*.md")}
    assert sorted(files) == sorted(record["id"] for record in records)
    for record in records:
        original = parse_document(files[record["id"]].read_bytes())
        rebuilt = {name: record[name] for name in front_matter_fields() if record[name] not in (None, [], {})}
        expected = dict(original.front_matter.data)
        expected.setdefault("tekst_beschikbaar", True)
        bron, original_bron = rebuilt.pop("bron", None), expected.pop("bron", None)
        assert rebuilt == expected, record["id"]
        assert record["tekst"] == original.tekst, record["id"]
        if original_bron is None:
            assert bron is None
            continue
        # the checksum always; the name and address only where the site publishes the original (no personal data in it)
        assert bron["sha256"] == original_bron["sha256"]
        assert bron["bestand"] in (original_bron.get("bestand"), None) and (bron["bestand"] is None) == (bron["url"] is None)


def test_an_original_is_named_and_linked_exactly_when_the_site_publishes_it(built_site: Path) -> None:
    records = json.loads(download_text(built_site / "open-data", "adviesregister.json"))["documenten"]
    published = {path.name for path in (built_site / "bronnen").iterdir()}
    linked = {record["bron"]["url"].rsplit("/", 1)[1] for record in records if record["bron"] and record["bron"]["url"]}
    assert linked == published and len(published) == 3
    withheld = [record for record in records if record["bron"] and not record["bron"]["url"]]
    assert withheld and all(record["bron"]["bestand"] is None for record in withheld)


def test_csv_is_rfc_4180_with_a_row_per_document(open_data: Path) -> None:
    raw = download_bytes(open_data, "adviesregister.csv")
    assert raw.count(b"\r\n") >= SEED_COUNT + 1 and not raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert len(rows) == SEED_COUNT
    assert list(rows[0]) == [column.naam for column in columns()]
    row = next(r for r in rows if r["id"] == "almelo-2023-07-11-reactie-op-advies-programmas-sociaal-en-vitaal-en-zorg-en-veiligheid")
    assert row["themas"] == "welzijn; zorg en veiligheid"
    assert row["ons_kenmerk"] == "UIT - 23110291"
    (year_only,) = [r for r in rows if r["id"] == "albrandswaard-2023-stand-van-zaken-integrale-aanpak-zorg-en-veiligheid"]
    assert (year_only["datum"], year_only["datum_precisie"], year_only["datum_begin"], year_only["datum_eind"]) == ("2023", "jaar", "2023-01-01", "2023-12-31")
    assert (row["datum_precisie"], row["datum_begin"], row["datum_eind"]) == ("dag", "2023-07-11", "2023-07-11")
    assert row["besluiten"].startswith("Sociaal en Vitaal en Zorg en Veiligheid: niet overgenomen; Visie: niet overgenomen")


def test_the_excel_csv_has_the_same_table_with_semicolons_and_a_bom(open_data: Path) -> None:
    """Dutch Excel splits on ';' and reads UTF-8 only after a byte order mark; the values are the same as the RFC 4180 file's."""
    raw = (open_data / "adviesregister-excel.csv").read_bytes()  # not packed: a double click opens it
    assert raw.startswith(b"\xef\xbb\xbfid;soort;")
    excel = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    standard = list(csv.reader(io.StringIO(download_text(open_data, "adviesregister.csv"), newline="")))
    assert excel == standard
    assert any(not value.isascii() for row in excel for value in row), "the seeds hold letters beyond ASCII such as ë"


def test_xlsx_opens_with_the_same_rows(open_data: Path) -> None:
    from openpyxl import load_workbook

    sheet = load_workbook(open_data / "adviesregister.xlsx").active
    assert sheet is not None
    values = list(sheet.values)
    assert list(values[0]) == [column.naam for column in columns()]
    assert len(values) == SEED_COUNT + 1


def test_a_researcher_joins_responses_to_advices_along_the_foreign_keys(open_data: Path, tmp_path: Path) -> None:
    db = sqlite3.connect(unpack_download(open_data, "adviesregister.sqlite", tmp_path))
    db.execute("PRAGMA foreign_keys = ON")
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []  # every reference points to a row
    declared = {
        (table, row[3], row[2]) for table in ("documenten", "relaties", "themas", "besluiten") for row in db.execute(f"PRAGMA foreign_key_list({table})")
    }
    assert {("documenten", "gemeente", "gemeenten"), ("relaties", "van", "documenten"), ("relaties", "naar", "documenten")} <= declared
    assert ("besluiten", "document", "documenten") in declared and ("themas", "document", "documenten") in declared
    joined = db.execute(
        "SELECT advies.id, reactie.besluit, julianday(reactie.datum) - julianday(advies.datum), advies.reactietijd"
        " FROM relaties JOIN documenten AS reactie ON reactie.id = relaties.van JOIN documenten AS advies ON advies.id = relaties.naar"
        " WHERE relaties.soort = 'reactie_op' AND reactie.soort = 'reactie' AND advies.soort = 'advies' ORDER BY advies.id"
    ).fetchall()
    assert joined == [
        ("almelo-2022-12-22-ongevraagd-advies-nsob-rapport", "niet overgenomen", 32.0, 32),
        ("almelo-2023-05-22-advies-programmas-sociaal-en-vitaal-en-zorg-en-veiligheid", "deels overgenomen", 50.0, 50),
    ]
    figures = json.loads((open_data / "cijfers.json").read_text(encoding="utf-8"))["cijfers"]
    total = next(row for row in figures if row["soort"] == "archief")
    counted = dict(db.execute("SELECT status, count(*) FROM documenten WHERE soort = 'advies' GROUP BY status").fetchall())
    assert (total["adviezen"], total["niet_overgenomen"], total["deels_overgenomen"], total["reactie_uitgebleven"]) == (
        sum(counted.values()),
        counted.get("niet overgenomen", 0),
        counted.get("deels overgenomen", 0),
        counted.get("reactie uitgebleven", 0),
    )
    with pytest.raises(sqlite3.IntegrityError):  # the keys hold: no relation to a document that is not there
        db.execute("INSERT INTO relaties VALUES ('almelo-2022-12-22-ongevraagd-advies-nsob-rapport', 'bestaat-niet', 'reactie_op', NULL)")


def test_a_researcher_joins_responses_to_advices_in_pandas_from_the_csv(open_data: Path) -> None:
    """The walk-through of the Open data page, in pandas: read the CSV with its date columns, split the list column
    reactie_op, join each response to its advice and count per status; the Excel CSV reads the same."""
    import pandas as pd

    # pandas reads the compressed files as they are downloaded
    table = pd.read_csv(open_data / "adviesregister.csv.gz", dtype={"datum": "string"}, parse_dates=["datum_begin", "datum_eind"])
    excel = pd.read_csv(open_data / "adviesregister-excel.csv", sep=";", encoding="utf-8-sig", dtype={"datum": "string"})
    assert list(excel.columns) == list(table.columns) and len(excel) == len(table) == SEED_COUNT
    responses = table[table["soort"] == "reactie"].assign(advies=lambda frame: frame["reactie_op"].str.split("; ")).explode("advies")
    advices = table[table["soort"] == "advies"].set_index("id")
    joined = responses.join(advices, on="advies", suffixes=("", "_advies"), how="inner")
    joined["dagen"] = (joined["datum_begin"] - joined["datum_begin_advies"]).dt.days
    assert sorted(zip(joined["advies"], joined["besluit"], joined["dagen"], joined["reactietijd_advies"].astype(int), strict=True)) == [
        ("almelo-2022-12-22-ongevraagd-advies-nsob-rapport", "niet overgenomen", 32, 32),
        ("almelo-2023-05-22-advies-programmas-sociaal-en-vitaal-en-zorg-en-veiligheid", "deels overgenomen", 50, 50),
    ]
    # a year-only date is a period, not 1 January: its begin and end say so
    year_only = table.set_index("id").loc["albrandswaard-2023-stand-van-zaken-integrale-aanpak-zorg-en-veiligheid"]
    assert (year_only["datum"], year_only["datum_precisie"], year_only["datum_eind"].date().isoformat()) == ("2023", "jaar", "2023-12-31")
    counts = advices["status"].value_counts().to_dict()
    assert counts == {"niet overgenomen": 1, "deels overgenomen": 1, "reactie uitgebleven": 1}


def test_sqlite_answers_a_full_text_query(open_data: Path, tmp_path: Path) -> None:
    db = sqlite3.connect(unpack_download(open_data, "adviesregister.sqlite", tmp_path))
    found = [row[0] for row in db.execute("SELECT id FROM documenten_fts WHERE documenten_fts MATCH 'kruisboogincident'")]
    assert found == ["almelo-2023-01-23-reactie-ongevraagd-advies-nsob-rapport"]
    assert db.execute("SELECT count(*) FROM documenten").fetchone() == (SEED_COUNT,)
    assert db.execute("SELECT naam, cbs_code FROM gemeenten WHERE slug = 'almelo'").fetchone() == ("Almelo", "GM0141")
    assert db.execute("SELECT van, naar FROM relaties WHERE soort = 'reactie_op' ORDER BY van").fetchall() == [
        ("almelo-2023-01-23-reactie-ongevraagd-advies-nsob-rapport", "almelo-2022-12-22-ongevraagd-advies-nsob-rapport"),
        (
            "almelo-2023-07-11-reactie-op-advies-programmas-sociaal-en-vitaal-en-zorg-en-veiligheid",
            "almelo-2023-05-22-advies-programmas-sociaal-en-vitaal-en-zorg-en-veiligheid",
        ),
    ]
    assert db.execute("SELECT count(*) FROM besluiten").fetchone() == (4,)


def test_datapackage_is_valid_frictionless(open_data: Path) -> None:
    from frictionless import validate

    report = validate(str(open_data / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "message"])
    assert len(report.tasks) == len(json.loads((open_data / "datapackage.json").read_text(encoding="utf-8"))["resources"])


def test_datapackage_covers_every_file_of_the_download_and_follows_the_v2_profile(open_data: Path) -> None:
    package = json.loads((open_data / "datapackage.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(json.loads(standard("datapackage-v2/datapackage.json").read_text(encoding="utf-8"))).validate(package)
    described = {path for resource in package["resources"] for path in ([resource["path"]] if isinstance(resource["path"], str) else resource["path"])}
    files = {path.relative_to(open_data).as_posix() for path in open_data.rglob("*") if path.is_file()}
    # the package does not describe itself, nor SHA256SUMS (which checks the package too), nor the site's page
    assert files - described == {"datapackage.json", "SHA256SUMS", "index.html"}
    assert described <= files


def test_sha256sums_cover_every_file(open_data: Path) -> None:
    lines = (open_data / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    listed = {}
    for line in lines:
        digest, name = line.split("  ", 1)
        listed[name] = digest
        assert hashlib.sha256((open_data / name).read_bytes()).hexdigest() == digest, name
    # index.html is the site's Open data page, which lives at the same address; it is not part of the download.
    others = {path.relative_to(open_data).as_posix() for path in open_data.rglob("*") if path.is_file() and path.name not in ("SHA256SUMS", "index.html")}
    assert set(listed) == others


def test_two_exports_of_the_same_content_are_byte_identical(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    export(project, tmp_path / "a")
    export(project, tmp_path / "b")
    first, second = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def _files(folder: Path) -> dict[Path, bytes]:
    return {path.relative_to(folder): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_exports_on_two_days_without_a_change_say_the_same_modified_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Harvesters must not see a change every day: dct:modified and the workbook only move when the data does."""
    project = copy_project(tmp_path / "project")
    export(project, tmp_path / "a")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime(2027, 2, 1, tzinfo=UTC).timestamp())))  # ten weeks later
    export(project, tmp_path / "b")
    first, second = (json.loads((tmp_path / name / "dataset.jsonld").read_text(encoding="utf-8"))["@graph"][0] for name in ("a", "b"))
    # the newest document (11 July 2023) is later than the last termijn that ran out (the Almere advice of 2019)
    assert first["dct:modified"] == second["dct:modified"] == {"@type": "xsd:date", "@value": "2023-07-11"}
    kop = json.loads(download_text(tmp_path / "b", "adviesregister.json"))["kop"]
    assert (kop["statussen_peildatum"], kop["gegevens_gewijzigd"], kop["statussen_geldig_tot"]) == ("2023-07-11", "2023-07-11", None)
    # no advice waits for a response, so no status changed in those ten weeks: not one byte of the download did either
    assert _files(tmp_path / "a") == _files(tmp_path / "b")


def test_a_waiting_advice_says_until_when_the_statuses_hold_and_moves_the_dates_when_its_termijn_ends(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_project(tmp_path / "project")
    path = project.documents / "almelo" / "2026" / "almelo-2026-11-02-advies-wachtend.md"
    path.parent.mkdir(parents=True)
    path.write_text(
        "---\nid: almelo-2026-11-02-advies-wachtend\nsoort: advies\ntitel: Wachtend advies\ndatum: 2026-11-02\ngemeente: almelo\n---\n\nTekst.\n",
        encoding="utf-8",
    )
    records = {record["id"]: record for record in export(project, tmp_path / "a")}
    waiting = records["almelo-2026-11-02-advies-wachtend"]
    assert waiting["status"] == "wacht op reactie"
    kop = json.loads(download_text(tmp_path / "a", "adviesregister.json"))["kop"]
    assert (kop["statussen_peildatum"], kop["gegevens_gewijzigd"], kop["statussen_geldig_tot"]) == (
        "2026-11-02",
        "2026-11-02",
        waiting["uiterste_reactiedatum"],
    )
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime(2027, 2, 1, tzinfo=UTC).timestamp())))  # after the termijn
    later = {record["id"]: record for record in export(project, tmp_path / "b")}
    assert later["almelo-2026-11-02-advies-wachtend"]["status"] == "reactie uitgebleven"
    kop = json.loads(download_text(tmp_path / "b", "adviesregister.json"))["kop"]
    day_after = (date.fromisoformat(waiting["uiterste_reactiedatum"]) + timedelta(days=1)).isoformat()
    # the statuses changed on the day after the termijn; the data (the documents) did not
    assert (kop["statussen_peildatum"], kop["gegevens_gewijzigd"], kop["statussen_geldig_tot"]) == (day_after, "2026-11-02", None)


def test_text_that_looks_like_a_formula_cannot_run_in_a_spreadsheet_and_stays_as_it_is_for_programs(tmp_path: Path) -> None:
    """The apostrophe that stops a spreadsheet from running a formula is only in the Excel CSV (the xlsx holds text
    cells); the RFC 4180 CSV, read by programs, gives every value exactly as the archive holds it."""
    from openpyxl import load_workbook

    project = copy_project(tmp_path / "project")
    path = project.documents / "almelo" / "2024" / "almelo-2024-01-01-formule.md"
    path.parent.mkdir(parents=True)
    path.write_text(
        '---\nid: almelo-2024-01-01-formule\nsoort: advies\ntitel: "=HYPERLINK(\\"http://kwaad.example\\",\\"klik\\")"\ndatum: "2024-01-01"\n'
        'gemeente: almelo\nvan: "+31 6 1234"\naan: "@college"\nsamenvatting: "-2+3"\n---\n\n=1+1 staat in de tekst.\n',
        encoding="utf-8",
    )
    export(project, tmp_path / "out")
    excel = (tmp_path / "out" / "adviesregister-excel.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(excel, newline=""), delimiter=";"))
    row = next(r for r in rows if r["id"] == "almelo-2024-01-01-formule")
    assert (row["titel"], row["van"], row["aan"], row["samenvatting"]) == ('\'=HYPERLINK("http://kwaad.example","klik")', "'+31 6 1234", "'@college", "'-2+3")
    rows = list(csv.DictReader(io.StringIO(download_text(tmp_path / "out", "adviesregister.csv"), newline="")))
    row = next(r for r in rows if r["id"] == "almelo-2024-01-01-formule")
    assert (row["titel"], row["van"], row["aan"], row["samenvatting"]) == ('=HYPERLINK("http://kwaad.example","klik")', "+31 6 1234", "@college", "-2+3")
    sheet = load_workbook(tmp_path / "out" / "adviesregister.xlsx").active
    assert sheet is not None
    header = [cell.value for cell in sheet[1]]
    cells = next(r for r in sheet.iter_rows(min_row=2) if r[header.index("id")].value == "almelo-2024-01-01-formule")
    titel = cells[header.index("titel")]
    assert (titel.data_type, titel.value) == ("s", '=HYPERLINK("http://kwaad.example","klik")')


def test_open_data_page_describes_exactly_the_fields_of_each_download(built_site: Path, tmp_path: Path) -> None:
    from lxml import html

    open_data = built_site / "open-data"
    page = html.parse(str(open_data / "index.html")).getroot()
    tables = {
        h3.text: [term.text_content() for term in h3.xpath("following-sibling::dl[1]/dt")]
        for h3 in page.xpath("//section[h2='Velden en kolommen per download']/h3")
    }
    record = json.loads((open_data / "documenten" / "almelo-2022-12-22-ongevraagd-advies-nsob-rapport.json").read_text(encoding="utf-8"))
    assert sorted(tables["De JSON"]) == sorted(key for key in record if key != "$schema")
    assert tables["De tabel: CSV en Excel"] == next(csv.reader(io.StringIO(download_text(open_data, "adviesregister.csv"))))
    assert tables["De cijfers"] == next(csv.reader(io.StringIO((open_data / "cijfers.csv").read_text(encoding="utf-8"))))
    db = sqlite3.connect(unpack_download(open_data, "adviesregister.sqlite", tmp_path))
    declared = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'documenten_fts_%' ORDER BY rowid")]
    assert tables["De database"] == declared
    terms = page.xpath("//h3[.='De tabel: CSV en Excel']/following-sibling::dl[1]/dt")
    besluit = next(" ".join(term.xpath("string(following-sibling::dd[1])").split()) for term in terms if term.text_content() == "besluit")
    assert "Laat weg" not in besluit and "Leeg als de brief het niet duidelijk zegt" in besluit  # written for a reader of the data
    links = page.xpath("//section[h2='Bestanden']//a/@href")
    for name in (
        "adviesregister.json.gz",
        "adviesregister.csv.gz",
        "adviesregister-excel.csv",
        "adviesregister.xlsx",
        "adviesregister.sqlite.gz",
        "SHA256SUMS",
        "versies.xml",
    ):
        assert name in links


def test_export_command_writes_the_same_files(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    result = run_cli(["export", "--root", str(project.root), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Open data geschreven in {tmp_path / 'out'}: {document_count(project)} documenten")
    assert (tmp_path / "out" / "SHA256SUMS").is_file()
    stale = tmp_path / "out" / "documenten" / "almelo-2000-01-01-weg.json"
    stale.write_text("{}", encoding="utf-8")
    run_cli(["export", "--root", str(project.root), "--out", str(tmp_path / "out")])
    assert not stale.exists(), "a document that left the archive leaves the download"
    shutil.rmtree(tmp_path / "out")


def test_every_record_field_is_described_once_and_exported(tmp_path: Path) -> None:
    """The record, its schema and the tables all follow record_fields(): a field added in one place shows up everywhere."""
    records = export(copy_project(tmp_path / "project"), tmp_path / "out")
    names = [field.naam for field in record_fields()]
    assert len(names) == len(set(names))
    assert all(set(record) == set(names) for record in records)
    schema = json.loads((tmp_path / "out" / "schema" / "adviesregister.schema.json").read_text(encoding="utf-8"))
    assert sorted(schema["$defs"]["document"]["properties"]) == sorted(names)
    covered = {column.field for column in columns()} | JSON_ONLY
    assert covered == set(names)


def test_each_published_schema_names_its_own_address(open_data: Path) -> None:
    for name in ("adviesregister.schema.json", "documentbestand.schema.json", "voorkant.schema.json"):
        schema = json.loads((open_data / "schema" / name).read_text(encoding="utf-8"))
        assert schema["$id"] == f"https://adviesregister.example/open-data/schema/{name}"


@pytest.mark.parametrize(
    "records",
    [[], [{"id": "a", "tekst": 'regel 1\nregel 2 \u2028 ë "quote"', "lijst": [], "leeg": {}, "getal": 1.5}], [{"id": "a"}, {"id": "b", "x": [1, {"y": None}]}]],
)
def test_the_whole_archive_json_is_made_from_each_records_own_text_exactly_as_json_writes_it(records: list[dict[str, Any]]) -> None:
    from adviesregister.opendata.files import JSON_FORMAT, _dump_chunks

    header = {"schema_versie": "3.0.0", "url": "https://adviesregister.example/", "leeg": []}
    seen: list[str] = []
    made = "".join(_dump_chunks(header, records, lambda record, text: seen.append(text)))
    assert made == json.dumps({"kop": header, "documenten": records}, **JSON_FORMAT) + "\n"
    assert seen == [json.dumps(record, **JSON_FORMAT) for record in records]


def test_a_kenmerk_that_looks_like_a_year_and_month_keeps_the_data_package_valid(tmp_path: Path) -> None:
    """Every table (the xlsx too) carries its schema: a reader that guessed types took 'ASD-2026-014' for a year and month."""
    from frictionless import validate

    project = copy_project(tmp_path / "project")
    reactie = project.content / "documenten" / "almelo" / "2023" / "almelo-2023-07-11-reactie-op-advies-programmas-sociaal-en-vitaal-en-zorg-en-veiligheid.md"
    text = reactie.read_text(encoding="utf-8")
    reactie.write_text(text.replace("kenmerken:\n", "kenmerken:\n  uw_kenmerk: ASD-2026-014\n", 1), encoding="utf-8")
    export(project, tmp_path / "open-data")
    package = json.loads((tmp_path / "open-data" / "datapackage.json").read_text(encoding="utf-8"))
    tables = [resource for resource in package["resources"] if resource["format"] in ("csv", "xlsx")]
    assert [resource["path"] for resource in tables if "schema" not in resource] == []
    xlsx = next(resource for resource in tables if resource["format"] == "xlsx")
    assert {field["name"]: field["type"] for field in xlsx["schema"]["fields"]}["uw_kenmerk"] == "string"
    report = validate(str(tmp_path / "open-data" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "message"])
