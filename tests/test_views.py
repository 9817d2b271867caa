from __future__ import annotations

import pytest

from adviesregister.model import Datum
from adviesregister.views import format_datum, relative_url


@pytest.mark.parametrize(("text", "shown"), [("2023-01-23", "23 januari 2023"), ("2023-05", "mei 2023"), ("2023", "2023"), ("2022-12-01", "1 december 2022")])
def test_dates_in_dutch_words(text: str, shown: str) -> None:
    assert format_datum(Datum.parse(text)) == shown


def test_relative_urls_between_directory_pages() -> None:
    assert relative_url("documenten/b/", "documenten/a/") == "../b/"
    assert relative_url("documenten/b/", "") == "documenten/b/"
    assert relative_url("", "documenten/a/") == "../../"
