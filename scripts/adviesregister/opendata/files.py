"""The open-data download: JSON (whole and per document), CSV, Excel, SQLite, schemas, Data Package, DCAT and SHA256SUMS.
The whole-archive JSON, CSV and SQLite files are gzip-compressed (downloads.GZIP); the spreadsheet files are not.

The same content, settings and SOURCE_DATE_EPOCH give byte-identical files.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from adviesregister.base.cache import cached_map, text_key
from adviesregister.content.figures import Figures, compute_figures
from adviesregister.content.history import data_changed, statuses_as_of, statuses_hold_until
from adviesregister.content.model import Archive
from adviesregister.content.names import OPEN_DATA, absolute_url
from adviesregister.content.prepared import Prepared
from adviesregister.content.schema import DOCUMENT_SCHEMA, load_schema
from adviesregister.content.settings import Settings
from adviesregister.opendata.dcat import dcat_catalog
from adviesregister.opendata.diwoo import diwoo_xml, has_diwoo
from adviesregister.opendata.downloads import (
    CSV_TABLE,
    DIWOO_FOLDER,
    DOCUMENT_FILE_SCHEMA,
    DOCUMENT_FOLDER,
    DOWNLOADS,
    EXCEL_TABLE,
    FRONT_MATTER_SCHEMA,
    GZIP,
    JSON_DUMP,
    RECORD_SCHEMA,
    SCHEMA_FOLDER,
    SQLITE_DATABASE,
    XLSX_TABLE,
    Download,
    file_digest,
    gzip_file,
)
from adviesregister.opendata.field_tables import sqlite_tables
from adviesregister.opendata.figures_export import figure_rows, figures_csv
from adviesregister.opendata.metadata import datapackage, document_file_schema, export_schema, front_matter_schema
from adviesregister.opendata.records import SCHEMA_VERSION, document_record, plain_text
from adviesregister.opendata.releases import RELEASES_FEED, RELEASES_JSON, release_feed, release_records
from adviesregister.opendata.tables import write_csv, write_sqlite, write_xlsx


@dataclass(frozen=True)
class ExportResult:
    out: Path
    files: list[Path]
    records: list[dict[str, Any]]
    cijfers: list[Figures]
    """The figures written to cijfers.json: the site's Cijfers page shows these same ones."""
    peildatum: date
    """The build day ('today', SOURCE_DATE_EPOCH): the statuses were derived as of this day, and the site counts days
    late from it. The download names the two days a reader needs instead (see `header`)."""
    gegevens_gewijzigd: date
    """The day the data last changed (a document or gemeenten.yml): the header's gegevens_gewijzigd."""
    statussen_peildatum: date
    """The day the statuses and figures were computed for: the header's statussen_peildatum."""
    sqlite_tabellen: list[tuple[str, str, str]]
    """Each table of the SQLite file with its columns and what it holds, as the file declares them."""
    kop: dict[str, Any] = field(default_factory=dict)
    """The header (`kop`) of the whole-archive JSON, cijfers.json and versies.json."""

    def downloads(self) -> list[tuple[Download, Path]]:
        """The files at the top of the download, as the Open data page lists them."""
        return [(download, self.out / download.naam) for download in DOWNLOADS]


def export_open_data(prepared: Prepared, out: Path) -> ExportResult:
    """Write every open-data file of the prepared archive into `out`; returns the files (SHA256SUMS last), the records
    and the figures. Records → the tables (packed) and a file per document → the figures → the versions → the schemas
    and catalogues → the checksums of them all."""
    out.mkdir(parents=True, exist_ok=True)
    dates, archive = prepared.history.dates, prepared.archive
    gewijzigd = data_changed(dates, archive, prepared.today)  # not the build date: the day the data changed
    statussen = statuses_as_of(dates, archive, prepared.derived, prepared.today)
    records = document_records(prepared)
    header = _header(prepared, records, gewijzigd, statussen)
    files = _Files(out)
    tables = _write_tables(files, header, records, archive, statussen)
    _remove_old_names(out)
    cijfers = _write_figures(files, header, prepared)
    _write_releases(files, header, prepared, records)
    _write_descriptions(files, header, prepared.settings, records)
    files.add("SHA256SUMS", _sums(files))
    return ExportResult(out, files.paths, records, cijfers, prepared.today, gewijzigd, statussen, tables, header)


def document_records(prepared: Prepared) -> list[dict[str, Any]]:
    """One record per document, ordered by id. A letter's plain text is the costliest step per document, so it is kept
    between builds (base/cache.py)."""
    archive, derived, publishable = prepared.archive, prepared.derived, prepared.publishable
    documents = sorted(archive.documents, key=lambda d: d.id)
    texts = [doc.tekst for doc in documents]
    plain = cached_map(plain_text, texts, [text_key(text) for text in texts], prepared.cache, "platte-tekst")
    return [
        document_record(
            doc,
            derived[doc.id],
            archive,
            prepared.settings.site_url,
            prepared.histories.get(doc.id, []),
            publishable[doc.id].sha256 if doc.id in publishable else None,
            text,
        )
        for doc, text in zip(documents, plain, strict=True)
    ]


def _header(prepared: Prepared, records: list[dict[str, Any]], gewijzigd: date, statussen: date) -> dict[str, Any]:
    """The header (`kop`) of the whole-archive JSON, cijfers.json and versies.json: the two days a reader needs (when
    the data changed, which day the statuses hold for, and until when), the licence, the publisher and the commit."""
    holds_until = statuses_hold_until(prepared.derived)
    settings = prepared.settings
    return {
        "schema_versie": SCHEMA_VERSION,
        "aantal_documenten": len(records),
        "gegevens_gewijzigd": gewijzigd.isoformat(),
        "statussen_peildatum": statussen.isoformat(),
        "statussen_geldig_tot": holds_until.isoformat() if holds_until else None,
        "licentie": settings.licentie,
        "bron_commit": prepared.history.commit,
        "uitgever": settings.uitgever,
        "url": settings.site_url,
    }


class _Files:
    """The files of the download as they are written, in order: a file is rewritten only when its bytes changed."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.paths: list[Path] = []

    def add(self, name: str, data: bytes) -> None:
        path = self.out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
        self.paths.append(path)


def _write_tables(files: _Files, header: dict[str, Any], records: list[dict[str, Any]], archive: Archive, statussen: date) -> list[tuple[str, str, str]]:
    """The whole-archive files first (JSON, CSV, SQLite), each packed in the background (zlib lets go of Python's lock)
    while this thread writes the per-document files and the spreadsheets: both cores work. Returns the SQLite file's
    tables as the file declares them, for the Open data page."""
    out = files.out
    stamp = datetime.combine(statussen, time(), tzinfo=UTC).replace(tzinfo=None)
    with tempfile.TemporaryDirectory() as folder, ThreadPoolExecutor(max_workers=2) as pool:
        unpacked = {name: Path(folder) / name.removesuffix(GZIP) for name in (JSON_DUMP, CSV_TABLE, SQLITE_DATABASE)}
        packing = []
        _write_dump(files, unpacked[JSON_DUMP], header, records)
        packing.append(pool.submit(gzip_file, unpacked[JSON_DUMP], out / JSON_DUMP))
        write_csv(unpacked[CSV_TABLE], records)
        packing.append(pool.submit(gzip_file, unpacked[CSV_TABLE], out / CSV_TABLE))
        write_csv(out / EXCEL_TABLE, records, excel=True)  # for a double click: not packed
        files.paths.append(out / EXCEL_TABLE)
        write_sqlite(unpacked[SQLITE_DATABASE], records, archive.gemeenten)
        tables = sqlite_tables(unpacked[SQLITE_DATABASE])  # as the file declares them, for the Open data page
        packing.append(pool.submit(gzip_file, unpacked[SQLITE_DATABASE], out / SQLITE_DATABASE))
        _write_diwoo(files, records)
        _remove_stale(files)
        write_xlsx(out / XLSX_TABLE, records, stamp)
        files.paths.append(out / XLSX_TABLE)
        for done in packing:
            done.result()
        files.paths.extend(out / name for name in unpacked)
    return tables


def _write_dump(files: _Files, dump_path: Path, header: dict[str, Any], records: list[dict[str, Any]]) -> None:
    """adviesregister.json (unpacked, to be packed) and each record's own file in documenten/, from one encoding of it.
    Streamed: the whole text is never one string."""
    with dump_path.open("w", encoding="utf-8") as dump:
        for chunk in _dump_chunks(header, records, lambda record, text: files.add(f"{DOCUMENT_FOLDER}/{record['id']}.json", (text + "\n").encode())):
            dump.write(chunk)


def _write_diwoo(files: _Files, records: list[dict[str, Any]]) -> None:
    """A DiWoo record (the Woo's metadata) for each document that has one."""
    titles = _titles(records)
    for record in records:
        if has_diwoo(record):
            files.add(f"{DIWOO_FOLDER}/{record['id']}.xml", diwoo_xml(record, titles))


def _remove_stale(files: _Files) -> None:
    """A document that left the archive leaves the download too: every per-document file this export did not write goes."""
    out = files.out
    for subfolder, suffix in ((DOCUMENT_FOLDER, ".json"), (DIWOO_FOLDER, ".xml")):
        kept = {path.name for path in files.paths if path.parent == out / subfolder}
        for stale in (out / subfolder).glob(f"*{suffix}"):
            if stale.name not in kept:
                stale.unlink()


def _remove_old_names(out: Path) -> None:
    """Files under names earlier versions of the schema published, which a reader would take for current: gone."""
    for name in (JSON_DUMP, CSV_TABLE, SQLITE_DATABASE):  # the same file unpacked, as versions before 3.0.0 published it
        (out / name.removesuffix(GZIP)).unlink(missing_ok=True)
    for old_name in (f"{EXCEL_TABLE}{GZIP}", f"{SCHEMA_FOLDER}/{DOCUMENT_SCHEMA}"):  # before 4.0.0: packed; the front-matter schema's name
        (out / old_name).unlink(missing_ok=True)


def _write_figures(files: _Files, header: dict[str, Any], prepared: Prepared) -> list[Figures]:
    """cijfers.json and cijfers.csv; returns the figures, which the site's Cijfers page shows too."""
    cijfers = compute_figures(prepared.archive, prepared.derived)
    rows = figure_rows(cijfers)
    files.add("cijfers.json", _json({"kop": header, "cijfers": rows}))
    files.add("cijfers.csv", figures_csv(rows))
    return cijfers


def _write_releases(files: _Files, header: dict[str, Any], prepared: Prepared, records: list[dict[str, Any]]) -> None:
    """The archive's versions (git's history of content/), as JSON and as a feed."""
    history, settings = prepared.history, prepared.settings
    files.add(RELEASES_JSON, _json({"kop": header, "versies": release_records(history.releases), "niet_vermeld": history.weggelaten}))
    files.add(RELEASES_FEED, release_feed(history.releases, _titles(records), settings.site_url, settings.naam))


def _write_descriptions(files: _Files, header: dict[str, Any], settings: Settings, records: list[dict[str, Any]]) -> None:
    """What describes the files: their schemas, the DCAT catalogue and the Data Package."""
    out = files.out
    schemas = absolute_url(settings.site_url, f"{OPEN_DATA}{SCHEMA_FOLDER}/")
    files.add(f"{SCHEMA_FOLDER}/{FRONT_MATTER_SCHEMA}", _json(front_matter_schema(load_schema(DOCUMENT_SCHEMA), schemas + FRONT_MATTER_SCHEMA)))
    files.add(f"{SCHEMA_FOLDER}/{RECORD_SCHEMA}", _json(export_schema(schemas + RECORD_SCHEMA)))
    files.add(f"{SCHEMA_FOLDER}/{DOCUMENT_FILE_SCHEMA}", _json(document_file_schema(schemas + DOCUMENT_FILE_SCHEMA)))
    period = (min(r["datum_begin"] for r in records), max(r["datum_eind"] for r in records)) if records else None
    files.add("dataset.jsonld", _json(dcat_catalog(header, settings, out, period)))
    files.add("datapackage.json", _json(datapackage(header, out)))


def _sums(files: _Files) -> bytes:
    """SHA256SUMS: the checksum of every file written before it, so a reader can tell a download is whole."""
    return "".join(f"{file_digest(path)[1]}  {path.relative_to(files.out).as_posix()}\n" for path in sorted(files.paths)).encode("utf-8")


def _titles(records: list[dict[str, Any]]) -> dict[str, str]:
    return {record["id"]: record["titel"] for record in records}


JSON_FORMAT: dict[str, Any] = {"ensure_ascii": False, "indent": 2, "sort_keys": True}


def _json(data: Any) -> bytes:
    return (json.dumps(data, **JSON_FORMAT) + "\n").encode("utf-8")


def _dump_chunks(header: dict[str, Any], records: list[dict[str, Any]], each: Callable[[dict[str, Any], str], None]) -> Iterator[str]:
    """adviesregister.json, exactly as `json.dumps({"kop": header, "documenten": records}, **JSON_FORMAT)` writes it, made
    from each record's own text (handed to `each`, for its file in documenten/): every record is encoded once."""
    yield '{\n  "documenten": ['
    for number, record in enumerate(records):
        text = json.dumps(record, **JSON_FORMAT)
        each(record, text)
        yield ("\n" if number == 0 else ",\n") + "    " + text.replace("\n", "\n    ")  # JSON text has no line break of its own
    yield ("\n  ]" if records else "]") + ',\n  "kop": ' + json.dumps(header, **JSON_FORMAT).replace("\n", "\n  ") + "\n}\n"
