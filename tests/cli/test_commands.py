"""The global options --config, --json and --debug stand before or after the command; after it, they win."""

import os
from pathlib import Path

import pytest

from edge.cli import build_parser
from tests.cli.runner import edge_cli, jsonl, one_line_error


@pytest.mark.parametrize(
    "argv, config, as_json, debug",
    [
        (["ask", "hi"], None, False, False),
        (["--config", "a.toml", "--json", "--debug", "ask", "hi"], Path("a.toml"), True, True),
        (["ask", "hi", "--config", "a.toml", "--json", "--debug"], Path("a.toml"), True, True),
        (["--config", "a.toml", "ask", "hi", "--config", "b.toml"], Path("b.toml"), False, False),
        (["--json", "kb", "search", "q", "--debug"], None, True, True),
        (["cloud", "test", "--config", "a.toml"], Path("a.toml"), False, False),
    ],
    ids=["neither", "before", "after", "both: the command's wins", "split", "nested command"],
)
def test_global_options_are_read_before_and_after_the_command(argv, config, as_json, debug):
    args = build_parser().parse_args(argv)
    assert (args.config, args.json, args.debug) == (config, as_json, debug)


@pytest.fixture
def bad_toml(tmp_path) -> str:
    path = tmp_path / "bad.toml"
    path.write_text("[llm\n")
    return str(path)


@pytest.mark.parametrize(
    "where",
    [
        lambda bad: ["--config", bad, "ask", "hi"],
        lambda bad: ["ask", "hi", "--config", bad],
        lambda bad: ["--config", bad, "audit"],
        lambda bad: ["cloud", "test", "--config", bad],
    ],
    ids=["before ask", "after ask", "before audit", "after cloud test"],
)
def test_a_config_file_that_is_not_toml_exits_2_wherever_the_option_stands(bad_toml, where):
    result = edge_cli(*where(bad_toml))
    assert result.returncode == 2 and "is not valid TOML" in one_line_error(result)


def test_the_config_given_after_the_command_wins(bad_toml, tmp_path):
    good = tmp_path / "good.toml"
    good.write_text("")
    assert edge_cli("--config", bad_toml, "audit", "--config", str(good)).returncode == 0
    assert edge_cli("--config", str(good), "audit", "--config", bad_toml).returncode == 2


def test_json_before_the_command_reports_a_bad_input_as_json():
    result = edge_cli("--json", "embed", "-", stdin=b"\xff\xfe bad utf-8\n")
    assert result.returncode == 1
    assert jsonl(result) == [{"input": "-", "error": "stdin line 1 is not valid UTF-8", "fix": "re-encode the input as UTF-8"}]


@pytest.mark.models
def test_json_before_route_prints_json(tmp_path):
    (row,) = jsonl(edge_cli("--json", "route", "set a timer for ten minutes", env={"XDG_DATA_HOME": str(tmp_path)}))
    assert (row["route"], row["skill"]) == ("skill", "timer")


@pytest.mark.parametrize("argv", [["--debug", "audit"], ["audit", "--debug"]], ids=["before", "after"])
def test_debug_before_or_after_the_command_lets_an_unexpected_error_through(argv):
    with pytest.raises(NotADirectoryError):
        edge_cli(*argv, env={"XDG_DATA_HOME": os.devnull})


def test_no_command_prints_the_help_and_exits_1():
    result = edge_cli()
    assert result.returncode == 1 and "COMMAND" in result.stdout
