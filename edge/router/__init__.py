"""Routing requests to the cheapest handler that serves them well."""

from edge.router.intents import IntentReport, evaluate_intents, read_rows, train_intents
from edge.router.resilience import (
    AllHandlersFailed,
    ChainResult,
    CircuitBreaker,
    DeadLetters,
    Handler,
    RetryPolicy,
    run_chain,
)

__all__ = [
    "AllHandlersFailed",
    "ChainResult",
    "CircuitBreaker",
    "DeadLetters",
    "Handler",
    "IntentReport",
    "RetryPolicy",
    "evaluate_intents",
    "read_rows",
    "run_chain",
    "train_intents",
]
