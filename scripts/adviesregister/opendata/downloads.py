"""The files of the download, each with what it is, once: the writer, the Open data page and DCAT use this list."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Download:
    naam: str
    beschrijving: str
    """What the file is, in plain Dutch, for the Open data page."""
    mediatype: str | None = None
    """IANA media type, for a file that holds the data itself."""


DATA_FILES = (
    Download("adviesregister.json", "alles in één bestand, ook de lijsten en de tekst", "application/json"),
    Download("adviesregister.csv", "één regel per document (RFC 4180, UTF-8)", "text/csv"),
    Download(
        "adviesregister-excel.csv",
        "dezelfde tabel om te openen in Excel met Nederlandse instellingen: puntkomma's als scheidingsteken en een BOM, zodat letters als ë goed staan",
        "text/csv",
    ),
    Download("adviesregister.xlsx", "hetzelfde als Excel-bestand", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    Download(
        "adviesregister.sqlite",
        "een database met tabellen voor documenten, relaties, gemeenten, thema's, aanbevelingen en besluiten, en een zoekindex op de tekst (FTS5)",
        "application/vnd.sqlite3",
    ),
    Download(
        "cijfers.json",
        "de cijfers van de pagina Cijfers: per gemeente, jaar en thema de uitkomsten, de reactietijd en hoe vaak het antwoord binnen de termijn kwam",
        "application/json",
    ),
    Download("cijfers.csv", "dezelfde cijfers, één regel per groep (RFC 4180, UTF-8)", "text/csv"),
)
DESCRIPTION_FILES = (
    Download("datapackage.json", "beschrijving volgens Frictionless Data Package v2"),
    Download(
        "dataset.jsonld", "beschrijving van de catalogus, de dataset en elk bestand volgens DCAT-AP-NL 3.0 (JSON-LD), voor dataportalen zoals data.overheid.nl"
    ),
    Download("versies.json", "de versies van het archief: per versie welke documenten erbij kwamen, veranderden of verdwenen (uit git)"),
    Download("versies.xml", "dezelfde versies als feed: volg hem om te weten wanneer u opnieuw moet downloaden"),
    Download("SHA256SUMS", "controlegetallen van alle bestanden"),
)
DOWNLOADS = (*DATA_FILES, *DESCRIPTION_FILES)
"""Every file at the top of the download, in the order the Open data page lists them."""
DOWNLOAD_FILES = tuple(download.naam for download in DOWNLOADS)
DOCUMENT_FOLDER = "documenten"
"""One JSON file per document."""
DIWOO_FOLDER = "diwoo"
"""One DiWoo XML record per document with a full date."""
SCHEMA_FOLDER = "schema"


def file_digest(path: Path) -> tuple[int, str]:
    """A file's size in bytes and its sha256 (hex): for SHA256SUMS, the Data Package and DCAT alike."""
    data = path.read_bytes()
    return len(data), hashlib.sha256(data).hexdigest()
