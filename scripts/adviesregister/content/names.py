"""Names and addresses, each built in this one place: document ids, paths in content/, and the site's URLs.

Site URLs are relative to the site's root ('documenten/x/'); `absolute_url` puts the public address in front.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePosixPath

ID_LENGTH = 80
UNKNOWN_GEMEENTE = "onbekend"
NO_DATE_FOLDER = "zonder-datum"


def slugify(text: str, limit: int = ID_LENGTH) -> str:
    """'Reactie op advies Programma's …' → 'reactie-op-advies-programmas-…', cut at a word to `limit` characters."""
    text = re.sub(r"['`\u2019]", "", text)  # Programma's → programmas, not programma-s
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    return slug


# Documents and their files in a checkout


def document_id(gemeente: str | None, datum: object | None, titel: str) -> str:
    """'almelo-2023-05-22-programmas-sociaal-domein': gemeente, date (as far as known) and the title's words."""
    return "-".join(part for part in (gemeente or UNKNOWN_GEMEENTE, str(datum) if datum else "", slugify(titel)) if part)


def _folder(gemeente: str | None, year: int | str | None) -> str:
    return f"{gemeente or UNKNOWN_GEMEENTE}/{year or NO_DATE_FOLDER}"


def document_path(gemeente: str | None, year: int | str | None, doc_id: str) -> str:
    """Where a document's Markdown file goes, relative to the project: content/documenten/<gemeente>/<jaar>/<id>.md."""
    return f"content/documenten/{_folder(gemeente, year)}/{doc_id}.md"


def source_path(gemeente: str | None, year: int | str | None, file_name: str) -> str:
    """Where the copy of an original letter goes, relative to content/ (as `bron.bestand` names it)."""
    return f"bronnen/{_folder(gemeente, year)}/{file_name}"


# The site's pages and files. Templates get these through site/urls.py's `urls` (Jinja globals), scripts through the
# page's data attributes; tests/site/test_adressen.py fails on an address typed anywhere else in them.

HOME = ""
"""The home page: the site's root."""
OPEN_DATA = "open-data/"
"""The folder of the downloads on the site."""
DIWOO_SITEMAP = "sitemap-diwoo.xml"
"""The sitemap for the national Woo index: every document's page with its DiWoo record."""
FEEDS_PAGE = "feeds/"
"""The page that explains the feeds and lists them all; every visible feed link leads there."""
FEED_ALL = f"{FEEDS_PAGE}alles.xml"
OVERVIEW = "documenten/"
"""The overview of every document, with its filters."""
OVERVIEW_INDEX = f"{OVERVIEW}lijst.json"
"""Every document as the overview's filters need it, when the overview has more than one page (else it is in the page)."""
POINTS = "punten/"
"""The page of every point of an advice the college did not, or only partly, take over."""
SEARCH = "zoeken/"
"""The search page (Pagefind)."""
FIGURES = "cijfers/"
"""The Cijfers page, and the folder of its charts."""
GUIDE = "publiceren/"
"""The publishing guide for the council's secretary."""
GEMEENTEN = "gemeenten/"
THEMAS = "themas/"
JAREN = "jaren/"
STATUSSEN = "status/"
"""The lists of gemeenten, themes, years and statuses, each above the lists of its documents."""
SITEMAP = "sitemap.xml"
"""MkDocs' sitemap of every page."""
ASSETS = "assets/"
"""The theme's own files (theme/assets/ in the package), copied into every archive's site."""
MENU_SCRIPT = f"{ASSETS}menu.js"
SHARE_SCRIPT = f"{ASSETS}delen.js"
SEARCH_SCRIPT = f"{ASSETS}zoeken.js"
GUIDE_PICTURES = f"{ASSETS}gids/"
"""The screenshots in the publishing guide."""
PAGEFIND = "pagefind/"
"""Pagefind's search index and its interface, written by the search step after the build."""
PAGEFIND_UI_SCRIPT = f"{PAGEFIND}pagefind-ui.js"
PAGEFIND_UI_STYLE = f"{PAGEFIND}pagefind-ui.css"
PAGEFIND_MODULE = f"{PAGEFIND}pagefind.js"
"""Pagefind's own script, loaded by zoeken.js to have the filters before a search in the address runs."""
OFFLINE_INDEX = "voorbeeld-zoekindex.js"
"""The search index of the copy that works from a disk (site/offline.py), at its root: `window.adviesregisterZoekindex = [...]`."""


SOURCES = "bronnen/"
"""The folder of the published originals on the site."""
DOWNLOAD_SUFFIXES = (".pdf", ".docx", ".txt")
"""Originals of these kinds are published as they are: a browser shows or downloads them, never runs them on the site's address."""
RESERVED_NAMES = frozenset({"index"})
"""Ids and gemeente names that cannot be used: their page would take the place of a list ('documenten/index.md')."""


def reserved_name_message(naam: str) -> str:
    return f"de naam '{naam}' gebruikt het archief zelf (voor de lijst van alle documenten of gemeenten). Kies een andere naam."


REQUIRED_PAGES = ("over", "privacy", "toegankelijkheid")
"""Hand-written pages every archive has (the menu in mkdocs.yml names them): what it is, its privacy and accessibility statements."""
ABOUT, PRIVACY, ACCESSIBILITY = (f"{naam}/" for naam in REQUIRED_PAGES)
"""Their addresses (the footer links to each)."""
RESERVED_PAGES = frozenset(
    {
        "index",
        "404",
        "documenten",
        "gemeenten",
        "themas",
        "jaren",
        "feeds",
        "bronnen",
        "open-data",
        "punten",
        "cijfers",
        "status",
        "publiceren",
        "zoeken",
        "assets",
        "pagefind",
        "search",
        "sitemap",
    }
)
"""Names a hand-written page in content/paginas/ cannot have: the pipeline makes pages or folders with them."""


def offered_as_text(file: str) -> bool:
    """HTML and Markdown would run or render on the site's address, so their originals are offered as text."""
    return PurePosixPath(file).suffix.lower() not in DOWNLOAD_SUFFIXES


def source_url(doc_id: str, file: str) -> str:
    """Where a document's original is offered: named after the document, so the name is always safe in a URL and a
    download; an HTML or Markdown original as text ('….html.txt')."""
    return f"{SOURCES}{doc_id}{PurePosixPath(file).suffix.lower()}" + (".txt" if offered_as_text(file) else "")


def page_url(doc_id: str) -> str:
    return f"{OVERVIEW}{doc_id}/"


def json_url(doc_id: str) -> str:
    """The document's record in the open data."""
    return f"{OPEN_DATA}documenten/{doc_id}.json"


def gemeente_url(slug: str) -> str:
    return f"{GEMEENTEN}{slug}/"


def thema_url(thema: str) -> str:
    return f"{THEMAS}{slugify(thema)}/"


def year_url(year: int) -> str:
    return f"{JAREN}{year}/"


def status_url(status: str) -> str:
    """The pre-built list of advices with a status ('niet overgenomen' → 'status/niet-overgenomen/')."""
    return f"{STATUSSEN}{slugify(status)}/"


def chart_url(chart: str, kind: str) -> str:
    """A chart of the Cijfers page: ('uitkomsten', 'gemeente') → 'cijfers/uitkomsten-gemeente.svg'."""
    return f"{FIGURES}{chart}-{kind}.svg"


def gemeente_feed_url(slug: str) -> str:
    return f"{FEEDS_PAGE}gemeente-{slug}.xml"


def feed_link(feed: str) -> str:
    """Where the feeds page explains one feed: 'feeds/gemeente-almelo.xml' → 'feeds/#gemeente-almelo'."""
    return f"{FEEDS_PAGE}#{feed_anchor(feed)}"


def feed_anchor(feed: str) -> str:
    """A feed's place on the feeds page: 'feeds/gemeente-almelo.xml' → 'gemeente-almelo'."""
    return feed.rsplit("/", 1)[-1].removesuffix(".xml")


def thema_feed_url(thema: str) -> str:
    return f"{FEEDS_PAGE}thema-{slugify(thema)}.xml"


def list_page_url(url: str, number: int) -> str:
    """Page `number` of the list at `url`: the first is the list itself, then 'gemeenten/almelo/pagina/2/'. No document
    id or gemeente slug has a '/', so these never meet a document's or a list's own page."""
    return url if number == 1 else f"{url}pagina/{number}/"


def page_file(url: str) -> str:
    """The Markdown page behind a site URL: 'gemeenten/almelo/' → 'gemeenten/almelo.md', '' → 'index.md'."""
    return url.rstrip("/") + ".md" if url else "index.md"


def base_url(site_url: str) -> str:
    """The public address with exactly one '/' at the end."""
    return site_url.rstrip("/") + "/"


def absolute_url(site_url: str, url: str) -> str:
    """A site URL ('documenten/x/') at the public address."""
    return base_url(site_url) + url
