"""Every command's recipe. Load → check → derive runs once, here, for every caller; then the open data, the pages,
the site engine and the search index.

    prepare        content/ → checked model + derived values (or the problems)
    render_pages   prepare → open data → Markdown pages in build/pages/
    build_site     prepare → (holding the archive lock) open data → pages → mkdocs build --strict → Pagefind,
                   into a new folder beside site/ that takes site/'s place only when complete
    write_export   prepare → open data in any folder
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

from adviesregister.base.atomic import archive_lock, new_folder_for
from adviesregister.base.cache import cache_folder
from adviesregister.base.folders import remove_links
from adviesregister.content.check import check_project
from adviesregister.content.derive import derive_archive, reference_date
from adviesregister.content.history import ContentHistory, HistoryEvent, document_history, read_history
from adviesregister.content.launch import example_settings
from adviesregister.content.model import Archive, Derived, Problem
from adviesregister.content.names import OPEN_DATA
from adviesregister.content.originals import Verdict, publishable_originals
from adviesregister.content.project import Project
from adviesregister.content.settings import Settings, load_settings
from adviesregister.opendata.files import ExportResult, export_open_data
from adviesregister.site.engine import index_search, run_mkdocs, site_folder
from adviesregister.site.render import render_site


@dataclass(frozen=True)
class Prepared:
    """The content, checked, with everything derived from it as of `today`."""

    project: Project
    archive: Archive
    derived: dict[str, Derived]
    today: date

    @cached_property
    def settings(self) -> Settings:
        """From mkdocs.yml (public address, licence, publisher, contact), read once and only when needed: `check` needs none."""
        return load_settings(self.project)

    @cached_property
    def history(self) -> ContentHistory:
        """What git knows of content/ (dates per file, the versions, the content's commit), read once; the documents
        just checked need not be judged again for the versions."""
        return read_history(self.project.root, self.today, frozenset(doc.pad for doc in self.archive.documenten))

    @cached_property
    def histories(self) -> dict[str, list[HistoryEvent]]:
        """Every document's history in the archive: published, changed, and for an advice its status changes."""
        by_id = self.archive.by_id()
        return {doc.id: document_history(doc, self.derived, by_id, self.history.dates, self.today) for doc in self.archive.documenten}

    @cached_property
    def publishable(self) -> dict[str, Verdict]:
        """The documents whose original the site publishes (all of it read, no personal data in it), checked once."""
        return publishable_originals(self.archive.documenten, self.project.content, cache_folder(self.project.root))


@dataclass
class BuildResult:
    problems: list[Problem] = field(default_factory=list)
    documenten: int = 0
    paginas: int = 0
    seconden: float = 0.0
    waarschuwingen: tuple[str, ...] = ()
    """What the build could do, but the person building should know (Dutch): commit times out of range."""


def prepare(project: Project) -> tuple[Prepared | None, list[Problem]]:
    """Load and check everything; without problems, derive status, links and deadlines as of today (SOURCE_DATE_EPOCH)."""
    archive, problems = check_project(project)
    if problems:
        return None, problems
    today = reference_date()
    return Prepared(project, archive, derive_archive(archive, today), today), []


def write_export(prepared: Prepared, out: Path) -> ExportResult:
    """The open data of the prepared archive, into `out`."""
    return export_open_data(
        out,
        prepared.archive,
        prepared.derived,
        prepared.settings,
        prepared.today,
        prepared.history,
        prepared.histories,
        prepared.publishable,
        cache_folder(prepared.project.root),
    )


def render_pages(project: Project) -> BuildResult:
    """Check the content, then write the open data and the site's Markdown pages; nothing is written if there are problems."""
    start = time.perf_counter()
    prepared, problems = prepare(project)
    if prepared is None:
        return BuildResult(problems=problems)
    result = _write_pages(prepared)
    result.seconden = time.perf_counter() - start
    return result


def _write_pages(prepared: Prepared) -> BuildResult:
    # a link (or pipe) committed into build/ is removed, never followed; any other file this build does not write is
    # removed by the page writer before MkDocs runs. (Emptying build/pages/ instead costs 20 s at 3,000 documents.)
    remove_links(prepared.project.root / "build")
    export = write_export(prepared, prepared.project.pages / OPEN_DATA)
    paginas = render_site(
        prepared.project, prepared.archive, prepared.derived, prepared.settings, export, prepared.history, prepared.histories, prepared.publishable
    )
    return BuildResult(documenten=len(prepared.archive.documenten), paginas=paginas, waarschuwingen=prepared.history.waarschuwingen)


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
    result.seconden = time.perf_counter() - start
    return result
