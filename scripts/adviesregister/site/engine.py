"""The site engine and the search index: `mkdocs build --strict` over the rendered pages, then Pagefind over the HTML."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config


class SearchIndexError(Exception):
    """Pagefind failed; the message holds its output."""


def run_mkdocs(config_file: Path) -> Path:
    """Build the HTML with MkDocs (strict: a warning stops the build); returns the site folder."""
    config = load_config(config_file=str(config_file), strict=True)
    mkdocs_build(config)
    return Path(config.site_dir)


def index_search(site: Path) -> None:
    """Pagefind over the built site: a search index in small chunks, with Dutch stemming (from <html lang="nl">)."""
    done = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--quiet"], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SearchIndexError(done.stdout + done.stderr)
