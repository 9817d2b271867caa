"""The seed archive with hostile content (tests/vijandig.py), built once for every test in this folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from vijandig import plant_hostile_content

from adviesregister.pipeline import build_site

from helpers import SOURCE_DATE_EPOCH, copy_project


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The seed archive with the hostile content, built: its site/ folder."""
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
    try:
        project = copy_project(tmp_path_factory.mktemp("vijandig"))
        plant_hostile_content(project.content)
        result = build_site(project)
        assert result.problems == [], result.problems
        yield project.root / "site"
    finally:
        if old is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old
