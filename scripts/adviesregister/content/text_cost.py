"""What a letter's Markdown costs to render, measured before the site and the open data render it.

Python-Markdown reads some text many times over: from every '[' to its ']' (or to the end of the paragraph when
there is none), from every '](' to its ')', and from every '<' that may start a tag to the next '>'. Twenty thousand
'[' in one paragraph take it minutes. It recurses once per level of nesting ('>' quotes, lists in lists, indented
lines), copies a whole paragraph again for every link in it, and slows down with very many paragraphs. `check`
estimates that work here, in one pass, and refuses a text that would cost too much, naming the line to look at.
A real letter stays far below every limit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from adviesregister.content.model import Problem

MAX_BLOCKS = 10_000
"""Paragraphs, headings, lists and tables; a long report has about a thousand."""
MAX_BLOCK_CHARS = 100_000
"""Characters in one block (a paragraph, a list, a table)."""
MAX_NESTING = 12
"""Levels at the start of a line: indentation (per 4 spaces), '>' and list markers."""
MAX_WORK = 1_000_000
"""Units of rendering work (about 0.5 µs each) in the whole text; a letter needs a few thousand."""
MAX_HTML_DEPTH = 50
"""HTML elements open inside each other, over the whole text (the sanitiser's work grows with the square of it)."""
LEVEL_WORK = 50
"""Work for each level of nesting of each line."""
TAG_SHARE = 20
"""Reading to the next '>' is about twenty times cheaper than matching brackets: a character there counts as 1/20."""
COPY_SHARE = 500
"""Each piece of inline markup (emphasis, code, a link) makes Python-Markdown copy its whole block again; a copied character counts as 1/500."""

_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")
_LINE_START_RE = re.compile(r"(?:[ \t]|>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))+")
_MARKER_RE = re.compile(r">|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])")
_TAG_RUN_RE = re.compile(r"<[A-Za-z/!?][^>]*")
_SQUARE_RE = re.compile(r"[\[\]]")
_INLINE_MARKUP_RE = re.compile(r"[*_`\[&\\<]")
_ROUND_RE = re.compile(r"[()]")
_HTML_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^<>]*?(/?)>")
_VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


@dataclass(frozen=True)
class Block:
    """Text between blank lines: a paragraph, a heading, a list or a table."""

    start: int
    """Position in the text."""
    tekst: str


def check_text_cost(path: str, tekst: str, text_line: int) -> list[Problem]:
    """A problem for each limit the text goes over; `text_line` is the file line of the text's first line."""
    blocks = list(_blocks(tekst))
    found = [_too_many_blocks(blocks), _too_long_block(blocks), _too_deep(tekst), _html_too_deep(tekst), _too_costly(tekst, blocks)]
    return [Problem(path, text_line + _line_of(tekst, start), code, message) for start, code, message in (item for item in found if item)]


def _too_many_blocks(blocks: list[Block]) -> tuple[int, str, str] | None:
    if len(blocks) <= MAX_BLOCKS:
        return None
    return (
        blocks[MAX_BLOCKS].start,
        "tekst-te-lang",
        f"de tekst heeft {_number(len(blocks))} alinea's (stukken tekst tussen lege regels); de site kan er hooguit {_number(MAX_BLOCKS)} "
        f"opmaken, en zoveel heeft geen enkele brief. Hier begint alinea {_number(MAX_BLOCKS + 1)}. "
        "Staan er meer brieven in dit bestand? Maak van elke brief een eigen document.",
    )


def _too_long_block(blocks: list[Block]) -> tuple[int, str, str] | None:
    block = next((block for block in blocks if len(block.tekst) > MAX_BLOCK_CHARS), None)
    if block is None:
        return None
    return (
        block.start,
        "alinea-te-lang",
        f"de alinea die hier begint, is {_number(len(block.tekst))} tekens lang; de site kan hooguit {_number(MAX_BLOCK_CHARS)} tekens "
        "zonder lege regel opmaken. Zet lege regels tussen de alinea's, zoals in de brief.",
    )


def _too_deep(tekst: str) -> tuple[int, str, str] | None:
    position = 0
    for line in tekst.split("\n"):
        levels = _levels(line)
        if levels > MAX_NESTING:
            return (
                position,
                "tekst-te-diep",
                f"deze regel begint {levels} lagen diep (inspringing van 4 spaties, '>' of lijsttekens als '-' en '1.'); "
                f"de site kan hooguit {MAX_NESTING} lagen opmaken. Haal de spaties en tekens aan het begin van de regel weg.",
            )
        position += len(line) + 1
    return None


def _html_too_deep(tekst: str) -> tuple[int, str, str] | None:
    """HTML elements left open inside each other, counted over the whole text: blank lines do not close them."""
    depth = 0
    for tag in _HTML_TAG_RE.finditer(tekst):
        if tag[2].lower() in _VOID_TAGS or tag[3]:
            continue
        depth = max(depth - 1, 0) if tag[1] else depth + 1
        if depth > MAX_HTML_DEPTH:
            return (
                tag.start(),
                "tekst-te-diep",
                f"hier staan meer dan {MAX_HTML_DEPTH} HTML-codes (zoals <div>) in elkaar die niet gesloten worden; zo kan de site de tekst "
                "niet veilig opmaken. Een brief heeft geen HTML nodig: haal de codes weg, of sluit elke code (</div>).",
            )
    return None


def _too_costly(tekst: str, blocks: list[Block]) -> tuple[int, str, str] | None:
    """Where the most work is, if all of it together is more than MAX_WORK."""
    work = [(_block_work(block.tekst), block.start) for block in blocks]
    work += [(run[0].count("<") * len(run[0]) // TAG_SHARE, run.start()) for run in _TAG_RUN_RE.finditer(tekst)]
    if sum(amount for amount, _ in work) <= MAX_WORK:
        return None
    return (
        max(work)[1],
        "tekst-te-ingewikkeld",
        "de tekst is vanaf deze regel te ingewikkeld om op te maken: er staan zoveel haken '[' en '(' of tekens '<' die niet "
        "(of pas veel later) gesloten worden, zoveel opmaak (zoals * en _) in één alinea, of zoveel lijsten in lijsten, "
        "dat de site er te lang over zou doen. Sluit elke haak, haal overbodige tekens en inspringingen weg, of zet lege regels "
        "tussen de alinea's; een los teken schrijft u als '\\[' of '\\<'.",
    )


def _number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _line_of(tekst: str, position: int) -> int:
    return tekst.count("\n", 0, position)


def _blocks(tekst: str) -> Iterator[Block]:
    start = 0
    for blank in _BLANK_LINE_RE.finditer(tekst):
        if tekst[start : blank.start()].strip():
            yield Block(start, tekst[start : blank.start()])
        start = blank.end()
    if tekst[start:].strip():
        yield Block(start, tekst[start:])


def _levels(line: str) -> int:
    """How deep a line starts: each '>' and list marker is a level, and so are 4 spaces of indentation."""
    start = _LINE_START_RE.match(line)
    if start is None:
        return 0
    prefix = start[0]
    markers = len(_MARKER_RE.findall(prefix))
    spaces = len(_MARKER_RE.sub("", prefix).replace("\t", "    ")) - markers  # one space after each marker only separates it
    return markers + max(spaces, 0) // 4


def _block_work(block: str) -> int:
    """Bracket matching in the block, copying it for each piece of inline markup, and its nesting."""
    work = LEVEL_WORK * sum(_levels(line) for line in block.split("\n"))
    work += len(_INLINE_MARKUP_RE.findall(block)) * len(block) // COPY_SHARE
    if "[" in block:
        work += _pair_work(block, _SQUARE_RE, "[", None) + _pair_work(block, _ROUND_RE, "(", "]")
    return work


def _pair_work(block: str, pattern: re.Pattern[str], opening: str, after: str | None) -> int:
    """Characters read from each `opening` (only those right after `after`, if given) to its partner, or to the end."""
    work = 0
    open_at: list[tuple[int, bool]] = []
    for match in pattern.finditer(block):
        position = match.start()
        if match[0] == opening:
            open_at.append((position, after is None or block[position - 1 : position] == after))
        elif open_at:
            start, counts = open_at.pop()
            work += position - start if counts else 0
    return work + sum(len(block) - start for start, counts in open_at if counts)
