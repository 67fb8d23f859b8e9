"""What `edge serve` prints on stdout for the program that started it: "port N" as soon as it listens, a line per
Wyoming service ("wyoming-asr port N"), then "ready URL" once the models are loaded."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass
class Announced:
    port: int = 0
    wyoming: dict[str, int] = field(default_factory=dict)
    """Service ("asr", "tts", "handle") -> port."""
    url: str | None = None
    """The API's base URL; None when the output ended before "ready"."""


def read_until_ready(lines: Iterable[str]) -> Announced:
    """The announcements of a starting server, read up to its "ready" line (or the end of its output)."""
    announced = Announced()
    for line in lines:
        words = line.split()
        if line.startswith("port "):
            announced.port = int(words[1])
        elif line.startswith("wyoming-"):
            announced.wyoming[words[0].removeprefix("wyoming-")] = int(words[2])
        elif line.startswith("ready"):
            announced.url = words[1]
            break
    return announced
