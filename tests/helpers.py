"""Helpers for the tests: the project's own checkout and copies of it."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from click.testing import CliRunner, Result

from adviesregister.cli import main
from adviesregister.content.project import Project

ROOT = Path(__file__).resolve().parents[1]
STANDARDS = Path(os.environ.get("ADVIESREGISTER_STANDARDS", ROOT.parent / "shared" / "standards"))
"""The official schemas and shapes (third-party files, never committed): only conformance tests read them, and skip without."""


def standard(relative: str) -> Path:
    """A file of the standards folder, or skip the test saying what is missing and where it was looked for."""
    import pytest

    path = STANDARDS / relative
    if not path.is_file():
        pytest.skip(f"{relative} ontbreekt in {STANDARDS} (zet ADVIESREGISTER_STANDARDS): deze conformiteitstest draait alleen waar de standaarden staan")
    return path


ARCHIEF = ROOT / "tests" / "archief" / "content"
"""The frozen fixture archive: a copy of the seed archive as it stood at issue 23. Tests read this, never the
repository's own content/, which a council fills with its own documents (tests/test_geen_eigen_content.py checks)."""
ARCHIEF_DOCUMENTEN = sum(1 for _ in ARCHIEF.glob("documenten/**/*.md"))
"""How many documents the frozen fixture archive holds (one Markdown file each): what its check and build report."""

SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", ROOT / "build" / "screenshots"))
"""Where the browser tests put a screenshot of every page type."""
# 23 November 2026, so that "today" (and so every status) is the same in every run.
SOURCE_DATE_EPOCH = "1795392000"


@contextmanager
def fixed_date() -> Iterator[None]:
    """SOURCE_DATE_EPOCH set to the tests' 'today' while the block runs (for session fixtures, which monkeypatch cannot serve)."""
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


def run_cli(args: Sequence[str | Path]) -> Result:
    """The `adviesregister` command as a person types it, run in-process: exit code and output."""
    return CliRunner().invoke(main, [str(arg) for arg in args])


def export(project: Project, out: Path) -> list[dict[str, Any]]:
    """The open data of a checked project, written into `out`: its records."""
    from adviesregister.opendata.files import export_open_data
    from adviesregister.pipeline import prepare

    prepared, problems = prepare(project)
    assert prepared is not None, problems
    return export_open_data(prepared, out).records


def copy_project(target: Path, content: Path | None = None) -> Project:
    """A copy of everything a build reads, with `content` (default: the frozen fixture archive) as content/."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "scripts", target / "scripts", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copytree(content or ARCHIEF, target / "content")
    return Project(target)


def add_line(path: Path, line: str) -> int:
    """Add `line` at the end of a content file, after a blank line; its line number."""
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    path.write_text(text + line + "\n", encoding="utf-8")
    return text.count("\n") + 1


def document_count(project: Project) -> int:
    """How many documents `project`'s content/ holds, as the archive reads them: what `check` and `build` report."""
    from adviesregister.content.load import load_archive

    return len(load_archive(project)[0].documents)


# An advice letter of our own, as a council sends it (tests of publishing and of writing).
ADVIES = """Adviesraad Sociaal Domein Almere
Postbus 200
1300 AE Almere

Aan college van burgemeester en wethouders
Gemeente Almere

Betreft Ongevraagd advies over schuldhulpverlening voor jongeren
Datum 2 november 2026

Geacht college,

De adviesraad maakt zich zorgen over de schulden van jongeren in Almere. Veel jongeren weten niet waar zij hulp kunnen vinden.

Wij adviseren u om op elke middelbare school een vast spreekuur voor geldzaken te houden.

Met vriendelijke groet,

Adviesraad Sociaal Domein Almere
"""


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves a built site like a web host: quietly, with the site's own 404 page."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().send_error(code, message, explain)


def serve(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    """Serve `folder` on 127.0.0.1 on a free port; returns the server and its URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def broken_links(site: Path) -> tuple[int, list[str]]:
    """Every link (href, src) from every HTML page of a built site to a file of the site, and every #anchor in it:
    how many were checked, and the broken ones ('page: link')."""
    from lxml import html

    site = site.resolve()
    broken = []
    checked = 0
    for path in sorted(site.rglob("*.html")):
        doc = html.parse(str(path)).getroot()
        for _element, attribute, link, _pos in doc.iterlinks():
            if attribute not in ("href", "src") or link.startswith("mailto:"):
                continue
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:
                continue
            if not parts.path:
                target = path
            elif parts.path.startswith("/"):  # root-relative, as in 404.html: the site is served at its root
                target = (site / unquote(parts.path).lstrip("/")).resolve()
            else:
                target = (path.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            checked += 1
            if not target.is_file():
                broken.append(f"{path.relative_to(site)}: {link}")
            elif parts.fragment and target.suffix == ".html":
                ids = html.parse(str(target)).getroot().xpath("//@id")
                if parts.fragment not in ids:
                    broken.append(f"{path.relative_to(site)}: {link} (anchor)")
    return checked, broken


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def run_axe(page: Any) -> list[dict[str, object]]:
    """axe-core's WCAG 2.2 AA violations on the page as it is now (a Playwright page)."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    return [{"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]]} for v in result["violations"]]


def download_bytes(folder: Path, name: str) -> bytes:
    """A whole-archive download of the open data as its user has it once unpacked: `name` is the unpacked name
    ('adviesregister.json'), the published file is `name`.gz."""
    import gzip

    return gzip.decompress((folder / f"{name}.gz").read_bytes())


def download_text(folder: Path, name: str) -> str:
    return download_bytes(folder, name).decode("utf-8")


def unpack_download(folder: Path, name: str, into: Path) -> Path:
    """The download `name`.gz unpacked into the folder `into` (for SQLite, which opens only a file)."""
    into.mkdir(parents=True, exist_ok=True)
    path = into / name
    path.write_bytes(download_bytes(folder, name))
    return path
