"""Open questions answered by the local LLM: does it loop, and how long is a spoken answer?

    .venv/bin/python scripts/bench_open_answers.py [--questions 120] [--out FILE.json]

The questions are public and were not written for edge: half are XQuAD English questions asked without their
paragraph (general-knowledge questions), half are CLINC150's out-of-scope test queries (things people ask an
assistant that no skill handles); both from the evaluation data (EDGE_EVAL_DIR). Each question is answered three
ways with the default model:

- raw: the LLM alone, no guard and no repeat penalty (what edge said before either);
- ask: ``Router.ask`` as ``edge ask`` calls it (``llm.chat_repeat_penalty`` and the guard, no sentence budget);
- voice: ``Router.ask`` with the voice budget (``voice.max_sentences``).

Reported per way: answers with a sequence of 4 words said 3 or more times (target 0 for ask and voice), and the
median number of sentences (target <= 3 for voice). Only replies the LLM gave count for ask and voice (others were
handled by a skill or refused).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
from pathlib import Path

from edge.evaluation import eval_dir

ROOT = Path(__file__).resolve().parent.parent
TARGET_SENTENCES = 3


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=120)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results" / "open-answers.json")
    args = parser.parse_args()
    questions = open_questions(args.questions, random.Random(args.seed))
    if questions is None:
        print(f"the evaluation data is absent under {eval_dir()}: set EDGE_EVAL_DIR", file=sys.stderr)
        return 1

    from edge.router import Router
    from edge.router.rambling import repeated_ngram
    from edge.router.tiers import chat_prompt
    from edge.store.database import Database

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        with Router(db=Database(Path(tmp) / "edge.db"), data_dir=tmp, cache={"enabled": False}) as router:
            budget = router.settings.voice.max_sentences
            for text in questions:
                raw = router.runtime.llm.chat(chat_prompt(router.settings.llm, [], text).messages, repeat_penalty=1.0).text
                ask = router.ask(text)
                voice = router.ask(text, max_sentences=budget)
                rows.append(
                    {
                        "question": text,
                        "raw": raw,
                        "ask": ask.text if ask.handler.by_llm else None,
                        "voice": voice.text if voice.handler.by_llm else None,
                    }
                )
    result = {"questions": len(rows), "voice_budget": budget}
    for way in ("raw", "ask", "voice"):
        answers = [r[way] for r in rows if r[way] is not None]
        loops = [a for a in answers if repeated_ngram(a)]
        result[way] = {
            "answers": len(answers),
            "looping": len(loops),
            "median_sentences": statistics.median(sentences(a) for a in answers) if answers else None,
            "max_sentences": max((sentences(a) for a in answers), default=None),
            "looping_examples": [a[:200] for a in loops[:5]],
        }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({**result, "rows": rows}, indent=2) + "\n")
    for way in ("raw", "ask", "voice"):
        r = result[way]
        print(
            f"{way:5} {r['answers']} answers: {r['looping']} with a 4-word sequence said 3+ times; "
            f"sentences median {r['median_sentences']}, max {r['max_sentences']}"
        )
        for example in r["looping_examples"]:
            print(f"  loop: {example}")
    return 0


def open_questions(count: int, rng: random.Random) -> list[str] | None:
    xquad = eval_dir() / "qa" / "xquad_en.json"
    clinc = eval_dir() / "intent" / "clinc150_data_full.json"
    if not (xquad.is_file() and clinc.is_file()):
        return None
    general = [q["question"] for a in json.loads(xquad.read_text())["data"] for p in a["paragraphs"] for q in p["qas"]]
    out_of_scope = [text for text, _ in json.loads(clinc.read_text())["oos_test"]]
    half = count // 2
    return rng.sample(general, half) + rng.sample(out_of_scope, count - half)


def sentences(text: str) -> int:
    return len([s for s in re.split(r"(?<=[.!?])\s+|\n+", text.strip()) if s.strip()])


if __name__ == "__main__":
    sys.exit(main())
