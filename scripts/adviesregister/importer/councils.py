"""The archive's own advisory councils in a letter: by name or abbreviation (gemeenten.yml), the gemeente they belong to.

A letter that names its sender only as 'ASD' or 'de Adviesraad Sociaal Domein' names no municipality the CBS knows;
the councils of gemeenten.yml tell which gemeente writes (or is written to)."""

from __future__ import annotations

import re

from adviesregister.content.model import Archive
from adviesregister.importer.findings import Found, Letter
from adviesregister.importer.parties import RAAD
from adviesregister.importer.rules import rules


def _names_re(naam: str, afkortingen: tuple[str, ...]) -> re.Pattern[str]:
    """A council's name in any case, or one of its abbreviations as written ('ASD', not 'asd'), as a whole word."""
    parts = [f"(?i:{re.escape(naam)})", *(re.escape(afkorting) for afkorting in afkortingen)]
    return re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-])")


def council_names(archive: Archive) -> tuple[list[str], list[str]]:
    """Every council's name and every abbreviation in gemeenten.yml, and every sender of an advice already in content/
    (a council the archive learnt from its documents), for reading letters (parties.own_councils)."""
    raden = [raad for gemeente in archive.gemeenten.values() for raad in gemeente.adviesraden]
    names = [raad.naam for raad in raden]
    names += sorted({doc.van for doc in archive.documents if doc.soort == "advies" and doc.van and doc.van not in names})
    return names, [afkorting for raad in raden for afkorting in raad.afkortingen]


def known_councils(archive: Archive, slug: str) -> set[str]:
    """The councils of one gemeente the archive knows: in gemeenten.yml and as senders of its advices in content/."""
    gemeente = archive.gemeenten.get(slug)
    named = {raad.naam for raad in gemeente.adviesraden} if gemeente else set()
    return named | {doc.van for doc in archive.documents if doc.soort == "advies" and doc.gemeente == slug and doc.van}


def name_council(archive: Archive, letter: Letter, slug: str | None) -> None:
    """A letter in a council's voice that names no council ('namens de adviesraad', a person signing) to the college of
    a gemeente whose archive knows one council: that council wrote it, and the evidence says it came from the archive."""
    if slug is None or "van" in letter.fields or letter.value("soort") != "advies" or letter.afzender != RAAD:
        return
    councils = known_councils(archive, slug)
    named = {match[0].strip() for match in rules().namen_zinnen["genoemde_raad"].finditer(letter.tekst)}
    if len(councils) == 1 and all(naam.casefold() in next(iter(councils)).casefold() for naam in named):
        naam = councils.pop()
        letter.set("van", naam, None, f"uit het archief: de enige adviesraad van {slug} in content/gemeenten.yml en content/ is {naam}", replace=True)
        letter.beslissingen.withdraw("afzender-zonder-naam")


def councils_in(archive: Archive, text: str) -> set[str]:
    """The short names of the gemeenten one of whose councils `text` names."""
    return {slug for slug, gemeente in archive.gemeenten.items() for raad in gemeente.adviesraden if _names_re(raad.naam, raad.afkortingen).search(text)}


def council_gemeente(archive: Archive, letter: Letter) -> tuple[str, Found] | None:
    """(short name, evidence) of the one gemeente whose council the letter names: in its sender or addressee first,
    else anywhere in its text. None when no council is named, or councils of more than one gemeente are."""
    for field in ("van", "aan"):
        found = letter.fields.get(field)
        slugs = councils_in(archive, str(found.value)) if found else set()
        if found and len(slugs) == 1:
            slug = slugs.pop()
            return slug, Found(slug, found.line, f"{field}: {found.value} (een adviesraad van deze gemeente in content/gemeenten.yml)")
    slugs = councils_in(archive, letter.tekst)
    if len(slugs) == 1:
        slug = slugs.pop()
        return slug, Found(slug, None, "de brief noemt een adviesraad van deze gemeente (naam of afkorting uit content/gemeenten.yml)")
    return None


def spell_sender(archive: Archive, letter: Letter) -> None:
    """A sender the letter names by one of the archive's councils ('ASD', 'adviesraad sociaal domein oss') becomes that
    council's name as gemeenten.yml writes it, which the site shows; only when exactly one council is meant."""
    found = letter.fields.get("van")
    if found is None:
        return
    text = str(found.value)
    meant = {
        raad.naam
        for gemeente in archive.gemeenten.values()
        for raad in gemeente.adviesraden
        if text.casefold() == raad.naam.casefold() or text in raad.afkortingen
    }
    if len(meant) == 1 and (naam := meant.pop()) != text:
        letter.set("van", naam, found.line, f"{found.bewijs} ('{text}' is de {naam} in content/gemeenten.yml)", replace=True)
