"""Who writes to whom: the organ a line names (an advisory council, the college, the gemeenteraad) and its name as written."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from adviesregister.importer.rules import rules

RAAD, COLLEGE, GEMEENTERAAD = "raad", "college", "gemeenteraad"
_ARTICLE_RE = re.compile(r"^(?:de|het)\s+", re.IGNORECASE)
_BRACKETS_RE = re.compile(r"^\(([^()]{1,160})\)$")
_NAME_END_RE = re.compile(r"\s*(?:[,;(]|\s-\s|\bt\.?a\.?v\.?|$)", re.IGNORECASE)


_NAME_WORD = r"(?:[A-Z\u00c0-\u00de'][\w'.]*|\(\w+\.\)|en|van|de|het|voor|der|den|gemeente|a\.i\.|[0-9]+)"
NAME_REST_RE = re.compile(rf"^[\s&/-]*(?:{_NAME_WORD}(?:[\s&/-]+{_NAME_WORD})*)?[\s.,]*$")
"""What may follow an organ's name on a line that names it: its gemeente or region ('Wmo-raad Moerdijk', 'Burgemeester
en wethouders van Súdwest-Fryslân'), not a verb ('De ASD adviseert het College …' is a sentence). Words and the
separators between them share no character, so a line that is no name fails in linear time."""


_OWN_COUNCILS: ContextVar[re.Pattern[str] | None] = ContextVar("own_councils", default=None)
"""The archive's own councils (names and abbreviations from gemeenten.yml) while a letter is read: see own_councils."""


@contextmanager
def own_councils(names: list[str], afkortingen: list[str]) -> Iterator[None]:
    """While reading: a line that starts with one of the archive's councils names an advisory council, by its name in
    any case or by an abbreviation as written ('ASD', never 'asd'), besides the councils data/brieven.yml knows."""
    parts = [f"(?i:{re.escape(naam)})" for naam in sorted(names, key=len, reverse=True)] + [re.escape(a) for a in sorted(afkortingen, key=len, reverse=True)]
    token = _OWN_COUNCILS.set(re.compile(rf"(?:{'|'.join(parts)})(?![\w-])") if parts else None)
    try:
        yield
    finally:
        _OWN_COUNCILS.reset(token)


@dataclass(frozen=True)
class Organ:
    rol: str
    """raad, college or gemeenteraad."""
    naam: str | None
    """The organ as the line names it ('Wmo-raad Moerdijk', 'college van burgemeester en wethouders van Almere');
    None for a wethouder, who speaks for the college without naming it."""
    uit_archief: bool = False
    """Recognised only by a name the archive knows (gemeenten.yml, earlier documents), not by data/brieven.yml."""


def organ_in(line: str) -> Organ | None:
    """The organ a short line (a signature, a letterhead, an address) names, or None. The line must start with it,
    after 'namens', 'Aan', an article or a function ('voorzitter Wmo-raad Tilburg'): in 'Willem Schouten, voorzitter'
    or in a sentence the organ is not what the line names."""
    text = clean_name(_BRACKETS_RE.sub(r"\1", line.strip()))  # '(Voorzitter Cliëntenraad Tiel)' signs as its content
    function = rules().functies.match(without_article(text))  # 'de voorzitter van de Wmo-raad X' names the council
    if function and function.end() < len(without_article(text)) and not rules().wethouder.match(text):
        text = clean_name(without_article(text)[function.end() :])
    if not text or len(text) > 160:
        return None
    bare = without_article(text)  # 'het college van de gemeente Albrandswaard' keeps its article as a name
    own = _OWN_COUNCILS.get()
    for rol, pattern in ((RAAD, own), (RAAD, rules().raden), (COLLEGE, rules().college), (GEMEENTERAAD, rules().gemeenteraad)):
        match = pattern.match(bare) if pattern is not None else None
        if match and NAME_REST_RE.match(bare[match.end() :]):
            return Organ(rol, text, uit_archief=pattern is own and not _known_council(bare))
    if rules().wethouder.match(bare):
        return Organ(COLLEGE, None)
    return None


def _known_council(bare: str) -> bool:
    """Whether data/brieven.yml knows the council a line starts with."""
    match = rules().raden.match(bare)
    return bool(match and NAME_REST_RE.match(bare[match.end() :]))


def without_article(text: str) -> str:
    """'het college van …' → 'college van …'."""
    return _ARTICLE_RE.sub("", text)


def clean_name(text: str) -> str:
    """'namens de Wmo-raad Moerdijk,' → 'Wmo-raad Moerdijk': without a leading 'namens', 'Aan' or capitalised article
    ('De Seniorenraad') or an article before a name ('de Wmo-raad'), and cut at a comma, bracket or 't.a.v.'. The article
    of a common noun stays: 'het college van de gemeente Albrandswaard' is how the letter names its sender."""
    text = " ".join(text.split())
    for _ in range(3):
        text = rules().namen_zinnen["voorwoord"].sub("", text, count=1).strip()
    end = _NAME_END_RE.search(text)
    return text[: end.start()].strip(" .,:") if end else text.strip(" .,:")


def organs_in(line: str) -> list[Organ]:
    """The organs of a signature in columns ('namens de Wmo-adviesraad\t\tnamens de Seniorenraad')."""
    cells = [cell for cell in re.split(r"\t+| {3,}", line) if cell.strip()]
    return [organ for cell in cells if (organ := organ_in(cell))]
