"""The HTTP API described as OpenAPI 3.1 (``GET /openapi.json``): what clients generate code from, and what the
API's fuzz tests read. Request bodies come from the pydantic models the handlers validate with; the model ids are
the ones this server holds, so a valid request names a model that answers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from edge import __version__
from edge.serve.schemas import ChatRequest, EmbeddingRequest, RouteRequest, SpeechRequest

TRANSCRIPT_MEDIA = {
    "application/json": {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]},
    "text/plain": {"type": "string"},
    "application/x-subrip": {"type": "string"},
    "text/vtt": {"type": "string"},
}


@dataclass(frozen=True)
class ModelIds:
    """The ``model`` values each endpoint answers to."""

    chat: tuple[str, ...]
    embeddings: tuple[str, ...]
    transcriptions: tuple[str, ...]
    speech: tuple[str, ...]


@dataclass(frozen=True)
class Formats:
    transcript: tuple[str, ...]
    speech: tuple[str, ...]


def document(models: ModelIds, formats: Formats, keyed: bool) -> dict[str, Any]:
    components: dict[str, Any] = {"Error": _ERROR}
    chat = _body(ChatRequest, components, model=_one_of(models.chat))
    embeddings = _body(EmbeddingRequest, components, model=_one_of(models.embeddings))
    speech = _body(
        SpeechRequest, components, model=_one_of(models.speech), response_format=_one_of(formats.speech), speed={"const": 1.0}
    )
    transcription = {
        "type": "object",
        "properties": {
            "file": {"type": "string", "format": "binary"},
            "model": _one_of(models.transcriptions),
            "response_format": _one_of(formats.transcript),
            "language": {"type": "string"},
        },
        "required": ["file", "model"],
    }
    upload = {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}, "required": ["file"]}
    body_errors, model_errors = "400 401 413 429 503", "400 401 404 413 429 503"
    paths = {
        "/health": {"get": _operation("Liveness", {"200": _json(_STATUS)}, errors="")},
        "/ready": {"get": _operation("Every configured role loaded", {"200": _json(_READY), "503": _json(_READY)}, errors="401")},
        "/metrics": {"get": _operation("Prometheus metrics", {"200": _text("text/plain")}, errors="401")},
        "/v1/models": {"get": _operation("The models served", {"200": _json(_LIST)}, errors="401")},
        "/v1/chat/completions": {
            "post": _operation(
                'Chat: model "edge" asks the router, the local LLM\'s id calls it directly',
                {"200": {"description": "OK", "content": {"application/json": {"schema": _COMPLETION}, **_SSE}}},
                model_errors,
                _json_body(chat),
            )
        },
        "/v1/embeddings": {"post": _operation("Embeddings", {"200": _json(_LIST)}, model_errors, _json_body(embeddings))},
        "/v1/audio/transcriptions": {
            "post": _operation(
                "Transcribe an audio file",
                {"200": {"description": "OK", "content": {media: {"schema": s} for media, s in TRANSCRIPT_MEDIA.items()}}},
                model_errors,
                _multipart(transcription),
            )
        },
        "/v1/audio/speech": {
            "post": _operation(
                "Speech, streamed sentence by sentence",
                {"200": {"description": "OK", "content": {"audio/wav": {}, "audio/pcm": {}}}},
                model_errors,
                _json_body(speech),
            )
        },
        "/v1/route": {
            "post": _operation(
                "Where the router would send a request",
                {"200": _json(_OBJECT)},
                body_errors,
                _json_body(_body(RouteRequest, components)),
            )
        },
        "/v1/kb/search": {
            "get": _operation(
                "Search the knowledge base",
                {"200": _json(_LIST)},
                "400 401 429 503",
                parameters=[
                    _query("q", {"type": "string", "pattern": r"\S"}, required=True),
                    _query("k", {"type": "integer", "minimum": 1, "maximum": 100}),
                    _query("mode", {"enum": ["dense", "bm25", "hybrid"]}),
                ],
            )
        },
        "/v1/kb/documents": {
            "get": _operation("The documents in the knowledge base", {"200": _json(_LIST)}, "401 503"),
            "post": _operation(
                "Add documents by upload; 422 when one could not be read",
                {"200": _json(_OBJECT), "422": _json(_OBJECT)},
                body_errors,
                _multipart(upload),
            ),
        },
        "/v1/events": {
            "get": _operation(
                "Timers, announcements and state, as server-sent events",
                {"200": {"description": "OK", "content": _SSE}},
                "401 429",
            )
        },
    }
    spec: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": "edge serve", "version": __version__},
        "paths": paths,
        "components": {"schemas": components},
    }
    if keyed:
        spec["components"]["securitySchemes"] = {"bearer": {"type": "http", "scheme": "bearer"}}
        spec["security"] = [{"bearer": []}]
    return spec


def _body(pydantic_model: type[BaseModel], components: dict[str, Any], **fields: dict[str, Any]) -> dict[str, Any]:
    schema = pydantic_model.model_json_schema(ref_template="#/components/schemas/{model}")
    components.update(schema.pop("$defs", {}))
    schema["properties"].update(fields)
    components[pydantic_model.__name__] = schema
    return {"$ref": f"#/components/schemas/{pydantic_model.__name__}"}


def _one_of(values: tuple[str, ...]) -> dict[str, Any]:
    return {"type": "string", "enum": list(values)}


ERRORS = {
    "400": "The request is malformed",
    "401": "No valid API key",
    "404": "No such model",
    "413": "The body is too large",
    "429": "The engine's queue is full",
    "503": "A role is not loaded",
}


def _operation(
    summary: str,
    responses: dict[str, Any],
    errors: str = "401 429 503",
    body: dict[str, Any] | None = None,
    parameters: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """``errors``: the error statuses it can answer with, each with OpenAI's error body."""
    documented = {code: _error(ERRORS[code]) for code in errors.split()}
    operation: dict[str, Any] = {"summary": summary, "responses": documented | responses}
    if body:
        operation["requestBody"] = body
    if parameters:
        operation["parameters"] = parameters
    if "401" not in documented:
        operation["security"] = []
    return operation


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": "OK", "content": {"application/json": {"schema": schema}}}


def _text(media: str) -> dict[str, Any]:
    return {"description": "OK", "content": {media: {"schema": {"type": "string"}}}}


def _error(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def _json_body(schema: dict[str, Any]) -> dict[str, Any]:
    return {"required": True, "content": {"application/json": {"schema": schema}}}


def _multipart(schema: dict[str, Any]) -> dict[str, Any]:
    return {"required": True, "content": {"multipart/form-data": {"schema": schema}}}


def _query(name: str, schema: dict[str, Any], required: bool = False) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": required, "schema": schema}


_ERROR = {
    "type": "object",
    "properties": {
        "error": {
            "type": "object",
            "properties": {
                "message": {"type": "string"},
                "type": {"type": "string"},
                "param": {"type": ["string", "null"]},
                "code": {"type": ["string", "null"]},
            },
            "required": ["message", "type"],
        }
    },
    "required": ["error"],
}
_OBJECT = {"type": "object"}
_STATUS = {"type": "object", "properties": {"status": {"const": "ok"}}, "required": ["status"]}
_READY = {
    "type": "object",
    "properties": {"ready": {"type": "boolean"}, "roles": {"type": "object"}},
    "required": ["ready", "roles"],
}
_LIST = {"type": "object", "properties": {"object": {"const": "list"}, "data": {"type": "array"}}, "required": ["object", "data"]}
_COMPLETION = {
    "type": "object",
    "properties": {
        "id": {"type": "string"},
        "object": {"const": "chat.completion"},
        "model": {"type": "string"},
        "choices": {"type": "array", "minItems": 1},
    },
    "required": ["id", "object", "model", "choices"],
}
_SSE: dict[str, Any] = {"text/event-stream": {}}
