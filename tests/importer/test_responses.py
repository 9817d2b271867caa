"""A college's response: the date of the advice it answers, the advice record without text it makes, and its verdict."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from adviesregister.content.load import load_archive
from adviesregister.importer.letter_import import import_letter

from accuracy import empty_project, labelled_letters
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
    assert advies["samenvatting"] == "Ongevraagd advies over de mantelzorgwaardering van de Adviesraad Sociaal Domein Almelo."
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


@pytest.mark.parametrize(
    "asked",
    ["Op 28 juli 2026 vroeg u ons om advies over de mantelzorgwaardering.", "Op 28 juli 2026 heeft u ons om advies gevraagd over de mantelzorgwaardering."],
)
def test_an_advice_that_says_it_was_asked_for_is_gevraagd(tmp_path: Path, asked: str) -> None:
    advice = """Adviesraad Sociaal Domein Almelo

Aan het college van burgemeester en wethouders van Almelo

Almelo, 14 september 2026
Onderwerp: Advies over de mantelzorgwaardering

Geacht college,

{asked} Wij adviseren u de waardering ook aan
jonge mantelzorgers te geven.

Met vriendelijke groet,

Adviesraad Sociaal Domein Almelo
"""
    (advies,) = imported(tmp_path, advice.format(asked=asked))
    assert advies["soort"] == "advies"
    assert advies["adviestype"] == "gevraagd"


OPENING = "Op 14 september 2026 ontvingen wij uw advies."
POINTS = """Hieronder reageren wij per advies.

Advies 1
Geef de waardering ook aan jonge mantelzorgers.
Reactie
{een}

Advies 2
Verhoog het bedrag naar 150 euro.
Reactie
{twee}"""


@pytest.mark.parametrize(
    ("verdict", "besluit", "citaat"),
    [
        (
            "Uw advies nemen wij gedeeltelijk over. " + POINTS.format(een="Wij nemen dit over.", twee="Dit advies nemen wij niet over."),
            "deels overgenomen",
            "Uw advies nemen wij gedeeltelijk over.",
        ),
        (
            POINTS.format(een="Wij nemen dit over.", twee="Dit advies nemen wij niet over."),
            "deels overgenomen",
            "Dit advies nemen wij niet over.",
        ),
        (
            "Hieronder reageren wij per advies.\n\n- Advies 1: overgenomen.\n- Advies 2: niet overgenomen.\n- Advies 3: overgenomen.",
            "deels overgenomen",
            "Advies 2: niet overgenomen.",
        ),
        (
            "Wij zijn het met u eens. Uw advies is verwerkt in de nieuwe regeling. " + POINTS.format(een="Dit nemen wij over.", twee="Ook dit nemen wij over."),
            "overgenomen",
            "Uw advies is verwerkt in de nieuwe regeling.",
        ),
        ("Wij nemen uw advies over: de waardering gaat niet langer alleen naar volwassen mantelzorgers.", "overgenomen", None),
        (
            "Wij nemen uw advies over. Alleen het tweede punt nemen wij niet over, omdat het budget ontbreekt.",
            "deels overgenomen",
            "Alleen het tweede punt nemen wij niet over, omdat het budget ontbreekt.",
        ),
        ("Uw adviezen worden overgenomen, met uitzondering van advies 2.", "deels overgenomen", None),
        ("Wij nemen uw advies over, maar het bedrag kunnen wij niet verhogen.", "deels overgenomen", None),
        ("Wij hebben kennisgenomen van uw advies.", "kennisgenomen", None),
        ("Uw advies nernen wij gedeeltelijk over.", "deels overgenomen", None),  # text recognition read 'm' as 'rn'
        ("Uw advies hebben wij overgenomen.", "overgenomen", None),
        ("Het college heeft besloten uw advies over te nemen.", "overgenomen", None),
        ("Het college heeft besloten uw advies niet over te nemen.", "niet overgenomen", None),
        ("Wij hebben besloten uw advies gedeeltelijk over te nemen.", "deels overgenomen", None),
        ("Wij nemen uw adviezen integraal over.", "overgenomen", None),
        ("Wij hebben uw advies voor kennisgeving aangenomen.", "kennisgenomen", None),
        ("Wij nernen uw advies niet over, orndat a1le rniddelen op zijn.", "niet overgenomen", None),
    ],
)
def test_the_verdict_and_its_quote_are_the_overall_ones(tmp_path: Path, verdict: str, besluit: str, citaat: str | None) -> None:
    reactie = imported(tmp_path, response(OPENING, verdict))[0]
    assert reactie["besluit"] == besluit
    assert reactie["besluit_citaat"] == (citaat or verdict)


def test_taking_note_before_a_decision_the_phrases_do_not_know_is_no_verdict(tmp_path: Path) -> None:
    verdict = "Wij hebben kennisgenomen van uw advies. Het college heeft besloten de regeling ongewijzigd vast te stellen."
    reactie = imported(tmp_path, response(OPENING, verdict))[0]
    assert "besluit" not in reactie


def test_the_quote_of_every_labelled_response_is_its_verdict_sentence(tmp_path: Path) -> None:
    """The labels of tests/brieven/ name the sentence with the overall verdict (besluit_zin): the quote holds it, where
    the letter writes it as the label does (an OCR-damaged letter is quoted as it reads, 'nernen')."""
    project = empty_project(tmp_path)
    archive, _ = load_archive(project)
    checked = []
    for name, path, label in labelled_letters():
        zin = " ".join(str(label.get("besluit_zin")).split())
        if label.get("besluit_zin") and name.endswith(".txt") and zin in " ".join(path.read_text(encoding="utf-8").split()):
            gegevens = import_letter(project, archive, path).records[0].front_matter
            checked.append((name, zin in " ".join(str(gegevens.get("besluit_citaat")).split())))
    assert len(checked) >= 20
    assert [name for name, right in checked if not right] == []


@pytest.mark.parametrize(
    "adres",
    [
        "Aan: Adviesraad Sociaal Domein Almelo, Grotestraat 174, 7607 CZ Almelo",
        "Aan\nAdviesraad Sociaal Domein Almelo\nDe heer P. Verhoef\nGrotestraat 174\n7607 CZ  ALMELO",
    ],
)
def test_the_postal_address_is_no_part_of_the_addressee(tmp_path: Path, adres: str) -> None:
    text = "\n".join(["Gemeente Almelo", "", adres, "", "Datum: 3 november 2026", "Onderwerp: Reactie op uw advies", "", *response(OPENING).split("\n")[9:]])
    reactie = imported(tmp_path, text)[0]
    assert reactie["aan"] == "Adviesraad Sociaal Domein Almelo"


def test_a_date_on_which_something_else_was_received_is_not_the_advices(tmp_path: Path) -> None:
    opening = "Wij ontvingen op 14 september 2026 uw uitnodiging voor een gesprek over het advies."
    records = imported(tmp_path, response(opening))
    assert len(records) == 1
    assert "reactie_op" not in records[0]


def test_an_advice_the_college_did_not_ask_for_is_not_gevraagd(tmp_path: Path) -> None:
    opening = "Wij hebben u niet om advies gevraagd. Op 14 september 2026 ontvingen wij uw advies."
    _, advies = imported(tmp_path, response(opening).replace("ongevraagde ", ""))
    assert "adviestype" not in advies
