"""A PDF original → the clean copy the site publishes, and what in that copy the privacy check must still read.

A PDF carries more than the text of its pages: annotations (notes with their author, links, attached files), attached
files, XMP and document-info metadata, form fields and their values, JavaScript and launch actions, bookmarks,
thumbnails, private data of the program that made it, and earlier revisions under an incremental update. The site
publishes none of that. clean_pdf keeps the pages (their content, fonts and pictures) and the logical structure, drops
everything else, and writes the file anew as one revision (only what the pages use is written, so an earlier revision
is gone) with an /ID made from its content: the same original always gives the same bytes.

What the copy still holds besides the text of its pages is handed to the privacy check (privacy.judge_original): every
string (a structure element's alternative text, for one) and the pages with a picture large enough to hold a line of
text, which only text recognition (OCR) reads.

Limits are checked before anything is decoded: the page count from the page tree's root (/Count), and each picture's
size from its /Width and /Height. PdfRefusedError says, in Dutch, why a PDF is not read.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from adviesregister.base.errors import AdviesregisterError

if TYPE_CHECKING:
    import pikepdf

MAX_PAGES = 2_000
"""Pages a PDF may have: a letter, even a long report with appendices, has far fewer (a 100,000-page PDF took pypdf 110 s and 857 MB)."""
MAX_PIXELS = 100_000_000
"""Pixels of one picture (10,000 x 10,000; a page scanned at 600 dpi has 35 million): text recognition of a
60,000 x 60,000 picture took 5.1 GB."""
OCR_MIN_PIXELS = 20_000
"""A picture of at least this many pixels (200 x 100) can hold a line of text, such as a contact line: it is read by OCR."""
OCR_MIN_SIDE = 16
"""… and of at least this many pixels on each side (a thin rule or a border holds no text)."""

_ROOT_DROPPED = ("/AcroForm", "/OpenAction", "/AA", "/Metadata", "/PieceInfo", "/Outlines", "/AF", "/Collection", "/Threads", "/SpiderInfo", "/Perms", "/URI")
"""Form fields and their values, actions that run on opening, XMP, private data, bookmarks (their actions can run
code), associated files, portfolios, article threads, web-capture data, signatures' permissions, base URI."""
_PAGE_DROPPED = ("/Annots", "/AA", "/Metadata", "/PieceInfo", "/Thumb", "/AF", "/B", "/PresSteps")
"""Annotations (notes, links, attached files, form widgets), actions, XMP, private data, thumbnails (a picture of an
earlier state), associated files, article beads, presentation steps."""
_EVERYWHERE_DROPPED = ("/Metadata", "/PieceInfo", "/AF")
"""XMP, private data and associated files can hang on any object (a picture, a font)."""
_NAMES_KEPT = ("/Dests",)
"""Of the document's name trees only the named destinations stay: no attached files (/EmbeddedFiles), no JavaScript."""


class PdfRefusedError(AdviesregisterError):
    """A PDF that is not read or published; the message says why and what to do, in Dutch."""


@dataclass(frozen=True)
class CleanPdf:
    data: bytes
    """The clean copy: what the site publishes."""
    strings: tuple[str, ...]
    """Every string the copy still holds outside the pages' content (alternative text, language tags, destination names)."""
    picture_pages: tuple[int, ...]
    """The pages (0 = first) with a picture large enough to hold text (OCR_MIN_PIXELS)."""


def check_page_count(raw: bytes) -> int:
    """The page count the PDF's page tree declares, read from its root without touching a page; PdfRefusedError above MAX_PAGES."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            return 0  # the caller says that it is locked
        count = int(reader.trailer["/Root"]["/Pages"]["/Count"])  # type: ignore[index]
    except Exception as err:  # any failure of the library on this file: see extract.py
        raise PdfRefusedError(
            f"de PDF is beschadigd of geen echte PDF ({type(err).__name__}: {err}). Open hem in een PDF-lezer en sla hem opnieuw op."
        ) from None
    if count > MAX_PAGES:
        raise PdfRefusedError(
            f"de PDF heeft {count:,} pagina's; een brief of rapport heeft er nooit meer dan {MAX_PAGES:,}. Splits het bestand in losse documenten.".replace(
                ",", "."
            )
        )
    return count


def check_picture_sizes(raw: bytes) -> None:
    """PdfRefusedError when a picture in the PDF is larger than MAX_PIXELS, read from its /Width and /Height: nothing is decoded."""
    check_page_count(raw)
    with _open(raw) as pdf:
        sizes = [size for obj in pdf.objects if (size := _picture_size(obj)) is not None]
        try:
            sizes += [size for page in pdf.pages for size in _drawn(page)[0]]  # pictures inline in a page's content
        except Exception as err:  # any failure of the library on this file
            raise PdfRefusedError(
                f"de PDF is beschadigd of geen echte PDF ({type(err).__name__}: {err}). Open hem in een PDF-lezer en sla hem opnieuw op."
            ) from None
        for size in sizes:
            if size[0] * size[1] > MAX_PIXELS:
                raise PdfRefusedError(
                    f"een afbeelding in de PDF is {size[0]:,} bij {size[1]:,} pixels; tekstherkenning leest er hoogstens {MAX_PIXELS // 1_000_000} miljoen "
                    "(een bladzijde gescand met 600 dpi heeft er 35 miljoen). Scan de brief opnieuw met 300 dpi.".replace(",", ".")
                )


def clean_pdf(raw: bytes) -> CleanPdf:
    """The clean copy of a PDF (see the module's description); PdfRefusedError for a PDF that is locked, broken, too long or
    holds a picture that is too large."""
    import pikepdf

    check_picture_sizes(raw)
    try:
        with _open(raw) as pdf:
            _strip(pdf)
            out = io.BytesIO()
            pdf.save(out, deterministic_id=True, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
        data = out.getvalue()
        with pikepdf.open(io.BytesIO(data)) as copy:  # read back: only what was written
            drawn = [_drawn(page) for page in copy.pages]
            strings = tuple(text for obj in copy.objects for text in strings_in(obj)) + tuple(text for _, marks in drawn for text in marks)
            pictures = tuple(number for number, (sizes, _) in enumerate(drawn) if any(map(_is_text_sized, sizes)))
    except PdfRefusedError:
        raise
    except Exception as err:  # any failure of the library on this file
        raise PdfRefusedError(f"de PDF kon niet opnieuw worden geschreven zonder verborgen onderdelen ({type(err).__name__}: {err}).") from None
    return CleanPdf(data, strings, pictures)


def pages_only(data: bytes, numbers: tuple[int, ...]) -> bytes:
    """A PDF of only these pages of `data` (a clean copy): what text recognition reads."""
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf, pikepdf.new() as part:
        for number in numbers:
            part.pages.append(pdf.pages[number])
        out = io.BytesIO()
        part.save(out, deterministic_id=True)
    return out.getvalue()


def _open(raw: bytes) -> pikepdf.Pdf:
    import pikepdf

    try:
        return pikepdf.open(io.BytesIO(raw))
    except pikepdf.PasswordError:
        raise PdfRefusedError("de PDF is beveiligd met een wachtwoord. Vraag een onbeveiligde versie.") from None
    except Exception as err:  # any failure of the library on this file
        raise PdfRefusedError(
            f"de PDF is beschadigd of geen echte PDF ({type(err).__name__}: {err}). Open hem in een PDF-lezer en sla hem opnieuw op."
        ) from None


def _strip(pdf: pikepdf.Pdf) -> None:
    import pikepdf

    root = pdf.Root
    for key in _ROOT_DROPPED:
        if key in root:
            del root[key]
    if "/Names" in root:
        names = root.Names
        for key in list(names.keys()):
            if key not in _NAMES_KEPT:
                del names[key]
    if "/Info" in pdf.trailer:
        del pdf.trailer["/Info"]
    for page in pdf.pages:
        for key in _PAGE_DROPPED:
            if key in page.obj:
                del page.obj[key]
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            for key in _EVERYWHERE_DROPPED:
                if key in obj:
                    del obj[key]


def strings_in(obj: object, depth: int = 0) -> list[str]:
    """Every string in an object and the direct objects inside it (indirect ones are read as objects of their own)."""
    import pikepdf

    if depth > 50:
        return []
    if isinstance(obj, pikepdf.String):
        return [str(obj)]
    if isinstance(obj, pikepdf.Stream | pikepdf.Dictionary):
        if obj.get("/Type") == pikepdf.Name.XRef:  # the file's own index, with its /ID
            return []
        items = [value for _, value in obj.items()]
    elif isinstance(obj, pikepdf.Array):
        items = list(obj)
    else:
        return []
    return [text for item in items if not (isinstance(item, pikepdf.Object) and item.is_indirect) for text in strings_in(item, depth + 1)]


def _picture_size(obj: object) -> tuple[int, int] | None:
    import pikepdf

    if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == pikepdf.Name.Image:
        try:
            return int(obj.get("/Width", 0)), int(obj.get("/Height", 0))
        except (TypeError, ValueError):
            return 0, 0
    return None


def _is_text_sized(size: tuple[int, int]) -> bool:
    return size[0] * size[1] >= OCR_MIN_PIXELS and min(size) >= OCR_MIN_SIDE


def _drawn(page: pikepdf.Page) -> tuple[list[tuple[int, int]], list[str]]:
    """The size of every picture the page draws (its pictures, those of the forms it draws, and pictures written into
    their content, 'inline'), and every string in their marked content (such as /ActualText and /Alt)."""
    import pikepdf

    sizes: list[tuple[int, int]] = []
    marks: list[str] = []
    seen: set[tuple[int, int]] = set()
    pending: list[pikepdf.Object] = [page.obj]
    while pending:
        holder = pending.pop()
        for instruction in pikepdf.parse_content_stream(holder):
            if isinstance(instruction, pikepdf.ContentStreamInlineImage):
                sizes.append((int(instruction.iimage.width), int(instruction.iimage.height)))
            elif str(instruction.operator) in ("BDC", "DP"):
                marks += [text for operand in instruction.operands for text in strings_in(operand)]
        resources = holder.get("/Resources")
        xobjects = resources.get("/XObject") if isinstance(resources, pikepdf.Dictionary) else None
        if not isinstance(xobjects, pikepdf.Dictionary):
            continue
        for _, xobject in xobjects.items():
            if xobject.is_indirect:
                if xobject.objgen in seen:
                    continue
                seen.add(xobject.objgen)
            size = _picture_size(xobject)
            if size is not None:
                sizes.append(size)
            elif isinstance(xobject, pikepdf.Stream) and xobject.get("/Subtype") == pikepdf.Name.Form:
                pending.append(xobject)
    return sizes, marks
