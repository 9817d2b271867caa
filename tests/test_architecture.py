"""The tree is the architecture: which stage may import which, read from the code itself (ast), not by eye.

base/        infrastructure: atomic writes, folders, cache,   imports nothing of ours outside base/
             process pool, git read as bytes, OCR, the errors
content/     the model, reading, checking and deriving        base/
importer/    letters → content files                         base/, content/
opendata/    model → downloads                               base/, content/
site/        model → pages for MkDocs                        base/, content/, opendata/ (to describe the downloads); the
             only stage that imports the engines (mkdocs, jinja2): their types and errors never pass it
cli.py, cli_dutch.py, pipeline.py, preview.py, new_archive.py, inbox.py, inbox_rapport.py, __main__.py  anything: they only run the stages (new_archive: `init`; inbox: `inbox`)
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from helpers import ROOT

PACKAGE = ROOT / "scripts" / "adviesregister"
STAGES = ("base", "content", "importer", "opendata", "site")
ALLOWED: dict[str, set[str]] = {
    "base": set(),
    "content": {"base"},
    "importer": {"base", "content"},
    "opendata": {"base", "content"},
    "site": {"base", "content", "opendata"},
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = frozenset(module_name(path) for path in PACKAGE.rglob("*.py"))


def imports_of(path: Path, name: str | None = None) -> set[str]:
    """Every module of ours that `path` (the module `name`) imports, at the top or inside a function, absolute or relative."""
    name = name or module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return {target for target in found if target in MODULES and target != name}


def stage_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGES else "top"


GRAPH = {module_name(path): imports_of(path) for path in sorted(PACKAGE.rglob("*.py"))}


def test_every_module_belongs_to_a_stage_or_runs_them() -> None:
    top = sorted(module for module in GRAPH if stage_of(module) == "top")
    assert top == [
        "adviesregister",
        "adviesregister.__main__",
        "adviesregister.cli",
        "adviesregister.cli_dutch",
        "adviesregister.inbox",
        "adviesregister.inbox_rapport",
        "adviesregister.new_archive",
        "adviesregister.pipeline",
        "adviesregister.preview",
    ]


@pytest.mark.parametrize("stage", STAGES)
def test_a_stage_imports_only_earlier_stages(stage: str) -> None:
    wrong = [
        f"{module} → {target}"
        for module, targets in GRAPH.items()
        if stage_of(module) == stage
        for target in targets
        if stage_of(target) != stage and stage_of(target) not in ALLOWED[stage]
    ]
    assert wrong == [], f"{stage}/ may import only {sorted(ALLOWED[stage]) or 'nothing of ours outside itself'}"


def test_no_import_cycle() -> None:
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            cycle = [*path[path.index(module) :], module]
            raise AssertionError("import cycle: " + " → ".join(cycle))
        if module in done:
            return
        for target in sorted(GRAPH.get(module, ())):
            visit(target, [*path, module])
        done.add(module)

    for module in GRAPH:
        visit(module, [])


def test_the_rules_are_checked_on_something_real() -> None:
    """The graph reads real imports (so the tests above cannot pass on an empty graph)."""
    assert "adviesregister.content.model" in GRAPH["adviesregister.content.load"]
    assert "adviesregister.base.folders" in GRAPH["adviesregister.base.atomic"]
    assert "adviesregister.opendata.files" in GRAPH["adviesregister.pipeline"]
    assert stage_of("adviesregister.importer.letter_import") == "importer"
    assert len(GRAPH) > 40


def test_a_forbidden_import_would_be_found(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("def late():\n    from adviesregister.site.views import format_datum\nfrom ..importer import letter_import\n", encoding="utf-8")
    found = imports_of(probe, "adviesregister.content.probe")
    assert {"adviesregister.site.views", "adviesregister.importer.letter_import"} <= found
    assert {stage_of(target) for target in found} - {"content"} - ALLOWED["content"] == {"site", "importer"}
    assert imports_of(probe, "adviesregister.base.probe") and {stage_of(target) for target in found} - ALLOWED["base"] - {"base"} >= {"site"}


def test_the_base_layer_knows_nothing_of_the_domain() -> None:
    """base/ is infrastructure: no advice, response, gemeente or front-matter field in its code's names."""
    domain = ("advies", "reactie", "gemeente", "besluit", "Document", "documenten")
    found = []
    for path in sorted((PACKAGE / "base").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = getattr(node, "name", None) or getattr(node, "id", None) or getattr(node, "attr", None) or getattr(node, "arg", None)
            if isinstance(name, str) and any(word in name for word in domain):
                found.append(f"{path.name}: {name}")
    assert found == []


ENGINES = ("mkdocs", "jinja2")
"""The site engine's libraries: only site/ imports them; everything else gets our errors (base/errors.py)."""


def engine_imports(path: Path) -> set[str]:
    """Every module of MkDocs or Jinja that `path` imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module or ""] if isinstance(node, ast.ImportFrom) else []
        found |= {name for name in names if name.split(".")[0] in ENGINES}
    return found


def test_only_site_imports_the_engines() -> None:
    wrong = {
        module_name(path): sorted(engine_imports(path))
        for path in sorted(PACKAGE.rglob("*.py"))
        if stage_of(module_name(path)) != "site" and engine_imports(path)
    }
    assert wrong == {}, "only site/ may import mkdocs or jinja2; turn their errors into ours in site/engine.py"


def test_the_engine_rule_is_checked_on_something_real(tmp_path: Path) -> None:
    assert "mkdocs.commands.build" in engine_imports(PACKAGE / "site" / "engine.py")
    probe = tmp_path / "probe.py"
    probe.write_text("import os\ndef late():\n    from mkdocs.exceptions import Abort\nimport jinja2.sandbox\n", encoding="utf-8")
    assert engine_imports(probe) == {"mkdocs.exceptions", "jinja2.sandbox"}


def shared_names(paths: list[Path]) -> dict[str, list[str]]:
    """Module names and class names that occur more than once among `paths` (`__init__` aside), with where."""
    where: dict[str, list[str]] = {}
    for path in paths:
        if path.stem != "__init__":
            where.setdefault(f"module {path.stem}", []).append(module_name(path) if path.is_relative_to(PACKAGE.parent) else path.name)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                where.setdefault(f"class {node.name}", []).append(path.name)
    return {name: places for name, places in where.items() if len(places) > 1}


ENGINE_MODULES = ("mkdocs.structure.pages", "mkdocs.structure.files", "mkdocs.structure.nav", "mkdocs.plugins", "mkdocs.theme", "jinja2")
"""The engine's modules whose classes our code meets: a class of ours named like one of them (`Page`) reads as theirs."""


def engine_classes() -> set[str]:
    import importlib
    import inspect

    return {
        name
        for module in ENGINE_MODULES
        for name, value in vars(importlib.import_module(module)).items()
        if inspect.isclass(value) and not name.startswith("_")
    }


def test_no_two_modules_or_classes_share_a_name() -> None:
    assert shared_names(sorted(PACKAGE.rglob("*.py"))) == {}, "name the module or class for its job (contributing-dev.md, 'Names')"


def test_no_class_of_ours_is_named_like_one_of_the_engines() -> None:
    ours = {node.name for path in PACKAGE.rglob("*.py") for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(node, ast.ClassDef)}
    assert "Page" in engine_classes()
    assert sorted(ours & engine_classes()) == []


def test_a_shared_name_would_be_found(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "cijfers.py").write_text("class Step:\n    pass\n", encoding="utf-8")
    (tmp_path / "b" / "cijfers.py").write_text("class Step:\n    pass\nclass Other:\n    pass\n", encoding="utf-8")
    assert set(shared_names(sorted(tmp_path.rglob("*.py")))) == {"module cijfers", "class Step"}
