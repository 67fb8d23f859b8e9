"""edge.evaluation serves benchmarks and quality tests only: the runtime never imports it, and the wheel leaves it out."""

import ast
from pathlib import Path

from edge.evaluation import eval_dir

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found |= {node.module, *(f"{node.module}.{alias.name}" for alias in node.names)}
    return found


def test_no_runtime_module_imports_the_evaluation_package():
    runtime = [p for folder in ("edge", "tui") for p in (ROOT / folder).rglob("*.py") if "evaluation" not in p.parts]
    offenders = {
        str(p.relative_to(ROOT)): name
        for p in runtime
        for name in imported_modules(p)
        if name == "edge.evaluation" or name.startswith("edge.evaluation.")
    }
    assert len(runtime) > 50 and offenders == {}


def test_the_evaluation_data_is_beside_the_repo_unless_edge_eval_dir_says_otherwise(monkeypatch, tmp_path):
    monkeypatch.delenv("EDGE_EVAL_DIR", raising=False)
    assert eval_dir() == ROOT.parent / "shared" / "eval"
    monkeypatch.setenv("EDGE_EVAL_DIR", str(tmp_path))
    assert eval_dir() == tmp_path
