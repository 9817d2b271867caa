"""The gemeente a letter is of: the council's or college's own name first ('ASD Zundert', 'college van burgemeester en
wethouders van de gemeente Zundert'), then 'Gemeente X', then the one it names most; never a town in a regional body's
name ('Inkoop West-Brabant Breda', 'Regio Breda')."""

from __future__ import annotations

import re
from functools import cache

from adviesregister.content.reference import cbs_municipalities
from adviesregister.importer import own_date
from adviesregister.importer.findings import Letter
from adviesregister.importer.parties import organ_in
from adviesregister.importer.rules import rules
from adviesregister.importer.source import Source

_NAME_WORDS_RE = re.compile(r"(?:[ \t]+(?:[A-Z\u00c0-\u00de'][\w'\u2019.-]*|\([A-Z]+\.\))|(?<=-)[ \t]+en(?=[ \t]+[A-Z]))*")
"""The capitalised words of a name after its first word ('West-Brabant Breda', 'Midden- en West-Brabant'): one token at
a time, so linear."""
_QUALIFIER_RE = re.compile(r"[A-Z\u00c0-\u00de][\w-]*[ \t]+")
"""One capitalised word between a council's name and its gemeente: 'Cliëntenraad Participatiewet Emmen'."""


def read_gemeente(source: Source, letter: Letter) -> None:
    """The gemeente in the name of the sender or addressee ('Wmo-raad Moerdijk'); else in a council's or college's name
    anywhere in the letter; else 'Gemeente X' with X a CBS name; else the one municipality the letter names most often
    (at least twice). Towns in the names of regional bodies count for none of these."""
    names = set(cbs_municipalities().values())
    aan = str(letter.value("aan") or "")
    if rules().namen_zinnen["colleges"].search(aan):
        letter.beslissingen.add("gemeente", "gemeente-regionaal", f"de brief is gericht aan meer dan één college ('{aan}'); kies de gemeente met --gemeente.")
        return
    if _from_parties(letter, names):
        return
    text = without_regional_bodies(source.text)
    own = _own_names(text, names)
    otherwise = _named(text, names, source.lines)
    if len(own) == 1:
        council_of, (start, end) = own.popitem()
        if otherwise and otherwise[0] != council_of and _in_body(source, start):  # 'Net als de Wmo-raad Breda …' in a letter of Zundert
            letter.beslissingen.add(
                "gemeente",
                "gemeente-onbekend",
                f"de brief noemt '{source.text[start:end]}' in de tekst, maar ook {otherwise[0]} ({otherwise[2]}). Geef de gemeente op met --gemeente.",
            )
            return
        _set(letter, source, council_of, start, f"de brief noemt '{source.text[start:end]}'")
        return
    if otherwise:
        _set(letter, source, *otherwise)
        return
    counts = {name: len(_whole_word(name).findall(text)) for name in names if name in text}
    best = sorted(((count, name) for name, count in counts.items() if count >= 2), reverse=True)
    seen = _gemeente_seen(source, names, best)
    hint = f" Wat we zagen: {'; '.join(seen)}." if seen else ""
    letter.beslissingen.add("gemeente", "gemeente-onbekend", f"de brief noemt geen gemeente die we kennen. Geef haar op met --gemeente.{hint}")


def _from_parties(letter: Letter, names: set[str]) -> bool:
    """The gemeente at the end of the sender's or addressee's name ('Wmo-raad Moerdijk'), not a regional body's."""
    for field in ("van", "aan"):
        found = letter.fields.get(field)
        organ = organ_in(str(found.value)) if found else None
        if found is None or organ is None or not organ.naam or rules().regionaal.match(organ.naam):
            continue
        words = organ.naam.split()
        named = [name for end in range(1, min(len(words), 6) + 1) if (name := " ".join(words[-end:])) in names]
        if len(named) == 1:
            letter.gemeente_naam = named[0]
            letter.set("gemeente", named[0], found.line, f"{field}: {found.value}")
            return True
    return False


def _named(text: str, names: set[str], lines: list[str]) -> tuple[str, int, str] | None:
    """(gemeente, position, evidence) from 'Gemeente X' with X a CBS name, else from the one municipality the text names
    most often (at least twice)."""
    for match in rules().namen_zinnen["gemeente_naam"].finditer(text):
        gemeente_naam = _name_at(match[1], names)
        if gemeente_naam:
            line = text.count("\n", 0, match.start()) + 1
            return gemeente_naam, match.start(), lines[line - 1].strip()
    counts = {name: len(_whole_word(name).findall(text)) for name in names if name in text}
    best = sorted(((count, name) for name, count in counts.items() if count >= 2), reverse=True)
    if best and (len(best) == 1 or best[0][0] > best[1][0]):
        name = best[0][1]
        return name, text.index(name), f"'{name}' staat {best[0][0]} keer in de brief (namen van regionale organisaties niet meegeteld)"
    return None


def _in_body(source: Source, position: int) -> bool:
    """Whether a position lies in the letter's body: after the salutation, before the closing."""
    line = source.text.count("\n", 0, position)
    return source.body_start <= line < (source.closing if source.closing is not None else len(source.lines))


def without_regional_bodies(text: str) -> str:
    """The text with the names of regional bodies blanked out ('Inkoop West-Brabant Breda' → spaces), lines kept."""

    def blank(match: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", match[0])

    return _regional_body_re().sub(blank, text)


@cache
def _regional_body_re() -> re.Pattern[str]:
    """A regional body's name: its first word in any case (data/brieven.yml), then capitalised words only."""
    return re.compile(f"(?i:{rules().regionaal.pattern}){_NAME_WORDS_RE.pattern}")


def _own_names(text: str, names: set[str]) -> dict[str, tuple[int, int]]:
    """Gemeente → (start, end) of the first council or college name that ends in it ('ASD Zundert')."""
    found: dict[str, tuple[int, int]] = {}
    for pattern in (rules().raden, rules().college):
        for match in pattern.finditer(text):
            tail = rules().namen_zinnen["eigen_naam_staart"].match(text, match.end())
            if tail is None:
                continue
            rest = text[tail.end() : tail.end() + 80].split("\n")[0]
            qualifier = _QUALIFIER_RE.match(rest)  # 'Cliëntenraad Participatiewet Emmen'
            name = _name_at(rest, names) or (_name_at(rest[qualifier.end() :], names) if qualifier else None)
            if name:
                found.setdefault(name, (match.start(), tail.end() + len(name)))
    return found


@cache
def _whole_word(name: str) -> re.Pattern[str]:
    """A municipality's name as a whole word ('Zundert', not 'Zundertse')."""
    return re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")


def _name_at(text: str, names: set[str]) -> str | None:
    """The longest CBS name at the start of `text` ('Bergen (NH.)', 'Súdwest-Fryslân'), as a whole word; in capitals
    too ('CLIËNTENRAAD EMMEN'), never in lower case ('de Wmo-raad best' is no Best)."""
    words = text.split()[:6]  # no gemeente has a longer name
    for end in range(len(words), 0, -1):
        name = " ".join(words[:end]).rstrip(",.;:")
        if name in names:
            return name
        if name.isupper() and (capitals := _in_capitals(frozenset(names)).get(name)):
            return capitals
    return None


@cache
def _in_capitals(names: frozenset[str]) -> dict[str, str]:
    return {name.upper(): name for name in names}


def _set(letter: Letter, source: Source, name: str, position: int, bewijs: str) -> None:
    letter.gemeente_naam = name
    letter.set("gemeente", name, source.text.count("\n", 0, position) + 1, bewijs)


def _gemeente_seen(source: Source, names: set[str], best: list[tuple[int, str]]) -> list[str]:
    """What looked like a gemeente but is none: a village in 'Klundert, 11 februari 2022', a former gemeente, a tie."""
    seen = []
    for candidate in own_date.candidates(source.lines, source.body_start, source.closing):
        place = candidate.tekst.split(",")[0].strip()
        if candidate.soort == "een plaats en datum" and place not in names:
            seen.append(f"regel {candidate.line}: '{place}' is geen gemeente (een dorp of wijk van een gemeente?)")
    for match in re.finditer(r"\b[Gg]emeente\s+((?:'s-)?[A-Z][\w'-]+)", source.text):
        if not any(name.startswith(match[1]) for name in names):
            line = source.text.count("\n", 0, match.start()) + 1
            seen.append(f"regel {line}: 'gemeente {match[1]}' is geen gemeente van nu (opgeheven of samengevoegd?)")
    if len(best) > 1 and best[0][0] == best[1][0]:
        seen.append(f"de brief noemt {best[0][1]} en {best[1][1]} even vaak ({best[0][0]} keer)")
    return seen[:3]
