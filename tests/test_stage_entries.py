"""One level down reads like the top: the stage entries take the prepared archive whole and are short recipes of named
steps (issue 27). Read from the code itself, as tests/test_architecture.py reads the imports."""

from __future__ import annotations

import ast
import inspect
from collections.abc import Callable
from typing import Any

import pytest

from adviesregister import pipeline
from adviesregister.content import check
from adviesregister.opendata import files
from adviesregister.site import render

ENTRIES: list[Callable[..., Any]] = [files.export_open_data, render.render_site, check.check_project, pipeline.prepare]
MAX_LINES = 30
MAX_BRANCHES = 4
"""A recipe calls its steps in order: it may stop early or choose, but loops and their bodies belong in a step."""


def test_the_stages_take_the_prepared_archive_whole() -> None:
    """export_open_data and render_site get the one Prepared, not its parts; no parameter with a default no caller uses."""
    for entry, names in ((files.export_open_data, ["prepared", "out"]), (render.render_site, ["prepared", "export"])):
        parameters = inspect.signature(entry).parameters
        assert list(parameters) == names, entry.__name__
        assert all(parameter.default is inspect.Parameter.empty for parameter in parameters.values()), entry.__name__
    assert inspect.signature(files.export_open_data).parameters["prepared"].annotation == "Prepared"


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: f"{entry.__module__}.{entry.__name__}")
def test_a_stage_entry_is_a_short_recipe(entry: Callable[..., Any]) -> None:
    source = inspect.getsource(entry)
    function = ast.parse(source).body[0]
    assert isinstance(function, ast.FunctionDef)
    assert len(source.splitlines()) <= MAX_LINES
    loops = [
        node for node in ast.walk(function) if isinstance(node, (ast.For, ast.While, ast.comprehension, ast.FunctionDef, ast.Lambda)) and node is not function
    ]
    branches = [node for node in ast.walk(function) if isinstance(node, (ast.If, ast.IfExp, ast.BoolOp, ast.Try, ast.match_case))]
    assert loops == [], f"{entry.__name__}: {[type(node).__name__ for node in loops]} in the recipe: a step of its own"
    assert len(branches) <= MAX_BRANCHES
