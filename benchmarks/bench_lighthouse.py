"""Lighthouse (npm, run in Debian's Chromium) on every page type of the seed archive, as a phone (Lighthouse's default:
a mid-range phone on a slow 4G line, simulated) and as a desktop: the median of 3 runs of each category's score
(performance, accessibility, best practices, SEO), in a table, and every audit below its full score in the median run.

Targets (issue 25): accessibility, best practices and SEO 100 on every page type at both widths, and performance at
least 95 on a phone. A target missed ends the script with exit status 1, after the whole table.

Usage: python benchmarks/bench_lighthouse.py [--runs 3] [--pages home,overzicht] [--screens telefoon,desktop]
(builds site/ first and serves it as a host does, gzip included; needs `npm ci` for node_modules/.bin/lighthouse;
about 20 s a run on a 2-core machine: the whole table, 3 runs, takes about 35 minutes)
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SCREENS = ("telefoon", "desktop")
TARGETS = {
    ("telefoon", "performance"): 95,
    **{(screen, category): 100 for screen in SCREENS for category in CATEGORIES if category != "performance"},
}
"""The lowest median score allowed per (screen, category); desktop performance is reported, not held to a target."""
FIXED_PAGES = {
    "home": "",
    "overzicht": "documenten/",
    "jaren": "jaren/",
    "punten": "punten/",
    "cijfers": "cijfers/",
    "zoeken": "zoeken/?q=advies",
    "feeds": "feeds/",
    "open data": "open-data/",
    "over": "over/",
    "404 (niet gevonden)": "404.html",  # Lighthouse refuses a 404 status; a host serves this file for every missing page
}
"""The pages every archive has."""


def page_types(site: Path) -> dict[str, str]:
    """One page of each type in this archive, whatever it holds (an archive without, say, a stuk has no stuk page):
    the documents picked from the built export, the lists from the built folders."""
    documents = json.loads(gzip.decompress((site / "open-data" / "adviesregister.json.gz").read_bytes()))["documenten"]
    wanted: dict[str, Callable[[dict[str, Any]], bool]] = {
        "advies": lambda d: d["soort"] == "advies" and bool(d["reacties"]),
        "advies (geen reactie bekend)": lambda d: d["status"] == "reactie uitgebleven",
        "reactie": lambda d: d["soort"] == "reactie",
        "stuk": lambda d: d["soort"] == "stuk",
        "advies zonder tekst": lambda d: d["soort"] == "advies" and not d["tekst_beschikbaar"],
    }
    pages = dict(FIXED_PAGES)
    for name, fits in wanted.items():
        found = next((d["id"] for d in documents if fits(d) and f"documenten/{d['id']}/" not in pages.values()), None)
        if found:
            pages[name] = f"documenten/{found}/"
    for name, folder in (("gemeente", "gemeenten"), ("thema", "themas"), ("jaar", "jaren"), ("status", "status")):
        lists = sorted(path.parent.name for path in (site / folder).glob("*/index.html"))
        if lists:
            pages[name] = f"{folder}/{lists[-1] if name == 'jaar' else lists[0]}/"
    return pages


COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


class _Host(SimpleHTTPRequestHandler):
    """Serves site/ as a static host does (GitHub Pages, Netlify, nginx with gzip on): text compressed with gzip when
    the browser accepts it. Python's own server sends everything uncompressed, which no host does, and Lighthouse
    would then measure a phone loading Material's 138 kB stylesheet instead of its 23 kB."""

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if "gzip" in self.headers.get("Accept-Encoding", "") and path.is_file() and path.suffix in COMPRESSED:
            body = gzip.compress(path.read_bytes(), mtime=0)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def log_message(self, format: str, *args: object) -> None:
        pass


@dataclass(frozen=True)
class Result:
    """One page type on one screen: the median score per category over the runs, and the weighted audits below their
    full score in the run whose performance score is the median."""

    page: str
    screen: str
    scores: dict[str, int]
    below: list[str]

    def missed(self) -> list[str]:
        """'performance 93 < 95' for every target this result misses."""
        return [
            f"{category} {self.scores[category]} < {TARGETS[self.screen, category]}"
            for category in CATEGORIES
            if (self.screen, category) in TARGETS and self.scores[category] < TARGETS[self.screen, category]
        ]


def audit(url: str, desktop: bool, out: Path) -> dict[str, Any]:
    command = [str(LIGHTHOUSE), url, f"--only-categories={','.join(CATEGORIES)}", "--output=json", f"--output-path={out}", "--quiet"]
    command += ["--chrome-flags=--headless=new --no-sandbox --disable-gpu", *(["--preset=desktop"] if desktop else [])]
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": os.environ.get("CHROMIUM", "/usr/bin/chromium")}, capture_output=True)
    result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return result


def scores(report: dict[str, Any]) -> dict[str, int]:
    return {category: round(100 * (report["categories"][category]["score"] or 0)) for category in CATEGORIES}


def below_full(report: dict[str, Any]) -> list[str]:
    """Each weighted audit below its full score: 'performance: largest-contentful-paint — Largest Contentful Paint (2.9 s)'."""
    out = []
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            found = report["audits"][ref["id"]]
            if ref["weight"] and found["score"] is not None and found["score"] < 1:
                shown = f" ({found['displayValue']})" if found.get("displayValue") else ""
                out.append(f"{category}: {ref['id']} — {found['title']}{shown}")
    return out


def summarise(page: str, screen: str, reports: list[dict[str, Any]]) -> Result:
    """The median per category; the audits of the median run by performance (the lower middle one for an even count)."""
    all_scores = [scores(report) for report in reports]
    median = {category: round(statistics.median(s[category] for s in all_scores)) for category in CATEGORIES}
    middle = sorted(range(len(reports)), key=lambda i: all_scores[i]["performance"])[(len(reports) - 1) // 2]
    return Result(page, screen, median, below_full(reports[middle]))


def table(results: list[Result]) -> str:
    lines = [f"{'pagina':<30}{'scherm':<10}" + "".join(f"{c:>16}" for c in CATEGORIES)]
    for result in results:
        marks = {
            category: "" if (result.screen, category) not in TARGETS or result.scores[category] >= TARGETS[result.screen, category] else " !"
            for category in CATEGORIES
        }
        lines.append(f"{result.page:<30}{result.screen:<10}" + "".join(f"{str(result.scores[c]) + marks[c]:>16}" for c in CATEGORIES))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per page type and screen; the median counts (default 3)")
    parser.add_argument("--pages", default="", help="only these page types, comma-separated (default: all)")
    parser.add_argument("--screens", default=",".join(SCREENS), help="telefoon, desktop or both (default)")
    args = parser.parse_args(argv)
    screens = [screen for screen in SCREENS if screen in args.screens.split(",")]
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse ontbreekt: voer eerst `npm ci` uit (make test doet dat).")
    subprocess.run([str(Path(sys.executable).parent / "adviesregister"), "build", "--root", str(ROOT)], check=True, capture_output=True)
    pages = {name: url for name, url in page_types(ROOT / "site").items() if not args.pages or name in args.pages.split(",")}
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Host, directory=str(ROOT / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as folder:
        for name, url in pages.items():
            for screen in screens:
                reports = [audit(base + url, screen == "desktop", Path(folder) / "lh.json") for _ in range(args.runs)]
                results.append(summarise(name, screen, reports))
                print(table(results[-1:]).splitlines()[1], flush=True)
    server.shutdown()
    print(f"\nMediaan van {args.runs} {'run' if args.runs == 1 else 'runs'} per paginasoort en scherm (! = doel gemist):")
    print(table(results))
    below = [(result, line) for result in results for line in result.below]
    print("\nAudits onder de volle score (in de middelste run):" if below else "\nGeen audit onder de volle score.")
    for result, line in below:
        print(f"  {result.page} ({result.screen}), {line}")
    missed = [f"{result.page} ({result.screen}): {', '.join(result.missed())}" for result in results if result.missed()]
    targets = "toegankelijkheid, best practices en SEO 100; performance op een telefoon minstens 95"
    if missed:
        print(f"\nDoel gemist ({targets}):")
        for line in missed:
            print(f"  {line}")
        return 1
    print(f"\nAlle doelen gehaald: {targets}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
