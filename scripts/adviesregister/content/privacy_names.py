"""Names of civil servants and residents in a letter, found by rules (privacy.py uses them with its other detectors).

Two rules, both on the whole text:
- a contact label ('Behandeld door', 'Contactpersoon', 'Inlichtingen bij', 'Contact:', …) and the name after it, on
  the same line, on the next line, or (in a header table whose row holds only labels) anywhere in the next row;
- a title (mevrouw, mevr., mw., de heer, dhr., meneer) and the capitalised name after it, in running text. The title
  stays, only the name is found: 'de heer [naam verwijderd] van team Jeugd'.

A name with a public role stays: the role right before the title ('wethouder mevrouw De Vries', 'de voorzitter van
de adviesraad, de heer P. Jansen') or right after the name ('mevrouw De Vries, wethouder'), and names signed under a
line that holds only roles ('de secretaris, de burgemeester,'). Names without a title or label ('Klaas Jongejan,
voorzitter', a researcher named in the text) are not found: a language model (deduce) was measured and left out, see
benchmarks/bench_privacy.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_UPPER = "A-Z" + "".join(char for char in map(chr, range(0xC0, 0x250)) if char.isupper())
_LETTER = r"[^\W\d_]"

ROLES = (
    "voorzitter|vicevoorzitter|vice-voorzitter|secretaris|gemeentesecretaris|burgemeester|loco-burgemeester|locoburgemeester"
    "|wethouder|portefeuillehouder|raadslid|griffier|minister|staatssecretaris"
)
"""Public roles: a name with one of these stays. Only one person's role: 'burgemeester en wethouders van Almelo, mw. T. Hendriksen'
names a civil servant who writes for the college."""
_PARTICLES = r"van|de|der|den|het|'t|\u2019t|ten|ter|te|el|al|da|di|du|le|la|von|ben|bin|ibn|abu"
_WORD = rf"[{_UPPER}](?:{_LETTER}|['\u2019](?={_LETTER}))+(?:-(?:(?i:{_PARTICLES})[ ]+)*[{_UPPER}]{_LETTER}+)*"
"""A capitalised word, also O'Brien, Wijk-Jongedijk or Jansen-van der Berg."""
_ORGANISATIONS = (
    "adviesraad|gemeente|gemeenteraad|raad|college|team|afdeling|sector|wijkteam|secretariaat|griffie|commissie|stichting"
    "|ministerie|provincie|cliëntenraad|clientenraad|participatieraad|servicepunt|klantcontactcentrum|rekenkamer|ggd|politie"
)
_LABEL_WORDS = (
    "datum|zaaknummer|onderwerp|kenmerk|bijlage|bijlagen|bijlage\\(n\\)|doorkiesnummer|telefoon|telefoonnummer|e-mail|email"
    "|postadres|bezoekadres|betreft|verzonden|uw|ons|behandeld|contactpersoon|inlichtingen"
)
_NAME_WORD = rf"(?!(?i:{ROLES}|{_PARTICLES}|{_ORGANISATIONS}|{_LABEL_WORDS})(?!{_LETTER})){_WORD}"
_INITIALS = rf"(?:[{_UPPER}][a-z]{{0,2}}\.[ ]?)+"
_NAME = rf"(?:{_INITIALS}[ ]*|(?:{_NAME_WORD}[ ]+){{1,2}})?(?:(?i:{_PARTICLES})[ ]+){{0,3}}{_NAME_WORD}"
_TITLE = r"(?i:mevrouw|mevr\.|mw\.|mw|de[ ]+heer|heer|dhr\.|dhr|meneer|hr\.|drs\.|dr\.|mr\.|ir\.|ing\.|prof\.)"
_VALUE = rf"(?:{_TITLE}[ ]*)*{_NAME}(?:(?:[ ]*(?:,|&|/|\ben\b)[ ]*|[ ]+)(?:{_TITLE}[ ]*)*{_NAME})*"

_TITLED_NAME_RE = re.compile(
    rf"(?<![\w.])(?i:mevrouw|mevr\.|mw\.|mw|de[ ]+heer|geachte[ ]+heer|dhr\.|dhr|meneer|hr\.)(?:[ ]+|[ ]*\n(?:[ ]*\n)?[ ]*)(?:(?i:drs\.|dr\.|mr\.|ir\.|ing\.|prof\.)[ ]*)*(?P<name>{_NAME})"
)
_NAME_LABEL_RE = re.compile(
    r"(?<!\w)(?P<label>(?i:behandeld[ ]+door|contactpersonen|contactpersoon|contact[ ]+persoon|ambtelijk[ ]+contactpersoon|inlichtingen[ ]+bij"
    r"|inlichtingen|informatie[ ]+bij|behandelaar|t\.a\.v\.|t\.n\.v\.|contact(?=[ \t]*:)))(?!\w)[ \t]*[:|*_\u2013-]*[ \t]*"
)
_VALUE_RE = re.compile(_VALUE)
_ROW_NAME_RE = re.compile(rf"(?:{_TITLE}[ ]*)+{_NAME}|{_INITIALS}[ ]*(?:(?i:{_PARTICLES})[ ]+){{0,3}}{_NAME_WORD}")
_ONLY_LABELS_RE = re.compile(rf"^(?:[ \t:|*_\u2013-]*(?i:{_LABEL_WORDS}|brief|door|doorkies|contact)(?!{_LETTER}))*[ \t:|*_\u2013-]*$")
_NAME_ENDS_LINE_RE = re.compile(
    rf"[ \t]*(?:$|[,(\t;|/]|[ ]+[-\u2013(])"
    rf"|[ \t]+(?=[+\d]|(?i:{_ORGANISATIONS}|{_LABEL_WORDS}|tel|t|e|mail|mob|mobiel|beleids{_LETTER}*|{_LETTER}*(?:medewerker|adviseur|ondersteuner|consulent))(?!{_LETTER}))"
)
"""What may follow a name on the line under a contact label: nothing, punctuation, a phone number, or a department or job."""

_ROLE_BEFORE_RE = re.compile(rf"(?i:\b(?:{ROLES}))(?:[ ]+a\.i\.)?(?:[ ]+(?:van|der|de|het)(?:[ ]+[\w-]+){{1,4}})?[ ]*,?[ ]*$")
_ROLE_AFTER_RE = re.compile(rf"[ ]*(?:,|\(|\u2013|-)[ ]*(?i:(?:de|het|onze|uw)[ ]+)?(?i:{ROLES})\b")
_ROLE_LINE_RE = re.compile(rf"^(?:[ ]*(?i:(?:de|het)[ ]+)?(?i:{ROLES})(?:[ ]+(?:a\.i\.|van|de|der|het|[{_UPPER}][\w-]*)){{0,5}}[ ]*,?[ ]*)+$")

_SIGNATURE_RE = re.compile(rf"{_VALUE}(?:[ \t,]+{_VALUE})*")
_ROW_LENGTH = 300
"""Characters: a header row of labels is never longer."""

Span = tuple[int, int, str | None]
"""start, end, and the contact label it was found under."""


def find_names(text: str) -> Iterator[Span]:
    """The names of civil servants and residents in `text`: (start, end, contact label or None)."""
    yield from _labelled_names(text)
    for match in _TITLED_NAME_RE.finditer(text):
        if not _has_public_role(text, match.start(), match.end("name")) and not _is_signature(text, match.start(), match.end("name")):
            yield match.start("name"), match.end("name"), None


def _labelled_names(text: str) -> Iterator[Span]:
    for match in _NAME_LABEL_RE.finditer(text):
        label = " ".join(match["label"].split())
        label = label[0].upper() + label[1:]
        line_end = _line_end(text, match.end())
        if text.startswith("|", text.rfind("\n", 0, match.start()) + 1):  # a row of a Markdown table
            yield from _table_names(text, match, line_end, label)
            continue
        rest = text[match.end() : line_end] if line_end - match.end() <= _ROW_LENGTH else "\u2026"  # a long line is no header row
        value = _VALUE_RE.match(text, match.end(), line_end)
        if value:
            if not _has_public_role(text, match.start(), value.end()):
                yield value.start(), value.end(), label
        elif not rest.strip():
            yield from _name_on_next_line(text, line_end, label)
        elif _ONLY_LABELS_RE.match(rest):
            row_start = _next_filled_line(text, line_end)
            if row_start is not None:
                row_end = _line_end(text, row_start)
                yield from ((found.start(), found.end(), label) for found in _ROW_NAME_RE.finditer(text, row_start, row_end))


_TABLE_RULE_RE = re.compile(r"^[ \t]*\|[ \t|:\-]*$")


def _table_names(text: str, match: re.Match[str], line_end: int, label: str) -> Iterator[Span]:
    """A label in a cell of a Markdown table: the name after it in that cell, or else the names in its column below."""
    cell_end = text.find("|", match.start(), line_end)
    cell_end = line_end if cell_end == -1 else cell_end
    value = _VALUE_RE.match(text, match.end(), cell_end) if match.end() <= cell_end else None
    if value is None and cell_end < line_end:  # '| Behandeld door | J. Jansen |': the name in the next cell
        next_end = text.find("|", cell_end + 1, line_end)
        value = _cell_name(text, cell_end + 1, line_end if next_end == -1 else next_end)
    if value is None:
        yield from _name_in_table_column(text, match.start(), line_end, label)
    elif not _has_public_role(text, match.start(), value.end()):
        yield value.start(), value.end(), label


def _cell_name(text: str, start: int, end: int) -> re.Match[str] | None:
    """A name that fills the table cell from `start` to `end` (spaces around it), or None."""
    value = _VALUE_RE.search(text, start, end)
    return value if value and not text[start : value.start()].strip() and not text[value.end() : end].strip() else None


def _name_in_table_column(text: str, label_start: int, line_end: int, label: str) -> Iterator[Span]:
    """A label heading a column of a Markdown table ('| Contactpersoon | Telefoon |'): the names in that column of the
    rows below it, up to the first line that is no row."""
    line_start = text.rfind("\n", 0, label_start) + 1
    column = text.count("|", line_start, label_start)
    position = line_end + 1
    while position < len(text):
        end = _line_end(text, position)
        row = text[position:end]
        if row.strip() and not row.lstrip().startswith("|"):
            return
        if row.strip() and not _TABLE_RULE_RE.match(row):  # a blank line between rows (a letter's lines as paragraphs) goes on
            following = _next_filled_line(text, end)
            if following is not None and _TABLE_RULE_RE.match(text[following : _line_end(text, following)]):
                return  # the heading of the next table
            bars = [index for index, char in enumerate(row) if char == "|"]
            if column < len(bars):
                cell_start = position + bars[column - 1] + 1
                cell_end = position + bars[column] if column < len(bars) else end
                value = _cell_name(text, cell_start, cell_end)
                if value and not _has_public_role(text, cell_start, value.end()):
                    yield value.start(), value.end(), label
        position = end + 1


def _name_on_next_line(text: str, line_end: int, label: str) -> Iterator[Span]:
    """'Inlichtingen bij' alone on its line: the next line that holds text, if it is a name (and maybe a comma or team)."""
    start = _next_filled_line(text, line_end)
    if start is None:
        return
    while start < len(text) and text[start] in " \t*_|-\u2013":
        start += 1
    end = _line_end(text, start)
    value = _VALUE_RE.match(text, start, end)
    if value and _NAME_ENDS_LINE_RE.match(text, value.end(), end):
        yield value.start(), value.end(), label


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end == -1 else end


def _next_filled_line(text: str, line_end: int, within: int = 2) -> int | None:
    """The start of the first line after `line_end` that holds text, looking at most `within` lines ahead."""
    position = line_end + 1
    for _ in range(within):
        if position >= len(text):
            return None
        end = _line_end(text, position)
        if text[position:end].strip():
            return position
        position = end + 1
    return None


def _has_public_role(text: str, start: int, end: int) -> bool:
    """A role right before the title (or label) or right after the name."""
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_ROLE_BEFORE_RE.search(text, max(line_start, start - 80), start) or _ROLE_AFTER_RE.match(text, end, _line_end(text, end)))


def _is_signature(text: str, start: int, end: int) -> bool:
    """A line of nothing but names, under (or above) a line of nothing but roles: 'de secretaris, de burgemeester,'."""
    line_start, line_end = text.rfind("\n", 0, start) + 1, _line_end(text, end)
    if line_end - line_start > _ROW_LENGTH or not _SIGNATURE_RE.fullmatch(text[line_start:line_end].strip(" \t,")):
        return False
    below = _next_filled_line(text, line_end)
    lines = [*_filled_lines_above(text, line_start), text[below : _line_end(text, below)] if below is not None else ""]
    return any(_ROLE_LINE_RE.match(line) for line in lines)


def _filled_lines_above(text: str, line_start: int, count: int = 2, within: int = 4) -> list[str]:
    """The last `count` lines before `line_start` that hold text, looking at most `within` lines back."""
    found: list[str] = []
    end = line_start - 1
    for _ in range(within):
        if end < 0 or len(found) == count:
            break
        start = text.rfind("\n", 0, end) + 1
        if text[start:end].strip():
            found.append(text[start:end])
        end = start - 1
    return found
