"""Routing that knows the documents: do questions about them reach the knowledge route, and do commands still
reach their skills?

    .venv/bin/python scripts/bench_document_routing.py [--set xquad_en|squad2_dev_slice] [--out FILE.json]

The paragraphs of a reading-comprehension set (qa/ in the evaluation data, EDGE_EVAL_DIR) become one document each;
every answerable question about them is decided by the gateway. Reported: the share that reaches ``knowledge``, by
what (the classifier, or the documents overriding it), and the decision's latency. Beside them, everyday skill
commands must still reach their skills. No threshold was tuned on these sets.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np

from edge.evaluation import eval_dir

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = {
    "set a timer for 5 minutes": "timer",
    "buzz me when 45 minutes are up": "timer",
    "wake me up at 7 tomorrow": "timer",
    "what time is it": "time",
    "what's the date today": "time",
    "what's 15 percent of 80": "math",
    "what is 12 times 7": "math",
    "add milk to my shopping list": "notes",
    "remind me to call mum at 6": "notes",
    "what's on my shopping list": "notes",
    "how much memory are you using": "status",
    "are you running offline": "status",
}
TARGET_SHARE = 0.95
TARGET_P95_MS = 15.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="xquad_en", choices=["xquad_en", "squad2_dev_slice"])
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results" / "document-routing.json")
    args = parser.parse_args()
    source = eval_dir() / "qa" / f"{args.set}.json"
    if not source.is_file():
        print(f"{source} is absent: set EDGE_EVAL_DIR to the evaluation data", file=sys.stderr)
        return 1

    from edge.router import Router

    data = json.loads(source.read_text())["data"]
    paragraphs = [p for article in data for p in article["paragraphs"]]
    questions = [q["question"] for p in paragraphs for q in p["qas"] if not q.get("is_impossible") and q["answers"]]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "documents"
        folder.mkdir()
        for number, paragraph in enumerate(paragraphs):
            (folder / f"paragraph-{number:04}.txt").write_text(paragraph["context"])
        with Router(data_dir=Path(tmp) / "data", cache={"enabled": False}) as router:
            report = router.knowledge.add([folder])
            for text in questions[:20]:
                router.decide(text)
            decisions = [router.decide(text) for text in questions]
            commands = {text: router.decide(text) for text in COMMANDS}
    reached = [d for d in decisions if d.route == "knowledge"]
    latency = np.asarray([d.latency_ms for d in decisions])
    result = {
        "set": args.set,
        "documents": len(paragraphs),
        "chunks": report.chunks,
        "questions": len(questions),
        "knowledge_share": round(len(reached) / len(questions), 4),
        "knowledge_by": dict(Counter(d.matched_by for d in reached)),
        "elsewhere": dict(Counter(d.route for d in decisions if d.route != "knowledge")),
        "decide_ms": {f"p{q}": round(float(np.percentile(latency, q)), 2) for q in (50, 95, 99)},
        "commands_to_their_skill": sum(commands[t].skill == skill for t, skill in COMMANDS.items()),
        "commands_missed": {t: f"{d.route}:{d.skill or d.intent}" for t, d in commands.items() if d.skill != COMMANDS[t]},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    share, p95 = result["knowledge_share"], result["decide_ms"]["p95"]
    print(f"{args.set}: {len(paragraphs)} documents, {report.chunks} chunks, {len(questions)} answerable questions")
    print(f"reach knowledge: {share:.3f} (target {TARGET_SHARE}); by {result['knowledge_by']}; elsewhere {result['elsewhere']}")
    print(f"decision latency p50 {result['decide_ms']['p50']} ms, p95 {p95} ms (target {TARGET_P95_MS} ms with 10k chunks)")
    print(
        f"skill commands reaching their skill: {result['commands_to_their_skill']} of {len(COMMANDS)} {result['commands_missed']}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
