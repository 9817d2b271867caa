"""A first import that needs no second try: the report asks for every required field it could not fill (and not for one
given as an option); a second import of the same original writes no second document, and with --force keeps what a
person filled; check refuses two documents with one original (dubbele-bron)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from klein_archief import small_archive

from adviesregister.content.project import Project

from helpers import run_cli

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
