"""Build a realistic synthetic archive of N documents and print what it costs.

Per size: the time of each phase (check, derive, render, MkDocs, Pagefind), peak memory, the size of site/,
the bytes of one item page, the bytes a phone downloads to search once; then the same documents built with
every document listed in the navigation, side by side, and the ratio.

Usage: python benchmarks/bench_site.py [N ...]   (default: 1000 3000 10000; the side-by-side build with every document in
the navigation at 3000 only). Each build runs in its own process.
"""

from __future__ import annotations

import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import cast

import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.utils.yaml import yaml_load

from adviesregister.content.names import OPEN_DATA
from adviesregister.content.project import Project
from adviesregister.opendata.files import export_open_data
from adviesregister.pipeline import build_site, prepare
from adviesregister.site.engine import index_search
from adviesregister.site.render import render_site

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from synthetic import write_archive


def list_documents_in_nav(project: Project) -> None:
    """The variant to compare with: every document in the navigation, as MkDocs sites usually do."""
    with project.mkdocs_config.open(encoding="utf-8") as handle:
        config = yaml_load(handle)
    documents = sorted(p.relative_to(project.pages).as_posix() for p in (project.pages / "documenten").glob("*.md") if p.name != "index.md")
    config["nav"].append({"Documenten": documents})
    config.pop("not_in_nav", None)
    project.mkdocs_config.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")


def build_once(root: Path, with_nav: bool) -> dict[str, object]:
    """One full build in this process, timed by phase."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1795392000")
    project = Project(root)
    timings: dict[str, float] = {}
    start = time.perf_counter()
    prepared, problems = prepare(project)
    timings["laden, controleren, afleiden"] = time.perf_counter() - start
    assert prepared is not None, [str(p) for p in problems[:5]]
    archive = prepared.archive
    start = time.perf_counter()
    export = export_open_data(prepared, project.pages / OPEN_DATA)
    timings["open data"] = time.perf_counter() - start
    start = time.perf_counter()
    render_site(prepared, export)
    timings["pagina's maken"] = time.perf_counter() - start
    if with_nav:
        list_documents_in_nav(project)
    start = time.perf_counter()
    mkdocs_build(load_config(config_file=str(project.mkdocs_config), strict=False))
    timings["MkDocs"] = time.perf_counter() - start
    start = time.perf_counter()
    index_search(root / "site")
    timings["Pagefind"] = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    helper = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the largest child: Pagefind, or a worker process
    return {"timings": timings, "peak_mb": max(own, helper) / 1024, "own_mb": own / 1024, "helper_mb": helper / 1024, "documents": len(archive.documents)}


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def phone_search_bytes(site: Path, word: str) -> tuple[int, int, int]:
    """Bytes a phone downloads to open the search page and search once: all, the search index part, and all as sent by a
    web server that compresses (GitHub Pages does: HTML, JavaScript and CSS shrink; Pagefind's index is compressed already)."""
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/zoeken/"
    bodies: dict[str, bytes] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            page = browser.new_page(viewport={"width": 375, "height": 812})
            page.on("response", lambda response: bodies.__setitem__(response.url, response.body() if response.ok else b""))
            page.goto(url)
            page.locator("input.pagefind-ui__search-input").fill(word)
            page.wait_for_selector(".pagefind-ui__result")
            page.wait_for_timeout(500)
            browser.close()
    finally:
        server.shutdown()
    total = sum(len(body) for body in bodies.values())
    index = sum(len(body) for found, body in bodies.items() if "/pagefind/" in found)
    sent = sum(min(len(body), len(gzip.compress(body, compresslevel=6))) for body in bodies.values())
    return total, index, sent


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def run_child(count: int, with_nav: bool) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_archive(root, count)
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(root), "nav" if with_nav else "plain"],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONWARNINGS": "ignore"},
        )
        result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
        site = root / "site"
        result["site_mb"] = folder_size(site) / 1_000_000
        item = next((site / "documenten").glob("*-reactie-*/index.html"))
        result["item_kb"] = item.stat().st_size / 1000
        largest = max(site.rglob("*.html"), key=lambda page: len(gzip.compress(page.read_bytes(), compresslevel=6)))
        result["largest_page"] = (largest.relative_to(site).as_posix(), len(gzip.compress(largest.read_bytes(), compresslevel=6)) / 1000)
        if not with_nav:
            result["search_kb"], result["search_index_kb"], result["search_sent_kb"] = (size / 1000 for size in phone_search_bytes(site, "mantelzorgers"))
            index = site / "documenten" / "lijst.json"
            result["filter_kb"] = len(gzip.compress(index.read_bytes(), compresslevel=6)) / 1000 if index.exists() else 0.0
            add_document(root)
            rebuilt = subprocess.run(
                [sys.executable, __file__, "--rebuild", str(root)], capture_output=True, text=True, check=True, env={**os.environ, "PYTHONWARNINGS": "ignore"}
            )
            result["rebuild_s"] = json.loads(rebuilt.stdout.strip().splitlines()[-1])["seconds"]
        return result


def add_document(root: Path) -> None:
    """One new advice, as the secretary adds it."""
    folder = root / "content" / "documenten" / "zwolle" / "2026"
    folder.mkdir(parents=True, exist_ok=True)
    front = "id: zwolle-2026-11-02-advies-nieuw\nsoort: advies\nadviestype: ongevraagd\ntitel: Advies over mantelzorg\ndatum: '2026-11-02'\ngemeente: zwolle\n"
    (folder / "zwolle-2026-11-02-advies-nieuw.md").write_text(
        f"---\n{front}---\n\nGeacht college,\n\nDe adviesraad vraagt aandacht voor mantelzorgers.\n", encoding="utf-8"
    )


def rebuild(root: Path) -> dict[str, float]:
    """`adviesregister build` once more, after one document was added: what the cache in build/ saves."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1795392000")
    start = time.perf_counter()
    result = build_site(Project(root))
    assert result.problems == [], [str(p) for p in result.problems[:5]]
    return {"seconds": time.perf_counter() - start}


def report(count: int, compare: bool) -> None:
    """The figures of one archive size; `compare`: also build it with every document in the navigation, side by side."""
    plain = run_child(count, with_nav=False)
    if not compare:
        timings = cast(dict[str, float], plain["timings"])
        print(f"\n{plain['documents']} documenten")
        for phase, seconds in timings.items():
            print(f"  {phase:<28} {seconds:7.1f} s   ({seconds / count * 1000:.2f} ms per document)")
        print(f"  {'totaal':<28} {sum(timings.values()):7.1f} s")
        print(
            f"  piekgeheugen           {plain['peak_mb']:7.0f} MB  (de bouw zelf {plain['own_mb']:.0f} MB; grootste hulpproces (Pagefind of een werker): {plain['helper_mb']:.0f} MB)"
        )
        print(f"  site/                  {plain['site_mb']:7.1f} MB")
        name, size = cast(tuple[str, float], plain["largest_page"])
        print(f"  grootste HTML-pagina   {size:7.1f} kB gzip ({name})")
        print(
            f"  één zoekopdracht (telefoon): {plain['search_kb']:.0f} kB, waarvan {plain['search_index_kb']:.0f} kB zoekindex; "
            f"{plain['search_sent_kb']:.0f} kB over het net (gecomprimeerd)"
        )
        print(f"  filtergegevens overzicht {plain['filter_kb']:5.1f} kB gzip (documenten/lijst.json, alleen bij filteren)")
        print(f"  opnieuw bouwen na één nieuw document: {plain['rebuild_s']:.1f} s (met de cache in build/)")
        return
    nav = run_child(count, with_nav=True)
    print(f"\n{plain['documents']} documenten")
    plain_timings, nav_timings = cast(dict[str, float], plain["timings"]), cast(dict[str, float], nav["timings"])
    for phase, seconds in plain_timings.items():
        print(f"  {phase:<28} {seconds:7.1f} s   (met alle documenten in het menu: {nav_timings[phase]:7.1f} s)")
    total_plain, total_nav = sum(plain_timings.values()), sum(nav_timings.values())
    print(f"  {'totaal':<28} {total_plain:7.1f} s   (met menu: {total_nav:7.1f} s; {total_nav / total_plain:.1f}x zo lang)")
    print(
        f"  piekgeheugen           {plain['peak_mb']:7.0f} MB  (met menu: {nav['peak_mb']:.0f} MB; "
        f"de bouw zelf {plain['own_mb']:.0f} MB, grootste hulpproces (Pagefind of een werker): {plain['helper_mb']:.0f} MB)"
    )
    print(f"  site/                  {plain['site_mb']:7.1f} MB  (met menu: {nav['site_mb']:.1f} MB; {nav['site_mb'] / plain['site_mb']:.1f}x)")  # type: ignore[operator]
    print(f"  één documentpagina     {plain['item_kb']:7.1f} kB  (met menu: {nav['item_kb']:.1f} kB; {nav['item_kb'] / plain['item_kb']:.1f}x)")  # type: ignore[operator]
    name, size = cast(tuple[str, float], plain["largest_page"])
    print(f"  grootste HTML-pagina   {size:7.1f} kB gzip ({name})")
    print(
        f"  één zoekopdracht (telefoon): {plain['search_kb']:.0f} kB, waarvan {plain['search_index_kb']:.0f} kB zoekindex; "
        f"{plain['search_sent_kb']:.0f} kB over het net (gecomprimeerd)"
    )
    print(f"  filtergegevens overzicht {plain['filter_kb']:5.1f} kB gzip (documenten/lijst.json, alleen bij filteren)")
    print(f"  opnieuw bouwen na één nieuw document: {plain['rebuild_s']:.1f} s (met de cache in build/)")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        print(json.dumps(build_once(Path(sys.argv[2]), sys.argv[3] == "nav")))
    elif len(sys.argv) == 3 and sys.argv[1] == "--rebuild":
        print(json.dumps(rebuild(Path(sys.argv[2]))))
    else:
        for size in [int(arg) for arg in sys.argv[1:]] or [1000, 3000, 10000]:
            report(size, compare=size == 3000)
