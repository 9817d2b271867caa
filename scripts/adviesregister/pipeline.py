"""The whole build as a recipe: check, derive, render, then let the site engine write HTML."""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from adviesregister.content.check import check_project
from adviesregister.content.derive import derive_archive, reference_date
from adviesregister.content.model import Problem
from adviesregister.content.project import Project
from adviesregister.site.render import render_site


@dataclass
class BuildResult:
    problems: list[Problem] = field(default_factory=list)
    documenten: int = 0
    paginas: int = 0
    seconden: float = 0.0


def render_pages(project: Project) -> BuildResult:
    """Check the content and write the site's Markdown pages; nothing is written if there are problems."""
    start = time.perf_counter()
    archive, problems = check_project(project)
    if problems:
        return BuildResult(problems=problems)
    today = reference_date()
    derived = derive_archive(archive, today)
    paginas = render_site(project, archive, derived, today)
    return BuildResult(documenten=len(archive.documenten), paginas=paginas, seconden=time.perf_counter() - start)


def build_site(project: Project) -> BuildResult:
    """render_pages, then `mkdocs build --strict` into site/."""
    start = time.perf_counter()
    result = render_pages(project)
    if result.problems:
        return result
    config = load_config(config_file=str(project.mkdocs_config), strict=True)
    mkdocs_build(config)
    index_search(Path(config.site_dir))
    result.seconden = time.perf_counter() - start
    return result


class SearchIndexError(Exception):
    """Pagefind failed; the message holds its output."""


def index_search(site: Path) -> None:
    """Pagefind over the built site: a search index in small chunks, with Dutch stemming (from <html lang="nl">)."""
    done = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--quiet"], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SearchIndexError(done.stdout + done.stderr)
