"""Model → pages for the site engine (build/pages/): Markdown pages, feeds, item JSON and published originals.

The engine only turns the pages into HTML. Text from content reaches a page escaped (front matter,
by Jinja) or sanitised (the letter's text: Markdown → HTML → nh3).
"""

from __future__ import annotations

import html
import re
import shutil
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import markdown
import nh3
import yaml

from adviesregister.content.codes import PROBLEM_CODES
from adviesregister.content.derive import REACTIE_UITGEBLEVEN, WACHT_OP_REACTIE, Derived
from adviesregister.content.extract import ExtractError, extract_text
from adviesregister.site.feeds import render_feed
from adviesregister.content.model import Archive
from adviesregister.opendata.files import export_open_data, field_descriptions
from adviesregister.content.privacy import find_personal_data
from adviesregister.content.project import Project
from adviesregister.content.settings import load_settings, source_commit
from adviesregister.content.names import slugify
from adviesregister.site.templating import ENV
from adviesregister.site.views import STATUS_LABELS, DocumentView, SourceFile, build_views, format_size, gemeente_url, jaar_url, status_view, thema_url

_HEADING_RE = re.compile(r"^(#{1,5}) ", re.MULTILINE)
_LETTER_TAGS = {
    "p",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "em",
    "strong",
    "blockquote",
    "br",
    "a",
    "hr",
    "code",
}


@dataclass(frozen=True)
class Listing:
    """A page that lists documents: a gemeente, a thema or a year."""

    url: str
    titel: str
    views: list[DocumentView]
    intro: str = ""
    feed: str | None = None


def render_site(project: Project, archive: Archive, derived: dict[str, Derived], peildatum: date) -> int:
    """Write every page and file, the open data included, into project.pages; returns how many were written or kept."""
    out = project.pages
    out.mkdir(parents=True, exist_ok=True)
    settings = load_settings(project)
    base = settings.site_url
    sources = publish_sources(project, archive)
    views = build_views(archive, derived, base, {doc_id: source for doc_id, (source, _) in sources.items()})
    ordered = sorted(views.values(), key=lambda v: (v.doc.datum.sort_key(), v.id), reverse=True)
    writer = _Writer(out)
    for view in ordered:
        writer.page(f"documenten/{view.id}.md", view.titel, "document.md.j2", view.url, {"v": view, "tekst": letter_html(view.doc.tekst)}, jsonld=view.jsonld)
    export = export_open_data(out / "open-data", archive, derived, settings, peildatum, source_commit(project.root))
    writer.written.update(export.files)
    files = [(path.relative_to(out).as_posix(), format_size(path.stat().st_size)) for path in export.files if path.parent == out / "open-data"]
    writer.page(
        "open-data.md",
        "Open data",
        "open-data.md.j2",
        "open-data/",
        {"bestanden": files, "velden": field_descriptions(), "aantal": len(export.records), "settings": settings},
    )
    for source, original in sources.values():
        if source.url is not None and original is not None:
            writer.copy(source.url, original)
    listings = _listings(archive, ordered)
    for listing in listings:
        writer.page(listing.url.rstrip("/") + ".md", listing.titel, "lijst.md.j2", listing.url, {"lijst": listing}, feed=listing.feed)
    _write_indexes(writer, archive, ordered, listings)
    _write_feeds(writer, archive, ordered, base)
    writer.page("publiceren.md", "Publiceren", "publiceren.md.j2", "publiceren/", {"codes": sorted(PROBLEM_CODES.items())})
    for page in sorted(project.paginas.glob("*.md")):
        writer.file(page.name, page.read_text(encoding="utf-8"))
    return writer.finish()


def letter_html(tekst: str) -> str:
    """The letter's Markdown as HTML with only the tags a letter needs: no script, no styles, no javascript: links."""
    rendered = markdown.markdown(
        _HEADING_RE.sub(r"#\1 ", tekst), extensions=["tables", "toc"], extension_configs={"toc": {"slugify": lambda value, _sep: slugify(value)}}
    )
    return nh3.clean(
        rendered,
        tags=_LETTER_TAGS,
        attributes={"h3": {"id"}, "h4": {"id"}, "h5": {"id"}, "h6": {"id"}, "a": {"href"}, "th": {"align"}, "td": {"align"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


def publish_sources(project: Project, archive: Archive) -> dict[str, tuple[SourceFile, Path | None]]:
    """Each original letter: published as it is only when it carries no personal data; else only its sha256 is shown."""
    out: dict[str, tuple[SourceFile, Path | None]] = {}
    for doc in archive.documenten:
        if doc.bron is None:
            continue
        path = project.content / doc.bron.bestand
        naam = Path(doc.bron.bestand).name
        if _is_publishable(path):
            out[doc.id] = (SourceFile(naam, doc.bron.sha256, doc.bron.bestand, format_size(path.stat().st_size)), path)
        else:
            out[doc.id] = (SourceFile(naam, doc.bron.sha256, None), None)
    return out


def _is_publishable(path: Path) -> bool:
    try:
        text = extract_text(path)
    except (ExtractError, OSError):
        return False
    return not any(find_personal_data(line) for line in text.split("\n"))


def _listings(archive: Archive, ordered: list[DocumentView]) -> list[Listing]:
    listings = []
    for slug, gemeente in sorted(archive.gemeenten.items()):
        views = [v for v in ordered if v.doc.gemeente == slug]
        intro = f"Adviezen van de {gemeente.adviesraad} en reacties van het college van {gemeente.naam}. Het college heeft {gemeente.reactietermijn_weken} weken om op een advies te reageren."
        listings.append(Listing(gemeente_url(slug), f"Gemeente {gemeente.naam}", views, intro, f"feeds/gemeente-{slug}.xml"))
    for thema in sorted({thema for v in ordered for thema in v.doc.themas}):
        views = [v for v in ordered if thema in v.doc.themas]
        listings.append(Listing(thema_url(thema), f"Thema: {thema}", views, f"Documenten over {thema}.", f"feeds/thema-{slugify(thema)}.xml"))
    for jaar in sorted({v.jaar for v in ordered}, reverse=True):
        listings.append(Listing(jaar_url(jaar), f"Documenten uit {jaar}", [v for v in ordered if v.jaar == jaar]))
    return listings


def _write_indexes(writer: _Writer, archive: Archive, ordered: list[DocumentView], listings: list[Listing]) -> None:
    counts = Counter(v.status.code for v in ordered if v.status)
    statussen = [(status_view(code), counts[code]) for code in STATUS_LABELS if counts[code]]
    waiting = [v for v in ordered if v.status and v.status.code in (REACTIE_UITGEBLEVEN, WACHT_OP_REACTIE)]
    waiting.sort(key=lambda v: (v.status.code != REACTIE_UITGEBLEVEN if v.status else True, v.doc.datum.sort_key()))
    home = {
        "statussen": statussen,
        "wachtend": waiting,
        "adviezen": [v for v in ordered if v.doc.soort == "advies"][:5],
        "reacties": [v for v in ordered if v.doc.soort == "reactie"][:5],
        "aantal": len(ordered),
    }
    writer.page("index.md", None, "home.md.j2", "", home, hide=["toc"], feed="feeds/alles.xml")
    years = sorted({v.jaar for v in ordered}, reverse=True)
    options = {
        "jaar": [(str(y), str(y)) for y in years],
        "status": [(s.tekst, s.tekst) for s, _ in statussen if s],
        "gemeente": sorted({(v.gemeente, v.gemeente) for v in ordered}),
        "thema": sorted({(t, t) for v in ordered for t, _ in v.themas}),
        "soort": sorted({(v.soort, v.soort) for v in ordered}),
    }
    groups = [(y, [v for v in ordered if v.jaar == y]) for y in years]
    writer.page(
        "documenten/index.md",
        "Alle documenten",
        "overzicht.md.j2",
        "documenten/",
        {"groepen": groups, "opties": options, "aantal": len(ordered)},
        hide=["toc"],
        feed="feeds/alles.xml",
    )
    gemeenten = [item for item in listings if item.url.startswith("gemeenten/")]
    themas = [item for item in listings if item.url.startswith("themas/")]
    writer.page("gemeenten/index.md", "Gemeenten", "index-lijst.md.j2", "gemeenten/", {"items": gemeenten, "intro": "Kies een gemeente."})
    writer.page("themas/index.md", "Thema's", "index-lijst.md.j2", "themas/", {"items": themas, "intro": "Kies een thema."})


def _write_feeds(writer: _Writer, archive: Archive, ordered: list[DocumentView], base: str) -> None:
    writer.file("feeds/alles.xml", render_feed("Adviesregister: nieuwe documenten", "feeds/alles.xml", ordered[:50], base))
    for slug, gemeente in sorted(archive.gemeenten.items()):
        views = [v for v in ordered if v.doc.gemeente == slug]
        writer.file(f"feeds/gemeente-{slug}.xml", render_feed(f"Adviesregister: gemeente {gemeente.naam}", f"feeds/gemeente-{slug}.xml", views, base))
    for thema in sorted({thema for v in ordered for thema in v.doc.themas}):
        views = [v for v in ordered if thema in v.doc.themas]
        writer.file(f"feeds/thema-{slugify(thema)}.xml", render_feed(f"Adviesregister: thema {thema}", f"feeds/thema-{slugify(thema)}.xml", views, base))


class _Writer:
    """Writes only what changed (so `mkdocs serve` does not rebuild in a loop) and removes what is no longer produced."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.written: set[Path] = set()

    def page(self, name: str, title: str | None, template: str, current: str, context: dict[str, Any], **meta: Any) -> None:
        # MkDocs' theme templates do not escape: the title goes in already escaped.
        fields: dict[str, Any] = {"title": html.escape(title)} if title else {}
        fields.update({key: value for key, value in meta.items() if value})
        front = yaml.safe_dump(fields, allow_unicode=True, width=10_000).strip() if fields else ""
        body = ENV.get_template(template).render(current=current, **context)
        self.file(name, f"---\n{front}\n---\n\n{body}" if front else body)

    def file(self, name: str, text: str) -> None:
        self._write(self.out / name, text.encode("utf-8"))

    def copy(self, name: str, source: Path) -> None:
        self._write(self.out / name, source.read_bytes())

    def _write(self, path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
        self.written.add(path)

    def finish(self) -> int:
        for stale in [p for p in self.out.rglob("*") if p.is_file() and p not in self.written]:
            stale.unlink()
        for folder in sorted((p for p in self.out.rglob("*") if p.is_dir()), reverse=True):
            if not any(folder.iterdir()):
                shutil.rmtree(folder)
        return len(self.written)


def render_guide() -> str:
    """The publishing guide in Markdown, as on the site's Publiceren page (CONTRIBUTING.md starts with it)."""
    return ENV.get_template("publiceren.md.j2").render(current="publiceren/", codes=sorted(PROBLEM_CODES.items()))


def contributing_text() -> str:
    """CONTRIBUTING.md: the publishing guide in Dutch, then the notes for developers."""
    developers = (Path(__file__).parent / "templates" / "contributing-dev.md").read_text(encoding="utf-8")
    return render_guide().rstrip() + "\n\n" + developers
