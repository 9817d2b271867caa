"""The letter's own date, told apart from the dates it mentions.

A letter puts its own date in a few places only: the letterhead's 'Datum' (read by header.py), a line 'Klundert,
11 februari 2022', a line that holds nothing but a date (under the title, or the last line after the signatures),
or a line saying when the advice was given ('Uitgebracht door de ASD d.d. 14 maart 2023'). Dates in sentences are
meetings, earlier letters, deadlines and starting dates: they are never taken. Where the places disagree, we abstain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from babel.dates import get_day_names

from adviesregister.content.model import Datum
from adviesregister.importer.dates import find_dates, parse_dutch_date
from adviesregister.importer.findings import Letter
from adviesregister.importer.layouts import own_date_in_body
from adviesregister.importer.rules import rules
from adviesregister.importer.source import Source

_QUOTES = "'\u2018\u2019"
_PLACE_WORD = rf"[A-Z{_QUOTES}][\w{_QUOTES}.()-]*"


@cache
def _place_re() -> re.Pattern[str]:
    """'Klundert, 11 februari 2022', 'Alphen aan den Rijn, …': a place is capitalised words, not 'Verslag klankbordgroep'."""
    small = "|".join(re.escape(word) for word in rules().plaats_tussenwoorden)
    return re.compile(rf"^\s*({_PLACE_WORD}(?:\s+(?:{_PLACE_WORD}|{small})){{0,4}}),\s+(.+?)\s*\.?\s*$")


@cache
def _weekdays() -> frozenset[str]:
    """'dinsdag' in 'dinsdag 16 april 2024' (Babel's Dutch day names)."""
    return frozenset(name.lower() for name in get_day_names("wide", locale="nl").values())


MAX_LINE = 200
"""A line that gives a letter's own date is short; longer lines are text (and the place pattern is quadratic on them)."""
_TIME_RE = re.compile(r"\s+\d{1,2}[:.]\d{2}(\s*uur)?$")


@dataclass(frozen=True)
class Candidate:
    datum: Datum | None
    """None when the line names a day and month without a year."""
    line: int
    tekst: str
    soort: str
    """What kind of line it is, in Dutch, for the report ('een plaats en datum')."""


def date_only(text: str) -> tuple[bool, Datum | None]:
    """Whether a line consists of a date ('12 maart 2024', 'dinsdag 16 april 2024', '19-3-2024.'), and that date
    (None for a day and month without a year)."""
    stripped = _TIME_RE.sub("", text.strip().rstrip("."))
    words = stripped.split()
    if words and words[0].lower().rstrip(",") in _weekdays():
        stripped = " ".join(words[1:])
    found = find_dates(stripped)
    if len(found) != 1 or found[0].text.strip() != stripped.strip():
        return False, None
    return True, found[0].datum


def candidates(lines: list[str], body_start: int, closing: int | None) -> list[Candidate]:
    """Every line in the places where a letter puts its own date: before the body, and after the closing."""
    out: list[Candidate] = []
    end_part = range(closing + 1, len(lines)) if closing is not None else range(max(body_start, len(lines) - 3), len(lines))
    for index in [*range(body_start), *end_part]:
        line = lines[index].strip()
        if index > body_start and rules().na_ondertekening.match(line):
            break
        if not line or "\t" in line or len(line) > MAX_LINE:
            continue
        alone, datum = date_only(line)
        if alone and _under_a_label(lines, index):
            continue
        if alone:
            out.append(Candidate(datum, index + 1, line, "een regel met alleen een datum"))
            continue
        place = _place_re().match(line)
        if place and place[1].lower() not in rules().geen_plaats and (dated := date_only(place[2]))[0]:
            datum = dated[1]
            out.append(Candidate(datum, index + 1, line, "een plaats en datum"))
            continue
        if rules().datum_uitgebracht.match(line):
            out.extend(_dated(line, index, "de regel die zegt wanneer het advies is uitgebracht"))
    for index in range(body_start, len(lines)):  # 'Dit advies is uitgebracht door de Wmo-raad op 2 februari 2024.'
        if rules().uitgebracht_zin.search(lines[index]):
            out.extend(_dated(lines[index].strip(), index, "de zin die zegt wanneer het advies is uitgebracht"))
    return out


def _dated(line: str, index: int, soort: str) -> list[Candidate]:
    """The date right after 'op' or 'd.d.' ('Uitgebracht door de ASD d.d. 14 maart 2023'), if the line has exactly one."""
    given = [found for found in find_dates(line) if rules().gegeven_op.search(line[: found.start])]
    return [Candidate(given[0].datum, index + 1, line, soort)] if len(given) == 1 else []


def _under_a_label(lines: list[str], index: int) -> bool:
    """A date below 'Uw brief van:' or 'Vergaderdatum' is that label's value (header.py reads it), not the letter's date."""
    above = next((lines[i].strip() for i in range(index - 1, -1, -1) if lines[i].strip()), "")
    return above.endswith(":") or (":" not in above and len(above.split()) <= 3 and rules().label_achtig.match(above) is not None)


def choose(found: list[Candidate]) -> tuple[Candidate | None, str | None]:
    """The own date if all places agree, else None and why not (for the report)."""
    dated = [candidate for candidate in found if candidate.datum is not None]
    if not dated:
        yearless = next((candidate for candidate in found if candidate.datum is None), None)
        if yearless:
            return None, f"regel {yearless.line}: '{yearless.tekst}' is {yearless.soort}, maar noemt geen jaar"
        return None, None
    if len({str(candidate.datum) for candidate in dated}) > 1:
        shown = "; ".join(f"regel {candidate.line}: '{candidate.tekst}'" for candidate in dated[:3])
        return None, f"de brief noemt op de plaatsen van een briefdatum verschillende datums ({shown})"
    return dated[0], None


def read_own_date(source: Source, letter: Letter) -> None:
    """Without a 'Datum' in the letterhead: 'Plaats, 11 februari 2022', a date alone on a line, or 'Uitgebracht … d.d.'."""
    if "datum" in letter.fields or not own_date_in_body(source.layout):
        return
    chosen, why = choose(candidates(source.lines, source.body_start, source.closing))
    if chosen is not None:
        letter.set("datum", chosen.datum, chosen.line, f"{chosen.tekst} ({chosen.soort})")
    elif why:
        letter.datum_gezien.append(why)


def read_date_otherwise(source: Source, letter: Letter) -> None:
    """A layout without a date of its own (a collegevoorstel): the year of its deadline is the year it was written for."""
    lines = source.lines
    if "datum" in letter.fields:
        return
    deadline = source.layout.datum_uit if source.layout else None
    for index, line in enumerate(lines):
        if deadline is not None and deadline.search(line):
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
