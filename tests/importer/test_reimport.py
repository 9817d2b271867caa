"""A first import that needs no second try: the report asks for every required field it could not fill (and not for one
given as an option); a second import of the same original writes no second document, and with --force rewrites what
the import wrote and nobody changed (bron.ingelezen) and keeps what a person filled, changed or removed; the record
stays out of the site and the open data; check refuses two documents with one original (dubbele-bron)."""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from klein_archief import small_archive

from adviesregister.content.parse import parse_document
from adviesregister.content.project import Project
from adviesregister.content.schema import DOCUMENT_SCHEMA, front_matter_fields, load_schema
from adviesregister.importer.findings import Letter
from adviesregister.importer.letter import read_letter
from adviesregister.importer.reimport import fingerprint, text_fingerprint

from helpers import ADVIES, export, run_cli

BARE_LETTER = """Geacht college,

De adviesraad heeft met belangstelling kennisgenomen van het nieuwe beleid voor de vervoerspas en vraagt u om de pas gratis te maken.

Wij adviseren u om mensen met een laag inkomen eerst te helpen en hen goed te informeren over de regeling.

Met vriendelijke groet,

De adviesraad
"""


def letter(tmp_path: Path, text: str = BARE_LETTER) -> Path:
    path = tmp_path / "brief.txt"
    path.write_text(text, encoding="utf-8")
    return path


def dry_run(project: Project, path: Path, *options: str) -> dict[str, Any]:
    result = run_cli(["import", "--root", project.root, "--dry-run", "--json", *options, path])
    assert result.exit_code == 0, result.output
    records: list[list[dict[str, Any]]] = json.loads(result.output)
    assert len(records[0]) == 1
    return records[0][0]


def asked(record: dict[str, Any]) -> set[str]:
    return {decision.split(":", 1)[0] for decision in record["beslissingen"]}


def files(project: Project) -> list[str]:
    return sorted(project.relative(path) for path in (project.root / "content").rglob("*") if path.is_file() and "paginas" not in path.parts)


def test_every_required_field_not_found_is_asked_for(tmp_path: Path) -> None:
    project = small_archive(tmp_path)
    record = dry_run(project, letter(tmp_path))
    assert {"titel", "datum", "gemeente"} <= asked(record)
    assert not {"titel", "datum", "gemeente"} & set(record)
    titel = next(decision for decision in record["beslissingen"] if decision.startswith("titel:"))
    assert "dit verplichte veld staat niet in de brief" in titel


def test_a_field_given_as_option_is_not_asked_for(tmp_path: Path) -> None:
    project = small_archive(tmp_path)
    record = dry_run(project, letter(tmp_path), "--datum", "2026-03-03", "--gemeente", "almere")
    assert (record["datum"], record["gemeente"]) == ("2026-03-03", "almere")
    assert "titel" in asked(record)
    assert not {"datum", "gemeente"} & asked(record)


def test_no_attachment_is_no_attachment(tmp_path: Path) -> None:
    project = small_archive(tmp_path)
    for geen in ("geen", "-", "n.v.t.", "nvt", "Niet van toepassing", "GEEN"):
        text = BARE_LETTER.replace("Geacht college,", f"Datum 3 maart 2026\nOnderwerp Vervoerspas\nBijlage(n) {geen}\n\nGeacht college,")
        record = dry_run(project, letter(tmp_path, text))
        assert "bijlagen" not in record, geen
    text = BARE_LETTER.replace("Geacht college,", "Datum 3 maart 2026\nOnderwerp Vervoerspas\nBijlage(n) Tarieven 2026\n\nGeacht college,")
    assert dry_run(project, letter(tmp_path, text))["bijlagen"] == ["Tarieven 2026"]


def test_a_second_import_names_the_holder_and_writes_nothing(tmp_path: Path) -> None:
    project = small_archive(tmp_path)
    path = letter(tmp_path)
    first = run_cli(["import", "--root", project.root, path])
    assert first.exit_code == 0, first.output
    written = files(project)
    holder = next(pad for pad in written if pad.startswith("content/documenten/"))
    before = (project.root / holder).read_bytes()
    again = run_cli(["import", "--root", project.root, "--datum", "2026-03-03", "--gemeente", "almere", path])
    assert again.exit_code == 0, again.output  # a re-run of a script is no error
    assert f"deze brief staat al in het archief als {holder}" in again.output
    assert "geschreven:" not in again.output
    assert files(project) == written
    assert (project.root / holder).read_bytes() == before


def test_force_fills_in_what_the_import_found_and_keeps_what_a_person_wrote(tmp_path: Path) -> None:
    project = small_archive(tmp_path)
    path = letter(tmp_path, BARE_LETTER.replace("Geacht college,", "Onderwerp Vervoerspas voor minima\n\nGeacht college,"))
    assert run_cli(["import", "--root", project.root, path]).exit_code == 0
    written = files(project)
    holder = project.root / next(pad for pad in written if pad.startswith("content/documenten/"))
    text = holder.read_text(encoding="utf-8")
    assert "titel: Vervoerspas voor minima\n" in text
    person = text.replace("titel: Vervoerspas voor minima\n", "titel: De vervoerspas\nthemas:\n- armoede en schulden\n").replace(
        "De adviesraad\n", "De adviesraad (getekend)\n"
    )
    holder.write_text(person, encoding="utf-8")
    result = run_cli(["import", "--root", project.root, "--force", "--datum", "2026-03-03", "--gemeente", "almere", path])
    assert result.exit_code == 0, result.output
    assert f"geschreven: {project.relative(holder)}" in result.output
    assert "titel: de import leest 'Vervoerspas voor minima', in het document staat 'De vervoerspas'; dat blijft staan." in result.output
    after = holder.read_text(encoding="utf-8")
    assert "titel: De vervoerspas\n" in after and "- armoede en schulden\n" in after and "De adviesraad (getekend)\n" in after
    assert "datum: '2026-03-03'\n" in after and "gemeente: almere\n" in after
    assert files(project) == written  # no second document, no second copy of the original
    check = run_cli(["check", "--root", project.root])
    assert check.exit_code == 0, check.output


def test_check_refuses_two_documents_with_one_original(tmp_path: Path) -> None:
    project = small_archive(tmp_path)
    path = letter(tmp_path, BARE_LETTER.replace("Geacht college,", "Datum 3 maart 2026\nOnderwerp Vervoerspas\n\nGeacht college,"))
    assert run_cli(["import", "--root", project.root, "--gemeente", "almere", path]).exit_code == 0
    first = next(pad for pad in files(project) if pad.startswith("content/documenten/"))
    second = first.replace("vervoerspas", "vervoerspas-kopie")
    text = (project.root / first).read_text(encoding="utf-8")
    doc_id = Path(first).stem
    (project.root / second).write_text(text.replace(f"id: {doc_id}", f"id: {doc_id}-kopie"), encoding="utf-8")
    result = run_cli(["check", "--root", project.root])
    assert result.exit_code == 1
    found = [line for line in result.output.splitlines() if "[dubbele-bron]" in line]
    assert len(found) == 1  # named once, at the one of the two that is read last, with the other
    one, other = (first, second) if found[0].startswith(f"{first}:") else (second, first)
    regel = text.split("\n").index(next(line for line in text.split("\n") if line.startswith("  sha256: "))) + 1
    assert found[0].startswith(f"{one}:{regel}: [dubbele-bron] bron.sha256: dit origineel hoort al bij {other}:{regel};")


OLD_AAN = "de gemeenteraad van Almere"
OLD_TITEL = "Advies over schulden"


def read_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    """The importer as it read before it learned better: another 'aan', a shorter title and the text without its last
    paragraph; the original is the same bytes."""

    def older(tekst: str, web_page: object = None) -> Letter:
        letter = read_letter(tekst)
        letter.set("aan", OLD_AAN, 5, "Aan de gemeenteraad", replace=True)
        letter.set("titel", OLD_TITEL, 8, "Betreft Advies over schulden", replace=True)
        letter.tekst = letter.tekst.replace("Wij adviseren u om op elke middelbare school een vast spreekuur voor geldzaken te houden.\n", "")
        return letter

    monkeypatch.setattr("adviesregister.importer.letter_import.read_letter", older)


def first_import(project: Project, path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Import `path` with the older reading; the document it wrote."""
    with monkeypatch.context() as patch:
        read_as_before(patch)
        result = run_cli(["import", "--root", project.root, path])
    assert result.exit_code == 0, result.output
    return next((project.root / "content" / "documenten").rglob("*.md"))


def front(path: Path) -> dict[str, Any]:
    return dict(parse_document(path.read_bytes()).front_matter.data)


def test_force_rewrites_what_the_import_wrote_and_keeps_what_a_person_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = small_archive(tmp_path)
    path = letter(tmp_path, ADVIES)
    doc = first_import(project, path, monkeypatch)
    data = front(doc)
    assert (data["aan"], data["titel"]) == (OLD_AAN, OLD_TITEL)
    record = data["bron"]["ingelezen"]
    assert record["aan"] == fingerprint(OLD_AAN) and record["titel"] == fingerprint(OLD_TITEL) and record["datum"] == fingerprint(data["datum"])
    assert record["tekst"] == text_fingerprint(parse_document(doc.read_bytes()).tekst)
    assert not {"id", "bron"} & set(record)
    # A person changes the title, removes the adviestype and adds themes; aan, van, datum and the text stay as imported.
    text = doc.read_text(encoding="utf-8")
    assert "adviestype: ongevraagd\n" in text
    text = text.replace(f"titel: {OLD_TITEL}\n", "titel: Schulden van jongeren\nthemas:\n- armoede en schulden\n").replace("adviestype: ongevraagd\n", "")
    doc.write_text(text, encoding="utf-8")
    written = files(project)
    result = run_cli(["import", "--root", project.root, "--force", path])
    assert result.exit_code == 0, result.output
    assert f"geschreven: {project.relative(doc)}" in result.output
    assert (
        f"aan: was '{OLD_AAN}' (door de import geschreven, niet veranderd), wordt 'college van burgemeester en wethouders, Gemeente Almere'." in result.output
    )
    assert (
        "titel: de import leest 'Ongevraagd advies over schuldhulpverlening voor jongeren', in het document staat 'Schulden van jongeren'; dat blijft staan."
        in (result.output)
    )
    assert "adviestype: de import leest 'ongevraagd', maar dit veld is na de import weggehaald; het blijft weg." in result.output
    assert "tekst: door de import geschreven en niet veranderd" in result.output
    after = front(doc)
    assert after["aan"] == "college van burgemeester en wethouders, Gemeente Almere"
    assert (after["titel"], after["themas"]) == ("Schulden van jongeren", ["armoede en schulden"])
    assert "adviestype" not in after
    assert (after["id"], after["datum"], after["van"]) == (data["id"], data["datum"], data["van"])
    assert {key: value for key, value in after["bron"].items() if key != "ingelezen"} == {
        key: value for key, value in data["bron"].items() if key != "ingelezen"
    }
    assert "vast spreekuur voor geldzaken" in parse_document(doc.read_bytes()).tekst
    record = after["bron"]["ingelezen"]
    assert record["aan"] == fingerprint(after["aan"])
    assert "titel" not in record and "themas" not in record  # a person's now, for good
    assert record["adviestype"] == fingerprint("ongevraagd")  # removed by a person: stays away at the next import too
    assert files(project) == written
    again = run_cli(["import", "--root", project.root, "--force", path])
    assert again.exit_code == 0, again.output
    assert "geschreven:" not in again.output  # nothing new read, nothing written
    assert "adviestype" not in front(doc)
    check = run_cli(["check", "--root", project.root])
    assert check.exit_code == 0, check.output


def test_force_removes_a_field_the_import_wrote_and_no_longer_finds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = small_archive(tmp_path)
    path = letter(tmp_path, ADVIES)

    def with_attachment(tekst: str, web_page: object = None) -> Letter:
        letter = read_letter(tekst)
        letter.set("bijlagen", ["geen"], 10, "Bijlage(n) geen", replace=True)  # as the importer read 'geen' before issue 23
        return letter

    with monkeypatch.context() as patch:
        patch.setattr("adviesregister.importer.letter_import.read_letter", with_attachment)
        assert run_cli(["import", "--root", project.root, path]).exit_code == 0
    doc = next((project.root / "content" / "documenten").rglob("*.md"))
    assert front(doc)["bijlagen"] == ["geen"]
    result = run_cli(["import", "--root", project.root, "--force", path])
    assert result.exit_code == 0, result.output
    assert "bijlagen: was 'geen' (door de import geschreven, niet veranderd); de import vindt dit niet meer, dus weggehaald." in result.output
    assert "bijlagen" not in front(doc) and "bijlagen" not in front(doc)["bron"]["ingelezen"]


def test_a_document_without_the_record_keeps_everything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A hand-written document or an older import: every field and the text count as a person's."""
    project = small_archive(tmp_path)
    path = letter(tmp_path, ADVIES)
    doc = first_import(project, path, monkeypatch)
    text = doc.read_text(encoding="utf-8")
    without = re.sub(r"  ingelezen:\n(    .*\n)+", "", text)
    assert without != text and "ingelezen" not in without
    doc.write_text(without, encoding="utf-8")
    assert run_cli(["check", "--root", project.root]).exit_code == 0
    result = run_cli(["import", "--root", project.root, "--force", path])
    assert result.exit_code == 0, result.output
    assert (
        f"aan: de import leest 'college van burgemeester en wethouders, Gemeente Almere', in het document staat '{OLD_AAN}'; dat blijft staan." in result.output
    )
    assert "tekst: de import leest een andere tekst dan er in het document staat; de tekst in het document blijft staan." in result.output
    assert "Opnieuw geschreven" not in result.output
    assert "geschreven:" not in result.output  # every field stands, none was missing: the same bytes
    assert doc.read_text(encoding="utf-8") == without


def test_check_accepts_a_document_with_and_without_the_record_and_names_a_broken_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = small_archive(tmp_path)
    doc = first_import(project, letter(tmp_path, ADVIES), monkeypatch)
    text = doc.read_text(encoding="utf-8")
    assert run_cli(["check", "--root", project.root]).exit_code == 0
    lines = text.split("\n")
    regel = next(i for i, line in enumerate(lines, 1) if line.startswith("    titel: "))
    lines[regel - 1] = "    titel: mijn titel"
    lines.insert(regel, "    kleur: 0123abcd")
    doc.write_text("\n".join(lines), encoding="utf-8")
    result = run_cli(["check", "--root", project.root])
    assert result.exit_code == 1
    pad = project.relative(doc)
    assert (
        f"{pad}:{regel}: [ongeldig-formaat] bron.ingelezen.titel: 'mijn titel' is geen controlegetal van de import. Haal deze regel weg; dan telt het veld als door u geschreven."
        in result.output
    )
    assert f"{pad}:{regel + 1}: [onbekend-veld] bron.ingelezen.kleur: dit veld kennen we niet." in result.output


def test_the_record_names_every_field_but_id_and_bron_and_the_persons_and_the_text() -> None:
    record = load_schema(DOCUMENT_SCHEMA)["properties"]["bron"]["properties"]["ingelezen"]
    assert list(record["properties"]) == [veld for veld in front_matter_fields() if veld not in ("id", "bron", "ingevuld_door_mens")] + ["tekst"]
    assert "laat het staan" in record["description"]


def published(folder: Path) -> Iterator[tuple[str, str]]:
    """Every file under `folder` as text (a .gz file unpacked), with its path."""
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
            yield str(path.relative_to(folder)), raw.decode("utf-8", errors="replace")


def test_the_record_reaches_neither_the_site_nor_the_open_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = small_archive(tmp_path)
    doc = first_import(project, letter(tmp_path, ADVIES), monkeypatch)
    text = doc.read_text(encoding="utf-8")
    record = yaml.safe_load(text.split("---\n")[1])["bron"]["ingelezen"]
    assert len(record) >= 6
    build = run_cli(["build", "--root", project.root])
    assert build.exit_code == 0, build.output
    out = tmp_path / "open-data"
    with_record = export(project, out)
    checked = 0
    for folder in (project.root / "site", out):
        for naam, inhoud in published(folder):
            checked += 1
            if not naam.endswith("voorkant.schema.json"):  # the schema of the files names the field, as it names every field
                assert not re.search(r"ingelezen\W*:|bron_ingelezen", inhoud), naam  # a key in YAML, JSON, Python, or a column
            assert not [vinger for vinger in record.values() if vinger in inhoud], naam
    assert checked > 20
    # Researchers get the same records with or without it.
    doc.write_text(re.sub(r"  ingelezen:\n(    .*\n)+", "", text), encoding="utf-8")
    assert export(project, tmp_path / "zonder") == with_record


def test_a_second_import_says_first_that_nothing_was_written_and_where_the_letter_is(tmp_path: Path) -> None:
    project = small_archive(tmp_path)
    path = letter(tmp_path, BARE_LETTER.replace("Geacht college,", "Onderwerp Vervoerspas voor minima\n\nGeacht college,"))
    assert run_cli(["import", "--root", project.root, "--gemeente", "almere", path]).exit_code == 0
    holder = next(pad for pad in files(project) if pad.startswith("content/documenten/"))
    again = run_cli(["import", "--root", project.root, "--gemeente", "almere", path])
    assert again.exit_code == 0, again.output
    first, *rest = again.output.splitlines()
    assert first.startswith(f"{path}: deze brief staat al in het archief als {holder} ")
    assert "Er is niets geschreven." in first
    assert "→" not in again.output  # no file is written, so none is announced
    assert not [line for line in rest if re.match(r"^  (titel|datum|gemeente|soort) ", line)]  # no field report of a new import
    assert again.output.count("--force") == 1  # said once, in the first line

    holder_path = project.root / holder
    holder_path.write_text(holder_path.read_text(encoding="utf-8").replace("titel: Vervoerspas voor minima\n", "titel: De vervoerspas\n"), encoding="utf-8")
    forced = run_cli(["import", "--root", project.root, "--force", "--gemeente", "almere", "--datum", "2026-03-03", path])
    assert forced.exit_code == 0, forced.output
    first, *rest = forced.output.splitlines()
    assert first.startswith(f"{path}: deze brief staat al in het archief als {holder} ")
    assert "Met --force komt er geen tweede document" in first and f"de import schrijft in {holder} opnieuw" in first
    assert "Zonder --force" not in forced.output and "niets geschreven" not in forced.output
    assert "→" not in forced.output
    kept = rest.index("  Blijft staan zoals het in het document staat:")
    assert rest[kept + 1] == "  - titel: de import leest 'Vervoerspas voor minima', in het document staat 'De vervoerspas'; dat blijft staan."
    assert rest[-1] == f"  geschreven: {holder}"  # --datum is new: the document changed

    same = run_cli(["import", "--root", project.root, "--force", "--gemeente", "almere", "--datum", "2026-03-03", path])
    assert same.exit_code == 0, same.output
    assert "geschreven:" not in same.output
    assert same.output.splitlines()[-1] == f"  niets veranderd: {holder} had dit al."
