"""What kind of text this is: an advice, a response, another document (stuk), or no letter at all.

The kind follows from who writes to whom (an advisory council to the college: advice; the college to the council:
response), found in the signature, the letterhead, the address and the salutation. Advice words prove nothing:
most texts about an advice say 'advies'. Web posts, news, minutes and annual reports are told by their furniture.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from adviesregister.importer.evidence import ADVIES, REACTIE, weigh
from adviesregister.importer.findings import Letter
from adviesregister.importer.parties import COLLEGE, GEMEENTERAAD, RAAD, organ_in
from adviesregister.importer.rules import rules
from adviesregister.importer.source import Source


class _NotALetterDescriptions(Mapping[str, str]):
    """Kinds of text that are no advice, response or document of the archive → how the report names them
    ('geen_brief' in data/brieven.yml: a new kind is one entry there)."""

    def __getitem__(self, kind: str) -> str:
        return rules().geen_brief[kind].beschrijving

    def __iter__(self) -> Iterator[str]:
        return iter(rules().geen_brief)

    def __len__(self) -> int:
        return len(rules().geen_brief)


NOT_A_LETTER: Mapping[str, str] = _NotALetterDescriptions()
_TOP_LINES = 3
"""A signal that counts 'bovenaan' (a news item's dateline) counts among the first lines of text only."""


def not_a_letter(lines: list[str], letter_like: bool, closing: int | None) -> tuple[str, int, str] | None:
    """(kind, line number, line) of the first sign that the text is no letter, or None. A text with a salutation, a
    subject line or an 'Uitgebracht' line is a letter whatever web furniture surrounds it (web posts and minutes have
    none of these); only signals that count 'ook_in_brief' (a web record's fields, a raadslid's question number) still
    count. Where each kind's signals count is data: 'geen_brief' in data/brieven.yml."""
    kinds = [(kind, entry) for kind, entry in rules().geen_brief.items() if letter_like is False or entry.ook_in_brief]
    top = {index for index in [i for i, line in enumerate(lines) if line.strip()][:_TOP_LINES]}
    seen: dict[str, int] = {}
    for index, line in enumerate(lines):
        for kind, entry in kinds:
            if entry.patroon is None or entry.waar == "overal" or (entry.waar == "bovenaan" and index not in top):
                continue
            if entry.patroon.match(line.strip()):
                seen[kind] = seen.get(kind, 0) + 1
                if seen[kind] >= entry.minimaal:
                    return kind, index + 1, line.strip()
    joined = " ".join(lines)  # a story's sentence may run over two lines
    for kind, entry in kinds:
        found = entry.patroon.search(joined) if entry.patroon is not None and entry.waar == "overal" else None
        if found:
            line_number = _line_of(lines, found.start())
            return kind, line_number, found[0]
    if closing is None:  # a text cut off before its signature: who signs is unknown
        return None
    for kind, entry in rules().geen_brief.items():
        for offset, line in enumerate(lines[closing + 1 :]):
            if entry.ondertekening is not None and entry.ondertekening.search(line):
                return kind, closing + offset + 2, line.strip()
    return None


def _line_of(lines: list[str], position: int) -> int:
    """The line number of a position in the lines joined with one space."""
    total = 0
    for index, line in enumerate(lines):
        total += len(line) + 1
        if position < total:
            return index + 1
    return len(lines)


def classify(letter: Letter, text: str, stuk: tuple[str, int, str] | None) -> None:
    """Set soort (and stuktype or adviestype) from who writes to whom; where one of them is missing, from all the
    evidence (evidence.py) when it agrees; else record why not, naming the cues that conflict."""
    if stuk is not None:
        stuktype, line_number, line = stuk
        letter.set("soort", "stuk", line_number, line)
        letter.set("stuktype", stuktype, line_number, line)
        return
    van, aan = letter.afzender, letter.ontvanger
    bron = f"afzender {_role_text(van, letter.value('van'))}; ontvanger {_role_text(aan, letter.value('aan'))}"
    learnt = [role for role in letter.rollen if role.uit_archief]
    if learnt:  # a name only the archive knows (gemeenten.yml, an earlier document's 'van' or 'aan') made the role
        bron += "; " + "; ".join(f"uit het archief: '{role.naam}' is een adviesraad van dit archief" for role in learnt)
    if van == RAAD and aan == COLLEGE and not rules().soort_zinnen["spreekt_van_advies"].search(text):
        letter.beslissingen.add(
            "soort", "soort-onbekend", f"de raad schrijft aan het college, maar de brief spreekt niet van een advies ({bron}). Vul 'soort' in."
        )
    elif van == RAAD and aan == COLLEGE:
        _council_letter(letter, text, f"de adviesraad schrijft aan het college ({bron})")
    elif van == COLLEGE and aan == RAAD:
        _college_letter(letter, text, f"het college schrijft aan de adviesraad over een advies ({bron})", bron)
    elif van == COLLEGE and aan == GEMEENTERAAD and rules().soort_zinnen["raadsinformatiebrief"].search(text):
        letter.set("soort", "stuk", None, f"raadsinformatiebrief van het college aan de gemeenteraad ({bron})")
        letter.set("stuktype", "raadsinformatiebrief", None, "raadsinformatiebrief")
    else:
        _weighed(letter, text, bron)


def _weighed(letter: Letter, text: str, bron: str) -> None:
    """Sender or addressee unknown (or not a council and the college): the kind all the evidence agrees on."""
    verdict = weigh(letter, text)
    if verdict.soort == ADVIES and letter.ontvanger in (None, COLLEGE) and letter.afzender in (None, RAAD):
        _council_letter(letter, text, f"uit alle aanwijzingen: {verdict.reasons()}")
    elif verdict.soort == REACTIE and letter.ontvanger in (None, RAAD) and letter.afzender in (None, COLLEGE):
        _college_letter(letter, text, f"uit alle aanwijzingen: {verdict.reasons()}", bron)
    elif verdict.tegen:
        letter.beslissingen.add("soort", "soort-tegenstrijdig", f"de aanwijzingen spreken elkaar tegen: {verdict.conflict()}. Vul 'soort' in.")
    else:
        letter.beslissingen.add(
            "soort", "soort-onbekend", f"uit afzender en ontvanger blijkt niet of dit een advies, een reactie of een ander stuk is ({bron}). Vul 'soort' in."
        )


def _council_letter(letter: Letter, text: str, bewijs: str) -> None:
    """A council's letter to the college: an advice, unless it answers the college's response."""
    if rules().soort_zinnen["beantwoordt_reactie"].search(text):
        letter.set("soort", "stuk", None, f"de adviesraad antwoordt op een reactie van het college ({bewijs})")
        letter.set("stuktype", "brief", None, "brief van de adviesraad")
        letter.beslissingen.add(
            "reactie_op", "antwoord-op-reactie", "deze brief van de adviesraad antwoordt op een reactie van het college; vul zelf in op welke."
        )
        return
    letter.set("soort", "advies", None, bewijs)
    _advice_type(letter, text)


def _college_letter(letter: Letter, text: str, bewijs: str, bron: str) -> None:
    """The college's letter to a council: a request for advice, a response to an advice, or neither."""
    aanvraag = rules().stukken["adviesaanvraag"].search(_opening(letter, text))
    if aanvraag:
        letter.set("soort", "stuk", None, f"het college vraagt de adviesraad om advies ('{aanvraag[0]}')")
        letter.set("stuktype", "adviesaanvraag", None, "adviesaanvraag")
    elif rules().soort_zinnen["ontvangen_advies"].search(text):
        letter.set("soort", "reactie", None, bewijs)
    else:
        letter.beslissingen.add("soort", "soort-onbekend", f"het college schrijft aan de adviesraad, maar niet over een advies ({bron}). Vul 'soort' in.")


def _opening(letter: Letter, text: str) -> str:
    """The subject and the first paragraph of the body: where a letter says what it is for ('Graag vragen wij uw advies')."""
    first = next((block for block in letter.tekst.split("\n\n") if len(block) > 40 and not block.startswith("#")), "")
    return f"{letter.value('titel') or ''}\n{first}"


def _affirmed(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match not just after a negation ('niet ter advisering aan ons voorgelegd')."""
    return next((match for match in pattern.finditer(text) if not _negated(text[max(match.start() - 25, 0) : match.start()])), None)


def _negated(before: str) -> bool:
    """A negation in the same clause, just before a phrase."""
    return any(not re.search(r"[.,;]", before[found.end() :]) for found in rules().ontkenning.finditer(before))


def _role_text(rol: str | None, naam: object) -> str:
    names = {RAAD: "een adviesraad", COLLEGE: "het college", GEMEENTERAAD: "de gemeenteraad"}
    if rol is None:
        return "niet gevonden (geen ondertekening, 'Aan:', adres of aanhef die we herkennen)"
    return f"{names[rol]}" + (f" ('{naam}')" if naam else "")


def stuk_kind(lines: list[str]) -> tuple[str, int, str] | None:
    """A collegevoorstel, raadsinformatiebrief or the college's decision list: its first line says so."""
    first = next(((index, line.strip()) for index, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return None
    for stuktype, pattern in rules().stukken.items():
        if stuktype != "adviesaanvraag" and pattern.match(first[1]):
            return stuktype, first[0] + 1, first[1]
    return None


def _advice_type(letter: Letter, text: str) -> None:
    """The subject line decides ('Ongevraagd advies over …'); else the body, if it names only one kind."""
    titel = str(letter.value("titel") or "")
    patterns = rules().adviestype
    for adviestype in ("ongevraagd", "gevraagd"):
        if patterns[adviestype].search(titel) and not (adviestype == "gevraagd" and patterns["ongevraagd"].search(titel)):
            letter.set("adviestype", adviestype, letter.fields["titel"].line, titel)
            return
    found = {adviestype: match for adviestype, pattern in patterns.items() if (match := _affirmed(pattern, text))}
    if len(found) == 1:
        adviestype, match = next(iter(found.items()))
        line = text.count("\n", 0, match.start()) + 1
        letter.set("adviestype", adviestype, line, f"'{match[0]}' in de brief")
        return
    why = "noemt zowel gevraagd als ongevraagd advies" if found else "zegt niet of om dit advies gevraagd is"
    letter.beslissingen.add("adviestype", "adviestype-onbekend", f"de brief {why}; vul 'gevraagd' of 'ongevraagd' in.")


def read_kind(source: Source, letter: Letter) -> None:
    """The kind of document: no letter (a web post, minutes …), a stuk by its first line, else by who writes to whom."""
    layout = source.layout
    if layout is not None and layout.soort is not None:  # a house style that is always one kind of document
        first = source.lines[source.first].strip()
        letter.set("soort", layout.soort, source.first + 1, first)
        if layout.stuktype is not None:
            letter.set("stuktype", layout.stuktype, source.first + 1, first)
        return
    stuk = stuk_kind(source.lines)
    if stuk is None:
        letter_like = source.salutation is not None or (letter.fields.get("titel", None) is not None and _labelled_subject(source, letter))
        letter_like = letter_like or any(rules().uitgebracht.match(line) for line in source.lines[: source.body_start])
        sign = not_a_letter(source.lines, letter_like, source.closing)
        if sign is not None:
            kind, line_number, line = sign
            letter.geen_brief = f"dit lijkt geen brief maar {NOT_A_LETTER[kind]} (regel {line_number}: '{line}')"
            return
        others = _to_others(source, letter) if letter_like else None
        if others is not None:
            letter.geen_brief = f"dit lijkt geen brief voor het archief maar {NOT_A_LETTER['aan_anderen']} ({others})"
            return
    classify(letter, source.text, stuk)


def _to_others(source: Source, letter: Letter) -> str | None:
    """Where a letter addressed to no organ we know (the members, the parties, the bonds) tells in the past tense what
    became of an advice: why it is no letter of the archive, which holds what council and college write each other."""
    aan = letter.fields.get("aan")
    if aan is None or organ_in(str(aan.value)) is not None or letter.ontvanger is not None:
        return None
    if source.salutation is not None and source.salutation[1] is not None:
        return None
    story = rules().geen_brief["verhaal"].patroon
    found = story.search(" ".join(source.lines)) if story is not None else None
    return f"regel {aan.line}: aan '{aan.value}'; de brief vertelt: '{found[0]}'" if found else None


def _labelled_subject(source: Source, letter: Letter) -> bool:
    """Whether the title came from a 'Betreft' or 'Onderwerp' label, as letters have and web posts do not."""
    titel = letter.fields["titel"]
    return titel.line is not None and bool(rules().soort_zinnen["onderwerp_label"].match(source.lines[titel.line - 1]))
