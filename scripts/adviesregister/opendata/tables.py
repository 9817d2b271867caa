"""Open-data records as tables: CSV (RFC 4180), Excel (.xlsx) and SQLite with full-text search.

Every writer gives the same bytes for the same records (no clock, no random order).
"""

from __future__ import annotations

import csv
import io
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from adviesregister.content.model import Gemeente
from adviesregister.content.spreadsheet import spreadsheet_safe
from adviesregister.opendata.fields import record_fields
from adviesregister.opendata.woo import IS_REACTIE_OP, VERWIJST_NAAR

LIST_SEPARATOR = "; "
JSON_ONLY = frozenset({"tekst", "tooi", "relaties", "geschiedenis"})
"""Fields the tables leave to the JSON: the Markdown text (the tables have tekst_platte), nested identifiers (SQLite has a relaties table) and the history (gepubliceerd and gewijzigd are columns)."""
GROUP_PREFIX = {"kenmerken": "", "bron": "bron_"}
"""A group field becomes one column per part: kenmerken.uw_brief → uw_brief, bron.bestand → bron_bestand."""
PLACED_AFTER = {"datum_precisie": "datum", "datum_begin": "datum_precisie", "datum_eind": "datum_begin", "gemeente_naam": "gemeente"}
"""Columns that stand beside a related one instead of in record order."""
ITEM_TEXT: dict[str, Callable[[dict[str, Any]], str]] = {"besluiten": lambda besluit: f"{besluit['aanbeveling']}: {besluit['besluit']}"}
"""How a list of groups is written in one cell."""
TABLE_DESCRIPTIONS = {
    "themas": "Thema's, gescheiden door '; '.",
    "uw_brief": "Kenmerk 'Uw brief' uit de brief.",
    "uw_kenmerk": "Kenmerk 'Uw kenmerk' uit de brief.",
    "ons_kenmerk": "Kenmerk 'Ons kenmerk' uit de brief.",
    "zaaknummer": "Het zaaknummer van de gemeente.",
    "bijlagen": "De bijlagen, gescheiden door '; '.",
    "aanbevelingen": "De aanbevelingen van een advies, in de volgorde van de brief, gescheiden door '; '. Leeg als ze niet apart zijn vastgelegd (ze staan dan alleen in de tekst).",
    "reactie_op": "Id's van de documenten waarop dit document antwoordt, gescheiden door '; '.",
    "hoort_bij": "Id's van de documenten waar dit stuk bij hoort, gescheiden door '; '.",
    "ingevuld_door_mens": "De velden die een mens bij de import invulde, gescheiden door '; '.",
    "besluiten": "Besluit per aanbeveling, als 'aanbeveling: besluit', gescheiden door '; '.",
    "bron_bestand": "Pad van het originele bestand in de bronbestanden van het archief; leeg als het origineel niet gepubliceerd is.",
    "bron_url": "Webadres van het gepubliceerde originele bestand; leeg als het origineel persoonsgegevens bevat en niet gepubliceerd is.",
    "bron_sha256": "Het sha256-controlegetal van het originele bestand zoals het archief het bewaart (een gepubliceerde PDF is een schone kopie met een eigen controlegetal, op de pagina van het document).",
    "bron_sha256_gepubliceerd": "Het sha256-controlegetal van het bestand op bron_url (bij een PDF de schone kopie); leeg als het origineel niet gepubliceerd is.",
    "reacties": "Id's van de reacties op dit document, oudste eerst, gescheiden door '; '.",
    "stukken": "Id's van de stukken die bij dit document horen, gescheiden door '; '.",
}
"""Where a column says more than its field's description: how a list or a group is written in a table."""
SQLITE_TABLES = {
    "gemeenten": "Eén regel per gemeente: korte naam, naam, CBS-code, TOOI-code, de (eerste) adviesraad en de reactietermijn in weken.",
    "adviesraden": "Eén regel per adviesraad van een gemeente (sinds schema 3.2.0), genummerd zoals in content/gemeenten.yml: naam, afkortingen (gescheiden door '; '), website en contact (een functionele mailbox of het webadres van een contactformulier).",
    "documenten": "Eén regel per document, met dezelfde kolommen als de CSV en de tekst in Markdown.",
    "relaties": "Welk document op welk antwoordt (soort 'reactie_op') of bij welk hoort ('hoort_bij'), met de TOOI-relatie.",
    "themas": "Eén regel per document en thema.",
    "aanbevelingen": "De aanbevelingen van een advies, genummerd in de volgorde van de brief.",
    "besluiten": "Het besluit van het college per aanbeveling, met de zin uit de brief.",
    "documenten_fts": "Zoekindex (FTS5) op titel en tekst: SELECT id FROM documenten_fts WHERE documenten_fts MATCH 'woord'.",
}
"""What each table of the SQLite file holds, for the Open data page (the columns are read from the file)."""
RELATION_FIELD = {IS_REACTIE_OP.uri: "reactie_op", VERWIJST_NAAR.uri: "hoort_bij"}
"""The relaties table's soort: the front-matter field a relation comes from."""


@dataclass(frozen=True)
class Column:
    naam: str
    soort: str
    """Frictionless field type: string, boolean, integer or date."""
    beschrijving: str
    field: str
    """The record field the value comes from."""
    deel: str | None = None
    """For a group field: the part (kenmerken.uw_brief)."""


@cache
def columns() -> tuple[Column, ...]:
    """The table columns, made from the record fields."""
    out: list[Column] = []
    for field in record_fields():
        if field.naam in JSON_ONLY:
            continue
        value = _value_schema(field.schema)
        if field.naam in GROUP_PREFIX:
            for part, spec in value["properties"].items():
                naam = GROUP_PREFIX[field.naam] + part
                out.append(Column(naam, _table_type(spec), TABLE_DESCRIPTIONS.get(naam, spec.get("description", "")), field.naam, part))
            continue
        beschrijving = field.beschrijving
        if value.get("type") == "array":
            beschrijving = TABLE_DESCRIPTIONS.get(field.naam, f"{field.beschrijving} Gescheiden door '{LIST_SEPARATOR.strip()} '.")
        out.append(Column(field.naam, _table_type(value), beschrijving, field.naam))
    for naam, after in PLACED_AFTER.items():
        moved = next(column for column in out if column.naam == naam)
        out.remove(moved)
        out.insert(next(i for i, column in enumerate(out) if column.naam == after) + 1, moved)
    return tuple(out)


def _value_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema of a field's value when it is not empty."""
    options: list[dict[str, Any]] = [option for option in schema.get("anyOf", [schema]) if option.get("type") != "null"]
    return options[0]


def _table_type(spec: dict[str, Any]) -> str:
    if spec.get("format") == "date":
        return "date"
    kind = spec.get("type")
    return kind if kind in ("boolean", "integer") else "string"


def flatten(record: dict[str, Any]) -> dict[str, Any]:
    """One record as one table row: lists joined readably, groups as their own columns."""
    row: dict[str, Any] = {}
    for column in columns():
        value = record.get(column.field)
        if column.deel is not None:
            row[column.naam] = (value or {}).get(column.deel)
        elif isinstance(value, list):
            text = ITEM_TEXT.get(column.field, str)
            row[column.naam] = LIST_SEPARATOR.join(text(item) for item in value)
        else:
            row[column.naam] = value
    return row


def write_csv(path: Path, records: Iterable[dict[str, Any]], excel: bool = False) -> None:
    """RFC 4180: comma-separated, double quotes, CRLF line ends, UTF-8 with a header row, every value as it is (for
    programs). `excel`: the same table as Excel set to Dutch opens it with a double click: semicolons (its list
    separator there), a byte order mark (else it reads the UTF-8 as Windows-1252 and 'ë' becomes 'Ã«') and the formula
    guard, an apostrophe before text that starts with '=', '+', '-' or '@' (content/spreadsheet.py)."""
    buffer = io.StringIO(newline="")
    if excel:
        buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";" if excel else ",", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    names = [column.naam for column in columns()]
    writer.writerow(names)
    for record in records:
        row = flatten(record)
        guard = spreadsheet_safe if excel else _as_it_is
        writer.writerow(["" if row[name] is None else _csv_value(guard(row[name])) for name in names])
    path.write_bytes(buffer.getvalue().encode("utf-8"))


def _as_it_is(value: Any) -> Any:
    return value


def _csv_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_xlsx(path: Path, records: Iterable[dict[str, Any]], stamp: datetime) -> None:
    """An Excel workbook Dutch spreadsheet users open directly. Text stays text: nothing in it can run as a formula."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell
    from openpyxl.writer.excel import ExcelWriter

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "documenten"
    names = [column.naam for column in columns()]
    sheet.append(names)
    for record in records:
        row = flatten(record)
        cells = []
        for name in names:
            cell = Cell(sheet, value=None)
            value = row[name]
            if isinstance(value, str):
                cell._value = value  # set directly as text: openpyxl would turn '=…' into a formula
                cell.data_type = "s"
            else:
                cell.value = value
            cells.append(cell)
        sheet.append(cells)
    sheet.freeze_panes = "A2"
    workbook.properties.creator = "Adviesregister"
    workbook.properties.created = stamp
    workbook.properties.modified = stamp
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:  # compressed once, by _stable_zip
        ExcelWriter(workbook, archive).save()  # not workbook.save(): that stamps the wall clock into docProps/core.xml
    path.write_bytes(_stable_zip(buffer.getvalue(), stamp))


def _stable_zip(data: bytes, stamp: datetime) -> bytes:
    """The same zip with every entry's time set to `stamp`, so that equal content gives equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in sorted(source.infolist(), key=lambda item: item.filename != "[Content_Types].xml"):
            entry = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def write_sqlite(path: Path, records: list[dict[str, Any]], gemeenten: dict[str, Gemeente]) -> None:
    """Tables documenten, relaties, gemeenten, themas, aanbevelingen and besluiten, joined by declared foreign keys,
    and a full-text index (FTS5)."""
    table = [(column.naam, column.soort) for column in columns()]
    sql_type = {"string": "TEXT", "boolean": "INTEGER", "integer": "INTEGER", "date": "TEXT"}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "db.sqlite"
        db = sqlite3.connect(work)
        keys = {"id": " PRIMARY KEY", "gemeente": " REFERENCES gemeenten(slug)"}
        document = "TEXT NOT NULL REFERENCES documenten(id)"
        db.executescript(  # foreign keys declared, so a tool (or PRAGMA foreign_keys) knows how the tables join
            "CREATE TABLE gemeenten (slug TEXT PRIMARY KEY, naam TEXT, cbs_code TEXT, tooi_uri TEXT, adviesraad TEXT, reactietermijn_weken INTEGER);"
            "CREATE TABLE adviesraden (gemeente TEXT NOT NULL REFERENCES gemeenten(slug), volgnummer INTEGER NOT NULL, naam TEXT, afkortingen TEXT, website TEXT, contact TEXT, PRIMARY KEY (gemeente, volgnummer));"
            "CREATE TABLE documenten (" + ", ".join(f"{name} {sql_type[kind]}" + keys.get(name, "") for name, kind in table) + ", tekst TEXT);"
            f"CREATE TABLE relaties (van {document}, naar {document}, soort TEXT NOT NULL, tooi_uri TEXT);"
            f"CREATE TABLE themas (document {document}, thema TEXT NOT NULL, PRIMARY KEY (document, thema));"
            f"CREATE TABLE aanbevelingen (document {document}, volgnummer INTEGER NOT NULL, tekst TEXT, PRIMARY KEY (document, volgnummer));"
            f"CREATE TABLE besluiten (document {document}, volgnummer INTEGER NOT NULL, aanbeveling TEXT, besluit TEXT, citaat TEXT, PRIMARY KEY (document, volgnummer));"
            "CREATE VIRTUAL TABLE documenten_fts USING fts5(id UNINDEXED, titel, tekst, tokenize='unicode61 remove_diacritics 2');"
        )
        for record in records:
            row = flatten(record)
            db.execute(f"INSERT INTO documenten VALUES ({', '.join('?' * (len(table) + 1))})", [row[name] for name, _ in table] + [record["tekst"]])
            db.executemany(
                "INSERT INTO relaties VALUES (?, ?, ?, ?)", [(record["id"], r["doel"], RELATION_FIELD[r["type"]], r["type"]) for r in record["relaties"]]
            )
            db.executemany("INSERT INTO themas VALUES (?, ?)", [(record["id"], thema) for thema in record["themas"]])
            db.executemany("INSERT INTO aanbevelingen VALUES (?, ?, ?)", [(record["id"], i + 1, tekst) for i, tekst in enumerate(record["aanbevelingen"])])
            db.executemany(
                "INSERT INTO besluiten VALUES (?, ?, ?, ?, ?)",
                [(record["id"], i + 1, b["aanbeveling"], b["besluit"], b["citaat"]) for i, b in enumerate(record["besluiten"])],
            )
            db.execute(
                "INSERT INTO documenten_fts (rowid, id, titel, tekst) VALUES ((SELECT rowid FROM documenten WHERE id = ?), ?, ?, ?)",
                (record["id"], record["id"], record["titel"], record["tekst_platte"]),
            )
        db.executemany(
            "INSERT INTO gemeenten VALUES (?, ?, ?, ?, ?, ?)",
            [(g.slug, g.naam, g.cbs_code, g.tooi_uri, g.adviesraad, g.reactietermijn_weken) for g in sorted(gemeenten.values(), key=lambda g: g.slug)],
        )
        db.executemany(
            "INSERT INTO adviesraden VALUES (?, ?, ?, ?, ?, ?)",
            [
                (g.slug, i + 1, raad.naam, LIST_SEPARATOR.join(raad.afkortingen), raad.website, raad.contact)
                for g in sorted(gemeenten.values(), key=lambda g: g.slug)
                for i, raad in enumerate(g.adviesraden)
            ],
        )
        db.commit()
        db.execute("VACUUM")
        db.close()
        path.write_bytes(work.read_bytes())
