"""The seed archive with hostile content (tests/vijandig.py), built once for every test in this folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from vijandig import plant_hostile_content

from adviesregister.pipeline import build_site

from helpers import copy_project, fixed_date


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The seed archive with the hostile content, built: its site/ folder."""
    with fixed_date():
        project = copy_project(tmp_path_factory.mktemp("vijandig"))
        plant_hostile_content(project.content)
        result = build_site(project)
        assert result.problems == [], result.problems
        yield project.root / "site"
