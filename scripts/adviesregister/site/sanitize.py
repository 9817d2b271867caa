"""Text from content on a page: a letter's Markdown, and the HTML of a hand-written page → only the tags a text needs (nh3).
No script, no styles, no javascript: links, no ids the theme uses."""

from __future__ import annotations

import re

import markdown
import nh3
from lxml import html as lxml_html

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


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_TEXT_ATTRIBUTES = {**{tag: {"id"} for tag in _HEADINGS}, "a": {"href"}, "th": {"align"}, "td": {"align"}}
_SAFE_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,100}$")
"""Ids as our slugify makes them (with '_1' for a second heading of the same name); never one of the theme's own ('__search', '__drawer'), which a text could otherwise clobber."""


def letter_html(tekst: str) -> str:
    """The letter's Markdown as sanitised HTML; its headings one level below the page's."""
    rendered = markdown.markdown(
        _HEADING_RE.sub(r"#\1 ", tekst), extensions=["tables", "toc"], extension_configs={"toc": {"slugify": lambda value, _sep: slugify(value)}}
    )
    return _clean(rendered, _LETTER_TAGS, _TEXT_ATTRIBUTES)


CONTENTS_FROM = 3
"""A letter with at least this many headings gets a table of contents at its top."""


def letter_contents(letter: str) -> list[tuple[str, str]]:
    """The headings of a letter's sanitised HTML (text, id), when there are enough to need a table of contents."""
    if "<h" not in letter:
        return []
    headings = [(" ".join(h.text_content().split()), h.get("id")) for h in lxml_html.fragment_fromstring(letter, create_parent="div").xpath("./h3[@id]")]
    return [(text, anchor) for text, anchor in headings if text and anchor] if len(headings) >= CONTENTS_FROM else []


TRUSTED = "sjabloon"
"""The page setting `adviesregister: sjabloon` marks a page made from our templates, where every value was escaped;
the site engine sanitises the HTML of every other page (the hand-written ones)."""
TRUSTED_HTML = "sjabloon-html"
"""As TRUSTED, for a page whose template writes HTML only after at most a Markdown title (a document's page, a list):
Markdown would pass the HTML through unchanged, so the site engine gives Markdown only the title (preview.py), which
saves most of MkDocs' work on a large archive. tests/site/test_site.py proves it on every such page of the seed build."""


def markdown_head(text: str) -> tuple[str, str]:
    """A TRUSTED_HTML page split into its Markdown head (the lines before the first line of HTML: a title, or
    nothing) and the HTML after it."""
    lines = text.strip().splitlines(keepends=True)
    first_html = next((i for i, line in enumerate(lines) if line.startswith("<")), len(lines))
    return "".join(lines[:first_html]).strip(), "".join(lines[first_html:]).strip()


def join_head(head_html: str, tail: str) -> str:
    """The page as Markdown would have made it: the converted head, then the HTML as it was."""
    return f"{head_html}\n{tail}" if head_html and tail else head_html or tail


_PAGE_TAGS = _LETTER_TAGS | {"h1", "h2", "pre", "div", "span", "dl", "dt", "dd", "del", "sub", "sup"}
_PAGE_CLASSES = {"div": {"admonition", "note", "info", "tip", "warning", "abstract", "example"}, "p": {"admonition-title"}}


def page_html(rendered: str) -> str:
    """The HTML of a hand-written page (content/paginas/), as the site engine made it from Markdown: only text markup,
    links and the theme's note boxes (admonitions) stay. Nothing that runs, no styles, no forms, no frames."""
    return _clean(rendered, _PAGE_TAGS, {**_TEXT_ATTRIBUTES, "a": {"href", "title"}}, _PAGE_CLASSES)


def _clean(rendered: str, tags: set[str], attributes: dict[str, set[str]], classes: dict[str, set[str]] | None = None) -> str:
    """Only `tags` with `attributes` (and `classes`); links only to the web or e-mail; ids only as slugify makes them."""
    cleaned = nh3.clean(
        rendered,
        tags=tags,
        attributes=attributes,
        allowed_classes=classes or {},
        attribute_filter=_keep_safe_id,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return remove_forbidden_characters(cleaned)  # nh3 turns '&#1;' into U+0001, which no page may hold


def _keep_safe_id(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "id" and not _SAFE_ID_RE.match(value):
        return None
    return value
