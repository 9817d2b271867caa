"""Personal data found in the seed archive (must be none in content/documenten/), and the time per letter.

Usage: python benchmarks/bench_privacy.py [N]   (N rounds for the timing; default 20)

Exits 1 when a document of the seed archive holds something the detectors call personal data: either a false
alarm to fix in content/privacy.py, or a real leak to report (never fix it by editing the seed content here).

Why names are found by rules and not by the Dutch de-identification library deduce (3.0.6, measured once on the
seed archive, 2 cores): building its lookup tables takes 145 s on first use and loading them 11-31 s in every later
process, using 1.1 GB of memory, so `adviesregister check` would take half a minute instead of a second. Its speed
after loading is fine (about 50 ms for a two-page letter). In the texts of the 7 seed documents it marks 10 persons:
3 are signatures under a public role (the allow-list would drop them), 7 are false alarms no allow-list can drop:
'Burgemeester' (twice, and 3 more times in the front matter), 'Pak' (a verb), 'van de Rijke' (the Rijke schooldag),
and the researchers Jim van Oss and Machteld Huber (3 times). The rules find 0. Run with deduce installed to repeat
the measurement.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from adviesregister.content.extract import extract_text  # noqa: E402
from adviesregister.content.load import load_archive  # noqa: E402
from adviesregister.content.originals import is_publishable  # noqa: E402
from adviesregister.content.privacy import KINDS, detect, text_fields  # noqa: E402
from adviesregister.content.project import Project  # noqa: E402


def document_findings(project: Project) -> tuple[Counter[str], list[str], list[str]]:
    """Per kind, what the detectors find in the documents' text and front matter; the findings; the letters' texts."""
    archive, _ = load_archive(project)
    counts: Counter[str] = Counter()
    shown: list[str] = []
    texts: list[str] = []
    for doc in archive.documents:
        texts.append(doc.tekst)
        for veld, text in [("tekst", doc.tekst), *text_fields(doc)]:
            for finding in detect(text):
                counts[finding.kind] += 1
                shown.append(f"  {doc.path} {veld}: {finding.kind} '{finding.value}'")
    return counts, shown, texts


def original_findings(project: Project) -> None:
    """The originals in content/bronnen/: what is found, and so whether the site publishes them."""
    for path in sorted((project.content / "bronnen").rglob("*.*")):
        kinds = Counter(finding.kind for finding in detect(extract_text(path)))
        found = ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items())) or "niets"
        state = "gepubliceerd" if is_publishable(path) else "niet gepubliceerd"
        print(f"  {path.relative_to(project.content)}: {found} ({state})")


def time_per_letter(texts: list[str], rounds: int) -> None:
    start = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            detect(text)
    seconds = (time.perf_counter() - start) / (rounds * len(texts))
    size = sum(map(len, texts)) / len(texts) / 1000
    print(f"time per letter: {seconds * 1000:.2f} ms (seed letters, {size:.1f}k characters on average, {rounds} rounds)")


def compare_with_deduce(texts: list[str]) -> None:
    """Person annotations of deduce on the same letters, when it is installed (it is not a dependency)."""
    try:
        import deduce
    except ImportError:
        print("deduce: not installed (pip install deduce==3.0.6 to repeat the comparison in the docstring)")
        return
    start = time.perf_counter()
    model = deduce.Deduce()
    print(f"deduce: loaded in {time.perf_counter() - start:.1f} s")
    persons = [annotation.text for text in texts for annotation in model.deidentify(text).annotations if annotation.tag == "persoon"]
    print(f"deduce: {len(persons)} persons in the seed documents: {', '.join(sorted(persons))}")


def main(rounds: int) -> int:
    project = Project(ROOT)
    counts, shown, texts = document_findings(project)
    print("findings in content/documenten (text and front matter), per kind:")
    for kind in KINDS:
        print(f"  {kind:15} {counts[kind]}")
    print("\n".join(shown))
    print("originals in content/bronnen:")
    original_findings(project)
    time_per_letter(texts, rounds)
    compare_with_deduce(texts)
    return 1 if counts else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20))
