"""Writes that happen completely or not at all, and one writer at a time.

    archive_lock     one build, import or preview render of an archive at a time (fcntl.flock on build/.bouwen.lock;
                     the system releases it when the process ends, however it ends)
    write_all        several files, every one or none: each through a temporary file beside it, fsync, os.replace
    new_folder_for   a folder built beside its target and swapped in, in one step, only when it is complete

A process killed at any moment leaves the previous files as they were; what it leaves besides (a `.…nieuw` file, a
`.site-nieuw-…` folder) is never read, and the next build removes the folders.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import secrets
import shutil
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

from adviesregister.base.errors import AdviesregisterError
from adviesregister.base.folders import open_own_file, remove_links

LOCK_FILE = Path("build") / ".bouwen.lock"
WAIT_SECONDS = 2.0
"""How long a command waits for another one to finish before it refuses."""

_REASONS = {
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "uw schijfruimte (quotum) is op",
    errno.EACCES: "geen schrijfrechten",
    errno.EPERM: "geen schrijfrechten",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.ENAMETOOLONG: "de naam is te lang",
}


class ArchiveBusyError(AdviesregisterError):
    """Another process holds the archive lock; the message says which kind, in Dutch."""

    def __init__(self, holder: str, doing: str) -> None:
        other = "andere " if holder == doing else ""
        super().__init__(f"Er draait al een {other}{holder} van dit archief. Wacht tot die klaar is en probeer het opnieuw.")


class WriteError(AdviesregisterError):
    """Writing `path` failed; nothing of the whole batch was written (or it was put back)."""

    def __init__(self, path: Path, error: OSError) -> None:
        super().__init__(f"{path}: {error}")
        self.path = path
        self.reason = failure_reason(error)


def failure_reason(error: OSError) -> str:
    """Why a write failed, in plain Dutch."""
    known = _REASONS.get(error.errno or 0)
    return known or f"het systeem meldt '{error.strerror or error}'"


@contextmanager
def archive_lock(root: Path, doing: str, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the archive's lock while the block runs (`doing` names the command for whoever has to wait: 'bouw',
    'import'); wait up to `wait` seconds for another holder, then raise ArchiveBusyError. A symlink at build/ or at the
    lock file is removed first: the lock is never opened (or truncated) through one."""
    path = root / LOCK_FILE
    if path.parent.is_symlink():
        remove_links(path.parent)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = open_own_file(path, os.O_RDWR)
    try:
        _acquire(fd, doing, time.monotonic() + wait)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{doing}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _acquire(fd: int, doing: str, deadline: float) -> None:
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                holder = os.pread(fd, 100, 0).decode("utf-8", "replace").strip()
                raise ArchiveBusyError(holder or "bewerking", doing) from None
            time.sleep(0.1)


def write_all(files: Sequence[tuple[Path, bytes]]) -> None:
    """Write every file, or none: first each to a temporary file in its own folder (fsync), then replace them one by
    one. When anything fails, the temporary files and new folders go, files already replaced get their old content
    back, and WriteError names the file that failed."""
    folders: list[Path] = []
    staged: list[tuple[Path, Path, bytes | None]] = []
    try:
        for path, data in files:
            try:
                folders += _make_folders(path.parent)
                previous = path.read_bytes() if path.exists() else None
                staged.append((_stage(path, data), path, previous))
            except OSError as err:
                raise WriteError(path, err) from err
        _replace_all(staged)
    except BaseException:
        for temp, _, _ in staged:
            temp.unlink(missing_ok=True)
        for folder in reversed(folders):
            with suppress(OSError):
                folder.rmdir()
        raise
    for folder in dict.fromkeys(path.parent for _, path, _ in staged):
        _sync_folder(folder)


def _replace_all(staged: list[tuple[Path, Path, bytes | None]]) -> None:
    done: list[tuple[Path, bytes | None]] = []
    try:
        for temp, path, previous in staged:
            try:
                os.replace(temp, path)
            except OSError as err:
                raise WriteError(path, err) from err
            done.append((path, previous))
    except BaseException:
        _put_back(done)
        raise


def _put_back(done: list[tuple[Path, bytes | None]]) -> None:
    """Undo replacements already made: a new file goes, an overwritten one gets its old content back."""
    for path, previous in reversed(done):
        try:
            if previous is None:
                path.unlink(missing_ok=True)
            else:
                os.replace(_stage(path, previous), path)
        except OSError:
            continue  # best effort: the error that started this is the one to report


def _stage(path: Path, data: bytes) -> Path:
    """`data` in a new temporary file beside `path` (with `path`'s permissions when it exists), on disk."""
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.nieuw")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
    try:
        if path.exists():
            os.fchmod(fd, path.stat().st_mode & 0o7777)
        with os.fdopen(fd, "wb", closefd=False) as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    finally:
        os.close(fd)
    return temp


def _make_folders(folder: Path) -> list[Path]:
    """Make `folder` and its missing parents; returns the ones made, outermost first."""
    missing = [part for part in [folder, *folder.parents] if not part.exists()]
    for part in reversed(missing):
        part.mkdir()
    return list(reversed(missing))


def _sync_folder(folder: Path) -> None:
    """Put a folder's new entries (a rename) on disk, where the system allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return
    with suppress(OSError):
        os.fsync(fd)
    os.close(fd)


@contextmanager
def new_folder_for(target: Path) -> Iterator[Path]:
    """A new, empty folder beside `target` to build in. When the block ends without an error the new folder takes
    `target`'s place in one step; otherwise it is removed and `target` stays as it was. Leftovers of a killed run
    are removed first, so call this only while holding the archive lock. A symlink at `target` (or a leftover) is
    removed, never followed."""
    for stale in [*target.parent.glob(f".{target.name}-nieuw-*"), *target.parent.glob(f".{target.name}-oud-*")]:
        if stale.is_symlink():
            stale.unlink()
        shutil.rmtree(stale, ignore_errors=True)
    if target.is_symlink():
        target.unlink()
    fresh = target.parent / f".{target.name}-nieuw-{secrets.token_hex(4)}"
    fresh.mkdir(parents=True)
    try:
        yield fresh
        swap_in(fresh, target)
    finally:
        shutil.rmtree(fresh, ignore_errors=True)  # after an exchange it holds the previous folder


def swap_in(fresh: Path, target: Path) -> None:
    """Put folder `fresh` where `target` is. On Linux the two are exchanged in one step (so `target` is never missing,
    and `fresh` then holds the old folder); elsewhere, or the first time, the old folder is renamed aside first."""
    if not (target.exists() and exchange(fresh, target)):
        aside = target.parent / f".{target.name}-oud-{secrets.token_hex(4)}"
        if target.exists():
            os.replace(target, aside)
        os.replace(fresh, target)
        shutil.rmtree(aside, ignore_errors=True)
    _sync_folder(target.parent)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_UNSUPPORTED = {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EPERM}


def exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically with Linux's renameat2(RENAME_EXCHANGE); False when the system or file system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False  # a libc without renameat2 (glibc before 2.28)
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(second))
