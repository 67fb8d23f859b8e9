"""The assistant app: the conversation, the status panel, the prompt and the key bindings.

Models load on a thread worker so the screen appears at once; every question and audio source then runs through
one Session thread, whose events come back to the app as messages.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Footer, Header, Input, LoadingIndicator, Static

from edge.errors import EdgeError
from edge.privacy import Consent
from edge.router import Router
from edge.voice import (
    Answered,
    Assistant,
    Audio,
    AudioOutput,
    FinalTranscript,
    Recorder,
    Routed,
    SpeechStarted,
    TurnTimings,
    file_frames,
    microphone_available,
    microphone_frames,
    speaker_or_recorder,
)
from tui._consent import ConsentGate
from tui._conversation import Conversation
from tui._knowledge import KnowledgeScreen
from tui._session import Finished, Job, Session, SessionEvent, Started
from tui._settings import SettingsScreen
from tui._status import StatusPanel, Vitals, probe

if TYPE_CHECKING:
    from edge.router import Citation

IDLE = "Type a question · /wav PATH hears an audio file as your voice · /help"
HELP = (
    "Type a question and press Enter. /wav PATH (wav, flac, mp3, ogg) is heard as if you had spoken it.\n"
    "Keys: Esc stops the answer · ctrl+t talks (microphone) · ctrl+o hears an audio file · "
    "ctrl+l knowledge base · ctrl+s settings · ctrl+q quits."
)


class AssistantApp(App[int]):
    CSS_PATH = "assistant.tcss"
    TITLE = "edge"
    SUB_TITLE = "loading models…"
    BINDINGS = [
        Binding("escape", "stop", "Stop answer"),
        Binding("ctrl+t", "talk", "Talk"),
        Binding("ctrl+o", "open_audio", "Audio file"),
        Binding("ctrl+l", "knowledge", "Knowledge"),
        Binding("ctrl+s", "settings", "Settings"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    class Heard(Message):
        """An event of the session, posted from its thread."""

        def __init__(self, job: Job, event: SessionEvent) -> None:
            super().__init__()
            self.job = job
            self.event = event

    class Said(Message):
        """A line from elsewhere in edge: a timer that went off."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(
        self,
        router: Router | Callable[[Consent], Router],
        *,
        inputs: Sequence[Path | str] = (),
        speak: bool | None = None,
        output: AudioOutput | None = None,
        microphone: bool = True,
        probe: Callable[[Router], Vitals] = probe,
    ) -> None:
        """``router``: a Router (consent is its own), or a factory given the app's consent dialog; the app starts it
        but never closes it. ``inputs``: audio files heard in turn once the models are loaded. ``speak`` overrides
        voice.speak. ``output``: where speech goes (default: the speaker, or silence when there is none).
        ``microphone=False`` does not look for one. ``probe`` reads the status panel's figures."""
        super().__init__()
        self._connect = router if callable(router) else (lambda _consent: router)
        self._inputs = [Path(p).expanduser() for p in inputs]
        self._speak = speak
        self._output = output
        self._look_for_microphone = microphone
        self._probe = probe
        self.consent = ConsentGate(self)
        self.router: Router | None = None
        self.session: Session | None = None
        self.microphone: str | None = None
        self.cited: list[Citation] = []
        self.error: str | None = None
        self.loaded = threading.Event()
        """Set when loading has ended, well or not."""
        self._talking: threading.Event | None = None

    @property
    def ready(self) -> bool:
        return self.session is not None

    @property
    def conversation(self) -> Conversation:
        return self.query_one(Conversation)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="body"):
            yield Conversation(id="conversation")
            yield StatusPanel(id="status")
        yield Static("Loading models…", id="activity", markup=False)
        yield Input(placeholder="Loading models…", id="prompt", disabled=True)
        yield Footer()

    def on_mount(self) -> None:
        self.conversation.mount(LoadingIndicator(id="loading"))
        self.run_worker(self._load, thread=True, name="load", exit_on_error=False)
        self.set_interval(2.0, self.refresh_status)

    def _load(self) -> None:
        try:
            router = self._connect(self.consent)
            self.router = router
            router.start()
            if self._speak is not None:
                router.settings.voice.speak = self._speak
            voice = router.settings.voice
            output, no_speaker = (self._output, None) if self._output is not None else speaker_or_recorder(voice.output_device)
            microphone = microphone_available(voice.input_device) if self._look_for_microphone else None
            assistant = Assistant(router, output)
            vitals = self._probe(router)
            router.skills.scheduler.subscribe(lambda fired: self._post(self.Said(fired.text)))
        except EdgeError as exc:
            self._call(self._load_failed, str(exc))
        except Exception as exc:
            self._call(self._load_failed, f"edge could not start ({type(exc).__name__}: {exc}). Fix: run edge doctor")
        else:
            self._call(self._loaded, assistant, microphone, no_speaker, vitals)
        finally:
            self.loaded.set()

    def _call(self, callback: Callable[..., object], *args: object) -> None:
        try:
            self.call_from_thread(callback, *args)
        except RuntimeError:
            pass

    def _post(self, message: Message) -> None:
        try:
            self.post_message(message)
        except RuntimeError:
            pass

    def _loaded(self, assistant: Assistant, microphone: str | None, no_speaker: str | None, vitals: Vitals) -> None:
        self.microphone = microphone
        self.session = Session(assistant, lambda job, event: self._post(self.Heard(job, event)))
        self.query("#loading").remove()
        self.sub_title = "ready"
        heard = f"microphone ({microphone})" if microphone else "typing and audio files"
        silent = no_speaker is not None or isinstance(self._output, Recorder)
        spoken = "text; speech is not played" if silent else "text and speech"
        self.query_one(StatusPanel).show(vitals, (heard, spoken))
        no_microphone = self._look_for_microphone and not microphone
        if no_microphone or no_speaker:
            missing = " or ".join(n for n, absent in (("microphone", no_microphone), ("speaker", no_speaker)) if absent)
            ways = "type your questions, or /wav PATH to speak from a file" if no_microphone else ""
            shown = "answers are shown as text" if no_speaker else ""
            self.conversation.note(f"No {missing} here: " + "; ".join(w for w in (ways, shown) if w) + ".", "notice")
        prompt = self.query_one(Input)
        prompt.disabled = False
        prompt.placeholder = "Ask something…  (/wav PATH hears an audio file, /help)"
        prompt.focus()
        self._activity(IDLE)
        for path in self._inputs:
            self.hear_file(path)
        self.refresh_bindings()

    def _load_failed(self, message: str) -> None:
        self.error = message
        self.query("#loading").remove()
        self.sub_title = "not ready"
        self.conversation.note(message, "error")
        self._activity("edge could not start: fix the problem above and run it again. ctrl+q quits.")

    def refresh_status(self) -> None:
        if self.router is not None:
            self.run_worker(self._refresh_status, thread=True, group="status", exclusive=True, exit_on_error=False)

    def _refresh_status(self) -> None:
        if self.router is not None:
            self._call(self._show_vitals, self._probe(self.router))

    def _show_vitals(self, vitals: Vitals) -> None:
        self.query_one(StatusPanel).show(vitals)

    def on_assistant_app_heard(self, message: Heard) -> None:
        self.show(message.job, message.event)

    def on_assistant_app_said(self, message: Said) -> None:
        self.conversation.note(message.text, "timer")

    def show(self, job: Job, event: SessionEvent) -> None:
        """Render one session event."""
        self.conversation.apply(job, event)
        listening = f"Listening to {job.source}…" + ("  (ctrl+t stops)" if self._talking is not None else "")
        if isinstance(event, Started):
            self._activity(listening if job.source else "Thinking…")
        elif isinstance(event, TurnTimings) and job.source:
            self._activity(listening)
        elif isinstance(event, SpeechStarted):
            self._activity("Hearing speech…")
        elif isinstance(event, FinalTranscript | Routed):
            self._activity("Thinking…  (Esc stops)")
        elif isinstance(event, Audio):
            self._activity("Speaking…  (Esc stops)")
        elif isinstance(event, Answered):
            if event.reply.citations:
                self.cited = list(event.reply.citations)
            self.refresh_status()
        elif isinstance(event, Finished) and self.session is not None and not self.session.busy:
            self._activity(IDLE)

    def _activity(self, text: str) -> None:
        self.query_one("#activity", Static).update(text)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "prompt":
            return
        text = event.value.strip()
        event.input.clear()
        if not text or self.session is None:
            return
        if text.startswith("/"):
            self.command(text)
        else:
            self.ask(text)

    def ask(self, text: str) -> None:
        assert self.session is not None
        if self._talking is not None:
            self.action_talk()
        busy = self.session.busy
        if busy:
            self.session.interrupt("new question")
        job = self.session.ask(text)
        self.conversation.question(job, text, waiting=busy)

    def hear_file(self, path: Path) -> None:
        assert self.session is not None
        self.session.hear(path.name, lambda: file_frames(path, realtime=True))

    def command(self, text: str) -> None:
        name, _, argument = text.partition(" ")
        argument = argument.strip()
        if name in ("/wav", "/audio") and argument:
            self.hear_file(Path(argument).expanduser())
        elif name == "/help":
            self.conversation.note(HELP)
        else:
            self.conversation.note(f"Unknown command {text!r}. Try /wav PATH or /help.", "error")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Panels show only their own keys and quit; keys that cannot work yet (or here) are shown dimmed."""
        if action in ("stop", "talk", "open_audio", "knowledge", "settings") and len(self.screen_stack) > 1:
            return False
        if action == "talk":
            return True if self.microphone else None
        if action in ("knowledge", "settings", "open_audio"):
            return True if self.ready else None
        return True

    def action_stop(self) -> None:
        """Stops the answer being written or spoken. With no question running, the stop's event waits in the
        assistant's queue until the next one, so the last answer is marked stopped now."""
        if self.session is not None and self.session.interrupt("key") and not self.session.busy:
            if self.conversation.last is not None:
                self.conversation.last.interrupted("key")

    def action_talk(self) -> None:
        if self.session is None or not self.microphone or self.router is None:
            return
        if self._talking is not None:
            self._talking.set()
            self._talking = None
            return
        stop = threading.Event()
        self._talking = stop
        device = self.router.settings.voice.input_device
        self.session.hear("the microphone", lambda: microphone_frames(stop, device))
        if self.router.settings.voice.mode == "push_to_talk":
            self.conversation.note("Talk now; press ctrl+t again when you are done.", "listen")

    def action_open_audio(self) -> None:
        prompt = self.query_one(Input)
        prompt.value = "/wav "
        prompt.cursor_position = len(prompt.value)
        prompt.focus()

    def action_knowledge(self) -> None:
        if self.router is not None and self.ready:
            self.push_screen(KnowledgeScreen(self.router, self.cited))

    def action_settings(self) -> None:
        if self.router is not None and self.ready:
            self.push_screen(SettingsScreen(self.router))

    async def action_quit(self) -> None:
        self.exit(1 if self.error else 0, return_code=1 if self.error else 0)

    def on_unmount(self) -> None:
        self.consent.close()
        if self._talking is not None:
            self._talking.set()
        if self.session is not None:
            self.session.close()
