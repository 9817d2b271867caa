"""Letters → records with evidence → Markdown files in content/. Never overwrites without `force`."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from adviesregister.base.ocr import OcrInfo
from adviesregister.content.extract import extract
from adviesregister.content.gemeenten_schrijven import add_command, gemeente_slug
from adviesregister.content.model import Archive, Datum
from adviesregister.content.names import document_id, document_path, source_path
from adviesregister.content.originals import judge_original
from adviesregister.content.parse import ParseError
from adviesregister.content.privacy import redact, text_fields, without_placeholders
from adviesregister.content.project import Project
from adviesregister.content.reference import cbs_municipalities
from adviesregister.content.schema import DOCUMENT_SCHEMA, load_schema
from adviesregister.importer.councils import council_gemeente, council_names, name_council, spell_sender
from adviesregister.importer.findings import Decision, Decisions, Letter
from adviesregister.importer.letter import read_letter
from adviesregister.importer.linking import link_advice
from adviesregister.importer.parties import own_councils
from adviesregister.importer.reimport import PERSON, holder, merge, person_fields, with_record
from adviesregister.importer.result import ImportRefusedError, ImportResult, Record
from adviesregister.importer.themes import suggest_themes

OCR_DOUBTFUL = 80
"""Below this mean word confidence (0 to 100) of text recognition, many words are misread: every field needs checking."""


def import_letter(
    project: Project,
    archive: Archive,
    path: Path,
    gemeente: str | None = None,
    datum: Datum | None = None,
    toch: bool = False,
    ocr: bool | None = None,
    soort: str | None = None,
    vraag: Ask | None = None,
) -> ImportResult:
    """Read one letter and build its record (and, for a response to an advice not in the archive, that advice's record).
    A text that is no letter (a web post, minutes …) gets no record unless `toch` is set: the result says why.
    `ocr`: read a scanned PDF with text recognition when None (automatic), always when True, never when False.
    `soort`, `datum`, `gemeente` (the options) fill only what the letter leaves open; a letter that states another value
    keeps it, and the result names the conflict. `vraag` asks a person for each field still open (see questions.py)."""
    extracted = extract(path, ocr)
    with own_councils(*council_names(archive)):  # the archive's own councils name the sender too ('ASD')
        letter = read_letter(extracted.text, extracted.web_page)
    spell_sender(archive, letter)
    beslissingen = letter.beslissingen
    if extracted.ocr is not None:
        beslissingen.insert(0, _ocr_decision(extracted.ocr))
    if letter.geen_brief is not None:
        if not toch:
            return ImportResult(str(path), [], beslissingen, [], None, geen_brief=letter.geen_brief, ocr=extracted.ocr)
        beslissingen.add("soort", "geen-brief", f"{letter.geen_brief}. U importeerde het toch: vul 'soort' zelf in.")
    tekst, weg = redact(letter.tekst)
    verwijderd = [f"regel {line}: {reason}" + (f": '{tekst_}'" if tekst_ else "") for line, reason, tekst_ in letter.verwijderd.items]
    verwijderd += [f"tekst: {soort}" for soort in weg]
    slug = _gemeente_slug(archive, letter, beslissingen)
    opties = {"soort": soort, "datum": datum, "gemeente": gemeente}
    sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    houder = holder(project, archive, sha256)
    ask = _with_lines(vraag, extracted.text) if houder is None else None  # a letter the archive holds: its document has what a person gave
    ingevuld, conflicten = _fill_open(letter, slug, opties, ask, beslissingen)
    slug = str(letter.value("gemeente")) if "gemeente" in ingevuld else slug
    name_council(archive, letter, slug)
    front_matter, bewijs = _fields(letter)
    verwijderd += _redact_fields(front_matter)  # before the id is made from the title
    if slug:
        front_matter["gemeente"] = slug
    year = str(front_matter["datum"])[:4] if "datum" in front_matter else None
    doc_id = document_id(slug, front_matter.get("datum"), without_placeholders(str(front_matter.get("titel", path.stem))))
    front_matter["id"] = doc_id
    bron_path = source_path(slug, year, path.name)
    verdict = judge_original(path)  # a public repository is public: only an original the site would publish goes into content/
    front_matter["bron"] = (
        {"bestand": bron_path, "sha256": sha256} if verdict.buiten_archief() is None else {"sha256": sha256, "reden": verdict.buiten_archief_soort()}
    )
    voorstel = ", ".join(f"{theme} ({count} keer)" for theme, count in suggest_themes(tekst))
    hint = f" Voorstel op grond van woorden in de brief: {voorstel}." if voorstel else ""
    beslissingen.add(
        "themas",
        "themas-kiezen",
        f"kies de thema's van het sociaal domein waar dit document over gaat (de toegestane thema's staan in het schema op de pagina Open data van de site).{hint}",
    )
    if ask is not None:
        ingevuld |= _ask_after_kind(front_matter, bewijs, ask, beslissingen)
    if ingevuld:
        front_matter[PERSON] = [field for field in person_fields() if field in ingevuld]
    records = [Record(document_path(slug, year, doc_id), front_matter, tekst, bewijs)]
    if front_matter.get("soort") == "reactie":
        records += link_advice(archive, letter, records[0], beslissingen)
    for record in records[1:]:  # the advice known only from this response quotes the response
        verwijderd += _redact_fields(record.front_matter)
    for record in records:  # the evidence quotes the letter, and the report may be pasted into a public pull request
        record.bewijs = {field: redact(zin)[0] for field, zin in record.bewijs.items()}
    given = frozenset(ingevuld)
    for field in given:
        beslissingen.settle(field)
    bron = (path, f"content/{bron_path}") if verdict.buiten_archief() is None else None
    if houder is None:
        _ask_for_missing(front_matter, beslissingen)
        with_record(front_matter, tekst, given)  # what this import wrote, so that a later --force can tell it from a person's work
        return ImportResult(str(path), records, beslissingen, verwijderd, bron, ocr=extracted.ocr, origineel=verdict, ingevuld=ingevuld, conflicten=conflicten)
    try:
        merged = merge(project.root / houder, front_matter, tekst, given)
    except (OSError, ParseError) as err:
        raise ImportRefusedError(
            f"deze brief staat al in het archief als {houder}, maar dat document is niet te lezen ({err}). Er is niets geschreven."
        ) from None
    _ask_for_missing(merged.front_matter, beslissingen)
    beslissingen[:] = [decision for decision in beslissingen if decision.field not in merged.front_matter]  # what the document has needs no second look
    record = Record(houder, merged.front_matter, merged.tekst, records[0].bewijs)
    if merged.front_matter.get("id") != doc_id:
        merged.anders.append(
            f"id: de id blijft '{merged.front_matter.get('id')}' (de naam van het bestand en een deel van elk webadres); een nieuwe import zou "
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
        ingevuld=ingevuld,
        conflicten=conflicten,
    )


Ask = Callable[[str, list[Decision], list[str]], Any]
"""Asks a person for one open field, showing the decisions on it and the letter's lines they name; the value (a Datum
for datum), or None to leave it open. See questions.TerminalQuestions."""

OPTIONS = {"soort": "--soort", "datum": "--datum", "gemeente": "--gemeente"}
"""The fields an option of the import fills, when the letter leaves them open."""

ANSWERED = "als antwoord op een vraag van de import"
"""How a person gave a field in a terminal, for the report."""


def _with_lines(vraag: Ask | None, text: str) -> Callable[[str, list[Decision]], Any] | None:
    """The question for one field, with the letter's lines."""
    if vraag is None:
        return None
    lines = text.splitlines()
    return lambda field, decisions: vraag(field, decisions, lines)


def _fill_open(
    letter: Letter, slug: str | None, opties: dict[str, Any], vraag: Callable[[str, list[Decision]], Any] | None, beslissingen: Decisions
) -> tuple[dict[str, str], dict[str, str]]:
    """Fill soort, datum and gemeente where the letter leaves them open: from an option, else by asking. Returns how a
    person gave each field ('opgegeven met --datum') and the conflicts: an option the letter contradicts is not used."""
    eigen = {"soort": letter.value("soort"), "datum": letter.value("datum"), "gemeente": slug}
    ingevuld: dict[str, str] = {}
    conflicten: dict[str, str] = {}
    for field, optie in OPTIONS.items():
        value = opties[field]
        if value is None:
            continue
        if eigen[field] is None:
            ingevuld[field] = f"opgegeven met {optie}"
            letter.set(field, value, None, ingevuld[field], replace=True)
        elif str(eigen[field]) != str(value):
            conflicten[field] = f"de brief noemt {field} {eigen[field]}; {optie} {value} is niet gebruikt."
    for field in OPTIONS:
        if vraag is None or field in ingevuld or eigen[field] is not None:
            continue
        antwoord = vraag(field, [decision for decision in beslissingen if decision.field == field])
        if antwoord is not None:
            ingevuld[field] = ANSWERED
            letter.set(field, antwoord, None, ANSWERED, replace=True)
    return ingevuld, conflicten


def _ask_after_kind(
    front_matter: dict[str, Any], bewijs: dict[str, str], vraag: Callable[[str, list[Decision]], Any], beslissingen: Decisions
) -> dict[str, str]:
    """Once the kind is known: the besluit of a response and the adviestype of an advice, when reading left them open."""
    field = {"reactie": "besluit", "advies": "adviestype"}.get(str(front_matter.get("soort")))
    if field is None or field in front_matter:
        return {}
    antwoord = vraag(field, [decision for decision in beslissingen if decision.field == field])
    if antwoord is None:
        return {}
    front_matter[field] = antwoord
    bewijs[field] = ANSWERED
    return {field: ANSWERED}


_HOW_TO_FILL = {
    "titel": "Vul de titel in: het onderwerp van de brief, zoals 'Betreft' of 'Onderwerp' het noemt.",
    "datum": "Vul de datum van de brief in (JJJJ-MM-DD, JJJJ-MM of JJJJ), of importeer opnieuw met --datum.",
    "gemeente": "Vul de korte naam van de gemeente uit content/gemeenten.yml in, of importeer opnieuw met --gemeente.",
    "soort": "Vul 'advies', 'reactie' of 'stuk' in.",
    "reactie_op": "Vul de id in van het advies waar deze reactie op antwoordt.",
}


def _ask_for_missing(front_matter: dict[str, Any], beslissingen: Decisions) -> None:
    """Every required field (schema/document.schema.json) the import could not fill and no decision names yet."""
    required = list(load_schema(DOCUMENT_SCHEMA)["required"])
    if front_matter.get("soort") == "reactie":
        required.append("reactie_op")
    asked = {decision.field for decision in beslissingen}
    for field in required:
        if field not in front_matter and field not in asked:
            hoe = _HOW_TO_FILL.get(field, f"Vul '{field}' zelf in.")
            beslissingen.add(field, "veld-niet-gevonden", f"dit verplichte veld staat niet in de brief, of we vonden het niet. {hoe}")


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


def _gemeente_slug(archive: Archive, letter: Letter, beslissingen: Decisions) -> str | None:
    """The gemeente the letter itself names (or its council does); None, with a decision, when it names none we know."""
    if letter.gemeente_naam is None:
        council = council_gemeente(archive, letter)
        if council is not None and not any(decision.code == "gemeente-regionaal" for decision in beslissingen):
            slug, found = council
            beslissingen.withdraw("gemeente-onbekend")
            letter.set("gemeente", found.value, found.line, found.bewijs, replace=True)
            return slug
        if any(decision.field == "gemeente" for decision in beslissingen):
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
    front_matter: dict[str, Any] = {}
    bewijs: dict[str, str] = {}
    for field, found in letter.fields.items():
        front_matter[field] = str(found.value) if isinstance(found.value, Datum) else found.value
        bewijs[field] = found.evidence()
    if letter.kenmerken:
        front_matter["kenmerken"] = {key: str(found.value) for key, found in letter.kenmerken.items()}
        for key, found in letter.kenmerken.items():
            bewijs[f"kenmerken.{key}"] = found.evidence()
    return front_matter, bewijs


def _redact_fields(front_matter: dict[str, Any]) -> list[str]:
    """Replace the personal data in every text of the front matter; what kind was removed, per field ('titel: een telefoonnummer')."""
    verwijderd: list[str] = []
    for field, value in list(text_fields(front_matter)):
        schoon, weg = redact(value)
        if weg:
            *parents, last = field.split(".")
            container: Any = front_matter
            for part in parents:
                container = container[int(part) if isinstance(container, list) else part]
            container[int(last) if isinstance(container, list) else last] = schoon
            verwijderd += [f"{field}: {soort}" for soort in weg]
    return verwijderd
