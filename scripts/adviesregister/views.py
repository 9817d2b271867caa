"""Display values for the site: every text a template shows is computed here."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from babel.dates import format_date

from .derive import BEANTWOORD, REACTIE_UITGEBLEVEN, WACHT_OP_REACTIE, Derived
from .model import Archive, Datum, Document

STATUS_LABELS = {
    "overgenomen": ("✓", "Overgenomen"),
    "deels overgenomen": ("◐", "Deels overgenomen"),
    "niet overgenomen": ("✗", "Niet overgenomen"),
    "kennisgenomen": ("i", "Het college heeft er kennis van genomen"),
    BEANTWOORD: ("✉", "Beantwoord, besluit niet duidelijk"),
    WACHT_OP_REACTIE: ("…", "Wacht op reactie"),
    REACTIE_UITGEBLEVEN: ("!", "Reactie uitgebleven"),
}

SOORT_LABELS = {"advies": "Advies", "reactie": "Reactie van het college", "stuk": "Stuk"}


def format_datum(datum: Datum) -> str:
    """A (partial) date in Dutch words: '23 januari 2023', 'mei 2023' or '2023'."""
    if datum.volledig:
        return format_date(datum.vroegst(), format="long", locale="nl")
    if datum.maand is not None:
        return format_date(datum.vroegst(), format="MMMM y", locale="nl")
    return str(datum.jaar)


def page_url(doc_id: str) -> str:
    return f"documenten/{doc_id}/"


def relative_url(target: str, current: str) -> str:
    """The link from the page at `current` to the page at `target` (both directory URLs)."""
    rel = posixpath.relpath(target or ".", current or ".")
    return "./" if rel == "." else f"{rel}/"


@dataclass(frozen=True)
class Status:
    code: str
    icoon: str
    tekst: str

    @property
    def css(self) -> str:
        return self.code.replace(" ", "-")


def status_view(status: str | None) -> Status | None:
    if status is None:
        return None
    icoon, tekst = STATUS_LABELS[status]
    return Status(status, icoon, tekst)


@dataclass(frozen=True)
class Link:
    titel: str
    href: str
    datum: str
    soort: str
    besluit: str | None = None


@dataclass
class DocumentView:
    id: str
    titel: str
    url: str
    soort: str
    datum: str
    datum_iso: str
    jaar: int
    gemeente: str
    van: str | None
    aan: str | None
    status: Status | None
    doc: Document
    termijn: str | None = None
    reactietijd: str | None = None
    reacties: list[Link] = field(default_factory=list)
    reactie_op: list[Link] = field(default_factory=list)
    hoort_bij: list[Link] = field(default_factory=list)
    stukken: list[Link] = field(default_factory=list)
    kenmerken: list[tuple[str, str]] = field(default_factory=list)


KENMERK_LABELS = {"uw_brief": "Uw brief", "uw_kenmerk": "Uw kenmerk", "ons_kenmerk": "Ons kenmerk", "zaaknummer": "Zaaknummer"}


def soort_label(doc: Document) -> str:
    if doc.soort == "advies" and doc.adviestype:
        return f"{doc.adviestype.capitalize()} advies"
    if doc.soort == "stuk" and doc.stuktype:
        return doc.stuktype.capitalize()
    return SOORT_LABELS[doc.soort]


def build_views(archive: Archive, derived: dict[str, Derived]) -> dict[str, DocumentView]:
    """One view per document, with links resolved relative to its own page."""
    by_id = archive.by_id()
    views = {}
    for doc in archive.documenten:
        info = derived[doc.id]
        url = page_url(doc.id)

        def links(ids: list[str] | tuple[str, ...], url: str = url) -> list[Link]:
            return [_link(by_id[target], url) for target in ids if target in by_id]

        gemeente = archive.gemeenten.get(doc.gemeente)
        view = DocumentView(
            id=doc.id,
            titel=doc.titel,
            url=url,
            soort=soort_label(doc),
            datum=format_datum(doc.datum),
            datum_iso=str(doc.datum),
            jaar=doc.datum.jaar,
            gemeente=gemeente.naam if gemeente else doc.gemeente,
            van=doc.van,
            aan=doc.aan,
            status=status_view(info.status),
            doc=doc,
            reacties=links(info.reacties),
            reactie_op=links(doc.reactie_op),
            hoort_bij=links(doc.hoort_bij),
            stukken=links(info.stukken),
            kenmerken=[(KENMERK_LABELS[key], value) for key, value in doc.kenmerken.items()],
        )
        if info.uiterste_reactiedatum is not None and gemeente is not None:
            view.termijn = f"{gemeente.reactietermijn_weken} weken, tot en met {format_date(info.uiterste_reactiedatum, format='long', locale='nl')}"
        if info.reactietijd is not None:
            view.reactietijd = f"{info.reactietijd} dagen"
        views[doc.id] = view
    return views


def _link(target: Document, current: str) -> Link:
    return Link(
        titel=target.titel,
        href=relative_url(page_url(target.id), current),
        datum=format_datum(target.datum),
        soort=soort_label(target),
        besluit=target.besluit,
    )
