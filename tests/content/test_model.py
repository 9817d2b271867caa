from __future__ import annotations

from datetime import date

import pytest

from adviesregister.content.model import Datum, DatumError, Problem, summarize_problems


@pytest.mark.parametrize(
    ("text", "vroegst", "laatst"),
    [
        ("2023-01-23", date(2023, 1, 23), date(2023, 1, 23)),
        ("2023-02", date(2023, 2, 1), date(2023, 2, 28)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023", date(2023, 1, 1), date(2023, 12, 31)),
    ],
)
def test_partial_dates_span_their_period(text: str, vroegst: date, laatst: date) -> None:
    datum = Datum.parse(text)
    assert (datum.vroegst(), datum.laatst()) == (vroegst, laatst)
    assert str(datum) == text
    assert datum.volledig == (len(text) == 10)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2023-02-30", "'2023-02-30' bestaat niet: deze maand heeft 28 dagen"),
        ("2023-02-29", "'2023-02-29' bestaat niet: deze maand heeft 28 dagen"),
        ("2023-13-01", "'2023-13-01' bestaat niet: een jaar heeft maar 12 maanden"),
        ("2023-00", "'2023-00' bestaat niet: een jaar heeft maar 12 maanden"),
        ("23-01-2023", "'23-01-2023' is geen datum in de vorm JJJJ-MM-DD, JJJJ-MM of JJJJ"),
        ("2023-1-5", "'2023-1-5' is geen datum in de vorm JJJJ-MM-DD, JJJJ-MM of JJJJ"),
    ],
)
def test_impossible_dates_are_refused_in_dutch(text: str, message: str) -> None:
    with pytest.raises(DatumError) as raised:
        Datum.parse(text)
    assert str(raised.value) == message


def test_leap_day_exists_in_leap_years() -> None:
    assert Datum.parse("2024-02-29").vroegst() == date(2024, 2, 29)


def test_sort_key_puts_a_year_before_its_days() -> None:
    dates = [Datum.parse(t) for t in ("2023-05-22", "2023", "2022-12-22", "2023-05")]
    assert [str(d) for d in sorted(dates, key=Datum.sort_key)] == ["2022-12-22", "2023", "2023-05", "2023-05-22"]


def test_problem_reads_like_a_compiler_error() -> None:
    problem = Problem("content/a.md", 6, "ongeldige-datum", "datum: klopt niet.")
    assert str(problem) == "content/a.md:6: [ongeldige-datum] datum: klopt niet."


def test_summary_counts_problems_and_files() -> None:
    one = Problem("a.md", 1, "x", "y")
    assert summarize_problems([one]) == "1 probleem in 1 bestand."
    assert summarize_problems([one, Problem("b.md", 2, "x", "y"), Problem("b.md", 3, "x", "y")]) == "3 problemen in 2 bestanden."
