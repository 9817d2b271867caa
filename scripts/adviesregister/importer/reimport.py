"""A second import of an original the archive already holds (the same sha256 as a document's bron.sha256).

The rule for what a person filled or changed is the simplest one that never loses a person's work: every field the
document already has stays as it stands (whoever wrote it: an earlier import or a person), except a field given now as
an option (--datum, --gemeente), which is what the person asks for. A field the import found and the document lacks is
filled in. The text stays, unless the document has none. The id, the path and `bron` stay, so nothing moves and no
second copy of the original is made. Where the document holds something else than the import reads now, the report
says so, and the document's value stays.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from adviesregister.content.model import Archive
from adviesregister.content.parse import ParseError, parse_document, read_content_file
from adviesregister.content.project import Project

KEPT_FIELDS = frozenset({"id", "bron"})
"""Fields a second import never changes: the document's name (and so its path and address) and its original."""


@dataclass(frozen=True)
class Merged:
    gegevens: dict[str, Any]
    tekst: str
    anders: list[str]
    """Fields where the document holds something else than the import reads now (the document's value stays), in Dutch."""


def holder(project: Project, archive: Archive, sha256: str) -> str | None:
    """The path (from the project) of the document whose original has this sha256, if any: among the documents that
    load, then among those that do not yet (an import that left titel or datum open writes a document `check` refuses)."""
    for doc in archive.documenten:
        if doc.bron is not None and doc.bron.sha256 == sha256:
            return doc.pad
    for pad in archive.onleesbaar:
        try:
            data = parse_document(read_content_file(project.root / pad)).gegevens.data
        except (OSError, ParseError):
            continue
        bron = data.get("bron")
        if isinstance(bron, dict) and bron.get("sha256") == sha256:
            return pad
    return None


def merge(path: Path, found: dict[str, Any], tekst: str, given: frozenset[str]) -> Merged:
    """The document at `path` with the fields the import `found` filled in where it lacks them; `given`: the fields a
    person gave as options, written over what stands. Raises ParseError when the document cannot be read."""
    current = parse_document(read_content_file(path))
    merged = dict(current.gegevens.data)
    anders = []
    for veld, waarde in found.items():
        if veld in KEPT_FIELDS:
            continue
        if veld in given or veld not in merged:
            merged[veld] = waarde
        elif merged[veld] != waarde:
            anders.append(f"{veld}: de import leest '{_shown(waarde)}', in het document staat '{_shown(merged[veld])}'; dat blijft staan.")
    return Merged(merged, current.tekst if current.tekst.strip() else tekst, anders)


def _shown(waarde: Any) -> str:
    if isinstance(waarde, list):
        return ", ".join(map(str, waarde))
    if isinstance(waarde, dict):
        return ", ".join(f"{key}: {value}" for key, value in waarde.items())
    return str(waarde)
