"""Every field of an open-data record, described once: the front-matter fields (from the schema), the derived ones
(from the `Derived` dataclass) and the export's own (below). The JSON, its schema, the tables, the Data Package and
the site's field table are all made from this list, so adding a field is one edit.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, fields
from functools import cache
from typing import Any

from adviesregister.content.model import NULLABLE_TEXT, Derived, described
from adviesregister.content.schema import field_spec, front_matter_fields, type_name

_TOOI_KEYS = ("informatiecategorie", "documentsoort", "gemeente")
_NULLABLE_DATE = {"anyOf": [{"type": "string", "format": "date"}, {"type": "null"}]}

RESEARCHER_DESCRIPTIONS = {
    "id": "Vaste, unieke naam van het document; verandert nooit. Ook de naam van het bestand in documenten/ en het laatste deel van het webadres.",
    "datum": "De datum zoals de brief die noemt: JJJJ-MM-DD, of JJJJ-MM of JJJJ als de brief geen dag noemt. Zie datum_precisie, datum_begin en datum_eind.",
    "gemeente": "De korte naam van de gemeente (zoals in de tabel gemeenten); de naam staat in gemeente_naam, de TOOI-code in tooi.",
    "van": "Wie de brief schreef: een orgaan (de adviesraad, het college), nooit de naam van een ambtenaar.",
    "reactie_op": "Bij een reactie: de id's van de documenten waarop hij antwoordt.",
    "besluit": "Alleen bij een reactie: wat het college met het advies doet. Leeg als de brief het niet duidelijk zegt; dan is de status van het advies 'beantwoord'.",
    "aanbevelingen": "Alleen bij een advies: de aanbevelingen, elk apart, in de volgorde van de brief. Leeg als ze niet apart zijn vastgelegd; ze staan dan alleen in de tekst.",
    "besluit_citaat": "De zin uit de brief die het besluit zegt, letterlijk.",
    "besluiten": "Alleen bij een reactie die per aanbeveling besluit: per aanbeveling het besluit en de zin uit de brief.",
    "ingevuld_door_mens": "De velden die een mens bij de import invulde (als antwoord op een vraag, met een optie of in een tabel), omdat de import ze niet uit de brief kon lezen. De andere velden las de import uit de brief, of schreef een mens later.",
    "tekst_beschikbaar": "false als de tekst van het document niet in het archief staat (bijvoorbeeld een advies dat alleen bekend is uit de reactie erop); tekst is dan leeg.",
}
"""Where the front-matter schema speaks to the person who fills in a file, what the field means to someone reading the data."""

EXPORT_FIELDS: dict[str, dict[str, Any]] = {
    "datum_precisie": described(
        "Hoe precies de datum is: 'dag', 'maand' of 'jaar'. Bij 'maand' of 'jaar' noemt de brief geen dag; lees de datum dan niet als de eerste van de maand of 1 januari.",
        {"type": "string", "enum": ["dag", "maand", "jaar"]},
    ),
    "datum_begin": described("De eerste dag die de datum kan betekenen (bij een volledige datum die dag zelf).", {"type": "string", "format": "date"}),
    "datum_eind": described("De laatste dag die de datum kan betekenen (bij een volledige datum die dag zelf).", {"type": "string", "format": "date"}),
    "gemeente_naam": described("De naam van de gemeente.", NULLABLE_TEXT),
    "gepubliceerd": described(
        "De dag waarop het document in het archief kwam: de samenvoeging van de wijziging in de hoofdlijn van het archief (git). Leeg als het archief geen git-geschiedenis heeft, zoals een gedownloade kopie.",
        _NULLABLE_DATE,
    ),
    "gewijzigd": described("De laatste dag waarop het document in het archief veranderde (git); anders als bij 'gepubliceerd'.", _NULLABLE_DATE),
    "geschiedenis": described(
        "Wat er met het document gebeurde, oudste eerst: 'gepubliceerd', 'gewijzigd' en bij een advies elke verandering van de status ('status', met de nieuwe status; bij een reactie die binnenkwam ook de id van die reactie). "
        "De dagen komen uit git; zonder git gelden de datums op de brieven.",
        {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["datum", "gebeurtenis", "status", "document"],
                "additionalProperties": False,
                "properties": {
                    "datum": {"type": "string", "format": "date"},
                    "gebeurtenis": {"type": "string", "enum": ["gepubliceerd", "gewijzigd", "status"]},
                    "status": NULLABLE_TEXT,
                    "document": NULLABLE_TEXT,
                },
            },
        },
    ),
    "url": described("Vaste webadres van de pagina van het document.", NULLABLE_TEXT),
    "tekst": described("De tekst van de brief in Markdown, zonder persoonsgegevens.", {"type": "string"}),
    "tekst_platte": described("De tekst van de brief zonder opmaak.", {"type": "string"}),
    "tooi": described(
        "Woo-identificaties (TOOI): informatiecategorie, documentsoort en gemeente. Welke soort document welke waarden krijgt, en waarom, staat op de pagina Open data.",
        {"type": "object", "required": list(_TOOI_KEYS), "properties": dict.fromkeys(_TOOI_KEYS, NULLABLE_TEXT), "additionalProperties": False},
    ),
    "relaties": described(
        "Relaties met andere documenten, met hun TOOI-relatie: 'is reactie op' (uit reactie_op) en 'verwijst naar' (van een stuk naar het document waar het bij hoort, uit hoort_bij); de id van het doel en het vaste webadres van zijn pagina.",
        {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type", "label", "doel", "doel_url"],
                "properties": {"type": {"type": "string"}, "label": {"type": "string"}, "doel": {"type": "string"}, "doel_url": NULLABLE_TEXT},
            },
        },
    ),
}
"""Fields only the export has (built in records.py): name → description and JSON Schema."""


@dataclass(frozen=True)
class Field:
    naam: str
    beschrijving: str
    schema: dict[str, Any]
    """The JSON Schema of the value in a record."""
    berekend: bool
    """False for a front-matter field (typed by a person), True for what the archive computes."""

    @property
    def soort(self) -> str:
        """The Dutch name of the type, for a table of fields."""
        return "berekend" if self.berekend else type_name(field_spec(self.naam))


@cache
def record_fields() -> tuple[Field, ...]:
    """Every field of a record, in order: front matter (schema order), derived, the export's own."""
    out = []
    for name in front_matter_fields():
        spec = field_spec(name)
        loose = {key: value for key, value in copy.deepcopy(spec).items() if key not in ("minItems", "examples")}
        loose["description"] = RESEARCHER_DESCRIPTIONS.get(name, loose["description"])
        if name == "bron":
            loose = _bron_in_record(loose)
        out.append(Field(name, loose["description"], {"anyOf": [loose, {"type": "null"}]}, False))  # any field may be empty in a record
    out += [Field(f.name, f.metadata["beschrijving"], f.metadata["schema"], True) for f in fields(Derived)]
    out += [Field(name, meta["beschrijving"], meta["schema"], True) for name, meta in EXPORT_FIELDS.items()]
    return tuple(out)


def _bron_in_record(spec: dict[str, Any]) -> dict[str, Any]:
    """In the open data, an original's name and address are given only where the site publishes it (no personal data
    in it); a withheld original keeps only its sha256."""
    spec["description"] = (
        "Het originele bestand van de brief: het sha256-controlegetal altijd; de naam (bestand) en het webadres (url) alleen als de site het origineel "
        "publiceert. Een origineel met persoonsgegevens publiceren we niet; met het controlegetal herkent u een kopie die u op een andere manier kreeg. "
        "Het controlegetal is dat van het origineel; een PDF publiceren we als schone kopie (zonder opmerkingen, bijlagen, metadata, formulieren en "
        "scripts), met een eigen controlegetal op de pagina van het document."
    )
    del spec["properties"]["ingelezen"]  # the import's record (see importer/reimport.py) stays in the file, out of the open data
    spec["properties"]["bestand"] = {"anyOf": [spec["properties"]["bestand"], {"type": "null"}]}
    spec["properties"]["sha256_gepubliceerd"] = {
        "description": "Het sha256-controlegetal van het bestand dat de site publiceert: bij een PDF de schone kopie, anders het origineel zelf.",
        "anyOf": [{"type": "string", "pattern": "^[0-9a-f]{64}$"}, {"type": "null"}],
    }
    spec["properties"]["url"] = {"description": "Het webadres van het gepubliceerde origineel.", **NULLABLE_TEXT}
    spec["required"] = ["bestand", "sha256", "sha256_gepubliceerd", "url"]
    return spec
