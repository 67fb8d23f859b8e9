"""Privacy and cloud escalation: pii, cloud test and audit (what left the device)."""

from __future__ import annotations

import argparse
import time

from edge.cli import services
from edge.cli.commands import Commands
from edge.cli.console import EXIT_FAILED, EXIT_OK, each, emit, error
from edge.errors import EdgeError
from edge.privacy.audit import EgressLog
from edge.privacy.detector import Detector
from edge.privacy.masking import Masker
from edge.privacy.ner import SpacyNer
from edge.privacy.policy import EgressRefused
from edge.router.escalation import CloudEscalation
from edge.telemetry import Meter, OverBudget

CANARY = "This is a connection test from edge, sent by {name} ({email}). Reply with the single word OK."


def register(commands: Commands) -> None:
    p = commands.add("pii", cmd_pii, "find personal data in text and show it masked, as it would be sent to a cloud model")
    p.add_argument("texts", nargs="+", metavar="TEXT", help="text, or - to read one per line from stdin")
    cloud = commands.group("cloud", "cloud escalation: off unless enabled in the config")
    p = cloud.add("test", cmd_cloud_test, "send a harmless canary through the whole gate: mask, consent, audit, send")
    p.add_argument("--route", default="chat", choices=["chat", "complex", "knowledge"], help="whose policy applies")
    p.add_argument("--yes", action="store_true", help="approve without prompting")
    p = commands.add(
        "audit", cmd_audit, "what left the device: every cloud request, its host, masked entities, hash, tokens, cost"
    )
    p.add_argument("--last", type=int, default=50, metavar="N")


def cmd_pii(args: argparse.Namespace) -> int:
    settings = services.settings(args)
    detector = Detector(settings.privacy, SpacyNer(settings))

    def run(text: str, _: int) -> None:
        masked = Masker(detector).mask(text)
        entities = [{"type": e.type, "start": e.start, "end": e.end, "score": e.score} for e in masked.entities]
        lines = [masked.text, *(f"  {e.type:<14} {e.start:>5}-{e.end:<5} {e.score:.2f}" for e in masked.entities)]
        emit(args, {"masked": masked.text, "entities": entities}, "\n".join(lines))

    return each(args, args.texts, run)


def cmd_cloud_test(args: argparse.Namespace) -> int:
    settings = services.settings(args)
    db = services.store(args)
    cloud = CloudEscalation(settings, db, Meter(db, settings.metering), consent=services.consent(args))
    canary = CANARY.format(name="Ada Canary", email="ada.canary@example.com")
    try:
        answer = cloud.answer(args.route, [{"role": "user", "content": canary}])
    except (EgressRefused, OverBudget) as exc:
        error(EdgeError(f"nothing was sent: {exc}", "see the cloud settings in README.md, 'Cloud escalation'"))
        return EXIT_FAILED
    finally:
        db.close()
    trace = answer.trace
    summary = {
        "host": trace.host,
        "model": answer.model,
        "sent": trace.sent,
        "masked": trace.entities,
        "reply": answer.text,
        "tokens": [answer.prompt_tokens, answer.completion_tokens],
        "cost_usd": answer.cost_usd,
        "egress_id": trace.egress_id,
        "leaks": trace.leaks,
    }
    line = (
        f"sent to {trace.host} ({answer.model}): {trace.sent[-1]['content']}\nreply: {answer.text}\n"
        f"{answer.prompt_tokens}+{answer.completion_tokens} tokens, ${answer.cost_usd:.5f}; logged as egress #{trace.egress_id}"
    )
    emit(args, summary, line)
    return EXIT_OK


def cmd_audit(args: argparse.Namespace) -> int:
    db = services.store(args)
    records = EgressLog(db).records(args.last)
    if not records and not args.json:
        print("Nothing has left this device.")
    for r in reversed(records):
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(r.at))
        masked = ", ".join(f"{n} {kind}" for kind, n in sorted(r.entities.items())) or "nothing masked"
        tokens = f"{r.prompt_tokens or 0}+{r.completion_tokens or 0} tokens" if r.prompt_tokens is not None else "no reply"
        leaks = f"  reply carried new personal data: {r.leaks}" if r.leaks else ""
        line = (
            f"{when}  {r.host}  {r.route or '-'}  {r.model}  {r.payload_bytes} B sha256 {r.payload_sha256[:16]}  "
            f"{masked}  {tokens}  ${r.cost_usd or 0:.5f}  {r.outcome}{leaks}"
        )
        emit(args, r, line)
    db.close()
    return EXIT_OK
