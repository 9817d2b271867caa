"""Read a Dutch letter: header fields, sender and recipient, kind, body, verdict, and the advice it answers.

Every value comes with its evidence (the line it was read from). Where the letter does not say,
the field is left out and a decision for a person is recorded: we abstain rather than guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .body import CLOSING_RE, Removed, letter_to_markdown
from .dutch_dates import find_dates, parse_dutch_date
from .model import Datum
from .reference import cbs_municipalities

_LABELS = [
    ("Is er een uiterste behandeldatum?", "cv"),
    ("Raadsvoorstel of raadsbrief", "cv"),
    ("Behandeld door", "behandeld_door"),
    ("Doorkiesnummer", "doorkies"),
    ("Ons kenmerk", "ons_kenmerk"),
    ("Uw kenmerk", "uw_kenmerk"),
    ("Uw brief van", "uw_brief"),
    ("Uw brief", "uw_brief"),
    ("Zaaknummer", "zaaknummer"),
    ("Bijlage(n)", "bijlagen"),
    ("Bijlagen", "bijlagen"),
    ("Bijlage", "bijlagen"),
    ("Onderwerp", "titel"),
    ("Betreft", "titel"),
    ("Datum", "datum"),
    ("Aan", "aan"),
]
# The fields of the Almelo-style B&W template ('Collegevoorstel'), kept as a list at the top of the text.
_CV_LABELS = [("Hoofdopgave", "cv"), ("Portefeuillehouder", "cv"), ("Openbaar", "cv"), ("Advies", "cv")]
_SALUTATION_RE = re.compile(r"^\s*(geachte|geacht|beste)\b", re.IGNORECASE)
_PHONE_RE = re.compile(r"^\(?0\d[\d\s()-]{7,}$")
_ADDRESS_RE = re.compile(r"^(postbus\s+\d+|.+\s\d+\s?[a-zA-Z]?|\d{4}\s?[A-Z]{2}\s+\S.*)$", re.IGNORECASE)
_LETTERHEAD_RE = re.compile(r"^(postadres|bezoekadres|telefoon|tel\.|e-mail|internet|www\.|fax)\b", re.IGNORECASE)
_ORGAN_RE = re.compile(r"\b(college|burgemeester en wethouders|adviesraad|gemeenteraad|participatieraad|wmo-raad)\b", re.IGNORECASE)
_COUNCIL_NAME_RE = re.compile(r"\badviesraad sociaal domein\b", re.IGNORECASE)
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"'(])")
_NEGATION_RE = re.compile(r"\b(niet|geen|nooit)\b", re.IGNORECASE)

_VERDICTS = [
    (
        "deels overgenomen",
        re.compile(
            r"\b(deels|gedeeltelijk|ten dele|op onderdelen)\b[^.]*\bover(nemen|genomen|neemt)\b|\b(neem|neemt|nemen)\b[^.]*\b(deels|gedeeltelijk|ten dele)\s+over\b",
            re.IGNORECASE,
        ),
    ),
    (
        "niet overgenomen",
        re.compile(r"\bniet\s+(meer\s+)?over(nemen|genomen)\b|\b(neem|neemt|nemen)\b[^.]*\bniet\s+over\b|\bwijzigingen\b[^.]*\bniet\b", re.IGNORECASE),
    ),
    (
        "overgenomen",
        re.compile(
            r"\b(neem|neemt|nemen)\b[^.]*\b(advies|adviezen|aanbeveling(en)?)\s+over\b|\b(advies|aanbeveling(en)?)\b[^.]*\b(wordt|worden|is|zijn)\s+overgenomen\b|\bzijn\s+het\s+(met\s+u\s+)?eens\b",
            re.IGNORECASE,
        ),
    ),
    ("kennisgenomen", re.compile(r"\bkennis\s+(genomen|nemen|te nemen)\b", re.IGNORECASE)),
]


@dataclass(frozen=True)
class Found:
    waarde: object
    regel: int | None
    bewijs: str


@dataclass(frozen=True)
class AdviceReference:
    """What a response says of the advice it answers."""

    datum: Datum
    adviestype: str | None
    zin: str
    regel: int | None


@dataclass
class Letter:
    velden: dict[str, Found] = field(default_factory=dict)
    kenmerken: dict[str, Found] = field(default_factory=dict)
    beslissingen: list[str] = field(default_factory=list)
    verwijderd: Removed = field(default_factory=Removed)
    tekst: str = ""
    advies: AdviceReference | None = None
    gemeente_naam: str | None = None

    def value(self, veld: str) -> object | None:
        found = self.velden.get(veld)
        return found.waarde if found else None

    def set(self, veld: str, waarde: object, regel: int | None, bewijs: str) -> None:
        self.velden.setdefault(veld, Found(waarde, regel, bewijs))


def read_letter(text: str) -> Letter:
    """Everything we can read from a letter's text, with evidence, decisions and what was removed."""
    lines = text.split("\n")
    letter = Letter()
    collegevoorstel = next((line.strip() for line in lines if line.strip()), "").lower() == "collegevoorstel"
    body_start = _body_start(lines, collegevoorstel)
    cv_items = _read_header(lines[:body_start], letter, collegevoorstel)
    _read_gemeente(text, lines, letter)
    tekst = letter_to_markdown(lines[body_start:], body_start + 1, letter.verwijderd)
    if cv_items:
        tekst = "\n".join(cv_items) + "\n\n" + tekst
    letter.tekst = tekst
    _read_attachments(tekst, letter)
    _read_sender(lines, body_start, text, letter)
    _read_recipient(lines, body_start, letter)
    _classify(text, letter, collegevoorstel)
    _read_date(lines, letter)
    if letter.value("soort") == "reactie":
        _read_verdict(letter)
        _read_advice_reference(letter, text)
    return letter


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
        if len(line.strip()) > 60 and not _label_segments(line, []):
            return index
    return 0


def _label_segments(cell: str, extra: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(key, label, value) for every label at a word boundary in a header cell that starts with a label."""
    labels = _LABELS + extra
    pattern = re.compile(r"(?<![\w(])(" + "|".join(re.escape(label) for label, _ in labels) + r")(?![\w)])\s*:?")
    matches = list(pattern.finditer(cell.strip()))
    if not matches or matches[0].start() != 0:
        return []
    keys = dict(labels)
    stripped = cell.strip()
    out = []
    index = 0
    while index < len(matches):
        match = matches[index]
        end = matches[index + 1].start() if index + 1 < len(matches) else len(stripped)
        value = stripped[match.end() : end].strip()
        if not value and index + 1 < len(matches) and matches[index + 1][1] == match[1]:
            # 'Openbaar Openbaar': the second word is the value, not the label again
            after = matches[index + 2].start() if index + 2 < len(matches) else len(stripped)
            value = stripped[matches[index + 1].start() : after].strip()
            index += 1
        out.append((keys[match[1]], match[1], value))
        index += 1
    return out


def _read_header(lines: list[str], letter: Letter, collegevoorstel: bool) -> list[str]:
    """Header fields, from 'Label value', 'Label<tab>value', label rows with values below, and label lines with the value on the next line."""
    extra = _CV_LABELS if collegevoorstel else []
    pending: list[tuple[int | None, str, str]] = []  # (column, key, label) still waiting for a value
    previous_was_labels = False
    cv_items: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        regel = index + 1
        cells = re.split(r"\t| {2,}", line) if "\t" in line or "  " in line.strip() else [line]
        labelled = [(col, seg) for col, cell in enumerate(cells) for seg in _label_segments(cell, extra)]
        if labelled and labelled[0][1][0] == "aan":
            index = _read_addressee(lines, index, letter)
            continue
        index += 1
        if not labelled:
            values = [(col, cell.strip()) for col, cell in enumerate(cells) if cell.strip()]
            if values and not pending and _continues_title(lines, index - 1, letter):
                titel = letter.velden["titel"]
                letter.velden["titel"] = Found(f"{titel.waarde} {line.strip()}".rstrip("."), titel.regel, f"{titel.bewijs} {line.strip()}")
                continue
            if values:
                pending = _assign_pending(pending, values, "\t" in line, regel, letter, cv_items)
                previous_was_labels = False
            continue
        waiting = _read_labelled_line(cells, labelled, regel, letter, cv_items)
        if waiting is None:  # some labels had values: the others on this line are just empty
            previous_was_labels = False
            continue
        columns = [(col if "\t" in line else None, key, label) for col, key, label in waiting]
        # Labels wait for a value below them ('Uw brief  Uw kenmerk  Datum'); consecutive label lines add up.
        pending = [*pending, *columns] if previous_was_labels else columns
        previous_was_labels = True
    return cv_items


def _continues_title(lines: list[str], index: int, letter: Letter) -> bool:
    """A subject too long for one line goes on, unlabelled, on the next (as PDF text extraction gives it)."""
    titel = letter.velden.get("titel")
    return titel is not None and titel.regel == index and bool(lines[index - 1].strip()) and parse_dutch_date(lines[index]) is None


def _read_labelled_line(
    cells: list[str], labelled: list[tuple[int, tuple[str, str, str]]], regel: int, letter: Letter, cv: list[str]
) -> list[tuple[int, str, str]] | None:
    """Store the labels that have a value on this line; return the others if no label had one."""
    waiting: list[tuple[int, str, str]] = []
    any_value = False
    used: set[int] = set()
    for position, (col, (key, label, value)) in enumerate(labelled):
        if col in used:
            continue
        if not value:
            nxt = cells[col + 1].strip() if col + 1 < len(cells) else ""
            next_is_label = any(c == col + 1 for c, _ in labelled[position + 1 :])
            if nxt and (not next_is_label or key == "cv"):
                value = nxt
                used.add(col + 1)
        if value:
            any_value = True
            _store(key, label, value, regel, letter, cv)
        else:
            waiting.append((col, key, label))
    return None if any_value else waiting


def _assign_pending(
    pending: list[tuple[int | None, str, str]], values: list[tuple[int, str]], positional: bool, regel: int, letter: Letter, cv: list[str]
) -> list[tuple[int | None, str, str]]:
    """Give values to waiting labels: by column in a tab table, else by what they look like. Returns the labels still waiting."""
    if positional and pending and all(col is not None for col, _, _ in pending):
        by_column = {col: (key, label) for col, key, label in pending}
        for col, value in values:
            if col in by_column:
                _store(*by_column[col], value, regel, letter, cv)
        return []
    open_labels = list(pending)
    for _, value in values:
        if not open_labels:
            break
        if parse_dutch_date(value) and any(key == "datum" for _, key, _ in open_labels):
            target = next(p for p in open_labels if p[1] == "datum")
        elif _PHONE_RE.match(value) and any(key == "doorkies" for _, key, _ in open_labels):
            target = next(p for p in open_labels if p[1] == "doorkies")
        elif len(open_labels) == 1 or open_labels[0][1] in ("cv", "titel"):
            target = open_labels[0]
        else:
            names = ", ".join(label for _, _, label in open_labels)
            letter.beslissingen.append(f"regel {regel}: bij welk veld hoort '{value}'? De kop noemt {names}; vul het zelf in.")
            continue
        open_labels.remove(target)
        _store(target[1], target[2], value, regel, letter, cv)
    return open_labels


def _store(key: str, label: str, value: str, regel: int, letter: Letter, cv: list[str]) -> None:
    value = value.strip()
    if key == "cv":
        cv.append(f"- {label} {value}" if label.endswith("?") else f"- {label}: {value}")
    elif key == "behandeld_door":
        letter.verwijderd.add(regel, "de naam van een ambtenaar ('Behandeld door')", "")  # never repeat the name
    elif key == "doorkies":
        letter.verwijderd.add(regel, "een doorkiesnummer", "")
    elif key in ("uw_brief", "uw_kenmerk", "ons_kenmerk", "zaaknummer"):
        letter.kenmerken.setdefault(key, Found(value, regel, f"{label} {value}"))
    elif key == "bijlagen":
        letter.set("bijlagen", [value], regel, f"{label} {value}")
    elif key == "titel":
        letter.set("titel", value.rstrip("."), regel, f"{label} {value}")
    elif key == "datum":
        datum = parse_dutch_date(value)
        if datum is not None:
            letter.set("datum", datum, regel, f"{label} {value}")


def _read_addressee(lines: list[str], index: int, letter: Letter) -> int:
    """'Aan: X' (or 'Aan X') and the lines below it up to a blank line; street and postcode lines are addresses, not names."""
    first = re.sub(r"^\s*Aan\s*:?\s*", "", lines[index]).strip()
    names = [first] if first else []
    end = index + 1
    while end < len(lines) and lines[end].strip():
        if not _ADDRESS_RE.match(lines[end].strip()):
            names.append(lines[end].strip())
        end += 1
    if names:
        letter.set("aan", ", ".join(name.rstrip(".") for name in names), index + 1, lines[index].strip())
    return end


def _read_recipient(lines: list[str], body_start: int, letter: Letter) -> None:
    """Without 'Aan:', the addressee is the address block in the letterhead that is not the sender's; else the salutation."""
    if "aan" in letter.velden:
        return
    for start, block in _blocks(lines[:body_start]):
        first = block[0].strip()
        address = len(block) >= 2 and all(_ADDRESS_RE.match(line.strip()) for line in block[1:])
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


def _read_attachments(tekst: str, letter: Letter) -> None:
    """A section 'Bijlage(n)' in the text lists the attachments, one paragraph or list item each."""
    match = re.search(r"^## Bijlagen?\n\n(.*?)(?=\n\n## |\Z)", tekst, re.DOTALL | re.MULTILINE)
    if match and "bijlagen" not in letter.velden:
        items = [re.sub(r"^(- |\d+\. )", "", item.strip()) for item in re.split(r"\n\n|\n(?=- |\d+\. )", match[1]) if item.strip()]
        letter.set("bijlagen", items, None, "de paragraaf 'Bijlagen' in de tekst")


def _read_sender(lines: list[str], body_start: int, text: str, letter: Letter) -> None:
    """The organ that signs after 'Hoogachtend,'; else the council named in the letter."""
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


def _read_gemeente(text: str, lines: list[str], letter: Letter) -> None:
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


def _classify(text: str, letter: Letter, collegevoorstel: bool) -> None:
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
            letter.beslissingen.append("reactie_op: deze brief van de adviesraad antwoordt op een reactie van het college; vul zelf in op welke.")
        else:
            letter.set("soort", "advies", van_regel, f"de adviesraad schrijft aan het college ({letter.value('van')})")
            if re.search(r"\bongevraagde?\s+advies\b", lowered):
                letter.set("adviestype", "ongevraagd", None, "'ongevraagd advies' in de brief")
            elif re.search(r"\b(gevraagde?\s+advies|adviesaanvraag|adviesvraag|uw verzoek om advies)\b", lowered):
                letter.set("adviestype", "gevraagd", None, "'gevraagd advies' of 'adviesaanvraag' in de brief")
            else:
                letter.beslissingen.append("adviestype: de brief zegt niet of om dit advies gevraagd is; vul 'gevraagd' of 'ongevraagd' in.")
    elif college_writes and "adviesraad" in aan:
        if re.search(r"\b(adviesaanvraag|vragen (wij|we) u (om )?advies|verzoek om advies)\b", lowered):
            letter.set("soort", "stuk", van_regel, "het college vraagt de adviesraad om advies")
            letter.set("stuktype", "adviesaanvraag", van_regel, "adviesaanvraag")
        else:
            letter.set("soort", "reactie", van_regel, f"het college schrijft aan de adviesraad ({letter.value('van')})")
    else:
        letter.beslissingen.append("soort: uit afzender en ontvanger blijkt niet of dit een advies, een reactie of een ander stuk is; vul 'soort' in.")


def _read_date(lines: list[str], letter: Letter) -> None:
    """A collegevoorstel has no date of its own: the year of its deadline is the year it was written for."""
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
    letter.beslissingen.append(f"datum: de brief heeft geen datum. Vul in wat u weet (JJJJ-MM-DD, JJJJ-MM of JJJJ), bijvoorbeeld met --datum.{hint}")


def sentences(markdown: str) -> list[str]:
    """The sentences of a Markdown text, headings and list markers left out."""
    out: list[str] = []
    for block in markdown.split("\n\n"):
        if block.startswith("#") or block.startswith("|"):
            continue
        text = " ".join(line.lstrip("-0123456789. ") if _is_item(line) else line for line in block.split("\n"))
        out.extend(part.strip() for part in _SENTENCE_RE.split(text) if part.strip())
    return out


def _is_item(line: str) -> bool:
    return bool(re.match(r"^(- |\d+\. )", line))


def _read_verdict(letter: Letter) -> None:
    """Besluit and the sentence that says it. Both kinds of sentence → deels overgenomen; none → abstain."""
    found: dict[str, list[str]] = {}
    for sentence in sentences(letter.tekst):
        for besluit, pattern in _VERDICTS:
            if pattern.search(sentence):
                if besluit == "overgenomen" and _NEGATION_RE.search(sentence):
                    continue
                found.setdefault(besluit, []).append(sentence)
                break
    if "deels overgenomen" in found:
        besluit, zin = "deels overgenomen", found["deels overgenomen"][0]
    elif "niet overgenomen" in found and "overgenomen" in found:
        besluit, zin = "deels overgenomen", found["niet overgenomen"][0]
    elif found:
        besluit = next(b for b, _ in _VERDICTS if b in found)
        zin = found[besluit][0]
    else:
        letter.beslissingen.append(
            "besluit: de brief zegt niet duidelijk of het college het advies overneemt. Lees de brief en vul besluit en besluit_citaat in, of laat ze weg."
        )
        return
    letter.set("besluit", besluit, None, zin)
    letter.set("besluit_citaat", zin, None, zin)
    if besluit == "deels overgenomen":
        letter.beslissingen.append("besluiten: de reactie neemt sommige punten over en andere niet; vul desgewenst per aanbeveling 'besluiten' in.")


def _read_advice_reference(letter: Letter, text: str) -> None:
    """'Op 22 december 2022 heeft u een ongevraagd advies uitgebracht…', else 'Uw brief <datum>'."""
    datum_brief = letter.value("datum")
    jaar = datum_brief.jaar if isinstance(datum_brief, Datum) else None
    adviestype = "ongevraagd" if re.search(r"\bongevraagde?\s+advies\b", text, re.IGNORECASE) else None
    for zin in sentences(letter.tekst):
        if re.search(r"\badvies\b", zin, re.IGNORECASE) and re.search(r"\b(u|uw)\b", zin):
            dates = [found.datum for found in find_dates(zin, jaar) if found.datum is not None and found.datum.volledig]
            if dates:
                letter.advies = AdviceReference(dates[0], adviestype, zin, None)
                return
    uw_brief = letter.kenmerken.get("uw_brief")
    datum = parse_dutch_date(str(uw_brief.waarde), jaar) if uw_brief else None
    if uw_brief and datum is not None:
        letter.advies = AdviceReference(datum, adviestype, str(uw_brief.bewijs), uw_brief.regel)
        return
    letter.beslissingen.append("reactie_op: de brief noemt de datum van het advies niet. Zoek het advies op en vul de id in bij reactie_op.")
