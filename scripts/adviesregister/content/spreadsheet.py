"""Cells a spreadsheet opens: text it would take for a formula is guarded (OWASP CSV injection), one rule for every
CSV the archive writes (the open data's Excel CSV and workbook, the import's table;
the open data's RFC 4180 CSVs are for programs and keep every value as it is) and for reading one back."""

from __future__ import annotations

from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""The first characters that make a spreadsheet read a cell as a formula."""

GUARD = "'"
"""What goes before such a text: the spreadsheet shows it as text."""


def spreadsheet_safe(value: Any) -> Any:
    """Text that a spreadsheet would take for a formula gets a leading apostrophe (OWASP CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return GUARD + value
    return value


def unguarded(text: str) -> str:
    """A cell read back from such a CSV: the guard's apostrophe removed where `spreadsheet_safe` put it."""
    if text.startswith(GUARD) and text[1:].startswith(FORMULA_START):
        return text[1:]
    return text
