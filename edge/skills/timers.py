"""Timers, alarms and reminders: kept in the store, fired by a scheduler thread, also after a restart."""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Literal

from edge.skills.base import Skill, SkillReply, Slots
from edge.skills.repeats import EVERY_DAY, first_ring, next_ring, parse_repeat, spoken_repeat
from edge.skills.spoken import (
    calendar_date,
    capitalized,
    normalize_numbers,
    parse_clock_time,
    parse_duration,
    spoken_date,
    spoken_duration,
    spoken_time,
)
from edge.skills.sun_questions import next_sun_time, sun_event
from edge.store.database import Database, inserted_id

Kind = Literal["timer", "alarm", "reminder"]
Clock = Callable[[], float]

log = logging.getLogger("edge.timers")


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
    repeat: str | None = None
    """For an alarm that repeats, the weekdays it rings on (``edge.skills.repeats``)."""
    delivered_at: float | None = None
    """When its listeners were told it went off; None while fired and not yet told (edge stopped in between)."""

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

    def add(
        self, kind: Kind, due_at: float, label: str | None = None, seconds: float | None = None, repeat: str | None = None
    ) -> Timer:
        now = self.clock()
        with self.db.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO timers (kind, label, seconds, created_at, due_at, state, repeat)"
                " VALUES (?, ?, ?, ?, ?, 'running', ?)",
                (kind, label, seconds, now, due_at, repeat),
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

    def move(self, timer: Timer, due_at: float) -> None:
        self._update([timer], "UPDATE timers SET due_at = ? WHERE id = ?", lambda t: (due_at,))

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
        """Mark every running entry that is due as fired, and return them; a repeating alarm is set again for its next
        day, in the same transaction, so that a crash cannot lose the series. ``delivered`` marks them told."""
        now = self.clock()
        with self.db.transaction() as conn:
            rows = conn.execute("SELECT id FROM timers WHERE state = 'running' AND due_at <= ? ORDER BY due_at", (now,))
            ids = [row[0] for row in rows.fetchall()]
            conn.executemany("UPDATE timers SET state = 'fired', fired_at = ? WHERE id = ?", [(now, i) for i in ids])
            fired = _timers(conn, ids)
            for timer in fired:
                if timer.repeat:
                    following = _following(timer, now)
                    conn.execute(
                        "INSERT INTO timers (kind, label, seconds, created_at, due_at, state, repeat)"
                        " VALUES (?, ?, NULL, ?, ?, 'running', ?)",
                        (timer.kind, timer.label, now, following, timer.repeat),
                    )
        if any(timer.repeat for timer in fired):
            self._changed()
        return [Fired(t, max(now - t.due_at, 0.0)) for t in fired]

    def undelivered(self) -> list[Fired]:
        """Entries that fired while edge was stopping or killed, before their listeners were told."""
        now = self.clock()
        rows = self.db.query("SELECT * FROM timers WHERE state = 'fired' AND delivered_at IS NULL ORDER BY due_at")
        return [Fired(timer, max(now - timer.due_at, 0.0)) for timer in (Timer(**row) for row in rows)]

    def delivered(self, fired: Fired) -> None:
        self.db.execute("UPDATE timers SET delivered_at = ? WHERE id = ?", (self.clock(), fired.timer.id))

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

    def fire_due(self, recovering: bool = False) -> list[Fired]:
        """Tell the listeners of each entry that came due, and, when ``recovering`` (once, as edge starts), of those
        a stopped edge marked fired without telling: an alarm is heard at least once, never lost. A listener that
        fails is logged and does not keep the others, or the next entries, from being told."""
        fired = [*self.store.undelivered(), *self.store.take_due()] if recovering else self.store.take_due()
        for event in fired:
            for callback in self._listeners:
                try:
                    callback(event)
                except Exception as exc:  # noqa: BLE001 - a listener is any app's code
                    log.error("a listener failed on %s %d: %s: %s", event.timer.kind, event.timer.id, type(exc).__name__, exc)
            self.store.delivered(event)
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
        recovering = True
        while not self._stop.is_set():
            self.fire_due(recovering)
            recovering = False
            due = self.store.next_due()
            sleep = self.max_sleep_s if due is None else min(max(due - self.store.clock(), 0.0), self.max_sleep_s)
            self._wake.wait(sleep)
            self._wake.clear()


CANCELLED_THING = re.compile(
    r"\b(?:timers?|alarms?|countdowns?|it|that|this|them|those|these|one|ones|everything|both|wake|waking|woken|ringing"
    r"|buzzer|beeping|noise|sound|snooze|minutes?|hours?|seconds?)\b"
)
"""What a longer cancel must name for it to be about timers: "cancel all the programs for friday" is not."""
CANCEL = re.compile(
    r"\b(cancel|stop|delete|remove|kill|clear|turn off|shut off|switch off|get rid of|dismiss|never ?mind|disable"
    r"|deactivate|unset|silence|(?:turn|switch|shut|take)(?: \w+){0,3} off|(?:don'?t|do not|no longer) (?:need|want|use)"
    r"|(?:don'?t|do not) wake|forget|removed|deleted|cancell?ed|silenced|disabled)\b"
)
PAUSE = re.compile(r"\b(pause|hold|freeze)\b")
RESUME = re.compile(r"\b(resume|unpause|continue|restart|start again|keep going)\b")
EXTEND = re.compile(r"\b(add|extend|more|another|longer|increase)\b")
SHORTEN = re.compile(r"\b(take off|knock off|subtract|remove|shorten|less|decrease|reduce)\b")
_UNIT = r"(?:hours?|minutes?|seconds?|mins?|secs?|hrs?)"
_AMOUNT = rf"(?:(?:\d+(?:\.\d+)?|half|and|a|an)[ ,]+)*{_UNIT}"
LENGTH_NAMED = re.compile(
    rf"\b(?:\d+(?:\.\d+)? ?{_UNIT}[ ,]*(?:and )?)+ ?timer\b"
    rf"|\btimer (?:for|of) (?:(?:the|my) )?(?:{_AMOUNT}[ ,]*)+(?=$| by\b| to\b)"
)
"""A timer named by its length ("the 1 hour timer", "timer for 5 minutes"): to check, stop, pause or lengthen that
one, the length picks it; only a new timer takes it as its own."""
BY_AMOUNT = re.compile(rf"\bby (?:\S+ )?{_UNIT}\b")
STATUS = re.compile(
    r"\b(how (much|long)|left|remain|remaining|status|still running|when will|when does|check|what timers|list|which"
    r"|am or pm|a m or p m)\b"
)
QUESTION = re.compile(
    r"^(?:do|does|did|is|are|have|has|what|when|which|how many|at what time|am i|was)\b"
    r"|\b(?:tell|show|give|provide|read|list|check)(?: me)?\b.*\b(?:alarms|timers|alarm times|alarm timings)\b"
)
"""A question about the timers and alarms there are, not a command to set one."""
ASKING = re.compile(
    r"\b(?:know|see|review|confirm|tell me|let me|show|list|check|find out|look at|what|whats|which|when|how many|any)\b"
    r"|^(?:my |the )?alarms$"
)
SETTING = re.compile(
    r"(?<!you )(?<!i )(?<!is )(?<!are )(?<!have )(?<!been )\bset\b"
    r"|\b(?:make|create|add|put|new|schedule|need|want|give me|start|turn on|fix)\b"
)
"""An alarm request that says no time is a question about the alarms when it asks one, or a command that asks for
the time when it sets one: "let me see my alarms", "what alarms do I have" / "set an alarm", "I need an alarm"."""
NEXT = re.compile(r"\b(?:next|upcoming|first)\b(?! (?:week|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b)")
ALARM = re.compile(
    r"\b(alarms?|wake ?-?up (?:call|alarm)|wake (?:me|us)(?: up)? (?:at|by|tomorrow|on|early|around|before)"
    r"|(?:need|want|have|got|like) to (?:wake|get) up|get (?:me|us) up (?:at|by|tomorrow|early)|alarm me|snooze"
    r"|get up (?:at|by)|(?:be |being )?(?:woken|awoken|waked)(?: up)?|(?:alert|ring|buzz|call) me at|am or pm|a m or p m"
    r"|(?:will|do|should|must|shall|am) (?:i|we) (?:need to |have to |supposed to |going to )?(?:wake|get) up)\b"
)
AT_A_TIME = re.compile(
    r"\b(?:at|for) \d{1,2}(?::\d\d)? ?(?:am|pm)\b|\bwake\b.*\bat \d|\b(?:at|for) \d{1,2}:\d\d\b"
    r"|\bat \d{1,2}(?::\d\d)? (?:in the (?:morning|afternoon|evening)|tonight|tomorrow)\b"
)
"""A time of day, not a length: what is set for it is an alarm ("set one for 6 am", "wake up at 7")."""
WAKING = re.compile(r"\b(?:wake|waking|woken|awoken|get (?:me |us )?up|getting up)\b")
PERIOD = re.compile(r"\b(?:am|pm|morning|afternoon|evening|tonight|night|noon|midnight)\b")
"""A wake-up at an hour said without am or pm is in the morning: "wake me up at 7" is 7 AM."""
NOT_AN_ALARM_TO_SET = re.compile(
    r"\b(?:fire|smoke|carbon monoxide|co2?|car|burglar|security|house|home|intruder|motion|door|window|baby|panic|flood"
    r"|gas|heat|tornado|earthquake|false)(?: detector)? alarms?\b|\balarm (?:system|panel|company|code|sensor)s?\b"
    r"|\bwhat (?:is|are) (?:an? )?alarm clocks?\b|\b(?:raise|raised|raising) (?:the |an )?alarms?\b"
    r"|\b(?:sound|sounding|sounded) (?:the |an )?alarms?\b(?! (?:at|for|in|on|tomorrow|tonight|every)\b)"
)
"""Alarms that are devices or figures of speech, not ones edge rings: "the smoke alarm keeps beeping"."""
MOVE = re.compile(r"\b(?:move|change|reschedule|push|shift|update|adjust|bump|switch|make)\b(?=.*\balarms?\b).*\bto (?=\S+)")
"""An alarm moved to another time: "move my 7 am alarm to 8", "change my alarm to six thirty"."""
SNOOZE = re.compile(r"(?<!to )(?<!without )(?<!no )(?<!option to )\bsnooze\b")
SNOOZE_S = 540
"""How long a snooze lasts when no length is said: nine minutes, as on most alarm clocks."""
ALL = re.compile(r"\b(all|every|everything)\b")
LABELS = (
    re.compile(r"\b(?:named|called|labell?ed|(?:call|name|label|title) (?:it|this|that|the timer|the alarm)) ([a-z]+)\b"),
    re.compile(r"\b(?:timer|alarm) for (?:the |my )?([a-z]+)(?:$| by\b)"),
    re.compile(r"\b([a-z]+) (?:timer|alarm)\b"),
)
"""Where a timer's or an alarm's name is said, the surest first: "named pizza", "timer for pizza", "pizza timer"."""
NOT_LABELS = frozenset(
    "a an the my this that all every set start new one timer alarm second seconds minute minutes hour hours "
    "min mins sec secs hr hrs day days countdown kitchen quick short long am pm morning afternoon evening night "
    "tomorrow tonight today next first last wake up current cancel change delete remove stop disable clear reset move "
    "edit update snooze kill end pause resume check your any another existing scheduled active upcoming repeating "
    "recurring daily weekly weekday weekend monday tuesday wednesday thursday friday saturday sunday "
    "to in of on by for at with from into onto off increase decrease add extend reduce status left time".split()
)
SPOKEN_CLOCK = [
    (re.compile(r"\b([ap])\.? ?m\b\.?"), r"\1m"),
    (re.compile(r"\b(\d{1,2}) (?:o'?clock|0 clock|o clock)\b"), r"\1"),
    (re.compile(r"\b([1-9]|1[0-2])00 ?([ap]m)\b"), r"\1 \2"),
    (re.compile(r"\b([1-9]|1[0-2])([0-5]\d) ?([ap]m)\b"), r"\1:\2 \3"),
    (re.compile(r"\b(at|for|to) ([1-9]|1[0-2])([0-5]\d)\b(?! ?(?:seconds?|minutes?|hours?|mins?|secs?))"), r"\1 \2:\3"),
]
"""Times as speech recognition writes them: "7 a m", "nine o clock", "one thirty" heard as "130"."""
DAY_WORDS = re.compile(
    r"\b(today|tonight|tomorrow|day after tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
)


ALARM_COUNT = re.compile(r"\b(?:2|3|two|three|both|some|several|multiple|a few) alarms?\b,?(?: (?:one|1|the first)\b)?")
"""Several alarms announced before their times: "set two alarms, one at 6 and one at 7"."""
ANOTHER_ALARM = re.compile(
    r",? (?:and|then|plus) (?:(?:set |make |also |add )*(?:another|a second|(?:one|1) more|(?:the )?other|one|1(?= (?:at|for)\b))"
    r"(?: one)?(?: alarm)?"
    r"|(?:set |make )?(?:again|also)|(?=(?:at |for )?\d{1,2}(?::\d\d)?(?: [ap]m)?\b(?! (?:minutes?|hours?|seconds?)\b)))"
)
"""Where the next of several alarms in one request begins: "at 7 and another at 8", "for 7 and 8 am", "and again at 6"."""
ANOTHER_TIMER = re.compile(
    r",? (?:and|plus|then)(?: then)? (?:(?:set |start |make |add |also )*(?P<next>another|a second|(?:one|1) more|(?:the )?other"
    r"|one|1(?= for\b)|an?(?= timer\b)|an?(?= (?:\d|half|quarter)[\w -]*? timer\b)))(?: one| timer)?\b"
)
"""Where the next of several timers in one request begins: "a 20 minute timer and a 5 minute timer", "a timer for 10
minutes and another for 3". Not inside one length: "1 hour and 30 minutes", "an hour and a half"."""
TIMERS = re.compile(r"\btimers\b")
UNIT = re.compile(r"\b(?:seconds?|minutes?|hours?)\b")
LATER = re.compile(r"\b(?:later|after(?:wards| that| it| the first)?)\b")
EARLIER = re.compile(r"\b(?:earlier|before(?: that| it| the first)?)\b")


class TimerSkill(Skill):
    name = "timer"
    clarification = "I heard a timer or an alarm, but not for how long or when: how long should it be?"

    def __init__(self, store: TimerStore) -> None:
        self.store = store

    def declines(self, text: str) -> bool:
        return bool(NOT_AN_ALARM_TO_SET.search(text.lower()))

    def parse(self, text: str, matched: Mapping[str, str] | None = None) -> Slots | None:
        plain = _clock_words(normalize_numbers(text.lower()).strip(" .!?"))
        kind: Kind = "alarm" if ALARM.search(plain) or AT_A_TIME.search(plain) else "timer"
        label = _label(plain)
        seconds = parse_duration(matched["duration"] if matched and "duration" in matched else plain)
        named = LENGTH_NAMED.search(plain) if kind == "timer" else None
        length = parse_duration(named.group()) if named else None
        scope = {"kind": kind, "label": label, "all": bool(ALL.search(plain))} | ({"length": _whole(length)} if length else {})
        said = parse_duration(f"{plain[: named.start()]} {plain[named.end() :]}") if named and length else seconds
        if kind == "alarm" and (moved := self._moved(plain, label)):
            return moved
        if kind == "alarm" and (several := self._several_alarms(plain)):
            return several
        if SNOOZE.search(plain) and not CANCEL.search(plain):
            return {"action": "snooze", "kind": "alarm", "seconds": _whole(seconds or SNOOZE_S)}
        if CANCEL.search(plain) and not (said and SHORTEN.search(plain)):
            if not CANCELLED_THING.search(plain) and len(plain.split()) > 3:
                return None
            every = scope["all"] or bool(re.search(rf"\b{kind}s\b", plain))
            return {"action": "cancel", **scope, "all": every, **self._when(plain, kind)}
        if PAUSE.search(plain):
            return {"action": "pause", **scope}
        if RESUME.search(plain) and not said:
            return {"action": "resume", **scope}
        lengthening = EXTEND.search(plain) and (length or "timer for" not in plain or BY_AMOUNT.search(plain))
        if said and (SHORTEN.search(plain) or lengthening):
            return {"action": "extend", "seconds": _whole(-said if SHORTEN.search(plain) else said), **scope}
        if (STATUS.search(plain) or QUESTION.search(plain)) and not said:
            return {"action": "status", **scope, **self._when(plain, kind), **self._next(plain), **_yes_or_no(plain)}
        if kind == "alarm" and not seconds and not AT_A_TIME.search(plain) and self._asks_about_alarms(plain):
            return {"action": "status", **scope, **self._when(plain, kind), **self._next(plain), **_yes_or_no(plain)}
        if kind == "alarm":
            now = datetime.fromtimestamp(self.store.clock()).astimezone()
            at = self._clock_time(plain, now) or next_sun_time(plain, now, seconds)
            if at is None and seconds and not sun_event(plain):
                at = now + timedelta(seconds=seconds)
            repeat = parse_repeat(plain)
            if at is not None and repeat:
                at = first_ring(at, repeat)
            return {"action": "start", "kind": "alarm", "label": label, "at": at.isoformat() if at else None} | (
                {"repeat": repeat} if repeat else {}
            )
        if several := _several_timers(plain):
            return several
        return {"action": "start", "kind": "timer", "label": label, "seconds": _whole(seconds) if seconds else None}

    def _several_alarms(self, plain: str) -> Slots | None:
        """One request for several alarms: each at the time said ("at 6 and one at 6:30"), the next such time after the
        first, or a while after it ("and another an hour later"); a time not understood is asked about. An hour said
        without am or pm takes the other one's."""
        clauses = ANOTHER_ALARM.split(ALARM_COUNT.sub("alarm at", plain))
        if len(clauses) < 2:
            return None
        periods = [p[0] for clause in clauses if (p := re.search(r"\b[ap]m\b", clause))]
        first = clauses[0] if re.search(r"\b[ap]m\b", clauses[0]) or not periods else f"{clauses[0]} {periods[0]}"
        slots = self.parse(first)
        if not (slots and slots["action"] == "start" and slots["kind"] == "alarm" and slots.get("at")):
            return None
        at = datetime.fromisoformat(slots["at"])
        more: list[str | None] = []
        for clause in clauses[1:]:
            said = clause if re.search(r"\b[ap]m\b", clause) or not periods else f"{clause} {periods[-1]}"
            shift = parse_duration(clause) if LATER.search(clause) or EARLIER.search(clause) else None
            other = at + timedelta(seconds=-shift if EARLIER.search(clause) else shift) if shift else None
            other = other or self._clock_time(f"at {re.sub(r'^(?:at|for) ', '', said.strip())}", at)
            more.append(other.isoformat() if other else None)
        return slots | {"more": more}

    @staticmethod
    def _clock_time(plain: str, now: datetime) -> datetime | None:
        said = f"{plain} am" if WAKING.search(plain) and not PERIOD.search(plain) else plain
        return parse_clock_time(said, now)

    def _moved(self, plain: str, label: str | None) -> Slots | None:
        if not (move := MOVE.search(plain)):
            return None
        now = datetime.fromtimestamp(self.store.clock()).astimezone()
        to = plain[move.end() :]
        at = self._clock_time(to, now)
        if at is None:
            return None
        which = self._when(plain[: move.end()], "alarm")
        half = {"same_half": True} if not PERIOD.search(to) else {}
        return {"action": "move", "kind": "alarm", "label": label, "at": at.isoformat(), "all": False, **which, **half}

    def _asks_about_alarms(self, plain: str) -> bool:
        now = datetime.fromtimestamp(self.store.clock()).astimezone()
        if self._clock_time(plain, now) is not None:
            return False
        return bool(ASKING.search(plain)) and not (SETTING.search(plain) and not re.search(r"\balarms\b", plain))

    @staticmethod
    def _next(plain: str) -> Slots:
        return {"next": True} if NEXT.search(plain) else {}

    def _when(self, plain: str, kind: Kind) -> Slots:
        """Which alarms a question or a cancel is about: those at a time of day said ("my 7 am alarm"), on a day said
        ("tomorrow's alarm"), in a part of the day ("any alarms in the morning"), or both."""
        if kind != "alarm":
            return {}
        now = datetime.fromtimestamp(self.store.clock()).astimezone()
        at = parse_clock_time(plain, now)
        said_day = DAY_WORDS.search(plain)
        when: Slots = {}
        if at is not None:
            when["time"] = [at.hour, at.minute]
            when["either_half"] = not re.search(r"\b(?:am|pm|morning|afternoon|evening|tonight|night|noon|midnight)\b", plain)
        elif part := re.search(r"\b(morning|afternoon|evening|tonight|night)\b", plain):
            when["half"] = "am" if part[1] == "morning" else "pm"
        if (dated := calendar_date(normalize_numbers(plain), now.date())) and dated[0]:
            when["day"] = dated[0].isoformat()
        elif said_day:
            day = parse_clock_time(f"{said_day[1]} at 23:59", now) if at is None else at
            when["day"] = day.date().isoformat() if day else None
        return when

    def complete(self, slots: Slots) -> bool:
        if slots["action"] != "start":
            return True
        if slots["kind"] == "alarm":
            return bool(slots.get("at")) and all(slots.get("more", ()))
        return bool(slots.get("seconds")) and all(more.get("seconds") for more in slots.get("more", ()))

    def run(self, slots: Slots) -> SkillReply:
        action = slots["action"]
        if action == "start":
            return self._start(slots)
        if action == "snooze":
            return self._snooze(slots["seconds"])
        if action == "move":
            return self._move(slots)
        targets = self._targets(slots)
        if not targets:
            return self._reply(action, _none_text(slots), ids=[])
        ids = [t.id for t in targets]
        if action == "status":
            now = self.store.clock()
            if slots.get("next"):
                return self._reply(action, f"Your next {targets[0].kind} is set for {_due(targets[0], now)}.", ids=ids[:1])
            if slots["kind"] == "alarm" and len(targets) > 1:
                times = [_due(t, now) for t in targets]
                text = f"You have {len(targets)} alarms: {_join(times)}."
            else:
                text = " ".join(_status(t, now) for t in targets)
            return self._reply(action, ("Yes. " if _filtered(slots) and slots.get("yes_or_no") else "") + text, ids=ids)
        if len(targets) > 1 and not slots.get("all") and action != "cancel":
            return self._reply(action, f"You have {len(targets)} {slots['kind']}s; say which one, or all of them.", ids=ids)
        if action == "cancel":
            self.store.cancel(targets)
            what = targets[0].name if len(targets) == 1 else f"all {len(targets)} {slots['kind']}s"
            when = f" for {_due(targets[0], self.store.clock())}" if len(targets) == 1 and targets[0].kind == "alarm" else ""
            return self._reply(action, f"Cancelled your {what}{when}." if len(targets) == 1 else f"Cancelled {what}.", ids=ids)
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

    def _move(self, slots: Slots) -> SkillReply:
        """Moves the alarm a request points at; with no alarm to move, it sets one for the new time."""
        targets = self._targets(slots)
        if not targets:
            return self._start({"action": "start", "kind": "alarm", "label": slots.get("label"), "at": slots["at"]})
        if len(targets) > 1:
            now = self.store.clock()
            times = _join([_due(t, now) for t in targets])
            return self._reply("move", f"You have {len(targets)} alarms: {times}. Which one should I move?", ids=[])
        alarm, now = targets[0], self.store.clock()
        at = datetime.fromisoformat(slots["at"])
        if slots.get("same_half"):
            at = _same_half(at, datetime.fromtimestamp(alarm.due_at).astimezone(), now)
        if alarm.repeat:
            at = first_ring(at, alarm.repeat)
        before = _due(alarm, now)
        self.store.move(alarm, at.timestamp())
        after = _due(self.store.get(alarm.id), now)
        return self._reply("move", f"Moved your {alarm.name} from {before} to {after}.", ids=[alarm.id], due_at=at.timestamp())

    def _snooze(self, seconds: float) -> SkillReply:
        """Snoozing sets the alarm again, a few minutes from now; the reply's action is "start", as it sets one."""
        alarm = self.store.add("alarm", self.store.clock() + seconds)
        rings = spoken_time(datetime.fromtimestamp(alarm.due_at))
        text = f"Snoozed for {spoken_duration(seconds)}: your alarm rings again at {rings}."
        return self._reply("start", text, ids=[alarm.id], due_at=alarm.due_at, snoozed=True)

    def _start(self, slots: Slots) -> SkillReply:
        if slots["kind"] == "alarm":
            if not slots.get("at"):
                return self._reply("start", "What time should I set the alarm for?", ids=[])
            at = datetime.fromisoformat(slots["at"])
            if at.timestamp() <= self.store.clock():
                return self._reply("start", f"{capitalized(spoken_date(at.date()))} has passed; which day do you mean?", ids=[])
            repeat = slots.get("repeat")
            if slots.get("more"):
                return self._start_several(at, [datetime.fromisoformat(m) if m else None for m in slots["more"]], slots)
            alarm = self.store.add("alarm", at.timestamp(), slots.get("label"), repeat=repeat)
            when = f"{spoken_time(at)} {spoken_repeat(repeat)}" if repeat else _due(alarm, self.store.clock())
            return self._reply("start", f"Alarm set for {when}.", ids=[alarm.id], due_at=alarm.due_at, repeat=repeat)
        seconds = slots.get("seconds")
        if not seconds or seconds <= 0:
            return self._reply("start", "For how long should I set the timer?", ids=[])
        if slots.get("more"):
            return self._start_timers([(seconds, slots.get("label")), *((m["seconds"], m.get("label")) for m in slots["more"])])
        timer = self.store.add("timer", self.store.clock() + seconds, slots.get("label"), seconds)
        label = f" for the {timer.label}" if timer.label else ""
        return self._reply("start", f"Timer set for {spoken_duration(seconds)}{label}.", ids=[timer.id], due_at=timer.due_at)

    def _start_several(self, first: datetime, more: list[datetime | None], slots: Slots) -> SkillReply:
        now = self.store.clock()
        times = [at for at in (first, *more) if at is not None and at.timestamp() > now]
        alarms = [self.store.add("alarm", at.timestamp(), slots.get("label"), repeat=slots.get("repeat")) for at in times]
        said = _join(_same_day_once([_due(alarm, now) for alarm in alarms]))
        text = f"Alarms set for {said}." if len(alarms) > 1 else f"Alarm set for {said}." if alarms else ""
        if len(times) <= len(more):
            text = f"{text} What time should the other alarm ring?".strip()
        return self._reply("start", text, ids=[a.id for a in alarms], due_at=[a.due_at for a in alarms])

    def _start_timers(self, lengths: list[tuple[int | None, str | None]]) -> SkillReply:
        now = self.store.clock()
        timers = [self.store.add("timer", now + seconds, label, seconds) for seconds, label in lengths if seconds]
        parts = [f"{spoken_duration(t.seconds or 0)}{f' for the {t.label}' if t.label else ''}" for t in timers]
        said = ", and ".join(parts) if any(" and " in part for part in parts) else _join(parts)
        text = f"Timers set for {said}." if len(timers) > 1 else f"Timer set for {said}."
        if len(timers) < len(lengths):
            text += " For how long should the other timer be?"
        return self._reply("start", text, ids=[t.id for t in timers], due_at=[t.due_at for t in timers])

    def _targets(self, slots: Slots) -> list[Timer]:
        kinds: tuple[Kind, ...] = (slots["kind"],)
        active = self.store.active(kinds)
        if _filtered(slots):
            return [t for t in active if _at(t, slots)]
        if slots.get("length"):
            active = [t for t in active if t.seconds == slots["length"]]
        if slots.get("label"):
            named = [t for t in active if t.label == slots["label"]]
            active = named or (active if len(active) == 1 else [])
        if slots["action"] == "cancel" and not slots.get("all") and not slots.get("label") and len(active) > 1:
            return active[-1:]
        return active

    def _reply(self, action: str, text: str, **data: object) -> SkillReply:
        return SkillReply(self.name, action, text, dict(data))


def _same_half(at: datetime, alarm: datetime, now: float) -> datetime:
    """A new time said without AM or PM keeps the alarm's half of the day and day: 6 AM moved "to 6:45" is 6:45 AM."""
    moved = alarm.replace(hour=at.hour % 12 + (12 if alarm.hour >= 12 else 0), minute=at.minute)
    return moved if moved.timestamp() > now else moved + timedelta(days=1)


def _timers(conn: Any, ids: list[int]) -> list[Timer]:
    """Rows read inside a transaction, on its connection."""
    cursor = conn.execute(f"SELECT * FROM timers WHERE id IN ({','.join('?' * len(ids))}) ORDER BY due_at", ids)
    names = [column[0] for column in cursor.description]
    return [Timer(**dict(zip(names, row, strict=True))) for row in cursor.fetchall()]


def _following(timer: Timer, now: float) -> float:
    """The next ring of a repeating alarm after now, however many were missed while edge was off."""
    ring = datetime.fromtimestamp(timer.due_at).astimezone()
    while ring.timestamp() <= now:
        ring = next_ring(ring, timer.repeat or EVERY_DAY)
    return ring.timestamp()


def _clock_words(text: str) -> str:
    for pattern, replacement in SPOKEN_CLOCK:
        text = pattern.sub(replacement, text)
    return text


def _yes_or_no(plain: str) -> Slots:
    """A question answered yes or no ("do I have an alarm tomorrow"), not one for the alarms ("what time is it set for")."""
    asked = re.match(r"(?:(?:can|could) you (?:tell me |check )?(?:if|whether) |check (?:if|whether) )?(\w+)", plain)
    auxiliary = asked is not None and asked[1] in ("is", "are", "do", "does", "did", "have", "has", "was", "were", "will")
    return {"yes_or_no": True} if auxiliary else {}


def _filtered(slots: Slots) -> bool:
    return bool(slots.get("time") or slots.get("day") or slots.get("half"))


def _at(timer: Timer, slots: Slots) -> bool:
    """Whether an alarm rings at the time of day and on the day a request said; "7" alone is 7 AM or 7 PM."""
    due = datetime.fromtimestamp(timer.due_at)
    if slots.get("day") and due.date().isoformat() != slots["day"]:
        return False
    if slots.get("half") and (due.hour < 12) != (slots["half"] == "am"):
        return False
    if not slots.get("time"):
        return True
    hour, minute = slots["time"]
    same_hour = due.hour == hour or (slots.get("either_half") and due.hour % 12 == hour % 12)
    return bool(same_hour) and due.minute == minute


def _none_text(slots: Slots) -> str:
    if slots.get("length"):
        return f"You have no {_length(slots['length'])} timer."
    if slots.get("label") and not _filtered(slots):
        return f"You have no {slots['label']} {slots['kind']}."
    if not _filtered(slots):
        return f"You have no {slots['kind']}s running." if slots["kind"] == "timer" else "You have no alarms set."
    said = []
    if slots.get("time"):
        hour, minute = slots["time"]
        said.append(f"at {_clock(hour, minute, either=bool(slots.get('either_half')))}")
    if slots.get("day"):
        said.append(f"on {spoken_date(date.fromisoformat(slots['day']))}")
    if slots.get("half"):
        said.append("in the morning" if slots["half"] == "am" else "in the afternoon or evening")
    return f"You have no alarm set {' '.join(said)}."


def _clock(hour: int, minute: int, either: bool) -> str:
    face = f"{hour % 12 or 12}" + (f":{minute:02d}" if minute else "")
    return face if either else f"{face} {'AM' if hour < 12 else 'PM'}"


def _same_day_once(whens: list[str]) -> list[str]:
    """ "tomorrow at 7 AM", "tomorrow at 8 AM" → "tomorrow at 7 AM", "8 AM"."""
    days = {when.partition(" at ")[0] for when in whens}
    if len(days) != 1 or not all(" at " in when for when in whens):
        return whens
    return [whens[0], *(when.partition(" at ")[2] for when in whens[1:])]


def _due(timer: Timer, now: float) -> str:
    when = spoken_time(datetime.fromtimestamp(timer.due_at), datetime.fromtimestamp(now))
    return f"{when} {spoken_repeat(timer.repeat)}" if timer.repeat else when


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def _several_timers(plain: str) -> Slots | None:
    """Several timers in one request, each with its length and name, when the request names more than one timer:
    "timer" said twice, "another", or "timers for 5 and 10 minutes". A length said without its unit takes the unit of
    the nearest one said ("a timer for ten minutes and then a timer for five"); one not said at all is asked for."""
    parts = ANOTHER_TIMER.split(plain)
    clauses, joins = parts[::2], parts[1::2]
    if len(clauses) < 2 and TIMERS.search(plain):
        clauses = re.split(r",? and ", plain)
    elif not (plain.count("timer") >= 2 or any(j not in ("a", "an") for j in joins)):
        return None
    if len(clauses) < 2:
        return None
    units = [u[0] if (u := UNIT.search(c)) else None for c in clauses]
    timers: list[Slots] = []
    for i, clause in enumerate(clauses):
        nearest = next((u for u in [*units[i + 1 :], *reversed(units[:i])] if u), None)
        borrowed = f"{clause} {nearest}" if nearest and not units[i] and re.search(r"\d", clause) else clause
        length = parse_duration(borrowed)
        timers.append({"seconds": _whole(length) if length else None} | ({"label": lb} if (lb := _label(clause)) else {}))
    first, *more = timers
    if not first["seconds"]:
        return None
    return {"action": "start", "kind": "timer", "label": first.get("label"), "seconds": first["seconds"], "more": more}


def _label(text: str) -> str | None:
    for pattern in LABELS:
        for match in pattern.finditer(text):
            if match.group(1) not in NOT_LABELS and not match.group(1).isdigit():
                return match.group(1)
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
    due = _due(timer, now)
    what = f"reminder to {timer.label}" if timer.kind == "reminder" else timer.name
    return f"Your {what} is set for {due}."
