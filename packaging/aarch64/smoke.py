"""A first session with edge on an aarch64 device, run under qemu-aarch64-static by packaging/test-aarch64: the
checks of `edge doctor`, every default model loaded, a recorded clip transcribed, two requests routed and answered,
a few tokens from the LLM, a sentence of speech, a document added to the knowledge base and found.

Each step prints its time (emulated: a real Pi is many times faster) and the script exits 1 at the first step that
fails. It runs in-process so that Python and the models start once.

    python3 smoke.py CLIP.flac "reference transcript" WORK_DIR
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

Step = Callable[[], str]


def main() -> int:
    clip, reference, work = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    import edge
    from edge.doctor import run_checks
    from edge.router import Router

    state: dict = {}

    def doctor() -> str:
        checks = run_checks(edge.load_settings())
        failed = [f"{c.name}: {c.detail}" for c in checks if c.status == "fail"]
        if failed:
            raise AssertionError("; ".join(failed))
        said = {c.name: c.detail for c in checks}
        return f"{len(checks)} checks, none failed; {said['device']}; llama.cpp uses {said.get('llm cpu features')}"

    def load() -> str:
        runtime = state["runtime"] = edge.Runtime()
        statuses = runtime.start()
        broken = [f"{s.role}: {s.error}" for s in statuses if s.state == "failed"]
        if broken:
            raise AssertionError("; ".join(broken))
        return ", ".join(s.role for s in statuses if s.state == "ready")

    def transcribe() -> str:
        text = state["runtime"].stt.transcribe(clip).text
        heard, said = words(text), words(reference)
        if len(set(heard) & set(said)) < 0.8 * len(set(said)):
            raise AssertionError(f"heard {text!r}, expected {reference!r}")
        return text

    def route(question: str, expected: str) -> Step:
        def ask() -> str:
            router = state.setdefault("router", Router(state["runtime"]))
            reply = router.ask(question)
            if not re.search(expected, reply.text):
                raise AssertionError(f"{question!r} got {reply.text!r} via {reply.handler}")
            return f"{question!r} -> {reply.text!r}"

        return ask

    def llm() -> str:
        completion = state["runtime"].llm.chat("Say hello in three words.", max_tokens=8)
        if not completion.text.strip():
            raise AssertionError("the LLM wrote nothing")
        return repr(completion.text)

    def speak() -> str:
        speech = state["runtime"].tts.to_wav("The timer is set for ten minutes.", work / "speech.wav")
        if speech.duration_s < 1.0:
            raise AssertionError(f"{speech.duration_s} s of speech for a sentence")
        return f"{speech.duration_s} s of audio, first sentence after {speech.first_chunk_s} s"

    def knowledge() -> str:
        from edge.store.database import Database
        from edge.store.knowledge import KnowledgeBase

        runtime = state["runtime"]
        note = work / "boat.md"
        note.write_text("The sailboat Marigold is moored at berth 17 in the north harbour.\n")
        kb = KnowledgeBase(Database(runtime.settings.store_path), runtime.embedder, runtime.settings.knowledge)
        kb.add([note])
        hits = kb.search("where is the Marigold moored", k=1)
        if not hits or "berth 17" not in hits[0].text:
            raise AssertionError(f"search found {hits[:1]}")
        return "found berth 17"

    steps: list[tuple[str, Step]] = [
        ("edge doctor", doctor),
        ("load every model", load),
        ("transcribe a recorded clip", transcribe),
        ("route: what is 12 times 7", route("what is 12 times 7", r"\b84\b")),
        ("route: what time is it", route("what time is it", r"\b\d{1,2}(:\d{2})? [AP]M\b")),
        ("LLM: a few tokens", llm),
        ("speak one sentence", speak),
        ("knowledge base: add and search", knowledge),
    ]
    started = time.perf_counter()
    for name, step in steps:
        begun = time.perf_counter()
        try:
            detail = step()
        except Exception as exc:
            print(f"FAIL  {name:34} {time.perf_counter() - begun:7.1f} s  {type(exc).__name__}: {exc}", flush=True)
            return 1
        print(f"ok    {name:34} {time.perf_counter() - begun:7.1f} s  {detail}", flush=True)
    print(f"all {len(steps)} steps passed in {time.perf_counter() - started:.0f} s", flush=True)
    return 0


def words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


if __name__ == "__main__":
    sys.exit(main())
