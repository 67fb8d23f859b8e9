"""Reading Wyoming events from a client that may not follow the protocol: a header line of JSON, then the data and
payload bytes it announces, each bounded. What breaks the framing is a ``MalformedEvent``; the caller answers it
with an Error event, never a traceback."""

from __future__ import annotations

import asyncio
import json
from typing import Any, TypeVar, cast

from wyoming.event import Event, Eventable

MAX_DATA_BYTES = 1 << 20
MAX_PAYLOAD_BYTES = 8 << 20
"""An audio chunk of 8 MiB is over four minutes of 16 kHz speech; clients send a few kilobytes at a time."""

E = TypeVar("E", bound=Eventable)


class MalformedEvent(Exception):
    pass


async def read_event(reader: asyncio.StreamReader) -> Event | None:
    """The next event, or None when the client has closed the connection between events."""
    try:
        line = await reader.readline()
    except ValueError:
        raise MalformedEvent("an event's header line is longer than 64 KiB") from None
    if not line:
        return None
    try:
        header = json.loads(line)
    except ValueError:
        raise MalformedEvent("an event's header line is not JSON") from None
    if not isinstance(header, dict) or not isinstance(header.get("type"), str):
        raise MalformedEvent("an event's header is not a JSON object with a string 'type'")
    data = header.get("data") or {}
    if not isinstance(data, dict):
        raise MalformedEvent(f"the {header['type']} event's data is not a JSON object")
    if data_length := _length(header, "data_length", MAX_DATA_BYTES):
        try:
            extra = json.loads(await _exactly(reader, data_length))
        except ValueError:
            raise MalformedEvent(f"the {header['type']} event's data is not JSON") from None
        if not isinstance(extra, dict):
            raise MalformedEvent(f"the {header['type']} event's data is not a JSON object")
        data = {**data, **extra}
    payload_length = _length(header, "payload_length", MAX_PAYLOAD_BYTES)
    payload = await _exactly(reader, payload_length) if payload_length else None
    return Event(type=header["type"], data=data, payload=payload)


def parsed(kind: type[E], event: Event) -> E:
    """The event as ``kind``, or a ``MalformedEvent`` naming what is missing or of the wrong type."""
    try:
        value = cast(E, kind.from_event(event))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise MalformedEvent(f"the {event.type} event is malformed ({type(exc).__name__}: {exc})") from None
    for name in ("text", "language"):
        given = getattr(value, name, None)
        if given is not None and not isinstance(given, str):
            raise MalformedEvent(f"the {event.type} event's {name} is not a string")
    return value


def _length(header: dict[str, Any], name: str, limit: int) -> int:
    value = header.get(name)
    if value is None:
        return 0
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= limit:
        raise MalformedEvent(f"the {header['type']} event's {name} is not a whole number from 0 to {limit}")
    return value


async def _exactly(reader: asyncio.StreamReader, size: int) -> bytes:
    try:
        return await reader.readexactly(size)
    except asyncio.IncompleteReadError:
        raise MalformedEvent("the connection ended inside an event") from None
