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


@dataclass(frozen=True)
class AdviceReference:
    """What a response says of the advice it answers."""

    datum: Datum
    adviestype: str | None
    zin: str
    regel: int | None


@dataclass
class Letter:
    velden: dict[str, Found] = field(default_factory=dict)
    kenmerken: dict[str, Found] = field(default_factory=dict)
    beslissingen: list[str] = field(default_factory=list)
    verwijderd: Removed = field(default_factory=Removed)
    tekst: str = ""
    advies: AdviceReference | None = None
    gemeente_naam: str | None = None

    def value(self, veld: str) -> object | None:
        found = self.velden.get(veld)
        return found.waarde if found else None

    def set(self, veld: str, waarde: object, regel: int | None, bewijs: str) -> None:
        self.velden.setdefault(veld, Found(waarde, regel, bewijs))
