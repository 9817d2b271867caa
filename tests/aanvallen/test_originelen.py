"""Originals that carry personal data where nobody reads it, and originals made to exhaust the machine.

For each hidden part a PDF or Word file can carry (a note, an attached file, XMP, a form value, an earlier revision,
JavaScript; a picture's alternative text, a comment's or tracked change's author, an embedded file, an altChunk) with a
phone number, BSN or name in it: the site withholds the original, or the part is absent from the file it publishes
(opened and searched here). An original with personal data never enters content/ through `import`, and `check` refuses
one that is there. A PDF that declares 100,000 pages, or holds a 60,000 by 60,000 picture, is refused before anything is
decoded. Every name and number here is made up.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
import yaml
from conversions import raw_pdf

from adviesregister.content import clean_pdf, extract, originals
from adviesregister.content.extract import ExtractError, extract_text
from adviesregister.content.originals import judge_original, published_bytes
from adviesregister.pipeline import render_pages

from helpers import ADVIES, copy_project, fixed_date, run_cli

PHONE = "06-24681357"
BSN = "637337670"
NAME = "Karin Visser"
SECRETS = ("24681357", BSN, "Visser")
"""What must not be in a published file, in any form (the phone number's digits after the dash)."""
LETTER = "Geacht college,\n\nDe adviesraad adviseert u om de zorg in de wijk te versterken.\n\nMet vriendelijke groet,\n\nDe adviesraad"


# --- PDF -----------------------------------------------------------------------------------------------------------


def letter_pdf(text: str = LETTER) -> bytes:
    """A clean one-page letter with a text layer, as an office program writes it."""
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, pageCompression=0)
    for number, line in enumerate(text.split("\n")):
        page.drawString(72, 750 - 14 * number, line)
    page.showPage()
    page.save()
    return out.getvalue()


def everything_in(data: bytes) -> str:
    """All a reader of the file can get at: its bytes, every object's strings and every stream decoded."""
    parts = [data.decode("latin-1")]
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for obj in pdf.objects:
            parts.append(repr(obj))
            if isinstance(obj, pikepdf.Stream):
                try:
                    parts.append(obj.read_bytes().decode("latin-1"))
                except pikepdf.PdfError:
                    parts.append(obj.read_raw_bytes().decode("latin-1"))
    return "\n".join(parts)


def _edit(change: Callable[[pikepdf.Pdf], None], text: str = LETTER) -> bytes:
    with pikepdf.open(io.BytesIO(letter_pdf(text))) as pdf:
        change(pdf)
        out = io.BytesIO()
        pdf.save(out)
    return out.getvalue()


def _annotation(pdf: pikepdf.Pdf) -> None:
    note = pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Text, Rect=[0, 0, 20, 20], Contents=pikepdf.String(f"Bel {PHONE}"))
    note.T = pikepdf.String(NAME)
    pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(note)]))


def _attachment(pdf: pikepdf.Pdf) -> None:
    pdf.attachments["dossier.txt"] = pikepdf.AttachedFileSpec(pdf, f"BSN {BSN}, behandeld door {NAME}".encode(), filename="dossier.txt")
    spec = pikepdf.AttachedFileSpec(pdf, f"Telefoon {PHONE}".encode(), filename="notitie.txt")
    annot = pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.FileAttachment, Rect=[0, 0, 20, 20], FS=spec.obj)
    pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(annot)]))


def _xmp(pdf: pikepdf.Pdf) -> None:
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:creator"] = [NAME]
        meta["dc:description"] = f"Bel {PHONE}, BSN {BSN}"
    pdf.docinfo["/Author"] = NAME
    pdf.docinfo["/Subject"] = f"Telefoon {PHONE}"


def _form(pdf: pikepdf.Pdf) -> None:
    field = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Annot,
            Subtype=pikepdf.Name.Widget,
            FT=pikepdf.Name.Tx,
            T=pikepdf.String("telefoon"),
            V=pikepdf.String(f"{PHONE} ({NAME}, BSN {BSN})"),
            Rect=[0, 0, 100, 20],
        )
    )
    pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([field]))
    pdf.Root.AcroForm = pdf.make_indirect(pikepdf.Dictionary(Fields=pikepdf.Array([field])))


def _javascript(pdf: pikepdf.Pdf) -> None:
    script = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String(f"app.alert('{NAME} {PHONE}')"))
    pdf.Root.OpenAction = pdf.make_indirect(script)
    pdf.Root.Names = pikepdf.Dictionary(JavaScript=pikepdf.Dictionary(Names=pikepdf.Array([pikepdf.String("start"), pdf.make_indirect(script)])))
    launch = pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String(f"bel-{BSN}.exe"))
    pdf.pages[0].obj.AA = pikepdf.Dictionary(O=pdf.make_indirect(launch))


def _earlier_revision() -> bytes:
    """A letter whose first revision named the official, and whose incremental update replaced the page's text."""
    from pypdf import PdfWriter
    from pypdf.generic import ContentStream
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, pageCompression=0)
    page.drawString(72, 750, f"Behandeld door {NAME}, telefoon {PHONE}, BSN {BSN}")
    page.showPage()
    page.save()
    writer = PdfWriter(io.BytesIO(out.getvalue()), incremental=True)
    stream = ContentStream(None, writer)
    stream.set_data(b"BT /F1 12 Tf 72 750 Td (Geacht college, de adviesraad adviseert u.) Tj ET")
    writer.pages[0].replace_contents(stream)
    updated = io.BytesIO()
    writer.write(updated)
    return updated.getvalue()


HIDDEN_PDF_PARTS: dict[str, Callable[[], bytes]] = {
    "annotatie": lambda: _edit(_annotation),
    "bijlage": lambda: _edit(_attachment),
    "xmp-en-documentinfo": lambda: _edit(_xmp),
    "formulierwaarde": lambda: _edit(_form),
    "javascript-en-launch": lambda: _edit(_javascript),
    "eerdere-revisie": _earlier_revision,
}


@pytest.mark.parametrize("part", HIDDEN_PDF_PARTS)
def test_a_hidden_pdf_part_is_absent_from_the_published_copy(part: str, tmp_path: Path) -> None:
    raw = HIDDEN_PDF_PARTS[part]()
    assert any(secret in everything_in(raw) for secret in SECRETS), "the planted value is in the original"
    path = tmp_path / "brief.pdf"
    path.write_bytes(raw)
    verdict = judge_original(path)
    assert verdict.reason is None, verdict  # published, as a clean copy without the part
    published = published_bytes(path)
    found = everything_in(published)
    assert [secret for secret in SECRETS if secret in found] == []
    assert verdict.sha256 == hashlib.sha256(published).hexdigest() != hashlib.sha256(raw).hexdigest()
    for active in ("/JavaScript", "/JS", "/OpenAction", "/AA", "/Launch", "/AcroForm", "/Annots", "/EmbeddedFiles", "/Metadata"):
        assert active not in found, active
    assert published.count(b"%%EOF") == 1 and published.count(b"startxref") == 1  # one revision
    assert published_bytes(path) == published  # the same bytes every time
    copy = tmp_path / "kopie.pdf"
    copy.write_bytes(published)
    assert "Geacht college" in extract_text(copy)


def test_the_clean_copy_keeps_the_letter(tmp_path: Path) -> None:
    path = tmp_path / "brief.pdf"
    path.write_bytes(_edit(_annotation))
    copy = tmp_path / "kopie.pdf"
    copy.write_bytes(published_bytes(path))
    assert extract_text(copy) == extract_text(path)


def test_alternative_text_in_the_structure_is_read(tmp_path: Path) -> None:
    def tagged(pdf: pikepdf.Pdf) -> None:
        figure = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.Figure, Alt=pikepdf.String(f"Foto, bel {PHONE}")))
        pdf.Root.StructTreeRoot = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot, K=pikepdf.Array([figure])))

    path = tmp_path / "brief.pdf"
    path.write_bytes(_edit(tagged))
    verdict = judge_original(path)
    assert verdict.persoonlijk and verdict.reason == "een telefoonnummer in wat het bestand verder bevat (zoals de alternatieve tekst van een afbeelding)"


def _picture_letter(path: Path, text: str, width: int = 1400, height: int = 120) -> Path:
    """A letter with a text layer and a picture of a contact line below it."""
    from conversions import SCAN_FONT
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("L", (width, height), 255)
    ImageDraw.Draw(image).text((10, 20), text, font=ImageFont.truetype(str(SCAN_FONT), 60), fill=0)
    page = canvas.Canvas(str(path))
    for number, line in enumerate(LETTER.split("\n")):
        page.drawString(72, 750 - 14 * number, line)
    page.drawImage(ImageReader(image), 72, 500, width=width * 72 / 300, height=height * 72 / 300)
    page.showPage()
    page.save()
    return path


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")
def test_a_picture_of_a_contact_line_is_read_with_ocr(tmp_path: Path) -> None:
    contact = judge_original(_picture_letter(tmp_path / "contact.pdf", f"Telefoon {PHONE}"))
    assert contact.persoonlijk and contact.reason == "een telefoonnummer in een afbeelding (gelezen met tekstherkenning)"
    assert judge_original(_picture_letter(tmp_path / "logo.pdf", "Adviesraad Sociaal Domein")).reason is None


def test_without_tesseract_a_pdf_with_a_picture_is_withheld_not_failed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("adviesregister.base.ocr.shutil.which", lambda name: None)
    verdict = judge_original(_picture_letter(tmp_path / "contact.pdf", f"Telefoon {PHONE}"))
    assert not verdict.persoonlijk
    assert verdict.reason is not None and verdict.reason.startswith("de afbeeldingen erin kunnen tekst bevatten, en die konden we niet lezen:")
    assert "Tesseract is niet geïnstalleerd" in verdict.reason


# --- Word ----------------------------------------------------------------------------------------------------------


def letter_docx(text: str = LETTER) -> bytes:
    """A clean Word letter: no author, no thumbnail (a picture of the first page that nobody reads)."""
    import docx

    document = docx.Document()
    for paragraph in text.split("\n\n"):
        document.add_paragraph(paragraph)
    document.core_properties.author = ""
    document.core_properties.last_modified_by = ""
    out = io.BytesIO()
    document.save(out)
    without_thumbnail = {"_rels/.rels": lambda xml: re.sub(r"<Relationship [^>]*thumbnail[^>]*/>", "", xml)}
    return _zip_edit(out.getvalue(), without_thumbnail, drop=("docProps/thumbnail.jpeg",))


def _zip_edit(raw: bytes, change: dict[str, Callable[[str], str]] | None = None, add: dict[str, bytes] | None = None, drop: tuple[str, ...] = ()) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename in drop:
                continue
            data = source.read(item.filename)
            if change and item.filename in change:
                data = change[item.filename](data.decode("utf-8")).encode("utf-8")
            target.writestr(item.filename, data)
        for name, data in (add or {}).items():
            target.writestr(name, data)
    return out.getvalue()


def _with_zip_comment(raw: bytes, comment: bytes) -> bytes:
    out = io.BytesIO(raw)
    with zipfile.ZipFile(out, "a") as archive:
        archive.comment = comment
    return out.getvalue()


def _in_body(xml: str) -> str:
    return xml.replace("<w:body>", "<w:body>" + "{}", 1)


_PARAGRAPH = "<w:p><w:r><w:t>Met dank voor uw aandacht.</w:t></w:r></w:p>"
_DRAWING = (
    '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
    f'<wp:docPr id="1" name="Afbeelding 1" descr="Foto met het nummer {PHONE} erop"/></wp:inline></w:drawing></w:r></w:p>'
)
HIDDEN_WORD_PARTS: dict[str, Callable[..., bytes]] = {
    "alternatieve-tekst": lambda text=LETTER: _zip_edit(letter_docx(text), {"word/document.xml": lambda xml: _in_body(xml).format(_DRAWING)}),
    "auteur-opmerking": lambda text=LETTER: _zip_edit(
        letter_docx(text),
        add={
            "word/comments.xml": (
                '<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                f'<w:comment w:id="0" w:author="{NAME}" w:initials="KV"><w:p><w:r><w:t>Akkoord.</w:t></w:r></w:p></w:comment></w:comments>'
            ).encode()
        },
    ),
    "auteur-wijziging": lambda text=LETTER: _zip_edit(
        letter_docx(text),
        {
            "word/document.xml": lambda xml: _in_body(xml).format(
                f'<w:p><w:ins w:id="1" w:author="{NAME}" w:date="2024-01-01T00:00:00Z"><w:r><w:t>Met dank.</w:t></w:r></w:ins></w:p>'
            )
        },
    ),
    "ingesloten-bestand": lambda text=LETTER: _zip_edit(letter_docx(text), add={"word/embeddings/oleObject1.bin": f"BSN {BSN}, {NAME}, {PHONE}".encode()}),
    "documentvariabele": lambda text=LETTER: _zip_edit(
        letter_docx(text),
        {"word/settings.xml": lambda xml: xml.replace("</w:settings>", f'<w:docVars><w:docVar w:name="Contact" w:val="{PHONE}"/></w:docVars></w:settings>')},
    ),
    "zip-opmerking": lambda text=LETTER: _with_zip_comment(letter_docx(text), f"Behandeld door {NAME}, {PHONE}".encode()),
    "altchunk": lambda text=LETTER: _zip_edit(
        letter_docx(text),
        {"word/document.xml": lambda xml: _in_body(xml).format('<w:altChunk r:id="rIdChunk"/>' + _PARAGRAPH)},
        add={"word/afchunk.htm": f"<html><body><p>Behandeld door {NAME}, {PHONE}</p></body></html>".encode()},
    ),
}


def test_a_clean_word_letter_is_published(tmp_path: Path) -> None:
    path = tmp_path / "brief.docx"
    path.write_bytes(letter_docx())
    assert judge_original(path).reason is None and published_bytes(path) == path.read_bytes()


@pytest.mark.parametrize("part", HIDDEN_WORD_PARTS)
def test_a_word_letter_with_a_hidden_part_is_withheld(part: str, tmp_path: Path) -> None:
    raw = HIDDEN_WORD_PARTS[part]()
    path = tmp_path / "brief.docx"
    path.write_bytes(raw)
    assert "De adviesraad adviseert u" in extract_text(path)  # still a readable letter
    verdict = judge_original(path)
    assert verdict.reason is not None
    if part in ("ingesloten-bestand", "altchunk"):  # parts that are not read: withheld as they are
        assert verdict.reason.startswith("het bevat onderdelen die we niet kunnen lezen") and not verdict.persoonlijk
    elif part in ("alternatieve-tekst", "documentvariabele", "zip-opmerking"):
        assert verdict.persoonlijk and "een telefoonnummer in wat het bestand verder bevat" in verdict.reason
    else:  # an author of a comment or a tracked change
        assert verdict.persoonlijk and "wie het schreef of veranderde" in verdict.reason


# --- a public repository is public: import and check ----------------------------------------------------------------


def test_import_keeps_an_original_with_personal_data_out_of_content(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "archief")
    letters = tmp_path / "brieven"
    letters.mkdir()
    personal = letters / "advies-contact.txt"
    personal_text = ADVIES.replace("schuldhulpverlening voor jongeren", "mantelzorg").replace(
        "Met vriendelijke groet,", f"Voor vragen: bel {PHONE}.\n\nMet vriendelijke groet,"
    )
    personal.write_text(personal_text, encoding="utf-8")
    clean = letters / "advies-schulden.txt"
    clean.write_text(ADVIES, encoding="utf-8")
    before = sorted(path.relative_to(project.content) for path in (project.content / "bronnen").rglob("*"))
    documents = set((project.content / "documenten").rglob("*.md"))
    result = run_cli(["import", "--root", project.root, personal])
    assert result.exit_code == 0, result.output
    assert sorted(path.relative_to(project.content) for path in (project.content / "bronnen").rglob("*")) == before
    assert personal.exists()  # the file stays where it was
    assert (
        "  Origineel: wordt niet gepubliceerd en niet in content/ gezet: een telefoonnummer in de tekst. Alleen het controlegetal staat bij bron.sha256; "
        "het bestand blijft waar het was. Een openbare git-repository publiceert alles wat erin staat." in result.output
    )
    assert PHONE not in result.output
    [record] = set((project.content / "documenten").rglob("*.md")) - documents
    bron = yaml.safe_load(record.read_text(encoding="utf-8").split("---")[1])["bron"]
    bron.pop("ingelezen")  # what the import wrote (see importer/reimport.py)
    assert bron == {"sha256": hashlib.sha256(personal.read_bytes()).hexdigest(), "reden": "persoonsgegevens"}  # the page says why (issue 23)
    shown = json.loads(run_cli(["import", "--root", project.root, "--dry-run", "--json", clean]).output)
    assert shown[0][0]["origineel"] == {"gepubliceerd": True, "reden": None, "uitleg": "komt in content/ en wordt gepubliceerd."}
    assert run_cli(["import", "--root", project.root, clean]).exit_code == 0
    assert (project.content / "bronnen" / "almere" / "2026" / "advies-schulden.txt").read_bytes() == clean.read_bytes()


def _track(project_content: Path, name: str, data: bytes) -> tuple[str, int]:
    """Point a seed document's bron at a new original in content/bronnen/; its path and the line of bron.bestand."""
    target = project_content / "bronnen" / "almere" / "2019" / name
    target.write_bytes(data)
    document = next((project_content / "documenten" / "almere").rglob("*.md"))
    text = document.read_text(encoding="utf-8")
    front, body = text.split("---\n", 2)[1:]
    fields = yaml.safe_load(front)
    fields["bron"] = {"bestand": f"bronnen/almere/2019/{name}", "sha256": hashlib.sha256(data).hexdigest()}
    new_front = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=10_000)
    document.write_text(f"---\n{new_front}---\n{body}", encoding="utf-8")
    line = 1 + new_front.splitlines().index(f"  bestand: bronnen/almere/2019/{name}") + 1
    return document.relative_to(project_content.parent).as_posix(), line


@pytest.mark.parametrize("name", ["brief.txt", "brief.docx"])
def test_check_refuses_a_tracked_original_with_personal_data(name: str, tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    data = f"{LETTER}\n\nBel {PHONE}.\n".encode() if name.endswith(".txt") else HIDDEN_WORD_PARTS["auteur-opmerking"]()
    pad, line = _track(project.content, name, data)
    result = run_cli(["check", "--root", project.root])
    assert result.exit_code == 1
    what = (
        "een telefoonnummer in de tekst"
        if name.endswith(".txt")
        else "in de eigenschappen, opmerkingen of bijgehouden wijzigingen staat wie het schreef of veranderde (een naam of account)"
    )
    assert result.output.splitlines()[0] == (
        f"{pad}:{line}: [bron-persoonsgegevens] bron.bestand: het originele bestand 'content/bronnen/almere/2019/{name}' bevat persoonsgegevens ({what}). "
        "De site publiceert het niet, maar de openbare git-repository wel. Haal het bestand weg uit content/bronnen/ "
        f"('git rm content/bronnen/almere/2019/{name}') en haal de regel 'bestand:' onder 'bron:' weg; laat 'sha256:' staan. "
        "Bewaar het origineel buiten het archief. Stond het al in een commit, vraag de beheerder dan ook de geschiedenis te herschrijven."
    )
    assert PHONE not in result.output and NAME not in result.output


def test_the_seeds_pass_check_and_a_built_pdf_is_the_clean_copy(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    assert run_cli(["check", "--root", project.root]).exit_code == 0
    raw = _edit(_harmless_parts)
    assert "Concept, niet verspreiden" in everything_in(raw)
    _track(project.content, "brief.pdf", raw)
    with fixed_date():
        result = render_pages(project)
    assert result.problems == []
    published = list((project.pages / "bronnen").glob("*.pdf"))
    assert len(published) == 1
    data = published[0].read_bytes()
    assert "Concept, niet verspreiden" not in everything_in(data) and "/Annots" not in everything_in(data)
    page = next(project.pages.rglob(f"{published[0].stem}.md")).read_text(encoding="utf-8")
    assert f'Controlegetal (sha256) van dit bestand: <code class="ar-hash">{hashlib.sha256(data).hexdigest()}</code>' in page
    assert f'Controlegetal van het origineel in het archief: <code class="ar-hash">{hashlib.sha256(raw).hexdigest()}</code>' in page
    record = json.loads((project.pages / "open-data" / "documenten" / f"{published[0].stem}.json").read_text(encoding="utf-8"))
    assert record["bron"]["sha256"] == hashlib.sha256(raw).hexdigest()
    assert record["bron"]["sha256_gepubliceerd"] == hashlib.sha256(data).hexdigest()


# --- bounded before decoding ----------------------------------------------------------------------------------------


def _never(*args: object, **kwargs: object) -> None:
    raise AssertionError("decoded")


def test_a_pdf_of_100000_pages_is_refused_from_its_count(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pages = 100_000
    kids = b" ".join([b"3 0 R"] * pages)
    path = tmp_path / "lang.pdf"
    path.write_bytes(
        raw_pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [" + kids + b"] /Count " + str(pages).encode() + b" >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            ]
        )
    )
    import pypdf

    monkeypatch.setattr(pypdf.PdfReader, "_flatten", _never)  # how pypdf finds the pages: never reached
    monkeypatch.setattr(pypdf.PageObject, "extract_text", _never)
    monkeypatch.setattr(pikepdf.Pdf, "pages", property(_never))
    message = "de PDF heeft 100.000 pagina's; een brief of rapport heeft er nooit meer dan 2.000. Splits het bestand in losse documenten."
    with pytest.raises(ExtractError, match="^" + message.replace(".", r"\.") + "$"):
        extract.extract(path)
    assert judge_original(path).reason == f"het bestand is niet helemaal te lezen: {message}"


def _huge_picture_pdf(text: bool) -> bytes:
    size = 60_000
    data = b"x\x9c\x03\x00\x00\x00\x00\x01"  # a tiny deflate stream: the decoder would have to make 3.6 GB of it
    content = (b"BT /F1 12 Tf 72 750 Td (Geacht college) Tj ET " if text else b"") + b"q 500 0 0 500 50 50 cm /Im0 Do Q"
    font = b" /Font << /F1 6 0 R >>" if text else b""
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /Resources << /XObject << /Im0 4 0 R >>" + font + b" >> >>",
            f"<< /Type /XObject /Subtype /Image /Width {size} /Height {size} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length {len(data)} >>\nstream\n".encode()
            + data
            + b"\nendstream",
            f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def test_a_huge_picture_is_refused_from_its_size_before_ocr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import ocrmypdf.api

    monkeypatch.setattr(extract, "recognise", _never)
    monkeypatch.setattr(originals, "recognise", _never)
    monkeypatch.setattr(ocrmypdf.api, "_pdf_to_hocr", _never)
    monkeypatch.setattr(pikepdf.PdfImage, "as_pil_image", _never)
    message = (
        "een afbeelding in de PDF is 60.000 bij 60.000 pixels; tekstherkenning leest er hoogstens 100 miljoen "
        "(een bladzijde gescand met 600 dpi heeft er 35 miljoen). Scan de brief opnieuw met 300 dpi."
    )
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(_huge_picture_pdf(text=False))
    with pytest.raises(ExtractError) as refused:
        extract.extract(scan)  # a scan: text recognition would read it
    assert str(refused.value) == message
    letter = tmp_path / "brief.pdf"
    letter.write_bytes(_huge_picture_pdf(text=True))
    assert "Geacht college" in extract_text(letter)
    assert judge_original(letter).reason == f"het bestand is niet helemaal te lezen: {message}"
    assert clean_pdf.MAX_PIXELS == 100_000_000


def _page_pdf(content: bytes) -> bytes:
    """One page with this content stream and the font F1."""
    return raw_pdf(_raw_pdf_objects(content))


def test_marked_content_in_a_page_is_read(tmp_path: Path) -> None:
    """/ActualText replaces what a screen reader or a copy says for the text it marks: it is published with the page."""
    path = tmp_path / "brief.pdf"
    path.write_bytes(_page_pdf(f"/Span << /ActualText (Bel {PHONE}) >> BDC BT /F1 12 Tf 72 700 Td (Geacht college, wij adviseren u.) Tj ET EMC".encode()))
    assert "Geacht college" in extract_text(path) and PHONE not in extract_text(path)
    verdict = judge_original(path)
    assert verdict.persoonlijk and verdict.reason == "een telefoonnummer in wat het bestand verder bevat (zoals de alternatieve tekst van een afbeelding)"


def test_a_huge_inline_picture_is_refused_before_it_is_decoded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(originals, "recognise", _never)
    monkeypatch.setattr(pikepdf.PdfInlineImage, "as_pil_image", _never)
    path = tmp_path / "brief.pdf"
    text = b"BT /F1 12 Tf 72 750 Td (Geacht college) Tj ET "
    path.write_bytes(_page_pdf(text + b"q 500 0 0 500 50 50 cm BI /W 60000 /H 60000 /CS /G /BPC 8 ID \x00\x00\x00 EI Q"))
    assert judge_original(path).reason == (
        "het bestand is niet helemaal te lezen: een afbeelding in de PDF is 60.000 bij 60.000 pixels; tekstherkenning leest er hoogstens "
        "100 miljoen (een bladzijde gescand met 600 dpi heeft er 35 miljoen). Scan de brief opnieuw met 300 dpi."
    )


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")
def test_an_inline_picture_of_a_contact_line_is_read_with_ocr(tmp_path: Path) -> None:
    from conversions import SCAN_FONT
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.pdfgen import canvas

    image = Image.new("L", (1400, 120), 255)
    ImageDraw.Draw(image).text((10, 20), f"Telefoon {PHONE}", font=ImageFont.truetype(str(SCAN_FONT), 60), fill=0)
    path = tmp_path / "brief.pdf"
    page = canvas.Canvas(str(path))
    page.drawString(72, 750, "Geacht college, wij adviseren u.")
    page.drawInlineImage(image, 72, 500, 1400 * 72 / 300, 120 * 72 / 300)
    page.showPage()
    page.save()
    assert b"/Subtype /Image" not in path.read_bytes()  # inline: in the page's content, no object of its own
    assert judge_original(path).reason == "een telefoonnummer in een afbeelding (gelezen met tekstherkenning)"


# --- the repository holds the whole original: every part and revision of a PDF is read --------------------------------

HIDDEN_WHERE = "de delen van het origineel die de site weglaat (zoals opmerkingen, bijlagen, metadata, formulieren en bladwijzers)"


def _harmless_parts(pdf: pikepdf.Pdf) -> None:
    """A note, a bookmark and document info without personal data: the clean copy leaves them out, the original may keep them."""
    note = pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Text, Rect=[0, 0, 20, 20], Contents=pikepdf.String("Concept, niet verspreiden"))
    note.T = pikepdf.String("Adviesraad")
    pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(note)]))
    with pdf.open_outline() as outline:
        outline.root.append(pikepdf.OutlineItem("Advies over zorg in de wijk", 0))
    pdf.docinfo["/Title"] = "Advies over zorg in de wijk"


def _note(contents: str, author: str) -> Callable[[pikepdf.Pdf], None]:
    def change(pdf: pikepdf.Pdf) -> None:
        note = pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Text, Rect=[0, 0, 20, 20], Contents=pikepdf.String(contents))
        note.T = pikepdf.String(author)
        pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(note)]))

    return change


def _attached(data: bytes, name: str) -> Callable[[pikepdf.Pdf], None]:
    def change(pdf: pikepdf.Pdf) -> None:
        pdf.attachments[name] = pikepdf.AttachedFileSpec(pdf, data, filename=name)

    return change


def _form_value(pdf: pikepdf.Pdf) -> None:
    field = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot,
        Subtype=pikepdf.Name.Widget,
        FT=pikepdf.Name.Tx,
        T=pikepdf.String("kenmerk"),
        V=pikepdf.String(f"BSN {BSN}"),
        Rect=[0, 0, 100, 20],
    )
    field = pdf.make_indirect(field)
    pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([field]))
    pdf.Root.AcroForm = pdf.make_indirect(pikepdf.Dictionary(Fields=pikepdf.Array([field])))


def _xmp_only(pdf: pikepdf.Pdf) -> None:
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:description"] = f"Bel {PHONE}"


def _info_only(pdf: pikepdf.Pdf) -> None:
    pdf.docinfo["/Subject"] = f"Telefoon {PHONE}"


def _bookmark(pdf: pikepdf.Pdf) -> None:
    with pdf.open_outline() as outline:
        outline.root.append(pikepdf.OutlineItem(f"Bel {PHONE}", 0))


def _content(text: str) -> bytes:
    """A page's content stream that draws each line of `text` in F1."""
    lines = [line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for line in text.split("\n")]
    return b"BT /F1 9 Tf 12 TL 40 800 Td " + b" ".join(f"({line}) '".encode("latin-1") for line in lines) + b" ET"


def _letter_objects(text: str) -> list[bytes]:
    return _raw_pdf_objects(_content(text))


def _raw_pdf_objects(content: bytes) -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]


def _unreferenced(text: str) -> bytes:
    """A letter with an object that nothing refers to: no reader shows it, the file carries it."""
    return raw_pdf([*_letter_objects(text), f"(Telefoon {PHONE})".encode()])


def _outside_the_table(text: str) -> bytes:
    """A letter with an object that no cross-reference table lists: written between the objects, skipped by the offsets."""
    raw = raw_pdf(_letter_objects(text))
    hidden = f"9 0 obj\n(Telefoon {PHONE})\nendobj\n".encode()
    at = raw.index(b"xref\n")
    moved = raw[:at] + hidden + raw[at:]
    return moved.replace(f"startxref\n{at}\n".encode(), f"startxref\n{at + len(hidden)}\n".encode())


def _replaced_revision(text: str) -> bytes:
    """A letter whose first revision had a contact line, and whose incremental update replaced that same object (4 0):
    the current revision no longer has the old object at all, only the bytes before the update do."""
    first = raw_pdf(_letter_objects(f"{text}\nVoor vragen: bel {PHONE}."))
    content = _content(text)
    offset = len(first)
    update = f"4 0 obj\n<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream\nendobj\n"
    xref = offset + len(update)
    previous = int(first.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    update += (
        f"xref\n0 1\n0000000000 65535 f \n4 1\n{offset:010d} 00000 n \ntrailer\n<< /Size 6 /Root 1 0 R /Prev {previous} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return first + update


REPOSITORY_PDF_PARTS: dict[str, tuple[Callable[[str], bytes], str]] = {
    "annotatie-inhoud": (lambda text: _edit(_note(f"Bel {PHONE}", "Adviesraad"), text), f"een telefoonnummer in {HIDDEN_WHERE}"),
    "annotatie-auteur": (lambda text: _edit(_note("Akkoord", f"tel. {PHONE}"), text), f"een telefoonnummer in {HIDDEN_WHERE}"),
    "bijlage": (lambda text: _edit(_attached(f"BSN {BSN}".encode(), "dossier.txt"), text), f"een burgerservicenummer (BSN) in {HIDDEN_WHERE}"),
    "formulierwaarde": (lambda text: _edit(_form_value, text), f"een burgerservicenummer (BSN) in {HIDDEN_WHERE}"),
    "xmp": (lambda text: _edit(_xmp_only, text), f"een telefoonnummer in {HIDDEN_WHERE}"),
    "documentinfo": (lambda text: _edit(_info_only, text), f"een telefoonnummer in {HIDDEN_WHERE}"),
    "bladwijzer": (lambda text: _edit(_bookmark, text), f"een telefoonnummer in {HIDDEN_WHERE}"),
    "eerdere-revisie": (_replaced_revision, "een telefoonnummer in een eerdere versie van het origineel (onder een latere wijziging)"),
    "los-object": (_unreferenced, f"een telefoonnummer in {HIDDEN_WHERE}"),
    "object-buiten-de-tabel": (_outside_the_table, f"een telefoonnummer in {HIDDEN_WHERE}"),
    "bijgevoegde-pdf": (
        lambda text: _edit(_attached(letter_pdf(), "bijlage.pdf"), text),
        "het origineel kon niet helemaal gelezen worden (object 6: een bijgevoegd bestand dat geen platte tekst is, zoals een PDF of Word-bestand)",
    ),
}


def _bronnen(project_content: Path) -> list[Path]:
    return sorted(path.relative_to(project_content) for path in (project_content / "bronnen").rglob("*"))


@pytest.mark.parametrize("part", REPOSITORY_PDF_PARTS)
def test_a_pdf_original_with_personal_data_in_a_hidden_part_stays_out_of_the_repository(part: str, tmp_path: Path) -> None:
    make, reden = REPOSITORY_PDF_PARTS[part]
    raw = make(ADVIES)
    letters = tmp_path / "brieven"
    letters.mkdir()
    letter = letters / "advies-schulden.pdf"
    letter.write_bytes(raw)
    assert "Wij adviseren u om op elke middelbare school" in extract_text(letter) and PHONE not in extract_text(letter)
    verdict = judge_original(letter)
    assert verdict.reason is None and verdict.archief == reden  # the site would publish the clean copy; the repository must not hold the original
    project = copy_project(tmp_path / "archief")
    before = _bronnen(project.content)
    documents = set((project.content / "documenten").rglob("*.md"))
    result = run_cli(["import", "--root", project.root, letter])
    assert result.exit_code == 0, result.output
    assert _bronnen(project.content) == before and letter.read_bytes() == raw
    assert (
        f"  Origineel: wordt niet gepubliceerd en niet in content/ gezet: {reden}. Alleen het controlegetal staat bij bron.sha256; "
        "het bestand blijft waar het was. Een openbare git-repository publiceert alles wat erin staat." in result.output
    )
    assert PHONE not in result.output and BSN not in result.output
    [record] = set((project.content / "documenten").rglob("*.md")) - documents
    soort = "onleesbaar" if part == "bijgevoegde-pdf" else "persoonsgegevens"  # what the page will say (issue 23)
    bron = yaml.safe_load(record.read_text(encoding="utf-8").split("---")[1])["bron"]
    assert {key: value for key, value in bron.items() if key != "ingelezen"} == {"sha256": hashlib.sha256(raw).hexdigest(), "reden": soort}
    record.unlink()
    pad, line = _track(project.content, "brief.pdf", raw)  # placed by hand
    checked = run_cli(["check", "--root", project.root])
    assert checked.exit_code == 1
    what = (
        f"kon niet helemaal gelezen worden{reden.removeprefix('het origineel kon niet helemaal gelezen worden')}, dus er kunnen persoonsgegevens in staan"
        if part == "bijgevoegde-pdf"
        else f"bevat persoonsgegevens in een deel dat de site weglaat ({reden})"
    )
    assert checked.output.splitlines()[0] == (
        f"{pad}:{line}: [bron-persoonsgegevens] bron.bestand: het originele bestand 'content/bronnen/almere/2019/brief.pdf' {what}. "
        "De site publiceert het niet, maar de openbare git-repository wel. Haal het bestand weg uit content/bronnen/ "
        "('git rm content/bronnen/almere/2019/brief.pdf') en haal de regel 'bestand:' onder 'bron:' weg; laat 'sha256:' staan. "
        "Bewaar het origineel buiten het archief. Stond het al in een commit, vraag de beheerder dan ook de geschiedenis te herschrijven."
    )
    assert PHONE not in checked.output and BSN not in checked.output


@pytest.mark.parametrize("kind", ["schoon", "onschuldige-delen"])
def test_a_clean_pdf_original_is_imported_and_published(kind: str, tmp_path: Path) -> None:
    raw = letter_pdf(ADVIES) if kind == "schoon" else _edit(_harmless_parts, ADVIES)
    letter = tmp_path / "advies-schulden.pdf"
    letter.write_bytes(raw)
    project = copy_project(tmp_path / "archief")
    result = run_cli(["import", "--root", project.root, letter])
    assert result.exit_code == 0, result.output
    assert (
        "  Origineel: komt in content/ en wordt gepubliceerd als schone kopie, zonder opmerkingen, bijlagen, metadata, formulieren en scripts." in result.output
    )
    assert (project.content / "bronnen" / "almere" / "2026" / "advies-schulden.pdf").read_bytes() == raw
    assert run_cli(["check", "--root", project.root]).exit_code == 0
    with fixed_date():
        built = render_pages(project)
    assert built.problems == []
    [published] = [path for path in (project.pages / "bronnen").glob("*.pdf") if "schuldhulpverlening" in path.name]
    assert "Wij adviseren u om op elke middelbare school" in extract_text(published)


def test_a_verdict_of_an_earlier_rule_is_not_taken_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_project(tmp_path)
    _track(project.content, "brief.pdf", REPOSITORY_PDF_PARTS["annotatie-inhoud"][0](LETTER))
    with monkeypatch.context() as earlier:
        earlier.setattr(originals, "RULES", "1")
        earlier.setattr(originals, "_judge_repository", lambda raw: None)  # the rule before: only the clean copy was judged
        assert run_cli(["check", "--root", project.root]).exit_code == 0
    with monkeypatch.context() as same:
        same.setattr(originals, "RULES", "1")
        assert run_cli(["check", "--root", project.root]).exit_code == 0  # the same rule: the verdict is taken from the cache
    assert run_cli(["check", "--root", project.root]).exit_code == 1


@pytest.mark.parametrize("part", ["alternatieve-tekst", "auteur-opmerking", "auteur-wijziging", "html-commentaar"])
def test_import_never_writes_a_word_or_html_original_with_personal_data_in_any_part(part: str, tmp_path: Path) -> None:
    letters = tmp_path / "brieven"
    letters.mkdir()
    if part == "html-commentaar":
        letter = letters / "advies-schulden.html"
        body = "".join(f"<p>{paragraph}</p>" for paragraph in ADVIES.split("\n\n"))
        letter.write_text(f"<html><body><!-- behandeld door {NAME}, tel. {PHONE} -->{body}</body></html>", encoding="utf-8")
    else:
        letter = letters / "advies-schulden.docx"
        letter.write_bytes(HIDDEN_WORD_PARTS[part](ADVIES))
    project = copy_project(tmp_path / "archief")
    before = _bronnen(project.content)
    result = run_cli(["import", "--root", project.root, letter])
    assert result.exit_code == 0, result.output
    assert _bronnen(project.content) == before
    assert "  Origineel: wordt niet gepubliceerd en niet in content/ gezet: " in result.output
    assert PHONE not in result.output and NAME not in result.output
    [record] = [path for path in (project.content / "documenten").rglob("*.md") if "schuldhulpverlening" in path.name]
    assert set(yaml.safe_load(record.read_text(encoding="utf-8").split("---")[1])["bron"]) == {
        "sha256",
        "reden",
        "ingelezen",
    }  # no bestand; reden, ingelezen: issue 23


def test_an_attached_file_that_unpacks_to_gigabytes_is_refused_before_it_is_unpacked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import zlib

    from adviesregister.content import whole_pdf

    bomb = zlib.compress(b"\0" * (whole_pdf.MAX_STREAM_BYTES + 1), 9)
    objects = _letter_objects(ADVIES)
    objects.append(f"<< /Type /EmbeddedFile /Filter /FlateDecode /Length {len(bomb)} >>\nstream\n".encode() + bomb + b"\nendstream")
    path = tmp_path / "brief.pdf"
    path.write_bytes(raw_pdf(objects))
    assert len(path.read_bytes()) < whole_pdf.MAX_STREAM_BYTES // 100
    monkeypatch.setattr(pikepdf.Object, "read_bytes", _never)  # what would unpack it whole
    verdict = judge_original(path)
    assert verdict.archief == (
        "het origineel kon niet helemaal gelezen worden (object 6: een onderdeel dat we niet kunnen uitpakken of dat groter is dan 50 MB)"
    )


def test_a_plain_reportlab_letter_is_published_not_withheld(tmp_path: Path) -> None:
    """ReportLab writes each page as [/ASCII85Decode /FlateDecode]: ASCII85 shrinks (5 characters → 4 bytes), so the
    size guard must not count it as a filter that can grow 5,000 times (issue 23, a reviewer's finding)."""
    from conversions import to_pdf

    path = to_pdf(ADVIES, tmp_path / "brief.pdf")
    assert b"/ASCII85Decode" in path.read_bytes()  # reportlab's default, not a file made for this test
    assert judge_original(path).archief is None
    project = copy_project(tmp_path / "project")
    result = run_cli(["import", "--root", project.root, "--gemeente", "almere", path])
    assert result.exit_code == 0, result.output
    assert "onleesbaar" not in result.output and "niet helemaal gelezen" not in result.output
    [record] = [path for path in (project.content / "documenten").rglob("*.md") if "schuldhulpverlening" in path.name]
    bron = yaml.safe_load(record.read_text(encoding="utf-8").split("---")[1])["bron"]
    assert "reden" not in bron
    assert (project.root / "content" / bron["bestand"]).read_bytes() == path.read_bytes()


def test_a_bomb_behind_ascii85_is_refused_on_its_real_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The text encoding is unpacked for real and Flate only up to the limit: the limit holds on bytes, not on a guess."""
    import base64
    import zlib

    from adviesregister.content import whole_pdf

    bomb = base64.a85encode(zlib.compress(b"\0" * (whole_pdf.MAX_STREAM_BYTES + 1), 9), adobe=True)[2:]
    objects = _letter_objects(ADVIES)
    objects.append(f"<< /Type /EmbeddedFile /Filter [/ASCII85Decode /FlateDecode] /Length {len(bomb)} >>\nstream\n".encode() + bomb + b"\nendstream")
    path = tmp_path / "brief.pdf"
    path.write_bytes(raw_pdf(objects))
    monkeypatch.setattr(pikepdf.Object, "read_bytes", _never)  # what would unpack it whole
    assert judge_original(path).archief == (
        "het origineel kon niet helemaal gelezen worden (object 6: een onderdeel dat we niet kunnen uitpakken of dat groter is dan 50 MB)"
    )
