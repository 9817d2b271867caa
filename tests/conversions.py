"""Turn a seed letter's text into a real Word or PDF file, as a council's office would send it."""

from __future__ import annotations

import io
import random
import re
import zipfile
from pathlib import Path
from typing import Any

import docx
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas


def to_docx(text: str, path: Path, publishable: bool = False) -> Path:
    """One Word paragraph per line; tabs stay tabs (Word tab stops). `publishable`: as an office saves a letter for
    publishing, with no author in its properties and no thumbnail picture (else the archive withholds its original)."""
    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    if not publishable:
        document.save(str(path))
        return path
    document.core_properties.author = ""
    document.core_properties.last_modified_by = ""
    saved = io.BytesIO()
    document.save(saved)
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename != "docProps/thumbnail.jpeg":
                data = source.read(item)
                if item.filename == "_rels/.rels":
                    data = re.sub(rb"<Relationship [^>]*thumbnail[^>]*/>", b"", data)
                target.writestr(item, data)
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


SCAN_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
"""Debian's fonts-dejavu-core (installed by .ci/run)."""


def to_scan(text: str, path: Path, size: float = 10, dpi: int = 300, seed: int = 0) -> Path:
    """A printed letter as a scanner returns it: the lines drawn on grey A4 pages at `dpi`, with a little dust and a
    slight skew, saved as a PDF of pictures only (no text layer). Long lines are wrapped; a tab goes to the next tab
    stop, as in a letter's header table (closer stops when the row would not fit the page)."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(SCAN_FONT), round(size * dpi / 72))
    mm = dpi / 25.4
    width, height, margin, leading = round(210 * mm), round(297 * mm), round(20 * mm), round(size * 1.4 * dpi / 72)
    rows = [row for line in text.split("\n") for row in _rows(line, font, width - 2 * margin, mm)]
    per_page = (height - 2 * margin) // leading
    pages = [rows[start : start + per_page] for start in range(0, len(rows), per_page)] or [[]]
    noise = random.Random(seed)
    images = []
    for page in pages:
        image = Image.new("L", (width, height), 250)
        draw = ImageDraw.Draw(image)
        for number, row in enumerate(page):
            for x, cell in row:
                draw.text((margin + x, margin + number * leading), cell, font=font, fill=20)
        for _ in range(width * height // 20_000):  # dust
            dot = (noise.randrange(width), noise.randrange(height))
            draw.point(dot, fill=noise.randrange(60, 200))
        images.append(image.rotate(noise.uniform(-0.4, 0.4), resample=Image.Resampling.BICUBIC, fillcolor=250))
    images[0].save(path, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return path


def _rows(line: str, font: Any, width: float, mm: float) -> list[list[tuple[float, str]]]:
    """The line as rows of (position, text) that fit `width`: a long line wrapped at spaces, a table row (with tabs)
    on tab stops 40 mm apart, or closer when it would not fit."""
    if "\t" not in line:
        return [[(0, part)] for part in _wrap(line, font, width)]
    cells = line.split("\t")
    for tab in (40 * mm, 30 * mm, 20 * mm, 10 * mm, 4 * mm):
        row, x = [], 0.0
        for cell in cells:
            row.append((x, cell))
            x = (int((x + font.getlength(cell)) // tab) + 1) * tab
        if max(start + font.getlength(cell) for start, cell in row) <= width:
            break
    return [row]


def _wrap(line: str, font: Any, width: float) -> list[str]:
    """The line in parts that fit `width`, broken at spaces."""
    if font.getlength(line) <= width:
        return [line]
    parts, current = [], ""
    for word in line.split(" "):
        if current and font.getlength(f"{current} {word}") > width:
            parts.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    return [*parts, current]


def to_scan_pdf(path: Path) -> Path:
    """A page with only a picture of text (rectangles), no text layer: what a scanner makes."""
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    for row in range(40):
        pdf.rect(40, A4[1] - 60 - row * 14, 400 + (row % 5) * 20, 6, fill=1)
    pdf.save()
    return path


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF of these objects written by hand (1 0 obj first, the catalog), with a correct cross-reference table: for
    files no PDF library would write (a page tree that claims 100,000 pages, a picture of 60,000 x 60,000 pixels)."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
