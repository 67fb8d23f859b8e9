"""``GET /metrics`` in Prometheus' text format: engines, lanes, HTTP requests, the month's usage, the answer cache.

Request logs and metrics hold the method, path, status and time of a request, never its text.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOG = logging.getLogger("edge.serve")
BUCKETS_S = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)


class RequestTimes:
    """How long each endpoint took, as a histogram, and how often it answered each status."""

    def __init__(self) -> None:
        self.buckets: dict[str, list[int]] = defaultdict(lambda: [0] * len(BUCKETS_S))
        self.sums: dict[str, float] = defaultdict(float)
        self.counts: dict[str, int] = defaultdict(int)
        self.statuses: dict[tuple[str, int], int] = defaultdict(int)

    def record(self, path: str, status: int, seconds: float) -> None:
        for i, bound in enumerate(BUCKETS_S):
            if seconds <= bound:
                self.buckets[path][i] += 1
        self.sums[path] += seconds
        self.counts[path] += 1
        self.statuses[(path, status)] += 1


class Timed:
    """Times every request to the end of its body (a stream included) and logs it without its text."""

    def __init__(self, app: ASGIApp, times: RequestTimes, known: Iterable[str]) -> None:
        self.app, self.times, self.known = app, times, frozenset(known)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500

        async def sent(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sent)
        finally:
            seconds = time.perf_counter() - start
            path = scope["path"] if scope["path"] in self.known else "other"
            self.times.record(path, status, seconds)
            LOG.info("%s %s %d %.0f ms", scope["method"], path, status, seconds * 1000)


def exposition(served: Any, times: RequestTimes) -> str:
    lines: list[str] = []

    def metric(name: str, kind: str, help: str, samples: Iterable[tuple[dict[str, Any], float]]) -> None:
        lines.extend((f"# HELP {name} {help}", f"# TYPE {name} {kind}"))
        for labels, value in samples:
            label = ",".join(f'{k}="{_escaped(str(v))}"' for k, v in labels.items())
            lines.append(f"{name}{{{label}}} {value}" if label else f"{name} {value}")

    engines = {role: engine.stats for role, engine in served.runtime.engines.items() if engine.loaded}
    metric("edge_engine_calls_total", "counter", "model calls since start", (({"role": r}, s.calls) for r, s in engines.items()))
    metric("edge_engine_errors_total", "counter", "failed model calls", (({"role": r}, s.errors) for r, s in engines.items()))
    metric(
        "edge_engine_seconds_total",
        "counter",
        "time in model calls",
        (({"role": r}, round(s.total_s, 6)) for r, s in engines.items()),
    )
    lanes = served.lanes.items()
    metric(
        "edge_queue_requests",
        "gauge",
        "requests running or waiting per engine",
        (({"engine": n}, lane.in_flight) for n, lane in lanes),
    )
    metric(
        "edge_queue_capacity",
        "gauge",
        "requests an engine takes before answering busy",
        (({"engine": n}, lane.capacity) for n, lane in lanes),
    )
    metric(
        "edge_http_requests_total",
        "counter",
        "HTTP requests by endpoint and status",
        (({"path": path, "status": status}, n) for (path, status), n in sorted(times.statuses.items())),
    )
    lines.extend(
        ("# HELP edge_http_request_seconds time to the end of the response", "# TYPE edge_http_request_seconds histogram")
    )
    for path, counts in sorted(times.buckets.items()):
        for bound, n in zip(BUCKETS_S, counts, strict=True):
            lines.append(f'edge_http_request_seconds_bucket{{path="{path}",le="{bound}"}} {n}')
        lines.append(f'edge_http_request_seconds_bucket{{path="{path}",le="+Inf"}} {times.counts[path]}')
        lines.append(f'edge_http_request_seconds_sum{{path="{path}"}} {round(times.sums[path], 6)}')
        lines.append(f'edge_http_request_seconds_count{{path="{path}"}} {times.counts[path]}')
    if served.router is not None:
        usage = served.router.meter.usage()
        metric(
            "edge_month_calls",
            "gauge",
            "this month's calls per model",
            (({"model": u.model, "month": u.month}, u.calls) for u in usage),
        )
        tokens = [({"model": u.model, "month": u.month, "kind": "prompt"}, u.prompt_tokens) for u in usage]
        tokens += [({"model": u.model, "month": u.month, "kind": "completion"}, u.completion_tokens) for u in usage]
        metric("edge_month_tokens", "gauge", "this month's tokens per model", tokens)
        metric(
            "edge_month_cost_usd",
            "gauge",
            "this month's spend per model",
            (({"model": u.model, "month": u.month}, u.cost_usd) for u in usage),
        )
        cache = served.router.cache.stats()
        outcomes = {
            "exact": cache.exact,
            "semantic": cache.semantic,
            "miss": cache.misses,
            "guarded": cache.guarded,
            "stale": cache.stale,
        }
        metric(
            "edge_cache_lookups_total",
            "counter",
            "answer cache lookups by outcome",
            (({"outcome": k}, v) for k, v in outcomes.items()),
        )
        metric("edge_cache_entries", "gauge", "answers in the cache", [({}, cache.entries)])
    return "\n".join(lines) + "\n"


def _escaped(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
