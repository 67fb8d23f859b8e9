"""The OpenAPI document edge serve publishes: every endpoint, and the models this server answers to."""

from __future__ import annotations

import pytest
import schemathesis
from starlette.routing import Route
from starlette.testclient import TestClient

from edge.config import ServeSettings
from edge.runtime import Runtime
from edge.serve.openai_api import Served, create_app


@pytest.fixture
def app():
    return create_app(Served(Runtime(), None, ServeSettings()))


def test_every_endpoint_the_server_answers_is_documented(app):
    spec = TestClient(app).get("/openapi.json").json()
    served = {route.path for route in app.routes if isinstance(route, Route)} - {"/openapi.json"}
    assert set(spec["paths"]) == served
    for path, route in ((r.path, r) for r in app.routes if isinstance(r, Route) and r.path in served):
        assert set(spec["paths"][path]) == {m.lower() for m in route.methods or ()} - {"head"}


def test_the_document_is_valid_openapi_with_one_operation_per_method(app):
    spec = TestClient(app).get("/openapi.json").json()
    operations = list(schemathesis.openapi.from_dict(spec).get_all_operations())
    assert all(operation.ok() for operation in operations)
    assert len(operations) == sum(len(methods) for methods in spec["paths"].values())


def test_a_model_is_valid_only_if_this_server_answers_to_it(app):
    schemas = TestClient(app).get("/openapi.json").json()["components"]["schemas"]
    assert schemas["ChatRequest"]["properties"]["model"]["enum"] == ["edge"]
    assert (
        "whisper-1"
        in TestClient(app)
        .get("/openapi.json")
        .json()["paths"]["/v1/audio/transcriptions"]["post"]["requestBody"]["content"]["multipart/form-data"]["schema"][
            "properties"
        ]["model"]["enum"]
    )
    assert schemas["SpeechRequest"]["properties"]["speed"] == {"const": 1.0}


def test_only_liveness_is_open_when_the_server_needs_a_key():
    app = create_app(Served(Runtime(), None, ServeSettings(api_keys=["k" * 32])))
    assert TestClient(app).get("/openapi.json").status_code == 401
    spec = TestClient(app).get("/openapi.json", headers={"Authorization": f"Bearer {'k' * 32}"}).json()
    assert spec["security"] == [{"bearer": []}]
    assert [
        path for path, methods in spec["paths"].items() if methods["get" if "get" in methods else "post"].get("security") == []
    ] == ["/health"]


def test_a_method_the_endpoint_does_not_take_is_refused_with_the_methods_it_does(app):
    response = TestClient(app).delete("/v1/chat/completions")
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
