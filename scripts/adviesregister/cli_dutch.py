"""click's frame in Dutch: usage lines, help texts and error messages of every `adviesregister` command.

click writes each of its messages through gettext (`from gettext import gettext as _` in every module), but gettext
picks a catalogue by the environment's language and a compiled .mo file, and a secretary's computer may say
`LANG=C`. So the Dutch catalogue lives here as data (`CATALOGUE`, click's own message ids, `PLURALS` for
`ngettext`), in a `gettext.NullTranslations`, and `install()` binds click's modules to it. The words click writes
without gettext (`[OPTIONS]`, `COMMAND [ARGS]...`, the metavar `TEXT`) come from `DutchGroup` and `DutchFormatter`.

`tests/test_cli_nederlands.py` reads every message id in the installed click and fails on one that is neither here
nor in `DEVELOPER_ONLY`, so an upgrade of click cannot bring English back unnoticed.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterable
from typing import Any

import click

CATALOGUE: dict[str, str] = {
    # usage and help
    "Usage:": "Gebruik:",
    "Options": "Opties",
    "Commands": "Opdrachten",
    "Positional arguments": "Argumenten",
    "Show this message and exit.": "Toon deze uitleg en stop.",
    "Show the version and exit.": "Toon de versie en stop.",
    "%(prog)s, version %(version)s": "%(prog)s, versie %(version)s",
    "default: {default}": "standaard: {default}",
    "env var: {var}": "omgevingsvariabele: {var}",
    "required": "verplicht",
    "(dynamic)": "(wisselend)",
    "deprecated": "verouderd",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}": "Let op: de opdracht {name!r} verdwijnt binnenkort.{extra_message}",
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}": "Let op: {name!r} verdwijnt binnenkort.{extra_message}",
    # errors
    "Error: {message}": "Fout: {message}",
    "Try '{command} {option}' for help.": "Uitleg: typ '{command} {option}'.",
    "Aborted!": "Afgebroken.",
    "unknown error": "onbekende fout",
    "Invalid value for {param_hint}: {message}": "De waarde bij {param_hint} klopt niet: {message}",
    "Invalid value: {message}": "De waarde klopt niet: {message}",
    "Missing argument": "Er ontbreekt een argument:",
    "Missing option": "Er ontbreekt een optie:",
    "Missing parameter": "Er ontbreekt een waarde:",
    "Missing {param_type}": "Er ontbreekt een {param_type}:",
    "Missing parameter: {param_name}": "Er ontbreekt een waarde: {param_name}",
    "Missing command.": "Er ontbreekt een opdracht. Kies er een uit de lijst hieronder.",
    "No such option {name!r}.": "De optie {name!r} bestaat niet.",
    "No such command {name!r}.": "De opdracht {name!r} bestaat niet.",
    "Option {name!r} does not take a value.": "Achter de optie {name!r} hoort geen waarde.",
    "Invalid start character for option ({option})": "Zo kan een optie niet beginnen ({option}).",
    "Argument {name!r} takes {nargs} values.": "Het argument {name!r} krijgt {nargs} waarden.",
    "Value must be an iterable.": "De waarde moet een lijst zijn.",
    "Could not open file {filename!r}: {message}": "Het bestand {filename!r} kan niet geopend worden: {message}",
    "Choose from:\n\t{choices}": "Kies uit:\n\t{choices}",
    "Choice({choices})": "Keuze({choices})",
    "file": "bestand",
    "directory": "map",
    "path": "pad",
    "{name} {filename!r} does not exist.": "{name} {filename!r} bestaat niet. Kijk of de naam goed gespeld is en of u in de goede map staat.",
    "{name} {filename!r} is a file.": "{name} {filename!r} is een bestand; hier hoort een map.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} is een map; hier hoort een bestand.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} mag niet gelezen worden (rechten).",
    "{name} {filename!r} is not writable.": "In {name} {filename!r} mag niet geschreven worden (rechten).",
    "{name} {filename!r} is not executable.": "{name} {filename!r} kan niet uitgevoerd worden.",
    "{value!r} is not a valid {number_type}.": "{value!r} is geen geldig getal.",
    "{value} is not in the range {range}.": "{value} ligt buiten het bereik {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": "{value!r} is geen ja of nee. Mogelijk: {states}",
    "{value!r} is not a valid UUID.": "{value!r} is geen geldige UUID.",
    # prompts
    "Do you want to continue?": "Wilt u doorgaan?",
    "Confirm the action without prompting.": "Bevestig zonder het te vragen.",
    "Repeat for confirmation": "Herhaal ter controle",
    "Error: The two entered values do not match.": "Fout: de twee ingevoerde waarden zijn niet gelijk.",
    "Error: invalid input": "Fout: dit kan niet als invoer",
    "Press any key to continue...": "Druk op een toets om verder te gaan...",
    "{editor}: Editing failed": "{editor}: bewerken lukte niet",
    "{editor}: Editing failed: {e}": "{editor}: bewerken lukte niet: {e}",
}
"""click's message ids (as its source writes them) and their Dutch text."""

PLURALS: dict[tuple[str, str], tuple[str, str]] = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"): (
        "Er staat een argument te veel ({args}). Staat er een spatie in een naam? Zet de naam dan tussen aanhalingstekens.",
        "Er staan argumenten te veel ({args}). Staat er een spatie in een naam? Zet de naam dan tussen aanhalingstekens.",
    ),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"): ("Bedoelt u {possibility}?", "(Bedoelt u een van deze: {possibilities}?)"),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."): (
        "Achter de optie {name!r} hoort een waarde.",
        "Achter de optie {name!r} horen {nargs} waarden.",
    ),
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."): (
        "Hier horen {nargs} waarden bij, maar er is er 1 gegeven.",
        "Hier horen {nargs} waarden bij, maar er zijn er {len} gegeven.",
    ),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."): (
        "{value!r} kan hier niet: het moet {choice} zijn.",
        "{value!r} kan hier niet. Kies uit: {choices}.",
    ),
    ("{value!r} does not match the format {format}.", "{value!r} does not match the formats {formats}."): (
        "{value!r} heeft niet de vorm {format}.",
        "{value!r} heeft geen van de vormen {formats}.",
    ),
    ("{len_type} values are required, but {len_value} was given.", "{len_type} values are required, but {len_value} were given."): (
        "Er zijn {len_type} waarden nodig, maar er is er {len_value} gegeven.",
        "Er zijn {len_type} waarden nodig, maar er zijn er {len_value} gegeven.",
    ),
}
"""click's `ngettext` pairs (singular, plural) and their Dutch pair."""

DEVELOPER_ONLY = frozenset(
    {
        "Name '{name}' defined twice",
        "Could not determine name for option with declarations {decls!r}",
        "No options defined but a name was passed ({name}). Did you mean to declare an argument instead? Did you mean to pass '--{name}'?",
        "Arguments take exactly one parameter declaration, got {length}: {decls}.",
        "Boolean option {decl!r} cannot use the same flag for true/false.",
        "Unknown color {colour!r}",
        "Unknown standard stream '{name}'",
        "Windows error: {error}",
        "Couldn't detect Bash version, shell completion is not supported.",
        "Shell completion is not supported for Bash versions older than 4.4.",
        "d",
    }
)
"""click's messages a secretary never meets: mistakes in our own code, Windows, colours, shell completion."""

METAVARS = {"TEXT": "TEKST", "INTEGER": "GETAL", "FLOAT": "GETAL", "BOOLEAN": "JA|NEE", "FILENAME": "BESTAND", "UUID": "UUID"}
"""The names click gives its types in a usage line or an option's row (`--gemeente TEXT`), without gettext."""
_METAVAR_RE = re.compile(r"\b(" + "|".join(METAVARS) + r")\b")
_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types", "utils", "_termui_impl")


class DutchTranslations(gettext.NullTranslations):
    """The catalogue above as gettext translations; a message it lacks stays as click wrote it."""

    def gettext(self, message: str) -> str:
        return CATALOGUE.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        singular, plural = PLURALS.get((msgid1, msgid2), (msgid1, msgid2))
        return singular if n == 1 else plural


TRANSLATIONS = DutchTranslations()


def install() -> None:
    """Bind click's modules to the Dutch catalogue; before any click.Path is made (its name, 'file', is translated then)."""
    import importlib

    for name in _MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = TRANSLATIONS.gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = TRANSLATIONS.ngettext  # type: ignore[attr-defined]


def _dutch_metavars(text: str) -> str:
    return _METAVAR_RE.sub(lambda match: METAVARS[match[1]], text)


class DutchFormatter(click.HelpFormatter):
    """The help page with Dutch names for click's types (`--gemeente TEKST`)."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, _dutch_metavars(args), prefix)

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(_dutch_metavars(first), second) for first, second in rows], col_max, col_spacing)


class DutchContext(click.Context):
    formatter_class = DutchFormatter


class DutchCommand(click.Command):
    """A command whose help says `[OPTIES]`."""

    context_class = DutchContext

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPTIES]")
        super().__init__(*args, **kwargs)


class DutchGroup(click.Group):
    """The `adviesregister` group: its commands (and groups under it) are Dutch too."""

    context_class = DutchContext
    command_class = DutchCommand
    group_class = type

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPTIES]")
        kwargs.setdefault("subcommand_metavar", "OPDRACHT [ARGUMENTEN]...")
        super().__init__(*args, **kwargs)
