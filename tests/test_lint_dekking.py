"""ruff and mypy see every Python file of the repository: an exclusion that matches more than it should (a bare
`content` in ruff's extend-exclude once hid the package's whole content/ stage) fails here, by the tools' own lists."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT

NOT_PYTHON_SOURCE = ("tests/slechte_invoer/",)
"""Bad input for `check`, kept as it arrives (ruff's extend-exclude says so too); it holds no Python."""


def python_files() -> set[str]:
    """Every Python file git tracks, as a path from the repository's root."""
    if not (ROOT / ".git").exists():
        pytest.skip("geen git-checkout: de lijst van bestanden komt van git ls-files")
    listed = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z", "*.py"], capture_output=True, check=True).stdout.decode()
    return {name for name in listed.split("\0") if name and not name.startswith(NOT_PYTHON_SOURCE)}


def ruff_files(*extra: str) -> set[str]:
    ruff = Path(sys.executable).parent / "ruff"
    shown = subprocess.run([str(ruff), "check", "--show-files", *extra], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return {Path(line).resolve().relative_to(ROOT).as_posix() for line in shown.splitlines() if line.endswith(".py")}


def mypy_files(*extra: str) -> set[str]:
    """The sources mypy would check with the configuration in pyproject.toml (its own option parser, no type check)."""
    from mypy.main import process_options

    here = Path.cwd()
    os.chdir(ROOT)
    try:
        sources, _options = process_options(list(extra))
    finally:
        os.chdir(here)
    return {Path(source.path).resolve().relative_to(ROOT).as_posix() for source in sources if source.path}


def test_ruff_sees_every_python_file() -> None:
    files = python_files()
    assert any(name.startswith("scripts/adviesregister/content/") for name in files), "the content stage is listed"
    assert files - ruff_files() == set()


def test_mypy_sees_every_python_file() -> None:
    assert python_files() - mypy_files() == set()


def test_an_exclusion_that_matches_too_much_is_found() -> None:
    """The old setting, a bare `content` in ruff's extend-exclude, and its like for mypy: the package's content stage
    drops out of what the tools see, and the comparison names its files."""
    files = python_files()
    stage = {name for name in files if name.startswith("scripts/adviesregister/content/")}
    assert stage and files - ruff_files("--extend-exclude", "content") >= stage
    assert files - mypy_files("--exclude", "/content/") >= stage
