"""The whole build as a recipe: check, derive, render, then let the site engine write HTML."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from .check import check_project
from .derive import derive_archive, reference_date
from .model import Problem
from .project import Project
from .render import render_site


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
    derived = derive_archive(archive, reference_date())
    paginas = render_site(project, archive, derived)
    return BuildResult(documenten=len(archive.documenten), paginas=paginas, seconden=time.perf_counter() - start)


def build_site(project: Project) -> BuildResult:
    """render_pages, then `mkdocs build --strict` into site/."""
    start = time.perf_counter()
    result = render_pages(project)
    if result.problems:
        return result
    config = load_config(config_file=str(project.mkdocs_config), strict=True)
    mkdocs_build(config)
    result.seconden = time.perf_counter() - start
    return result
