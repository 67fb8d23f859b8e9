"""Settings: defaults < TOML file < EDGE_* environment < code.

The file is the one given with ``--config`` / ``config=``, else ``$EDGE_CONFIG``, else
``$XDG_CONFIG_HOME/edge/config.toml`` (``~/.config/edge/config.toml``) when it exists.
Nested keys come from the environment with a double underscore: ``EDGE_LLM__CONTEXT=4096``.
"""

from __future__ import annotations

import json
import os
import sys
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal, TypeGuard

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from edge.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

Role = Literal["vad", "stt", "embedder", "classifier", "llm", "tts"]
ROLES: tuple[Role, ...] = ("vad", "stt", "embedder", "classifier", "llm", "tts")
ENV_PREFIX = "EDGE_"
NOT_SETTINGS = {
    *("EDGE_CONFIG", "EDGE_VENV", "EDGE_WHEEL_CACHE", "EDGE_EVAL_DIR", "EDGE_SLURP", "EDGE_CONLL2003", "EDGE_WYOMING_VENV"),
    *("EDGE_BUNDLE_CACHE", "EDGE_AARCH64_CACHE"),
}
"""EDGE_* variables read by the config loader itself, by scripts/setup, the benchmarks and packaging/, not settings."""


def _xdg(var: str, fallback: str) -> Path:
    return Path(os.environ.get(var) or Path.home() / fallback)


def default_config_path() -> Path:
    return _xdg("XDG_CONFIG_HOME", ".config") / "edge" / "config.toml"


def default_data_dir() -> Path:
    return _xdg("XDG_DATA_HOME", ".local/share") / "edge"


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class VadSettings(_Section):
    path: Path | None = Field(None, description="ONNX Silero VAD model; default: the one faster-whisper ships")
    threshold: float = Field(0.5, ge=0.0, le=1.0, description="speech probability that starts speech")
    min_silence_ms: int = Field(300, ge=0, description="silence that ends a speech segment")
    min_speech_ms: int = Field(250, ge=0, description="shorter speech is dropped")


class SttSettings(_Section):
    model: str = Field("tiny.en", description="'tiny.en', 'base' (multilingual) or a CTranslate2 model folder")
    language: str | None = Field(None, description="language code; None detects it (multilingual models)")
    beam_size: int = Field(1, ge=1, le=10)
    compute_type: str = "int8"
    threads: int = Field(0, ge=0, description="0 uses every core this process may use")
    vad_filter: bool = Field(True, description="skip non-speech with the VAD before decoding")
    sized_window: bool = Field(
        True,
        description="speech already cut to an utterance is encoded on a window sized to it (at least 10 s), not 30 s",
    )
    timeout_s: float = Field(30.0, gt=0.0, description="a transcription taking longer is abandoned: the utterance is dropped")
    max_audio_s: float = Field(7200.0, gt=0.0, description="longer audio files are refused before decoding (2 h: 460 MB)")


class EmbedderSettings(_Section):
    path: Path | None = Field(None, description="ONNX sentence embedder with inputs input_ids, attention_mask")
    tokenizer: Path | None = Field(None, description="tokenizer.json for a custom embedder")
    batch_size: int = Field(32, ge=1)
    max_tokens: int = Field(256, ge=8, description="longer texts are truncated")
    threads: int = Field(0, ge=0)
    timeout_s: float = Field(30.0, gt=0.0, description="one batch taking longer is stopped; the request goes on without it")


class ClassifierSettings(_Section):
    path: Path | None = Field(None, description="ONNX head taking the embedder's vectors")
    labels: Path | None = Field(None, description="labels.json next to a custom head")


class LlmSettings(_Section):
    path: Path | None = Field(None, description="any GGUF chat model; default SmolLM2-135M-Instruct Q4_1")
    context: int = Field(2048, ge=128, description="context window in tokens")
    threads: int = Field(0, ge=0, description="generation threads; 0 leaves one core free for speech and the screen")
    prompt_threads: int = Field(0, ge=0, description="prompt evaluation threads; 0 uses every core")
    gpu_layers: int = Field(0, ge=-1, description="layers offloaded to a GPU build of llama.cpp; -1 offloads all")
    mmap: bool = Field(
        False,
        description="map the model file instead of reading it in: its pages can be dropped under memory pressure, "
        "but a file truncated or overwritten in place while edge runs then kills the process (SIGBUS)",
    )
    max_tokens: int = Field(256, ge=1)
    temperature: float = Field(0.0, ge=0.0, le=2.0, description="0 is greedy and reproducible")
    top_p: float = Field(0.95, gt=0.0, le=1.0)
    repeat_penalty: float = Field(1.0, ge=1.0, description="for answers from documents, JSON and direct calls")
    chat_repeat_penalty: float = Field(
        1.1,
        ge=1.0,
        description="for open answers in chat: SmolLM2 looped in 16 of 120 public questions at 1.0, in 2 at 1.1",
    )
    seed: int = Field(0, description="fixed seed for reproducible sampling; -1 picks one at random")
    stuck_s: float = Field(
        120.0,
        gt=0.0,
        description="one evaluation inside llama.cpp (a prompt, or a token) taking longer is taken for stuck: the next "
        "request opens the model afresh instead of waiting for it",
    )
    system_prompt: str = "You are a helpful assistant running offline on the user's device. Answer briefly."


class TtsSettings(_Section):
    path: Path | None = Field(None, description="piper voice .onnx (its .onnx.json beside it)")
    threads: int = Field(0, ge=0, description="0 uses half the cores: it speaks while the LLM writes")
    spin: bool = Field(
        False,
        description="worker threads wait for work by spinning: first audio about 10% sooner, but they hold a core "
        "that the LLM writing at the same time would use; edge serve turns it on",
    )
    speaker: int | None = None
    length_scale: float | None = Field(None, gt=0.0, description="> 1 speaks slower")
    noise_scale: float | None = Field(None, ge=0.0, description="variation in the voice; 0 speaks a text the same way every time")
    noise_w_scale: float | None = Field(None, ge=0.0, description="variation in the rhythm; 0 keeps it the same every time")
    timeout_s: float = Field(30.0, gt=0.0, description="speech for one sentence taking longer is stopped; the text stands")


class VoiceSettings(_Section):
    mode: Literal["hands_free", "push_to_talk"] = Field(
        "hands_free", description="hands_free: the VAD finds each utterance; push_to_talk: a key starts and ends it"
    )
    speak: bool = Field(True, description="speak answers; False shows text only")
    partial_every_ms: int = Field(600, ge=100, description="re-transcribe this often while the user speaks")
    complete_silence_ms: int = Field(
        150, ge=0, description="silence that ends an utterance already heard as a whole skill command (hands-free)"
    )
    unfinished_silence_ms: int = Field(
        1000,
        ge=0,
        description="silence that ends an utterance heard stopping mid-phrase ('set a timer for', 'now...') or "
        "lacking what its skill needs ('set an alarm'); vad.min_silence_ms ends any other",
    )
    pre_roll_ms: int = Field(250, ge=0, description="audio kept from before speech started")
    max_utterance_s: float = Field(30.0, gt=1.0, description="an utterance this long ends even without a pause")
    barge_in: bool = Field(True, description="speech while the assistant talks stops it")
    max_sentences: int | None = Field(
        3, ge=1, description="a spoken answer from the LLM ends after this many sentences; a silent one has no budget"
    )
    barge_in_ms: int = Field(200, ge=32, description="speech needed to interrupt; higher ignores coughs and echo")
    first_chunk_words: int = Field(
        6, ge=0, description="speak the first clause once it has this many words, before its sentence ends; 0 waits"
    )
    input_device: str | int | None = Field(None, description="microphone name or index; None is the default")
    output_device: str | int | None = Field(None, description="speaker name or index; None is the default")


Route = Literal["skill", "clarify", "knowledge", "chat", "complex", "oos"]
ROUTES: tuple[Route, ...] = ("skill", "clarify", "knowledge", "chat", "complex", "oos")
SKILLS = ("timer", "time", "math", "notes", "status", "chance", "spell")
LlmRoute = Literal["knowledge", "chat", "complex"]
"""The routes an LLM answers: each has a chain of models and a cloud policy."""
LLM_ROUTES: tuple[LlmRoute, ...] = ("knowledge", "chat", "complex")
Tier = Literal["local", "larger", "cloud"]
"""The local LLM, the larger local GGUF of router.cascade.larger_llm (skipped when not set), and the cloud model
(used only when cloud.enabled and the route's cloud policy is not 'never')."""


def is_route(name: str) -> TypeGuard[Route]:
    return name in ROUTES


def is_llm_route(route: str) -> TypeGuard[LlmRoute]:
    return route in LLM_ROUTES


def _default_chains() -> dict[LlmRoute, list[Tier]]:
    return {"knowledge": ["local", "larger"], "chat": ["local", "larger"], "complex": ["larger", "local"]}


def _default_intents() -> dict[str, str]:
    return {
        "timer": "skill:timer",
        "time": "skill:time",
        "math": "skill:math",
        "notes": "skill:notes",
        "status": "skill:status",
        "chance": "skill:chance",
        "spell": "skill:spell",
        "knowledge": "knowledge",
        "chat": "chat",
        "complex": "complex",
        "weather": "oos",
        "device": "oos",
        "unsupported": "oos",
    }


FactPolicy = Literal["decline", "hedge", "answer"]


class CascadeSettings(_Section):
    larger_llm: Path | None = Field(None, description="a bigger local GGUF the cascade escalates to (e.g. Qwen2.5-1.5B-Instruct)")
    min_confidence: float = Field(
        0.45, ge=0.0, le=1.0, description="answers with a lower geometric-mean token probability escalate to the next model"
    )


class RouterSettings(_Section):
    intents: dict[str, str] = Field(
        default_factory=_default_intents,
        description="intent -> route: 'skill:NAME', 'knowledge', 'chat', 'complex' or 'oos'",
    )
    templates: bool = Field(True, description="exact template matches short-cut the classifier and fill the skill's slots")
    min_confidence: float = Field(
        0.35, ge=0.0, le=1.0, description="a classifier confidence below this takes low_confidence_route"
    )
    low_confidence_route: Route = "oos"
    unparsed_skill_route: Route = Field(
        "clarify",
        description="where a request goes when its skill cannot parse it: 'clarify' asks for what is missing",
    )
    confident_skill: float = Field(
        0.9, ge=0.0, le=1.0, description="a skill command classified this surely is never taken over by the documents"
    )
    documents_similarity: float = Field(
        0.45,
        ge=0.0,
        le=1.0,
        description="a request that is not a confident skill command goes to the knowledge route when a chunk is this similar",
    )
    documents_words: float = Field(
        2.0,
        ge=0.0,
        description="such a request also goes to the knowledge route when a somewhat similar chunk holds this many of "
        "its rare words (a word that only one chunk has counts 1); a request a skill could parse needs documents_similarity",
    )
    chains: dict[LlmRoute, list[Tier]] = Field(
        default_factory=_default_chains,
        description="models per LLM route, in order: a failing one is skipped, an unsure answer escalates to the next",
    )
    retries: int = Field(1, ge=0, le=5, description="retries per handler in a fallback chain")
    timeout_s: float = Field(60.0, gt=0.0, description="per-call timeout in a fallback chain")
    breaker_failures: int = Field(3, ge=1, description="consecutive failures that open a handler's circuit breaker")
    breaker_reset_s: float = Field(30.0, gt=0.0, description="seconds before an open breaker lets one trial call through")
    cascade: CascadeSettings = Field(default_factory=CascadeSettings)
    fact_questions: FactPolicy = Field(
        "decline",
        description="a question for a time, date, number, name or place that no skill or document answers: the local "
        "models 'decline' it (the cloud may still answer), 'hedge' their guess, or 'answer' it plainly",
    )

    @field_validator("intents")
    @classmethod
    def _known_routes(cls, intents: dict[str, str]) -> dict[str, str]:
        """Entries given in the config replace the defaults one by one."""
        intents = {**_default_intents(), **intents}
        for intent, target in intents.items():
            route, _, skill = target.partition(":")
            if not is_route(route) or route == "clarify" or (route == "skill") != bool(skill) or (skill and skill not in SKILLS):
                raise ValueError(
                    f"intent '{intent}' maps to '{target}'; use 'skill:' + one of {', '.join(SKILLS)}, "
                    "or knowledge, chat, complex, oos"
                )
        return intents

    @field_validator("low_confidence_route", "unparsed_skill_route")
    @classmethod
    def _no_skill_to_run(cls, route: Route, info: ValidationInfo) -> Route:
        """Neither has a parsed skill request to run, and an unsure request names no skill to ask about."""
        if route == "skill" or (route == "clarify" and info.field_name == "low_confidence_route"):
            raise ValueError(f"{info.field_name} cannot be '{route}'; use knowledge, chat, complex or oos")
        return route


class Budget(_Section):
    monthly_usd: float | None = Field(None, ge=0.0, description="stop using priced models past this spend per month")


class Price(_Section):
    input_per_mtok: float = Field(0.0, ge=0.0, description="USD per million prompt tokens")
    output_per_mtok: float = Field(0.0, ge=0.0, description="USD per million completion tokens")


class MeteringSettings(_Section):
    prices: dict[str, Price] = Field(default_factory=dict, description="model id -> price; local models cost nothing")
    budget: Budget = Field(default_factory=Budget)


class KnowledgeSettings(_Section):
    chunk_tokens: int = Field(200, ge=32, description="longest chunk in word pieces, its heading included")
    overlap_tokens: int = Field(40, ge=0, description="trailing sentences repeated at the start of the next chunk")
    mode: Literal["dense", "bm25", "hybrid"] = Field("hybrid", description="how the knowledge route searches")
    top_k: int = Field(4, ge=1, le=20, description="chunks given to the LLM to answer from")
    answer: Literal["auto", "extract", "llm"] = Field(
        "extract",
        description="extract: the answering sentence is quoted; auto: the LLM rephrases it; llm: the LLM reads the chunks",
    )
    min_similarity: float = Field(
        0.3, ge=0.0, le=1.0, description="best chunk's cosine similarity below which the answer is 'not in your documents'"
    )
    candidates: int = Field(100, ge=10, description="results each retriever hands to the fusion")
    hybrid_dense_weight: float = Field(0.5, ge=0.0, le=1.0, description="weight of meaning against words in hybrid search")
    oversample: int = Field(30, ge=1, description="candidates per result kept by the bit scan for re-scoring")
    embedding_cache_entries: int = Field(10_000, ge=0, description="query vectors kept for repeated searches")


class CacheSettings(_Section):
    enabled: bool = True
    similarity: float = Field(
        0.8,
        ge=0.0,
        le=1.0,
        description="cosine similarity from which a question counts as asked before (calibrated by scripts/calibrate_cache.py)",
    )
    ttl_s: float = Field(7 * 86400, gt=0.0, description="seconds an answer is served from the cache")
    max_entries: int = Field(10_000, ge=1)


class MemorySettings(_Section):
    turns: int = Field(6, ge=0, description="previous turns of the conversation given to the LLM")
    idle_minutes: float = Field(30.0, gt=0.0, description="older turns are kept but no longer given to the LLM")
    prefill: bool = Field(
        True, description="after each turn, the local LLM evaluates the history the next request will start with"
    )


Consent = Literal["never", "ask", "always"]


def _default_policy() -> dict[LlmRoute, Consent]:
    return {"knowledge": "never", "chat": "ask", "complex": "ask"}


PII_TYPES = (
    "PERSON",
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "CREDIT_CARD",
    "US_SSN",
    "IBAN_CODE",
    "IP_ADDRESS",
    "URL",
    "LOCATION",
    "DATE_TIME",
    "DENY_LIST",
)
"""Entity types edge detects, named as Presidio names them; DENY_LIST marks the user's own terms and patterns."""


PHONE_REGIONS = ("US", "GB", "DE", "FR", "IN", "AU", "CA")
"""The countries whose national phone formats are recognised unless privacy.phone_regions says otherwise."""


class PrivacySettings(_Section):
    entities: list[str] = Field(default_factory=lambda: list(PII_TYPES), description="entity types detected and masked")
    min_score: float = Field(0.4, ge=0.0, le=1.0, description="detections scoring lower are not masked")
    deny_terms: list[str] = Field(default_factory=list, description="words or phrases always masked, case-insensitive")
    deny_patterns: list[str] = Field(default_factory=list, description="regular expressions always masked")
    allow_terms: list[str] = Field(default_factory=list, description="words never masked (e.g. your product's name)")
    phone_regions: list[str] = Field(
        default_factory=lambda: list(PHONE_REGIONS),
        description="countries whose national phone formats are recognised; international +NN numbers always are",
    )

    @field_validator("entities")
    @classmethod
    def _known_entities(cls, entities: list[str]) -> list[str]:
        unknown = sorted(set(entities) - set(PII_TYPES))
        if unknown:
            raise ValueError(f"unknown entity types {unknown}; use any of {', '.join(PII_TYPES)}")
        return entities

    @field_validator("deny_patterns")
    @classmethod
    def _valid_patterns(cls, patterns: list[str]) -> list[str]:
        import re

        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"deny pattern {pattern!r} is not a valid regular expression: {exc}") from None
        return patterns


class CloudSettings(_Section):
    """Escalation to a cloud model: off unless enabled, and then only what the policy allows, masked."""

    enabled: bool = Field(False, description="False: nothing ever leaves the device")
    provider: Literal["openai", "anthropic"] = Field("openai", description="'openai' covers any OpenAI-compatible server")
    endpoint: str = Field("https://api.openai.com/v1", description="base URL; the API path is appended")
    model: str = "gpt-4o-mini"
    api_key_env: str | None = Field(
        None, description="environment variable with the key; default OPENAI_API_KEY / ANTHROPIC_API_KEY"
    )
    keyring_service: str = Field("edge", description="system keyring service consulted when the variable is unset")
    policy: dict[LlmRoute, Consent] = Field(
        default_factory=_default_policy,
        description="per route: never send, ask the user each time, or always send (masked)",
    )
    never_send: list[str] = Field(
        default_factory=lambda: ["CREDIT_CARD", "US_SSN", "IBAN_CODE"],
        description="entity types whose presence keeps a request on the device, even masked",
    )
    allowed_hosts: list[str] = Field(
        default_factory=lambda: ["api.openai.com", "api.anthropic.com"],
        description="hosts a request may go to; the endpoint's host must be one of them",
    )
    max_payload_bytes: int = Field(32_000, ge=256, description="larger requests are not sent")
    max_tokens: int = Field(512, ge=1)
    temperature: float = Field(0.3, ge=0.0, le=2.0)
    timeout_s: float = Field(30.0, gt=0.0, description="per request, connect included")
    retries: int = Field(2, ge=0, le=5, description="retries of a failed request, with backoff and jitter")
    breaker_failures: int = Field(3, ge=1)
    breaker_reset_s: float = Field(60.0, gt=0.0)

    def policy_for(self, route: str) -> Consent:
        """'never' for a route no LLM answers (skill, oos)."""
        return self.policy.get(route, "never") if is_llm_route(route) else "never"


class RetentionSettings(_Section):
    """How long the records that grow with use are kept; pruned a batch at a time while edge runs."""

    decisions_days: float = Field(90.0, gt=0.0, description="routing decisions (hashes, routes, latency) are kept this long")
    decisions_rows: int = Field(100_000, ge=1, description="and at most this many, the oldest dropped first")
    usage_months: int = Field(24, ge=1, description="months of per-model calls, tokens and cost")
    dead_letters_days: float = Field(90.0, gt=0.0, description="requests that every handler failed")
    dead_letters_rows: int = Field(10_000, ge=1)
    memory_days: float = Field(90.0, gt=0.0, description="conversation turns")
    memory_rows: int = Field(50_000, ge=1)
    timers_days: float = Field(30.0, gt=0.0, description="timers and alarms that have fired or were cancelled")
    audit_days: float = Field(365.0, gt=0.0, description="the knowledge base's change log and what retention removed")
    egress_days: float = Field(
        365.0, gt=0.0, description="the record of what left the device: kept this long, never cut by count"
    )
    interval_s: float = Field(600.0, gt=0.0, description="seconds between pruning passes while edge runs")
    batch_rows: int = Field(500, ge=1, description="rows deleted per transaction, so no writer waits long")


class StoreSettings(_Section):
    path: Path | None = Field(None, description="the SQLite file; default: data_dir/edge.db")
    retention: RetentionSettings = Field(default_factory=RetentionSettings)


class WyomingService(_Section):
    enabled: bool = True
    host: str = Field("127.0.0.1", description="address; the protocol has no authentication, so others log a warning")
    port: int = Field(..., ge=0, le=65535, description="0 picks a free one and prints it")


class ServeSettings(_Section):
    host: str = Field("127.0.0.1", description="address the HTTP API listens on; any other than loopback needs api_keys")
    port: int = Field(8088, ge=0, le=65535, description="the HTTP API's port; 0 picks a free one and prints it")
    api_keys: list[str] = Field(
        default_factory=list,
        description="keys accepted as 'Authorization: Bearer KEY' (or EDGE_SERVE__API_KEYS); once set, every request needs one",
    )
    max_body_bytes: int = Field(25_000_000, ge=1024, description="larger request bodies are refused with 413")
    queue: int = Field(8, ge=1, description="requests one engine takes at once, running or waiting; past it: 429")
    cors_origins: list[str] = Field(
        default_factory=list, description="web origins allowed to call the HTTP API from a browser; empty allows none"
    )
    wyoming_asr: WyomingService = Field(
        default_factory=lambda: WyomingService(port=10300), description="Wyoming speech to text, as wyoming-faster-whisper"
    )
    wyoming_tts: WyomingService = Field(
        default_factory=lambda: WyomingService(port=10200), description="Wyoming text to speech, as wyoming-piper"
    )
    wyoming_handle: WyomingService = Field(
        default_factory=lambda: WyomingService(port=10600), description="Wyoming conversation agent: requests to the router"
    )
    wyoming_clients: list[str] = Field(
        default_factory=list, description="client addresses allowed to connect to the Wyoming servers; empty allows any"
    )


class Settings(_Section):
    """Everything edge reads from configuration, validated with unknown keys refused."""

    data_dir: Path = Field(default_factory=default_data_dir, description="verification cache, joined models")
    roles: list[Role] = Field(default_factory=lambda: list(ROLES), description="roles the runtime manages")
    preload: bool = Field(True, description="load every role in parallel on start; False loads on first use")
    max_text_chars: int = Field(100_000, ge=1, description="longest text accepted by any engine")
    malloc_arenas: int = Field(
        2,
        ge=0,
        description="glibc malloc arenas for the process (see edge/allocator.py): a few keep a long-running process "
        "from growing by fragmentation; 0 leaves glibc's default; MALLOC_ARENA_MAX, when set, wins",
    )
    vad: VadSettings = Field(default_factory=VadSettings)
    stt: SttSettings = Field(default_factory=SttSettings)
    embedder: EmbedderSettings = Field(default_factory=EmbedderSettings)
    classifier: ClassifierSettings = Field(default_factory=ClassifierSettings)
    llm: LlmSettings = Field(default_factory=LlmSettings)
    tts: TtsSettings = Field(default_factory=TtsSettings)
    voice: VoiceSettings = Field(default_factory=VoiceSettings)
    router: RouterSettings = Field(default_factory=RouterSettings)
    metering: MeteringSettings = Field(default_factory=MeteringSettings)
    store: StoreSettings = Field(default_factory=StoreSettings)
    knowledge: KnowledgeSettings = Field(default_factory=KnowledgeSettings)
    cache: CacheSettings = Field(default_factory=CacheSettings)
    memory: MemorySettings = Field(default_factory=MemorySettings)
    privacy: PrivacySettings = Field(default_factory=PrivacySettings)
    cloud: CloudSettings = Field(default_factory=CloudSettings)
    serve: ServeSettings = Field(default_factory=ServeSettings)

    @property
    def store_path(self) -> Path:
        return self.store.path or self.data_dir / "edge.db"


RETIRED: dict[tuple[str, str], str] = {
    ("knowledge", "chat_similarity"): "router.documents_similarity and router.documents_words now decide for every request",
}
"""Settings an earlier edge had: a config that still sets one loads, with a warning naming what replaced it."""


class RetiredSetting(UserWarning):
    pass


def load_settings(
    config: str | Path | None = None,
    env: Mapping[str, str] | None = None,
    **overrides: Any,
) -> Settings:
    """Read the TOML file, then the EDGE_* environment, then ``overrides`` (nested dicts)."""
    env = os.environ if env is None else env
    path = _config_path(config, env)
    merged: dict[str, Any] = _read_toml(path) if path else {}
    source = str(path) if path else "settings"
    env_values = _from_env(env)
    if env_values:
        source = f"{source} + EDGE_* environment" if path else "EDGE_* environment"
    _deep_merge(merged, env_values)
    _deep_merge(merged, overrides)
    _drop_retired(merged, source)
    try:
        return Settings.model_validate(merged)
    except ValidationError as exc:
        raise _config_error(exc, source) from None


def _drop_retired(values: dict[str, Any], source: str) -> None:
    for (section, key), instead in RETIRED.items():
        table = values.get(section)
        if isinstance(table, dict) and key in table:
            del table[key]
            warnings.warn(f"{source}: '{section}.{key}' is retired and ignored: {instead}", RetiredSetting, stacklevel=3)


def _config_path(config: str | Path | None, env: Mapping[str, str]) -> Path | None:
    explicit = config or env.get(f"{ENV_PREFIX}CONFIG")
    if explicit:
        path = Path(explicit).expanduser()
        if not path.is_file():
            raise ConfigError(f"config file {path} does not exist", "create it or pass an existing file to --config")
        return path
    default = default_config_path()
    return default if default.is_file() else None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML ({exc})", f"correct the syntax in {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"config file {path} cannot be read ({exc})", f"check the permissions of {path}") from None


def _from_env(env: Mapping[str, str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, raw in env.items():
        if not name.startswith(ENV_PREFIX) or name in NOT_SETTINGS:
            continue
        keys = name[len(ENV_PREFIX) :].lower().split("__")
        node = values
        for key in keys[:-1]:
            node = node.setdefault(key, {})
        node[keys[-1]] = _env_value(raw)
    return values


def _env_value(raw: str) -> Any:
    if raw.startswith("["):
        try:
            return json.loads(raw)
        except json.JSONDecodeError:
            return raw
    return raw


def _deep_merge(into: dict[str, Any], new: Mapping[str, Any]) -> None:
    for key, value in new.items():
        if isinstance(value, Mapping) and isinstance(into.get(key), dict):
            _deep_merge(into[key], value)
        else:
            into[key] = dict(value) if isinstance(value, Mapping) else value


def _config_error(exc: ValidationError, source: str) -> ConfigError:
    first = exc.errors()[0]
    key = ".".join(str(part) for part in first["loc"])
    if first["type"] == "extra_forbidden":
        message = f"{source}: unknown key '{key}'"
        fix = f"remove '{key}' or correct its spelling (see the settings reference in README.md)"
    else:
        message = f"{source}: {key}: {first['msg']} (got {first.get('input')!r})"
        fix = f"set '{key}' to a valid value or remove it to use the default"
    more = exc.error_count() - 1
    if more:
        message += f" (and {more} more)"
    return ConfigError(message, fix)
