"""Launch safety: the example archive's public address and contact never go live in an archive of one's own.

The seed archive publishes under `https://adviesregister.example/` with contact `adviesregister@example.org`: names
that can never reach anyone (RFC 2606 and 6761 keep `example.org/.com/.net` and the top-level names `.example`,
`.test`, `.invalid` and `.localhost` for examples). A council that copies the archive without changing them would
put them into canonical links, the sitemap, DCAT, DiWoo, the footer and the "Meld een ontbrekende reactie" mail.
Only an archive whose mkdocs.yml says `extra.adviesregister.voorbeeld: true` (this repository; `adviesregister
init` never writes it) may keep them: elsewhere `build` refuses them and `check` warns.

Every function returns problems; none prints or raises.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from adviesregister.content.model import Problem
from adviesregister.content.project import Project
from adviesregister.content.settings import Settings
from adviesregister.content.site_config import CONFIG_FILE, SiteConfig, read_site_config

EXAMPLE_FLAG = "extra.adviesregister.voorbeeld"
"""The setting that marks the example archive: only there may the example values stay."""
EXAMPLE_DOMAINS = ("example.org", "example.com", "example.net")
EXAMPLE_TOP_LEVEL = ("example", "test", "invalid", "localhost")
CODE = "voorbeeld-instelling"


def is_example_host(host: str) -> bool:
    """A host name kept for examples, that reaches no one: example.org/.com/.net (and below), or under .example, .test, .invalid, .localhost."""
    name = host.lower().rstrip(".")
    return any(name == domain or name.endswith(f".{domain}") for domain in EXAMPLE_DOMAINS) or name.rsplit(".", 1)[-1] in EXAMPLE_TOP_LEVEL


def example_settings(project: Project) -> list[Problem]:
    """Every setting of mkdocs.yml (or its default, when the setting is missing) that still holds an example value,
    unless the archive is the example archive. Nothing when mkdocs.yml is missing or wrong: the build and `check` say so."""
    config, problems = read_site_config(project)
    if config is None or problems or _setting(config, EXAMPLE_FLAG) is True:
        return []
    found = []
    site_url = _setting(config, "site_url") or Settings().site_url
    if is_example_host(urlsplit(str(site_url)).hostname or ""):
        found.append(_problem(config, "site_url", str(site_url), "het echte adres van uw site (https://…), of zet ADVIESREGISTER_SITE_URL bij het bouwen"))
    contact = _setting(config, "extra.adviesregister.contact") or Settings().contact
    if is_example_host(str(contact).rpartition("@")[2]):
        found.append(_problem(config, "extra.adviesregister.contact", str(contact), "het algemene e-mailadres van uw adviesraad (geen adres van één persoon)"))
    formulier = _setting(config, "extra.adviesregister.formulier")
    if formulier and is_example_host(urlsplit(str(formulier)).hostname or ""):
        found.append(_problem(config, "extra.adviesregister.formulier", str(formulier), "het adres van het contactformulier van uw adviesraad (https://…)"))
    return found


def _setting(config: SiteConfig, field: str) -> object:
    data: object = config.data
    for part in field.split("."):
        data = data.get(part) if isinstance(data, dict) else None
    return data


def _problem(config: SiteConfig, field: str, value: str, what: str) -> Problem:
    missing = _setting(config, field) is None
    shown = f"{field} ontbreekt, dus de site gebruikt '{value}'" if missing else f"{field}: '{value}'"
    return Problem(
        CONFIG_FILE,
        config.line(field),
        CODE,
        f"{shown}: dat is een voorbeeld uit het voorbeeldarchief, dat niemand bereikt. Schrijf in mkdocs.yml bij {field.split('.')[-1]} {what}.",
    )
