"""How often the importer is right, per field, on the labelled test letters (tests/brieven/), the held-out batch
(tests/brieven-heldout/) and the seeds: right/wrong/abstained. The rules of counting are in tests/accuracy.py; the
test fails on any wrong value.

The first table compares sets of letters: the letters of earlier issues, the letters written for issue 24 (label
`ronde: 24`), every letter without a signature (label `ondertekend: false`), and the held-out batch read by the
importer of BEFORE_COMMIT (the last commit before issue 24 changed any rule; checked out into a temporary git
worktree) and by today's. The tables after it give every field per kind.

Usage: python benchmarks/bench_accuracy.py [--voor COMMIT]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from accuracy import HELDOUT, REPORTED, Tally, empty_project, labelled_letters, measure, seed_letters  # noqa: E402

BEFORE_COMMIT = "fb745de"
"""main when issue 24 began: the importer before it learnt from all the evidence."""
Letters = list[tuple[str, Path, dict[str, Any]]]


def cell(tally: Tally | dict[str, list[int]], veld: str, kind: str | None = None) -> str:
    if isinstance(tally, dict):
        right, wrong, abstained = tally.get(veld, [0, 0, 0])
    else:
        right, wrong, abstained = (
            sum(n for (v, k, o), n in tally.counts.items() if v == veld and (kind is None or k == kind) and o == outcome)
            for outcome in ("right", "wrong", "abstained")
        )
    return f"{right}/{wrong}/{abstained}" if right + wrong + abstained else "-"


def per_field(tally: Tally) -> dict[str, list[int]]:
    return {veld: [int(part) for part in cell(tally, veld).split("/")] if cell(tally, veld) != "-" else [0, 0, 0] for veld in REPORTED}


def report(title: str, tally: Tally, count: int) -> None:
    print(f"== {title}: {count} letters")
    kinds = sorted({kind for _, kind, _ in tally.counts})
    print(f"{'veld':<12}" + "".join(f"{kind:>22}" for kind in kinds) + f"{'totaal':>22}")
    for veld in REPORTED:
        print(f"{veld:<12}" + "".join(f"{cell(tally, veld, kind):>22}" for kind in [*kinds, None]))
    print("(goed/fout/open per veld en soort)")
    for line in tally.wrong:
        print(f"  fout: {line}")


def measured_before(commit: str, reeks: str) -> dict[str, list[int]] | str:
    """A set of letters ('heldout' or 'nieuw') measured with the importer of `commit`, or why that could not be done."""
    with tempfile.TemporaryDirectory() as folder:
        tree = Path(folder) / "voor"
        added = subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), commit], capture_output=True, text=True)
        if added.returncode != 0:
            return f"commit {commit} niet te vinden ({added.stderr.strip()})"
        try:  # the package maps data/ and schema/ into adviesregister; a plain source tree needs the links
            (tree / "scripts" / "adviesregister" / "data").symlink_to(tree / "data")
            (tree / "scripts" / "adviesregister" / "schemas").symlink_to(tree / "schema")
            env = os.environ | {"PYTHONPATH": f"{tree / 'scripts'}{os.pathsep}{ROOT / 'tests'}"}
            done = subprocess.run([sys.executable, __file__, "--alleen", reeks], capture_output=True, text=True, env=env, cwd=tree)
            if done.returncode != 0:
                return f"meten met {commit} mislukte: {done.stderr.strip()[-300:]}"
            return dict(json.loads(done.stdout))
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], capture_output=True)


def new_letters(letters: Letters) -> Letters:
    return [letter for letter in letters if letter[2].get("ronde") == 24]


def sets_table(letters: Letters, heldout: Letters, commit: str, project_folder: Path) -> None:
    own = [letter for letter in letters if "ronde" not in letter[2]]
    new = new_letters(letters)
    before = {reeks: measured_before(commit, reeks) for reeks, found in (("nieuw", new), ("heldout", heldout)) if found}
    counted = {reeks: found for reeks, found in before.items() if isinstance(found, dict)}
    unsigned = [letter for letter in [*letters, *heldout] if letter[2].get("ondertekend") is False]
    columns: list[tuple[str, Tally | dict[str, list[int]] | None]] = [
        (f"eigen ({len(own)})", measure(own, empty_project(project_folder / "eigen")) if own else None),
        (f"nieuw-24 voor ({len(new)})", counted.get("nieuw")),
        (f"nieuw-24 nu ({len(new)})", measure(new, empty_project(project_folder / "nieuw")) if new else None),
        (f"zonder handtekening ({len(unsigned)})", measure(unsigned, empty_project(project_folder / "zonder")) if unsigned else None),
        (f"held-out voor ({len(heldout)})", counted.get("heldout")),
        (f"held-out nu ({len(heldout)})", measure(heldout, empty_project(project_folder / "heldout")) if heldout else None),
    ]
    print("== per reeks brieven (goed/fout/open)")
    print(f"{'veld':<12}" + "".join(f"{title:>26}" for title, _ in columns))
    for veld in REPORTED:
        print(f"{veld:<12}" + "".join(f"{cell(tally, veld) if tally is not None else '-':>26}" for _, tally in columns))
    for reeks, why in before.items():
        if isinstance(why, str):
            print(f"({reeks} voor: {why})")
    print(f"(voor: de importer van commit {commit}, voor issue 24; zonder handtekening: nieuw-24 en held-out samen)")
    for title, tally in columns:
        for line in tally.wrong if isinstance(tally, Tally) else []:
            print(f"  fout in {title}: {line}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--voor", default=BEFORE_COMMIT)
    parser.add_argument("--alleen", choices=["heldout", "nieuw"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    heldout = labelled_letters(HELDOUT) if HELDOUT.is_dir() else []
    with tempfile.TemporaryDirectory() as folder:
        letters = labelled_letters()
        if args.alleen:  # run by measured_before() with an older importer on the path
            chosen = heldout if args.alleen == "heldout" else new_letters(letters)
            print(json.dumps(per_field(measure(chosen, empty_project(Path(folder))))))
            return
        sets_table(letters, heldout, args.voor, Path(folder))
        project = empty_project(Path(folder) / "alle")
        report("tests/brieven", measure(letters, project), len(letters))
        if heldout:
            report("tests/brieven-heldout", measure(heldout, empty_project(Path(folder) / "heldout-soort")), len(heldout))
        seeds = seed_letters()
        report("seeds", measure(seeds, project), len(seeds))


if __name__ == "__main__":
    main()
