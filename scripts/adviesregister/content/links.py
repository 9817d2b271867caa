"""Links inside the site, in a letter's text or a hand-written page: each must lead to a page the site will have.

The site engine publishes a relative link as it is written, so '[kapot](bestaat-niet.md)' or '[weg](../nergens/)'
builds without a word and leaves a dead end on the page. `check` finds it first, at the line of the text where it
stands. A link to a page's Markdown file ('privacy.md') is fine: MkDocs makes it the page's address. A link is judged
against the site's addresses: the home, every document (documenten/ID/), every gemeente
(gemeenten/NAAM/), every hand-written page (NAAM/), the lists and files the pipeline makes (names.RESERVED_PAGES,
the whole path: a theme's or a year's list only when a document has it, a list's further pages 'pagina/N/'; the
files under open-data/, bronnen/, feeds/ taken whole), and, for a page, its own headings (#kop). Links to the web and
e-mail addresses are not followed here; any other kind ('javascript:', 'data:', 'file:') the page shows as a link
without an address (the sanitiser takes it away, content/markup.py), so it is a problem too. A link from the root
('/privacy/') leads nowhere when the site stands in a folder (a site_url with a path, as on GitHub Pages): written
relative it works everywhere. Every link needs text a reader sees (a link without it fails WCAG 2.4.4 and the axe
test of the page). Each problem stands at the line of its own link: the text is searched from the previous link on.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from lxml import html as lxml_html

from adviesregister.content.model import Archive, Problem
from adviesregister.content.names import GEMEENTEN, JAREN, OVERVIEW, RESERVED_PAGES, STATUSSEN, THEMAS, thema_url, year_url

WEB_SCHEMES = frozenset({"http", "https", "mailto"})
"""The kinds of address a link may have besides a page of the site (the sanitiser's url_schemes, content/markup.py)."""

_TARGET_RE = re.compile(r"""\]\(\s*<?((?:[^\s()<>]|\([^\s()<>]*\))+)|href\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
"""An address as written in the text: a Markdown link's '](adres' or an HTML link's 'href="adres"'."""

_INVISIBLE_RE = re.compile(r"[\x00-\x20\x7f]+")
"""What a browser skips in an address's scheme ('java\tscript:')."""


@dataclass(frozen=True)
class LinkTargets:
    """The addresses of the site that a link may lead to."""

    documents: frozenset[str]
    gemeenten: frozenset[str]
    pages: frozenset[str]
    lijsten: frozenset[str] = frozenset()
    """The lists of a theme or a year that documents make ('themas/zorg', 'jaren/2023')."""
    site_url: str = ""
    """The public address: with a path ('https://x.github.io/archief/') a link from the root leads nowhere."""


def link_targets(archive: Archive, site_url: str = "") -> LinkTargets:
    lijsten = {thema_url(thema).rstrip("/") for doc in archive.documents for thema in doc.themas}
    lijsten |= {year_url(doc.datum.jaar).rstrip("/") for doc in archive.documents}
    return LinkTargets(
        frozenset(doc.id for doc in archive.documents),
        frozenset(archive.gemeenten),
        frozenset(page.naam.removesuffix(".md") for page in archive.pages),
        frozenset(lijsten),
        site_url,
    )


def check_links(path: str, tekst: str, text_line: int, shown_html: str, address: str, targets: LinkTargets, anchors: bool) -> list[Problem]:
    """A problem for each link of `shown_html` (the text as the page shows it, at the site address `address`, e.g.
    'over/') that leads nowhere; `anchors`: judge '#kop' against the headings of the text too (a hand-written page,
    whose page holds little else)."""
    if "<a" not in shown_html:
        return []
    root = lxml_html.fragment_fromstring(shown_html, create_parent="div")
    ids = set(root.xpath("//@id"))
    in_folder = _base_path(targets.site_url) != "/"
    cursor = _Cursor(tekst, text_line)
    problems = []
    for link in root.xpath("//a"):
        href = link.get("href")
        if href is None:  # the sanitiser took the address away: not a web address nor a page of the site
            written, line = cursor.unsafe(link.text_content())
            problems.append(Problem(path, line, "link-werkt-niet", _scheme_message(written)))
            continue
        line = cursor.line_of(href)
        if not link.text_content().strip():  # a screen reader says only "link": WCAG 2.4.4, axe's link-name
            problems.append(Problem(path, line, "link-zonder-tekst", _empty_message(href)))
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            continue
        if not parts.path:
            if anchors and parts.fragment and parts.fragment not in ids:
                problems.append(Problem(path, line, "link-werkt-niet", _anchor_message(href, sorted(ids))))
            continue
        if not _leads_somewhere(parts.path, address, targets):
            problems.append(Problem(path, line, "link-werkt-niet", _message(href, address)))
        elif in_folder and parts.path.startswith("/"):
            problems.append(Problem(path, line, "link-werkt-niet", _root_message(href, address, targets.site_url)))
    return problems


def _base_path(site_url: str) -> str:
    return "/" + urlsplit(site_url).path.strip("/") + "/" if urlsplit(site_url).path.strip("/") else "/"


def _leads_somewhere(path: str, address: str, targets: LinkTargets) -> bool:
    """Whether the address `path`, on the page at `address`, is one the site has. A link to a Markdown file
    ('over.md') is one MkDocs turns into the page's address when the file is there: it is read from the folder of
    the page's own Markdown file (the parent of its address)."""
    path = unquote(path)
    if path.endswith(".md") and not path.startswith("/"):
        folder = address.rstrip("/").rpartition("/")[0]
        path = f"/{folder}/{path}".removesuffix(".md").removesuffix("/index") + "/"
    parts: list[str] = []
    for part in (path if path.startswith("/") else f"/{address}{path}").split("/"):
        if part == "..":
            if not parts:
                return False  # above the site's root: no page of the site there
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    if parts[-1:] == ["index.html"]:
        parts = parts[:-1]
    if not parts:
        return True  # the home
    first, rest = parts[0], parts[1:]
    folder = f"{first}/"  # the site's folders are named in content/names.py
    if folder == OVERVIEW:  # the overview (and its further pages, 'pagina/2/'), or one document
        return not rest or _further_page(rest) or (len(rest) == 1 and rest[0] in targets.documents)
    if folder == GEMEENTEN:
        return _listing(rest, targets.gemeenten)
    if folder in (THEMAS, JAREN):
        return _listing(rest, frozenset(name.partition("/")[2] for name in targets.lijsten if name.startswith(folder)))
    if folder == STATUSSEN:  # a status is computed at the build (from the day's date): any one name
        return len(rest) <= 1 or _further_page(rest[1:])
    if first in targets.pages:
        return not rest
    return first in RESERVED_PAGES  # files the pipeline makes (open-data/, bronnen/, feeds/): taken whole


def _listing(rest: list[str], names: frozenset[str]) -> bool:
    """An index of lists ('gemeenten/') and its further pages, or one list of `names` and its further pages."""
    return not rest or _further_page(rest) or (rest[0] in names and (len(rest) == 1 or _further_page(rest[1:])))


def _further_page(rest: list[str]) -> bool:
    return len(rest) == 2 and rest[0] == "pagina" and rest[1].isdigit()


class _Cursor:
    """Where in the text the links stand: each searched from just after the previous one, so two links to the same
    address (or one whose address ends another's) are each named at their own line."""

    def __init__(self, tekst: str, text_line: int) -> None:
        self.tekst = tekst
        self.text_line = text_line
        self.position = 0

    def line_of(self, href: str) -> int:
        """The line of the link to `href` (as written: percent-encoded or not, with entities or not)."""
        for start in (self.position, 0):  # from the previous link on; else (a reference link's address at the end) anywhere
            found = [(at, -len(form)) for form in {href, unquote(href), html.escape(href, quote=False)} if (at := self.tekst.find(form, start)) >= 0]
            if found:
                at, minus_length = min(found)
                self.position = max(self.position, at - minus_length)
                return self._line(at)
        return self.text_line

    def unsafe(self, text: str) -> tuple[str, int]:
        """The next address written in the text that is neither a web address nor a page ('javascript:…'), and its
        line; else (not found) nothing and the line of the link's text."""
        for match in _TARGET_RE.finditer(self.tekst, self.position):
            written = match[1] or match[2]
            scheme = urlsplit(_INVISIBLE_RE.sub("", html.unescape(written))).scheme.lower()
            if scheme and scheme not in WEB_SCHEMES:
                self.position = match.end()
                return written, self._line(match.start())
        at = self.tekst.find(text.strip(), self.position) if text.strip() else -1
        return "", self._line(at) if at >= 0 else self.text_line

    def _line(self, at: int) -> int:
        return self.text_line + self.tekst.count("\n", 0, at)


def _message(href: str, address: str) -> str:
    return (
        f"tekst: de link '{href}' leidt naar een pagina die de site niet heeft (gelezen vanaf de pagina '/{address}'). "
        "Verbeter het adres, bijvoorbeeld '../privacy/' voor de pagina privacy of '../documenten/ID/' voor een document, of haal de link weg."
    )


def _scheme_message(written: str) -> str:
    link = f"de link '{written}'" if written else "een link"
    return (
        f"tekst: {link} werkt niet op de site: de site laat zo'n adres weg. Een link kan alleen naar een webadres (https://…), "
        "een e-mailadres (mailto:…) of een pagina van deze site, zoals '../privacy/'. Verbeter het adres of haal de link weg."
    )


def _root_message(href: str, address: str, site_url: str) -> str:
    base = _base_path(site_url)
    path = urlsplit(href).path
    target = path.removeprefix(base.rstrip("/")) if path.startswith(base) else path
    relative = posixpath.relpath(target, "/" + address) + ("/" if target.endswith("/") else "")
    suffix = href[len(path) :]
    return (
        f"tekst: de link '{href}' begint met '/', maar de site staat in een map ({site_url}): daar leidt hij nergens heen. "
        f"Schrijf het adres vanaf deze pagina: '{relative}{suffix}'."
    )


def _empty_message(href: str) -> str:
    return f"tekst: de link naar '{href}' heeft geen tekst, dus niemand ziet of hoort waar hij heen gaat. Zet tekst tussen de haken: [tekst]({href})."


def _anchor_message(href: str, ids: list[str]) -> str:
    heads = ", ".join(f"'#{anchor}'" for anchor in ids) or "geen: deze pagina heeft geen kopjes"
    return f"tekst: de link '{href}' leidt naar een kopje dat op deze pagina niet staat. Kopjes op deze pagina: {heads}. Verbeter de link of haal hem weg."
