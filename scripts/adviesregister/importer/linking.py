"""A response linked to the advice it answers: by reference number, by the advice's date, or by subject; a text-less
record for an advice the archive does not hold."""

from __future__ import annotations

import re
from typing import Any

from adviesregister.content.model import Archive, Datum, Document
from adviesregister.content.names import document_id, document_path, slugify
from adviesregister.content.privacy import without_placeholders
from adviesregister.importer.findings import Decisions, Letter
from adviesregister.importer.result import Record
from adviesregister.importer.rules import rules
from adviesregister.importer.verdict import ADVICE_DATE_UNKNOWN


def add_to_archive(archive: Archive, records: list[Record]) -> None:
    """Let later letters of the same import link to records made by earlier ones."""
    for record in records:
        data = record.front_matter
        if data.get("soort") == "advies" and "datum" in data and "gemeente" in data:
            archive.documents.append(
                Document(
                    id=data["id"],
                    soort="advies",
                    titel=str(data.get("titel", "")),
                    datum=Datum.parse(data["datum"]),
                    gemeente=data["gemeente"],
                    path=record.path,
                )
            )


def link_advice(archive: Archive, letter: Letter, reactie: Record, beslissingen: Decisions) -> list[Record]:
    """Link to the advice the response answers; create a text-less record for it when it is not in the archive."""
    ref = letter.advies
    gemeente = reactie.front_matter.get("gemeente")
    if _link_by_reference(archive, letter, reactie, beslissingen):
        return []
    if ref is None:
        _link_by_subject(archive, reactie, beslissingen)
        return []
    candidates = [d for d in archive.documents if d.soort == "advies" and d.gemeente == gemeente and d.datum == ref.datum]
    if len(candidates) > 1:
        names = " en ".join(f"'{d.id}'" for d in candidates)
        beslissingen.add("reactie_op", "advies-meerdere", f"twee of meer adviezen van {ref.datum} passen: {names}. Kies het goede en vul de id in.")
        return []
    reactie.bewijs["reactie_op"] = ref.zin
    if candidates:
        reactie.front_matter["reactie_op"] = [candidates[0].id]
        return []
    titel = advice_title(str(reactie.front_matter.get("titel", "")))
    advies_id = document_id(gemeente, ref.datum, without_placeholders(titel))  # as for the response: no '[naam verwijderd]' in an id
    reactie.front_matter["reactie_op"] = [advies_id]
    front_matter: dict[str, Any] = {"id": advies_id, "soort": "advies", "titel": titel, "datum": str(ref.datum), "gemeente": gemeente}
    if ref.adviestype:
        front_matter["adviestype"] = ref.adviestype
    if "aan" in reactie.front_matter:
        front_matter["van"] = reactie.front_matter["aan"]
    if "van" in reactie.front_matter:
        front_matter["aan"] = reactie.front_matter["van"]
    front_matter["samenvatting"] = _summary(titel, front_matter.get("van"))
    front_matter["tekst_beschikbaar"] = False
    bewijs = {"datum": ref.zin, "samenvatting": "het onderwerp van de reactie", "titel": "onderwerp van de reactie"}
    beslissingen.add(
        "reactie_op", "advies-zonder-tekst", f"het advies van {ref.datum} staat niet in het archief; er is een record zonder tekst voor gemaakt ({advies_id})."
    )
    return [Record(document_path(gemeente, ref.datum.jaar, advies_id), front_matter, "", bewijs)]


def advice_title(response_title: str) -> str:
    """The title of an advice known only from the response's subject, without the college's second person:
    'Reactie op uw advies over X' → 'Advies over X', 'Uw ongevraagde advies over X' → 'Ongevraagd advies over X'.
    A subject that names no advice ('Verordening Jeugdhulp 2025') stays as it is."""
    titel = rules().namen_zinnen["verbogen"].sub(r"\1", rules().namen_zinnen["reactie_woorden"].sub("", response_title, count=1).strip())
    titel = rules().namen_zinnen["uw_brief"].sub("Advies", titel, count=1)
    return titel[:1].upper() + titel[1:] if titel else "Advies"


def _summary(titel: str, van: object) -> str:
    """A neutral sentence for the summary of an advice known only from a response (never the college's 'U adviseert ons')."""
    article = "" if re.match(r"(de|het)\s", str(van), re.IGNORECASE) else "de "
    door = f" van {article}{van}" if van else ""
    return f"{titel}{door}."  # the page says itself that the text is not in the archive


def _reference(kenmerk: str) -> str:
    """A reference number as it is compared: without case, spaces and dashes ('ASD 2026/014' and 'asd-2026/014' are one)."""
    return re.sub(r"[\s\-\u2010-\u2015]", "", kenmerk).casefold()


def _link_by_reference(archive: Archive, letter: Letter, reactie: Record, beslissingen: Decisions) -> bool:
    """The strongest evidence: the response's 'Uw kenmerk' is the 'Ons kenmerk' of exactly one advice (of the same
    gemeente, when it is known). Two advices with that kenmerk link nothing: the date and subject rules decide."""
    found = letter.kenmerken.get("uw_kenmerk")
    if found is None or not _reference(str(found.value)):
        return False
    gemeente = reactie.front_matter.get("gemeente")
    wanted = _reference(str(found.value))
    matches = [
        d for d in archive.documents if d.soort == "advies" and gemeente in (None, d.gemeente) and _reference(d.kenmerken.get("ons_kenmerk", "")) == wanted
    ]
    if len(matches) != 1:
        return False
    reactie.front_matter["reactie_op"] = [matches[0].id]
    reactie.bewijs["reactie_op"] = f"{found.evidence()}: het kenmerk (ons_kenmerk) van het advies '{matches[0].titel}'"
    beslissingen.settle("reactie_op")  # an exact reference number needs no check of dates or subject
    return True


def _subject_words(titel: str) -> set[str]:
    return {word for word in slugify(titel, limit=10_000).split("-") if word not in rules().stopwoorden and len(word) > 2}


def _link_by_subject(archive: Archive, reactie: Record, beslissingen: Decisions) -> None:
    """Without a date, an advice of the same gemeente whose subject words all recur in the response's subject."""
    words = _subject_words(str(reactie.front_matter.get("titel", "")))
    if not words:
        return
    matches = [
        d
        for d in archive.documents
        if d.soort == "advies" and d.gemeente == reactie.front_matter.get("gemeente") and (found := _subject_words(d.titel)) and found <= words
    ]
    if len(matches) == 1:
        reactie.front_matter["reactie_op"] = [matches[0].id]
        reactie.bewijs["reactie_op"] = f"het onderwerp past bij '{matches[0].titel}'"
        beslissingen.withdraw(ADVICE_DATE_UNKNOWN)
        beslissingen.add(
            "reactie_op", "gekoppeld-op-onderwerp", f"gekoppeld aan '{matches[0].id}' op grond van het onderwerp, niet van een datum. Controleer dit."
        )
    elif len(matches) > 1:
        names = " en ".join(f"'{d.id}'" for d in matches)
        beslissingen.add("reactie_op", "advies-meerdere", f"meer adviezen passen bij het onderwerp: {names}. Kies het goede en vul de id in.")
