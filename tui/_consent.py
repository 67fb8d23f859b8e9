"""The 'ask' cloud policy: a dialog showing exactly what would leave the device, and the bridge that lets the
router's worker thread wait for the user's answer."""

from __future__ import annotations

import threading
from typing import Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from edge.privacy import ConsentRequest
from tui._egress import MessagesView
from tui._text import entities, size


class ConsentScreen(ModalScreen[bool]):
    BINDINGS = [Binding("escape", "refuse", "Don't send")]

    def __init__(self, request: ConsentRequest) -> None:
        super().__init__()
        self.request = request

    def compose(self) -> ComposeResult:
        request = self.request
        with Vertical(id="consent"):
            yield Static("Send this request to the cloud?", classes="title")
            yield Static(
                Content.from_markup(
                    "The cloud policy for [b]$route[/] requests is 'ask', so nothing is sent unless you say so.\n"
                    "To [b]$host[/] · model [b]$model[/] · $bytes\n"
                    "Masked before sending: [b]$masked[/]",
                    route=request.route,
                    host=request.host,
                    model=request.model,
                    bytes=size(request.payload_bytes),
                    masked=entities(request.entities),
                ),
                classes="details",
            )
            with VerticalScroll(id="sent") as sent:
                sent.border_title = "exactly what will be sent"
                yield MessagesView(request.messages)
            with Horizontal(id="choices"):
                yield Button("Send", id="send", variant="warning")
                yield Button("Don't send", id="refuse", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#refuse", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "send")

    def action_refuse(self) -> None:
        self.dismiss(False)


class ConsentGate:
    """The router's ``consent`` callback. Called on a worker thread, it shows the dialog on the app's thread and
    blocks until the user answers; a request still waiting when the app closes is refused."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self._waiting: dict[threading.Event, list[bool]] = {}
        self._lock = threading.Lock()
        self._closed = False

    def __call__(self, request: ConsentRequest) -> bool:
        decided, answer = threading.Event(), [False]
        with self._lock:
            if self._closed:
                return False
            self._waiting[decided] = answer

        def answered(send: bool | None) -> None:
            answer[0] = bool(send)
            decided.set()

        try:
            self.app.call_from_thread(self.app.push_screen, ConsentScreen(request), answered)
            decided.wait()
        except RuntimeError:
            answer[0] = False
        finally:
            with self._lock:
                self._waiting.pop(decided, None)
        return answer[0]

    def close(self) -> None:
        with self._lock:
            self._closed = True
            for decided, answer in self._waiting.items():
                answer[0] = False
                decided.set()
