"""`make serve` (`adviesregister serve --poort`): a busy port, content problems while the preview runs, and a
terminal without MkDocs' and Material's English lines."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from adviesregister.content.project import Project

from helpers import ROOT, copy_project

BASE = ROOT / "tests" / "slechte_invoer" / "_basis" / "content"
ADVICE = Path("documenten/almelo/2023/almelo-2023-03-01-advies-over-mantelzorg.md")
COMMAND = Path(sys.executable).with_name("adviesregister")
ENGLISH_LINES = (
    "Traceback",
    "Serving on",
    "Building documentation",
    "Documentation built",
    "not included in the",
    "end of life",
    "NO_MKDOCS_2_WARNING",
    "INFO",
)


@contextmanager
def busy_port() -> Iterator[int]:
    """A port that another program listens on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        yield other.getsockname()[1]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_a_busy_port_is_named_with_how_to_choose_another(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "archief", BASE)
    with busy_port() as port:
        result = subprocess.run([COMMAND, "serve", "--poort", str(port), "--root", project.root], capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 1
    assert f"Poort {port} is al in gebruik" in result.stderr
    assert "Kies een andere poort: make serve PORT=8001 (of: adviesregister serve --poort 8001)." in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not project.pages.exists()  # stopped before anything was built


def test_make_serve_takes_the_port_from_port(tmp_path: Path) -> None:
    """The Makefile passes PORT to the command (the repository's own archive is never read: the port is checked first)."""
    with busy_port() as port:
        result = subprocess.run(["make", "--no-print-directory", "serve", f"PORT={port}"], cwd=ROOT, capture_output=True, text=True, check=False, timeout=300)
    assert result.returncode != 0
    assert f"Poort {port} is al in gebruik" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def _preview_build(project: Project, site: Path) -> str:
    """One build as `mkdocs serve` makes it (the plugin in serve mode), the home page's HTML."""
    project.pages.mkdir(parents=True, exist_ok=True)  # as serve_preview makes it
    config = load_config(config_file=str(project.mkdocs_config), site_dir=str(site), strict=False)
    config.plugins.on_startup(command="serve", dirty=False)
    build(config)
    return (site / "index.html").read_text(encoding="utf-8")


def test_a_first_preview_of_broken_content_is_a_page_with_the_problems(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "archief", BASE)
    advice = project.content / ADVICE
    advice.write_text(advice.read_text(encoding="utf-8").replace("titel: Advies over mantelzorg", 'titel: "Advies over mantelzorg'), encoding="utf-8")
    home = _preview_build(project, tmp_path / "site")
    assert 'id="adviesregister-problemen"' in home
    assert "Het voorbeeld is niet bijgewerkt: 1 probleem in 1 bestand." in home
    assert f"<strong>content/{ADVICE}</strong>, regel 5: [yaml-fout]" in home
    assert "Er is nog geen voorbeeld" in home


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError):
        return ""


def _wait_for(condition: Callable[[], bool], what: str, process: subprocess.Popen[str]) -> None:
    """Poll until `condition` holds; a generous deadline only stops a test that would otherwise hang."""
    deadline = time.monotonic() + 180
    while not condition():
        assert process.poll() is None, f"the preview stopped while waiting for {what}"
        assert time.monotonic() < deadline, f"no {what}"
        time.sleep(0.5)


def test_the_running_preview_shows_the_problems_and_drops_them_when_fixed(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "archief", BASE)
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    log = tmp_path / "terminal.txt"
    with log.open("w", encoding="utf-8") as terminal:
        process = subprocess.Popen([COMMAND, "serve", "--poort", str(port), "--root", project.root], stdout=terminal, stderr=subprocess.STDOUT, text=True)
        try:
            _wait_for(lambda: "Advies over mantelzorg" in _get(url), "home page", process)
            assert 'id="adviesregister-problemen"' not in _get(url)
            advice = project.content / ADVICE
            good = advice.read_text(encoding="utf-8")
            advice.write_text(good.replace("titel: Advies over mantelzorg", "titel: 's-Hertogenbosch en mantelzorg"), encoding="utf-8")
            _wait_for(lambda: 'id="adviesregister-problemen"' in _get(url), "problems on the page", process)
            home = _get(url)
            assert f"<strong>content/{ADVICE}</strong>, regel 5: [yaml-fout]" in home
            assert "Verbeter de bestanden en sla ze op: deze pagina laadt dan vanzelf opnieuw." in home
            assert "livereload" in home  # MkDocs' script that reloads the page after the next build
            assert 'id="adviesregister-problemen"' in _get(url + "over/")  # every page, not only the home page
            advice.write_text(good, encoding="utf-8")
            _wait_for(lambda: 'id="adviesregister-problemen"' not in _get(url), "the problems to go", process)
        finally:
            process.terminate()
            process.wait(timeout=30)
    output = log.read_text(encoding="utf-8")
    assert f"Het voorbeeld staat op {url}" in output
    assert "[yaml-fout]" in output
    assert "Geen problemen meer: het voorbeeld is bijgewerkt." in output
    assert [line for line in ENGLISH_LINES if line in output] == []


def test_build_and_mkdocs_by_hand_print_no_english_banner_or_nav_list(tmp_path: Path) -> None:
    """`adviesregister build`, and `mkdocs build` as a person might run it by hand: no list of the pages outside the
    menu (the plugin silences it), and no Material end-of-life notice from our command."""
    project = copy_project(tmp_path / "archief", BASE)
    built = subprocess.run([COMMAND, "build", "--root", project.root], capture_output=True, text=True, check=False, timeout=600)
    assert built.returncode == 0, built.stderr
    by_hand = subprocess.run(
        [Path(sys.executable).with_name("mkdocs"), "build", "--site-dir", tmp_path / "site-met-de-hand"],
        cwd=project.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert by_hand.returncode == 0, by_hand.stderr
    assert "Documentation built" in by_hand.stderr  # MkDocs' INFO lines are shown here: the list would be too
    for output in (built.stdout + built.stderr, by_hand.stdout + by_hand.stderr):
        assert "not included in the" not in output
    assert "end of life" not in built.stdout + built.stderr
