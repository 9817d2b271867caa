"""The `adviesregister` command line. It only calls the library and turns results into Dutch text."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable
from contextlib import nullcontext
from functools import wraps
from pathlib import Path
from typing import Any

import click

from adviesregister import cli_dutch
from adviesregister.base.atomic import ArchiveBusyError, WriteError, failure_reason
from adviesregister.base.errors import AdviesregisterError, OptionError, RefusedError
from adviesregister.base.folders import EXPORT_MARKER, OFFLINE_MARKER, out_problem, remove_links, root_problem, write_marker
from adviesregister.content.gemeenten_schrijven import GemeenteError, add_gemeente
from adviesregister.content.launch import example_settings
from adviesregister.content.load import load_archive
from adviesregister.content.model import DEFAULT_REACTIETERMIJN_WEKEN, Problem, format_problems
from adviesregister.content.prepared import Prepared
from adviesregister.content.project import Project
from adviesregister.importer.batch import Row, format_table, write_table
from adviesregister.importer.fill_in import TableError, fill_in
from adviesregister.importer.options import datum_option, gemeente_option
from adviesregister.importer.questions import TerminalQuestions
from adviesregister.importer.report import format_report, record_json
from adviesregister.importer.run import Options, Written, failures, read_letters, write_letters
from adviesregister.importer.template import new_for_archive, write_new
from adviesregister.inbox import INBOX, InboxError, run_inbox
from adviesregister.inbox_rapport import Links, format_inbox_report
from adviesregister.new_archive import Council, find_gemeente, folder_problem, write_archive
from adviesregister.opendata.files import export_open_data
from adviesregister.pipeline import build_site, prepare
from adviesregister.preview import serve_preview
from adviesregister.site.engine import built_site_folder
from adviesregister.site.guide import contributing_text
from adviesregister.site.offline import make_offline_copy

cli_dutch.install()  # before the options below are made: click.Path names its kind ('bestand') when it is made

_ROOT = click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="De map van het project (met content/ en mkdocs.yml).",
)


def _guarded(command: Callable[..., Any]) -> Callable[..., Any]:
    """The one place where our errors become output: the message on stderr and the error's exit code. A bug in our own
    code gets a short Dutch message instead of a traceback (set ADVIESREGISTER_DEBUG=1 to see it)."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except OptionError as err:  # shown as click shows a wrong option: usage, the option, exit code 2
            raise click.BadParameter(str(err), param_hint=err.option) from None
        except AdviesregisterError as err:  # ours: the whole Dutch message, and the exit code the error carries
            click.echo(err.for_person(), err=True)
            sys.exit(err.exit_code)
        except Exception as err:
            if os.environ.get("ADVIESREGISTER_DEBUG"):
                raise
            click.echo(
                f"Er ging iets mis in Adviesregister zelf, niet in uw bestanden ({type(err).__name__}: {err}). Meld dit bij de beheerders van het archief.",
                err=True,
            )
            sys.exit(2)

    return wrapper


def _project(root: Path, config: bool = True) -> Project:
    """The archive at --root; a folder that is no archive (no real content/ folder; no mkdocs.yml when the command
    reads it) is refused before anything is read or written: a Dutch message and exit code 1."""
    problem = root_problem(root, config)
    if problem is not None:
        raise RefusedError(problem)
    return Project(root)


def _out_folder(project: Project, out: Path, marker: str, command: str, own: Path | None = None, source: Path | None = None) -> Path:
    """--out, relative to the project; refused (a Dutch message, exit code 1, nothing touched) when it is the project,
    a part of the archive, or a folder with something in it that this command did not make."""
    target = out if out.is_absolute() else project.root / out
    problem = out_problem(project.root, target, marker, command, own, source)
    if problem is not None:
        raise RefusedError(problem)
    return target


def _stop_on(problems: list[Problem], closing: str = "", github: bool = False, err: bool = True) -> None:
    """Print every problem and how many there are, and stop with exit code 1; nothing when there are none."""
    if problems:
        click.echo(format_problems(problems, closing, github), err=err)
        sys.exit(1)


def _prepared(project: Project, closing: str = "", github: bool = False, err: bool = True) -> Prepared:
    """The checked, derived archive; or every problem printed and exit code 1."""
    prepared, problems = prepare(project)
    _stop_on(problems, closing, github, err)
    assert prepared is not None  # prepare gives one or the other
    return prepared


@click.group(name="adviesregister", cls=cli_dutch.DutchGroup)
@click.version_option(package_name="adviesregister")
def main() -> None:
    """Adviesregister: adviezen van adviesraden sociaal domein en de reacties van het college."""


@main.command()
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "github"]),
    default="text",
    show_default=True,
    help="'github': als meldingen (annotations) op de gewijzigde regels van een pull request.",
)
@_ROOT
@_guarded
def check(output: str, root: Path) -> None:
    """Controleer alle documenten en noem elk probleem met bestand en regel."""
    project = _project(root, config=False)
    prepared = _prepared(project, github=output == "github", err=False)
    warnings = example_settings(project)  # build refuses these; check only warns (content/launch.py)
    for warning in warnings:
        click.echo(warning.github_annotation("warning") if output == "github" else f"{warning} (waarschuwing: zo bouwt de site niet)")
    count = len(prepared.archive.documents)
    nog = f" Wel {len(warnings)} {'waarschuwing' if len(warnings) == 1 else 'waarschuwingen'} hierboven: los die op voor u de site bouwt." if warnings else ""
    click.echo(f"Geen problemen gevonden in {count} {'document' if count == 1 else 'documenten'}.{nog}")


@main.command()
@_ROOT
@_guarded
def build(root: Path) -> None:
    """Controleer de documenten en bouw de site in site/."""
    logging.basicConfig(level=logging.WARNING, format="mkdocs: %(levelname)s: %(message)s")
    project = _project(root)
    try:
        result = build_site(project)
    except OSError as err:  # the disk, not the archive
        waar = f" ({err.filename})" if err.filename else ""
        raise RefusedError(f"De site kon niet geschreven worden{waar}: {failure_reason(err)}. De vorige site in site/ is niet veranderd.") from None
    _stop_on(result.problems, "Site niet gebouwd.")
    for waarschuwing in result.warnings:
        click.echo(waarschuwing, err=True)
    click.echo(f"Site gebouwd in site/: {result.documents} documenten, {result.pages} pagina's, {result.seconds:.1f} s.")


@main.command("import")
@click.argument("files", nargs=-1, metavar="BESTANDEN...", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--soort", type=click.Choice(["advies", "reactie", "stuk"]), help="De soort, voor de brieven die haar niet zelf laten zien.")
@click.option("--gemeente", help="De gemeente (korte naam of naam uit content/gemeenten.yml), voor de brieven die haar niet noemen.")
@click.option("--datum", help="De datum (JJJJ-MM-DD, JJJJ-MM of JJJJ), voor de brieven die die niet noemen.")
@click.option("--dry-run", is_flag=True, help="Niets schrijven; alleen laten zien wat er geschreven zou worden.")
@click.option("--json", "as_json", is_flag=True, help="De records als JSON afdrukken (met --dry-run).")
@click.option(
    "--force",
    is_flag=True,
    help="Bestaande bestanden overschrijven. Staat de brief al in het archief, dan schrijft de import opnieuw wat hij eerder schreef en niemand veranderde; wat een mens invulde of veranderde, blijft staan.",
)
@click.option("--toch", is_flag=True, help="Ook een tekst die geen brief lijkt (een webbericht, verslag of jaarverslag) als document importeren.")
@click.option(
    "--ocr/--geen-ocr",
    default=None,
    help="Tekstherkenning (OCR, met Tesseract): --ocr leest elke PDF uit zijn afbeeldingen, ook een PDF met tekst; --geen-ocr nooit. "
    "Zonder deze optie krijgt alleen een gescande PDF (zonder tekst) OCR.",
)
@click.option("--geen-vragen", is_flag=True, help="Niets vragen, ook niet in een terminal: wat de import niet weet, blijft open.")
@click.option(
    "--tabel",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Schrijf het overzicht ook als CSV-bestand (voor Excel), om de open velden in te vullen en terug te geven met --aanvullen.",
)
@click.option(
    "--aanvullen",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Vul de open velden van de documenten in uit een tabel van --tabel, ingevuld in Excel. Wat er al staat, blijft staan.",
)
@_ROOT
@_guarded
def import_(
    files: tuple[Path, ...],
    soort: str | None,
    gemeente: str | None,
    datum: str | None,
    dry_run: bool,
    as_json: bool,
    force: bool,
    toch: bool,
    ocr: bool | None,
    geen_vragen: bool,
    tabel: Path | None,
    aanvullen: Path | None,
    root: Path,
) -> None:
    """Zet brieven (PDF, Word, HTML, tekst) om in documenten in content/, met per veld waar het vandaan komt."""
    project = _project(root, config=False)
    if aanvullen is not None:
        _fill_in(project, aanvullen, files)
        return
    if not files:  # required, unless --aanvullen names the documents
        ctx = click.get_current_context()
        raise click.MissingParameter(ctx=ctx, param=next(param for param in ctx.command.params if param.name == "files"))
    vaste_datum = datum_option(datum)
    archive, _ = load_archive(project)
    options = Options(gemeente_option(gemeente, archive.gemeenten) if gemeente is not None else None, vaste_datum, soort, toch, ocr)
    interactive = not (geen_vragen or as_json) and sys.stdin.isatty() and sys.stdout.isatty()
    vraag = TerminalQuestions(archive.gemeenten) if interactive else None
    show_bar = len(files) > 1 and not as_json and vraag is None
    with click.progressbar(files, label="Brieven lezen", file=sys.stderr, show_pos=True) if show_bar else nullcontext(files) as bar:
        batch = read_letters(project, archive, bar, options, vraag, refused=lambda refusal: click.echo(f"{refusal.path}: {refusal.message()}", err=True))
    written = write_letters(project, batch, force, dry_run)
    if as_json:
        click.echo(json.dumps([record_json(result) for result in batch.results], ensure_ascii=False, indent=2, sort_keys=True))
    _show_written(written, reports=not as_json, force=force and not dry_run)
    if len(files) > 1 and not as_json:
        click.echo("\n" + format_table(batch.rows))
    if tabel is not None:
        _write_table(tabel, batch.rows)
    if failures(batch, written):
        sys.exit(1)


def _show_written(written: list[Written], reports: bool, force: bool) -> None:
    """Per letter its report (what was read, with evidence) and what was written; a refused write on stderr."""
    for item in written:
        if reports:
            click.echo(format_report(item.result, force=force))
        if item.error is not None:
            click.echo(f"{item.result.file}: {item.error}", err=True)
        elif reports and not item.overgeslagen:
            for path in item.paden:
                click.echo(f"  geschreven: {path}")
            if item.result.houder is not None and not item.paden:
                click.echo(f"  niets veranderd: {item.result.houder} had dit al.")


@main.command()
@click.option("--map", "folder", default=INBOX, show_default=True, help="De map (in het project) waarin de nieuwe brieven staan.")
@click.option(
    "--rapport", type=click.Path(dir_okay=False, path_type=Path), help="Schrijf het verslag (Markdown, voor een reactie in de pull request) in dit bestand."
)
@click.option("--commit", is_flag=True, help="Leg precies de geschreven en verwijderde bestanden vast in één git-commit.")
@click.option(
    "--repo",
    envvar="ADVIESREGISTER_REPO_URL",
    help="Het webadres van de repository (https://github.com/eigenaar/archief), voor de links in het verslag. "
    "Standaard uit GITHUB_SERVER_URL en GITHUB_REPOSITORY; zonder: links als pad.",
)
@click.option("--branch", envvar="GITHUB_HEAD_REF", help="De branch van de pull request, voor de links in het verslag (standaard GITHUB_HEAD_REF).")
@_ROOT
@_guarded
def inbox(folder: str, rapport: Path | None, commit: bool, repo: str | None, branch: str | None, root: Path) -> None:
    """Lees elke brief in nieuw/ in (zonder vragen), zet de documenten in content/ en haal de brieven uit nieuw/."""
    project = _project(root, config=False)
    try:
        outcome = run_inbox(project, folder, commit)
    except InboxError as err:
        raise InboxError(f"{err} Er is niets vastgelegd.") from None
    repo = repo or _github_repo()
    text = format_inbox_report(project, outcome, Links(repo, branch), folder)
    if rapport is not None:
        try:
            rapport.write_text(text, encoding="utf-8")
        except OSError as err:
            raise RefusedError(f"Kon het verslag {rapport} niet schrijven: {failure_reason(err)}.") from None
    for brief in outcome.brieven:
        if brief.error is not None:
            click.echo(f"{brief.file}: {brief.error}", err=True)
        else:
            click.echo(f"{brief.file} → {', '.join(brief.geschreven) or 'stond al in het archief'}")
    if not outcome.brieven:
        click.echo(f"Niets nieuws in {folder}/.")
    elif outcome.commit:
        click.echo(f"Vastgelegd in commit {outcome.commit[:7]}.")
    if outcome.mislukt:
        sys.exit(1)


def _github_repo() -> str | None:
    """The repository's web address as GitHub Actions names it, or None outside Actions."""
    server, repository = os.environ.get("GITHUB_SERVER_URL"), os.environ.get("GITHUB_REPOSITORY")
    return f"{server.rstrip('/')}/{repository}" if server and repository else None


def _write_table(tabel: Path, rows: list[Row]) -> None:
    try:
        write_table(tabel, rows)
    except OSError as err:
        raise RefusedError(f"Kon de tabel {tabel} niet schrijven: {failure_reason(err)}.") from None
    click.echo(
        f"Tabel geschreven: {tabel}. Vul de lege cellen in (Excel mag hem opslaan als CSV) en draai daarna: adviesregister import --aanvullen {tabel}", err=True
    )


def _fill_in(project: Project, tabel: Path, files: tuple[Path, ...]) -> None:
    """import --aanvullen: the table read back; every refused row named; exit code 1 when one was refused."""
    if files:
        raise click.UsageError("Geef met --aanvullen geen brieven: de tabel noemt de documenten.")
    archive, _ = load_archive(project)
    try:
        result = fill_in(project, archive.gemeenten, tabel.read_bytes(), str(tabel))
    except (TableError, ArchiveBusyError) as err:
        raise RefusedError(f"{err} Er is niets geschreven.") from None
    except WriteError as err:
        raise RefusedError(f"Kon {project.relative(err.path)} niet schrijven: {err.reason}. Er is niets geschreven.") from None
    for item in result.ingevuld:
        click.echo(f"ingevuld: {item}")
    for item in result.opmerkingen:
        click.echo(f"let op: {item}")
    for item in result.niet_gebruikt:
        click.echo(f"niet gebruikt: {item}", err=True)
    for item in result.geweigerd:
        click.echo(f"geweigerd: {item}", err=True)
    click.echo(f"{len(result.geschreven)} {'document' if len(result.geschreven) == 1 else 'documenten'} aangevuld, {len(result.geweigerd)} regels geweigerd.")
    if result.geweigerd:
        sys.exit(1)


@main.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("site/open-data"), show_default=True, help="De map voor de bestanden.")
@_ROOT
@_guarded
def export(out: Path, root: Path) -> None:
    """Schrijf de open data (JSON, CSV, Excel, SQLite, schema, beschrijvingen, controlegetallen)."""
    project = _project(root)
    site = project.root / "site"
    target = _out_folder(project, out, EXPORT_MARKER, "export", own=site)
    prepared = _prepared(project, "Open data niet geschreven.")
    remove_links(target)  # the files are written in place: never through a link
    result = export_open_data(prepared, target)
    if not target.resolve().is_relative_to(site.resolve()):  # the build's site/ is replaced whole by the next build
        write_marker(target, EXPORT_MARKER)
    for waarschuwing in prepared.history.warnings:  # a commit time held to [1970, today], as build says
        click.echo(waarschuwing, err=True)
    click.echo(f"Open data geschreven in {out}: {len(result.records)} documenten, {len(result.files)} bestanden.")


@main.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("voorbeeld"), show_default=True, help="De map voor de kopie.")
@_ROOT
@_guarded
def offline(out: Path, root: Path) -> None:
    """Maak van de gebouwde site een kopie die werkt vanaf uw eigen computer: de voorbeeldsite (open index.html)."""
    project = _project(root)
    site = built_site_folder(project)
    if site.is_symlink() or not (site / "index.html").is_file():
        raise RefusedError(f"Er is nog geen gebouwde site in {site}. Bouw hem eerst met: make site")
    target = _out_folder(project, out, OFFLINE_MARKER, "offline", source=site)
    pages = make_offline_copy(site, target)
    click.echo(f"Voorbeeldsite geschreven in {out}: {pages} pagina's. Open {out / 'index.html'} in uw browser.")


@main.command()
@click.argument("soort", type=click.Choice(["advies", "reactie", "stuk"]))
@click.option("--gemeente", required=True, help="De gemeente: haar korte naam of naam uit content/gemeenten.yml, bijvoorbeeld 'oss' of 'Oss'.")
@click.option("--titel", required=True, help="De titel of het onderwerp van de brief.")
@click.option("--datum", help="De datum van de brief: JJJJ-MM-DD (of JJJJ-MM, JJJJ).")
@click.option("--reactie-op", "reactie_op", help="Bij een reactie: de id van het advies waarop zij antwoordt (bij een stuk: waar het bij hoort).")
@_ROOT
@_guarded
def new(soort: str, gemeente: str, titel: str, datum: str | None, reactie_op: str | None, root: Path) -> None:
    """Maak een nieuw document om in te vullen, met uitleg bij elk veld."""
    project = _project(root, config=False)
    archive, _ = load_archive(project)
    relative, text = new_for_archive(archive, soort, gemeente, titel, datum, reactie_op)
    try:
        write_new(project.root, relative, text)
    except FileExistsError:
        raise RefusedError(f"{relative} bestaat al. Er is niets geschreven; kies een andere titel of open het bestaande bestand.") from None
    except WriteError as err:
        raise RefusedError(f"Kon {relative} niet schrijven: {err.reason}. Er is niets geschreven.") from None
    click.echo(f"Geschreven: {relative}")
    click.echo("Vul de velden in (de uitleg staat erboven), zet de tekst van de brief onder de tweede regel ---, en draai daarna 'adviesregister check'.")


@main.group()
def gemeente() -> None:
    """De gemeenten van het archief (content/gemeenten.yml)."""


@gemeente.command()
@click.argument("naam")
@click.option("--adviesraad", required=True, help="De naam van de adviesraad, zoals hij die zelf schrijft.")
@click.option("--afkorting", "afkortingen", multiple=True, help="Een afkorting waarmee brieven de adviesraad noemen, zoals ASD (mag vaker).")
@click.option("--website", help="De website van de adviesraad (https://…).")
@click.option("--contact", help="Een functionele mailbox (secretariaat@…) of het webadres van een contactformulier; nooit het adres van een persoon.")
@click.option(
    "--reactietermijn", type=click.IntRange(1, 104), default=DEFAULT_REACTIETERMIJN_WEKEN, show_default=True, help="Weken die het college heeft om te reageren."
)
@click.option("--sleutel", help="De korte naam in gemeente: van elk document (standaard gemaakt uit de naam, zoals 's-hertogenbosch).")
@_ROOT
@_guarded
def toevoegen(
    naam: str, adviesraad: str, afkortingen: tuple[str, ...], website: str | None, contact: str | None, reactietermijn: int, sleutel: str | None, root: Path
) -> None:
    """Voeg een gemeente toe aan content/gemeenten.yml, opgezocht in de lijst van het CBS (NAAM zoals het CBS hem schrijft)."""
    project = _project(root, config=False)
    try:
        added = add_gemeente(project.gemeenten_file, naam, adviesraad, afkortingen, website, contact, reactietermijn, sleutel)
    except GemeenteError as err:
        raise GemeenteError(f"Gemeente niet toegevoegd: {err}") from None
    except WriteError as err:
        raise RefusedError(f"Kon content/gemeenten.yml niet schrijven: {err.reason}. Er is niets geschreven.") from None
    click.echo(f"Toegevoegd aan content/gemeenten.yml: {added.naam} ({added.cbs_code}) onder de korte naam {added.slug}:")
    click.echo(added.blok.rstrip("\n"))
    click.echo(f"Gebruik 'gemeente: {added.slug}' in de documenten van deze gemeente, en draai daarna 'adviesregister check'.")


@main.command()
@click.option("--poort", type=click.IntRange(1, 65535), default=8000, show_default=True, help="De poort: het voorbeeld staat op http://127.0.0.1:POORT/.")
@_ROOT
@_guarded
def serve(poort: int, root: Path) -> None:
    """Bekijk de site terwijl u werkt: een voorbeeld dat zichzelf bijwerkt als u een bestand opslaat. Problemen staan bovenaan elke pagina."""
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    serve_preview(_project(root), poort)


@main.command(hidden=True)
@_ROOT
@_guarded
def docs(root: Path) -> None:
    """Regenerate CONTRIBUTING.md from the publishing guide (the site's Publiceren page) and the developer notes."""
    root = _project(root).root
    (root / "CONTRIBUTING.md").write_text(contributing_text(), encoding="utf-8")
    click.echo("CONTRIBUTING.md bijgewerkt.")


@main.command()
@click.argument("folder", metavar="MAP", type=click.Path(file_okay=False, path_type=Path))
@click.option("--naam", help="De naam van de adviesraad, bijvoorbeeld 'Adviesraad Sociaal Domein Oss'.")
@click.option("--gemeente", "gemeenten", multiple=True, help="De gemeente, zoals het CBS haar schrijft (bijvoorbeeld Oss). Meer gemeenten: de optie vaker.")
@click.option("--afkorting", default="", help="De korte naam van de adviesraad, bijvoorbeeld 'ASD Oss' (in de naam van de site).")
@click.option("--website", default="", help="De website van de adviesraad (https://…), als die er is.")
@click.option("--contact", help="Een algemeen e-mailadres van de adviesraad (zoals secretariaat@…), nooit het adres van één persoon: het staat op elke pagina.")
@click.option("--formulier", default="", help="Een contactformulier van de adviesraad (https://…), als dat er is.")
@click.option("--adres", help="Het openbare adres van de site (https://…).")
@click.option(
    "--generator",
    envvar="ADVIESREGISTER_GENERATOR",
    help="Waar het archief Adviesregister vandaan haalt (een map, wheel of pip-regel). Standaard: de git-tag van deze versie.",
)
@_guarded
def init(
    folder: Path,
    naam: str | None,
    gemeenten: tuple[str, ...],
    afkorting: str,
    website: str,
    contact: str | None,
    formulier: str,
    adres: str | None,
    generator: str | None,
) -> None:
    """Maak een nieuw archief voor een adviesraad in een nieuwe of lege map."""
    problem = folder_problem(folder)
    if problem is not None:
        raise RefusedError(problem)
    asks = _at_terminal()  # a person at a terminal is asked for what is missing; a script gets a message
    missing = [option for option, value in (("--naam", naam), ("--gemeente", gemeenten), ("--contact", contact), ("--adres", adres)) if not value]
    if missing and not asks:
        raise RefusedError(
            f"{_and(missing)} {'ontbreekt' if len(missing) == 1 else 'ontbreken'}. Geef {'de optie' if len(missing) == 1 else 'die opties'} op (zie adviesregister init --help)."
        )
    naam = naam or _ask(asks, "--naam", "Naam van de adviesraad")
    gemeenten = gemeenten or tuple(part.strip() for part in _ask(asks, "--gemeente", "Gemeente(n), met komma's ertussen").split(",") if part.strip())
    contact = contact or _ask(asks, "--contact", "Algemeen e-mailadres van de adviesraad (niet van één persoon)")
    adres = adres or _ask(asks, "--adres", "Openbaar adres van de site (https://…)")
    council = Council(naam, tuple(find_gemeente(name) for name in gemeenten), contact, adres, afkorting, website, formulier)
    written = write_archive(folder, council, generator)
    click.echo(f"Archief gemaakt in {folder}: {len(written)} bestanden. Ga naar die map en voer 'make site' uit; 'make test' controleert het.")


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} en {items[-1]}"


def _at_terminal() -> bool:
    return sys.stdin.isatty()


def _ask(asks: bool, option: str, question: str) -> str:
    """A Dutch question at a terminal; without one, a message naming the option and exit code 1."""
    if not asks:
        raise RefusedError(f"{option} ontbreekt. Geef de optie op (zie adviesregister init --help).")
    return str(click.prompt(question))
