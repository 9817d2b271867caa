"""The Cijfers page and the summaries on the home, gemeente and thema pages: texts, tables and charts of the figures.

The figures come computed (content/cijfers.py, the same ones the open data holds). Charts are static SVG drawn at build
time by Vega-Lite (vl-convert): no JavaScript, no request to another host. Each chart is shown as an image with a text
alternative beside a table holding the same numbers, and each bar segment carries the outcome's icon and share, so the
chart is readable without colour. Names from content reach the SVG only as Vega text, which vl-convert escapes.
"""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass

import vl_convert

from adviesregister.content.cijfers import OUTCOMES, Figures
from adviesregister.content.derive import BEANTWOORD, REACTIE_UITGEBLEVEN, WACHT_OP_REACTIE
from adviesregister.site import dutch
from adviesregister.site.views import STATUS_LABELS, join_words

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
_NAMES = {uitkomst: STATUS_LABELS[uitkomst][1] if uitkomst == REACTIE_UITGEBLEVEN else uitkomst.capitalize() for uitkomst in OUTCOMES}
"""The site's words (views.STATUS_LABELS) for an outcome; the open data keeps the outcome's own value."""
UNKNOWN = "onbekend"
"""A figure that cannot be computed (no advices, no reactietijd)."""
_KINDS = {"gemeente": "Per gemeente", "jaar": "Per jaar", "thema": "Per thema"}


def percent(part: int, whole: int) -> str:
    return dutch.percent(part, whole) if whole else UNKNOWN


def days(value: float | None) -> str:
    """A reactietijd (or its median or quartile) in whole days: '30 dagen', '736 dagen (ongeveer 2 jaar)'."""
    return UNKNOWN if value is None else dutch.days(dutch.whole_days(value))


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
        return outcome_sentence(0, item.uitkomsten)
    sentences = [
        outcome_sentence(item.adviezen, item.uitkomsten),
        rest_sentence(item.adviezen, item.uitkomsten),
        time_sentence(item.reactietijden),
        on_time_sentence(item.binnen_termijn, item.termijn_bekend),
    ]
    return " ".join(sentence for sentence in sentences if sentence)


SMALL_N = 10
"""Below this many cases a sentence gives counts only: a percentage of a handful says little."""
_TAKEN_OVER = (("overgenomen", "over"), ("deels overgenomen", "deels over"), ("niet overgenomen", "niet over"))


def _which(aantal: int, total: int) -> str:
    """The advices meant, as the subject of a sentence: 'het advies', 'beide adviezen', 'alle 3 adviezen', '2 adviezen'."""
    if total == 1:
        return "het advies"
    if aantal == total:
        return "beide adviezen" if total == 2 else f"alle {dutch.count(total, 'advies', 'adviezen')}"
    return dutch.count(aantal, "advies", "adviezen")


def outcome_sentence(adviezen: int, uitkomsten: dict[str, int]) -> str:
    """How many advices there are and what the college decided: 'Hier staan 3 adviezen. Het college nam er 1 over,
    1 deels en 1 niet.' Outcomes of none are left out, so 'geen' never reads as 'none adopted'."""
    if not adviezen:
        return "Hier staan nog geen adviezen."
    first = "Hier staat 1 advies." if adviezen == 1 else f"Hier staan {dutch.count(adviezen, 'advies', 'adviezen')}."
    decided = [(uitkomsten.get(uitkomst, 0), words) for uitkomst, words in _TAKEN_OVER if uitkomsten.get(uitkomst, 0)]
    if not decided:
        return first
    if len(decided) == 1 and decided[0][0] == adviezen:
        them = "het" if adviezen == 1 else "ze allebei" if adviezen == 2 else f"ze alle {dutch.number(adviezen)}"
        return f"{first} Het college nam {them} {decided[0][1]}."
    parts = [f"{dutch.number(aantal)} {words}" for aantal, words in decided]
    # 'nam er 2 over, 1 deels en 1 niet': the particle 'over' is said once, after the first part
    parts[1:] = [part.removesuffix(" over") for part in parts[1:]]
    return f"{first} Het college nam er {join_words(parts)}."


def rest_sentence(adviezen: int, uitkomsten: dict[str, int]) -> str:
    """The advices without a clear decision: answered without one, no response found after the termijn, still waiting."""
    unclear, missing, waiting = (uitkomsten.get(key, 0) for key in ("anders beantwoord", REACTIE_UITGEBLEVEN, WACHT_OP_REACTIE))
    sentences = []
    if unclear:
        sentences.append(f"{_which(unclear, adviezen)} {'kreeg' if unclear == 1 else 'kregen'} een antwoord zonder duidelijk besluit.")
    if missing:
        sentences.append(f"Bij {_which(missing, adviezen)} is de termijn voorbij en vonden we geen reactie.")
    if waiting:
        sentences.append(f"{_which(waiting, adviezen)} {'wacht' if waiting == 1 else 'wachten'} nog op een reactie; de termijn loopt nog.")
    return " ".join(sentence[0].upper() + sentence[1:] for sentence in sentences)


def time_sentence(reactietijden: tuple[int, ...]) -> str:
    """How long the answers took: each one for one or two, the median from three on ('De helft kwam binnen …')."""
    if not reactietijden:
        return ""
    if len(reactietijden) == 1:
        return f"Het antwoord kwam na {dutch.days(reactietijden[0])}."
    if len(reactietijden) == 2:
        first, second = sorted(reactietijden)
        if first == second:
            return f"Beide antwoorden kwamen na {dutch.days(first)}."
        return f"De 2 antwoorden kwamen na {dutch.days(first)} en na {dutch.days(second)}."
    median = dutch.days(dutch.whole_days(statistics.median(reactietijden)))
    return f"Van de {dutch.count(len(reactietijden), 'antwoord', 'antwoorden')} kwam de helft binnen {median}."


def on_time_sentence(binnen: int, bekend: int) -> str:
    """Of the advices whose termijn has passed or that were answered (`bekend`), how many were answered in time."""
    if not bekend:
        return ""
    if bekend == 1:
        return f"Het advies waarvan de termijn voorbij is of dat een antwoord kreeg, kreeg {'een' if binnen else 'geen'} antwoord binnen de termijn."
    which = f"Van de {dutch.count(bekend, 'advies', 'adviezen')} waarvan de termijn voorbij is of die een antwoord kregen"
    if binnen == 0:
        answered = "kreeg geen van beide" if bekend == 2 else "kreeg geen enkel advies"
    elif binnen == bekend:
        answered = "kregen ze allebei" if bekend == 2 else f"kregen ze alle {dutch.number(bekend)}"
    else:
        answered = f"{'kreeg' if binnen == 1 else 'kregen'} er {dutch.number(binnen)}"
    share = f" ({dutch.percent(binnen, bekend)})" if bekend >= SMALL_N else ""
    return f"{which}, {answered} een antwoord binnen de termijn{share}."


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
        binnen_termijn=f"{dutch.number(item.binnen_termijn)} van {dutch.number(item.termijn_bekend)} ({percent(item.binnen_termijn, item.termijn_bekend)})"
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
            f"Staafdiagram: per {kind} het deel van de adviezen dat het college overnam, deels overnam of niet overnam, dat een ander antwoord kreeg, waarop we geen reactie vonden terwijl de termijn voorbij is, of dat nog wacht.{more} De getallen staan in de tabel hieronder.",
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
                "label": dutch.number(dutch.whole_days(item.mediaan or 0)),
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
    return vl_convert.vegalite_to_svg(json.dumps(spec), format_locale="nl-NL", time_format_locale="nl-NL")
