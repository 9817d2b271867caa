"""How often the importer is right, per field and per kind, on the labelled test letters (tests/brieven/) and the seeds.
Shared by the accuracy test (tests/importer/test_accuracy.py) and its benchmark (benchmarks/bench_accuracy.py).

Each letter in tests/brieven/<stijl>/ has a label file written from what the letter was meant to say. A filled-in
field that differs from the label is *wrong*; an empty field where the label has a value is *abstained*. For a text
that is no letter (soort: geen-brief) the importer is right only when it reports it as no letter (and makes no
record); its other fields are not counted.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from adviesregister.content.extract import ExtractError
from adviesregister.content.load import load_archive
from adviesregister.content.parse import parse_document
from adviesregister.content.project import Project
from adviesregister.importer.letter_import import import_letter

from helpers import ARCHIEF

ROOT = Path(__file__).resolve().parents[1]
LETTERS = ROOT / "tests" / "brieven"
HELDOUT = ROOT / "tests" / "brieven-heldout"
"""A batch written and labelled for issue 24 by someone who had not seen the importer's rules; its labels name only
soort, datum, gemeente and besluit (see its README.md)."""
FIELDS = ("soort", "datum", "gemeente", "van", "aan", "titel", "adviestype", "besluit", "reactie_op")
COUNTED = ("aanbevelingen",)
"""Compared by how many there are: the label gives the count ('aanbevelingen: 4'); counted only where a label has it."""
REPORTED = FIELDS + COUNTED
"""The rows of the benchmark's table."""
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
    """Without case, spacing, punctuation at the ends and a leading article ('het college' = 'college')."""
    return re.sub(r"^(de|het) ", "", " ".join(text.casefold().split()).strip(" .,:;"))


def labelled_letters(folder: Path = LETTERS) -> list[tuple[str, Path, dict[str, Any]]]:
    found = []
    for label_file in sorted(folder.rglob("*.label.yml")):
        label = yaml.safe_load(label_file.read_text(encoding="utf-8"))
        base = label_file.name.removesuffix(".label.yml")
        for letter in sorted(label_file.parent.glob(f"{base}.*")):
            if letter != label_file:
                found.append((letter.relative_to(folder).as_posix(), letter, label))
    return found


def seed_letters() -> list[tuple[str, Path, dict[str, Any]]]:
    """The seeds, labelled by the front matter written by hand in the fixture archive's content/documenten/."""
    found = []
    for document in sorted((ARCHIEF / "documenten").rglob("*.md")):
        data = parse_document(document.read_bytes()).front_matter.data
        if "bron" not in data:
            continue
        label = {veld: data.get(veld) for veld in FIELDS}
        label["reactie_op"] = _date_in(data.get("reactie_op", [None])[0])
        found.append((f"seed:{document.stem}", SEED_LETTERS[data["bron"]["sha256"]], label))
    return found


SEED_FOLDER = ROOT / "tests" / "zaden"
"""The seed letters as they were imported (content/bronnen/ keeps only the originals the site may publish)."""
SEED_LETTERS = {hashlib.sha256(path.read_bytes()).hexdigest(): path for path in sorted(SEED_FOLDER.glob("*.txt"))}


def _date_in(doc_id: str | None) -> str | None:
    match = re.search(r"\d{4}(-\d\d){0,2}", doc_id or "")
    return match[0] if match else None


def measure(letters: list[tuple[str, Path, dict[str, Any]]], project: Project) -> Tally:
    archive, _ = load_archive(project)
    tally = Tally()
    for name, path, label in letters:
        try:
            result = import_letter(project, archive, path)
        except ExtractError:
            result = None
        gegevens = result.records[0].front_matter if result and result.records else {}
        kind = label.get("soort") or "?"
        if result and result.geen_brief:
            gegevens = {"soort": "geen-brief"}
        if kind == "geen-brief":  # right only when reported as no letter; its other fields are never written
            tally.add(name, "soort", kind, "geen-brief", gegevens.get("soort"))
            continue
        for veld in FIELDS:
            if veld not in label and not (veld == "reactie_op" and "reactie_op_datum" in label):
                continue  # a field the label does not name is not measured (tests/brieven/ labels name every field: a test checks)
            expected = label.get("reactie_op_datum") if veld == "reactie_op" and "reactie_op_datum" in label else label.get(veld)
            found = gegevens.get(veld)
            if veld == "reactie_op" and found:
                found = found[0]
            tally.add(name, veld, kind, expected, found)
        for veld in COUNTED:
            if label.get(veld) is not None:  # a wrong count is a wrong value; none read is abstaining
                tally.add(name, veld, kind, label[veld], len(gegevens[veld]) if gegevens.get(veld) else None)
    return tally


def share_right(tally: Tally, veld: str) -> tuple[int, int]:
    """(right, labelled) for a field over all kinds: how many of the letters whose label gives it, the importer got."""
    right = sum(n for (v, _, outcome), n in tally.counts.items() if v == veld and outcome == "right")
    total = sum(n for (v, _, _), n in tally.counts.items() if v == veld)
    return right, total


def empty_project(folder: Path) -> Project:
    """A project with the municipalities of the archive and no documents: every letter is imported as new."""
    project = Project(folder)
    project.content.mkdir(parents=True, exist_ok=True)
    shutil.copy(ARCHIEF / "gemeenten.yml", project.gemeenten_file)
    return project
