"""Build the site from a git revision and from the working tree, with the same clock and commit, and list every file that differs.

    .venv/bin/python tools/same_site.py [REVISION]      (default: HEAD)
    .venv/bin/python tools/same_site.py REVISION --synthetic 3000   (both from tests/synthetic.py's archive)

A refactoring must leave site/ byte for byte as it was; this shows whether it did. Both builds run in
temporary copies (the working tree's site/ is left alone), each with its own copy of the code first on
PYTHONPATH. Exit 0 when the two sites are identical, 1 when they differ.

Every file is compared, Pagefind's index too (site/pagefind_order.py puts it in a fixed order).
"""

from __future__ import annotations

import argparse
import filecmp
import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import tomllib
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLOCK = "1795392000"  # 23 November 2026, as in the tests
COMMIT = "0" * 40
BUILD = "import sys; from adviesregister.cli import main; sys.exit(main())"


def export_revision(revision: str, target: Path) -> None:
    """The files of `revision`, as git archive gives them."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", revision], capture_output=True, check=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")


def export_working_tree(target: Path) -> None:
    """The files of the working tree that git tracks or would track (ignored files such as site/ and .venv/ left out)."""
    listed = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others", "--exclude-standard"], capture_output=True, check=True)
    for name in filter(None, listed.stdout.decode().split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def synthetic_content(trees: tuple[Path, ...], count: int, scratch: Path) -> None:
    """Replace each tree's content/ with the same archive of `count` documents from tests/synthetic.py (written once)."""
    sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "scripts")]
    from synthetic import write_archive

    write_archive(scratch, count)
    for tree in trees:
        shutil.rmtree(tree / "content")
        shutil.copytree(scratch / "content", tree / "content")


def own_entry_points(project: Path) -> Path:
    """A distribution's metadata with the tree's own entry points (pyproject.toml), first on the path, so that MkDocs
    finds the plugin where that tree has it (the venv's installed metadata names the working tree's)."""
    pyproject = tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))
    info = project / ".same-site" / "adviesregister-0.0.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: adviesregister\nVersion: 0.0.0\n", encoding="utf-8")
    groups = {"console_scripts": pyproject["project"].get("scripts", {}), **pyproject["project"].get("entry-points", {})}
    text = "".join(f"[{group}]\n" + "".join(f"{name} = {target}\n" for name, target in entries.items()) + "\n" for group, entries in groups.items())
    (info / "entry_points.txt").write_text(text, encoding="utf-8")
    return info.parent


def build(project: Path) -> Path:
    path = os.pathsep.join((str(own_entry_points(project)), str(project / "scripts")))
    env = {**os.environ, "PYTHONPATH": path, "SOURCE_DATE_EPOCH": CLOCK, "GITHUB_SHA": COMMIT}
    env.pop("ADVIESREGISTER_SITE_URL", None)
    done = subprocess.run([sys.executable, "-c", BUILD, "build", "--root", str(project)], cwd=project, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"De bouw in {project} mislukte:\n{done.stdout}{done.stderr}")
    return project / "site"


def site_files(site: Path) -> set[str]:
    """Every file of a built site."""
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def differences(old: Path, new: Path) -> list[str]:
    """'only in …', 'differs' lines for every file, sorted by path."""
    old_files, new_files = site_files(old), site_files(new)
    out = [f"only in the revision:     {name}" for name in sorted(old_files - new_files)]
    out += [f"only in the working tree: {name}" for name in sorted(new_files - old_files)]
    out += [f"differs:                  {name}" for name in sorted(old_files & new_files) if not filecmp.cmp(old / name, new / name, shallow=False)]
    return sorted(out, key=lambda line: line.split(":", 1)[1].strip())


def fingerprint(site: Path) -> str:
    digest = hashlib.sha256()
    for name in sorted(site_files(site)):
        digest.update(name.encode() + b"\0" + (site / name).read_bytes())
    return digest.hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("revision", nargs="?", default="HEAD")
    parser.add_argument("--keep", action="store_true", help="keep the two builds and print where they are")
    parser.add_argument(
        "--synthetic", type=int, metavar="N", help="build both from the same synthetic archive of N documents (tests/synthetic.py) instead of content/"
    )
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="same-site-"))
    try:
        (tmp / "old").mkdir()
        (tmp / "new").mkdir()
        export_revision(args.revision, tmp / "old")
        export_working_tree(tmp / "new")
        if args.synthetic:
            synthetic_content((tmp / "old", tmp / "new"), args.synthetic, tmp / "synthetic")
        old, new = build(tmp / "old"), build(tmp / "new")
        found = differences(old, new)
        files = len(site_files(new))
        for line in found:
            print(line)
        print(f"{args.revision}: {fingerprint(old)}\nworking tree: {fingerprint(new)}")
        print(f"{len(found)} of {files} files differ." if found else f"Identical: all {files} files of site/ are byte for byte the same.")
        if args.keep:
            print(f"Builds kept in {tmp}")
        return 1 if found else 0
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
