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
    """Asks for one open field of the letter `file` (set by the command line before each letter)."""

    gemeenten: dict[str, Gemeente]
    file: str = ""

    def __call__(self, field: str, decisions: list[Decision], lines: list[str]) -> Any:
        """The person's value for `field` (a Datum for datum, a short name for gemeente), or None: left open."""
        click.echo(f"\n{self.file}: de import vond '{field}' niet zeker in de brief.")
        if not decisions:
            click.echo("  - de brief zegt het niet met woorden die de import kent.")
        for decision in decisions:
            click.echo(f"  - {decision.message}")
            if decision.line and 0 < decision.line <= len(lines):
                click.echo(f"    regel {decision.line}: {lines[decision.line - 1].strip()}")
        return self._asker(field)()

    def _asker(self, field: str) -> Callable[[], Any]:
        if field in CHOICES:
            return lambda: ask_choice(field, CHOICES[field])
        if field == "datum":
            return lambda: click.prompt("datum? (JJJJ-MM-DD, JJJJ-MM of JJJJ; leeg = overslaan)", default="", show_default=False, type=DatumAnswer())
        if field == "gemeente":
            prompt = "gemeente? (korte naam of naam uit content/gemeenten.yml; leeg = overslaan)"
            return lambda: click.prompt(prompt, default="", show_default=False, type=GemeenteAnswer(self.gemeenten))
        return lambda: None


def ask_choice(field: str, choices: dict[str, str]) -> str | None:
    """`soort? [a]dvies [r]eactie [s]tuk [o]verslaan`: the chosen value, or None for overslaan."""
    shown = " ".join(f"[{key}]{value[1:]}" if value.startswith(key) else f"[{key}] {value}" for key, value in choices.items())
    antwoord = click.prompt(f"{field}? {shown} [{SKIP}]verslaan", type=click.Choice([*choices, SKIP], case_sensitive=False), show_choices=False)
    return choices.get(str(antwoord).lower())
