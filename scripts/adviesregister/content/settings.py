"""Site-wide settings from mkdocs.yml: public address, licence, publisher and contact, and the archive's face (name, organisation, colour)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from babel.numbers import format_decimal

from adviesregister.base.errors import AdviesregisterError
from adviesregister.content.model import format_problems
from adviesregister.content.project import Project
from adviesregister.content.site_config import is_plain_email, is_web_address, read_site_config, site_text_problem

DEFAULT_SITE_URL = "https://adviesregister.example/"


@dataclass(frozen=True)
class Beheer:
    """The content editor at /beheer/ (site/beheer.py), on when mkdocs.yml names the repository under
    `extra: adviesregister: beheer:`. Off by default: an archive without it needs no npm to build."""

    repository: str
    """The archive's repository on GitHub, 'eigenaar/naam': the editor reads and writes it through GitHub's API."""
    branch: str = "main"
    """The branch the site is built from; the editor opens a pull request against it for every change."""
    aanmelden: str = ""
    """The address of the sign-in service (an OAuth client, e.g. a Cloudflare Worker) that gives the editor a GitHub
    token; empty: Decap's default, Netlify's."""
    lokaal: int | None = None
    """The port of `decap-server` on this computer (127.0.0.1), to try the editor on a checkout without GitHub."""


@dataclass(frozen=True)
class Settings:
    site_url: str = DEFAULT_SITE_URL
    licentie: str = "CC0-1.0"
    uitgever: str = "Adviesregister"
    contact: str = "adviesregister@example.org"
    naam: str = "Adviesregister"
    """The archive's name (site_name in mkdocs.yml): in the header, every page title and Open Graph."""
    organisatie: str = ""
    """Who runs the archive, in the footer: e.g. 'Adviesraad Sociaal Domein Almelo'."""
    kleur: str = "#154273"
    """The header's colour (#rrggbb): white text must stand on it with a contrast of at least 4.5:1."""
    telefoon: str = ""
    adres: str = ""
    formulier: str = ""
    """A web form for questions (https://…), besides the e-mail address."""
    beheer: Beheer | None = None
    """The content editor at /beheer/, when the archive turned it on."""


class SettingsError(AdviesregisterError, ValueError):
    """A setting in mkdocs.yml is wrong; the message says which, in Dutch, and how to fix it."""

    prefix = "Instelling niet goed: "


_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
MIN_CONTRAST = 4.5


def load_settings(project: Project) -> Settings:
    """`site_url` (which may come from ADVIESREGISTER_SITE_URL), `site_name` and `extra.adviesregister` in mkdocs.yml,
    read safely and held against the allow-list (content/site_config.py), then checked: a wrong value stops the build
    with a message that names the setting."""
    config, problems = read_site_config(project)
    if problems:
        raise SettingsError(format_problems(problems))
    return settings_from(config.data if config else {})


def settings_from(config: dict[str, Any]) -> Settings:
    extra = (config.get("extra") or {}).get("adviesregister") or {}
    defaults = Settings()
    settings = Settings(
        site_url=str(config.get("site_url") or defaults.site_url),
        licentie=str(extra.get("licentie") or defaults.licentie),
        uitgever=str(extra.get("uitgever") or defaults.uitgever),
        contact=str(extra.get("contact") or defaults.contact),
        naam=str(config.get("site_name") or defaults.naam),
        organisatie=str(extra.get("organisatie") or ""),
        kleur=str(extra.get("kleur") or defaults.kleur),
        telefoon=str(extra.get("telefoon") or ""),
        adres=str(extra.get("adres") or ""),
        formulier=str(extra.get("formulier") or ""),
        beheer=_beheer(extra.get("beheer")),
    )
    _check(settings)
    return settings


_REPOSITORY = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")
_BRANCH = re.compile(r"[A-Za-z0-9_./-]+")


def _beheer(group: Any) -> Beheer | None:
    """`extra: adviesregister: beheer:`, checked: the editor only when the repository is named."""
    if not isinstance(group, dict) or not group.get("repository"):
        return None
    where = "mkdocs.yml, onder extra: adviesregister: beheer:"
    repository = str(group["repository"])
    if not _REPOSITORY.fullmatch(repository) or ".." in repository:
        raise SettingsError(f"{where} repository '{repository}' is geen repository. Schrijf 'eigenaar/naam', zoals in het adres op GitHub.")
    branch = str(group.get("branch") or "main")
    if not _BRANCH.fullmatch(branch) or ".." in branch:
        raise SettingsError(f"{where} branch '{branch}' is geen naam van een branch. Schrijf bijvoorbeeld 'main'.")
    lokaal = group.get("lokaal")
    if lokaal is not None and (isinstance(lokaal, bool) or not isinstance(lokaal, int) or not 1024 <= lokaal <= 65535):
        raise SettingsError(f"{where} lokaal '{lokaal}' is geen poort. Schrijf een getal van 1024 tot en met 65535, bijvoorbeeld 8081.")
    aanmelden = str(group.get("aanmelden") or "")
    if aanmelden and not (aanmelden.startswith("https://") and is_web_address(aanmelden)):
        raise SettingsError(f"{where} aanmelden '{aanmelden}' moet een webadres zijn dat begint met https://.")
    return Beheer(repository=repository, branch=branch, aanmelden=aanmelden, lokaal=lokaal)


def _check(settings: Settings) -> None:
    where = "mkdocs.yml, onder extra: adviesregister:"
    if not _COLOUR.fullmatch(settings.kleur):
        raise SettingsError(
            f"{where} kleur '{settings.kleur}' is geen kleur. Schrijf haar als # met zes tekens 0-9 of a-f, bijvoorbeeld '#154273', tussen aanhalingstekens."
        )
    ratio = contrast(settings.kleur, "#ffffff")
    if ratio < MIN_CONTRAST:
        raise SettingsError(
            f"{where} kleur '{settings.kleur}' is te licht: witte tekst erop heeft een contrast van {format_decimal(round(ratio, 1), locale='nl')}:1, en dat moet minstens {format_decimal(MIN_CONTRAST, locale='nl')}:1 zijn (WCAG). Kies een donkerdere kleur."
        )
    if not is_plain_email(settings.contact):
        raise SettingsError(
            f"{where} contact '{settings.contact}' is geen e-mailadres, of er staat meer dan het adres. "
            "Schrijf alleen het adres, zonder 'mailto:', '?', spaties of komma's, zo: naam@gemeente.nl."
        )
    if settings.formulier and not (settings.formulier.startswith("https://") and is_web_address(settings.formulier)):
        raise SettingsError(f"{where} formulier '{settings.formulier}' moet een webadres zijn dat begint met https://.")
    if not is_web_address(settings.site_url):
        raise SettingsError(
            f"mkdocs.yml: site_url (of ADVIESREGISTER_SITE_URL) '{settings.site_url}' is geen webadres. Schrijf het hele adres, dat begint met https://."
        )
    if (error := site_text_problem(settings.naam)) is not None:
        raise SettingsError(f"mkdocs.yml: site_name: {error}")
    texts = {
        "organisatie": settings.organisatie,
        "uitgever": settings.uitgever,
        "licentie": settings.licentie,
        "telefoon": settings.telefoon,
        "adres": settings.adres,
    }
    for field, text in texts.items():
        if (error := site_text_problem(text)) is not None:
            raise SettingsError(f"{where} {field}: {error}")


def contrast(foreground: str, background: str) -> float:
    """The WCAG 2 contrast ratio of two #rrggbb colours (1 to 21)."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
