from __future__ import annotations

from adviesregister.content.load import load_archive
from adviesregister.content.model import Bron, Datum
from adviesregister.content.project import Project

from helpers import ROOT


def test_seed_archive_loads_into_one_model() -> None:
    archive, problems = load_archive(Project(ROOT))
    assert problems == []
    assert sorted(archive.gemeenten) == ["albrandswaard", "almelo", "almere"]
    assert archive.gemeenten["almelo"].tooi_uri == "https://identifier.overheid.nl/tooi/id/gemeente/gm0141"
    docs = archive.by_id()
    assert len(docs) == 7
    reactie = docs["almelo-2023-01-23-reactie-ongevraagd-advies-nsob-rapport"]
    assert reactie.pad == "content/documenten/almelo/2023/almelo-2023-01-23-reactie-ongevraagd-advies-nsob-rapport.md"
    assert reactie.datum == Datum(2023, 1, 23)
    assert reactie.besluit == "niet overgenomen"
    assert reactie.regel("besluit") == 13
    assert reactie.regel("reactie_op.0") == 12
    assert isinstance(reactie.bron, Bron)
    assert reactie.tekst.startswith("Geachte leden Adviesraad sociaal domein,\n")
    assert reactie.tekst_regel == 20
    assert docs["albrandswaard-2023-stand-van-zaken-integrale-aanpak-zorg-en-veiligheid"].datum == Datum(2023)


def test_text_less_advice_has_no_body() -> None:
    archive, _ = load_archive(Project(ROOT))
    advies = archive.by_id()["almelo-2022-12-22-ongevraagd-advies-nsob-rapport"]
    assert advies.tekst_beschikbaar is False
    assert advies.tekst == ""
    assert advies.bron is None
