"""The gemeente of a letter: the council's own name beats a town counted in the names of regional bodies."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from helpers import ARCHIEF, run_cli

REGIONAL_TRAP = """Advies over de inkoop van hulp bij het huishouden

Wij adviseren u de nieuwe contracten van de regio niet zonder meer over te nemen. De contracten
van Inkoop West-Brabant Breda gelden vanaf 1 januari 2027. Regio Breda verwacht dat de tarieven
stijgen. Het Werkplein Breda helpt inwoners die een indicatie willen aanvragen. Ook de GGD West-Brabant
is betrokken.

De ASD Zundert vraagt u om de inwoners tijdig te informeren over de nieuwe aanbieders.
"""
"""A web copy without signature: Breda is named four times, every time in a regional body's name; the council once."""


def imported(tmp_path: Path, text: str) -> dict[str, Any]:
    """The first record of an import (--dry-run --json) of `text` into an archive with the fixture's gemeenten."""
    root = tmp_path / "project"
    (root / "content").mkdir(parents=True)
    shutil.copy(ARCHIEF / "gemeenten.yml", root / "content")
    letter = tmp_path / "brief.txt"
    letter.write_text(text, encoding="utf-8")
    result = run_cli(["import", "--root", str(root), "--dry-run", "--json", str(letter)])
    assert result.exit_code == 0, result.output
    found: dict[str, Any] = json.loads(result.output)[0][0]
    return found


def test_a_town_in_regional_bodies_names_does_not_outvote_the_councils_own_name(tmp_path: Path) -> None:
    assert imported(tmp_path, REGIONAL_TRAP)["gemeente"] == "zundert"


def test_regional_bodies_alone_name_no_gemeente(tmp_path: Path) -> None:
    """Without the council's name only the regional bodies name Breda: no gemeente rather than a wrong one."""
    text = REGIONAL_TRAP.replace("De ASD Zundert vraagt", "Wij vragen")
    assert "gemeente" not in imported(tmp_path, text)


@pytest.mark.parametrize(
    ("line", "gemeente"),
    [
        ("Wij vragen het college van burgemeester en wethouders van de gemeente Zundert dit mee te nemen.", "zundert"),
        ("De Cliëntenraad Moerdijk vraagt u dit mee te nemen.", "moerdijk"),
        ("Het Netwerk van Wmo-raden Zundert vraagt u dit mee te nemen.", None),
        ("CLIËNTENRAAD PARTICIPATIEWET ZUNDERT", "zundert"),
        ("De Wmo-raad best tevreden over de uitvoering.", None),
    ],
)
def test_the_councils_or_colleges_own_name_anywhere_in_the_letter(tmp_path: Path, line: str, gemeente: str | None) -> None:
    text = REGIONAL_TRAP.replace("De ASD Zundert vraagt u om de inwoners tijdig te informeren over de nieuwe aanbieders.", line)
    assert imported(tmp_path, text).get("gemeente") == gemeente


def test_a_signed_regional_network_names_no_gemeente(tmp_path: Path) -> None:
    """'Netwerk van Wmo-raden Breda' signs for a region: its town is not the gemeente, even in the signature."""
    text = "Geacht college,\n\nWij adviseren u de reistijd te beperken.\n\nMet vriendelijke groet,\n\nNetwerk van Wmo-raden Breda\n"
    assert "gemeente" not in imported(tmp_path, text)


def test_another_councils_name_in_the_body_against_the_count_abstains(tmp_path: Path) -> None:
    """An unsigned letter of Zundert that mentions the Wmo-raad Breda once: the count and that name disagree."""
    text = (
        "Advies over vervoer in Zundert\n\nWij adviseren u het vervoer in Zundert te verbeteren. Net als de Wmo-raad Breda vragen wij "
        "om een vaste chauffeur. Inwoners van Zundert wachten nu te lang.\n"
    )
    found = imported(tmp_path, text)
    assert "gemeente" not in found
    assert any("Wmo-raad Breda' in de tekst, maar ook Zundert" in item for item in found["beslissingen"])
