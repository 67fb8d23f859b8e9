"""The `edge` command. Every error prints as one line naming the fix; no tracebacks (unless --debug).

Commands taking TEXT or FILE take several, or `-` to read one per line from stdin; with --json
each result is one JSON object on its own line (JSON Lines).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any

from edge.errors import ConfigError, EdgeError, InputError, MissingExtra

EXIT_OK, EXIT_FAILED, EXIT_CONFIG, EXIT_UNEXPECTED, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_FAILED
    try:
        return args.handler(args)
    except ConfigError as exc:
        _error(exc)
        return EXIT_CONFIG
    except EdgeError as exc:
        _error(exc)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:
        if args.debug:
            raise
        print(f"error: unexpected {type(exc).__name__}: {exc}. Fix: rerun with --debug and report the traceback", file=sys.stderr)
        return EXIT_UNEXPECTED


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", type=Path, help="TOML settings file (default: $EDGE_CONFIG or ~/.config/edge/config.toml)")
    common.add_argument("--json", action="store_true", help="machine-readable output: one JSON object per line")
    common.add_argument("--debug", action="store_true", help="show tracebacks of unexpected errors")

    parser = argparse.ArgumentParser(prog="edge", description=__doc__.splitlines()[0], parents=[common])
    parser.set_defaults(handler=None)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(name: str, handler: Callable[[argparse.Namespace], int], help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[common], help=help, description=help)
        p.set_defaults(handler=handler)
        return p

    p = command("models", cmd_models, "list each role's model: source, path, size, checksum, load time")
    p.add_argument("--no-load", action="store_true", help="verify the files without loading the models")
    command("doctor", cmd_doctor, "check Python, packages, models, SQLite extension loading and audio")
    p = command("transcribe", cmd_transcribe, "speech to text from audio files (wav, flac, mp3, ogg)")
    p.add_argument("files", nargs="+", metavar="FILE", help="audio file, or - to read file paths from stdin")
    p.add_argument("--language", help="language code for multilingual models (default: detect)")
    p = command("say", cmd_say, "speak text on the speaker, or write it to a WAV file with -o")
    p.add_argument("texts", nargs="+", metavar="TEXT", help="text, or - to read one text per line from stdin")
    p.add_argument("-o", "--output", type=Path, help="WAV file to write (several texts: name-1.wav, name-2.wav, ...)")
    p = command("ask", cmd_ask, "ask edge: the router sends it to a skill, the local LLM, or says it cannot")
    p.add_argument("texts", nargs="+", metavar="TEXT", help="request, or - to read one per line from stdin")
    p.add_argument("--stream", action="store_true", help="print the answer as it is generated")
    p.add_argument("--conversation", metavar="NAME", help="remember this conversation: earlier turns are given to the LLM")
    p.add_argument("--yes", action="store_true", help="approve cloud requests under the 'ask' policy without prompting")
    p = command("assistant", cmd_assistant, "the voice assistant in the terminal (Textual): speak or type")
    p.add_argument("--input", type=Path, nargs="*", default=[], metavar="FILE", help="audio files to hear as voice input")
    p.add_argument("--no-speak", dest="speak", action="store_false", default=None, help="answer in text only")
    p = command("listen", cmd_listen, "voice turns without a screen: speech in, transcript, route, answer, speech out")
    p.add_argument("files", nargs="*", metavar="FILE", help="audio files; - reads raw 16 kHz 16-bit mono PCM from stdin")
    p.add_argument("--mic", action="store_true", help="listen to the microphone until Ctrl-C")
    p.add_argument("--realtime", action="store_true", help="feed files at the pace they were spoken, as a microphone would")
    p.add_argument("-o", "--output", type=Path, help="WAV file for the spoken answers (default: the speaker if there is one)")
    p.add_argument("--no-speak", dest="speak", action="store_false", default=None, help="answer in text only")
    p.add_argument("--yes", action="store_true", help="approve cloud requests under the 'ask' policy without prompting")
    p = command("route", cmd_route, "show how a request would be routed, without executing it")
    p.add_argument("texts", nargs="+", metavar="TEXT", help="request, or - to read one per line from stdin")
    p = command("timers", cmd_timers, "list running timers, alarms and reminders")
    p.add_argument("--wait", action="store_true", help="stay until they have all fired, announcing each")
    p = command("decisions", cmd_decisions, "the latest routing decisions: route, intent, models, fallbacks, latency, cost")
    p.add_argument("--last", type=int, default=20, metavar="N")
    command("usage", cmd_usage, "this month's calls, tokens, time and cost per model")
    p = command("pii", cmd_pii, "find personal data in text and show it masked, as it would be sent to a cloud model")
    p.add_argument("texts", nargs="+", metavar="TEXT", help="text, or - to read one per line from stdin")
    cloud = sub.add_parser("cloud", help="cloud escalation: off unless enabled in the config").add_subparsers(metavar="ACTION")
    p = cloud.add_parser(
        "test", parents=[common], help="send a harmless canary through the whole gate: mask, consent, audit, send"
    )
    p.set_defaults(handler=cmd_cloud_test)
    p.add_argument("--route", default="chat", choices=["chat", "complex", "knowledge"], help="whose policy applies")
    p.add_argument("--yes", action="store_true", help="approve without prompting")
    p = command("audit", cmd_audit, "what left the device: every cloud request, its host, masked entities, hash, tokens, cost")
    p.add_argument("--last", type=int, default=50, metavar="N")
    kb = sub.add_parser("kb", help="the knowledge base: your documents, searchable offline").add_subparsers(metavar="ACTION")

    def kb_command(name: str, handler: Callable[[argparse.Namespace], int], help: str) -> argparse.ArgumentParser:
        p = kb.add_parser(name, parents=[common], help=help, description=help)
        p.set_defaults(handler=handler)
        return p

    p = kb_command(
        "add", cmd_kb_add, "index .txt, .md, .html and .pdf files and folders (recursively); unchanged ones are skipped"
    )
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--prune", action="store_true", help="also drop documents under these folders whose files are gone")
    kb_command("list", cmd_kb_list, "the indexed documents")
    p = kb_command("remove", cmd_kb_remove, "drop documents by path, folder or id (the files stay on disk)")
    p.add_argument("targets", nargs="*", metavar="PATH|ID")
    p.add_argument("--missing", action="store_true", help="drop every document whose file is gone")
    kb_command("stats", cmd_kb_stats, "documents, chunks, tokens, embedder, size")
    p = kb_command("search", cmd_kb_search, "search the documents: by meaning, by words, or both")
    p.add_argument("queries", nargs="+", metavar="QUERY", help="query, or - to read one per line from stdin")
    p.add_argument("--k", type=int, default=10, help="results per query (default 10)")
    p.add_argument("--mode", choices=["dense", "bm25", "hybrid"], default="hybrid")
    p.add_argument("--kind", action="append", default=[], choices=["txt", "md", "html", "pdf"], help="only this kind")
    p.add_argument("--source", action="append", default=[], metavar="GLOB", help="only paths matching, e.g. '*/manuals/*'")
    kb_command("reindex", cmd_kb_reindex, "embed every chunk again, after changing the embedder")
    cache = sub.add_parser("cache", help="the answer cache").add_subparsers(metavar="ACTION")
    p = cache.add_parser("stats", parents=[common], help="entries and hits: exact, semantic, guarded, stale, misses")
    p.set_defaults(handler=cmd_cache_stats)
    p = cache.add_parser("clear", parents=[common], help="forget every cached answer")
    p.set_defaults(handler=cmd_cache_clear)
    p = command("embed", cmd_embed, "embed texts as vectors")
    p.add_argument("texts", nargs="+", metavar="TEXT", help="text, or - to read one per line from stdin")
    p = command("classify", cmd_classify, "classify texts with the intent classifier")
    p.add_argument("texts", nargs="+", metavar="TEXT", help="text, or - to read one per line from stdin")
    intents = sub.add_parser("intents", help="train and evaluate custom intent models").add_subparsers(metavar="ACTION")
    p = intents.add_parser(
        "train", parents=[common], help="train an intent head on a CSV of text,label (label oos: out of scope)"
    )
    p.set_defaults(handler=cmd_intents_train)
    p.add_argument("data", type=Path, metavar="DATA.csv")
    p.add_argument(
        "--out", type=Path, required=True, metavar="DIR", help="folder for intent-head.onnx, labels.json, intents.json"
    )
    p.add_argument(
        "--calibrate", type=Path, metavar="VAL.csv", help="held-out rows for the oos threshold (default: 15%% of DATA)"
    )
    p = intents.add_parser("eval", parents=[common], help="accuracy, macro F1, per-label scores and oos recall/precision")
    p.set_defaults(handler=cmd_intents_eval)
    p.add_argument("data", type=Path, metavar="DATA.csv")
    p.add_argument("--model", type=Path, required=True, metavar="DIR", help="a folder written by `edge intents train`")
    return parser


def _error(exc: EdgeError, prefix: str = "") -> None:
    print(f"error: {prefix}{exc}", file=sys.stderr)


def _emit(args: argparse.Namespace, obj: Any, text: str) -> None:
    if args.json:
        print(json.dumps(_plain(obj), ensure_ascii=False), flush=True)
    else:
        print(text, flush=True)


def _plain(obj: Any) -> Any:
    if is_dataclass(obj) and not isinstance(obj, type):
        return _plain(asdict(obj))
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items() if not k.startswith("_")}
    if isinstance(obj, (list, tuple)):
        return [_plain(v) for v in obj]
    if isinstance(obj, Path):
        return str(obj)
    return obj


def _items(values: list[str]) -> Iterator[str]:
    """Arguments in order; `-` expands to stdin's lines, read as strict UTF-8."""
    for value in values:
        if value != "-":
            yield value
            continue
        for number, raw in enumerate(sys.stdin.buffer, 1):
            try:
                line = raw.decode("utf-8").rstrip("\r\n")
            except UnicodeDecodeError:
                raise InputError(f"stdin line {number} is not valid UTF-8", "re-encode the input as UTF-8") from None
            if line.strip():
                yield line


def _each(args: argparse.Namespace, values: list[str], run: Callable[[str, int], None]) -> int:
    """Run each input; a failing one is reported and the rest still run."""
    failures = 0
    index = 0
    items = _items(values)
    while True:
        try:
            item = next(items)
        except StopIteration:
            break
        except InputError as exc:
            failures += 1
            _report(args, "-", exc)
            break
        index += 1
        try:
            run(item, index)
        except InputError as exc:
            failures += 1
            _report(args, item, exc)
    return EXIT_FAILED if failures else EXIT_OK


def _report(args: argparse.Namespace, item: str, exc: EdgeError) -> None:
    if args.json:
        print(json.dumps({"input": _shorten(item), "error": exc.message, "fix": exc.fix}, ensure_ascii=False), flush=True)
    _error(exc, "" if item == "-" or item in exc.message else f"{_shorten(item)}: ")


def _shorten(text: str, limit: int = 60) -> str:
    text = text.encode("utf-8", "replace").decode("utf-8")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _runtime(args: argparse.Namespace, roles: list[str], **overrides: Any) -> Any:
    from edge.runtime import Runtime

    return Runtime(config=args.config, roles=roles, preload=False, **overrides)


def cmd_models(args: argparse.Namespace) -> int:
    from edge.config import ROLES, load_settings
    from edge.runtime import Runtime

    runtime = Runtime(load_settings(args.config))
    statuses = [runtime.verify(role) for role in ROLES] if args.no_load else runtime.start()
    for status in statuses:
        row = {**_plain(status), "checksum_ok": status.verified, "loaded": status.state == "ready"}
        _emit(args, row, _model_line(row))
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
    from edge.config import load_settings
    from edge.doctor import run_checks

    checks = run_checks(load_settings(args.config))
    for check in checks:
        fix = f"\n{'':7}fix: {check.fix}" if check.fix and check.status != "ok" else ""
        _emit(args, check, f"{check.status.upper():<5}  {check.name:<26} {check.detail}{fix}")
    return EXIT_FAILED if any(c.status == "fail" for c in checks) else EXIT_OK


def cmd_transcribe(args: argparse.Namespace) -> int:
    runtime = _runtime(args, ["stt"])

    def run(path: str, _: int) -> None:
        transcript = runtime.stt.transcribe(path, language=args.language)
        if not transcript.text:
            raise InputError(f"no speech found in {path} (silent, or not speech)", "give a recording with speech in it")
        _emit(args, {"file": path, **_plain(transcript)}, transcript.text)

    return _each(args, args.files, run)


def cmd_say(args: argparse.Namespace) -> int:
    from edge.audio import output_device, play

    runtime = _runtime(args, ["tts"])
    if args.output is None and output_device() is None:
        raise InputError("no speaker found to play on", "write the speech to a file with -o out.wav")
    several = len(args.texts) > 1 or "-" in args.texts

    def run(text: str, index: int) -> None:
        if args.output is None:
            for chunk in runtime.tts.synthesize(text):
                play(chunk.samples, chunk.sample_rate)
            _emit(args, {"text": text, "played": True}, "")
            return
        path = args.output.with_name(f"{args.output.stem}-{index}{args.output.suffix}") if several else args.output
        speech = runtime.tts.to_wav(text, path)
        _emit(args, speech, f"wrote {speech.path} ({speech.duration_s:.1f} s of speech)")

    return _each(args, args.texts, run)


def _router(args: argparse.Namespace) -> Any:
    from edge.router import Router

    return Router(_runtime(args, ["embedder", "classifier", "llm"]), consent=_consent(args))


def _consent(args: argparse.Namespace) -> Callable[[Any], bool] | None:
    """Under the 'ask' policy: --yes approves; on a terminal the user sees the masked request and answers;
    otherwise nobody can be asked and nothing is sent."""
    if getattr(args, "yes", False):
        return lambda request: True
    if not sys.stdin.isatty():
        return None

    def ask(request: Any) -> bool:
        masked = ", ".join(f"{n} {kind}" for kind, n in sorted(request.entities.items())) or "nothing"
        print(
            f"\nSend this to {request.host} ({request.model})? Masked: {masked}; {request.payload_bytes} bytes.", file=sys.stderr
        )
        for message in request.messages:
            print(f"  [{message['role']}] {message['content']}", file=sys.stderr)
        return input("Send? [y/N] ").strip().lower() in ("y", "yes")

    return ask


def cmd_ask(args: argparse.Namespace) -> int:
    from edge.router import Reply, Token

    router = _router(args)
    router.skills.scheduler.subscribe(lambda fired: print(f"⏰ {fired.text}", file=sys.stderr, flush=True))
    router.start()

    def run(request: str, _: int) -> None:
        for event in router.stream(request, args.conversation):
            if isinstance(event, Token) and args.stream:
                _emit(args, {"token": event.text}, "") if args.json else print(event.text, end="", flush=True)
            elif isinstance(event, Reply):
                streamed = args.stream and event.handler.by_llm
                if args.json:
                    _emit(args, {"request": request, **_reply_summary(event), "done": True}, "")
                else:
                    print("" if streamed else event.text, flush=True)
                    for citation in event.citations:
                        print(f"  {citation.label}  {citation.source}", flush=True)
                    if event.cloud is not None:
                        masked = ", ".join(f"{n} {kind}" for kind, n in sorted(event.cloud.entities.items())) or "nothing"
                        print(f"  ↑ sent to {event.cloud.host} ({event.cloud.model}), masked: {masked}", flush=True)
                        if event.cloud.leaks:
                            print(f"  ! the reply carried personal data you did not send: {event.cloud.leaks}", flush=True)

    try:
        return _each(args, args.texts, run)
    finally:
        router.close()


def cmd_assistant(args: argparse.Namespace) -> int:
    try:
        import tui
    except ImportError:
        raise MissingExtra("textual", "tui", "the voice assistant") from None
    return tui.run(config=args.config, inputs=args.input, speak=args.speak)


def cmd_listen(args: argparse.Namespace) -> int:
    import threading

    from edge.voice import Answered, Assistant, Failed, FinalTranscript, Interrupted, Recorder, Routed, TurnTimings, voice_input
    from edge.voice.output import speaker_or_recorder

    if not args.files and not args.mic:
        raise InputError("nothing to listen to", "give audio files, - for raw PCM on stdin, or --mic")
    router = _voice_router(args)
    if args.output:
        output, notice = Recorder(), None
    else:
        output, notice = speaker_or_recorder(router.settings.voice.output_device)
    if notice and args.speak is not False:
        print(notice, file=sys.stderr)
    assistant = Assistant(router, output, conversation="listen")
    heard_any = False
    stop = threading.Event()
    router.start()
    failed = False
    try:
        frames = voice_input(args.files, args.mic, args.realtime, stop, router.settings.voice.input_device)
        for event in assistant.hear(frames, args.speak):
            if isinstance(event, FinalTranscript):
                heard_any = True
                _emit(args, {"heard": event.text, "audio_s": event.audio_s}, f"heard: {event.text}")
            elif isinstance(event, Routed):
                decision = event.decision
                _emit(args, {"route": decision.route, "skill": decision.skill}, f"route: {decision.route} ({decision.reason})")
            elif isinstance(event, Answered):
                _emit(args, _reply_summary(event.reply), f"{event.reply.label}: {event.reply.text}")
            elif isinstance(event, TurnTimings):
                stages = ", ".join(f"{k} {v:.0f} ms" for k, v in event.stages().items() if v is not None)
                _emit(args, event, f"timings after the end of speech: {stages}")
            elif isinstance(event, Interrupted):
                _emit(args, event, f"interrupted: {event.reason}")
            elif isinstance(event, Failed):
                failed = True
                if args.json:
                    _emit(args, event, "")
                print(f"error: {event.message}", file=sys.stderr, flush=True)
        if not heard_any and not failed:
            print("heard no speech in the input", file=sys.stderr)
        output.wait()
        if args.output and isinstance(output, Recorder):
            path = output.save(args.output)
            print(f"wrote {path} ({output.played_s:.1f} s of speech)", file=sys.stderr)
    except KeyboardInterrupt:
        stop.set()
    finally:
        output.close()
        router.close()
    return EXIT_FAILED if failed else EXIT_OK


def _voice_router(args: argparse.Namespace) -> Any:
    from edge.router import Router
    from edge.runtime import Runtime

    return Router(Runtime(config=args.config), consent=_consent(args))


def _reply_summary(reply: Any) -> dict[str, Any]:
    decision = reply.decision
    return {
        "text": reply.text,
        "route": decision.route,
        "intent": decision.intent,
        "skill": decision.skill,
        "slots": decision.slots,
        "handler": reply.label,
        "models": reply.models,
        "fallbacks": reply.fallbacks,
        "confidence": reply.confidence,
        "latency_ms": reply.latency_ms,
        "cost_usd": reply.cost_usd,
        "data": reply.skill.data if reply.skill else None,
        "citations": [_plain(c) | {"label": c.label} for c in reply.citations],
        "cached": reply.cached,
        "notice": reply.notice,
        "cloud": _plain(reply.cloud),
        "error": reply.error,
    }


def cmd_route(args: argparse.Namespace) -> int:
    router = _router(args)
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
        _emit(args, row, f"{d.route:<9} {d.intent or '-':<11} {d.confidence:.2f}  {d.latency_ms:6.2f} ms  {d.reason}{slots}")

    try:
        return _each(args, args.texts, run)
    finally:
        router.db.close()


def _store(args: argparse.Namespace) -> Any:
    from edge.config import load_settings
    from edge.store.database import Database

    return Database(load_settings(args.config).store_path)


def cmd_timers(args: argparse.Namespace) -> int:
    import time

    from edge.skills import Scheduler, TimerStore

    db = _store(args)
    store = TimerStore(db)
    scheduler = Scheduler(store)
    scheduler.subscribe(lambda fired: _emit(args, {"fired": fired.timer, "late_s": fired.late_s, "text": fired.text}, fired.text))
    scheduler.fire_due()
    active = store.active()
    now = time.time()
    for timer in active:
        due = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(timer.due_at))
        left = f"in {timer.remaining(now):,.0f} s"
        line = f"{timer.id:>4}  {timer.kind:<8} {timer.state:<8} due {due} ({left})  {timer.label or ''}"
        _emit(args, {**_plain(timer), "remaining_s": round(timer.remaining(now), 1)}, line)
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
    import time

    from edge.router.decisions import DecisionLog

    db = _store(args)
    for record in reversed(DecisionLog(db).recent(args.last)):
        at = time.strftime("%H:%M:%S", time.localtime(record.at))
        models = ",".join(record.models) or "-"
        fallbacks = f"  fallbacks: {'; '.join(record.fallbacks)}" if record.fallbacks else ""
        total = record.latency_ms.get("total", 0.0)
        line = f"{at}  {record.route:<9} {record.intent or '-':<11} {models:<28} {total:8.1f} ms{fallbacks}"
        _emit(args, record, line)
    db.close()
    return EXIT_OK


def _knowledge(args: argparse.Namespace) -> Any:
    from edge.store.knowledge import KnowledgeBase

    runtime = _runtime(args, ["embedder"])
    return KnowledgeBase(_store(args), runtime.embedder, runtime.settings.knowledge)


def cmd_kb_add(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    kb = _knowledge(args)
    with tqdm(unit="file", disable=None, file=sys.stderr, dynamic_ncols=True) as bar:

        def progress(step: Any) -> None:
            bar.total = step.files_total
            bar.set_postfix_str(f"{step.chunks} chunks", refresh=False)
            bar.update(step.files_done - bar.n)

        report = kb.add(args.paths, prune=args.prune, progress=progress)
    for path, reason in report.failed.items():
        print(f"error: {path}: {reason}", file=sys.stderr)
    rate = f", {report.embedded / report.embed_seconds:.0f} chunks/s embedded" if report.embed_seconds else ""
    summary = (
        f"{len(report.added)} added, {len(report.updated)} updated, {len(report.unchanged)} unchanged, "
        f"{len(report.duplicates)} duplicate, {len(report.removed)} removed, {len(report.failed)} failed; "
        f"{report.chunks} chunks in {report.seconds:.1f} s{rate}"
    )
    _emit(args, report, summary)
    return EXIT_FAILED if report.failed else EXIT_OK


def cmd_kb_list(args: argparse.Namespace) -> int:
    documents = _knowledge(args).documents()
    for doc in documents:
        gone = "  (file is gone: edge kb remove --missing)" if doc.missing else ""
        _emit(args, doc, f"{doc.id:>5}  {doc.kind:<4} {doc.chunks:>5} chunks  {doc.source}{gone}")
    if not documents and not args.json:
        print("the knowledge base is empty: add documents with `edge kb add PATH`")
    return EXIT_OK


def cmd_kb_remove(args: argparse.Namespace) -> int:
    if not args.targets and not args.missing:
        raise InputError("nothing to remove", "give paths, folders or ids (see `edge kb list`), or --missing")
    for source in _knowledge(args).remove(args.targets, missing=args.missing):
        _emit(args, {"removed": source}, f"removed {source}")
    return EXIT_OK


def cmd_kb_stats(args: argparse.Namespace) -> int:
    stats = _knowledge(args).stats()
    kinds = ", ".join(f"{n} {kind}" for kind, n in stats.by_kind.items()) or "none"
    text = (
        f"{stats.documents} documents ({kinds}), {stats.chunks} chunks, {stats.tokens} tokens; "
        f"embedder {stats.embedder or '-'} ({stats.dim or '-'} dims); store {stats.db_bytes / 1e6:.1f} MB"
    )
    _emit(args, stats, text)
    return EXIT_OK


def cmd_kb_search(args: argparse.Namespace) -> int:
    from edge.store.knowledge import SearchFilter

    kb = _knowledge(args)
    filters = SearchFilter(sources=tuple(args.source), kinds=tuple(args.kind))

    def run(query: str, _: int) -> None:
        hits = kb.search(query, args.k, args.mode, filters)
        if args.json:
            keys = ("doc_id", "chunk_id", "score", "text", "source", "start", "end", "title", "heading", "page")
            print(json.dumps([{key: getattr(hit, key) for key in keys} for hit in hits], ensure_ascii=False), flush=True)
            return
        if not hits:
            print("no results")
        for rank, hit in enumerate(hits, 1):
            where = f" > {hit.heading}" if hit.heading else f", page {hit.page}" if hit.page else ""
            snippet = " ".join(hit.text.split())
            print(f"{rank:>2}. {hit.score:.3f}  {hit.source}{where}\n    {_shorten(snippet, 160)}")

    return _each(args, args.queries, run)


def cmd_kb_reindex(args: argparse.Namespace) -> int:
    count = _knowledge(args).reindex()
    _emit(args, {"chunks": count}, f"embedded {count} chunks again")
    return EXIT_OK


def _cache(args: argparse.Namespace) -> Any:
    return _router(args).cache


def cmd_cache_stats(args: argparse.Namespace) -> int:
    stats = _cache(args).stats()
    row = {**_plain(stats), "lookups": stats.lookups, "hit_rate": stats.hit_rate}
    text = (
        f"{stats.entries} answers cached; {stats.lookups} lookups: {stats.exact} exact hits, {stats.semantic} semantic hits, "
        f"{stats.guarded} turned away by the guards, {stats.stale} stale, {stats.misses} misses; hit rate {stats.hit_rate:.1%}"
    )
    _emit(args, row, text)
    return EXIT_OK


def cmd_cache_clear(args: argparse.Namespace) -> int:
    count = _cache(args).clear()
    _emit(args, {"cleared": count}, f"forgot {count} cached answers")
    return EXIT_OK


def cmd_usage(args: argparse.Namespace) -> int:
    from edge.config import load_settings
    from edge.telemetry import Meter

    settings = load_settings(args.config)
    db = _store(args)
    meter = Meter(db, settings.metering)
    for usage in meter.usage():
        line = (
            f"{usage.model:<28} {usage.calls:>6} calls {usage.errors:>4} errors {usage.prompt_tokens:>8} in "
            f"{usage.completion_tokens:>8} out {usage.ms / 1000:8.1f} s  ${usage.cost_usd:.4f}"
        )
        _emit(args, usage, line)
    budget = settings.metering.budget.monthly_usd
    if budget is not None and not args.json:
        print(f"spent ${meter.spent():.4f} of ${budget:.2f} this month")
    db.close()
    return EXIT_OK


def cmd_pii(args: argparse.Namespace) -> int:
    from edge.config import load_settings
    from edge.privacy.detector import Detector
    from edge.privacy.masking import Masker
    from edge.privacy.ner import SpacyNer

    settings = load_settings(args.config)
    detector = Detector(settings.privacy, SpacyNer(settings))

    def run(text: str, _: int) -> None:
        masked = Masker(detector).mask(text)
        entities = [{"type": e.type, "start": e.start, "end": e.end, "score": e.score} for e in masked.entities]
        lines = [masked.text, *(f"  {e.type:<14} {e.start:>5}-{e.end:<5} {e.score:.2f}" for e in masked.entities)]
        _emit(args, {"masked": masked.text, "entities": entities}, "\n".join(lines))

    return _each(args, args.texts, run)


CANARY = "This is a connection test from edge, sent by {name} ({email}). Reply with the single word OK."


def cmd_cloud_test(args: argparse.Namespace) -> int:
    from edge.config import load_settings
    from edge.privacy.policy import EgressRefused
    from edge.router.escalation import CloudEscalation
    from edge.telemetry import Meter, OverBudget

    settings = load_settings(args.config)
    db = _store(args)
    cloud = CloudEscalation(settings, db, Meter(db, settings.metering), consent=_consent(args))
    canary = CANARY.format(name="Ada Canary", email="ada.canary@example.com")
    try:
        answer = cloud.answer(args.route, [{"role": "user", "content": canary}])
    except (EgressRefused, OverBudget) as exc:
        _error(EdgeError(f"nothing was sent: {exc}", "see the cloud settings in README.md, 'Cloud escalation'"))
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
    _emit(args, summary, line)
    return EXIT_OK


def cmd_audit(args: argparse.Namespace) -> int:
    import time

    from edge.privacy.audit import EgressLog

    db = _store(args)
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
        _emit(args, r, line)
    db.close()
    return EXIT_OK


def cmd_embed(args: argparse.Namespace) -> int:
    runtime = _runtime(args, ["embedder"])

    def run(text: str, _: int) -> None:
        vector = runtime.embedder.embed([text])[0]
        preview = ", ".join(f"{v:+.4f}" for v in vector[:4])
        _emit(
            args,
            {"text": text, "dim": len(vector), "vector": [round(float(v), 6) for v in vector]},
            f"{len(vector)}-d [{preview}, …]  {_shorten(text)}",
        )

    return _each(args, args.texts, run)


def cmd_classify(args: argparse.Namespace) -> int:
    runtime = _runtime(args, ["embedder", "classifier"])

    def run(text: str, _: int) -> None:
        result = runtime.classifier.classify([text])[0]
        _emit(args, {"text": text, **_plain(result)}, f"{result.label:<12} {result.confidence:.3f}  {_shorten(text)}")

    return _each(args, args.texts, run)


def cmd_intents_train(args: argparse.Namespace) -> int:
    from edge.router import read_rows, train_intents

    rows = read_rows(args.data)
    calibration = read_rows(args.calibrate) if args.calibrate else None
    meta = train_intents(rows, args.out, _runtime(args, ["embedder"]).embedder, calibration)
    _emit(args, {"out": args.out, **meta}, f"wrote {args.out}: {meta['labels']} labels, oos threshold {meta['oos_threshold']}")
    return EXIT_OK


def cmd_intents_eval(args: argparse.Namespace) -> int:
    from edge.router import evaluate_intents, read_rows
    from edge.router.intents import MODEL_FILE

    model = args.model / MODEL_FILE
    if not model.is_file():
        raise InputError(f"{args.model} holds no {MODEL_FILE}", "train one with: edge intents train DATA.csv --out DIR")
    runtime = _runtime(args, ["embedder", "classifier"], classifier={"path": model})
    report = evaluate_intents(read_rows(args.data), runtime.classifier)
    oos = f", oos recall {report.oos_recall}, oos precision {report.oos_precision}" if report.oos_recall is not None else ""
    _emit(args, report, f"accuracy {report.accuracy}, macro F1 {report.macro_f1}{oos} ({report.rows} rows)")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
