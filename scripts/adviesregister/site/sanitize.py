"""A letter's text on a page: Markdown → HTML → only the tags a letter needs (nh3). No script, no styles, no javascript: links."""

from __future__ import annotations

import re

import markdown
import nh3

from adviesregister.content.names import slugify
from adviesregister.content.parse import remove_forbidden_characters

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


def letter_html(tekst: str) -> str:
    """The letter's Markdown as sanitised HTML; its headings one level below the page's."""
    rendered = markdown.markdown(
        _HEADING_RE.sub(r"#\1 ", tekst), extensions=["tables", "toc"], extension_configs={"toc": {"slugify": lambda value, _sep: slugify(value)}}
    )
    cleaned = nh3.clean(
        rendered,
        tags=_LETTER_TAGS,
        attributes={"h3": {"id"}, "h4": {"id"}, "h5": {"id"}, "h6": {"id"}, "a": {"href"}, "th": {"align"}, "td": {"align"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return remove_forbidden_characters(cleaned)  # nh3 turns '&#1;' into U+0001, which no page may hold


TRUSTED = "sjabloon"
"""The page setting `adviesregister: sjabloon` marks a page made from our templates, where every value was escaped;
the site engine sanitises the HTML of every other page (the hand-written ones)."""


_PAGE_TAGS = _LETTER_TAGS | {"h1", "h2", "pre", "div", "span", "dl", "dt", "dd", "del", "sub", "sup"}
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_SAFE_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,100}$")
"""Ids as our slugify makes them; never one of the theme's own ('__search', '__drawer'), which a page could otherwise clobber."""


def page_html(rendered: str) -> str:
    """The HTML of a hand-written page (content/paginas/), as the site engine made it from Markdown: only text markup,
    links and the theme's note boxes (admonitions) stay. Nothing that runs, no styles, no forms, no frames."""
    return nh3.clean(
        rendered,
        tags=_PAGE_TAGS,
        attributes={**{tag: {"id"} for tag in _HEADINGS}, "a": {"href", "title"}, "th": {"align"}, "td": {"align"}},
        allowed_classes={"div": {"admonition", "note", "info", "tip", "warning", "abstract", "example"}, "p": {"admonition-title"}},
        attribute_filter=_keep_safe_id,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


def _keep_safe_id(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "id" and not _SAFE_ID_RE.match(value):
        return None
    return value
