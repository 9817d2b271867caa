"""The reading step for an OCR-damaged text: say that it looks OCR-damaged, and give the repairs of the words of the
fields read from it as evidence; a word broken over two lines in a field is joined here (see ocr_text.py)."""

from __future__ import annotations

from adviesregister.importer.findings import Letter
from adviesregister.importer.ocr_text import WORD_RE, OcrSigns, ocr_signs, repair_value
from adviesregister.importer.source import Source

CODE = "tekst-lijkt-ocr"
"""The decision an import reports for a text that looks OCR-damaged."""
FIELDS = ("titel", "aan", "van")
"""The fields whose words are repaired."""
MAX_LINES = 5
"""A field's value comes from its line and at most this many lines below it."""


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
        signs.line,
    )
    for field in FIELDS:
        found = letter.fields.get(field)
        if found is None or not isinstance(found.value, str):
            continue
        repaired, repairs = repair_value(found.value)
        repairs = [*_read_repaired(found.line, repaired, signs), *repairs]
        if repairs:
            letter.set(field, repaired, found.line, f"{found.bewijs} ({'; '.join(repairs)})", replace=True)


def _read_repaired(line: int | None, value: str, signs: OcrSigns) -> list[str]:
    """The words of the value that the reading steps read repaired (repair_text), from the value's line and the few
    below it (an address block, a title on two lines)."""
    if line is None:
        return []
    words = set(WORD_RE.findall(value))
    found = dict.fromkeys(
        f"'{damaged}' gelezen als '{repaired}' (OCR-fout)"
        for index in range(line - 1, line + MAX_LINES)
        for damaged, repaired in signs.herstel.get(index, [])
        if repaired in words
    )
    return list(found)
