"""Pagefind's filter index in a fixed order, so that the same pages always give the same files.

Pagefind 1.5 writes its filter chunks and the list of filters in its metadata file (`pagefind.<hash>.pf_meta`) in the
order of a Rust hash map, which changes from run to run; the chunk and metadata file names are hashes of that content,
so two builds of the same pages differ in five or six files (its own changelog says these files "will still change").
This module reads those files (gzip around the 12 bytes `pagefind_dcd` and CBOR), sorts every filter's values and
the filter list by name, writes them back and renames them by a hash of the new content; `pagefind-entry.json`
then names the new metadata file. The search reads exactly the same data, in a stable order.

Only the format of the Pagefind version that is pinned is understood; any other shape stops the build with a message
rather than writing a broken index.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

import cbor2

SIGNATURE = b"pagefind_dcd"
VERSION = "1.5.2"


class PagefindFormatError(Exception):
    """Pagefind wrote files in a shape this module does not know (another version?). For whoever upgrades Pagefind,
    not for a person who builds: not an AdviesregisterError, so the command line reports it as a bug (exit code 2)."""


def order_search_index(site: Path) -> None:
    """Rewrite `site/pagefind`'s filter chunks and metadata in sorted order, under names made from their content."""
    folder = site / "pagefind"
    entry_path = folder / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    if entry.get("version") != VERSION:
        raise PagefindFormatError(f"Pagefind {entry.get('version')} is niet de versie {VERSION} die deze stap kent; pas pagefind_order.py aan.")
    for language, info in entry["languages"].items():
        meta_path = folder / f"pagefind.{info['hash']}.pf_meta"
        meta = _read(meta_path)
        if not (isinstance(meta, list) and len(meta) > 3 and meta[0] == VERSION and isinstance(meta[3], list)):
            raise PagefindFormatError(f"{meta_path.name} heeft niet de vorm van Pagefind {VERSION}.")
        filters = []
        for name, chunk in meta[3]:
            chunk_path = folder / "filter" / f"{chunk}.pf_filter"
            content = _read(chunk_path)
            if not (isinstance(content, list) and len(content) == 2 and content[0] == name and isinstance(content[1], list)):
                raise PagefindFormatError(f"{chunk_path.name} heeft niet de vorm van Pagefind {VERSION}.")
            data = _encode([name, sorted(([value, sorted(pages)] for value, pages in content[1]), key=lambda item: item[0])])
            new_chunk = f"{language}_{_digest(data)[:7]}"
            chunk_path.unlink()
            (folder / "filter" / f"{new_chunk}.pf_filter").write_bytes(data)
            filters.append([name, new_chunk])
        meta[3] = sorted(filters)
        if len(meta) > 4 and isinstance(meta[4], list):
            meta[4] = sorted(meta[4], key=lambda item: item[0])
        data = _encode(meta)
        new_hash = f"{language}_{_digest(data)[:10]}"
        meta_path.unlink()
        (folder / f"pagefind.{new_hash}.pf_meta").write_bytes(data)
        info["hash"] = new_hash
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _read(path: Path) -> Any:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise PagefindFormatError(f"{path.name} begint niet met {SIGNATURE.decode()}.")
    return cbor2.loads(raw[len(SIGNATURE) :])


def _encode(value: Any) -> bytes:
    """Pagefind's own framing: the signature and CBOR, gzipped without a time stamp."""
    return gzip.compress(SIGNATURE + cbor2.dumps(value), compresslevel=9, mtime=0)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
