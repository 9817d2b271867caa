"""The figures of the Cijfers page as open data: cijfers.json and cijfers.csv (one row per group), with their columns."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from adviesregister.content.figures import OUTCOMES, Figures


@dataclass(frozen=True)
class FigureColumn:
    naam: str
    soort: str
    """Frictionless field type."""
    beschrijving: str


FIGURE_COLUMNS = (
    FigureColumn("soort", "string", "Waarover de regel gaat: 'archief' (alle adviezen), 'gemeente', 'jaar' of 'thema'."),
    FigureColumn("sleutel", "string", "De korte naam van de gemeente, het jaar of het thema; 'alle' voor het hele archief."),
    FigureColumn("naam", "string", "De naam zoals de site hem toont."),
    FigureColumn("adviezen", "integer", "Het aantal adviezen in de groep (alleen documenten van soort advies)."),
    *(
        FigureColumn(
            uitkomst.replace(" ", "_"),
            "integer",
            f"Aantal adviezen met de uitkomst '{uitkomst}' (de berekende status; 'anders beantwoord' is kennisgenomen of een reactie zonder duidelijk besluit).",
        )
        for uitkomst in OUTCOMES
    ),
    FigureColumn("reactietijd_bekend", "integer", "Aantal adviezen met een reactietijd: beantwoord, en advies en reactie hebben een volledige datum."),
    FigureColumn("reactietijd_mediaan", "number", "De mediaan van de reactietijd in dagen (leeg zonder reactietijd)."),
    FigureColumn("reactietijd_kwartiel_1", "number", "Het eerste kwartiel van de reactietijd in dagen (inclusieve methode; leeg bij minder dan twee)."),
    FigureColumn("reactietijd_kwartiel_3", "number", "Het derde kwartiel van de reactietijd in dagen (inclusieve methode; leeg bij minder dan twee)."),
    FigureColumn("reactietijd_kortste", "integer", "De kortste reactietijd in dagen."),
    FigureColumn("reactietijd_langste", "integer", "De langste reactietijd in dagen."),
    FigureColumn("termijn_bekend", "integer", "Aantal adviezen waarvan bekend is of het antwoord op tijd kwam: beantwoord, of de termijn is voorbij."),
    FigureColumn("binnen_termijn", "integer", "Daarvan: beantwoord op of voor de laatste dag van de reactietermijn."),
)


def figure_rows(figures: list[Figures]) -> list[dict[str, Any]]:
    """One row per group, with the columns of FIGURE_COLUMNS."""
    rows = []
    for item in figures:
        quartiles = item.kwartielen
        row: dict[str, Any] = {"soort": item.soort, "sleutel": item.sleutel, "naam": item.naam, "adviezen": item.adviezen}
        row.update({uitkomst.replace(" ", "_"): item.uitkomsten.get(uitkomst, 0) for uitkomst in OUTCOMES})
        row.update(
            {
                "reactietijd_bekend": len(item.reactietijden),
                "reactietijd_mediaan": item.mediaan,
                "reactietijd_kwartiel_1": quartiles[0] if quartiles else None,
                "reactietijd_kwartiel_3": quartiles[1] if quartiles else None,
                "reactietijd_kortste": item.kortste,
                "reactietijd_langste": item.langste,
                "termijn_bekend": item.termijn_bekend,
                "binnen_termijn": item.binnen_termijn,
            }
        )
        rows.append(row)
    return rows


def figures_csv(rows: list[dict[str, Any]]) -> bytes:
    """RFC 4180, like adviesregister.csv: every value as it is (the formula guard is only in the files for a spreadsheet)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([column.naam for column in FIGURE_COLUMNS])
    for row in rows:
        writer.writerow(["" if row[column.naam] is None else row[column.naam] for column in FIGURE_COLUMNS])
    return buffer.getvalue().encode("utf-8")
