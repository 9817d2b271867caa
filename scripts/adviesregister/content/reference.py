"""Reference data shipped with the code: the Dutch municipalities and their CBS codes."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[3] / "data"
MUNICIPALITIES_FILE = DATA_DIR / "gemeenten-cbs-2023.csv"


@cache
def cbs_municipalities() -> dict[str, str]:
    """CBS code (GM0141) → name (Almelo), for the 342 municipalities of 2023."""
    with MUNICIPALITIES_FILE.open(encoding="utf-8", newline="") as handle:
        return {row["code"]: row["naam"] for row in csv.DictReader(handle)}
