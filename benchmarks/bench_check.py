"""`adviesregister check` on the synthetic archive: seconds without a cache (every letter rendered and read as the
page shows it), with the cache of a first check, and with it warm; and how many personal-data problems it finds
(must be 0: a false hit is a bug in content/privacy.py).

Usage: python benchmarks/bench_check.py [N]   (N documents; default 3,000)
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from synthetic import write_archive  # noqa: E402


def timed_check(root: Path, env: dict[str, str]) -> tuple[float, str]:
    """Seconds one `adviesregister check --root` takes (a process of its own, as a user runs it), and its output."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "adviesregister", "check", "--root", str(root)], capture_output=True, text=True, env=env, check=False)
    return time.perf_counter() - started, result.stdout + result.stderr


def main(count: int) -> int:
    with tempfile.TemporaryDirectory(prefix="bench-check-") as folder:
        root = Path(folder) / "archief"
        write_archive(root, count)
        env = {**os.environ, "XDG_CACHE_HOME": str(Path(folder) / "sleutel")}  # the cache's key, outside the archive
        no_cache, output = timed_check(root, {**env, "ADVIESREGISTER_CACHE": "0"})
        first, _ = timed_check(root, env)
        warm, _ = timed_check(root, env)
        hits = output.count("[persoonsgegevens]")
        print(f"check, {count} documenten: zonder cache {no_cache:.1f} s, eerste keer (cache vullen) {first:.1f} s, met cache {warm:.1f} s")
        print(f"persoonsgegevens gevonden: {hits} (verwacht 0)")
        return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 3_000))
