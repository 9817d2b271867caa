from __future__ import annotations

import pytest

from adviesregister.content.parse import ParseError, field_line, parse_document, parse_yaml


def test_every_field_keeps_its_file_line() -> None:
    raw = b"---\nid: x\nkenmerken:\n  ons_kenmerk: UIT 1\nreactie_op:\n  - a\n  - b\n---\n\nTekst\n"
    parsed = parse_document(raw)
    regels = parsed.front_matter.lines
    assert regels["id"] == 2
    assert regels["kenmerken.ons_kenmerk"] == 4
    assert regels["reactie_op.1"] == 7
    assert parsed.tekst == "Tekst\n"
    assert parsed.text_line == 10


def test_blank_lines_after_the_opening_do_not_shift_lines() -> None:
    parsed = parse_document(b"---\n\n\nid: x\n---\nTekst\n")
    assert parsed.front_matter.lines["id"] == 4
    assert parsed.text_line == 6


def test_dates_stay_text_and_a_bom_is_ignored() -> None:
    parsed = parse_document("\ufeff---\ndatum: 2023-01-23\n---\n".encode())
    assert parsed.front_matter.data["datum"] == "2023-01-23"
    assert parsed.tekst == ""


def test_impossible_unquoted_date_does_not_crash_the_parser() -> None:
    assert parse_yaml("datum: 2023-02-30\n").data == {"datum": "2023-02-30"}


def test_duplicate_keys_are_refused() -> None:
    with pytest.raises(ParseError) as raised:
        parse_yaml("a: 1\nb: 2\na: 3\n", first_line=2)
    assert (raised.value.code, raised.value.line) == ("dubbel-veld", 4)


def test_python_tags_are_never_constructed() -> None:
    with pytest.raises(ParseError) as raised:
        parse_yaml("a: !!python/object/apply:os.system ['true']\n")
    assert raised.value.code == "yaml-tag"


def test_field_line_falls_back_to_the_nearest_parent() -> None:
    regels = {"bron": 5, "bron.sha256": 7}
    assert field_line(regels, ["bron", "sha256"]) == 7
    assert field_line(regels, ["bron", "bestand"]) == 5
    assert field_line(regels, ["titel"]) == 1


FRONT = "---\nid: x\nsoort: advies\nadviestype: gevraagd\n{line5}\ndatum: 2023-03-01\ngemeente: almelo\nvan: Adviesraad\naan: 't college\nthemas:\n  - zorg\n---\n\nTekst.\n"
GEMEENTEN = 'almelo:\n  naam: Almelo\n  cbs_code: GM0141\n  adviesraad: Adviesraad Almelo\n{line5}\n  contact: info@almelo.nl\n  extra: x\n  notitie: "ok"\n'


@pytest.mark.parametrize("quote", ['"', "'"])
def test_an_unclosed_quote_is_named_on_the_line_where_it_opens(quote: str) -> None:
    """PyYAML notices it lines later (at the end of the block, or where the next quote closes it); the line that
    needs mending is the one where the value starts."""
    with pytest.raises(ParseError) as front:
        parse_document(FRONT.format(line5=f"titel: {quote}Advies over zorg").encode())
    with pytest.raises(ParseError) as gemeenten:
        parse_yaml(GEMEENTEN.format(line5=f"  website: {quote}https://www.almelo.nl"))
    for err in (front.value, gemeenten.value):
        assert (err.code, err.line) == ("yaml-fout", 5)
        assert f"op deze regel begint een waarde met een aanhalingsteken ({quote}) dat op deze regel niet gesloten wordt" in err.message
    assert "'s-Hertogenbosch" in front.value.message if quote == "'" else "citaat" in front.value.message


def test_a_quoted_value_over_two_lines_does_not_take_the_blame_for_a_later_mistake() -> None:
    with pytest.raises(ParseError) as err:
        parse_yaml('titel: "een lange\n  titel"\nthemas: [zorg\ngemeente: almelo\n')
    assert err.value.line != 1
    assert "aanhalingsteken (" not in err.value.message
