"""Turn a seed letter's text into a real Word or PDF file, as a council's office would send it."""

from __future__ import annotations

from pathlib import Path

import docx
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas


def to_docx(text: str, path: Path) -> Path:
    """One Word paragraph per line; tabs stay tabs (Word tab stops)."""
    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    document.save(str(path))
    return path


def to_pdf(text: str, path: Path, font: str = "Helvetica", size: float = 8) -> Path:
    """Lines drawn on A4 pages in Helvetica; lines longer than the page are wrapped, as in a real PDF."""
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    width, top, bottom, leading = A4[0] - 80, A4[1] - 50, 50, size * 1.4
    y = top
    pdf.setFont(font, size)
    for line in text.split("\n"):
        line = line.replace("\t", "    ")
        indent = (len(line) - len(line.lstrip())) * size  # an indented line starts further right on the page
        for part in (simpleSplit(line.strip(), font, size, width - indent) if line.strip() else [""]) or [""]:
            if y < bottom:
                pdf.showPage()
                pdf.setFont(font, size)
                y = top
            if part:
                pdf.drawString(40 + indent, y, part)  # indentation is a position on the page, as in a real PDF
            y -= leading
    pdf.save()
    return path


def to_scan_pdf(path: Path) -> Path:
    """A page with only a picture of text (rectangles), no text layer: what a scanner makes."""
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    for row in range(40):
        pdf.rect(40, A4[1] - 60 - row * 14, 400 + (row % 5) * 20, 6, fill=1)
    pdf.save()
    return path
