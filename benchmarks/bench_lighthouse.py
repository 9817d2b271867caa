"""Lighthouse (npm, run in Debian's Chromium) on every page type of the seed archive, as a phone and as a desktop:
the scores for accessibility, best practices and SEO, and every audit below its full score.

Usage: python benchmarks/bench_lighthouse.py     (builds site/ first; needs `npm ci` for node_modules/.bin/lighthouse)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("accessibility", "best-practices", "seo")
PAGE_TYPES = {
    "home": "",
    "overzicht": "documenten/",
    "advies": "documenten/almelo-2022-12-22-ongevraagd-advies-nsob-rapport/",
    "advies (uitgebleven)": "documenten/almere-2019-03-11-ongevraagd-advies-adviesraad-sociaal-domein-ten-aanzien-van-het-regionale/",
    "reactie": "documenten/almelo-2023-07-11-reactie-op-advies-programmas-sociaal-en-vitaal-en-zorg-en-veiligheid/",
    "stuk": "documenten/albrandswaard-2023-stand-van-zaken-integrale-aanpak-zorg-en-veiligheid/",
    "gemeente": "gemeenten/almelo/",
    "thema": "themas/jeugd/",
    "jaar": "jaren/2023/",
    "jaren": "jaren/",
    "status": "status/niet-overgenomen/",
    "punten": "punten/",
    "cijfers": "cijfers/",
    "zoeken": "zoeken/?q=zorg",
    "feeds": "feeds/",
    "open data": "open-data/",
    "over": "over/",
    "404 (niet gevonden)": "404.html",  # Lighthouse refuses a 404 status; a host serves this file for every missing page
}


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def audit(url: str, desktop: bool, out: Path) -> dict[str, Any]:
    command = [str(LIGHTHOUSE), url, f"--only-categories={','.join(CATEGORIES)}", "--output=json", f"--output-path={out}", "--quiet"]
    command += ["--chrome-flags=--headless=new --no-sandbox --disable-gpu", *(["--preset=desktop"] if desktop else [])]
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": os.environ.get("CHROMIUM", "/usr/bin/chromium")}, capture_output=True)
    result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return result


def main() -> None:
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse ontbreekt: voer eerst `npm ci` uit (make test doet dat).")
    subprocess.run([str(Path(sys.executable).parent / "adviesregister"), "build", "--root", str(ROOT)], check=True, capture_output=True)
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(ROOT / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    failures: list[str] = []
    print(f"{'pagina':<22}{'scherm':<9}" + "".join(f"{c:>16}" for c in CATEGORIES))
    with tempfile.TemporaryDirectory() as folder:
        for name, url in PAGE_TYPES.items():
            for desktop in (False, True):
                report = audit(base + url, desktop, Path(folder) / "lh.json")
                categories = report["categories"]
                audits = report["audits"]
                scores = [round(100 * (categories[c]["score"] or 0)) for c in CATEGORIES]
                screen = "desktop" if desktop else "telefoon"
                print(f"{name:<22}{screen:<9}" + "".join(f"{s:>16}" for s in scores))
                for category in CATEGORIES:
                    for ref in categories[category]["auditRefs"]:
                        found = audits[ref["id"]]
                        if ref["weight"] and found["score"] is not None and found["score"] < 1:
                            failures.append(f"{name} ({screen}), {category}: {ref['id']} — {found['title']}")
    server.shutdown()
    print("\nAudits onder de volle score:" if failures else "\nAlle pagina's: 100 op toegankelijkheid, best practices en SEO.")
    for failure in failures:
        print(f"  {failure}")


if __name__ == "__main__":
    main()
