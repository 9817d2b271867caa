"""Figures about the advices: how often the college takes them over, how long answers take, how often within the termijn.

One computation for the site (the Cijfers page and the summaries) and the open data (cijfers.json, cijfers.csv).
Everything counts advices (soort 'advies'), grouped over the whole archive, per gemeente, per year and per thema.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from adviesregister.content.derive import BEANTWOORD, REACTIE_UITGEBLEVEN, WACHT_OP_REACTIE, within_deadline
from adviesregister.content.model import Archive, Derived, Document

OUTCOMES = ("overgenomen", "deels overgenomen", "niet overgenomen", "anders beantwoord", REACTIE_UITGEBLEVEN, WACHT_OP_REACTIE)
"""The outcome of an advice, in the order the figures show them. 'anders beantwoord': the college answered, but took the
advice neither over nor not (kennisgenomen), or its answer gives no clear besluit."""
_OTHER_ANSWERS = ("kennisgenomen", BEANTWOORD)
GROUP_KINDS = ("archief", "gemeente", "jaar", "thema")


@dataclass(frozen=True)
class Figures:
    """The figures of one group of advices."""

    soort: str
    """'archief', 'gemeente', 'jaar' or 'thema'."""
    sleutel: str
    """The gemeente's short name, the year or the thema; 'alle' for the whole archive."""
    naam: str
    """What a person reads: 'Alle gemeenten', 'Almelo', '2023', 'jeugd'."""
    adviezen: int
    uitkomsten: dict[str, int] = field(default_factory=dict)
    """Per outcome (OUTCOMES, in that order): how many advices."""
    reactietijden: tuple[int, ...] = ()
    """Days from advice to first response, where both dates are complete; shortest first."""
    termijn_bekend: int = 0
    """Advices answered or whose termijn has passed: the ones of which we know whether the answer came in time."""
    binnen_termijn: int = 0
    """Of those, answered on or before the last day of the termijn."""
    termijnen: tuple[int, ...] = ()
    """The reactietermijn in weeks of the gemeenten of these advices, each once, shortest first (the charts draw it)."""

    @property
    def geheel_of_deels(self) -> int:
        """Advices the college took over wholly or partly."""
        return self.uitkomsten.get("overgenomen", 0) + self.uitkomsten.get("deels overgenomen", 0)

    @property
    def beantwoord(self) -> int:
        return self.adviezen - self.uitkomsten.get(REACTIE_UITGEBLEVEN, 0) - self.uitkomsten.get(WACHT_OP_REACTIE, 0)

    def aandeel(self, uitkomst: str) -> float | None:
        """The share of the advices with this outcome (0 to 1); None without advices."""
        return self.uitkomsten.get(uitkomst, 0) / self.adviezen if self.adviezen else None

    @property
    def aandeel_binnen_termijn(self) -> float | None:
        return self.binnen_termijn / self.termijn_bekend if self.termijn_bekend else None

    @property
    def mediaan(self) -> float | None:
        return statistics.median(self.reactietijden) if self.reactietijden else None

    @property
    def kwartielen(self) -> tuple[float, float] | None:
        """The first and third quartile of the reactietijd (inclusive method); None for fewer than two."""
        if len(self.reactietijden) < 2:
            return None
        first, _, third = statistics.quantiles(self.reactietijden, n=4, method="inclusive")
        return first, third

    @property
    def kortste(self) -> int | None:
        return self.reactietijden[0] if self.reactietijden else None

    @property
    def langste(self) -> int | None:
        return self.reactietijden[-1] if self.reactietijden else None


def outcome(status: str | None) -> str:
    """The outcome an advice's status counts as."""
    if status in _OTHER_ANSWERS or status is None:
        return "anders beantwoord"
    return status


def compute_figures(archive: Archive, derived: dict[str, Derived]) -> list[Figures]:
    """The figures of the whole archive, then per gemeente (by name), per year (newest first) and per thema (by name)."""
    adviezen = sorted((doc for doc in archive.documents if doc.soort == "advies"), key=lambda d: d.id)
    by_id = archive.by_id()
    groups: list[tuple[str, str, str, list[Document]]] = [("archief", "alle", "Alle gemeenten", adviezen)]
    for slug, gemeente in sorted(archive.gemeenten.items(), key=lambda item: item[1].naam):
        members = [doc for doc in adviezen if doc.gemeente == slug]
        if members:
            groups.append(("gemeente", slug, gemeente.naam, members))
    for year in sorted({doc.datum.jaar for doc in adviezen}, reverse=True):
        groups.append(("jaar", str(year), str(year), [doc for doc in adviezen if doc.datum.jaar == year]))
    for thema in sorted({thema for doc in adviezen for thema in doc.themas}):
        groups.append(("thema", thema, thema, [doc for doc in adviezen if thema in doc.themas]))
    weeks = {slug: gemeente.reactietermijn_weken for slug, gemeente in archive.gemeenten.items()}
    return [_figures(soort, sleutel, naam, members, derived, by_id, weeks) for soort, sleutel, naam, members in groups]


def _figures(
    soort: str, key: str, naam: str, members: list[Document], derived: dict[str, Derived], by_id: dict[str, Document], weeks: dict[str, int]
) -> Figures:
    counts = dict.fromkeys(OUTCOMES, 0)
    times: list[int] = []
    known = in_time = 0
    for advies in members:
        info = derived[advies.id]
        counts[outcome(info.status)] += 1
        if info.reactietijd is not None:
            times.append(info.reactietijd)
        first = _first_response(info, by_id)
        if first is not None and info.uiterste_reactiedatum is not None:
            known += 1
            in_time += within_deadline(first, info.uiterste_reactiedatum)
        elif info.status == REACTIE_UITGEBLEVEN:
            known += 1
    termijnen = tuple(sorted({weeks[advies.gemeente] for advies in members if advies.gemeente in weeks}))
    return Figures(soort, key, naam, len(members), counts, tuple(sorted(times)), known, in_time, termijnen)


def _first_response(info: Derived, by_id: dict[str, Document]) -> Document | None:
    return next((by_id[answer] for answer in info.reacties if answer in by_id and by_id[answer].soort == "reactie"), None)
