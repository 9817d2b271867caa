"""The reading step for an OCR-damaged text: say that it looks OCR-damaged, and repair the words of the fields read
from it (see ocr_text.py). The body keeps the letter's words as they are."""

from __future__ import annotations

from adviesregister.importer.findings import Letter
from adviesregister.importer.ocr_text import ocr_signs, repair_value
from adviesregister.importer.source import Source

CODE = "tekst-lijkt-ocr"
"""The decision an import reports for a text that looks OCR-damaged."""
FIELDS = ("titel", "aan", "van")
"""The fields whose words are repaired."""


def repair_ocr_fields(source: Source, letter: Letter) -> None:
    """In an OCR-damaged text: say so, and repair the words of titel, aan and van (each repair in the evidence)."""
    signs = ocr_signs()
    if signs is None:
        return
    shown = ", ".join(f"'{example}'" for example in signs.voorbeelden)
    letter.beslissingen.add(
        None,
        CODE,
        f"de tekst lijkt uit tekstherkenning (OCR) te komen, met fouten zoals {shown}; vergelijk datum, titel en namen met de brief.",
        signs.regel,
    )
    for veld in FIELDS:
        found = letter.velden.get(veld)
        if found is None or not isinstance(found.waarde, str):
            continue
        repaired, repairs = repair_value(found.waarde)
        if repairs:
            letter.correct(veld, repaired, f"{found.bewijs} ({'; '.join(repairs)})")
