"""The package works as a wheel, not only as an editable checkout: schemas, reference data and templates ship inside it.

Builds the wheel from a copy of the sources, installs it with its pinned dependencies in a fresh virtual
environment, and runs `adviesregister check` and `build` there on a copy of the archive that holds no code.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from helpers import ARCHIEF, ARCHIEF_DOCUMENTEN, ROOT, SOURCE_DATE_EPOCH, download_text

SOURCES = (ROOT / "pyproject.toml", ROOT / "README.md", ROOT / "scripts", ROOT / "schema", ROOT / "data")
ARCHIVE = (ROOT / "mkdocs.yml", ARCHIEF)  # the fixture archive as content/; the look ships in the wheel


def copy(sources: tuple[Path, ...], target: Path) -> Path:
    target.mkdir(parents=True)
    for source in sources:
        if source.is_dir():
            shutil.copytree(source, target / source.name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy(source, target / source.name)
    return target


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
    done = subprocess.run([str(arg) for arg in args], cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{' '.join(map(str, args))}\n{done.stdout}\n{done.stderr}"
    return done


def test_the_wheel_checks_and_builds_an_archive_without_the_checkout(tmp_path: Path) -> None:
    sources = copy(SOURCES, tmp_path / "src")
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "--wheel-dir", tmp_path / "dist", sources)
    wheel = next((tmp_path / "dist").glob("adviesregister-*.whl"))
    shutil.rmtree(sources)  # nothing may come from the sources any more

    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", venv)
    run(venv / "bin" / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", wheel, "--constraint", ROOT / "requirements.lock")
    where = run(
        venv / "bin" / "python",
        "-c",
        "import adviesregister, importlib.resources as r; print(adviesregister.__file__); print(r.files('adviesregister.schemas'))",
    )
    assert all(line.startswith(str(venv)) for line in where.stdout.splitlines()), where.stdout

    archive = copy(ARCHIVE, tmp_path / "archief")
    checked = run(venv / "bin" / "adviesregister", "check", "--root", archive)
    assert checked.stdout == f"Geen problemen gevonden in {ARCHIEF_DOCUMENTEN} documenten.\n"
    # the importer reads its rules (brieven.yml) and their schema (brieven.schema.json) from the installed package
    letter = tmp_path / "advies.txt"
    letter.write_text(
        "Wmo-raad Moerdijk\n\nKlundert, 11 februari 2022\n\nBetreft: Ongevraagd advies vervoer\n\nGeacht college,\n\n"
        "Wij adviseren u de wachttijd van het vervoer te beperken tot vijftien minuten.\n\nMet vriendelijke groet,\n\nnamens de Wmo-raad Moerdijk,\n",
        encoding="utf-8",
    )
    imported = run(venv / "bin" / "adviesregister", "import", "--dry-run", "--json", "--root", archive, letter)
    (record,) = json.loads(imported.stdout)[0]
    assert (record["soort"], record["datum"], record["van"]) == ("advies", "2022-02-11", "Wmo-raad Moerdijk")
    built = run(venv / "bin" / "adviesregister", "build", "--root", archive, cwd=archive)
    assert built.stdout.startswith(f"Site gebouwd in site/: {ARCHIEF_DOCUMENTEN} documenten")
    site = archive / "site"
    assert "Adviesregister" in (site / "index.html").read_text(encoding="utf-8")
    assert 'class="md-header__button md-icon ar-menuknop"' in (site / "index.html").read_text(encoding="utf-8")  # our partials/header.html
    assert (site / "assets" / "menu.js").is_file()
    assert json.loads(download_text(site / "open-data", "adviesregister.json"))["kop"]["aantal_documenten"] == ARCHIEF_DOCUMENTEN
    assert (site / "open-data" / "schema" / "voorkant.schema.json").is_file()
    assert any((site / "pagefind").glob("pagefind-entry.json"))
