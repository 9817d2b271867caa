"""DiWoo 0.9.8 metadata for every document, from its open-data record: the form in which the national Woo index
harvests active publications (a sitemap whose <url> entries carry a diwoo:Document).

Dates are never invented: DiWoo requires at least one documenthandeling with a full date and time, so a document
whose date is only a month or a year gets no DiWoo record (the Open data page says so and names how many); a full
date becomes that day at 00:00, with no time zone, because the letter gives no time. creatiedatum (a date) is the
letter's date where it is full.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lxml import etree

from adviesregister.opendata.woo import WOO_KINDS, Term

DIWOO = "https://standaarden.overheid.nl/diwoo/metadata/"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
NLD = Term("http://publications.europa.eu/resource/authority/language/NLD", "Nederlands")
_KINDS = {(kind.documentsoort.uri, kind.informatiecategorie.uri): kind for kind in WOO_KINDS.values()}


def has_diwoo(record: dict[str, Any]) -> bool:
    """Whether the document can have a DiWoo record: its date is a full day and its gemeente has a TOOI identifier."""
    return record["datum_precisie"] == "dag" and bool(record["tooi"]["gemeente"])


def diwoo_document(record: dict[str, Any], titles: dict[str, str]) -> etree._Element:
    """<diwoo:Document> for one record (has_diwoo must hold); `titles`: every document's title by id, for relations."""
    kind = _KINDS[(record["tooi"]["documentsoort"], record["tooi"]["informatiecategorie"])]
    document = etree.Element(_q("Document"), nsmap={"diwoo": DIWOO})
    diwoo = _sub(document, "DiWoo")
    identifiers = _sub(diwoo, "identifiers")
    for value in (record["id"], record["url"]):
        if value:
            _sub(identifiers, "identifier", value)
    gemeente = Term(record["tooi"]["gemeente"], record["gemeente_naam"] or record["gemeente"])
    _term(diwoo, "publisher", gemeente)
    _term(diwoo, "verantwoordelijke", gemeente)
    if record["soort"] == "reactie":
        _term(diwoo, "opsteller", gemeente)
    if record["van"]:
        _sub(diwoo, "naamOpsteller", record["van"])
    _sub(_sub(diwoo, "titelcollectie"), "officieleTitel", record["titel"])
    if record["samenvatting"]:
        _sub(_sub(diwoo, "omschrijvingen"), "omschrijving", record["samenvatting"])
    classification = _sub(diwoo, "classificatiecollectie")
    _term(_sub(classification, "informatiecategorieen"), "informatiecategorie", kind.informatiecategorie)
    _term(_sub(classification, "documentsoorten"), "documentsoort", kind.documentsoort)
    if record["themas"]:
        keywords = _sub(classification, "trefwoorden")
        for thema in record["themas"]:
            _sub(keywords, "trefwoord", thema)
    _sub(diwoo, "creatiedatum", record["datum"])
    _term(diwoo, "language", NLD)
    handeling = _sub(_sub(diwoo, "documenthandelingen"), "documenthandeling")
    _term(handeling, "soortHandeling", kind.handeling)
    _sub(handeling, "atTime", f"{record['datum']}T00:00:00")
    if record["relaties"]:
        container = _sub(diwoo, "documentrelaties")
        for item in record["relaties"]:
            relation = _sub(container, "documentrelatie")
            _term(relation, "role", Term(item["type"], item["label"]))
            _sub(relation, "relation", titles.get(item["doel"], item["doel"])).set("resource", item["doel_url"] or item["doel"])
    return document


def diwoo_xml(record: dict[str, Any], titles: dict[str, str]) -> bytes:
    """The DiWoo record of one document as a file."""
    return bytes(etree.tostring(diwoo_document(record, titles), xml_declaration=True, encoding="UTF-8", pretty_print=True))


def diwoo_sitemap(entries: Iterable[tuple[dict[str, Any], str | None]], titles: dict[str, str]) -> bytes:
    """A sitemap for the Woo index: per document with a DiWoo record its page, its last change (when known) and
    the record. `entries`: (record, lastmod as YYYY-MM-DD or None)."""
    urlset = etree.Element(f"{{{SITEMAP}}}urlset", nsmap={None: SITEMAP, "diwoo": DIWOO})
    for record, lastmod in entries:
        url = etree.SubElement(urlset, f"{{{SITEMAP}}}url")
        etree.SubElement(url, f"{{{SITEMAP}}}loc").text = record["url"]
        if lastmod:
            etree.SubElement(url, f"{{{SITEMAP}}}lastmod").text = lastmod
        url.append(diwoo_document(record, titles))
    return bytes(etree.tostring(urlset, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def _q(name: str) -> str:
    return f"{{{DIWOO}}}{name}"


def _sub(parent: etree._Element, name: str, text: str | None = None) -> etree._Element:
    element = etree.SubElement(parent, _q(name))
    if text is not None:
        element.text = text
    return element


def _term(parent: etree._Element, name: str, term: Term) -> etree._Element:
    element = _sub(parent, name, term.label)
    element.set("resource", term.uri)
    return element
