"""What reading a letter yields: values with their evidence, decisions for a person, what was left out."""

from __future__ import annotations

from dataclasses import dataclass, field

from adviesregister.content.model import Datum
from adviesregister.importer.body import Removed


@dataclass(frozen=True)
class Found:
    waarde: object
    regel: int | None
    bewijs: str

    def evidence(self) -> str:
        """The evidence as the report and the record show it: 'regel 4: Datum 3 maart 2026'."""
        return f"regel {self.regel}: {self.bewijs}" if self.regel else self.bewijs


@dataclass(frozen=True)
class AdviceReference:
    """What a response says of the advice it answers."""

    datum: Datum
    adviestype: str | None
    zin: str
    regel: int | None


@dataclass(frozen=True)
class Decision:
    """Something a person must decide or check, for one field (or, where no field is known, one line of the letter)."""

    veld: str | None
    code: str
    """Stable name of the kind of decision, so code can find it again (never its Dutch wording)."""
    bericht: str
    regel: int | None = None

    def __str__(self) -> str:
        return f"{self.veld or f'regel {self.regel}'}: {self.bericht}"


class Decisions(list[Decision]):
    """The decisions of one import, in the order they were found."""

    def add(self, veld: str | None, code: str, bericht: str, regel: int | None = None) -> None:
        self.append(Decision(veld, code, bericht, regel))

    def withdraw(self, code: str) -> None:
        """Take back a decision a later step made unnecessary."""
        self[:] = [decision for decision in self if decision.code != code]

    def settle(self, veld: str) -> None:
        """Take back every decision on a field a person gave (with --datum, --gemeente): it needs no second look."""
        self[:] = [decision for decision in self if decision.veld != veld]


@dataclass(frozen=True)
class Role:
    """Who writes or is written to, as one line of the letter (or the archive) shows it: a cue for the kind (evidence.py)."""

    kant: str
    """afzender or ontvanger."""
    rol: str
    """raad, college or gemeenteraad (parties.py)."""
    naam: str | None
    regel: int | None
    hoe: str
    """How the letter shows it, in Dutch: 'ondertekend door', 'briefhoofd', 'adresblok', 'aanhef'."""
    uit_archief: bool = False
    """The name is known from the archive (gemeenten.yml or earlier documents), not from the rules."""


@dataclass
class Letter:
    """What reading a letter found. Each field keeps the first value offered: the steps run most reliable source first (see letter.READING_STEPS)."""

    velden: dict[str, Found] = field(default_factory=dict)
    kenmerken: dict[str, Found] = field(default_factory=dict)
    beslissingen: Decisions = field(default_factory=Decisions)
    verwijderd: Removed = field(default_factory=Removed)
    vooraf: list[str] = field(default_factory=list)
    """A collegevoorstel's fields, kept as a list at the top of the text."""
    tekst: str = ""
    advies: AdviceReference | None = None
    gemeente_naam: str | None = None
    kop_van: Found | None = None
    """'Van:' in the letterhead; the signature goes first (see sender.read_sender)."""
    afzender: str | None = None
    """Who writes: 'raad' (an advisory council), 'college' or None; see parties.py."""
    ontvanger: str | None = None
    rollen: list[Role] = field(default_factory=list)
    """Every sender and addressee a line showed, for weighing the kind (evidence.py)."""
    datum_gezien: list[str] = field(default_factory=list)
    """What looked like the letter's own date but was not taken, for the report."""
    geen_brief: str | None = None
    """Why the text is not a letter (a web post, minutes …), in Dutch; None for a letter."""

    def value(self, veld: str) -> object | None:
        found = self.velden.get(veld)
        return found.waarde if found else None

    allowed: frozenset[str] | None = None
    """The fields the running reading step declared it sets; None outside the steps."""

    def set(self, veld: str, waarde: object, regel: int | None, bewijs: str, *, replace: bool = False) -> None:
        """Offer a value; it is kept only if no earlier (more reliable) source gave one. `replace` puts it in place of
        one found before: the same value spelled better (an OCR misreading repaired)."""
        if self.allowed is not None and veld not in self.allowed:
            raise ValueError(f"the reading step sets '{veld}' without declaring it in READING_STEPS")
        if replace:
            self.velden[veld] = Found(waarde, regel, bewijs)
        else:
            self.velden.setdefault(veld, Found(waarde, regel, bewijs))
