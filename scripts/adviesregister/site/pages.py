"""What the list pages, the home page, the overview and the Open data page show: computed here, displayed by the templates."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from adviesregister.content.derive import REACTIE_UITGEBLEVEN, WACHT_OP_REACTIE
from adviesregister.content.model import Archive
from adviesregister.content.names import OPEN_DATA, absolute_url, gemeente_feed_url, gemeente_url, jaar_url, thema_feed_url, thema_url
from adviesregister.content.settings import Settings
from adviesregister.opendata.downloads import Download
from adviesregister.opendata.fields import field_descriptions
from adviesregister.site.views import STATUS_LABELS, DocumentView, Status, count_text, format_size, status_view


@dataclass(frozen=True)
class Listing:
    """A page that lists documents: a gemeente, a thema or a year."""

    sleutel: str
    """The slug, thema or year the documents share."""
    url: str
    titel: str
    views: list[DocumentView]
    intro: str = ""
    feed: str | None = None
    feed_titel: str = ""

    @property
    def aantal_tekst(self) -> str:
        return count_text(len(self.views), "document", "documenten")


@dataclass(frozen=True)
class Listings:
    gemeenten: list[Listing]
    themas: list[Listing]
    jaren: list[Listing]
    """Newest year first."""

    def all(self) -> list[Listing]:
        return [*self.gemeenten, *self.themas, *self.jaren]


def build_listings(archive: Archive, ordered: list[DocumentView]) -> Listings:
    """Documents (newest first) grouped by gemeente, thema and year."""
    gemeenten = []
    for slug, gemeente in sorted(archive.gemeenten.items()):
        intro = f"Adviezen van de {gemeente.adviesraad} en reacties van het college van {gemeente.naam}. Het college heeft {gemeente.reactietermijn_weken} weken om op een advies te reageren."
        views = [v for v in ordered if v.doc.gemeente == slug]
        gemeenten.append(
            Listing(slug, gemeente_url(slug), f"Gemeente {gemeente.naam}", views, intro, gemeente_feed_url(slug), f"Adviesregister: gemeente {gemeente.naam}")
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
        )
        for thema in sorted({thema for v in ordered for thema in v.doc.themas})
    ]
    jaren = [
        Listing(str(jaar), jaar_url(jaar), f"Documenten uit {jaar}", [v for v in ordered if v.jaar == jaar])
        for jaar in sorted({v.jaar for v in ordered}, reverse=True)
    ]
    return Listings(gemeenten, themas, jaren)


@dataclass(frozen=True)
class StatusCount:
    status: Status
    aantal: int

    @property
    def tekst(self) -> str:
        return count_text(self.aantal, "advies", "adviezen")


@dataclass(frozen=True)
class Home:
    statussen: list[StatusCount]
    wachtend: list[DocumentView]
    """Advices without a response: the overdue ones first, then the oldest."""
    adviezen: list[DocumentView]
    reacties: list[DocumentView]
    aantal: int


def build_home(ordered: list[DocumentView], newest: int = 5) -> Home:
    counts = Counter(v.status.code for v in ordered if v.status)
    statussen = [StatusCount(status, counts[code]) for code in STATUS_LABELS if counts[code] and (status := status_view(code))]
    waiting = [v for v in ordered if v.status and v.status.code in (REACTIE_UITGEBLEVEN, WACHT_OP_REACTIE)]
    waiting.sort(key=lambda v: (v.status.code != REACTIE_UITGEBLEVEN if v.status else True, v.doc.datum.sort_key()))
    adviezen = [v for v in ordered if v.doc.soort == "advies"][:newest]
    reacties = [v for v in ordered if v.doc.soort == "reactie"][:newest]
    return Home(statussen, waiting, adviezen, reacties, len(ordered))


@dataclass(frozen=True)
class Filter:
    naam: str
    label: str
    opties: list[tuple[str, str]] = field(default_factory=list)
    """(value, text) of each choice."""


def build_filters(ordered: list[DocumentView], home: Home, listings: Listings) -> list[Filter]:
    """The overview's filters, each with the values that occur."""
    return [
        Filter("jaar", "Jaar", [(listing.sleutel, listing.sleutel) for listing in listings.jaren]),
        Filter("status", "Status", [(item.status.tekst, item.status.tekst) for item in home.statussen]),
        Filter("gemeente", "Gemeente", sorted({(v.gemeente, v.gemeente) for v in ordered})),
        Filter("thema", "Thema", sorted({(t, t) for v in ordered for t, _ in v.themas})),
        Filter("soort", "Soort", sorted({(v.soort, v.soort) for v in ordered})),
    ]


@dataclass(frozen=True)
class DownloadLink:
    url: str
    naam: str
    grootte: str
    beschrijving: Markup
    """Our own text (never content), so shown as it is written."""


@dataclass(frozen=True)
class OpenDataPage:
    bestanden: list[DownloadLink]
    velden: list[tuple[str, str, str]]
    aantal: int
    settings: Settings
    url: str
    """The public address of the downloads."""


def build_open_data_page(downloads: list[tuple[Download, Path]], pages: Path, aantal: int, settings: Settings) -> OpenDataPage:
    """The downloads with their sizes and descriptions, and the table of every field."""
    bestanden = [
        DownloadLink(path.relative_to(pages).as_posix(), download.naam, format_size(path.stat().st_size), Markup(download.beschrijving))
        for download, path in downloads
    ]
    return OpenDataPage(bestanden, field_descriptions(), aantal, settings, absolute_url(settings.site_url, OPEN_DATA))
