import re
import warnings
from pathlib import Path

import pytest

from edge.config import RetiredSetting, Settings, load_settings
from edge.errors import ConfigError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text)
    return path


def test_defaults_need_no_file():
    settings = load_settings(env={})
    assert settings.stt.model == "tiny.en"
    assert settings.llm.context == 2048
    assert settings.preload is True


def test_the_file_then_the_environment_then_code_win_in_that_order(tmp_path):
    path = write(tmp_path, "[llm]\ncontext = 1024\nmax_tokens = 50\n[stt]\nbeam_size = 2\n")
    settings = load_settings(path, env={"EDGE_LLM__CONTEXT": "4096"}, stt={"beam_size": 3})
    assert settings.llm.max_tokens == 50
    assert settings.llm.context == 4096
    assert settings.stt.beam_size == 3


def test_the_config_file_comes_from_edge_config_in_the_environment(tmp_path):
    path = write(tmp_path, "preload = false\n")
    assert load_settings(env={"EDGE_CONFIG": str(path)}).preload is False


def test_a_list_setting_can_come_from_the_environment():
    assert load_settings(env={"EDGE_ROLES": '["stt", "llm"]'}).roles == ["stt", "llm"]


def test_an_unknown_key_is_refused_with_its_name_and_the_file(tmp_path):
    path = write(tmp_path, "[llm]\ncontxt = 1024\n")
    with pytest.raises(ConfigError) as err:
        load_settings(path, env={})
    assert "llm.contxt" in str(err.value) and str(path) in str(err.value)


def test_a_retired_key_still_loads_and_a_warning_names_what_replaced_it(tmp_path):
    path = write(tmp_path, "[knowledge]\nchat_similarity = 0.4\ntop_k = 3\n")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", RetiredSetting)
        settings = load_settings(path, env={})
    assert [str(w.message) for w in caught] == [
        f"{path}: 'knowledge.chat_similarity' is retired and ignored: "
        "router.documents_similarity and router.documents_words now decide for every request"
    ]
    assert settings.knowledge.top_k == 3


def test_a_wrong_type_names_the_key_and_the_value(tmp_path):
    path = write(tmp_path, '[llm]\ncontext = "big"\n')
    with pytest.raises(ConfigError) as err:
        load_settings(path, env={})
    assert "llm.context" in err.value.message and "'big'" in err.value.message
    assert err.value.fix


def test_an_unknown_environment_variable_is_refused():
    with pytest.raises(ConfigError, match="EDGE_\\* environment: unknown key 'lmm'"):
        load_settings(env={"EDGE_LMM__CONTEXT": "1"})


def test_the_set_up_and_benchmark_scripts_variables_are_not_settings():
    scripts = {"EDGE_VENV": "/opt/edge", "EDGE_WHEEL_CACHE": "/tmp/wheels", "EDGE_EVAL_DIR": "/data/eval"}
    assert load_settings(env=scripts) == Settings()


def test_every_variable_the_scripts_and_packaging_read_leaves_the_settings_alone():
    root = Path(__file__).resolve().parent.parent
    files = [f for folder in ("scripts", "packaging", "edge/evaluation") for f in (root / folder).rglob("*") if f.is_file()]
    names = {n for f in files for n in re.findall(r"\bEDGE_[A-Z0-9_]+\b", f.read_text(errors="ignore")) if "__" not in n}
    names -= {n for n in names if n.removeprefix("EDGE_").lower() in Settings.model_fields}
    assert {"EDGE_BUNDLE_CACHE", "EDGE_AARCH64_CACHE", "EDGE_SLURP"} <= names
    for name in sorted(names):
        assert load_settings(env={name: "/tmp/somewhere"}) == Settings(), name


def test_broken_toml_is_one_clear_error(tmp_path):
    path = write(tmp_path, "[llm\ncontext = 1\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(path, env={})


def test_a_missing_config_file_is_an_error_not_a_silent_default(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(tmp_path / "nope.toml", env={})


def test_settings_validate_assignments():
    settings = Settings()
    with pytest.raises(ValueError):
        settings.llm.temperature = 9.0


@pytest.mark.parametrize(
    "router, named",
    [
        ({"intents": {"math": "clarify"}}, "intent 'math' maps to 'clarify'"),
        ({"low_confidence_route": "clarify"}, "low_confidence_route cannot be 'clarify'"),
        ({"unparsed_skill_route": "skill"}, "unparsed_skill_route cannot be 'skill'"),
    ],
)
def test_only_a_skill_request_can_be_asked_about(router, named):
    with pytest.raises(ConfigError, match=re.escape(named)):
        load_settings(env={}, router=router)


def test_cloud_escalation_is_off_and_nothing_is_sent_by_default():
    settings = Settings()
    assert settings.cloud.enabled is False
    assert settings.cloud.policy["knowledge"] == "never"
    assert {"CREDIT_CARD", "US_SSN", "IBAN_CODE"} <= set(settings.cloud.never_send)


@pytest.mark.parametrize(
    ("toml", "named"),
    [
        ('[cloud]\npolicy = { chat = "sometimes" }', "cloud.policy.chat"),
        ('[privacy]\ndeny_patterns = ["(unclosed"]', "not a valid regular expression"),
        ('[privacy]\nentities = ["PASSPORT"]', "unknown entity types ['PASSPORT']"),
    ],
)
def test_a_broken_privacy_or_cloud_setting_names_the_key(tmp_path, toml, named):
    path = tmp_path / "config.toml"
    path.write_text(toml)
    with pytest.raises(ConfigError, match=re.escape(named)):
        load_settings(path, env={})
