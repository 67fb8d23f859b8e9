"""edge serve's HTTP API fuzzed by Schemathesis from the OpenAPI document it serves, against a real server with
every model: no request, valid or not, gets a server error, a status the document does not list, a body unlike the
one it describes, or acceptance of what the document forbids."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import load_all_checks
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.serve.served import edge_serve

pytestmark = pytest.mark.models

EVERY_ROLE = '["classifier", "embedder", "llm", "stt", "tts"]'

load_all_checks()


@pytest.fixture(scope="module")
def api_schema():
    env = {"EDGE_ROLES": EVERY_ROLE, "EDGE_LLM__CONTEXT": "512", "EDGE_SERVE__MAX_BODY_BYTES": "200000"}
    with edge_serve(env=env) as served:
        yield schemathesis.openapi.from_url(f"{served.url}/openapi.json")


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.exclude(path="/v1/events").parametrize()
@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_request_breaks_the_api(case):
    """Valid data is not required to succeed: a valid chat can hold no user text, and edge says so with a 400."""
    case.call_and_validate(excluded_checks=[positive_data_acceptance], timeout=120)
