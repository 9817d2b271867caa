"""The Cijfers page and the summaries on the home, gemeente and thema pages: texts, tables and charts of the figures.

The figures come computed (content/cijfers.py, the same ones the open data holds). Charts are static SVG drawn at build
time by Vega-Lite (vl-convert): no JavaScript, no request to another host. Each chart is shown as an image with a text
alternative beside a table holding the same numbers, and each bar segment carries the outcome's icon and share, so the
chart is readable without colour. Names from content reach the SVG only as Vega text, which vl-convert escapes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import vl_convert
from babel.numbers import format_decimal

from adviesregister.content.cijfers import OUTCOMES, Figures
from adviesregister.content.derive import BEANTWOORD, REACTIE_UITGEBLEVEN, WACHT_OP_REACTIE
from adviesregister.site.views import STATUS_LABELS, count_text, join_words

CIJFERS = "cijfers/"
"""The URL of the Cijfers page."""
MAX_BARS = 20
"""A chart shows at most this many groups (those with the most advices); the table beside it shows all."""

_COLOURS = {
    "overgenomen": "#1b5e20",
    "deels overgenomen": "#7a5c00",
    "niet overgenomen": "#b71c1c",
    "anders beantwoord": "#37474f",
    REACTIE_UITGEBLEVEN: "#6a1b9a",
    WACHT_OP_REACTIE: "#0d47a1",
}
"""Dark fills, so the white icon and share on each segment stay readable (contrast over 4.5:1)."""
_ICONS = {uitkomst: STATUS_LABELS[BEANTWOORD if uitkomst == "anders beantwoord" else uitkomst][0] for uitkomst in OUTCOMES}
_NAMES = {uitkomst: uitkomst.capitalize() for uitkomst in OUTCOMES}
UNKNOWN = "onbekend"
"""A figure that cannot be computed (no advices, no reactietijd)."""
_KINDS = {"gemeente": "Per gemeente", "jaar": "Per jaar", "thema": "Per thema"}


def percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else UNKNOWN


def days(value: float | None) -> str:
    if value is None:
        return UNKNOWN
    return f"{format_decimal(round(value, 1), locale='nl')} {'dag' if value == 1 else 'dagen'}"


@dataclass(frozen=True)
class OutcomeColumn:
    uitkomst: str
    icoon: str
    naam: str


@dataclass(frozen=True)
class FigureRow:
    """One group in the tables, as text."""

    naam: str
    adviezen: int
    uitkomsten: list[tuple[int, str]]
    """Per outcome: count and share."""
    reactietijd_bekend: int
    mediaan: str
    spreiding: str
    bereik: str
    binnen_termijn: str


@dataclass(frozen=True)
class Chart:
    bestand: str
    """The SVG's URL (relative to the site's root)."""
    titel: str
    beschrijving: str
    """The text alternative of the image: what it shows; the numbers are in the table beside it."""
    svg: str


@dataclass(frozen=True)
class FigureSection:
    sleutel: str
    titel: str
    rijen: list[FigureRow]
    grafieken: list[Chart]


@dataclass(frozen=True)
class FiguresPage:
    samenvatting: str
    totaal: FigureRow
    secties: list[FigureSection]
    uitkomsten: list[OutcomeColumn]

    def charts(self) -> list[Chart]:
        return [chart for section in self.secties for chart in section.grafieken]


def summary(item: Figures) -> str:
    """A few sentences in plain Dutch: what happened to the advices, how long answers took, how often in time."""
    if not item.adviezen:
        return "Hier staan nog geen adviezen."
    counts = item.uitkomsten
    first = f"Van de {count_text(item.adviezen, 'advies', 'adviezen')}"
    over = counts["overgenomen"]
    parts = [f"nam het college er {over or 'geen'} over"]
    parts += [f"{counts[uitkomst]} {word}" for uitkomst, word in (("deels overgenomen", "deels"), ("niet overgenomen", "niet")) if counts[uitkomst]]
    sentences = [f"{first} {join_words(parts)}."]
    rest = []
    if counts["anders beantwoord"]:
        rest.append(
            f"{counts['anders beantwoord']} kreeg een antwoord zonder duidelijk besluit"
            if counts["anders beantwoord"] == 1
            else f"{counts['anders beantwoord']} kregen een antwoord zonder duidelijk besluit"
        )
    if counts[REACTIE_UITGEBLEVEN]:
        rest.append(f"op {counts[REACTIE_UITGEBLEVEN]} kwam geen reactie binnen de termijn")
    if counts[WACHT_OP_REACTIE]:
        rest.append(f"{counts[WACHT_OP_REACTIE]} {'wacht' if counts[WACHT_OP_REACTIE] == 1 else 'wachten'} nog op een reactie")
    if rest:
        sentences.append(join_words(rest).capitalize() + ".")
    if item.mediaan is not None:
        sentences.append(f"Het college antwoordde in de helft van de gevallen binnen {days(item.mediaan)}.")
    if item.termijn_bekend:
        sentences.append(
            f"{item.binnen_termijn} van de {item.termijn_bekend} antwoorden kwamen binnen de termijn ({percent(item.binnen_termijn, item.termijn_bekend)})."
        )
    return " ".join(sentences)


def row(item: Figures) -> FigureRow:
    quartiles = item.kwartielen
    return FigureRow(
        naam=item.naam,
        adviezen=item.adviezen,
        uitkomsten=[(item.uitkomsten[uitkomst], percent(item.uitkomsten[uitkomst], item.adviezen)) for uitkomst in OUTCOMES],
        reactietijd_bekend=len(item.reactietijden),
        mediaan=days(item.mediaan),
        spreiding=f"{days(quartiles[0])} tot {days(quartiles[1])}" if quartiles else UNKNOWN,
        bereik=f"{days(item.kortste)} tot {days(item.langste)}" if item.reactietijden else UNKNOWN,
        binnen_termijn=f"{item.binnen_termijn} van {item.termijn_bekend} ({percent(item.binnen_termijn, item.termijn_bekend)})"
        if item.termijn_bekend
        else UNKNOWN,
    )


def build_figures_page(figures: list[Figures]) -> FiguresPage:
    total = figures[0]
    sections = []
    for kind, title in _KINDS.items():
        group = [item for item in figures if item.soort == kind]
        if group:
            sections.append(FigureSection(kind, title, [row(item) for item in group], _charts(kind, title, group)))
    columns = [OutcomeColumn(uitkomst, _ICONS[uitkomst], _NAMES[uitkomst]) for uitkomst in OUTCOMES]
    return FiguresPage(summary(total), row(total), sections, columns)


def _charts(kind: str, title: str, group: list[Figures]) -> list[Chart]:
    shown = sorted(group, key=lambda item: -item.adviezen)[:MAX_BARS]
    shown.sort(key=group.index)
    more = f" De {MAX_BARS} met de meeste adviezen staan erin; de tabel noemt ze allemaal." if len(group) > MAX_BARS else ""
    charts = [
        Chart(
            f"{CIJFERS}uitkomsten-{kind}.svg",
            f"Uitkomst van de adviezen, {title.lower()}",
            f"Staafdiagram: per {kind} het deel van de adviezen dat het college overnam, deels overnam of niet overnam, dat een ander antwoord kreeg, waarop de reactie uitbleef of dat nog wacht.{more} De getallen staan in de tabel hieronder.",
            _outcome_svg(shown),
        )
    ]
    timed = [item for item in shown if item.reactietijden]
    if timed:
        charts.append(
            Chart(
                f"{CIJFERS}reactietijd-{kind}.svg",
                f"Reactietijd van het college, {title.lower()}",
                f"Diagram: per {kind} de reactietijd in dagen. De dikke balk loopt van het eerste tot het derde kwartiel, de dunne lijn van de kortste tot de langste reactietijd, het getal is de mediaan.{more} De getallen staan in de tabel hieronder.",
                _time_svg(timed),
            )
        )
    return charts


def _outcome_svg(group: list[Figures]) -> str:
    values = []
    for item in group:
        start = 0.0
        for uitkomst in OUTCOMES:
            share = item.uitkomsten[uitkomst] / item.adviezen if item.adviezen else 0.0
            if share:
                label = f"{_ICONS[uitkomst]} {round(100 * share)}%" if share >= 0.14 else ""
                values.append({"groep": item.naam, "uitkomst": f"{_ICONS[uitkomst]} {_NAMES[uitkomst]}", "van": start, "tot": start + share, "label": label})
            start += share
    domain = [f"{_ICONS[u]} {_NAMES[u]}" for u in OUTCOMES]
    y = {"field": "groep", "type": "nominal", "sort": [item.naam for item in group], "title": None, "axis": {"labelLimit": 120, "labelFontSize": 12}}
    spec = {
        "width": 260,
        "height": {"step": 28},
        "data": {"values": values},
        "layer": [
            {
                "mark": {"type": "bar", "stroke": "white", "strokeWidth": 1},
                "encoding": {
                    "y": y,
                    "x": {
                        "field": "van",
                        "type": "quantitative",
                        "scale": {"domain": [0, 1]},
                        "axis": {"format": "%", "title": "Deel van de adviezen", "tickCount": 4},
                    },
                    "x2": {"field": "tot"},
                    "color": {
                        "field": "uitkomst",
                        "type": "nominal",
                        "scale": {"domain": domain, "range": [_COLOURS[u] for u in OUTCOMES]},
                        "legend": {"orient": "bottom", "columns": 2, "title": None, "labelFontSize": 12, "labelLimit": 200},
                    },
                },
            },
            {
                "transform": [{"calculate": "(datum.van + datum.tot) / 2", "as": "midden"}],
                "mark": {"type": "text", "color": "white", "fontSize": 11, "fontWeight": "bold"},
                "encoding": {"y": y, "x": {"field": "midden", "type": "quantitative"}, "text": {"field": "label"}},
            },
        ],
    }
    return _svg(spec)


def _time_svg(group: list[Figures]) -> str:
    values = []
    for item in group:
        quartiles = item.kwartielen or (item.mediaan or 0, item.mediaan or 0)
        values.append(
            {
                "groep": item.naam,
                "kortste": item.kortste,
                "langste": item.langste,
                "q1": quartiles[0],
                "q3": quartiles[1],
                "mediaan": item.mediaan,
                "label": f"{format_decimal(round(item.mediaan or 0, 1), locale='nl')}",
            }
        )
    y = {"field": "groep", "type": "nominal", "sort": [item.naam for item in group], "title": None, "axis": {"labelLimit": 120, "labelFontSize": 12}}
    x = {"type": "quantitative", "axis": {"title": "Dagen tot de reactie", "tickCount": 5}}
    spec = {
        "width": 260,
        "height": {"step": 28},
        "data": {"values": values},
        "layer": [
            {"mark": {"type": "rule", "color": "#555555"}, "encoding": {"y": y, "x": {"field": "kortste", **x}, "x2": {"field": "langste"}}},
            {"mark": {"type": "bar", "color": "#0d47a1", "height": 12}, "encoding": {"y": y, "x": {"field": "q1", **x}, "x2": {"field": "q3"}}},
            {"mark": {"type": "tick", "color": "#000000", "thickness": 3, "size": 18}, "encoding": {"y": y, "x": {"field": "mediaan", **x}}},
            {
                "mark": {"type": "text", "align": "left", "dx": 6, "dy": -11, "fontSize": 11, "color": "#000000"},
                "encoding": {"y": y, "x": {"field": "mediaan", **x}, "text": {"field": "label"}},
            },
        ],
    }
    return _svg(spec)


def _svg(spec: dict[str, object]) -> str:
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "background": "white",
        "config": {"font": "sans-serif", "view": {"stroke": None}},
        **spec,
    }
    return vl_convert.vegalite_to_svg(json.dumps(spec))
