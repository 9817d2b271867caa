"""What a visitor downloads, compressed as a web server sends it (gzip level 6), for three visits: the home page, one
document's page and one search, each with everything it loads (HTML, CSS, JavaScript, images, Pagefind's index).

Measured in Chromium (Debian's) on the seed archive (site/, built first) and on a synthetic archive of N documents
(default 10000; benchmarks/bench_site.py writes it). Goals at 10,000 documents: home and item page at most 100 kB
each, one search at most 300 kB.

Usage: python benchmarks/bench_bytes.py [N ...]     (0 skips the synthetic archive)
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from bench_site import ROOT, write_archive

GOALS = {"home": 100_000, "item": 100_000, "zoeken": 300_000}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def sent(body: bytes) -> int:
    """What a server with gzip sends: the compressed body, or the body itself when it compresses no further (Pagefind's chunks)."""
    return min(len(body), len(gzip.compress(body, compresslevel=6)))


def visits(site: Path, item: str, word: str) -> dict[str, tuple[int, int, list[tuple[int, str]]]]:
    """Per visit: bytes sent, number of requests, and the three largest (bytes, path)."""
    from playwright.sync_api import Response, sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    out = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for name, url in (("home", ""), ("item", item), ("zoeken", "zoeken/")):
                context = browser.new_context(viewport={"width": 375, "height": 812})  # a fresh cache per visit
                page = context.new_page()
                sizes: dict[str, int] = {}

                def record(response: Response, sizes: dict[str, int] = sizes) -> None:
                    sizes[response.url] = sent(response.body()) if response.ok else 0

                page.on("response", record)
                page.goto(base + url)
                if name == "zoeken":
                    page.locator("input.pagefind-ui__search-input").fill(word)
                    page.wait_for_selector(".pagefind-ui__result")
                page.wait_for_load_state("networkidle")
                largest = sorted(((size, found.removeprefix(base)) for found, size in sizes.items()), reverse=True)[:3]
                out[name] = (sum(sizes.values()), len(sizes), largest)
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return out


def report(label: str, site: Path, check_goals: bool) -> None:
    item = next(p.parent.relative_to(site).as_posix() + "/" for p in sorted((site / "documenten").glob("*/index.html")))
    print(f"\n{label}")
    print(f"{'bezoek':<10}{'verstuurd (gzip)':>20}{'verzoeken':>11}   doel")
    for name, (size, count, largest) in visits(site, item, "zorg").items():
        goal = f"≤ {GOALS[name] // 1000} kB {'✓' if size <= GOALS[name] else '✗'}" if check_goals else ""
        print(f"{name:<10}{size / 1000:>17.1f} kB{count:>11}   {goal}")
        print(" " * 10 + "grootste: " + ", ".join(f"{path or '/'} {part / 1000:.0f} kB" for part, path in largest))


def main(sizes: list[int]) -> None:
    subprocess.run([str(Path(sys.executable).parent / "adviesregister"), "build", "--root", str(ROOT)], check=True, capture_output=True)
    report("Voorbeeldarchief (content/)", ROOT / "site", check_goals=False)
    for count in sizes:
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            write_archive(root, count)
            done = subprocess.run(
                [sys.executable, str(Path(__file__).with_name("bench_site.py")), "--child", str(root), "plain"], capture_output=True, text=True
            )
            if done.returncode != 0:
                raise SystemExit(done.stderr[-2000:])
            documents = json.loads(done.stdout.strip().splitlines()[-1])["documents"]
            report(f"Synthetisch archief van {documents} documenten", root / "site", check_goals=True)


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:] if int(arg)] if len(sys.argv) > 1 else [10_000])
