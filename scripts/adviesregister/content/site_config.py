"""mkdocs.yml arrives by pull request too: an allow-list of its settings, read safely before MkDocs ever loads it.

MkDocs reads its configuration with PyYAML's full loader (Python tags), runs the scripts under `hooks:` while it
loads, follows `INHERIT:` to another file, resolves `!ENV` and `!relative`, and lets plugins and Markdown extensions
read any file (`pymdownx.snippets` includes one into a page). So the archive reads the raw file itself, with the
project's safe YAML parser (every line kept), and accepts only the settings, plugins and Markdown extensions below,
with their values in the form the archive uses. Site texts are refused when they hold markup (Material prints some
of them unescaped, in attributes too), addresses must be http(s), the contact a plain e-mail address, and every
path stays in its own folder of the project, without a symlink.

Every function returns problems; none prints or raises.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit

import yaml
from yaml_env_tag import construct_env_tag

from adviesregister.base.folders import is_link, is_real_folder, is_regular_file
from adviesregister.content.model import Problem
from adviesregister.content.parse import ParseError, Tagged, decode_text, field_line, parse_yaml, read_content_file
from adviesregister.content.paths import SITE_OVERRIDES, link_problem, packaged_theme
from adviesregister.content.project import Project

CONFIG_FILE = "mkdocs.yml"
THEME_FOLDER = SITE_OVERRIDES
"""theme.custom_dir, when set: the archive's own templates and files (logo, CSS, JavaScript). The packaged theme comes
after it (the plugin puts it there), so the folder need only hold what the archive changes."""
FIXED_FOLDERS = {"docs_dir": "build/pages", "site_dir": "site", "theme.custom_dir": THEME_FOLDER}
"""The folders the build reads from and writes to: never another one."""
REQUIRED = ("docs_dir",)
"""Without it MkDocs would take its own default (docs/)."""
ENV_TAG = "!ENV"
SITE_URL_VARIABLE = "ADVIESREGISTER_SITE_URL"
"""The one value MkDocs may take from the build's environment (where secrets live too): the public address."""

_TEXT = "tekst"
_URL = "adres"
_EMAIL = "e-mail"
_FIXED = "vaste-map"
_FILE = "bestand"
_FOLDER = "map"
_FLAG = "ja-nee"
_NAME = "naam"
_LANGUAGE = "taal"
_NO_FONT = "geen-lettertype"
_THEME = "thema"
_LEVEL = "niveau"
_EDIT = "bewerk-pad"

_PALETTE = {"scheme": _NAME, "primary": _NAME, "accent": _NAME, "media": _TEXT, "toggle.icon": _NAME, "toggle.name": _TEXT}
RULES: dict[str, str] = {
    "site_name": _TEXT,
    "site_description": _TEXT,
    "site_author": _TEXT,
    "copyright": _TEXT,
    "site_url": _URL,
    "repo_url": _URL,
    "repo_name": _TEXT,
    "edit_uri": _EDIT,
    "docs_dir": _FIXED,
    "site_dir": _FIXED,
    "strict": _FLAG,
    "not_in_nav": _TEXT,
    "theme.name": _THEME,
    "theme.language": _LANGUAGE,
    "theme.custom_dir": _FIXED,
    "theme.font": _NO_FONT,
    "theme.logo": _FILE,
    "theme.favicon": _FILE,
    "theme.features.*": _NAME,
    "theme.icon.logo": _NAME,
    "theme.icon.repo": _NAME,
    **{f"theme.palette.{key}": kind for key, kind in _PALETTE.items()},
    **{f"theme.palette.*.{key}": kind for key, kind in _PALETTE.items()},
    "extra_css.*": _FILE,
    "extra_javascript.*": _FILE,
    "watch.*": _FOLDER,
    **{f"validation.nav.{key}": _LEVEL for key in ("omitted_files", "not_found", "absent_links")},
    **{f"validation.links.{key}": _LEVEL for key in ("not_found", "absolute_links", "unrecognized_links", "anchors")},
    **{f"extra.adviesregister.{key}": _TEXT for key in ("organisatie", "kleur", "licentie", "uitgever", "telefoon", "adres")},
    "extra.adviesregister.contact": _EMAIL,
    "extra.adviesregister.voorbeeld": _FLAG,
    "extra.adviesregister.formulier": _URL,
    "extra.adviesregister.beheer.repository": _NAME,
    "extra.adviesregister.beheer.branch": _NAME,
    "extra.adviesregister.beheer.aanmelden": _URL,
    "extra.adviesregister.beheer.lokaal": _TEXT,
}
"""Every setting the archive accepts (a field path, '*' for a list item) and the form of its value. `nav`, `plugins`
and `markdown_extensions` have rules of their own below."""

PLUGINS: dict[str, dict[str, str]] = {"adviesregister": {}}
"""Plugins and their options: ours only (it sanitises the hand-written pages). Material's own plugins read and write
files (privacy, social, blog, info) or make requests to third parties."""
MARKDOWN_EXTENSIONS: dict[str, dict[str, str]] = {
    "tables": {},
    "toc": {"permalink": _TEXT, "permalink_title": _TEXT, "title": _TEXT, "toc_depth": _TEXT},
    "admonition": {},
    "attr_list": {},
    "abbr": {},
    "def_list": {},
    "footnotes": {},
    "md_in_html": {},
    "sane_lists": {},
    "pymdownx.details": {},
    "pymdownx.caret": {},
    "pymdownx.mark": {},
    "pymdownx.tilde": {},
}
"""Markdown extensions and their options. Not pymdownx.snippets: it puts any file of the build machine into a page."""
_SPECIAL = {"nav", "plugins", "markdown_extensions"}
_KNOWN = {".".join(rule.split(".")[:end]) for rule in RULES for end in range(1, rule.count(".") + 2)} | _SPECIAL
_FORBIDDEN_KEYS = {
    "hooks": "hiermee voert MkDocs bij het bouwen Python-code uit, en die kan met een pull request meekomen. Het archief staat dat niet toe: "
    "haal 'hooks' en de regels eronder weg. Wat het archief nodig heeft, doet de plugin 'adviesregister' al.",
    "INHERIT": "hiermee leest MkDocs nog een instellingenbestand, dat ook buiten het archief kan liggen. Zet de instellingen zelf in mkdocs.yml "
    "en haal 'INHERIT' weg.",
}
_MARKUP = re.compile(r"[<>\"\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
"""What a site text may not hold: tags and quotes (Material prints site_name unescaped, also in an attribute), character
references (&lt;, &#60;), control characters and the invisible marks that turn text around."""
_PLAIN_EMAIL = re.compile(r"[A-Za-z0-9._+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}")
_SAFE_PATH = re.compile(r"[A-Za-z0-9._/-]+")
_NAME_RE = re.compile(r"[A-Za-z0-9 ._/-]+")
_LANGUAGE_RE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z]{2,4})?")
_LEVELS = ("warn", "info", "ignore")


@dataclass(frozen=True)
class SiteConfig:
    """mkdocs.yml as read safely: its values (site_url's !ENV resolved) and the line of every field path."""

    data: dict[str, Any]
    lines: dict[str, int]

    def line(self, field: str) -> int:
        return field_line(self.lines, field.split("."))


def read_site_config(project: Project) -> tuple[SiteConfig | None, list[Problem]]:
    """mkdocs.yml read with the project's safe YAML parser and held against the allow-list: the settings, or the problems.
    A missing file gives neither (MkDocs itself says so when it builds)."""
    path = project.mkdocs_config
    if path.is_symlink():
        return None, [link_problem(CONFIG_FILE)]
    if path.exists() and not is_regular_file(path):
        return None, [Problem(CONFIG_FILE, 1, "instelling-pad", "mkdocs.yml is geen gewoon bestand. Zet het bestand zelf hier neer.")]
    if not path.exists():
        return None, []
    try:
        parsed = parse_yaml(decode_text(read_content_file(path)), tags=frozenset({ENV_TAG}))
    except ParseError as err:
        return None, [Problem(CONFIG_FILE, err.line, err.code, err.message)]
    config = SiteConfig(parsed.data, parsed.lines)
    problems = check_config(config, project)
    if problems:
        return None, problems
    return SiteConfig({**config.data, "site_url": resolve_site_url(config.data.get("site_url"))}, config.lines), []


def check_site_config(project: Project) -> list[Problem]:
    """What `check` and the build say about mkdocs.yml, before MkDocs loads it."""
    return read_site_config(project)[1]


def resolve_site_url(value: Any) -> Any:
    """site_url as MkDocs reads it, by MkDocs' own `!ENV` constructor (pyyaml-env-tag): the variable when set, else the
    default. Only the form `_tag_problem` allows is resolved (the one variable ADVIESREGISTER_SITE_URL), so no other
    variable of the build machine, where secrets live, is ever read; any other form is reported by `check`."""
    if not isinstance(value, Tagged):
        return value
    if _tag_problem(("site_url",), value) is not None:
        return None
    return construct_env_tag(yaml.SafeLoader(""), value.node)


def check_config(config: SiteConfig, project: Project) -> list[Problem]:
    """Every setting against the allow-list, every value against its form; one problem per setting."""
    found: dict[str, tuple[str, str]] = {}
    for path, value in _leaves(config.data, ()):
        top = str(path[0])
        if top in _FORBIDDEN_KEYS:
            error: _Found = ("instelling-onbekend", top, _FORBIDDEN_KEYS[top])
        elif top == "nav":
            error = _nav_problem(path, value)
        elif top in ("plugins", "markdown_extensions"):
            error = _extension_problem(path, value)
        else:
            error = _setting_problem(path, value, project)
        if error is not None:
            found.setdefault(error[1], (error[0], error[2]))
    for field in REQUIRED:
        if _get(config.data, field) is None:
            found.setdefault(field, ("instelling-pad", _fixed_message(field)))
    problems = [Problem(CONFIG_FILE, config.line(field), code, f"{field}: {message}") for field, (code, message) in found.items()]
    return sorted(problems, key=lambda p: (p.line, p.message))


_Found = tuple[str, str, str] | None
"""A problem with a setting: its code, the field path it is about, and the message."""


def _leaves(data: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """Every value that is not a group or a list, with its field path."""
    if isinstance(data, dict) and data:
        for key, value in data.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(data, list) and data:
        for index, item in enumerate(data):
            yield from _leaves(item, (*path, index))
    elif path:  # an empty group or list too: '- pymdownx.snippets: {}' names an extension
        yield path, data


def _get(data: Any, field: str) -> Any:
    for part in field.split("."):
        data = data.get(part) if isinstance(data, dict) else None
    return data


def _shape(path: tuple[str | int, ...]) -> str:
    return ".".join("*" if isinstance(part, int) else part for part in path)


def _name(path: tuple[str | int, ...]) -> str:
    return ".".join(str(part) for part in path)


def _setting_problem(path: tuple[str | int, ...], value: Any, project: Project) -> _Found:
    for end in range(1, len(path) + 1):
        shape = _shape(path[:end])
        if shape in RULES and end < len(path):
            return "instelling-waarde", _name(path[:end]), f"deze waarde heeft niet de goede vorm: hier hoort {_FORM[RULES[shape]]}."
        if shape not in _KNOWN:
            return "instelling-onbekend", _name(path[:end]), _unknown_message(path[: end - 1])
    field, kind = _name(path), RULES.get(_shape(path))
    if kind is None and value in ([], {}):
        return None
    if kind is None:
        return "instelling-waarde", field, "hier hoort een groep of lijst van instellingen, geen losse waarde. Kijk naar het voorbeeldarchief."
    if isinstance(value, Tagged):
        return _tag_problem(path, value)
    error = None if value is None else _CHECKS[kind](value, field, project)
    return None if error is None else (_CODES.get(kind, "instelling-waarde"), field, error)


def _unknown_message(parent: tuple[str | int, ...]) -> str:
    prefix = f"{_shape(parent)}." if parent else ""
    siblings = sorted({known[len(prefix) :].split(".")[0] for known in _KNOWN if known.startswith(prefix)} - {"*"})
    return (
        "het archief kent deze instelling niet, of staat haar niet toe (mkdocs.yml komt ook met een pull request mee). "
        f"Controleer de spelling, of haal de regel weg. Hier kan: {', '.join(siblings)}."
    )


def _tag_problem(path: tuple[str | int, ...], value: Tagged) -> _Found:
    """`!ENV` only as site_url's documented form; the parser refuses every other tag."""
    names = value.value[:-1] if isinstance(value.value, list) else [value.value]
    default = value.value[-1] if isinstance(value.value, list) and len(value.value) > 1 else None
    if path == ("site_url",) and names == [SITE_URL_VARIABLE] and (default is None or is_web_address(str(default))):
        return None
    return (
        "yaml-tag",
        _name(path),
        f"de tag '{value.tag}' haalt een waarde uit de omgeving van de bouwmachine, waar ook geheimen staan. "
        f'Dat mag alleen bij site_url, zo: site_url: {ENV_TAG} [{SITE_URL_VARIABLE}, "https://…/"]. Schrijf hier de waarde zelf.',
    )


def _nav_problem(path: tuple[str | int, ...], value: Any) -> _Found:
    """The menu: titles are site texts, each entry a page of the site (a .md path inside it) or an http(s) address."""
    field = _name(path)
    for part in path[1:]:
        if isinstance(part, str) and (error := _check_text(part, field)) is not None:
            return "instelling-waarde", field, f"de titel klopt niet: {error}"
    if isinstance(value, Tagged):
        return _tag_problem(path, value)
    if value in ([], {}):
        return None
    if not isinstance(value, str) or not value:
        return "instelling-waarde", field, "elk menu-item is 'Titel: pagina.md' of 'Titel: https://…'."
    if urlsplit(value).scheme:
        error = _check_url(value, field)
        return None if error is None else ("instelling-waarde", field, error)
    error = _relative_problem(value)
    return None if error is None else ("instelling-pad", field, f"'{value}' {error}")


def _extension_problem(path: tuple[str | int, ...], value: Any) -> _Found:
    """A plugin or Markdown extension: on the list, with only its listed options, in their form."""
    soort, allowed = ("plugin", PLUGINS) if path[0] == "plugins" else ("Markdown-uitbreiding", MARKDOWN_EXTENSIONS)
    head = 2 if len(path) > 1 and isinstance(path[1], int) else 1
    if len(path) == head:  # '- tables': the name is the value
        if value in (None, [], {}):
            return None
        name, options, field = value, path[head:], _name(path)
    else:
        name, options, field = path[head], path[head + 1 :], _name(path[: head + 1])
    if isinstance(value, Tagged):
        return _tag_problem(path, value)
    if not isinstance(name, str) or name not in allowed:
        toegestaan = ", ".join(sorted(allowed))
        snippets = " Zij zet elk bestand van de bouwmachine in een pagina." if name == "pymdownx.snippets" else ""
        return (
            "instelling-onbekend",
            field,
            f"de {soort} '{name}' staat het archief niet toe: zo een kan bij het bouwen bestanden lezen of code draaien.{snippets} "
            f"Haal haar weg. Toegestaan: {toegestaan}.",
        )
    if not options:
        return None if value in (None, {}) or len(path) == head else ("instelling-waarde", field, "schrijf de opties als 'naam: waarde' eronder.")
    optie = _name(path)
    kind = allowed[name].get(str(options[0])) if len(options) == 1 else None
    if kind is None:
        keuzes = ", ".join(sorted(allowed[name])) or "geen"
        return "instelling-onbekend", optie, f"deze optie van '{name}' staat het archief niet toe. Haal haar weg. Toegestaan: {keuzes}."
    error = None if isinstance(value, (bool, int)) else _CHECKS[kind](value, optie, None)
    return None if error is None else ("instelling-waarde", optie, error)


def _check_text(value: Any, field: str, project: Project | None = None) -> str | None:
    if not isinstance(value, str):
        return None if isinstance(value, (int, float)) and not isinstance(value, bool) else "moet tekst zijn."
    bad = _MARKUP.search(value)
    if bad is None:
        return None
    teken = f"'{bad[0]}'" if bad[0][0] in '<>"&' else f"het onzichtbare teken U+{ord(bad[0]):04X}"
    return (
        f'hier staat {teken}. Een tekst van de site mag geen <, >, " of &…; bevatten, en geen onzichtbare tekens: '
        "de site zou ze als opmaak of code lezen. Schrijf gewone tekst; voor aanhalingstekens kan “…”."
    )


def _check_url(value: Any, field: str, project: Project | None = None) -> str | None:
    if isinstance(value, str) and is_web_address(value):
        return None
    return f"'{value}' is geen webadres. Schrijf een volledig adres dat begint met https:// (of http://), zonder spaties, aanhalingstekens of < >."


def _check_email(value: Any, field: str, project: Project | None = None) -> str | None:
    if isinstance(value, str) and is_plain_email(value):
        return None
    return f"'{value}' is geen gewoon e-mailadres. Schrijf alleen het adres, zonder 'mailto:', '?', spaties, komma's of een tweede adres, zo: naam@gemeente.nl."


def _check_fixed(value: Any, field: str, project: Project | None = None) -> str | None:
    if value != FIXED_FOLDERS[field]:
        return f"'{value}' kan niet: {_fixed_message(field)}"
    if field == "theme.custom_dir" and project is not None and not is_real_folder(project.root / THEME_FOLDER):
        return f"de map {THEME_FOLDER}/ ontbreekt (of is een snelkoppeling). Haal de regel weg: het archief gebruikt die map vanzelf als zij er is."
    return None


def _fixed_message(field: str) -> str:
    return (
        f"het archief bouwt altijd met de map {FIXED_FOLDERS[field]}/. Zet '{field.split('.')[-1]}: {FIXED_FOLDERS[field]}' terug (zie het voorbeeldarchief)."
    )


def _check_file(value: Any, field: str, project: Project | None = None) -> str | None:
    """A file of the theme folder (the logo, a style sheet): a relative path in it, a real file, no symlink on the way."""
    error = _relative_problem(value)
    if error is not None:
        return f"'{value}' {error} Zet het bestand in {THEME_FOLDER}/ en schrijf het pad vanaf die map, zoals assets/logo.svg."
    assert project is not None and isinstance(value, str)
    folder = project.root / THEME_FOLDER
    on_the_way = [folder / parent for parent in PurePosixPath(value).parents]
    own = folder / value
    own_path_clean = not any(is_link(path) for path in [*on_the_way, own]) and not own.exists()
    if own_path_clean and is_regular_file(packaged_theme() / value):
        return None  # the archive does not change this file: the packaged theme's own is used
    if not is_regular_file(own) or not all(is_real_folder(parent) for parent in on_the_way):
        return f"'{value}' is geen gewoon bestand in {THEME_FOLDER}/ (het ontbreekt, of er is een snelkoppeling). Zet het bestand zelf daar neer."
    return None


def _check_folder(value: Any, field: str, project: Project | None = None) -> str | None:
    error = _relative_problem(value)
    return None if error is None else f"'{value}' {error} Schrijf een map van het project, zoals content."


def _relative_problem(value: Any) -> str | None:
    """Why `value` is not a relative path that stays where it is read from (None when it is)."""
    if not isinstance(value, str) or not _SAFE_PATH.fullmatch(value):
        return "is geen pad: gebruik alleen letters, cijfers, '.', '-', '_' en '/'."
    parts = PurePosixPath(value).parts
    if value.startswith("/") or any(part in ("..", ".") for part in value.split("/")) or not parts:
        return "wijst buiten het archief: een pad mag niet met '/' beginnen en geen '..' bevatten."
    return None


def _check_flag(value: Any, field: str, project: Project | None = None) -> str | None:
    return None if isinstance(value, bool) else "schrijf true of false."


def _check_name(value: Any, field: str, project: Project | None = None) -> str | None:
    if isinstance(value, str) and _NAME_RE.fullmatch(value) and ".." not in value:
        return None
    return f"'{value}' is geen naam die het thema kent: gebruik alleen letters, cijfers, spaties, '.', '-', '_' en '/'."


def _check_language(value: Any, field: str, project: Project | None = None) -> str | None:
    return None if isinstance(value, str) and _LANGUAGE_RE.fullmatch(value) else f"'{value}' is geen taalcode. Schrijf bijvoorbeeld nl."


def _check_no_font(value: Any, field: str, project: Project | None = None) -> str | None:
    return None if value is False else "het archief laadt geen lettertypen van Google: de site doet geen verzoeken aan derden. Zet 'font: false'."


def _check_theme(value: Any, field: str, project: Project | None = None) -> str | None:
    return None if value == "material" else f"'{value}' kan niet: het archief is gemaakt voor het thema material. Zet 'name: material' terug."


def _check_level(value: Any, field: str, project: Project | None = None) -> str | None:
    return None if value in _LEVELS else f"'{value}' kan niet. Kies uit: {', '.join(_LEVELS)}."


def _check_edit(value: Any, field: str, project: Project | None = None) -> str | None:
    if isinstance(value, str) and urlsplit(value).scheme:
        return _check_url(value, field)
    if isinstance(value, str) and (value == "" or _SAFE_PATH.fullmatch(value)) and ".." not in value:
        return None
    return f"'{value}' is geen pad in de repository (zoals edit/main/content/) en geen webadres dat met https:// begint."


_CHECKS: dict[str, Callable[[Any, str, Project | None], str | None]] = {
    _TEXT: _check_text,
    _URL: _check_url,
    _EMAIL: _check_email,
    _FIXED: _check_fixed,
    _FILE: _check_file,
    _FOLDER: _check_folder,
    _FLAG: _check_flag,
    _NAME: _check_name,
    _LANGUAGE: _check_language,
    _NO_FONT: _check_no_font,
    _THEME: _check_theme,
    _LEVEL: _check_level,
    _EDIT: _check_edit,
}
_CODES = {_FIXED: "instelling-pad", _FILE: "instelling-pad", _FOLDER: "instelling-pad"}
_FORM = {
    _TEXT: "tekst",
    _URL: "een webadres",
    _EMAIL: "een e-mailadres",
    _FIXED: "een vaste map",
    _FILE: "een bestand",
    _FOLDER: "een map",
    _FLAG: "true of false",
    _NAME: "een naam",
    _LANGUAGE: "een taalcode",
    _NO_FONT: "false (het archief laadt geen lettertypen van Google)",
    _THEME: "material",
    _LEVEL: "warn, info of ignore",
    _EDIT: "een pad of webadres",
}


def is_plain_email(text: str) -> bool:
    """Only an address: no 'mailto:', no '?subject=' or '?bcc=', no second address, no spaces."""
    return bool(_PLAIN_EMAIL.fullmatch(text))


def is_web_address(text: str) -> bool:
    """An http(s) address with a host, and nothing that could leave an HTML attribute."""
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not re.search(r"[\s\"'<>`\\\x00-\x1f\x7f]", text)


def site_text_problem(value: str) -> str | None:
    """Why a text shown on every page (name, organisation, address) cannot be used, or None."""
    return _check_text(value, "")
