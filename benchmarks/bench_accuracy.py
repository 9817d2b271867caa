"""How often the importer is right, per field and per kind, on the labelled test letters (tests/brieven/) and the seeds.

Each letter in tests/brieven/<stijl>/ has a label file written from what the letter was meant to say. A filled-in
field that differs from the label is *wrong*; an empty field where the label has a value is *abstained*. For a text
that is no letter (soort: geen-brief) the importer is right only when it makes no advice, response or document of it.

Usage: python benchmarks/bench_accuracy.py
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from adviesregister.content.extract import ExtractError
from adviesregister.content.load import load_archive
from adviesregister.content.parse import parse_document
from adviesregister.content.project import Project
from adviesregister.importer.records import import_letter

ROOT = Path(__file__).resolve().parents[1]
LETTERS = ROOT / "tests" / "brieven"
FIELDS = ("soort", "datum", "gemeente", "van", "aan", "titel", "adviestype", "besluit", "reactie_op")
LOOSE = ("van", "aan", "titel")
"""Compared without case, spacing and punctuation at the ends."""


@dataclass
class Tally:
    counts: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    """(field, kind, outcome) → how many."""
    wrong: list[str] = field(default_factory=list)

    def add(self, name: str, veld: str, kind: str, expected: Any, found: Any) -> None:
        if expected is None and found is None:
            return
        if found is None:
            outcome = "abstained"
        elif _same(veld, expected, found):
            outcome = "right"
        else:
            outcome = "wrong"
            self.wrong.append(f"{name}: {veld} = {found!r}, label {expected!r}")
        self.counts[veld, kind, outcome] += 1


def _same(veld: str, expected: Any, found: Any) -> bool:
    if veld in LOOSE:
        return _loose(str(expected)) == _loose(str(found))
    if veld == "reactie_op":
        return expected is not None and str(expected) in str(found)
    return str(expected) == str(found)


def _loose(text: str) -> str:
    return " ".join(text.casefold().split()).strip(" .,:;")


def labelled_letters() -> list[tuple[str, Path, dict[str, Any]]]:
    found = []
    for label_file in sorted(LETTERS.rglob("*.label.yml")):
        label = yaml.safe_load(label_file.read_text(encoding="utf-8"))
        base = label_file.name.removesuffix(".label.yml")
        for letter in sorted(label_file.parent.glob(f"{base}.*")):
            if letter != label_file:
                found.append((letter.relative_to(LETTERS).as_posix(), letter, label))
    return found


def seed_letters() -> list[tuple[str, Path, dict[str, Any]]]:
    """The seeds, labelled by the front matter written by hand in content/documenten/."""
    found = []
    for document in sorted((ROOT / "content" / "documenten").rglob("*.md")):
        data = parse_document(document.read_bytes()).gegevens.data
        if "bron" not in data:
            continue
        label = {veld: data.get(veld) for veld in FIELDS}
        label["reactie_op"] = _date_in(data.get("reactie_op", [None])[0])
        found.append((f"seed:{document.stem}", ROOT / "content" / data["bron"]["bestand"], label))
    return found


def _date_in(doc_id: str | None) -> str | None:
    match = re.search(r"\d{4}(-\d\d){0,2}", doc_id or "")
    return match[0] if match else None


def measure(letters: list[tuple[str, Path, dict[str, Any]]], project: Project) -> Tally:
    archive, _ = load_archive(project)
    tally = Tally()
    for name, path, label in letters:
        try:
            gegevens = import_letter(project, archive, path).records[0].gegevens
        except ExtractError:
            gegevens = {}
        kind = label.get("soort") or "?"
        for veld in FIELDS:
            expected = label.get("reactie_op_datum") if veld == "reactie_op" and "reactie_op_datum" in label else label.get(veld)
            found = gegevens.get(veld)
            if veld == "soort" and kind == "geen-brief":
                tally.add(name, veld, kind, "geen-brief", "geen-brief" if found is None else found)
                continue
            if veld == "reactie_op" and found:
                found = found[0]
            tally.add(name, veld, kind, expected, found)
    return tally


def report(title: str, tally: Tally, count: int) -> None:
    print(f"== {title}: {count} letters")
    kinds = sorted({kind for _, kind, _ in tally.counts})
    print(f"{'veld':<12}" + "".join(f"{kind:>22}" for kind in kinds) + f"{'totaal':>22}")
    for veld in FIELDS:
        cells = []
        for kind in [*kinds, None]:
            right, wrong, abstained = (
                sum(n for (v, k, o), n in tally.counts.items() if v == veld and (kind is None or k == kind) and o == outcome)
                for outcome in ("right", "wrong", "abstained")
            )
            cells.append(f"{right}/{wrong}/{abstained}" if right + wrong + abstained else "-")
        print(f"{veld:<12}" + "".join(f"{cell:>22}" for cell in cells))
    print("(goed/fout/open per veld en soort)")
    for line in tally.wrong:
        print(f"  fout: {line}")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        project = Project(Path(folder))
        project.content.mkdir()
        shutil.copy(ROOT / "content" / "gemeenten.yml", project.gemeenten_file)
        letters = labelled_letters()
        if letters:
            report("tests/brieven", measure(letters, project), len(letters))
        else:
            print("== tests/brieven: no labelled letters yet")
        seeds = seed_letters()
        report("seeds", measure(seeds, project), len(seeds))


if __name__ == "__main__":
    main()
