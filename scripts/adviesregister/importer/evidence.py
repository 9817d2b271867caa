"""Evidence for and against each kind of letter: every cue with its line, and a decision only when the cues agree.

Who writes (signature, letterhead, 'Van:', the voice of the body), to whom (address block, salutation, 'Aan:'),
what the subject says ('advies …', 'reactie op uw advies') and what the body does (advising, answering an advice):
each is a cue. A missing cue is no contradiction; two cues that contradict each other make the importer abstain
and name them, so that a person decides ("het onderwerp zegt advies, maar de brief is ondertekend door de burgemeester").
"""

from __future__ import annotations

from dataclasses import dataclass

from adviesregister.importer.findings import Letter, Role
from adviesregister.importer.parties import COLLEGE, GEMEENTERAAD, RAAD
from adviesregister.importer.rules import rules
from adviesregister.importer.verdict import sentences

ADVIES, REACTIE = "advies", "reactie"


AFZENDER, ONTVANGER, STEM, ONDERWERP, DAAD = "afzender", "ontvanger", "stem", "onderwerp", "daad"
"""What a cue is about: who writes, to whom, the voice the body speaks in, the subject, what the letter does."""


@dataclass(frozen=True)
class Cue:
    """One piece of evidence for a kind (advies or reactie), where the letter (or the archive) shows it."""

    soort: str
    aard: str
    """afzender, ontvanger, stem, onderwerp or daad."""
    wat: str
    """What the letter shows, in Dutch: "ondertekend door het college ('burgemeester')"."""
    line: int | None = None
    uit_archief: bool = False

    def __str__(self) -> str:
        where = f" (regel {self.line})" if self.line else ""
        return f"{'uit het archief: ' if self.uit_archief else ''}{self.wat}{where}"


@dataclass(frozen=True)
class KindVerdict:
    """What the evidence decides: a kind, or None with the cues that conflict."""

    soort: str | None
    voor: list[Cue]
    tegen: list[Cue]

    def reasons(self) -> str:
        """The cues that decided, as the evidence of 'soort' lists them."""
        return "; ".join(str(cue) for cue in self.voor)

    def conflict(self) -> str:
        """'het onderwerp zegt advies ('…'), maar ondertekend door het college ('burgemeester')'."""
        return f"{' en '.join(str(cue) for cue in self.voor)}, maar {' en '.join(str(cue) for cue in self.tegen)}"


_ROLE_WORDS = {RAAD: "een adviesraad", COLLEGE: "het college", GEMEENTERAAD: "de gemeenteraad"}
_SENDS = {RAAD: ADVIES, COLLEGE: REACTIE}
"""A council writes advices, the college writes responses."""
_RECEIVES = {COLLEGE: ADVIES, RAAD: REACTIE}


def weigh(letter: Letter, text: str) -> KindVerdict:
    """Every cue of the letter, and the kind they agree on (None when they conflict, or when too little is known)."""
    cues = [cue for role in letter.rollen if (cue := _role_cue(role)) is not None]
    titel = letter.fields.get("titel")
    if titel is not None:
        line, subject = titel.line, str(titel.value)
        if rules().soort_zinnen["onderwerp_reactie"].search(subject):
            cues.append(Cue(REACTIE, ONDERWERP, f"het onderwerp is een antwoord ('{subject}')", line))
        elif rules().soort_zinnen["onderwerp_advies"].match(subject):
            cues.append(Cue(ADVIES, ONDERWERP, f"het onderwerp zegt advies ('{subject}')", line))
    if (voice := rules().soort_zinnen["stem_van_raad"].search(text)) is not None:
        cues.append(Cue(ADVIES, STEM, f"de brief spreekt als adviesraad ('{voice[0].strip(' .!?')}')", _line(text, voice.start())))
    if (council := rules().soort_zinnen["raad_adviseert"].search(text)) is not None:  # the council's own verb: its voice and its act
        cues.append(Cue(ADVIES, STEM, f"de adviesraad adviseert in de brief ('{council[0]}')", _line(text, council.start())))
    advising = next((found for sentence in sentences(text) if (found := rules().advies_zinnen.search(sentence))), None) or council
    if advising is not None:
        cues.append(Cue(ADVIES, DAAD, f"de brief adviseert ('{advising[0]}')", _line(text, text.find(advising[0]))))
    if (answering := rules().soort_zinnen["beantwoordt_advies"].search(text)) is not None:
        cues.append(Cue(REACTIE, DAAD, f"de brief antwoordt op een advies ('{answering[0]}')", _line(text, answering.start())))
    return decide(cues)


def decide(cues: list[Cue]) -> KindVerdict:
    """advies: a council writes (signature, letterhead, its voice) and advises (subject 'advies', 'wij adviseren u');
    or the college is addressed, the subject says advies and the body advises. reactie: the college writes or the
    council is addressed, and the letter answers an advice (subject, 'uw advies van …'). A cue of the other kind
    contradicts, except that a response may name and quote the advice it answers (its subject, 'u adviseert')."""
    for soort in (ADVIES, REACTIE):
        voor = [cue for cue in cues if cue.soort == soort]
        aarden = {cue.aard for cue in voor}
        if soort == ADVIES:
            enough = (bool(aarden & {AFZENDER, STEM}) and bool(aarden & {ONDERWERP, DAAD})) or {ONTVANGER, ONDERWERP, DAAD} <= aarden
            tegen = [cue for cue in cues if cue.soort == REACTIE]
        else:
            enough = bool(aarden & {AFZENDER, ONTVANGER}) and bool(aarden & {ONDERWERP, DAAD})
            tegen = [cue for cue in cues if cue.soort == ADVIES and cue.aard in (AFZENDER, ONTVANGER)]
        if enough:
            return KindVerdict(None if tegen else soort, voor, tegen)
    advies = [cue for cue in cues if cue.soort == ADVIES]
    reactie = [cue for cue in cues if cue.soort == REACTIE]
    return KindVerdict(None, advies if advies and reactie else [], reactie if advies and reactie else [])


def _role_cue(role: Role) -> Cue | None:
    """A sender or addressee as a cue: a council writing (or the college written to) is for an advice."""
    organ = _ROLE_WORDS.get(role.rol, role.rol) + (f" ('{role.naam}')" if role.naam else "")
    soort = (_SENDS if role.kant == AFZENDER else _RECEIVES).get(role.rol)
    if soort is None:
        return None
    wat = f"{role.hoe} {organ}" if role.kant == AFZENDER else f"gericht aan {organ} ({role.hoe})"
    return Cue(soort, role.kant, wat, role.line, role.uit_archief)


def _line(text: str, position: int) -> int:
    return text.count("\n", 0, max(position, 0)) + 1
