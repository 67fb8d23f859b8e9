"""An app that embeds edge as a sidecar: it starts `edge serve --port 0 --parent-pid PID`, waits for "ready", talks
to it with OpenAI's client, and shows the timers and reminders that go off (the server-sent events of /v1/events).
Written with Textual; any toolkit or language does the same.

    .venv/bin/python packaging/sidecar/chat_app.py

When the app exits, or dies, edge serve sees its parent gone and stops.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import openai
from textual import work
from textual.app import App, ComposeResult
from textual.widgets import Input, Log

from edge.serve.announce import read_until_ready


@dataclass
class Sidecar:
    process: subprocess.Popen[str]
    client: openai.OpenAI

    @classmethod
    def start(cls, *args: str) -> Sidecar:
        command = [sys.executable, "-m", "edge.cli", "serve", "--port", "0", "--parent-pid", str(os.getpid()), *args]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        announced = read_until_ready(process.stdout or ())
        if announced.url is None:
            raise RuntimeError(f"edge serve stopped before it was ready (exit code {process.wait()})")
        return cls(process, openai.OpenAI(base_url=announced.url, api_key="unused"))

    def went_off(self) -> Iterator[str]:
        """What each timer, alarm or reminder says as it goes off, from the moment edge started."""
        url = f"{self.client.base_url}".rstrip("/") + "/events"
        with contextlib.suppress(httpx.HTTPError):
            with httpx.stream("GET", url, headers={"Last-Event-ID": "0"}, timeout=httpx.Timeout(10, read=None)) as events:
                for line in events.iter_lines():
                    if line.startswith("data: "):
                        yield json.loads(line.removeprefix("data: "))["text"]

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(30)


class ChatApp(App[None]):
    """A prompt and the conversation; each answer streams in as edge writes it."""

    def __init__(self, *serve_args: str) -> None:
        super().__init__()
        self.serve_args = serve_args
        self.sidecar: Sidecar | None = None

    def compose(self) -> ComposeResult:
        yield Log(id="conversation")
        yield Input(placeholder="Starting edge...", id="prompt", disabled=True)

    def on_mount(self) -> None:
        self.start_sidecar()

    @work(thread=True)
    def start_sidecar(self) -> None:
        self.sidecar = Sidecar.start(*self.serve_args)
        self.call_from_thread(self.enable_prompt)
        self.show_what_goes_off()

    @work(thread=True)
    def show_what_goes_off(self) -> None:
        assert self.sidecar is not None
        log = self.query_one("#conversation", Log)
        for text in self.sidecar.went_off():
            self.call_from_thread(log.write_line, f"edge: {text}")

    def enable_prompt(self) -> None:
        prompt = self.query_one("#prompt", Input)
        prompt.disabled, prompt.placeholder = False, "Ask edge"
        prompt.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.value.strip():
            event.input.value = ""
            self.query_one("#conversation", Log).write_line(f"you: {event.value}")
            self.answer(event.value)

    @work(thread=True, exclusive=True)
    def answer(self, question: str) -> None:
        assert self.sidecar is not None
        log = self.query_one("#conversation", Log)
        self.call_from_thread(log.write, "edge: ")
        stream = self.sidecar.client.chat.completions.create(
            model="edge", stream=True, messages=[{"role": "user", "content": question}]
        )
        for chunk in stream:
            if chunk.choices and (text := chunk.choices[0].delta.content):
                self.call_from_thread(log.write, text)
        self.call_from_thread(log.write_line, "")

    def on_unmount(self) -> None:
        if self.sidecar is not None:
            self.sidecar.stop()


if __name__ == "__main__":
    ChatApp().run()
