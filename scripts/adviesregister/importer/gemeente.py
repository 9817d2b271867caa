"""The gemeente a letter is of: in the name of its sender or addressee, as 'Gemeente X', or the one it names most."""

from __future__ import annotations

import re

from adviesregister.content.reference import cbs_municipalities
from adviesregister.importer import own_date
from adviesregister.importer.findings import Letter
from adviesregister.importer.parties import organ_in
from adviesregister.importer.source import Source


def read_gemeente(source: Source, letter: Letter) -> None:
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
