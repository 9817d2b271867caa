"""`make site` installs requirements-site.lock only: a part of requirements.lock, at the same versions, that holds
everything building and importing need and none of the developer tools."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import distribution, packages_distributions
from pathlib import Path

from packaging.requirements import Requirement

from helpers import ROOT

SITE_LOCK = ROOT / "requirements-site.lock"
DEV_LOCK = ROOT / "requirements.lock"
PACKAGE = ROOT / "scripts" / "adviesregister"


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    pairs = [line.split("==", 1) for line in lines if line and not line.startswith("#")]
    assert all(len(pair) == 2 for pair in pairs), "every line of a lock is name==version"
    return {canonical(name): version for name, version in pairs}


def test_the_site_lock_is_part_of_the_development_lock_with_the_same_versions() -> None:
    site, dev = pins(SITE_LOCK), pins(DEV_LOCK)
    assert site
    assert sorted(set(site) - set(dev)) == []
    assert {name: version for name, version in site.items() if dev[name] != version} == {}
    assert len(site) < len(dev)


def _needed() -> set[str]:
    """The runtime dependencies of pyproject.toml and everything they require, as the installed packages say."""
    todo = [Requirement(line) for line in tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]]
    found: set[str] = set()
    while todo:
        requirement = todo.pop()
        if canonical(requirement.name) in found:
            continue
        found.add(canonical(requirement.name))
        for line in distribution(requirement.name).requires or []:
            child = Requirement(line)
            if child.marker is None or any(child.marker.evaluate({"extra": extra}) for extra in requirement.extras or {""}):
                todo.append(child)
    return found


def test_the_site_lock_holds_every_runtime_dependency_and_what_they_require() -> None:
    needed = _needed()
    assert {"mkdocs", "mkdocs-material", "pagefind-bin", "pikepdf", "markupsafe"} <= needed  # the walk reached the transitive ones
    assert sorted(needed - set(pins(SITE_LOCK))) == []
    assert "setuptools" in pins(SITE_LOCK)  # installs our own package (--no-build-isolation)


def test_every_library_our_code_imports_is_in_the_site_lock() -> None:
    """Read with ast: a module of ours that imports a package only the developer lock has would fail after make site."""
    owners = packages_distributions()
    site = pins(SITE_LOCK)
    missing: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom) and not node.level
                else []
            )
            for name in names:
                top = name.split(".")[0]
                if top == "adviesregister" or top in sys.stdlib_module_names or not top:
                    continue
                if not any(canonical(owner) in site for owner in owners.get(top, [])):
                    missing.add(f"{top} ({path.relative_to(ROOT)})")
    assert sorted(missing) == []


def test_the_developer_tools_stay_out_of_the_site_lock() -> None:
    site = pins(SITE_LOCK)
    assert [tool for tool in ("pytest", "mypy", "ruff", "playwright", "pandas", "hypothesis", "frictionless", "reportlab") if tool in site] == []
