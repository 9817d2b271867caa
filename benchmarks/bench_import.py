"""Letters per second for `adviesregister import` (reading and analysing, not writing), for text, PDF and scanned PDF
letters (read with OCR, about a second a page).

Usage: python benchmarks/bench_import.py [N]   (N text and N PDF letters, N // 20 scans (1 to 5); default 200)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from conversions import to_pdf, to_scan  # noqa: E402

from adviesregister.content.load import load_archive  # noqa: E402
from adviesregister.content.project import Project  # noqa: E402
from adviesregister.importer.records import import_letter  # noqa: E402

SEEDS = sorted((ROOT / "tests" / "zaden").glob("*.txt"), key=lambda path: path.name)


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


def make_scans(folder: Path, count: int) -> list[Path]:
    """The first `count` letters drawn as pictures: PDFs without a text layer."""
    return [to_scan(letter.read_text(encoding="utf-8"), letter.with_name(f"{letter.stem}-scan.pdf")) for letter in sorted(folder.glob("*.txt"))[:count]]


def measure(label: str, letters: list[Path], project: Project) -> None:
    archive, _ = load_archive(project)
    pages = 0
    start = time.perf_counter()
    for letter in letters:
        result = import_letter(project, archive, letter)
        pages += result.ocr.pages if result.ocr else 0
    seconds = time.perf_counter() - start
    size = sum(path.stat().st_size for path in letters) / len(letters) / 1024
    per_page = f" ({pages} pages, {seconds / pages:.2f} s a page)" if pages else ""
    print(f"{label}: {len(letters)} letters ({size:.0f} kB each) in {seconds:.2f} s = {len(letters) / seconds:.1f} letters/s{per_page}")


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        texts, pdfs = make_letters(folder, count)
        scans = make_scans(folder, max(1, min(5, count // 20)))
        project = Project(ROOT)
        measure("text", texts, project)
        measure("PDF ", pdfs, project)
        measure("scanned PDF", scans, project)
