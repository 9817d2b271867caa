"""The Open data page for researchers: its recipes run on the download as published, its header is described field by
field, its two days each mean one thing everywhere, and the files are what a researcher or a spreadsheet user needs."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import sqlite3
import subprocess
from datetime import datetime
from pathlib import Path

import jsonschema
import pytest
from lxml import html

from adviesregister.content.history import file_dates
from adviesregister.opendata.downloads import EXCEL_TABLE, XLSX_TABLE
from adviesregister.opendata.metadata import HEADER_FIELDS
from adviesregister.opendata.recipes import Recipe, recipes, typed_columns
from adviesregister.opendata.tables import columns
from adviesregister.site.views import format_day

from helpers import ARCHIEF_DOCUMENTEN, copy_project, download_text, export, unpack_download

RECIPES = {recipe.name: recipe for recipe in recipes()}


@pytest.fixture(scope="module")
def open_data(built_site: Path) -> Path:
    return built_site / "open-data"


@pytest.fixture(scope="module")
def page(open_data: Path) -> html.HtmlElement:
    return html.parse(str(open_data / "index.html")).getroot()


def _run_python(recipe: Recipe, folder: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """The recipe's code run as a researcher runs it, in the folder that holds the download: its variables."""
    monkeypatch.chdir(folder)
    variables: dict[str, object] = {}
    exec(compile(recipe.code, recipe.name, "exec"), variables)  # our own recipe: the code the page shows
    return variables


def test_the_page_shows_every_recipe_exactly_as_the_tests_run_it(page: html.HtmlElement) -> None:
    shown = [(pre.getprevious().text_content(), pre.text_content()) for pre in page.xpath("//section[h2='Zo leest u de gegevens in']/pre")]
    assert shown == [(recipe.name, recipe.code) for recipe in recipes()]
    assert {recipe.taal for recipe in recipes()} == {"python", "sql", "r"}
    assert all(len(recipe.code.strip().splitlines()) <= 3 for recipe in recipes() if recipe.taal != "r")  # three lines


def test_the_pandas_recipe_reads_the_csv_with_the_documented_dtypes(open_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pandas as pd

    documenten = _run_python(RECIPES["pandas (Python), uit de CSV"], open_data, monkeypatch)["documenten"]
    assert isinstance(documenten, pd.DataFrame)
    assert len(documenten) == ARCHIEF_DOCUMENTEN
    assert list(documenten.columns) == [column.naam for column in columns()]
    types = {name: str(dtype) for name, dtype in documenten.dtypes.items()}
    # a whole number with empty cells stays a whole number; an empty column stays text; no column is a float
    assert types["reactietijd"] == "Int64" and documenten["reactietijd"].isna().any() and documenten["reactietijd"].notna().any()
    assert types["tekst_beschikbaar"] == "boolean"
    for name, _, documented in typed_columns():  # every column the page lists has the dtype the page gives it
        assert types[name].startswith("datetime64") if documented.startswith("datetime64") else types[name] == documented, name
    assert types["datum"] == "string" and types["datum_begin"].startswith("datetime64")
    empty = [name for name in documenten.columns if documenten[name].isna().all()]
    dates = {column.naam for column in columns() if column.soort == "date"}
    assert empty and all(types[name] == "string" for name in empty if name not in dates), empty
    assert not [name for name, kind in types.items() if kind.startswith("float")]
    advies = documenten.set_index("id").loc["almelo-2022-12-22-ongevraagd-advies-nsob-rapport"]
    assert (advies["reactietijd"], advies["status"]) == (32, "niet overgenomen")


def test_the_pandas_recipe_reads_the_json_with_its_header(open_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    variables = _run_python(RECIPES["pandas (Python), uit de JSON"], open_data, monkeypatch)
    documenten, download = variables["documenten"], variables["download"]
    assert len(documenten) == ARCHIEF_DOCUMENTEN  # type: ignore[arg-type]
    assert str(documenten.dtypes["reactietijd"]) == "Int64"  # type: ignore[attr-defined]
    assert download["kop"]["aantal_documenten"] == ARCHIEF_DOCUMENTEN  # type: ignore[index]


def test_the_duckdb_recipe_reads_the_csv_with_its_types(open_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import duckdb

    monkeypatch.chdir(open_data)
    db = duckdb.connect()
    db.execute(RECIPES["DuckDB (SQL)"].code)
    assert db.execute("SELECT count(*) FROM documenten").fetchone() == (ARCHIEF_DOCUMENTEN,)
    types = dict(db.execute("SELECT column_name, column_type FROM (DESCRIBE documenten)").fetchall())
    assert (types["reactietijd"], types["tekst_beschikbaar"], types["datum_begin"], types["datum"], types["zaaknummer"]) == (
        "INTEGER",
        "BOOLEAN",
        "DATE",
        "VARCHAR",
        "VARCHAR",
    )
    assert db.execute("SELECT reactietijd FROM documenten WHERE id = 'almelo-2022-12-22-ongevraagd-advies-nsob-rapport'").fetchone() == (32,)


def test_the_r_recipe_reads_the_csv(open_data: Path, tmp_path: Path) -> None:
    rscript = shutil.which("Rscript")
    if rscript is None:
        pytest.skip("Rscript ontbreekt op deze machine: het recept voor R is hier niet uitgevoerd (installeer r-base-core om het te testen)")
    script = tmp_path / "recept.R"
    script.write_text(RECIPES["R"].code + 'cat(nrow(documenten), class(documenten$reactietijd), class(documenten$datum_begin), "\\n")\n', encoding="utf-8")
    result = subprocess.run([rscript, str(script)], cwd=open_data, capture_output=True, text=True, check=True)
    assert result.stdout.split() == [str(ARCHIEF_DOCUMENTEN), "integer", "Date"]


def test_the_header_is_described_field_by_field_with_this_downloads_values(open_data: Path, page: html.HtmlElement) -> None:
    kop = json.loads(download_text(open_data, "adviesregister.json"))["kop"]
    terms = page.xpath("//section[h2='De kop van de download']//dl/dt")
    described = {
        term.text_content(): (term.xpath("string(following-sibling::dd[1]/p[1]/strong)"), term.xpath("string(following-sibling::dd[1]/p[2])")) for term in terms
    }
    assert list(described) == list(HEADER_FIELDS) and sorted(described) == sorted(kop)
    assert described["statussen_peildatum"][0] == kop["statussen_peildatum"] and "stand op" in described["statussen_peildatum"][1]
    assert described["statussen_geldig_tot"][0] == ("leeg" if kop["statussen_geldig_tot"] is None else kop["statussen_geldig_tot"])
    for name in ("cijfers.json", "versies.json"):
        assert json.loads((open_data / name).read_text(encoding="utf-8"))["kop"] == kop


def test_the_two_days_mean_the_same_in_the_header_on_cijfers_on_the_home_page_and_in_dcat(built_site: Path) -> None:
    kop = json.loads(download_text(built_site / "open-data", "adviesregister.json"))["kop"]
    cijfers = " ".join(html.parse(str(built_site / "cijfers" / "index.html")).getroot().text_content().split())
    assert f"stand op {format_day(datetime.fromisoformat(kop['statussen_peildatum']).date())}" in cijfers
    home = " ".join(html.parse(str(built_site / "index.html")).getroot().text_content().split())
    assert f"Bijgewerkt op {format_day(datetime.fromisoformat(kop['gegevens_gewijzigd']).date())}" in home
    catalog = json.loads((built_site / "open-data" / "dataset.jsonld").read_text(encoding="utf-8"))["@graph"][0]
    assert catalog["dct:modified"]["@value"] == catalog["dcat:dataset"]["dct:modified"]["@value"] == kop["statussen_peildatum"]


def _git(root: Path, *args: str, when: str) -> None:
    env = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_NAME": "Secretaris", "GIT_AUTHOR_EMAIL": "s@example.org"}
    env |= {"GIT_COMMITTER_NAME": "Secretaris", "GIT_COMMITTER_EMAIL": "s@example.org", "PATH": "/usr/bin:/bin", "HOME": str(root)}
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def test_a_commit_that_changes_only_a_hand_written_page_leaves_the_data_day_alone(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "archief")
    _git(project.root, "init", "-q", "-b", "main", when="2026-01-05T10:00:00Z")
    _git(project.root, "add", "-A", when="2026-01-05T10:00:00Z")
    _git(project.root, "commit", "-q", "-m", "archief", when="2026-01-05T10:00:00Z")
    over = project.content / "paginas" / "over.md"
    over.write_text(over.read_text(encoding="utf-8") + "\nEen nieuwe alinea.\n", encoding="utf-8")
    _git(project.root, "commit", "-q", "-am", "pagina Over", when="2026-03-09T08:30:00Z")
    assert file_dates(project.root)["content/paginas/over.md"].gewijzigd.date().isoformat() == "2026-03-09"  # git saw the page change
    export(project, tmp_path / "a")
    kop = json.loads(download_text(tmp_path / "a", "adviesregister.json"))["kop"]
    assert (kop["gegevens_gewijzigd"], kop["statussen_peildatum"]) == ("2026-01-05", "2026-01-05")
    gemeenten = project.content / "gemeenten.yml"
    gemeenten.write_text(gemeenten.read_text(encoding="utf-8") + "\n# de termijnen nagekeken\n", encoding="utf-8")
    _git(project.root, "commit", "-q", "-am", "gemeenten", when="2026-04-01T08:00:00Z")
    export(project, tmp_path / "b")
    kop = json.loads(download_text(tmp_path / "b", "adviesregister.json"))["kop"]
    assert (kop["gegevens_gewijzigd"], kop["statussen_peildatum"]) == ("2026-04-01", "2026-04-01")  # gemeenten.yml is data


def test_every_file_in_documenten_validates_against_its_own_schema_and_the_front_matter_schema_is_named_as_such(open_data: Path) -> None:
    schema = json.loads((open_data / "schema" / "documentbestand.schema.json").read_text(encoding="utf-8"))
    items = sorted((open_data / "documenten").glob("*.json"))
    assert len(items) == ARCHIEF_DOCUMENTEN
    for item in items:
        jsonschema.validate(json.loads(item.read_text(encoding="utf-8")), schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    front_matter = json.loads((open_data / "schema" / "voorkant.schema.json").read_text(encoding="utf-8"))
    assert "front matter" in front_matter["title"]
    with pytest.raises(jsonschema.ValidationError):  # it describes what a person writes, which an exported file is not
        jsonschema.validate(json.loads(items[0].read_text(encoding="utf-8")), front_matter)
    assert not (open_data / "schema" / "document.schema.json").exists()


def test_the_spreadsheet_files_are_not_packed_and_open_as_they_are(open_data: Path) -> None:
    from openpyxl import load_workbook

    raw = (open_data / EXCEL_TABLE).read_bytes()
    assert (
        raw.startswith(b"\xef\xbb\xbfid;") and len(list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))) == ARCHIEF_DOCUMENTEN + 1
    )
    assert load_workbook(open_data / XLSX_TABLE).active is not None
    assert not (open_data / f"{EXCEL_TABLE}.gz").exists()


def test_sha256sum_checks_a_partial_download(open_data: Path, tmp_path: Path) -> None:
    """A researcher who took only the CSV and one document's JSON checks them with the real sha256sum."""
    sha256sum = shutil.which("sha256sum")
    if sha256sum is None:
        pytest.skip("sha256sum ontbreekt op deze machine")
    part = tmp_path / "deel"
    (part / "documenten").mkdir(parents=True)
    document = sorted((open_data / "documenten").glob("*.json"))[0]
    for source, target in ((open_data / "SHA256SUMS", part / "SHA256SUMS"), (open_data / "adviesregister.csv.gz", part / "adviesregister.csv.gz")):
        shutil.copy(source, target)
    shutil.copy(document, part / "documenten" / document.name)
    checked = subprocess.run([sha256sum, "-c", "--ignore-missing", "SHA256SUMS"], cwd=part, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert sorted(re.findall(r"^(.+): OK$", checked.stdout, re.MULTILINE)) == ["adviesregister.csv.gz", f"documenten/{document.name}"]
    (part / "documenten" / document.name).write_text("{}", encoding="utf-8")  # a damaged file is found
    assert subprocess.run([sha256sum, "-c", "--ignore-missing", "SHA256SUMS"], cwd=part, capture_output=True).returncode != 0


def test_recommendations_show_where_a_document_has_them(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "archief")
    advies = next(project.documents.rglob("almelo-2023-05-22-advies-programmas-sociaal-en-vitaal-en-zorg-en-veiligheid.md"))
    text = advies.read_text(encoding="utf-8")
    advies.write_text(
        text.replace("themas:\n", "aanbevelingen:\n  - Betrek ouders bij de aanpak.\n  - Maak de doelen meetbaar.\nthemas:\n", 1), encoding="utf-8"
    )
    records = {record["id"]: record for record in export(project, tmp_path / "out")}
    assert records[advies.stem]["aanbevelingen"] == ["Betrek ouders bij de aanpak.", "Maak de doelen meetbaar."]
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(download_text(tmp_path / "out", "adviesregister.csv"), newline=""))}
    assert rows[advies.stem]["aanbevelingen"] == "Betrek ouders bij de aanpak.; Maak de doelen meetbaar."
    db = sqlite3.connect(unpack_download(tmp_path / "out", "adviesregister.sqlite", tmp_path / "db"))
    assert db.execute("SELECT volgnummer, tekst FROM aanbevelingen WHERE document = ?", (advies.stem,)).fetchall() == [
        (1, "Betrek ouders bij de aanpak."),
        (2, "Maak de doelen meetbaar."),
    ]


@pytest.mark.parametrize(
    ("advices", "listed", "sentence"),
    [
        (0, 0, ""),
        (3, 0, "Nog bij geen enkel advies staan de aanbevelingen apart; ze staan wel in de tekst van de brief."),
        (1, 1, "Bij het advies staan de aanbevelingen apart."),
        (2, 2, "Bij alle 2 adviezen staan de aanbevelingen apart."),
        (3, 1, "Bij 1 van de 3 adviezen staan de aanbevelingen apart; bij de andere staan ze alleen in de tekst van de brief."),
        (1500, 2, "Bij 2 van de 1.500 adviezen staan de aanbevelingen apart; bij de andere staan ze alleen in de tekst van de brief."),
    ],
)
def test_the_page_says_how_many_advices_list_their_recommendations(advices: int, listed: int, sentence: str) -> None:
    from adviesregister.site.pages import _recommendations_listed

    assert _recommendations_listed(advices, listed) == sentence


def test_the_page_says_so_for_the_fixture_archive(page: html.HtmlElement) -> None:
    text = " ".join(page.text_content().split())
    assert "Nog bij geen enkel advies staan de aanbevelingen apart" in text
    assert "sha256sum -c --ignore-missing SHA256SUMS" in text and "SQLite opent geen ingepakt bestand" in text
