"""The files of the download, each with what it is, once: the writer, the Open data page and DCAT use this list."""

from __future__ import annotations

import filecmp
import gzip
import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

GZIP = ".gz"
"""The whole-archive files for programs are published gzip-compressed (a tenth of their size or less): pandas, R,
DuckDB and `zcat` read the JSON and the CSV as they are; SQLite opens only an unpacked file. The files for a
spreadsheet (xlsx and the Excel CSV) are not packed: a double click opens them."""
JSON_DUMP = "adviesregister.json.gz"
CSV_TABLE = "adviesregister.csv.gz"
EXCEL_TABLE = "adviesregister-excel.csv"
XLSX_TABLE = "adviesregister.xlsx"
SQLITE_DATABASE = "adviesregister.sqlite.gz"
FIGURES_JSON = "cijfers.json"
FIGURES_CSV = "cijfers.csv"
SPREADSHEET_FILES = (EXCEL_TABLE, XLSX_TABLE)
"""The files meant for a spreadsheet: only these carry the formula guard (content/spreadsheet.py), and they are not packed."""


@dataclass(frozen=True)
class Download:
    naam: str
    """The file's name in the download."""
    beschrijving: str
    """What the file is, in plain Dutch, for the Open data page."""
    mediatype: str | None = None
    """IANA media type of the data itself (when packed: of the file inside), for a file that holds the data."""

    @property
    def ingepakt(self) -> bool:
        """Published gzip-compressed: `naam` is the unpacked file's name with '.gz' after it."""
        return self.naam.endswith(GZIP)


DATA_FILES = (
    Download(JSON_DUMP, "alles in één bestand, ook de lijsten en de tekst", "application/json"),
    Download(CSV_TABLE, "één regel per document (RFC 4180, UTF-8)", "text/csv"),
    Download(
        EXCEL_TABLE,
        "dezelfde tabel om te openen in Excel met Nederlandse instellingen (niet ingepakt, opent met een dubbelklik): puntkomma's als scheidingsteken en een BOM, zodat letters als ë goed staan",
        "text/csv",
    ),
    Download(XLSX_TABLE, "hetzelfde als Excel-bestand", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    Download(
        SQLITE_DATABASE,
        "een database met tabellen voor documenten, relaties, gemeenten, hun adviesraden, thema's, aanbevelingen en besluiten, en een zoekindex op de tekst (FTS5)",
        "application/vnd.sqlite3",
    ),
    Download(
        FIGURES_JSON,
        "de cijfers van de pagina Cijfers: per gemeente, jaar en thema de uitkomsten, de reactietijd en hoe vaak het antwoord binnen de termijn kwam",
        "application/json",
    ),
    Download(FIGURES_CSV, "dezelfde cijfers, één regel per groep (RFC 4180, UTF-8)", "text/csv"),
)
DESCRIPTION_FILES = (
    Download("datapackage.json", "beschrijving volgens Frictionless Data Package v2"),
    Download(
        "dataset.jsonld", "beschrijving van de catalogus, de dataset en elk bestand volgens DCAT-AP-NL 3.0 (JSON-LD), voor dataportalen zoals data.overheid.nl"
    ),
    Download("versies.json", "de versies van het archief: per versie welke documenten erbij kwamen, veranderden of verdwenen (uit git)"),
    Download("versies.xml", "dezelfde versies als feed: volg hem om te weten wanneer u opnieuw moet downloaden"),
    Download("SHA256SUMS", "controlegetallen van alle bestanden, met hun pad in de download"),
)
DOWNLOADS = (*DATA_FILES, *DESCRIPTION_FILES)
"""Every file at the top of the download, in the order the Open data page lists them."""
DOWNLOAD_FILES = tuple(download.naam for download in DOWNLOADS)
DOCUMENT_FOLDER = "documenten"
"""One JSON file per document."""
DIWOO_FOLDER = "diwoo"
"""One DiWoo XML record per document with a full date."""
SCHEMA_FOLDER = "schema"
RECORD_SCHEMA = "adviesregister.schema.json"
"""The JSON Schema of the whole-archive JSON; its $defs/document describes each file in documenten/."""
DOCUMENT_FILE_SCHEMA = "documentbestand.schema.json"
"""The JSON Schema of one file in documenten/ (since schema 4.0.0)."""
FRONT_MATTER_SCHEMA = "voorkant.schema.json"
"""The front-matter schema of the archive's Markdown files (schema/document.schema.json in the repository), published
under its own name: it describes what a person writes, not the records of the download."""


def file_digest(path: Path) -> tuple[int, str]:
    """A file's size in bytes and its sha256 (hex): for SHA256SUMS, the Data Package and DCAT alike."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def gzip_file(source: Path, target: Path) -> None:
    """`source` gzip-compressed into `target`, the same bytes for the same content (no name or time in the header); an
    unchanged `target` is left untouched. Streams: a large file is never held in memory."""
    fresh = target.with_name(f".{target.name}.nieuw")  # beside it, hidden, replaced in one step: never half a file
    try:
        with source.open("rb") as raw, fresh.open("wb") as sink, gzip.GzipFile(filename="", mode="wb", fileobj=sink, compresslevel=6, mtime=0) as packed:
            shutil.copyfileobj(raw, packed, 1 << 20)
    except BaseException:
        fresh.unlink(missing_ok=True)
        raise
    if target.exists() and filecmp.cmp(fresh, target, shallow=False):
        fresh.unlink()
    else:
        fresh.replace(target)
