"""A synthetic archive of any size: advices (half), college responses to earlier advices and related papers, spread
over five gemeenten and eleven years, each a letter of 5 to 9 paragraphs. The same count gives the same archive.
Used by the scale benchmark (benchmarks/bench_site.py) and by the tests of long lists."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

from helpers import ARCHIEF

ROOT = Path(__file__).resolve().parents[1]
GEMEENTEN = {
    "almelo": ("Almelo", "GM0141"),
    "almere": ("Almere", "GM0034"),
    "albrandswaard": ("Albrandswaard", "GM0613"),
    "zwolle": ("Zwolle", "GM0193"),
    "utrecht": ("Utrecht", "GM0344"),
}
THEMAS = ["jeugd", "zorg en ondersteuning", "werk en inkomen", "zorg en veiligheid", "wonen", "armoede en schulden", "mantelzorg"]
WORDS = [
    "de",
    "het",
    "een",
    "en",
    "van",
    "in",
    "op",
    "voor",
    "met",
    "aan",
    "door",
    "over",
    "bij",
    "naar",
    "om",
    "als",
    "ook",
    "maar",
    "niet",
    "wel",
    "meer",
    "veel",
    "zorg",
    "jeugd",
    "gemeente",
    "college",
    "adviesraad",
    "inwoners",
    "mantelzorgers",
    "wijkteam",
    "ondersteuning",
    "armoede",
    "schulden",
    "participatie",
    "werk",
    "inkomen",
    "veiligheid",
    "huiselijk",
    "geweld",
    "wonen",
    "beleid",
    "uitvoering",
    "aanbevelingen",
    "advies",
    "reactie",
    "besluit",
    "budget",
    "toegang",
    "voorzieningen",
    "cliënten",
    "ervaringen",
    "signalen",
    "knelpunten",
    "samenwerking",
    "partners",
    "zorgaanbieders",
    "huisartsen",
    "scholen",
    "ouders",
    "kinderen",
    "jongeren",
    "ouderen",
    "vrijwilligers",
    "evaluatie",
    "monitoring",
]


def write_archive(root: Path, count: int) -> None:
    """Advices (half), college responses to earlier advices, and related papers, spread over gemeenten and years."""
    rng = random.Random(count)
    content = root / "content"
    (content / "documenten").mkdir(parents=True)
    (content / "paginas").mkdir()
    for page in (ARCHIEF / "paginas").glob("*.md"):
        shutil.copy(page, content / "paginas")
    gemeenten = {
        slug: {"naam": naam, "cbs_code": code, "adviesraden": [{"naam": f"Adviesraad sociaal domein {naam}"}]} for slug, (naam, code) in GEMEENTEN.items()
    }
    (content / "gemeenten.yml").write_text(yaml.safe_dump(gemeenten, allow_unicode=True), encoding="utf-8")
    advices: list[tuple[str, str, str]] = []
    for index in range(count):
        gemeente = rng.choice(list(GEMEENTEN))
        year = rng.randint(2015, 2025)
        datum = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        onderwerp = " ".join(rng.choice(WORDS[20:]) for _ in range(4))
        kind = "advies" if index < 10 or rng.random() < 0.5 else rng.choice(["reactie", "reactie", "stuk"])
        own = [a for a in advices if a[1] == gemeente and a[2] < datum]
        if kind != "advies" and not own:
            kind = "advies"
        doc_id = f"{gemeente}-{datum}-{kind}-{index}"
        fields: dict[str, object] = {"id": doc_id, "soort": kind, "titel": f"{kind.capitalize()} over {onderwerp}", "datum": datum, "gemeente": gemeente}
        fields["themas"] = sorted(set(rng.sample(THEMAS, rng.randint(1, 2))))
        if kind == "advies":
            fields["adviestype"] = rng.choice(["gevraagd", "ongevraagd"])
            advices.append((doc_id, gemeente, datum))
        elif kind == "reactie":
            fields["reactie_op"] = [rng.choice(own)[0]]
            fields["besluit"] = rng.choice(["overgenomen", "deels overgenomen", "niet overgenomen"])
        else:
            fields["stuktype"] = "raadsinformatiebrief"
            fields["hoort_bij"] = [rng.choice(own)[0]]
        paragraphs = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(60, 120))).capitalize() + "." for _ in range(rng.randint(5, 9))]
        if kind == "reactie":
            citaat = "Wij nemen uw advies over."
            fields["besluit_citaat"] = citaat
            paragraphs.insert(1, citaat)
        body = "Geacht college,\n\n" + "\n\n".join(f"## {rng.choice(WORDS[20:]).capitalize()}\n\n{p}" if i % 3 == 2 else p for i, p in enumerate(paragraphs))
        folder = content / "documenten" / gemeente / str(year)
        folder.mkdir(parents=True, exist_ok=True)
        front = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False)
        (folder / f"{doc_id}.md").write_text(f"---\n{front}---\n\n{body}\n", encoding="utf-8")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "scripts", root / "scripts", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
