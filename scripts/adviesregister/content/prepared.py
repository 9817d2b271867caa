"""The prepared archive: the content loaded and checked, with everything derived from it as of one day. Made once by
pipeline.prepare and handed whole to every later stage (the open data, the pages), as Pelican hands its `context`.

The costlier parts (the settings, git's history, each document's history, the originals the site may publish) are
read when a stage first asks for them, and only once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

from adviesregister.base.cache import cache_folder
from adviesregister.content.history import ContentHistory, HistoryEvent, document_history, read_history
from adviesregister.content.model import Archive, Derived
from adviesregister.content.originals import Verdict, publishable_originals
from adviesregister.content.project import Project
from adviesregister.content.settings import Settings, load_settings


@dataclass(frozen=True)
class Prepared:
    """The content, checked, with everything derived from it as of `today`."""

    project: Project
    archive: Archive
    derived: dict[str, Derived]
    today: date

    @property
    def cache(self) -> Path:
        """Where the costly results per document are kept between builds (base/cache.py): build/cache/."""
        return cache_folder(self.project.root)

    @cached_property
    def settings(self) -> Settings:
        """From mkdocs.yml (public address, licence, publisher, contact), read once and only when needed: `check` needs none."""
        return load_settings(self.project)

    @cached_property
    def history(self) -> ContentHistory:
        """What git knows of content/ (dates per file, the versions, the content's commit), read once; the documents
        just checked need not be judged again for the versions."""
        return read_history(self.project.root, self.today, frozenset(doc.path for doc in self.archive.documents))

    @cached_property
    def histories(self) -> dict[str, list[HistoryEvent]]:
        """Every document's history in the archive: published, changed, and for an advice its status changes."""
        by_id = self.archive.by_id()
        return {doc.id: document_history(doc, self.derived, by_id, self.history.dates, self.today) for doc in self.archive.documents}

    @cached_property
    def publishable(self) -> dict[str, Verdict]:
        """The documents whose original the site publishes (all of it read, no personal data in it), checked once."""
        return publishable_originals(self.archive.documents, self.project.content, self.cache)
