"""`adviesregister init DIR`: a new archive repository for one council, separate from the generator.

It writes `content/` (gemeenten.yml with the council's gemeente(n), looked up by name in the CBS list; empty
documenten/ and bronnen/; the hand-written pages), `mkdocs.yml` with the council's name, contact and public address
(never `voorbeeld: true`: content/launch.py), the workflows, a Makefile, a README and `requirements.txt`, which pins
this generator (a git tag) together with the exact versions of everything it needs, as this installation has them.
The files come from the templates in `adviesregister/archief/` (package data).

The archive pins a git tag rather than a wheel: a tag needs no place to keep wheels, anyone can read the code it
names, and `pip install -r requirements.txt` installs it as it installs every other line. `--generator` writes
another requirement instead (a wheel's path or address, or a folder such as this checkout, which the tests use).
"""

from __future__ import annotations

import subprocess
import unicodedata
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, distribution
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonschema
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from adviesregister.base.atomic import write_all
from adviesregister.base.errors import AdviesregisterError
from adviesregister.content.contact import contact_problem
from adviesregister.content.gemeenten_schrijven import HEADER, GemeenteError, gemeente_block, gemeente_slug, lookup
from adviesregister.content.launch import is_example_host
from adviesregister.content.model import DEFAULT_REACTIETERMIJN_WEKEN
from adviesregister.content.privacy import find_personal_data
from adviesregister.content.schema import GEMEENTEN_SCHEMA, load_schema
from adviesregister.content.site_config import is_plain_email, is_web_address, site_text_problem
from adviesregister.inbox import INBOX, PLACEHOLDER, PLACEHOLDER_TEXT
from adviesregister.site.templating import render_text

PACKAGE = "adviesregister"
TEMPLATES = "archief"
TEMPLATE_FILES = {
    "mkdocs.yml": "mkdocs.yml",
    "README.md": "README.md",
    "Makefile": "Makefile",
    "gitignore": ".gitignore",
    "github/workflows/pages.yml": ".github/workflows/pages.yml",
    "github/workflows/pull-request.yml": ".github/workflows/pull-request.yml",
    "github/workflows/inbox-rapport.yml": ".github/workflows/inbox-rapport.yml",
    "github/pull_request_template.md": ".github/pull_request_template.md",
    "content/paginas/over.md": "content/paginas/over.md",
    "content/paginas/privacy.md": "content/paginas/privacy.md",
    "content/paginas/toegankelijkheid.md": "content/paginas/toegankelijkheid.md",
}
"""Template (in adviesregister/archief/) → the archive's file. Workflows and the Makefile are copied as they are."""
RENDERED = frozenset({"mkdocs.yml", "README.md", "content/paginas/over.md", "content/paginas/privacy.md", "content/paginas/toegankelijkheid.md"})
EMPTY_FOLDERS = ("content/documenten", "content/bronnen")
"""Folders git would not keep without a file: each gets a .gitkeep."""


class InitError(AdviesregisterError, ValueError):
    """What `init` cannot do, in Dutch, with how to fix it."""


@dataclass(frozen=True)
class CbsGemeente:
    slug: str
    naam: str
    cbs_code: str


@dataclass(frozen=True)
class Council:
    """The council the archive is for, as given on the command line or at the prompts."""

    naam: str
    gemeenten: tuple[CbsGemeente, ...]
    contact: str
    adres: str
    afkorting: str = ""
    website: str = ""
    formulier: str = ""


def find_gemeente(naam: str) -> CbsGemeente:
    """A gemeente of the CBS list by its name, whatever the case, accents or apostrophes ('s-Hertogenbosch, sHertogenbosch)."""
    try:
        code, name = lookup(naam)
    except GemeenteError as err:
        raise InitError(f"--gemeente: {err}") from None
    return CbsGemeente(gemeente_slug(name), name, code)


def check_council(council: Council) -> None:
    """Raise InitError for the first value the archive could not use, naming the option and how to fix it."""
    eenregelig = {"--naam": council.naam, "--afkorting": council.afkorting, "--contact": council.contact, "--adres": council.adres}
    for option, text in (eenregelig | {"--website": council.website, "--formulier": council.formulier}).items():
        if (teken := next((char for char in text if unicodedata.category(char) == "Cc"), None)) is not None:
            raise InitError(
                f"{option}: hier staat het onzichtbare teken U+{ord(teken):04X} (zoals een nieuwe regel of tab). Deze waarde staat op één regel: "
                "schrijf hem zonder regeleinden of tabs, tussen aanhalingstekens als er spaties in staan."
            )
    for option, text, spec in _schema_rules(council):
        if text and (error := _schema_problem(text, spec)) is not None:
            raise InitError(f"{option}: {error}")
    for option, text in (("--naam", council.naam), ("--afkorting", council.afkorting)):
        if (error := site_text_problem(text)) is not None:
            raise InitError(f"{option}: {error}")
    if not council.naam.strip():
        raise InitError("--naam ontbreekt: geef de naam van de adviesraad, bijvoorbeeld --naam 'Adviesraad Sociaal Domein Oss'.")
    if not council.gemeenten:
        raise InitError("--gemeente ontbreekt: geef de gemeente van de adviesraad, bijvoorbeeld --gemeente Oss (meer gemeenten: de optie vaker).")
    if not is_plain_email(council.contact):
        raise InitError(f"--contact '{council.contact}' is geen e-mailadres. Geef alleen het adres, zo: secretariaat@adviesraad-oss.nl.")
    if is_example_host(council.contact.rpartition("@")[2]):
        raise InitError(f"--contact '{council.contact}' is een voorbeeldadres dat niemand bereikt. Geef het algemene e-mailadres van de adviesraad.")
    if find_personal_data(council.contact):
        raise InitError(
            f"--contact '{council.contact}' lijkt het adres van één persoon. Het contactadres staat op elke pagina van de site en blijft in de "
            "geschiedenis van het archief staan: geef een algemeen adres van de adviesraad, zoals secretariaat@… of info@…."
        )
    if (reason := contact_problem(council.contact)) is not None:  # the rule check applies to gemeenten.yml, where init writes it too
        raise InitError(f"--contact '{council.contact}': {reason}")
    for option, address in (("--adres", council.adres), ("--website", council.website), ("--formulier", council.formulier)):
        if option != "--adres" and not address:
            continue
        if not (address.startswith("https://") and is_web_address(address)):
            raise InitError(f"{option} '{address}' is geen webadres dat met https:// begint. Schrijf het hele adres, zo: https://adviesraad-oss.nl/.")
        if is_example_host(urlsplit(address).hostname or ""):
            raise InitError(f"{option} '{address}' is een voorbeeldadres dat niemand bereikt. Geef het echte adres.")


def _schema_rules(council: Council) -> list[tuple[str, str, dict[str, Any]]]:
    """(option, value, its rule in gemeenten.schema.json) for the values init writes into gemeenten.yml."""
    raad = load_schema(GEMEENTEN_SCHEMA)["additionalProperties"]["properties"]["adviesraden"]["items"]["properties"]
    return [
        ("--naam", council.naam, raad["naam"]),
        ("--afkorting", council.afkorting, raad["afkortingen"]["items"]),
        ("--website", council.website, raad["website"]),
        ("--contact", council.contact, raad["contact"]),
    ]


def _schema_problem(text: str, spec: dict[str, Any]) -> str | None:
    """Why gemeenten.schema.json refuses `text` where `spec` is its rule, in Dutch; None when it accepts it."""
    error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(spec).iter_errors(text))
    if error is None:
        return None
    if error.validator == "maxLength":
        return f"deze waarde is {len(text)} tekens lang; hooguit {error.validator_value} mag (zo staat het in gemeenten.yml). Maak de waarde korter."
    return f"'{text}' past niet in gemeenten.yml (daar moet zo'n waarde er zo uitzien: {spec.get('examples', ['…'])[0]})."


def gemeenten_yml(council: Council) -> str:
    """content/gemeenten.yml for the council's gemeente(n): the header and one block per gemeente, each written as
    `adviesregister gemeente toevoegen` writes it (content/gemeenten_schrijven.py knows the shape)."""
    blocks = [
        gemeente_block(
            gemeente.slug,
            gemeente.naam,
            gemeente.cbs_code,
            council.naam,
            (council.afkorting,) if council.afkorting else (),
            council.website or None,
            council.contact,
            DEFAULT_REACTIETERMIJN_WEKEN,
        )
        for gemeente in council.gemeenten
    ]
    return HEADER + "".join(blocks)


def generator_requirements(generator: str | None = None) -> str:
    """requirements.txt: this generator pinned (`generator`, or the git tag of this version) and every package it
    needs at the version installed here, which is the version of this repository's requirements.lock."""
    version = distribution(PACKAGE).version
    spec = generator or f"{PACKAGE} @ git+{generator_repository()}@v{version}"
    if generator and (Path(generator).exists() or generator.startswith("/")):
        spec = f"{PACKAGE} @ {Path(generator).resolve().as_uri()}"
    pins = "\n".join(f"{name}=={pinned}" for name, pinned in sorted(dependency_versions().items(), key=lambda item: item[0].lower()))
    return (
        f"# Adviesregister {version}, the generator of this archive, and the exact version of everything it needs:\n"
        "# the same archive builds the same site, today and later. To update, take these lines from the new version's requirements.lock.\n"
        f"{spec}\n{pins}\n"
    )


def generator_repository() -> str:
    """Where the generator's code lives (`Repository` under [project.urls] in pyproject.toml): the archive installs
    the tag of this version from there."""
    entries: list[str] = distribution(PACKAGE).metadata.get_all("Project-URL") or []
    for entry in entries:
        label, _, url = entry.partition(",")
        if label.strip().lower() == "repository":
            return url.strip()
    raise InitError("De installatie van Adviesregister noemt geen Repository-adres; geef met --generator aan waar het archief Adviesregister vandaan haalt.")


def dependency_versions() -> dict[str, str]:
    """Every package the installed generator needs (its requirements, theirs, and so on, extras followed), with the
    version installed here. Markers are judged for this Python and system."""
    found: dict[str, tuple[str, str, frozenset[str]]] = {}
    todo: list[tuple[str, frozenset[str]]] = [(PACKAGE, frozenset())]
    while todo:
        name, extras = todo.pop()
        for line in distribution(name).requires or []:
            requirement = Requirement(line)
            if requirement.marker and not any(requirement.marker.evaluate({"extra": extra}) for extra in (extras or {""})):
                continue
            key = canonicalize_name(requirement.name)
            try:
                installed = distribution(requirement.name)
            except PackageNotFoundError:
                raise InitError(f"{requirement.name} is niet geïnstalleerd; installeer Adviesregister opnieuw (make site).") from None
            known = found.get(key, ("", "", frozenset()))[2]
            if key in found and set(requirement.extras) <= known:
                continue
            found[key] = (installed.metadata["Name"], installed.version, known | set(requirement.extras))
            todo.append((requirement.name, frozenset(requirement.extras)))
    return {name: version for name, version, _ in found.values()}


def archive_files(council: Council, generator: str | None = None) -> dict[str, str]:
    """Every file of the new archive: its path → its text."""
    values = _template_values(council) | {
        "generator_bron": "een git-tag" if generator is None else "de bron die bij het maken van het archief is gekozen: de eerste regel van het bestand"
    }
    root = files(PACKAGE).joinpath(TEMPLATES)
    out: dict[str, str] = {}
    for template, target in TEMPLATE_FILES.items():
        text = root.joinpath(template).read_text(encoding="utf-8")
        out[target] = render_text(text, values) if template in RENDERED else text
    out["content/gemeenten.yml"] = gemeenten_yml(council)
    out["requirements.txt"] = generator_requirements(generator)
    out |= {f"{folder}/.gitkeep": "" for folder in EMPTY_FOLDERS}
    out[f"{INBOX}/{PLACEHOLDER}"] = PLACEHOLDER_TEXT  # where the secretary uploads letters (adviesregister inbox)
    return out


def _template_values(council: Council) -> dict[str, Any]:
    names = [gemeente.naam for gemeente in council.gemeenten]
    together = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} en {names[-1]}"
    return {
        "naam": council.naam,
        "naam_md": _markdown_text(council.naam),
        "site_name": f"Adviesregister {council.afkorting or council.naam}",
        "description": f"Adviezen van {council.naam} aan het college van burgemeester en wethouders, en de reacties van het college.",
        "copyright": "Teksten van de gemeente en de adviesraad; open data onder CC0-1.0.",
        "adres": council.adres if council.adres.endswith("/") else f"{council.adres}/",
        "contact": council.contact,
        "formulier": council.formulier,
        "website": council.website,
        "gemeenten_md": _markdown_text(together),
        "gemeenten_count": len(names),
    }


def _markdown_text(text: str) -> str:
    """Plain text in Markdown: the characters that would start emphasis, a link or code are escaped."""
    return "".join(f"\\{char}" if char in "\\`*_[]#" else char for char in text)


def folder_problem(folder: Path) -> str | None:
    """Why `folder` cannot take a new archive (None when it is new or empty)."""
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        return f"{folder} is geen map. Kies een nieuwe of lege map voor het archief."
    if folder.exists() and any(folder.iterdir()):
        return f"De map {folder} is niet leeg. Een nieuw archief komt alleen in een nieuwe of lege map, zodat er niets verloren gaat. Kies een andere map."
    return None


def write_archive(folder: Path, council: Council, generator: str | None = None) -> list[str]:
    """Write the archive into `folder` (new or empty), all files or none, and make it a git repository; the paths written."""
    problem = folder_problem(folder)
    if problem is not None:
        raise InitError(problem)
    check_council(council)
    texts = archive_files(council, generator)
    folder.mkdir(parents=True, exist_ok=True)
    write_all([(folder / path, text.encode("utf-8")) for path, text in texts.items()])
    subprocess.run(
        ["git", "init", "--quiet", "--initial-branch", "main", str(folder)], capture_output=True, check=False
    )  # without git: dates come from the letters
    return sorted(texts)
