"""ingevuld_door_mens (the fields a person gave at import) is checked like every field: only fields a person can give
at import, and each named field in the document; the open data carries it, so a reader can tell a value read from the
letter from one a person gave."""

from __future__ import annotations

from pathlib import Path

from klein_archief import small_archive

from adviesregister.content.schema import field_spec, front_matter_fields

from helpers import export, run_cli

DOCUMENT = """---
id: {id}
soort: advies
titel: Advies over vervoer
datum: '2026-03-03'
gemeente: almere
ingevuld_door_mens:
{namen}
---

Geacht college,

Wij adviseren u het vervoer te verbeteren.
"""


def write(root: Path, doc_id: str, *namen: str) -> str:
    pad = f"content/documenten/almere/2026/{doc_id}.md"
    (root / pad).parent.mkdir(parents=True, exist_ok=True)
    (root / pad).write_text(DOCUMENT.format(id=doc_id, namen="\n".join(f"- {naam}" for naam in namen)), encoding="utf-8")
    return pad


def test_the_names_are_fields_of_the_schema() -> None:
    assert set(field_spec("ingevuld_door_mens")["items"]["enum"]) < set(front_matter_fields())


def test_check_refuses_an_unknown_name_and_a_named_field_that_is_missing(tmp_path: Path) -> None:
    project = small_archive(tmp_path)
    onbekend = write(project.root, "almere-2026-03-03-onbekend", "soort", "kleur")
    ontbreekt = write(project.root, "almere-2026-03-03-ontbreekt", "datum", "adviestype")
    result = run_cli(["check", "--root", project.root])
    assert result.exit_code == 1
    assert f"{onbekend}:9: [ongeldige-waarde] ingevuld_door_mens.1: 'kleur' is geen toegestane waarde." in result.output, result.output
    assert (
        f"{ontbreekt}:7: [ingevuld-veld-ontbreekt] ingevuld_door_mens: noemt 'adviestype', maar dat veld staat niet in het document. "
        "Vul 'adviestype' in, of haal het uit deze lijst."
    ) in result.output
    assert "noemt 'datum'" not in result.output and "noemt 'soort'" not in result.output


def test_the_open_data_carries_it(tmp_path: Path) -> None:
    project = small_archive(tmp_path)
    write(project.root, "almere-2026-03-03-advies", "datum")
    (record,) = export(project, tmp_path / "uit")
    assert record["ingevuld_door_mens"] == ["datum"]
