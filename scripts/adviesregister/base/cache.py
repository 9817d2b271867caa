"""Results of the costly work on each document (the privacy check, a letter's HTML and its plain text), kept in
build/cache/ so that a build after a small change redoes that work only for what changed.

A result is stored under the sha256 of everything it is computed from together with the version of the code and of
every installed library: a changed input or a changed program gives a new key, never a stale result. A cache file
holds only what the last build used, so it does not grow with every change.

Whatever is in build/ could have come with a pull request, and a forged result would reach the public site (HTML) or
hide personal data (the privacy check). So each file is signed (HMAC-SHA256) with a key that lives outside the
checkout, in this machine's cache folder: a file this machine did not write is ignored, as is a damaged one. A key
folder inside the checkout (XDG_CACHE_HOME or HOME pointing there, as some CI set-ups do) could come with the pull
request too, so then there is no cache at all. build/cache/ is read and written only as a real folder of regular files.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import stat
from collections.abc import Callable, Sequence
from functools import cache
from importlib import metadata
from importlib.resources import files
from pathlib import Path
from typing import Any, TypeVar

from adviesregister.base.folders import keep_only_files, open_own_file, remove_links
from adviesregister.base.parallel import parallel_map

T = TypeVar("T")
R = TypeVar("R")

CACHE_ENV = "ADVIESREGISTER_CACHE"
"""Set to 0 to build without the cache (every result computed anew)."""


def cache_folder(root: Path) -> Path:
    return root / "build" / "cache"


def _checkout_of(folder: Path) -> Path:
    """The project that build/cache/ `folder` belongs to, or the git work tree holding it (a `.git` above it)."""
    project = folder.resolve().parents[1]
    for above in (project, *project.parents):
        if (above / ".git").exists():
            return above
    return project


def key_in_checkout(folder: Path) -> bool:
    """Whether the signing key's folder lies inside the checkout that holds cache folder `folder` (both resolved):
    a pull request could then bring the key along with a forged cache."""
    return _key_file().parent.resolve().is_relative_to(_checkout_of(folder))


@cache
def code_version() -> str:
    """The sha256 of our package's files (code, templates, the schemas and the reference data it ships) and of the name
    and version of every installed library."""
    digest = hashlib.sha256()
    for package in ("adviesregister", "adviesregister.schemas", "adviesregister.data"):
        root = Path(str(files(package)))
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix != ".pyc":
                digest.update(f"{package}/{path.relative_to(root).as_posix()}".encode() + b"\0" + path.read_bytes() + b"\0")
    for name, version in sorted((dist.metadata["Name"] or "", dist.version) for dist in metadata.distributions()):
        digest.update(f"{name}=={version}\0".encode())
    return digest.hexdigest()


def _key_file() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "adviesregister" / "cache-sleutel"


@cache
def _signing_key() -> bytes | None:
    """This machine's key for signing cache files, made on first use; None when it cannot be kept (no cache then)."""
    path = _key_file()
    try:
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            fresh = path.with_name(f".{path.name}.{os.getpid()}")
            fresh.write_bytes(secrets.token_bytes(32))
            fresh.chmod(0o600)
            fresh.replace(path)
        key = path.read_bytes()
    except OSError:
        return None
    return key if len(key) == 32 else None


def _sign(key: bytes, body: bytes) -> bytes:
    return hmac.new(key, body, hashlib.sha256).hexdigest().encode()


def _read(path: Path, key: bytes) -> dict[str, Any]:
    """The results in a cache file, if this machine signed it for this version of the code; else none."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
        with os.fdopen(fd, "rb") as handle:
            raw = handle.read() if stat.S_ISREG(os.fstat(handle.fileno()).st_mode) else b""
        signature, body = raw.split(b"\n", 1)
        if not hmac.compare_digest(signature, _sign(key, body)):
            return {}
        data = json.loads(body)
    except (OSError, ValueError):
        return {}
    results = data.get("resultaten") if isinstance(data, dict) and data.get("versie") == code_version() else None
    return results if isinstance(results, dict) else {}


def _write(path: Path, key: bytes, results: dict[str, Any]) -> None:
    """Replace the cache file in one step (a killed build leaves the previous one); a cache that cannot be written is no error."""
    body = json.dumps({"versie": code_version(), "resultaten": results}, ensure_ascii=False, separators=(",", ":")).encode()
    fresh = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with os.fdopen(open_own_file(fresh, os.O_WRONLY | os.O_TRUNC), "wb") as handle:
            handle.write(_sign(key, body) + b"\n" + body)
        fresh.replace(path)
    except OSError:
        fresh.unlink(missing_ok=True)


def text_key(text: str) -> str:
    """The key of a result computed from this text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _clean(folder: Path) -> None:
    """build/ and build/cache/ as real folders (a symlink at either is removed), build/cache/ with regular files only."""
    for part in (folder.parent, folder):
        if part.is_symlink():
            remove_links(part)
    if folder.exists():
        keep_only_files(folder)


class ResultCache:
    """The results kept in folder/name.json (none when `folder` is None, the cache is switched off or no key can be kept)."""

    def __init__(self, folder: Path | None, name: str) -> None:
        """`folder`: the project's build/cache/ (cache_folder). A symlink at build/ or in build/cache/ is removed first."""
        if folder is not None:
            _clean(folder)
        use = folder is not None and os.environ.get(CACHE_ENV, "1") != "0" and not key_in_checkout(folder)
        self.key = _signing_key() if use else None
        self.path = folder / f"{name}.json" if folder is not None else None
        self.known: dict[str, Any] = _read(self.path, self.key) if self.path is not None and self.key is not None else {}
        self.kept: dict[str, Any] | None = None

    def map(
        self,
        function: Callable[[T], R],
        items: Sequence[T],
        keys: Sequence[str],
        encode: Callable[[R], Any] = lambda value: value,
        decode: Callable[[Any], R] = lambda value: value,
    ) -> list[R]:
        """`parallel_map(function, items)`, with the result of each item whose key (see text_key) the last build saw
        taken from the cache. `encode`/`decode` turn a result into JSON values and back."""
        missing = [index for index, item_key in enumerate(keys) if item_key not in self.known]
        computed = dict(zip(missing, parallel_map(function, [items[index] for index in missing]), strict=True))
        results = [computed[index] if index in computed else decode(self.known[item_key]) for index, item_key in enumerate(keys)]
        self.kept = {item_key: self.known[item_key] if index not in computed else encode(computed[index]) for index, item_key in enumerate(keys)}
        return results

    def save(self) -> None:
        """Keep what the last `map` used, and only that."""
        if self.path is not None and self.key is not None and self.kept is not None and self.kept != self.known:
            _write(self.path, self.key, self.kept)


def cached_map(function: Callable[[T], R], items: Sequence[T], keys: Sequence[str], folder: Path | None, name: str) -> list[R]:
    """ResultCache(folder, name).map(function, items, keys), saved at once."""
    store = ResultCache(folder, name)
    results = store.map(function, items, keys)
    store.save()
    return results
