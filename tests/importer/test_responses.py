"""A college's response: the date of the advice it answers, the advice record without text it makes, and its verdict."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from helpers import ARCHIEF, run_cli

RESPONSE = """Gemeente Almelo

Adviesraad Sociaal Domein Almelo
Postbus 20
7600 AA  Almelo

Datum	3 november 2026
Onderwerp	Reactie op uw ongevraagde advies over de mantelzorgwaardering

Geachte leden van de adviesraad,

{opening}

{verdict}

Met vriendelijke groet,

Burgemeester en wethouders van Almelo,
"""


def imported(tmp_path: Path, text: str) -> list[dict[str, Any]]:
    """The records of an import (--dry-run --json) of `text` into an archive with the fixture's gemeenten, no documents."""
    root = tmp_path / "project"
    (root / "content").mkdir(parents=True, exist_ok=True)
    shutil.copy(ARCHIEF / "gemeenten.yml", root / "content")
    letter = tmp_path / "brief.txt"
    letter.write_text(text, encoding="utf-8")
    result = run_cli(["import", "--root", str(root), "--dry-run", "--json", str(letter)])
    assert result.exit_code == 0, result.output
    found: list[dict[str, Any]] = json.loads(result.output)[0]
    return found


def response(opening: str, verdict: str = "Wij nemen uw advies over.") -> str:
    return RESPONSE.format(opening=opening, verdict=verdict)


@pytest.mark.parametrize(
    "opening",
    [
        "Op 14 september 2026 ontvingen wij uw ongevraagde advies over de mantelzorgwaardering.",
        "Wij ontvingen op 14 september 2026 uw advies over de mantelzorgwaardering.",
        "Uw advies van 14 september 2026 hebben wij met belangstelling gelezen.",
        "Naar aanleiding van uw advies van 14 september 2026 laten wij u het volgende weten.",
        "In uw brief van 14 september 2026 vraagt u aandacht voor jonge mantelzorgers.",
        "Op 28 juli 2026 hebben wij u om advies gevraagd. Op 14 september 2026 ontvingen wij uw advies.",
    ],
)
def test_the_advice_date_is_read_from_the_response(tmp_path: Path, opening: str) -> None:
    reactie, advies = imported(tmp_path, response(opening))
    assert advies["datum"] == "2026-09-14"
    assert reactie["reactie_op"] == [advies["id"]]
    assert advies["tekst_beschikbaar"] is False


def test_the_date_the_college_asked_for_advice_is_not_the_advices(tmp_path: Path) -> None:
    """'Op 28 juli hebben wij u om advies gevraagd': the request's date; without another date a person links the advice."""
    records = imported(tmp_path, response("Op 28 juli 2026 hebben wij u om advies gevraagd over de mantelzorgwaardering."))
    assert len(records) == 1
    assert "reactie_op" not in records[0]


def test_the_advice_without_text_speaks_of_the_advice_not_to_the_council(tmp_path: Path) -> None:
    """Its title and summary are not the college's second person ('Uw ongevraagde advies', 'U adviseert ons')."""
    opening = "Op 14 september 2026 ontvingen wij uw advies. U adviseert ons de waardering ook aan jonge mantelzorgers te geven."
    _, advies = imported(tmp_path, response(opening))
    assert advies["titel"] == "Ongevraagd advies over de mantelzorgwaardering"
    assert advies["samenvatting"] == (
        "Ongevraagd advies over de mantelzorgwaardering van de Adviesraad Sociaal Domein Almelo. "
        "De tekst van dit advies staat niet in het archief: het is bekend uit de reactie van het college."
    )
    assert not re.search(r"\b(u|uw|ons|wij)\b", advies["titel"] + advies["samenvatting"], re.IGNORECASE)
    assert advies["adviestype"] == "ongevraagd"


@pytest.mark.parametrize(
    ("onderwerp", "titel"),
    [
        ("Reactie op uw advies over de mantelzorgwaardering", "Advies over de mantelzorgwaardering"),
        ("Uw aanvullende advies mantelzorgwaardering", "Aanvullend advies mantelzorgwaardering"),
        ("Antwoord college op het advies inzake mantelzorg", "Advies inzake mantelzorg"),
        ("Reactie op uw brief over de mantelzorgwaardering", "Advies over de mantelzorgwaardering"),
        ("Mantelzorgwaardering 2027", "Mantelzorgwaardering 2027"),
    ],
)
def test_the_advice_title_is_the_responses_subject_without_its_second_person(tmp_path: Path, onderwerp: str, titel: str) -> None:
    text = response("Op 14 september 2026 ontvingen wij uw advies.").replace("Reactie op uw ongevraagde advies over de mantelzorgwaardering", onderwerp)
    _, advies = imported(tmp_path, text)
    assert advies["titel"] == titel


def test_an_advice_the_college_asked_for_is_gevraagd(tmp_path: Path) -> None:
    text = response("Op 28 juli 2026 hebben wij u om advies gevraagd. Op 14 september 2026 ontvingen wij uw advies.")
    _, advies = imported(tmp_path, text.replace("ongevraagde ", ""))
    assert advies["adviestype"] == "gevraagd"


def test_an_advice_that_says_it_was_asked_for_is_gevraagd(tmp_path: Path) -> None:
    advice = """Adviesraad Sociaal Domein Almelo

Aan het college van burgemeester en wethouders van Almelo

Almelo, 14 september 2026
Onderwerp: Advies over de mantelzorgwaardering

Geacht college,

Op 28 juli 2026 vroeg u ons om advies over de mantelzorgwaardering. Wij adviseren u de waardering ook aan
jonge mantelzorgers te geven.

Met vriendelijke groet,

Adviesraad Sociaal Domein Almelo
"""
    (advies,) = imported(tmp_path, advice)
    assert advies["soort"] == "advies"
    assert advies["adviestype"] == "gevraagd"
