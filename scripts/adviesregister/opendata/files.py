"""The open-data download: JSON (whole and per document), CSV, Excel, SQLite, schemas, Data Package, DCAT and SHA256SUMS.
The whole-archive JSON, CSV and SQLite files are gzip-compressed (downloads.GZIP); the spreadsheet files are not.

The same content, settings and SOURCE_DATE_EPOCH give byte-identical files.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from types import MappingProxyType
from typing import Any

from adviesregister.base.cache import cached_map, text_key
from adviesregister.content.cijfers import Figures, compute_figures
from adviesregister.content.history import ContentHistory, HistoryEvent, data_changed, statuses_as_of, statuses_hold_until
from adviesregister.content.model import Archive, Derived
from adviesregister.content.names import OPEN_DATA, absolute_url
from adviesregister.content.originals import Verdict
from adviesregister.content.schema import DOCUMENT_SCHEMA, load_schema
from adviesregister.content.settings import Settings
from adviesregister.opendata.cijfers import figure_rows, figures_csv
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


def export_open_data(
    out: Path,
    archive: Archive,
    derived: dict[str, Derived],
    settings: Settings,
    peildatum: date,
    history: ContentHistory | None = None,
    histories: dict[str, list[HistoryEvent]] | None = None,
    publishable: Mapping[str, Verdict] = MappingProxyType({}),
    cache: Path | None = None,
) -> ExportResult:
    """Write every open-data file into `out`; returns the files (SHA256SUMS last) and the records. `peildatum`: the day
    the statuses were derived for; `history`: what git knows (none: an archive without git); `histories`: each
    document's history; `publishable`: the documents whose original the site publishes, with the sha256 of what it
    publishes; `cache`: where the plain text of
    each letter is kept between builds (base/cache.py)."""
    out.mkdir(parents=True, exist_ok=True)
    history = history or ContentHistory()
    gewijzigd = data_changed(history.dates, archive, peildatum)  # not the build date: the day the data changed
    statussen = statuses_as_of(history.dates, archive, derived, peildatum)
    stamp = datetime.combine(statussen, time(), tzinfo=UTC).replace(tzinfo=None)
    histories = histories or {}
    documents = sorted(archive.documenten, key=lambda d: d.id)
    texts = [doc.tekst for doc in documents]
    plain = cached_map(plain_text, texts, [text_key(text) for text in texts], cache, "platte-tekst")  # the costliest step per document
    records = [
        document_record(
            doc, derived[doc.id], archive, settings.site_url, histories.get(doc.id, []), publishable[doc.id].sha256 if doc.id in publishable else None, text
        )
        for doc, text in zip(documents, plain, strict=True)
    ]
    holds_until = statuses_hold_until(derived)
    header = {
        "schema_versie": SCHEMA_VERSION,
        "aantal_documenten": len(records),
        "gegevens_gewijzigd": gewijzigd.isoformat(),
        "statussen_peildatum": statussen.isoformat(),
        "statussen_geldig_tot": holds_until.isoformat() if holds_until else None,
        "licentie": settings.licentie,
        "bron_commit": history.commit,
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

    titles = {record["id"]: record["titel"] for record in records}
    with tempfile.TemporaryDirectory() as folder, ThreadPoolExecutor(max_workers=2) as pool:
        # the whole-archive files first, each packed in the background (zlib lets go of Python's lock) while this
        # thread writes the per-document files and the workbook: both cores work
        unpacked = {name: Path(folder) / name.removesuffix(GZIP) for name in (JSON_DUMP, CSV_TABLE, SQLITE_DATABASE)}
        packing = []
        with unpacked[JSON_DUMP].open("w", encoding="utf-8") as dump:  # streamed: the whole text is never one string
            for chunk in _dump_chunks(header, records, lambda record, text: add(f"{DOCUMENT_FOLDER}/{record['id']}.json", (text + "\n").encode())):
                dump.write(chunk)
        packing.append(pool.submit(gzip_file, unpacked[JSON_DUMP], out / JSON_DUMP))
        write_csv(unpacked[CSV_TABLE], records)
        packing.append(pool.submit(gzip_file, unpacked[CSV_TABLE], out / CSV_TABLE))
        write_csv(out / EXCEL_TABLE, records, excel=True)  # for a double click: not packed
        files.append(out / EXCEL_TABLE)
        write_sqlite(unpacked[SQLITE_DATABASE], records, archive.gemeenten)
        tables = sqlite_tables(unpacked[SQLITE_DATABASE])  # as the file declares them, for the Open data page
        packing.append(pool.submit(gzip_file, unpacked[SQLITE_DATABASE], out / SQLITE_DATABASE))
        for record in records:
            if has_diwoo(record):
                add(f"{DIWOO_FOLDER}/{record['id']}.xml", diwoo_xml(record, titles))
        for subfolder, suffix in ((DOCUMENT_FOLDER, ".json"), (DIWOO_FOLDER, ".xml")):
            kept = {path.name for path in files if path.parent == out / subfolder}
            for stale in (out / subfolder).glob(f"*{suffix}"):  # a document that left the archive leaves the download too
                if stale.name not in kept:
                    stale.unlink()
        write_xlsx(out / XLSX_TABLE, records, stamp)
        files.append(out / XLSX_TABLE)
        for done in packing:
            done.result()
        files.extend(out / name for name in unpacked)
    for name in unpacked:  # the same file unpacked, as versions before 3.0.0 of the schema published it: gone
        (out / name.removesuffix(GZIP)).unlink(missing_ok=True)
    for old_name in (f"{EXCEL_TABLE}{GZIP}", f"{SCHEMA_FOLDER}/{DOCUMENT_SCHEMA}"):  # before 4.0.0: packed; the front-matter schema's name
        (out / old_name).unlink(missing_ok=True)
    cijfers = compute_figures(archive, derived)
    rows = figure_rows(cijfers)
    add("cijfers.json", _json({"kop": header, "cijfers": rows}))
    add("cijfers.csv", figures_csv(rows))
    add(RELEASES_JSON, _json({"kop": header, "versies": release_records(history.releases), "niet_vermeld": history.weggelaten}))
    add(RELEASES_FEED, release_feed(history.releases, titles, settings.site_url, settings.naam))
    schemas = absolute_url(settings.site_url, f"{OPEN_DATA}{SCHEMA_FOLDER}/")
    add(f"{SCHEMA_FOLDER}/{FRONT_MATTER_SCHEMA}", _json(front_matter_schema(load_schema(DOCUMENT_SCHEMA), schemas + FRONT_MATTER_SCHEMA)))
    add(f"{SCHEMA_FOLDER}/{RECORD_SCHEMA}", _json(export_schema(schemas + RECORD_SCHEMA)))
    add(f"{SCHEMA_FOLDER}/{DOCUMENT_FILE_SCHEMA}", _json(document_file_schema(schemas + DOCUMENT_FILE_SCHEMA)))
    period = (min(r["datum_begin"] for r in records), max(r["datum_eind"] for r in records)) if records else None
    add("dataset.jsonld", _json(dcat_catalog(header, settings, out, period)))
    add("datapackage.json", _json(datapackage(header, out)))
    sums = "".join(f"{file_digest(path)[1]}  {path.relative_to(out).as_posix()}\n" for path in sorted(files))
    add("SHA256SUMS", sums.encode("utf-8"))
    return ExportResult(out, files, records, cijfers, peildatum, gewijzigd, statussen, tables, header)


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
