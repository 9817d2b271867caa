"""Unit tests for the importer's parts: Dutch dates, ids, redaction, header tables, body layout."""

from __future__ import annotations

import pytest

from adviesregister.content.model import Datum
from adviesregister.content.names import slugify
from adviesregister.content.privacy import redact
from adviesregister.importer.body import Removed, letter_to_markdown
from adviesregister.importer.dates import find_dates, parse_dutch_date
from adviesregister.importer.letter import read_letter


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("Datum 23 januari 2023", None, "2023-01-23"),
        ("verzonden 11-07-2023", None, "2023-07-11"),
        ("op 1.3.2024", None, "2024-03-01"),
        ("Op 18 april is het rapport", 2017, "2017-04-18"),
        ("in mei 2023 vergaderd", None, "2023-05"),
        ("3 okt. 2022", None, "2022-10-03"),
        ("2021-09-30", None, "2021-09-30"),
    ],
)
def test_dutch_dates(text: str, year: int | None, expected: str) -> None:
    assert str(parse_dutch_date(text, year)) == expected


def test_a_day_without_year_is_not_a_date_without_context() -> None:
    assert parse_dutch_date("Op 18 april is het rapport") is None
    assert [f.text for f in find_dates("Op 18 april is het rapport")] == ["18 april"]


def test_impossible_dates_are_not_dates() -> None:
    assert parse_dutch_date("30 februari 2023") is None
    assert parse_dutch_date("31-04-2023") is None


def test_slugs_are_ascii_and_cut_at_a_word() -> None:
    assert slugify("Reactie op advies Programma's Sociaal en Vitaal") == "reactie-op-advies-programmas-sociaal-en-vitaal"
    assert slugify("Coördinatie \u2013 één loket") == "coordinatie-een-loket"
    assert slugify("aaaa bbbb cccc", limit=9) == "aaaa-bbbb"
    assert len(slugify("woord " * 40)) <= 80


def test_redaction_reports_what_it_removed() -> None:
    text, removed = redact("BSN 123456782 en j.de.vries@xs4all.nl; zie info@almere.nl.\nBehandeld door: mw. P. Smit\nNiet 123456789.")
    assert text == "BSN [BSN verwijderd] en [e-mailadres verwijderd]; zie info@almere.nl.\nBehandeld door: [naam verwijderd]\nNiet 123456789."
    assert len(removed) == 3


def test_pdf_style_header_without_tabs() -> None:
    letter = read_letter(
        "Gemeente Almelo\n\nUw brief 22 mei 2023 Uw kenmerk Ons kenmerk UIT - 1 Datum 11 juli 2023\n"
        "Bijlage(n) Doorkiesnummer Behandeld door Zaaknummer\n0546-54 11 11\nOnderwerp\nReactie op advies\n\nGeachte leden,\n\nTekst.\n"
    )
    assert letter.value("datum") == Datum(2023, 7, 11)
    assert letter.value("titel") == "Reactie op advies"
    assert {key: found.value for key, found in letter.kenmerken.items()} == {"uw_brief": "22 mei 2023", "ons_kenmerk": "UIT - 1"}
    assert [reden for _, reden, _ in letter.verwijderd.items] == ["een doorkiesnummer"]


def test_label_row_with_values_below_by_column() -> None:
    letter = read_letter("Uw brief\tOns kenmerk\tDatum\n\tABC-1\t5 maart 2024\nOnderwerp\tAdvies\n\nGeacht college,\n\nTekst.\n")
    assert letter.value("datum") == Datum(2024, 3, 5)
    assert letter.kenmerken["ons_kenmerk"].value == "ABC-1"
    assert letter.kenmerken["ons_kenmerk"].line == 2


def test_wrapped_pdf_text_is_joined_into_paragraphs_with_headings_and_lists() -> None:
    lines = [
        "Geachte raadsleden,",
        "",
        "INLEIDING",
        "",
        "Dit is een lange regel uit een PDF die over de rand van de pagina loopt en daarom is afgebroken in het",
        "midden van de zin, zoals dat gaat bij tekst uit een PDF-bestand. Daarna volgt nog een zin die ook lang is.",
        "",
        "- eerste punt van de lijst",
        "- tweede punt van de lijst",
        "",
        "Pagina 2 van 3",
        "",
        "Met vriendelijke groet,",
        "het college,",
        "",
        "A handwritten signature in black ink, with a long flourish that continues",
        "onto a second line.",
    ]
    removed = Removed()
    markdown = letter_to_markdown(lines, 1, removed)
    assert markdown == (
        "Geachte raadsleden,\n\n## INLEIDING\n\n"
        "Dit is een lange regel uit een PDF die over de rand van de pagina loopt en daarom is afgebroken in het midden van de zin, "
        "zoals dat gaat bij tekst uit een PDF-bestand. Daarna volgt nog een zin die ook lang is.\n\n"
        "- eerste punt van de lijst\n- tweede punt van de lijst\n\nMet vriendelijke groet,\n\nhet college,\n"
    )
    assert [reden for _, reden, _ in removed.items] == [
        "paginanummer of scheidingslijn",
        "beschrijving van een handtekening",
        "beschrijving van een handtekening",
    ]


def test_theme_suggestions_count_words_and_need_enough_of_them() -> None:
    from adviesregister.importer.themes import suggest_themes

    text = "De mantelzorgers en mantelzorg. Mantelzorgondersteuning is nodig. Een wijkteam."
    assert suggest_themes(text) == [("mantelzorg", 3)]
    assert suggest_themes("Een brief over niets in het bijzonder.") == []
