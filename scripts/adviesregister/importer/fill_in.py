"""`import --aanvullen tabel.csv`: the table of a batch import (see batch.py), filled in by a person, read back.

The table may come back as Dutch Excel saves it: `;` or `,` between the cells (sniffed), UTF-8 with or without a byte
order mark, or Windows-1252; the formula guard's apostrophe is removed. Per row, only the fields still empty in the
document are filled (never overwritten) and recorded as given by a person (ingevuld_door_mens). A row is refused, with
a Dutch message naming the table, its line and the field, when its document is unknown, was edited since its import
(bron.ingelezen tells, see reimport.py) or a value is not valid (the schema, a real date, a gemeente of gemeenten.yml).
The rows that pass are written together, all or nothing, under the archive's lock.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from adviesregister.base.atomic import archive_lock, write_all
from adviesregister.base.errors import AdviesregisterError
from adviesregister.content.gemeenten_schrijven import GemeenteError, resolve_gemeente
from adviesregister.content.model import Datum, DatumError, Gemeente
from adviesregister.content.parse import ParseError, parse_document, read_content_file
from adviesregister.content.project import Project
from adviesregister.content.schema import DOCUMENT_SCHEMA
from adviesregister.content.spreadsheet import unguarded
from adviesregister.content.validate import validate_data
from adviesregister.importer.batch import COLUMNS, FIELDS
from adviesregister.importer.reimport import PERSON, edited_since_import, given_by_person, person_fields
from adviesregister.importer.result import Record


class TableError(AdviesregisterError):
    """The table as a whole cannot be read (its encoding, its columns); the message says why, in Dutch."""


@dataclass
class FillResult:
    ingevuld: list[str] = field(default_factory=list)
    """Per document: what was filled in, in Dutch."""
    geweigerd: list[str] = field(default_factory=list)
    """Per row: why it was refused, in Dutch, naming the table, the line and the field."""
    niet_gebruikt: list[str] = field(default_factory=list)
    """Cells with another value than the document already holds: the document's value stays."""
    geschreven: list[str] = field(default_factory=list)
    """The documents written (paths from the project)."""
    opmerkingen: list[str] = field(default_factory=list)
    """What a person may want to do next (a document's id made before its gemeente or date was known), in Dutch."""


def read_table(raw: bytes, naam: str) -> list[tuple[int, dict[str, str]]]:
    """The rows of the table with their line in the file (the header is line 1), each cell without the formula guard."""
    text = _decode(raw, naam)
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=";,")
    except csv.Error:
        raise TableError(f"{naam}: de eerste regel heeft geen kolommen gescheiden door ';' of ','. Gebruik de tabel die import --tabel schreef.") from None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=dialect.delimiter, quotechar='"')
    header = [cell.strip() for cell in next(reader, [])]
    missing = [column for column in ("document", *FIELDS) if column not in header]
    if missing:
        raise TableError(
            f"{naam}: de kolom {', '.join(missing)} ontbreekt. De tabel moet de kolommen {', '.join(COLUMNS)} hebben, zoals import --tabel ze schreef."
        )
    rows = []
    for cells in reader:
        if any(cell.strip() for cell in cells):
            rows.append((reader.line_num, {column: unguarded(cell.strip()) for column, cell in zip(header, cells, strict=False)}))
    return rows


def _decode(raw: bytes, naam: str) -> str:
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            raise TableError(f"{naam}: dit is geen tekst in UTF-8 of Windows-1252. Sla de tabel op als CSV (puntkomma) of CSV UTF-8.") from None


def fill_in(project: Project, gemeenten: dict[str, Gemeente], raw: bytes, naam: str) -> FillResult:
    """Fill the open fields of each row's document; refuse the rows that cannot be used; write the others together."""
    rows = read_table(raw, naam)
    result = FillResult()
    with archive_lock(project.root, "import"):
        changes: list[tuple[Path, bytes]] = []
        for line, cells in rows:
            waar = f"{naam}, regel {line}"
            try:
                change = _fill_row(project, gemeenten, cells, waar, result)
            except RowError as err:
                result.geweigerd.append(f"{waar}: {err} Deze regel is niet gebruikt.")
                continue
            if change is not None:
                changes.append(change)
        write_all(changes)
    result.geschreven = [project.relative(path) for path, _ in changes]
    return result


class RowError(AdviesregisterError):
    """One row of the table cannot be used; the message says why, in Dutch."""


def _fill_row(project: Project, gemeenten: dict[str, Gemeente], cells: dict[str, str], waar: str, result: FillResult) -> tuple[Path, bytes] | None:
    relative_path = cells.get("document", "")
    path = _document_path(project, relative_path)
    try:
        document = parse_document(read_content_file(path))
    except (OSError, ParseError) as err:
        raise RowError(f"document {relative_path} is niet te lezen ({err}).") from None
    front_matter = dict(document.front_matter.data)
    edited = edited_since_import(front_matter, document.tekst)
    if edited:
        raise RowError(f"document {relative_path} is na de import veranderd ({', '.join(edited)}). Vul de velden daar zelf in.")
    filled: dict[str, Any] = {}
    for field_name in FIELDS:
        cell = cells.get(field_name, "")
        if not cell:
            continue
        value = _value(field_name, cell, gemeenten)
        if field_name in front_matter:
            if front_matter[field_name] != value and str(front_matter[field_name]) != cell:
                result.niet_gebruikt.append(f"{waar}, veld {field_name}: in {relative_path} staat al '{front_matter[field_name]}'; '{cell}' is niet gebruikt.")
            continue
        filled[field_name] = value
    if not filled:
        return None
    new = front_matter | filled
    new[PERSON] = [field_name for field_name in person_fields() if field_name in {*given_by_person(front_matter), *filled}]
    before = {problem.message for problem in validate_data(DOCUMENT_SCHEMA, front_matter, {}, relative_path)}
    nieuw = [  # a field still open is no wrong value: the import leaves fields open too, and check names them
        problem for problem in validate_data(DOCUMENT_SCHEMA, new, {}, relative_path) if problem.message not in before and problem.code != "verplicht-veld"
    ]
    if nieuw:
        raise RowError(f"veld {nieuw[0].message} Verbeter de cel.")
    result.ingevuld.append(f"{relative_path}: {', '.join(f'{field_name} {_shown(value)}' for field_name, value in filled.items())} (door een mens ingevuld)")
    if {"datum", "gemeente"} & set(filled):
        result.opmerkingen.append(
            f"{relative_path}: de id '{front_matter.get('id')}' en de map blijven zoals de import ze maakte, zonder deze {' en '.join(sorted({'datum', 'gemeente'} & set(filled)))}. "
            "Wilt u een id met gemeente en datum, verander dan id en bestandsnaam samen, voordat het document gepubliceerd is."
        )
    return path, Record(relative_path, new, document.tekst).markdown().encode("utf-8")


def _document_path(project: Project, relative_path: str) -> Path:
    """The document a row names: a Markdown file under content/documenten/ that exists; else the row is refused."""
    parts = PurePosixPath(relative_path).parts
    path = project.root / relative_path
    if (
        len(parts) < 3
        or parts[:2] != ("content", "documenten")
        or ".." in parts
        or not relative_path.endswith(".md")
        or path.is_symlink()
        or not path.is_file()
    ):
        raise RowError(
            f"'{relative_path}' is geen document in content/documenten/ van dit archief. Zet in de kolom document het pad dat import --tabel schreef."
        )
    return path


def _value(field: str, cell: str, gemeenten: dict[str, Gemeente]) -> Any:
    """A cell as the document's value; RowError when it is no valid value of the field."""
    if field == "datum":
        try:
            return str(Datum.parse(cell))
        except DatumError as err:
            raise RowError(f"veld datum: {err}. Schrijf de datum als JJJJ-MM-DD, JJJJ-MM of JJJJ.") from None
    if field == "gemeente":
        try:
            return resolve_gemeente(cell, gemeenten)
        except GemeenteError as err:
            raise RowError(f"veld gemeente: {err}") from None
    if field == "reactie_op":
        return [part for part in re.split(r"[;,\s]+", cell) if part]
    return cell.lower()  # soort, besluit, adviestype: a word of the schema, as Excel may capitalise it ('Advies')


def _shown(value: Any) -> str:
    return ", ".join(value) if isinstance(value, list) else str(value)
