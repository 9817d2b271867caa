from __future__ import annotations

import pytest

from adviesregister.content.privacy import find_personal_data, is_bsn


@pytest.mark.parametrize(("digits", "expected"), [("111222333", True), ("123456782", True), ("123456789", False), ("000000000", False), ("12345678", False)])
def test_eleven_test(digits: str, expected: bool) -> None:
    assert is_bsn(digits) is expected


def test_public_addresses_and_numbers_are_not_personal() -> None:
    assert find_personal_data("Bel (0546) 54 11 11 of mail gemeente@almelo.nl, zaak DCS - 2383592.") == []


def test_personal_data_is_found() -> None:
    findings = find_personal_data("Behandeld door M. Jansen, m.jansen@almelo.nl, BSN 1112.22.333")
    assert len(findings) == 3
