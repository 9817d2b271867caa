"""The `adviesregister` command line. It only calls the library and turns results into Dutch text."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click
from mkdocs.exceptions import Abort, ConfigurationError

from .build import build_site
from .check import check_project
from .model import summarize_problems
from .project import Project

_ROOT = click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="De map van het project (met content/ en mkdocs.yml).",
)


def _guarded(command: Callable[..., Any]) -> Callable[..., Any]:
    """A bug in our own code gets a short Dutch message instead of a traceback (set ADVIESREGISTER_DEBUG=1 to see it)."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except Exception as err:
            if os.environ.get("ADVIESREGISTER_DEBUG"):
                raise
            click.echo(
                f"Er ging iets mis in Adviesregister zelf, niet in uw bestanden ({type(err).__name__}: {err}). Meld dit bij de beheerders van het archief.",
                err=True,
            )
            sys.exit(2)

    return wrapper


@click.group()
@click.version_option(package_name="adviesregister")
def main() -> None:
    """Adviesregister: adviezen van adviesraden sociaal domein en de reacties van het college."""


@main.command()
@_ROOT
@_guarded
def check(root: Path) -> None:
    """Controleer alle documenten en noem elk probleem met bestand en regel."""
    project = Project(root)
    archive, problems = check_project(project)
    for problem in problems:
        click.echo(str(problem))
    if problems:
        click.echo(summarize_problems(problems))
        sys.exit(1)
    click.echo(f"Geen problemen gevonden in {len(archive.documenten)} documenten.")


@main.command()
@_ROOT
@_guarded
def build(root: Path) -> None:
    """Controleer de documenten en bouw de site in site/."""
    logging.basicConfig(level=logging.WARNING, format="mkdocs: %(levelname)s: %(message)s")
    project = Project(root)
    try:
        result = build_site(project)
    except (Abort, ConfigurationError) as err:
        click.echo(f"De site kon niet gebouwd worden: {err}", err=True)
        sys.exit(1)
    if result.problems:
        for problem in result.problems:
            click.echo(str(problem), err=True)
        click.echo(f"{summarize_problems(result.problems)} Site niet gebouwd.", err=True)
        sys.exit(1)
    click.echo(f"Site gebouwd in site/: {result.documenten} documenten, {result.paginas} pagina's, {result.seconden:.1f} s.")
