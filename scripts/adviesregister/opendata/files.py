"""The open-data download: JSON (whole and per document), CSV, Excel, SQLite, schemas, Data Package, DCAT and SHA256SUMS.

The same content, settings and SOURCE_DATE_EPOCH give byte-identical files.
"""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from adviesregister.content.derive import DERIVED_FIELDS, Derived
from adviesregister.content.model import Archive
from adviesregister.content.settings import Settings
from adviesregister.content.validate import load_schema
from adviesregister.opendata.records import SCHEMA_VERSION, document_record
from adviesregister.opendata.tables import COLUMNS, write_csv, write_sqlite, write_xlsx

DATA_FILES = ("adviesregister.json", "adviesregister.csv", "adviesregister.xlsx", "adviesregister.sqlite")
DOWNLOAD_FILES = (*DATA_FILES, "datapackage.json", "dataset.jsonld", "SHA256SUMS")
"""Every file at the top of the download, in the order the Open data page lists them."""
DERIVED_DESCRIPTIONS = {
    "status": "Berekend, alleen bij een advies: het besluit uit de laatste reactie van het college, of 'wacht op reactie' / 'reactie uitgebleven' volgens de reactietermijn van de gemeente.",
    "reacties": "Berekend: de id's van de documenten die op dit document antwoorden, oudste eerst.",
    "stukken": "Berekend: de id's van de stukken die bij dit document horen.",
    "uiterste_reactiedatum": "Berekend, alleen bij een advies: de laatste dag van de reactietermijn (bij een onvolledige datum gerekend vanaf het eind van die periode).",
    "reactietijd": "Berekend, alleen bij een advies met een reactie: het aantal dagen tot de eerste reactie, als beide datums volledig zijn.",
    "tekst": "De tekst van de brief in Markdown, zonder persoonsgegevens.",
    "tekst_platte": "De tekst van de brief zonder opmaak.",
    "gemeente_naam": "De naam van de gemeente.",
    "tooi": "Woo-identificaties (TOOI): informatiecategorie 'adviezen', documentsoort en gemeente.",
    "relaties": "Relaties met andere documenten, met de TOOI-relatie 'is reactie op'.",
    "url": "Vaste webadres van de pagina van het document.",
}


@dataclass(frozen=True)
class ExportResult:
    files: list[Path]
    records: list[dict[str, Any]]


def export_open_data(out: Path, archive: Archive, derived: dict[str, Derived], settings: Settings, peildatum: date, commit: str | None) -> ExportResult:
    """Write every open-data file into `out`; returns the files (SHA256SUMS last) and the records."""
    out.mkdir(parents=True, exist_ok=True)
    stamp = datetime.combine(peildatum, time(), tzinfo=UTC).replace(tzinfo=None)
    records = [document_record(doc, derived[doc.id], archive, settings.site_url) for doc in sorted(archive.documenten, key=lambda d: d.id)]
    header = {
        "schema_versie": SCHEMA_VERSION,
        "aantal_documenten": len(records),
        "peildatum": peildatum.isoformat(),
        "licentie": settings.licentie,
        "bron_commit": commit,
        "uitgever": settings.uitgever,
        "url": settings.site_url,
    }
    files: list[Path] = []

    def add(name: str, data: bytes) -> None:
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
        files.append(path)

    add("adviesregister.json", _json({"kop": header, "documenten": records}))
    for record in records:
        add(f"documenten/{record['id']}.json", _json(record))
    current = {f"{record['id']}.json" for record in records}
    for stale in (out / "documenten").glob("*.json"):  # a document that left the archive leaves the download too
        if stale.name not in current:
            stale.unlink()
    for name, writer in (
        ("adviesregister.csv", write_csv),
        ("adviesregister.xlsx", lambda p, r: write_xlsx(p, r, stamp)),
        ("adviesregister.sqlite", lambda p, r: write_sqlite(p, r, archive.gemeenten)),
    ):
        writer(out / name, records)
        files.append(out / name)
    add("schema/document.schema.json", _json(load_schema("document.schema.json")))
    add("schema/adviesregister.schema.json", _json(export_schema()))
    add("datapackage.json", _json(datapackage(header, out)))
    add("dataset.jsonld", _json(dcat_dataset(header, settings, out)))
    sums = "".join(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.relative_to(out).as_posix()}\n" for path in sorted(files))
    add("SHA256SUMS", sums.encode("utf-8"))
    return ExportResult(files, records)


def _json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def field_descriptions() -> list[tuple[str, str, str]]:
    """(field, type, Dutch description) for every field of a record: from the schema, then the derived ones."""
    properties = load_schema("document.schema.json")["properties"]
    out = [(name, _type_name(spec), spec["description"]) for name, spec in properties.items()]
    out += [(name, "berekend", DERIVED_DESCRIPTIONS[name]) for name in (*DERIVED_FIELDS, "tekst", "tekst_platte", "gemeente_naam", "tooi", "relaties", "url")]
    return out


def _type_name(spec: dict[str, Any]) -> str:
    return {"string": "tekst", "array": "lijst", "object": "groep", "boolean": "ja/nee", "integer": "getal"}.get(str(spec.get("type")), str(spec.get("type")))


def export_schema() -> dict[str, Any]:
    """JSON Schema of adviesregister.json, made from the front-matter schema (every field may be null) plus the derived fields."""
    source = load_schema("document.schema.json")
    document: dict[str, Any] = {}
    for name, spec in source["properties"].items():
        loose = {key: value for key, value in copy.deepcopy(spec).items() if key not in ("minItems", "examples")}
        document[name] = {"description": spec["description"], "anyOf": [loose, {"type": "null"}]}
    nullable = {"anyOf": [{"type": "string"}, {"type": "null"}]}
    document["status"] = {"description": DERIVED_DESCRIPTIONS["status"], **nullable}
    document["reacties"] = {"description": DERIVED_DESCRIPTIONS["reacties"], "type": "array", "items": {"type": "string"}}
    document["stukken"] = {"description": DERIVED_DESCRIPTIONS["stukken"], "type": "array", "items": {"type": "string"}}
    document["uiterste_reactiedatum"] = {
        "description": DERIVED_DESCRIPTIONS["uiterste_reactiedatum"],
        "anyOf": [{"type": "string", "format": "date"}, {"type": "null"}],
    }
    document["reactietijd"] = {"description": DERIVED_DESCRIPTIONS["reactietijd"], "anyOf": [{"type": "integer"}, {"type": "null"}]}
    for name in ("tekst", "tekst_platte"):
        document[name] = {"description": DERIVED_DESCRIPTIONS[name], "type": "string"}
    document["gemeente_naam"] = {"description": DERIVED_DESCRIPTIONS["gemeente_naam"], **nullable}
    document["url"] = {"description": DERIVED_DESCRIPTIONS["url"], **nullable}
    document["tooi"] = {
        "description": DERIVED_DESCRIPTIONS["tooi"],
        "type": "object",
        "required": ["informatiecategorie", "documentsoort", "gemeente"],
        "properties": {key: nullable for key in ("informatiecategorie", "documentsoort", "gemeente")},
        "additionalProperties": False,
    }
    document["relaties"] = {
        "description": DERIVED_DESCRIPTIONS["relaties"],
        "type": "array",
        "items": {
            "type": "object",
            "required": ["type", "label", "doel"],
            "properties": {"type": {"type": "string"}, "label": {"type": "string"}, "doel": {"type": "string"}},
        },
    }
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
                    "peildatum": {"type": "string", "format": "date", "description": "De datum waarop de statussen zijn berekend."},
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
    descriptions = {name: description for name, _, description in field_descriptions()}
    fields = [{"name": name, "type": kind, "description": own or descriptions.get(name, "")} for name, kind, own in COLUMNS]
    licence = _licence(str(header["licentie"]))
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "adviesregister",
        "title": "Adviesregister: adviezen van adviesraden sociaal domein en de reacties van het college",
        "description": "Alle adviezen, reacties en bijbehorende stukken in het Adviesregister, met berekende status en reactietijd.",
        "version": header["schema_versie"],
        "licenses": [licence],
        "resources": [
            {
                "name": "adviesregister-csv",
                "path": "adviesregister.csv",
                "type": "table",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                **_file_facts(out / "adviesregister.csv"),
                "dialect": {"delimiter": ",", "quoteChar": '"', "header": True, "lineTerminator": "\r\n"},
                "schema": {"fields": fields, "primaryKey": ["id"]},
            },
            {
                "name": "adviesregister-json",
                "path": "adviesregister.json",
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8",
                **_file_facts(out / "adviesregister.json"),
                "description": "Alle velden, ook lijsten en de tekst; beschreven door schema/adviesregister.schema.json.",
            },
        ],
    }


def _file_facts(path: Path) -> dict[str, Any]:
    """Size and sha256 of a resource, as a Data Package records them."""
    data = path.read_bytes()
    return {"bytes": len(data), "hash": "sha256:" + hashlib.sha256(data).hexdigest()}


def _licence(spdx: str) -> dict[str, str]:
    known = {"CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/", "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/"}
    return {"name": spdx, "path": known.get(spdx, f"https://spdx.org/licenses/{spdx}.html"), "title": spdx}


def dcat_dataset(header: dict[str, Any], settings: Settings, out: Path) -> dict[str, Any]:
    """The dataset described with the required DCAT-AP-NL 3.0 fields, as JSON-LD."""
    base = settings.site_url.rstrip("/") + "/open-data/"
    media = {
        "json": "application/json",
        "csv": "text/csv",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "sqlite": "application/vnd.sqlite3",
    }
    publisher = {"@type": "foaf:Organization", "foaf:name": settings.uitgever}
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "vcard": "http://www.w3.org/2006/vcard/ns#",
        },
        "@id": base,
        "@type": "dcat:Dataset",
        "dct:title": {"@language": "nl", "@value": "Adviesregister: adviezen sociaal domein en reacties van het college"},
        "dct:description": {
            "@language": "nl",
            "@value": "Adviezen van adviesraden sociaal domein aan colleges van burgemeester en wethouders, hun reacties en bijbehorende stukken, met status en reactietijd.",
        },
        "dct:identifier": base,
        "dct:publisher": publisher,
        "dct:creator": publisher,
        "dcat:contactPoint": {"@type": "vcard:Organization", "vcard:fn": settings.uitgever, "vcard:hasEmail": f"mailto:{settings.contact}"},
        "dct:accessRights": {"@id": "http://publications.europa.eu/resource/authority/access-right/PUBLIC"},
        "dcat:theme": {"@id": "http://standaarden.overheid.nl/owms/terms/Zorg_en_gezondheid"},
        "dct:license": {"@id": _licence(str(header["licentie"]))["path"]},
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/NLD"},
        "dct:modified": header["peildatum"],
        "dcat:landingPage": {"@id": base},
        "dcat:distribution": [
            {
                "@type": "dcat:Distribution",
                "dct:title": name,
                "dcat:accessURL": {"@id": base},
                "dcat:downloadURL": {"@id": base + name},
                "dcat:mediaType": media[name.rsplit(".", 1)[1]],
                "dcat:byteSize": (out / name).stat().st_size,
                "dct:license": {"@id": _licence(str(header["licentie"]))["path"]},
            }
            for name in DATA_FILES
        ],
    }
