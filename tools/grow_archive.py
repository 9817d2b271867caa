"""Grow the archive as a council would, in a copy of the repository, and run the tests there.

    .venv/bin/python tools/grow_archive.py [--snel] [--bewaar]

A content pull request must pass CI whatever valid documents it adds. This proves it for one: in a git clone of HEAD
(in a temporary folder; this checkout is never touched) it adds the gemeente Oss to content/gemeenten.yml, imports
with the real command `adviesregister import` an advice as a Word file, the college's response to it and an advice
of Oss, checks, commits them, and runs `make test` there: lint, types and every test, the live-archive tests
(tests/test_live_archive.py) on the grown content/ included.

  --snel     run only what depends on content/: `adviesregister check`, `make site` (the strict build) and the
             live-archive tests. Every other test runs on the frozen fixture archive (tests/archief/), never on
             content/ (tests/test_geen_eigen_content.py checks that), so those give the same result in any archive.
  --bewaar   keep the temporary copy and say where it is.
  --repo     the repository to copy (default: this one), e.g. to count the failures of another branch.

Exit 0 when everything passed, else the exit code of the step that failed. `.ci/run` runs it after `make test`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GEMEENTE = "Oss"
"""The new gemeente: not among the seeds' gemeenten, in the CBS list (data/gemeenten-cbs-2023.csv)."""

ADVIES_WORD = """Adviesraad Sociaal Domein Almelo
Postbus 100
7600 AC Almelo

Aan het college van burgemeester en wethouders
Gemeente Almelo

Ons kenmerk ASD-2026-014
Betreft Ongevraagd advies over eenzaamheid onder ouderen
Datum 2 november 2026

Geacht college,

De adviesraad ziet dat steeds meer ouderen in Almelo weinig mensen om zich heen hebben. Zij komen minder buiten en weten de activiteiten in hun wijk niet te vinden.

Wij adviseren u om in elke wijk een vast inloopuur in het buurthuis te houden, met vervoer voor wie slecht ter been is.

Met vriendelijke groet,

Adviesraad Sociaal Domein Almelo
"""

REACTIE = """Gemeente Almelo
Postbus 5100
7600 GC Almelo

Adviesraad Sociaal Domein Almelo
Postbus 100
7600 AC Almelo

Uw kenmerk ASD-2026-014
Datum 20 november 2026
Onderwerp Reactie op ongevraagd advies over eenzaamheid onder ouderen

Geachte leden van de adviesraad,

Op 2 november 2026 heeft u ons een ongevraagd advies gegeven over eenzaamheid onder ouderen. Wij nemen uw advies over. Vanaf maart is er in elke wijk een inloopuur in het buurthuis, en de buurtbus rijdt dan ook.

Hoogachtend,

Burgemeester en wethouders van Almelo,
"""

ADVIES_NIEUWE_GEMEENTE = f"""Adviesraad Sociaal Domein {GEMEENTE}
Postbus 5
5340 AA {GEMEENTE}

Aan het college van burgemeester en wethouders
Gemeente {GEMEENTE}

Betreft Gevraagd advies over de mantelzorgwaardering
Datum 9 november 2026

Geacht college,

U vroeg ons om advies over de nieuwe regels voor de mantelzorgwaardering. Wij hebben met mantelzorgers gesproken.

Wij adviseren u om de waardering ook te geven aan jonge mantelzorgers onder de achttien jaar.

Met vriendelijke groet,

Adviesraad Sociaal Domein {GEMEENTE}
"""


def say(line: str) -> None:
    print(f"== groeiend archief: {line}", flush=True)


def run(args: list[str | Path], cwd: Path, env: dict[str, str] | None = None) -> str:
    """Run a command in the copy; stop the script with its exit code when it fails."""
    done = subprocess.run([str(arg) for arg in args], cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        print(done.stdout + done.stderr, file=sys.stderr)
        say(f"mislukt: {' '.join(str(arg) for arg in args)} (exitcode {done.returncode})")
        raise SystemExit(done.returncode)
    return done.stdout


def add_gemeente(clone: Path, naam: str) -> str:
    """Add `naam` to the copy's content/gemeenten.yml with the command a secretary uses; what it printed."""
    command: list[str | Path] = [clone / ".venv" / "bin" / "adviesregister", "gemeente", "toevoegen", naam, "--root", clone]
    return run([*command, "--adviesraad", f"Adviesraad Sociaal Domein {naam}", "--afkorting", f"ASD {naam}"], cwd=clone)


def write_letters(folder: Path) -> list[Path]:
    """The letters a secretary receives: an advice as a Word file, its response and an advice of the new gemeente."""
    import docx

    folder.mkdir(parents=True)
    word = docx.Document()
    word.core_properties.author = word.core_properties.last_modified_by = ""  # no account name: the original may be published
    for line in ADVIES_WORD.split("\n"):
        word.add_paragraph(line)
    advies = folder / "advies-eenzaamheid.docx"
    word.save(str(advies))
    reactie = folder / "reactie-eenzaamheid.txt"
    reactie.write_text(REACTIE, encoding="utf-8")
    nieuw = folder / f"advies-mantelzorg-{GEMEENTE.lower()}.txt"
    nieuw.write_text(ADVIES_NIEUWE_GEMEENTE, encoding="utf-8")
    return [advies, reactie, nieuw]


def grow(repository: Path, clone: Path, letters: Path) -> None:
    """Clone HEAD of `repository`, set it up, add the gemeente and the documents with the real commands, commit."""
    say(f"kopie van HEAD van {repository} in {clone}")
    run(["git", "clone", "--quiet", "--no-hardlinks", repository, clone], cwd=repository)
    say("installeren (make .venv/.installed)")
    run(["make", ".venv/.installed"], cwd=clone)
    say(f"gemeente {GEMEENTE} toevoegen")
    print(add_gemeente(clone, GEMEENTE), flush=True)
    command = clone / ".venv" / "bin" / "adviesregister"
    for letter in write_letters(letters):
        output = run([command, "import", "--root", clone, letter], cwd=clone)
        say(f"geïmporteerd: {letter.name}")
        print(output, flush=True)
    print(run([command, "check", "--root", clone], cwd=clone), end="", flush=True)
    author = {**os.environ, "GIT_AUTHOR_NAME": "Secretaris", "GIT_AUTHOR_EMAIL": "secretaris@example.org"}
    author |= {"GIT_COMMITTER_NAME": "Secretaris", "GIT_COMMITTER_EMAIL": "secretaris@example.org"}
    run(["git", "add", "content"], cwd=clone)
    run(["git", "commit", "--quiet", "-m", f"Drie documenten en de gemeente {GEMEENTE} erbij"], cwd=clone, env=author)


def test_grown(clone: Path, quick: bool) -> int:
    """The tests in the grown copy: the whole `make test`, or (quick) only what depends on content/."""
    steps = [["make", "test"]]
    if quick:
        steps = [[".venv/bin/adviesregister", "check"], ["make", "site"], ["make", "node_modules/.installed"]]
        steps += [[".venv/bin/pytest", "-q", "-p", "no:cacheprovider", "tests/test_live_archive.py"]]
    # the official schemas beside this checkout (tests/helpers.py STANDARDS), not beside the temporary copy
    env = {**os.environ, "ADVIESREGISTER_STANDARDS": os.environ.get("ADVIESREGISTER_STANDARDS", str(ROOT.parent / "shared" / "standards"))}
    for step in steps:
        say(" ".join(step))
        code = subprocess.run(step, cwd=clone, env=env, check=False).returncode
        if code != 0:
            say(f"mislukt: {' '.join(step)} (exitcode {code})")
            return code
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--snel", action="store_true", help="alleen check, de bouw en de tests van het levende archief")
    parser.add_argument("--bewaar", action="store_true", help="de tijdelijke kopie niet weggooien")
    parser.add_argument("--repo", type=Path, default=ROOT, help="de repository om te kopiëren (standaard deze)")
    options = parser.parse_args()
    start = time.perf_counter()
    folder = Path(tempfile.mkdtemp(prefix="groeiend-archief-"))
    try:
        grow(options.repo.resolve(), folder / "archief", folder / "brieven")
        grown = time.perf_counter()
        say(f"klaar met groeien in {grown - start:.0f} s; nu de tests")
        code = test_grown(folder / "archief", options.snel)
        say(f"{'geslaagd' if code == 0 else 'MISLUKT'} in {time.perf_counter() - start:.0f} s (tests {time.perf_counter() - grown:.0f} s)")
        return code
    finally:
        if options.bewaar:
            say(f"de kopie staat in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
