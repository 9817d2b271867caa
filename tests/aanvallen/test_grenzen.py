"""Limits on hostile input: each refused with its own code and a Dutch message at the right line, before the expensive
work, and fast. The inputs that must be huge are made here (the catalogue in tests/slechte_invoer/ holds the small ones).
And the other half of the promise: what `check` accepts, the build builds."""

from __future__ import annotations

import io
import json
import os
import shutil
import struct
import time
import zipfile
from pathlib import Path

import docx
import pytest
from klein_archief import small_archive
from openpyxl import load_workbook

from adviesregister.content.extract import ExtractError, extract_text
from adviesregister.content.model import Datum
from adviesregister.content.names import document_id
from adviesregister.content.parse import MAX_FILE_BYTES, ParseError, parse_document
from adviesregister.content.schema import DOCUMENT_SCHEMA, load_schema
from adviesregister.importer.letter import read_letter
from adviesregister.pipeline import build_site, prepare, render_pages

from helpers import ROOT, copy_project, download_text, run_cli

BASIS = ROOT / "tests" / "slechte_invoer" / "_basis"
FOLDER = "content/documenten/almelo/2023"
DOC_ID = "almelo-2023-05-01-nieuw"
PAD = f"{FOLDER}/{DOC_ID}.md"
CRASH = "Er ging iets mis in Adviesregister zelf"


def document(extra: str = "", tekst: str = "Geacht college,\n\nTekst van de brief.\n", doc_id: str = DOC_ID) -> str:
    return f'---\nid: {doc_id}\nsoort: advies\ntitel: Een advies\ndatum: "2023-05-01"\ngemeente: almelo\n{extra}---\n\n{tekst}'


def check_output(tmp_path: Path, text: str | bytes, doc_id: str = DOC_ID) -> tuple[list[str], float]:
    """`adviesregister check` on the small valid archive plus one document: its problem lines and how long it took."""
    root = tmp_path / "project"
    shutil.copytree(BASIS, root)
    path = root / FOLDER / f"{doc_id}.md"
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    start = time.perf_counter()
    result = run_cli(["check", "--root", root])
    seconds = time.perf_counter() - start
    assert result.exit_code == 1, result.output
    assert CRASH not in result.output
    assert result.output.splitlines()[-1] == "1 probleem in 1 bestand."
    return result.output.splitlines()[:-1], seconds


LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(20)
)


def test_a_billion_laughs_is_refused_at_its_first_anchor_in_under_a_second() -> None:
    start = time.perf_counter()
    with pytest.raises(ParseError) as raised:
        parse_document(document(LAUGHS).encode())
    assert time.perf_counter() - start < 1
    assert (raised.value.code, raised.value.line) == ("yaml-anker", 7)


def test_a_number_of_100_000_digits_is_refused_before_it_is_converted(tmp_path: Path) -> None:
    lines, seconds = check_output(tmp_path, document(f"van: {'9' * 100_000}\n"))
    assert lines == [
        f"{PAD}:7: [getal-te-groot] hier staat een getal van 100000 tekens; zo'n groot getal komt in geen enkel veld voor. "
        "Is het tekst, zoals een kenmerk? Zet het dan tussen aanhalingstekens."
    ]
    assert seconds < 2


def test_deep_brackets_in_the_front_matter_are_refused_before_python_recurses(tmp_path: Path) -> None:
    lines, seconds = check_output(tmp_path, document(f"van: {'[' * 50_000}{']' * 50_000}\n"))
    assert lines == [
        f"{PAD}:7: [te-diep] het gegevensblok is hier meer dan 10 lagen diep (lijsten in lijsten, of haken [ of {{ in elkaar). "
        "Een veld is hooguit een lijst van groepen. Kijk of er haken open zijn blijven staan."
    ]
    assert seconds < 2


def test_a_file_over_2_mb_is_read_no_further_than_the_limit(tmp_path: Path) -> None:
    lines, _ = check_output(tmp_path, document(tekst="woord " * (MAX_FILE_BYTES // 6 + 1)))
    assert lines == [
        f"{PAD}:1: [bestand-te-groot] het bestand is groter dan 2 MB; zo groot is geen enkele brief. Staat er iets anders in, "
        "zoals een afbeelding of meer brieven achter elkaar? Haal dat weg, of maak van elke brief een eigen document."
    ]


def test_front_matter_over_128_kb_is_refused_before_yaml_reads_it(tmp_path: Path) -> None:
    lines, seconds = check_output(tmp_path, document("aanbevelingen:\n" + "  - x\n" * 30_000))
    assert lines == [
        f"{PAD}:1: [gegevensblok-te-groot] het gegevensblok is groter dan 128 kB; zo veel gegevens heeft geen enkel document. "
        "Staat de tekst van de brief erin? Zet die onder de tweede regel '---'."
    ]
    assert seconds < 2


def test_an_id_of_251_characters_is_refused_before_it_becomes_a_file_name(tmp_path: Path) -> None:
    doc_id = "almelo-2023-05-01-" + "a" * 233
    lines, _ = check_output(tmp_path, document(doc_id=doc_id), doc_id)
    assert lines == [
        f"{FOLDER}/{doc_id}.md:2: [te-lang] id: deze waarde is 251 tekens lang; hooguit 150 mag. De id is ook de naam van het bestand "
        "en een deel van elk webadres van het document. Maak hem korter, en geef het bestand dezelfde naam."
    ]


def test_20_000_brackets_are_refused_at_check_instead_of_rendering_for_minutes(tmp_path: Path) -> None:
    lines, seconds = check_output(tmp_path, document(tekst="Geacht college,\n\n" + "[" * 20_000 + "\n"))
    assert lines == [
        f"{PAD}:11: [tekst-te-ingewikkeld] de tekst is vanaf deze regel te ingewikkeld om op te maken: er staan zoveel haken '[' en '(' "
        "of tekens '<' die niet (of pas veel later) gesloten worden, zoveel opmaak (zoals * en _) in één alinea, of zoveel lijsten in "
        "lijsten, dat de site er te lang over zou doen. Sluit elke haak, haal overbodige tekens en inspringingen weg, of zet lege regels "
        "tussen de alinea's; een los teken schrijft u als '\\[' of '\\<'."
    ]
    assert seconds < 2


def test_10_001_paragraphs_are_refused(tmp_path: Path) -> None:
    lines, _ = check_output(tmp_path, document(tekst="alinea\n\n" * 10_001))
    assert lines == [
        f"{PAD}:20009: [tekst-te-lang] de tekst heeft 10.001 alinea's (stukken tekst tussen lege regels); de site kan er hooguit 10.000 "
        "opmaken, en zoveel heeft geen enkele brief. Hier begint alinea 10.001. Staan er meer brieven in dit bestand? "
        "Maak van elke brief een eigen document."
    ]


def test_a_paragraph_of_more_than_100_000_characters_is_refused(tmp_path: Path) -> None:
    lines, _ = check_output(tmp_path, document(tekst="Geacht college,\n\n" + "woord " * 20_000 + "\n"))
    assert lines == [
        f"{PAD}:11: [alinea-te-lang] de alinea die hier begint, is 120.000 tekens lang; de site kan hooguit 100.000 tekens "
        "zonder lege regel opmaken. Zet lege regels tussen de alinea's, zoals in de brief."
    ]


# What check accepts, the build builds: each of these once crashed the build after a clean check.
ACCEPTED = {
    "html-commentaar": "Geacht college,\n\n<!-- een opmerking voor de redactie -->\n\nTekst van de brief.\n",
    "alleen-commentaar": "<!-- alleen een opmerking -->\n",
    "html-blokken": "<div>\nblok\n</div>\n\n<?php echo 1; ?>\n\n<![CDATA[ x ]]>\n\n<!DOCTYPE html>\n\n</div></div>\n",
    "entiteiten": "Tekens &#1; &#0; &#x7f; &#xFFFF; &#xD800; &#x110000; &#128; &bestaatniet; &amp;\n",
    "windows-regeleinden": "Geacht college,\r\n\r\nTekst van de brief.\r\n",
    "tabel-zonder-cellen": "| a | b |\n|---|---|\n| 1 |\n\n|x|\n|-|\n",
    "haken-en-koppen": "# [\n\n## ]](\n\n###### {#id}\n\n[a]: <>\n\n[a]\n",
}


@pytest.fixture(scope="module")
def accepted_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("geaccepteerd")
    project = copy_project(root / "project", BASIS / "content")
    for index, (naam, tekst) in enumerate(sorted(ACCEPTED.items()), start=1):
        doc_id = f"almelo-2023-06-{index:02d}-{naam}"
        (project.root / FOLDER / f"{doc_id}.md").write_text(document(tekst=tekst, doc_id=doc_id), encoding="utf-8", newline="")
    return project.root


def test_odd_but_harmless_letters_pass_check(accepted_project: Path) -> None:
    result = run_cli(["check", "--root", accepted_project])
    assert result.output == f"Geen problemen gevonden in {2 + len(ACCEPTED)} documenten.\n"


def test_what_check_accepts_renders_with_clean_open_data(accepted_project: Path) -> None:
    from adviesregister.content.project import Project

    project = Project(accepted_project)
    result = render_pages(project)
    assert result.problems == []
    export = project.pages / "open-data"
    rows = list(load_workbook(export / "adviesregister.xlsx").active.iter_rows(values_only=True))
    assert len(rows) == 1 + 2 + len(ACCEPTED)
    json_text = download_text(export, "adviesregister.json")
    assert "\\u0001" not in json_text and "\\uffff" not in json_text.lower()


def test_what_check_accepts_builds_into_a_site(accepted_project: Path) -> None:
    from adviesregister.content.project import Project

    result = build_site(Project(accepted_project))
    assert result.problems == []
    assert (accepted_project / "site" / "documenten" / "almelo-2023-06-01-alleen-commentaar" / "index.html").is_file()


def test_build_after_prepare_never_meets_a_control_character(accepted_project: Path) -> None:
    from adviesregister.content.project import Project

    prepared, problems = prepare(Project(accepted_project))
    assert problems == [] and prepared is not None
    for doc in prepared.archive.documents:
        assert not any(ord(ch) < 32 and ch not in "\t\n\r" for ch in doc.tekst)


# A .docx is a zip file: its declared sizes are checked before python-docx unpacks anything.


def _docx_with_part(name: str, data: bytes) -> bytes:
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info.filename))
        target.writestr(name, data)
    return out.getvalue()


def _declare_size(raw: bytes, name: str, size: int) -> bytes:
    """The zip with `name`'s uncompressed size in its central directory set to `size` (what a forged zip bomb declares)."""
    entry = raw.rindex(b"PK\x01\x02", 0, raw.rindex(name.encode()))
    return raw[: entry + 24] + struct.pack("<I", size) + raw[entry + 28 :]


def _extract(tmp_path: Path, raw: bytes) -> str:
    path = tmp_path / "brief.docx"
    path.write_bytes(raw)
    start = time.perf_counter()
    with pytest.raises(ExtractError) as raised:
        extract_text(path)
    assert time.perf_counter() - start < 1
    return str(raised.value)


BOMB = "Het bestand is beschadigd, of gemaakt om computers te laten vastlopen (een 'zipbom'). Open het in Word en sla het opnieuw op als .docx."


def test_a_zip_bomb_docx_is_refused_by_its_compression_ratio(tmp_path: Path) -> None:
    raw = _docx_with_part("word/media/leeg.bin", b"\0" * (20 * 1024 * 1024))
    assert len(raw) < 100_000
    assert _extract(tmp_path, raw) == (
        f"het onderdeel 'word/media/leeg.bin' van het Word-bestand pakt uit tot 20 MB, meer dan 100 keer zo groot als ingepakt. {BOMB}"
    )


def test_a_docx_declaring_gigabytes_is_refused_before_unpacking(tmp_path: Path) -> None:
    raw = _declare_size(_docx_with_part("word/media/foto.bin", b"x"), "word/media/foto.bin", 4_000_000_000)
    assert _extract(tmp_path, raw) == (f"het Word-bestand pakt uit tot 3.815 MB; een brief is nooit meer dan 200 MB, ook niet met afbeeldingen. {BOMB}")


def test_a_docx_with_more_xml_than_any_letter_is_refused(tmp_path: Path) -> None:
    raw = _declare_size(_docx_with_part("word/extra.xml", b"<a/>"), "word/extra.xml", 11 * 1024 * 1024)
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        xml = sum(part.file_size for part in archive.infolist() if part.filename.endswith((".xml", ".rels")))
    assert 11 * 1024 * 1024 < xml < 200 * 1024 * 1024
    assert _extract(tmp_path, raw) == (
        f"de tekst van het Word-bestand (de XML-onderdelen) pakt uit tot {round(xml / 1024 / 1024)} MB; bij een brief is dat nooit meer dan 10 MB. {BOMB}"
    )


def merged_table_letter(path: Path, rows: int) -> Path:
    """A letter with a table of `rows` rows by 5 columns: the first four columns each one cell merged down all rows
    (w:vMerge, 'restart' in the first row), the fifth a cell of its own in every row. python-docx's `row.cells` walks
    up every merge for every row: 300 rows took 33 s, 1,200 rows minutes."""
    document = docx.Document()
    document.add_paragraph("Geacht college,")
    document.add_paragraph("De adviesraad geeft u graag het volgende advies over de kosten van de vervoerspas in de gemeente Almere.")
    table = document.add_table(rows=rows, cols=5)
    for number, tr in enumerate(table._tbl.tr_lst):  # the XML itself: python-docx's own cell access is what is slow
        for column, tc in enumerate(tr.tc_lst):
            if column < 4:
                tc.vMerge = "restart" if number == 0 else "continue"
            if column == 4 or number == 0:
                tc.p_lst[0].add_r().text = f"rij {number}" if column == 4 else f"Kop {'ABCD'[column]}"
    document.add_paragraph("Met vriendelijke groet,")
    document.add_paragraph("Adviesraad Sociaal Domein Almere")
    document.save(str(path))
    return path


def test_a_table_of_2000_merged_rows_imports_with_each_merged_cell_once(tmp_path: Path) -> None:
    letter = merged_table_letter(tmp_path / "brief.docx", 2000)
    lines = [line for line in extract_text(letter).split("\n") if line.strip()]
    start = lines.index("Kop A\tKop B\tKop C\tKop D\trij 0")
    assert lines[start + 1 : start + 2000] == [f"rij {number}" for number in range(1, 2000)]
    assert lines[start + 2000] == "Met vriendelijke groet,"
    project = small_archive(tmp_path)
    result = run_cli(["import", "--root", project.root, "--dry-run", "--json", letter])
    assert result.exit_code == 0, result.output
    tekst = json.loads(result.output)[0][0]["tekst"]
    assert [tekst.count(f"Kop {letter}") for letter in "ABCD"] == [1, 1, 1, 1]  # a merged cell is read once
    assert tekst.index("Geacht college") < tekst.index("Kop A") < tekst.index("rij 1999") < tekst.index("Met vriendelijke groet")


def test_import_names_the_zip_bomb_and_writes_nothing(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(BASIS, root)
    bomb = tmp_path / "bom.docx"
    bomb.write_bytes(_docx_with_part("word/media/leeg.bin", b"\0" * (20 * 1024 * 1024)))
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    result = run_cli(["import", "--root", root, bomb])
    assert result.exit_code == 1
    assert result.output.startswith(f"{bomb}: het onderdeel 'word/media/leeg.bin' van het Word-bestand pakt uit tot 20 MB")
    assert CRASH not in result.output
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before


def test_the_longest_id_the_importer_makes_fits_the_schema_and_a_file_name() -> None:
    fields = load_schema(DOCUMENT_SCHEMA)["properties"]
    doc_id = document_id("g" * fields["gemeente"]["maxLength"], Datum(2023, 12, 31), "woord " * 100)
    assert len(doc_id) <= fields["id"]["maxLength"] == fields["reactie_op"]["items"]["maxLength"]
    assert len(f"{doc_id}.json".encode()) <= 255


def test_a_hand_written_page_has_the_same_limits(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(BASIS, root)
    (root / "content" / "paginas" / "over.md").write_text("---\ntitle: Over\n---\n\n" + "> " * 13 + "citaat\n", encoding="utf-8")
    result = run_cli(["check", "--root", root])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "content/paginas/over.md:5: [tekst-te-diep] deze regel begint 13 lagen diep (inspringing van 4 spaties, '>' of lijsttekens als '-' en '1.'); "
        "de site kan hooguit 12 lagen opmaken. Haal de spaties en tekens aan het begin van de regel weg.",
        "1 probleem in 1 bestand.",
    ]


def test_html_left_open_over_many_paragraphs_is_refused(tmp_path: Path) -> None:
    """Found by review: 2,000 paragraphs of 100 '<div>' each passed the per-paragraph limits, then the sanitiser took 412 s."""
    tekst = "Geacht college,\n\n" + "\n\n".join(["<div>" * 100] * 2000) + "\n"
    lines, _ = check_output(tmp_path, document(tekst=tekst))
    assert lines == [
        f"{PAD}:11: [tekst-te-diep] hier staan meer dan 50 HTML-codes (zoals <div>) in elkaar die niet gesloten worden; zo kan de site de tekst "
        "niet veilig opmaken. Een brief heeft geen HTML nodig: haal de codes weg, of sluit elke code (</div>)."
    ]


def test_html_that_is_closed_stays_allowed(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(BASIS, root)
    tekst = "Geacht college,\n\n" + "\n\n".join(["<div><p>Een <em>alinea</em>.<br></p></div>"] * 500) + "\n"
    (root / FOLDER / f"{DOC_ID}.md").write_text(document(tekst=tekst), encoding="utf-8")
    assert run_cli(["check", "--root", root]).exit_code == 0


HOSTILE_LETTERS = {
    "a 'sentence' of 340 kB without a full stop": "Geachte leden van de adviesraad,\n\n" + "wij nemen advies " * 20_000 + "\n",
    "20,000 dates on one line": "Geachte leden van de adviesraad,\n\n" + "Op 1 maart 2020 heeft u " * 20_000 + "\n",
    "a name of 3,000 hyphenated words": "Geacht college " + "A-" * 3_000 + "x\n\nWij adviseren u.\n",
    "100,000 spaces after a place": "Aa, b" + " " * 100_000 + "x\n",
    "a council name followed by 75 hyphenated capitals": "namens de Wmo-raad " + "A-" * 75 + "x\n" * 3,
    "30,000 times 'hierbij ontvangt u'": "hierbij ontvangt u " * 30_000,
}


@pytest.mark.parametrize("name", HOSTILE_LETTERS)
def test_the_importers_rules_read_a_hostile_letter_in_linear_time(name: str) -> None:
    """Found by review: rules like 'nemen … over' took quadratic time on a long run without a full stop, and finding
    dates was quadratic in their number (over a minute each). Reading is well under a second; ten is the alarm."""
    start = time.perf_counter()
    read_letter(HOSTILE_LETTERS[name])
    assert time.perf_counter() - start < 10


def test_a_document_1500_folders_deep_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    """Found by attack: os.walk recursed once per folder, and 1,500 folders ended `check` in a RecursionError."""
    root = tmp_path / "project"
    shutil.copytree(BASIS, root)
    folder = os.open(root / "content" / "documenten" / "almelo", os.O_RDONLY)
    for _ in range(1_500):  # one folder at a time, each opened from the one above (os.makedirs would recurse too)
        os.mkdir("d", dir_fd=folder)
        deeper = os.open("d", os.O_RDONLY, dir_fd=folder)
        os.close(folder)
        folder = deeper
    letter = os.open("almelo-2023-05-01-diep.md", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=folder)
    os.write(letter, document(doc_id="almelo-2023-05-01-diep").encode())
    os.close(letter)
    os.close(folder)
    try:
        result = run_cli(["check", "--root", root])
    finally:  # shutil.rmtree (pytest's clean-up of old tmp dirs) would recurse as deep
        deepest = os.path.join(root, "content", "documenten", "almelo", *["d"] * 1_500)
        os.unlink(os.path.join(deepest, "almelo-2023-05-01-diep.md"))
        for level in range(1_500, 0, -1):
            os.rmdir(os.path.join(root, "content", "documenten", "almelo", *["d"] * level))
    assert CRASH not in result.output
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"content/documenten/almelo/{'d/' * 18}d:1: [map-te-diep] deze map ligt meer dan 20 mappen diep. "
        "Zo diep leest het archief niet. Haal deze map weg; documenten horen in content/documenten/GEMEENTE/JAAR/.",
        "1 probleem in 1 bestand.",
    ]


def test_a_folder_too_deep_in_site_overrides_is_named_too(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project", BASIS / "content").root
    (root / "site_overrides" / "assets" / Path(*["d"] * 30)).mkdir(parents=True)
    result = run_cli(["check", "--root", root])
    assert result.exit_code == 1
    assert result.output.splitlines()[0].startswith(f"site_overrides/assets/{'d/' * 19}d:1: [map-te-diep] deze map ligt meer dan 20 mappen diep.")
