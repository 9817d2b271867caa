"""Helpers for the tests: the project's own checkout and copies of it."""

from __future__ import annotations

import shutil
from pathlib import Path

from adviesregister.project import Project

ROOT = Path(__file__).resolve().parents[1]
# 23 November 2026, so that "today" (and so every status) is the same in every run.
SOURCE_DATE_EPOCH = "1795392000"


def copy_project(target: Path, content: Path | None = None) -> Project:
    """A copy of everything a build reads, with `content` (default: the seed archive) as content/."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "site_overrides", target / "site_overrides")
    shutil.copytree(ROOT / "scripts", target / "scripts", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copytree(content or ROOT / "content", target / "content")
    return Project(target)
