"""An original letter → whether the site publishes it, and the bytes it publishes.

An original is published only when all of it was read and none of it is personal data: the text a reader sees, and
what the file carries besides. A Word, HTML, Markdown or text file is published as it is, so every part of it is read
(extract.carried); a Word file with a part that is not read (a picture, an embedded file, an altChunk) or with an
author is withheld. A PDF is published as a clean copy (clean_pdf.py): without annotations, attached files, metadata,
forms, scripts and earlier revisions; what that copy still holds is read, and the pictures on its pages that could hold
a line of text are read with text recognition (Tesseract). Without Tesseract such a PDF is withheld, never a failed build.

The verdict names the kind of personal data and where it was found, never the value: it reaches the import report,
`check` and a public log. Verdicts are kept in build/cache/ under the original's sha256 (base/cache.py).
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from adviesregister.base.cache import ResultCache, text_key
from adviesregister.base.ocr import OcrError, recognise
from adviesregister.content.clean_pdf import PdfRefusedError, clean_pdf, pages_only
from adviesregister.content.extract import MAX_OCR_PAGES, SCAN_WITHOUT_OCR, ExtractError, carried, extract_text, pdf_pages
from adviesregister.content.model import Document, Problem
from adviesregister.content.paths import source_problem
from adviesregister.content.privacy import KINDS, detect
from adviesregister.content.whole_pdf import read_whole

RULES = "3"
"""The version of what a verdict means, part of its cache key: 2 added `archief`, the judgement of the whole original;
3 `soort`, the kind of reason."""

WITHHELD: dict[str, str] = {
    "persoonsgegevens": "Het originele bestand noemt namen, nummers of andere gegevens van personen. Daarom publiceren we het niet; de tekst hierboven is de brief zonder die gegevens.",
    "auteur": "In de eigenschappen van het originele bestand (auteur, opmerkingen of bijgehouden wijzigingen) staat wie het schreef of veranderde: een naam, een account of een invulnaam als 'anonymous'. Daarom publiceren we het niet; de tekst hierboven is de brief.",
    "scan": "Het originele bestand is een scan (een afbeelding van de brief, zonder tekst), dus we konden niet alles erin nalezen. Daarom publiceren we het niet; de tekst hierboven is de brief.",
    "afbeeldingen": "Het originele bestand heeft afbeeldingen waarin tekst kan staan die we niet konden nalezen. Daarom publiceren we het niet; de tekst hierboven is de brief.",
    "onderdelen": "Het originele bestand bevat delen die we niet kunnen nalezen, zoals afbeeldingen, ingesloten bestanden of macro's. Daarom publiceren we het niet; de tekst hierboven is de brief.",
    "onleesbaar": "Het originele bestand konden we niet helemaal lezen, dus ook niet nagaan of er gegevens van personen in staan. Daarom publiceren we het niet; de tekst hierboven is de brief.",
}
"""Why an original is not published, by the kind of reason (Verdict.soort, bron.reden), as the document's page says it."""
WITHHELD_UNKNOWN = (
    "Het originele bestand publiceren we niet: het bevat gegevens van personen of delen die we niet konden nalezen. De tekst hierboven is de brief."
)
"""For an original kept outside the archive by an import that did not yet record why (no bron.reden)."""


@dataclass(frozen=True)
class Verdict:
    """What the site does with an original."""

    reason: str | None = None
    """Why the site does not publish it (Dutch, without the values found); None: it does."""
    persoonlijk: bool = False
    """The reason is personal data found in it: such a file must not be in the public repository either."""
    sha256: str | None = None
    """The sha256 of the bytes the site publishes (for a PDF its clean copy, for other files the file itself)."""
    grootte: int = 0
    """Their size in bytes."""
    archief: str | None = None
    """Why the original itself must not be in the public repository although nothing in `reason` says so (Dutch,
    without the values): a PDF whose clean copy the site would publish, but whose original carries personal data in a
    part the copy leaves out (whole_pdf.py), or a part that could not be read. None: it may be there."""
    soort: str | None = None
    """The kind of `reason`, a key of WITHHELD ('persoonsgegevens', 'auteur', 'scan' …): what the page says; None when published."""

    def buiten_archief(self) -> str | None:
        """Why `import` leaves the original out of content/ (the site does not publish it, or the repository must not
        hold it); None: it goes in."""
        return self.reason if self.reason is not None else self.archief

    def buiten_archief_soort(self) -> str | None:
        """The kind of reason `buiten_archief` gives (bron.reden of a document whose original stays outside)."""
        if self.reason is not None:
            return self.soort
        if self.archief is None:
            return None
        return "onleesbaar" if self.archief.startswith(_UNREAD) else "persoonsgegevens"


def judge_original(path: Path) -> Verdict:
    """Whether the site may publish the original at `path`, and why not (see the module's description)."""
    if path.suffix.lower() == ".pdf":
        verdict = _judge_site(path)
        return verdict if verdict.persoonlijk else replace(verdict, archief=_judge_repository(path.read_bytes()))
    return _judge_site(path)


def _judge_site(path: Path) -> Verdict:
    """Whether the site may publish the original (a PDF: its clean copy)."""
    try:
        text = extract_text(path)
        if path.suffix.lower() == ".pdf":
            return _judge_pdf(path.read_bytes())
        besides = carried(path)
    except (ExtractError, PdfRefusedError) as err:
        if str(err) == SCAN_WITHOUT_OCR:
            return Verdict("het is een scan (een PDF zonder tekstlaag); de site publiceert alleen een PDF waarvan alle tekst te lezen is", soort="scan")
        return Verdict(f"het bestand is niet helemaal te lezen: {err}", soort="onleesbaar")
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as err:
        return Verdict(f"het bestand is niet te lezen ({type(err).__name__}).", soort="onleesbaar")
    if besides.authors:
        return Verdict(
            "in de eigenschappen, opmerkingen of bijgehouden wijzigingen staat wie het schreef of veranderde (een naam of account)", True, soort="auteur"
        )
    found = _personal(("de tekst", text), ("wat het bestand verder bevat (opmaakcode, kop- en voettekst, opmerkingen, alternatieve tekst)", besides.text))
    if found:
        return Verdict(found, True, soort="persoonsgegevens")
    if besides.unread:
        shown = ", ".join(f"'{name}'" for name in besides.unread[:3]) + (" …" if len(besides.unread) > 3 else "")
        return Verdict(f"het bevat onderdelen die we niet kunnen lezen (afbeeldingen, ingesloten bestanden of ingevoegde HTML: {shown})", soort="onderdelen")
    raw = path.read_bytes()
    return Verdict(None, False, hashlib.sha256(raw).hexdigest(), len(raw))


def published_bytes(path: Path) -> bytes:
    """What the site publishes of an original that judge_original accepted: a PDF's clean copy, any other file as it is."""
    raw = path.read_bytes()
    return clean_pdf(raw).data if path.suffix.lower() == ".pdf" else raw


def _judge_pdf(raw: bytes) -> Verdict:
    clean = clean_pdf(raw)
    places = [
        ("de tekst", "\n\n".join(pdf_pages(clean.data))),
        ("wat het bestand verder bevat (zoals de alternatieve tekst van een afbeelding)", "\n".join(clean.strings)),
    ]
    if clean.picture_pages:
        if len(clean.picture_pages) > MAX_OCR_PAGES:
            return Verdict(
                f"{len(clean.picture_pages)} pagina's hebben een afbeelding; tekstherkenning (OCR) leest er hoogstens {MAX_OCR_PAGES}", soort="afbeeldingen"
            )
        try:
            places.append(("een afbeelding (gelezen met tekstherkenning)", _picture_text(clean.data, clean.picture_pages)))
        except OcrError as err:
            return Verdict(f"de afbeeldingen erin kunnen tekst bevatten, en die konden we niet lezen: {err}", soort="afbeeldingen")
    found = _personal(*places)
    if found:
        return Verdict(found, True, soort="persoonsgegevens")
    return Verdict(None, False, hashlib.sha256(clean.data).hexdigest(), len(clean.data))


_UNREAD = "het origineel kon niet helemaal gelezen worden"


def _judge_repository(raw: bytes) -> str | None:
    """Why the whole PDF original, every part and revision of it, must not be in the public repository; None: it may."""
    try:
        whole = read_whole(raw)
    except PdfRefusedError as err:
        return f"{_UNREAD} ({err})"
    found = _personal(*whole.places)
    if found:
        return found
    if whole.unread:
        return f"{_UNREAD} ({'; '.join(whole.unread[:3])}{' …' if len(whole.unread) > 3 else ''})"
    return None


def _picture_text(data: bytes, pages: tuple[int, ...]) -> str:
    with tempfile.TemporaryDirectory(prefix="adviesregister-origineel-") as folder:
        part = Path(folder) / "afbeeldingen.pdf"
        part.write_bytes(pages_only(data, pages))
        return recognise(part)[0]


def _personal(*places: tuple[str, str]) -> str | None:
    """What personal data was found where, by kind ('een telefoonnummer in de tekst'), or None."""
    said, seen = [], set()
    for where, text in places:
        kinds = [kind for kind in dict.fromkeys(KINDS[finding.kind].noun for finding in detect(text)) if kind not in seen]
        said += [f"{kind} in {where}" for kind in kinds]
        seen.update(kinds)  # a text file's source repeats its text: each kind once, where it was first found
    return "; ".join(said) if said else None


def judge_documents(documents: list[Document], content: Path, cache: ResultCache) -> dict[str, Verdict]:
    """The verdict on the original of each document that names one in content/bronnen/ (unchanged: its sha256 fits),
    with the verdicts of the last build taken from `cache` (build/cache/originelen.json; the caller saves it)."""
    named = [doc for doc in documents if doc.bron is not None and doc.bron.bestand is not None and source_problem(content, doc.bron.bestand) is None]
    paths = [content / str(doc.bron.bestand) for doc in named if doc.bron is not None]
    tesseract = shutil.which("tesseract") is not None  # a verdict without it says so; with it, read again
    keys = [text_key(f"{RULES}\0{_digest(path)}\0{path.suffix.lower()}\0{tesseract}") for path in paths]
    verdicts = cache.map(judge_original, paths, keys, _verdict_json, _verdict_from_json)
    return {doc.id: verdict for doc, verdict in zip(named, verdicts, strict=True)}


def originals_cache(folder: Path | None) -> ResultCache:
    """The verdicts of the last build, in build/cache/originelen.json."""
    return ResultCache(folder, "originelen")


def check_originals(documents: list[Document], content: Path, cache: ResultCache) -> list[Problem]:
    """A problem for each original in content/bronnen/ that carries personal data: the site withholds it, but a public
    repository (and its history) would publish it."""
    verdicts = judge_documents(documents, content, cache)
    return [
        Problem(
            doc.path,
            doc.line("bron.bestand"),
            "bron-persoonsgegevens",
            f"bron.bestand: het originele bestand 'content/{doc.bron.bestand}' {_what_is_wrong(verdicts[doc.id])}. "
            "De site publiceert het niet, maar de openbare git-repository wel. Haal het bestand weg uit content/bronnen/ "
            f"('git rm content/{doc.bron.bestand}') en haal de regel 'bestand:' onder 'bron:' weg; laat 'sha256:' staan. "
            "Bewaar het origineel buiten het archief. Stond het al in een commit, vraag de beheerder dan ook de geschiedenis te herschrijven.",
        )
        for doc in documents
        if doc.bron is not None and doc.id in verdicts and (verdicts[doc.id].persoonlijk or verdicts[doc.id].archief is not None)
    ]


def _what_is_wrong(verdict: Verdict) -> str:
    if verdict.persoonlijk or verdict.archief is None:
        return f"bevat persoonsgegevens ({verdict.reason})"
    if verdict.archief.startswith(_UNREAD):
        return f"kon niet helemaal gelezen worden{verdict.archief.removeprefix(_UNREAD)}, dus er kunnen persoonsgegevens in staan"
    return f"bevat persoonsgegevens in een deel dat de site weglaat ({verdict.archief})"


def is_publishable(path: Path) -> bool:
    """An original letter may be published only when all of it was read and none of it is personal data: not in what a
    reader sees, nor in what the file carries besides."""
    return judge_original(path).reason is None


def publishable_originals(documents: list[Document], content: Path, folder: Path | None) -> dict[str, Verdict]:
    """The verdict on each document's original in content/bronnen/: the site publishes those without a `reason`, with the
    checksum and size of what it publishes (a withheld one has no sha256); a withheld one says why (`soort`)."""
    cache = originals_cache(folder)
    verdicts = judge_documents(documents, content, cache)
    cache.save()
    return verdicts


def withheld_sentence(verdict: Verdict | None, reason: str | None) -> str:
    """What the document's page says of an original it does not publish: the build's verdict on a file in
    content/bronnen/, else the reason the import recorded for one it kept outside (bron.reden)."""
    soort = verdict.soort if verdict is not None and verdict.reason is not None else reason
    return WITHHELD.get(soort or "", WITHHELD_UNKNOWN)


def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _verdict_json(verdict: Verdict) -> list[Any]:
    return [verdict.reason, verdict.persoonlijk, verdict.sha256, verdict.grootte, verdict.archief, verdict.soort]


def _verdict_from_json(row: list[Any]) -> Verdict:
    reason, persoonlijk, sha256, grootte, archief, soort = row
    return Verdict(
        None if reason is None else str(reason),
        bool(persoonlijk),
        None if sha256 is None else str(sha256),
        int(grootte),
        None if archief is None else str(archief),
        None if soort is None else str(soort),
    )
