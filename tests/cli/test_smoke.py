"""A few runs of `edge` as its own process, as a user starts it: the module, the console script, a pipe, its imports.

A process may load models out of the fast tier's sight, so every test here is marked ``models``."""

import shutil
import sys
from pathlib import Path

import pytest

from tests.cli.runner import edge_process, jsonl, one_line_error

pytestmark = pytest.mark.models


def test_python_m_edge_cli_lists_every_command_family():
    result = edge_process("--help")
    assert result.returncode == 0
    assert all(name in result.stdout for name in ("ask", "listen", "kb", "cloud", "intents"))


def test_the_console_script_runs_the_same_main(tmp_path):
    script = shutil.which("edge", path=str(Path(sys.executable).parent))
    assert script, "the edge console script is not installed beside this Python"
    bad = tmp_path / "bad.toml"
    bad.write_text("[llm\n")
    result = edge_process("--config", str(bad), "ask", "hi", command=[script])
    assert result.returncode == 2 and "is not valid TOML" in one_line_error(result)


def test_ask_answers():
    result = edge_process("ask", "What is the capital of France?")
    assert result.returncode == 0 and "Paris" in result.stdout


def test_texts_piped_to_stdin_give_json_lines():
    result = edge_process("embed", "--json", "-", stdin=b"first text\nsecond text\n")
    assert result.returncode == 0
    assert [r["text"] for r in jsonl(result)] == ["first text", "second text"]


def test_starting_edge_imports_no_model_runtime_textual_spacy_or_httpx():
    code = "import sys; from edge.cli import build_parser; build_parser(); print(*sys.modules)"
    result = edge_process(command=[sys.executable, "-c", code])
    assert result.returncode == 0, result.stderr
    heavy = {"llama_cpp", "faster_whisper", "onnxruntime", "textual", "spacy", "httpx"}
    assert heavy.isdisjoint(result.stdout.split())
