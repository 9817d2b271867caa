"""Where things are in a checkout of the project."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def documenten(self) -> Path:
        return self.content / "documenten"

    @property
    def paginas(self) -> Path:
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
        """A path as the author sees it: relative to the project, with forward slashes."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()
