"""Open-data records as tables: CSV (RFC 4180), Excel (.xlsx) and SQLite with full-text search.

Every writer gives the same bytes for the same records (no clock, no random order).
"""

from __future__ import annotations

import csv
import io
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from adviesregister.content.model import Gemeente

LIST_SEPARATOR = "; "
# (column, Frictionless type, Dutch description for columns that are not front-matter fields as such)
COLUMNS: list[tuple[str, str, str | None]] = [
    ("id", "string", None),
    ("soort", "string", None),
    ("adviestype", "string", None),
    ("stuktype", "string", None),
    ("titel", "string", None),
    ("datum", "string", None),
    ("gemeente", "string", None),
    ("gemeente_naam", "string", "De naam van de gemeente."),
    ("van", "string", None),
    ("aan", "string", None),
    ("onderwerp", "string", None),
    ("samenvatting", "string", None),
    ("themas", "string", "Thema's, gescheiden door '; '."),
    ("uw_brief", "string", "Kenmerk 'Uw brief' uit de brief."),
    ("uw_kenmerk", "string", "Kenmerk 'Uw kenmerk' uit de brief."),
    ("ons_kenmerk", "string", "Kenmerk 'Ons kenmerk' uit de brief."),
    ("zaaknummer", "string", "Het zaaknummer van de gemeente."),
    ("bijlagen", "string", "De bijlagen, gescheiden door '; '."),
    ("aanbevelingen", "string", "De aanbevelingen van een advies, gescheiden door '; '."),
    ("reactie_op", "string", "Id's van de documenten waarop dit document antwoordt, gescheiden door '; '."),
    ("hoort_bij", "string", "Id's van de documenten waar dit stuk bij hoort, gescheiden door '; '."),
    ("besluit", "string", None),
    ("besluit_citaat", "string", None),
    ("besluiten", "string", "Besluit per aanbeveling, als 'aanbeveling: besluit', gescheiden door '; '."),
    ("tekst_beschikbaar", "boolean", None),
    ("bron_bestand", "string", "Pad van het originele bestand in de bronbestanden van het archief."),
    ("bron_sha256", "string", "Het sha256-controlegetal van het originele bestand."),
    ("status", "string", None),
    ("reacties", "string", "Id's van de reacties op dit document, oudste eerst, gescheiden door '; '."),
    ("stukken", "string", "Id's van de stukken die bij dit document horen, gescheiden door '; '."),
    ("uiterste_reactiedatum", "date", None),
    ("reactietijd", "integer", None),
    ("url", "string", "Vaste webadres van de pagina van het document."),
    ("tekst_platte", "string", "De tekst van de brief zonder opmaak."),
]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def flatten(record: dict[str, Any]) -> dict[str, Any]:
    """One record as one table row: lists joined readably, kenmerken and bron as their own columns."""
    kenmerken = record.get("kenmerken") or {}
    bron = record.get("bron") or {}
    row: dict[str, Any] = {}
    for name, _, _ in COLUMNS:
        if name in ("uw_brief", "uw_kenmerk", "ons_kenmerk", "zaaknummer"):
            row[name] = kenmerken.get(name)
        elif name == "bron_bestand":
            row[name] = bron.get("bestand")
        elif name == "bron_sha256":
            row[name] = bron.get("sha256")
        elif name == "besluiten":
            row[name] = LIST_SEPARATOR.join(f"{b['aanbeveling']}: {b['besluit']}" for b in record["besluiten"])
        elif isinstance(record.get(name), list):
            row[name] = LIST_SEPARATOR.join(record[name])
        else:
            row[name] = record.get(name)
    return row


def spreadsheet_safe(value: Any) -> Any:
    """Text that a spreadsheet would take for a formula gets a leading apostrophe (OWASP CSV injection)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(path: Path, records: Iterable[dict[str, Any]]) -> None:
    """RFC 4180: comma-separated, double quotes, CRLF line ends, UTF-8 with a header row."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([name for name, _, _ in COLUMNS])
    for record in records:
        row = flatten(record)
        writer.writerow(["" if row[name] is None else _csv_value(spreadsheet_safe(row[name])) for name, _, _ in COLUMNS])
    path.write_bytes(buffer.getvalue().encode("utf-8"))


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
    sheet.append([name for name, _, _ in COLUMNS])
    for record in records:
        row = flatten(record)
        cells = []
        for name, _, _ in COLUMNS:
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
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
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
    """Tables documenten, relaties, gemeenten, themas, aanbevelingen and besluiten, and a full-text index (FTS5)."""
    columns = [(name, kind) for name, kind, _ in COLUMNS]
    sql_type = {"string": "TEXT", "boolean": "INTEGER", "integer": "INTEGER", "date": "TEXT"}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "db.sqlite"
        db = sqlite3.connect(work)
        db.executescript(
            "CREATE TABLE documenten ("
            + ", ".join(f"{name} {sql_type[kind]}" + (" PRIMARY KEY" if name == "id" else "") for name, kind in columns)
            + ", tekst TEXT);"
            "CREATE TABLE gemeenten (slug TEXT PRIMARY KEY, naam TEXT, cbs_code TEXT, tooi_uri TEXT, adviesraad TEXT, reactietermijn_weken INTEGER);"
            "CREATE TABLE relaties (van TEXT, naar TEXT, soort TEXT, tooi_uri TEXT);"
            "CREATE TABLE themas (document TEXT, thema TEXT);"
            "CREATE TABLE aanbevelingen (document TEXT, volgnummer INTEGER, tekst TEXT);"
            "CREATE TABLE besluiten (document TEXT, volgnummer INTEGER, aanbeveling TEXT, besluit TEXT, citaat TEXT);"
            "CREATE VIRTUAL TABLE documenten_fts USING fts5(id UNINDEXED, titel, tekst, tokenize='unicode61 remove_diacritics 2');"
        )
        for record in records:
            row = flatten(record)
            db.execute(f"INSERT INTO documenten VALUES ({', '.join('?' * (len(columns) + 1))})", [row[name] for name, _ in columns] + [record["tekst"]])
            for relatie in record["relaties"]:
                db.execute("INSERT INTO relaties VALUES (?, ?, 'reactie_op', ?)", (record["id"], relatie["doel"], relatie["type"]))
            db.executemany("INSERT INTO relaties VALUES (?, ?, 'hoort_bij', NULL)", [(record["id"], target) for target in record["hoort_bij"]])
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
        db.commit()
        db.execute("VACUUM")
        db.close()
        path.write_bytes(work.read_bytes())
