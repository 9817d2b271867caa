"""Reference data shipped with the code (package data from the top-level data/ folder): the Dutch municipalities and their CBS codes."""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib.resources import files

MUNICIPALITIES_FILE = "gemeenten-cbs-2023.csv"


@cache
def cbs_municipalities() -> dict[str, str]:
    """CBS code (GM0141) → name (Almelo), for the 342 municipalities of 2023."""
    text = files("adviesregister.data").joinpath(MUNICIPALITIES_FILE).read_text(encoding="utf-8")
    return {row["code"]: row["naam"] for row in csv.DictReader(io.StringIO(text, newline=""))}
