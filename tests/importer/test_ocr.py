"""Scanned PDFs: a seed letter drawn as a picture (tests/conversions.py to_scan) is read with OCR and imports with the
same front matter as its text, or leaves a field out and says so; the report says the text came from OCR and how sure
it is. Each OCR takes about a second a page, so the scans are made and imported once per module.

Skipped only where Tesseract with its Dutch model is missing, never in CI (.ci/run installs it)."""

from __future__ import annotations

import difflib
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conversions import SCAN_FONT, to_pdf, to_scan, to_scan_pdf

from adviesregister.base.ocr import OcrInfo
from adviesregister.content.extract import MAX_OCR_PAGES, SCAN_WITHOUT_OCR, Extracted, ExtractError, extract
from adviesregister.content.load import load_archive
from adviesregister.content.project import Project
from adviesregister.importer.letter_import import import_letter
from adviesregister.importer.report import record_json
from adviesregister.importer.result import ImportResult

from helpers import ADVIES, ARCHIEF, ROOT, run_cli

SEED = ROOT / "tests" / "zaden" / "000_6c827c7bc0f935ab.txt"
"""The college of Almelo's response to an advice: header table, date, subject, verdict, signature; two pages as a scan."""


def _tesseract_missing() -> str | None:
    if shutil.which("tesseract") is None:
        return "Tesseract ontbreekt (apt-get install tesseract-ocr tesseract-ocr-nld)"
    if "nld" not in subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True).stdout.split():
        return "het Nederlandse taalmodel van Tesseract ontbreekt (apt-get install tesseract-ocr-nld)"
    if not SCAN_FONT.exists():
        return f"{SCAN_FONT} ontbreekt (apt-get install fonts-dejavu-core)"
    return None


MISSING = _tesseract_missing()
needs_tesseract = pytest.mark.skipif(MISSING is not None and not os.environ.get("CI"), reason=MISSING or "")
"""In CI a missing Tesseract fails the tests instead of skipping them: .ci/run must install it."""


QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
"""Tesseract reads a straight quote as a curly one: the same text to a reader, so the same value here."""


def same_quotes(value: object) -> object:
    return value.translate(QUOTES) if isinstance(value, str) else value


def empty_project(root: Path) -> Project:
    (root / "content").mkdir(parents=True)
    shutil.copy(ARCHIEF / "gemeenten.yml", root / "content")
    return Project(root)


def imported(project: Project, path: Path) -> ImportResult:
    archive, _ = load_archive(project)
    return import_letter(project, archive, path)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return empty_project(tmp_path_factory.mktemp("project"))


@pytest.fixture(scope="module")
def scan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return to_scan(SEED.read_text(encoding="utf-8"), tmp_path_factory.mktemp("scan") / "reactie-almelo.pdf")


@pytest.fixture(scope="module")
def from_text(project: Project) -> ImportResult:
    return imported(project, SEED)


@pytest.fixture(scope="module")
def from_scan(project: Project, scan: Path) -> ImportResult:
    return imported(project, scan)


@needs_tesseract
def test_a_scanned_seed_imports_with_the_front_matter_of_its_text(from_text: ImportResult, from_scan: ImportResult) -> None:
    assert [record.path for record in from_scan.records] == [record.path for record in from_text.records]
    said = {decision.field for decision in from_scan.beslissingen}
    for text_record, scan_record in zip(from_text.records, from_scan.records, strict=True):
        expected = {key: same_quotes(value) for key, value in text_record.front_matter.items() if key != "bron"}  # another file, another hash
        found = {key: same_quotes(value) for key, value in scan_record.front_matter.items() if key != "bron"}
        assert {key: value for key, value in found.items() if key in expected and value != expected[key]} == {}, "OCR gave another value"
        assert set(found) <= set(expected), "OCR gave a field the text has not"
        assert set(expected) - set(found) <= said, "a field OCR left out is not named in the report"
    assert {key: from_scan.records[0].front_matter.get(key) for key in ("soort", "datum", "gemeente", "titel", "besluit")} == {
        "soort": "reactie",
        "datum": "2023-01-23",
        "gemeente": "almelo",
        "titel": "Reactie ongevraagd advies NSOB rapport",
        "besluit": "niet overgenomen",
    }


@needs_tesseract
def test_the_scans_text_is_the_letters_text(from_text: ImportResult, from_scan: ImportResult) -> None:
    words = from_text.records[0].tekst.split(), from_scan.records[0].tekst.split()
    assert difflib.SequenceMatcher(None, *words, autojunk=False).ratio() > 0.95


@needs_tesseract
def test_the_report_says_the_text_came_from_ocr_and_how_sure_it_is(from_text: ImportResult, from_scan: ImportResult) -> None:
    assert from_text.ocr is None
    assert "tekst-uit-ocr" not in [decision.code for decision in from_text.beslissingen]
    assert from_scan.ocr is not None
    assert from_scan.ocr.pages == 2
    assert from_scan.ocr.words > 300
    assert 85 < from_scan.ocr.confidence <= 100
    decision = from_scan.beslissingen[0]
    assert (decision.field, decision.code) == ("tekst", "tekst-uit-ocr")
    assert str(decision) == (
        f"tekst: de tekst komt uit tekstherkenning (OCR) van een scan (2 pagina's), gemiddeld {from_scan.ocr.confidence:.0f} % zeker: "
        "vergelijk datum, titel en namen met de brief."
    )
    record = record_json(from_scan)[0]
    assert record["ocr"] == {"zekerheid": from_scan.ocr.confidence, "paginas": 2, "woorden": from_scan.ocr.words}
    assert record["beslissingen"][0] == str(decision)
    assert record_json(from_text)[0]["ocr"] is None


@needs_tesseract
def test_the_command_line_reads_a_scan_and_says_so(tmp_path: Path) -> None:
    root = empty_project(tmp_path / "project").root
    letter = to_scan(ADVIES, tmp_path / "advies.pdf")
    result = run_cli(["import", "--root", root, "--dry-run", letter])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert re.search(r"- tekst: de tekst komt uit tekstherkenning \(OCR\) van een scan \(1 pagina\), gemiddeld \d+ % zeker", result.output)
    assert re.search(r"titel +Ongevraagd advies over schuldhulpverlening voor jongeren", result.output)
    assert re.search(r"datum +2026-11-02", result.output)


@needs_tesseract
def test_ocr_forced_on_a_pdf_with_text(tmp_path: Path) -> None:
    letter = to_pdf(ADVIES, tmp_path / "advies.pdf")
    assert extract(letter).ocr is None
    forced = extract(letter, ocr=True)
    assert forced.ocr is not None and forced.ocr.pages == 1
    assert "schuldhulpverlening" in forced.text


@needs_tesseract
def test_a_scan_without_words_gets_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(
        ExtractError, match=r"^de PDF bevat geen tekst, alleen afbeeldingen \(een scan\), en ook tekstherkenning \(OCR\) vond er geen tekst in\."
    ):
        extract(to_scan_pdf(tmp_path / "strepen.pdf"))


def test_without_ocr_a_scan_is_refused_as_before(tmp_path: Path) -> None:
    letter = to_scan_pdf(tmp_path / "scan.pdf")
    result = run_cli(["import", "--root", empty_project(tmp_path / "project").root, "--dry-run", "--geen-ocr", letter])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert result.output.strip() == f"{letter}: {SCAN_WITHOUT_OCR}"


def test_ocr_changes_nothing_for_a_text_file() -> None:
    assert extract(SEED, ocr=True).ocr is None


def test_a_missing_tesseract_says_how_to_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no programs at all
    letter = to_scan_pdf(tmp_path / "scan.pdf")
    with pytest.raises(ExtractError) as raised:
        extract(letter)
    assert str(raised.value) == (
        "de tekstherkenning (OCR) kan niet: het programma Tesseract is niet geïnstalleerd. "
        "Installeer het met 'sudo apt-get install tesseract-ocr tesseract-ocr-nld' en probeer het opnieuw."
    )
    result = run_cli(["import", "--root", empty_project(tmp_path / "project").root, "--dry-run", "--json", letter])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.output.startswith(f"{letter}: {raised.value}\n")


@needs_tesseract
def test_a_missing_dutch_model_says_how_to_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))  # a folder without any language model
    with pytest.raises(
        ExtractError, match=r"het Nederlandse taalmodel van Tesseract ontbreekt\. Installeer het met 'sudo apt-get install tesseract-ocr tesseract-ocr-nld'"
    ):
        extract(to_scan_pdf(tmp_path / "scan.pdf"))


def test_the_json_of_a_text_letter_says_no_ocr(tmp_path: Path) -> None:
    result = run_cli(["import", "--root", empty_project(tmp_path / "project").root, "--dry-run", "--json", SEED])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)[0][0]["ocr"] is None


def test_a_doubtful_ocr_says_every_field_may_be_wrong(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    read = extract(SEED)
    monkeypatch.setattr("adviesregister.importer.letter_import.extract", lambda path, ocr: Extracted(read.text, OcrInfo(62.4, 3, 500)))
    result = imported(project, SEED)
    assert str(result.beslissingen[0]) == (
        "tekst: de tekst komt uit tekstherkenning (OCR) van een scan (3 pagina's), gemiddeld 62 % zeker. Dat is laag: veel woorden kunnen "
        "verkeerd gelezen zijn, dus ook de gevonden velden. Vergelijk elk veld en de tekst met de brief, of scan hem opnieuw (recht, minstens 300 dpi)."
    )


@needs_tesseract
def test_a_failing_ocrmypdf_gives_a_dutch_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("kapot")

    monkeypatch.setattr("ocrmypdf.api._pdf_to_hocr", fail)
    with pytest.raises(ExtractError) as raised:
        extract(to_scan_pdf(tmp_path / "scan.pdf"))
    assert str(raised.value) == (
        "de tekstherkenning (OCR) van de scan mislukte (RuntimeError: kapot). Open de PDF in een PDF-lezer en sla hem opnieuw op, of scan de brief opnieuw."
    )


def test_a_scan_of_more_pages_than_a_letter_is_refused_before_ocr(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "dik.pdf"
    pdf = canvas.Canvas(str(path))
    for _ in range(MAX_OCR_PAGES + 1):
        pdf.rect(40, 400, 400, 6, fill=1)
        pdf.showPage()
    pdf.save()
    with pytest.raises(ExtractError, match=rf"^de scan heeft {MAX_OCR_PAGES + 1} pagina's; tekstherkenning \(OCR\) leest er hoogstens {MAX_OCR_PAGES}"):
        extract(path)
