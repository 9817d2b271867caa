"""The importer's rules for Dutch letters, read from data/brieven.yml: names of councils, salutations, closings, verdicts.

The rules are data so that a council's unusual template is one line to add there; this module checks the file against
its schema (schema/brieven.schema.json), compiles every pattern and names the key of one that does not compile.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

import jsonschema
import yaml

from adviesregister.base.errors import AdviesregisterError

RULES_FILE = "brieven.yml"
SCHEMA_FILE = "brieven.schema.json"


class RulesError(AdviesregisterError):
    """data/brieven.yml does not follow its schema, or one of its patterns is no regular expression: for whoever changed it."""

    exit_code = 2
    prefix = "De regels van de importer kloppen niet: "


@dataclass(frozen=True)
class NotALetterKind:
    """A kind of text that is no letter (a web post, minutes …): how the report names it and where its signals count."""

    beschrijving: str
    waar: str
    """'begin_regel': a line starts with a signal; 'bovenaan': the same, in the first lines only; 'overal': anywhere in the text."""
    ook_in_brief: bool
    """The signal counts even in a text with a salutation or subject line (a web record's fields, a raadslid's question number)."""
    patroon: re.Pattern[str] | None
    ondertekening: re.Pattern[str] | None
    """Words after the closing that mean this kind wrote the text ('raadslid', 'rekenkamer')."""
    minimaal: int = 1
    """How many different lines must show a signal: a web record lists several fields, a letter may name one of them."""


@dataclass(frozen=True)
class Layout:
    """A house style (a template a gemeente writes in) with its own way of reading: see layouts.py."""

    naam: str
    herkenning: re.Pattern[str]
    """The first line of text that marks the layout ('Collegevoorstel')."""
    labels: tuple[tuple[str, str], ...]
    """Extra header labels of the template, kept as a list at the top of the text ('Portefeuillehouder')."""
    eigen_datum: bool
    """Whether the body can hold the letter's own date; a template whose dates are deadlines says false."""
    soort: str | None
    stuktype: str | None
    tekst_begint: str
    """Where the body starts: 'aanhef' (the salutation or the first long line) or 'kop_of_lange_regel' (a line
    ending in ':' or longer than 60 characters)."""
    datum_uit: re.Pattern[str] | None
    """A line whose date gives the year when the letter has no date of its own ('uiterste behandeldatum')."""
    artefacten: frozenset[str]
    """Lines the template prints on every page, left out of the text."""


@dataclass(frozen=True)
class Rules:
    raden: re.Pattern[str]
    """The name of an advisory council, anywhere in a line."""
    college: re.Pattern[str]
    wethouder: re.Pattern[str]
    """A wethouder, who writes or is written to for the college."""
    gemeenteraad: re.Pattern[str]
    regionaal: re.Pattern[str]
    """The start of a regional body's name ('Inkoop', 'Regio', 'GGD'): the town after it is not the letter's gemeente."""
    aanhef: dict[str, re.Pattern[str]]
    """To whom a salutation speaks (college, raad, gemeenteraad) → the salutations that do."""
    aanhef_overig: re.Pattern[str]
    """Any other salutation, at the start of a line."""
    slot: re.Pattern[str]
    """A closing, at the start of a line."""
    functies: re.Pattern[str]
    """Function words of a signature, at the start of a line."""
    datum_uitgebracht: re.Pattern[str]
    geen_plaats: frozenset[str]
    titel_zonder_label: re.Pattern[str]
    """A line that is a subject without a label, at the start of a line."""
    advies_zinnen: re.Pattern[str]
    """A council advising in its own words ('wij adviseren u')."""
    na_ondertekening: re.Pattern[str]
    """A line listing enclosures or copies, at the start of a line."""
    ontkenning: re.Pattern[str]
    """A negation word, anywhere."""
    geen_brief: dict[str, NotALetterKind]
    """Kind of text that is no letter → how to tell it."""
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
    aanbevelingen_geen: re.Pattern[str]
    """An item of a list that makes the list no advice: an article of a regulation, a question, a finding."""
    kop_labels: tuple[tuple[str, str], ...]
    """Labels of a letterhead → the field they give, longest first where one starts another."""
    uitgebracht: re.Pattern[str]
    """A line saying when and by whom an advice was given, at the start of a line."""
    ter_attentie: re.Pattern[str]
    geen_bijlage: re.Pattern[str]
    adres: re.Pattern[str]
    label_achtig: re.Pattern[str]
    """The start of a label whose value stands below it ('Uw brief van', 'Vergaderdatum'), not the letter's date."""
    gegeven_op: re.Pattern[str]
    """The words right before the date an advice was given ('op', 'd.d.')."""
    uitgebracht_zin: re.Pattern[str]
    plaats_tussenwoorden: tuple[str, ...]
    """Small words inside a place name ('Alphen aan den Rijn')."""
    maanden_extra: dict[str, int]
    """Month abbreviations Babel does not know ('sept')."""
    opmaak: dict[str, re.Pattern[str]]
    """Lines of page furniture left out of the text: a signature's description, a page number, a rule; and list items."""
    bijlagen_kop: re.Pattern[str]
    """The heading of a section that lists the attachments."""
    themas: dict[str, tuple[str, ...]]
    stopwoorden: frozenset[str]
    layouts: tuple[Layout, ...]
    soort_zinnen: dict[str, re.Pattern[str]]
    """Words that tell the kind of a letter (kind.py, evidence.py): name → pattern."""
    besluit_zinnen: dict[str, re.Pattern[str]]
    """Words of the college's verdict and of the date of the advice it answers (verdict.py): name → pattern."""
    namen_zinnen: dict[str, re.Pattern[str]]
    """Words around names: of a gemeente, a department, a person, a council, an advice (gemeente.py, sender.py …)."""


def _compile(pattern: str, where: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags)
    except re.error as err:
        raise RulesError(f"{RULES_FILE}: {where}: '{pattern}' is no regular expression ({err})") from None


def _either(patterns: list[str] | str, where: str, prefix: str = "", suffix: str = "", flags: int = re.IGNORECASE) -> re.Pattern[str]:
    patterns = patterns if isinstance(patterns, list) else [patterns]
    for number, pattern in enumerate(patterns, 1):
        _compile(pattern, f"{where} #{number}", flags)  # names the one pattern that is wrong
    return _compile(prefix + "(?:" + "|".join(f"(?:{pattern})" for pattern in patterns) + ")" + suffix, where, flags)


def _groups(data: dict[str, Any], where: str, prefix: str = "", suffix: str = "") -> dict[str, re.Pattern[str]]:
    return {key: _either(value, f"{where}.{key}", prefix, suffix) for key, value in data.items()}


def _with_council(groups: dict[str, list[str]], raden: list[str]) -> dict[str, list[str]]:
    """Put the names of councils where a pattern says {raad}."""
    council = "(?:" + "|".join(f"(?:{name})" for name in raden) + ")"
    return {key: [pattern.replace("{raad}", council) for pattern in patterns] for key, patterns in groups.items()}


def _with_parts(group: dict[str, Any]) -> dict[str, Any]:
    """Put a pattern of the group, as written, where another of the group says {its name} ('{adviesraad}')."""
    parts = {name: value for name, value in group.items() if isinstance(value, str)}

    def fill(pattern: str) -> str:
        for name, value in parts.items():
            pattern = pattern.replace("{" + name + "}", value)
        return pattern

    return {name: [fill(pattern) for pattern in value] if isinstance(value, list) else fill(value) for name, value in group.items()}


def _not_a_letter(data: dict[str, Any]) -> dict[str, NotALetterKind]:
    return {
        kind: NotALetterKind(
            beschrijving=entry["beschrijving"],
            waar=entry.get("waar", "begin_regel"),
            ook_in_brief=entry.get("ook_in_brief", False),
            patroon=_either(entry["patronen"], f"geen_brief.{kind}.patronen", flags=re.IGNORECASE | re.MULTILINE) if "patronen" in entry else None,
            ondertekening=_either(entry["ondertekening"], f"geen_brief.{kind}.ondertekening") if "ondertekening" in entry else None,
            minimaal=entry.get("minimaal", 1),
        )
        for kind, entry in data.items()
    }


def _layouts(data: dict[str, Any]) -> tuple[Layout, ...]:
    return tuple(
        Layout(
            naam=naam,
            herkenning=_either(entry["herkenning"], f"layouts.{naam}.herkenning", r"^\s*", r"\s*$"),
            labels=tuple((label, "cv") for label in entry.get("labels", [])),
            eigen_datum=entry.get("eigen_datum", True),
            soort=entry.get("soort"),
            stuktype=entry.get("stuktype"),
            tekst_begint=entry.get("tekst_begint", "aanhef"),
            datum_uit=_either(entry["datum_uit"], f"layouts.{naam}.datum_uit") if "datum_uit" in entry else None,
            artefacten=frozenset(entry.get("artefacten", [])),
        )
        for naam, entry in data.items()
    )


def check_rules(data: object) -> None:
    """Raise RulesError naming the key of the first thing in brieven.yml that its schema does not allow."""
    schema = json.loads(files("adviesregister.schemas").joinpath(SCHEMA_FILE).read_text(encoding="utf-8"))
    schema["required"] = list(schema["properties"])  # every key is required: a new key is one entry in the schema
    error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema).iter_errors(data))
    if error is not None:
        where = ".".join(str(part) for part in error.absolute_path) or "(the top of the file)"
        hint = " (a pattern with ': ' or starting with a quote must be in quotes)" if error.validator == "type" else ""
        raise RulesError(f"{RULES_FILE}: {where}: {error.message}{hint}")


def compile_rules(data: dict[str, Any]) -> Rules:
    """The rules from brieven.yml's data, after check_rules."""
    return Rules(
        raden=_either(data["raden"], "raden", r"(?<![\w-])"),
        college=_either(data["college"], "college", r"(?<![\w-])"),
        wethouder=_either(data["wethouder"], "wethouder", r"(?<![\w-])"),
        gemeenteraad=_either(data["gemeenteraad"], "gemeenteraad", r"(?<![\w-])", r"(?![\w-])"),
        regionaal=_either(data["regionaal"], "regionaal", r"(?<![\w-])", r"(?![\w-])"),
        aanhef=_groups(_with_council(data["aanhef"], data["raden"]), "aanhef", r"(?<![\w-])", r"\s*[,:]?"),
        aanhef_overig=_either(data["aanhef_overig"], "aanhef_overig", r"^\s*", r"\b"),
        slot=_either(data["slot"], "slot", r"^\s*", r"\b"),
        functies=_either(data["functies"], "functies", r"^\s*", r"\b,?"),
        datum_uitgebracht=_either(data["datum_uitgebracht"], "datum_uitgebracht"),
        geen_plaats=frozenset(data["datum_geen_plaats"]),
        titel_zonder_label=_either(data["titel_zonder_label"], "titel_zonder_label", r"^\s*"),
        advies_zinnen=_either(data["advies_zinnen"], "advies_zinnen"),
        na_ondertekening=_either(data["na_ondertekening"], "na_ondertekening", r"^\s*", r"\b"),
        ontkenning=_either(data["ontkenning"], "ontkenning", r"\b", r"\b"),
        geen_brief=_not_a_letter(data["geen_brief"]),
        stukken=_groups(data["stukken"], "stukken"),
        adviestype=_groups(data["adviestype"], "adviestype"),
        besluit=tuple((besluit, _either(patterns, f"besluit.{besluit}")) for besluit, patterns in data["besluit"].items()),
        besluit_ontkend_positief=_either(data["besluit_ontkend_positief"], "besluit_ontkend_positief"),
        kop_labels=tuple((label, field) for label, field in data["kop_labels"]),
        uitgebracht=_either(data["uitgebracht"], "uitgebracht", r"^\s*"),
        ter_attentie=_either(data["ter_attentie"], "ter_attentie", "^", r"\b"),
        geen_bijlage=_either(data["geen_bijlage"], "geen_bijlage", r"^\s*(?:", r")\s*\.?\s*$"),
        adres=_either(data["adres"], "adres", "^", "$"),
        label_achtig=_either(data["label_achtig"], "label_achtig", "^"),
        gegeven_op=_either(data["gegeven_op"], "gegeven_op", r"\b", r"\s*$"),
        uitgebracht_zin=_either(data["uitgebracht_zin"], "uitgebracht_zin", r"\b", r"\b"),
        plaats_tussenwoorden=tuple(data["plaats_tussenwoorden"]),
        maanden_extra=dict(data["maanden_extra"]),
        opmaak=_groups(data["opmaak"], "opmaak"),
        bijlagen_kop=_either(data["bijlagen_kop"], "bijlagen_kop", flags=0),
        themas={theme: tuple(words) for theme, words in data["themas"].items()},
        stopwoorden=frozenset(data["stopwoorden"]),
        layouts=_layouts(data["layouts"]),
        soort_zinnen=_groups(_with_parts(data["soort_zinnen"]), "soort_zinnen"),
        besluit_zinnen=_groups(_with_parts(data["besluit_zinnen"]), "besluit_zinnen"),
        namen_zinnen=_groups(data["namen_zinnen"], "namen_zinnen"),
        webpagina_meubilair=_either(data["webpagina"]["meubilair"], "webpagina.meubilair"),
        webpagina_datum=_either(data["webpagina"]["datum"], "webpagina.datum", r"^\s*", r"\s*"),
        aanbevelingen_inleiding=_either(data["aanbevelingen"]["inleiding"], "aanbevelingen.inleiding", "", r"\s*$"),
        aanbevelingen_kop=_either(data["aanbevelingen"]["kop"], "aanbevelingen.kop", r"\s*", r"\s*:?\s*"),
        aanbevelingen_genummerde_kop=_either(data["aanbevelingen"]["genummerde_kop"], "aanbevelingen.genummerde_kop", r"^\s*"),
        aanbevelingen_geen=_either(data["aanbevelingen"]["geen_aanbeveling"], "aanbevelingen.geen_aanbeveling"),
    )


def load_rules(text: str) -> Rules:
    """Rules from the text of a brieven.yml; RulesError for a file that is not one."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise RulesError(f"{RULES_FILE}: no valid YAML ({err})") from None
    check_rules(data)
    return compile_rules(data)


@cache
def rules() -> Rules:
    return load_rules(files("adviesregister.data").joinpath(RULES_FILE).read_text(encoding="utf-8"))
