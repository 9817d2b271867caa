"""The field tables of the Open data page: per download what each field or column holds, made from the same lists
that write the files (and, for SQLite, read from the file itself), so a table never describes a column that is not there."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from adviesregister.opendata.downloads import CSV_TABLE, DOCUMENT_FOLDER, EXCEL_TABLE, JSON_DUMP, SQLITE_DATABASE, XLSX_TABLE
from adviesregister.opendata.fields import record_fields
from adviesregister.opendata.figures_export import FIGURE_COLUMNS
from adviesregister.opendata.tables import SQLITE_TABLES, columns

TABLE_TYPES = {"string": "tekst", "date": "datum (JJJJ-MM-DD)", "integer": "geheel getal", "boolean": "true of false", "number": "getal"}


@dataclass(frozen=True)
class FieldTable:
    titel: str
    files: tuple[str, ...]
    header: tuple[str, str, str]
    """The three column headings."""
    rows: list[tuple[str, str, str]]


def field_tables(sqlite: list[tuple[str, str, str]]) -> list[FieldTable]:
    """One table per kind of download: the JSON, the tables (CSV, Excel), SQLite (`sqlite`: its tables, read from the
    file when it was written, see sqlite_tables) and the figures."""
    return [
        FieldTable(
            "De JSON",
            (JSON_DUMP, f"{DOCUMENT_FOLDER}/"),
            ("Veld", "Soort", "Betekenis"),
            [(field.naam, field.soort, field.beschrijving) for field in record_fields()],
        ),
        FieldTable(
            "De tabel: CSV en Excel",
            (CSV_TABLE, EXCEL_TABLE, XLSX_TABLE),
            ("Kolom", "Soort", "Betekenis"),
            [(column.naam, TABLE_TYPES[column.soort], column.beschrijving) for column in columns()],
        ),
        FieldTable("De database", (SQLITE_DATABASE,), ("Tabel", "Kolommen", "Wat erin staat"), sqlite),
        FieldTable(
            "De cijfers",
            ("cijfers.csv", "cijfers.json"),
            ("Kolom", "Soort", "Betekenis"),
            [(column.naam, TABLE_TYPES[column.soort], column.beschrijving) for column in FIGURE_COLUMNS],
        ),
    ]


def sqlite_tables(path: Path) -> list[tuple[str, str, str]]:
    """Each table of a written SQLite file with its columns, as the file declares them, and what the table holds."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        tables = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid") if name in SQLITE_TABLES]
        return [(name, ", ".join(row[1] for row in db.execute(f"PRAGMA table_info({name})")), SQLITE_TABLES[name]) for name in tables]
