"""Letters per second for `adviesregister import` (reading and analysing, not writing), for text and PDF letters.

Usage: python benchmarks/bench_import.py [N]   (N letters of each kind; default 200)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from conversions import to_pdf  # noqa: E402

from adviesregister.content.load import load_archive  # noqa: E402
from adviesregister.content.project import Project  # noqa: E402
from adviesregister.importer.records import import_letter  # noqa: E402

SEEDS = sorted((ROOT / "content" / "bronnen").rglob("*.txt"), key=lambda path: path.name)


def make_letters(folder: Path, count: int) -> tuple[list[Path], list[Path]]:
    texts, pdfs = [], []
    for index in range(count):
        seed = SEEDS[index % len(SEEDS)]
        text = seed.read_text(encoding="utf-8").replace("2023", str(2000 + index % 25))
        path = folder / f"{index:05d}-{seed.name}"
        path.write_text(text, encoding="utf-8")
        texts.append(path)
        pdfs.append(to_pdf(text, path.with_suffix(".pdf")))
    return texts, pdfs


def measure(label: str, letters: list[Path], project: Project) -> None:
    archive, _ = load_archive(project)
    start = time.perf_counter()
    for letter in letters:
        import_letter(project, archive, letter)
    seconds = time.perf_counter() - start
    size = sum(path.stat().st_size for path in letters) / len(letters) / 1024
    print(f"{label}: {len(letters)} letters ({size:.0f} kB each) in {seconds:.2f} s = {len(letters) / seconds:.1f} letters/s")


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        texts, pdfs = make_letters(folder, count)
        project = Project(ROOT)
        measure("text", texts, project)
        measure("PDF ", pdfs, project)
