"""A scanned PDF → its text, read by Tesseract's Dutch model through ocrmypdf, and how sure Tesseract was.

ocrmypdf rasterises each page and lets Tesseract write hOCR: the text with a confidence per word (`x_wconf`, 0 to 100).
Its `_pdf_to_hocr` runs exactly that part of its pipeline into a folder we choose, so one pass gives both the text and
the confidences, without rendering a new PDF (and so without Ghostscript: pages are rasterised with pdfium). That
function is marked experimental by ocrmypdf; the exact version is pinned in pyproject.toml and tests/importer/test_ocr.py
covers it. Errors are raised as OcrError with a Dutch message that says what to install or do.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from adviesregister.base.errors import AdviesregisterError

LANGUAGE = "nld"
INSTALL = "sudo apt-get install tesseract-ocr tesseract-ocr-nld"
"""How Debian and Ubuntu install Tesseract with its Dutch model (the README says the same)."""
PAGE_SECONDS = 120
"""At most this long for Tesseract on one page (about 1 s is usual); a page that takes longer is left empty."""

_WORD_CONFIDENCE_RE = re.compile(r"class=['\"]ocrx_word['\"][^>]*?x_wconf (\d+)")


class OcrError(AdviesregisterError):
    """Text recognition could not run or failed; the message says why and what to do, in Dutch."""


@dataclass(frozen=True)
class OcrInfo:
    """How a text was recognised: what the report tells the person who checks the import."""

    confidence: float
    """Tesseract's mean word confidence, 0 to 100."""
    pages: int
    words: int


def recognise(pdf: Path) -> tuple[str, OcrInfo]:
    """The text of every page of `pdf` (pages separated by a form feed) and how sure the recognition was."""
    _check_tesseract()
    from ocrmypdf.api import _pdf_to_hocr

    with tempfile.TemporaryDirectory(prefix="adviesregister-ocr-") as folder, _ocrmypdf_log() as errors:
        work = Path(folder)
        try:
            _pdf_to_hocr(
                pdf,
                work,
                language=[LANGUAGE],
                mode="force",  # every page, also one with text: the caller decided this PDF needs OCR
                rasterizer="pypdfium",
                use_threads=True,
                progress_bar=False,
                tesseract_timeout=PAGE_SECONDS,
                invalidate_digital_signatures=True,  # we only read the PDF; no changed copy is written
            )
        except Exception as err:  # any failure of ocrmypdf or Tesseract on this file: see extract.py
            cause = errors[-1] if errors else f"{type(err).__name__}: {err}".rstrip(": ")
            raise OcrError(
                f"de tekstherkenning (OCR) van de scan mislukte ({cause}). Open de PDF in een PDF-lezer en sla hem opnieuw op, of scan de brief opnieuw."
            ) from None
        texts = [path.read_text(encoding="utf-8") for path in sorted(work.glob("*_ocr_hocr.txt"))]
        confidences = [int(found) for path in sorted(work.glob("*_ocr_hocr.hocr")) for found in _WORD_CONFIDENCE_RE.findall(path.read_text(encoding="utf-8"))]
    mean = sum(confidences) / len(confidences) if confidences else 0.0
    return "\x0c".join(text.strip("\x0c\n") for text in texts), OcrInfo(round(mean, 1), len(texts), len(confidences))


def _check_tesseract() -> None:
    """Tesseract and its Dutch model are there, or an OcrError that says how to install them."""
    if shutil.which("tesseract") is None:
        raise OcrError(
            f"de tekstherkenning (OCR) kan niet: het programma Tesseract is niet geïnstalleerd. Installeer het met '{INSTALL}' en probeer het opnieuw."
        )
    try:
        listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30, check=True).stdout
    except (OSError, subprocess.SubprocessError) as err:
        raise OcrError(f"de tekstherkenning (OCR) kan niet: Tesseract start niet ({err}). Installeer het opnieuw met '{INSTALL}'.") from None
    if LANGUAGE not in listed.split():
        raise OcrError(
            f"de tekstherkenning (OCR) kan niet: het Nederlandse taalmodel van Tesseract ontbreekt. Installeer het met '{INSTALL}' en probeer het opnieuw."
        )


@contextmanager
def _ocrmypdf_log() -> Iterator[list[str]]:
    """Keep ocrmypdf's log off the terminal (the import prints a report, or JSON); collect its errors for our message."""
    logger = logging.getLogger("ocrmypdf")
    errors: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            errors.append(record.getMessage().strip())

    handler = Collect(logging.ERROR)
    saved = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield errors
    finally:
        logger.removeHandler(handler)
        logger.propagate = saved
