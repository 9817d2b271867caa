"""Atom feeds: all new documents, and one per gemeente and per thema, for residents who want an alert."""

from __future__ import annotations

from adviesregister.content.names import absolute_url, base_url
from adviesregister.site.templating import ENV
from adviesregister.site.views import DocumentView


def render_feed(title: str, path: str, views: list[DocumentView], site_url: str) -> str:
    """An Atom feed, newest first. Times come from the documents' dates, never from the clock (reproducible)."""
    base = base_url(site_url)
    entries = [(view, f"{view.doc.datum.vroegst().isoformat()}T00:00:00Z") for view in views]
    updated = max((stamp for _, stamp in entries), default="1970-01-01T00:00:00Z")
    return ENV.get_template("feed.xml.j2").render(title=title, self_url=absolute_url(site_url, path), base=base, entries=entries, updated=updated)
