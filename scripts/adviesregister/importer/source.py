"""The letter's text as every reading step sees it: its lines, where the body starts, the salutation and the closing."""

from __future__ import annotations

from dataclasses import dataclass, field

from adviesregister.content.extract import WebPage
from adviesregister.importer.header import label_segments
from adviesregister.importer.layouts import BODY_AT_HEADING_OR_LONG_LINE, layout_of
from adviesregister.importer.parties import NAME_REST_RE
from adviesregister.importer.rules import Layout, rules
from adviesregister.importer.webpage import PageParts, page_parts


@dataclass(frozen=True)
class Source:
    """The letter's text as every reading step sees it."""

    text: str
    lines: list[str]
    body_start: int
    """Index of the first line of the body (after the salutation's line, or the first long line)."""
    salutation: tuple[int, str | None] | None
    """Index of the salutation's line and to whom it speaks (college, raad, gemeenteraad)."""
    closing: int | None
    """Index of the closing ('Met vriendelijke groet,'), after which the signature follows."""
    layout: Layout | None
    """The house style the letter is written in (see layouts.py), or None."""
    first: int
    """Index of the first line that holds text."""
    web_page: PageParts = field(default_factory=PageParts)
    """A web copy's furniture, title and date widget: blank in `lines` and `text`, so no step reads them as the letter's."""


def read_source(text: str, web_page: WebPage | None = None) -> Source:
    """The text as the steps see it; `web_page` is what a web page (.html) says of itself (its title and date)."""
    lines = text.split("\n")
    layout = layout_of(lines)
    salutation = _salutation(lines)
    parts = page_parts(lines, salutation[0] if salutation else None, web_page)
    if parts.lines():
        lines = ["" if index in parts.lines() else line for index, line in enumerate(lines)]
        text = "\n".join(lines)
    body_start = _body_start(lines, layout, salutation)
    closing = next((index for index in range(body_start, len(lines)) if rules().slot.match(lines[index])), None)
    return Source(text, lines, body_start, salutation, closing, layout, first_line(lines), parts)


def _salutation(lines: list[str]) -> tuple[int, str | None] | None:
    """The first line that starts with a salutation, or ends with one after a letterhead flattened onto it, and to whom
    it speaks (None: a salutation we know only as one, 'Geachte heer,')."""
    for index, line in enumerate(lines[:80]):
        for rol, pattern in rules().aanhef.items():
            match = pattern.search(line)
            rest = line[match.end() :] if match else ""
            if match and (not line[: match.start()].strip() or rest.strip() in ("", ",") or (len(rest) < 120 and NAME_REST_RE.match(rest))):
                return index, rol  # 'Geachte leden van de ASD De Peel,' at the end of a flattened letterhead
        if rules().aanhef_overig.match(line):
            return index, None
    return None


def _body_start(lines: list[str], layout: Layout | None, salutation: tuple[int, str | None] | None) -> int:
    if salutation is not None:
        index = salutation[0]
        starts_line = rules().aanhef_overig.match(lines[index]) is not None
        return index if starts_line else index + 1  # a letterhead flattened onto the salutation's line is header
    if layout is not None and layout.tekst_begint == BODY_AT_HEADING_OR_LONG_LINE:
        for index, line in enumerate(lines):
            stripped = line.strip()
            if stripped.endswith(":") or len(stripped) > 60:
                return index
    for index, line in enumerate(lines):
        if len(line.strip()) > 60 and not label_segments(line, []) and not rules().uitgebracht.match(line):
            return index
    return 0


def first_line(lines: list[str]) -> int:
    return next((index for index, line in enumerate(lines) if line.strip()), 0)
