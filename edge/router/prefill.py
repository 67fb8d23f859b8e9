"""The next request of a conversation starts with the same system prompt and history as the prompt after it: the
local LLM evaluates them in the background, while the user reads or listens to the answer, so the next request
only evaluates its own words. A history that slides (the oldest turn leaves the window) changes the prompt from
its start, which llama.cpp would otherwise evaluate again in full before the first token (430 → 40 ms with four
turns of history on 2 cores)."""

from __future__ import annotations

import logging
import os
import threading
from concurrent.futures import ThreadPoolExecutor

from edge.config import Settings
from edge.router.tiers import chat_prompt
from edge.runtime import Runtime
from edge.store.memory import ConversationMemory

log = logging.getLogger(__name__)


class HistoryPrefill:
    def __init__(self, runtime: Runtime, memory: ConversationMemory, settings: Settings) -> None:
        self.runtime = runtime
        self.memory = memory
        self.settings = settings
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="edge-prefill", initializer=_lowest_priority)
        self._halt = threading.Event()
        self._halt.set()

    def after_turn(self, conversation: str) -> None:
        """Only a loaded local LLM is used: a prefill never loads one."""
        if not self.settings.memory.prefill or not self.runtime.llm.loaded:
            return
        history = self.memory.recent(conversation)
        if history:
            messages = chat_prompt(self.settings.llm, history, "?").messages[:-1]
            self._halt = threading.Event()
            self._pool.submit(self._prefill, messages, self._halt)

    def interrupt(self) -> None:
        """A request needs the LLM: the prefill stops where it is, and the request evaluates the rest at its own
        priority, instead of waiting for a prefill that runs on idle CPU only."""
        if not self._halt.is_set():
            self.runtime.llm.stop(self._halt)

    def _prefill(self, messages: list[dict[str, str]], halt: threading.Event) -> None:
        """A failure costs only the head start: the next request evaluates the history itself, and reports any
        error that still holds."""
        if halt.is_set():
            return
        try:
            self.runtime.llm.prefill(messages, halt)
        except Exception as exc:
            log.warning("the conversation's history was not prefilled (%s: %s)", type(exc).__name__, exc)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def _lowest_priority() -> None:
    """The prefill thread, and the llama.cpp workers it starts, run at nice 19 (Linux sets it per thread), so the
    prefill takes only CPU nothing else wants. At normal priority it shared both cores with the next utterance's
    transcription as the user went on speaking, and a transcription of 0.6 s of speech took 3 s instead of 0.2."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
    except (AttributeError, OSError) as exc:
        log.debug("the prefill thread keeps its priority (%s)", exc)
