"""Atom feeds: all new documents, and one per gemeente and per thema, for residents who want an alert.

An entry is dated by when the document was published and last changed (content/history.py: the git history), so a
letter from 2021 published today is new in a feed reader today. A document git does not know is dated by its letter.
No date comes from the clock: the same commit gives the same feed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from adviesregister.content.history import FileDates
from adviesregister.content.names import FEEDS_PAGE, absolute_url, base_url
from adviesregister.site.templating import ENV
from adviesregister.site.views import DocumentView

FEED_LENGTH = 50
"""A feed holds the documents changed last, at most this many."""


@dataclass(frozen=True)
class FeedEntry:
    view: DocumentView
    gepubliceerd: str
    gewijzigd: str


def render_feed(title: str, path: str, views: list[DocumentView], site_url: str, dates: dict[str, FileDates]) -> str:
    """An Atom feed of the documents changed last, newest first."""
    entries = sorted((_entry(view, dates.get(view.doc.path)) for view in views), key=lambda e: (e.gewijzigd, e.view.id), reverse=True)[:FEED_LENGTH]
    updated = max((entry.gewijzigd for entry in entries), default="1970-01-01T00:00:00Z")
    return ENV.get_template("feed.xml.j2").render(
        title=title,
        self_url=absolute_url(site_url, path),
        base=base_url(site_url),
        entries=entries,
        updated=updated,
        uitleg=absolute_url(site_url, FEEDS_PAGE),
    )


def _entry(view: DocumentView, dates: FileDates | None) -> FeedEntry:
    if dates is None:
        letter = f"{view.doc.datum.vroegst().isoformat()}T00:00:00Z"
        return FeedEntry(view, letter, letter)
    return FeedEntry(view, _stamp(dates.gepubliceerd), _stamp(dates.gewijzigd))


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
