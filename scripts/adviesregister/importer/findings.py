"""What reading a letter yields: values with their evidence, decisions for a person, what was left out."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from adviesregister.content.model import Datum
from adviesregister.importer.body import Removed
from adviesregister.importer.decision_codes import DECISION_CODES


@dataclass(frozen=True)
class Found:
    value: object
    line: int | None
    bewijs: str

    def evidence(self) -> str:
        """The evidence as the report and the record show it: 'regel 4: Datum 3 maart 2026'."""
        return f"regel {self.line}: {self.bewijs}" if self.line else self.bewijs


@dataclass(frozen=True)
class AdviceReference:
    """What a response says of the advice it answers."""

    datum: Datum
    adviestype: str | None
    zin: str
    line: int | None


@dataclass(frozen=True)
class Decision:
    """Something a person must decide or check, for one field (or, where no field is known, one line of the letter)."""

    field: str | None
    code: str
    """Stable name of the kind of decision, so code can find it again (never its Dutch wording)."""
    message: str
    line: int | None = None

    def __post_init__(self) -> None:
        if self.code not in DECISION_CODES:
            raise ValueError(f"decision code '{self.code}' is not registered in importer/decision_codes.py")

    def __str__(self) -> str:
        return f"{self.field or f'regel {self.line}'}: {self.message}"


class Decisions(list[Decision]):
    """The decisions of one import, in the order they were found."""

    def add(self, field: str | None, code: str, message: str, line: int | None = None) -> None:
        self.append(Decision(field, code, message, line))

    def withdraw(self, code: str) -> None:
        """Take back a decision a later step made unnecessary."""
        self[:] = [decision for decision in self if decision.code != code]

    def settle(self, field: str) -> None:
        """Take back every decision on a field a person gave (with --datum, --gemeente): it needs no second look."""
        self[:] = [decision for decision in self if decision.field != field]


@dataclass(frozen=True)
class Role:
    """Who writes or is written to, as one line of the letter (or the archive) shows it: a cue for the kind (evidence.py)."""

    kant: str
    """afzender or ontvanger."""
    rol: str
    """raad, college or gemeenteraad (parties.py)."""
    naam: str | None
    line: int | None
    hoe: str
    """How the letter shows it, in Dutch: 'ondertekend door', 'briefhoofd', 'adresblok', 'aanhef'."""
    uit_archief: bool = False
    """The name is known from the archive (gemeenten.yml or earlier documents), not from the rules."""


class UndeclaredReadError(ValueError):
    """A reading step read a field it did not declare in READING_STEPS. A programming error, never meant for a person:
    not an AdviesregisterError, so the command line reports it as a bug (exit code 2)."""


class _DeclaredFields(Mapping[str, Found]):
    """The fields as a running step sees them: only those it declared it reads (or sets), and read-only."""

    def __init__(self, fields: dict[str, Found], readable: frozenset[str]) -> None:
        self._fields = fields
        self._readable = readable

    def _check(self, field: object) -> None:
        if field not in self._readable:
            raise UndeclaredReadError(f"the reading step reads '{field}' without declaring it in READING_STEPS")

    def __getitem__(self, field: str) -> Found:
        self._check(field)
        return self._fields[field]

    def __contains__(self, field: object) -> bool:
        self._check(field)
        return field in self._fields

    def __iter__(self) -> Iterator[str]:
        raise UndeclaredReadError("the reading step reads every field; read the ones it declares by name")

    def __len__(self) -> int:
        raise UndeclaredReadError("the reading step reads every field; read the ones it declares by name")


STEP_ATTRIBUTES = frozenset(
    {"kenmerken", "vooraf", "tekst", "advies", "gemeente_naam", "kop_van", "afzender", "ontvanger", "datum_gezien", "geen_brief", "rollen"}
)
"""What a Letter holds besides its fields that reading steps hand on to each other: they count as fields for READING_STEPS."""


@dataclass
class Letter:
    """What reading a letter found. Each field keeps the first value offered: the steps run most reliable source first (see letter.READING_STEPS).

    While a step runs, `allowed` holds what it declared it sets and `readable` what it may read (its reads and its sets):
    reading or setting anything else raises, for the fields (`fields`, `value`) and for STEP_ATTRIBUTES alike."""

    _fields: dict[str, Found] = field(default_factory=dict)
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
    allowed: frozenset[str] | None = None
    """The fields the running reading step declared it sets; None outside the steps."""
    readable: frozenset[str] | None = None
    """The fields the running reading step may read: what it declared it reads or sets; None outside the steps."""

    def __getattribute__(self, name: str) -> Any:
        if name in STEP_ATTRIBUTES:
            readable = object.__getattribute__(self, "readable")
            if readable is not None and name not in readable:
                raise UndeclaredReadError(f"the reading step reads '{name}' without declaring it in READING_STEPS")
        return object.__getattribute__(self, name)

    def __setattr__(self, name: str, value: object) -> None:
        if name in STEP_ATTRIBUTES and self.__dict__.get("allowed") is not None and name not in self.__dict__["allowed"]:
            raise ValueError(f"the reading step sets '{name}' without declaring it in READING_STEPS")
        object.__setattr__(self, name, value)

    @property
    def fields(self) -> Mapping[str, Found]:
        """The fields found so far; a running step sees only those it declared. Set them with `set`, never here."""
        if self.readable is not None:
            return _DeclaredFields(self._fields, self.readable)
        return self._fields

    def value(self, field: str) -> object | None:
        found = self.fields.get(field)
        return found.value if found else None

    def set(self, field: str, value: object, line: int | None, bewijs: str, *, replace: bool = False) -> None:
        """Offer a value; it is kept only if no earlier (more reliable) source gave one. `replace` puts it in place of
        one found before: a value a person gave (--datum), or the same value spelled better (a title's next line)."""
        if self.allowed is not None and field not in self.allowed:
            raise ValueError(f"the reading step sets '{field}' without declaring it in READING_STEPS")
        if replace:
            self._fields[field] = Found(value, line, bewijs)
        else:
            self._fields.setdefault(field, Found(value, line, bewijs))
