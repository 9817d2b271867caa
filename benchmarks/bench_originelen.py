"""What reading an original costs, and what refusing a hostile one costs: seconds and peak memory, each in a process of its own.

Usage: python benchmarks/bench_originelen.py [--zonder-grens]

- a PDF whose page tree declares 100,000 pages: refused from its /Count (before the bound, pypdf took ~110 s and 857 MB
  to find its pages; --zonder-grens measures that again: pypdf walking the same page tree);
- a scan of one 60,000 by 60,000 picture: refused from its /Width and /Height before text recognition (before the bound,
  OCR took it to 5.1 GB);
- an ordinary one-page letter as PDF: the clean copy (clean_pdf) and the whole verdict (judge_original), per letter;
- the same letter with a picture on its page: the verdict with text recognition of that page (needs Tesseract).
"""

from __future__ import annotations

import io
import multiprocessing
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from conversions import raw_pdf  # noqa: E402


def long_pdf(pages: int = 100_000) -> bytes:
    kids = b" ".join([b"3 0 R"] * pages)
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + kids + b"] /Count " + str(pages).encode() + b" >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ]
    )


def huge_scan(size: int = 60_000) -> bytes:
    data = b"x\x9c\x03\x00\x00\x00\x00\x01"
    content = b"q 500 0 0 500 50 50 cm /Im0 Do Q"
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /Resources << /XObject << /Im0 4 0 R >> >> >>",
            f"<< /Type /XObject /Subtype /Image /Width {size} /Height {size} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length {len(data)} >>\nstream\n".encode()
            + data
            + b"\nendstream",
            f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream",
        ]
    )


def letter_pdf(picture: bool = False) -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    for number, line in enumerate(["Geacht college,", "", "De adviesraad adviseert u om de zorg in de wijk te versterken.", "", "Met vriendelijke groet,"]):
        page.drawString(72, 750 - 14 * number, line)
    if picture:
        from PIL import Image, ImageDraw
        from reportlab.lib.utils import ImageReader

        image = Image.new("L", (1200, 200), 255)
        ImageDraw.Draw(image).text((20, 80), "Adviesraad Sociaal Domein", fill=0)
        page.drawImage(ImageReader(image), 72, 500, width=288, height=48)
    page.showPage()
    page.save()
    return out.getvalue()


def _extract(path: Path) -> str:
    from adviesregister.content.extract import ExtractError, extract

    try:
        extract(path)
    except ExtractError as err:
        return f"geweigerd: {err}"
    return "gelezen"


def _judge(path: Path) -> str:
    from adviesregister.content.originals import judge_original

    return str(judge_original(path).reason or "gepubliceerd")


def _clean(path: Path) -> str:
    from adviesregister.content.clean_pdf import clean_pdf

    return f"schone kopie van {len(clean_pdf(path.read_bytes()).data):,} bytes".replace(",", ".")


def _pypdf_pages(path: Path) -> str:
    from pypdf import PdfReader

    return f"{len(list(PdfReader(path).pages)):,} pagina's gevonden".replace(",", ".")


def _child(work: Callable[[Path], str], path: Path, rounds: int, answer: multiprocessing.SimpleQueue[tuple[float, int, str]]) -> None:
    start = time.perf_counter()
    said = ""
    for _ in range(rounds):
        said = work(path)
    answer.put(((time.perf_counter() - start) / rounds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, said))


def measure(label: str, work: Callable[[Path], str], data: bytes, rounds: int = 1) -> None:
    """Time and peak memory of `work` on a file holding `data`, in a fresh process (so that the memory is its own)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bestand.pdf"
        path.write_bytes(data)
        answer: multiprocessing.SimpleQueue[tuple[float, int, str]] = multiprocessing.SimpleQueue()
        process = multiprocessing.get_context("fork").Process(target=_child, args=(work, path, rounds, answer))
        process.start()
        process.join()
        seconds, peak, said = answer.get()
    print(f"{label:<58} {seconds:8.3f} s {peak / 1024:8.0f} MB  {said[:110]}")


def main() -> None:
    print(f"{'':<58} {'per keer':>10} {'piek':>11}")
    measure("PDF met 100.000 pagina's: extract", _extract, long_pdf())
    measure("PDF met 100.000 pagina's: judge_original", _judge, long_pdf())
    if "--zonder-grens" in sys.argv:
        measure("PDF met 100.000 pagina's: pypdf zoekt de pagina's (geen grens)", _pypdf_pages, long_pdf())
    measure("scan van 60.000 bij 60.000 pixels: extract (OCR)", _extract, huge_scan())
    measure("brief als PDF (1 pagina): clean_pdf", _clean, letter_pdf(), rounds=20)
    measure("brief als PDF (1 pagina): judge_original", _judge, letter_pdf(), rounds=20)
    if shutil.which("tesseract"):
        measure("brief als PDF met een afbeelding: judge_original (OCR)", _judge, letter_pdf(picture=True))


if __name__ == "__main__":
    main()
