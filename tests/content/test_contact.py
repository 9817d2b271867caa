"""content/contact.py: a council's contact is a functional mailbox or a form's address, never a person's; in both
directions, through check (the rule a content author meets) and contact_problem."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from adviesregister.content.contact import contact_problem

from helpers import ROOT, run_cli

BASIS = ROOT / "tests" / "slechte_invoer" / "_basis"

PERSONAL = [
    "janjansen@oss.nl",  # not words of an organisation written as one
    "info.jan.jansen@asd-oss.nl",
    "secretariaat+jan.jansen@asd-oss.nl",
    "info-jan.jansen@asd-oss.nl",
    "j.jansen@asd-oss.nl",
    "J.P.de-Vries@asd-oss.nl",
    "pietje@asd-oss.nl",
    "https://www.oss.nl/contact?naam=Jan%20de%20Vries",
    "https://www.oss.nl/contact?voornaam=Jan&achternaam=Jansen",
    "https://www.oss.nl/medewerkers/jan-de-vries",
    "https://www.oss.nl/team/j.jansen",
]
FUNCTIONAL = [
    "sociaal.domein@almere.nl",
    "clientenraad.almere@asd-oss.nl",
    "cliëntenraad@asd-oss.nl",
    "participatie.raad@oss.nl",
    "raad.sociaaldomein@almere.nl",
    "secretariaat.adviesraad@oss.nl",
    "ASD.oss@oss.nl",
    "info@asd-oss.nl",
    "adviesraadsociaaldomein@oss.nl",  # words written as one
    "asdalmere@almere.nl",
    "ondersteuning.adviesraad@oss.nl",
    "https://www.oss.nl/contactformulier",
    "https://www.oss.nl/team/contactformulier",
    "https://www.oss.nl/contact?onderwerp=adviesraad",
]


@pytest.mark.parametrize("contact", PERSONAL)
def test_a_persons_address_is_refused(contact: str) -> None:
    reden = contact_problem(contact)
    assert reden is not None and "Gebruik een functionele mailbox" in reden


@pytest.mark.parametrize("contact", FUNCTIONAL)
def test_a_functional_address_is_accepted(contact: str) -> None:
    assert contact_problem(contact) is None


@pytest.mark.parametrize(("contact", "refused"), [(PERSONAL[0], True), (PERSONAL[6], True), (FUNCTIONAL[0], False), (FUNCTIONAL[3], False)])
def test_check_applies_the_rule_to_gemeenten_yml(tmp_path: Path, contact: str, refused: bool) -> None:
    root = tmp_path / "archief"
    shutil.copytree(BASIS, root)
    path = root / "content" / "gemeenten.yml"
    gemeenten = yaml.safe_load(path.read_text(encoding="utf-8"))
    first = next(iter(gemeenten.values()))
    first["adviesraden"][0]["contact"] = contact
    path.write_text(yaml.safe_dump(gemeenten, allow_unicode=True), encoding="utf-8")
    result = run_cli(["check", "--root", root])
    assert (result.exit_code != 0) == refused, result.output
    assert (contact in result.output or "persoon" in result.output) == refused
