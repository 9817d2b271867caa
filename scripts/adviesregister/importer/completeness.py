"""Whether the letter's text is whole: a letter ends with a closing ('Met vriendelijke groet') or a signature.

A text without either was often cut off: a web copy that stops before the signature, a PDF of which a page is
missing, a copy that ends after a list. That is said to a person, who checks the original; it does not make the text
'geen brief' (kind.py decides that) and changes no field.
"""

from __future__ import annotations

import re

from adviesregister.importer.findings import Letter
from adviesregister.importer.rules import rules
from adviesregister.importer.source import Source

_LIST_ITEM_RE = re.compile(r"^([-•*▪\u2013]|\d{1,2}[.)]|[a-h][.)])\s")
_FINISHED = (".", "!", "?", '"', "'", "\u201d", "\u2019", ")")
SIGNATURE_LINES = 6
"""A signature without a closing ('De voorzitter', 'Namens de adviesraad') stands among the last lines."""


def read_completeness(source: Source, letter: Letter) -> None:
    """A decision for a person when an advice, a response or a letter of unknown kind ends without closing or signature."""
    if letter.geen_brief is not None or letter.value("soort") == "stuk" or source.layout is not None:
        return
    if source.closing is not None:
        return
    lines = [(index, line.strip()) for index, line in enumerate(source.lines) if index >= source.body_start and line.strip()]
    if not lines:
        return
    if any(_signs(line) for _, line in lines[-SIGNATURE_LINES:]):
        return
    line_number, last = lines[-1][0] + 1, lines[-1][1]
    letter.beslissingen.add(
        "tekst",
        "tekst-afgebroken",
        "de tekst lijkt afgebroken: er staat geen afsluiting of ondertekening in; controleer of de hele brief er is. "
        f"De tekst eindigt {_how_it_ends(last)} (regel {line_number}: '{_short(last)}').",
        line_number,
    )


def _signs(line: str) -> bool:
    """A line of a signature: a function ('De voorzitter', 'secretaris') or 'namens …'."""
    words = line.lower().removeprefix("de ").removeprefix("het ")
    return bool(rules().functies.match(words)) or words.startswith("namens ")


def _how_it_ends(last: str) -> str:
    if _LIST_ITEM_RE.match(last):
        return "na een opsomming"
    if not last.endswith(_FINISHED):
        return "midden in een zin"
    return "zonder groet of naam"


def _short(line: str) -> str:
    return line if len(line) <= 80 else line[:77] + "…"
