"""Timers, alarms and reminders: kept in the store, fired by a scheduler thread, also after a restart."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from edge.skills.base import Skill, SkillReply, Slots
from edge.skills.spoken import normalize_numbers, parse_clock_time, parse_duration, spoken_duration, spoken_time
from edge.store.database import Database, inserted_id

Kind = Literal["timer", "alarm", "reminder"]
Clock = Callable[[], float]


@dataclass(frozen=True)
class Timer:
    id: int
    kind: Kind
    label: str | None
    seconds: float | None
    """The duration asked for (timers); None for alarms and reminders set for a time of day."""
    created_at: float
    due_at: float
    remaining_s: float | None
    """Set while paused."""
    state: Literal["running", "paused", "fired", "cancelled"]
    fired_at: float | None

    def remaining(self, now: float) -> float:
        return self.remaining_s if self.state == "paused" and self.remaining_s is not None else max(self.due_at - now, 0.0)

    @property
    def name(self) -> str:
        if self.kind == "timer":
            length = f"{_length(self.seconds)} " if self.seconds else ""
            return f"{self.label} timer" if self.label else f"{length}timer"
        return f"{self.label} {self.kind}" if self.label and self.kind == "alarm" else self.kind


@dataclass(frozen=True)
class Fired:
    timer: Timer
    late_s: float
    """How long after it came due it fired: large when it came due while edge was not running."""

    @property
    def text(self) -> str:
        late = f" It went off {spoken_duration(self.late_s)} ago, while I was off." if self.late_s >= 60 else ""
        if self.timer.kind == "reminder":
            return f"Reminder: {self.timer.label}.{late}"
        if self.timer.kind == "alarm":
            return f"It's {spoken_time(datetime.fromtimestamp(self.timer.due_at))}: your alarm.{late}"
        return f"Your {self.timer.name} is done.{late}"


class TimerStore:
    def __init__(self, db: Database, clock: Clock = time.time) -> None:
        self.db = db
        self.clock = clock
        self._listeners: list[Callable[[], None]] = []

    def on_change(self, callback: Callable[[], None]) -> None:
        self._listeners.append(callback)

    def _changed(self) -> None:
        for callback in self._listeners:
            callback()

    def add(self, kind: Kind, due_at: float, label: str | None = None, seconds: float | None = None) -> Timer:
        now = self.clock()
        with self.db.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO timers (kind, label, seconds, created_at, due_at, state) VALUES (?, ?, ?, ?, ?, 'running')",
                (kind, label, seconds, now, due_at),
            )
            timer_id = inserted_id(cursor)
        self._changed()
        return self.get(timer_id)

    def get(self, timer_id: int) -> Timer:
        return Timer(**self.db.query("SELECT * FROM timers WHERE id = ?", (timer_id,))[0])

    def active(self, kinds: tuple[Kind, ...] = ("timer", "alarm", "reminder")) -> list[Timer]:
        marks = ",".join("?" * len(kinds))
        rows = self.db.query(
            f"SELECT * FROM timers WHERE state IN ('running', 'paused') AND kind IN ({marks}) ORDER BY due_at", kinds
        )
        return [Timer(**row) for row in rows]

    def cancel(self, timers: list[Timer]) -> None:
        self._update(timers, "UPDATE timers SET state = 'cancelled' WHERE id = ?", lambda t: ())

    def pause(self, timers: list[Timer]) -> None:
        now = self.clock()
        self._update(
            [t for t in timers if t.state == "running"],
            "UPDATE timers SET state = 'paused', remaining_s = ? WHERE id = ?",
            lambda t: (t.remaining(now),),
        )

    def resume(self, timers: list[Timer]) -> None:
        now = self.clock()
        self._update(
            [t for t in timers if t.state == "paused"],
            "UPDATE timers SET state = 'running', due_at = ?, remaining_s = NULL WHERE id = ?",
            lambda t: (now + (t.remaining_s or 0.0),),
        )

    def extend(self, timers: list[Timer], seconds: float) -> None:
        self._update(
            timers,
            "UPDATE timers SET due_at = due_at + ?, remaining_s = remaining_s + ? WHERE id = ?",
            lambda t: (seconds, seconds),
        )

    def _update(self, timers: list[Timer], sql: str, params: Callable[[Timer], tuple[float, ...]]) -> None:
        with self.db.transaction() as conn:
            for timer in timers:
                conn.execute(sql, (*params(timer), timer.id))
        self._changed()

    def take_due(self) -> list[Fired]:
        """Mark every running entry that is due as fired, and return them."""
        now = self.clock()
        with self.db.transaction() as conn:
            rows = conn.execute("SELECT id FROM timers WHERE state = 'running' AND due_at <= ? ORDER BY due_at", (now,))
            ids = [row[0] for row in rows.fetchall()]
            conn.executemany("UPDATE timers SET state = 'fired', fired_at = ? WHERE id = ?", [(now, i) for i in ids])
        fired = [self.get(i) for i in ids]
        return [Fired(t, max(now - t.due_at, 0.0)) for t in fired]

    def next_due(self) -> float | None:
        row = self.db.query("SELECT MIN(due_at) AS due FROM timers WHERE state = 'running'")[0]
        return row["due"]


class Scheduler:
    """A daemon thread that fires due entries and hands them to the listeners.

    On start it first fires whatever came due while edge was not running.
    """

    def __init__(self, store: TimerStore, max_sleep_s: float = 1.0) -> None:
        self.store = store
        self.max_sleep_s = max_sleep_s
        self._listeners: list[Callable[[Fired], None]] = []
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        store.on_change(self._wake.set)

    def subscribe(self, callback: Callable[[Fired], None]) -> None:
        self._listeners.append(callback)

    def fire_due(self) -> list[Fired]:
        fired = self.store.take_due()
        for event in fired:
            for callback in self._listeners:
                callback(event)
        return fired

    def start(self) -> None:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="edge-scheduler", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def _run(self) -> None:
        while not self._stop.is_set():
            self.fire_due()
            due = self.store.next_due()
            sleep = self.max_sleep_s if due is None else min(max(due - self.store.clock(), 0.0), self.max_sleep_s)
            self._wake.wait(sleep)
            self._wake.clear()


CANCEL = re.compile(r"\b(cancel|stop|delete|remove|kill|clear|turn off|shut off|switch off|get rid of|dismiss|never ?mind)\b")
PAUSE = re.compile(r"\b(pause|hold|freeze)\b")
RESUME = re.compile(r"\b(resume|unpause|continue|restart|start again|keep going)\b")
EXTEND = re.compile(r"\b(add|extend|more|another|longer)\b")
SHORTEN = re.compile(r"\b(take off|knock off|subtract|remove|shorten|less)\b")
STATUS = re.compile(
    r"\b(how (much|long)|left|remain|remaining|status|still running|when will|when does|check|what timers|list|which)\b"
)
QUESTION = re.compile(
    r"^(?:do|does|did|is|are|have|has|what|when|which|how many|at what time)\b"
    r"|\b(?:tell|show|give|provide|read|list|check)(?: me)?\b.*\b(?:alarms|timers|alarm times|alarm timings)\b"
)
"""A question about the timers and alarms there are, not a command to set one."""
ALARM = re.compile(r"\b(alarms?|wake ?-?up call|wake me( up)? (at|by|tomorrow))\b")
ALL = re.compile(r"\b(all|every|everything)\b")
LABEL = re.compile(r"\b(?:the |my |a |an )?([a-z]+) (?:timer|alarm)\b|\b(?:timer|alarm) for (?:the |my )?([a-z]+)$")
NOT_LABELS = frozenset(
    "a an the my this that all every set start new one timer alarm second seconds minute minutes hour hours "
    "min mins sec secs hr hrs day days countdown kitchen quick short long".split()
)


class TimerSkill(Skill):
    name = "timer"
    clarification = "I heard a timer or an alarm, but not for how long or when: how long should it be?"

    def __init__(self, store: TimerStore) -> None:
        self.store = store

    def parse(self, text: str, matched: Mapping[str, str] | None = None) -> Slots | None:
        plain = normalize_numbers(text.lower()).strip(" .!?")
        kind: Kind = "alarm" if ALARM.search(plain) else "timer"
        label = _label(plain)
        scope = {"kind": kind, "label": label, "all": bool(ALL.search(plain))}
        seconds = parse_duration(matched["duration"] if matched and "duration" in matched else plain)
        if CANCEL.search(plain) and not (seconds and SHORTEN.search(plain)):
            return {"action": "cancel", **scope}
        if PAUSE.search(plain):
            return {"action": "pause", **scope}
        if RESUME.search(plain) and not seconds:
            return {"action": "resume", **scope}
        if seconds and (SHORTEN.search(plain) or (EXTEND.search(plain) and "timer for" not in plain)):
            return {"action": "extend", "seconds": _whole(-seconds if SHORTEN.search(plain) else seconds), **scope}
        if (STATUS.search(plain) or QUESTION.search(plain)) and not seconds:
            return {"action": "status", **scope}
        if kind == "alarm":
            now = datetime.fromtimestamp(self.store.clock()).astimezone()
            at = parse_clock_time(plain, now) or (now + timedelta(seconds=seconds) if seconds else None)
            return {"action": "start", "kind": "alarm", "label": label, "at": at.isoformat() if at else None}
        return {"action": "start", "kind": "timer", "label": label, "seconds": _whole(seconds) if seconds else None}

    def run(self, slots: Slots) -> SkillReply:
        action = slots["action"]
        if action == "start":
            return self._start(slots)
        targets = self._targets(slots)
        if not targets:
            return self._reply(action, f"You have no {slots['kind']}s running.", ids=[])
        ids = [t.id for t in targets]
        if action == "status":
            now = self.store.clock()
            parts = [_status(t, now) for t in targets]
            return self._reply(action, " ".join(parts), ids=ids)
        if len(targets) > 1 and not slots.get("all") and action != "cancel":
            return self._reply(action, f"You have {len(targets)} {slots['kind']}s; say which one, or all of them.", ids=ids)
        if action == "cancel":
            self.store.cancel(targets)
            what = targets[0].name if len(targets) == 1 else f"all {len(targets)} {slots['kind']}s"
            return self._reply(action, f"Cancelled your {what}." if len(targets) == 1 else f"Cancelled {what}.", ids=ids)
        if action == "pause":
            self.store.pause(targets)
            return self._reply(action, f"Paused your {_names(targets)}.", ids=ids)
        if action == "resume":
            self.store.resume(targets)
            return self._reply(action, f"Resumed your {_names(targets)}.", ids=ids)
        self.store.extend(targets, slots["seconds"])
        verb = "Added" if slots["seconds"] > 0 else "Took"
        way = "to" if slots["seconds"] > 0 else "off"
        return self._reply(action, f"{verb} {spoken_duration(abs(slots['seconds']))} {way} your {_names(targets)}.", ids=ids)

    def _start(self, slots: Slots) -> SkillReply:
        if slots["kind"] == "alarm":
            if not slots.get("at"):
                return self._reply("start", "What time should I set the alarm for?", ids=[])
            at = datetime.fromisoformat(slots["at"])
            alarm = self.store.add("alarm", at.timestamp(), slots.get("label"))
            return self._reply("start", f"Alarm set for {spoken_time(at)}.", ids=[alarm.id], due_at=alarm.due_at)
        seconds = slots.get("seconds")
        if not seconds or seconds <= 0:
            return self._reply("start", "For how long should I set the timer?", ids=[])
        timer = self.store.add("timer", self.store.clock() + seconds, slots.get("label"), seconds)
        label = f" for the {timer.label}" if timer.label else ""
        return self._reply("start", f"Timer set for {spoken_duration(seconds)}{label}.", ids=[timer.id], due_at=timer.due_at)

    def _targets(self, slots: Slots) -> list[Timer]:
        kinds: tuple[Kind, ...] = (slots["kind"],)
        active = self.store.active(kinds)
        if slots.get("label"):
            named = [t for t in active if t.label == slots["label"]]
            active = named or active
        if slots["action"] == "cancel" and not slots.get("all") and not slots.get("label") and len(active) > 1:
            return active[-1:]
        return active

    def _reply(self, action: str, text: str, **data: object) -> SkillReply:
        return SkillReply(self.name, action, text, dict(data))


def _label(text: str) -> str | None:
    for match in LABEL.finditer(text):
        word = match.group(1) or match.group(2)
        if word and word not in NOT_LABELS and not word.isdigit():
            return word
    return None


def _length(seconds: float) -> str:
    """Duration as an adjective: "10 minute", "2 hour", "90 second"."""
    for unit, size in (("hour", 3600), ("minute", 60), ("second", 1)):
        if seconds % size == 0:
            return f"{int(seconds // size)} {unit}"
    return spoken_duration(seconds)


def _whole(seconds: float) -> float | int:
    return int(seconds) if float(seconds).is_integer() else round(seconds, 1)


def _names(timers: list[Timer]) -> str:
    return timers[0].name if len(timers) == 1 else f"{len(timers)} {timers[0].kind}s"


def _status(timer: Timer, now: float) -> str:
    if timer.kind == "timer":
        paused = " (paused)" if timer.state == "paused" else ""
        return f"Your {timer.name} has {spoken_duration(round(timer.remaining(now)))} left{paused}."
    due = spoken_time(datetime.fromtimestamp(timer.due_at))
    what = f"reminder to {timer.label}" if timer.kind == "reminder" else timer.name
    return f"Your {what} is set for {due}."
