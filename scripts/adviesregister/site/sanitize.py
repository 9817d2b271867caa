"""A letter's text on a page: Markdown → HTML → only the tags a letter needs (nh3). No script, no styles, no javascript: links."""

from __future__ import annotations

import re

import markdown
import nh3

from adviesregister.content.names import slugify

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
    return nh3.clean(
        rendered,
        tags=_LETTER_TAGS,
        attributes={"h3": {"id"}, "h4": {"id"}, "h5": {"id"}, "h6": {"id"}, "a": {"href"}, "th": {"align"}, "td": {"align"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
