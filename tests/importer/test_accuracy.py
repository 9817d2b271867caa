"""The importer on 64 letters of our own in 16 house styles (tests/brieven/) and on the seeds: never a wrong value.

Each letter's label says what the letter was meant to say. Abstaining is allowed (a person fills in the field), a
wrong value is not: it would enter the archive unnoticed. `make bench` prints the whole table (benchmarks/bench_accuracy.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from accuracy import FIELDS, HELDOUT, Tally, empty_project, labelled_letters, measure, seed_letters, share_right


@pytest.fixture(scope="module")
def letters(tmp_path_factory: pytest.TempPathFactory) -> Tally:
    return measure(labelled_letters(), empty_project(tmp_path_factory.mktemp("brieven")))


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Tally:
    return measure(seed_letters(), empty_project(tmp_path_factory.mktemp("seeds")))


def test_there_are_enough_letters_in_enough_house_styles() -> None:
    """At least 60 letters in 15 house styles, some of them also as PDF and Word (the same label, another file), a few
    as web pages (HTML)."""
    found = labelled_letters()
    suffixes = {name.rsplit(".", 1)[1] for name, _, _ in found}
    assert suffixes == {"txt", "pdf", "docx", "html"}
    styles = {name.split("/")[0] for name, _, _ in found}
    kinds = {label["soort"] for _, _, label in found}
    assert len({name.rsplit(".", 1)[0] for name, _, _ in found}) >= 60
    assert len(styles) >= 15
    assert kinds == {"advies", "reactie", "stuk", "geen-brief"}


def test_every_label_of_our_letters_names_every_field() -> None:
    """A field a label leaves out is not measured (the held-out batch names four); in tests/brieven/ none may be left out,
    or a wrong value there would go unseen."""
    for name, _, label in labelled_letters():
        missing = [veld for veld in FIELDS if veld not in label and not (veld == "reactie_op" and "reactie_op_datum" in label)]
        assert not missing, f"{name}: {missing}"


def test_no_field_of_any_letter_is_wrong(letters: Tally, seeds: Tally) -> None:
    assert letters.wrong == []
    assert seeds.wrong == []


@pytest.mark.parametrize("veld", ["soort", "datum", "gemeente"])
def test_kind_date_and_gemeente_are_found_in_95_percent(letters: Tally, veld: str) -> None:
    right, total = share_right(letters, veld)
    assert total > 0
    assert right >= 0.95 * total, f"{veld}: {right} of {total} right"


def test_every_text_that_is_no_letter_is_reported(letters: Tally) -> None:
    negatives = sum(1 for _, _, label in labelled_letters() if label["soort"] == "geen-brief")
    assert negatives >= 12
    assert letters.counts["soort", "geen-brief", "right"] == negatives


def test_the_seeds_are_read_as_before(seeds: Tally) -> None:
    right, total = share_right(seeds, "soort")
    assert (right, total) == (5, 5)


def test_the_verdict_of_every_labelled_response_is_right(letters: Tally) -> None:
    right, total = share_right(letters, "besluit")
    assert total >= 15
    assert right == total


def test_every_response_is_linked_to_its_advice_or_abstains(letters: Tally) -> None:
    """0 wrong links: where the letter names the advice's date, the link holds it; else a person links it."""
    right, total = share_right(letters, "reactie_op")
    assert right >= 0.8 * total


def test_no_field_of_the_held_out_batch_is_wrong(tmp_path: Path) -> None:
    """The batch written for issue 24 by someone who had not seen the rules (tests/brieven-heldout/README.md)."""
    letters = labelled_letters(HELDOUT)
    assert len(letters) >= 40
    tally = measure(letters, empty_project(tmp_path))
    assert tally.wrong == []
    assert tally.counts["soort", "geen-brief", "right"] == sum(1 for _, _, label in letters if label["soort"] == "geen-brief")
