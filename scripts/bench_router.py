"""Routing speed and accuracy: the gateway's decision (template match, or embedding + intent head) per request.

    .venv/bin/python scripts/bench_router.py [--out bench-results/router.json]

Requests: the hand-written held-out phrasings (scripts/intent_heldout.csv) and CLINC150's test queries
(intent/ in the evaluation data, EDGE_EVAL_DIR), each decided several times after a warm-up. Target: p95 <= 5 ms on 2 cores.
Route accuracy is measured on the held-out phrasings: the route their label maps to in the default config.

CLINC150 test requests for the skills (timers, alarms, lists, arithmetic, conversion, time) are answered end to end
too; its train and val splits were read for tuning, never its test split.

End to end on SLURP's devel split (real spoken requests; edge.evaluation.slurp maps its intents to edge's handlers):
each request is decided and, when it goes to a skill, the skill runs. Reported per family and intent for the half
held back from tuning (and the tuning half, marked as such). The file: --slurp, $EDGE_SLURP, or
~/.cache/edge/slurp/devel.jsonl (dataset/slurp/devel.jsonl of github.com/pswietojanski/slurp).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from edge.evaluation import clinc_skills, eval_dir, slurp

if TYPE_CHECKING:
    from edge.router import Router

ROOT = Path(__file__).resolve().parent.parent
CLINC = eval_dir() / "intent" / "clinc150_data_full.json"
HELDOUT = ROOT / "scripts" / "intent_heldout.csv"
TARGET_P95_MS = 5.0
SLURP_TARGETS = {"time/date": 0.85, "lists": 0.85, "arithmetic": 0.85, "alarms/timers": 0.95, "overall": 0.85}


def percentiles(values: list[float]) -> dict[str, float]:
    array = np.asarray(values)
    return {f"p{q}": round(float(np.percentile(array, q)), 3) for q in (50, 95, 99)} | {"n": len(values)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results" / "router.json")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--clinc", type=int, default=1000, help="CLINC150 test queries to time")
    parser.add_argument("--slurp", type=Path, default=slurp.default_path(), help="SLURP devel.jsonl")
    parser.add_argument("--misses", choices=["tune"], help="print the tuning half's misses (never the held-back half's)")
    args = parser.parse_args()

    from edge import Runtime
    from edge.router import Router, read_rows
    from edge.store.database import Database

    heldout = read_rows(HELDOUT)
    clinc = [t for t, _ in json.loads(CLINC.read_text())["test"][: args.clinc]] if CLINC.is_file() else []
    if not clinc:
        print(f"CLINC150 not found at {CLINC}: timing the held-out phrasings only", file=sys.stderr)

    with tempfile.TemporaryDirectory() as tmp, Runtime(roles=["embedder", "classifier"]) as runtime:
        router = Router(runtime, db=Database(Path(tmp) / "edge.db"))
        router.gateway.templates.load()
        texts = [t for t, _ in heldout] + clinc
        for text in texts[:50]:
            router.decide(text)
        latency: dict[str, list[float]] = defaultdict(list)
        for _ in range(args.reps):
            for text in texts:
                decision = router.decide(text)
                latency["all"].append(decision.latency_ms)
                latency[decision.matched_by].append(decision.latency_ms)

        routes = router.settings.router.intents
        confusion: Counter[tuple[str, str]] = Counter()
        per_label: dict[str, list[bool]] = defaultdict(list)
        for text, label in heldout:
            expected = routes.get(label, "oos")
            decision = router.decide(text)
            got = f"skill:{decision.skill}" if decision.route == "skill" else decision.route
            per_label[label].append(got == expected)
            if got != expected:
                confusion[(expected, got)] += 1
        end_to_end = slurp_end_to_end(router, args.slurp, args.misses) if args.slurp.is_file() else None
        clinc_skills_rates = clinc_skills_end_to_end(router) if clinc_skills.PATH.is_file() else None
        router.close()

    report = {
        "latency_ms": {name: percentiles(values) for name, values in latency.items()},
        "route_accuracy": round(sum(sum(v) for v in per_label.values()) / len(heldout), 4),
        "route_accuracy_per_label": {k: round(sum(v) / len(v), 3) for k, v in sorted(per_label.items())},
        "route_confusions": {f"{e} -> {g}": n for (e, g), n in confusion.most_common(12)},
        "requests": {"heldout": len(heldout), "clinc150_test": len(clinc), "reps": args.reps},
        "slurp_devel": end_to_end,
        "clinc150_test_skills": clinc_skills_rates,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2))

    all_ms = report["latency_ms"]["all"]
    print(f"route decision over {all_ms['n']} requests: p50 {all_ms['p50']} ms, p95 {all_ms['p95']} ms, p99 {all_ms['p99']} ms")
    print(f"  target p95 <= {TARGET_P95_MS} ms: {'met' if all_ms['p95'] <= TARGET_P95_MS else 'NOT met'}")
    for name, stats in report["latency_ms"].items():
        if name != "all":
            print(f"  {name:<11} p50 {stats['p50']:>7} ms  p95 {stats['p95']:>7} ms  (n={stats['n']})")
    print(f"route accuracy on {len(heldout)} held-out phrasings: {report['route_accuracy']}")
    for label, accuracy in report["route_accuracy_per_label"].items():
        print(f"  {label:<12} {accuracy}")
    for pair, count in report["route_confusions"].items():
        print(f"  miss: {pair} x{count}")
    if end_to_end is None:
        print(f"SLURP devel not found at {args.slurp}: end-to-end rates not measured", file=sys.stderr)
    else:
        print_slurp(end_to_end)
    if clinc_skills_rates is not None:
        print("CLINC150 test, skill requests: answered by the right skill and action (n)")
        for family, rates in clinc_skills_rates.items():
            print(f"  {family:<40} {rates['answered']:.3f} ({rates['n']})")
    return 0


def slurp_end_to_end(router: Router, path: Path, misses: str | None) -> dict[str, Any]:
    """Per split, family and intent: the share the right handler served ("handled") and, stricter, the share the right
    skill answered with a fitting action ("answered")."""
    from edge.router.direct import skill_reply

    tally: dict[str, dict[str, list[slurp.Outcome]]] = defaultdict(lambda: defaultdict(list))
    for utterance in slurp.read(path):
        decision = router.decide(utterance.text)
        reply = skill_reply(router.skills, decision) if decision.route == "skill" else None
        action = reply.skill.action if reply and reply.skill else None
        asked = bool(reply and reply.text.rstrip().endswith("?"))
        outcome = slurp.score(utterance, decision.route, decision.skill, action, asked)
        split = tally[utterance.split]
        for key in ("overall", utterance.family.name, f"{utterance.family.name} / {utterance.intent}"):
            split[key].append(outcome)
        if misses == utterance.split and not outcome.answered:
            print(f"miss [{utterance.intent}] {utterance.text!r} -> {outcome.got}")
    return {
        split: {
            key: {
                "handled": round(sum(o.handled for o in outcomes) / len(outcomes), 3),
                "answered": round(sum(o.answered for o in outcomes) / len(outcomes), 3),
                "n": len(outcomes),
            }
            for key, outcomes in sorted(keys.items())
        }
        for split, keys in sorted(tally.items())
    }


def clinc_skills_end_to_end(router: Router) -> dict[str, dict[str, float]]:
    """CLINC150's test requests for the skills (its train and val were read for tuning), answered per family."""
    from edge.router.direct import skill_reply

    tally: dict[str, list[bool]] = defaultdict(list)
    for text, _, expected in clinc_skills.read():
        decision = router.decide(text)
        reply = skill_reply(router.skills, decision) if decision.route == "skill" else None
        action = reply.skill.action if reply and reply.skill else None
        asked = bool(reply and reply.text.rstrip().endswith("?"))
        right = clinc_skills.answered(expected, decision.route, decision.skill, action, asked)
        for key in ("overall", expected.family):
            tally[key].append(right)
    return {key: {"answered": round(sum(v) / len(v), 3), "n": len(v)} for key, v in sorted(tally.items())}


def print_slurp(end_to_end: dict[str, Any]) -> None:
    for split in ("heldout", "tune"):
        half = "held back from tuning" if split == "heldout" else "tuning half"
        print(f"SLURP devel, {half}: handled / answered (n); targets apply to answered")
        for key, rates in end_to_end[split].items():
            target = SLURP_TARGETS.get(key)
            verdict = "" if target is None else f"  target {target}: {'met' if rates['answered'] >= target else 'NOT met'}"
            print(f"  {key:<40} {rates['handled']:.3f} / {rates['answered']:.3f} ({rates['n']}){verdict}")


if __name__ == "__main__":
    sys.exit(main())
