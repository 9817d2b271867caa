"""Read a Dutch letter: header fields, sender and recipient, kind, body, verdict, and the advice it answers.

Every value comes with its evidence (the line it was read from). Where the letter does not say,
the field is left out and a decision for a person is recorded: we abstain rather than guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from adviesregister.content.model import Datum
from adviesregister.content.reference import cbs_municipalities
from adviesregister.importer.body import CLOSING_RE, letter_to_markdown
from adviesregister.importer.dates import parse_dutch_date
from adviesregister.importer.findings import Letter
from adviesregister.importer.header import ADDRESS_RE, label_segments, read_header
from adviesregister.importer.verdict import read_advice_reference, read_verdict

_SALUTATION_RE = re.compile(r"^\s*(geachte|geacht|beste)\b", re.IGNORECASE)
_LETTERHEAD_RE = re.compile(r"^(postadres|bezoekadres|telefoon|tel\.|e-mail|internet|www\.|fax)\b", re.IGNORECASE)
_ORGAN_RE = re.compile(r"\b(college|burgemeester en wethouders|adviesraad|gemeenteraad|participatieraad|wmo-raad)\b", re.IGNORECASE)
_COUNCIL_NAME_RE = re.compile(r"\badviesraad sociaal domein\b", re.IGNORECASE)


@dataclass(frozen=True)
class Source:
    """The letter's text as every reading step sees it."""

    text: str
    lines: list[str]
    body_start: int
    """Index of the first line of the body (the salutation, or the first long line)."""
    collegevoorstel: bool
    """Almelo's B&W template: a list of fields instead of a letterhead."""


def read_source(text: str) -> Source:
    lines = text.split("\n")
    collegevoorstel = next((line.strip() for line in lines if line.strip()), "").lower() == "collegevoorstel"
    return Source(text, lines, _body_start(lines, collegevoorstel), collegevoorstel)


@dataclass(frozen=True)
class Step:
    """One step of reading a letter: the fields it reads from earlier steps and the fields it may set."""

    run: Callable[[Source, Letter], None]
    reads: frozenset[str] = frozenset()
    sets: frozenset[str] = frozenset()


def _header(source: Source, letter: Letter) -> None:
    letter.vooraf = read_header(source.lines[: source.body_start], letter, source.collegevoorstel)


def _body(source: Source, letter: Letter) -> None:
    tekst = letter_to_markdown(source.lines[source.body_start :], source.body_start + 1, letter.verwijderd)
    letter.tekst = "\n".join(letter.vooraf) + "\n\n" + tekst if letter.vooraf else tekst


def _verdict(source: Source, letter: Letter) -> None:
    if letter.value("soort") == "reactie":
        read_verdict(letter)


def _advice(source: Source, letter: Letter) -> None:
    if letter.value("soort") == "reactie":
        read_advice_reference(letter, source.text)


def _body_start(lines: list[str], collegevoorstel: bool) -> int:
    for index, line in enumerate(lines):
        if _SALUTATION_RE.match(line):
            return index
    if collegevoorstel:
        for index, line in enumerate(lines):
            stripped = line.strip()
            if stripped.endswith(":") or len(stripped) > 60:
                return index
    for index, line in enumerate(lines):
        if len(line.strip()) > 60 and not label_segments(line, []):
            return index
    return 0


def _read_recipient(source: Source, letter: Letter) -> None:
    """Without 'Aan:', the addressee is the address block in the letterhead that is not the sender's; else the salutation."""
    lines, body_start = source.lines, source.body_start
    if "aan" in letter.velden:
        return
    for start, block in _blocks(lines[:body_start]):
        first = block[0].strip()
        address = len(block) >= 2 and all(ADDRESS_RE.match(line.strip()) for line in block[1:])
        if address and not _LETTERHEAD_RE.match(first) and not first.lower().startswith("gemeente "):
            letter.set("aan", first.rstrip(","), start + 1, first)
            return
    for index in range(body_start, min(body_start + 1, len(lines))):
        match = re.match(r"^\s*Geachte\s+(raadsleden|leden van de raad|gemeenteraad)\s*,", lines[index], re.IGNORECASE)
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


def _read_attachments(source: Source, letter: Letter) -> None:
    """A section 'Bijlage(n)' in the text lists the attachments, one paragraph or list item each."""
    match = re.search(r"^## Bijlagen?\n\n(.*?)(?=\n\n## |\Z)", letter.tekst, re.DOTALL | re.MULTILINE)
    if match and "bijlagen" not in letter.velden:
        items = [re.sub(r"^(- |\d+\. )", "", item.strip()) for item in re.split(r"\n\n|\n(?=- |\d+\. )", match[1]) if item.strip()]
        letter.set("bijlagen", items, None, "de paragraaf 'Bijlagen' in de tekst")


def _read_sender(source: Source, letter: Letter) -> None:
    """The organ that signs after 'Hoogachtend,'; else the council named in the letter."""
    lines, body_start, text = source.lines, source.body_start, source.text
    closing = next((i for i in range(body_start, len(lines)) if CLOSING_RE.match(lines[i])), None)
    if closing is not None:
        for index in range(closing + 1, len(lines)):
            line = lines[index].strip()
            if line and _ORGAN_RE.search(line) and "*" not in line:
                letter.set("van", line.rstrip(","), index + 1, line)
                return
    match = _COUNCIL_NAME_RE.search(text)
    if match:
        regel = text.count("\n", 0, match.start()) + 1
        letter.set("van", match[0], regel, lines[regel - 1].strip())


def _read_gemeente(source: Source, letter: Letter) -> None:
    """'Gemeente X' with X a CBS name; else the one municipality the letter names most often (at least twice)."""
    text, lines = source.text, source.lines
    names = set(cbs_municipalities().values())
    for match in re.finditer(r"\b[Gg]emeente\s+([A-Z][\w'-]+(?:\s(?:[A-Z][\w'-]+|aan|de|den|op|\(\w+\.\)))*)", text):
        words = match[1].split()
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


def _classify(source: Source, letter: Letter) -> None:
    """The kind of document, from who writes to whom and a few words of the letter."""
    text, collegevoorstel = source.text, source.collegevoorstel
    van = str(letter.value("van") or "").lower()
    aan = str(letter.value("aan") or "").lower()
    lowered = text.lower()
    van_regel = letter.velden["van"].regel if "van" in letter.velden else None
    if collegevoorstel:
        letter.set("soort", "stuk", 1, "Collegevoorstel")
        letter.set("stuktype", "collegevoorstel", 1, "Collegevoorstel")
        return
    council_writes = "adviesraad" in van
    college_writes = "college" in van or "burgemeester en wethouders" in van
    if "raadsinformatiebrief" in lowered and ("raad" in aan and "adviesraad" not in aan):
        regel = lowered[: lowered.index("raadsinformatiebrief")].count("\n") + 1
        letter.set("soort", "stuk", regel, "raadsinformatiebrief, aan de raad")
        letter.set("stuktype", "raadsinformatiebrief", regel, "raadsinformatiebrief")
    elif council_writes and "college" in aan:
        if re.search(r"\buw reactie\b|\breactie van het college\b", lowered):
            letter.set("soort", "stuk", van_regel, "de adviesraad antwoordt op een reactie van het college")
            letter.set("stuktype", "brief", van_regel, "brief van de adviesraad")
            letter.beslissingen.add(
                "reactie_op", "antwoord-op-reactie", "deze brief van de adviesraad antwoordt op een reactie van het college; vul zelf in op welke."
            )
        else:
            letter.set("soort", "advies", van_regel, f"de adviesraad schrijft aan het college ({letter.value('van')})")
            if re.search(r"\bongevraagde?\s+advies\b", lowered):
                letter.set("adviestype", "ongevraagd", None, "'ongevraagd advies' in de brief")
            elif re.search(r"\b(gevraagde?\s+advies|adviesaanvraag|adviesvraag|uw verzoek om advies)\b", lowered):
                letter.set("adviestype", "gevraagd", None, "'gevraagd advies' of 'adviesaanvraag' in de brief")
            else:
                letter.beslissingen.add(
                    "adviestype", "adviestype-onbekend", "de brief zegt niet of om dit advies gevraagd is; vul 'gevraagd' of 'ongevraagd' in."
                )
    elif college_writes and "adviesraad" in aan:
        if re.search(r"\b(adviesaanvraag|vragen (wij|we) u (om )?advies|verzoek om advies)\b", lowered):
            letter.set("soort", "stuk", van_regel, "het college vraagt de adviesraad om advies")
            letter.set("stuktype", "adviesaanvraag", van_regel, "adviesaanvraag")
        else:
            letter.set("soort", "reactie", van_regel, f"het college schrijft aan de adviesraad ({letter.value('van')})")
    else:
        letter.beslissingen.add(
            "soort", "soort-onbekend", "uit afzender en ontvanger blijkt niet of dit een advies, een reactie of een ander stuk is; vul 'soort' in."
        )


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
    years = sorted({int(y) for y in re.findall(r"\b(19[89]\d|20\d\d)\b", "\n".join(lines))})
    hint = f" De brief noemt de jaren {', '.join(map(str, years))}." if years else ""
    letter.beslissingen.add(
        "datum", "datum-ontbreekt", f"de brief heeft geen datum. Vul in wat u weet (JJJJ-MM-DD, JJJJ-MM of JJJJ), bijvoorbeeld met --datum.{hint}"
    )


READING_STEPS: tuple[Step, ...] = (
    Step(_header, sets=frozenset({"titel", "datum", "aan", "bijlagen", "kenmerken", "vooraf"})),
    Step(_read_gemeente, sets=frozenset({"gemeente"})),
    Step(_body, reads=frozenset({"vooraf"}), sets=frozenset({"tekst"})),
    Step(_read_attachments, reads=frozenset({"tekst", "bijlagen"}), sets=frozenset({"bijlagen"})),
    Step(_read_sender, sets=frozenset({"van"})),
    Step(_read_recipient, reads=frozenset({"aan"}), sets=frozenset({"aan"})),
    Step(_classify, reads=frozenset({"van", "aan"}), sets=frozenset({"soort", "stuktype", "adviestype"})),
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
