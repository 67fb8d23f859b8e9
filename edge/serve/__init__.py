"""``edge serve``: the one process that holds every model, reachable by other programs.

The OpenAI-compatible HTTP API (``openai_api``) runs on an asyncio loop under uvicorn; the model calls it makes are
blocking and run in worker threads (``bridge``), admitted per engine (``admission``) so that a crowd of clients waits
in a bounded line or is told the server is busy, never piles up.
"""
