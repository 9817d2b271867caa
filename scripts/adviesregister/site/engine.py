"""The site engine and the search index: `mkdocs build --strict` over the rendered pages, then Pagefind over the HTML."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import ConfigurationError

from adviesregister.content.model import format_problems
from adviesregister.content.paths import theme_folders
from adviesregister.content.project import Project
from adviesregister.content.site_config import check_site_config
from adviesregister.site.pagefind_order import order_search_index


class MissingPluginError(ConfigurationError):
    """mkdocs.yml lost the plugin that sanitises the hand-written pages."""


class UnsafeConfigError(ConfigurationError):
    """mkdocs.yml holds what the archive does not allow (hooks, a plugin, a path out of the project): MkDocs never loads it."""


class LinkedFileError(ConfigurationError):
    """A symlink or special file in a folder MkDocs reads (docs_dir, the theme's folders): MkDocs would follow it."""


class SearchIndexError(Exception):
    """Pagefind failed; the message holds its output."""


def site_folder(config_file: Path) -> Path:
    """Where mkdocs.yml puts the built site (its site_dir)."""
    return Path(_load_config(config_file).site_dir)


def _load_config(config_file: Path, **overrides: str) -> Any:
    """MkDocs' configuration, loaded only after our own safe reading of the file found nothing it does not allow:
    MkDocs' loader runs `hooks:`, Python tags and `!ENV` while it reads."""
    problems = check_site_config(Project(config_file.parent))
    if problems:
        raise UnsafeConfigError(format_problems(problems, "MkDocs heeft het bestand niet geladen."))
    return load_config(config_file=str(config_file), strict=True, **overrides)


def run_mkdocs(config_file: Path, site_dir: Path | None = None) -> Path:
    """Build the HTML with MkDocs (strict: a warning stops the build) into `site_dir`, or else mkdocs.yml's site_dir;
    returns the site folder."""
    overrides = {"site_dir": str(site_dir)} if site_dir is not None else {}
    config = _load_config(config_file, **overrides)
    if "adviesregister" not in config.plugins:  # it sanitises the hand-written pages: never build without it
        raise MissingPluginError(f"{config_file.name} noemt de plugin 'adviesregister' niet onder 'plugins:'. Zet hem terug; zonder hem bouwen we niet.")
    root = config_file.resolve().parent
    for folder in [Path(config.docs_dir), *theme_folders(root)]:  # the theme's: the archive's site_overrides/ and the packaged one
        refuse_links(folder, root)
    mkdocs_build(config)
    return Path(config.site_dir)


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
