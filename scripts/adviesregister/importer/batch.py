"""The table that ends a batch import: per letter what was found, what a person gave, what is still open, and the
options the letter contradicts. Printed once to stdout, and written with --tabel as a CSV that Dutch Excel opens (`;`,
UTF-8 with a byte order mark, every cell guarded against formulas) for a secretary to fill in; `import --aanvullen`
reads it back (see fill_in.py)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from adviesregister.content.spreadsheet import spreadsheet_safe
from adviesregister.importer.result import ImportResult

FIELDS = ("soort", "datum", "gemeente", "besluit", "adviestype", "reactie_op")
"""The fields a person can fill in the table: one column each."""

COLUMNS = ("bestand", "document", *FIELDS)
"""The columns of the CSV, in order."""

SHOWN = ("soort", "datum", "gemeente", "besluit")
"""The fields the printed table shows (the CSV has all of FIELDS)."""

LIST_SEPARATOR = "; "
"""Between the ids of reactie_op in one cell."""

FOUND, GIVEN, OPEN, CONFLICT, NOT_APPLICABLE = "gevonden", "gegeven", "open", "conflict", "n.v.t."
"""How a field of a letter stands after its import."""


@dataclass
class Row:
    """One letter of the batch."""

    file: str
    document: str = ""
    values: dict[str, str] = field(default_factory=dict)
    """Field → its value as the table writes it; absent when open."""
    staat: dict[str, str] = field(default_factory=dict)
    """Field → FOUND, GIVEN, OPEN, CONFLICT or NOT_APPLICABLE."""
    open: list[str] = field(default_factory=list)
    """The fields still open that the document needs or its kind asks for."""
    opmerking: str = ""
    """Why the letter has no document (no letter, refused), in Dutch."""
    conflicten: list[str] = field(default_factory=list)
    """Options the letter contradicts, in Dutch."""


def applies(field: str, soort: object) -> bool:
    """Whether a field belongs to a document of this soort (besluit and reactie_op to a response, adviestype to an advice);
    every field may, while the soort is open."""
    if soort is None:
        return True
    return {"besluit": soort == "reactie", "reactie_op": soort == "reactie", "adviestype": soort == "advies"}.get(field, True)


def row_of(result: ImportResult) -> Row:
    """The row of one imported letter (its first record: the letter itself)."""
    record = result.records[0]
    front_matter = record.front_matter
    row = Row(result.file, record.path, conflicten=list(result.conflicten.values()))
    for field_name in FIELDS:
        value = front_matter.get(field_name)
        if value is not None:
            row.values[field_name] = LIST_SEPARATOR.join(map(str, value)) if isinstance(value, list) else str(value)
        if not applies(field_name, front_matter.get("soort")):
            row.staat[field_name] = NOT_APPLICABLE
        elif value is None:
            row.staat[field_name] = OPEN
        else:
            row.staat[field_name] = CONFLICT if field_name in result.conflicten else GIVEN if field_name in result.ingevuld else FOUND
    needed = ["titel", "soort", "datum", "gemeente"] + (["reactie_op", "besluit"] if front_matter.get("soort") == "reactie" else [])
    row.open = [field_name for field_name in needed if front_matter.get(field_name) is None]
    return row


def refused_row(file: str, reason: str) -> Row:
    """The row of a letter that made no document."""
    return Row(file, opmerking=reason)


def format_table(rows: list[Row]) -> str:
    """The printed table: per letter the file, soort, datum, gemeente, besluit, and what is still open."""
    header = ["bestand", *SHOWN, "nog open"]
    lines = [header]
    for row in rows:
        if row.opmerking:
            lines.append([row.file, *("-" for _ in SHOWN), row.opmerking])
            continue
        lines.append([row.file, *(_cell(row, field) for field in SHOWN), ", ".join(row.open) or "niets"])
    widths = [max(len(line[column]) for line in lines) for column in range(len(header))]
    text = ["  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip() for line in lines]
    text.insert(1, "  ".join("-" * width for width in widths))
    open_count = sum(1 for row in rows if row.open or row.opmerking)
    conflicts = [f"- {row.file}: {conflict}" for row in rows for conflict in row.conflicten]
    if conflicts:
        text += ["", "Optie niet gebruikt (de brief noemt zelf een waarde, die blijft staan):", *conflicts]
    return "\n".join([f"Overzicht van {len(rows)} brieven ({open_count} met iets open):", *text])


def _cell(row: Row, field: str) -> str:
    staat = row.staat.get(field, OPEN)
    if staat in (OPEN, NOT_APPLICABLE):
        return staat
    value = row.values[field]
    return value if staat == FOUND else f"{value} ({staat})"


def table_csv(rows: list[Row]) -> bytes:
    """The table as Dutch Excel opens it with a double click: `;`, CRLF, UTF-8 with a byte order mark; filled cells show
    what the import found (or a person gave), open cells are empty; every cell guarded against formulas."""
    buffer = io.StringIO(newline="")
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for row in rows:
        if row.opmerking:
            continue
        writer.writerow([spreadsheet_safe(cell) for cell in (row.file, row.document, *(row.values.get(field, "") for field in FIELDS))])
    return buffer.getvalue().encode("utf-8")


def write_table(path: Path, rows: list[Row]) -> None:
    """Write the CSV of the table (a file of the person's choosing, outside the archive's content)."""
    path.write_bytes(table_csv(rows))
