"""The archive's own councils (gemeenten.yml: naam and afkortingen) tell the importer which gemeente a letter is from,
when the letter names no municipality the CBS knows; and a new gemeente's message is the command that adds it."""

from __future__ import annotations

import json
import shlex
import shutil
from pathlib import Path
from typing import Any

from adviesregister.content.gemeenten_schrijven import add_gemeente

from helpers import ROOT, run_cli

LETTER = """ASD
Postbus 1
1000 AA

Aan het college van burgemeester en wethouders

Datum 3 april 2024
Onderwerp Advies over de mantelzorg

Geacht college,

De ASD adviseert u om mantelzorgers beter te ondersteunen met respijtzorg.

Met vriendelijke groet,

Voorzitter van de ASD
"""


def archive(tmp_path: Path, *gemeenten: tuple[str, str, tuple[str, ...]]) -> Path:
    root = tmp_path / "archief"
    shutil.copytree(ROOT / "tests" / "slechte_invoer" / "_basis" / "content" / "paginas", root / "content" / "paginas")
    for naam, raad, afkortingen in gemeenten:
        add_gemeente(root / "content" / "gemeenten.yml", naam, raad, afkortingen)
    return root


def imported(root: Path, letter: Path) -> dict[str, Any]:
    result = run_cli(["import", "--root", root, "--dry-run", "--json", letter])
    assert result.exit_code == 0, result.output
    record: dict[str, Any] = json.loads(result.output)[0][0]
    return record


def test_a_councils_abbreviation_names_the_gemeente(tmp_path: Path) -> None:
    root = archive(tmp_path, ("Almelo", "Adviesraad sociaal domein Almelo", ()), ("Oss", "Adviesraad Sociaal Domein Oss", ("ASD",)))
    letter = tmp_path / "advies.txt"
    letter.write_text(LETTER, encoding="utf-8")
    record = imported(root, letter)
    assert record["gemeente"] == "oss"
    assert not any(item.startswith("gemeente:") for item in record["beslissingen"])
    assert (record["van"], record["soort"]) == ("Adviesraad Sociaal Domein Oss", "advies")  # the sender recognised, and spelled as gemeenten.yml does


def test_a_councils_name_in_any_case_names_the_gemeente(tmp_path: Path) -> None:
    root = archive(tmp_path, ("Oss", "Adviesraad Sociaal Domein Oss", ()), ("Almelo", "Adviesraad sociaal domein Almelo", ()))
    letter = tmp_path / "advies.txt"
    letter.write_text(LETTER.replace("ASD", "Adviesraad sociaal domein oss"), encoding="utf-8")
    record = imported(root, letter)
    assert (record["gemeente"], record["van"], record["soort"]) == ("oss", "Adviesraad Sociaal Domein Oss", "advies")


def test_without_the_archives_councils_an_abbreviation_is_no_sender(tmp_path: Path) -> None:
    root = archive(tmp_path, ("Oss", "Adviesraad Sociaal Domein Oss", ()))
    letter = tmp_path / "advies.txt"
    letter.write_text(LETTER, encoding="utf-8")
    record = imported(root, letter)
    assert "van" not in record and "gemeente" not in record


def test_one_abbreviation_of_two_gemeenten_names_neither(tmp_path: Path) -> None:
    root = archive(tmp_path, ("Almelo", "Adviesraad sociaal domein Almelo", ("ASD",)), ("Oss", "Adviesraad Sociaal Domein Oss", ("ASD",)))
    letter = tmp_path / "advies.txt"
    letter.write_text(LETTER, encoding="utf-8")
    record = imported(root, letter)
    assert "gemeente" not in record
    assert any(item.startswith("gemeente: de brief noemt geen gemeente die we kennen.") for item in record["beslissingen"])


def test_a_new_gemeente_with_an_apostrophe_gets_the_command_that_adds_it(tmp_path: Path) -> None:
    root = archive(tmp_path, ("Oss", "Adviesraad Sociaal Domein Oss", ()))
    letter = tmp_path / "advies.txt"
    letter.write_text(LETTER.replace("Aan het college", "Aan het college van de gemeente 's-Hertogenbosch").replace("ASD", "Adviesraad"), encoding="utf-8")
    record = imported(root, letter)
    assert record["gemeente"] == "s-hertogenbosch"
    message = next(item for item in record["beslissingen"] if item.startswith("gemeente:"))
    command = message.split("Voeg haar toe met: ", 1)[1]
    assert command == 'adviesregister gemeente toevoegen "\'s-Hertogenbosch" --adviesraad "Naam van de adviesraad"'
    added = run_cli([*shlex.split(command)[1:], "--root", root])
    assert added.exit_code == 0, added.output
    assert imported(root, letter)["gemeente"] == "s-hertogenbosch"
    assert not any(item.startswith("gemeente:") for item in imported(root, letter)["beslissingen"])
