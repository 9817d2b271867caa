"""A Word letter is read in document order: a letterhead table where it stands, a table in the text where it stands,
the page header apart from the body and the footer left out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import docx
from klein_archief import small_archive

from adviesregister.content.extract import extract_text

from helpers import run_cli


def table_letter(path: Path) -> Path:
    """A council's template: the council's name in the page header, a letterhead table, a table with merged cells in
    the middle of the text, a page number in the footer."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Adviesraad Sociaal Domein Almere"
    document.sections[0].footer.paragraphs[0].text = "Pagina 1 van 2"
    letterhead = document.add_table(rows=4, cols=2)
    rows = [("Datum", "3 maart 2026"), ("Ons kenmerk", "ASD-2026-014"), ("Onderwerp", "Advies over de Wmo-vervoerspas"), ("Bijlage(n)", "geen")]
    for row, (label, value) in zip(letterhead.rows, rows, strict=True):
        row.cells[0].text = label
        row.cells[1].text = value
    document.add_paragraph("")
    document.add_paragraph("Geacht college,")
    document.add_paragraph("De adviesraad heeft het voorstel over de vervoerspas gelezen en geeft u graag het volgende mee over de kosten.")
    costs = document.add_table(rows=2, cols=3)
    merged = costs.rows[0].cells[0].merge(costs.rows[0].cells[1])
    merged.text = "Kosten per jaar"
    costs.rows[0].cells[2].text = "bedrag"
    costs.rows[1].cells[0].text = "Pas"
    costs.rows[1].cells[1].text = "Rit"
    nested = costs.rows[1].cells[2].add_table(rows=1, cols=2)
    nested.rows[0].cells[0].text = "120 euro"
    nested.rows[0].cells[1].text = "per persoon"
    document.add_paragraph("Wij adviseren u de pas gratis te maken voor iedereen met een laag inkomen in de gemeente Almere.")
    document.add_paragraph("Met vriendelijke groet,")
    document.add_paragraph("Adviesraad Sociaal Domein Almere")
    document.save(str(path))
    return path


def imported(tmp_path: Path, letter: Path) -> dict[str, Any]:
    project = small_archive(tmp_path)
    result = run_cli(["import", "--root", project.root, "--dry-run", "--json", letter])
    assert result.exit_code == 0, result.output
    records: list[list[dict[str, Any]]] = json.loads(result.output)
    return records[0][0]


def test_the_text_follows_the_document_order(tmp_path: Path) -> None:
    lines = [line for line in extract_text(table_letter(tmp_path / "brief.docx")).split("\n") if line.strip()]
    assert lines[0] == "Adviesraad Sociaal Domein Almere"  # the page header, above the letter
    assert lines[1:5] == ["Datum\t3 maart 2026", "Ons kenmerk\tASD-2026-014", "Onderwerp\tAdvies over de Wmo-vervoerspas", "Bijlage(n)\tgeen"]
    assert lines.index("Kosten per jaar\tbedrag") == lines.index("Geacht college,") + 2  # the table stands where it stands
    assert "Pas\tRit\t120 euro\tper persoon" in lines  # the table in a cell is read inside its row
    assert lines.index("Met vriendelijke groet,") > lines.index("Pas\tRit\t120 euro\tper persoon")
    assert sum(line.count("Kosten per jaar") for line in lines) == 1  # a merged cell is read once
    assert not any("Pagina 1 van 2" in line for line in lines)  # the footer is no part of the letter


def test_a_letterhead_table_gives_datum_titel_and_kenmerken(tmp_path: Path) -> None:
    record = imported(tmp_path, table_letter(tmp_path / "brief.docx"))
    assert record["datum"] == "2026-03-03"
    assert record["titel"] == "Advies over de Wmo-vervoerspas"
    assert record["kenmerken"] == {"ons_kenmerk": "ASD-2026-014"}
    assert record["bewijs"]["datum"] == "regel 3: Datum 3 maart 2026"
    assert "bijlagen" not in record  # 'Bijlage(n) geen' is no attachment called 'geen'
    tekst = record["tekst"]
    assert tekst.index("Geacht college") < tekst.index("Kosten per jaar") < tekst.index("Wij adviseren")
    assert "3 maart 2026" not in tekst and "Pagina 1 van 2" not in tekst
    assert not tekst.rstrip().endswith("geen")  # the letterhead no longer ends up under the signature


def test_odt_and_doc_are_refused_with_how_to_save_them(tmp_path: Path) -> None:
    project = small_archive(tmp_path)
    before = sorted(project.root.rglob("*"))
    for name in ("brief.odt", "brief.doc", "BRIEF.DOC"):
        path = tmp_path / name
        path.write_bytes(b"PK\x03\x04 iets")
        result = run_cli(["import", "--root", project.root, path])
        assert result.exit_code == 1
        assert result.output.startswith(f"{path}: een ")
        assert "kunnen we niet lezen. Open het in Word of LibreOffice en kies 'Bestand > Opslaan als > Word-document (.docx)'" in result.output
        assert "'Bestand > Exporteren als PDF'" in result.output
        assert "Traceback" not in result.output
    assert sorted(project.root.rglob("*")) == before  # nothing written, not even a lock


def test_the_page_header_names_the_sender_the_signature_does_not(tmp_path: Path) -> None:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Adviesraad Sociaal Domein Almere"
    document.sections[0].footer.paragraphs[0].text = "Pagina 1 van 1"
    body = ["Aan het college van burgemeester en wethouders", "", "Datum 3 maart 2026", "Onderwerp Advies over de vervoerspas", "", "Geacht college,", ""]
    body += ["De adviesraad heeft het voorstel over de vervoerspas gelezen en geeft u graag het volgende mee over de kosten ervan.", ""]
    for line in [*body, "Met vriendelijke groet,", "", "De adviesraad"]:
        document.add_paragraph(line)
    document.save(str(tmp_path / "brief.docx"))
    record = imported(tmp_path, tmp_path / "brief.docx")
    assert (record["van"], record["gemeente"]) == ("Adviesraad Sociaal Domein Almere", "almere")  # without the header: no 'van', no gemeente
    assert "Adviesraad Sociaal Domein Almere" not in record["tekst"] and "Pagina 1 van 1" not in record["tekst"]
