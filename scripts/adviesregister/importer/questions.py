"""Asking a person in a terminal for the fields the import could not read from a letter, with click's prompts.

Only the command line makes a `TerminalQuestions`, and only when stdin and stdout are a terminal and --geen-vragen is
not given: a script, a pipe or CI never waits for an answer. Each question shows why the import abstained (the
decisions on the field, with the line of the letter they came from) and the choices; a wrong answer is asked again,
with why; an empty answer or [o]verslaan leaves the field open, as without questions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import click

from adviesregister.content.gemeenten_schrijven import GemeenteError, resolve_gemeente
from adviesregister.content.model import Datum, DatumError, Gemeente
from adviesregister.importer.findings import Decision

SKIP = "o"
"""The answer that leaves a field open."""

CHOICES: dict[str, dict[str, str]] = {
    "soort": {"a": "advies", "r": "reactie", "s": "stuk"},
    "besluit": {"1": "overgenomen", "2": "deels overgenomen", "3": "niet overgenomen", "4": "kennisgenomen"},
    "adviestype": {"1": "gevraagd", "2": "ongevraagd"},
}
"""The fields answered by a choice: key → value (a value of the schema's enum)."""


class DatumAnswer(click.ParamType[Datum | None]):
    """A date as the schema writes it (JJJJ-MM-DD, JJJJ-MM or JJJJ); empty: no date."""

    name = "datum"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Datum | None:
        if isinstance(value, Datum) or value is None:
            return value
        text = str(value).strip()
        if not text:
            return None
        try:
            return Datum.parse(text)
        except DatumError as err:
            self.fail(f"{err}. Typ de datum als JJJJ-MM-DD, JJJJ-MM of JJJJ, of laat het leeg.", param, ctx)


@dataclass
class GemeenteAnswer(click.ParamType[str | None]):
    """A gemeente of the archive, by its short name or its name in content/gemeenten.yml; empty: none."""

    gemeenten: dict[str, Gemeente]
    name = "gemeente"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str | None:
        text = str(value or "").strip()
        if not text:
            return None
        try:
            return resolve_gemeente(text, self.gemeenten)
        except GemeenteError as err:
            self.fail(f"{err} Of laat het leeg.", param, ctx)


@dataclass
class TerminalQuestions:
    """Asks for one open field of the letter `bestand` (set by the command line before each letter)."""

    gemeenten: dict[str, Gemeente]
    bestand: str = ""

    def __call__(self, veld: str, decisions: list[Decision], regels: list[str]) -> Any:
        """The person's value for `veld` (a Datum for datum, a short name for gemeente), or None: left open."""
        click.echo(f"\n{self.bestand}: de import vond '{veld}' niet zeker in de brief.")
        if not decisions:
            click.echo("  - de brief zegt het niet met woorden die de import kent.")
        for decision in decisions:
            click.echo(f"  - {decision.bericht}")
            if decision.regel and 0 < decision.regel <= len(regels):
                click.echo(f"    regel {decision.regel}: {regels[decision.regel - 1].strip()}")
        return self._asker(veld)()

    def _asker(self, veld: str) -> Callable[[], Any]:
        if veld in CHOICES:
            return lambda: ask_choice(veld, CHOICES[veld])
        if veld == "datum":
            return lambda: click.prompt("datum? (JJJJ-MM-DD, JJJJ-MM of JJJJ; leeg = overslaan)", default="", show_default=False, type=DatumAnswer())
        if veld == "gemeente":
            prompt = "gemeente? (korte naam of naam uit content/gemeenten.yml; leeg = overslaan)"
            return lambda: click.prompt(prompt, default="", show_default=False, type=GemeenteAnswer(self.gemeenten))
        return lambda: None


def ask_choice(veld: str, choices: dict[str, str]) -> str | None:
    """`soort? [a]dvies [r]eactie [s]tuk [o]verslaan`: the chosen value, or None for overslaan."""
    shown = " ".join(f"[{key}]{value[1:]}" if value.startswith(key) else f"[{key}] {value}" for key, value in choices.items())
    antwoord = click.prompt(f"{veld}? {shown} [{SKIP}]verslaan", type=click.Choice([*choices, SKIP], case_sensitive=False), show_choices=False)
    return choices.get(str(antwoord).lower())
