from __future__ import annotations

from pathlib import Path

import pytest

from adviesregister.content.model import Besluit, Datum, Document
from adviesregister.content.originals import is_publishable
from adviesregister.content.privacy import Finding, describe, detect, find_personal_data, is_bsn, is_iban, redact, text_fields


@pytest.mark.parametrize(("digits", "expected"), [("111222333", True), ("123456782", True), ("123456789", False), ("000000000", False), ("12345678", False)])
def test_eleven_test(digits: str, expected: bool) -> None:
    assert is_bsn(digits) is expected


@pytest.mark.parametrize(
    ("candidate", "expected"),
    [
        ("NL91ABNA0417164300", True),
        ("NL91 ABNA 0417 1643 00", True),
        ("nl91abna0417164300", True),
        ("NL92ABNA0417164300", False),  # one check digit off
        ("NL91ABNA041716430", False),  # a Dutch IBAN has 18 characters
        ("BE68539007547034", True),
        ("XX91ABNA0417164300", False),  # not a country we know
    ],
)
def test_iban_check(candidate: str, expected: bool) -> None:
    assert is_iban(candidate) is expected


def test_a_switchboard_number_is_found_but_service_numbers_and_general_mailboxes_stay() -> None:
    assert find_personal_data("Bel (0546) 54 11 11 of mail gemeente@almelo.nl, zaak DCS - 2383592.") == [
        "'(0546) 54 11 11' lijkt een telefoonnummer. Haal het weg; alleen servicenummers (0800, 0900, of 14 met het netnummer) mogen blijven."
    ]
    assert find_personal_data("Bel 14 0546, 0800-1234 of 0900-1234567, of mail gemeente@almelo.nl, zaak DCS - 2383592.") == []


def test_each_finding_knows_its_line_and_label() -> None:
    text = "Geachte leden,\n\nInlichtingen bij\nmw. K. Visser\n"
    assert detect(text) == [Finding("naam", 33, 46, "mw. K. Visser", 3, "Inlichtingen bij")]
    assert describe(detect(text)[0]) == (
        "'mw. K. Visser' (bij 'Inlichtingen bij') lijkt de naam van een ambtenaar of inwoner. "
        "Haal de naam weg; alleen namen bij een publieke functie (voorzitter, secretaris, burgemeester, wethouder) mogen blijven."
    )


def test_personal_data_is_found() -> None:
    findings = find_personal_data("Behandeld door M. Jansen, m.jansen@almelo.nl, BSN 1112.22.333")
    assert [finding.split("'")[1] for finding in findings] == ["M. Jansen", "m.jansen@almelo.nl", "1112.22.333"]


def test_redact_names_the_kind_never_the_value() -> None:
    text, removed = redact("Bel mevrouw Kramer op 06-12345678 of maak over naar NL91ABNA0417164300.")
    assert text == "Bel mevrouw [naam verwijderd] op [telefoonnummer verwijderd] of maak over naar [IBAN verwijderd]."
    assert removed == ["de naam van een ambtenaar of inwoner", "een telefoonnummer", "een bankrekeningnummer (IBAN)"]


def test_an_iban_is_not_also_a_phone_number() -> None:
    assert [finding.kind for finding in detect("rekening NL91 ABNA 0417 1643 00")] == ["iban"]


def test_text_fields_names_every_text_of_a_document_by_its_path() -> None:
    doc = Document(
        id="almelo-2024-01-01-x",
        soort="reactie",
        titel="T",
        datum=Datum(2024, 1, 1),
        gemeente="almelo",
        path="p.md",
        van="V",
        kenmerken={"ons_kenmerk": "K"},
        bijlagen=["B"],
        besluiten=[Besluit("A", "overgenomen", "C")],
        tekst="niet in het gegevensblok",
    )
    assert dict(text_fields(doc)) == {
        "id": "almelo-2024-01-01-x",
        "soort": "reactie",
        "titel": "T",
        "gemeente": "almelo",
        "van": "V",
        "kenmerken.ons_kenmerk": "K",
        "bijlagen.0": "B",
        "besluiten.0.aanbeveling": "A",
        "besluiten.0.besluit": "overgenomen",
        "besluiten.0.citaat": "C",
    }


def test_an_original_is_published_only_without_personal_data(tmp_path: Path) -> None:
    clean, personal = tmp_path / "schoon.txt", tmp_path / "persoonlijk.txt"
    clean.write_text("Geacht college,\n\nMet vriendelijke groet,\nPieter Zwart, voorzitter\n", encoding="utf-8")
    personal.write_text("Geacht college,\n\nContactpersoon\n\nJ. Hoekstra\n", encoding="utf-8")
    assert is_publishable(clean) is True
    assert is_publishable(personal) is False
    assert is_publishable(tmp_path / "bestaat-niet.txt") is False
