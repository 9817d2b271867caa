"""Shared fixtures: the project's own checkout, copies of it, and one site build for the whole session."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from adviesregister.build import build_site
from adviesregister.project import Project

ROOT = Path(__file__).resolve().parents[1]
# 23 November 2026, so that "today" (and so every status) is the same in every run.
SOURCE_DATE_EPOCH = "1795392000"


def copy_project(target: Path, content: Path | None = None) -> Project:
    """A copy of everything a build reads, with `content` (default: the seed archive) as content/."""
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, target / name)
    shutil.copytree(ROOT / "site_overrides", target / "site_overrides")
    shutil.copytree(ROOT / "scripts", target / "scripts", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copytree(content or ROOT / "content", target / "content")
    return Project(target)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The seed archive built once, in a copy of the project: its site/ folder."""
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
    try:
        project = copy_project(tmp_path_factory.mktemp("project"))
        result = build_site(project)
        assert result.problems == []
        yield project.root / "site"
    finally:
        if old is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old
