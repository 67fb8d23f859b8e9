"""Sentence embeddings with an int8 ONNX encoder (all-MiniLM-L6-v2 by default) and `tokenizers`."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from edge.engines.base import Engine
from edge.engines.onnx import open_session, run_within
from edge.errors import ModelFileError
from edge.models import ResolvedModel

if TYPE_CHECKING:
    from onnxruntime import InferenceSession
    from tokenizers import Encoding, Tokenizer

INPUTS = {"input_ids", "attention_mask"}


@dataclass
class EmbedderModel:
    session: InferenceSession
    """Batches, on ``embedder.threads`` threads."""
    single: InferenceSession
    """One text at a time on one thread: a request's few word pieces gain nothing from more threads and wait for
    them whenever another model is busy (13 against 37 ms p50 on a loaded 2-core machine)."""
    tokenizer: Tokenizer
    dim: int
    input_names: tuple[str, ...]


class Embedder(Engine[EmbedderModel]):
    role = "embedder"
    libraries = ("onnxruntime", "tokenizers")

    def _open(self, info: ResolvedModel) -> EmbedderModel:
        from tokenizers import Tokenizer

        model_path = info.files["model"]
        tokenizer_path = info.files.get("tokenizer") or self.settings.embedder.tokenizer or model_path.with_name("tokenizer.json")
        session = open_session(model_path, self.role, self.settings.embedder.threads)
        single = session if self.settings.embedder.threads == 1 else open_session(model_path, self.role, 1)
        names = tuple(i.name for i in session.get_inputs())
        outputs = session.get_outputs()
        if not INPUTS <= set(names) or not set(names) <= INPUTS | {"token_type_ids"} or len(outputs[0].shape) != 2:
            raise ModelFileError(
                f"embedder model {model_path} has inputs {list(names)} and output shape {outputs[0].shape}",
                "edge needs inputs input_ids and attention_mask (token_type_ids optional) and a pooled [batch, dim] output",
            )
        if not Path(tokenizer_path).is_file():
            raise ModelFileError(
                f"embedder tokenizer {tokenizer_path} is missing", "set embedder.tokenizer to its tokenizer.json"
            )
        try:
            tokenizer = Tokenizer.from_file(str(tokenizer_path))
        except Exception as exc:
            raise ModelFileError(
                f"embedder tokenizer {tokenizer_path} cannot be read ({exc})", "set embedder.tokenizer to a valid tokenizer.json"
            ) from None
        tokenizer.enable_truncation(self.settings.embedder.max_tokens)
        tokenizer.no_padding()
        return EmbedderModel(session, single, tokenizer, int(outputs[0].shape[-1]), names)

    _untruncated: Tokenizer | None = None

    def _warmup(self) -> None:
        self.embed(["warm up"])

    @property
    def dim(self) -> int:
        return self.model.dim

    def count_tokens(self, text: str) -> int:
        """Word pieces in ``text``, without the special tokens and without truncation."""
        return len(self._counter().encode(text, add_special_tokens=False).ids)

    def count_tokens_batch(self, texts: Sequence[str]) -> list[int]:
        return [len(e.ids) for e in self._counter().encode_batch(list(texts), add_special_tokens=False)]

    def _counter(self) -> Tokenizer:
        if self._untruncated is None:
            tokenizer = copy.deepcopy(self.model.tokenizer)
            tokenizer.no_truncation()
            self._untruncated = tokenizer
        return self._untruncated

    def embed(self, texts: Sequence[str], batch_size: int | None = None) -> np.ndarray:
        """L2-normalised float32 vectors, one row per text, in the order given.

        Texts are batched by token length, so a batch pads little.
        """
        if isinstance(texts, str):
            texts = [texts]
        texts = [self._check_text(t) for t in texts]
        batch_size = batch_size or self.settings.embedder.batch_size
        with self._call() as model:
            timeout_s = self.settings.embedder.timeout_s
            if len(texts) == 1:
                return _run(model.single, model, [model.tokenizer.encode(texts[0])], timeout_s)
            encodings = model.tokenizer.encode_batch(texts)
            order = np.argsort([len(e.ids) for e in encodings], kind="stable")
            out = np.empty((len(texts), model.dim), dtype=np.float32)
            for start in range(0, len(order), batch_size):
                rows = order[start : start + batch_size]
                out[rows] = _run(model.session, model, [encodings[i] for i in rows], timeout_s)
            return out


def _run(session: InferenceSession, model: EmbedderModel, encodings: list[Encoding], timeout_s: float) -> np.ndarray:
    width = max(len(e.ids) for e in encodings)
    ids = np.zeros((len(encodings), width), dtype=np.int64)
    mask = np.zeros_like(ids)
    for row, enc in enumerate(encodings):
        ids[row, : len(enc.ids)] = enc.ids
        mask[row, : len(enc.ids)] = 1
    feeds = {"input_ids": ids, "attention_mask": mask}
    if "token_type_ids" in model.input_names:
        feeds["token_type_ids"] = np.zeros_like(ids)
    return run_within(session, None, feeds, timeout_s, "embedder")[0]
