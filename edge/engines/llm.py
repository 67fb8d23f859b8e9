"""A local chat LLM through llama-cpp-python: any GGUF, with the chat template stored in the file."""

from __future__ import annotations

import json
import math
import os
import threading
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import nullcontext
from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import Any, Literal

import numpy as np

from edge.engines.base import Engine
from edge.engines.llama_abort import Abort
from edge.engines.threads import thread_plan
from edge.errors import InputError, ModelFileError
from edge.models import ResolvedModel

GGUF_MAGIC = b"GGUF"


@dataclass(frozen=True)
class ChatMessage:
    role: Literal["system", "user", "assistant"]
    content: str


@dataclass
class GenerationStats:
    prompt_tokens: int = 0
    completion_tokens: int = 0
    """Streamed pieces: one per token, except where llama.cpp holds tokens back to match a stop string."""
    ttft_s: float = 0.0
    """Time to the first generated token: the prompt's evaluation plus one step."""
    total_s: float = 0.0
    prompt_tok_s: float = 0.0
    generation_tok_s: float = 0.0
    finish_reason: str | None = None
    mean_logprob: float | None = None
    """Average log-probability of the generated tokens under the model (with ``logprobs=True``)."""

    @property
    def confidence(self) -> float | None:
        """The geometric mean of the generated tokens' probabilities: low when the model was unsure."""
        return None if self.mean_logprob is None else round(math.exp(self.mean_logprob), 4)


class Generation(Iterator[str]):
    """A reply streamed piece by piece (about one token each); its ``stats`` once the stream has ended."""

    def __init__(
        self, pieces: Generator[str, None, GenerationStats], halt: threading.Event, on_stop: Callable[[], None] | None = None
    ) -> None:
        self._pieces = pieces
        self._halt = halt
        self._on_stop = on_stop
        self._stats: GenerationStats | None = None

    def __next__(self) -> str:
        try:
            return next(self._pieces)
        except StopIteration as end:
            self._stats = end.value
            raise

    @property
    def stats(self) -> GenerationStats:
        if self._stats is None:
            raise RuntimeError("the generation has not ended: read it to the end first")
        return self._stats

    def close(self) -> None:
        """Stop generating; llama.cpp is released."""
        self._pieces.close()

    def stop(self) -> None:
        """End the generation before its next token, or inside the prompt's evaluation, keeping its ``stats``
        (finish_reason "stopped"); read the stream to its end to get them."""
        self._halt.set()
        if self._on_stop is not None:
            self._on_stop()


@dataclass(frozen=True)
class Sampling:
    temperature: float
    repeat_penalty: float


@dataclass
class Completion:
    text: str
    stats: GenerationStats = field(default_factory=GenerationStats)

    def json(self) -> Any:
        """The reply parsed as JSON (for calls made with ``json_schema`` or a JSON grammar)."""
        return json.loads(self.text)


Messages = str | Sequence[ChatMessage | dict[str, str]]


class Llm(Engine[Any]):
    role = "llm"
    libraries = ("llama_cpp",)
    reentrant = False

    @cached_property
    def _abort(self) -> Abort:
        return Abort()

    def _open(self, info: ResolvedModel) -> Any:
        path = info.path
        with path.open("rb") as f:
            magic = f.read(4)
        if magic != GGUF_MAGIC:
            raise ModelFileError(
                f"llm model {path} is not a GGUF file (it starts with {magic!r})",
                "point llm.path at a .gguf chat model (e.g. Qwen2.5-1.5B-Instruct Q4_K_M), or remove it to use the default",
            )
        from llama_cpp import Llama

        opts, plan = self.settings.llm, thread_plan()
        try:
            return Llama(
                model_path=str(path),
                n_ctx=opts.context,
                n_threads=opts.threads or plan.llm_generation,
                n_threads_batch=opts.prompt_threads or plan.llm_prompt,
                n_gpu_layers=opts.gpu_layers,
                use_mmap=opts.mmap,
                seed=opts.seed if opts.seed >= 0 else 0xFFFFFFFF,
                verbose=False,
            )
        except Exception as exc:
            raise ModelFileError(
                f"llm model {path} cannot be loaded by llama.cpp ({exc}); it may be truncated or of an unsupported architecture",
                "re-copy the file or choose another GGUF; scripts/setup restores the default",
            ) from None

    @property
    def stuck_after_s(self) -> float:
        return self.settings.llm.stuck_s

    def _warmup(self) -> None:
        with self._turn() as turn:
            turn.model.create_completion("Hi", max_tokens=1, temperature=0.0)

    def stream(
        self,
        messages: Messages,
        *,
        max_tokens: int | None = None,
        temperature: float | None = None,
        stop: Sequence[str] | None = None,
        json_schema: dict[str, Any] | None = None,
        grammar: str | None = None,
        logprobs: bool = False,
        repeat_penalty: float | None = None,
    ) -> Generation:
        """The reply token by token. ``json_schema`` or a GBNF ``grammar`` constrains the output;
        ``logprobs`` measures how sure the model was (``stats.confidence``). Malformed messages raise here, before
        the first token is asked for."""
        chat = self._messages(messages)
        halt = threading.Event()
        opts = self.settings.llm
        sampling = Sampling(
            opts.temperature if temperature is None else temperature,
            opts.repeat_penalty if repeat_penalty is None else repeat_penalty,
        )
        pieces = self._generate(chat, max_tokens, sampling, stop, json_schema, grammar, logprobs, halt)
        return Generation(pieces, halt, lambda: self.stop(halt))

    def _generate(
        self,
        chat: list[dict[str, str]],
        max_tokens: int | None,
        sampling: Sampling,
        stop: Sequence[str] | None,
        json_schema: dict[str, Any] | None,
        grammar: str | None,
        logprobs: bool,
        halt: threading.Event,
    ) -> Generator[str, None, GenerationStats]:
        opts = self.settings.llm
        kwargs: dict[str, Any] = dict(
            messages=chat,
            stream=True,
            max_tokens=max_tokens or opts.max_tokens,
            temperature=sampling.temperature,
            top_p=opts.top_p,
            repeat_penalty=sampling.repeat_penalty,
            stop=list(stop or []),
        )
        if json_schema is not None:
            kwargs["response_format"] = {"type": "json_object", "schema": json_schema}
        if grammar is not None:
            from llama_cpp import LlamaGrammar

            try:
                kwargs["grammar"] = LlamaGrammar.from_string(grammar, verbose=False)
            except Exception as exc:
                raise InputError(f"the grammar does not parse ({exc})", "check the GBNF syntax") from None
        tracker = _LogprobTracker() if logprobs else None
        if tracker is not None:
            from llama_cpp import LogitsProcessorList

            kwargs["logits_processor"] = LogitsProcessorList([tracker])
        with self._turn() as turn:
            model = turn.model
            stats = GenerationStats()
            start = time.perf_counter()
            first = None
            with self._abort.running(model.ctx, halt):
                parts = model.create_chat_completion(**kwargs)
                try:
                    for part in parts:
                        if halt.is_set():
                            stats.finish_reason = "stopped"
                            break
                        choice = part["choices"][0]
                        text = choice["delta"].get("content") or ""
                        if choice.get("finish_reason"):
                            stats.finish_reason = choice["finish_reason"]
                        if text:
                            first = first or time.perf_counter()
                            stats.completion_tokens += 1
                            with turn.paused():
                                yield text
                except ValueError as exc:
                    if "exceed context window" in str(exc):
                        raise InputError(
                            f"the prompt is longer than the model's context of {opts.context} tokens ({exc})",
                            "shorten the text, or raise llm.context in the config",
                        ) from None
                    raise
                finally:
                    parts.close()
            if halt.is_set():
                stats.finish_reason = stats.finish_reason or "stopped"
            end = time.perf_counter()
            stats.total_s = round(end - start, 4)
            stats.prompt_tokens = max(model.n_tokens - stats.completion_tokens, 0)
            first = first or end
            stats.ttft_s = round(first - start, 4)
            stats.prompt_tok_s = round(stats.prompt_tokens / (first - start), 1) if first > start else 0.0
            if tracker is not None:
                stats.mean_logprob = tracker.mean()
            if stats.completion_tokens > 1 and end > first:
                stats.generation_tok_s = round((stats.completion_tokens - 1) / (end - first), 1)
            return stats

    def prefill(self, messages: Messages, halt: threading.Event | None = None) -> int:
        """Evaluate the part of the prompt that ``messages`` followed by any user request share (a conversation's
        system prompt and history), so that such a request only evaluates its own words: llama.cpp keeps the longest
        prefix a new prompt has in common with the last. The number of tokens in that part; 0 when the model's chat
        template is unknown, or when ``stop(halt)`` ended it first."""
        chat = self._messages(messages)
        with self._turn() as turn:
            model = turn.model
            template = model.metadata.get("tokenizer.chat_template")
            if not template:
                return 0
            from llama_cpp.llama_chat_format import Jinja2ChatFormatter

            def spelled(token: int) -> str:
                return model.detokenize([token], special=True).decode("utf-8", "replace") if token != -1 else ""

            eos = model.token_eos()
            formatter = Jinja2ChatFormatter(
                template=template, eos_token=spelled(eos), bos_token=spelled(model.token_bos()), stop_token_ids=[eos]
            )
            asked: list[Any] = [[*chat, {"role": "user", "content": words}] for words in ("a", "b")]
            one, other = (formatter(messages=messages) for messages in asked)
            shared = os.path.commonprefix([one.prompt, other.prompt])
            tokens = model.tokenize(shared.encode("utf-8"), add_bos=not one.added_special, special=True)
            if len(tokens) < 2:
                return 0
            with self._abort.running(model.ctx, halt) if halt is not None else nullcontext():
                model.create_completion(tokens[:-1], max_tokens=1, temperature=0.0)
            return 0 if halt is not None and halt.is_set() else len(tokens) - 1

    def stop(self, halt: threading.Event) -> None:
        """Stops the generation or prefill started with ``halt``, inside llama.cpp's evaluation if it is running; what
        it finished stays in the cache."""
        halt.set()
        self._abort.request(halt)

    def chat(self, messages: Messages, **options: Any) -> Completion:
        """The whole reply at once; same options as ``stream``."""
        generation = self.stream(messages, **options)
        text = "".join(generation)
        return Completion(text.strip(), generation.stats)

    def _messages(self, messages: Messages) -> list[dict[str, str]]:
        if isinstance(messages, str):
            self._check_text(messages, "prompt")
            return [
                {"role": "system", "content": self.settings.llm.system_prompt},
                {"role": "user", "content": messages},
            ]
        chat = [asdict(m) if isinstance(m, ChatMessage) else dict(m) for m in messages]
        if not chat:
            raise InputError("no messages given", "pass at least one user message")
        for message in chat:
            if message.get("role") not in ("system", "user", "assistant"):
                raise InputError(f"message role {message.get('role')!r} is not system, user or assistant", "fix the role")
            self._check_text(message.get("content", ""), f"{message['role']} message")
        return chat


class _LogprobTracker:
    """A llama.cpp logits processor that records each sampled token's log-probability.

    llama-cpp-python's own ``logprobs`` needs ``logits_all=True``, which keeps a context-by-vocabulary
    float matrix (about 400 MB for SmolLM2 at 2k context); this sees the same logits one step at a time.
    At each step the previous step's sampled token is the last input id.
    """

    def __init__(self) -> None:
        self._previous: np.ndarray | None = None
        self.logprobs: list[float] = []

    def __call__(self, input_ids: np.ndarray, scores: np.ndarray) -> np.ndarray:
        if self._previous is not None:
            self.logprobs.append(float(self._previous[int(input_ids[-1])]))
        logits = scores.astype(np.float64)
        top = logits.max()
        self._previous = logits - (top + np.log(np.exp(logits - top).sum()))
        return scores

    def mean(self) -> float | None:
        """The last step's token is not seen again: its greedy choice stands for it."""
        values = self.logprobs + ([float(self._previous.max())] if self._previous is not None else [])
        return round(sum(values) / len(values), 4) if values else None
