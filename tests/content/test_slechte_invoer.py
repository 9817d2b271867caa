"""The catalogue of broken content: each case gives exactly the expected Dutch problems, exit 1, no traceback.

Each folder in tests/slechte_invoer/ holds files laid over a small valid archive (_basis/) and
`verwacht.txt`, the exact output of `adviesregister check`. After a deliberate change of wording,
regenerate them with `UPDATE_GOLDEN=1 pytest tests/content/test_slechte_invoer.py` and read the diff.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT, run_cli

CATALOGUE = ROOT / "tests" / "slechte_invoer"
CASES = sorted(p.name for p in CATALOGUE.iterdir() if p.is_dir() and not p.name.startswith("_"))


def assemble(case: str, target: Path) -> Path:
    shutil.copytree(CATALOGUE / "_basis", target, dirs_exist_ok=True)
    shutil.copytree(CATALOGUE / case / "content", target / "content", dirs_exist_ok=True)
    return target


def test_catalogue_is_large_enough() -> None:
    assert len(CASES) >= 20


def test_base_archive_is_clean(tmp_path: Path) -> None:
    shutil.copytree(CATALOGUE / "_basis", tmp_path, dirs_exist_ok=True)
    result = run_cli(["check", "--root", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.output == "Geen problemen gevonden in 2 documenten.\n"


@pytest.mark.parametrize("case", CASES)
def test_broken_content_gives_expected_problems(case: str, tmp_path: Path) -> None:
    root = assemble(case, tmp_path)
    result = run_cli(["check", "--root", str(root)])
    expected_file = CATALOGUE / case / "verwacht.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        expected_file.write_text(result.output, encoding="utf-8")
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.output == expected_file.read_text(encoding="utf-8")
    problem_lines = result.output.splitlines()[:-1]
    assert problem_lines, "at least one problem"
    for line in problem_lines:
        path, regel, rest = line.split(":", 2)
        assert (root / path).exists()
        assert int(regel) >= 1
        assert rest.startswith(" [")


def test_every_problem_code_in_catalogue_is_distinct_enough() -> None:
    codes = set()
    for case in CASES:
        for line in (CATALOGUE / case / "verwacht.txt").read_text(encoding="utf-8").splitlines()[:-1]:
            codes.add(line.split("[", 1)[1].split("]", 1)[0])
    assert len(codes) >= 20, sorted(codes)


def test_no_traceback_from_the_installed_command(tmp_path: Path) -> None:
    """The real executable, as the secretary runs it, on the nastiest input: a YAML tag that would run code."""
    root = assemble("12-yaml-tag", tmp_path)
    command = Path(sys.executable).parent / "adviesregister"
    done = subprocess.run([str(command), "check", "--root", str(root)], capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert "[yaml-tag]" in done.stdout
    assert not (root / "gehackt").exists()
