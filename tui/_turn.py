"""One question and its answer: what was heard, the streamed reply, where it was answered, what left the device,
its sources and how long each stage took."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, Static

from edge.privacy import EgressRecord
from edge.router import Decision, Handled, Reply
from edge.voice import TurnTimings
from tui._egress import EgressView
from tui._text import ms, usd

REDRAW_S = 0.05
"""Tokens that follow the first within this time are drawn together: each draw lays the conversation out again, on
a thread that shares the cores with generation."""
TIERS = {Handled.LOCAL_LLM: "local LLM", Handled.LARGER_LLM: "larger local LLM", Handled.CLOUD_LLM: "cloud"}


def badge(reply: Reply) -> tuple[str, str]:
    """The badge's text and its kind (a CSS class): skill, knowledge, local, cloud, cache or other."""
    handler, route = reply.handler, reply.decision.route
    model = reply.models[0] if reply.models else None
    if handler is Handled.SKILL:
        return f"skill · {reply.decision.skill}", "skill"
    if handler is Handled.CLARIFY:
        return f"skill · {reply.decision.skill} · asked what is missing", "skill"
    if handler in TIERS:
        kind = "cloud" if handler is Handled.CLOUD_LLM else "knowledge" if route == "knowledge" else "local"
        parts = [route, TIERS[handler], model]
    elif handler is Handled.DOCUMENTS:
        kind, parts = "knowledge", ["knowledge", "quoted from your documents"]
    elif handler is Handled.CACHE:
        kind, parts = "cache", [route, f"cache ({reply.cached})" if reply.cached else "cache", model]
    else:
        kind, parts = "other", [route, handler.value]
    text = " · ".join(p for p in parts if p)
    return (f"{text} · {usd(reply.cost_usd)}" if reply.cost_usd else text), kind


def timings_line(timings: TurnTimings) -> str:
    """Each stage's time from the end of speech (typed: from Enter), as the engine measured it."""
    start = "end of speech" if timings.transcript is not None else "enter"
    stages = [f"transcript {ms(timings.transcript)}"] if timings.transcript is not None else []
    stages += [f"route {ms(timings.route)}", f"first token {ms(timings.first_token)}"]
    stages.append(f"first audio {ms(timings.first_audio)}" if timings.first_audio is not None else "not spoken")
    return f"{start} → " + " → ".join(stages) + f" · done {ms(timings.done)}"


class TurnView(Vertical):
    """Fed the turn's events in order. Its state is kept as plain attributes and the view is redrawn from it."""

    def __init__(self, question: str | None = None, voice: bool = False, waiting: bool = False) -> None:
        super().__init__(classes="turn voice" if voice else "turn")
        self.question = question or ""
        self.voice = voice
        self.partial = ""
        self.partials = 0
        self.audio_s: float | None = None
        self.decision: Decision | None = None
        self.answer = ""
        self.reply: Reply | None = None
        self.records: list[EgressRecord] = []
        self.timings: TurnTimings | None = None
        self.stopped: str | None = None
        self.error: str | None = None
        self.state = "waiting" if waiting else "listening" if voice else "thinking"
        self._composed = False
        self._draw_due = False

    @property
    def routed(self) -> bool:
        return self.decision is not None

    @property
    def done(self) -> bool:
        return self.timings is not None or self.error is not None

    @property
    def badge_text(self) -> str:
        if self.reply is not None:
            text = badge(self.reply)[0]
        else:
            text = self.decision.route if self.decision is not None else ""
        if self.stopped is not None:
            text = f"{text} · stopped ({self.stopped})" if text else f"stopped ({self.stopped})"
        return text

    @property
    def left_device(self) -> bool:
        return bool(self.records) or (self.reply is not None and self.reply.cloud is not None)

    @property
    def egress(self) -> str:
        """What left the device for this answer, as plain text ("" when nothing did)."""
        return self.query_one(EgressView).text if self._composed else ""

    @property
    def sources(self) -> str:
        citations = self.reply.citations if self.reply is not None else []
        cited = [c for c in citations if c.cited] or citations
        return ("Sources: " + " · ".join(c.label for c in cited)) if cited else ""

    def compose(self) -> ComposeResult:
        yield Static(classes="question")
        yield Static(classes="notice", markup=False)
        yield Static(classes="answer")
        yield EgressView()
        yield Static(classes="sources", markup=False)
        yield Label(classes="badge", markup=False)
        yield Static(classes="timings", markup=False)

    def on_mount(self) -> None:
        self._composed = True
        self.redraw()

    def started(self) -> None:
        if self.state == "waiting":
            self.state = "thinking"
        self.redraw()

    def heard_partial(self, text: str) -> None:
        self.partial, self.partials = text, self.partials + 1
        self.redraw()

    def heard_final(self, text: str, audio_s: float) -> None:
        self.question, self.audio_s, self.state = text, audio_s, "thinking"
        self.redraw()

    def routed_to(self, text: str, decision: Decision) -> None:
        self.question, self.decision = self.question or text, decision
        self.redraw()

    def token(self, text: str) -> None:
        if self.stopped is None:
            first = not self.answer
            self.answer += text
            self.state = "streaming"
            if not self._composed:
                return
            if first:
                self._put(".answer", self._answer())
            elif not self._draw_due:
                self._draw_due = True
                self.set_timer(REDRAW_S, self._draw_answer)

    def _draw_answer(self) -> None:
        self._draw_due = False
        self._put(".answer", self._answer())

    def retract(self) -> None:
        """The answer written so far is withdrawn: the tokens that come next replace it."""
        if self.stopped is None:
            self.answer, self.state = "", "thinking"
            if self._composed:
                self._put(".answer", self._answer())

    def answered(self, reply: Reply) -> None:
        self.state = "done"
        if reply.handler is not Handled.STOPPED:
            self.reply = reply
            notice = reply.notice or ""
            self.answer = reply.text.removeprefix(notice).lstrip() if notice and reply.text.startswith(notice) else reply.text
        self.redraw()

    def sent(self, records: list[EgressRecord]) -> None:
        self.records = [*self.records, *records]
        self.redraw()

    def timed(self, timings: TurnTimings) -> None:
        self.timings = timings
        self.state = "done"
        self.redraw()

    def interrupted(self, reason: str) -> None:
        if self.stopped is None:
            self.stopped = reason
            self.redraw()

    def failed(self, message: str) -> None:
        self.error, self.state = message, "done"
        self.redraw()

    def redraw(self) -> None:
        if not self._composed:
            return
        self._put(".question", self._question())
        self._put(".notice", self.reply.notice if self.reply is not None and self.reply.notice else "")
        self._put(".answer", self._answer())
        self.query_one(".answer").set_class(self.error is not None, "error")
        self.query_one(EgressView).show(self.reply.cloud if self.reply is not None else None, self.records)
        self._put(".sources", self.sources)
        kind = badge(self.reply)[1] if self.reply is not None else "other"
        self._put(".badge", self.badge_text)
        self.query_one(".badge").set_classes(f"badge {kind}")
        self._put(".timings", timings_line(self.timings) if self.timings is not None else "")

    def _question(self) -> Content:
        who = "You (voice)" if self.voice else "You"
        if self.question:
            heard = f"  {self.audio_s:.1f} s of speech" if self.audio_s is not None else ""
            return Content.from_markup("[b]$who[/]  $text[dim]$heard[/]", who=who, text=self.question, heard=heard)
        if self.partial:
            return Content.from_markup("[b]$who[/]  [i]$text …[/]", who=who, text=self.partial)
        return Content.from_markup("[b]$who[/]  [dim i]listening…[/]", who=who)

    def _answer(self) -> Content:
        if self.error is not None:
            return Content.from_markup("[b]error:[/] $error", error=self.error)
        if self.answer:
            tail = " ▍" if self.state == "streaming" and self.stopped is None else ""
            return Content(self.answer + tail)
        placeholder = {"waiting": "waiting for the previous request…", "listening": "", "thinking": "thinking…"}
        return Content.from_markup("[dim i]$text[/]", text=placeholder.get(self.state, "(no answer)"))

    def _put(self, selector: str, content: str | Content) -> None:
        widget = self.query_one(selector, Static)
        widget.update(content)
        widget.display = bool(content)
