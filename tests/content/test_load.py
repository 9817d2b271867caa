from __future__ import annotations

from pathlib import Path

import pytest

from adviesregister.content.load import load_archive
from adviesregister.content.model import Bron, Datum
from adviesregister.content.project import Project

from helpers import ARCHIEF, copy_project


def test_seed_archive_loads_into_one_model() -> None:
    archive, problems = load_archive(Project(ARCHIEF.parent))
    assert problems == []
    assert sorted(archive.gemeenten) == ["albrandswaard", "almelo", "almere"]
    assert archive.gemeenten["almelo"].tooi_uri == "https://identifier.overheid.nl/tooi/id/gemeente/gm0141"
    docs = archive.by_id()
    assert len(docs) == 7
    reactie = docs["almelo-2023-01-23-reactie-ongevraagd-advies-nsob-rapport"]
    assert reactie.path == "content/documenten/almelo/2023/almelo-2023-01-23-reactie-ongevraagd-advies-nsob-rapport.md"
    assert reactie.datum == Datum(2023, 1, 23)
    assert reactie.besluit == "niet overgenomen"
    assert reactie.line("besluit") == 13
    assert reactie.line("reactie_op.0") == 12
    assert isinstance(reactie.bron, Bron) and reactie.bron.bestand is None
    assert reactie.tekst.startswith("Geachte leden Adviesraad sociaal domein,\n")
    assert reactie.text_line == 20  # its original carries a phone number: bron has only its sha256 and why (reden)
    assert docs["albrandswaard-2023-stand-van-zaken-integrale-aanpak-zorg-en-veiligheid"].datum == Datum(2023)


def test_text_less_advice_has_no_body() -> None:
    archive, _ = load_archive(Project(ARCHIEF.parent))
    advies = archive.by_id()["almelo-2022-12-22-ongevraagd-advies-nsob-rapport"]
    assert advies.tekst_beschikbaar is False
    assert advies.tekst == ""
    assert advies.bron is None


def test_loading_and_checking_over_two_processes_finds_the_same_problems(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A broken file, a file with personal data and good ones, read and checked serially and by two worker processes."""
    from adviesregister.base import parallel
    from adviesregister.content.check import load_project
    from adviesregister.pipeline import prepare

    project = copy_project(tmp_path / "project")
    folder = project.documents / "almelo" / "2024"
    folder.mkdir(parents=True)
    (folder / "almelo-2024-01-01-kapot.md").write_text("---\nid: [niet af\n---\n", encoding="utf-8")
    (folder / "almelo-2024-01-02-mail.md").write_text(
        "---\nid: almelo-2024-01-02-mail\nsoort: advies\ntitel: Mail\ndatum: 2024-01-02\ngemeente: almelo\n---\n\nMail jan.jansen@gmail.com gerust.\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("ADVIESREGISTER_JOBS", "1")
    serial = load_project(project)[0], prepare(project)[1]
    monkeypatch.setattr(parallel, "MIN_PARALLEL", 2)
    monkeypatch.setenv("ADVIESREGISTER_JOBS", "2")
    spread = load_project(project)[0], prepare(project)[1]
    assert [str(problem) for problem in spread[1]] == [str(problem) for problem in serial[1]]
    assert {problem.code for problem in serial[1]} >= {"persoonsgegevens"} and len(serial[1]) >= 2
    assert serial[0] is not None and spread[0] is not None
    assert [doc.id for doc in spread[0].documents] == [doc.id for doc in serial[0].documents]
