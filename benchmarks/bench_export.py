"""Time of the open-data export and the size of each file, for the synthetic archive of bench_site.py.

Usage: python benchmarks/bench_export.py [N ...]   (default: 1000 3000)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_site import write_archive

from adviesregister.content.project import Project
from adviesregister.opendata.downloads import DOWNLOAD_FILES
from adviesregister.opendata.files import export_open_data
from adviesregister.pipeline import prepare


def measure(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_archive(root, count)
        project = Project(root)
        prepared, problems = prepare(project)
        assert prepared is not None, problems[:5]
        out = root / "open-data"
        start = time.perf_counter()
        result = export_open_data(prepared, out)
        seconds = time.perf_counter() - start
        print(f"\n{count} documenten: export in {seconds:.1f} s ({len(result.files)} bestanden)")
        for name in DOWNLOAD_FILES:
            print(f"  {name:<24} {(out / name).stat().st_size / 1_000_000:8.2f} MB")
        per_item = sum(path.stat().st_size for path in (out / "documenten").glob("*.json"))
        print(f"  {'documenten/*.json':<24} {per_item / 1_000_000:8.2f} MB")


if __name__ == "__main__":
    for size in [int(arg) for arg in sys.argv[1:]] or [1000, 3000]:
        measure(size)
