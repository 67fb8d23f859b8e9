"""The config loader, for any file: a Settings object or one ConfigError that names the file, never another
exception."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from edge.config import load_settings
from edge.errors import ConfigError

SECTIONS = st.sampled_from(["", "[privacy]", "[cloud]", "[llm]", "[router]", "[store]", "[serve]", "[voice]", "[nonsense]"])
KEYS = st.sampled_from(["enabled", "model", "max_tokens", "entities", "timeout_s", "policy", "port", "min_score", "x"])
VALUES = st.one_of(
    st.integers(-(2**70), 2**70).map(str),
    st.floats(allow_nan=True).map(repr),
    st.text(max_size=20).map(lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'),
    st.sampled_from(["true", "false", "[]", '["PERSON", 3]', "{ chat = 1 }", "1979-05-27", '"06:40"']),
)
LINES = st.lists(st.one_of(SECTIONS, st.tuples(KEYS, VALUES).map(lambda kv: f"{kv[0]} = {kv[1]}")), max_size=12)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(LINES.map("\n".join))
def test_a_toml_file_of_any_keys_and_values_loads_or_fails_with_one_config_error(tmp_path, content):
    path = tmp_path / "config.toml"
    path.write_text(content, encoding="utf-8")
    try:
        load_settings(path, env={})
    except ConfigError as exc:
        assert str(path) in str(exc)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=200))
def test_a_file_of_any_bytes_loads_or_fails_with_one_config_error(tmp_path, data):
    path = tmp_path / "config.toml"
    path.write_bytes(data)
    try:
        load_settings(path, env={})
    except ConfigError as exc:
        assert str(path) in str(exc)
