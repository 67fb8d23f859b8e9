"""The time here or anywhere, a time converted between places, time zones, the date, the day of the week, and how
long until (or since) a day people name."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from datetime import datetime
from functools import partial
from typing import Any

from edge.errors import InputError
from edge.skills import places
from edge.skills.base import Skill, SkillReply, Slots
from edge.skills.count_questions import age_reply, between_reply, count_question, day_of_year_reply, years_reply
from edge.skills.day_questions import calendar_fact, day_question
from edge.skills.day_replies import DAY_REPLIES
from edge.skills.dst_questions import dst_question, dst_reply
from edge.skills.spoken import CALENDAR
from edge.skills.sun_questions import sun_question, sun_reply
from edge.skills.time_phrases import clean_request
from edge.skills.time_questions import general_question, local_time, time_from_now, time_in_format, time_until
from edge.skills.time_replies import TIME_REPLIES
from edge.skills.zone_questions import conversion, date_in_place, difference, time_in_place, zone_question

Clock = Callable[[], datetime]

_REPLIES = (
    TIME_REPLIES
    | DAY_REPLIES
    | {
        "age": age_reply,
        "years": years_reply,
        "between": between_reply,
        "day_of_year": day_of_year_reply,
        "dst": dst_reply,
        "sun": sun_reply,
    }
)


class TimeSkill(Skill):
    name = "time"
    clarification = "I heard a question about the time or the date, but not which day or place: could you say it another way?"

    def __init__(self, clock: Clock | None = None) -> None:
        self.clock: Clock = clock or (lambda: datetime.now().astimezone())

    def load(self) -> None:
        """The places take about 1.5 s to read: on a thread, so start-up does not wait (a question about a place
        asked meanwhile does)."""
        threading.Thread(target=places.load, name="edge-places", daemon=True).start()

    def declines(self, text: str) -> bool:
        return bool(CALENDAR.search(text.lower()))

    def parse(self, text: str, matched: Mapping[str, str] | None = None) -> Slots | None:
        """``matched`` is None when the classifier, not a template, found the request to be about time: then loosely
        phrased questions ("how late is it", "what month are we in") are taken to ask for the time or the date."""
        clean = clean_request(text)
        if not clean:
            return None
        now = self.clock()
        readers = (
            dst_question, sun_question, conversion, difference, zone_question, time_from_now, partial(time_until, now=now),
            time_in_format,
            date_in_place, time_in_place, local_time,
            calendar_fact, partial(count_question, now=now),
        )  # fmt: skip
        for reader in readers:
            if (slots := reader(clean)) is not None:
                return slots
        asked, slots = day_question(clean, text, now, matched.get("day") if matched else None)
        if asked:
            return slots
        return general_question(clean) if matched is None else None

    def complete(self, slots: Slots) -> bool:
        return slots.get("action") != "ask"

    def run(self, slots: Slots) -> SkillReply:
        action = slots.get("action")
        if action == "ask":
            return self._reply("ask", str(slots["question"]))
        if action not in _REPLIES:
            raise InputError(f"the time skill has no action {action!r}", "pass the slots TimeSkill.parse returned")
        text, data = _REPLIES[action](slots, self.clock())
        return self._reply(str(action), text, **data)

    def _reply(self, action: str, text: str, **data: Any) -> SkillReply:
        return SkillReply(self.name, action, text, data)
