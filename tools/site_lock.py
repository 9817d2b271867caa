"""Write requirements-site.lock: the lines of requirements.lock that building and importing need (`make site`).

Those are the runtime dependencies of pyproject.toml (`[project] dependencies`, with their extras) and everything they
require in turn, as the installed packages declare it (importlib.metadata), plus setuptools, which installs our own
package (`pip install --no-build-isolation -e .`). Every line is copied from requirements.lock, so both locks give the
same versions; `tests/test_site_lock.py` checks that. Run by `make lock`, in the full development environment.
"""

from __future__ import annotations

import re
import sys
import tomllib
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
DEV_LOCK = ROOT / "requirements.lock"
SITE_LOCK = ROOT / "requirements-site.lock"
BUILD_TOOLS = ("setuptools",)
"""What `make site` needs besides the runtime dependencies: the build backend of our own package."""
HEADER = (
    "# The packages `make site` installs: what building and importing need, at the versions of requirements.lock\n"
    "# (of which this is a part; `make test` installs the rest). Written by `make lock` (tools/site_lock.py).\n"
)


def canonical(name: str) -> str:
    """A package's name as pip compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_requirements(pyproject: Path = ROOT / "pyproject.toml") -> list[Requirement]:
    return [Requirement(line) for line in tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]]


def closure(requirements: list[Requirement]) -> set[str]:
    """The canonical names of `requirements` and of everything they require, read from the installed packages."""
    found: set[str] = set()
    todo = [(requirement, frozenset(requirement.extras)) for requirement in requirements]
    seen: set[tuple[str, frozenset[str]]] = set()
    while todo:
        requirement, extras = todo.pop()
        name = canonical(requirement.name)
        if (name, extras) in seen:
            continue
        seen.add((name, extras))
        found.add(name)
        try:
            requires = distribution(requirement.name).requires or []
        except PackageNotFoundError:
            raise SystemExit(f"{requirement.name} is not installed: run make lock in the full environment (make .venv/.installed)") from None
        for line in requires:
            child = Requirement(line)
            environments = [{"extra": extra} for extra in extras] or [{"extra": ""}]
            if child.marker is None or any(child.marker.evaluate(environment) for environment in environments):
                todo.append((child, frozenset(child.extras)))
    return found


def lock_lines(lock: Path) -> dict[str, str]:
    """The pinned lines of a lock file (pip freeze format), by canonical name."""
    lines: dict[str, str] = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and "==" in line:
            lines[canonical(line.split("==", 1)[0])] = line
    return lines


def site_lock_text() -> str:
    pinned = lock_lines(DEV_LOCK)
    needed = closure(runtime_requirements()) | {canonical(tool) for tool in BUILD_TOOLS}
    needed.discard("adviesregister")
    missing = sorted(needed - pinned.keys())
    if missing:
        raise SystemExit(f"requirements.lock lacks {', '.join(missing)}: run make lock")
    return HEADER + "".join(f"{pinned[name]}\n" for name in sorted(needed, key=lambda name: pinned[name].lower()))


def main() -> None:
    SITE_LOCK.write_text(site_lock_text(), encoding="utf-8")
    count = len(lock_lines(SITE_LOCK))
    print(f"{SITE_LOCK.name}: {count} of {len(lock_lines(DEV_LOCK))} packages", file=sys.stderr)


if __name__ == "__main__":
    main()
