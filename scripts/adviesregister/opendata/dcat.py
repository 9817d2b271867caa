"""The catalogue entry for the download, as JSON-LD following DCAT-AP-NL 3.0 (and so DCAT-AP 3.0.1).

A dcat:Catalog holds the dataset, the dataset its distributions. Every value from a controlled vocabulary is an IRI
from the list DCAT-AP-NL prescribes (IANA media types, the EU file-type, data-theme, language and access-right
lists), typed and tied to its list with skos:inScheme, so that a validator needs no download to check it; literals
carry their datatype (xsd:date, xsd:nonNegativeInteger) or language.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from adviesregister.content.names import ABOUT, OPEN_DATA, absolute_url
from adviesregister.content.settings import Settings
from adviesregister.opendata.downloads import DATA_FILES, JSON_DUMP, Download, file_digest

EU = "http://publications.europa.eu/resource/authority"
ADMS = "http://purl.org/adms"
IANA = "https://www.iana.org/assignments/media-types"
TOP = "https://identifier.overheid.nl/tooi/def/thes/top"

FILE_TYPES = {"application/json": "JSON", "text/csv": "CSV", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX"}
"""IANA media type → EU file type. SQLite has no code in the EU list (version 20221214-0); its distribution gives
only the IANA type application/vnd.sqlite3, which says exactly what it is."""

THEMES = (
    (f"{EU}/data-theme/SOCI", "Bevolking en samenleving", f"{EU}/data-theme"),
    (f"{EU}/data-theme/GOVE", "Overheid en publieke sector", f"{EU}/data-theme"),
    (f"{TOP}/c_d0463fb7", "zorg en gezondheid", "https://identifier.overheid.nl/tooi/set/scw_toplijst/1"),
    (f"{TOP}/c_d4890526", "sociale zekerheid", "https://identifier.overheid.nl/tooi/set/scw_toplijst/1"),
)
"""The EU data themes DCAT-AP-NL requires, and the Dutch TOP-list themes it recommends beside them."""

LICENCES = {
    "CC0-1.0": ("https://creativecommons.org/publicdomain/zero/1.0/", f"{EU}/licence/CC0"),
    "CC-BY-4.0": ("https://creativecommons.org/licenses/by/4.0/", f"{EU}/licence/CC_BY_4_0"),
}
"""SPDX id → (the Creative Commons deed DCAT-AP-NL asks for, the same licence in the EU licence list)."""

CONTEXT = {
    "adms": "http://www.w3.org/ns/adms#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "dcatap": "http://data.europa.eu/r5r/",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "spdx": "http://spdx.org/rdf/terms#",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def licence_url(spdx: str) -> str:
    """The web address of a licence by its SPDX id."""
    return LICENCES[spdx][0] if spdx in LICENCES else f"https://spdx.org/licenses/{spdx}.html"


def dcat_catalog(header: dict[str, Any], settings: Settings, out: Path, period: tuple[str, str] | None = None) -> dict[str, Any]:
    """The catalogue with the dataset and one distribution per data file, as JSON-LD (a @graph of typed nodes).
    `period`: the first and last day the documents' dates can mean, for dct:temporal."""
    base = absolute_url(settings.site_url, OPEN_DATA)
    home = absolute_url(settings.site_url, "")
    me = f"{base}dataset.jsonld"
    publisher = {"@id": f"{home}#uitgever"}
    contact = {"@id": f"{me}#contactpunt"}
    modified = _date(str(header["statussen_peildatum"]))  # the last day anything in the download changed: data or a status
    licence = _licence(str(header["licentie"]))
    language = _concept(f"{EU}/language/NLD", "Nederlands", f"{EU}/language", "dct:LinguisticSystem")
    distributions = [_distribution(me, base, out, download, licence["@id"], modified) for download in DATA_FILES]
    dataset = {
        "@id": f"{me}#dataset",
        "@type": "dcat:Dataset",
        "dct:title": _nl("Adviesregister: adviezen sociaal domein en reacties van het college"),
        "dct:description": _nl(
            "Adviezen van adviesraden sociaal domein aan colleges van burgemeester en wethouders, hun reacties en bijbehorende stukken, met status en reactietijd."
        ),
        "dct:identifier": base,
        "dct:publisher": publisher,
        "dct:creator": publisher,
        "dcat:contactPoint": contact,
        "dct:accessRights": _concept(f"{EU}/access-right/PUBLIC", "publiek", f"{EU}/access-right", "dct:RightsStatement"),
        "dcat:theme": [_concept(uri, label, scheme) for uri, label, scheme in THEMES],
        "dcat:keyword": [_nl(word) for word in ("adviesraad", "sociaal domein", "advies", "college van burgemeester en wethouders", "Wmo", "jeugdzorg")],
        "dct:language": language,
        "dct:modified": modified,
        "dct:spatial": _concept(f"{EU}/country/NLD", "Nederland", f"{EU}/country", "dct:Location"),
        "dcat:landingPage": {"@id": base, "@type": "foaf:Document"},
        "foaf:page": {"@id": absolute_url(settings.site_url, ABOUT), "@type": "foaf:Document"},
        "dct:conformsTo": {"@id": f"{base}schema/adviesregister.schema.json", "@type": "dct:Standard"},
        "dcat:distribution": [{"@id": distribution["@id"]} for distribution in distributions],
    }
    if period:
        dataset["dct:temporal"] = {"@type": "dct:PeriodOfTime", "dcat:startDate": _date(period[0]), "dcat:endDate": _date(period[1])}
    catalog = {
        "@id": f"{me}#catalogus",
        "@type": "dcat:Catalog",
        "dct:title": _nl(settings.naam),
        "dct:description": _nl(f"De open data van {settings.naam}: het archief van adviezen en de reacties van het college, om te downloaden."),
        "dct:publisher": publisher,
        "dct:creator": publisher,
        "dcat:contactPoint": contact,
        "dct:language": language,
        "dct:license": licence,
        "dct:spatial": {"@id": f"{EU}/country/NLD"},
        "dct:modified": modified,
        "foaf:homepage": {"@id": home, "@type": "foaf:Document"},
        "dcat:themeTaxonomy": {"@id": f"{EU}/data-theme", "@type": "skos:ConceptScheme", "dct:title": {"@language": "en", "@value": "Data theme"}},
        "dcat:dataset": dataset,
    }
    agents = [
        {
            "@id": publisher["@id"],
            "@type": ["foaf:Agent", "foaf:Organization"],
            "foaf:name": settings.uitgever,
            "dct:type": _concept(f"{ADMS}/publishertype/LocalAuthority", "lokale overheid", f"{ADMS}/publishertype/1.0"),
        },
        {
            "@id": contact["@id"],
            "@type": ["vcard:Kind", "vcard:Organization"],
            "vcard:fn": settings.uitgever,
            "vcard:hasEmail": {"@id": f"mailto:{settings.contact}"},
        },
    ]
    return {"@context": CONTEXT, "@graph": [catalog, *distributions, *agents]}


def _distribution(me: str, base: str, out: Path, download: Download, licence: str, modified: dict[str, str]) -> dict[str, Any]:
    """One file of the download. A gzip-compressed file has the media type of the data inside and `dcat:compressFormat` gzip."""
    name, title, mediatype = download.naam, download.beschrijving, download.mediatype
    size, sha256 = file_digest(out / name)
    node: dict[str, Any] = {
        "@id": f"{me}#{name}",
        "@type": "dcat:Distribution",
        "dct:title": _nl(name),
        "dct:description": _nl(title[:1].upper() + title[1:] + "."),
        "dcat:accessURL": {"@id": base, "@type": "rdfs:Resource"},
        "dcat:downloadURL": {"@id": base + name, "@type": "rdfs:Resource"},
        "dcat:byteSize": {"@value": str(size), "@type": "xsd:nonNegativeInteger"},
        "spdx:checksum": {
            "@type": "spdx:Checksum",
            "spdx:algorithm": {"@id": "https://spdx.org/rdf/terms#checksumAlgorithm_sha256", "@type": "spdx:ChecksumAlgorithm"},
            "spdx:checksumValue": {"@value": sha256, "@type": "xsd:hexBinary"},
        },
        "dct:license": {"@id": licence},
        "dct:language": {"@id": f"{EU}/language/NLD"},
        "dct:modified": modified,
        "dct:conformsTo": [{"@id": f"{base}datapackage.json", "@type": "dct:Standard"}],
        "dcatap:availability": _concept(f"{EU}/planned-availability/STABLE", "stabiel", f"{EU}/planned-availability"),
    }
    if name == JSON_DUMP:
        node["dct:conformsTo"].append({"@id": f"{base}schema/adviesregister.schema.json", "@type": "dct:Standard"})
    if mediatype:
        node["dcat:mediaType"] = {"@id": f"{IANA}/{mediatype}", "@type": "dct:MediaType"}
        if mediatype in FILE_TYPES:
            node["dct:format"] = _concept(f"{EU}/file-type/{FILE_TYPES[mediatype]}", FILE_TYPES[mediatype], f"{EU}/file-type", "dct:MediaTypeOrExtent")
    if download.ingepakt:
        node["dcat:compressFormat"] = {"@id": f"{IANA}/application/gzip", "@type": "dct:MediaType"}
    return node


def _licence(spdx: str) -> dict[str, Any]:
    url = licence_url(spdx)
    node: dict[str, Any] = {"@id": url, "@type": "dct:LicenseDocument", "rdfs:label": spdx}
    if spdx == "CC0-1.0":
        node["dct:type"] = _concept(f"{ADMS}/licencetype/PublicDomain", "publiek domein", f"{ADMS}/licencetype/1.0")
    if spdx in LICENCES:
        node["skos:exactMatch"] = {"@id": LICENCES[spdx][1]}
    return node


def _concept(uri: str, label: str, scheme: str, *types: str) -> dict[str, Any]:
    """A value from a controlled list: typed, labelled and tied to its list."""
    return {"@id": uri, "@type": ["skos:Concept", *types], "skos:prefLabel": _nl(label), "skos:inScheme": {"@id": scheme}}


def _nl(text: str) -> dict[str, str]:
    return {"@language": "nl", "@value": text}


def _date(day: str) -> dict[str, str]:
    return {"@value": day, "@type": "xsd:date"}
