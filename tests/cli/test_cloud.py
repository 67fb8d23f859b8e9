"""`edge pii`, `edge cloud test` and `edge audit`, run in-process against a local server for the cloud."""

import hashlib
import json

import pytest

from tests.cli.runner import edge_cli, jsonl, one_line_error

DONE_WHEN = "I'm Jane Doe, jane.doe@example.com, card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00."


def cloud_config(tmp_path, fake_cloud, policy="always") -> dict[str, str]:
    config = tmp_path / "config.toml"
    config.write_text(
        f"""
[cloud]
enabled = true
endpoint = "{fake_cloud.url}"
model = "gpt-test"
allowed_hosts = ["127.0.0.1"]
policy = {{ chat = "{policy}" }}
timeout_s = 5.0
retries = 0
"""
    )
    return {"EDGE_CONFIG": str(config), "XDG_DATA_HOME": str(tmp_path / "data"), "OPENAI_API_KEY": ""}


@pytest.mark.models
def test_pii_masks_a_name_an_email_a_card_and_an_iban_with_offsets_into_the_original():
    result = edge_cli("pii", DONE_WHEN, "--json")
    assert result.returncode == 0, result.stderr
    [row] = jsonl(result)
    assert row["masked"] == "I'm <PERSON_1>, <EMAIL_1>, card <CREDIT_CARD_1>, IBAN <IBAN_1>."
    assert [(e["type"], DONE_WHEN[e["start"] : e["end"]]) for e in row["entities"]] == [
        ("PERSON", "Jane Doe"),
        ("EMAIL_ADDRESS", "jane.doe@example.com"),
        ("CREDIT_CARD", "4111 1111 1111 1111"),
        ("IBAN_CODE", "DE89 3704 0044 0532 0130 00"),
    ]
    assert all(0 < e["score"] <= 1 for e in row["entities"])


@pytest.mark.models
def test_cloud_test_sends_a_masked_canary_and_audit_shows_what_left(tmp_path, fake_cloud):
    env = cloud_config(tmp_path, fake_cloud)
    fake_cloud.text = "OK <PERSON_1>"
    result = edge_cli("cloud", "test", "--json", env=env)
    assert result.returncode == 0, result.stderr
    [summary] = jsonl(result)
    assert summary["reply"] == "OK Ada Canary" and summary["masked"] == {"PERSON": 1, "EMAIL_ADDRESS": 1}
    assert b"Canary" not in fake_cloud.received and b"ada.canary" not in fake_cloud.received

    audit = edge_cli("audit", "--json", env=env)
    [record] = jsonl(audit)
    assert record["host"] == "127.0.0.1" and record["outcome"] == "ok"
    assert record["payload_sha256"] == hashlib.sha256(fake_cloud.last.body).hexdigest()
    assert "Canary" not in json.dumps(record)
    text = edge_cli("audit", env=env).stdout
    assert "127.0.0.1" in text and "1 EMAIL_ADDRESS, 1 PERSON" in text


def test_cloud_test_with_escalation_off_sends_nothing_and_says_why(tmp_path, fake_cloud):
    env = {"XDG_DATA_HOME": str(tmp_path / "data")}
    result = edge_cli("cloud", "test", env=env)
    assert result.returncode == 1 and "cloud escalation is off" in one_line_error(result)
    assert fake_cloud.connections == 0
    assert edge_cli("audit", env=env).stdout.strip() == "Nothing has left this device."


@pytest.mark.models
def test_cloud_test_under_ask_without_a_terminal_sends_nothing(tmp_path, fake_cloud):
    result = edge_cli("cloud", "test", env=cloud_config(tmp_path, fake_cloud, policy="ask"))
    assert result.returncode == 1 and "no one to ask" in one_line_error(result)
    assert fake_cloud.connections == 0


@pytest.mark.models
def test_a_dead_endpoint_is_one_clear_line(tmp_path, fake_cloud):
    env = cloud_config(tmp_path, fake_cloud)
    fake_cloud.close()
    result = edge_cli("cloud", "test", env=env)
    assert result.returncode == 1
    assert "127.0.0.1" in one_line_error(result)


@pytest.mark.models
@pytest.mark.slow
def test_pii_reads_a_line_longer_than_the_ner_model_accepts_in_pieces():
    line = "Call Jane Doe at 555-123-4567. " + "The weather is fine today. " * 40_000 + "Write to ada@example.com"
    result = edge_cli("pii", "-", "--json", stdin=line.encode())
    assert result.returncode == 0, result.stderr
    [row] = jsonl(result)
    assert [(e["type"], line[e["start"] : e["end"]]) for e in row["entities"]] == [
        ("PERSON", "Jane Doe"),
        ("PHONE_NUMBER", "555-123-4567"),
        ("EMAIL_ADDRESS", "ada@example.com"),
    ]
