"""The settings screen: what the router runs with, and the few settings that are safe to change while it runs.

Changes go to ``router.settings`` in memory (pydantic validates each assignment) and last until the app quits.
"""

from __future__ import annotations

from typing import cast

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label, Select, Static, Switch

from edge.config import LLM_ROUTES, Consent, is_llm_route
from edge.router import Router
from tui._text import usd

POLICIES: list[tuple[str, Consent]] = [("never send", "never"), ("ask each time", "ask"), ("always send (masked)", "always")]


def rows(pairs: list[tuple[str, object]]) -> Content:
    return Content("\n").join(
        Content.from_markup("[dim]$name[/] $value", name=f"{name:<27}", value="—" if value is None else str(value))
        for name, value in pairs
    )


class SettingsScreen(Screen[None]):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(self, router: Router) -> None:
        super().__init__()
        self.router = router

    def compose(self) -> ComposeResult:
        settings = self.router.settings
        voice, router, cloud = settings.voice, settings.router, settings.cloud
        cascade = router.cascade
        yield Header()
        with VerticalScroll(id="settings"):
            yield Static("Changes apply now, in memory, until you quit; put them in config.toml to keep them.", classes="hint")
            yield Static("Models", classes="section")
            yield Static(self._models())
            yield Static("Voice", classes="section")
            with Horizontal(classes="setting"):
                yield Label("speak answers", classes="name")
                yield Switch(voice.speak, id="speak")
            with Horizontal(classes="setting"):
                yield Label("barge-in (speech stops it)", classes="name")
                yield Switch(voice.barge_in, id="barge-in")
            yield Static(
                rows(
                    [
                        ("mode", voice.mode.replace("_", " ")),
                        ("barge-in after", f"{voice.barge_in_ms} ms of speech"),
                        ("partial transcripts every", f"{voice.partial_every_ms} ms"),
                        ("first spoken chunk", f"{voice.first_chunk_words} words"),
                    ]
                )
            )
            yield Static("Thresholds", classes="section")
            with Horizontal(classes="setting"):
                yield Label("cascade min confidence", classes="name")
                yield Input(f"{cascade.min_confidence:g}", id="min-confidence", type="number", classes="number")
            yield Static(
                rows(
                    [
                        ("intent min confidence", f"{router.min_confidence:g} (else {router.low_confidence_route})"),
                        ("larger local LLM", cascade.larger_llm.name if cascade.larger_llm else "none configured"),
                        ("knowledge search", f"{settings.knowledge.mode}, top {settings.knowledge.top_k}"),
                        ("knowledge min similarity", f"{settings.knowledge.min_similarity:g}"),
                    ]
                )
            )
            yield Static("Cloud", classes="section")
            yield Static(
                rows(
                    [
                        ("escalation", "on" if cloud.enabled else "off: nothing leaves the device, whatever the policy"),
                        ("provider", f"{cloud.provider} · {cloud.model}"),
                        ("endpoint", cloud.endpoint),
                        ("never sent, even masked", ", ".join(cloud.never_send) or "—"),
                        ("monthly budget", usd(b) if (b := settings.metering.budget.monthly_usd) is not None else "none"),
                    ]
                )
            )
            for route in LLM_ROUTES:
                with Horizontal(classes="setting"):
                    yield Label(f"policy for {route}", classes="name")
                    yield Select(POLICIES, value=cloud.policy.get(route, "never"), allow_blank=False, id=f"policy-{route}")
            yield Static(id="settings-message", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "settings"
        self.query_one("#settings-message").display = False

    def _models(self) -> Content:
        settings = self.router.settings
        llm = settings.llm
        status = {s.role: s for s in self.router.runtime.status()}
        detail = {
            "stt": f"beam {settings.stt.beam_size}, {settings.stt.compute_type}",
            "llm": f"context {llm.context}, max {llm.max_tokens} tokens, temperature {llm.temperature:g}",
        }
        pairs: list[tuple[str, object]] = []
        for role in settings.roles:
            s = status.get(role)
            model = (s.model or "—") if s else "—"
            state = "" if s is None or s.state == "ready" else f" ({s.state.replace('_', ' ')})"
            extra = f" · {detail[role]}" if role in detail else ""
            pairs.append((role, f"{model}{state}{extra}"))
        return rows(pairs)

    def on_switch_changed(self, event: Switch.Changed) -> None:
        voice = self.router.settings.voice
        if event.switch.id == "speak":
            voice.speak = event.value
            self._say(f"answers are {'spoken' if event.value else 'shown as text only'}")
        elif event.switch.id == "barge-in":
            voice.barge_in = event.value
            self._say(f"barge-in {'on' if event.value else 'off'}")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "min-confidence":
            return
        cascade = self.router.settings.router.cascade
        try:
            value = float(event.value)
            if not 0.0 <= value <= 1.0:
                raise ValueError
        except ValueError:
            self._say(f"cascade min confidence must be a number from 0 to 1; it stays {cascade.min_confidence:g}", error=True)
            return
        cascade.min_confidence = value
        self._say(f"cascade min confidence is now {value:g}: less sure answers escalate to the next model")

    def on_select_changed(self, event: Select.Changed) -> None:
        route = (event.select.id or "").removeprefix("policy-")
        cloud = self.router.settings.cloud
        if not is_llm_route(route) or event.value == cloud.policy.get(route):
            return
        # Select.Changed does not carry the Select's value type; a policy Select holds only POLICIES' values.
        cloud.policy = {**cloud.policy, route: cast(Consent, event.value)}
        self._say(f"cloud policy for {route} requests: {event.value}")

    @property
    def message(self) -> str:
        return str(self.query_one("#settings-message", Static).content)

    def _say(self, text: str, error: bool = False) -> None:
        widget = self.query_one("#settings-message", Static)
        widget.update(text)
        widget.set_class(error, "error")
        widget.display = True
