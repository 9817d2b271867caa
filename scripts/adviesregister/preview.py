"""Thin MkDocs hook: while `mkdocs serve` runs, re-render the pages when content/ changes, and index them for search.

`make site` renders the pages itself before the engine runs; this hook only serves the preview.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import Abort

from adviesregister.content.model import summarize_problems
from adviesregister.content.project import Project
from adviesregister.pipeline import index_search, render_pages

_command = {"name": ""}


def on_startup(command: str, dirty: bool) -> None:
    _command["name"] = command


def on_pre_build(config: Any) -> None:
    if _command["name"] != "serve":
        return
    result = render_pages(Project(Path(config.config_file_path).parent))
    if result.problems:
        lines = [str(problem) for problem in result.problems]
        raise Abort("\n".join([*lines, summarize_problems(result.problems) + " Voorbeeld niet bijgewerkt."]))


def on_post_build(config: Any) -> None:
    if _command["name"] == "serve":
        index_search(Path(config.site_dir))  # so that search works in the preview too
