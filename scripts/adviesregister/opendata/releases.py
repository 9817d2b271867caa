"""The release history of the dataset: what each version of the archive added, changed or removed, as JSON and as
an Atom feed for researchers who want to know when to download again. From git (content/history.releases), so the
same commit always gives the same files; an archive without git history has an empty history, and says so. A version
names only documents whose file name carries no personal data and whose content `check` accepted at that commit;
the rest is counted (`niet_vermeld`), never named."""

from __future__ import annotations

from typing import Any

from lxml import etree

from adviesregister.content.history import Release
from adviesregister.content.names import OPEN_DATA, absolute_url, page_url

ATOM = "http://www.w3.org/2005/Atom"
RELEASES_JSON = "versies.json"
RELEASES_FEED = "versies.xml"


def release_records(history: list[Release]) -> list[dict[str, Any]]:
    """Each version as researchers read it: commit, moment (UTC) and the ids per kind of change."""
    return [
        {
            "commit": release.commit,
            "datum": _stamp(release),
            "toegevoegd": list(release.toegevoegd),
            "gewijzigd": list(release.gewijzigd),
            "verwijderd": list(release.verwijderd),
        }
        for release in history
    ]


def release_feed(history: list[Release], titles: dict[str, str], site_url: str, name: str) -> bytes:
    """An Atom feed with an entry per version: how many documents were added, changed and removed, each linked."""
    self_url = absolute_url(site_url, OPEN_DATA + RELEASES_FEED)
    feed = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})
    feed.set("{http://www.w3.org/XML/1998/namespace}lang", "nl")
    _sub(feed, "title", f"{name}: nieuwe versies van de open data")
    _sub(
        feed,
        "subtitle",
        "Elke versie van het archief: welke documenten erbij kwamen, veranderden of verdwenen. Download de open data opnieuw als er een versie bij komt.",
    )
    _sub(feed, "id", self_url)
    _link(feed, "self", self_url, "application/atom+xml")
    _link(feed, "alternate", absolute_url(site_url, OPEN_DATA), "text/html")
    _sub(feed, "updated", _stamp(history[0]) if history else "1970-01-01T00:00:00Z")
    _sub(_sub(feed, "author"), "name", name)
    for release in history:
        entry = _sub(feed, "entry")
        _sub(entry, "title", _summary(release))
        _sub(entry, "id", f"{self_url}#{release.commit}")
        _sub(entry, "updated", _stamp(release))
        _link(entry, "alternate", absolute_url(site_url, OPEN_DATA), "text/html")
        content = _sub(entry, "content")
        content.set("type", "xhtml")
        body = etree.SubElement(content, "{http://www.w3.org/1999/xhtml}div", nsmap={None: "http://www.w3.org/1999/xhtml"})
        for label, ids in (("Erbij", release.toegevoegd), ("Gewijzigd", release.gewijzigd), ("Verwijderd", release.verwijderd)):
            if not ids:
                continue
            etree.SubElement(body, "{http://www.w3.org/1999/xhtml}p").text = f"{label}:"
            items = etree.SubElement(body, "{http://www.w3.org/1999/xhtml}ul")
            for doc_id in ids:
                item = etree.SubElement(items, "{http://www.w3.org/1999/xhtml}li")
                if label == "Verwijderd" or doc_id not in titles:
                    item.text = doc_id
                else:
                    link = etree.SubElement(item, "{http://www.w3.org/1999/xhtml}a", href=absolute_url(site_url, page_url(doc_id)))
                    link.text = titles[doc_id]
    return bytes(etree.tostring(feed, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def _summary(release: Release) -> str:
    parts = [f"{len(ids)} {word}" for ids, word in ((release.toegevoegd, "erbij"), (release.gewijzigd, "gewijzigd"), (release.verwijderd, "verwijderd")) if ids]
    noun = "document" if len(release.toegevoegd) + len(release.gewijzigd) + len(release.verwijderd) == 1 else "documenten"
    return f"{release.datum.date().isoformat()}: {', '.join(parts)} ({noun})"


def _stamp(release: Release) -> str:
    return release.datum.strftime("%Y-%m-%dT%H:%M:%SZ")


def _sub(parent: etree._Element, name: str, text: str | None = None) -> etree._Element:
    element = etree.SubElement(parent, f"{{{ATOM}}}{name}")
    if text is not None:
        element.text = text
    return element


def _link(parent: etree._Element, rel: str, href: str, kind: str) -> None:
    etree.SubElement(parent, f"{{{ATOM}}}link", rel=rel, href=href, type=kind)
