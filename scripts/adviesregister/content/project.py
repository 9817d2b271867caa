"""Where things are in a checkout of the project."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def documents(self) -> Path:
        return self.content / "documenten"

    @property
    def content_pages(self) -> Path:
        """The hand-written pages of content/paginas/ ('Over dit archief')."""
        return self.content / "paginas"

    @property
    def gemeenten_file(self) -> Path:
        return self.content / "gemeenten.yml"

    @property
    def pages(self) -> Path:
        """The Markdown pages our pipeline renders for the site engine."""
        return self.root / "build" / "pages"

    @property
    def mkdocs_config(self) -> Path:
        return self.root / "mkdocs.yml"

    def relative(self, path: Path) -> str:
        """A path as the author sees it: relative to the project, with forward slashes. A symlink is named by where it
        stands, never by where it points."""
        inner, outer = Path(os.path.abspath(path)), Path(os.path.abspath(self.root))
        if inner.is_relative_to(outer):
            return inner.relative_to(outer).as_posix()
        try:  # the root named through a symlink
            inner, outer = path.resolve(), self.root.resolve()
        except (OSError, RuntimeError):  # a symlink loop: never followed, named as it stands
            return path.as_posix()
        return inner.relative_to(outer).as_posix() if inner.is_relative_to(outer) else path.as_posix()
