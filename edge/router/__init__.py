"""Routing requests to the cheapest handler that serves them well; starts with intent training."""

from edge.router.intents import IntentReport, evaluate_intents, read_rows, train_intents

__all__ = ["IntentReport", "evaluate_intents", "read_rows", "train_intents"]
