"""How often the importer is right, per field and per kind, on the labelled test letters (tests/brieven/) and the seeds:
right/wrong/abstained. The rules of counting are in tests/accuracy.py; the test fails on any wrong value.

Usage: python benchmarks/bench_accuracy.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from accuracy import REPORTED, Tally, empty_project, labelled_letters, measure, seed_letters  # noqa: E402


def report(title: str, tally: Tally, count: int) -> None:
    print(f"== {title}: {count} letters")
    kinds = sorted({kind for _, kind, _ in tally.counts})
    print(f"{'veld':<12}" + "".join(f"{kind:>22}" for kind in kinds) + f"{'totaal':>22}")
    for veld in REPORTED:
        cells = []
        for kind in [*kinds, None]:
            right, wrong, abstained = (
                sum(n for (v, k, o), n in tally.counts.items() if v == veld and (kind is None or k == kind) and o == outcome)
                for outcome in ("right", "wrong", "abstained")
            )
            cells.append(f"{right}/{wrong}/{abstained}" if right + wrong + abstained else "-")
        print(f"{veld:<12}" + "".join(f"{cell:>22}" for cell in cells))
    print("(goed/fout/open per veld en soort)")
    for line in tally.wrong:
        print(f"  fout: {line}")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        project = empty_project(Path(folder))
        letters = labelled_letters()
        if letters:
            report("tests/brieven", measure(letters, project), len(letters))
        else:
            print("== tests/brieven: no labelled letters yet")
        seeds = seed_letters()
        report("seeds", measure(seeds, project), len(seeds))


if __name__ == "__main__":
    main()
