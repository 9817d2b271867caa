"""The college's verdict on an advice, and what a response says of the advice it answers."""

from __future__ import annotations

import re

from adviesregister.content.model import Datum
from adviesregister.importer.dates import find_dates, parse_dutch_date
from adviesregister.importer.findings import AdviceReference, Letter
from adviesregister.importer.rules import rules

ADVICE_DATE_UNKNOWN = "advies-datum-onbekend"
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"'(])")
_NAMES_ADVICE_RE = re.compile(r"\b(advies|adviezen|brief|adviesbrief|schrijven)\b[^.]{0,60}?\b(van|d\.?d\.?)\s*$", re.IGNORECASE)
"""'uw advies van <datum>', 'uw brief d.d. <datum>', 'uw ongevraagde advies over respijtzorg van <datum>'."""
_ON_DATE_RE = re.compile(r"^\S+(\s+\S+){0,2}\s+(heeft|hebt|hebben)\s+(u|jullie|wij|we)\b[^.]*\badvie", re.IGNORECASE)
"""'<datum> heeft u ons een advies gegeven', '<datum> hebben wij uw advies ontvangen' (after 'Op')."""
_OTHER_OCCASION_RE = re.compile(r"\b(vergadering|overleg|bijeenkomst|gesprek|versie|commissie)\b[^.]*$", re.IGNORECASE)
"""'uw advies besproken in onze vergadering van <datum>': the date of something else."""
_NEGATION_RE = re.compile(r"\b(niet|geen|nooit)\b", re.IGNORECASE)


MAX_SENTENCE = 600
"""Characters of the longest sentence the phrase rules read. A verdict is said in far fewer; a 'sentence' of thousands
of characters without a full stop is no sentence, and rules like 'nemen … over' would take quadratic time on it."""


def sentences(markdown: str) -> list[str]:
    """The sentences of a Markdown text, headings and list markers left out; none longer than MAX_SENTENCE."""
    out: list[str] = []
    for block in markdown.split("\n\n"):
        if block.startswith("#") or block.startswith("|"):
            continue
        text = " ".join(line.lstrip("-0123456789. ") if _is_item(line) else line for line in block.split("\n"))
        out.extend(part.strip() for part in _SENTENCE_RE.split(text) if part.strip() and len(part) <= MAX_SENTENCE)
    return out


def _is_item(line: str) -> bool:
    return bool(re.match(r"^(- |\d+\. )", line))


def read_verdict(letter: Letter) -> None:
    """Besluit and the sentence that says it (the phrases are in data/brieven.yml). A sentence that takes over and one
    that does not (a point-by-point answer) → deels overgenomen; none → abstain."""
    found: dict[str, list[str]] = {}
    for sentence in sentences(letter.tekst):
        if rules().besluit_ontkend_positief.search(sentence):
            found.setdefault("overgenomen", []).append(sentence)
            continue
        for besluit, pattern in rules().besluit:
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
        besluit = next(b for b, _ in rules().besluit if b in found)
        zin = found[besluit][0]
    else:
        letter.beslissingen.add(
            "besluit",
            "besluit-onduidelijk",
            "de brief zegt niet duidelijk of het college het advies overneemt. Lees de brief en vul besluit en besluit_citaat in, of laat ze weg.",
        )
        return
    letter.set("besluit", besluit, None, zin)
    letter.set("besluit_citaat", zin, None, zin)
    if besluit == "deels overgenomen":
        letter.beslissingen.add(
            "besluiten", "besluit-per-punt", "de reactie neemt sommige punten over en andere niet; vul desgewenst per aanbeveling 'besluiten' in."
        )


def read_advice_reference(letter: Letter, text: str) -> None:
    """'Op 22 december 2022 heeft u een ongevraagd advies uitgebracht…', 'uw advies van 17 mei 2023', else 'Uw brief
    <datum>' in the letterhead. A date elsewhere in such a sentence ('besproken in onze vergadering van …') is not it."""
    datum_brief = letter.value("datum")
    jaar = datum_brief.jaar if isinstance(datum_brief, Datum) else None
    adviestype = "ongevraagd" if re.search(r"\bongevraagde?\s+advies\b", text, re.IGNORECASE) else None
    for zin in sentences(letter.tekst):
        if not re.search(r"\b(u|uw)\b", zin, re.IGNORECASE):
            continue
        for found in find_dates(zin, jaar):
            before = zin[: found.start]
            names = _NAMES_ADVICE_RE.search(before) and not _OTHER_OCCASION_RE.search(before)
            if found.datum is not None and found.datum.volledig and (names or _ON_DATE_RE.match(zin[found.start :])):
                letter.advies = AdviceReference(found.datum, adviestype, zin, None)
                return
    uw_brief = letter.kenmerken.get("uw_brief")
    datum = parse_dutch_date(str(uw_brief.waarde), jaar) if uw_brief else None
    if uw_brief and datum is not None:
        letter.advies = AdviceReference(datum, adviestype, str(uw_brief.bewijs), uw_brief.regel)
        return
    letter.beslissingen.add(
        "reactie_op", ADVICE_DATE_UNKNOWN, "de brief noemt de datum van het advies niet. Zoek het advies op en vul de id in bij reactie_op."
    )
