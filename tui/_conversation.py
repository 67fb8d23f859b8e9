"""The conversation: every turn, and the notes between them, fed the session's events in order.

Events carry no turn id. A new utterance can start while the previous answer is still being written or spoken, so
the events are sorted out here: speech events go to the turn being heard, answer events to the turn being answered,
and after an interruption the stopped turn's last events (its "stopped" reply and its timings) go back to it.
"""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets import Static

from edge.router import Handled
from edge.voice import (
    Answered,
    Failed,
    FinalTranscript,
    Interrupted,
    PartialTranscript,
    Retracted,
    Routed,
    SpeechStarted,
    Token,
    TurnTimings,
)
from tui._session import Finished, Job, LeftDevice, SessionEvent, Started
from tui._turn import TurnView


class Conversation(VerticalScroll):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.can_focus = False
        self._typed: dict[int, TurnView] = {}
        self.listening: TurnView | None = None
        self.answering: TurnView | None = None
        self.draining: TurnView | None = None
        self.last: TurnView | None = None
        self._answered: TurnView | None = None

    @property
    def turns(self) -> list[TurnView]:
        return list(self.query(TurnView))

    @property
    def notes(self) -> list[str]:
        return [str(note.content) for note in self.query(".note").results(Static)]

    def note(self, text: str, kind: str = "info") -> None:
        self._add(Static(text, classes=f"note {kind}", markup=False))

    def question(self, job: Job, text: str, waiting: bool) -> TurnView:
        """A typed question, shown at once; its answer comes when its job runs."""
        turn = TurnView(text, waiting=waiting)
        self._typed[job.id] = turn
        self._add(turn)
        return turn

    def apply(self, job: Job, event: SessionEvent) -> None:
        if isinstance(event, Started):
            self._started(job)
        elif isinstance(event, Finished):
            self._finished(job)
        elif isinstance(event, SpeechStarted):
            self._hearing()
        elif isinstance(event, PartialTranscript):
            (self.listening or self._hearing()).heard_partial(event.text)
        elif isinstance(event, FinalTranscript):
            turn = self.listening or self._hearing()
            turn.heard_final(event.text, event.audio_s)
            self.listening = None
            if self.answering is not None and not self.answering.done:
                self.draining = self.answering
            self.answering = turn
        elif isinstance(event, Routed):
            turn = self.answering or self._new_turn(voice=False)
            self.answering = turn
            turn.routed_to(event.text, event.decision)
            self.last = turn
        elif isinstance(event, Token):
            if (writing := self._answer_target()) is not None:
                writing.token(event.text)
        elif isinstance(event, Retracted):
            if (writing := self._answer_target()) is not None:
                writing.retract()
        elif isinstance(event, Answered):
            stopped = event.reply.handler is Handled.STOPPED and self.draining
            answered = self.draining if stopped else self._answer_target()
            if answered is not None:
                answered.answered(event.reply)
                self._answered = answered
        elif isinstance(event, LeftDevice):
            if self._answered is not None:
                self._answered.sent(event.records)
        elif isinstance(event, TurnTimings):
            if self.draining is not None and not self.draining.done:
                self.draining.timed(event)
                self.draining = None
            elif self.answering is not None:
                self.answering.timed(event)
        elif isinstance(event, Interrupted):
            target = self.answering if self.answering is not None and self.answering.routed else self.last
            if target is not None:
                target.interrupted(event.reason)
        elif isinstance(event, Failed):
            if self.answering is not None and not self.answering.done and self.answering.reply is None:
                self.answering.failed(event.message)
            else:
                self.note(event.message, "error")
        self.scroll_end(animate=False)

    def _started(self, job: Job) -> None:
        if job.text is not None:
            self.answering = self._typed.pop(job.id, None)
            if self.answering is not None:
                self.answering.started()
        else:
            self.note(f"Listening to {job.source}", "listen")

    def _finished(self, job: Job) -> None:
        if self.listening is not None and not self.listening.question:
            self.listening.remove()
        self.listening = self.answering = self.draining = None
        if job.source is not None:
            self.note(f"Done listening to {job.source}", "listen")

    def _hearing(self) -> TurnView:
        """A new turn for speech that just started (an earlier start that never became words is dropped)."""
        if self.listening is not None and not self.listening.question:
            self.listening.remove()
        self.listening = self._new_turn(voice=True)
        return self.listening

    def _new_turn(self, voice: bool) -> TurnView:
        turn = TurnView(voice=voice)
        self._add(turn)
        return turn

    def _answer_target(self) -> TurnView | None:
        if self.answering is not None and self.answering.routed:
            return self.answering
        return self.draining

    def _add(self, widget: Static | TurnView) -> None:
        self.mount(widget)
        self.scroll_end(animate=False)
