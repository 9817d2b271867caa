"""The importer's rules for Dutch letters, read from data/brieven.yml: names of councils, salutations, closings, verdicts.

The rules are data so that a council's unusual template is one line to add there; this module only compiles them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

RULES_FILE = "brieven.yml"


@dataclass(frozen=True)
class Rules:
    raden: re.Pattern[str]
    """The name of an advisory council, anywhere in a line."""
    college: re.Pattern[str]
    wethouder: re.Pattern[str]
    """A wethouder, who writes or is written to for the college."""
    gemeenteraad: re.Pattern[str]
    aanhef: dict[str, re.Pattern[str]]
    """To whom a salutation speaks (college, raad, gemeenteraad) → the salutations that do."""
    aanhef_overig: re.Pattern[str]
    """Any other salutation, at the start of a line."""
    slot: re.Pattern[str]
    """A closing, at the start of a line."""
    functies: re.Pattern[str]
    """Function words of a signature, at the start of a line."""
    datum_uitgebracht: re.Pattern[str]
    weekdagen: tuple[str, ...]
    geen_plaats: frozenset[str]
    titel_zonder_label: re.Pattern[str]
    """A line that is a subject without a label, at the start of a line."""
    advies_zinnen: re.Pattern[str]
    """A council advising in its own words ('wij adviseren u')."""
    na_ondertekening: re.Pattern[str]
    """A line listing enclosures or copies, at the start of a line."""
    ontkenning: re.Pattern[str]
    """A negation word, anywhere."""
    geen_afzender: dict[str, re.Pattern[str]]
    geen_brief: dict[str, re.Pattern[str]]
    """Kind of text → its signals, each at the start of a line."""
    stukken: dict[str, re.Pattern[str]]
    adviestype: dict[str, re.Pattern[str]]
    besluit: tuple[tuple[str, re.Pattern[str]], ...]
    besluit_ontkend_positief: re.Pattern[str]
    webpagina_meubilair: re.Pattern[str]
    """A whole line of a web page's furniture (breadcrumbs, share buttons, 'Lees meer', cookies): use fullmatch."""
    webpagina_datum: re.Pattern[str]
    """The words of a web page's date widget, at the start of a line ('Geplaatst op')."""
    aanbevelingen_inleiding: re.Pattern[str]
    """The end of a paragraph that introduces the council's recommendations ('Wij adviseren u:'): use search."""
    aanbevelingen_kop: re.Pattern[str]
    """A heading above the recommendations ('Onze adviezen'): use fullmatch."""
    aanbevelingen_genummerde_kop: re.Pattern[str]
    """A heading per recommendation ('Advies 1: …'), at the start of a line; group 'nummer' is its number."""


def _either(patterns: list[str], prefix: str = "", suffix: str = "") -> re.Pattern[str]:
    for pattern in patterns:
        if not isinstance(pattern, str):  # 'a:' unquoted at a line end is a mapping in YAML, not text
            raise TypeError(f"{RULES_FILE}: {pattern!r} is no pattern; put it in quotes")
    return re.compile(prefix + "(?:" + "|".join(f"(?:{pattern})" for pattern in patterns) + ")" + suffix, re.IGNORECASE)


def _groups(data: dict[str, Any], prefix: str = "", suffix: str = "") -> dict[str, re.Pattern[str]]:
    return {key: _either(value if isinstance(value, list) else [value], prefix, suffix) for key, value in data.items()}


def _with_council(groups: dict[str, list[str]], raden: list[str]) -> dict[str, list[str]]:
    """Put the names of councils where a pattern says {raad}."""
    council = "(?:" + "|".join(f"(?:{name})" for name in raden) + ")"
    return {key: [pattern.replace("{raad}", council) for pattern in patterns] for key, patterns in groups.items()}


@cache
def rules() -> Rules:
    data = yaml.safe_load(files("adviesregister.data").joinpath(RULES_FILE).read_text(encoding="utf-8"))
    return Rules(
        raden=_either(data["raden"], r"(?<![\w-])"),
        college=_either(data["college"], r"(?<![\w-])"),
        wethouder=_either(data["wethouder"], r"(?<![\w-])"),
        gemeenteraad=_either(data["gemeenteraad"], r"(?<![\w-])", r"(?![\w-])"),
        aanhef=_groups(_with_council(data["aanhef"], data["raden"]), r"(?<![\w-])", r"\s*[,:]?"),
        aanhef_overig=_either(data["aanhef_overig"], r"^\s*", r"\b"),
        slot=_either(data["slot"], r"^\s*", r"\b"),
        functies=_either(data["functies"], r"^\s*", r"\b,?"),
        datum_uitgebracht=_either(data["datum_uitgebracht"]),
        weekdagen=tuple(data["datum_weekdagen"]),
        geen_plaats=frozenset(data["datum_geen_plaats"]),
        titel_zonder_label=_either(data["titel_zonder_label"], r"^\s*"),
        advies_zinnen=_either(data["advies_zinnen"]),
        na_ondertekening=_either(data["na_ondertekening"], r"^\s*", r"\b"),
        ontkenning=_either(data["ontkenning"], r"\b", r"\b"),
        geen_afzender=_groups(data["geen_afzender"]),
        geen_brief={key: re.compile(_either(value).pattern, re.IGNORECASE | re.MULTILINE) for key, value in data["geen_brief"].items()},
        stukken=_groups(data["stukken"]),
        adviestype=_groups(data["adviestype"]),
        besluit=tuple((besluit, _either(patterns)) for besluit, patterns in data["besluit"].items()),
        besluit_ontkend_positief=_either(data["besluit_ontkend_positief"]),
        webpagina_meubilair=_either(data["webpagina"]["meubilair"]),
        webpagina_datum=_either(data["webpagina"]["datum"], r"^\s*", r"\s*"),
        aanbevelingen_inleiding=_either(data["aanbevelingen"]["inleiding"], "", r"\s*$"),
        aanbevelingen_kop=_either(data["aanbevelingen"]["kop"], r"\s*", r"\s*:?\s*"),
        aanbevelingen_genummerde_kop=_either(data["aanbevelingen"]["genummerde_kop"], r"^\s*"),
    )
