"""What each kind of document is under the Woo: its TOOI documentsoort and informatiecategorie, once for the
open data (the `tooi` field) and the DiWoo records. Values from the TOOI lists that DiWoo 0.9.8 embeds
(ccw_plooi_documentsoorten/7, scw_woo_informatiecategorieen/4, scw_documentrelatie/1,
ccw_plooi_documenthandelingen/2); the Open data page explains the choices to readers.
"""

from __future__ import annotations

from dataclasses import dataclass

from adviesregister.content.model import Document

THES = "https://identifier.overheid.nl/tooi/def/thes/kern"


@dataclass(frozen=True)
class Term:
    uri: str
    label: str


ADVIEZEN = Term(f"{THES}/c_99a836c7", "adviezen")
INGEKOMEN_STUKKEN = Term(f"{THES}/c_8c840238", "bij vertegenwoordigende organen ingekomen stukken")
VERGADERSTUKKEN = Term(f"{THES}/c_db4862c3", "vergaderstukken decentrale overheden")
BESLUITENLIJSTEN = Term(f"{THES}/c_3a248e3a", "agenda\N{RIGHT SINGLE QUOTATION MARK}s en besluitenlijsten bestuurscolleges")
ONDERZOEKSRAPPORTEN = Term(f"{THES}/c_fdaee95e", "onderzoeksrapporten")

ADVIES = Term(f"{THES}/c_d506b718", "advies")
ADVIESAANVRAAG = Term(f"{THES}/c_a40458df", "adviesaanvraag")
BRIEF = Term(f"{THES}/c_7652d853", "brief")
VERGADERSTUK = Term(f"{THES}/c_7f9dffa7", "vergaderstuk")
BESLUITENLIJST = Term(f"{THES}/c_d4a4792f", "besluitenlijst")
RAPPORT = Term(f"{THES}/c_3300f29a", "rapport")

IS_REACTIE_OP = Term(f"{THES}/c_07748060", "is reactie op")
VERWIJST_NAAR = Term(f"{THES}/c_75fac459", "verwijst naar")
ONDERTEKENING = Term(f"{THES}/c_e1ec050e", "ondertekening")
VASTSTELLING = Term(f"{THES}/c_641ecd76", "vaststelling")


@dataclass(frozen=True)
class WooKind:
    documentsoort: Term
    informatiecategorie: Term
    handeling: Term
    """What the date on the document records: a letter's signing, a list's or report's adoption."""
    waarom: str
    """Why, in plain Dutch, for the Open data page."""


WOO_KINDS: dict[str, WooKind] = {
    "advies": WooKind(ADVIES, ADVIEZEN, ONDERTEKENING, "Een advies van de adviesraad aan het college: de Woo-categorie adviezen."),
    "reactie": WooKind(
        BRIEF,
        ADVIEZEN,
        ONDERTEKENING,
        "De reactie van het college is een brief, die bij het advies hoort: wie de Woo-categorie adviezen doorzoekt, vindt het antwoord zo naast het advies. De relatie 'is reactie op' wijst het advies aan.",
    ),
    "adviesaanvraag": WooKind(ADVIESAANVRAAG, ADVIEZEN, ONDERTEKENING, "De vraag van het college om advies hoort bij het advies: Woo-categorie adviezen."),
    "raadsinformatiebrief": WooKind(
        BRIEF,
        INGEKOMEN_STUKKEN,
        ONDERTEKENING,
        "Een raadsinformatiebrief is een brief van het college aan de gemeenteraad; de raad krijgt hem als ingekomen stuk. Daarom: bij vertegenwoordigende organen ingekomen stukken.",
    ),
    "raadsvoorstel": WooKind(VERGADERSTUK, VERGADERSTUKKEN, ONDERTEKENING, "Een raadsvoorstel is een stuk voor de vergadering van de gemeenteraad."),
    "collegevoorstel": WooKind(
        VERGADERSTUK, ADVIEZEN, ONDERTEKENING, "Een collegevoorstel over een advies is een stuk voor de vergadering van het college; het hoort bij het advies."
    ),
    "besluitenlijst": WooKind(
        BESLUITENLIJST, BESLUITENLIJSTEN, VASTSTELLING, "De besluitenlijst van het college; de datum is de dag dat die werd vastgesteld."
    ),
    "rapport": WooKind(RAPPORT, ONDERZOEKSRAPPORTEN, VASTSTELLING, "Een rapport is geen brief: documentsoort rapport, Woo-categorie onderzoeksrapporten."),
    "brief": WooKind(BRIEF, ADVIEZEN, ONDERTEKENING, "Een andere brief over een advies hoort bij dat advies: Woo-categorie adviezen."),
}
"""Per soort (and for a stuk, per stuktype)."""


def woo_kind(doc: Document) -> WooKind:
    """The Woo kind of a document: by its soort, or for a stuk by its stuktype (a stuk without one is a brief)."""
    if doc.soort == "stuk":
        return WOO_KINDS[doc.stuktype or "brief"]
    return WOO_KINDS[doc.soort]
