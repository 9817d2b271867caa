from __future__ import annotations

import pytest

from adviesregister.content.parse import ParseError, field_line, parse_document, parse_yaml


def test_every_field_keeps_its_file_line() -> None:
    raw = b"---\nid: x\nkenmerken:\n  ons_kenmerk: UIT 1\nreactie_op:\n  - a\n  - b\n---\n\nTekst\n"
    parsed = parse_document(raw)
    regels = parsed.gegevens.regels
    assert regels["id"] == 2
    assert regels["kenmerken.ons_kenmerk"] == 4
    assert regels["reactie_op.1"] == 7
    assert parsed.tekst == "Tekst\n"
    assert parsed.tekst_regel == 10


def test_blank_lines_after_the_opening_do_not_shift_lines() -> None:
    parsed = parse_document(b"---\n\n\nid: x\n---\nTekst\n")
    assert parsed.gegevens.regels["id"] == 4
    assert parsed.tekst_regel == 6


def test_dates_stay_text_and_a_bom_is_ignored() -> None:
    parsed = parse_document("\ufeff---\ndatum: 2023-01-23\n---\n".encode())
    assert parsed.gegevens.data["datum"] == "2023-01-23"
    assert parsed.tekst == ""


def test_impossible_unquoted_date_does_not_crash_the_parser() -> None:
    assert parse_yaml("datum: 2023-02-30\n").data == {"datum": "2023-02-30"}


def test_duplicate_keys_are_refused() -> None:
    with pytest.raises(ParseError) as raised:
        parse_yaml("a: 1\nb: 2\na: 3\n", eerste_regel=2)
    assert (raised.value.code, raised.value.regel) == ("dubbel-veld", 4)


def test_python_tags_are_never_constructed() -> None:
    with pytest.raises(ParseError) as raised:
        parse_yaml("a: !!python/object/apply:os.system ['true']\n")
    assert raised.value.code == "yaml-tag"


def test_field_line_falls_back_to_the_nearest_parent() -> None:
    regels = {"bron": 5, "bron.sha256": 7}
    assert field_line(regels, ["bron", "sha256"]) == 7
    assert field_line(regels, ["bron", "bestand"]) == 5
    assert field_line(regels, ["titel"]) == 1
