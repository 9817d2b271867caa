"""The MkDocs plugin behind `make serve`: while `mkdocs serve` runs, re-render the pages when content/ or the templates
change, and index them for search. `make site` renders the pages itself before the engine runs; this only serves the preview.

Registered as the MkDocs plugin `adviesregister` (see pyproject.toml), so it works from an installed wheel too.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Any

from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin

from adviesregister.content.model import format_problems
from adviesregister.content.project import Project
from adviesregister.pipeline import render_pages
from adviesregister.site.engine import index_search


class PreviewPlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    command = ""
    """The mkdocs command that runs: 'serve', 'build' or 'gh-deploy'."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_serve(self, server: Any, /, *, config: Any, builder: Any) -> Any:
        templates = Path(str(files("adviesregister.site").joinpath("templates")))
        if templates.is_dir():
            server.watch(str(templates))
        return server

    def on_pre_build(self, *, config: Any) -> None:
        if self.command != "serve":
            return
        result = render_pages(Project(Path(config.config_file_path).parent))
        if result.problems:
            raise Abort(format_problems(result.problems, "Voorbeeld niet bijgewerkt."))

    def on_post_build(self, *, config: Any) -> None:
        if self.command == "serve":
            index_search(Path(config.site_dir))  # so that search works in the preview too
