"""Attacks through git's history: what `versies.json`/`versies.xml` publish of every commit on the main line, and the
build's worker processes. Real git repositories in tmp dirs, real builds.

- a name with personal data, committed and removed again inside a fast-forwarded pull request, is never listed;
- a document `check` refused at its commit is never listed (counted in `niet_vermeld`, never named);
- a move to another folder is one change and keeps the date of first publication;
- a Latin-1 file name (with core.quotePath=false) builds, and a name git would quote keeps its dates;
- commit times in 2100, before 1970 or beyond what a date can hold are held to [1970, today], with a warning;
- SIGKILL, SIGTERM or SIGINT to a build leaves no worker process behind.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from adviesregister.content.history import read_history
from adviesregister.content.project import Project
from adviesregister.pipeline import build_site

from helpers import ROOT, SOURCE_DATE_EPOCH, copy_project, fixed_date
from synthetic import write_archive

BASIS = ROOT / "tests" / "slechte_invoer" / "_basis" / "content"
FOLDER = "content/documenten/almelo/2023"
BSN = "111222333"  # passes the eleven-test


def git(root: Path, *args: str, when: str = "2026-01-05T10:00:00Z", data: bytes | None = None) -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_NAME": "Secretaris", "GIT_AUTHOR_EMAIL": "s@example.org"}
    env |= {"GIT_COMMITTER_NAME": "Secretaris", "GIT_COMMITTER_EMAIL": "s@example.org"}
    done = subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env, input=data)
    return done.stdout.decode().strip()


def document(doc_id: str, tekst: str = "Geacht college,\n\nWij adviseren u om meer te doen.\n") -> str:
    return f'---\nid: {doc_id}\nsoort: advies\ntitel: Een advies\ndatum: "2023-05-01"\ngemeente: almelo\nadviestype: ongevraagd\n---\n\n{tekst}'


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """The small valid archive, committed on main on 5 January 2026."""
    root = copy_project(tmp_path / "archief", BASIS).root
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "archief")
    return root


def add(root: Path, relative: str, text: str, when: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", f"{relative} erbij", when=when)


def remove(root: Path, relative: str, when: str) -> None:
    git(root, "rm", "-q", relative)
    git(root, "commit", "-q", "-m", f"{relative} weg", when=when)


def built_versions(root: Path) -> tuple[dict[str, Any], bytes, bytes]:
    """Build the site; versies.json (parsed) and the raw bytes of versies.json and versies.xml."""
    with fixed_date():
        result = build_site(Project(root))
    assert result.problems == []
    folder = root / "site" / "open-data"
    raw = (folder / "versies.json").read_bytes()
    return json.loads(raw), raw, (folder / "versies.xml").read_bytes()


def test_a_name_with_a_bsn_committed_and_deleted_in_a_fast_forward_is_never_listed(archive: Path) -> None:
    git(archive, "checkout", "-q", "-b", "pr")
    name = f"almelo-2023-05-01-bsn-{BSN}"
    add(archive, f"{FOLDER}/{name}.md", document(name), "2026-02-01T09:00:00Z")
    remove(archive, f"{FOLDER}/{name}.md", "2026-02-02T09:00:00Z")
    add(archive, f"{FOLDER}/almelo-2023-05-01-advies.md", document("almelo-2023-05-01-advies"), "2026-02-03T09:00:00Z")
    git(archive, "checkout", "-q", "main")
    git(archive, "merge", "-q", "--ff-only", "pr")
    versions, raw_json, raw_feed = built_versions(archive)
    assert BSN.encode() not in raw_json and BSN.encode() not in raw_feed
    listed = [(v["toegevoegd"], v["gewijzigd"], v["verwijderd"]) for v in versions["versies"]]
    assert listed[0] == (["almelo-2023-05-01-advies"], [], [])
    assert len(listed) == 2  # the BSN commits are no version at all
    assert versions["niet_vermeld"] == 2  # its addition and its removal
    page = " ".join((archive / "site" / "open-data" / "index.html").read_text(encoding="utf-8").split())
    assert "git zelf bewaart elke bestandsnaam die ooit is vastgelegd" in page


def test_a_document_check_refused_at_its_commit_is_not_listed_until_check_accepts_it(archive: Path) -> None:
    pad = f"{FOLDER}/almelo-2023-05-01-advies.md"
    add(archive, pad, document("almelo-2023-05-01-advies", f"Geacht college,\n\nMevrouw heeft BSN {BSN}.\n"), "2026-02-01T09:00:00Z")
    add(archive, pad, document("almelo-2023-05-01-advies"), "2026-02-02T09:00:00Z")  # fixed: now check accepts it
    broken = f"{FOLDER}/almelo-2023-05-02-kapot.md"
    add(archive, broken, "---\nid: almelo-2023-05-02-kapot\nsoort: [\n---\n", "2026-02-03T09:00:00Z")
    remove(archive, broken, "2026-02-04T09:00:00Z")
    wrong_id = f"{FOLDER}/almelo-2023-05-03-andere-naam.md"
    add(archive, wrong_id, document("almelo-2023-05-03-iets-anders"), "2026-02-05T09:00:00Z")
    remove(archive, wrong_id, "2026-02-06T09:00:00Z")
    history = read_history(archive)
    assert [(r.datum.day, r.toegevoegd, r.gewijzigd, r.verwijderd) for r in history.releases] == [
        (2, ("almelo-2023-05-01-advies",), (), ()),  # listed from the day check accepted it, as new
        (5, ("almelo-2023-03-01-advies-over-mantelzorg", "almelo-2023-04-03-reactie-op-advies-over-mantelzorg"), (), ()),  # 5 January
    ]
    assert history.weggelaten == 5  # the refused version, and the broken and the misnamed file added and removed


def test_a_move_to_another_folder_is_one_change_and_keeps_the_first_published_date(archive: Path) -> None:
    doc_id = "almelo-2023-05-01-advies"
    add(archive, f"{FOLDER}/{doc_id}.md", document(doc_id), "2026-02-01T09:00:00Z")
    (archive / "content/documenten/almelo/oud").mkdir()
    git(archive, "mv", f"{FOLDER}/{doc_id}.md", f"content/documenten/almelo/oud/{doc_id}.md")
    git(archive, "commit", "-q", "-m", "verplaatst", when="2026-03-01T09:00:00Z")
    history = read_history(archive)
    assert [(r.datum.month, r.toegevoegd, r.gewijzigd, r.verwijderd) for r in history.releases[:2]] == [(3, (), (doc_id,), ()), (2, (doc_id,), (), ())]
    dates = history.dates[f"content/documenten/almelo/oud/{doc_id}.md"]
    assert (dates.gepubliceerd, dates.gewijzigd) == (datetime(2026, 2, 1, 9, tzinfo=UTC), datetime(2026, 3, 1, 9, tzinfo=UTC))
    versions, _, _ = built_versions(archive)
    record = json.loads((archive / "site" / "open-data" / "documenten" / f"{doc_id}.json").read_text(encoding="utf-8"))
    assert record["gepubliceerd"] == "2026-02-01"
    assert versions["versies"][0]["gewijzigd"] == [doc_id]


def test_a_rename_that_changes_the_id_removes_the_old_id_and_adds_the_new_in_one_version(archive: Path) -> None:
    add(archive, f"{FOLDER}/almelo-2023-05-01-advies.md", document("almelo-2023-05-01-advies"), "2026-02-01T09:00:00Z")
    git(archive, "mv", f"{FOLDER}/almelo-2023-05-01-advies.md", f"{FOLDER}/almelo-2023-05-01-beter-advies.md")
    (archive / FOLDER / "almelo-2023-05-01-beter-advies.md").write_text(document("almelo-2023-05-01-beter-advies"), encoding="utf-8")
    git(archive, "commit", "-q", "-am", "nieuwe naam", when="2026-03-01T09:00:00Z")
    newest = read_history(archive).releases[0]
    assert (newest.toegevoegd, newest.gewijzigd, newest.verwijderd) == (("almelo-2023-05-01-beter-advies",), (), ("almelo-2023-05-01-advies",))
    dates = read_history(archive).dates[f"{FOLDER}/almelo-2023-05-01-beter-advies.md"]
    assert dates.gepubliceerd == datetime(2026, 2, 1, 9, tzinfo=UTC)  # the document's history goes on under its new name


def test_a_latin1_file_name_with_quotepath_off_builds_and_a_quoted_name_keeps_its_dates(archive: Path) -> None:
    git(archive, "config", "core.quotePath", "false")
    latin1 = os.fsencode(archive / FOLDER) + b"/almelo-2023-05-01-caf\xe9.md"
    Path(os.fsdecode(latin1)).write_bytes(document("almelo-2023-05-01-cafe").encode())
    (archive / "content" / "bronnen" / "almelo" / "brief-ë.txt").write_text("Een brief.\n", encoding="utf-8")
    git(archive, "add", "-A")
    git(archive, "commit", "-q", "-m", "vreemde namen", when="2026-02-01T09:00:00Z")
    os.unlink(latin1)
    git(archive, "add", "-A")
    git(archive, "commit", "-q", "-m", "weg", when="2026-02-02T09:00:00Z")
    for quote in ("false", "true"):
        git(archive, "config", "core.quotePath", quote)
        history = read_history(archive)
        assert history.dates["content/bronnen/almelo/brief-ë.txt"].gepubliceerd == datetime(2026, 2, 1, 9, tzinfo=UTC)
        assert os.fsdecode(latin1.removeprefix(os.fsencode(archive) + b"/")) in history.dates
    versions, raw, _ = built_versions(archive)
    assert b"01-caf" not in raw and versions["niet_vermeld"] == 2


def test_commit_times_out_of_range_are_held_to_1970_and_today_with_a_warning(archive: Path) -> None:
    add(archive, f"{FOLDER}/almelo-2023-05-01-toekomst.md", document("almelo-2023-05-01-toekomst"), "@4102444800 +0000")  # 2100
    for number, stamp in enumerate(["-5", "99999999999999"]):  # git refuses these as GIT_COMMITTER_DATE: a commit made by hand
        doc_id = f"almelo-2023-05-0{number + 2}-hand"
        (archive / FOLDER / f"{doc_id}.md").write_text(document(doc_id), encoding="utf-8")
        git(archive, "add", "-A")
        tree, parent = git(archive, "write-tree"), git(archive, "rev-parse", "HEAD")
        body = f"tree {tree}\nparent {parent}\nauthor S <s@example.org> {stamp} +0000\ncommitter S <s@example.org> {stamp} +0000\n\nmet de hand\n"
        commit = git(archive, "hash-object", "-t", "commit", "-w", "--stdin", "--literally", data=body.encode())
        git(archive, "update-ref", "refs/heads/main", commit)
    env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    done = subprocess.run([sys.executable, "-m", "adviesregister", "build", "--root", str(archive)], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert "Waarschuwing: 3 commits hebben in de geschiedenis van content/ een datum na vandaag (2026-11-23)" in done.stderr
    versions = json.loads((archive / "site" / "open-data" / "versies.json").read_text(encoding="utf-8"))["versies"]
    assert [(v["datum"], v["toegevoegd"]) for v in versions[:3]] == [
        ("2026-11-23T23:59:59Z", ["almelo-2023-05-03-hand"]),
        ("1970-01-01T00:00:00Z", ["almelo-2023-05-02-hand"]),
        ("2026-11-23T23:59:59Z", ["almelo-2023-05-01-toekomst"]),
    ]
    published = [path for path in (archive / "site").rglob("*") if path.suffix in (".xml", ".json", ".html") and b"2100-" in path.read_bytes()]
    assert published == []
    exported = subprocess.run(
        [sys.executable, "-m", "adviesregister", "export", "--root", str(archive), "--out", str(archive.parent / "export")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert exported.returncode == 0, exported.stderr
    assert "Waarschuwing: 3 commits hebben in de geschiedenis van content/ een datum na vandaag (2026-11-23)" in exported.stderr


@pytest.fixture(scope="module")
def big_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough documents that every per-document stage runs in worker processes."""
    root = tmp_path_factory.mktemp("groot")
    write_archive(root, 1200)
    return root


def _workers(build: int) -> list[int]:
    """The build's own worker processes: its children running the same command line (fork)."""
    found = []
    own = Path(f"/proc/{build}/cmdline").read_bytes()
    for entry in os.listdir("/proc"):
        try:
            ppid = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            if ppid == build and Path(f"/proc/{entry}/cmdline").read_bytes() == own:
                found.append(int(entry))
        except (OSError, ValueError, IndexError):
            continue
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has ended
    except OSError:
        return False


def _until(condition: Callable[[], bool], limit: float = 120.0) -> None:
    """Wait (bounded) until `condition()` holds; no assertion on how long it took."""
    end = time.monotonic() + limit
    while not condition() and time.monotonic() < end:
        time.sleep(0.01)


@pytest.fixture
def started(big_archive: Path, tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], list[int]]]:
    """A real build with two workers, caught while they work: the build and its workers' ids. Whatever the test does,
    no process it started outlives it."""
    env = {**os.environ, "ADVIESREGISTER_JOBS": "2", "ADVIESREGISTER_CACHE": "0", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    with (tmp_path / "uitvoer").open("wb") as out:  # not a pipe: a worker left behind would hold it open
        build = subprocess.Popen([sys.executable, "-m", "adviesregister", "build", "--root", str(big_archive)], stdout=out, stderr=out, env=env)
    workers: list[int] = []

    def seen() -> bool:
        workers[:] = _workers(build.pid) if build.poll() is None else workers
        return len(workers) >= 2 or build.poll() is not None

    _until(seen)
    try:
        yield build, list(workers)
    finally:
        for pid in [build.pid, *workers]:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        build.wait()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
def test_a_build_ended_by_a_signal_leaves_no_worker_running(started: tuple[subprocess.Popen[bytes], list[int]], signum: int) -> None:
    build, workers = started
    assert len(workers) == 2, "the build finished before its workers were seen: make the archive bigger"
    build.send_signal(signum)
    assert build.wait(timeout=120) != 0
    _until(lambda: not any(_alive(pid) for pid in workers))
    assert [pid for pid in workers if _alive(pid)] == []
