"""Site-wide settings from mkdocs.yml: public address, licence, publisher and contact, and the archive's face (name, organisation, colour)."""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel.numbers import format_decimal
from mkdocs.utils.yaml import yaml_load

from adviesregister.content.project import Project

DEFAULT_SITE_URL = "https://adviesregister.example/"


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


class SettingsError(ValueError):
    """A setting in mkdocs.yml is wrong; the message says which, in Dutch, and how to fix it."""


_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_EMAIL = re.compile(r"[^@\s<>\"'&]+@[^@\s<>\"'&]+\.[a-zA-Z]{2,}")
MIN_CONTRAST = 4.5


def load_settings(project: Project) -> Settings:
    """`site_url` (which may come from ADVIESREGISTER_SITE_URL), `site_name` and `extra.adviesregister` in mkdocs.yml,
    checked: a wrong value stops the build with a message that names the setting."""
    with project.mkdocs_config.open(encoding="utf-8") as handle:
        config: dict[str, Any] = yaml_load(handle) or {}
    return settings_from(config)


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
    )
    _check(settings)
    return settings


def _check(settings: Settings) -> None:
    where = "mkdocs.yml, onder extra: adviesregister:"
    if not _COLOUR.fullmatch(settings.kleur):
        raise SettingsError(f"{where} kleur '{settings.kleur}' is geen kleur. Schrijf haar als # met zes tekens 0-9 of a-f, bijvoorbeeld '#154273', tussen aanhalingstekens.")
    ratio = contrast(settings.kleur, "#ffffff")
    if ratio < MIN_CONTRAST:
        raise SettingsError(
            f"{where} kleur '{settings.kleur}' is te licht: witte tekst erop heeft een contrast van {format_decimal(round(ratio, 1), locale='nl')}:1, en dat moet minstens {format_decimal(MIN_CONTRAST, locale='nl')}:1 zijn (WCAG). Kies een donkerdere kleur."
        )
    if not _EMAIL.fullmatch(settings.contact):
        raise SettingsError(f"{where} contact '{settings.contact}' is geen e-mailadres. Schrijf het zo: naam@gemeente.nl.")
    if settings.formulier and not settings.formulier.startswith("https://"):
        raise SettingsError(f"{where} formulier '{settings.formulier}' moet een webadres zijn dat begint met https://.")


def contrast(foreground: str, background: str) -> float:
    """The WCAG 2 contrast ratio of two #rrggbb colours (1 to 21)."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
