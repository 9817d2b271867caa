"""Every fixed address of the site in one object, `urls`, handed to every template: our pages' (site/templating.py)
and the theme's (site/sandbox.py, for main.html, 404.html and an archive's own site_overrides/). A template writes
`{{ urls.search | rel }}` (ours) or `{{ urls.search | url }}` (the theme's), never 'zoeken/'; a script reads an address
from a data attribute the template set. Datasette's `urls` (datasette/url_builder.py) is the model.

The addresses themselves are built in content/names.py (the site's pages and files) and opendata/downloads.py (the
names of the download's files); this object only gathers them, relative to the site's root like every site URL.
"""

from __future__ import annotations

from dataclasses import dataclass

from adviesregister.content import names
from adviesregister.opendata import downloads


@dataclass(frozen=True)
class SiteUrls:
    """The site's fixed addresses, relative to its root; pages of one document, gemeente, thema or year have their
    functions in content/names.py (page_url, gemeente_url, …) and reach templates ready in the view objects."""

    home: str = names.HOME
    overview: str = names.OVERVIEW
    search: str = names.SEARCH
    figures: str = names.FIGURES
    points: str = names.POINTS
    feeds: str = names.FEEDS_PAGE
    gemeenten: str = names.GEMEENTEN
    themas: str = names.THEMAS
    jaren: str = names.JAREN
    statussen: str = names.STATUSSEN
    about: str = names.ABOUT
    privacy: str = names.PRIVACY
    accessibility: str = names.ACCESSIBILITY
    guide: str = names.GUIDE
    sitemap: str = names.SITEMAP
    diwoo_sitemap: str = names.DIWOO_SITEMAP
    open_data: str = names.OPEN_DATA
    figures_csv: str = names.OPEN_DATA + downloads.FIGURES_CSV
    figures_json: str = names.OPEN_DATA + downloads.FIGURES_JSON
    record_schema: str = f"{names.OPEN_DATA}{downloads.SCHEMA_FOLDER}/{downloads.RECORD_SCHEMA}"
    document_file_schema: str = f"{names.OPEN_DATA}{downloads.SCHEMA_FOLDER}/{downloads.DOCUMENT_FILE_SCHEMA}"
    front_matter_schema: str = f"{names.OPEN_DATA}{downloads.SCHEMA_FOLDER}/{downloads.FRONT_MATTER_SCHEMA}"
    menu_script: str = names.MENU_SCRIPT
    share_script: str = names.SHARE_SCRIPT
    search_script: str = names.SEARCH_SCRIPT
    pagefind_ui_script: str = names.PAGEFIND_UI_SCRIPT
    pagefind_ui_style: str = names.PAGEFIND_UI_STYLE
    pagefind_module: str = names.PAGEFIND_MODULE
    offline_index: str = names.OFFLINE_INDEX


URLS = SiteUrls()
"""The one `urls` of every template."""
