"""A batch import ends with one table (per letter: soort, datum, gemeente, besluit, what is still open); --tabel writes
it as a CSV for Dutch Excel; import --aanvullen reads it back as Excel saves it and fills only what is open, recorded
as given by a person; options fill only what a letter leaves open, and a letter that says otherwise keeps its value."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from klein_archief import small_archive

from adviesregister.content.parse import parse_document
from adviesregister.content.project import Project
from adviesregister.importer.batch import Row, table_csv
from adviesregister.importer.fill_in import read_table
from adviesregister.importer.reimport import merge

from helpers import ROOT, copy_project, run_cli

BRIEVEN = ROOT / "tests" / "brieven"

OPEN_LETTER = """Onderwerp: {onderwerp}

Geachte heer, mevrouw,

Over {onderwerp_klein} willen wij het volgende kwijt. Veel mensen weten de weg niet, en de wachttijden zijn lang.

Wij vragen aandacht voor een vast aanspreekpunt.

Met vriendelijke groet,

P. de Vries
"""
"""A letter that shows neither its kind, nor its date, nor its gemeente (an invented writer)."""

DATED_LETTER = """Datum 3 maart 2026
Onderwerp Vervoerspas voor minima

Geacht college,

De adviesraad heeft kennisgenomen van het nieuwe beleid voor de vervoerspas en vraagt u om de pas gratis te maken.

Wij adviseren u om mensen met een laag inkomen eerst te helpen.

Met vriendelijke groet,

De adviesraad
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def open_letters(folder: Path) -> list[Path]:
    subjects = ["Vervoer naar de dagbesteding", "Hulp bij schulden", "Wonen met zorg"]
    return [write(folder, f"brief-{i}.txt", OPEN_LETTER.format(onderwerp=s, onderwerp_klein=s.lower())) for i, s in enumerate(subjects, 1)]


def front(project: Project, pad: str) -> dict[str, Any]:
    return parse_document((project.root / pad).read_bytes()).front_matter.data


def table_rows(path: Path, encoding: str = "utf-8-sig", delimiter: str = ";") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode(encoding), newline=""), delimiter=delimiter))


def save_as_excel(path: Path, rows: list[dict[str, str]], encoding: str, delimiter: str) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), delimiter=delimiter, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))


def labelled_letters(count: int) -> list[Path]:
    """`count` letters of the test set, of every council in turn, that are letters (advice, response or stuk)."""
    letters = []
    for label in sorted(BRIEVEN.glob("*/*.label.yml"), key=lambda path: (path.name[:2], path.parent.name)):
        if yaml.safe_load(label.read_text(encoding="utf-8")).get("soort") in ("advies", "reactie", "stuk"):
            letters.append(label.with_name(label.name.removesuffix(".label.yml") + ".txt"))
    return letters[:count]


def test_a_batch_of_30_letters_prints_one_table_with_30_rows(tmp_path: Path) -> None:
    root = tmp_path / "project"
    (root / "content").mkdir(parents=True)
    shutil.copy(ROOT / "tests" / "archief" / "content" / "gemeenten.yml", root / "content")
    folder = tmp_path / "map"
    folder.mkdir()
    letters = [Path(shutil.copy(letter, folder / f"{letter.parent.name}-{letter.name}")) for letter in labelled_letters(30)]
    assert len(letters) == 30 and len({letter.parent.name.split("-")[0] for letter in letters}) >= 1
    result = run_cli(["import", "--root", root, "--geen-vragen", *letters])
    assert result.output.count("Overzicht van 30 brieven") == 1, result.output
    table = result.output.split("Overzicht van 30 brieven", 1)[1].splitlines()
    assert table[1].split() == ["bestand", "soort", "datum", "gemeente", "besluit", "nog", "open"]
    rows = [line for line in table if line.startswith(str(folder))]
    assert sorted(row.split()[0] for row in rows) == sorted(map(str, letters))


def test_the_table_round_trips_through_excel(tmp_path: Path) -> None:
    project = small_archive(tmp_path)
    letters = open_letters(tmp_path / "map")
    tabel = tmp_path / "t.csv"
    imported = run_cli(["import", "--root", project.root, "--tabel", tabel, *letters])
    assert imported.exit_code == 0, imported.output
    raw = tabel.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = table_rows(tabel)
    assert list(rows[0]) == ["bestand", "document", "soort", "datum", "gemeente", "besluit", "adviestype", "reactie_op"]
    assert [(row["soort"], row["datum"], row["gemeente"]) for row in rows] == [("", "", "")] * 3
    # the secretary fills in the open cells in Excel, which saves the table in Windows-1252 with ';'
    rows[0] |= {"soort": "advies", "datum": "2024-03-01", "gemeente": "Almere", "adviestype": "ongevraagd"}
    rows[1] |= {"soort": "Reactie", "datum": "2024-04", "gemeente": "almere", "besluit": "kennisgenomen"}  # Excel capitalises
    rows[2] |= {"soort": "stuk", "datum": '=HYPERLINK("https://example.org";"klik")', "gemeente": "almere"}
    save_as_excel(tabel, rows, "cp1252", ";")
    before = (project.root / rows[2]["document"]).read_bytes()
    filled = run_cli(["import", "--root", project.root, "--aanvullen", tabel])
    assert filled.exit_code == 1, filled.output  # one row refused
    assert f"{tabel}, regel 4: veld datum: " in filled.output and "Deze regel is niet gebruikt." in filled.output
    assert (project.root / rows[2]["document"]).read_bytes() == before  # the refused row's document is untouched
    first, second = front(project, rows[0]["document"]), front(project, rows[1]["document"])
    assert (first["soort"], first["datum"], first["gemeente"], first["adviestype"]) == ("advies", "2024-03-01", "almere", "ongevraagd")
    assert first["ingevuld_door_mens"] == ["soort", "adviestype", "datum", "gemeente"]
    assert (second["soort"], second["datum"], second["besluit"]) == ("reactie", "2024-04", "kennisgenomen")
    assert "2 documenten aangevuld, 1 regels geweigerd." in filled.output
    assert f"let op: {rows[0]['document']}: de id '{first['id']}' en de map blijven zoals de import ze maakte, zonder deze datum en gemeente." in filled.output
    # the same table once more, now as UTF-8 with a byte order mark and ',': what is filled stays, the third is filled
    rows[0]["soort"] = "stuk"  # a filled field is never overwritten
    rows[2]["datum"] = "2024"
    save_as_excel(tabel, rows, "utf-8-sig", ",")
    again = run_cli(["import", "--root", project.root, "--aanvullen", tabel])
    assert again.exit_code == 0, again.output
    assert front(project, rows[0]["document"])["soort"] == "advies"
    assert f"{tabel}, regel 2, veld soort: in {rows[0]['document']} staat al 'advies'; 'stuk' is niet gebruikt." in again.output
    third = front(project, rows[2]["document"])
    assert (third["soort"], third["datum"], third["ingevuld_door_mens"]) == ("stuk", "2024", ["soort", "datum", "gemeente"])
    check = run_cli(["check", "--root", project.root])
    assert "ingevuld_door_mens" not in check.output, check.output


def test_the_table_we_write_holds_no_formula(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = small_archive(tmp_path)
    write(tmp_path / "map", "=HYPERLINK(1).txt", OPEN_LETTER.format(onderwerp="Hulp bij schulden", onderwerp_klein="hulp bij schulden"))
    write(tmp_path / "map", "@SUM(1+2).txt", OPEN_LETTER.format(onderwerp="Wonen met zorg", onderwerp_klein="wonen met zorg"))
    monkeypatch.chdir(tmp_path / "map")  # the file names as typed: the first cell of each row starts with '=' or '@'
    tabel = tmp_path / "t.csv"
    assert run_cli(["import", "--root", project.root, "--tabel", tabel, "=HYPERLINK(1).txt", "@SUM(1+2).txt"]).exit_code == 0
    rows = table_rows(tabel)
    assert [row["bestand"] for row in rows] == ["'=HYPERLINK(1).txt", "'@SUM(1+2).txt"]
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row.values())


def test_an_edited_document_is_refused_and_untouched(tmp_path: Path) -> None:
    project = small_archive(tmp_path)
    letters = open_letters(tmp_path / "map")[:2]
    tabel = tmp_path / "t.csv"
    assert run_cli(["import", "--root", project.root, "--tabel", tabel, *letters]).exit_code == 0
    rows = table_rows(tabel)
    edited = project.root / rows[0]["document"]
    edited.write_text(edited.read_text(encoding="utf-8").replace("titel: Vervoer naar de dagbesteding", "titel: Vervoer"), encoding="utf-8")
    before = edited.read_bytes()
    for row in rows:
        row |= {"soort": "advies", "gemeente": "almere"}
    rows.append({**rows[1], "document": "content/documenten/almere/bestaat-niet.md"})
    save_as_excel(tabel, rows, "cp1252", ";")
    result = run_cli(["import", "--root", project.root, "--aanvullen", tabel])
    assert result.exit_code == 1
    assert f"{tabel}, regel 2: document {rows[0]['document']} is na de import veranderd (titel). Vul de velden daar zelf in." in result.output
    assert f"{tabel}, regel 4: 'content/documenten/almere/bestaat-niet.md' is geen document in content/documenten/ van dit archief." in result.output
    assert "Traceback" not in result.output
    assert edited.read_bytes() == before
    assert front(project, rows[1]["document"])["soort"] == "advies"  # the row that passed is written


def test_an_option_fills_only_what_the_letter_leaves_open(tmp_path: Path) -> None:
    project = small_archive(tmp_path)
    dated = write(tmp_path / "map", "met-datum.txt", DATED_LETTER)
    bare = open_letters(tmp_path / "map")[0]
    result = run_cli(["import", "--root", project.root, "--datum", "2026-02-01", "--gemeente", "almere", "--soort", "stuk", dated, bare])
    assert result.exit_code == 0, result.output
    assert "de brief noemt datum 2026-03-03; --datum 2026-02-01 is niet gebruikt." in result.output
    assert "de brief noemt soort advies; --soort stuk is niet gebruikt." in result.output
    table = result.output.split("Overzicht van 2 brieven", 1)[1]
    assert f"- {dated}: de brief noemt datum 2026-03-03; --datum 2026-02-01 is niet gebruikt." in table
    own = front(project, "content/documenten/almere/2026/almere-2026-03-03-vervoerspas-voor-minima.md")
    assert (own["datum"], own["soort"], own["ingevuld_door_mens"]) == ("2026-03-03", "advies", ["gemeente"])
    rows = {line.split()[0]: line for line in table.splitlines() if line.startswith(str(tmp_path))}
    assert "2026-03-03 (conflict)" in rows[str(dated)]
    assert "2026-02-01 (gegeven)" in rows[str(bare)] and "stuk (gegeven)" in rows[str(bare)]


def test_a_single_letter_without_a_date_still_takes_datum(tmp_path: Path) -> None:
    project = small_archive(tmp_path)
    bare = open_letters(tmp_path / "map")[0]
    result = run_cli(["import", "--root", project.root, "--dry-run", "--datum", "2023", "--gemeente", "almere", bare])
    assert result.exit_code == 0, result.output
    assert "datum                  2023\n                         door een mens gegeven: opgegeven met --datum" in result.output
    assert "Overzicht van" not in result.output  # one letter: no table


def test_force_never_rewrites_what_a_person_gave(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p", small_archive(tmp_path).root / "content")
    pad = project.root / "content" / "documenten" / "almere" / "x.md"
    pad.parent.mkdir(parents=True)
    pad.write_text("---\nid: x\nsoort: advies\ntitel: X\ningevuld_door_mens:\n- soort\nbron:\n  sha256: '" + "0" * 64 + "'\n---\n\nTekst.\n", encoding="utf-8")
    merged = merge(pad, {"soort": "reactie", "titel": "X"}, "Tekst.", frozenset())
    assert merged.front_matter["soort"] == "advies" and merged.front_matter["ingevuld_door_mens"] == ["soort"]
    assert "soort: de import leest 'reactie', in het document staat 'advies' (door een mens ingevuld); dat blijft staan." in merged.anders


def test_the_guard_comes_off_when_the_table_is_read_back() -> None:
    rows = [Row("=1+1.txt", "content/documenten/a.md", {"soort": "advies"}), Row("@x.txt", "content/documenten/b.md")]
    read = read_table(table_csv(rows), "t.csv")
    assert [(regel, cells["bestand"], cells["soort"]) for regel, cells in read] == [(2, "=1+1.txt", "advies"), (3, "@x.txt", "")]
    header = "bestand;document;soort;datum;gemeente;besluit;adviestype;reactie_op\r\n"
    ((_, cells),) = read_table((header + "'x;'=y;'advies;;;;;\r\n").encode("cp1252"), "t.csv")
    # an apostrophe before a formula's sign is the guard; before anything else it is the person's
    assert (cells["bestand"], cells["document"], cells["soort"]) == ("'x", "=y", "'advies")
