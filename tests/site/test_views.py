from __future__ import annotations

import pytest

from adviesregister.content.model import Datum
from adviesregister.site.views import format_datum, relative_url


@pytest.mark.parametrize(("text", "shown"), [("2023-01-23", "23 januari 2023"), ("2023-05", "mei 2023"), ("2023", "2023"), ("2022-12-01", "1 december 2022")])
def test_dates_in_dutch_words(text: str, shown: str) -> None:
    assert format_datum(Datum.parse(text)) == shown


def test_relative_urls_between_directory_pages() -> None:
    assert relative_url("documenten/b/", "documenten/a/") == "../b/"
    assert relative_url("documenten/b/", "") == "documenten/b/"
    assert relative_url("", "documenten/a/") == "../../"


def test_letter_text_keeps_letter_markup_and_drops_everything_else() -> None:
    from adviesregister.site.sanitize import letter_html

    html = letter_html(
        "## Kop\n\nTekst met *nadruk* en [een link](https://example.org) en [kwaad](javascript:alert(1)).\n\n"
        '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n'
    )
    assert '<h3 id="kop">Kop</h3>' in html
    assert "<em>nadruk</em>" in html and '<a href="https://example.org" rel="noopener noreferrer nofollow">een link</a>' in html
    assert "javascript:" not in html and "<script" not in html and "<img" not in html and "onerror" not in html
    assert "<table>" in html and "<td>2</td>" in html
