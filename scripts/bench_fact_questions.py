"""Fact questions no skill or document answers: does the local LLM guess, and can its confidence tell?

    .venv/bin/python scripts/bench_fact_questions.py [--per-article 8] [--requests 120] [--out FILE.json]

Public data edge did not write (EDGE_EVAL_DIR): XQuAD English questions asked without their paragraph (a sample per
article), and as requests that are not fact questions, CLINC150 small-talk test queries and out-of-scope ones. Each
is asked through ``Router.ask`` with ``router.fact_questions`` "answer" (the LLM says what it thinks) and "decline"
(the default). Reported:

- answer: XQuAD answers the LLM gave, the share holding the gold answer, and how well its confidence (the geometric
  mean of its tokens' probabilities) ranks right answers above wrong ones (AUROC; 0.5 is chance);
- decline: the XQuAD questions declined and how many of them the LLM would have answered right, the wrong answers
  still said; the small-talk and out-of-scope requests declined (they should not be).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from pathlib import Path

from edge.evaluation import eval_dir

ROOT = Path(__file__).resolve().parent.parent
SMALL_TALK = (
    "meaning_of_life fun_fact where_are_you_from who_made_you thank_you do_you_have_pets goodbye greeting "
    "what_is_your_name are_you_a_bot tell_joke how_old_are_you"
).split()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-article", type=int, default=8, help="XQuAD questions per article")
    parser.add_argument("--requests", type=int, default=120, help="small-talk and out-of-scope requests, each")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results" / "fact-questions.json")
    args = parser.parse_args()
    items = requests(args.per_article, args.requests, random.Random(args.seed))
    if items is None:
        print(f"the evaluation data is absent under {eval_dir()}: set EDGE_EVAL_DIR", file=sys.stderr)
        return 1

    from edge.router import Router
    from edge.store.database import Database

    with tempfile.TemporaryDirectory() as tmp:
        common = {"data_dir": tmp, "cache": {"enabled": False}}
        for policy in ("answer", "decline"):
            with Router(db=Database(Path(tmp) / f"{policy}.db"), router={"fact_questions": policy}, **common) as router:
                for item in items:
                    reply = router.ask(item["question"])
                    item[policy] = {"text": reply.text, "handler": reply.handler.value, "confidence": reply.confidence}
    result = summary(items)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({**result, "rows": items}, indent=2) + "\n")
    answer, decline = result["answer"], result["decline"]
    print(
        f"answer  XQuAD: {answer['answers']} LLM answers, {answer['right']} hold the gold ({answer['right_share']:.3f}); "
        f"confidence AUROC right vs wrong {answer['confidence_auroc']}"
    )
    print(
        f"decline XQuAD: {decline['declined']} of {answer['answers']} declined, {decline['declined_right']} of them "
        f"answered right under 'answer'; {decline['wrong_said']} wrong answers still said"
    )
    for kind in ("small talk", "out of scope"):
        d = decline[kind]
        print(f"decline {kind}: {d['declined']} of {d['llm']} LLM requests declined")
    return 0


def requests(per_article: int, count: int, rng: random.Random) -> list[dict] | None:
    xquad = eval_dir() / "qa" / "xquad_en.json"
    clinc = eval_dir() / "intent" / "clinc150_data_full.json"
    if not (xquad.is_file() and clinc.is_file()):
        return None
    items = []
    for article in json.loads(xquad.read_text())["data"]:
        questions = [q for p in article["paragraphs"] for q in p["qas"]]
        for q in rng.sample(questions, min(per_article, len(questions))):
            items.append({"set": "xquad", "question": q["question"], "gold": [a["text"] for a in q["answers"]]})
    data = json.loads(clinc.read_text())
    talk = [text for text, intent in data["test"] if intent in SMALL_TALK]
    items += [{"set": "small talk", "question": t} for t in rng.sample(talk, count)]
    items += [{"set": "out of scope", "question": t} for t, _ in rng.sample(data["oos_test"], count)]
    return items


def summary(items: list[dict]) -> dict:
    xquad = [i for i in items if i["set"] == "xquad" and i["answer"]["handler"] == "llm:local"]
    for item in xquad:
        item["right"] = any(_norm(g) in _norm(item["answer"]["text"]) for g in item["gold"])
    right = [i["answer"]["confidence"] for i in xquad if i["right"]]
    wrong = [i["answer"]["confidence"] for i in xquad if not i["right"]]
    declined = [i for i in xquad if i["decline"]["handler"] == "refusal"]
    result = {
        "answer": {
            "answers": len(xquad),
            "right": len(right),
            "right_share": round(len(right) / len(xquad), 3) if xquad else 0.0,
            "confidence_auroc": _auroc(right, wrong),
        },
        "decline": {
            "declined": len(declined),
            "declined_right": sum(i["right"] for i in declined),
            "wrong_said": sum(not i["right"] and i["decline"]["handler"] == "llm:local" for i in xquad),
        },
    }
    for kind in ("small talk", "out of scope"):
        asked = [i for i in items if i["set"] == kind and i["answer"]["handler"] == "llm:local"]
        result["decline"][kind] = {"llm": len(asked), "declined": sum(i["decline"]["handler"] == "refusal" for i in asked)}
    return result


def _auroc(positives: list[float | None], negatives: list[float | None]) -> float | None:
    pos = [p for p in positives if p is not None]
    neg = [n for n in negatives if n is not None]
    if not pos or not neg:
        return None
    wins = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in pos for n in neg)
    return round(wins / (len(pos) * len(neg)), 3)


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", text.lower()).split())


if __name__ == "__main__":
    sys.exit(main())
