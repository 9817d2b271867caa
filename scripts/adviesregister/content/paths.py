"""Which files of content/ may be read: real files inside the repository, never a symlink, never a path that leaves it.

Content arrives by pull request, and a symlink or a `..` in a path would let it publish any file of the build
machine. Messages name the file in content/, never what lies outside it.
"""

from __future__ import annotations

import os
import subprocess
from importlib.resources import files
from pathlib import Path, PurePosixPath

from adviesregister.base.folders import is_link, is_real_folder, is_regular_file
from adviesregister.content.extract import SUPPORTED
from adviesregister.content.model import Problem
from adviesregister.content.project import Project

SOURCES_FOLDER = "bronnen"
SITE_OVERRIDES = "site_overrides"
"""The archive's own look, when it has one: a file here takes the place of the packaged theme's file of that name."""
THEME_PACKAGE, THEME_RESOURCE = "adviesregister.site", "theme"
"""The generator's look (main.html, 404.html, sitemap.xml, assets/), shipped in the package: adviesregister/site/theme/."""
MAX_NAME_BYTES = 200
"""A file or folder name in bron.bestand; file systems allow 255 bytes."""
MAX_FOLDER_DEPTH = 20
"""Folders inside content/ (or site_overrides/); the archive needs three (documenten/gemeente/jaar). Deeper ones are named, not read: a
folder 1,500 deep would exhaust Python's recursion in os.walk."""


def packaged_theme() -> Path:
    """The folder of the packaged theme, in the checkout or the installed wheel."""
    return Path(str(files(THEME_PACKAGE).joinpath(THEME_RESOURCE)))


def theme_folders(root: Path) -> list[Path]:
    """The folders the theme's files come from, first match wins: the archive's own site_overrides/ (when it is a real
    folder), then the packaged theme. Material's own templates come after both."""
    own = root / SITE_OVERRIDES
    return [own, packaged_theme()] if is_real_folder(own) else [packaged_theme()]


def content_files(folder: Path, recursive: bool = True) -> list[Path]:
    """The regular .md files in `folder`, sorted; symlinks (to files or folders) are neither read nor followed."""
    found: list[Path] = []
    if not is_real_folder(folder):
        return found
    for parent, folders, names in os.walk(folder, followlinks=False):
        folders[:] = sorted(name for name in folders if is_real_folder(Path(parent, name))) if _depth(parent, folder) < MAX_FOLDER_DEPTH else []
        found += [Path(parent, name) for name in names if name.endswith(".md") and is_regular_file(Path(parent, name))]
        if not recursive:
            break
    return sorted(found)


def find_unsafe_files(project: Project) -> list[Problem]:
    """Every symlink and every special file (a pipe, a device) in content/: the archive reads only real files."""
    root = project.content
    if root.is_symlink():
        return [Problem("content", 1, "snelkoppeling", _SYMLINK_TEXT.format(wat="de map content/"))]
    return _unsafe_in(project, root)


def find_links_outside_content(project: Project) -> list[Problem]:
    """Every symlink git tracks anywhere in the repository (mode 120000: a pull request can commit one even into an
    ignored folder such as build/pages/, with `git add -f`); and, tracked or not, every symlink or special file in
    site_overrides/ (MkDocs copies its files into site/) and at mkdocs.yml. Without git that is every path the build
    reads besides content/ (find_unsafe_files); build/ holds no link when a build uses it (base/folders.py)."""
    problems = _tracked_links(project.root) + _unsafe_in(project, project.root / SITE_OVERRIDES)
    if is_link(project.mkdocs_config):
        problems.append(link_problem(project.relative(project.mkdocs_config)))
    return problems


def _unsafe_in(project: Project, folder: Path) -> list[Problem]:
    """Every symlink and special file at or in `folder`, by where it stands (never followed)."""
    if is_link(folder):
        return [Problem(project.relative(folder), 1, "snelkoppeling", _SYMLINK_TEXT.format(wat="dit"))]
    problems = []
    for parent, folders, names in os.walk(folder, followlinks=False):
        if _depth(parent, folder) >= MAX_FOLDER_DEPTH and folders:  # not one level deeper: os.walk recurses
            problems += [Problem(project.relative(Path(parent, name)), 1, "map-te-diep", _DEEP_TEXT) for name in sorted(folders)]
            folders[:] = []
        for name in sorted([*folders, *names]):
            path = Path(parent, name)
            relative_path = project.relative(path)
            if is_link(path):
                problems.append(Problem(relative_path, 1, "snelkoppeling", _SYMLINK_TEXT.format(wat="dit")))
            elif name in names and not is_regular_file(path):
                problems.append(
                    Problem(relative_path, 1, "geen-gewoon-bestand", "dit is geen gewoon bestand (maar bijvoorbeeld een pipe of apparaat). Haal het weg.")
                )
            elif name in names and path.lstat().st_nlink > 1:  # git never makes one: it was made on this machine
                problems.append(Problem(relative_path, 1, "geen-gewoon-bestand", _HARD_LINK_TEXT))
    return problems


_HARD_LINK_TEXT = (
    "dit bestand is een harde koppeling (hard link): dezelfde inhoud staat ook ergens anders op deze computer, misschien buiten het archief. "
    "Zet een eigen kopie van het bestand hier neer."
)


def _tracked_links(root: Path) -> list[Problem]:
    """The symlinks in git's index (`git ls-files -s -z`, mode 120000) under `root`; none without git."""
    if not (root / ".git").exists():
        return []
    try:
        done = subprocess.run(["git", "-C", str(root), "ls-files", "-s", "-z"], capture_output=True, check=False)
    except OSError:  # no git installed
        return []
    if done.returncode != 0:
        return []
    problems = []
    for entry in done.stdout.split(b"\0"):
        info, _, name = entry.partition(b"\t")
        if info.startswith(b"120000 "):
            problems.append(Problem(name.decode("utf-8", "replace"), 1, "snelkoppeling", _SYMLINK_TEXT.format(wat="dit")))
    return problems


def link_problem(path: str) -> Problem:
    """The one message for a symlink where the archive reads a file."""
    return Problem(path, 1, "snelkoppeling", _SYMLINK_TEXT.format(wat="dit"))


_DEEP_TEXT = (
    f"deze map ligt meer dan {MAX_FOLDER_DEPTH} mappen diep. Zo diep leest het archief niet. "
    "Haal deze map weg; documenten horen in content/documenten/GEMEENTE/JAAR/."
)


def _depth(parent: str, top: Path) -> int:
    """How many folders deep `parent` (from os.walk) lies below `top`."""
    return len(Path(parent).relative_to(top).parts)


_SYMLINK_TEXT = (
    "{wat} is een snelkoppeling (symlink) naar iets anders. Het archief leest alleen echte bestanden, "
    "zodat niets van buiten content/ op de site komt. Zet het bestand zelf hier neer."
)


def source_problem(content: Path, file: str) -> tuple[str, str] | None:
    """What is wrong with `bron.bestand` (problem code, Dutch message), or None. Looks at the text first, so that
    nothing outside content/ is ever looked at."""
    error = _path_problem(file)
    if error is not None:
        return "bron-pad", error
    return _file_problem(content, file)


def _path_problem(file: str) -> str | None:
    parts = PurePosixPath(file).parts
    if file.startswith("/") or "\\" in file or not parts or parts[0] != SOURCES_FOLDER or len(parts) < 2:
        return f"het originele bestand moet in de map content/{SOURCES_FOLDER}/ staan. Schrijf het pad vanaf content/, bijvoorbeeld {SOURCES_FOLDER}/oss/2024/brief.pdf."
    if any(len(part.encode()) > MAX_NAME_BYTES for part in file.split("/")):
        return f"een naam in dit pad is langer dan {MAX_NAME_BYTES} tekens. Geef het bestand (of de map) een kortere naam."
    if any(part in (".", "..") for part in file.split("/")) or "//" in file:
        return f"het pad mag geen '..', '.' of '//' bevatten. Schrijf het pad vanaf content/, bijvoorbeeld {SOURCES_FOLDER}/oss/2024/brief.pdf."
    if PurePosixPath(file).suffix.lower() not in SUPPORTED:
        soorten = ", ".join(SUPPORTED)
        return f"het archief kan alleen originelen van deze soorten bewaren: {soorten}. Zet de brief om naar PDF of tekst."
    return None


def _file_problem(content: Path, file: str) -> tuple[str, str] | None:
    path = content / file
    for part in [path, *path.parents]:
        if part == content.parent:
            break
        if is_link(part):
            return "bron-pad", "het originele bestand (of een map erboven) is een snelkoppeling (symlink). Zet het bestand zelf in content/bronnen/."
    if not is_regular_file(path):
        return "bron-ontbreekt", f"'content/{file}' bestaat niet. Zet het originele bestand daar neer, of verbeter het pad."
    return None


def is_inside(path: Path, folder: Path) -> bool:
    """Whether `path`, with every symlink resolved, lies in `folder`."""
    return path.resolve().is_relative_to(folder.resolve())
