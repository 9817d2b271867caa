"""Every sentence the site builds with a count, over n = 0, 1, 2, 3 and 167: the exact Dutch it says."""

from __future__ import annotations

import pytest

from adviesregister.content.figures import OUTCOMES, Figures
from adviesregister.site import dutch
from adviesregister.site.figures_page import days, on_time_sentence, outcome_sentence, rest_sentence, summary, time_sentence
from adviesregister.site.views import format_size

N = (0, 1, 2, 3, 167)
EACH = "waarvan de termijn voorbij is of die een antwoord kregen"


@pytest.mark.parametrize(
    ("n", "sentence"),
    list(
        zip(
            N,
            [
                "Hier staan nog geen adviezen.",
                "Hier staat 1 advies. Het college nam het over.",
                "Hier staan 2 adviezen. Het college nam ze allebei over.",
                "Hier staan 3 adviezen. Het college nam ze alle 3 over.",
                "Hier staan 167 adviezen. Het college nam ze alle 167 over.",
            ],
            strict=True,
        )
    ),
)
def test_all_taken_over(n: int, sentence: str) -> None:
    assert outcome_sentence(n, {"overgenomen": n}) == sentence


@pytest.mark.parametrize(
    ("n", "sentence"),
    list(
        zip(
            N,
            [
                "Hier staan 2 adviezen. Het college nam er 1 deels over en 1 niet.",  # never 'nam er geen over', read as 'none'
                "Hier staan 3 adviezen. Het college nam er 1 over, 1 deels en 1 niet.",
                "Hier staan 4 adviezen. Het college nam er 2 over, 1 deels en 1 niet.",
                "Hier staan 5 adviezen. Het college nam er 3 over, 1 deels en 1 niet.",
                "Hier staan 169 adviezen. Het college nam er 167 over, 1 deels en 1 niet.",
            ],
            strict=True,
        )
    ),
)
def test_taken_over_partly_and_not(n: int, sentence: str) -> None:
    assert outcome_sentence(n + 2, {"overgenomen": n, "deels overgenomen": 1, "niet overgenomen": 1}) == sentence


@pytest.mark.parametrize(
    ("n", "sentence"),
    list(
        zip(
            N,
            [
                "Hier staan 1.000 adviezen.",
                "Hier staan 1.000 adviezen. Het college nam er 1 niet over.",
                "Hier staan 1.000 adviezen. Het college nam er 2 niet over.",
                "Hier staan 1.000 adviezen. Het college nam er 3 niet over.",
                "Hier staan 1.000 adviezen. Het college nam er 167 niet over.",
            ],
            strict=True,
        )
    ),
)
def test_not_taken_over_of_a_thousand(n: int, sentence: str) -> None:
    assert outcome_sentence(1000, {"niet overgenomen": n}) == sentence


@pytest.mark.parametrize(
    ("n", "sentence"),
    list(
        zip(
            N,
            [
                "",
                "Bij het advies is de termijn voorbij en vonden we geen reactie.",
                "Bij beide adviezen is de termijn voorbij en vonden we geen reactie.",
                "Bij alle 3 adviezen is de termijn voorbij en vonden we geen reactie.",
                "Bij alle 167 adviezen is de termijn voorbij en vonden we geen reactie.",
            ],
            strict=True,
        )
    ),
)
def test_no_response_found_for_every_advice(n: int, sentence: str) -> None:
    assert rest_sentence(n, {"reactie uitgebleven": n}) == sentence


@pytest.mark.parametrize(
    ("n", "sentence"),
    list(
        zip(
            N,
            [
                "",
                "1 advies kreeg een antwoord zonder duidelijk besluit. Bij 1 advies is de termijn voorbij en vonden we geen reactie. "
                "1 advies wacht nog op een reactie; de termijn loopt nog.",
                "2 adviezen kregen een antwoord zonder duidelijk besluit. Bij 2 adviezen is de termijn voorbij en vonden we geen reactie. "
                "2 adviezen wachten nog op een reactie; de termijn loopt nog.",
                "3 adviezen kregen een antwoord zonder duidelijk besluit. Bij 3 adviezen is de termijn voorbij en vonden we geen reactie. "
                "3 adviezen wachten nog op een reactie; de termijn loopt nog.",
                "167 adviezen kregen een antwoord zonder duidelijk besluit. Bij 167 adviezen is de termijn voorbij en vonden we geen reactie. "
                "167 adviezen wachten nog op een reactie; de termijn loopt nog.",
            ],
            strict=True,
        )
    ),
)
def test_without_a_clear_decision_of_many(n: int, sentence: str) -> None:
    assert rest_sentence(2000, {"anders beantwoord": n, "reactie uitgebleven": n, "wacht op reactie": n}) == sentence


@pytest.mark.parametrize(
    ("n", "sentence"),
    list(
        zip(
            N,
            [
                "",
                "Het antwoord kwam na 10 dagen.",
                "De 2 antwoorden kwamen na 10 dagen en na 20 dagen.",
                "Van de 3 antwoorden kwam de helft binnen 20 dagen.",
                "Van de 167 antwoorden kwam de helft binnen 840 dagen (ongeveer 2 jaar).",
            ],
            strict=True,
        )
    ),
)
def test_reaction_times(n: int, sentence: str) -> None:
    assert time_sentence(tuple(range(10, 10 + 10 * n, 10))) == sentence


def test_reaction_times_in_whole_days_and_one_day() -> None:
    assert time_sentence((1,)) == "Het antwoord kwam na 1 dag."
    assert time_sentence((41, 41)) == "Beide antwoorden kwamen na 41 dagen."
    # the median of 736 and 737 is 736,5: half the answers came within 736 whole days
    assert time_sentence((100, 736, 737, 800)) == "Van de 4 antwoorden kwam de helft binnen 736 dagen (ongeveer 2 jaar)."


@pytest.mark.parametrize(
    ("n", "sentence"),
    list(
        zip(
            N,
            [
                "",
                "Het advies waarvan de termijn voorbij is of dat een antwoord kreeg, kreeg een antwoord binnen de termijn.",
                f"Van de 2 adviezen {EACH}, kregen ze allebei een antwoord binnen de termijn.",
                f"Van de 3 adviezen {EACH}, kregen ze alle 3 een antwoord binnen de termijn.",
                f"Van de 167 adviezen {EACH}, kregen ze alle 167 een antwoord binnen de termijn (100%).",
            ],
            strict=True,
        )
    ),
)
def test_all_in_time(n: int, sentence: str) -> None:
    assert on_time_sentence(n, n) == sentence


@pytest.mark.parametrize(
    ("n", "sentence"),
    list(
        zip(
            N,
            [
                "",
                "Het advies waarvan de termijn voorbij is of dat een antwoord kreeg, kreeg geen antwoord binnen de termijn.",
                f"Van de 2 adviezen {EACH}, kreeg geen van beide een antwoord binnen de termijn.",
                f"Van de 3 adviezen {EACH}, kreeg geen enkel advies een antwoord binnen de termijn.",
                f"Van de 167 adviezen {EACH}, kreeg geen enkel advies een antwoord binnen de termijn (0%).",
            ],
            strict=True,
        )
    ),
)
def test_none_in_time(n: int, sentence: str) -> None:
    assert on_time_sentence(0, n) == sentence


@pytest.mark.parametrize(
    ("n", "sentence"),
    list(
        zip(
            N,
            [
                f"Van de 1.000 adviezen {EACH}, kreeg geen enkel advies een antwoord binnen de termijn (0%).",
                f"Van de 1.000 adviezen {EACH}, kreeg er 1 een antwoord binnen de termijn (0%).",
                f"Van de 1.000 adviezen {EACH}, kregen er 2 een antwoord binnen de termijn (0%).",
                f"Van de 1.000 adviezen {EACH}, kregen er 3 een antwoord binnen de termijn (0%).",
                f"Van de 1.000 adviezen {EACH}, kregen er 167 een antwoord binnen de termijn (17%).",
            ],
            strict=True,
        )
    ),
)
def test_some_in_time_of_a_thousand(n: int, sentence: str) -> None:
    """The denominator is advices, never answers: '2 van de 3 antwoorden' with 2 answers no longer happens."""
    assert on_time_sentence(n, 1000) == sentence


def test_a_percentage_only_from_ten_cases_on() -> None:
    assert on_time_sentence(6, 9) == f"Van de 9 adviezen {EACH}, kregen er 6 een antwoord binnen de termijn."
    assert on_time_sentence(6, 10) == f"Van de 10 adviezen {EACH}, kregen er 6 een antwoord binnen de termijn (60%)."


@pytest.mark.parametrize(
    ("n", "dagen", "adviezen", "weken"),
    [
        (0, "0 dagen", "0 adviezen", "0 weken"),
        (1, "1 dag", "1 advies", "1 week"),
        (2, "2 dagen", "2 adviezen", "2 weken"),
        (3, "3 dagen", "3 adviezen", "3 weken"),
        (167, "167 dagen (ongeveer 5 maanden)", "167 adviezen", "167 weken"),
        (736, "736 dagen (ongeveer 2 jaar)", "736 adviezen", "736 weken"),
        (1500, "1.500 dagen (ongeveer 4 jaar)", "1.500 adviezen", "1.500 weken"),
    ],
)
def test_counts_and_spans(n: int, dagen: str, adviezen: str, weken: str) -> None:
    assert dutch.days(n) == dagen
    assert dutch.count(n, "advies", "adviezen") == adviezen
    assert dutch.weeks(n) == weken


def test_spans_in_months_from_sixty_days_and_medians_in_whole_days() -> None:
    assert [dutch.days(n) for n in (59, 60, 400, 729)] == [
        "59 dagen",
        "60 dagen (ongeveer 2 maanden)",
        "400 dagen (ongeveer 13 maanden)",
        "729 dagen (ongeveer 24 maanden)",
    ]
    assert [days(value) for value in (None, 1, 736.5, 20.0)] == ["onbekend", "1 dag", "736 dagen (ongeveer 2 jaar)", "20 dagen"]
    assert [format_size(n) for n in (1, 999, 1500, 2_500_000)] == ["1 byte", "999 bytes", "1,5 kB", "2,5 MB"]


def test_a_summary_of_one_advice_says_the_advice() -> None:
    uitkomsten = dict.fromkeys(OUTCOMES, 0) | {"niet overgenomen": 1}
    assert summary(Figures("gemeente", "x", "X", 1, uitkomsten, (736,), 1, 0)) == (
        "Hier staat 1 advies. Het college nam het niet over. Het antwoord kwam na 736 dagen (ongeveer 2 jaar). "
        "Het advies waarvan de termijn voorbij is of dat een antwoord kreeg, kreeg geen antwoord binnen de termijn."
    )
