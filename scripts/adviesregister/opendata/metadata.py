"""What the download says about itself: the JSON Schema of the records and the Data Package (DCAT: dcat.py)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from adviesregister.opendata.cijfers import FIGURE_COLUMNS
from adviesregister.opendata.dcat import licence_url
from adviesregister.opendata.fields import record_fields
from adviesregister.opendata.tables import columns


def export_schema() -> dict[str, Any]:
    """JSON Schema of adviesregister.json, made from the front-matter schema (every field may be null) plus the derived fields."""
    document = {field.naam: {"description": field.beschrijving, **field.schema} for field in record_fields()}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://adviesregister.nl/schema/adviesregister.schema.json",
        "title": "Adviesregister: open data",
        "description": "De volledige download: een kop met de gegevens van de download, en alle documenten met hun berekende velden en tekst.",
        "type": "object",
        "required": ["kop", "documenten"],
        "additionalProperties": False,
        "properties": {
            "kop": {
                "type": "object",
                "required": ["schema_versie", "aantal_documenten", "peildatum", "licentie", "bron_commit"],
                "properties": {
                    "schema_versie": {"type": "string", "description": "Versie van dit schema (semantic versioning)."},
                    "aantal_documenten": {"type": "integer", "description": "Aantal documenten in de download."},
                    "peildatum": {
                        "type": "string",
                        "format": "date",
                        "description": "De dag vanaf wanneer de statussen gelden zoals ze in de download staan: de laatste dag waarop er iets veranderde (gelijk aan 'gewijzigd'). Het is niet de dag van de bouw, zodat de download alleen verandert als de gegevens veranderen.",
                    },
                    "statussen_geldig_tot": {
                        "anyOf": [{"type": "string", "format": "date"}, {"type": "null"}],
                        "description": "Tot en met deze dag gelden de statussen zeker: de dag daarna loopt de reactietermijn van een advies af dat nog op een reactie wacht. Leeg als geen advies wacht. Een nieuwe reactie kan een status eerder veranderen.",
                    },
                    "gewijzigd": {
                        "type": "string",
                        "format": "date",
                        "description": "De laatste dag waarop de gegevens veranderden: een document erbij of gewijzigd (volgens git; zonder git de datum van het nieuwste document), of een advies waarvan de reactietermijn verliep.",
                    },
                    "licentie": {"type": "string", "description": "De licentie van de gegevens (SPDX)."},
                    "bron_commit": {
                        "anyOf": [{"type": "string"}, {"type": "null"}],
                        "description": "De versie (git-commit) van het archief, als die bekend is.",
                    },
                    "uitgever": {"type": "string", "description": "Wie de download uitgeeft."},
                    "url": {"type": "string", "description": "Het webadres van het archief."},
                },
            },
            "documenten": {"type": "array", "items": {"$ref": "#/$defs/document"}},
        },
        "$defs": {"document": {"type": "object", "required": sorted(document), "additionalProperties": False, "properties": document}},
    }


def datapackage(header: dict[str, Any], out: Path) -> dict[str, Any]:
    """Frictionless Data Package v2 describing the CSV (with field types and descriptions) and the JSON."""
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
            _csv(out, "adviesregister.csv", fields, ["id"], "Eén regel per document (RFC 4180)."),
            _csv(
                out, "adviesregister-excel.csv", fields, ["id"], "Dezelfde tabel, voor Excel met Nederlandse instellingen: puntkomma's en een BOM.", excel=True
            ),
            _json(out, "adviesregister.json", "Alle velden, ook lijsten en de tekst; beschreven door schema/adviesregister.schema.json."),
            _csv(
                out,
                "cijfers.csv",
                [{"name": column.naam, "type": column.soort, "description": column.beschrijving} for column in FIGURE_COLUMNS],
                ["soort", "sleutel"],
                "De cijfers van de pagina Cijfers: per gemeente, jaar en thema (en het hele archief) de uitkomsten van de adviezen, de reactietijd en de termijn.",
            ),
            _json(out, "cijfers.json", "Dezelfde cijfers als cijfers.csv, met de kop van de download (peildatum)."),
        ],
    }


def _csv(out: Path, name: str, fields: list[dict[str, str]], key: list[str], description: str, excel: bool = False) -> dict[str, Any]:
    """A table resource: its file's facts, dialect (commas, or semicolons with a BOM for Excel) and schema."""
    return {
        "name": name.replace(".", "-"),
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


def _json(out: Path, name: str, description: str) -> dict[str, Any]:
    return {
        "name": name.replace(".", "-"),
        "path": name,
        "format": "json",
        "mediatype": "application/json",
        "encoding": "utf-8",
        **_file_facts(out / name),
        "description": description,
    }


def _file_facts(path: Path) -> dict[str, Any]:
    """Size and sha256 of a resource, as a Data Package records them."""
    data = path.read_bytes()
    return {"bytes": len(data), "hash": "sha256:" + hashlib.sha256(data).hexdigest()}


def _licence(spdx: str) -> dict[str, str]:
    return {"name": spdx, "path": licence_url(spdx), "title": spdx}
