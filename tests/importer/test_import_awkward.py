"""Awkward letters: each gives a clear result or a clear Dutch error, never a traceback."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from conversions import to_docx, to_pdf, to_scan_pdf

from adviesregister.content.project import Project

from helpers import ARCHIEF, ROOT, document_count, run_cli

COLLEGE_LETTER = """Gemeente Almelo
Postbus 5100
7600 GC Almelo

Adviesraad sociaal domein
Grotestraat 174
7607 CZ Almelo

Datum 3 april 2024
Onderwerp Reactie op advies over mantelzorg

Geachte leden van de adviesraad,

Op 1 maart 2024 heeft u ons een advies gegeven over mantelzorg. {verdict}

Hoogachtend,

Burgemeester en wethouders van Almelo,
"""


def project(tmp_path: Path, *documents: str) -> Path:
    root = tmp_path / "project"
    (root / "content").mkdir(parents=True)
    shutil.copy(ARCHIEF / "gemeenten.yml", root / "content")
    shutil.copytree(ARCHIEF / "paginas", root / "content" / "paginas")
    for text in documents:
        doc_id = text.split("id: ", 1)[1].split("\n", 1)[0]
        path = root / "content" / "documenten" / "almelo" / "2024" / f"{doc_id}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def advies(doc_id: str, titel: str) -> str:
    return f'---\nid: {doc_id}\nsoort: advies\ntitel: {titel}\ndatum: "2024-03-01"\ngemeente: almelo\n---\n\nGeacht college,\n\nTekst.\n'


def run(root: Path, letter: Path, *args: str) -> Result:
    result = run_cli(["import", "--root", str(root), "--dry-run", "--json", *args, str(letter)])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result


def records(result: Result) -> list[dict[str, Any]]:
    assert result.exit_code == 0, result.output
    loaded: list[list[dict[str, Any]]] = json.loads(result.output)
    return loaded[0]


def write(tmp_path: Path, name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding=encoding)
    return path


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("leeg.txt", b"", "het bestand is leeg."),
        ("alleen-witruimte.txt", b"  \n\n\t \n", "het bestand is leeg."),
        ("binair.txt", bytes(range(256)) * 20, "dit is geen tekstbestand (het bevat binaire gegevens)."),
        ("kapot.pdf", b"%PDF-1.4 dit is geen pdf", "de PDF is beschadigd of geen echte PDF"),
        ("kapot.docx", b"PK\x03\x04 geen zip", "het Word-bestand is beschadigd of geen .docx"),
        ("brief.odt", b"iets", "een OpenDocument-tekst (.odt, van LibreOffice of OpenOffice) kunnen we niet lezen. Open het in Word of LibreOffice"),
        ("foto.jpg", b"\xff\xd8\xff\xe0", "bestanden van het type '.jpg' kunnen we niet lezen."),
    ],
)
def test_unreadable_files_get_a_dutch_error(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    result = run(project(tmp_path), write(tmp_path, name, content))
    assert result.exit_code == 1
    assert message in result.output
    assert result.output.startswith(str(tmp_path / name) + ": ")


def test_a_scan_without_ocr_needs_ocr_first(tmp_path: Path) -> None:
    result = run(project(tmp_path), to_scan_pdf(tmp_path / "scan.pdf"), "--geen-ocr")  # with OCR: tests/importer/test_ocr.py
    assert result.exit_code == 1
    assert "de PDF bevat geen tekst, alleen afbeeldingen (een scan). Laat er eerst tekstherkenning (OCR) op los" in result.output


def test_a_20_mb_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "groot.txt"
    with big.open("wb") as handle:
        handle.write(b"Geachte college,\n" + b"Dit is een heel lange brief. " * (20 * 1024 * 1024 // 29))
    result = run(project(tmp_path), big)
    assert result.exit_code == 1
    assert "het bestand is 20 MB; een brief als .txt is nooit groter dan 5 MB." in result.output


def test_cp1252_and_bom_text_read_the_same(tmp_path: Path) -> None:
    text = COLLEGE_LETTER.format(verdict="Wij nemen uw advies over. De financiële gevolgen zijn gering.")
    root = project(tmp_path)
    as_cp1252 = records(run(root, write(tmp_path, "cp1252.txt", text, "cp1252")))
    as_bom = records(run(root, write(tmp_path, "bom.txt", text, "utf-8-sig")))
    assert "financiële" in as_cp1252[0]["tekst"]
    assert as_cp1252[0]["tekst"] == as_bom[0]["tekst"]
    assert as_cp1252[0]["besluit"] == "overgenomen"


@pytest.mark.parametrize(
    ("verdict", "besluit", "citaat"),
    [
        ("Wij nemen uw advies over.", "overgenomen", "Wij nemen uw advies over."),
        ("Wij nemen uw advies niet over.", "niet overgenomen", "Wij nemen uw advies niet over."),
        (
            "Het college zal het advies niet overnemen, omdat het geld ontbreekt.",
            "niet overgenomen",
            "Het college zal het advies niet overnemen, omdat het geld ontbreekt.",
        ),
        ("Wij nemen uw advies gedeeltelijk over.", "deels overgenomen", "Wij nemen uw advies gedeeltelijk over."),
        (
            "Wij zijn het met u eens over de mantelzorgwaardering. Het tweede punt nemen wij niet over.",
            "deels overgenomen",
            "Het tweede punt nemen wij niet over.",
        ),
        ("Wij hebben kennis genomen van uw advies.", "kennisgenomen", "Wij hebben kennis genomen van uw advies."),
    ],
)
def test_verdict_and_the_sentence_that_says_it(tmp_path: Path, verdict: str, besluit: str, citaat: str) -> None:
    record = records(run(project(tmp_path), write(tmp_path, "reactie.txt", COLLEGE_LETTER.format(verdict=verdict))))[0]
    assert (record["besluit"], record["besluit_citaat"]) == (besluit, citaat)


def test_no_clear_verdict_means_abstain(tmp_path: Path) -> None:
    record = records(run(project(tmp_path), write(tmp_path, "reactie.txt", COLLEGE_LETTER.format(verdict="Wij komen hier later op terug."))))[0]
    assert "besluit" not in record
    assert any(item.startswith("besluit: de brief zegt niet duidelijk") for item in record["beslissingen"])


def test_two_advices_that_could_match_are_left_for_a_person(tmp_path: Path) -> None:
    root = project(
        tmp_path, advies("almelo-2024-03-01-advies-mantelzorg", "Advies mantelzorg"), advies("almelo-2024-03-01-advies-respijtzorg", "Advies respijtzorg")
    )
    record = records(run(root, write(tmp_path, "reactie.txt", COLLEGE_LETTER.format(verdict="Wij nemen uw advies over."))))
    assert len(record) == 1 and "reactie_op" not in record[0]
    assert (
        "reactie_op: twee of meer adviezen van 2024-03-01 passen: 'almelo-2024-03-01-advies-mantelzorg' en 'almelo-2024-03-01-advies-respijtzorg'. Kies het goede en vul de id in."
        in record[0]["beslissingen"]
    )


def test_one_matching_advice_is_linked(tmp_path: Path) -> None:
    root = project(tmp_path, advies("almelo-2024-03-01-advies-mantelzorg", "Advies mantelzorg"))
    record = records(run(root, write(tmp_path, "reactie.txt", COLLEGE_LETTER.format(verdict="Wij nemen uw advies over."))))
    assert [r["id"] for r in record] == ["almelo-2024-04-03-reactie-op-advies-over-mantelzorg"]
    assert record[0]["reactie_op"] == ["almelo-2024-03-01-advies-mantelzorg"]


def test_a_council_letter_quoting_the_college_is_not_a_response(tmp_path: Path) -> None:
    letter = """Aan college van burgemeester en wethouders
Gemeente Almelo

Betreft Gevraagd advies over de Wmo-verordening
Datum 12 juni 2024

Geacht college,

In uw adviesaanvraag schreef u: "Als college nemen we dit advies niet over." Wij vragen u dat opnieuw te bekijken.

Met vriendelijke groet,

Adviesraad sociaal domein Almelo
"""
    record = records(run(project(tmp_path), write(tmp_path, "advies.txt", letter)))[0]
    assert (record["soort"], record["adviestype"]) == ("advies", "gevraagd")
    assert "besluit" not in record


def test_personal_data_is_removed_and_reported(tmp_path: Path) -> None:
    text = COLLEGE_LETTER.format(verdict="Wij nemen uw advies over. Mevrouw heeft BSN 111222333 en mailt via j.jansen@gmail.com of info@almelo.nl.")
    text = text.replace("Datum 3 april 2024", "Datum 3 april 2024\nBehandeld door J. de Vries")
    result = run(project(tmp_path), write(tmp_path, "reactie.txt", text))
    record = records(result)[0]
    assert "111222333" not in json.dumps(record)
    assert "j.jansen@gmail.com" not in record["tekst"]
    assert "de Vries" not in json.dumps({k: v for k, v in record.items() if k != "bewijs"})
    assert "[BSN verwijderd]" in record["tekst"] and "[e-mailadres verwijderd]" in record["tekst"] and "info@almelo.nl" in record["tekst"]


def test_a_letter_without_date_abstains(tmp_path: Path) -> None:
    record = records(
        run(project(tmp_path), write(tmp_path, "reactie.txt", COLLEGE_LETTER.format(verdict="Wij nemen uw advies over.").replace("Datum 3 april 2024\n", "")))
    )[0]
    assert "datum" not in record
    assert record["id"] == "almelo-reactie-op-advies-over-mantelzorg"
    assert any(item.startswith("datum: de brief heeft geen datum.") for item in record["beslissingen"])


def test_an_unknown_municipality_is_named_but_not_invented(tmp_path: Path) -> None:
    text = COLLEGE_LETTER.format(verdict="Wij nemen uw advies over.").replace("Almelo", "Zwolle").replace("7600 GC", "8000 GA")
    record = records(run(project(tmp_path), write(tmp_path, "reactie.txt", text)))[0]
    assert record["gemeente"] == "zwolle"
    assert (
        'gemeente: Zwolle (GM0193) staat nog niet in content/gemeenten.yml. Voeg haar toe met: adviesregister gemeente toevoegen "Zwolle" --adviesraad "Naam van de adviesraad"'
        in record["beslissingen"]
    )


def test_no_municipality_at_all_asks_for_one(tmp_path: Path) -> None:
    text = "Betreft Advies over armoede\nDatum 1 mei 2024\n\nGeacht college,\n\nDe adviesraad sociaal domein adviseert u om meer te doen tegen armoede.\n\nMet vriendelijke groet,\n\nAdviesraad sociaal domein\n"
    record = records(run(project(tmp_path), write(tmp_path, "advies.txt", text)))[0]
    assert "gemeente" not in record
    assert "gemeente: de brief noemt geen gemeente die we kennen. Geef haar op met --gemeente." in record["beslissingen"]
    record = records(run(project(tmp_path / "b"), write(tmp_path, "advies.txt", text), "--gemeente", "almelo"))[0]
    assert record["gemeente"] == "almelo"


def test_html_keeps_the_letter_and_drops_the_navigation(tmp_path: Path) -> None:
    blocks = COLLEGE_LETTER.format(verdict="Wij nemen uw advies over.").split("\n\n")
    paragraphs = "".join(f"<p>{block.strip().replace(chr(10), '<br>')}</p>" for block in blocks)
    html = f"""<html><head><title>Brief</title><script>alert(1)</script></head><body>
<nav><a href="/">Home</a> Menu Zoeken</nav><main>{paragraphs}</main>
<footer>Cookies en privacy</footer></body></html>"""
    record = records(run(project(tmp_path), write(tmp_path, "brief.html", html)))[0]
    assert record["besluit"] == "overgenomen"
    assert "Menu" not in record["tekst"] and "Cookies" not in record["tekst"] and "alert" not in record["tekst"]
    assert record["titel"] == "Reactie op advies over mantelzorg"


def test_word_and_pdf_of_a_new_letter_read_alike(tmp_path: Path) -> None:
    text = COLLEGE_LETTER.format(verdict="Wij nemen uw advies over.")
    root = project(tmp_path)
    from_docx = records(run(root, to_docx(text, tmp_path / "brief.docx")))[0]
    from_pdf = records(run(root, to_pdf(text, tmp_path / "brief.pdf")))[0]
    for key in ("id", "soort", "datum", "gemeente", "van", "aan", "besluit", "besluit_citaat", "tekst"):
        assert from_docx[key] == from_pdf[key], key


def test_many_files_at_once_with_one_bad_one(tmp_path: Path) -> None:
    root = project(tmp_path)
    good = write(tmp_path, "goed.txt", COLLEGE_LETTER.format(verdict="Wij nemen uw advies over."))
    bad = write(tmp_path, "leeg.txt", b"")
    result = run_cli(["import", "--root", str(root), str(good), str(bad)])
    assert result.exit_code == 1
    assert f"{bad}: het bestand is leeg." in result.output
    assert (root / "content/documenten/almelo/2024/almelo-2024-04-03-reactie-op-advies-over-mantelzorg.md").is_file()


def test_without_a_date_the_subject_links_and_asks_to_check(tmp_path: Path) -> None:
    root = project(tmp_path, advies("almelo-2024-03-01-advies-mantelzorg", "Advies mantelzorg"))
    text = COLLEGE_LETTER.format(verdict="Wij nemen uw advies over.").replace("Op 1 maart 2024 heeft u ons een advies gegeven over mantelzorg. ", "")
    record = records(run(root, write(tmp_path, "reactie.txt", text)))[0]
    assert record["reactie_op"] == ["almelo-2024-03-01-advies-mantelzorg"]
    assert (
        "reactie_op: gekoppeld aan 'almelo-2024-03-01-advies-mantelzorg' op grond van het onderwerp, niet van een datum. Controleer dit."
        in record["beslissingen"]
    )


def test_imported_seeds_pass_the_checker(tmp_path: Path) -> None:
    root = project(tmp_path)
    seeds = sorted((ROOT / "tests" / "zaden").glob("*.txt"), key=lambda path: path.name)
    assert run_cli(["import", "--root", str(root), *map(str, seeds[:4])]).exit_code == 0
    assert run_cli(["import", "--root", str(root), "--datum", "2023", str(seeds[4])]).exit_code == 0
    result = run_cli(["check", "--root", str(root)])
    assert result.output == f"Geen problemen gevonden in {document_count(Project(root))} documenten.\n"
