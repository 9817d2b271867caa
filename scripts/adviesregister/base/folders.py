"""The folders the commands write in, used only as real folders, never through a symlink.

    remove_links      build/: every symlink at or inside it removed (unlinked, never followed)
    keep_only_files   build/cache/: only regular files stay
    empty_folder      build/pages/: emptied before a build writes it
    open_own_file     a file of ours in build/ (the lock), opened without following a symlink
    root_problem      --root: a folder that is no archive is refused
    out_problem       --out: the project, content/, site_overrides/, .git and a folder of someone else are refused
    inbox_problem     inbox --map: only a real folder inside the project, outside the archive's own parts

A pull request can commit anything into build/ (with `git add -f`), and a symlink there would make the build copy
.git/config or /etc/passwd into site/, or write, truncate or delete a file outside the project. Everything in build/ is
ours, so a link there is removed, not reported; `check` reports the links git tracks (content/paths.py).
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
from pathlib import Path

ARCHIVE_PARTS = ("content", "site_overrides", ".git")
"""What --out may never be or lie in: the archive itself and its history."""
OFFLINE_MARKER = ".adviesregister-voorbeeld"
EXPORT_MARKER = ".adviesregister-export"
"""The files that mark a folder as made by `offline` or `export`: only such a folder (or an empty one) is replaced."""


def remove_links(folder: Path) -> None:
    """Remove every symlink at or inside `folder` (the links themselves, never what they point to); pipes, sockets and
    devices go too. Real folders and regular files stay."""
    if not is_real_folder(folder):
        _remove_entry(folder)
        return
    for parent, folders, names in os.walk(folder, followlinks=False):
        for name in [*folders, *names]:
            path = Path(parent, name)
            mode = _mode(path)
            if not (stat.S_ISDIR(mode) or stat.S_ISREG(mode)):
                _remove_entry(path)
        folders[:] = [name for name in folders if is_real_folder(Path(parent, name))]


def keep_only_files(folder: Path) -> None:
    """`folder` (when it exists) holds only regular files: a link, a folder or a pipe in it is removed."""
    if not is_real_folder(folder):
        _remove_entry(folder)
        return
    for entry in os.scandir(folder):
        if not entry.is_file(follow_symlinks=False):
            _remove_entry(Path(entry.path))


def empty_folder(folder: Path) -> None:
    """`folder` as a new, empty, real folder: whatever stood there (a link, a file, a folder with anything in it) is
    removed without following a link."""
    _remove_entry(folder)
    folder.mkdir(parents=True)


def open_own_file(path: Path, flags: int) -> int:
    """os.open(path, flags | O_CREAT | O_NOFOLLOW) for a file of ours: a symlink or a special file standing there is
    removed first, so nothing outside is ever opened, written or truncated."""
    for _ in range(3):
        try:
            fd = os.open(path, flags | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, 0o666)
        except OSError as err:
            if err.errno not in (errno.ELOOP, errno.EISDIR, errno.ENXIO):
                raise
            _remove_entry(path)
            continue
        if stat.S_ISREG(os.fstat(fd).st_mode):
            os.set_blocking(fd, True)
            return fd
        os.close(fd)
        _remove_entry(path)
    raise OSError(errno.EEXIST, "geen gewoon bestand", str(path))


def _remove_entry(path: Path) -> None:
    """Remove whatever `path` itself is: a link or file is unlinked, a real folder removed with what is in it (rmtree
    never follows a link inside)."""
    mode = _mode(path)
    if stat.S_ISDIR(mode):
        shutil.rmtree(path)
    elif mode:
        path.unlink()


def root_problem(root: Path, config: bool = True) -> str | None:
    """What makes `root` no archive, in Dutch, or None. `config`: the command also reads mkdocs.yml."""
    if not is_real_folder(root):
        return f"--root {root}: die map bestaat niet. Geef de map van het archief op (met content/ en mkdocs.yml)."
    content = root / "content"
    if stat.S_ISLNK(_mode(content)):
        return (
            f"--root {root}: content/ is daar een snelkoppeling (symlink) naar iets anders. Het archief leest alleen een echte map "
            "content/, zodat niets van buiten het archief op de site komt. Zet de map zelf daar neer."
        )
    if not is_real_folder(content):
        return f"--root {root}: daar staat geen map content/, dus het is geen archief. Geef de map van het archief op (met content/ en mkdocs.yml)."
    if config and not stat.S_ISREG(_mode(root / "mkdocs.yml")):
        return (
            f"--root {root}: daar staat geen bestand mkdocs.yml (of het is een snelkoppeling of een map), dus het is geen archief. "
            "Geef de map van het archief op (met content/ en mkdocs.yml)."
        )
    return None


def out_problem(root: Path, out: Path, marker: str, command: str, own: Path | None = None, source: Path | None = None) -> str | None:
    """Why `out` may not be the folder `adviesregister <command> --out` writes (and replaces), in Dutch; or None.

    Refused: the project's folder or one above it; content/, site_overrides/, .git or anything in them; `source` (what
    is copied) or a folder in or above it; a link; and a folder with something in it that lacks the command's `marker`
    file (so it was not made by this command), unless it lies in `own` (a folder the build makes, such as site/)."""
    shown = f"--out {out}"
    if stat.S_ISLNK(_mode(out)):
        return f"{shown} is een snelkoppeling (symlink). Geef een echte map op. Er is niets veranderd."
    try:
        target, project = out.resolve(), root.resolve()
    except (OSError, RuntimeError):  # a link in a folder above it that points to itself
        return f"{shown} is niet te vinden: een map op de weg erheen is een snelkoppeling (symlink) die naar zichzelf wijst. Geef een echte map op. Er is niets veranderd."
    if target == project or project.is_relative_to(target):
        return f"{shown} is de map van het archief zelf (of een map erboven). Kies een eigen, nieuwe map. Er is niets veranderd."
    for name in ARCHIVE_PARTS:
        if target.is_relative_to((root / name).resolve()):
            return f"{shown} ligt in {name}/, en dat hoort bij het archief. Kies een map buiten {name}/. Er is niets veranderd."
    if source is not None and (target.is_relative_to(source.resolve()) or source.resolve().is_relative_to(target)):
        return f"{shown} is de gebouwde site zelf (of ligt erin of erboven). Kies een eigen, nieuwe map. Er is niets veranderd."
    mode = _mode(out)
    if not mode:
        return None
    if not stat.S_ISDIR(mode):
        return f"{shown} is geen map. Kies een map. Er is niets veranderd."
    own_folder = own is not None and is_real_folder(own) and target.is_relative_to(own.resolve())
    if any(out.iterdir()) and not stat.S_ISREG(_mode(out / marker)) and not own_folder:
        return (
            f"{shown} is niet leeg en is niet door 'adviesregister {command}' gemaakt (het bestand {marker} ontbreekt). "
            f"Wat erin staat zou verloren gaan. Kies een lege of nieuwe map, of haal de map eerst zelf weg. Er is niets veranderd."
        )
    return None


BUILT_PARTS = ("site", "build", "node_modules", ".venv")
"""Folders the tools make: no inbox either."""


def inbox_problem(root: Path, folder: str) -> str | None:
    """Why `adviesregister inbox --map <folder>` may not read (and empty) that folder, in Dutch; or None. The inbox
    removes every letter it imported, so it reads only a real folder in the project, given as a plain path below it,
    and never content/, site_overrides/, .git or a folder the tools make."""
    shown = f"--map {folder}"
    parts = Path(folder).parts
    if not parts or Path(folder).is_absolute() or ".." in parts or parts == (".",):
        return f"{shown}: geef een map binnen het archief op, als pad vanaf de map van het archief (bijvoorbeeld nieuw). Er is niets veranderd."
    if parts[0] in (*ARCHIVE_PARTS, *BUILT_PARTS):
        return f"{shown} ligt in {parts[0]}/, en daar mag de inbox geen bestanden weghalen. Gebruik een eigen map, zoals nieuw. Er is niets veranderd."
    for depth in range(1, len(parts) + 1):
        if stat.S_ISLNK(_mode(root.joinpath(*parts[:depth]))):
            return f"{shown}: {Path(*parts[:depth])} is een snelkoppeling (symlink). De inbox leest alleen een echte map in het archief. Er is niets veranderd."
    return None


def write_marker(folder: Path, marker: str) -> None:
    """The mark that `folder` was made by one of our commands (so the next run may replace it)."""
    fd = open_own_file(folder / marker, os.O_WRONLY | os.O_TRUNC)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write("Deze map is gemaakt door Adviesregister en wordt bij de volgende keer vervangen.\n")


def is_regular_file(path: Path) -> bool:
    return stat.S_ISREG(_mode(path))


def is_real_folder(path: Path) -> bool:
    return stat.S_ISDIR(_mode(path))


def is_link(path: Path) -> bool:
    return stat.S_ISLNK(_mode(path))


def _mode(path: Path) -> int:
    """The kind of `path` itself (a symlink is not followed); 0 when it is missing or a name the file system cannot hold."""
    try:
        return path.lstat().st_mode
    except OSError:
        return 0
