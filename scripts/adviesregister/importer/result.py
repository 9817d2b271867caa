"""What importing one letter yields: its records, the decisions for a person, and what happens to its original."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from adviesregister.base.errors import AdviesregisterError
from adviesregister.base.ocr import OcrInfo
from adviesregister.content.originals import Verdict
from adviesregister.content.schema import front_matter_fields
from adviesregister.importer.findings import Decisions


class ImportRefusedError(AdviesregisterError):
    """Nothing of a letter was written: it would overwrite a file, another command holds the archive, or a write
    failed. The message says which, in Dutch."""


@dataclass
class Record:
    path: str
    front_matter: dict[str, Any]
    tekst: str
    bewijs: dict[str, str] = field(default_factory=dict)

    def ordered(self) -> dict[str, Any]:
        """The fields in the schema's order; a field the schema does not know (a person's, in a document written again) last."""
        known = front_matter_fields()
        return {key: self.front_matter[key] for key in known if key in self.front_matter} | {
            key: value for key, value in self.front_matter.items() if key not in known
        }

    def markdown(self) -> str:
        front = yaml.safe_dump(self.ordered(), allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=False)
        return f"---\n{front}---\n" + (f"\n{self.tekst}" if self.tekst else "")


@dataclass
class ImportResult:
    file: str
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
    ingevuld: dict[str, str] = field(default_factory=dict)
    """The fields a person gave (field → how: 'opgegeven met --datum', or an answer to a question); see ingevuld_door_mens."""
    conflicten: dict[str, str] = field(default_factory=dict)
    """Options the letter contradicts (field → why, in Dutch): the letter keeps its own value and the option is not used."""

    def herhaling_tekst(self, force: bool = False) -> str | None:
        """What a second import of an original does, in Dutch, for the report's first line; None for a first import."""
        if self.houder is None:
            return None
        staat = f"deze brief staat al in het archief als {self.houder} (hetzelfde origineel, bron.sha256)."
        if force:
            return (
                f"{staat} Met --force komt er geen tweede document en geen tweede kopie: de import schrijft in {self.houder} opnieuw wat "
                "hij eerder schreef en niemand veranderde (bron.ingelezen houdt dat bij), vult de velden aan die het document mist en "
                "schrijft de velden die u als optie gaf (--soort, --datum, --gemeente). Wat iemand invulde, veranderde of weghaalde, blijft staan."
            )
        return (
            f"{staat} Er is niets geschreven. Met --force schrijft de import opnieuw wat hij eerder schreef en niemand veranderde, "
            "vult hij de velden aan die het document mist en schrijft hij de velden die u als optie gaf (--soort, --datum, --gemeente); "
            "wat iemand invulde, veranderde of weghaalde, blijft staan."
        )

    def origineel_tekst(self) -> str | None:
        """What happens to the original, in Dutch, for the report; None when no record was made."""
        if self.origineel is None:
            return None
        reason = self.origineel.buiten_archief()
        if reason is None:
            kopie = " als schone kopie, zonder opmerkingen, bijlagen, metadata, formulieren en scripts" if self.file.lower().endswith(".pdf") else ""
            return f"komt in content/ en wordt gepubliceerd{kopie}."
        return (
            f"wordt niet gepubliceerd en niet in content/ gezet: {reason}. Alleen het controlegetal staat bij bron.sha256; "
            "het bestand blijft waar het was. Een openbare git-repository publiceert alles wat erin staat."
        )
