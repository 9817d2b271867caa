"""Read a Dutch letter: header fields, sender and recipient, kind, body, verdict, and the advice it answers.

Every value comes with its evidence (the line it was read from). Where the letter does not say,
the field is left out and a decision for a person is recorded: we abstain rather than guess.
The words that mark a salutation, a closing, a council's name or a verdict are data: see rules.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from adviesregister.content.model import Datum
from adviesregister.content.reference import cbs_municipalities
from adviesregister.importer import own_date
from adviesregister.importer.body import letter_to_markdown
from adviesregister.importer.dates import find_dates, parse_dutch_date
from adviesregister.importer.findings import Letter
from adviesregister.importer.header import ADDRESS_RE, NO_ATTACHMENT_RE, TAV_RE, label_segments, read_header
from adviesregister.importer.kind import NOT_A_LETTER, classify, not_a_letter, stuk_kind
from adviesregister.importer.parties import COLLEGE, NAME_REST_RE, RAAD, Organ, organ_in, organs_in, without_article
from adviesregister.importer.rules import rules
from adviesregister.importer.verdict import read_advice_reference, read_verdict

_LETTERHEAD_RE = re.compile(r"^(postadres|bezoekadres|retouradres|secretariaat|telefoon|tel\.|e-mail|internet|www\.|fax)\b", re.IGNORECASE)
_UITGEBRACHT_RE = re.compile(r"^\s*uitgebracht\b", re.IGNORECASE)
_GEMEENTE_HEAD_RE = re.compile(r"^gemeente\s+\S", re.IGNORECASE)


@dataclass(frozen=True)
class Source:
    """The letter's text as every reading step sees it."""

    text: str
    lines: list[str]
    body_start: int
    """Index of the first line of the body (after the salutation's line, or the first long line)."""
    salutation: tuple[int, str | None] | None
    """Index of the salutation's line and to whom it speaks (college, raad, gemeenteraad)."""
    closing: int | None
    """Index of the closing ('Met vriendelijke groet,'), after which the signature follows."""
    collegevoorstel: bool
    """Almelo's B&W template: a list of fields instead of a letterhead."""


def read_source(text: str) -> Source:
    lines = text.split("\n")
    collegevoorstel = next((line.strip() for line in lines if line.strip()), "").lower() == "collegevoorstel"
    salutation = _salutation(lines)
    body_start = _body_start(lines, collegevoorstel, salutation)
    closing = next((index for index in range(body_start, len(lines)) if rules().slot.match(lines[index])), None)
    return Source(text, lines, body_start, salutation, closing, collegevoorstel)


def _salutation(lines: list[str]) -> tuple[int, str | None] | None:
    """The first line that starts with a salutation, or ends with one after a letterhead flattened onto it, and to whom
    it speaks (None: a salutation we know only as one, 'Geachte heer,')."""
    for index, line in enumerate(lines[:80]):
        for rol, pattern in rules().aanhef.items():
            match = pattern.search(line)
            rest = line[match.end() :] if match else ""
            if match and (not line[: match.start()].strip() or rest.strip() in ("", ",") or (len(rest) < 120 and NAME_REST_RE.match(rest))):
                return index, rol  # 'Geachte leden van de ASD De Peel,' at the end of a flattened letterhead
        if rules().aanhef_overig.match(line):
            return index, None
    return None


@dataclass(frozen=True)
class Step:
    """One step of reading a letter: the fields it reads from earlier steps and the fields it may set."""

    run: Callable[[Source, Letter], None]
    reads: frozenset[str] = frozenset()
    sets: frozenset[str] = frozenset()


def _header(source: Source, letter: Letter) -> None:
    letter.vooraf = read_header(source.lines[: source.body_start], letter, source.collegevoorstel)


def _unlabelled_title(source: Source, letter: Letter) -> None:
    """Without 'Betreft' or 'Onderwerp': a line above the salutation that names the advice or response ('Gevraagd advies
    over …', 'Reactie op …'), or a subject label in mid-line ('Collegevoorstel (2024/118) Onderwerp: …')."""
    if "titel" in letter.velden:
        return
    for index in range(max(source.body_start, _first_line(source.lines) + 1)):
        line = source.lines[index].strip()
        inline = re.search(r"\b(?:Onderwerp|Betreft)\s*:\s*(\S.+)$", line)
        if inline:
            letter.set("titel", inline[1].rstrip("."), index + 1, line)
            return
        if rules().titel_zonder_label.match(line) and not label_segments(line, []) and len(line) <= 200:
            letter.set("titel", line.rstrip("."), index + 1, line)
            return


def _own_date(source: Source, letter: Letter) -> None:
    """Without a 'Datum' in the letterhead: 'Plaats, 11 februari 2022', a date alone on a line, or 'Uitgebracht … d.d.'."""
    if "datum" in letter.velden or source.collegevoorstel:
        return
    chosen, why = own_date.choose(own_date.candidates(source.lines, source.body_start, source.closing))
    if chosen is not None:
        letter.set("datum", chosen.datum, chosen.regel, f"{chosen.tekst} ({chosen.soort})")
    elif why:
        letter.datum_gezien.append(why)


def _body(source: Source, letter: Letter) -> None:
    tekst = letter_to_markdown(source.lines[source.body_start :], source.body_start + 1, letter.verwijderd)
    letter.tekst = "\n".join(letter.vooraf) + "\n\n" + tekst if letter.vooraf else tekst


def _verdict(source: Source, letter: Letter) -> None:
    if letter.value("soort") == "reactie":
        read_verdict(letter)


def _advice(source: Source, letter: Letter) -> None:
    if letter.value("soort") == "reactie":
        read_advice_reference(letter, source.text)


def _body_start(lines: list[str], collegevoorstel: bool, salutation: tuple[int, str | None] | None) -> int:
    if salutation is not None:
        index = salutation[0]
        starts_line = rules().aanhef_overig.match(lines[index]) is not None
        return index if starts_line else index + 1  # a letterhead flattened onto the salutation's line is header
    if collegevoorstel:
        for index, line in enumerate(lines):
            stripped = line.strip()
            if stripped.endswith(":") or len(stripped) > 60:
                return index
    for index, line in enumerate(lines):
        if len(line.strip()) > 60 and not label_segments(line, []) and not _UITGEBRACHT_RE.match(line):
            return index
    return 0


def _read_recipient(source: Source, letter: Letter) -> None:
    """'Aan:' in the letterhead (read by header.py); else an address block that names an organ; else the salutation's role."""
    lines, body_start = source.lines, source.body_start
    if "aan" in letter.velden:
        organ = organ_in(str(letter.value("aan")))
        letter.ontvanger = organ.rol if organ else None
    else:
        for start, block in _blocks(lines[:body_start]):
            first = block[0].strip()
            organ = organ_in(first)
            rest = [line.strip() for line in block[1:]]
            address = bool(rest) and all(ADDRESS_RE.match(line) or TAV_RE.match(line) or rules().functies.fullmatch(line) for line in rest)
            if organ and organ.naam and address and not _LETTERHEAD_RE.match(first) and start != _first_line(lines):
                letter.set("aan", first.rstrip(","), start + 1, first)
                letter.ontvanger = organ.rol
                break
    if letter.ontvanger is None and source.salutation is not None:
        letter.ontvanger = source.salutation[1]
    if "aan" not in letter.velden and source.salutation is not None:
        index = source.salutation[0]
        match = re.search(r"Geachte\s+(raadsleden|leden van de raad|gemeenteraad)\s*,", lines[index], re.IGNORECASE)
        if match:
            letter.set("aan", f"de {match[1]}", index + 1, lines[index].strip())


def _first_line(lines: list[str]) -> int:
    return next((index for index, line in enumerate(lines) if line.strip()), 0)


def _blocks(lines: list[str]) -> list[tuple[int, list[str]]]:
    blocks: list[tuple[int, list[str]]] = []
    for index, line in enumerate(lines):
        if line.strip():
            if blocks and index > 0 and lines[index - 1].strip():
                blocks[-1][1].append(line)
            else:
                blocks.append((index, [line]))
    return blocks


def _read_attachments(source: Source, letter: Letter) -> None:
    """A section 'Bijlage(n)' in the text lists the attachments, one paragraph or list item each."""
    match = re.search(r"^## Bijlagen?\n\n(.*?)(?=\n\n## |\Z)", letter.tekst, re.DOTALL | re.MULTILINE)
    if match and "bijlagen" not in letter.velden:
        items = [re.sub(r"^(- |\d+\. )", "", item.strip()) for item in re.split(r"\n\n|\n(?=- |\d+\. )", match[1]) if item.strip()]
        items = [item for item in items if not NO_ATTACHMENT_RE.match(item)]
        if not items:
            return
        letter.set("bijlagen", items, None, "de paragraaf 'Bijlagen' in de tekst")


def _read_sender(source: Source, letter: Letter) -> None:
    """The organ that signs after the closing ('namens de Wmo-raad Moerdijk', 'Burgemeester en wethouders van Almelo');
    else 'Van:' or 'Uitgebracht door' in the letterhead, the subject ('Ongevraagd advies Adviesraad …') or the
    letterhead's first line. A name without its gemeente ('namens de Wmo-raad') takes the full name the letter gives
    elsewhere ('Wmo-raad Moerdijk'); a bare word ('de adviesraad') is no name, and the letterhead's is taken instead."""
    lines = source.lines
    first = _first_line(lines)
    gemeente_head = first < source.body_start and _GEMEENTE_HEAD_RE.match(lines[first].strip())
    found = _signature(source) or _header_sender(source, letter) or _council_in_subject(letter)
    found = found or (None if gemeente_head else _council_advising(source))
    letterhead = organ_in(lines[first]) if first < source.body_start else None
    if found is None and letterhead and letterhead.naam and letterhead.rol == RAAD:
        found = letterhead, first
    if found is None:
        if gemeente_head:
            letter.afzender = COLLEGE  # the gemeente's letterhead: the college writes, but the letter does not name it
        return
    organ, index = found
    letter.afzender = organ.rol
    framing = source.lines[: source.body_start] + (source.lines[source.closing :] if source.closing is not None else [])
    naam = _full_name(organ.naam, "\n".join(framing)) if organ.naam else None
    if naam and len(without_article(naam).split()) == 1:
        if letterhead and letterhead.naam and letterhead.rol == organ.rol and naam.casefold() in letterhead.naam.casefold():
            naam, index = letterhead.naam, first
        else:
            letter.beslissingen.add("van", "afzender-zonder-naam", f"de brief is ondertekend door '{naam}', zonder de naam van de raad; vul 'van' in.")
            return
    if naam:
        letter.set("van", naam, index + 1, lines[index].strip())


def _header_sender(source: Source, letter: Letter) -> tuple[Organ, int] | None:
    """'Van: ASD Groningen', else 'Uitgebracht door de Adviesraad … d.d. …' above the salutation."""
    if letter.kop_van is not None and letter.kop_van.regel is not None:
        organ = organ_in(str(letter.kop_van.waarde))
        return (Organ(organ.rol, str(letter.kop_van.waarde)), letter.kop_van.regel - 1) if organ else None
    for index in range(source.body_start):
        match = re.match(r"^\s*uitgebracht\b.*?\bdoor\s+(.+)$", source.lines[index], re.IGNORECASE)  # see _UITGEBRACHT_RE
        organ = organ_in(re.split(r"\s+(?:d\.?d\.?|op)\s+\d", match[1])[0]) if match else None
        if organ and organ.naam:
            return organ, index
    return None


def _council_in_subject(letter: Letter) -> tuple[Organ, int] | None:
    """'Ongevraagd advies Adviesraad Sociaal Domein ten aanzien van …': the subject names the council that gives it."""
    titel = letter.velden.get("titel")
    match = re.match(r"^(?:on)?gevraagd\s+advies\s+(?:van\s+(?:de\s+)?)?", str(titel.waarde), re.IGNORECASE) if titel else None
    council = rules().raden.match(str(titel.waarde), match.end()) if titel and match else None
    if titel is None or council is None or titel.regel is None:
        return None
    return Organ(RAAD, council[0]), titel.regel - 1


def _council_advising(source: Source) -> tuple[Organ, int] | None:
    """'De ASD adviseert het college …', '- De Wmo-raad brengt …': a council advising in the body, at the start of a
    sentence or list item, names the sender when nothing else does."""
    for index in range(source.body_start, len(source.lines)):
        match = re.search(
            r"(?:^[\s\-•*\d.)]*|[.!?]\s+)(?:De|Het)\s+([A-Z][\w&'-]*(?:\s+(?:[A-Z][\w&'-]*|en|voor|het|van|de|&)){0,6})\s+(?:adviseert|brengt)\s",
            source.lines[index],
        )
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


def _read_gemeente(source: Source, letter: Letter) -> None:
    """The gemeente in the name of the sender or addressee ('Wmo-raad Moerdijk'); else 'Gemeente X' with X a CBS name;
    else the one municipality the letter names most often (at least twice)."""
    text, lines = source.text, source.lines
    names = set(cbs_municipalities().values())
    aan = str(letter.value("aan") or "")
    if re.search(r"\bcolleges\b", aan, re.IGNORECASE):
        letter.beslissingen.add("gemeente", "gemeente-regionaal", f"de brief is gericht aan meer dan één college ('{aan}'); kies de gemeente met --gemeente.")
        return
    for veld in ("van", "aan"):
        found = letter.velden.get(veld)
        organ = organ_in(str(found.waarde)) if found else None
        named = [name for name in names if organ and organ.naam and re.search(rf"(?<![\w-]){re.escape(name)}$", organ.naam)]
        if found and len(named) == 1:
            letter.gemeente_naam = named[0]
            letter.set("gemeente", named[0], found.regel, f"{veld}: {found.waarde}")
            return
    for match in re.finditer(r"\b[Gg]emeente\s+((?:'s-)?[A-Z][\w'-]+(?:\s(?:[A-Z][\w'-]+|aan|de|den|op|\(\w+\.\)))*)", text):
        words = match[1].split()[:6]  # no gemeente has a longer name
        for end in range(len(words), 0, -1):
            name = " ".join(words[:end])
            if name in names:
                regel = text.count("\n", 0, match.start()) + 1
                letter.gemeente_naam = name
                letter.set("gemeente", name, regel, lines[regel - 1].strip())
                return
    counts = {name: len(re.findall(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)) for name in names if name in text}
    best = sorted(((count, name) for name, count in counts.items() if count >= 2), reverse=True)
    if best and (len(best) == 1 or best[0][0] > best[1][0]):
        name = best[0][1]
        regel = text.count("\n", 0, text.index(name)) + 1
        letter.gemeente_naam = name
        letter.set("gemeente", name, regel, f"'{name}' staat {best[0][0]} keer in de brief")
        return
    seen = _gemeente_seen(source, names, best)
    hint = f" Wat we zagen: {'; '.join(seen)}." if seen else ""
    letter.beslissingen.add("gemeente", "gemeente-onbekend", f"de brief noemt geen gemeente die we kennen. Geef haar op met --gemeente.{hint}")


def _gemeente_seen(source: Source, names: set[str], best: list[tuple[int, str]]) -> list[str]:
    """What looked like a gemeente but is none: a village in 'Klundert, 11 februari 2022', a former gemeente, a tie."""
    seen = []
    for candidate in own_date.candidates(source.lines, source.body_start, source.closing):
        place = candidate.tekst.split(",")[0].strip()
        if candidate.soort == "een plaats en datum" and place not in names:
            seen.append(f"regel {candidate.regel}: '{place}' is geen gemeente (een dorp of wijk van een gemeente?)")
    for match in re.finditer(r"\b[Gg]emeente\s+((?:'s-)?[A-Z][\w'-]+)", source.text):
        if not any(name.startswith(match[1]) for name in names):
            regel = source.text.count("\n", 0, match.start()) + 1
            seen.append(f"regel {regel}: 'gemeente {match[1]}' is geen gemeente van nu (opgeheven of samengevoegd?)")
    if len(best) > 1 and best[0][0] == best[1][0]:
        seen.append(f"de brief noemt {best[0][1]} en {best[1][1]} even vaak ({best[0][0]} keer)")
    return seen[:3]


def _classify(source: Source, letter: Letter) -> None:
    """The kind of document: no letter (a web post, minutes …), a stuk by its first line, else by who writes to whom."""
    if source.collegevoorstel:
        letter.set("soort", "stuk", 1, "Collegevoorstel")
        letter.set("stuktype", "collegevoorstel", 1, "Collegevoorstel")
        return
    stuk = stuk_kind(source.lines)
    if stuk is None:
        letter_like = source.salutation is not None or (letter.velden.get("titel", None) is not None and _labelled_subject(source, letter))
        letter_like = letter_like or any(_UITGEBRACHT_RE.match(line) for line in source.lines[: source.body_start])
        sign = not_a_letter(source.lines, letter_like, source.closing)
        if sign is not None:
            kind, regel, line = sign
            letter.geen_brief = f"dit lijkt geen brief maar {NOT_A_LETTER[kind]} (regel {regel}: '{line}')"
            return
    classify(letter, source.text, stuk)


def _labelled_subject(source: Source, letter: Letter) -> bool:
    """Whether the title came from a 'Betreft' or 'Onderwerp' label, as letters have and web posts do not."""
    titel = letter.velden["titel"]
    return titel.regel is not None and bool(re.match(r"^\s*(betreft|onderwerp)\b", source.lines[titel.regel - 1], re.IGNORECASE))


def _read_date(source: Source, letter: Letter) -> None:
    """A collegevoorstel has no date of its own: the year of its deadline is the year it was written for."""
    lines = source.lines
    if "datum" in letter.velden:
        return
    for index, line in enumerate(lines):
        if "uiterste behandeldatum" in line.lower():
            for later in lines[index : index + 8]:
                datum = parse_dutch_date(later)
                if datum is not None:
                    letter.set("datum", Datum(datum.jaar), index + 1, f"uiterste behandeldatum {later.strip()}: alleen het jaar")
                    return
    years = sorted({int(y) for y in re.findall(r"(?<![Pp]ostbus )\b(19[89]\d|20\d\d)\b", "\n".join(lines))})
    hint = f" De brief noemt de jaren {', '.join(map(str, years))}." if years else ""
    seen = letter.datum_gezien or _dates_in_sentences(lines)
    hint += f" Wat we zagen: {'; '.join(seen)}." if seen else ""
    letter.beslissingen.add(
        "datum", "datum-ontbreekt", f"de brief heeft geen datum. Vul in wat u weet (JJJJ-MM-DD, JJJJ-MM of JJJJ), bijvoorbeeld met --datum.{hint}"
    )


def _dates_in_sentences(lines: list[str]) -> list[str]:
    """The first dates the letter mentions, with why they are not its own date: they stand in a sentence."""
    seen = []
    for index, line in enumerate(lines):
        dates = [found for found in find_dates(line) if found.datum is not None]
        if dates:
            seen.append(
                f"regel {index + 1}: '{dates[0].text}' staat niet waar een brief zijn eigen datum zet (het kan een vergadering, een eerdere brief of een ingangsdatum zijn)"
            )
        if len(seen) == 2:
            break
    return seen


READING_STEPS: tuple[Step, ...] = (
    Step(_header, sets=frozenset({"titel", "datum", "aan", "van", "bijlagen", "kenmerken", "vooraf"})),
    Step(_unlabelled_title, reads=frozenset({"titel"}), sets=frozenset({"titel"})),
    Step(_own_date, reads=frozenset({"datum"}), sets=frozenset({"datum"})),
    Step(_body, reads=frozenset({"vooraf"}), sets=frozenset({"tekst"})),
    Step(_read_attachments, reads=frozenset({"tekst", "bijlagen"}), sets=frozenset({"bijlagen"})),
    Step(_read_sender, reads=frozenset({"van"}), sets=frozenset({"van"})),
    Step(_read_recipient, reads=frozenset({"aan"}), sets=frozenset({"aan"})),
    Step(_read_gemeente, reads=frozenset({"van", "aan"}), sets=frozenset({"gemeente"})),
    Step(_classify, reads=frozenset({"van", "aan", "titel", "tekst"}), sets=frozenset({"soort", "stuktype", "adviestype"})),
    Step(_read_date, reads=frozenset({"datum"}), sets=frozenset({"datum"})),
    Step(_verdict, reads=frozenset({"soort", "tekst"}), sets=frozenset({"besluit", "besluit_citaat"})),
    Step(_advice, reads=frozenset({"soort", "datum", "tekst", "kenmerken"}), sets=frozenset({"advies"})),
)
"""The order of reading. A field keeps the first value offered, so the most reliable source comes first: the header's
'Datum' before a collegevoorstel's deadline, 'Aan:' before the address block. Each step reads only what earlier steps set
(a test checks this), and Letter.set refuses a field the running step did not declare."""


def read_letter(text: str) -> Letter:
    """Everything we can read from a letter's text, with evidence, decisions and what was removed."""
    source = read_source(text)
    letter = Letter()
    for step in READING_STEPS:
        letter.allowed = step.sets
        step.run(source, letter)
    letter.allowed = None
    return letter
