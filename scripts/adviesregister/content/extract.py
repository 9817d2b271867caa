"""Letters in any common format → plain text lines; a scanned PDF through text recognition (OCR). Raises ExtractError with a Dutch message."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from html import unescape
from pathlib import Path

from adviesregister.base.errors import AdviesregisterError
from adviesregister.base.ocr import OcrError, OcrInfo, recognise
from adviesregister.content.clean_pdf import PdfRefusedError, check_page_count, check_picture_sizes
from adviesregister.content.parse import remove_forbidden_characters

MAX_BYTES = {".pdf": 100 * 1024 * 1024, ".docx": 100 * 1024 * 1024}
"""Files with pictures may be large; their text is limited by MAX_TEXT."""
MAX_PLAIN_BYTES = 5 * 1024 * 1024
MAX_TEXT = 1_000_000
"""Characters: a letter, even a long report, has far fewer."""
MAX_UNPACKED = 200 * 1024 * 1024
"""Bytes a .docx (a zip file) may unpack to: its largest pictures are stored as they are, so it is barely larger than the file."""
MAX_XML = 10 * 1024 * 1024
"""Bytes of XML (the text and its layout) a .docx may unpack to; python-docx takes about 0.5 s and 60 MB per MB of it."""
MAX_RATIO = 100
"""How many times larger than packed a part of a .docx may be; Word's XML packs about ten times, a zip bomb a thousand."""
MAX_OCR_PAGES = 50
"""Pages of a scan that text recognition reads (about 1 s a page); a scan with more is no letter."""
SUPPORTED = (".txt", ".md", ".pdf", ".docx", ".html", ".htm")
SAVE_AS = {
    ".odt": "een OpenDocument-tekst (.odt, van LibreOffice of OpenOffice)",
    ".doc": "een Word-bestand in het oude formaat (.doc)",
    ".rtf": "een RTF-bestand (.rtf)",
    ".docm": "een Word-bestand met macro's (.docm)",
}
"""Office files we do not read, which Word or LibreOffice saves as .docx or PDF in two steps."""
SCAN_WITHOUT_OCR = (
    "de PDF bevat geen tekst, alleen afbeeldingen (een scan). Laat er eerst tekstherkenning (OCR) op los, "
    "bijvoorbeeld met 'ocrmypdf', en importeer dan de nieuwe PDF."
)


class ExtractError(AdviesregisterError):
    """A letter whose text cannot be read; the message says why and what to do, in Dutch."""


@dataclass(frozen=True)
class Extracted:
    text: str
    """The letter's text, with '\\n' line ends; tabs of header tables are kept."""
    ocr: OcrInfo | None = None
    """How sure text recognition was, when the text was read from the pictures of a scan; None for a text layer."""
    web_page: WebPage | None = None
    """The title and date a web page (.html) gives of itself; None for other files."""


def extract_text(path: Path) -> str:
    """The text of a letter from its text layer; never runs OCR (a scanned PDF raises ExtractError), so that a build or
    a privacy check never spends seconds on a scan. The importer uses extract()."""
    return extract(path, ocr=False).text


def extract(path: Path, ocr: bool | None = None) -> Extracted:
    """The text of a letter, and how it was obtained. A PDF without text (a scan) is read with OCR when `ocr` is None
    (automatic) or True; True also reads a PDF that has text from its pictures, False never runs OCR. Other files have
    no pictures to read: for them `ocr` changes nothing."""
    suffix = path.suffix.lower()
    if suffix in SAVE_AS:
        raise ExtractError(
            f"{SAVE_AS[suffix]} kunnen we niet lezen. Open het in Word of LibreOffice en kies 'Bestand > Opslaan als > Word-document (.docx)', "
            "of 'Bestand > Exporteren als PDF'. Importeer dan dat nieuwe bestand."
        )
    if suffix not in SUPPORTED:
        raise ExtractError(f"bestanden van het type '{suffix or 'zonder extensie'}' kunnen we niet lezen. Gebruik PDF, Word (.docx), HTML of tekst (.txt).")
    limit = MAX_BYTES.get(suffix, MAX_PLAIN_BYTES)
    size = path.stat().st_size
    if size > limit:
        raise ExtractError(
            f"het bestand is {round(size / (1024 * 1024))} MB; een brief als {suffix} is nooit groter dan {limit // (1024 * 1024)} MB. Controleer of u het goede bestand koos."
        )
    raw = path.read_bytes()
    if not raw.strip():
        raise ExtractError("het bestand is leeg.")
    info = None
    web_page = None
    if suffix == ".pdf":
        text, info = _pdf(path, raw, ocr)
    elif suffix == ".docx":
        text = _docx_text(raw)
    elif suffix in (".html", ".htm"):
        text, web_page = _html_text(raw)
    else:
        text = decode_plain_text(raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\x0c", "\n\n")  # \x0c: a page break
    text = remove_forbidden_characters(text)  # control characters would make the written document fail `check`
    if not text.strip():
        raise ExtractError("er staat geen tekst in het bestand.")
    if len(text) > MAX_TEXT:
        raise ExtractError(f"het bestand bevat {len(text):,} tekens; dat is geen brief. Splits het in losse documenten.".replace(",", "."))
    return Extracted(text, info, web_page)


def decode_plain_text(raw: bytes) -> str:
    """UTF-8 (with or without byte-order mark) or Windows-1252, the encodings Dutch offices produce."""
    if b"\x00" in raw[:4096]:
        raise ExtractError("dit is geen tekstbestand (het bevat binaire gegevens). Kies de brief zelf, als PDF, Word, HTML of tekst.")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        raise ExtractError("de tekens in dit bestand zijn niet te lezen (geen UTF-8 en geen Windows-1252). Sla het op als UTF-8.") from None
    if sum(not (ch.isprintable() or ch in "\n\r\t") for ch in text) > len(text) // 100:
        raise ExtractError("dit is geen tekstbestand (het bevat binaire gegevens). Kies de brief zelf, als PDF, Word, HTML of tekst.")
    return text


# The readers below call a library on a file from outside. On a broken file pypdf, python-docx, zipfile and lxml raise
# every kind of exception (NotImplementedError for an unknown PDF filter, zlib.error, IndexError, RecursionError …):
# at this boundary each of them means "this file cannot be read", and becomes an ExtractError that says so.


def _pdf(path: Path, raw: bytes, ocr: bool | None) -> tuple[str, OcrInfo | None]:
    """A PDF's text layer; or, for a scan (or when `ocr` is True), the text that Tesseract reads in its pictures."""
    pages = pdf_pages(raw)
    if ocr is not True and "".join(pages).strip():
        # A page break usually ends a paragraph; a sentence that runs on is joined again by the body reader.
        return "\n".join(line.rstrip() for line in "\n\n".join(pages).split("\n")), None
    if ocr is False:
        raise ExtractError(SCAN_WITHOUT_OCR)
    if len(pages) > MAX_OCR_PAGES:
        raise ExtractError(
            f"de scan heeft {len(pages)} pagina's; tekstherkenning (OCR) leest er hoogstens {MAX_OCR_PAGES}, want een brief is nooit zo lang. Splits hem in losse documenten."
        )
    try:
        check_picture_sizes(raw)  # from the pictures' /Width and /Height, before anything is decoded
    except PdfRefusedError as err:
        raise ExtractError(str(err)) from None
    try:
        text, info = recognise(path)
    except OcrError as err:
        raise ExtractError(str(err)) from None
    if not text.strip():
        raise ExtractError(
            "de PDF bevat geen tekst, alleen afbeeldingen (een scan), en ook tekstherkenning (OCR) vond er geen tekst in. "
            "Is het wel een brief? Scan hem anders opnieuw, recht en met minstens 300 dpi."
        )
    return text, info


def pdf_pages(raw: bytes) -> list[str]:
    """The text layer of every page (empty strings for a scan)."""
    from pypdf import PdfReader

    try:
        check_page_count(raw)  # from the page tree's root, before a page is parsed
    except PdfRefusedError as err:
        raise ExtractError(str(err)) from None
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            raise ExtractError("de PDF is beveiligd met een wachtwoord. Vraag een onbeveiligde versie.")
        # Layout mode keeps blank lines between paragraphs and the gaps between header columns.
        pages = [page.extract_text(extraction_mode="layout") or "" for page in reader.pages]
    except ExtractError:
        raise
    except Exception as err:  # see above: any failure of the library on this file
        raise ExtractError(f"de PDF is beschadigd of geen echte PDF ({type(err).__name__}: {err}). Open hem in een PDF-lezer en sla hem opnieuw op.") from None
    return pages


def _docx_text(raw: bytes) -> str:
    """The body in document order (paragraphs and tables as they stand), after the text of the first section's headers
    (the letterhead: above the letter, read apart from the body); footers (page numbers, addresses) are left out."""
    import docx

    _check_unpacked_size(raw)
    try:
        document = docx.Document(io.BytesIO(raw))
        kop = [line for section in document.sections[:1] for line in _docx_lines(section.header.iter_inner_content()) if line.strip()]
        lines = _docx_lines(document.iter_inner_content())
    except Exception as err:  # see above: any failure of the library on this file
        raise ExtractError(f"het Word-bestand is beschadigd of geen .docx ({type(err).__name__}: {err}). Open het in Word en sla het op als .docx.") from None
    return "\n".join([*kop, "", *lines] if kop else lines)


def _docx_lines(blocks: Iterable[object]) -> list[str]:
    """Paragraphs as lines; a table row as one line of its cells' texts separated by tabs (as a header table is read
    from a PDF: 'Datum\t3 maart 2026'), or, when a cell holds more than one line, its cells' lines one after another."""
    from docx.table import Table

    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Table):
            lines.extend(_docx_table(block))
        else:
            lines.append(getattr(block, "text", ""))
    return lines


def _docx_table(table: object) -> list[str]:
    """A table's rows; a merged cell is read once. The cells are read from the XML, each `w:tc` of a row once (a cell
    spanning columns is one `w:tc`), a cell continuing a vertical merge (`w:vMerge` without 'restart') left out: its
    text stands in the cell above. python-docx's `row.cells` walks up a vertical merge for every cell, so a long merged
    table took minutes (quadratic); this is linear."""
    from docx.table import Table, _Cell

    assert isinstance(table, Table)
    lines: list[str] = []
    for tr in table._tbl.tr_lst:
        cells = []
        for tc in tr.tc_lst:
            if tc.vMerge not in (None, "restart"):  # a continuation: the text is in the merge's first cell
                continue
            cells.append([line for line in _docx_lines(_Cell(tc, table).iter_inner_content()) if line.strip()])
        filled = [cell for cell in cells if cell]
        if all(len(cell) == 1 for cell in filled):
            lines.append("\t".join(cell[0].strip() for cell in filled))
        else:
            lines.extend(line for cell in filled for line in cell)
    return lines


def _check_unpacked_size(raw: bytes) -> None:
    """Refuse a zip bomb from the sizes the zip file declares, before anything is unpacked (zipfile never unpacks more)."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            parts = archive.infolist()
    except Exception as err:  # see above: any failure of the library on this file
        raise ExtractError(f"het Word-bestand is beschadigd of geen .docx ({type(err).__name__}: {err}). Open het in Word en sla het op als .docx.") from None
    bomb = "Het bestand is beschadigd, of gemaakt om computers te laten vastlopen (een 'zipbom'). Open het in Word en sla het opnieuw op als .docx."
    total = sum(part.file_size for part in parts)
    if total > MAX_UNPACKED:
        raise ExtractError(
            f"het Word-bestand pakt uit tot {_megabytes(total)}; een brief is nooit meer dan {_megabytes(MAX_UNPACKED)}, ook niet met afbeeldingen. {bomb}"
        )
    xml = sum(part.file_size for part in parts if part.filename.lower().endswith((".xml", ".rels")))
    if xml > MAX_XML:
        raise ExtractError(
            f"de tekst van het Word-bestand (de XML-onderdelen) pakt uit tot {_megabytes(xml)}; bij een brief is dat nooit meer dan {_megabytes(MAX_XML)}. {bomb}"
        )
    for part in parts:
        if part.file_size > 1024 * 1024 and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            raise ExtractError(
                f"het onderdeel '{part.filename}' van het Word-bestand pakt uit tot {_megabytes(part.file_size)}, "
                f"meer dan {MAX_RATIO} keer zo groot als ingepakt. {bomb}"
            )


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f} MB".replace(",", ".")


_SPACE_RE = re.compile(r"\s+")
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "br", "section", "article", "main", "blockquote", "dt", "dd", "table", "ul", "ol"}


@dataclass(frozen=True)
class WebPage:
    """What a web page says of itself besides the letter: its title and publication date (from its markup, not from
    the letter's text). The importer offers them only where the letter gives none, and says so."""

    titel: str | None = None
    datum: str | None = None
    """JJJJ-MM-DD, from the page's markup (a meta tag, a time element), never guessed from its text."""


def _html_text(raw: bytes) -> tuple[str, WebPage | None]:
    """The letter's text in a web page, by trafilatura (a main-content extractor): navigation, header, footer, cookie
    banners, share buttons and 'Lees meer' left out; one line per paragraph, heading and list item, a <br> a line
    break. A page in which trafilatura finds no main text is read whole, without scripts, styles and navigation."""
    from lxml import etree

    try:
        found = _main_content(raw)
        if found is not None:
            return found
        return _whole_page(raw), None
    except (etree.LxmlError, ValueError, RecursionError) as err:
        raise ExtractError(f"de HTML is niet te lezen ({err}).") from None


def _main_content(raw: bytes) -> tuple[str, WebPage] | None:
    import trafilatura
    from trafilatura.settings import use_config

    config = use_config()
    for setting in ("MIN_EXTRACTED_SIZE", "MIN_OUTPUT_SIZE", "MIN_OUTPUT_COMM_SIZE", "MIN_EXTRACTED_COMM_SIZE"):
        config.set("DEFAULT", setting, "1")  # a short letter is a letter too
    try:
        document = trafilatura.bare_extraction(
            raw,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            favor_recall=True,
            deduplicate=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
            config=config,
        )
    except (RecursionError, ValueError):
        raise
    except Exception as err:  # see above: any failure of the library on this file
        raise ExtractError(f"de HTML is niet te lezen ({type(err).__name__}: {err}).") from None
    body = getattr(document, "body", None)
    if body is None:
        return None
    blocks = [block for block in (_block_text(element) for element in body) if block.strip()]
    if not blocks:
        return None
    title, date = getattr(document, "title", None), getattr(document, "date", None)
    titel = " ".join(str(title).split()) if title else None
    datum = str(date) if date and re.fullmatch(r"\d{4}-\d\d-\d\d", str(date)) else None
    return "\n\n".join(blocks), WebPage(titel, datum)


def _block_text(element: object) -> str:
    """One block of trafilatura's output (p, head, list, table, quote …) as lines."""
    tag = getattr(element, "tag", None)
    if tag == "list":
        return "\n".join(_list_lines(element))
    if tag == "table":
        rows = [row for row in element.iter("row")]  # type: ignore[attr-defined]
        return "\n".join("\t".join(_inline(cell).replace("\n", " ") for cell in row.iter("cell")) for row in rows)
    return _inline(element)


def _list_lines(element: object) -> list[str]:
    """A list's items, numbered ('1. ') when it was an ordered list, else '- '; a nested list follows its item."""
    numbered = getattr(element, "get", lambda _key: None)("rend") == "ol"
    lines: list[str] = []
    for number, item in enumerate((child for child in element if getattr(child, "tag", None) == "item"), start=1):  # type: ignore[attr-defined]
        text = " ".join(_inline(item).split())
        lines.append((f"{number}. " if numbered else "- ") + text)
        for nested in item.iter("list"):
            if nested is not item:
                lines.extend(_list_lines(nested))
    return lines


def _inline(element: object) -> str:
    """The text of an element, a line break (<lb/>) a new line, nested lists left out (see _list_lines)."""
    parts: list[str] = []

    def walk(node: object) -> None:
        tag = getattr(node, "tag", None)
        if not isinstance(tag, str):
            return
        if tag == "lb":
            parts.append("\n")
        elif tag != "list" or node is element:
            parts.append(getattr(node, "text", None) or "")
            for child in node:  # type: ignore[attr-defined]
                walk(child)
        tail = getattr(node, "tail", None)
        if tail and node is not element:
            parts.append(tail)

    walk(element)
    return "\n".join(" ".join(line.split()) for line in "".join(parts).split("\n"))


def _whole_page(raw: bytes) -> str:
    from lxml import html

    tree = html.fromstring(raw)
    for bad in tree.xpath("//script|//style|//nav|//header|//footer|//aside|//form|//noscript"):
        bad.drop_tree()
    roots = tree.xpath("//main") or tree.xpath("//article") or tree.xpath("//body") or [tree]
    parts: list[str] = []
    _walk_html(roots[0], parts)
    lines = "".join(parts).split("\n")
    return "\n".join(line.strip() for line in lines)


def _walk_html(element: object, parts: list[str]) -> None:
    from lxml import html

    if not isinstance(element, html.HtmlElement):  # a comment or processing instruction: no text of the letter
        return
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _BLOCKS:
        parts.append("\n")
    if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        parts.append("\n")
    if tag == "li":
        parts.append("- ")
    if tag in ("td", "th") and element.getprevious() is not None:
        parts.append("\t")
    if element.text:
        parts.append(_SPACE_RE.sub(" ", element.text))
    for child in element:
        _walk_html(child, parts)
        if child.tail:
            parts.append(_SPACE_RE.sub(" ", child.tail))
    if tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table"):
        parts.append("\n\n")


_TAG_RE = re.compile(r"<[^<>]*>")
_XML_PART_RE = re.compile(r"\.(xml|rels)$")


_ATTRIBUTE_RE = re.compile(r'\s(?:[\w]+:)?(?:descr|title|name|alias|tag|initials|Target|userId)="([^"]*)"')
"""Attributes of a Word part that hold text a person wrote: a picture's alternative text (wp:docPr descr and title)
and name, a content control's label, a comment's initials, a link's target."""
_DOCUMENT_VARIABLE_RE = re.compile(r'<w:docVar\s[^>]*?\bw:val="([^"]*)"')
"""A document variable (word/settings.xml): a value a program or a person stored in the file, never shown."""
_AUTHOR_RE = re.compile(r'\s(?:w|w15):author="([^"]*)"')
"""Who wrote a comment or made a tracked change (w:ins, w:del, w:rPrChange …), and the people list of comments (w15:person)."""
_FONT_PART_RE = re.compile(r"\.(?:odttf|ttf|otf)$", re.IGNORECASE)


@dataclass(frozen=True)
class Carried:
    """What a file carries besides the text a reader sees."""

    text: str
    """An HTML or Markdown file's source with its comments and attributes; every XML part of a Word file (headers,
    footers, footnotes, comments, properties) with the attributes that hold text (alternative text of pictures)."""
    authors: tuple[str, ...]
    """Who the file says wrote or changed it (Word's creator and lastModifiedBy, the authors of comments and tracked
    changes): a person or an account."""
    unread: tuple[str, ...] = ()
    """Parts that travel with the file but are not read: a Word file's pictures, embedded files (word/embeddings/),
    altChunk parts (HTML or text pasted in as a whole), macros."""


def carried(path: Path) -> Carried:
    """What the privacy check looks at, besides the text, before an original is published as it is. Call it after
    extract_text accepted the file (so a Word file is known to be no zip bomb). A PDF is published as a clean copy
    instead (clean_pdf.py): its text is read from that copy by the privacy check itself."""
    raw = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return _docx_carried(raw)
    if suffix == ".pdf":
        return Carried("", ())
    return Carried(unescape(decode_plain_text(raw).replace("<", " ").replace(">", " ")), ())


def _docx_carried(raw: bytes) -> Carried:
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        names = archive.namelist()
        parts = {name: archive.read(name).decode("utf-8", "replace") for name in names if _XML_PART_RE.search(name)}
        comments = [archive.comment, *(info.comment for info in archive.infolist())]  # the zip's own notes travel with it
    found = re.findall(r"<(?:dc:creator|cp:lastModifiedBy)>([^<]*)<", parts.get("docProps/core.xml", ""))
    found += [unescape(author) for part in parts.values() for author in _AUTHOR_RE.findall(part)]
    text = "\n".join(
        unescape(_TAG_RE.sub(" ", part)) + "\n" + "\n".join(map(unescape, _ATTRIBUTE_RE.findall(part) + _DOCUMENT_VARIABLE_RE.findall(part)))
        for part in parts.values()
    )
    text += "".join("\n" + comment.decode("utf-8", "replace") for comment in comments if comment)
    unread = tuple(name for name in names if not _XML_PART_RE.search(name) and not name.endswith("/") and not _FONT_PART_RE.search(name))
    return Carried(text, tuple(dict.fromkeys(name.strip() for name in found if name.strip())), unread)
