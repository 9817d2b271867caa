"""Text from content on a page: the table of contents of a letter and which pages the site engine trusts. The letter's
Markdown and a hand-written page's HTML are sanitised in content/markup.py (letter_html, page_html), where the privacy
check reads the same text the reader sees."""

from __future__ import annotations

from lxml import html as lxml_html

from adviesregister.content.markup import letter_html, page_html

__all__ = ["letter_html", "page_html"]

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
