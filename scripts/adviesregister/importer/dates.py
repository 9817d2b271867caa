"""Dates as Dutch letters write them: '23 januari 2023', '11-07-2023', '18 april', 'mei 2023'."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from babel.dates import get_month_names

from adviesregister.content.model import Datum, DatumError
from adviesregister.importer.ocr_text import date_text
from adviesregister.importer.rules import rules

_NUMERIC_RE = re.compile(r"\b(\d{1,2})[-./](\d{1,2})[-./](\d{4})\b")
_CUT_DAY_RE = re.compile(r"(?:^|\W)\d $")
"""A lone digit and a space before a day ('1 7 april')."""
_ISO_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


@cache
def months() -> dict[str, int]:
    """Dutch month names and abbreviations → number: Babel's ('januari', 'mrt'), and those letters write that Babel
    does not know ('sept': maanden_extra in data/brieven.yml)."""
    names = {name.lower().rstrip("."): number for width in ("wide", "abbreviated") for number, name in get_month_names(width, locale="nl").items()}
    return names | rules().maanden_extra


@cache
def _word_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """'23 januari 2023' and 'mei 2023'."""
    month = "|".join(sorted(months(), key=len, reverse=True))
    return (
        re.compile(rf"\b(\d{{1,2}})\s+({month})\.?(?:\s+(\d{{4}}))?\b", re.IGNORECASE),
        re.compile(rf"\b({month})\s+(\d{{4}})\b", re.IGNORECASE),
    )


@dataclass(frozen=True)
class FoundDate:
    datum: Datum | None
    """None when the text names a day and month but no year, and none was given."""
    text: str
    start: int


def find_dates(text: str, year: int | None = None) -> list[FoundDate]:
    """Every date in `text`, in order. A day and month without a year take `year` when given. In an OCR-damaged text
    the dates are read from repaired numbers ('2O25'), each found date still as `text` writes it."""
    original = text
    text, where = date_text(text, months())
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []  # sorted, not overlapping: a date found by an earlier pattern is not found again
    words, month_year = _word_patterns()
    for pattern in (_ISO_RE, _NUMERIC_RE, words, month_year):
        for match in pattern.finditer(text):
            place = bisect.bisect_left(taken, (match.start(), match.end()))
            neighbours = taken[max(place - 1, 0) : place + 1]
            if any(start < match.end() and match.start() < end for start, end in neighbours):
                continue
            taken.insert(place, (match.start(), match.end()))
            if pattern is words and _CUT_DAY_RE.search(text[max(match.start() - 3, 0) : match.start()]):
                continue  # '1 7 april': a day cut in two, not the 7th (repaired only in an OCR text, see date_text)
            try:
                datum = _to_datum(pattern, match, year)
            except DatumError:  # looks like a date but cannot exist: not a date at all
                continue
            if where is None:
                found.append(FoundDate(datum, match[0], match.start()))
            else:
                start, end = where[match.start()], where[match.end() - 1] + 1
                found.append(FoundDate(datum, original[start:end], start))
    return sorted(found, key=lambda f: f.start)


def parse_dutch_date(text: str, year: int | None = None) -> Datum | None:
    """The first date in `text`, or None."""
    for found in find_dates(text, year):
        if found.datum is not None:
            return found.datum
    return None


def _to_datum(pattern: re.Pattern[str], match: re.Match[str], year: int | None) -> Datum | None:
    """The date a match means; raises DatumError for one that cannot exist."""
    if pattern is _ISO_RE:
        return Datum.parse(match[0])
    if pattern is _NUMERIC_RE:
        return Datum.parse(f"{int(match[3]):04d}-{int(match[2]):02d}-{int(match[1]):02d}")
    if pattern is _word_patterns()[0]:
        jaar = int(match[3]) if match[3] else year
        if jaar is None:
            return None
        return Datum.parse(f"{jaar:04d}-{months()[match[2].lower()]:02d}-{int(match[1]):02d}")
    return Datum.parse(f"{int(match[2]):04d}-{months()[match[1].lower()]:02d}")
