"""Model → pages for the site engine (build/pages/): Markdown pages, feeds and published originals.

The engine only turns the pages into HTML. Text from content reaches a page escaped (front matter,
by Jinja) or sanitised (the letter's text, see sanitize.py). The open data is written before, by the pipeline.
"""

from __future__ import annotations

import html
import json
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from adviesregister.base.cache import cached_map, text_key
from adviesregister.content.figures import Figures
from adviesregister.content.history import FileDates
from adviesregister.content.model import Archive
from adviesregister.content.names import (
    DIWOO_SITEMAP,
    FEED_ALL,
    FEEDS_PAGE,
    FIGURES,
    GEMEENTEN,
    GUIDE,
    HOME,
    JAREN,
    OPEN_DATA,
    OVERVIEW,
    OVERVIEW_INDEX,
    POINTS,
    SEARCH,
    SITEMAP,
    STATUSSEN,
    THEMAS,
    absolute_url,
    offered_as_text,
    page_file,
    source_url,
)
from adviesregister.content.originals import Verdict, published_bytes, withheld_sentence
from adviesregister.content.paths import is_inside
from adviesregister.content.prepared import Prepared
from adviesregister.content.project import Project
from adviesregister.opendata.diwoo import diwoo_sitemap, has_diwoo
from adviesregister.opendata.files import ExportResult
from adviesregister.site import dutch
from adviesregister.site.beheer import editor_files
from adviesregister.site.feeds import render_feed
from adviesregister.site.figures_page import SMALL_N, TOO_FEW, build_figures_page, summary
from adviesregister.site.guide import render_guide
from adviesregister.site.pages import (
    Filter,
    Home,
    Listing,
    Listings,
    build_comparison,
    build_feeds,
    build_filters,
    build_home,
    build_listings,
    build_open_data_page,
    build_points,
    overview_index,
    year_groups,
)
from adviesregister.site.paging import paginate
from adviesregister.site.sanitize import TRUSTED, TRUSTED_HTML, letter_contents, letter_html
from adviesregister.site.templating import ENV
from adviesregister.site.views import OLD_FILTER_VALUES, STATUS_ORDER, DocumentView, SourceFile, build_views, format_day, format_size, relative_url, script_json


def render_site(prepared: Prepared, export: ExportResult) -> int:
    """Write every page and file into the project's build/pages/, beside the open data already there; returns how many
    files are there. The documents and their originals → the lists → the home page, the figures and the overview →
    the index pages → the sitemaps and feeds → the fixed pages → the editor."""
    writer = _Writer(prepared.project.pages)
    writer.keep(export.files)
    sources = publish_sources(prepared.project, prepared.archive, prepared.publishable)
    views = _build_views(prepared, export, sources)
    ordered = _newest_first(views)
    _write_documents(writer, prepared, ordered)
    _write_originals(writer, sources)
    _write_open_data_page(writer, prepared, export)
    listings = build_listings(prepared.archive, ordered)
    _write_listings(writer, listings, export, prepared.history.dates)
    newest = last_change(ordered, prepared.history.dates)
    home = _write_home(writer, prepared, export, ordered, newest)
    _write_figures_page(writer, export)
    write_overview(writer, ordered, build_filters(ordered, home, listings), newest)
    _write_indexes(writer, prepared.archive, listings, export)
    _write_points(writer, ordered)
    _write_sitemaps(writer, prepared, export, views)
    _write_feeds(writer, prepared, ordered, listings)
    _write_search(writer)
    _write_guide_and_pages(writer, prepared.archive)
    _write_editor(writer, prepared)
    return writer.finish()


def _build_views(prepared: Prepared, export: ExportResult, sources: dict[str, tuple[SourceFile, Path | None]]) -> dict[str, DocumentView]:
    """What each document's page and every list show of it, as of the open data's peildatum."""
    settings, archive = prepared.settings, prepared.archive
    return build_views(
        archive,
        prepared.derived,
        settings.site_url,
        {doc_id: source for doc_id, (source, _) in sources.items()},
        settings.contact,
        prepared.histories,
        export.peildatum,
    )


def _newest_first(views: dict[str, DocumentView]) -> list[DocumentView]:
    """The order of every list and feed: newest first, by date and then by id."""
    return sorted(views.values(), key=lambda v: (v.doc.datum.sort_key(), v.id), reverse=True)


def _write_documents(writer: _Writer, prepared: Prepared, ordered: list[DocumentView]) -> None:
    """Each document's page, with its letter's sanitised HTML: the costliest step per page, so it is kept between
    builds (base/cache.py; the check made most of it already)."""
    dates = prepared.history.dates
    texts = [view.doc.tekst for view in ordered]
    letters = cached_map(letter_html, texts, [text_key(text) for text in texts], prepared.cache, "brieven")  # the costliest step per page
    for view, tekst in zip(ordered, letters, strict=True):
        write_document(writer, view, last_change([view], dates), tekst)


def _write_originals(writer: _Writer, sources: dict[str, tuple[SourceFile, Path | None]]) -> None:
    """The originals the site publishes (see publish_sources)."""
    for source, original in sources.values():
        if source.url is not None and original is not None:
            writer.write_bytes(source.url, published_bytes(original))  # a PDF's clean copy, any other original as it is


def _write_open_data_page(writer: _Writer, prepared: Prepared, export: ExportResult) -> None:
    """The Open data page: every download, its fields and how to read it."""
    open_data = build_open_data_page(export, prepared.project.pages, prepared.settings)
    writer.page(page_file(OPEN_DATA), "Open data", "open-data.md.j2", OPEN_DATA, {"pagina": open_data}, description=DESCRIPTIONS["open-data"])


def _write_listings(writer: _Writer, listings: Listings, export: ExportResult, dates: dict[str, FileDates]) -> None:
    """A list of documents per gemeente, thema, year and status, each with the summary of its figures."""
    figures = _figures_by_key(export)
    for kind, group in (("gemeente", listings.gemeenten), ("thema", listings.themas), ("jaar", listings.jaren), ("status", listings.statussen)):
        for listing in group:
            cijfers = figures.get((kind, listing.key))
            write_listing(writer, listing, PARENTS[kind], summary(cijfers) if cijfers and cijfers.adviezen else None, last_change(listing.views, dates))


def _write_home(writer: _Writer, prepared: Prepared, export: ExportResult, ordered: list[DocumentView], newest: str | None) -> Home:
    """The home page; returns it, for the overview's filters."""
    settings = prepared.settings
    bijgewerkt = format_day(export.gegevens_gewijzigd)  # the open data's gegevens_gewijzigd: the same day
    home = build_home(ordered, prepared.archive, export.cijfers[0], bijgewerkt, settings.organisatie or settings.uitgever)
    writer.page(page_file(HOME), None, "home.md.j2", HOME, {"home": home}, hide=["toc"], feed=FEED_ALL, gewijzigd=newest)
    return home


def _write_figures_page(writer: _Writer, export: ExportResult) -> None:
    """The Cijfers page and its charts, from the figures the open data holds."""
    figures_page = build_figures_page(export.cijfers)
    cijfers_context = {"pagina": figures_page, "peildatum": format_day(export.statussen_peildatum)}  # the open data's statussen_peildatum
    writer.page(page_file(FIGURES), "Cijfers", "cijfers.md.j2", FIGURES, cijfers_context, hide=["toc"], description=figures_page.samenvatting)
    for chart in figures_page.charts():
        writer.file(chart.file, chart.svg)


def _write_indexes(writer: _Writer, archive: Archive, listings: Listings, export: ExportResult) -> None:
    """The pages that list the lists: gemeenten (with their comparison), thema's, statuses and years."""
    comparison = build_comparison(archive, listings.gemeenten, _figures_by_key(export))
    for name, url, title, items, intro in (
        ("gemeenten", GEMEENTEN, "Gemeenten", listings.gemeenten, "Kies een gemeente."),
        ("themas", THEMAS, "Thema's", listings.themas, "Kies een thema."),
        ("status", STATUSSEN, "Adviezen per status", listings.statussen, "Kies een status."),
        ("jaren", JAREN, "Jaren", listings.jaren, "Kies een jaar."),
    ):
        context = {"items": items, "intro": intro, "vergelijking": comparison if name == "gemeenten" else None, "klein": SMALL_N, "te_weinig": TOO_FEW}
        writer.page(f"{url}index.md", title, "index-lijst.md.j2", url, context, description=DESCRIPTIONS[name])


def _write_points(writer: _Writer, ordered: list[DocumentView]) -> None:
    """The points of advice the college did not take over."""
    writer.page(
        page_file(POINTS),
        "Punten die het college niet overnam",
        "punten.md.j2",
        POINTS,
        {"groepen": build_points(ordered)},
        hide=["toc"],
        description=DESCRIPTIONS["punten"],
    )


def _write_sitemaps(writer: _Writer, prepared: Prepared, export: ExportResult, views: dict[str, DocumentView]) -> None:
    """The Woo's sitemap of DiWoo records, and robots.txt naming it beside MkDocs' own sitemap."""
    dates, settings = prepared.history.dates, prepared.settings
    titles = {record["id"]: record["titel"] for record in export.records}
    woo = [(record, last_change([views[record["id"]]], dates)) for record in export.records if has_diwoo(record) and record["url"]]
    writer.file(DIWOO_SITEMAP, diwoo_sitemap(woo, titles).decode("utf-8"))
    sitemaps = "".join(f"Sitemap: {absolute_url(settings.site_url, name)}\n" for name in (SITEMAP, DIWOO_SITEMAP))
    writer.file("robots.txt", f"User-agent: *\nAllow: /\n\n{sitemaps}")


def _write_feeds(writer: _Writer, prepared: Prepared, ordered: list[DocumentView], listings: Listings) -> None:
    """The feed of every new document, one per list that has one, and the page that explains them."""
    dates, settings = prepared.history.dates, prepared.settings
    writer.file(FEED_ALL, render_feed("Adviesregister: nieuwe documenten", FEED_ALL, ordered, settings.site_url, dates))
    for listing in listings.all():
        if listing.feed:
            writer.file(listing.feed, render_feed(listing.feed_titel, listing.feed, listing.views, settings.site_url, dates))
    writer.page(
        f"{FEEDS_PAGE}index.md",
        "Volgen met een feed",
        "feeds.md.j2",
        FEEDS_PAGE,
        {"feeds": build_feeds(listings, settings.site_url)},
        description=DESCRIPTIONS["feeds"],
    )


def _write_search(writer: _Writer) -> None:
    """The search page (Pagefind's index is made after MkDocs, by the engine)."""
    writer.page(
        page_file(SEARCH),
        "Zoeken",
        "zoeken.md.j2",
        SEARCH,
        {"oude_waarden": OLD_FILTER_VALUES, "status_volgorde": STATUS_ORDER},
        hide=["toc"],
        description=DESCRIPTIONS["zoeken"],
    )


def _write_guide_and_pages(writer: _Writer, archive: Archive) -> None:
    """The guide for those who publish (ours, trusted) and the archive's hand-written pages (not trusted)."""
    writer.page_text(page_file(GUIDE), "Publiceren", render_guide(archive.gemeenten), adviesregister=TRUSTED)
    for page in archive.pages:  # hand-written: not marked trusted, so the site engine sanitises its HTML (preview.py)
        writer.page_text(page.naam, page.titel, page.tekst, hide=list(page.verbergen))


def _write_editor(writer: _Writer, prepared: Prepared) -> None:
    """The content editor's files, only when the archive turned it on (mkdocs.yml)."""
    settings = prepared.settings
    if settings.beheer is not None:
        for name, data in editor_files(prepared.project.root, settings.beheer, prepared.archive.gemeenten, settings.naam).items():
            writer.write_bytes(name, data)


def _figures_by_key(export: ExportResult) -> dict[tuple[str, str], Figures]:
    """The open data's figures by kind and key (a gemeente's, a thema's, …)."""
    return {(item.soort, item.sleutel): item for item in export.cijfers}


def write_listing(writer: _Writer, listing: Listing, parent: tuple[str, str], cijfers: str | None = None, gewijzigd: str | None = None) -> None:
    """A list of documents (a gemeente, thema, year or status) in pages; `cijfers`, the summary of its figures, on the first."""
    for list_page in paginate(listing.views, listing.url):
        first = list_page.number == 1
        titel = listing.titel + list_page.title_suffix
        context = {"lijst": listing, "pagina": list_page, "cijfers": cijfers if first else None}
        meta: dict[str, Any] = {
            "feed": listing.feed,
            "gewijzigd": gewijzigd,
            "description": f"{titel}: {listing.aantal_tekst} in het archief. {listing.intro}".strip(),
        }
        crumbs = [parent] if first else [parent, (listing.titel, listing.url)]
        writer.page(page_file(list_page.url), titel, "lijst.md.j2", list_page.url, context, kruimels=crumbs, html_only=True, **meta)


def write_overview(writer: _Writer, ordered: list[DocumentView], filters: list[Filter], gewijzigd: str | None) -> None:
    """Every document, newest first, per year, with filters over all of them: in pages when there are more than
    PAGE_SIZE, and then the filters' data in a file of its own (OVERVIEW_INDEX) instead of in the page."""
    pages = paginate(ordered, OVERVIEW)
    index = overview_index(ordered)
    if len(pages) > 1:
        writer.file(OVERVIEW_INDEX, json.dumps(index, ensure_ascii=False, separators=(",", ":")))
    for list_page in pages:
        titel = "Alle documenten" + list_page.title_suffix
        context = {"titel": titel, "pagina": list_page, "groepen": year_groups(list_page.items), "filters": filters, "aantal": len(ordered)}
        context["aantal_kort"] = dutch.count(len(ordered), "resultaat", "resultaten")
        context["oude_waarden"] = OLD_FILTER_VALUES
        context["lijst"], context["lijst_url"] = (script_json(index), None) if len(pages) == 1 else (None, OVERVIEW_INDEX)
        description = (
            f"Alle {dutch.number(len(ordered))} adviezen, reacties en stukken in het archief, per jaar, met filters op status, gemeente, thema en jaar."
        )
        if list_page.number > 1:
            description += f" Pagina {list_page.number} van {list_page.count}."
        crumbs = [] if list_page.number == 1 else [("Alle documenten", OVERVIEW)]
        meta: dict[str, Any] = {"hide": ["toc"], "feed": FEED_ALL, "description": description, "gewijzigd": gewijzigd}
        writer.page(
            page_file(list_page.url) if list_page.number > 1 else f"{OVERVIEW}index.md",
            titel,
            "overzicht.md.j2",
            list_page.url,
            context,
            kruimels=crumbs,
            html_only=True,
            **meta,
        )


def last_change(views: list[DocumentView], dates: dict[str, FileDates]) -> str | None:
    """The day the last of these documents was published or changed (the sitemap's lastmod); None when git knows none."""
    known = [dates[view.doc.path].gewijzigd for view in views if view.doc.path in dates]
    return max(known).date().isoformat() if known else None


def write_document(writer: _Writer, view: DocumentView, gewijzigd: str | None = None, tekst: str | None = None) -> None:
    """A document's page: the letter's sanitised text (`tekst`: letter_html of it, when made already) with its table of
    contents, breadcrumbs, title and description."""
    tekst = letter_html(view.doc.tekst) if tekst is None else tekst
    context = {"v": view, "tekst": tekst, "inhoud": letter_contents(tekst)}
    crumbs = [(f"Gemeente {view.gemeente}", view.gemeente_url)]
    meta: dict[str, Any] = {"jsonld": view.jsonld, "description": view.beschrijving, "paginatitel": view.paginatitel, "gewijzigd": gewijzigd, "delen": True}
    writer.page(page_file(view.url), view.titel, "document.md.j2", view.url, context, kruimels=crumbs, html_only=True, **meta)


PARENTS = {"gemeente": ("Gemeenten", GEMEENTEN), "thema": ("Thema's", THEMAS), "jaar": ("Jaren", JAREN), "status": ("Adviezen per status", STATUSSEN)}
"""The page above a list, in its breadcrumbs."""
DESCRIPTIONS = {
    "open-data": "Download alle adviezen, reacties en cijfers als open data: JSON, CSV, Excel en SQLite, met een beschrijving van elk veld.",
    "gemeenten": "De gemeenten in het archief, elk met hun adviezen, de reacties van het college en een feed.",
    "themas": "De thema's in het archief, zoals jeugd, zorg en werk en inkomen, elk met hun documenten.",
    "status": "De adviezen per status: overgenomen, deels of niet overgenomen, of nog zonder reactie.",
    "jaren": "Alle documenten van het archief per jaar.",
    "punten": "Alle punten van adviezen die het college niet of maar deels overnam, met de zin uit de reactie.",
    "feeds": "Volg nieuwe adviezen en reacties met een feed: wat een feed is, hoe u hem gebruikt, en alle feeds.",
    "zoeken": "Zoek in de tekst van alle adviezen, reacties en stukken, en filter op soort, status, jaar, gemeente en thema.",
}
"""The description of each page that is not about one document or list (search engines and link previews show it)."""


def publish_sources(project: Project, archive: Archive, publishable: Mapping[str, Verdict]) -> dict[str, tuple[SourceFile, Path | None]]:
    """Each original letter: published only when all of it was read and none of it is personal data (`publishable`:
    content/originals.publishable_originals; else only its sha256 is shown), a PDF as a clean copy (content/clean_pdf.py),
    under a name made from the document's id, and HTML or Markdown as text, so that nothing in it can run on the site
    (see names.source_url). The page shows the sha256 of the file it offers, and the original's when they differ."""
    out: dict[str, tuple[SourceFile, Path | None]] = {}
    for doc in archive.documents:
        if doc.bron is None:
            continue
        naam = Path(doc.bron.bestand).name if doc.bron.bestand is not None else None
        verdict = publishable.get(doc.id)
        if verdict is not None and doc.bron.bestand is not None and verdict.sha256 is not None:  # check_bron made sure the path stays in content/bronnen/
            url = source_url(doc.id, doc.bron.bestand)
            source = SourceFile(
                naam,
                verdict.sha256,
                url,
                format_size(verdict.grootte),
                offered_as_text(doc.bron.bestand),
                doc.bron.sha256 if doc.bron.sha256 != verdict.sha256 else None,
            )
            out[doc.id] = (source, project.content / doc.bron.bestand)
        else:
            out[doc.id] = (SourceFile(naam, doc.bron.sha256, None, niet_gepubliceerd=withheld_sentence(verdict, doc.bron.reden)), None)
    return out


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Writer:
    """Writes only what changed (so `mkdocs serve` does not rebuild in a loop) and removes what is no longer produced."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.written: set[Path] = set()

    def page(
        self,
        name: str,
        title: str | None,
        template: str,
        current: str,
        context: dict[str, Any],
        kruimels: Sequence[tuple[str, str]] = (),
        html_only: bool = False,
        **meta: Any,
    ) -> None:
        """A page from a template; `current` is its URL, for relative links. Marked trusted: every value in it was escaped.
        `kruimels`: the pages above it (title, site-root URL) for the breadcrumbs, after Home and before the page itself.
        `html_only`: the template writes no Markdown, so the site engine may skip Markdown (sanitize.TRUSTED_HTML)."""
        if title:
            path = [("Home", ""), *kruimels, (title, current)]
            meta["kruimels"] = [{"titel": html.escape(text), "url": html.escape(relative_url(url, current))} for text, url in path]
        body = ENV.get_template(template).render(current=current, **context)
        self.page_text(name, title, body, adviesregister=TRUSTED_HTML if html_only else TRUSTED, **meta)

    def page_text(self, name: str, title: str | None, body: str, **meta: Any) -> None:
        """A Markdown page with the title and MkDocs settings (meta) in its front matter."""
        # MkDocs' theme templates do not escape: the title, the page title and the description go in already escaped.
        fields: dict[str, Any] = {"title": html.escape(title)} if title else {}
        for key in ("description", "paginatitel"):
            if meta.get(key):
                meta[key] = html.escape(meta[key])
        fields.update({key: value for key, value in meta.items() if value})
        # libyaml's emitter when there is one (a tenth of the time of PyYAML's own on a large archive); MkDocs reads the same values
        front = yaml.dump(fields, Dumper=_DUMPER, allow_unicode=True, width=10_000).strip() if fields else ""
        self.file(name, f"---\n{front}\n---\n\n{body}" if front else body)

    def keep(self, paths: list[Path]) -> None:
        """Files another stage wrote into the folder (the open data): not stale."""
        self.written.update(paths)

    def file(self, name: str, text: str) -> None:
        self._write(self.out / name, text.encode("utf-8"))

    def write_bytes(self, name: str, data: bytes) -> None:
        self._write(self.out / name, data)

    def _write(self, path: Path, data: bytes) -> None:
        if not is_inside(path, self.out):
            raise ValueError(f"{path} ligt buiten {self.out}")  # a bug: every name was checked before
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
