"""Model → open-data records: every front-matter field, the derived ones, and the text."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from .derive import Derived
from .model import Document

FIELDS = (
    "id", "soort", "adviestype", "stuktype", "titel", "datum", "gemeente", "van", "aan", "onderwerp", "samenvatting", "themas",
    "kenmerken", "bijlagen", "aanbevelingen", "reactie_op", "hoort_bij", "besluit", "besluit_citaat", "besluiten", "tekst_beschikbaar",
)  # fmt: skip


def document_record(doc: Document, derived: Derived) -> dict[str, Any]:
    """One document as researchers get it: stable keys (null when empty), derived values included."""
    record: dict[str, Any] = {name: getattr(doc, name) for name in FIELDS}
    record["datum"] = str(doc.datum)
    record["besluiten"] = [asdict(besluit) for besluit in doc.besluiten]
    record["bron"] = asdict(doc.bron) if doc.bron else None
    record["status"] = derived.status
    record["reacties"] = list(derived.reacties)
    record["stukken"] = list(derived.stukken)
    record["uiterste_reactiedatum"] = derived.uiterste_reactiedatum.isoformat() if derived.uiterste_reactiedatum else None
    record["reactietijd"] = derived.reactietijd
    record["tekst"] = doc.tekst
    return record
