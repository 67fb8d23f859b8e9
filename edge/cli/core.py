"""The models and what they do one request at a time: models, doctor, transcribe, say, ask, route, timers,
decisions, usage, embed, classify."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from edge import audio
from edge.cli import services
from edge.cli.commands import Commands
from edge.cli.console import EXIT_FAILED, EXIT_OK, each, emit, plain, shorten
from edge.cli.replies import reply_row
from edge.config import ROLES
from edge.doctor import run_checks
from edge.errors import InputError
from edge.router import Reply, Retracted, Token
from edge.router.decisions import DecisionLog
from edge.runtime import Runtime
from edge.skills import Scheduler, TimerStore
from edge.telemetry import Meter


def register(commands: Commands) -> None:
    p = commands.add("models", cmd_models, "list each role's model: source, path, size, checksum, load time")
    p.add_argument("--no-load", action="store_true", help="verify the files without loading the models")
    commands.add("doctor", cmd_doctor, "check Python, packages, models, SQLite extension loading and audio")
    p = commands.add("transcribe", cmd_transcribe, "speech to text from audio files (wav, flac, mp3, ogg)")
    p.add_argument("files", nargs="+", metavar="FILE", help="audio file, or - to read file paths from stdin")
    p.add_argument("--language", help="language code for multilingual models (default: detect)")
    p = commands.add("say", cmd_say, "speak text on the speaker, or write it to a WAV file with -o")
    p.add_argument("texts", nargs="+", metavar="TEXT", help="text, or - to read one text per line from stdin")
    p.add_argument("-o", "--output", type=Path, help="WAV file to write (several texts: name-1.wav, name-2.wav, ...)")
    p = commands.add("ask", cmd_ask, "ask edge: the router sends it to a skill, the local LLM, or says it cannot")
    p.add_argument("texts", nargs="+", metavar="TEXT", help="request, or - to read one per line from stdin")
    p.add_argument("--stream", action="store_true", help="print the answer as it is generated")
    p.add_argument("--conversation", metavar="NAME", help="remember this conversation: earlier turns are given to the LLM")
    p.add_argument("--yes", action="store_true", help="approve cloud requests under the 'ask' policy without prompting")
    p = commands.add("route", cmd_route, "show how a request would be routed, without executing it")
    p.add_argument("texts", nargs="+", metavar="TEXT", help="request, or - to read one per line from stdin")
    p = commands.add("timers", cmd_timers, "list running timers, alarms and reminders")
    p.add_argument("--wait", action="store_true", help="stay until they have all fired, announcing each")
    p = commands.add("decisions", cmd_decisions, "the latest routing decisions: route, intent, models, fallbacks, latency, cost")
    p.add_argument("--last", type=int, default=20, metavar="N")
    commands.add("usage", cmd_usage, "this month's calls, tokens, time and cost per model")
    p = commands.add("embed", cmd_embed, "embed texts as vectors")
    p.add_argument("texts", nargs="+", metavar="TEXT", help="text, or - to read one per line from stdin")
    p = commands.add("classify", cmd_classify, "classify texts with the intent classifier")
    p.add_argument("texts", nargs="+", metavar="TEXT", help="text, or - to read one per line from stdin")


def cmd_models(args: argparse.Namespace) -> int:
    runtime = Runtime(services.settings(args))
    statuses = [runtime.verify(role) for role in ROLES] if args.no_load else runtime.start()
    for status in statuses:
        row = {**plain(status), "checksum_ok": status.verified, "loaded": status.state == "ready"}
        emit(args, row, _model_line(row))
    runtime.close()
    return EXIT_FAILED if any(s.state == "failed" for s in statuses) else EXIT_OK


def _model_line(row: dict[str, Any]) -> str:
    if row["state"] == "failed":
        return f"{row['role']:<10} FAILED  {row['error']}"
    if row["state"] == "disabled":
        return f"{row['role']:<10} disabled"
    size = f"{row['size'] / 1e6:.1f} MB" if row["size"] >= 1e5 else f"{row['size'] / 1e3:.0f} kB"
    check = "sha256 ok" if row["checksum_ok"] else "unverified (custom)"
    load = f"loaded in {row['load_s']:.2f} s" if row["loaded"] else "not loaded"
    return f"{row['role']:<10} {row['model']:<28} {size:>9}  {check:<10}  {load:<18} {row['path']}"


def cmd_doctor(args: argparse.Namespace) -> int:
    checks = run_checks(services.settings(args))
    for check in checks:
        fix = f"\n{'':7}fix: {check.fix}" if check.fix and check.status != "ok" else ""
        emit(args, check, f"{check.status.upper():<5}  {check.name:<26} {check.detail}{fix}")
    return EXIT_FAILED if any(c.status == "fail" for c in checks) else EXIT_OK


def cmd_transcribe(args: argparse.Namespace) -> int:
    runtime = services.runtime(args, ["stt"])

    def run(path: str, _: int) -> None:
        transcript = runtime.stt.transcribe(path, language=args.language)
        if not transcript.text:
            raise InputError(f"no speech found in {path} (silent, or not speech)", "give a recording with speech in it")
        emit(args, {"file": path, **plain(transcript)}, transcript.text)

    return each(args, args.files, run)


def cmd_say(args: argparse.Namespace) -> int:
    runtime = services.runtime(args, ["tts"])
    if args.output is None and audio.output_device() is None:
        raise InputError("no speaker found to play on", "write the speech to a file with -o out.wav")
    several = len(args.texts) > 1 or "-" in args.texts

    def run(text: str, index: int) -> None:
        if args.output is None:
            for chunk in runtime.tts.synthesize(text):
                audio.play(chunk.samples, chunk.sample_rate)
            emit(args, {"text": text, "played": True}, "")
            return
        path = args.output.with_name(f"{args.output.stem}-{index}{args.output.suffix}") if several else args.output
        speech = runtime.tts.to_wav(text, path)
        emit(args, speech, f"wrote {speech.path} ({speech.duration_s:.1f} s of speech)")

    return each(args, args.texts, run)


def cmd_ask(args: argparse.Namespace) -> int:
    router = services.router(args)
    router.skills.scheduler.subscribe(lambda fired: print(f"⏰ {fired.text}", file=sys.stderr, flush=True))
    router.start()

    def run(request: str, _: int) -> None:
        streamed = _Streamed()
        for event in router.stream(request, args.conversation):
            if isinstance(event, Token) and args.stream:
                if args.json:
                    emit(args, {"token": event.text}, "")
                else:
                    streamed.add(event.text)
            elif isinstance(event, Retracted) and args.stream:
                if args.json:
                    emit(args, {"event": "retracted"}, "")
                else:
                    streamed.retract()
            elif isinstance(event, Reply):
                _print_reply(args, request, event, streamed.text)

    try:
        return each(args, args.texts, run)
    finally:
        router.close()


class _Streamed:
    """The answer as it is printed, token by token. A retraction erases it on a terminal; elsewhere the withdrawn
    text keeps its line and the new text starts the next, so the last line printed is the reply."""

    def __init__(self) -> None:
        self.text = ""

    def add(self, text: str) -> None:
        print(text, end="", flush=True)
        self.text += text

    def retract(self) -> None:
        if self.text:
            out = sys.stdout
            out.write(erase(self.text, shutil.get_terminal_size().columns) if out.isatty() else "\n")
            out.flush()
            self.text = ""


def erase(text: str, columns: int) -> str:
    """The terminal controls that take the cursor back to where ``text`` began printing and clear from there on."""
    rows = sum(max(1, -(-len(line) // columns)) for line in text.split("\n"))
    return "\r" + (f"\x1b[{rows - 1}A" if rows > 1 else "") + "\x1b[J"


def _print_reply(args: argparse.Namespace, request: str, reply: Reply, streamed: str) -> None:
    """The reply's text, unless its tokens already printed it; then its sources and what left the device."""
    if args.json:
        emit(args, {"request": request, **reply_row(reply), "done": True}, "")
        return
    print("" if streamed else reply.text, flush=True)
    for citation in reply.citations:
        print(f"  {citation.label}  {citation.source}", flush=True)
    if reply.cloud is not None:
        masked = ", ".join(f"{n} {kind}" for kind, n in sorted(reply.cloud.entities.items())) or "nothing"
        print(f"  ↑ sent to {reply.cloud.host} ({reply.cloud.model}), masked: {masked}", flush=True)
        if reply.cloud.leaks:
            print(f"  ! the reply carried personal data you did not send: {reply.cloud.leaks}", flush=True)


def cmd_route(args: argparse.Namespace) -> int:
    router = services.router(args)
    router.load()

    def run(request: str, _: int) -> None:
        d = router.decide(request)
        row = {
            "route": d.route,
            "intent": d.intent,
            "skill": d.skill,
            "slots": d.slots,
            "confidence": d.confidence,
            "latency_ms": d.latency_ms,
            "matched_by": d.matched_by,
            "reason": d.reason,
        }
        slots = f" {json.dumps(d.slots, ensure_ascii=False)}" if d.slots else ""
        emit(args, row, f"{d.route:<9} {d.intent or '-':<11} {d.confidence:.2f}  {d.latency_ms:6.2f} ms  {d.reason}{slots}")

    try:
        return each(args, args.texts, run)
    finally:
        router.db.close()


def cmd_timers(args: argparse.Namespace) -> int:
    db = services.store(args)
    store = TimerStore(db)
    scheduler = Scheduler(store)
    scheduler.subscribe(lambda fired: emit(args, {"fired": fired.timer, "late_s": fired.late_s, "text": fired.text}, fired.text))
    scheduler.fire_due(recovering=True)
    active = store.active()
    now = time.time()
    for timer in active:
        due = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(timer.due_at))
        left = f"in {timer.remaining(now):,.0f} s"
        line = f"{timer.id:>4}  {timer.kind:<8} {timer.state:<8} due {due} ({left})  {timer.label or ''}"
        emit(args, {**plain(timer), "remaining_s": round(timer.remaining(now), 1)}, line)
    if not active and not args.json:
        print("no timers, alarms or reminders")
    if args.wait:
        scheduler.start()
        try:
            while any(t.state == "running" for t in store.active()):
                time.sleep(0.2)
        finally:
            scheduler.stop()
    db.close()
    return EXIT_OK


def cmd_decisions(args: argparse.Namespace) -> int:
    db = services.store(args)
    for record in reversed(DecisionLog(db).recent(args.last)):
        at = time.strftime("%H:%M:%S", time.localtime(record.at))
        models = ",".join(record.models) or "-"
        fallbacks = f"  fallbacks: {'; '.join(record.fallbacks)}" if record.fallbacks else ""
        total = record.latency_ms.get("total", 0.0)
        line = f"{at}  {record.route:<9} {record.intent or '-':<11} {models:<28} {total:8.1f} ms{fallbacks}"
        emit(args, record, line)
    db.close()
    return EXIT_OK


def cmd_usage(args: argparse.Namespace) -> int:
    settings = services.settings(args)
    db = services.store(args)
    meter = Meter(db, settings.metering)
    for usage in meter.usage():
        line = (
            f"{usage.model:<28} {usage.calls:>6} calls {usage.errors:>4} errors {usage.prompt_tokens:>8} in "
            f"{usage.completion_tokens:>8} out {usage.ms / 1000:8.1f} s  ${usage.cost_usd:.4f}"
        )
        emit(args, usage, line)
    budget = settings.metering.budget.monthly_usd
    if budget is not None and not args.json:
        print(f"spent ${meter.spent():.4f} of ${budget:.2f} this month")
    db.close()
    return EXIT_OK


def cmd_embed(args: argparse.Namespace) -> int:
    runtime = services.runtime(args, ["embedder"])

    def run(text: str, _: int) -> None:
        vector = runtime.embedder.embed([text])[0]
        preview = ", ".join(f"{v:+.4f}" for v in vector[:4])
        emit(
            args,
            {"text": text, "dim": len(vector), "vector": [round(float(v), 6) for v in vector]},
            f"{len(vector)}-d [{preview}, …]  {shorten(text)}",
        )

    return each(args, args.texts, run)


def cmd_classify(args: argparse.Namespace) -> int:
    runtime = services.runtime(args, ["embedder", "classifier"])

    def run(text: str, _: int) -> None:
        result = runtime.classifier.classify([text])[0]
        emit(args, {"text": text, **plain(result)}, f"{result.label:<12} {result.confidence:.3f}  {shorten(text)}")

    return each(args, args.texts, run)
