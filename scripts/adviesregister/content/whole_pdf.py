"""A PDF original as the repository holds it → every text it carries, for the privacy check of the repository.

The site publishes a clean copy of a PDF (clean_pdf.py), but the public git repository holds the original, with all
that the copy leaves out: annotations and their authors, attached files, form values, XMP and document info, bookmarks,
objects nothing refers to, and every earlier revision under an incremental update. read_whole reads all of it:

- every revision: the raw bytes are cut after each `%%EOF`, and each part is read as a PDF of its own (the last part
  is the whole file); each is also read once more with its cross-reference table rebuilt from the bytes, so that an
  object no table lists is read too;
- of each: the text of its pages, every string in every object (unreferenced ones included), and every stream that is
  not a picture, a font or another binary resource: content streams by the strings they draw (not their numbers),
  XMP as text, an attached file as text. An attached file that is not plain text (a PDF, a Word file, a picture) is
  not read: it is listed in `unread`, and such an original stays out of the repository.

Nothing is decoded that clean_pdf's limits have not passed first (check_page_count); pictures are never decoded.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import io
import re
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from adviesregister.content.clean_pdf import PdfRefusedError, check_page_count, strings_in

if TYPE_CHECKING:
    import pikepdf

MAX_REVISIONS = 100
"""Revisions (incremental updates) read; an office program writes one, an editor that signs or fills in a few more."""

HIDDEN = "de delen van het origineel die de site weglaat (zoals opmerkingen, bijlagen, metadata, formulieren en bladwijzers)"
EARLIER = "een eerdere versie van het origineel (onder een latere wijziging)"

MAX_STREAM_BYTES = 50_000_000
"""Bytes one stream may unpack to: XMP, an attached letter or a page's content is far smaller."""
_MAX_EXPANSION = 5_000
"""How many times its size a stream can grow through a filter we do not unpack step by step (LZW, run length …), at most."""
_BINARY_KEYS = ("/FontFile", "/FontFile2", "/FontFile3", "/ToUnicode", "/CIDSet", "/CIDToGIDMap", "/Function", "/Functions", "/JBIG2Globals")
"""Keys whose stream value is a font program, a character map, a function or another binary resource: no text."""
_SKIPPED_TYPES = ("/XRef", "/ObjStm", "/CMap")
"""Streams qpdf reads itself (cross-reference and object streams) and character maps."""
_EOF = re.compile(rb"%%EOF[ \t]*(\r\n|\r|\n)?")


@dataclass(frozen=True)
class Whole:
    places: tuple[tuple[str, str], ...]
    """(where, text): everything the original carries, for privacy.detect."""
    unread: tuple[str, ...]
    """The parts that could not be read (Dutch): an original with one stays out of the repository."""


def read_whole(raw: bytes) -> Whole:
    """Every text of every revision of the PDF `raw` (see the module's description); PdfRefusedError when it cannot be read."""
    from adviesregister.content.extract import ExtractError, pdf_pages

    check_page_count(raw)
    ends = [match.end() for match in _EOF.finditer(raw)]
    if len(ends) > MAX_REVISIONS:
        raise PdfRefusedError(f"de PDF heeft {len(ends)} versies (incrementele wijzigingen); we lezen er hoogstens {MAX_REVISIONS}.")
    revisions = [raw[:end] for end in ends if end < len(raw.rstrip())] + [raw]
    places: list[tuple[str, str]] = []
    unread: list[str] = []
    for rebuilt in (False, True):  # as the tables say first, then as the bytes hold them (each kind is named where first found)
        for number, revision in enumerate(reversed(revisions)):
            where = HIDDEN if number == 0 else EARLIER
            if number > 0 and not rebuilt:
                with contextlib.suppress(ExtractError):  # a part cut inside a stream, the first part of a linearised file: objects below
                    places.append((where, "\n\n".join(pdf_pages(revision))))
            texts, missed = _objects_text(revision, rebuilt)
            places.append((where, "\n".join(texts)))
            unread += missed
    return Whole(tuple(places), tuple(dict.fromkeys(unread)))


def _objects_text(raw: bytes, rebuilt: bool) -> tuple[list[str], list[str]]:
    """The strings of every object and the text of every stream; with `rebuilt`, qpdf finds the objects by scanning the
    bytes (the `startxref` pointer is made unreadable), so an object no cross-reference table lists is read as well."""
    import pikepdf

    if rebuilt:
        at = raw.rfind(b"startxref")
        raw = raw[:at] + b"startxrex" + raw[at + 9 :] if at >= 0 else raw
    try:
        pdf = pikepdf.open(io.BytesIO(raw), attempt_recovery=True)
    except pikepdf.PasswordError:
        raise PdfRefusedError("de PDF is beveiligd met een wachtwoord. Vraag een onbeveiligde versie.") from None
    except Exception:  # a part cut inside a stream may not open at all; the whole file and its rebuilt reading must
        if raw.rstrip().endswith(b"%%EOF") and not rebuilt:
            return [], []
        raise PdfRefusedError("een deel van de PDF is beschadigd. Open hem in een PDF-lezer en sla hem opnieuw op.") from None
    texts: list[str] = []
    unread: list[str] = []
    with pdf:
        try:
            objects = list(pdf.objects)
            binary = {value.objgen for obj in objects for value in _binary_values(obj)}
            for obj in objects:
                texts += strings_in(obj)
                if isinstance(obj, pikepdf.Stream) and obj.objgen not in binary:
                    text, missed = _stream_text(obj)
                    texts += text
                    unread += missed
            texts += [text for key, value in pdf.trailer.items() if key != "/ID" for text in strings_in(value)]
        except PdfRefusedError:
            raise
        except Exception as err:  # any failure of the library on this file
            raise PdfRefusedError(
                f"een deel van de PDF is beschadigd ({type(err).__name__}: {err}). Open hem in een PDF-lezer en sla hem opnieuw op."
            ) from None
    return texts, unread


def _binary_values(obj: pikepdf.Object) -> list[pikepdf.Object]:
    """The streams this object names as a font program, character map, function or colour profile."""
    import pikepdf

    found: list[pikepdf.Object] = []
    if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
        for key in _BINARY_KEYS:
            value = obj.get(key)
            found += [item for item in (value if isinstance(value, pikepdf.Array) else [value]) if isinstance(item, pikepdf.Stream)]
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == pikepdf.Name.Font and isinstance(obj.get("/Encoding"), pikepdf.Stream):
            found.append(obj.Encoding)
    elif isinstance(obj, pikepdf.Array) and len(obj) == 2 and obj[0] == pikepdf.Name.ICCBased and isinstance(obj[1], pikepdf.Stream):
        found.append(obj[1])
    if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream | pikepdf.Array):
        items = list(obj.values()) if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream) else list(obj)
        for item in items:
            if isinstance(item, pikepdf.Array | pikepdf.Dictionary) and not item.is_indirect:
                found += _binary_values(item)
    return found


def _stream_text(stream: pikepdf.Stream) -> tuple[list[str], list[str]]:
    """What a stream says: the strings a content stream draws, XMP or an attached file as text. A stream that is none
    of these and no picture (a colour profile, a font program) is binary and holds no text."""
    import pikepdf

    kind = stream.get("/Type")
    subtype = stream.get("/Subtype")
    if kind in [pikepdf.Name(name) for name in _SKIPPED_TYPES] or subtype == pikepdf.Name.Image:
        return [], []
    try:
        data = _decoded(stream)
    except pikepdf.PdfError:
        data = None
    if data is None:
        return [], [f"object {stream.objgen[0]}: een onderdeel dat we niet kunnen uitpakken of dat groter is dan {MAX_STREAM_BYTES // 1_000_000} MB"]
    if kind == pikepdf.Name.EmbeddedFile or kind == pikepdf.Name.Metadata or subtype == pikepdf.Name.XML:
        text = _plain_text(data)
        if text is None:
            return [], [f"object {stream.objgen[0]}: een bijgevoegd bestand dat geen platte tekst is, zoals een PDF of Word-bestand"]
        return [text], []
    try:
        instructions = pikepdf.parse_content_stream(stream)
    except (pikepdf.PdfError, ValueError, TypeError):
        return ([text], []) if (text := _plain_text(data)) is not None else ([], [])
    return [text for instruction in instructions for operand in _operands(instruction) for text in strings_in(operand)], []


def _decoded(stream: pikepdf.Stream) -> bytes | None:
    """The stream's decoded bytes, or None when they would be more than MAX_STREAM_BYTES: the filters are applied one
    by one to the real bytes (text encodings, which shrink the data, in full; Flate only up to that size), so a small
    file that unpacks to gigabytes is refused before it fills the memory. Only after a filter we cannot unpack step by
    step (LZW, run length …) is the size a guess: by how much it can expand at most."""
    import pikepdf

    filters = stream.get("/Filter")
    chain = [str(name) for name in (filters if isinstance(filters, pikepdf.Array) else [] if filters is None else [filters])]
    raw = stream.read_raw_bytes()
    data: bytes | None = raw
    size = len(raw)
    for name in chain:
        if data is None:  # after a filter we could not apply: the worst case
            size *= _MAX_EXPANSION
        elif name in _SHRINKING:
            data = _SHRINKING[name](data)
            if data is None:
                return None
            size = len(data)
        elif name == "/FlateDecode":
            data = _inflated(data)
            if data is None:
                return None
            size = len(data)
        else:
            data, size = None, size * _MAX_EXPANSION
        if size > MAX_STREAM_BYTES:
            return None
    return bytes(stream.read_bytes()) if chain else raw


def _inflated(data: bytes) -> bytes | None:
    """Flate-compressed `data` unpacked up to MAX_STREAM_BYTES; None when it is more, or not Flate."""
    try:
        unpacked = zlib.decompressobj().decompress(data, MAX_STREAM_BYTES + 1)
    except zlib.error:
        return None
    return None if len(unpacked) > MAX_STREAM_BYTES else unpacked


def _ascii85(data: bytes) -> bytes | None:
    """ASCII85 text as bytes (4 bytes for each 5 characters, or for one `z`); None when it is not ASCII85."""
    body = re.sub(rb"\s", b"", data)
    body = body[2:] if body.startswith(b"<~") else body
    try:
        return base64.a85decode(body[: body.index(b"~>")] if b"~>" in body else body)
    except ValueError:
        return None


def _ascii_hex(data: bytes) -> bytes | None:
    """Hexadecimal text as bytes (one byte for each two digits; an odd last digit is followed by 0); None when it is not hex."""
    body = re.sub(rb"\s", b"", data).split(b">")[0]
    try:
        return binascii.unhexlify(body + b"0" * (len(body) % 2))
    except (binascii.Error, ValueError):
        return None


_SHRINKING = {"/ASCII85Decode": _ascii85, "/A85": _ascii85, "/ASCIIHexDecode": _ascii_hex, "/AHx": _ascii_hex}
"""Filters that make the data smaller (text encodings of bytes): applied in full, step by step."""


def _operands(instruction: object) -> list[object]:
    import pikepdf

    if isinstance(instruction, pikepdf.ContentStreamInstruction):
        return list(instruction.operands)
    return []


def _plain_text(data: bytes) -> str | None:
    """UTF-8 or UTF-16 text without control characters; None for anything else (a PDF, a zip, a picture)."""
    try:
        text = data.decode("utf-16" if data.startswith((b"\xfe\xff", b"\xff\xfe")) else "utf-8-sig")
    except UnicodeDecodeError:
        return None
    if not any(ord(char) < 32 and char not in "\t\n\r\f" for char in text):
        return text
    return None
