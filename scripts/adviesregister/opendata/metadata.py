"""What the download says about itself: the JSON Schema of the records and the Data Package (DCAT: dcat.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from adviesregister.opendata.dcat import licence_url
from adviesregister.opendata.downloads import (
    CSV_TABLE,
    DIWOO_FOLDER,
    DOCUMENT_FOLDER,
    EXCEL_TABLE,
    GZIP,
    JSON_DUMP,
    SCHEMA_FOLDER,
    SQLITE_DATABASE,
    XLSX_TABLE,
    file_digest,
)
from adviesregister.opendata.fields import record_fields
from adviesregister.opendata.figures_export import FIGURE_COLUMNS
from adviesregister.opendata.tables import columns

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_DAY = {"type": "string", "format": "date"}

HEADER_FIELDS: dict[str, dict[str, Any]] = {
    "schema_versie": {
        "type": "string",
        "description": "De versie van het schema van de download (semantic versioning: een hoger eerste getal betekent dat een veld of bestand veranderde of verdween).",
    },
    "aantal_documenten": {"type": "integer", "description": "Het aantal documenten in de download."},
    "gegevens_gewijzigd": {
        **_DAY,
        "description": "De dag waarop de gegevens het laatst veranderden: de nieuwste wijziging (in git) van een document of van de lijst gemeenten (gemeenten.yml); "
        "zonder git de datum van het nieuwste document. Een wijziging van alleen een pagina van de site telt niet. De site noemt deze dag 'Bijgewerkt op'.",
    },
    "statussen_peildatum": {
        **_DAY,
        "description": "De dag waarvoor de statussen, reactietijden en cijfers zijn berekend: de laatste dag waarop er een veranderde, dus gegevens_gewijzigd "
        "of een latere dag waarop de reactietermijn van een advies verliep. Het is niet de dag van de bouw: tot die dag veranderde er niets, dus een "
        "download van dezelfde gegevens blijft dezelfde. De pagina Cijfers noemt deze dag 'stand op'; in dataset.jsonld is het dct:modified.",
    },
    "statussen_geldig_tot": {
        "anyOf": [_DAY, {"type": "null"}],
        "description": "Tot en met deze dag gelden de statussen zeker: de dag daarna loopt de reactietermijn af van een advies dat nog op een reactie wacht. "
        "Leeg als geen advies wacht. Een nieuwe reactie kan een status eerder veranderen.",
    },
    "licentie": {"type": "string", "description": "De licentie van de gegevens (SPDX-code, bijvoorbeeld CC0-1.0)."},
    "bron_commit": {
        "anyOf": [{"type": "string"}, {"type": "null"}],
        "description": "De versie van het archief waaruit de download is gemaakt: de git-commit. Leeg als het archief geen git-geschiedenis heeft.",
    },
    "uitgever": {"type": "string", "description": "Wie de download uitgeeft."},
    "url": {"type": "string", "description": "Het webadres van het archief."},
}
"""The header (`kop`) of adviesregister.json, cijfers.json and versies.json, field by field: its schema, and the
Open data page's description of it."""


def export_schema(schema_url: str = "") -> dict[str, Any]:
    """JSON Schema of adviesregister.json, made from the front-matter schema (every field may be null) plus the derived
    fields; `schema_url`: where the download publishes it, its $id."""
    document = {field.naam: {"description": field.beschrijving, **field.schema} for field in record_fields()}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **({"$id": schema_url} if schema_url else {}),
        "title": "Adviesregister: open data",
        "description": "De volledige download: een kop met de gegevens van de download, en alle documenten met hun berekende velden en tekst.",
        "type": "object",
        "required": ["kop", "documenten"],
        "additionalProperties": False,
        "properties": {
            "kop": {
                "type": "object",
                "description": "De kop van de download: wat er in staat, en de twee dagen die zeggen hoe actueel het is.",
                "required": list(HEADER_FIELDS),
                "additionalProperties": False,
                "properties": HEADER_FIELDS,
            },
            "documenten": {"type": "array", "items": {"$ref": "#/$defs/document"}},
        },
        "$defs": {"document": {"type": "object", "required": sorted(document), "additionalProperties": False, "properties": document}},
    }


def document_file_schema(schema_url: str = "") -> dict[str, Any]:
    """JSON Schema of one file in documenten/: the same record as in adviesregister.json, on its own."""
    whole = export_schema()
    return {
        "$schema": whole["$schema"],
        **({"$id": schema_url} if schema_url else {}),
        "title": "Adviesregister: één document",
        "description": "Eén bestand in documenten/: hetzelfde document als in adviesregister.json, met zijn berekende velden en tekst.",
        **whole["$defs"]["document"],
    }


def front_matter_schema(schema: dict[str, Any], schema_url: str) -> dict[str, Any]:
    """The front-matter schema as the download publishes it: under its own name, saying what it describes."""
    return {
        **schema,
        "$id": schema_url,
        "title": "Adviesregister: de kop (front matter) van een Markdown-bestand in het archief",
        "description": "Wat een mens bovenaan een document in content/documenten/ schrijft. Het beschrijft niet de bestanden van de download: "
        "daarvoor zijn adviesregister.schema.json en documentbestand.schema.json.",
    }


def datapackage(header: dict[str, Any], out: Path) -> dict[str, Any]:
    """Frictionless Data Package v2 describing every file of the download: the tables with field types and descriptions, the
    other files with their format, size and sha256 (SHA256SUMS aside, which checks this file too)."""
    fields = [{"name": column.naam, "type": column.soort, "description": column.beschrijving} for column in columns()]
    licence = _licence(str(header["licentie"]))
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "adviesregister",
        "title": "Adviesregister: adviezen van adviesraden sociaal domein en de reacties van het college",
        "description": "Alle adviezen, reacties en bijbehorende stukken in het Adviesregister, met berekende status en reactietijd.",
        "version": header["schema_versie"],
        "licenses": [licence],
        "resources": [
            _csv(out, CSV_TABLE, fields, ["id"], "Eén regel per document (RFC 4180), gzip-gecomprimeerd."),
            _csv(
                out,
                EXCEL_TABLE,
                fields,
                ["id"],
                "Dezelfde tabel, voor Excel met Nederlandse instellingen: puntkomma's, een BOM en een apostrof voor tekst die met =, +, - of @ begint; niet ingepakt.",
                excel=True,
            ),
            _json(out, JSON_DUMP, "Alle velden, ook lijsten en de tekst, gzip-gecomprimeerd; beschreven door schema/adviesregister.schema.json."),
            _csv(
                out,
                "cijfers.csv",
                [{"name": column.naam, "type": column.soort, "description": column.beschrijving} for column in FIGURE_COLUMNS],
                ["soort", "sleutel"],
                "De cijfers van de pagina Cijfers: per gemeente, jaar en thema (en het hele archief) de uitkomsten van de adviezen, de reactietijd en de termijn.",
            ),
            _json(out, "cijfers.json", "Dezelfde cijfers als cijfers.csv, met de kop van de download (statussen_peildatum: de dag waarvoor ze berekend zijn)."),
            _xlsx(out, XLSX_TABLE, fields, ["id"], "Dezelfde tabel als adviesregister.csv, als Excel-bestand; alle tekst is gewone tekst."),
            _file(
                out,
                SQLITE_DATABASE,
                "sqlite",
                "application/vnd.sqlite3",
                "Een SQLite-database: documenten, relaties, gemeenten, hun adviesraden, thema's, aanbevelingen en besluiten, met vreemde sleutels, en een zoekindex (FTS5); "
                "gzip-gecomprimeerd: pak het bestand eerst uit.",
            ),
            _parts(
                out,
                DOCUMENT_FOLDER,
                ".json",
                "json",
                "application/json",
                "Per document een JSON-bestand, volgens schema/documentbestand.schema.json.",
            ),
            _parts(
                out,
                DIWOO_FOLDER,
                ".xml",
                "xml",
                "application/xml",
                "Per document met een volledige datum de DiWoo-beschrijving (DiWoo 0.9.8) voor de Woo-index.",
            ),
            _parts(
                out,
                SCHEMA_FOLDER,
                ".json",
                "jsonschema",  # not "json": Frictionless reads any *schema.json file of format json as a Table Schema
                "application/schema+json",
                "De JSON Schema's: adviesregister.schema.json beschrijft adviesregister.json, documentbestand.schema.json elk bestand in documenten/; "
                "voorkant.schema.json de kop (front matter) van de Markdown-bestanden in het archief, niet een bestand van de download.",
            ),
            _json(out, "versies.json", "De versies van het archief: per versie de documenten die erbij kwamen, veranderden of verdwenen."),
            _file(out, "versies.xml", "xml", "application/atom+xml", "Dezelfde versies als Atom-feed."),
            _file(out, "dataset.jsonld", "jsonld", "application/ld+json", "De beschrijving van de dataset volgens DCAT-AP-NL 3.0."),
        ],
    }


def _csv(out: Path, name: str, fields: list[dict[str, str]], key: list[str], description: str, excel: bool = False) -> dict[str, Any]:
    """A table resource: its file's facts, dialect (commas, or semicolons with a BOM for Excel) and schema."""
    return {
        "name": _resource_name(name),
        "path": name,
        "type": "table",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8-sig" if excel else "utf-8",
        **_file_facts(out / name),
        "description": description,
        "dialect": {"delimiter": ";" if excel else ",", "quoteChar": '"', "header": True, "lineTerminator": "\r\n"},
        "schema": {"fields": fields, "primaryKey": key},
    }


def _xlsx(out: Path, name: str, fields: list[dict[str, str]], key: list[str], description: str) -> dict[str, Any]:
    """The Excel table, with the same schema as the CSV: without it a reader guesses each column's type from its cells,
    and a kenmerk such as 'ASD-2026-014' is taken for a year and month, which the next row then breaks."""
    resource = _file(out, name, "xlsx", XLSX, description)
    return {"name": resource.pop("name"), "path": resource.pop("path"), "type": "table", **resource, "schema": {"fields": fields, "primaryKey": key}}


def _json(out: Path, name: str, description: str) -> dict[str, Any]:
    return _file(out, name, "json", "application/json", description)


def _file(out: Path, name: str, kind: str, mediatype: str, description: str) -> dict[str, Any]:
    """A resource that is one file, with its size and sha256."""
    binary = kind in ("xlsx", "sqlite")
    return {
        "name": _resource_name(name),
        "path": name,
        "format": kind,
        "mediatype": mediatype,
        **({} if binary else {"encoding": "utf-8"}),
        **_file_facts(out / name),
        "description": description,
    }


def _parts(out: Path, folder: str, suffix: str, kind: str, mediatype: str, description: str) -> dict[str, Any]:
    """A resource of many files of one kind (a Data Package path list), in a fixed order."""
    paths = sorted(f"{folder}/{path.name}" for path in (out / folder).glob(f"*{suffix}"))
    return {"name": folder, "path": paths, "format": kind, "mediatype": mediatype, "encoding": "utf-8", "description": description}


def _resource_name(path: str) -> str:
    """A Data Package resource name (lower case, digits, '-', '_', '.'): the path with '/' as '-', without '.gz' (the
    name stays what it was before the file was compressed)."""
    return path.removesuffix(GZIP).replace("/", "-").replace(".", "-").lower()


def _file_facts(path: Path) -> dict[str, Any]:
    """Size and sha256 of a resource, as a Data Package records them."""
    size, sha256 = file_digest(path)
    return {"bytes": size, "hash": "sha256:" + sha256}


def _licence(spdx: str) -> dict[str, str]:
    return {"name": spdx, "path": licence_url(spdx), "title": spdx}
