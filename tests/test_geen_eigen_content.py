"""No test depends on what the repository's content/ holds: read from the tests' own code (ast), not by eye.

A council's content pull request must pass `make test` whatever valid documents it adds. So every test builds its
archive from the frozen fixture (tests/archief/content/, the default of helpers.copy_project) or makes one itself;
only tests/test_live_archive.py looks at the repository's own content/, and asserts only what holds for any valid
archive. The scan covers tests/**/*.py (helpers, accuracy.py and synthetic.py included); benchmarks/ is left out on
purpose: it measures the live archive and asserts nothing, and no test runs it.

What counts as reading the repository's content/ (ROOT is the checkout, as tests/helpers.py names it):
  ROOT / "content" …, ROOT / "content/documenten" …     a path joined to the checkout
  ROOT / name, ROOT / f"…"                              a path whose first part the scan cannot read (it may be content/)
  ROOT.joinpath("content", …), os.path.join(ROOT, "content", …), f"{ROOT}/content/…"
  Project(ROOT)                                         the checkout as an archive (its .content is content/)
  [..., "--root", ROOT, ...]                            a command run on the checkout
"""

from __future__ import annotations

import ast

from helpers import ROOT

TESTS = ROOT / "tests"
LIVE = TESTS / "test_live_archive.py"
"""The only module allowed to look at the repository's content/."""


def _is_root(node: ast.AST) -> bool:
    """`ROOT`, `helpers.ROOT` or `str(ROOT)`."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "str" and len(node.args) == 1:
        node = node.args[0]
    return (isinstance(node, ast.Name) and node.id == "ROOT") or (isinstance(node, ast.Attribute) and node.attr == "ROOT")


def _is_content(node: ast.AST) -> bool:
    """A string literal naming content/ or a path in it ("content", "content/documenten", "/content/…")."""
    if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
        return False
    first = node.value.strip("/").split("/", 1)[0]
    return first == "content"


def _path_chain(node: ast.BinOp) -> list[ast.AST]:
    """`a / b / c` as [a, b, c]."""
    parts: list[ast.AST] = []
    current: ast.expr = node
    while isinstance(current, ast.BinOp) and isinstance(current.op, ast.Div):
        parts.insert(0, current.right)
        current = current.left
    return [current, *parts]


def content_references(source: str) -> list[tuple[int, str]]:
    """Every place in `source` that refers to the repository's content/: (line, the code there)."""
    found: list[tuple[int, str]] = []
    tree = ast.parse(source)
    # a chain `ROOT / "content" / "x"` is judged once, at its outermost `/`
    inner = {id(node.left) for node in ast.walk(tree) if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div)}
    for node in ast.walk(tree):
        hit = False
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            chain = _path_chain(node)
            # ROOT / a name or an f-string: the scan cannot tell what it holds ("content/…" in a variable), so it counts
            hit = id(node) not in inner and _is_root(chain[0]) and (_is_content(chain[1]) or not isinstance(chain[1], ast.Constant))
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if name == "joinpath" and isinstance(func, ast.Attribute) and _is_root(func.value):
                hit = bool(node.args) and _is_content(node.args[0])
            elif name == "join":  # os.path.join(ROOT, "content", …)
                hit = len(node.args) > 1 and _is_root(node.args[0]) and _is_content(node.args[1])
            elif name == "Project":
                hit = bool(node.args) and _is_root(node.args[0])
        elif isinstance(node, ast.JoinedStr):
            values = node.values
            hit = any(
                isinstance(value, ast.FormattedValue) and _is_root(value.value) and index + 1 < len(values) and _is_content(values[index + 1])
                for index, value in enumerate(values)
            )
        elif isinstance(node, ast.List | ast.Tuple):
            items = node.elts
            hit = any(
                isinstance(item, ast.Constant) and item.value == "--root" and index + 1 < len(items) and _is_root(items[index + 1])
                for index, item in enumerate(items)
            )
        if hit:
            found.append((getattr(node, "lineno", 0), ast.get_source_segment(source, node) or ""))
    return sorted(set(found))


def test_no_test_module_reads_the_repositorys_content() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}: {code}"
        for path in sorted(TESTS.rglob("*.py"))
        if path != LIVE
        for line, code in content_references(path.read_text(encoding="utf-8"))
    ]
    assert found == [], (
        "Deze tests lezen de content/ van de repository, dus een inhoudelijke pull request kan ze breken. "
        "Gebruik het vaste archief (helpers.ARCHIEF, de standaard van copy_project) of maak een archief in de test:\n" + "\n".join(found)
    )


def test_the_scan_finds_every_way_of_reaching_content() -> None:
    """Each form the scan knows is found, and near misses (a copy's content/, the fixture's) are not."""
    source = """
from pathlib import Path
import os
a = ROOT / "content"
b = ROOT / "content" / "documenten"
c = helpers.ROOT / "content/gemeenten.yml"
d = ROOT.joinpath("content", "paginas")
e = os.path.join(ROOT, "content")
f = f"{ROOT}/content/documenten"
g = Project(ROOT)
h = cli(["check", "--root", ROOT])
i = run(["build", "--root", str(ROOT)])
j = ROOT / relative
# near misses
k = tmp_path / "content"
k = ROOT / "tests" / "archief" / "content"
l = Project(tmp_path)
m = ROOT / "README.md"
n = "content/documenten/almelo"
o = cli(["check", "--root", tmp_path])
"""
    lines = [line for line, _ in content_references(source)]
    assert lines == list(range(4, 14)), content_references(source)


def test_the_live_archive_module_exists_and_is_exempt_by_name() -> None:
    """The one exemption points at a real module that does read content/ (a renamed module would pass everything)."""
    assert LIVE.is_file()
    assert content_references(LIVE.read_text(encoding="utf-8")) != []
