"""The importer's decisions are typed, and the steps that read a letter run in a declared order."""

from __future__ import annotations

import pytest

from adviesregister.importer.findings import Decision, Decisions, Letter
from adviesregister.importer.letter import READING_STEPS, read_letter

from helpers import ARCHIEF


def test_each_step_reads_only_what_an_earlier_step_set() -> None:
    earlier: set[str] = set()
    for step in READING_STEPS:
        assert step.reads <= earlier, f"{step.run.__name__} reads {sorted(step.reads - earlier)} before any step sets it"
        earlier |= step.sets


def test_a_step_cannot_set_a_field_it_did_not_declare() -> None:
    letter = Letter(allowed=frozenset({"titel"}))
    letter.set("titel", "Advies", 3, "Onderwerp Advies")
    with pytest.raises(ValueError, match="'datum'"):
        letter.set("datum", "2023", 4, "Datum 2023")


def test_the_first_value_offered_is_kept() -> None:
    letter = Letter()
    letter.set("titel", "Uit de kop", 2, "Onderwerp Uit de kop")
    letter.set("titel", "Uit de tekst", 9, "later")
    assert letter.value("titel") == "Uit de kop"


def test_the_seeds_are_read_by_declared_steps_only() -> None:
    """Reading every seed runs every step with the check on; a step writing an undeclared field would raise."""
    for seed in sorted((ARCHIEF / "bronnen").rglob("*.txt")):
        letter = read_letter(seed.read_text(encoding="utf-8"))
        assert letter.allowed is None
        assert "soort" in letter.fields or any(d.field == "soort" for d in letter.beslissingen), seed.name


def test_decisions_carry_a_code_and_read_as_before() -> None:
    decisions = Decisions()
    decisions.add("reactie_op", "advies-datum-onbekend", "de brief noemt de datum van het advies niet.")
    decisions.add(None, "kop-waarde-onduidelijk", "bij welk veld hoort 'X'?", 7)
    assert [str(d) for d in decisions] == ["reactie_op: de brief noemt de datum van het advies niet.", "regel 7: bij welk veld hoort 'X'?"]
    decisions.withdraw("advies-datum-onbekend")
    assert decisions == [Decision(None, "kop-waarde-onduidelijk", "bij welk veld hoort 'X'?", 7)]
