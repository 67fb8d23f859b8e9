"""Answers from documents: right, grounded, or honestly "not in your documents".

    .venv/bin/python scripts/bench_document_qa.py [--answerable 120] [--unanswerable 80] [--modes auto,extract,llm]
        [--split held-back|tune|all] [--out FILE.json]

The 134 paragraphs of the SQuAD 2.0 dev slice (qa/squad2_dev_slice.json in the evaluation data, EDGE_EVAL_DIR)
become one document each; questions about them are asked through the whole answer path (``Router.ask``: the
gateway, retrieval, the extractive reader and the LLM with its grounding check), once per ``knowledge.answer``
mode: ``extract`` (the reader alone, the shipped default), ``auto`` (the reader, the LLM rephrasing) and ``llm``
(the LLM alone, its answer checked, the quoted sentence when it fails).

Reported per mode:
- answerable questions whose answer contains a gold answer (SQuAD's normalisation: lower case, no punctuation or
  articles); target >= 0.75;
- answers stating a value (time, date, number, amount) that none of their sources states; target 0;
- unanswerable questions answered "not in your documents"; target >= 0.7.

Questions are split by article: Computational_complexity_theory and Southern_California were used to tune the
reader's thresholds, Sky_(United_Kingdom) and Victoria_(Australia) are held back and are what the README reports.
``--split xquad`` asks answerable questions of another collection instead, never looked at while the reader was
built: the paragraphs of XQuAD English's 43 other articles (qa/xquad_en.json; it has no unanswerable questions).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import string
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from edge.evaluation import eval_dir

ROOT = Path(__file__).resolve().parent.parent
TUNE = ("Computational_complexity_theory", "Southern_California")
HELD_BACK = ("Sky_(United_Kingdom)", "Victoria_(Australia)")
TARGET_GOLD = 0.75
TARGET_UNANSWERABLE = 0.7
MODES = ("auto", "extract", "llm")


@dataclass(frozen=True)
class Question:
    article: str
    text: str
    answers: tuple[str, ...]
    """Empty for an unanswerable question."""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answerable", type=int, default=120, help="answerable questions asked (per split)")
    parser.add_argument("--unanswerable", type=int, default=80, help="unanswerable questions asked (per split)")
    parser.add_argument("--modes", default=",".join(MODES), help="knowledge.answer modes to measure")
    parser.add_argument("--split", default="held-back", choices=["held-back", "tune", "all", "xquad"])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show", action="store_true", help="print every question with its answer")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results" / "document-qa.json")
    args = parser.parse_args()
    source = eval_dir() / "qa" / ("xquad_en.json" if args.split == "xquad" else "squad2_dev_slice.json")
    if not source.is_file():
        print(f"{source} is absent: set EDGE_EVAL_DIR to the evaluation data", file=sys.stderr)
        return 1
    articles = json.loads(source.read_text())["data"]
    if args.split == "xquad":
        articles = [a for a in articles if a["title"] not in TUNE + HELD_BACK]
    wanted = {"held-back": HELD_BACK, "tune": TUNE, "all": TUNE + HELD_BACK}.get(args.split, [a["title"] for a in articles])
    questions = sample(articles, wanted, args.answerable, args.unanswerable, random.Random(args.seed))
    paragraphs = [p["context"] for a in articles for p in a["paragraphs"]]
    modes = [m for m in args.modes.split(",") if m]
    results = {"split": args.split, "documents": len(paragraphs), "modes": {}}
    for mode in modes:
        results["modes"][mode] = run(mode, paragraphs, questions, args.show)
        report(mode, results["modes"][mode])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    return 0


def sample(articles: list[dict], titles: Sequence[str], answerable: int, unanswerable: int, rng: random.Random) -> list[Question]:
    pool = [
        Question(a["title"], q["question"], tuple(x["text"] for x in q["answers"]))
        for a in articles
        if a["title"] in titles
        for p in a["paragraphs"]
        for q in p["qas"]
    ]
    yes = [q for q in pool if q.answers]
    no = [q for q in pool if not q.answers]
    return rng.sample(yes, min(answerable, len(yes))) + rng.sample(no, min(unanswerable, len(no)))


def run(mode: str, paragraphs: list[str], questions: list[Question], show: bool) -> dict:
    from edge.router import Handled, Router
    from edge.router.grounding import NOT_IN_DOCUMENTS
    from edge.router.values import uncarried
    from edge.store.database import Database

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "documents"
        folder.mkdir()
        for number, text in enumerate(paragraphs):
            (folder / f"paragraph-{number:04}.txt").write_text(text)
        settings = dict(data_dir=tmp, cache={"enabled": False}, knowledge={"answer": mode})
        with Router(db=Database(Path(tmp) / "edge.db"), roles=["embedder", "classifier", "llm"], **settings) as router:
            router.knowledge.add([folder])
            for question in questions:
                start = time.perf_counter()
                reply = router.ask(question.text)
                sources = [Path(c.source).read_text() for c in reply.citations]
                rows.append(
                    {
                        "question": question.text,
                        "gold": list(question.answers),
                        "answer": reply.text,
                        "handler": reply.label,
                        "route": reply.decision.route,
                        "declined": reply.text == NOT_IN_DOCUMENTS or reply.handler is Handled.DOCUMENTS and not reply.citations,
                        "contains_gold": any(normalize(g) in normalize(reply.text) for g in question.answers),
                        "uncarried": [v.text for v in uncarried(reply.text, sources)] if sources else [],
                        "ms": round((time.perf_counter() - start) * 1000, 1),
                    }
                )
                if show:
                    row = rows[-1]
                    print(f"[{mode}] {question.text} | gold {row['gold'][:1]} | {row['handler']}: {row['answer'][:160]}")
    answerable = [r for r in rows if r["gold"]]
    unanswerable = [r for r in rows if not r["gold"]]
    answered = [r for r in rows if not r["declined"]]
    return {
        "answerable": len(answerable),
        "unanswerable": len(unanswerable),
        "contains_gold": share(r["contains_gold"] for r in answerable),
        "declined_when_answerable": share(r["declined"] for r in answerable),
        "with_uncarried_value": share(bool(r["uncarried"]) for r in answered),
        "uncarried_examples": [f"{r['answer'][:120]} {r['uncarried']}" for r in answered if r["uncarried"]][:10],
        "unanswerable_declined": share(r["declined"] for r in unanswerable),
        "median_ms": sorted(r["ms"] for r in rows)[len(rows) // 2],
        "by_handler": {h: sum(r["handler"] == h for r in rows) for h in sorted({r["handler"] for r in rows})},
        "rows": rows,
    }


def share(flags) -> float:
    flags = list(flags)
    return round(sum(flags) / len(flags), 4) if flags else 0.0


def normalize(text: str) -> str:
    """SQuAD's answer normalisation."""
    text = "".join(c for c in text.lower() if c not in string.punctuation)
    return " ".join(re.sub(r"\b(a|an|the)\b", " ", text).split())


def report(mode: str, r: dict) -> None:
    print(
        f"{mode:8} contains gold {r['contains_gold']:.3f} of {r['answerable']} (target {TARGET_GOLD}), "
        f"declined when answerable {r['declined_when_answerable']:.3f}; "
        f"unanswerable declined {r['unanswerable_declined']:.3f} of {r['unanswerable']} (target {TARGET_UNANSWERABLE}); "
        f"answers with a value not in their sources {r['with_uncarried_value']:.3f} (target 0); "
        f"median {r['median_ms']} ms; {r['by_handler']}"
    )
    for example in r["uncarried_examples"]:
        print(f"  uncarried: {example}")


if __name__ == "__main__":
    sys.exit(main())
