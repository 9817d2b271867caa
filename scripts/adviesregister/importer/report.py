"""What an import found, for the person who checks it: per field the value and its evidence, then what needs a decision."""

from __future__ import annotations

from typing import Any

from adviesregister.importer.result import ImportResult, Record


def format_report(result: ImportResult, force: bool = False) -> str:
    """The report of one letter. For an original already in the archive (`houder`): no field list and no '→' line,
    but a first line that says whether anything is written (only with `force`) and which document holds it."""
    if (herhaling := result.herhaling_tekst(force)) is not None:
        lines = [f"{result.file}: {herhaling}"]
        if result.bijgewerkt:
            lines.append(
                "  Opnieuw geschreven (de import schreef dit en niemand veranderde het):"
                if force
                else "  Met --force opnieuw geschreven (de import schreef dit en niemand veranderde het):"
            )
            lines.extend(f"  - {item}" for item in result.bijgewerkt)
        if result.anders:
            lines.append("  Blijft staan zoals het in het document staat:")
            lines.extend(f"  - {item}" for item in result.anders)
        return "\n".join(lines + _decisions(result))
    lines = [f"{result.file}"]
    for record in result.records:
        lines.append(f"→ {record.path}")
        for field, field_value in record.ordered().items():
            items = [(f"{field}.{key}", value) for key, value in field_value.items()] if isinstance(field_value, dict) else [(field, field_value)]
            for naam, value in items:
                if naam == "bron.ingelezen":  # the import's own record (see reimport.py), no finding to check
                    continue
                shown = ", ".join(map(str, value)) if isinstance(value, list) else value
                lines.append(f"  {naam:<22} {shown}")
                if record is result.records[0] and naam in result.ingevuld:
                    lines.append(f"  {'':<22} door een mens gegeven: {result.ingevuld[naam]}")
                elif naam in record.bewijs:
                    lines.append(f"  {'':<22} gevonden: {record.bewijs[naam]}")
    if (origineel := result.origineel_tekst()) is not None:
        lines.append(f"  Origineel: {origineel}")
    if result.verwijderd:
        lines.append("  Weggelaten (geen tekst van de brief, of privacy):")
        lines.extend(f"  - {item}" for item in result.verwijderd)
    return "\n".join(lines + _decisions(result))


def _decisions(result: ImportResult) -> list[str]:
    lines = []
    if result.conflicten:
        lines += ["  Optie niet gebruikt (de brief noemt zelf een waarde, die blijft staan):", *(f"  - {item}" for item in result.conflicten.values())]
    if result.beslissingen:
        lines += ["  Kijk hier zelf naar:", *(f"  - {item}" for item in result.beslissingen)]
    return lines


def record_json(result: ImportResult) -> list[dict[str, Any]]:
    """The records as the export will name their fields, plus the text, the path, the open decisions, what was left out,
    whether the original will be published and why not ('origineel'), the document that already holds the original
    ('houder', null for a first import), where it differs from what the import reads ('anders': kept; 'bijgewerkt': the
    import's own untouched fields, rewritten with --force), what a person gave ('ingevuld': field → how), the options
    the letter contradicts ('conflicten') and, for a scan,
    how sure text recognition was ('ocr'; null for a text layer)."""
    return [_record(record, result) for record in result.records]


def _record(record: Record, result: ImportResult) -> dict[str, Any]:
    return {
        **record.front_matter,
        "tekst": record.tekst,
        "pad": record.path,
        "beslissingen": [str(decision) for decision in result.beslissingen],
        "verwijderd": result.verwijderd,
        "bewijs": record.bewijs,
        "origineel": None
        if result.origineel is None
        else {"gepubliceerd": result.origineel.buiten_archief() is None, "reden": result.origineel.buiten_archief(), "uitleg": result.origineel_tekst()},
        "houder": result.houder,
        "anders": result.anders,
        "bijgewerkt": result.bijgewerkt,
        "ingevuld": result.ingevuld if record is result.records[0] else {},
        "conflicten": list(result.conflicten.values()),
        "ocr": None if result.ocr is None else {"zekerheid": result.ocr.confidence, "paginas": result.ocr.pages, "woorden": result.ocr.words},
    }
