"""The OpenAI-compatible HTTP API: what OpenAI's clients call, answered by edge's router and local models.

``model: "edge"`` asks edge as ``edge ask`` does (skills, documents, the cascade, the cloud gate); the id of the
local LLM calls it directly with the messages as given. Errors have OpenAI's shape, with the fix in the message.
"""

from __future__ import annotations

import asyncio
import base64
import hmac
import json
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from edge.config import ServeSettings
from edge.errors import EdgeError, InputError, RoleUnavailable
from edge.router import Router
from edge.router.request import Reply, Retracted, Token
from edge.runtime import Runtime
from edge.serve import edge_api
from edge.serve.admission import Busy, Lane
from edge.serve.audio_api import (
    SPEECH_FORMATS,
    STT_ALIASES,
    TRANSCRIPT_FORMATS,
    TTS_ALIASES,
    AudioRequestError,
    speech_stream,
    transcription,
)
from edge.serve.bridge import in_thread
from edge.serve.events import Events, TooManyListeners
from edge.serve.metrics import RequestTimes, Timed, exposition
from edge.serve.openapi import Formats, ModelIds, document
from edge.serve.schemas import ChatRequest, EmbeddingRequest, RouteRequest, SpeechRequest

ROUTER_MODEL = "edge"
"""The model id that asks edge's router rather than one model."""


class ApiError(Exception):
    def __init__(self, status: int, message: str, kind: str = "invalid_request_error", code: str | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.kind, self.code = status, message, kind, code


def error_body(message: str, kind: str, code: str | None = None) -> dict[str, Any]:
    return {"error": {"message": message, "type": kind, "param": None, "code": code}}


def error_response(error: ApiError) -> JSONResponse:
    return JSONResponse(error_body(error.message, error.kind, error.code), status_code=error.status)


@dataclass
class Served:
    """What the API answers with: the runtime's models and the router, and a lane per engine."""

    runtime: Runtime
    router: Router | None
    settings: ServeSettings
    lanes: dict[str, Lane] = field(default_factory=dict)
    events: Events = field(default_factory=Events)

    def __post_init__(self) -> None:
        for name in ("router", "llm", "embedder", "stt", "tts"):
            self.lanes.setdefault(name, Lane(name, self.settings.queue))

    def model_id(self, role: str) -> str | None:
        return self.runtime.role_status(role).model  # type: ignore[arg-type]


def create_app(served: Served) -> Starlette:
    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def ready(request: Request) -> Response:
        statuses = served.runtime.status()
        roles = {s.role: s.state for s in statuses}
        loaded = all(state in ("ready", "disabled") for state in roles.values())
        return JSONResponse({"ready": loaded, "roles": roles}, status_code=200 if loaded else 503)

    async def models(request: Request) -> Response:
        return JSONResponse({"object": "list", "data": [_card(name) for name in _model_ids(served)]})

    async def chat(request: Request) -> Response:
        body = await _parsed(request, ChatRequest)
        if body.tools:
            raise ApiError(400, "tools are not offered: the local model does not call them reliably. Fix: send no tools")
        if body.model == ROUTER_MODEL:
            return await _routed(served, body)
        if body.model == served.model_id("llm"):
            return await _local_llm(served, body)
        raise _unknown_model(served, body.model)

    async def embeddings(request: Request) -> Response:
        body = await _parsed(request, EmbeddingRequest)
        model = served.model_id("embedder")
        if body.model not in (model, ROUTER_MODEL):
            raise _unknown_model(served, body.model)
        if not body.texts or any(not text for text in body.texts):
            raise ApiError(400, "input holds an empty text. Fix: send one or more non-empty strings")
        embedder = served.runtime.embedder
        with served.lanes["embedder"].admit():
            vectors, counts = await _in_worker(lambda: (embedder.embed(body.texts), embedder.count_tokens_batch(body.texts)))
        data = [
            {"object": "embedding", "index": i, "embedding": _encoded(v, body.encoding_format)} for i, v in enumerate(vectors)
        ]
        usage = {"prompt_tokens": sum(counts), "total_tokens": sum(counts)}
        return JSONResponse({"object": "list", "data": data, "model": model, "usage": usage})

    async def transcriptions(request: Request) -> Response:
        try:
            return await transcription(request, served.runtime.stt, served.model_id("stt") or "stt", served.lanes["stt"])
        except AudioRequestError as exc:
            raise ApiError(400, exc.message) from None

    async def speech(request: Request) -> Response:
        body = await _parsed(request, SpeechRequest)
        model = served.model_id("tts") or "tts"
        if body.model not in (model, *TTS_ALIASES):
            raise ApiError(404, f"model {body.model!r} does not speak here. Fix: use {model} or tts-1", code="model_not_found")
        if body.response_format not in SPEECH_FORMATS:
            raise ApiError(400, f"response_format {body.response_format!r} is not offered. Fix: use wav or pcm")
        if body.speed != 1.0:
            raise ApiError(400, "speed is not adjustable here. Fix: leave it at 1, or set tts.length_scale in the config")
        content, media, headers = speech_stream(served.runtime.tts, body.input, body.response_format)
        return _stream(served.lanes["tts"], content, media, headers)

    async def route(request: Request) -> Response:
        body, router = await _parsed(request, RouteRequest), _router(served)
        with served.lanes["router"].admit():
            return JSONResponse(await _in_worker(lambda: edge_api.decision(router, body.input)))

    async def kb_search(request: Request) -> Response:
        query = request.query_params.get("q", "")
        if not query.strip():
            raise ApiError(400, "no query. Fix: add ?q=WORDS")
        k = request.query_params.get("k", "10")
        if not k.isdigit() or not 1 <= int(k) <= 100:
            raise ApiError(400, f"k={k} is not a number from 1 to 100. Fix: ask for 1 to 100 results")
        mode, router = request.query_params.get("mode", "hybrid"), _router(served)
        with served.lanes["embedder"].admit():
            return JSONResponse(await _in_worker(lambda: edge_api.search(router, query, int(k), mode)))

    async def kb_documents(request: Request) -> Response:
        router = _router(served)
        if request.method == "GET":
            return JSONResponse(await _in_worker(lambda: edge_api.documents(router)))
        saved = await edge_api.uploaded(request, served.runtime.settings.data_dir / "uploads")
        with served.lanes["embedder"].admit():
            return edge_api.report(await _in_worker(lambda: router.knowledge.add([u.path for u in saved])), saved)

    async def events(request: Request) -> Response:
        last = request.headers.get("last-event-id", "")
        try:
            queue = served.events.listen(int(last) if last.isdigit() else None)
        except TooManyListeners as exc:
            raise ApiError(429, f"{exc}. Fix: close one, or share one stream", "rate_limit_error") from None
        headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
        return StreamingResponse(served.events.stream(queue), media_type="text/event-stream", headers=headers)

    async def openapi(request: Request) -> Response:
        return JSONResponse(
            document(_served_ids(served), Formats(TRANSCRIPT_FORMATS, SPEECH_FORMATS), bool(served.settings.api_keys))
        )

    times = RequestTimes()

    async def metrics(request: Request) -> Response:
        text = await _in_worker(lambda: exposition(served, times))
        return PlainTextResponse(text, media_type="text/plain; version=0.0.4")

    routes = [
        Route("/health", health),
        Route("/metrics", metrics),
        Route("/ready", ready),
        Route("/openapi.json", openapi),
        Route("/v1/models", models),
        Route("/v1/chat/completions", chat, methods=["POST"]),
        Route("/v1/embeddings", embeddings, methods=["POST"]),
        Route("/v1/audio/transcriptions", transcriptions, methods=["POST"]),
        Route("/v1/audio/speech", speech, methods=["POST"]),
        Route("/v1/route", route, methods=["POST"]),
        Route("/v1/kb/search", kb_search),
        Route("/v1/kb/documents", kb_documents, methods=["GET", "POST"]),
        Route("/v1/events", events),
    ]
    handlers: dict[Any, Callable[[Request, Exception], Awaitable[Response]]] = {
        ApiError: _api_error,
        edge_api.EdgeRequestError: _request_error,
        Busy: _busy,
        EdgeError: _edge_error,
        404: _not_found,
        405: _not_allowed,
        HTTPException: _http_error,
        Exception: _unexpected,
    }
    app = Starlette(routes=routes, exception_handlers=handlers)
    app.add_middleware(_BodyLimit, limit=served.settings.max_body_bytes)
    if served.settings.api_keys:
        app.add_middleware(_BearerKeys, keys=tuple(served.settings.api_keys))
    if served.settings.cors_origins:
        app.add_middleware(
            CORSMiddleware, allow_origins=served.settings.cors_origins, allow_methods=["GET", "POST"], allow_headers=["*"]
        )
    app.add_middleware(Timed, times=times, known=[route.path for route in routes])
    return app


def _encoded(vector: Any, encoding: str) -> list[float] | str:
    if encoding == "base64":
        return base64.b64encode(vector.astype("<f4").tobytes()).decode()
    return [float(x) for x in vector]


def _router(served: Served) -> Router:
    if served.router is None:
        raise ApiError(503, "this server has no router. Fix: add embedder and classifier to roles", "server_error")
    return served.router


def _model_ids(served: Served) -> list[str]:
    ids = [ROUTER_MODEL]
    for role in ("llm", "embedder", "stt", "tts"):
        if role in served.runtime.enabled_roles and (model := served.model_id(role)):
            ids.append(model)
    return ids


def _served_ids(served: Served) -> ModelIds:
    def ids(role: str, *aliases: str) -> tuple[str, ...]:
        model = served.model_id(role)
        return (*((model,) if model else ()), *sorted(aliases))

    return ModelIds(ids("llm", ROUTER_MODEL), ids("embedder", ROUTER_MODEL), ids("stt", *STT_ALIASES), ids("tts", *TTS_ALIASES))


def _card(model: str) -> dict[str, Any]:
    return {"id": model, "object": "model", "created": 0, "owned_by": "edge"}


def _unknown_model(served: Served, model: str) -> ApiError:
    known = ", ".join(_model_ids(served))
    return ApiError(404, f"model {model!r} is not served here. Fix: use one of {known}", code="model_not_found")


async def _parsed(request: Request, schema: type[Any]) -> Any:
    try:
        raw = await request.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise ApiError(400, "the body is not JSON. Fix: send a JSON object with Content-Type: application/json") from None
    try:
        return schema.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "body"
        raise ApiError(400, f"{where}: {first['msg']}. Fix: correct the request body as the OpenAI API describes") from None


async def _in_worker(work: Callable[[], Any]) -> Any:
    return await asyncio.get_running_loop().run_in_executor(None, work)


def _completion_id() -> str:
    return f"chatcmpl-{uuid.uuid4().hex[:24]}"


def _chunk(cid: str, model: str, delta: dict[str, Any], finish: str | None = None, **extra: Any) -> str:
    choice = {"index": 0, "delta": delta, "finish_reason": finish}
    payload = {"id": cid, "object": "chat.completion.chunk", "created": int(time.time()), "model": model, "choices": [choice]}
    return f"data: {json.dumps(payload | extra)}\n\n"


def _completion(cid: str, model: str, text: str, finish: str, usage: dict[str, int] | None, **extra: Any) -> dict[str, Any]:
    message = {"role": "assistant", "content": text}
    body = {
        "id": cid,
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "message": message, "finish_reason": finish}],
    }
    return body | ({"usage": usage} if usage else {}) | extra


def _about(reply: Reply) -> dict[str, Any]:
    """What edge says about a routed reply, beside OpenAI's fields: its handler, route and sources."""
    about: dict[str, Any] = {"handler": reply.label, "route": reply.decision.route}
    if reply.citations:
        about["citations"] = [{"number": c.number, "source": c.source} for c in reply.citations]
    return {"x_edge": about}


async def _routed(served: Served, body: ChatRequest) -> Response:
    question = next((m.text for m in reversed(body.messages) if m.role == "user"), "")
    if not question.strip():
        raise ApiError(400, "no user message holds text. Fix: end messages with a user message")
    router = _router(served)

    def events(stop: Any) -> Iterator[Any]:
        return router.stream(question, body.user, stop)

    cid = _completion_id()
    if not body.stream:
        with served.lanes["router"].admit():
            reply = None
            async for event in in_thread(events):
                if isinstance(event, Reply):
                    reply = event
        assert reply is not None
        return JSONResponse(_completion(cid, ROUTER_MODEL, reply.text, "stop", None, **_about(reply)))

    async def chunks() -> AsyncIterator[str]:
        yield _chunk(cid, ROUTER_MODEL, {"role": "assistant", "content": ""})
        shown = ""
        async for event in in_thread(events):
            if isinstance(event, Token):
                shown += event.text
                yield _chunk(cid, ROUTER_MODEL, {"content": event.text})
            elif isinstance(event, Retracted):
                shown = ""
                yield _chunk(cid, ROUTER_MODEL, {}, x_edge={"retracted": True})
            elif isinstance(event, Reply):
                for delta, retract in _settled(shown, event.text):
                    if retract:
                        yield _chunk(cid, ROUTER_MODEL, {}, x_edge={"retracted": True})
                    yield _chunk(cid, ROUTER_MODEL, {"content": delta})
                yield _chunk(cid, ROUTER_MODEL, {}, "stop", x_edge=_about(event)["x_edge"] | {"text": event.text})
        yield "data: [DONE]\n\n"

    return _stream(served.lanes["router"], chunks())


def _settled(shown: str, final: str) -> list[tuple[str, bool]]:
    """What a stream still has to send so that its text is the reply's: nothing, the rest of it, or all of it (a
    skill's answer streams no tokens), after a retraction when the reply is not what was shown."""
    if shown == final:
        return []
    if final.startswith(shown):
        return [(final[len(shown) :], False)]
    return [(final, bool(shown))]


async def _local_llm(served: Served, body: ChatRequest) -> Response:
    llm = served.runtime.llm
    model = served.model_id("llm") or "llm"
    messages = [{"role": "system" if m.role == "developer" else m.role, "content": m.text} for m in body.messages]
    schema = _json_schema(body.response_format)
    generation = llm.stream(
        messages, max_tokens=body.token_limit, temperature=body.temperature, stop=body.stops, json_schema=schema
    )

    def pieces(stop: Any) -> Iterator[Any]:
        for piece in generation:
            if stop.is_set():
                generation.stop()
            yield piece
        yield generation.stats

    cid = _completion_id()
    if not body.stream:
        with served.lanes["llm"].admit():
            parts: list[str] = []
            stats = None
            async for item in in_thread(pieces):
                if isinstance(item, str):
                    parts.append(item)
                else:
                    stats = item
        assert stats is not None
        return JSONResponse(_completion(cid, model, "".join(parts), _finish(stats.finish_reason), _usage(stats)))

    async def chunks() -> AsyncIterator[str]:
        yield _chunk(cid, model, {"role": "assistant", "content": ""})
        async for item in in_thread(pieces):
            if isinstance(item, str):
                yield _chunk(cid, model, {"content": item})
            else:
                yield _chunk(cid, model, {}, _finish(item.finish_reason), usage=_usage(item))
        yield "data: [DONE]\n\n"

    return _stream(served.lanes["llm"], chunks())


def _json_schema(response_format: dict[str, Any] | None) -> dict[str, Any] | None:
    if not response_format or response_format.get("type") == "text":
        return None
    if response_format.get("type") == "json_object":
        return {"type": "object"}
    if response_format.get("type") == "json_schema":
        return dict((response_format.get("json_schema") or {}).get("schema") or {"type": "object"})
    raise ApiError(
        400, f"response_format type {response_format.get('type')!r} is not supported. Fix: use text, json_object or json_schema"
    )


def _finish(reason: str | None) -> str:
    return "length" if reason == "length" else "stop"


def _usage(stats: Any) -> dict[str, int]:
    return {
        "prompt_tokens": stats.prompt_tokens,
        "completion_tokens": stats.completion_tokens,
        "total_tokens": stats.prompt_tokens + stats.completion_tokens,
    }


class _Admitted(StreamingResponse):
    """A stream that holds its engine's lane until the response has ended, however it ended."""

    def __init__(self, lane: Lane, content: AsyncIterator[Any], media_type: str, headers: dict[str, str]) -> None:
        super().__init__(content, media_type=media_type, headers={"Cache-Control": "no-cache", **headers})
        self._lane = lane

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            self._lane.give_back()


def _stream(
    lane: Lane, content: AsyncIterator[Any], media_type: str = "text/event-stream", headers: dict[str, str] | None = None
) -> Response:
    lane.take()
    events = media_type == "text/event-stream"
    return _Admitted(lane, _errors_as_events(content) if events else content, media_type, headers or {})


async def _errors_as_events(content: AsyncIterator[str]) -> AsyncIterator[str]:
    """An error after the stream has started cannot change the status code: it is sent as an event."""
    try:
        async for chunk in content:
            yield chunk
    except EdgeError as exc:
        kind = "invalid_request_error" if isinstance(exc, InputError) else "server_error"
        yield f"data: {json.dumps(error_body(str(exc), kind))}\n\n"


async def _api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return error_response(exc)


async def _request_error(request: Request, exc: Exception) -> Response:
    return error_response(ApiError(400, str(exc)))


async def _busy(request: Request, exc: Exception) -> Response:
    message = f"{exc}. Fix: retry in a moment, or raise serve.queue"
    return JSONResponse(error_body(message, "rate_limit_error", "busy"), status_code=429, headers={"Retry-After": "1"})


async def _edge_error(request: Request, exc: Exception) -> Response:
    status = 400 if isinstance(exc, InputError) else 503 if isinstance(exc, RoleUnavailable) else 500
    return JSONResponse(error_body(str(exc), "invalid_request_error" if status == 400 else "server_error"), status_code=status)


async def _unexpected(request: Request, exc: Exception) -> Response:
    message = f"unexpected {type(exc).__name__}: {exc}. Fix: see the server's log and report it"
    return JSONResponse(error_body(message, "server_error"), status_code=500)


async def _http_error(request: Request, exc: Exception) -> Response:
    """What Starlette refuses before a handler runs (a form it cannot parse), in OpenAI's error shape."""
    assert isinstance(exc, HTTPException)
    message = f"{exc.detail.rstrip('.')}. Fix: correct the request as the OpenAI API describes"
    return JSONResponse(error_body(message, "invalid_request_error"), status_code=exc.status_code, headers=exc.headers)


async def _not_found(request: Request, exc: Exception) -> Response:
    message = f"no endpoint {request.url.path}. Fix: see GET /v1/models and the README's edge serve section"
    return JSONResponse(error_body(message, "invalid_request_error", "not_found"), status_code=404)


async def _not_allowed(request: Request, exc: Exception) -> Response:
    message = f"{request.method} is not allowed on {request.url.path}. Fix: use the method the OpenAI API gives"
    body = error_body(message, "invalid_request_error", "method_not_allowed")
    return JSONResponse(body, status_code=405, headers=getattr(exc, "headers", None))


class _BearerKeys:
    """Every endpoint but /health needs one of the keys as ``Authorization: Bearer KEY``."""

    def __init__(self, app: ASGIApp, keys: tuple[str, ...]) -> None:
        self.app, self.keys = app, tuple(k.encode() for k in keys)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] == "/health":
            await self.app(scope, receive, send)
            return
        header = dict(scope["headers"]).get(b"authorization", b"")
        given = header[7:] if header[:7].lower() == b"bearer " else b""
        if not any(hmac.compare_digest(given, key) for key in self.keys):
            message = "no valid API key. Fix: send Authorization: Bearer KEY with a key from serve.api_keys"
            await JSONResponse(error_body(message, "invalid_request_error", "invalid_api_key"), status_code=401)(
                scope, receive, send
            )
            return
        await self.app(scope, receive, send)


class _BodyLimit:
    """Bodies over ``limit`` bytes are refused with 413, whether they say their length or not."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.limit:
            await self._refuse(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise _TooLarge
            return message

        try:
            await self.app(scope, counted, send)
        except _TooLarge:
            await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        message = f"the body is over {self.limit} bytes. Fix: send less, or raise serve.max_body_bytes"
        await JSONResponse(error_body(message, "invalid_request_error", "body_too_large"), status_code=413)(scope, receive, send)


class _TooLarge(Exception):
    pass
