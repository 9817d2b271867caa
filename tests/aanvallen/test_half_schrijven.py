"""Half writes: a build killed at any moment, two builds at once, an import onto a full disk or a read-only folder.

Every case ends the same way: the previous files are there, complete and byte for byte as they were, and nothing
half-written stands beside them where anything reads it.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from adviesregister.base.atomic import archive_lock, new_folder_for, swap_in
from adviesregister.content.project import Project

from helpers import ADVIES, SOURCE_DATE_EPOCH, copy_project, document_count, run_cli

BUSY = "Er draait al een bouw van dit archief. Wacht tot die klaar is en probeer het opnieuw."
BUSY_BUILD = "Er draait al een andere bouw van dit archief. Wacht tot die klaar is en probeer het opnieuw."

ADVIES_RECORD = "content/documenten/almere/2026/almere-2026-11-02-ongevraagd-advies-over-schuldhulpverlening-voor-jongeren.md"

# ---------------------------------------------------------------------------------------------------------------------
# The build


def manifest(folder: Path) -> dict[str, str]:
    """Every file and folder below `folder`: path → sha256 of the content ('map' for a folder)."""
    return {
        path.relative_to(folder).as_posix(): "map" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(folder.rglob("*"))
    }


def leftovers(root: Path) -> list[str]:
    return sorted(path.name for path in root.iterdir() if path.name.startswith((".site-nieuw-", ".site-oud-")))


def build_command(root: Path) -> list[str]:
    return [sys.executable, "-m", "adviesregister", "build", "--root", str(root)]


def build_env() -> dict[str, str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    env.pop("GITHUB_SHA", None)
    return env


def new_folders(root: Path) -> Iterator[Path]:
    return root.glob(".site-nieuw-*")


def new_folder_has(root: Path, name: str | None) -> bool:
    """Whether a new site folder holds `name` (None: anything). The build may be removing a stale one meanwhile."""
    try:
        return any(any(folder.iterdir()) if name is None else (folder / name).exists() for folder in new_folders(root))
    except FileNotFoundError:
        return False


MOMENTS: dict[str, Callable[[Path], bool]] = {
    "rendering the pages": lambda root: (root / "build" / "pages").exists(),
    "running MkDocs": lambda root: new_folder_has(root, None),
    "running Pagefind": lambda root: new_folder_has(root, "pagefind"),
}


def kill_build_when(root: Path, moment: Callable[[Path], bool]) -> bool:
    """Start a real build and kill it (and Pagefind with it) as soon as `moment` holds. False when the build replaced
    site/ before it could be stopped (a fast machine): then the caller tries again."""
    site = (root / "site").stat().st_ino
    process = subprocess.Popen(build_command(root), env=build_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        while process.poll() is None:
            if moment(root):
                os.killpg(process.pid, signal.SIGSTOP)  # frozen, so that what we look at next is what we kill
                in_time = (root / "site").stat().st_ino == site
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
                return in_time
            time.sleep(0.002)
        return False
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture
def built_project(built_site: Path, tmp_path: Path) -> Path:
    """A copy of a project with a complete site/ (and its build/)."""
    root = tmp_path / "repo"
    shutil.copytree(built_site.parent, root, symlinks=True)
    return root


def test_a_build_killed_at_any_moment_leaves_the_previous_site(built_project: Path, built_site: Path) -> None:
    root = built_project
    for name, moment in MOMENTS.items():
        for _attempt in range(3):
            before = manifest(root / "site")
            shutil.rmtree(root / "build")
            if kill_build_when(root, moment):
                break
        else:
            pytest.fail(f"the build always finished before it could be killed while {name}")
        assert manifest(root / "site") == before, f"killed while {name}"
        if name != "rendering the pages":
            assert len(leftovers(root)) == 1, f"killed while {name}, the new folder stays behind until the next build"

    done = subprocess.run(build_command(root), env=build_env(), capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Site gebouwd in site/: {document_count(Project(root))} documenten")
    assert leftovers(root) == []
    assert manifest(root / "site") == manifest(built_site)
    assert (root / "site" / "pagefind" / "pagefind.js").is_file()


def test_two_builds_at_once_one_at_a_time(tmp_path: Path, built_site: Path) -> None:
    """The second build starts while the first is running MkDocs (held still there, so that the timing is certain):
    it refuses; the first, let go again, finishes a complete site."""
    root = copy_project(tmp_path / "repo").root
    first = subprocess.Popen(build_command(root), env=build_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        while not MOMENTS["running MkDocs"](root):
            assert first.poll() is None, "the first build ended before it ran MkDocs"
            time.sleep(0.002)
        os.killpg(first.pid, signal.SIGSTOP)
        second = subprocess.run(build_command(root), env=build_env(), capture_output=True, text=True, check=False)
        os.killpg(first.pid, signal.SIGCONT)
        out, err = first.communicate(timeout=120)
    finally:
        if first.poll() is None:
            os.killpg(first.pid, signal.SIGKILL)
    assert (second.returncode, second.stdout, second.stderr) == (1, "", BUSY_BUILD + "\n")
    assert (first.returncode, err) == (0, "")
    assert out.startswith(f"Site gebouwd in site/: {document_count(Project(root))} documenten")
    assert manifest(root / "site") == manifest(built_site)
    assert (root / "site" / "pagefind" / "pagefind.js").is_file()
    assert leftovers(root) == []


def test_a_build_refuses_while_the_archive_is_busy_and_changes_nothing(built_project: Path, tmp_path: Path) -> None:
    root = built_project
    letter = tmp_path / "advies-schulden.txt"
    letter.write_text(ADVIES, encoding="utf-8")
    site, content = manifest(root / "site"), manifest(root / "content")
    with archive_lock(root, "bouw"):
        build = run_cli(["build", "--root", root])
        imported = run_cli(["import", "--root", root, letter])
    assert (build.exit_code, build.output) == (1, BUSY_BUILD + "\n")
    assert imported.exit_code == 1
    assert imported.output.endswith(f"{letter}: {BUSY} Er is niets geschreven.\n")
    assert manifest(root / "site") == site
    assert manifest(root / "content") == content
    assert leftovers(root) == []


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "rename-aside"])
def test_the_new_folder_takes_the_place_of_the_old(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exchange: bool) -> None:
    if not exchange:
        monkeypatch.setattr("adviesregister.base.atomic.exchange", lambda first, second: False)
    target = tmp_path / "site"
    for text in ["eerste", "tweede"]:
        with new_folder_for(target) as fresh:
            (fresh / "index.html").write_text(text, encoding="utf-8")
            assert fresh.parent == tmp_path and fresh.name.startswith(".site-nieuw-")
        assert manifest(target) == {"index.html": hashlib.sha256(text.encode()).hexdigest()}
        assert leftovers(tmp_path) == []
    assert stat.S_IMODE(target.stat().st_mode) == 0o777 & ~current_umask()


def test_a_failed_build_leaves_the_old_folder_and_no_new_one(tmp_path: Path) -> None:
    target = tmp_path / "site"
    target.mkdir()
    (target / "index.html").write_text("oud", encoding="utf-8")
    (tmp_path / ".site-nieuw-dood").mkdir()  # left by a killed build
    with pytest.raises(RuntimeError, match="Pagefind"), new_folder_for(target) as fresh:
        (fresh / "index.html").write_text("half", encoding="utf-8")
        raise RuntimeError("Pagefind")
    assert manifest(target) == {"index.html": hashlib.sha256(b"oud").hexdigest()}
    assert leftovers(tmp_path) == []


def test_swapping_in_the_first_site(tmp_path: Path) -> None:
    fresh = tmp_path / ".site-nieuw-1"
    fresh.mkdir()
    (fresh / "a.html").write_text("a", encoding="utf-8")
    swap_in(fresh, tmp_path / "site")
    assert manifest(tmp_path) == {"site": "map", "site/a.html": hashlib.sha256(b"a").hexdigest()}


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# ---------------------------------------------------------------------------------------------------------------------
# The import


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file (with its bytes) and folder (None) below `folder`, temporary files included."""
    return {path.relative_to(folder).as_posix(): None if path.is_dir() else path.read_bytes() for path in sorted(folder.rglob("*"))}


def fail_on_call(monkeypatch: pytest.MonkeyPatch, name: str, call: int) -> None:
    """os.<name> fails with 'no space left on device' on its `call`-th use."""
    real = getattr(os, name)
    calls = 0

    def failing(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == call:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(*args, **kwargs)

    monkeypatch.setattr(os, name, failing)


@pytest.fixture
def letters(tmp_path: Path) -> Path:
    folder = tmp_path / "brieven"
    folder.mkdir()
    (folder / "advies-schulden.txt").write_text(ADVIES, encoding="utf-8")
    return folder


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_an_import_onto_a_full_disk_writes_nothing(tmp_path: Path, letters: Path, monkeypatch: pytest.MonkeyPatch, step: str) -> None:
    """The original is written first; the record, second, fails while on its way to disk (fsync) or when it takes its place."""
    project = copy_project(tmp_path / "repo")
    before = snapshot(project.content)
    fail_on_call(monkeypatch, step, 2)
    result = run_cli(["import", "--root", project.root, letters / "advies-schulden.txt"])
    monkeypatch.undo()
    assert result.exit_code == 1
    assert result.output.endswith(
        f"{letters / 'advies-schulden.txt'}: kon {ADVIES_RECORD} niet schrijven: de schijf is vol. Er is niets van deze brief geschreven.\n"
    )
    assert snapshot(project.content) == before


def test_a_forced_import_that_fails_keeps_the_good_files(tmp_path: Path, letters: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A corrected letter imported again with --force over a record the secretary has edited: the original takes
    its place, then the record fails to. The old original is put back."""
    project = copy_project(tmp_path / "repo")
    letter = letters / "advies-schulden.txt"
    first = run_cli(["import", "--root", project.root, letter])
    assert first.exit_code == 0, first.output
    with (project.root / ADVIES_RECORD).open("a", encoding="utf-8") as handle:
        handle.write("\nAangevuld door de secretaris.\n")
    letter.write_text(ADVIES.replace("vinden.\n", "vinden. Zij vragen zelden hulp.\n"), encoding="utf-8")
    before = snapshot(project.content)
    fail_on_call(monkeypatch, "replace", 2)
    result = run_cli(["import", "--root", project.root, "--force", letter])
    monkeypatch.undo()
    assert result.exit_code == 1
    assert result.output.endswith(f"{letter}: kon {ADVIES_RECORD} niet schrijven: de schijf is vol. Er is niets van deze brief geschreven.\n")
    assert snapshot(project.content) == before
    assert run_cli(["import", "--root", project.root, "--force", letter]).exit_code == 0
    assert (project.content / "bronnen/almere/2026/advies-schulden.txt").read_bytes() == letter.read_bytes()


def test_an_import_into_a_read_only_folder_writes_nothing(tmp_path: Path, letters: Path) -> None:
    project = copy_project(tmp_path / "repo")
    bronnen = project.content / "bronnen"
    folders = [bronnen, *(path for path in bronnen.rglob("*") if path.is_dir())]
    for folder in folders:
        folder.chmod(0o555)
    try:
        if os.access(bronnen, os.W_OK):  # root (os.geteuid() == 0) with CAP_DAC_OVERRIDE, as in many CI containers
            pytest.skip("this user may write in a read-only folder; the simulated failures above stand in")
        before = snapshot(project.content)
        result = run_cli(["import", "--root", project.root, letters / "advies-schulden.txt"])
        after = snapshot(project.content)
    finally:
        for folder in folders:
            folder.chmod(0o755)
    assert result.exit_code == 1
    assert result.output.endswith(
        f"{letters / 'advies-schulden.txt'}: kon content/bronnen/almere/2026/advies-schulden.txt niet schrijven: geen schrijfrechten. Er is niets van deze brief geschreven.\n"
    )
    assert after == before
