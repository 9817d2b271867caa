"""Who writes to whom: the organ that signs (or heads) the letter, and the organ it is addressed to."""

from __future__ import annotations

import re

from adviesregister.content.reference import cbs_municipalities
from adviesregister.importer.findings import Letter, Role
from adviesregister.importer.header import ADDRESS_RE, TAV_RE
from adviesregister.importer.parties import COLLEGE, RAAD, Organ, organ_in, organs_in, without_article
from adviesregister.importer.rules import rules
from adviesregister.importer.source import Source


def read_sender(source: Source, letter: Letter) -> None:
    """The organ that signs after the closing ('namens de Wmo-raad Moerdijk', 'Burgemeester en wethouders van Almelo');
    else 'Van:' or 'Uitgebracht door' in the letterhead, the subject ('Ongevraagd advies Adviesraad …') or the
    letterhead's first line. A name without its gemeente ('namens de Wmo-raad') takes the full name the letter gives
    elsewhere ('Wmo-raad Moerdijk'); a bare word ('de adviesraad') is no name, and the letterhead's is taken instead."""
    lines = source.lines
    first = source.first
    gemeente_head = first < source.body_start and rules().namen_zinnen["gemeente_kop"].match(lines[first].strip())
    hoe = "ondertekend door"
    found = _signature(source)
    if found is None:
        hoe, found = "in de kop ('Van:', 'Uitgebracht door') staat", _header_sender(source, letter)
    if found is None:
        hoe, found = "het onderwerp noemt als afzender", _council_in_subject(letter)
    if found is None and not gemeente_head:
        hoe, found = "de brief spreekt als", _council_advising(source)
    letterhead = organ_in(lines[first]) if first < source.body_start else None
    if found is None and letterhead and letterhead.naam and letterhead.rol == RAAD:
        hoe, found = "het briefhoofd noemt", (letterhead, first)
    if found is None:
        if gemeente_head:
            letter.afzender = COLLEGE  # the gemeente's letterhead: the college writes, but the letter does not name it
            letter.rollen.append(Role("afzender", COLLEGE, lines[first].strip(), first + 1, "het briefhoofd noemt"))
        return
    organ, index = found
    letter.afzender = organ.rol
    letter.rollen.append(Role("afzender", organ.rol, organ.naam or lines[index].strip(), index + 1, hoe, organ.uit_archief))
    framing = source.lines[: source.body_start] + (source.lines[source.closing :] if source.closing is not None else [])
    naam = _full_name(organ.naam, "\n".join(framing)) if organ.naam else None
    if naam and len(without_article(naam).split()) == 1:
        if (
            letterhead
            and letterhead.naam
            and len(letterhead.naam.split()) > 1
            and letterhead.rol == organ.rol
            and without_article(naam).casefold() in letterhead.naam.casefold()
        ):
            naam, index = letterhead.naam, first
        else:
            letter.beslissingen.add("van", "afzender-zonder-naam", f"de brief is ondertekend door '{naam}', zonder de naam van de raad; vul 'van' in.")
            return
    if naam and (misread := _misread_place(naam)):
        letter.beslissingen.add("van", "afzender-misgelezen", f"de afzender '{naam}' lijkt verkeerd gelezen ('{misread}'?); vul 'van' in.")
        return
    if naam:
        letter.set("van", naam, index + 1, lines[index].strip())


_MISREADINGS = (("rn", "m"), ("1", "l"), ("0", "o"), ("ii", "n"))
"""What text recognition often reads instead of a letter: 'Karnpen' for 'Kampen'."""


def _misread_place(naam: str) -> str | None:
    """The gemeente a name's last word would be if text recognition misread it ('Karnpen' → 'Kampen'), or None."""
    last = naam.split()[-1]
    gemeenten = set(cbs_municipalities().values())
    if last in gemeenten or not last[:1].isupper():
        return None
    for wrong, right in _MISREADINGS:
        if wrong in last and (fixed := last.replace(wrong, right)) in gemeenten:
            return fixed
    return None


def _header_sender(source: Source, letter: Letter) -> tuple[Organ, int] | None:
    """'Van: ASD Groningen', else 'Uitgebracht door de Adviesraad … d.d. …' above the salutation."""
    if letter.kop_van is not None and letter.kop_van.line is not None:
        organ = organ_in(str(letter.kop_van.value))
        return (Organ(organ.rol, str(letter.kop_van.value)), letter.kop_van.line - 1) if organ else None
    for index in range(source.body_start):
        match = rules().namen_zinnen["uitgebracht_door"].match(source.lines[index])
        organ = organ_in(re.split(r"\s+(?:d\.?d\.?|op)\s+\d", match[1])[0]) if match else None
        if organ and organ.naam:
            return organ, index
    return None


def _council_in_subject(letter: Letter) -> tuple[Organ, int] | None:
    """'Ongevraagd advies Adviesraad Sociaal Domein ten aanzien van …': the subject names the council that gives it."""
    titel = letter.fields.get("titel")
    match = rules().namen_zinnen["advies_van"].match(str(titel.value)) if titel else None
    council = rules().raden.match(str(titel.value), match.end()) if titel and match else None
    if titel is None or council is None or titel.line is None:
        return None
    return Organ(RAAD, council[0]), titel.line - 1


def _council_advising(source: Source) -> tuple[Organ, int] | None:
    """'De ASD adviseert het college …', '- De Wmo-raad brengt …': a council advising in the body, at the start of a
    sentence or list item, names the sender when nothing else does."""
    for index in range(source.body_start, len(source.lines)):
        match = rules().namen_zinnen["raad_brengt"].search(source.lines[index])
        organ = organ_in(match[1]) if match else None
        if organ and organ.rol == RAAD:
            return organ, index
    return None


def _signature(source: Source) -> tuple[Organ, int] | None:
    """The organ(s) signing after the closing; a joint letter signed in columns names both."""
    lines = source.lines
    start = source.closing + 1 if source.closing is not None else source.body_start
    candidates = range(start, len(lines)) if source.closing is not None else range(max(start, len(lines) - 6), len(lines))
    for index in candidates:
        line = lines[index].strip()
        if rules().na_ondertekening.match(line):
            break  # 'Afschrift aan: wethouder Zorg' names who gets a copy, not who signs
        if not line or "*" in line:
            continue
        organs = organs_in(lines[index])
        if not organs and source.closing is not None and rules().namen_zinnen["afdeling"].match(line):
            return Organ(COLLEGE, None), index  # 'de gemeente Tiel', 'namens het college': a department writes for the college
        named = [organ for organ in organs if organ.naam]
        if len(named) > 1 and len({organ.rol for organ in named}) == 1:
            return Organ(named[0].rol, " en ".join(str(organ.naam) for organ in named)), index
        if named:
            return named[0], index
        if organs and source.closing is not None:  # 'wethouder Zorg' signs for the college without naming it
            return organs[0], index
    return None


def _full_name(naam: str, framing: str) -> str:
    """'Wmo-raad' → 'Wmo-raad Moerdijk' when the letterhead or signature names the council with its gemeente, and
    names no other one ('afgestemd met de Wmo-raad Oostzaan' in the body says nothing of who writes)."""
    gemeenten = set(cbs_municipalities().values())
    if any(naam.endswith(f" {gemeente}") for gemeente in gemeenten):
        return naam
    found = {
        gemeente
        for match in re.finditer(rf"(?<![\w-]){re.escape(naam)}\s+([A-Z][\w'-]+(?:[ -][A-Z][\w'-]+)*)", framing)
        for gemeente in gemeenten
        if match[1].startswith(gemeente) and (len(match[1]) == len(gemeente) or not match[1][len(gemeente)].isalpha())
    }
    return f"{naam} {found.pop()}" if len(found) == 1 else naam


def read_recipient(source: Source, letter: Letter) -> None:
    """'Aan:' in the letterhead (read by header.py); else an address block that names an organ; else the salutation's role."""
    lines, body_start = source.lines, source.body_start
    if "aan" in letter.fields:
        organ = organ_in(str(letter.value("aan")))
        letter.ontvanger = organ.rol if organ else None
        if organ is not None:
            letter.rollen.append(Role("ontvanger", organ.rol, organ.naam, letter.fields["aan"].line, "'Aan:'", organ.uit_archief))
    else:
        for start, block in _blocks(lines[:body_start]):
            if len(block) > 1 and rules().namen_zinnen["retouradres"].match(block[0]):  # 'Retouradres Postbus 12, 4000 AA Tiel' above the address
                start, block = start + 1, block[1:]
            first = block[0].strip()
            organ = organ_in(first)
            rest = [line.strip() for line in block[1:]]
            address = bool(rest) and all(ADDRESS_RE.match(line) or TAV_RE.match(line) or rules().functies.fullmatch(line) for line in rest)
            if organ and organ.naam and address and not rules().namen_zinnen["briefhoofd"].match(first) and start != source.first:
                letter.set("aan", first.rstrip(","), start + 1, first)
                letter.ontvanger = organ.rol
                letter.rollen.append(Role("ontvanger", organ.rol, organ.naam, start + 1, "adresblok", organ.uit_archief))
                break
    if letter.ontvanger is None and source.salutation is not None:
        letter.ontvanger = source.salutation[1]
        if source.salutation[1] is not None:
            index = source.salutation[0]
            letter.rollen.append(Role("ontvanger", source.salutation[1], None, index + 1, f"aanhef '{lines[index].strip()}'"))
    if "aan" not in letter.fields and source.salutation is not None:
        index = source.salutation[0]
        match = rules().namen_zinnen["aanhef_raad"].search(lines[index])
        if match:
            letter.set("aan", f"de {match[1]}", index + 1, lines[index].strip())


def _blocks(lines: list[str]) -> list[tuple[int, list[str]]]:
    blocks: list[tuple[int, list[str]]] = []
    for index, line in enumerate(lines):
        if line.strip():
            if blocks and index > 0 and lines[index - 1].strip():
                blocks[-1][1].append(line)
            else:
                blocks.append((index, [line]))
    return blocks
