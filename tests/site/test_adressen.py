"""Every site address is built in one place (content/names.py, gathered for templates in site/urls.py's `urls`): no
template and no script of the theme types one. A template writes `{{ urls.search | rel }}`, a script reads an address
from a data attribute its page set (zoeken.js: `data-pagefind`, `data-zoekindex`, `data-basis`).

What counts as typed: a string in a template's code (`{{ 'zoeken/' | rel }}`), a literal piece of a link attribute
(`href="{{ base }}documenten/"`) or of a Markdown link, or a string in a script, that looks like a path on the site:
segments with a '/' ('zoeken/', '../pagefind/pagefind.js'), or a file name with a site file's suffix
('sitemap-diwoo.xml'). Not counted: the names of templates (`{% include %}`, `{% extends %}`, `{% from %}`, which
are no addresses), URLs with a scheme (https:, mailto:), '#anchors', and '/' alone (404.html's fallback for an
archive without site_url: the server's root, where the 404 page must point from any depth).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from jinja2 import Environment
from lxml import html

from adviesregister.content.paths import packaged_theme
from adviesregister.site.urls import URLS

SITE = Path(__file__).resolve().parents[2] / "scripts" / "adviesregister" / "site"
TEMPLATES = sorted((SITE / "templates").glob("*.j2"))
THEME = sorted(path for path in packaged_theme().rglob("*.html"))
SCRIPTS = sorted((packaged_theme() / "assets").glob("*.js"))

SEGMENT = r"[A-Za-z0-9_-][A-Za-z0-9_.-]*"
SUFFIXES = "js|mjs|css|json|jsonld|xml|html|txt|md|csv|svg|png|jpg|gz|xlsx|sqlite|yml"
SITE_PATH = re.compile(rf"(?:\.\.?/)*(?:(?:{SEGMENT}/)+(?:{SEGMENT})?|{SEGMENT}\.(?:{SUFFIXES})|\.\.?/)")
"""A path on the site, relative ('zoeken/', 'open-data/cijfers.csv', '../', 'voorbeeld-zoekindex.js')."""
LINK_ATTRIBUTES = re.compile(r"""\b(?:href|src|srcset|action|formaction|poster|data-[\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
MARKDOWN_LINK = re.compile(r"\]\(([^)\s]*)")
INLINE_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.S)
JS_TOKEN = re.compile(r"""//[^\n]*|/\*.*?\*/|"((?:\\.|[^"\\\n])*)"|'((?:\\.|[^'\\\n])*)'|`((?:\\.|[^`\\])*)`""", re.S)
"""A script's comments (skipped) and string literals (checked); the theme's scripts hold no regular expression with a
quote or '//' in it, which this would misread."""
TEMPLATE_NAMES = frozenset({"extends", "include", "import", "from"})
"""Statements whose strings name templates, not addresses."""
TAG = "\x00"
"""Where a Jinja tag stood in a template's text: its value is computed, so it splits a literal."""

ALLOWED = {
    ("partials/header.html", "material/menu"): "the name of Material's menu icon, included as .icons/material/menu.svg (Material's own header)",
    ("partials/header.html", "material/magnify"): "the name of Material's search icon, included as .icons/material/magnify.svg (Material's own header)",
    ("partials/header.html", "material/search"): "the name of Material's search plugin in config.plugins (Material's own header)",
}
"""Strings that look like paths but are not addresses of the site, each with why."""


def _looks_like_address(text: str) -> bool:
    path = re.split(r"[?#]", text.strip(), maxsplit=1)[0]
    return bool(path) and SITE_PATH.fullmatch(path) is not None


def typed_in_script(source: str) -> list[str]:
    """The string literals of a script (JavaScript) that look like site addresses."""
    found = []
    for match in JS_TOKEN.finditer(source):
        literal = next((group for group in match.groups() if group is not None), None)
        if literal is None:  # a comment
            continue
        pieces = re.split(r"\$\{[^}]*\}", literal) if match.group(3) is not None else [literal]
        found += [piece for piece in pieces if _looks_like_address(piece)]
    return found


def typed_in_template(source: str) -> list[str]:
    """The addresses a Jinja template types: strings in its code (not template names), literal pieces of its link
    attributes and Markdown links, and strings in its inline scripts."""
    found = []
    text: list[str] = []
    statement: str | None = None  # the first name in the {% … %} being read
    first = False
    for _, kind, value in Environment().lex(source):
        if kind == "data":
            text.append(value)
        elif kind in ("variable_begin", "block_begin"):
            text.append(TAG)
            statement, first = None, kind == "block_begin"
        elif kind == "name" and first:
            statement, first = value, False
        elif kind == "string" and statement not in TEMPLATE_NAMES and _looks_like_address(value[1:-1]):
            found.append(value[1:-1])
        elif kind in ("variable_end", "block_end"):
            statement, first = None, False
    page = "".join(text)
    literals = [match.group(1) if match.group(1) is not None else match.group(2) for match in LINK_ATTRIBUTES.finditer(page)]
    literals += MARKDOWN_LINK.findall(page)
    found += [piece for literal in literals for piece in literal.split(TAG) if _looks_like_address(piece)]
    for script in INLINE_SCRIPT.findall(page):
        found += typed_in_script(script.replace(TAG, ""))
    return found


def _name(path: Path) -> str:
    for folder in (SITE / "templates", packaged_theme()):
        if path.is_relative_to(folder):
            return path.relative_to(folder).as_posix()
    return path.name


@pytest.mark.parametrize("template", TEMPLATES + THEME, ids=_name)
def test_no_template_types_an_address(template: Path) -> None:
    typed = [found for found in typed_in_template(template.read_text(encoding="utf-8")) if (_name(template), found) not in ALLOWED]
    assert typed == [], f"{_name(template)} types addresses: use urls.… (site/urls.py, content/names.py)"


@pytest.mark.parametrize("script", SCRIPTS, ids=_name)
def test_no_script_types_an_address(script: Path) -> None:
    assert typed_in_script(script.read_text(encoding="utf-8")) == [], f"{script.name} types addresses: read them from a data attribute of the page"


def test_the_check_finds_a_typed_address() -> None:
    """The check itself: each way of typing an address is found, and what is no address is not."""
    assert typed_in_template("""<a href="{{ 'zoeken/' | rel }}">Zoeken</a>""") == ["zoeken/"]
    assert typed_in_template("""{% set x = "open-data/cijfers.csv" %}""") == ["open-data/cijfers.csv"]
    assert typed_in_template("""<a href="{{ config.site_url }}documenten/">Alle</a>""") == ["documenten/"]
    assert typed_in_template("""<a href='{{ base }}feeds/#alles'>Feeds</a>""") == ["feeds/#alles"]
    assert typed_in_template("""Zie [de cijfers](../cijfers/).""") == ["../cijfers/"]
    assert typed_in_template("""<script>fetch("documenten/lijst.json")</script>""") == ["documenten/lijst.json"]
    assert typed_in_template("""<div data-lijst="{{ x | rel }}lijst.json"></div>""") == ["lijst.json"]
    no_address = """{% extends "main.html" %}{% include "partials/logo.html" %}{% from "macros.j2" import kaarten %}
    <a href="{{ urls.search | rel }}">Zoeken</a> <a href="#uitkomsten">boven</a> <a href="mailto:{{ ar.contact }}">mail</a>
    <a href="https://docs.github.com/en/pull-requests">GitHub</a> <a href="{{ config.site_url | d('/', true) }}">Home</a>
    Thema's en 's avonds: <code>open-data/documenten/</code> {# 'zoeken/' in a comment #}"""
    assert typed_in_template(no_address) == []
    script = """// "zoeken/" in a comment
    /* 'assets/zoeken.js' */ var a = new URL("../pagefind/pagefind.js", x); var b = 'voorbeeld-zoekindex.js';
    var c = `${root}cijfers/`; var d = "#zoekvak"; var e = ".pagefind-ui__filter-checkbox:checked"; var f = "q";"""
    assert typed_in_script(script) == ["../pagefind/pagefind.js", "voorbeeld-zoekindex.js", "cijfers/"]


def test_every_address_of_urls_is_on_the_built_site(built_site: Path) -> None:
    """`urls` holds real addresses: each is a page or file of the built site (the index of the copy that works from a
    disk only in that copy, tests/site/test_offline.py)."""
    missing = []
    for name, url in vars(URLS).items():
        target = built_site / url / "index.html" if url.endswith("/") or not url else built_site / url
        if url != URLS.offline_index and not target.is_file():
            missing.append(f"{name}: {url}")
    assert missing == []


def test_the_theme_gets_the_addresses(built_site: Path) -> None:
    """The theme's templates run in MkDocs' Jinja, which gets `urls` from site/sandbox.py: the footer, the scripts and
    the 404 page link where `urls` says, and the search page hands zoeken.js its addresses."""
    home = html.parse(str(built_site / "index.html")).getroot()
    footer = home.xpath("//nav[@aria-labelledby='voet-archief']//a/@href")
    assert footer == [URLS.about, URLS.open_data, URLS.feeds, URLS.accessibility, URLS.privacy, URLS.guide]
    assert URLS.menu_script in home.xpath("//script/@src")
    document = html.parse(str(next((built_site / "documenten").glob("*/index.html")))).getroot()
    assert f"../../{URLS.share_script}" in document.xpath("//script/@src")
    missing = html.parse(str(built_site / "404.html")).getroot()
    links = missing.xpath("//article//li/a/@href")
    assert [link.endswith(end) for link, end in zip(links, ["/", f"/{URLS.overview}", f"/{URLS.search}"], strict=True)] == [True] * 3
    search = html.parse(str(built_site / URLS.search / "index.html")).getroot()
    box = search.get_element_by_id("zoekvak")
    assert (box.get("data-pagefind"), box.get("data-zoekindex"), box.get("data-basis")) == (f"../{URLS.pagefind_module}", f"../{URLS.offline_index}", "../")
