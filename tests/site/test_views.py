from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from adviesregister.content.model import Datum
from adviesregister.site.views import format_datum, relative_url

from helpers import ARCHIEF, copy_project, fixed_date


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


def test_the_home_shows_the_five_most_recently_overdue_advices_and_links_to_all(tmp_path: Path) -> None:
    """However many advices are overdue, the home stays small: the five whose termijn ran out last, then the list of all."""
    from adviesregister.pipeline import prepare
    from adviesregister.site.pages import build_home
    from adviesregister.site.views import build_views

    content = tmp_path / "content"
    shutil.copytree(ARCHIEF, content)
    folder = content / "documenten" / "almere" / "2020"
    folder.mkdir(parents=True)
    for day in range(1, 15):
        doc_id = f"almere-2020-01-{day:02d}-advies-{day}"
        (folder / f"{doc_id}.md").write_text(
            f'---\nid: {doc_id}\nsoort: advies\ntitel: Advies {day}\ndatum: "2020-01-{day:02d}"\ngemeente: almere\n---\n\nGeacht college,\n',
            encoding="utf-8",
        )
    with fixed_date():
        prepared, problems = prepare(copy_project(tmp_path / "project", content))
    assert problems == [] and prepared is not None
    views = build_views(prepared.archive, prepared.derived, "https://example.org/", {}, today=prepared.today)
    ordered = sorted(views.values(), key=lambda v: (v.doc.datum.sort_key(), v.id), reverse=True)
    home = build_home(ordered)
    assert [v.titel for v in home.te_laat] == ["Advies 14", "Advies 13", "Advies 12", "Advies 11", "Advies 10"]  # the termijn ran out last first
    assert [v.tijd for v in home.te_laat[:2]] == ["Termijn 2.449 dagen (ongeveer 7 jaar) voorbij", "Termijn 2.450 dagen (ongeveer 7 jaar) voorbij"]
    assert home.te_laat_lijst is not None and (home.te_laat_lijst.url, home.te_laat_lijst.text) == ("status/reactie-uitgebleven/", "15 adviezen")
    assert build_home(ordered[:7]).te_laat_lijst is None
