"""The site engine and the search index: `mkdocs build --strict` over the rendered pages, then Pagefind over the HTML."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

from jinja2.exceptions import SecurityError
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError

from adviesregister.base.errors import AdviesregisterError
from adviesregister.content.model import format_problems
from adviesregister.content.paths import theme_folders
from adviesregister.content.project import Project
from adviesregister.content.site_config import PLUGINS as ALLOWED_PLUGINS
from adviesregister.content.site_config import check_site_config
from adviesregister.site.pagefind_order import order_search_index

PLUGINS = frozenset(ALLOWED_PLUGINS)
"""The MkDocs plugins a build runs: ours only (the guard, site/plugin.py), as `check` allows in mkdocs.yml
(content/site_config.py). The seeds and `init` name no other; Material adds none, and MkDocs adds its search only to a
mkdocs.yml without `plugins:` (Pagefind is our search). Another plugin could change a page's HTML after our sanitiser,
or run code from a pull request: `run_mkdocs` refuses it, also when it arrives past that check (INHERIT, a test)."""


class SiteBuildError(AdviesregisterError):
    """MkDocs did not build the site (a wrong mkdocs.yml, a missing page, a warning in strict mode)."""

    prefix = "De site kon niet gebouwd worden: "


class MissingPluginError(SiteBuildError):
    """mkdocs.yml lost the plugin that sanitises the hand-written pages."""


class UnknownPluginError(SiteBuildError):
    """mkdocs.yml names a plugin outside PLUGINS."""


class UnsafeConfigError(SiteBuildError):
    """mkdocs.yml holds what the archive does not allow (hooks, a plugin, a path out of the project): MkDocs never loads it."""


class LinkedFileError(SiteBuildError):
    """A symlink or special file in a folder MkDocs reads (docs_dir, the theme's folders): MkDocs would follow it."""


class TemplateRefusedError(AdviesregisterError):
    """A template of the theme (site_overrides/ from a pull request) tried what Jinja's sandbox refuses."""

    def __init__(self, reason: str) -> None:
        super().__init__(
            f"Een sjabloon in site_overrides/ probeert iets wat niet mag ({reason}). Een sjabloon mag alleen waarden tonen. "
            "Zet het sjabloon terug zoals het was. De vorige site in site/ is niet veranderd."
        )


class SearchIndexError(AdviesregisterError):
    """Pagefind failed; the message holds its output."""

    prefix = "De zoekindex (Pagefind) kon niet gemaakt worden:\n"


def site_folder(config_file: Path) -> Path:
    """Where mkdocs.yml puts the built site (its site_dir)."""
    return Path(_load_config(config_file).site_dir)


def built_site_folder(project: Project) -> Path:
    """Where the last build put the site: mkdocs.yml's site_dir, or site/ when MkDocs cannot read its configuration
    (its docs_dir, build/pages/, exists only after a build)."""
    try:
        return site_folder(project.mkdocs_config)
    except SiteBuildError:
        return project.root / "site"


def _load_config(config_file: Path, **overrides: str) -> Any:
    """MkDocs' configuration, loaded only after our own safe reading of the file found nothing it does not allow:
    MkDocs' loader runs `hooks:`, Python tags and `!ENV` while it reads."""
    problems = check_site_config(Project(config_file.parent))
    if problems:
        raise UnsafeConfigError(format_problems(problems, "MkDocs heeft het bestand niet geladen."))
    try:
        return load_config(config_file=str(config_file), strict=True, **overrides)
    except (Abort, ConfigurationError) as err:
        raise SiteBuildError(str(err)) from None


def run_mkdocs(config_file: Path, site_dir: Path | None = None, plugins: frozenset[str] = PLUGINS) -> Path:
    """Build the HTML with MkDocs (strict: a warning stops the build) into `site_dir`, or else mkdocs.yml's site_dir;
    returns the site folder. Only the plugins in `plugins` may run, ours among them; MkDocs' and Jinja's errors come
    out as ours (SiteBuildError, TemplateRefusedError)."""
    overrides = {"site_dir": str(site_dir)} if site_dir is not None else {}
    config = _load_config(config_file, **overrides)
    if "adviesregister" not in config.plugins:  # it sanitises the hand-written pages: never build without it
        raise MissingPluginError(f"{config_file.name} noemt de plugin 'adviesregister' niet onder 'plugins:'. Zet hem terug; zonder hem bouwen we niet.")
    unknown = sorted(name for name in config.plugins if name not in plugins)
    if unknown:
        raise UnknownPluginError(
            f"{config_file.name} noemt {'de plugin' if len(unknown) == 1 else 'de plugins'} {', '.join(repr(name) for name in unknown)} onder 'plugins:'. "
            f"Een archief bouwt alleen met {' en '.join(repr(name) for name in sorted(plugins))}: een andere plugin kan de pagina's veranderen "
            "nadat ze veilig gemaakt zijn. Haal hem weg; zo bouwen we niet."
        )
    root = config_file.resolve().parent
    for folder in [Path(config.docs_dir), *theme_folders(root)]:  # the theme's: the archive's site_overrides/ and the packaged one
        refuse_links(folder, root)
    try:
        mkdocs_build(config)
    except (Abort, ConfigurationError) as err:
        raise SiteBuildError(str(err)) from None
    except SecurityError as err:
        raise TemplateRefusedError(str(err)) from None
    return Path(config.site_dir)


def serve_site(config_file: Path, address: str) -> None:
    """`mkdocs serve` on `address` (host:port) until Ctrl+C, with only MkDocs' warnings in the terminal (its other lines
    are English) and without Material's end-of-life notice. OSError when the port is taken."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "true")
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    from mkdocs.commands.serve import serve  # its server and file watcher are needed only here

    serve(config_file=str(config_file), dev_addr=address, strict=False)


def refuse_links(folder: Path, root: Path) -> None:
    """Raise LinkedFileError when `folder` is, or holds, anything but real folders and regular files (never followed):
    MkDocs copies what a link points to, /etc/passwd or .git/config, into the site. `check` names them first."""
    entries = [folder]
    if not folder.is_symlink():
        entries += [Path(parent, name) for parent, folders, names in os.walk(folder, followlinks=False) for name in [*folders, *names]]
    for path in entries:
        mode = path.lstat().st_mode
        if not (stat.S_ISDIR(mode) or stat.S_ISREG(mode)):
            shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name
            raise LinkedFileError(f"{shown} is een snelkoppeling (symlink) of geen gewoon bestand. Zet het bestand zelf daar neer; zo bouwen we niet.")


def index_search(site: Path) -> None:
    """Pagefind over the built site: a search index in small chunks, with Dutch stemming (from <html lang="nl">),
    its filter index put in a fixed order so that the same pages give the same files."""
    done = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--quiet"], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SearchIndexError(done.stdout + done.stderr)
    order_search_index(site)
