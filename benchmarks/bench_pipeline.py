"""Time our own pipeline (load, check, derive, render; no MkDocs) on a synthetic archive of N documents.

Prints documents per second for each phase. Usage: python benchmarks/bench_pipeline.py [N ...]
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from adviesregister.check import check_archive
from adviesregister.derive import derive_archive, reference_date
from adviesregister.load import load_archive
from adviesregister.project import Project
from adviesregister.render import render_site

ROOT = Path(__file__).resolve().parents[1]
WORDS = ["advies", "college", "gemeente", "inwoners", "zorg", "jeugd", "veiligheid", "wijkteam", "mantelzorg", "armoede", "ondersteuning", "beleid"]


def make_archive(root: Path, count: int) -> None:
    shutil.copytree(ROOT / "content", root / "content")
    rng = random.Random(count)
    folder = root / "content" / "documenten" / "almelo" / "2024"
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        advies_id = f"almelo-2024-01-01-advies-{index}"
        body = "\n\n".join(" ".join(rng.choice(WORDS) for _ in range(100)).capitalize() + "." for _ in range(8))
        header = f'---\nid: {advies_id}\nsoort: advies\ntitel: Advies {index}\ndatum: "2024-01-01"\ngemeente: almelo\nthemas:\n  - jeugd\n---\n\n'
        (folder / f"{advies_id}.md").write_text(header + body + "\n", encoding="utf-8")


def measure(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        make_archive(root, count)
        project = Project(root)
        shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
        timings = {}
        start = time.perf_counter()
        archive, problems = load_archive(project)
        timings["load"] = time.perf_counter() - start
        start = time.perf_counter()
        problems += check_archive(archive, project.content)
        timings["check"] = time.perf_counter() - start
        assert not problems, problems[:3]
        start = time.perf_counter()
        today = reference_date()
        derived = derive_archive(archive, today)
        timings["derive"] = time.perf_counter() - start
        start = time.perf_counter()
        render_site(project, archive, derived, today)
        timings["render"] = time.perf_counter() - start
        total = len(archive.documenten)
        parts = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in timings.items())
        print(f"{total} documents: {parts}; {total / sum(timings.values()):.0f} documents/s")


if __name__ == "__main__":
    for count in [int(arg) for arg in sys.argv[1:]] or [1000, 3000]:
        measure(count)
