"""Letters → records with evidence → Markdown files in content/. Never overwrites without `force`."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from adviesregister.content.atomic import ArchiveBusy, WriteFailed, archive_lock, write_all
from adviesregister.content.extract import extract
from adviesregister.content.gemeenten_schrijven import add_command, gemeente_slug
from adviesregister.content.model import Archive, Datum, Document
from adviesregister.content.names import document_id, document_path, slugify, source_path
from adviesregister.content.ocr import OcrInfo
from adviesregister.content.originals import Verdict, judge_original
from adviesregister.content.parse import ParseError
from adviesregister.content.privacy import redact, text_fields, without_placeholders
from adviesregister.content.project import Project
from adviesregister.content.reference import cbs_municipalities
from adviesregister.content.schema import DOCUMENT_SCHEMA, front_matter_fields, load_schema
from adviesregister.importer.councils import council_gemeente, council_names, spell_sender
from adviesregister.importer.findings import Decision, Decisions, Found, Letter
from adviesregister.importer.letter import read_letter
from adviesregister.importer.parties import own_councils
from adviesregister.importer.reimport import holder, merge, with_record
from adviesregister.importer.themes import suggest_themes
from adviesregister.importer.verdict import ADVICE_DATE_UNKNOWN

OCR_DOUBTFUL = 80
"""Below this mean word confidence (0 to 100) of text recognition, many words are misread: every field needs checking."""


class ImportRefused(Exception):
    """Nothing of a letter was written: it would overwrite a file, another command holds the archive, or a write
    failed. The message says which, in Dutch."""


@dataclass
class Record:
    pad: str
    gegevens: dict[str, Any]
    tekst: str
    bewijs: dict[str, str] = field(default_factory=dict)

    def ordered(self) -> dict[str, Any]:
        """The fields in the schema's order; a field the schema does not know (a person's, in a document written again) last."""
        known = front_matter_fields()
        return {key: self.gegevens[key] for key in known if key in self.gegevens} | {key: value for key, value in self.gegevens.items() if key not in known}

    def markdown(self) -> str:
        front = yaml.safe_dump(self.ordered(), allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=False)
        return f"---\n{front}---\n" + (f"\n{self.tekst}" if self.tekst else "")


@dataclass
class ImportResult:
    bestand: str
    records: list[Record]
    beslissingen: Decisions
    verwijderd: list[str]
    bron: tuple[Path, str] | None = None
    """The original letter and where its copy goes (relative to the project)."""
    geen_brief: str | None = None
    """Why the text is no letter and nothing was made of it (see kind.not_a_letter); None for a letter."""
    ocr: OcrInfo | None = None
    """How sure text recognition was, when the text was read from a scan; None for a text layer."""
    origineel: Verdict | None = None
    """Whether the site will publish the original (and so whether its copy goes into content/), and why not."""
    houder: str | None = None
    """The document (its path from the project) that already holds this original: the record is that document with
    the fields the import found filled in (see reimport.py), written only with --force."""
    anders: list[str] = field(default_factory=list)
    """For a second import: where the document holds something else than the import reads now (the document's value stays)."""
    bijgewerkt: list[str] = field(default_factory=list)
    """For a second import: what the import wrote before, nobody changed and the import now reads otherwise (rewritten with --force)."""

    def herhaling_tekst(self, force: bool = False) -> str | None:
        """What a second import of an original does, in Dutch, for the report's first line; None for a first import."""
        if self.houder is None:
            return None
        staat = f"deze brief staat al in het archief als {self.houder} (hetzelfde origineel, bron.sha256)."
        if force:
            return (
                f"{staat} Met --force komt er geen tweede document en geen tweede kopie: de import schrijft in {self.houder} opnieuw wat "
                "hij eerder schreef en niemand veranderde (bron.ingelezen houdt dat bij), vult de velden aan die het document mist en "
                "schrijft de velden die u als optie gaf (--datum, --gemeente). Wat iemand invulde, veranderde of weghaalde, blijft staan."
            )
        return (
            f"{staat} Er is niets geschreven. Met --force schrijft de import opnieuw wat hij eerder schreef en niemand veranderde, "
            "vult hij de velden aan die het document mist en schrijft hij de velden die u als optie gaf (--datum, --gemeente); "
            "wat iemand invulde, veranderde of weghaalde, blijft staan."
        )

    def origineel_tekst(self) -> str | None:
        """What happens to the original, in Dutch, for the report; None when no record was made."""
        if self.origineel is None:
            return None
        reden = self.origineel.buiten_archief()
        if reden is None:
            kopie = " als schone kopie, zonder opmerkingen, bijlagen, metadata, formulieren en scripts" if self.bestand.lower().endswith(".pdf") else ""
            return f"komt in content/ en wordt gepubliceerd{kopie}."
        return (
            f"wordt niet gepubliceerd en niet in content/ gezet: {reden}. Alleen het controlegetal staat bij bron.sha256; "
            "het bestand blijft waar het was. Een openbare git-repository publiceert alles wat erin staat."
        )


def import_letter(
    project: Project, archive: Archive, path: Path, gemeente: str | None = None, datum: Datum | None = None, toch: bool = False, ocr: bool | None = None
) -> ImportResult:
    """Read one letter and build its record (and, for a response to an advice not in the archive, that advice's record).
    A text that is no letter (a web post, minutes …) gets no record unless `toch` is set: the result says why.
    `ocr`: read a scanned PDF with text recognition when None (automatic), always when True, never when False."""
    extracted = extract(path, ocr)
    with own_councils(*council_names(archive)):  # the archive's own councils name the sender too ('ASD')
        letter = read_letter(extracted.text)
    spell_sender(archive, letter)
    beslissingen = letter.beslissingen
    if extracted.ocr is not None:
        beslissingen.insert(0, _ocr_decision(extracted.ocr))
    if letter.geen_brief is not None:
        if not toch:
            return ImportResult(str(path), [], beslissingen, [], None, geen_brief=letter.geen_brief, ocr=extracted.ocr)
        beslissingen.add("soort", "geen-brief", f"{letter.geen_brief}. U importeerde het toch: vul 'soort' zelf in.")
    tekst, weg = redact(letter.tekst)
    verwijderd = [f"regel {regel}: {reden}" + (f": '{tekst_}'" if tekst_ else "") for regel, reden, tekst_ in letter.verwijderd.items]
    verwijderd += [f"tekst: {soort}" for soort in weg]
    slug = _gemeente_slug(archive, letter, gemeente, beslissingen)
    if datum is not None:
        letter.velden["datum"] = Found(datum, None, "opgegeven met --datum")
    gegevens, bewijs = _fields(letter)
    verwijderd += _redact_fields(gegevens)  # before the id is made from the title
    if slug:
        gegevens["gemeente"] = slug
    jaar = str(gegevens["datum"])[:4] if "datum" in gegevens else None
    doc_id = document_id(slug, gegevens.get("datum"), without_placeholders(str(gegevens.get("titel", path.stem))))
    gegevens["id"] = doc_id
    bron_pad = source_path(slug, jaar, path.name)
    verdict = judge_original(path)  # a public repository is public: only an original the site would publish goes into content/
    sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    gegevens["bron"] = (
        {"bestand": bron_pad, "sha256": sha256} if verdict.buiten_archief() is None else {"sha256": sha256, "reden": verdict.buiten_archief_soort()}
    )
    voorstel = ", ".join(f"{theme} ({count} keer)" for theme, count in suggest_themes(tekst))
    hint = f" Voorstel op grond van woorden in de brief: {voorstel}." if voorstel else ""
    beslissingen.add(
        "themas",
        "themas-kiezen",
        f"kies de thema's van het sociaal domein waar dit document over gaat (de toegestane thema's staan in het schema op de pagina Open data van de site).{hint}",
    )
    records = [Record(document_path(slug, jaar, doc_id), gegevens, tekst, bewijs)]
    if gegevens.get("soort") == "reactie":
        records += _link_advice(archive, letter, records[0], beslissingen)
    for record in records[1:]:  # the advice known only from this response quotes the response
        verwijderd += _redact_fields(record.gegevens)
    for record in records:  # the evidence quotes the letter, and the report may be pasted into a public pull request
        record.bewijs = {veld: redact(zin)[0] for veld, zin in record.bewijs.items()}
    given = frozenset(veld for veld, gegeven in (("gemeente", gemeente), ("datum", datum)) if gegeven is not None)
    for veld in given:
        beslissingen.settle(veld)
    bron = (path, f"content/{bron_pad}") if verdict.buiten_archief() is None else None
    houder = holder(project, archive, sha256)
    if houder is None:
        _ask_for_missing(gegevens, beslissingen)
        with_record(gegevens, tekst, given)  # what this import wrote, so that a later --force can tell it from a person's work
        return ImportResult(str(path), records, beslissingen, verwijderd, bron, ocr=extracted.ocr, origineel=verdict)
    try:
        merged = merge(project.root / houder, gegevens, tekst, given)
    except (OSError, ParseError) as err:
        raise ImportRefused(f"deze brief staat al in het archief als {houder}, maar dat document is niet te lezen ({err}). Er is niets geschreven.") from None
    _ask_for_missing(merged.gegevens, beslissingen)
    beslissingen[:] = [decision for decision in beslissingen if decision.veld not in merged.gegevens]  # what the document has needs no second look
    record = Record(houder, merged.gegevens, merged.tekst, records[0].bewijs)
    if merged.gegevens.get("id") != doc_id:
        merged.anders.append(
            f"id: de id blijft '{merged.gegevens.get('id')}' (de naam van het bestand en een deel van elk webadres); een nieuwe import zou "
            f"'{doc_id}' geven. Wilt u die, verander dan id en bestandsnaam samen, voordat het document gepubliceerd is."
        )
    return ImportResult(
        str(path),
        [record],
        beslissingen,
        verwijderd,
        None,
        ocr=extracted.ocr,
        origineel=verdict,
        houder=houder,
        anders=merged.anders,
        bijgewerkt=merged.bijgewerkt,
    )


_HOW_TO_FILL = {
    "titel": "Vul de titel in: het onderwerp van de brief, zoals 'Betreft' of 'Onderwerp' het noemt.",
    "datum": "Vul de datum van de brief in (JJJJ-MM-DD, JJJJ-MM of JJJJ), of importeer opnieuw met --datum.",
    "gemeente": "Vul de korte naam van de gemeente uit content/gemeenten.yml in, of importeer opnieuw met --gemeente.",
    "soort": "Vul 'advies', 'reactie' of 'stuk' in.",
    "reactie_op": "Vul de id in van het advies waar deze reactie op antwoordt.",
}


def _ask_for_missing(gegevens: dict[str, Any], beslissingen: Decisions) -> None:
    """Every required field (schema/document.schema.json) the import could not fill and no decision names yet."""
    required = list(load_schema(DOCUMENT_SCHEMA)["required"])
    if gegevens.get("soort") == "reactie":
        required.append("reactie_op")
    asked = {decision.veld for decision in beslissingen}
    for veld in required:
        if veld not in gegevens and veld not in asked:
            hoe = _HOW_TO_FILL.get(veld, f"Vul '{veld}' zelf in.")
            beslissingen.add(veld, "veld-niet-gevonden", f"dit verplichte veld staat niet in de brief, of we vonden het niet. {hoe}")


def _ocr_decision(info: OcrInfo) -> Decision:
    """What the person who checks the import must know of a text read from a scan."""
    pages = "1 pagina" if info.pages == 1 else f"{info.pages} pagina's"
    sure = f"de tekst komt uit tekstherkenning (OCR) van een scan ({pages}), gemiddeld {info.confidence:.0f} % zeker"
    if info.confidence < OCR_DOUBTFUL:
        return Decision(
            "tekst",
            "tekst-uit-ocr",
            f"{sure}. Dat is laag: veel woorden kunnen verkeerd gelezen zijn, dus ook de gevonden velden. Vergelijk elk veld en de tekst met de brief, of scan hem opnieuw (recht, minstens 300 dpi).",
        )
    return Decision("tekst", "tekst-uit-ocr", f"{sure}: vergelijk datum, titel en namen met de brief.")


def _gemeente_slug(archive: Archive, letter: Letter, override: str | None, beslissingen: Decisions) -> str | None:
    if override:
        return override
    if letter.gemeente_naam is None:
        council = council_gemeente(archive, letter)
        if council is not None and not any(decision.code == "gemeente-regionaal" for decision in beslissingen):
            slug, found = council
            beslissingen.withdraw("gemeente-onbekend")
            letter.velden["gemeente"] = found
            return slug
        if any(decision.veld == "gemeente" for decision in beslissingen):
            return None
        beslissingen.add("gemeente", "gemeente-onbekend", "de brief noemt geen gemeente die we kennen. Geef haar op met --gemeente.")
        return None
    code = {naam: code for code, naam in cbs_municipalities().items()}[letter.gemeente_naam]
    for slug, gemeente in archive.gemeenten.items():
        if gemeente.cbs_code == code:
            return slug
    slug = gemeente_slug(letter.gemeente_naam)
    beslissingen.add(
        "gemeente",
        "gemeente-nieuw",
        f"{letter.gemeente_naam} ({code}) staat nog niet in content/gemeenten.yml. Voeg haar toe met: {add_command(letter.gemeente_naam)}",
    )
    return slug


def _fields(letter: Letter) -> tuple[dict[str, Any], dict[str, str]]:
    gegevens: dict[str, Any] = {}
    bewijs: dict[str, str] = {}
    for veld, found in letter.velden.items():
        gegevens[veld] = str(found.waarde) if isinstance(found.waarde, Datum) else found.waarde
        bewijs[veld] = _evidence(found)
    if letter.kenmerken:
        gegevens["kenmerken"] = {key: str(found.waarde) for key, found in letter.kenmerken.items()}
        for key, found in letter.kenmerken.items():
            bewijs[f"kenmerken.{key}"] = _evidence(found)
    return gegevens, bewijs


def _redact_fields(gegevens: dict[str, Any]) -> list[str]:
    """Replace the personal data in every text of the front matter; what kind was removed, per field ('titel: een telefoonnummer')."""
    verwijderd: list[str] = []
    for veld, waarde in list(text_fields(gegevens)):
        schoon, weg = redact(waarde)
        if weg:
            *parents, last = veld.split(".")
            container: Any = gegevens
            for part in parents:
                container = container[int(part) if isinstance(container, list) else part]
            container[int(last) if isinstance(container, list) else last] = schoon
            verwijderd += [f"{veld}: {soort}" for soort in weg]
    return verwijderd


def _evidence(found: Found) -> str:
    return f"regel {found.regel}: {found.bewijs}" if found.regel else found.bewijs


def _link_advice(archive: Archive, letter: Letter, reactie: Record, beslissingen: Decisions) -> list[Record]:
    """Link to the advice the response answers; create a text-less record for it when it is not in the archive."""
    ref = letter.advies
    gemeente = reactie.gegevens.get("gemeente")
    if _link_by_reference(archive, letter, reactie, beslissingen):
        return []
    if ref is None:
        _link_by_subject(archive, reactie, beslissingen)
        return []
    candidates = [d for d in archive.documenten if d.soort == "advies" and d.gemeente == gemeente and d.datum == ref.datum]
    if len(candidates) > 1:
        names = " en ".join(f"'{d.id}'" for d in candidates)
        beslissingen.add("reactie_op", "advies-meerdere", f"twee of meer adviezen van {ref.datum} passen: {names}. Kies het goede en vul de id in.")
        return []
    reactie.bewijs["reactie_op"] = ref.zin
    if candidates:
        reactie.gegevens["reactie_op"] = [candidates[0].id]
        return []
    titel = re.sub(r"^\s*reactie\s+(op\s+)?", "", str(reactie.gegevens.get("titel", "")), flags=re.IGNORECASE)
    titel = titel[:1].upper() + titel[1:] if titel else "Advies"
    advies_id = document_id(gemeente, ref.datum, without_placeholders(titel))  # as for the response: no '[naam verwijderd]' in an id
    reactie.gegevens["reactie_op"] = [advies_id]
    gegevens: dict[str, Any] = {"id": advies_id, "soort": "advies", "titel": titel, "datum": str(ref.datum), "gemeente": gemeente}
    if ref.adviestype:
        gegevens["adviestype"] = ref.adviestype
    if "aan" in reactie.gegevens:
        gegevens["van"] = reactie.gegevens["aan"]
    if "van" in reactie.gegevens:
        gegevens["aan"] = reactie.gegevens["van"]
    gegevens["samenvatting"] = ref.zin
    gegevens["tekst_beschikbaar"] = False
    bewijs = {"datum": ref.zin, "samenvatting": ref.zin, "titel": "onderwerp van de reactie"}
    beslissingen.add(
        "reactie_op", "advies-zonder-tekst", f"het advies van {ref.datum} staat niet in het archief; er is een record zonder tekst voor gemaakt ({advies_id})."
    )
    return [Record(document_path(gemeente, ref.datum.jaar, advies_id), gegevens, "", bewijs)]


def _reference(kenmerk: str) -> str:
    """A reference number as it is compared: without case, spaces and dashes ('ASD 2026/014' and 'asd-2026/014' are one)."""
    return re.sub(r"[\s\-\u2010-\u2015]", "", kenmerk).casefold()


def _link_by_reference(archive: Archive, letter: Letter, reactie: Record, beslissingen: Decisions) -> bool:
    """The strongest evidence: the response's 'Uw kenmerk' is the 'Ons kenmerk' of exactly one advice (of the same
    gemeente, when it is known). Two advices with that kenmerk link nothing: the date and subject rules decide."""
    found = letter.kenmerken.get("uw_kenmerk")
    if found is None or not _reference(str(found.waarde)):
        return False
    gemeente = reactie.gegevens.get("gemeente")
    wanted = _reference(str(found.waarde))
    matches = [
        d for d in archive.documenten if d.soort == "advies" and gemeente in (None, d.gemeente) and _reference(d.kenmerken.get("ons_kenmerk", "")) == wanted
    ]
    if len(matches) != 1:
        return False
    reactie.gegevens["reactie_op"] = [matches[0].id]
    reactie.bewijs["reactie_op"] = f"{_evidence(found)}: het kenmerk (ons_kenmerk) van het advies '{matches[0].titel}'"
    beslissingen.settle("reactie_op")  # an exact reference number needs no check of dates or subject
    return True


_STOPWORDS = frozenset(
    ["advies", "adviezen", "reactie", "op", "over", "het", "de", "een", "van", "en", "in", "uw", "ons", "aan", "met", "voor", "ten", "aanzien"]
)


def _subject_words(titel: str) -> set[str]:
    return {word for word in slugify(titel, limit=10_000).split("-") if word not in _STOPWORDS and len(word) > 2}


def _link_by_subject(archive: Archive, reactie: Record, beslissingen: Decisions) -> None:
    """Without a date, an advice of the same gemeente whose subject words all recur in the response's subject."""
    words = _subject_words(str(reactie.gegevens.get("titel", "")))
    if not words:
        return
    matches = [
        d
        for d in archive.documenten
        if d.soort == "advies" and d.gemeente == reactie.gegevens.get("gemeente") and (found := _subject_words(d.titel)) and found <= words
    ]
    if len(matches) == 1:
        reactie.gegevens["reactie_op"] = [matches[0].id]
        reactie.bewijs["reactie_op"] = f"het onderwerp past bij '{matches[0].titel}'"
        beslissingen.withdraw(ADVICE_DATE_UNKNOWN)
        beslissingen.add(
            "reactie_op", "gekoppeld-op-onderwerp", f"gekoppeld aan '{matches[0].id}' op grond van het onderwerp, niet van een datum. Controleer dit."
        )
    elif len(matches) > 1:
        names = " en ".join(f"'{d.id}'" for d in matches)
        beslissingen.add("reactie_op", "advies-meerdere", f"meer adviezen passen bij het onderwerp: {names}. Kies het goede en vul de id in.")


def add_to_archive(archive: Archive, records: list[Record]) -> None:
    """Let later letters of the same import link to records made by earlier ones."""
    for record in records:
        data = record.gegevens
        if data.get("soort") == "advies" and "datum" in data and "gemeente" in data:
            archive.documenten.append(
                Document(
                    id=data["id"], soort="advies", titel=str(data.get("titel", "")), datum=Datum.parse(data["datum"]), gemeente=data["gemeente"], pad=record.pad
                )
            )


def write_result(project: Project, result: ImportResult, force: bool = False) -> list[str]:
    """Write the copy of the original and the records, all or nothing, one import at a time; refuse (before writing
    anything) to overwrite without `force`. The original goes first and a record after the record it links to, so
    that even a process killed halfway never leaves a record that points to a missing file."""
    targets = _targets(project, result)
    try:
        with archive_lock(project.root, "import"):
            changed = _changes(project, targets, force)
            write_all(changed)
    except ArchiveBusy as err:
        raise ImportRefused(f"{err} Er is niets geschreven.") from None
    except WriteFailed as err:
        raise ImportRefused(f"kon {project.relative(err.path)} niet schrijven: {err.reason}. Er is niets van deze brief geschreven.") from None
    return [project.relative(path) for path, _ in reversed(changed)]


def _targets(project: Project, result: ImportResult) -> list[tuple[Path, bytes]]:
    """Every file of one letter with its content, in the order to write them: the original, then the records, last first."""
    targets = [(project.root / record.pad, record.markdown().encode("utf-8")) for record in reversed(result.records)]
    if result.bron is not None:
        targets.insert(0, (project.root / result.bron[1], result.bron[0].read_bytes()))
    return targets


def _changes(project: Project, targets: list[tuple[Path, bytes]], force: bool) -> list[tuple[Path, bytes]]:
    """The targets that are new or different; ImportRefused when one would overwrite a file without `force`."""
    changed = [(path, data) for path, data in targets if not (path.exists() and path.read_bytes() == data)]
    clashes = [path for path, _ in changed if path.exists()]
    if clashes and not force:
        names = ", ".join(project.relative(path) for path in reversed(clashes))
        raise ImportRefused(f"{names} bestaat al en is anders. Er is niets geschreven. Gebruik --force om te overschrijven.")
    return changed
