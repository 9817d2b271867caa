"""A second import of an original the archive already holds (the same sha256 as a document's bron.sha256).

An import records, under `bron.ingelezen`, a fingerprint of each field it wrote and of the text (8 hex characters of
the sha256 of the value's canonical JSON). That record lives in the document, so it survives a git clone, and it tells
a later `--force` what the import wrote and nobody changed since: where a field's fingerprint matches its value, the
import writes what it reads now (or removes the field, when it no longer finds it and the schema does not require it).
Every other field is a person's and stays as it stands: a field without a fingerprint (a hand-written document, an
older import, a field a person filled in), a field whose value no longer matches (a person changed it) and a field a
person removed (a fingerprint without the field: it stays away). A field given now as an option (--soort, --datum, --gemeente)
is what the person asks for: it is written, and counts as a person's (no fingerprint). A field the import found and
the document lacks is filled in. A field a person gave at import (listed in `ingevuld_door_mens`: an answer to a
question, an option, a cell of the table of --aanvullen) is a person's too, and stays. The text follows the same rule. The id, the path and `bron` (its file and sha256)
stay, so nothing moves and no second copy of the original is made. The report names what was rewritten and what was
kept where the import reads something else.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from adviesregister.content.model import Archive
from adviesregister.content.parse import ParseError, parse_document, read_content_file
from adviesregister.content.project import Project
from adviesregister.content.schema import DOCUMENT_SCHEMA, field_spec, front_matter_fields, load_schema

KEPT_FIELDS = frozenset({"id", "bron"})
"""Fields a second import never changes: the document's name (and so its path and address) and its original."""

RECORD = "ingelezen"
"""The key under `bron` of the import's record: field → fingerprint of the value it wrote."""

PERSON = "ingevuld_door_mens"
"""The front-matter field that names the fields a person gave at import (a question, an option, the table of
--aanvullen). Those fields are a person's: a second import never rewrites them, and they have no fingerprint."""

NOT_RECORDED = KEPT_FIELDS | {PERSON}
"""Fields without a fingerprint in the record."""

TEXT = "tekst"
"""The record's key for the text (the body under the front matter); no front-matter field has this name."""


def fingerprint(value: Any) -> str:
    """8 hex characters of the sha256 of the value's canonical JSON (sorted keys, no spaces, UTF-8); a date YAML read
    as a date counts as its ISO text, so `datum: 2024-05-01` and `datum: '2024-05-01'` have one fingerprint."""
    canonical = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:8]


def text_fingerprint(tekst: str) -> str:
    """The fingerprint of a text as it stands in a file: line endings and the blank lines around it do not count."""
    return fingerprint(tekst.replace("\r\n", "\n").strip())


def record_of(front_matter: dict[str, Any], tekst: str, given: frozenset[str]) -> dict[str, str]:
    """The fingerprints of what an import writes: every field but id, bron and those a person gave as options, and the
    text when there is one; in the schema's order, the text last."""
    record = {field: fingerprint(value) for field, value in front_matter.items() if field not in NOT_RECORDED and field not in given}
    if tekst.strip():
        record[TEXT] = text_fingerprint(tekst)
    return _ordered(record)


def person_fields() -> list[str]:
    """The fields a person can give at import, in the schema's order (the items of ingevuld_door_mens)."""
    return list(field_spec(PERSON)["items"]["enum"])


def given_by_person(front_matter: dict[str, Any]) -> list[str]:
    """The fields the document says a person gave at import (ingevuld_door_mens); empty when it says none."""
    value = front_matter.get(PERSON)
    return [str(field) for field in value] if isinstance(value, list) else []


def edited_since_import(front_matter: dict[str, Any], tekst: str) -> list[str]:
    """What in a document changed since its import, by the import's record (bron.ingelezen): a field whose value no
    longer has the import's fingerprint or was removed, a field the import did not write and no person gave at import,
    and the text. Empty for a document as the import (and the person who answered it) left it; a document without a
    record counts as edited (every field a person's)."""
    record = written_by_import(front_matter)
    if not record:
        return ["het document heeft geen bron.ingelezen: het is niet door de import geschreven, of met de hand veranderd"]
    person = set(given_by_person(front_matter))
    edited = [field for field, vinger in record.items() if field != TEXT and (field not in front_matter or fingerprint(front_matter[field]) != vinger)]
    edited += [field for field in front_matter if field not in NOT_RECORDED and field not in record and field not in person]
    if record.get(TEXT, text_fingerprint("")) != text_fingerprint(tekst) and (TEXT in record or tekst.strip()):
        edited.append(TEXT)
    return edited


def written_by_import(front_matter: dict[str, Any]) -> dict[str, str]:
    """The record of a document as it stands; empty for a hand-written document or an older import (every field a person's)."""
    bron = front_matter.get("bron")
    record = bron.get(RECORD) if isinstance(bron, dict) else None
    return {str(field): value for field, value in record.items() if isinstance(value, str)} if isinstance(record, dict) else {}


@dataclass(frozen=True)
class Merged:
    front_matter: dict[str, Any]
    tekst: str
    anders: list[str]
    """Fields where the document holds something else than the import reads now and a person's value stays, in Dutch."""
    bijgewerkt: list[str] = field(default_factory=list)
    """Fields the import wrote, nobody changed and the import now reads otherwise: rewritten (or removed), in Dutch."""


def holder(project: Project, archive: Archive, sha256: str) -> str | None:
    """The path (from the project) of the document whose original has this sha256, if any: among the documents that
    load, then among those that do not yet (an import that left titel or datum open writes a document `check` refuses)."""
    for doc in archive.documents:
        if doc.bron is not None and doc.bron.sha256 == sha256:
            return doc.path
    for path in archive.onleesbaar:
        try:
            data = parse_document(read_content_file(project.root / path)).front_matter.data
        except (OSError, ParseError):
            continue
        bron = data.get("bron")
        if isinstance(bron, dict) and bron.get("sha256") == sha256:
            return path
    return None


def merge(path: Path, found: dict[str, Any], tekst: str, given: frozenset[str]) -> Merged:
    """The document at `path` with what the import `found` now: written where the import wrote the field before and
    nobody changed it, filled in where the document lacks it (and no person removed it); `given`: the fields a person
    gave as options, written over what stands. Raises ParseError when the document cannot be read."""
    current = parse_document(read_content_file(path))
    merged = dict(current.front_matter.data)
    before = written_by_import(merged)
    person = given_by_person(merged)
    record: dict[str, str] = {}
    anders: list[str] = []
    bijgewerkt: list[str] = []
    for field_name, value in found.items():
        if field_name in NOT_RECORDED:
            continue
        if field_name in given:
            merged[field_name] = value
        elif field_name in person:  # a person gave it at import: it stays, whatever the import reads now
            if merged.get(field_name) != value:
                anders.append(
                    f"{field_name}: de import leest '{_shown(value)}', in het document staat '{_shown(merged.get(field_name))}' (door een mens ingevuld); dat blijft staan."
                )
        elif field_name not in merged:
            if field_name in before:
                record[field_name] = before[field_name]  # a person removed it after the import: it stays away, next time too
                anders.append(f"{field_name}: de import leest '{_shown(value)}', maar dit veld is na de import weggehaald; het blijft weg.")
            else:
                merged[field_name] = value
                record[field_name] = fingerprint(value)
        elif before.get(field_name) == fingerprint(merged[field_name]):
            if merged[field_name] != value:
                bijgewerkt.append(f"{field_name}: was '{_shown(merged[field_name])}' (door de import geschreven, niet veranderd), wordt '{_shown(value)}'.")
            merged[field_name] = value
            record[field_name] = fingerprint(value)
        elif merged[field_name] != value:
            anders.append(f"{field_name}: de import leest '{_shown(value)}', in het document staat '{_shown(merged[field_name])}'; dat blijft staan.")
    for field_name, vinger in before.items():
        if field_name == TEXT or field_name in found or field_name in NOT_RECORDED or field_name in given or field_name in person:
            continue
        if field_name in merged and vinger == fingerprint(merged[field_name]) and field_name not in _required(merged):
            bijgewerkt.append(
                f"{field_name}: was '{_shown(merged.pop(field_name))}' (door de import geschreven, niet veranderd); de import vindt dit niet meer, dus weggehaald."
            )
        elif field_name not in merged or vinger == fingerprint(merged[field_name]):
            record[field_name] = vinger  # removed by a person, or required and kept: still the import's
    nieuwe_tekst = current.tekst
    if not current.tekst.strip() or before.get(TEXT) == text_fingerprint(current.tekst):
        if current.tekst.strip() and text_fingerprint(current.tekst) != text_fingerprint(tekst):
            bijgewerkt.append("tekst: door de import geschreven en niet veranderd; de import leest nu een andere tekst, die komt ervoor in de plaats.")
        nieuwe_tekst = tekst
        if tekst.strip():
            record[TEXT] = text_fingerprint(tekst)
    elif text_fingerprint(current.tekst) != text_fingerprint(tekst):
        anders.append("tekst: de import leest een andere tekst dan er in het document staat; de tekst in het document blijft staan.")
    if person or given:
        merged[PERSON] = [field_name for field_name in person_fields() if field_name in {*person, *given}]
    merged["bron"] = _with_record(merged.get("bron"), _ordered(record))
    return Merged(merged, nieuwe_tekst, anders, bijgewerkt)


def with_record(front_matter: dict[str, Any], tekst: str, given: frozenset[str]) -> None:
    """Add the record of a first import to its fields (under `bron`)."""
    front_matter["bron"] = _with_record(front_matter.get("bron"), record_of(front_matter, tekst, given))


def _with_record(bron: Any, record: dict[str, str]) -> Any:
    if not isinstance(bron, dict):
        return bron
    rest = {key: value for key, value in bron.items() if key != RECORD}
    return rest | {RECORD: record} if record else rest


def _ordered(record: dict[str, str]) -> dict[str, str]:
    """The record in the schema's order of the fields, the text last: a second import that finds the same writes the same bytes."""
    order = [*front_matter_fields(), TEXT]
    return {field: record[field] for field in sorted(record, key=lambda field: order.index(field) if field in order else len(order))}


def _required(front_matter: dict[str, Any]) -> set[str]:
    required = set(load_schema(DOCUMENT_SCHEMA)["required"])
    return required | {"reactie_op"} if front_matter.get("soort") == "reactie" else required


def _shown(raw: Any) -> str:
    if isinstance(raw, list):
        return ", ".join(map(str, raw))
    if isinstance(raw, dict):
        return ", ".join(f"{key}: {value}" for key, value in raw.items())
    return str(raw)
