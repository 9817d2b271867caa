"""Links inside the site, in a letter's text or a hand-written page: each must lead to a page the site will have.

The site engine publishes a relative link as it is written, so '[kapot](bestaat-niet.md)' or '[weg](../nergens/)'
builds without a word and leaves a dead end on the page. `check` finds it first, at the line of the text where it
stands. A link to a page's Markdown file ('privacy.md') is fine: MkDocs makes it the page's address. A link is judged
against the site's addresses: the home, every document (documenten/ID/), every gemeente
(gemeenten/NAAM/), every hand-written page (NAAM/), the lists and files the pipeline makes (names.RESERVED_PAGES,
taken whole: the themes, years and statuses depend on what documents say), and, for a page, its own headings
(#kop). Links to the web and e-mail addresses are not followed here. Every link needs text a reader sees (a link
without it fails WCAG 2.4.4 and the axe test of the page).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from lxml import html as lxml_html

from adviesregister.content.model import Archive, Problem
from adviesregister.content.names import RESERVED_PAGES


@dataclass(frozen=True)
class LinkTargets:
    """The first parts of the site's addresses that a link may lead to."""

    documenten: frozenset[str]
    gemeenten: frozenset[str]
    paginas: frozenset[str]


def link_targets(archive: Archive) -> LinkTargets:
    return LinkTargets(
        frozenset(doc.id for doc in archive.documenten),
        frozenset(archive.gemeenten),
        frozenset(pagina.naam.removesuffix(".md") for pagina in archive.paginas),
    )


def check_links(pad: str, tekst: str, tekst_regel: int, shown_html: str, address: str, targets: LinkTargets, anchors: bool) -> list[Problem]:
    """A problem for each link of `shown_html` (the text as the page shows it, at the site address `address`, e.g.
    'over/') that leads nowhere; `anchors`: judge '#kop' against the headings of the text too (a hand-written page,
    whose page holds little else)."""
    if "<a" not in shown_html:
        return []
    root = lxml_html.fragment_fromstring(shown_html, create_parent="div")
    ids = set(root.xpath("//@id"))
    problems = []
    for link in root.xpath("//a[@href]"):
        href = link.get("href")
        if not link.text_content().strip():  # a screen reader says only "link": WCAG 2.4.4, axe's link-name
            problems.append(Problem(pad, _line_of(href, tekst, tekst_regel), "link-zonder-tekst", _empty_message(href)))
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            continue
        if not parts.path:
            if anchors and parts.fragment and parts.fragment not in ids:
                problems.append(Problem(pad, _line_of(href, tekst, tekst_regel), "link-werkt-niet", _anchor_message(href, sorted(ids))))
            continue
        if not _leads_somewhere(parts.path, address, targets):
            problems.append(Problem(pad, _line_of(href, tekst, tekst_regel), "link-werkt-niet", _message(href, address)))
    return problems


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
    if first == "documenten":  # the overview (and its further pages, 'pagina/2/'), or one document
        return not rest or rest[0] == "pagina" or (len(rest) == 1 and rest[0] in targets.documenten)
    if first == "gemeenten":
        return not rest or rest[0] == "pagina" or rest[0] in targets.gemeenten
    if first in targets.paginas:
        return not rest
    return first in RESERVED_PAGES


def _line_of(href: str, tekst: str, tekst_regel: int) -> int:
    """The line of the text where the link stands (as written, so the first line naming its address)."""
    for number, line in enumerate(tekst.splitlines()):
        if href in line or unquote(href) in line:
            return tekst_regel + number
    return tekst_regel


def _message(href: str, address: str) -> str:
    return (
        f"tekst: de link '{href}' leidt naar een pagina die de site niet heeft (gelezen vanaf de pagina '/{address}'). "
        "Verbeter het adres, bijvoorbeeld '../privacy/' voor de pagina privacy of '../documenten/ID/' voor een document, of haal de link weg."
    )


def _empty_message(href: str) -> str:
    return f"tekst: de link naar '{href}' heeft geen tekst, dus niemand ziet of hoort waar hij heen gaat. Zet tekst tussen de haken: [tekst]({href})."


def _anchor_message(href: str, ids: list[str]) -> str:
    heads = ", ".join(f"'#{anchor}'" for anchor in ids) or "geen: deze pagina heeft geen kopjes"
    return f"tekst: de link '{href}' leidt naar een kopje dat op deze pagina niet staat. Kopjes op deze pagina: {heads}. Verbeter de link of haal hem weg."
