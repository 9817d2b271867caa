"""The export keeps gemeenten.adviesraad (the first council, as before schema 3.2.0) and adds every council in a table."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from adviesregister.content.model import Adviesraad, Gemeente
from adviesregister.opendata.tables import SQLITE_TABLES, write_sqlite

OSS = Gemeente(
    "oss",
    "Oss",
    "GM0828",
    (Adviesraad("Adviesraad Sociaal Domein Oss", ("ASD", "ASDO"), "https://www.asd-oss.nl/", "secretariaat@asd-oss.nl"), Adviesraad("Jongerenraad Oss")),
)


def test_every_council_is_a_row_and_the_first_stays_the_gemeentes_adviesraad(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    write_sqlite(path, [], {"oss": OSS})
    db = sqlite3.connect(path)
    assert db.execute("SELECT slug, adviesraad FROM gemeenten").fetchall() == [("oss", "Adviesraad Sociaal Domein Oss")]
    assert db.execute("SELECT * FROM adviesraden ORDER BY volgnummer").fetchall() == [
        ("oss", 1, "Adviesraad Sociaal Domein Oss", "ASD; ASDO", "https://www.asd-oss.nl/", "secretariaat@asd-oss.nl"),
        ("oss", 2, "Jongerenraad Oss", "", None, None),
    ]
    assert ("gemeente", "gemeenten", "slug") in [(row[3], row[2], row[4]) for row in db.execute("PRAGMA foreign_key_list(adviesraden)")]
    assert "adviesraden" in SQLITE_TABLES
