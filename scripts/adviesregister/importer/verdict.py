"""The college's verdict on an advice, and what a response says of the advice it answers."""

from __future__ import annotations

import re

from adviesregister.content.model import Datum
from adviesregister.importer.dates import find_dates, parse_dutch_date
from adviesregister.importer.findings import AdviceReference, Letter
from adviesregister.importer.rules import rules
from adviesregister.importer.source import Source

ADVICE_DATE_UNKNOWN = "advies-datum-onbekend"
_SENTENCE_RE = re.compile(r"(?<![a-z]\.[a-z]\.)(?<=[.!?])\s+(?=[A-Z“\"'(])")
"""A sentence ends at '.', '!' or '?' before a capital, not after an abbreviation ('m.b.t. De Schakel')."""


MAX_SENTENCE = 600
"""Characters of the longest sentence the phrase rules read. A verdict is said in far fewer; a 'sentence' of thousands
of characters without a full stop is no sentence, and rules like 'nemen … over' would take quadratic time on it."""


def sentences(markdown: str) -> list[str]:
    """The sentences of a Markdown text, headings and list markers left out; none longer than MAX_SENTENCE. Each list
    item is a sentence of its own ('- Advies 1: overgenomen' and '- Advies 2: niet overgenomen' are two answers)."""
    out: list[str] = []
    for block in markdown.split("\n\n"):
        if block.startswith("#") or block.startswith("|"):
            continue
        chunks: list[list[str]] = [[]]
        for line in block.split("\n"):
            if _is_item(line):
                chunks.append([line.lstrip("-0123456789. ")])
            else:
                chunks[-1].append(line)
        for chunk in chunks:
            text = " ".join(chunk)
            out.extend(part.strip() for part in _SENTENCE_RE.split(text) if part.strip() and len(part) <= MAX_SENTENCE)
    return out


def _is_item(line: str) -> bool:
    return bool(re.match(r"^(- |\d+\. )", line))


def read_verdict(letter: Letter) -> None:
    """Besluit and the sentence that says it (the phrases are in data/brieven.yml). A sentence that takes over and one
    that does not (a point-by-point answer) → deels overgenomen; none → abstain. The quote is the overall verdict
    ('Uw advies nemen wij gedeeltelijk over'), not one point's answer, where the letter gives one."""
    found: list[tuple[int, str, str]] = []  # (number of the sentence, besluit, sentence)
    decided = False
    for index, sentence in enumerate(sentences(letter.tekst)):
        decided = decided or bool(rules().besluit_zinnen["besloten"].search(sentence))
        if rules().besluit_zinnen["geciteerd_advies"].match(sentence) and not rules().besluit_zinnen["antwoord_op_punt"].search(sentence):
            continue
        for clause in re.split(r";\s+", sentence):  # 'Wij nemen uw advies over; alleen punt 3 nemen wij niet over.'
            besluit = _clause_verdict(clause) or (_clause_verdict(mended) if (mended := _mended(clause)) != clause else None)
            if besluit:
                found.append((index, besluit, sentence))
    kinds = {besluit for _, besluit, _ in found}
    if kinds == {"kennisgenomen"} and decided:
        kinds = set()  # 'Met belangstelling hebben wij kennisgenomen …' before a decision the phrases do not know
    if not kinds:
        letter.beslissingen.add(
            "besluit",
            "besluit-onduidelijk",
            "de brief zegt niet duidelijk of het college het advies overneemt. Lees de brief en vul besluit en besluit_citaat in, of laat ze weg.",
        )
        return
    mixed = {"niet overgenomen", "overgenomen"} <= kinds and "deels overgenomen" not in kinds
    besluit = "deels overgenomen" if mixed else next(b for b, _ in rules().besluit if b in kinds)
    quoted = "niet overgenomen" if mixed else besluit  # a point not taken over is why a mixed answer is 'deels'
    zin = _quote([(index, sentence) for index, b, sentence in found if b == quoted])
    letter.set("besluit", besluit, None, zin)
    letter.set("besluit_citaat", zin, None, zin)
    if besluit == "deels overgenomen":
        letter.beslissingen.add(
            "besluiten", "besluit-per-punt", "de reactie neemt sommige punten over en andere niet; vul desgewenst per aanbeveling 'besluiten' in."
        )


def _overall(sentence: str) -> bool:
    """Whether a sentence speaks of the whole advice ('Uw advies is verwerkt'), not of one point ('Advies 3 nemen wij
    niet over', 'Dit nemen wij over')."""
    return bool(rules().besluit_zinnen["heel_advies"].search(sentence)) and not rules().besluit_zinnen["een_punt"].search(sentence)


def _quote(candidates: list[tuple[int, str]]) -> str:
    """The first sentence on the whole advice, else the first one: one sentence, as the letter writes it (the checker
    finds it in the text)."""
    return next((sentence for _, sentence in candidates if _overall(sentence)), candidates[0][1])


def _mended(clause: str) -> str:
    """A clause with the commonest misreadings of text recognition undone, to read a verdict in a scan ('Uw advies
    nernen wij over', 'a1le'); the quote stays as the letter reads."""
    return _OCR_L_RE.sub("l", _OCR_RN_RE.sub("m", clause))


_OCR_RN_RE = re.compile(r"(?<=[a-z])rn(?=[a-z])|\brn(?=[a-z])")
_OCR_L_RE = re.compile(r"(?<=[a-z])1(?=[a-z])|\b1(?=[a-z]{2})")


def _clause_verdict(clause: str) -> str | None:
    if rules().besluit_ontkend_positief.search(clause):
        return "overgenomen"
    for besluit, pattern in rules().besluit:
        match = pattern.search(clause)
        if match:  # a 'niet' after the verdict's clause is another's: 'Wij nemen uw advies over: de wachttijd mag niet …'
            rest = rules().besluit_zinnen["volgende_zinsdeel"].search(clause, match.end())
            own = clause[: rest.start() if rest else len(clause)]
            return None if besluit == "overgenomen" and rules().ontkenning.search(own) else besluit
    return None


def read_advice_reference(letter: Letter, text: str) -> None:
    """'Op 22 december 2022 heeft u een ongevraagd advies uitgebracht…', 'uw advies van 17 mei 2023', and 'Uw brief
    <datum>' in the letterhead: where both are given they must agree. A date elsewhere in such a sentence ('besproken in
    onze vergadering van …') is not it; a day and month without a year lie before the response, never after it."""
    datum_brief = letter.value("datum")
    brief = datum_brief if isinstance(datum_brief, Datum) and datum_brief.volledig else None
    adviestype = _advice_type(text)
    in_text = _advice_date_in_sentences(letter.tekst, brief)
    uw_brief = letter.kenmerken.get("uw_brief")
    in_head = _before(parse_dutch_date(str(uw_brief.value), brief.jaar if brief else None), brief) if uw_brief else None
    if in_text and in_head and str(in_text[0]) != str(in_head):
        letter.beslissingen.add(
            "reactie_op",
            "advies-datum-twijfel",
            f"de brief noemt twee datums voor het advies: '{uw_brief.bewijs if uw_brief else ''}' en '{in_text[1]}'. Zoek het advies op en vul de id in bij reactie_op.",
        )
    elif in_text:
        letter.advies = AdviceReference(in_text[0], adviestype, in_text[1], None)
    elif in_head and uw_brief:
        letter.advies = AdviceReference(in_head, adviestype, str(uw_brief.bewijs), uw_brief.line)
    else:
        letter.beslissingen.add(
            "reactie_op", ADVICE_DATE_UNKNOWN, "de brief noemt de datum van het advies niet. Zoek het advies op en vul de id in bij reactie_op."
        )


def _advice_type(text: str) -> str | None:
    """Gevraagd or ongevraagd, when the response names only one ('Op 28 juli vroegen wij u om advies'); else None."""
    found = [adviestype for adviestype, pattern in rules().adviestype.items() if any(not _negated(text, m.start()) for m in pattern.finditer(text))]
    return found[0] if len(found) == 1 else None


def _negated(text: str, start: int) -> bool:
    """A negation in the same clause just before a phrase ('niet gevraagd advies', 'u heeft ons niet om advies gevraagd')."""
    before = text[max(start - 25, 0) : start]
    return any(not re.search(r"[.,;]", before[found.end() :]) for found in rules().ontkenning.finditer(before))


def _advice_date_in_sentences(tekst: str, brief: Datum | None) -> tuple[Datum, str] | None:
    for zin in sentences(tekst):
        if not rules().besluit_zinnen["spreekt_aan"].search(zin) or rules().besluit_zinnen["gevraagd"].search(zin):
            continue
        for found in find_dates(zin, brief.jaar if brief else None):
            before = zin[: found.start]
            after = zin[found.start + len(found.text) :]
            names = rules().besluit_zinnen["noemt_advies"].search(before) and not rules().besluit_zinnen["andere_gelegenheid"].search(before)
            received = rules().besluit_zinnen["op_datum"].match(zin[found.start :]) or (
                rules().besluit_zinnen["ontvangen_op"].search(before) and rules().besluit_zinnen["advies_erna"].match(after)
            )
            if found.datum is None or not found.datum.volledig or not (names or received):
                continue
            if not re.search(r"\d{4}", found.text) and brief and str(found.datum) > str(brief):
                found_datum = Datum.parse(f"{found.datum.jaar - 1}{str(found.datum)[4:]}")  # 'Op 18 december' in a January letter
            else:
                found_datum = found.datum
            dated = _before(found_datum, brief)
            if dated is not None:
                return dated, zin
    return None


def _before(datum: Datum | None, brief: Datum | None) -> Datum | None:
    """The advice's date, if it is not after the response (a later date is another letter, or a mistake)."""
    return datum if datum is not None and (brief is None or str(datum) <= str(brief)) else None


def read_response_verdict(source: Source, letter: Letter) -> None:
    if letter.value("soort") == "reactie":
        read_verdict(letter)


def read_answered_advice(source: Source, letter: Letter) -> None:
    if letter.value("soort") == "reactie":
        read_advice_reference(letter, source.text)
