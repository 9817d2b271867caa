"""git's own record of a folder, read as bytes: the commits on the main line with what each changed (renames followed),
and the content of files at a commit. Names come NUL-separated (`-z`), so no setting (core.quotePath) and no byte
(Latin-1, a newline, a tab) changes them; a name that is no UTF-8 keeps its bytes (os.fsdecode, as pathlib does).
Nothing here judges what it reads: content/history.py does."""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Change:
    """One file's change in a commit."""

    status: str
    """'A' added, 'M' changed, 'D' removed, 'R' renamed (moved), 'T' changed kind; C and others count as added."""
    path: str
    """The path (relative to the project) after the change; for 'D' the path removed."""
    blob: str
    """git's id of the content after the change; for 'D' of the content before."""
    van: str | None = None
    """For 'R': the path before."""


@dataclass(frozen=True)
class Commit:
    sha: str
    stamp: int | None
    """The committer's time in seconds since 1970 as git has it; None when git cannot read it."""
    changes: tuple[Change, ...]


_LOG = ["log", "--first-parent", "--diff-merges=first-parent", "-M", "--raw", "--no-abbrev", "-z", "--format=%x00%H %ct"]


def read_log(root: Path, folder: str) -> list[Commit] | None:
    """The commits on the main line that changed `folder`, newest first; None without git (or without history)."""
    if not (root / ".git").exists():
        return None
    try:
        done = subprocess.run(["git", "-C", str(root), *_LOG, "--", folder], capture_output=True, check=False)
    except OSError:  # no git installed
        return None
    if done.returncode != 0 or not done.stdout.strip(b"\0\n"):
        return None
    return _parse_log(done.stdout.split(b"\0"))


def _parse_log(tokens: list[bytes]) -> list[Commit]:
    """`git log --raw -z` as tokens: a header 'SHA TIME', then per change ':modes blobs STATUS' and one path (two for a
    rename), each its own token. Paths are taken by position, so no name can pass for a header."""
    commits: list[Commit] = []
    sha, stamp, changes = "", None, []
    index = 0
    while index < len(tokens):
        token = tokens[index].lstrip(b"\n")
        index += 1
        if not token:
            continue
        if token.startswith(b":"):
            _, _, old_blob, new_blob, status = token.decode("ascii").split(" ")
            paths = tokens[index : index + (2 if status[:1] in "RC" else 1)]
            index += len(paths)
            names = [os.fsdecode(path) for path in paths]
            if status[:1] == "R":
                changes.append(Change("R", names[1], new_blob, names[0]))
            elif status[:1] == "D":
                changes.append(Change("D", names[0], old_blob))
            else:
                changes.append(Change(status[:1] if status[:1] in "MT" else "A", names[-1], new_blob))
            continue
        if sha:
            commits.append(Commit(sha, stamp, tuple(changes)))
        head, _, time = token.decode("ascii", errors="replace").partition(" ")
        sha, stamp, changes = head, _seconds(time), []
    if sha:
        commits.append(Commit(sha, stamp, tuple(changes)))
    return commits


def _seconds(text: str) -> int | None:
    try:
        return int(text)
    except ValueError:  # git prints nothing for a time it cannot read (a negative one, for example)
        return None


def read_blobs(root: Path, blobs: Iterable[str]) -> dict[str, bytes]:
    """The content of each blob, in one `git cat-file --batch`; a blob git does not have is left out."""
    wanted = sorted(set(blobs))
    if not wanted:
        return {}
    done = subprocess.run(
        ["git", "-C", str(root), "cat-file", "--batch"], input="".join(f"{blob}\n" for blob in wanted).encode(), capture_output=True, check=True
    )
    found: dict[str, bytes] = {}
    out, position = done.stdout, 0
    for blob in wanted:
        end = out.index(b"\n", position)
        header = out[position:end].split()
        position = end + 1
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            found[blob] = out[position : position + size]
            position += size + 1
    return found


def blob_id(data: bytes, like: str) -> str:
    """git's id of a file with this content, in the object format of `like` (SHA-1, or SHA-256 in a newer repository)."""
    digest = hashlib.sha256 if len(like) == 64 else hashlib.sha1
    return digest(b"blob %d\0" % len(data) + data).hexdigest()
