"""The HTTP side shared by providers: a pooled client, an SSE parser, and the mapping of failures to CloudError."""

from __future__ import annotations

import email.utils
import json
import math
import re
from abc import abstractmethod
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit

from edge.cloud.base import (
    CloudDelta,
    CloudError,
    CloudProtocolError,
    CloudRefused,
    CloudReply,
    CloudUnavailable,
    Provider,
)
from edge.errors import MissingExtra

if TYPE_CHECKING:
    import httpx

DETAIL_CHARS = 200
ERROR_BODY_BYTES = 16_384
TRANSIENT = frozenset({"overloaded_error", "api_error", "rate_limit_error", "server_error", "timeout"})
_KEYLIKE = re.compile(r"\b(sk|key)-[A-Za-z0-9_*\-]{6,}")
_T = TypeVar("_T")


def load_httpx() -> Any:
    try:
        import httpx
    except ImportError:
        raise MissingExtra("httpx", "cloud", "cloud escalation") from None
    return httpx


def client(timeout_s: float, transport: httpx.BaseTransport | None = None) -> httpx.Client:
    """A pooled client bound to one provider.

    ``timeout_s`` bounds connecting, sending and each wait for data, so a stalled stream fails but a long one that
    keeps streaming is not cut. Redirects are not followed: the egress gate checked the endpoint's host and nothing
    else. ``trust_env=False`` ignores HTTP(S)_PROXY, SSL_CERT_FILE and ~/.netrc, so a variable set for other tools
    cannot silently route the user's text through a proxy or attach extra credentials; certificates come from
    certifi."""
    httpx = load_httpx()
    return httpx.Client(
        timeout=httpx.Timeout(timeout_s),
        follow_redirects=False,
        trust_env=False,
        transport=transport,
        limits=httpx.Limits(max_connections=8, max_keepalive_connections=4, keepalive_expiry=30.0),
    )


@dataclass(frozen=True)
class SseEvent:
    data: str
    event: str = "message"

    @property
    def done(self) -> bool:
        """OpenAI's end-of-stream marker."""
        return self.data == "[DONE]"


def sse(lines: Iterable[str]) -> Iterator[SseEvent]:
    """Server-sent events from lines without their endings: ``data:`` lines join with newlines until a blank line,
    ``:`` lines are comments, ``id``/``retry``/unknown fields are ignored, and a last event without its blank line
    still counts."""
    data: list[str] = []
    event = ""
    for line in lines:
        if not line:
            if data:
                yield SseEvent("\n".join(data), event or "message")
            data, event = [], ""
            continue
        if line.startswith(":"):
            continue
        name, _, value = line.partition(":")
        value = value[1:] if value.startswith(" ") else value
        if name == "data":
            data.append(value)
        elif name == "event":
            event = value
    if data:
        yield SseEvent("\n".join(data), event or "message")


def retry_after_s(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds from a Retry-After header, given as seconds or as an HTTP date."""
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        seconds = (when - (now or datetime.now(timezone.utc))).total_seconds()
    return max(0.0, seconds) if math.isfinite(seconds) else None


def short(text: object) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= DETAIL_CHARS else text[: DETAIL_CHARS - 1] + "…"


def estimate_tokens(chars: int) -> int:
    return math.ceil(chars / 4)


@dataclass
class Tally:
    """What a reply has said so far."""

    model: str
    parts: list[str] = field(default_factory=list)
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    done: bool = False
    """The stream's end marker arrived."""
    complete: bool = False
    """The reply finished, so a stream that ends without its marker is still whole."""


class HttpProvider(Provider):
    """A provider spoken to over HTTP with JSON requests and JSON or SSE replies."""

    api: str
    """The API the endpoint must serve, named when its replies cannot be read."""

    def __init__(
        self,
        model: str,
        endpoint: str,
        api_key: str = "",
        timeout_s: float = 30.0,
        transport: httpx.BaseTransport | None = None,
        key_hint: str | None = None,
    ) -> None:
        super().__init__(model, endpoint, key_hint)
        self._key = api_key
        self.timeout_s = timeout_s
        self._client = client(timeout_s, transport)

    @abstractmethod
    def _headers(self) -> dict[str, str]: ...

    @abstractmethod
    def _read_event(self, event: SseEvent, tally: Tally) -> str:
        """Updates the tally from one stream event and returns the text it adds."""

    @abstractmethod
    def _read_body(self, body: dict[str, Any], tally: Tally) -> None:
        """Fills the tally from a whole, non-streamed reply."""

    def close(self) -> None:
        self._client.close()

    def send(self, body: bytes) -> Iterator[CloudDelta | CloudReply]:
        httpx = load_httpx()
        request = _loads(body)
        tally = Tally(self.model)
        try:
            with self._client.stream("POST", self.url, content=body, headers=self._headers()) as response:
                if not response.is_success:
                    raise self._status_error(response)
                kind = response.headers.get("content-type", "")
                if "text/event-stream" in kind or (request.get("stream") and "json" not in kind):
                    events = sse(response.iter_lines())
                    for event in events:
                        text = self._reading(self._read_event, event, tally)
                        if text:
                            tally.parts.append(text)
                            yield CloudDelta(text)
                        if tally.done:
                            break
                    if not (tally.done or tally.complete):
                        raise self._protocol("a stream that ended before the reply was complete")
                    _drain(events)
                else:
                    self._reading(self._read_body, self._object(response.read(), "a reply"), tally)
                    yield CloudDelta("".join(tally.parts))
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            raise self._transport_error(exc) from None
        yield self._reply(tally, request)

    def _reply(self, tally: Tally, request: dict[str, Any]) -> CloudReply:
        text = "".join(tally.parts)
        prompt = tally.prompt_tokens
        if prompt is None:
            prompt = estimate_tokens(_prompt_chars(request))
        completion = tally.completion_tokens
        if completion is None:
            completion = estimate_tokens(len(text))
        return CloudReply(text, tally.model, prompt, completion, self.host)

    def _reading(self, read: Callable[[_T, Tally], Any], item: _T, tally: Tally) -> Any:
        try:
            return read(item, tally)
        except CloudError:
            raise
        except (KeyError, IndexError, TypeError, AttributeError, ValueError) as exc:
            raise self._protocol(f"a reply of an unexpected shape ({type(exc).__name__}: {short(exc)})") from None

    def _object(self, data: str | bytes, what: str) -> dict[str, Any]:
        try:
            value = json.loads(data)
        except ValueError:
            value = None
        if not isinstance(value, dict):
            raise self._protocol(f"{what} that is not a JSON object")
        return value

    def _protocol(self, what: str) -> CloudProtocolError:
        return CloudProtocolError(
            f"{self.host} sent {self._redact(what)}",
            f"check that cloud.endpoint ({self.endpoint}) serves the {self.api} API and cloud.provider matches it",
            host=self.host,
        )

    def _redact(self, text: str) -> str:
        if self._key:
            text = text.replace(self._key, "***")
        return _KEYLIKE.sub(r"\1-***", text)

    def _detail(self, message: object) -> str:
        return self._redact(short(message))

    def _stream_error(self, error: object) -> CloudError:
        """An error the provider reports inside a 200 reply or stream."""
        error = error if isinstance(error, dict) else {"message": error}
        kind = short(error.get("type") or error.get("code") or "error")
        said = self._detail(error.get("message"))
        detail = f"{kind}: {said}"
        exc: CloudError
        if kind in TRANSIENT:
            exc = CloudUnavailable(f"{self.host} failed mid-reply ({detail})", "ask again later", host=self.host)
        else:
            exc = CloudProtocolError(
                f"{self.host} sent an error instead of a reply ({detail})",
                f"check cloud.model ({self.model!r}) and that cloud.endpoint serves the {self.api} API",
                host=self.host,
            )
        exc.quoted = (said,) if said else ()
        return exc

    def _status_error(self, response: httpx.Response) -> CloudError:
        error = _error_fields(_read_capped(response))
        said = self._detail(error.get("message"))
        exc = self._status_refusal(response, error, said)
        exc.quoted = (said,) if said else ()
        return exc

    def _status_refusal(self, response: httpx.Response, error: dict[str, Any], said: str) -> CloudError:
        status, host = response.status_code, self.host
        kind = str(error.get("type") or "") + " " + str(error.get("code") or "")
        what = f"HTTP {status}: {said or response.reason_phrase}"
        wait = retry_after_s(response.headers.get("retry-after"))
        if 300 <= status < 400:
            where = urlsplit(response.headers.get("location", "")).hostname or "another URL"
            return CloudRefused(
                f"{host} redirected the request to {where} ({what})",
                "set cloud.endpoint to the final URL; redirects are not followed so requests only go to the checked host",
                status,
                host,
            )
        if status == 429 and "insufficient_quota" in kind:
            return CloudRefused(
                f"{host} refused the request: the account is out of quota ({what})", "check the account's billing", status, host
            )
        if status == 429:
            after = f" after {wait:g} s" if wait is not None else ""
            return CloudUnavailable(
                f"{host} is rate limiting requests ({what})",
                f"ask again{after}, or check the account's rate limits",
                status,
                host,
                wait,
            )
        if status in (408, 425) or status >= 500:
            return CloudUnavailable(f"{host} is unavailable ({what})", "ask again later", status, host, wait)
        if status == 401:
            return CloudRefused(
                f"{host} refused the API key ({what})", f"check that {self.key_hint} holds a valid key for {host}", status, host
            )
        if status == 403:
            return CloudRefused(
                f"{host} denied access ({what})",
                f"check that the key in {self.key_hint} may use model {self.model!r} on {host}",
                status,
                host,
            )
        if status == 404:
            return CloudRefused(
                f"{host} has no such model or API path ({what})",
                f"check cloud.model ({self.model!r}) and cloud.endpoint ({self.endpoint}); requests go to {self.url}",
                status,
                host,
            )
        if status == 413:
            return CloudRefused(
                f"{host} found the request too large ({what})",
                "lower cloud.max_payload_bytes or start a new conversation",
                status,
                host,
            )
        return CloudRefused(
            f"{host} rejected the request ({what})",
            f"check that cloud.model ({self.model!r}), cloud.max_tokens and cloud.temperature suit {host}",
            status,
            host,
        )

    def _transport_error(self, exc: Exception) -> CloudError:
        httpx = load_httpx()
        host = self.host
        why = self._detail(f"{type(exc).__name__}: {exc}".rstrip(": "))
        if isinstance(exc, httpx.TimeoutException):
            return CloudUnavailable(
                f"{host} did not answer within {self.timeout_s:g} s ({why})",
                "check the network, or raise cloud.timeout_s",
                host=host,
            )
        if isinstance(exc, httpx.ConnectError):
            return CloudUnavailable(f"could not connect to {host} ({why})", "check the network and cloud.endpoint", host=host)
        if isinstance(exc, (httpx.UnsupportedProtocol, httpx.InvalidURL)):
            return CloudRefused(
                f"cannot send to cloud.endpoint {self.endpoint!r} ({why})", "set cloud.endpoint to an http(s) URL", host=host
            )
        if isinstance(exc, httpx.TransportError):
            return CloudUnavailable(f"the connection to {host} failed ({why})", "check the network and ask again", host=host)
        return self._protocol(f"a reply that could not be decoded ({why})")


def set_tokens(tally: Tally, prompt: object, completion: object) -> None:
    """Records the counts a usage object gave; a count it lacks stays unknown and is estimated at the end."""
    if isinstance(prompt, int) and not isinstance(prompt, bool):
        tally.prompt_tokens = prompt
    if isinstance(completion, int) and not isinstance(completion, bool):
        tally.completion_tokens = completion


def _loads(body: bytes) -> dict[str, Any]:
    try:
        value = json.loads(body)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _prompt_chars(request: dict[str, Any]) -> int:
    texts = [m.get("content") for m in request.get("messages") or [] if isinstance(m, dict)] + [request.get("system")]
    return sum(len(t) for t in texts if isinstance(t, str))


def _drain(events: Iterator[SseEvent]) -> None:
    """Reads what follows the end marker so the connection can serve the next request; the reply is already whole,
    so a failure here does not matter."""
    try:
        for _ in events:
            pass
    except load_httpx().HTTPError:
        pass


def _read_capped(response: httpx.Response) -> bytes:
    data = b""
    try:
        for chunk in response.iter_bytes():
            data += chunk
            if len(data) >= ERROR_BODY_BYTES:
                break
    except load_httpx().HTTPError:
        pass
    return data[:ERROR_BODY_BYTES]


def _error_fields(body: bytes) -> dict[str, Any]:
    """The error object both OpenAI ({"error": {...}}) and Anthropic ({"type": "error", "error": {...}}) send."""
    value = _loads(body)
    error = value.get("error")
    if isinstance(error, dict):
        return error
    if isinstance(error, str):
        return {"message": error}
    return {"message": value["message"]} if isinstance(value.get("message"), str) else {}
