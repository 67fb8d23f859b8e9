"""No module of edge/ or tui/ imports a module that imports it back, directly or through a chain.

Every import statement counts, also those inside functions and under ``if TYPE_CHECKING:``: each one says that the
two modules depend on each other. An import is an arrow to the module it names: ``from edge.cloud import provider``
points to ``edge.cloud``, ``from edge.cloud import base`` to ``edge.cloud.base``, ``import edge.cloud.base`` to
``edge.cloud.base``. The parent packages Python initialises on the way are not arrows, so a package ``__init__`` may
re-export its submodules as long as none of them imports the package back."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("edge", "tui")


def module_files() -> dict[str, Path]:
    files = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            files[name] = path
    return files


def imported_names(module: str, path: Path) -> Iterator[str]:
    """Every dotted name the module imports, relative imports resolved; ``from X import Y`` gives ``X.Y``, which is
    a submodule or else a name defined in ``X``."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            yield from (f"{base}.{alias.name}" for alias in node.names)


def import_graph() -> dict[str, set[str]]:
    files = module_files()
    graph: dict[str, set[str]] = {name: set() for name in files}
    for module, path in files.items():
        for name in imported_names(module, path):
            while name and name not in files:
                name = name.rpartition(".")[0]
            if name and name != module:
                graph[module].add(name)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The shortest chain back to itself (first module repeated at the end) of every module on a cycle, each cycle
    once."""
    found: dict[frozenset[str], list[str]] = {}
    for start in sorted(graph):
        chain = _path_back(graph, start)
        if chain:
            found.setdefault(frozenset(chain), chain)
    return list(found.values())


def _path_back(graph: dict[str, set[str]], start: str) -> list[str] | None:
    """The shortest chain of imports from ``start`` back to itself, if there is one."""
    previous: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for module in frontier:
            for target in sorted(graph[module]):
                if target == start:
                    chain = [module]
                    while chain[-1] != start:
                        chain.append(previous[chain[-1]])
                    return [start, *reversed(chain[:-1]), start]
                if target not in previous:
                    previous[target] = module
                    following.append(target)
        frontier = following
    return None


def test_the_graph_sees_every_module_of_edge_and_tui():
    graph = import_graph()
    assert {"edge.cli", "edge.cloud", "edge.cloud.base", "tui"} <= set(graph)
    assert "edge.cloud.base" in graph["edge.cloud.keys"]


def test_relative_function_local_and_type_checking_imports_count(tmp_path):
    path = tmp_path / "keys.py"
    path.write_text(
        "from typing import TYPE_CHECKING\n"
        "from . import base\n"
        "if TYPE_CHECKING:\n"
        "    from ..config import CloudSettings\n"
        "def load():\n"
        "    import keyring\n"
    )
    assert list(imported_names("edge.cloud.keys", path)) == [
        "typing.TYPE_CHECKING",
        "edge.cloud.base",
        "edge.config.CloudSettings",
        "keyring",
    ]


def test_no_module_imports_a_module_that_imports_it_back():
    found = cycles(import_graph())
    assert not found, "import cycles:\n" + "\n".join(" -> ".join(chain) for chain in found)
