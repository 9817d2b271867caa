"""Web copies, cut-off texts and recommendations: the page's furniture left out, its title and date offered only where
the letter gives none, a text without closing told to a person, and the numbered advice read as 'aanbevelingen'."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from adviesregister.content.extract import extract
from adviesregister.importer.letter import read_letter

from helpers import ARCHIEF, run_cli

ADVICE_PAGE = """<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Advies over de regiotaxi | Wmo-raad</title>
<meta property="article:published_time" content="2024-03-03T10:00:00+01:00"><script>alert(1)</script></head><body>
<div class="cookies">Deze website gebruikt cookies. <button>Accepteer</button></div>
<header><nav><a href="/">Home</a> <a href="/adviezen">Adviezen</a> Menu Zoeken</nav></header>
<main><article><h1>Advies over de regiotaxi</h1>
<p>College van burgemeester en wethouders<br>van de gemeente Almelo<br>Postbus 5100<br>7600 GC Almelo</p>
<p>Geacht college,</p>
<p>De Wmo-raad Almelo hoort veel klachten over de regiotaxi. Reizigers wachten soms langer dan een uur.</p>
<h2>Onze adviezen</h2><p>Wij adviseren u:</p>
<ol><li>in het nieuwe bestek een wachttijd van ten hoogste vijftien minuten op te nemen;</li>
<li>de reizigers te betrekken bij het programma van eisen; en</li><li>elk kwartaal de klachten per kern te laten rapporteren.</li></ol>
<p>Met vriendelijke groet,</p><p>Wmo-raad Almelo<br>de voorzitter</p>
<div class="share">Deel dit bericht: <a>Facebook</a> <a>LinkedIn</a></div></article></main>
<aside><h3>Lees ook</h3><ul><li><a>Advies over mantelzorg</a></li></ul></aside><footer>Privacyverklaring · Cookies</footer></body></html>"""

PASTED = """Home > Adviezen > Advies over schuldhulp
Advies over schuldhulp voor jongeren
Geplaatst op 12 februari 2024
Deel dit bericht

Aan het college van burgemeester en wethouders van de gemeente Almelo

Geacht college,

De adviesraad sociaal domein Almelo adviseert u om jongeren met schulden sneller te helpen.
Wij adviseren u:
1. Open een inloopspreekuur voor geldzaken op elke middelbare school.
2. Bel jongeren binnen vijf werkdagen na een melding van een betalingsachterstand.

Met vriendelijke groet,

Adviesraad Sociaal Domein Almelo

Terug naar overzicht
Lees meer adviezen
"""


def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "content").mkdir(parents=True)
    shutil.copy(ARCHIEF / "gemeenten.yml", root / "content")
    return root


def imported(tmp_path: Path, name: str, content: str) -> tuple[dict[str, Any], str]:
    letter = tmp_path / name
    letter.write_text(content, encoding="utf-8")
    result = run_cli(["import", "--root", str(project(tmp_path)), "--dry-run", "--json", str(letter)])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)[0][0], result.output


def test_a_web_page_keeps_the_letter_its_lines_and_drops_the_furniture(tmp_path: Path) -> None:
    page = tmp_path / "advies.html"
    page.write_text(ADVICE_PAGE, encoding="utf-8")
    extracted = extract(page)
    lines = extracted.text.split("\n")
    assert "College van burgemeester en wethouders" in lines and "van de gemeente Almelo" in lines  # <br> kept as a line break
    assert "1. in het nieuwe bestek een wachttijd van ten hoogste vijftien minuten op te nemen;" in lines
    for furniture in ("alert", "cookies", "Menu", "Deel dit bericht", "Lees ook", "Privacyverklaring"):
        assert furniture not in extracted.text, furniture
    assert extracted.web_page is not None and (extracted.web_page.titel, extracted.web_page.datum) == ("Advies over de regiotaxi", "2024-03-03")


def test_a_web_page_without_a_date_of_its_own_takes_the_page_date_and_says_so(tmp_path: Path) -> None:
    record, _ = imported(tmp_path, "advies.html", ADVICE_PAGE)
    assert record["soort"] == "advies"
    assert record["datum"] == "2024-03-03"
    assert "datum van de webpagina, niet uit de brief zelf" in record["bewijs"]["datum"]
    assert any(line.startswith("datum: datum van de webpagina, niet uit de brief zelf: controleer") for line in record["beslissingen"])
    assert record["titel"] == "Advies over de regiotaxi"
    assert record["aanbevelingen"] == [
        "in het nieuwe bestek een wachttijd van ten hoogste vijftien minuten op te nemen",
        "de reizigers te betrekken bij het programma van eisen",
        "elk kwartaal de klachten per kern te laten rapporteren.",
    ]


def test_the_letters_own_date_beats_the_page_date() -> None:
    text = PASTED.replace("Geacht college,", "Almelo, 5 februari 2024\n\nGeacht college,")
    letter = read_letter(text)
    assert str(letter.value("datum")) == "2024-02-05"
    assert not any(decision.code == "datum-van-webpagina" for decision in letter.beslissingen)


def test_pasted_furniture_is_left_out_and_listed() -> None:
    letter = read_letter(PASTED)
    assert str(letter.value("datum")) == "2024-02-12"
    assert letter.value("titel") == "Advies over schuldhulp voor jongeren"
    assert "de titel van de webpagina" in letter.fields["titel"].bewijs
    removed = {(regel, tekst) for regel, _, tekst in letter.verwijderd.items}
    assert {(1, "Home > Adviezen > Advies over schuldhulp"), (4, "Deel dit bericht"), (19, "Terug naar overzicht"), (20, "Lees meer adviezen")} <= removed
    assert "Terug naar" not in letter.tekst and "Lees meer" not in letter.tekst and "Home >" not in letter.tekst
    assert letter.value("aanbevelingen") == [
        "Open een inloopspreekuur voor geldzaken op elke middelbare school.",
        "Bel jongeren binnen vijf werkdagen na een melding van een betalingsachterstand.",
    ]


def test_a_web_post_about_an_advice_is_still_no_letter() -> None:
    post = (
        "Home > Nieuws > Advies over schuldhulp\nAdvies over schuldhulp\nGeplaatst op 12 februari 2024\n\n"
        "De adviesraad stuurde het college een advies over schuldhulp voor jongeren. Het college reageert binnen zes weken.\n\n"
        "Deel dit bericht\nTerug naar overzicht\n"
    )
    assert read_letter(post).geen_brief is not None


def test_a_text_cut_off_before_its_closing_is_told_to_a_person() -> None:
    cut = PASTED.split("Met vriendelijke groet,")[0].rstrip() + "\n3. Zorg dat de schuldhulp ook in de avond\n"
    letter = read_letter(cut)
    decisions = [decision for decision in letter.beslissingen if decision.code == "tekst-afgebroken"]
    assert len(decisions) == 1
    assert decisions[0].message.startswith("de tekst lijkt afgebroken: er staat geen afsluiting of ondertekening in; controleer of de hele brief er is.")
    assert "na een opsomming" in decisions[0].message
    assert letter.geen_brief is None
    assert not any(decision.code == "tekst-afgebroken" for decision in read_letter(PASTED).beslissingen)


def test_a_numbered_list_that_is_not_the_advice_is_left_alone() -> None:
    questions = PASTED.replace(
        "Wij adviseren u:\n1. Open een inloopspreekuur voor geldzaken op elke middelbare school.", "Wij adviseren u:\n1. Waarom is er geen spreekuur?"
    )
    assert read_letter(questions).value("aanbevelingen") is None
    findings = PASTED.replace("Wij adviseren u:", "Wat wij zagen:")
    assert read_letter(findings).value("aanbevelingen") is None


def test_advice_headings_are_read_in_order() -> None:
    text = PASTED.replace(
        "Wij adviseren u:\n1. Open een inloopspreekuur voor geldzaken op elke middelbare school.\n2. Bel jongeren binnen vijf werkdagen na een melding van een betalingsachterstand.",
        "Advies 1\n\nOpen een spreekuur op elke school.\n\nAdvies 2\n\nBel jongeren binnen vijf werkdagen.",
    )
    assert read_letter(text).value("aanbevelingen") == ["Open een spreekuur op elke school.", "Bel jongeren binnen vijf werkdagen."]
