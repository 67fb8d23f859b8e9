"""Routing requests to the cheapest handler that serves them well."""

from edge.router.cascade import CascadeResult, run_cascade
from edge.router.citations import Citation
from edge.router.decisions import DecisionLog, DecisionRecord
from edge.router.escalation import CloudEscalation, CloudTrace
from edge.router.gateway import Decision, Gateway
from edge.router.intents import IntentReport, evaluate_intents, read_rows, train_intents
from edge.router.request import Handled, Reply, Request, Retracted, Token
from edge.router.resilience import (
    AllHandlersFailed,
    ChainResult,
    CircuitBreaker,
    DeadLetters,
    Declined,
    Handler,
    RetryPolicy,
    run_chain,
)
from edge.router.router import Router

__all__ = [
    "AllHandlersFailed",
    "CascadeResult",
    "Citation",
    "ChainResult",
    "CircuitBreaker",
    "CloudEscalation",
    "CloudTrace",
    "DeadLetters",
    "Declined",
    "Decision",
    "DecisionLog",
    "DecisionRecord",
    "Gateway",
    "Handled",
    "Handler",
    "IntentReport",
    "Reply",
    "Request",
    "Retracted",
    "RetryPolicy",
    "Router",
    "Token",
    "evaluate_intents",
    "read_rows",
    "run_cascade",
    "run_chain",
    "train_intents",
]
