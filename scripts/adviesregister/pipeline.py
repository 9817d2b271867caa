"""Every command's recipe. Load → check → derive runs once, here, for every caller; then the open data, the pages,
the site engine and the search index.

    prepare        content/ → checked model + derived values (or the problems)
    render_pages   prepare → open data → Markdown pages in build/pages/
    build_site     prepare → (holding the archive lock) open data → pages → mkdocs build --strict → Pagefind,
                   into a new folder beside site/ that takes site/'s place only when complete
    export         prepare → export_open_data(prepared, out): the open data in any folder (the CLI's `export`)
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from adviesregister.base.atomic import archive_lock, new_folder_for
from adviesregister.base.folders import remove_links
from adviesregister.content.check import CheckCaches, check_project, load_project, sorted_problems
from adviesregister.content.derive import derive_archive, reference_date
from adviesregister.content.launch import example_settings
from adviesregister.content.model import Problem
from adviesregister.content.names import OPEN_DATA
from adviesregister.content.prepared import Prepared
from adviesregister.content.project import Project
from adviesregister.opendata.files import export_open_data
from adviesregister.site.engine import index_search, run_mkdocs, site_folder
from adviesregister.site.render import render_site


@dataclass
class BuildResult:
    problems: list[Problem] = field(default_factory=list)
    documents: int = 0
    pages: int = 0
    seconds: float = 0.0
    warnings: tuple[str, ...] = ()
    """What the build could do, but the person building should know (Dutch): commit times out of range."""


def prepare(project: Project) -> tuple[Prepared | None, list[Problem]]:
    """Load → check → derive: the content read and every rule applied; without problems, status, links and deadlines
    derived as of today (SOURCE_DATE_EPOCH)."""
    archive, problems = load_project(project)
    if archive is None:  # content/ is a link: nothing in it was read
        return None, problems
    caches = CheckCaches.open(project)  # the last build's results of the costliest checks
    problems = sorted_problems(problems + check_project(project, archive, caches))
    if problems:  # content with problems builds nothing, not even the cache
        return None, problems
    caches.save()
    today = reference_date()
    return Prepared(project, archive, derive_archive(archive, today), today), []


def render_pages(project: Project) -> BuildResult:
    """Check the content, then write the open data and the site's Markdown pages; nothing is written if there are problems."""
    start = time.perf_counter()
    prepared, problems = prepare(project)
    if prepared is None:
        return BuildResult(problems=problems)
    result = _write_pages(prepared)
    result.seconds = time.perf_counter() - start
    return result


def _write_pages(prepared: Prepared) -> BuildResult:
    # a link (or pipe) committed into build/ is removed, never followed; any other file this build does not write is
    # removed by the page writer before MkDocs runs. (Emptying build/pages/ instead costs 20 s at 3,000 documents.)
    remove_links(prepared.project.root / "build")
    export = export_open_data(prepared, prepared.project.pages / OPEN_DATA)
    pages = render_site(prepared, export)
    return BuildResult(documents=len(prepared.archive.documents), pages=pages, warnings=prepared.history.warnings)


def build_site(project: Project) -> BuildResult:
    """Check the content; then, one build at a time (ArchiveBusyError otherwise), the open data and the pages, the HTML
    (`mkdocs build --strict`) and the search index in a new folder, which replaces site/ in one step when complete.
    A build that fails or is killed leaves the previous site/ as it was."""
    start = time.perf_counter()
    prepared, problems = prepare(project)
    problems += example_settings(project)  # the example address and contact never go live (content/launch.py)
    if prepared is None or problems:
        return BuildResult(problems=problems)
    with archive_lock(project.root, "bouw"):
        result = _write_pages(prepared)
        with new_folder_for(site_folder(project.mkdocs_config)) as fresh:
            index_search(run_mkdocs(project.mkdocs_config, fresh))
    result.seconds = time.perf_counter() - start
    return result
