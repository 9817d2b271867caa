"""A letter's Markdown and a hand-written page's HTML → only the tags a text needs (nh3), and the text a reader sees
of that HTML. No script, no styles, no javascript: links, no ids the theme uses.

Here in content/ because the privacy check reads what the page shows (check.py), and the site publishes the same
HTML (site/sanitize.py, site/render.py): one renderer for both, so the check sees exactly what the reader does."""

from __future__ import annotations

import re

import markdown
import nh3
from lxml import etree
from lxml import html as lxml_html

from adviesregister.content.names import slugify
from adviesregister.content.parse import remove_forbidden_characters

_HEADING_RE = re.compile(r"^(#{1,5}) ", re.MULTILINE)
_LETTER_TAGS = {"p", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td"}
_LETTER_TAGS |= {"em", "strong", "blockquote", "br", "a", "hr", "code"}
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


PAGE_EXTENSIONS = ["tables", "toc", "admonition", "attr_list"]
"""The Markdown extensions of mkdocs.yml, with which the site engine renders a hand-written page."""
_PAGE_TAGS = _LETTER_TAGS | {"h1", "h2", "pre", "div", "span", "dl", "dt", "dd", "del", "sub", "sup"}
_PAGE_CLASSES = {"div": {"admonition", "note", "info", "tip", "warning", "abstract", "example"}, "p": {"admonition-title"}}


def page_html(rendered: str) -> str:
    """The HTML of a hand-written page (content/paginas/), as the site engine made it from Markdown: only text markup,
    links and the theme's note boxes (admonitions) stay. Nothing that runs, no styles, no forms, no frames."""
    return _clean(rendered, _PAGE_TAGS, {**_TEXT_ATTRIBUTES, "a": {"href", "title"}}, _PAGE_CLASSES)


def content_page_html(tekst: str) -> str:
    """A hand-written page's Markdown as the site shows it (Markdown with the extensions of mkdocs.yml, then page_html)."""
    return page_html(markdown.markdown(tekst, extensions=PAGE_EXTENSIONS))


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


_BLOCKS = frozenset({"p", "div", "li", "tr", "td", "th", "br", "hr", "blockquote", "pre", "dt", "dd", "table", "ul", "ol", *_HEADINGS})
"""Elements a reader sees on a line (or in a cell) of their own: their text never runs on into the next one's."""


def visible_text(rendered: str) -> str:
    """The text a reader sees of sanitised HTML: entities resolved, comments and tags gone, a line for each block.
    The links' own addresses follow, a line each: they are published too (a mailto: address), but a link inside a
    number must not split what the reader sees. Invisible characters stay: privacy.detect reads past them, as a
    reader does."""
    if "<" not in rendered and "&" not in rendered:
        return rendered
    root = lxml_html.fragment_fromstring(rendered, create_parent="div")
    addresses = []
    for element in root.iter():
        if not isinstance(element.tag, str):  # a comment or processing instruction: nobody sees it
            continue
        if element.tag == "a" and element.get("href"):
            addresses.append(element.get("href"))
        elif element.tag in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
            if element.tag in ("td", "th", "li", "dd", "dt"):
                element.text = "\n" + (element.text or "")
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    return "\n".join([str(root.text_content()), *addresses])
