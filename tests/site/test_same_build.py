"""Two builds of the same content give the same site, byte for byte, whatever the clock says during the day."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import pytest

from adviesregister.pipeline import build_site

from helpers import SOURCE_DATE_EPOCH, copy_project


def _digests(site: Path) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(site.rglob("*")) if path.is_file()}


def test_a_second_build_hours_later_the_same_day_is_identical_in_every_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, built_site: Path) -> None:
    """built_site was built at 00:00 UTC on the tests' day; this build runs at 17:59:59 the same day, on another
    copy of the project, and seconds to minutes later by the wall clock (the xlsx used to carry that). Pagefind's
    index, the workbook, the SQLite file, the feeds and the sitemap are all compared."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(SOURCE_DATE_EPOCH) + 18 * 3600 - 1))
    monkeypatch.delenv("GITHUB_SHA", raising=False)
    project = copy_project(tmp_path / "project")
    result = build_site(project)
    assert result.problems == []
    first, second = _digests(built_site), _digests(project.root / "site")
    assert sorted(first.keys() ^ second.keys()) == []
    assert [name for name in first if first[name] != second[name]] == []
    assert any(name.startswith("pagefind/filter/") for name in first), "Pagefind's filter index is part of the comparison"
    assert os.environ["SOURCE_DATE_EPOCH"] != SOURCE_DATE_EPOCH


def test_a_build_that_spreads_the_letters_over_two_processes_equals_the_serial_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, built_site: Path) -> None:
    """built_site ran serially (7 letters are too few to share out); here every per-document step runs in two worker
    processes: the same problems (none) and the same site, in every file."""
    from concurrent.futures import ProcessPoolExecutor

    from adviesregister.base import parallel

    calls: list[int] = []

    def counting(*args: Any, **kwargs: Any) -> ProcessPoolExecutor:
        calls.append(1)
        return ProcessPoolExecutor(*args, **kwargs)

    monkeypatch.setattr(parallel, "MIN_PARALLEL", 2)
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", counting)
    monkeypatch.setenv("ADVIESREGISTER_JOBS", "2")
    monkeypatch.delenv("GITHUB_SHA", raising=False)
    project = copy_project(tmp_path / "project")
    assert build_site(project).problems == []
    assert (
        len(calls) == 5
    )  # loading the files, the privacy check, the originals (checked once, then cached), the plain text of the open data, the letters of the pages
    first, second = _digests(built_site), _digests(project.root / "site")
    assert first == second
