"""The importer reproduces the hand-checked seed archive: every seed letter, as text, Word and PDF.

The hand-checked files in the fixture archive (tests/archief/content/documenten/) are the golden files. Fields the importer cannot
decide (themas, and besluit per aanbeveling) it leaves out, and it says so.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from conversions import to_docx, to_pdf

from adviesregister.content.parse import parse_document

from helpers import ARCHIEF, ROOT, run_cli

SEEDS = sorted((ROOT / "tests" / "zaden").glob("*.txt"), key=lambda path: path.name)
NOT_DECIDED = ("themas", "besluiten")
DATUM_OPTION = {"004": ["--datum", "2023"]}  # the raadsinformatiebrief names no date: the person says it


def empty_project(tmp_path: Path) -> Path:
    (tmp_path / "content").mkdir(parents=True)
    shutil.copy(ARCHIEF / "gemeenten.yml", tmp_path / "content")
    return tmp_path


def run_import(root: Path, *args: str) -> str:
    result = run_cli(["import", "--root", str(root), *args])
    assert result.exit_code == 0, result.output
    return result.output


def written_documents(root: Path) -> dict[str, Path]:
    return {path.relative_to(root).as_posix(): path for path in (root / "content" / "documenten").rglob("*.md")}


def assert_matches_hand_checked(path: Path, relative: str, skip: tuple[str, ...] = (), given: tuple[str, ...] = ()) -> None:
    """`given`: the fields a person gave as options, recorded as such (ingevuld_door_mens), which the hand-checked file has not."""
    imported = parse_document(path.read_bytes())
    hand = parse_document((ARCHIEF.parent / relative).read_bytes())
    expected = {key: value for key, value in hand.front_matter.data.items() if key not in NOT_DECIDED + skip}
    found = {key: value for key, value in imported.front_matter.data.items() if key not in skip}
    assert found.pop("ingevuld_door_mens", []) == list(given), relative
    if "bron" in found:  # the import's record of what it wrote (bron.ingelezen, see importer/reimport.py): no hand-checked value
        assert "titel" in found["bron"].pop("ingelezen"), relative
    assert found == expected, relative
    assert imported.tekst == hand.tekst, relative


def test_there_are_five_seeds() -> None:
    assert [seed.name[:3] for seed in SEEDS] == ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
@pytest.mark.parametrize("seed", SEEDS, ids=lambda seed: seed.name[:3])
def test_seed_imports_to_the_hand_checked_file(seed: Path, fmt: str, tmp_path: Path) -> None:
    root = empty_project(tmp_path / "project")
    letter = seed
    if fmt != "txt":
        maker = to_docx if fmt == "docx" else to_pdf
        letter = maker(seed.read_text(encoding="utf-8"), tmp_path / seed.with_suffix(f".{fmt}").name)
    output = run_import(root, str(letter), *DATUM_OPTION.get(seed.name[:3], []))
    documents = written_documents(root)
    assert documents, output
    for relative, path in documents.items():
        if fmt != "txt":  # the original file differs (a .docx or .pdf), so does its bron; everything else is the same
            data = parse_document(path.read_bytes()).front_matter.data
            assert "bron" not in data or data["bron"]["sha256"] == hashlib.sha256(letter.read_bytes()).hexdigest()
        given = tuple(option.removeprefix("--") for option in DATUM_OPTION.get(seed.name[:3], [])[::2])
        assert_matches_hand_checked(path, relative, () if fmt == "txt" else ("bron",), given)
    assert "themas: kies de thema's" in output


def test_responses_create_the_advices_known_only_from_them(tmp_path: Path) -> None:
    root = empty_project(tmp_path)
    output = run_import(root, *(str(seed) for seed in SEEDS[:2]))
    assert sorted(written_documents(root)) == [
        "content/documenten/almelo/2022/almelo-2022-12-22-ongevraagd-advies-nsob-rapport.md",
        "content/documenten/almelo/2023/almelo-2023-01-23-reactie-ongevraagd-advies-nsob-rapport.md",
        "content/documenten/almelo/2023/almelo-2023-05-22-advies-programmas-sociaal-en-vitaal-en-zorg-en-veiligheid.md",
        "content/documenten/almelo/2023/almelo-2023-07-11-reactie-op-advies-programmas-sociaal-en-vitaal-en-zorg-en-veiligheid.md",
    ]
    assert "het advies van 2022-12-22 staat niet in het archief; er is een record zonder tekst voor gemaakt" in output
    assert "besluiten: de reactie neemt sommige punten over en andere niet" in output
    # both letters name an official's phone number: their originals stay out of content/ (a public repository is public)
    assert not (root / "content" / "bronnen").exists()
    assert output.count("Origineel: wordt niet gepubliceerd en niet in content/ gezet: een telefoonnummer in de tekst") == 2


def test_a_response_links_to_the_advice_already_in_the_archive(tmp_path: Path) -> None:
    root = empty_project(tmp_path)
    advies = "content/documenten/almelo/2022/almelo-2022-12-22-ongevraagd-advies-nsob-rapport.md"
    (root / advies).parent.mkdir(parents=True)
    shutil.copy(ARCHIEF.parent / advies, root / advies)
    output = run_import(root, str(SEEDS[0]))
    assert "record zonder tekst" not in output
    assert (root / advies).read_bytes() == (ARCHIEF.parent / advies).read_bytes()
    reactie = root / "content/documenten/almelo/2023/almelo-2023-01-23-reactie-ongevraagd-advies-nsob-rapport.md"
    assert parse_document(reactie.read_bytes()).front_matter.data["reactie_op"] == ["almelo-2022-12-22-ongevraagd-advies-nsob-rapport"]


def test_without_a_date_the_importer_abstains_and_says_so(tmp_path: Path) -> None:
    root = empty_project(tmp_path)
    output = run_import(root, "--dry-run", str(SEEDS[4]))
    assert (
        "datum: de brief heeft geen datum. Vul in wat u weet (JJJJ-MM-DD, JJJJ-MM of JJJJ), bijvoorbeeld met --datum. De brief noemt de jaren 2022, 2023, 2024, 2026."
        in output
    )
    assert "\n  datum " not in output
    assert not (root / "content" / "documenten").exists()


def test_the_same_letter_gives_byte_identical_output(tmp_path: Path) -> None:
    first, second = empty_project(tmp_path / "a"), empty_project(tmp_path / "b")
    for root in (first, second):
        run_import(root, str(SEEDS[1]))
    for relative, path in written_documents(first).items():
        assert path.read_bytes() == (second / relative).read_bytes()


def test_import_never_overwrites_without_force(tmp_path: Path) -> None:
    root = empty_project(tmp_path)
    run_import(root, str(SEEDS[2]))
    target = next(iter(written_documents(root).values()))
    target.write_text(target.read_text(encoding="utf-8") + "\nHandmatig toegevoegd.\n", encoding="utf-8")
    edited = target.read_bytes()
    result = run_cli(["import", "--root", str(root), str(SEEDS[2])])
    assert result.exit_code == 0  # issue 23: the same original again names the document that holds it and writes nothing
    assert "deze brief staat al in het archief als content/documenten/" in result.output
    assert target.read_bytes() == edited
    run_import(root, "--force", str(SEEDS[2]))
    assert b"Handmatig toegevoegd" in target.read_bytes()  # --force keeps what a person wrote


def test_dry_run_json_writes_nothing_and_uses_the_field_names(tmp_path: Path) -> None:
    import json

    root = empty_project(tmp_path)
    output = run_import(root, "--dry-run", "--json", str(SEEDS[0]))
    records = json.loads(output)[0]
    assert [r["id"] for r in records] == ["almelo-2023-01-23-reactie-ongevraagd-advies-nsob-rapport", "almelo-2022-12-22-ongevraagd-advies-nsob-rapport"]
    assert records[0]["besluit"] == "niet overgenomen"
    assert records[0]["besluit_citaat"] == "Als college nemen we dit advies niet over."
    assert records[0]["tekst"].startswith("Geachte leden Adviesraad sociaal domein,")
    assert not (root / "content" / "documenten").exists()


@pytest.mark.parametrize("flags", [[], ["--dry-run", "--json"]])
def test_the_report_never_repeats_personal_data(tmp_path: Path, flags: list[str]) -> None:
    """The output may be pasted into a public pull request: it names what was removed, not the names."""
    output = run_import(empty_project(tmp_path), *flags, str(SEEDS[1]))
    assert "Chakor" not in output and "Steenberg" not in output
    assert "de naam van een ambtenaar ('Behandeld door')" in output
