"""What the list pages, the home page, the overview and the Open data page show: computed here, displayed by the templates."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup

from adviesregister.content.derive import REACTIE_UITGEBLEVEN, WACHT_OP_REACTIE
from adviesregister.content.figures import Figures
from adviesregister.content.model import Adviesraad, Archive
from adviesregister.content.names import (
    FEED_ALL,
    GEMEENTEN,
    JAREN,
    OPEN_DATA,
    OVERVIEW,
    STATUSSEN,
    THEMAS,
    absolute_url,
    feed_anchor,
    feed_link,
    gemeente_feed_url,
    gemeente_url,
    page_url,
    slugify,
    status_url,
    thema_feed_url,
    thema_url,
    year_url,
)
from adviesregister.content.settings import Settings
from adviesregister.opendata.diwoo import has_diwoo
from adviesregister.opendata.field_tables import FieldTable, field_tables
from adviesregister.opendata.files import ExportResult
from adviesregister.opendata.metadata import HEADER_FIELDS
from adviesregister.opendata.recipes import Recipe, recipes, typed_columns
from adviesregister.opendata.woo import WOO_KINDS, WooKind
from adviesregister.site import dutch, figures_page
from adviesregister.site.views import STATUS_LABELS, DocumentView, Point, Status, format_size, join_words, relative_url, status_view


@dataclass(frozen=True)
class Listing:
    """A page that lists documents: a gemeente, a thema or a year."""

    key: str
    """The slug, thema or year the documents share."""
    url: str
    titel: str
    views: list[DocumentView]
    intro: str = ""
    feed: str | None = None
    feed_titel: str = ""
    adviesraden: list[RaadView] = field(default_factory=list)
    """A gemeente's advisory councils, each with its website and contact (empty for other lists)."""
    raad_uitleg: str = ""
    """On a gemeente's page: what an advisory council is, in one plain sentence."""
    volg_tekst: str = "Volg deze lijst"
    """The link to this list's feed, beside its title: 'Volg deze gemeente', 'Volg dit thema'."""

    @property
    def aantal_tekst(self) -> str:
        return dutch.count(len(self.views), "document", "documenten")

    @property
    def raden_met_links(self) -> list[RaadView]:
        """The councils whose website or contact the page links to."""
        return [raad for raad in self.adviesraden if raad.website or raad.contact_url]

    @property
    def feed_uitleg(self) -> str:
        """Where the visible feed link of this page leads: its place on the feeds page."""
        return feed_link(self.feed) if self.feed else ""


ADVIESRAAD_UITLEG = (
    "Een adviesraad is een groep inwoners die het college van burgemeester en wethouders advies geeft over zorg, jeugd, "
    "werk en inkomen; het college beslist zelf of het dat advies overneemt."
)
"""What an advisory council is, on every gemeente's page."""


@dataclass(frozen=True)
class GemeenteRow:
    """One gemeente in the comparison on the gemeenten page, as text (site/figures_page.py's small-n rule applied)."""

    name: str
    url: str
    adviezen: int
    laatste: str
    """The date of its newest advice ('' without one)."""
    laatste_iso: str
    overgenomen: str
    """Taken over wholly or partly: '7 van 12 (58%)', '1 van 2'."""
    mediaan: str
    binnen_termijn: str


def build_comparison(archive: Archive, gemeenten: list[Listing], figures: dict[tuple[str, str], Figures]) -> list[GemeenteRow]:
    """Per gemeente (in the order of the list): its advices, newest advice, share taken over, median reactietijd and
    share answered in time."""
    rows = []
    for listing in gemeenten:
        item = figures.get(("gemeente", listing.key))
        adviezen = [view for view in listing.views if view.doc.soort == "advies"]
        newest = max(adviezen, key=lambda view: (view.doc.datum.sort_key(), view.id), default=None)
        rows.append(
            GemeenteRow(
                archive.gemeenten[listing.key].naam,
                listing.url,
                item.adviezen if item else 0,
                newest.datum if newest else "",
                newest.datum_iso if newest else "",
                figures_page.part_of(item.geheel_of_deels, item.adviezen) if item else "geen adviezen",
                figures_page.days(item.mediaan) if item else figures_page.UNKNOWN,
                figures_page.part_of(item.binnen_termijn, item.termijn_bekend) if item else figures_page.UNKNOWN,
            )
        )
    return rows


@dataclass(frozen=True)
class Listings:
    gemeenten: list[Listing]
    themas: list[Listing]
    jaren: list[Listing]
    """Newest year first."""
    statussen: list[Listing]
    """Advices per status, in the order of STATUS_LABELS: the lists the overview's status filter stands for without JavaScript."""

    def all(self) -> list[Listing]:
        return [*self.gemeenten, *self.themas, *self.jaren, *self.statussen]


@dataclass(frozen=True)
class RaadView:
    """An advisory council as its gemeente's page shows it: name, abbreviations, and links to its website and contact."""

    name: str
    afkortingen: str
    """'ASD, Wmo-raad' ('' when there are none)."""
    website: str | None
    contact_url: str | None
    """'mailto:secretariaat@…' or the contact form's address."""


def raad_view(raad: Adviesraad) -> RaadView:
    contact = raad.contact
    contact_url = None if contact is None else contact if contact.startswith("https://") else f"mailto:{contact}"
    return RaadView(raad.naam, ", ".join(raad.afkortingen), raad.website, contact_url)


def build_listings(archive: Archive, ordered: list[DocumentView]) -> Listings:
    """Documents (newest first) grouped by gemeente, thema and year."""
    gemeenten = []
    for slug, gemeente in sorted(archive.gemeenten.items()):
        raden = [raad_view(raad) for raad in gemeente.adviesraden]
        namen = [f"de {raad.name}" + (f" ({raad.afkortingen})" if raad.afkortingen else "") for raad in raden]
        intro = f"Adviezen van {join_words(namen)} en reacties van het college van {gemeente.naam}. Het college heeft {dutch.weeks(gemeente.reactietermijn_weken)} om op een advies te reageren."
        views = [v for v in ordered if v.doc.gemeente == slug]
        gemeenten.append(
            Listing(
                slug,
                gemeente_url(slug),
                f"Gemeente {gemeente.naam}",
                views,
                intro,
                gemeente_feed_url(slug),
                f"Adviesregister: gemeente {gemeente.naam}",
                raden,
                raad_uitleg=ADVIESRAAD_UITLEG,
                volg_tekst="Volg deze gemeente",
            )
        )
    themas = [
        Listing(
            thema,
            thema_url(thema),
            f"Thema: {thema}",
            [v for v in ordered if thema in v.doc.themas],
            f"Documenten over {thema}.",
            thema_feed_url(thema),
            f"Adviesregister: thema {thema}",
            volg_tekst="Volg dit thema",
        )
        for thema in sorted({thema for v in ordered for thema in v.doc.themas})
    ]
    jaren = [
        Listing(str(jaar), year_url(jaar), f"Documenten uit {jaar}", [v for v in ordered if v.jaar == jaar])
        for jaar in sorted({v.jaar for v in ordered}, reverse=True)
    ]
    statussen = []
    for code in STATUS_LABELS:
        views = [v for v in ordered if v.status and v.status.code == code]
        if code == REACTIE_UITGEBLEVEN:  # the longest past its termijn first (each card says by how many days)
            views.sort(key=lambda v: -(v.te_laat or 0))
        status = status_view(code)
        if views and status:
            statussen.append(Listing(code, status_url(code), f"Adviezen: {status.text.lower()}", views, _STATUS_INTROS.get(code, "")))
    return Listings(gemeenten, themas, jaren, statussen)


_STATUS_INTROS = {
    REACTIE_UITGEBLEVEN: "Adviezen waarvan de termijn voor een reactie voorbij is, en waarop we in dit archief geen reactie van het college vonden. Misschien heeft het college wel gereageerd, maar staat de reactie nog niet in het archief. Bovenaan staat het advies waarvan de termijn het langst voorbij is; bij elk advies staat hoeveel dagen.",
    WACHT_OP_REACTIE: "Adviezen waarop nog een reactie komt: de termijn voor een reactie loopt nog.",
}


@dataclass(frozen=True)
class YearGroup:
    """The documents of one year on a page of the overview."""

    key: str
    views: list[DocumentView]


def year_groups(views: list[DocumentView]) -> list[YearGroup]:
    """`views` (newest first) per year, in that order."""
    groups: list[YearGroup] = []
    for view in views:
        if not groups or groups[-1].key != str(view.jaar):
            groups.append(YearGroup(str(view.jaar), []))
        groups[-1].views.append(view)
    return groups


def overview_index(ordered: list[DocumentView]) -> dict[str, Any]:
    """What the overview's filter script filters and shows: per document (newest first) one value per filter (the same
    values as the filter's choices) and what its card shows; page addresses relative to the overview."""
    statussen = {v.status.text: {"css": v.status.css, "icoon": v.status.icoon} for v in ordered if v.status}
    documents = [
        {
            "titel": v.titel,
            "url": relative_url(v.url, OVERVIEW),
            "datum": v.datum,
            "datum_iso": v.datum_iso,
            "jaar": str(v.jaar),
            "soort": v.soort,
            "gemeente": v.gemeente,
            "filters": filter_values(v),
            **_card_outcome(v),
        }
        for v in ordered
    ]
    return {"statussen": dict(sorted(statussen.items())), "documenten": documents}


def _card_outcome(v: DocumentView) -> dict[str, Any]:
    """What the overview's script needs to show a card's outcome as the page's own card does (macros.j2, kaart)."""
    woord, links = v.kaart_links
    uitkomst = {"css": v.uitkomst.css, "icoon": v.uitkomst.icoon, "tekst": v.uitkomst.text} if v.uitkomst else None
    return {
        "uitkomst": uitkomst,
        "noot": v.uitkomst_noot or "",
        "tijd": v.tijd or "",
        "links_woord": woord,
        "links": [{"titel": link.titel, "url": relative_url(link.url, OVERVIEW)} for link in links],
    }


@dataclass(frozen=True)
class StatusCount:
    status: Status
    count: int

    @property
    def url(self) -> str:
        return status_url(self.status.code)

    @property
    def text(self) -> str:
        return dutch.count(self.count, "advies", "adviezen")


@dataclass(frozen=True)
class Home:
    statussen: list[StatusCount]
    gemeenten: list[tuple[str, str]]
    """(name, page address) of every gemeente: the citizen's first choice."""
    adviezen: list[DocumentView]
    reacties: list[DocumentView]
    te_laat: list[DocumentView]
    """The advices whose termijn passed most recently, without a known response."""
    te_laat_lijst: StatusCount | None
    """The list of every such advice, when there are more than `te_laat` shows."""
    count: int
    cijfers: str = ""
    """The figures in one line."""
    colofon: list[str] = field(default_factory=list)
    """When it was updated, what it covers and who publishes it, one sentence each."""

    @property
    def veel_gemeenten(self) -> bool:
        """Too many gemeenten to show all at once above the fold: they fold away (a <details>, no script)."""
        return len(self.gemeenten) > FOLD_GEMEENTEN


FOLD_GEMEENTEN = 12


def build_home(
    ordered: list[DocumentView],
    archive: Archive | None = None,
    figures: Figures | None = None,
    bijgewerkt: str = "",
    uitgever: str = "",
    newest: int = 5,
    overdue_shown: int = 5,
) -> Home:
    """The home page: the citizen's question first (gemeente, search), then the newest documents with their outcome and
    short lists, so that it stays small for a phone however big the archive. `bijgewerkt`: the day the data last changed."""
    counts = Counter(v.status.code for v in ordered if v.status)
    statussen = [StatusCount(status, counts[code]) for code in STATUS_LABELS if counts[code] and (status := status_view(code))]
    overdue = sorted((v for v in ordered if v.te_laat is not None), key=lambda v: (v.te_laat, v.id))
    overdue_list = next((item for item in statussen if item.status.code == REACTIE_UITGEBLEVEN), None) if len(overdue) > overdue_shown else None
    adviezen = [v for v in ordered if v.doc.soort == "advies"][:newest]
    reacties = [v for v in ordered if v.doc.soort == "reactie"][:newest]
    gemeenten = sorted(((g.naam, gemeente_url(slug)) for slug, g in (archive.gemeenten.items() if archive else ())), key=lambda item: item[0])
    colofon = []
    if bijgewerkt:
        colofon.append(f"Bijgewerkt op {bijgewerkt}.")
    if gemeenten and ordered:
        jaren = sorted({v.jaar for v in ordered})
        periode = str(jaren[0]) if len(jaren) == 1 else f"{jaren[0]} tot en met {jaren[-1]}"
        colofon.append(
            f"Het archief bevat documenten uit {periode} van {dutch.count(len(gemeenten), 'gemeente', 'gemeenten')}: {join_words([g for g, _ in gemeenten])}."
        )
    if uitgever:
        colofon.append(f"Uitgegeven door {uitgever}.")
    return Home(statussen, gemeenten, adviezen, reacties, overdue[:overdue_shown], overdue_list, len(ordered), figures_line(figures), colofon)


def figures_line(item: Figures | None) -> str:
    """'3 adviezen · 2 geheel of deels overgenomen · 2 van de 3 binnen de termijn beantwoord'."""
    if item is None or not item.adviezen:
        return ""
    parts = [dutch.count(item.adviezen, "advies", "adviezen"), f"{dutch.number(item.geheel_of_deels)} geheel of deels overgenomen"]
    if item.termijn_bekend:
        parts.append(f"{item.binnen_termijn} van de {item.termijn_bekend} binnen de termijn beantwoord")
    return " · ".join(parts)


@dataclass(frozen=True)
class FilterOption:
    """One choice of a filter: its value (in the address and the overview's index), its text and how many documents
    of the whole archive have it (the overview's script recounts it over the documents the other filters leave)."""

    value: str
    text: str
    count: int


@dataclass(frozen=True)
class Filter:
    name: str
    label: str
    opties: list[FilterOption] = field(default_factory=list)
    meerdere: bool = False
    """Several values at once (checkboxes) rather than one (a list to choose from)."""
    index_url: str = ""
    """The page listing the pre-built page of every value: where the filter leads without JavaScript."""


ALLE_ADVIEZEN = "adviezen"
"""The soort filter's value for every kind of advice (gevraagd, ongevraagd …) at once."""


def filter_values(view: DocumentView) -> dict[str, list[str]]:
    """The values a document has for each of the overview's filters (a thema filter and the soort filter may match
    several): the same values as the filters' choices."""
    return {
        "status": [view.status.text] if view.status else [],
        "gemeente": [view.gemeente],
        "thema": [thema for thema, _ in view.themas],
        "jaar": [str(view.jaar)],
        "soort": [view.soort, *([ALLE_ADVIEZEN] if view.doc.soort == "advies" else [])],
        "punten": ["niet-overgenomen"] if view.heeft_punten_niet_overgenomen else [],
    }


def build_filters(ordered: list[DocumentView], home: Home, listings: Listings) -> list[Filter]:
    """The overview's filters, each with the values that occur and how many documents have each."""
    counts: dict[str, Counter[str]] = {}
    for view in ordered:
        for name, values in filter_values(view).items():
            counts.setdefault(name, Counter()).update(values)

    def options(name: str, pairs: Iterable[tuple[str, str]]) -> list[FilterOption]:
        return [FilterOption(value, tekst, counts.get(name, Counter())[value]) for value, tekst in pairs]

    soorten = sorted({v.soort for v in ordered})
    alle_adviezen = [(ALLE_ADVIEZEN, "Alle adviezen")] if counts.get("soort", Counter())[ALLE_ADVIEZEN] else []
    filters = [
        Filter("status", "Status", options("status", [(item.status.text, item.status.text) for item in home.statussen]), meerdere=True, index_url=STATUSSEN),
        Filter("gemeente", "Gemeente", options("gemeente", sorted({(v.gemeente, v.gemeente) for v in ordered})), index_url=GEMEENTEN),
        Filter("thema", "Thema", options("thema", sorted({(t, t) for v in ordered for t, _ in v.themas})), index_url=THEMAS),
        Filter("jaar", "Jaar", options("jaar", [(listing.key, listing.key) for listing in listings.jaren]), index_url=JAREN),
        Filter("soort", "Soort", options("soort", [*alle_adviezen, *((s, s) for s in soorten)])),
    ]
    if counts.get("punten", Counter())["niet-overgenomen"]:
        filters.append(Filter("punten", "Punten", options("punten", [("niet-overgenomen", "Met punten die het college niet of deels overnam")]), meerdere=True))
    return filters


@dataclass(frozen=True)
class Feed:
    titel: str
    url: str
    """The feed file, relative to the site's root."""
    adres: str
    """Its full public address, to copy into a feed reader."""

    @property
    def anker(self) -> str:
        """Its place on the feeds page: what every visible link to this feed points at."""
        return feed_anchor(self.url)


def build_feeds(listings: Listings, site_url: str) -> list[Feed]:
    """Every feed: all documents first, then per gemeente and per thema."""
    feeds = [Feed("Alle nieuwe documenten", FEED_ALL, absolute_url(site_url, FEED_ALL))]
    return feeds + [Feed(listing.titel, listing.feed, absolute_url(site_url, listing.feed)) for listing in listings.all() if listing.feed]


@dataclass(frozen=True)
class PointsOfResponse:
    """The points of one advice that the college did not, or only partly, take over, as one response decided them."""

    reactie: DocumentView
    punten: list[Point]


@dataclass(frozen=True)
class PointsOfGemeente:
    gemeente: str
    anker: str
    reacties: list[PointsOfResponse]

    @property
    def aantal_tekst(self) -> str:
        return dutch.count(sum(len(r.punten) for r in self.reacties), "punt", "punten")


def build_points(ordered: list[DocumentView]) -> list[PointsOfGemeente]:
    """Every point not (or partly) taken over, per gemeente, newest response first."""
    groups: dict[str, list[PointsOfResponse]] = {}
    for view in ordered:
        punten = [punt for punt in view.punten if punt.niet_overgenomen and punt.reactie is None]
        if punten:
            groups.setdefault(view.gemeente, []).append(PointsOfResponse(view, punten))
    return [PointsOfGemeente(gemeente, f"gemeente-{slugify(gemeente)}", groups[gemeente]) for gemeente in sorted(groups)]


@dataclass(frozen=True)
class DownloadLink:
    url: str
    name: str
    grootte: str
    beschrijving: Markup
    """Our own text (never content), so shown as it is written."""


@dataclass(frozen=True)
class OpenDataPage:
    files: list[DownloadLink]
    fields: list[tuple[FieldTable, Markup]]
    """Per kind of download, what each field or column holds, with the files it is about ('<code>a</code> en <code>b</code>')."""
    count: int
    settings: Settings
    url: str
    """The public address of the downloads."""
    woo: list[tuple[str, WooKind]] = field(default_factory=list)
    """Per soort (a stuk per stuktype): how the DiWoo records and the `tooi` field classify it."""
    zonder_diwoo: list[tuple[str, str]] = field(default_factory=list)
    """(title, page address) of each document without a DiWoo record: its date is not a full day."""
    recepten: tuple[Recipe, ...] = ()
    """The code that reads the download in pandas, DuckDB and R (the tests run the same code)."""
    header: list[tuple[str, str, str]] = field(default_factory=list)
    """(name, its value in this download, meaning) of each field of the download's header (`kop`)."""
    getypt: list[tuple[str, str, str]] = field(default_factory=list)
    """(column, type in words, pandas dtype) of each column of the table that is not text."""
    aanbevelingen: str = ""
    """How many advices have their recommendations listed separately, as a sentence."""


def _recommendations_listed(advices: int, listed: int) -> str:
    """How many advices have their recommendations in the field aanbevelingen, worded for none, one and all."""
    if not advices:
        return ""
    if not listed:
        return "Nog bij geen enkel advies staan de aanbevelingen apart; ze staan wel in de tekst van de brief."
    if listed == advices:
        return "Bij het advies staan de aanbevelingen apart." if advices == 1 else f"Bij alle {dutch.number(advices)} adviezen staan de aanbevelingen apart."
    return f"Bij {dutch.number(listed)} van de {dutch.count(advices, 'advies', 'adviezen')} staan de aanbevelingen apart; bij de andere staan ze alleen in de tekst van de brief."


def build_open_data_page(export: ExportResult, pages: Path, settings: Settings) -> OpenDataPage:
    """The downloads with their sizes and descriptions, the table of every field and the Woo classification."""
    files = [
        DownloadLink(path.relative_to(pages).as_posix(), download.naam, format_size(path.stat().st_size), Markup(download.beschrijving))
        for download, path in export.downloads()
    ]
    fields = [
        (table, Markup(join_words([str(Markup("<code>{}</code>").format(name)) for name in table.files]))) for table in field_tables(export.sqlite_tabellen)
    ]
    woo = [(name if name in ("advies", "reactie") else f"stuk: {name}", kind) for name, kind in WOO_KINDS.items()]
    zonder = [(record["titel"], page_url(record["id"])) for record in export.records if not has_diwoo(record)]
    kop = [(name, "leeg" if export.kop.get(name) is None else str(export.kop[name]), str(spec["description"])) for name, spec in HEADER_FIELDS.items()]
    advices = [record for record in export.records if record["soort"] == "advies"]
    aanbevelingen = _recommendations_listed(len(advices), sum(1 for record in advices if record["aanbevelingen"]))
    return OpenDataPage(
        files,
        fields,
        len(export.records),
        settings,
        absolute_url(settings.site_url, OPEN_DATA),
        woo,
        zonder,
        recipes(),
        kop,
        typed_columns(),
        aanbevelingen,
    )
