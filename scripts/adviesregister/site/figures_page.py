"""The Cijfers page and the summaries on the home, gemeente and thema pages: texts, tables and charts of the figures.

The figures come computed (content/figures.py, the same ones the open data holds). Charts are static SVG drawn at build
time by Vega-Lite (vl-convert): no JavaScript, no request to another host. Each chart is shown as an image with a text
alternative beside a table holding the same numbers, and each bar segment carries the outcome's icon and share, so the
chart is readable without colour. Names from content reach the SVG only as Vega text, which vl-convert escapes.
"""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass

import vl_convert

from adviesregister.content.derive import BEANTWOORD, REACTIE_UITGEBLEVEN, WACHT_OP_REACTIE
from adviesregister.content.figures import OUTCOMES, Figures
from adviesregister.content.names import chart_url
from adviesregister.site import dutch
from adviesregister.site.views import STATUS_LABELS, join_words

MAX_BARS = 20
"""A chart shows at most this many groups (those with the most advices); the table beside it shows all."""

COLOURS = {
    "overgenomen": "#1b5e20",
    "deels overgenomen": "#6d4c00",
    "niet overgenomen": "#b71c1c",
    "anders beantwoord": "#37474f",
    REACTIE_UITGEBLEVEN: "#8e0000",
    WACHT_OP_REACTIE: "#0d47a1",
}
"""Per outcome, the colour of its status badge on every page (theme/assets/adviesregister.css, .ar-status--…; a test
compares them) and of its bars in the charts: dark, so the white icon and share on a segment stay readable (over 4.5:1)."""
BAR_COLOUR = "#154273"
"""Bars that are no outcome (on time, median reactietijd): the site's own colour."""
TERMIJN_COLOUR = "#000000"
_ICONS = {uitkomst: STATUS_LABELS[BEANTWOORD if uitkomst == "anders beantwoord" else uitkomst][0] for uitkomst in OUTCOMES}
_NAMES = {uitkomst: STATUS_LABELS[uitkomst][1] if uitkomst in (REACTIE_UITGEBLEVEN, WACHT_OP_REACTIE) else uitkomst.capitalize() for uitkomst in OUTCOMES}
"""The site's words (views.STATUS_LABELS) for an outcome; the open data keeps the outcome's own value."""
_MEANINGS = {
    "overgenomen": "Het college neemt het advies over.",
    "deels overgenomen": "Het college neemt een deel van het advies over, en een ander deel niet.",
    "niet overgenomen": "Het college neemt het advies niet over.",
    "anders beantwoord": "Het college heeft gereageerd, maar zegt niet of het het advies overneemt: het nam er kennis van, of de brief noemt geen duidelijk besluit.",
    REACTIE_UITGEBLEVEN: "De termijn voor een reactie is voorbij en we vonden in dit archief geen reactie van het college. Misschien is die er wel, maar staat hij hier nog niet in.",
    WACHT_OP_REACTIE: "Het college heeft nog geen reactie gestuurd, en de termijn daarvoor loopt nog.",
}
"""What each outcome means, in one or two plain sentences: the Cijfers page explains every outcome it shows."""
TOO_FEW = "te weinig adviezen om iets te zeggen"
"""Said instead of a percentage below SMALL_N advices."""
FONT_SIZE = 14
"""The size of every text in a chart (px): a chart is drawn about 360 px wide, so on a 375 px phone, where it shrinks a
little, its text stays 12 px or more."""
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
    name: str
    betekenis: str
    """What the outcome means, in plain Dutch."""

    @property
    def css(self) -> str:
        """The modifier of its status badge (.ar-status--…), whose colour the charts share (COLOURS)."""
        return badge_class(self.uitkomst)


@dataclass(frozen=True)
class FigureRow:
    """One group in the tables, as text."""

    name: str
    adviezen: int
    uitkomsten: list[tuple[int, str]]
    """Per outcome: count and share."""
    reactietijd_bekend: int
    mediaan: str
    bereik: str
    binnen_termijn: str
    """'8 van 12 (67%)'; without the percentage below SMALL_N."""
    te_weinig: bool
    """Fewer than SMALL_N advices: the shares are left out (TOO_FEW)."""


@dataclass(frozen=True)
class Chart:
    file: str
    """The SVG's URL (relative to the site's root)."""
    titel: str
    beschrijving: str
    """The text alternative of the image: what it shows; the numbers are in the table beside it."""
    svg: str
    uitleg: str = ""
    """How to read it, shown under the chart for everyone (the chart's own legend names the colours)."""


@dataclass(frozen=True)
class FigureSection:
    key: str
    titel: str
    rows: list[FigureRow]
    grafieken: list[Chart]


@dataclass(frozen=True)
class FiguresPage:
    samenvatting: str
    totaal: FigureRow
    secties: list[FigureSection]
    uitkomsten: list[OutcomeColumn]

    def charts(self) -> list[Chart]:
        return [chart for section in self.secties for chart in section.grafieken]

    @property
    def klein(self) -> int:
        return SMALL_N

    @property
    def te_weinig(self) -> str:
        return TOO_FEW


def badge_class(uitkomst: str) -> str:
    """The status badge's modifier for an outcome: 'deels-overgenomen'; 'anders beantwoord' is the status 'beantwoord'."""
    return (BEANTWOORD if uitkomst == "anders beantwoord" else uitkomst).replace(" ", "-")


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


def _which(count: int, total: int) -> str:
    """The advices meant, as the subject of a sentence: 'het advies', 'beide adviezen', 'alle 3 adviezen', '2 adviezen'."""
    if total == 1:
        return "het advies"
    if count == total:
        return "beide adviezen" if total == 2 else f"alle {dutch.count(total, 'advies', 'adviezen')}"
    return dutch.count(count, "advies", "adviezen")


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
    parts = [f"{dutch.number(count)} {words}" for count, words in decided]
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


def share(part: int, whole: int) -> str:
    """'67%' from SMALL_N cases on; '' below, where a percentage says little (the page says TOO_FEW)."""
    return percent(part, whole) if whole >= SMALL_N else ""


def part_of(part: int, whole: int) -> str:
    """'8 van 12 (67%)', '2 van 3': the count always, so n stands beside every percentage."""
    if not whole:
        return UNKNOWN
    shown = share(part, whole)
    return f"{dutch.number(part)} van {dutch.number(whole)}" + (f" ({shown})" if shown else "")


def row(item: Figures) -> FigureRow:
    return FigureRow(
        name=item.naam,
        adviezen=item.adviezen,
        uitkomsten=[(item.uitkomsten[uitkomst], share(item.uitkomsten[uitkomst], item.adviezen)) for uitkomst in OUTCOMES],
        reactietijd_bekend=len(item.reactietijden),
        mediaan=days(item.mediaan),
        bereik=f"{days(item.kortste)} tot {days(item.langste)}" if item.reactietijden else UNKNOWN,
        binnen_termijn=part_of(item.binnen_termijn, item.termijn_bekend),
        te_weinig=item.adviezen < SMALL_N,
    )


def build_figures_page(figures: list[Figures]) -> FiguresPage:
    total = figures[0]
    sections = []
    for kind, title in _KINDS.items():
        group = [item for item in figures if item.soort == kind]
        if group:
            sections.append(FigureSection(kind, title, [row(item) for item in group], _charts(kind, title, group)))
    columns = [OutcomeColumn(uitkomst, _ICONS[uitkomst], _NAMES[uitkomst], _MEANINGS[uitkomst]) for uitkomst in OUTCOMES]
    return FiguresPage(summary(total), row(total), sections, columns)


def _charts(kind: str, title: str, group: list[Figures]) -> list[Chart]:
    shown = sorted(group, key=lambda item: -item.adviezen)[:MAX_BARS]
    shown.sort(key=group.index)
    more = f" De {MAX_BARS} met de meeste adviezen staan erin; de tabel noemt ze allemaal." if len(group) > MAX_BARS else ""
    charts = [
        Chart(
            chart_url("uitkomsten", kind),
            f"Uitkomst van de adviezen, {title.lower()}",
            f"Staafdiagram: per {kind} het deel van de adviezen dat het college overnam, deels overnam of niet overnam, dat een ander antwoord kreeg, waarop we geen reactie vonden terwijl de termijn voorbij is, of dat nog wacht.{more} De getallen staan in de tabel hieronder.",
            _outcome_svg(shown),
            f"Achter elke naam staat het aantal adviezen. Bij minder dan {SMALL_N} adviezen staat in de balk het aantal in plaats van een percentage: dat zijn {TOO_FEW}.",
        )
    ]
    known = [item for item in shown if item.termijn_bekend]
    if known:
        charts.append(
            Chart(
                chart_url("binnen-termijn", kind),
                f"Antwoord binnen de termijn, {title.lower()}",
                f"Staafdiagram: per {kind} het deel van de adviezen dat binnen de termijn een antwoord kreeg, van de adviezen die een antwoord kregen of waarvan de termijn voorbij is.{more} De getallen staan in de tabel hieronder.",
                _on_time_svg(known),
                f"Achter elke balk: hoeveel adviezen op tijd antwoord kregen, van hoeveel. Bij minder dan {SMALL_N} adviezen tekenen we geen balk: dat zijn {TOO_FEW}.",
            )
        )
    timed = [item for item in shown if item.reactietijden]
    if timed:
        charts.append(
            Chart(
                chart_url("reactietijd", kind),
                f"Reactietijd van het college, {title.lower()}",
                f"Staafdiagram: per {kind} de mediaan van de reactietijd in dagen, met een zwarte streep op de termijn voor een reactie.{more} De getallen staan in de tabel hieronder.",
                _time_svg(timed),
                "De balk is de mediaan: de helft van de antwoorden kwam sneller, de helft langzamer. De zwarte streep is de termijn: een balk die verder loopt, betekent dat de helft van de antwoorden te laat kwam.",
            )
        )
    return charts


_STEP = {"step": 46}
"""Each group's row: its label above, its bar below."""
_BAR = {"height": 16, "yOffset": 8}
_LABEL = {"type": "text", "align": "left", "baseline": "bottom", "dx": 4, "dy": -4, "color": "#000000"}


def _group_label(item: Figures) -> str:
    """A group's name with its number of advices below it: 'Almelo\n(2 adviezen)' (two lines on the axis)."""
    return f"{item.naam}\n({dutch.count(item.adviezen, 'advies', 'adviezen')})"


def _y(group: list[Figures]) -> dict[str, object]:
    # the name on one line, its number of advices on the next: narrow enough for a phone, and the n is never cut off
    axis = {"labelLimit": 140, "labelExpr": "split(datum.label, '\\n')", "labelLineHeight": FONT_SIZE + 2}
    return {"field": "groep", "type": "nominal", "sort": [_group_label(item) for item in group], "title": None, "axis": axis}


def _outcome_svg(group: list[Figures]) -> str:
    values = []
    for item in group:
        start = 0.0
        for uitkomst in OUTCOMES:
            count = item.uitkomsten[uitkomst]
            part = count / item.adviezen if item.adviezen else 0.0
            if part:
                # only where the segment is wide enough for it (the chart is 190 px wide); the table has every number
                few = item.adviezen < SMALL_N
                label = (dutch.number(count) if few else dutch.percent(count, item.adviezen)) if part >= (0.1 if few else 0.2) else ""
                values.append(
                    {"groep": _group_label(item), "uitkomst": f"{_ICONS[uitkomst]} {_NAMES[uitkomst]}", "van": start, "tot": start + part, "label": label}
                )
            start += part
    domain = [f"{_ICONS[u]} {_NAMES[u]}" for u in OUTCOMES]
    y = _y(group)
    spec = {
        "width": 190,
        "height": {"step": 40},
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
                        "scale": {"domain": domain, "range": [COLOURS[u] for u in OUTCOMES]},
                        "legend": {"orient": "bottom", "columns": 1, "title": None, "labelLimit": 300},
                    },
                },
            },
            {
                "transform": [{"calculate": "(datum.van + datum.tot) / 2", "as": "midden"}],
                "mark": {"type": "text", "color": "white", "fontWeight": "bold"},
                "encoding": {"y": y, "x": {"field": "midden", "type": "quantitative"}, "text": {"field": "label"}},
            },
        ],
    }
    return _svg(spec)


def _on_time_svg(group: list[Figures]) -> str:
    """Per group, the share answered within the termijn; below SMALL_N no bar, only the counts and TOO_FEW."""
    values = []
    for item in group:
        few = item.termijn_bekend < SMALL_N
        counts = f"{dutch.number(item.binnen_termijn)} van {dutch.number(item.termijn_bekend)}"
        label = f"te weinig adviezen ({counts})" if few else f"{dutch.percent(item.binnen_termijn, item.termijn_bekend)} ({counts})"
        values.append({"groep": _group_label(item), "deel": 0 if few else item.binnen_termijn / item.termijn_bekend, "label": label})
    y = _y(group)
    x = {"field": "deel", "type": "quantitative", "scale": {"domain": [0, 1]}, "axis": {"format": "%", "title": "Op tijd beantwoord", "tickCount": 4}}
    spec = {
        "width": 190,
        "height": _STEP,
        "data": {"values": values},
        "layer": [
            {"mark": {"type": "bar", "color": BAR_COLOUR, **_BAR}, "encoding": {"y": y, "x": x}},
            {
                "transform": [{"calculate": "0", "as": "begin"}],
                "mark": _LABEL,
                "encoding": {"y": y, "x": {"field": "begin", "type": "quantitative"}, "text": {"field": "label"}},
            },
        ],
    }
    return _svg(spec)


def _time_svg(group: list[Figures]) -> str:
    """Per group, the median reactietijd as a bar, and the termijn (of each gemeente in it) as a black line across."""
    median, termijn = "Mediaan reactietijd", "Termijn voor een reactie"
    values = []
    for item in group:
        answers = dutch.count(len(item.reactietijden), "antwoord", "antwoorden")
        values.append(
            {
                "groep": _group_label(item),
                "dagen": item.mediaan,
                "teken": median,
                "label": f"{dutch.count(dutch.whole_days(item.mediaan or 0), 'dag', 'dagen')}, {answers}",
            }
        )
        values += [{"groep": _group_label(item), "dagen": 7 * weeks, "teken": termijn, "label": ""} for weeks in item.termijnen]
    y = _y(group)
    x = {"field": "dagen", "type": "quantitative", "axis": {"title": "Dagen tot de reactie", "tickCount": 4}}
    color = {
        "field": "teken",
        "type": "nominal",
        "scale": {"domain": [median, termijn], "range": [BAR_COLOUR, TERMIJN_COLOUR]},
        "legend": {"orient": "bottom", "columns": 1, "title": None, "symbolType": "square", "symbolOpacity": 1, "labelLimit": 300},
    }
    spec = {
        "width": 190,
        "height": _STEP,
        "data": {"values": values},
        "layer": [
            {
                "transform": [{"filter": f"datum.teken == '{median}'"}],
                "mark": {"type": "bar", **_BAR},
                "encoding": {"y": y, "x": x, "color": color},
            },
            {
                "transform": [{"filter": f"datum.teken == '{termijn}'"}],
                "mark": {"type": "tick", "thickness": 3, "size": 24, "opacity": 1, "yOffset": _BAR["yOffset"]},
                "encoding": {"y": y, "x": x, "color": color},
            },
            {
                "transform": [{"filter": f"datum.teken == '{median}'"}, {"calculate": "0", "as": "begin"}],
                "mark": _LABEL,
                "encoding": {"y": y, "x": {"field": "begin", "type": "quantitative"}, "text": {"field": "label"}},
            },
        ],
    }
    return _svg(spec)


def _svg(spec: dict[str, object]) -> str:
    font = {"labelFontSize": FONT_SIZE, "titleFontSize": FONT_SIZE}
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "background": "white",
        # room beyond what Vega measures: a browser may draw the names in a wider font than vl-convert measured
        "padding": {"left": 16, "right": 12, "top": 5, "bottom": 5},
        "config": {
            "font": "sans-serif",
            "view": {"stroke": None},
            "axis": font,
            "legend": font,
            "text": {"fontSize": FONT_SIZE},
        },
        **spec,
    }
    return vl_convert.vegalite_to_svg(json.dumps(spec), format_locale="nl-NL", time_format_locale="nl-NL")
