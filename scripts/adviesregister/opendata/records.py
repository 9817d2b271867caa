"""Model → open-data records: every front-matter field, the derived ones, the text, and the Woo/TOOI identifiers."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

import markdown
from lxml import html

from adviesregister.content.history import GEPUBLICEERD, GEWIJZIGD, HistoryEvent
from adviesregister.content.model import DERIVED_FIELDS, Archive, Derived, Document
from adviesregister.content.names import absolute_url, page_url, source_url
from adviesregister.content.parse import remove_forbidden_characters
from adviesregister.content.schema import front_matter_fields
from adviesregister.opendata.woo import IS_REACTIE_OP, VERWIJST_NAAR, woo_kind

SCHEMA_VERSION = "4.0.0"
"""Semantic versioning: a new field raises the minor number, a removed or changed field (or file) the major one.
3.0.0: the whole-archive JSON, CSV and SQLite files are published gzip-compressed (adviesregister.json.gz, …).
3.1.0: bron.sha256_gepubliceerd, the sha256 of the file the site offers (for a PDF its clean copy).
3.2.0: the SQLite table adviesraden (every council of a gemeente: naam, afkortingen, website, contact); the column
gemeenten.adviesraad stays, the first council's name.
Issue 25: the site says 'Geen reactie bekend' where the status is 'reactie uitgebleven'; the export keeps that value on
purpose (changing a value is a major version and breaks every analysis that filters on it; its description says what
it means: the termijn has passed and the archive holds no response).
4.0.0: the header names its two days: gegevens_gewijzigd (the day a document or gemeenten.yml last changed; a
hand-written page no longer counts) and statussen_peildatum (the day the statuses and figures were computed for),
instead of peildatum and gewijzigd; the Excel CSV is published unpacked (adviesregister-excel.csv); the RFC 4180 CSVs
(adviesregister.csv.gz, cijfers.csv) carry every value as it is, the formula apostrophe only in the Excel files; the
front-matter schema is published as schema/voorkant.schema.json (it was schema/document.schema.json, beside the
per-document files it does not describe), and schema/documentbestand.schema.json describes each file in documenten/."""


def document_record(
    doc: Document,
    derived: Derived,
    archive: Archive | None = None,
    site_url: str = "",
    history: list[HistoryEvent] | None = None,
    original_published: str | None = None,
    tekst_platte: str | None = None,
) -> dict[str, Any]:
    """One document as researchers get it: stable keys (null when empty), derived values, its history in the archive
    and identifiers included. `original_published`: the sha256 of the file the site publishes for the original (a
    PDF's clean copy), None when it is withheld. `tekst_platte`: plain_text(doc.tekst), when the caller made it already (in parallel)."""
    record: dict[str, Any] = {name: getattr(doc, name) for name in front_matter_fields()}
    record["datum"] = str(doc.datum)
    record["datum_precisie"] = doc.datum.precisie
    record["datum_begin"] = doc.datum.vroegst().isoformat()
    record["datum_eind"] = doc.datum.laatst().isoformat()
    record["besluiten"] = [asdict(besluit) for besluit in doc.besluiten]
    public = bool(site_url.strip("/"))
    if doc.bron is None:
        record["bron"] = None
    elif original_published is not None and doc.bron.bestand is not None:  # the site offers the original: its name, address and checksum
        record["bron"] = {
            "bestand": doc.bron.bestand,
            "sha256": doc.bron.sha256,
            "sha256_gepubliceerd": original_published,
            "url": absolute_url(site_url, source_url(doc.id, doc.bron.bestand)) if public else None,
        }
    else:  # withheld for privacy: only the checksum, to recognise a copy obtained otherwise
        record["bron"] = {"bestand": None, "sha256": doc.bron.sha256, "sha256_gepubliceerd": None, "url": None}
    for name in DERIVED_FIELDS:
        value = getattr(derived, name)
        record[name] = list(value) if isinstance(value, tuple) else value.isoformat() if isinstance(value, date) else value
    history = history or []
    published = [event.datum for event in history if event.gebeurtenis == GEPUBLICEERD]
    changed = [event.datum for event in history if event.gebeurtenis in (GEPUBLICEERD, GEWIJZIGD)]
    record["gepubliceerd"] = published[0].isoformat() if published else None
    record["gewijzigd"] = changed[-1].isoformat() if changed else None
    record["geschiedenis"] = [
        {"datum": event.datum.isoformat(), "gebeurtenis": event.gebeurtenis, "status": event.status, "document": event.document} for event in history
    ]
    record["tekst"] = doc.tekst
    record["tekst_platte"] = plain_text(doc.tekst) if tekst_platte is None else tekst_platte
    gemeente = archive.gemeenten.get(doc.gemeente) if archive else None
    record["gemeente_naam"] = gemeente.naam if gemeente else None
    kind = woo_kind(doc)
    record["tooi"] = {
        "informatiecategorie": kind.informatiecategorie.uri,
        "documentsoort": kind.documentsoort.uri,
        "gemeente": gemeente.tooi_uri if gemeente else None,
    }
    record["relaties"] = [
        {"type": kind.uri, "label": kind.label, "doel": target, "doel_url": absolute_url(site_url, page_url(target)) if public else None}
        for kind, targets in ((IS_REACTIE_OP, doc.reactie_op), (VERWIJST_NAAR, doc.hoort_bij))
        for target in targets
    ]
    record["url"] = absolute_url(site_url, page_url(doc.id)) if public else None
    return record


def plain_text(tekst: str) -> str:
    """The letter's text without Markdown: paragraphs, headings and list items each on their own line, a blank line between blocks."""
    if not tekst.strip():
        return ""
    tree = html.fromstring(f"<div>{markdown.markdown(tekst, extensions=['tables'])}</div>")
    blocks = []
    for element in tree:
        if not isinstance(element.tag, str):  # an HTML comment or processing instruction: no text of the letter
            continue
        if element.tag in ("ul", "ol"):
            blocks.append("\n".join(" ".join(item.text_content().split()) for item in element.iter("li")))
        elif element.tag == "table":
            blocks.append("\n".join("\t".join(" ".join(cell.text_content().split()) for cell in row) for row in element.iter("tr")))
        else:
            blocks.append(" ".join(element.text_content().split()))
    text = remove_forbidden_characters("\n\n".join(block for block in blocks if block))  # '&#1;' in Markdown is U+0001 here
    return text + "\n" if text else ""
