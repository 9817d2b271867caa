"""OCR-damaged text: recognised, its fields repaired with the repairs as evidence, its dates read from repaired numbers;
a clean letter never flagged and never changed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from adviesregister.content.extract import extract_text
from adviesregister.content.model import Datum
from adviesregister.importer.dates import find_dates
from adviesregister.importer.letter import read_letter
from adviesregister.importer.ocr_text import OcrSigns, date_text, read_ocr, read_ocr_signs, reading_ocr, repair_text, repair_value, repair_word

from helpers import ARCHIEF, ROOT, run_cli

DAMAGED = """Adviesraad Sociaal Domein Zwolle
Postbus 10007
8000 GA Zwolle

Aan het co11ege van burgerneester en wethouders van Zwo1le
Datum: 1 7 april 2026
Onderwerp: ongevraagd advies over eenzaarnheid bij rnantelzorgers en verenig-
ingen

Geacht college,

Veel rnantelzorgers in Zwolle voelen zich alleen. Zij zorgen al jaren voor een partner of een kind, rnaar
hebben zelf weinig rnensen om mee te praten. Wij spraken op 2l maart 2O26 met vijf van hen.

Wij adviseren u om in elk wijkteam een vast aanspreekpunt voor rnantelzorgers aan te wijzen.

Met vriendelijke groet,
narnens de Adviesraad Sociaal Dornein Zwo1le,

P. de Wit, voorzitter
"""

CLEAN = (
    DAMAGED.replace("co11ege", "college")
    .replace("burgerneester", "burgemeester")
    .replace("Zwo1le", "Zwolle")
    .replace("eenzaarnheid", "eenzaamheid")
    .replace("rnantelzorgers", "mantelzorgers")
    .replace("rnaar", "maar")
    .replace("rnensen", "mensen")
    .replace("2l maart 2O26", "21 maart 2026")
    .replace("narnens de Adviesraad Sociaal Dornein Zwo1le", "namens de Adviesraad Sociaal Domein Zwolle")
)
SIGNS = OcrSigns(2, ("co11ege",), 1)


def letters(folder: str, pattern: str) -> list[Path]:
    return sorted((ROOT / "tests" / folder).glob(pattern))


def is_ocr(letter: Path) -> bool:
    label = letter.with_name(f"{letter.stem}.label.yml")
    return label.exists() and "ocr" in (yaml.safe_load(label.read_text(encoding="utf-8")).get("patronen") or [])


def test_no_clean_letter_is_flagged_and_every_damaged_one_is() -> None:
    texts = [*letters("brieven", "*/*.txt"), *letters("zaden", "*.txt")]
    clean = [letter for letter in texts if not is_ocr(letter)]
    damaged = [letter for letter in texts if is_ocr(letter)]
    assert len(clean) > 100 and len(damaged) >= 7
    assert [letter.name for letter in clean if read_ocr_signs(letter.read_text(encoding="utf-8"))] == []
    assert [letter.name for letter in damaged if read_ocr_signs(letter.read_text(encoding="utf-8")) is None] == []


def test_no_clean_word_file_pdf_or_web_page_is_flagged() -> None:
    others = [letter for letter in letters("brieven", "*/*.*") if letter.suffix in (".docx", ".pdf", ".html")]
    assert len(others) >= 10
    assert [letter.name for letter in others if read_ocr_signs(extract_text(letter))] == []


def test_what_clean_letters_write_is_no_sign() -> None:
    text = (
        "Bijlage: een A4 met de cijfers van het 2e kwartaal (K3). De Wmo-raad en B&W spraken over art. 2.3.1 van de\n"
        "verordening, kenmerk ASD2024-07, B1-niveau, 1 7 april, Win4All, de 75-plussers, H2O, Covid19 en 100l.\n"
    )
    assert read_ocr_signs(text) is None


def test_a_damaged_text_is_flagged_with_its_first_damaged_words() -> None:
    signs = read_ocr_signs(DAMAGED)
    assert signs is not None
    assert signs.voorbeelden == ("co11ege", "Zwo1le", "rnantelzorgers")
    assert signs.line == 5
    assert read_ocr_signs(CLEAN) is None


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        ("eenzaarnheid", "eenzaamheid"),
        ("co11ege", "college"),
        ("aanvu11end", "aanvullend"),
        ("schuldhu1pverlening", "schuldhulpverlening"),
        ("burgerneester", "burgemeester"),
        ("Karnpen", "Kampen"),
        ("Dornein", "Domein"),
        ("vo0r", "voor"),
        ("lnkomen", "Inkomen"),
    ],
)
def test_a_damaged_word_is_read_as_the_known_word(damaged: str, repaired: str) -> None:
    assert repair_word(damaged) == repaired


@pytest.mark.parametrize("word", ["Barneveld", "kernen", "Arnhem", "modern", "ASD2024", "B1", "Wmo", "xq1rnzz", "lmfao", "Lnkomen"])
def test_a_known_word_or_one_without_a_known_repair_stays(word: str) -> None:
    assert repair_word(word) is None


def test_a_broken_word_is_joined_only_into_a_known_word() -> None:
    assert repair_value("reactie op uw advies over de ou- derenbus") == (
        "reactie op uw advies over de ouderenbus",
        ["'ou- derenbus' gelezen als 'ouderenbus' (afgebroken woord)"],
    )
    assert repair_value("advies huishoude- lijke ondersteuning")[0] == "advies huishoudelijke ondersteuning"
    assert repair_value("advies over zorg- en welzijn") == ("advies over zorg- en welzijn", [])
    assert repair_value("de Wmo- adviesraad") == ("de Wmo- adviesraad", [])


@pytest.mark.parametrize(
    ("line", "datum", "text"),
    [
        ("Datum 1 7 april 2026", Datum(2026, 4, 17), "1 7 april 2026"),
        ("Datum: 2l augustus 2025", Datum(2025, 8, 21), "2l augustus 2025"),
        ("Hardenberg, 1O maart 2O26", Datum(2026, 3, 10), "1O maart 2O26"),
        ("Ernmen, 4 novernber 2O25", Datum(2025, 11, 4), "4 novernber 2O25"),
        ("Uw advies van 3O juni 2025", Datum(2025, 6, 30), "3O juni 2025"),
    ],
)
def test_dates_in_a_damaged_text_are_read_from_repaired_numbers(line: str, datum: Datum, text: str) -> None:
    with reading_ocr(SIGNS):
        found = [date for date in find_dates(line) if date.datum is not None]
    assert [(date.datum, date.text, line[date.start :].startswith(text)) for date in found] == [(datum, text, True)]


def test_an_unreadable_digit_stays_unread() -> None:
    with reading_ocr(SIGNS):
        assert [date.datum for date in find_dates("Karnpen, 2? rnaart 2026")] == []


def test_a_clean_letter_is_read_as_written() -> None:
    assert find_dates("Datum 1 7 april 2026") == []  # not the 7th: a clean letter's day cut in two stays unread
    assert [date.datum for date in find_dates("Op 2 april 2026 en 1 mei 2026")] == [Datum(2026, 4, 2), Datum(2026, 5, 1)]
    assert date_text("1O maart 2O26", ["maart"]) == ("1O maart 2O26", None)


def imported(tmp_path: Path, text: str) -> dict[str, Any]:
    letter = tmp_path / "brief.txt"
    letter.write_text(text, encoding="utf-8")
    result = run_cli(["import", "--root", str(ARCHIEF.parent), "--dry-run", "--json", str(letter)])
    assert result.exit_code == 0, result.output
    record: dict[str, Any] = json.loads(result.output)[0][0]
    return record


def test_an_import_repairs_the_fields_of_a_damaged_letter_and_says_so(tmp_path: Path) -> None:
    record = imported(tmp_path, DAMAGED)
    assert record["titel"] == "ongevraagd advies over eenzaamheid bij mantelzorgers en verenigingen"
    assert record["aan"] == "het college van burgemeester en wethouders van Zwolle"
    assert record["datum"] == "2026-04-17"
    assert (record["van"], record["soort"], record["gemeente"]) == ("Adviesraad Sociaal Domein Zwolle", "advies", "zwolle")
    assert record["bewijs"]["aan"] == (
        "regel 5: Aan het college van burgemeester en wethouders van Zwolle ('co11ege' gelezen als 'college' (OCR-fout); "
        "'burgerneester' gelezen als 'burgemeester' (OCR-fout); 'Zwo1le' gelezen als 'Zwolle' (OCR-fout))"
    )
    assert (
        "regel 5: de tekst lijkt uit tekstherkenning (OCR) te komen, met fouten zoals 'co11ege', 'Zwo1le', 'rnantelzorgers'; "
        "vergelijk datum, titel en namen met de brief."
    ) in record["beslissingen"]
    assert "Veel rnantelzorgers in Zwolle" in record["tekst"]  # the body keeps the letter's words
    assert "2l maart 2O26" in record["tekst"]
    assert "narnens de Adviesraad Sociaal Dornein Zwo1le" in record["tekst"]


def test_the_reading_steps_see_the_repaired_words_on_the_same_lines() -> None:
    repaired, signs = read_ocr(DAMAGED)
    assert signs is not None
    assert len(repaired.split("\n")) == len(DAMAGED.split("\n"))
    assert signs.herstel[4] == [("co11ege", "college"), ("burgerneester", "burgemeester"), ("Zwo1le", "Zwolle")]
    assert "narnens" not in repaired and "Sociaal Domein Zwolle," in repaired
    assert "2l maart 2O26" in repaired  # numbers are read in dates only (date_text)


def test_an_import_of_a_clean_letter_says_nothing_of_ocr(tmp_path: Path) -> None:
    record = imported(tmp_path, CLEAN.replace("1 7 april", "17 april"))
    assert record["titel"] == "ongevraagd advies over eenzaamheid bij mantelzorgers en verenig- ingen"
    assert record["datum"] == "2026-04-17"
    assert not any("OCR" in decision for decision in record["beslissingen"])


def test_letterhead_columns_on_the_addressee_line_are_read_apart() -> None:
    letter = read_letter(
        "Adviesraad Sociaal Domein Zwolle\n\n"
        "Aan het college van burgemeester en wethouders      Ons kenmerk ASDZ/2026/004\n"
        "van de gemeente Zwolle\n\nZwolle, 3 maart 2026\n\nBetreft: advies over de Wmo\n\nGeacht college,\n\nTekst.\n"
    )
    assert letter.value("aan") == "het college van burgemeester en wethouders van de gemeente Zwolle"
    assert letter.kenmerken["ons_kenmerk"].value == "ASDZ/2026/004"


def test_a_last_letter_cut_off_by_a_space_is_joined_only_into_a_known_word() -> None:
    assert repair_text("Wmo-raad Barnevel d\nwachttijd van ze s weken\nover uw brief u ziet") == (
        "Wmo-raad Barneveld\nwachttijd van ze s weken\nover uw brief u ziet",
        {0: [("Barnevel d", "Barneveld")]},
    )
