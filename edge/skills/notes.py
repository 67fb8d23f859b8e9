"""Notes, lists (shopping, to-do, ...) and reminders, kept in the store. Reminders fire through the timer scheduler."""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from edge.skills.base import Skill, SkillReply, Slots
from edge.skills.list_phrases import RENAME_LIST, list_name, parse_list_item_request
from edge.skills.list_requests import parse_list_request
from edge.skills.repeats import REPEAT, first_ring, parse_repeat, spoken_repeat
from edge.skills.spoken import (
    CALENDAR,
    CALENDAR_DATE,
    WEEKDAYS,
    capitalized,
    normalize_numbers,
    parse_clock_time,
    parse_duration,
    said_back,
    spoken_count,
    spoken_duration,
    spoken_time,
)
from edge.skills.timers import TimerStore
from edge.store.database import Database, inserted_id
from edge.store.stemming import Stemmer

REMIND = re.compile(
    r"\b(?:(?:remind|alert|ping|nudge) (?:me|us)|remind(?= (?:to|about|that)\b)|don'?t let me forget"
    r"|(?:i|we) (?:need|want|would like|'d like|have) to be reminded"
    r"|(?:i|we) (?:need|want|would like|'d like) (?:a |an )?reminder"
    r"|(?:set|make|create|add|put|schedule|give me)(?: me| up)? (?:a |an |one )?(?:new )?"
    r"(?:(?P<often>repeating|recurring|daily|everyday|weekly|monthly|yearly|annual) )?reminder(?: alert| notification)?"
    r"(?: for me)?)\b(?: (?P<how>to|that|about|for|of)\b)? ?(?P<rest>.*)"
)
ASKED_BACK = re.compile(r"(?:what|when|where|which|who|how|whats|what's)\b")
"""After "remind me", a question asked of edge, not a reminder to set: "remind me what day it is", "remind me what I
put on my shopping list"."""
REMINDERS = re.compile(
    r"\b(reminders|what (?:do i|should i) remember|(?:any|pending|upcoming|my|next) reminder"
    r"|(?:anything|something) (?:i should be|to be) reminded (?:about|of))\b"
)
ANOTHER_APPS_LIST = re.compile(r"\b(?:contacts?|play|mailing|e-?mail|call|phone) ?lists?\b|\bplaylists?\b")
"""Lists that belong to a phone's other apps, not to the user's notes: "open my contact list", "my workout playlist"."""
LIST_OR_NOTE = re.compile(r"\b(?:lists?|notes?|remind|reminders?)\b")
CANCEL_REMINDER = re.compile(r"\b(?:cancel|delete|remove|forget)(?: my| the)? reminders?(?: about| to| for)? ?(?P<text>.*)$")
ARTICLES = re.compile(r"^(?:(?:a|an|the|this|that|my|our|some|new)\b ?)+")
ADD_NOTE = re.compile(
    r"^(?:please |can you |could you )?(?:take|make|write|jot|save|add|create) (?:down )?(?:a |this |the )?(?:quick )?"
    r"(?:note|memo)(?: down)?(?: that| saying| to say|:)? ?(?P<text>.*)$"
    r"|^(?:please )?(?:note|write down|jot down|remember)(?: that|:)? (?P<text2>.+)$"
    r"|^(?:please )?(?:jot|write|take|note) (?:this|that) down[,:]? (?P<text3>.+)$"
)
READ_NOTES = re.compile(
    r"\b(?:read|show|list|tell me|what are|what's in|what is in|give me)(?: me)? (?:all )?(?:my |the )?notes\b"
    r"|\bwhat notes (?:do i have|are there)\b"
)
DELETE_NOTE = re.compile(
    r"\b(?:delete|remove|erase|forget|scratch|clear|wipe)(?: my| the)? (?P<which>last|latest|previous|all(?: (?:of )?my)?|every)"
    r" notes?\b|\b(?:delete|remove|erase|forget|clear|wipe)(?: out)? (?:all (?:of )?)?(?:my|the) (?P<all>notes)\b"
    r"|\b(?:delete|remove|erase|forget|scratch)(?: my| the)? note (?:about|on|with|saying) (?P<about>.+)$"
)
DAY_NAMES = ("tomorrow", *(day.lower() for day in WEEKDAYS))
WEEKDAY = "(?:" + "|".join(DAY_NAMES[1:]) + ")"
TIME_PHRASE = re.compile(
    r"\b(?:in|after) (?:\d+(?:\.\d+)? |an? |half an? )?[a-z ]*?(?:seconds?|minutes?|mins?|hours?|hrs?|days?)\b"
    r"|\b(?:at|by|around) (?:\d{1,2}(?::\d{2})?(?: ?[ap]\.?m\.?)?|noon|midnight)"
    r"|\b(?:(?:for|at) )?\d{1,2}(?::\d{2})? ?[ap]\.?m\b\.?"
    rf"|\b(?:tomorrow|tonight|today|this|(?:on )?(?:(?:next|this|this coming|coming) )?(?:{WEEKDAY})s?|in the)"
    r"(?: (?:morning|afternoon|evening|night))?\b",
    re.IGNORECASE,
)
COURTESY = re.compile(r"\b(?:please|thanks|thank you|for me|olly|ollie|alexa|google)\b", re.IGNORECASE)
NOT_REPEATED = re.compile(r"\b(?:every (?:month|year)|monthly|yearly|annual(?:ly)?)\b")
"""Repeats a reminder cannot have: it repeats on days of the week."""
PART_OF_DAY = re.compile(r"\b(morning|afternoon|evening|tonight|night)\b")
PART_OF_DAY_AT = {"morning": "9 am", "afternoon": "3 pm", "evening": "6 pm", "tonight": "8 pm", "night": "8 pm"}
"""The hour meant by "tomorrow morning" and the like, when no time is said."""
DEFAULT_LISTS = ("shopping", "todo")


def said(name: str) -> str:
    """A list's name as it is said and shown: the stored "todo" is the "to-do" list."""
    return "to-do" if name == "todo" else name


"""Lists every user has, even before anything is put on them."""


PLACEHOLDER = re.compile(
    r"(?:(?:some|any|one|a|an|the|new|another|more|one more)\s*)*(?:item|thing|entry|something|anything|stuff|one)s?"
    r"|it|this|that|them|these|those",
    re.IGNORECASE,
)
"""Said in place of an item ("remove an item from my list", "add it to my list"): which one is asked for."""


HOW_MANY_ITEMS = re.compile(r"\bhow many (?:items|things|entries|tasks|of them)\b|\bhow (?:long|big) is\b")
"""A read that asks how many: "how many things are on my grocery list" is told the count first."""


class NotesSkill(Skill):
    name = "notes"
    clarification = "I can put that on a list or in a note, but which list, and what should I add?"

    def __init__(self, db: Database, timers: TimerStore) -> None:
        self.db = db
        self.timers = timers
        self._stemmer = Stemmer()

    def declines(self, text: str) -> bool:
        lower = text.lower()
        return bool(CALENDAR.search(lower)) and not LIST_OR_NOTE.search(lower) or bool(ANOTHER_APPS_LIST.search(lower))

    def parse(self, text: str, matched: Mapping[str, str] | None = None) -> Slots | None:
        plain = text.strip().rstrip(".!?")
        lower = plain.lower()
        if m := CANCEL_REMINDER.search(lower):
            return {"action": "cancel_reminder", "text": _items_of(plain, m, "text") or None}
        if (m := REMIND.search(lower)) and m["how"] is None and ASKED_BACK.match(m["rest"] or ""):
            asked = parse_list_request(plain[m.start("rest") :])
            return asked if asked and asked["action"] in ("read", "contains", "lists") else None
        if m:
            rest = plain[m.start("rest") :] if m.group("rest") else ""
            before = plain[: m.start()].strip(" ,")
            if before and not TIME_PHRASE.sub("", normalize_numbers(before)).strip(" ,"):
                rest = f"{rest} {before}"
            often = m["often"] if m["often"] not in (None, "repeating", "recurring") else ""
            return self._reminder(f"{rest} {often}".strip(), m["how"])
        if REMINDERS.search(lower):
            return {"action": "reminders"}
        if (m := RENAME_LIST.match(lower)) and (old := list_name(m["old"])) and (new := list_name(m["new"])):
            return {"action": "rename", "list": old, "to": new}
        if (slots := parse_list_request(plain)) is not None:
            if slots["action"] == "read" and HOW_MANY_ITEMS.search(lower):
                slots["count"] = True
            return slots if self._fits(slots) else None
        if m := DELETE_NOTE.search(lower):
            if m["about"]:
                return {"action": "remove", "list": "notes", "text": _items_of(plain, m, "about")}
            every = m["all"] or m["which"].startswith(("all", "every"))
            return {"action": "clear" if every else "remove", "list": "notes", "text": None}
        if READ_NOTES.search(lower):
            return {"action": "read", "list": "notes"}
        if m := ADD_NOTE.match(lower):
            group = next(g for g in ("text", "text2", "text3") if m.group(g) is not None)
            body = plain[m.start(group) :].strip(" :,") if m.group(group) else ""
            return {"action": "add", "list": "notes", "text": body or None}
        if (slots := parse_list_item_request(plain)) is not None and self._fits(slots):
            return slots
        return None

    def _fits(self, slots: Slots) -> bool:
        """An item said to be done ("I bought the eggs") is a list request only when it is on a list."""
        return not slots.pop("listed", False) or self._list_holding(slots["text"], slots.get("list")) is not None

    def _reminder(self, rest: str, how: str | None = None) -> Slots:
        """A task and when: "to call mom at 5 pm", "about the dentist on friday", "every weekday at 8"."""
        rest = re.sub(r"(?i)\b(mon|tues|wednes|thurs|fri|satur|sun)days\b", r"\1day", rest)
        lower = normalize_numbers(rest.lower())
        due, at = self._reminder_time(lower)
        text, phrasing = _reminder_task(rest, how)
        if due is None and text and (listed := parse_list_request(text)) and listed["action"] in ("add", "read"):
            return listed
        repeat = parse_repeat(lower)
        if not repeat and at is not None and re.search(r"\b(?:weekly|every week)\b", lower):
            repeat = str(at.weekday())
        if at is not None and repeat:
            due = first_ring(at, repeat).timestamp()
        slots: Slots = {
            "action": "remind",
            "text": text,
            "due": datetime.fromtimestamp(due).astimezone().isoformat() if due else None,
        }
        if phrasing != "to":
            slots["how"] = phrasing
        if repeat:
            slots["repeat"] = repeat
        if unsupported := NOT_REPEATED.search(lower):
            slots["unsupported"] = unsupported[0]
        return slots

    def _reminder_time(self, lower: str) -> tuple[float | None, datetime | None]:
        """When a reminder is due (a timestamp), and the time of day said, if one was."""
        now = datetime.fromtimestamp(self.timers.clock()).astimezone()
        seconds = parse_duration(lower) if re.search(r"\b(in|after)\b", lower) else None
        if seconds:
            return now.timestamp() + seconds, None
        at = parse_clock_time(lower, now)
        if at is None and (part := PART_OF_DAY.search(lower)):
            day = next((word for word in DAY_NAMES if word in lower.split()), "")
            at = parse_clock_time(f"{day} at {PART_OF_DAY_AT[part[1]]}".strip(), now)
        return (at.timestamp() if at else None), at

    def complete(self, slots: Slots) -> bool:
        if slots["action"] == "remind":
            return bool(slots.get("text")) and bool(slots.get("due") or slots.get("unsupported"))
        return slots["action"] != "add" or _named_item(slots)

    def run(self, slots: Slots) -> SkillReply:
        action = slots["action"]
        if action == "remind":
            return self._remind(slots)
        if action == "cancel_reminder":
            return self._cancel_reminder(slots.get("text"))
        if action == "reminders":
            reminders = self.timers.active(("reminder",))
            if not reminders:
                return SkillReply(self.name, action, "You have no reminders.", {"ids": []})
            parts = [f"{said_back(r.label or '')} at {spoken_time(datetime.fromtimestamp(r.due_at))}" for r in reminders]
            return SkillReply(self.name, action, f"Your reminders: {_join(parts)}.", {"ids": [r.id for r in reminders]})
        if action == "lists":
            return self._lists()
        if action == "update":
            replies = [self.run(step) for step in slots["steps"]]
            text = " ".join(reply.text for reply in replies)
            return SkillReply(self.name, action, text, {"steps": [reply.data for reply in replies]})
        if action == "create":
            return self._create(slots.get("list"))
        if action == "rename":
            return self._rename(str(slots["list"]), str(slots["to"]))
        if action == "delete_list" and slots.get("all"):
            return self._delete_all_lists()
        if action == "delete_list":
            return self._delete_list(slots.get("list") or self._pointed(slots.get("which"), only=True))
        name = self._resolve(slots)
        where = "your notes" if name == "notes" else f"your {said(name)} list"
        if action == "add":
            if not _named_item(slots):
                asked = "What should the note say?" if name == "notes" else f"What should I add to {where}?"
                return SkillReply(self.name, action, asked, {})
            if name == "notes":
                return SkillReply(self.name, action, "Noted.", {"ids": self._add(name, [slots["text"]]), "list": name})
            return self._add_items(name, _split_items(slots["text"]), where)
        if not self._exists(name):
            return SkillReply(self.name, action, f"You have no list called {name}.", {"list": name, "items": []})
        entries = self.db.query("SELECT id, text FROM notes WHERE list = ? ORDER BY id", (name,))
        if action == "read":
            if not entries:
                return SkillReply(self.name, action, f"There is nothing in {where}.", {"items": [], "list": name})
            texts = [e["text"] for e in entries]
            opening = f"{capitalized(where)} has {spoken_count(len(texts), 'item')}: " if slots.get("count") else f"In {where}: "
            return SkillReply(self.name, action, f"{opening}{_join(texts)}.", {"items": texts, "list": name})
        if action == "contains":
            wanted = ARTICLES.sub("", str(slots.get("text") or "").lower())
            found = [e["text"] for e in entries if wanted in e["text"].lower()]
            text = f"Yes, {where} has {_join(found)}." if found else f"No, {where} doesn't have {wanted}."
            return SkillReply(self.name, action, text, {"items": found, "list": name})
        if action == "clear":
            self.db.execute("DELETE FROM notes WHERE list = ?", (name,))
            return SkillReply(self.name, action, f"Cleared {where}.", {"removed": len(entries), "list": name})
        return self._remove(slots, entries, where)

    def _resolve(self, slots: Slots) -> str:
        """The list a request means: the one it names, points at or holds the item; else the shopping list, or the
        only list there is."""
        if slots.get("list"):
            return str(slots["list"])
        if pointed := self._pointed(slots.get("which")):
            return pointed
        if slots["action"] in ("remove", "contains") and (holding := self._list_holding(slots.get("text"))):
            return holding
        if slots.get("position"):
            latest = self.db.query("SELECT list FROM notes WHERE list != 'notes' ORDER BY id DESC LIMIT 1")
            if latest:
                return str(latest[0]["list"])
        names = self._names()
        return names[0] if len(names) == 1 and "shopping" not in names else "shopping"

    def _pointed(self, which: str | None, only: bool = False) -> str | None:
        """ "the first list", "the last list", "this list"; with ``only``, the one list there is when there is one."""
        names = self._names()
        if which == "first" and names:
            return names[0]
        if which == "last" and names:
            return names[-1]
        if which == "this":
            touched = self.db.query(
                "SELECT list FROM (SELECT list, created_at FROM notes WHERE list != 'notes' "
                "UNION ALL SELECT name, created_at FROM lists) ORDER BY created_at DESC LIMIT 1"
            )
            return str(touched[0]["list"]) if touched else None
        return names[0] if only and len(names) == 1 else None

    def _names(self) -> list[str]:
        return [r["name"] for r in self.db.query("SELECT name FROM lists ORDER BY created_at, name")]

    def _exists(self, name: str) -> bool:
        if name in (*DEFAULT_LISTS, "notes"):
            return True
        return bool(self.db.query("SELECT 1 FROM lists WHERE name = ? UNION SELECT 1 FROM notes WHERE list = ?", (name, name)))

    def _remove(self, slots: Slots, entries: list[dict[str, Any]], where: str) -> SkillReply:
        wanted = ARTICLES.sub("", slots.get("text") or "")
        if PLACEHOLDER.fullmatch(wanted):
            return SkillReply(self.name, "remove", f"What should I remove from {where}?", {})
        if wanted:
            items = {item.lower() for item in _split_items(wanted)}
            gone = [e for e in entries if e["text"].lower() in items]
            gone = gone or [e for e in entries if wanted.lower() in e["text"].lower()]
            gone = gone or [e for e in entries if self._same_item(wanted, e["text"])]
        elif isinstance(position := slots.get("position"), int):
            gone = entries[position - 1 : position] if position >= 1 else []
            wanted = f"item {position}"
        else:
            gone = entries[:1] if position == "first" else entries[-1:]
        if not gone:
            return SkillReply(self.name, "remove", f"I couldn't find {wanted or 'anything'} in {where}.", {"removed": 0})
        with self.db.transaction() as conn:
            conn.executemany("DELETE FROM notes WHERE id = ?", [(e["id"],) for e in gone])
        return SkillReply(
            self.name, "remove", f"Removed {_join([e['text'] for e in gone])} from {where}.", {"removed": len(gone)}
        )

    def _lists(self) -> SkillReply:
        names = self._names()
        if not names:
            return SkillReply(self.name, "lists", "You have no lists yet.", {"lists": []})
        count = "one list" if len(names) == 1 else f"{len(names)} lists"
        return SkillReply(self.name, "lists", f"You have {count}: {_join(names)}.", {"lists": names})

    def _create(self, name: str | None) -> SkillReply:
        if not name:
            return SkillReply(self.name, "create", "What should I call the new list?", {})
        with self.db.transaction() as conn:
            made = conn.execute("INSERT OR IGNORE INTO lists (name, created_at) VALUES (?, ?)", (name, time.time())).rowcount
        text = f"I made a new list: {said(name)}." if made else f"You already have a {said(name)} list."
        return SkillReply(self.name, "create", text, {"list": name, "created": bool(made)})

    def _rename(self, old: str, new: str) -> SkillReply:
        if old == "notes" or new == "notes":
            return SkillReply(self.name, "rename", "Your notes keep their name; lists can be renamed.", {"renamed": False})
        if self._exists(new) and new != old:
            return SkillReply(self.name, "rename", f"You already have a {said(new)} list.", {"renamed": False})
        with self.db.transaction() as conn:
            created = conn.execute("SELECT created_at FROM lists WHERE name = ?", (old,)).fetchone()
            moved = conn.execute("UPDATE notes SET list = ? WHERE list = ?", (new, old)).rowcount
            if created is None and not moved:
                return SkillReply(self.name, "rename", f"You have no {said(old)} list.", {"renamed": False})
            conn.execute("DELETE FROM lists WHERE name = ?", (old,))
            conn.execute("INSERT INTO lists (name, created_at) VALUES (?, ?)", (new, created[0] if created else time.time()))
        text = f"Renamed your {said(old)} list to {said(new)}."
        return SkillReply(self.name, "rename", text, {"list": new, "renamed": True, "items": moved})

    def _delete_list(self, name: str | None) -> SkillReply:
        if not name:
            names = self._names()
            if not names:
                return SkillReply(self.name, "delete_list", "You have no lists to delete.", {"removed": 0})
            return SkillReply(self.name, "delete_list", f"Which list should I delete: {_join(names, 'or')}?", {})
        with self.db.transaction() as conn:
            known = conn.execute("DELETE FROM lists WHERE name = ?", (name,)).rowcount
            items = conn.execute("DELETE FROM notes WHERE list = ?", (name,)).rowcount
        if not known and not items:
            text = f"Your {said(name)} list is already empty." if name in DEFAULT_LISTS else f"You have no {name} list."
            return SkillReply(self.name, "delete_list", text, {"list": name, "removed": 0})
        held = "" if not items else f" and its {items} item{'s' if items != 1 else ''}"
        return SkillReply(self.name, "delete_list", f"Deleted your {said(name)} list{held}.", {"list": name, "removed": items})

    def _delete_all_lists(self) -> SkillReply:
        with self.db.transaction() as conn:
            lists = conn.execute("DELETE FROM lists").rowcount
            conn.execute("DELETE FROM notes WHERE list != 'notes'")
        text = (
            "You have no lists to delete."
            if not lists
            else "Deleted your only list."
            if lists == 1
            else f"Deleted all {lists} lists."
        )
        return SkillReply(self.name, "delete_list", text, {"removed": lists})

    def _list_holding(self, text: str | None, name: str | None = None) -> str | None:
        """The list an item is on, for "mark X as done" or "remove X from my list" said without naming the list."""
        if not text:
            return None
        wanted = ARTICLES.sub("", text.lower())
        rows = self.db.query(
            "SELECT list, lower(text) AS text FROM notes WHERE list != 'notes' AND (? IS NULL OR list = ?) ORDER BY id DESC",
            (name, name),
        )
        exact = [r["list"] for r in rows if r["text"] == wanted]
        within = [r["list"] for r in rows if wanted and wanted in r["text"]]
        return (exact or within or [r["list"] for r in rows if self._same_item(wanted, r["text"])] or [None])[0]

    def _same_item(self, said: str, stored: str) -> bool:
        """The same words but for their endings: "calling the plumber" is the item "call the plumber"."""
        words = [re.findall(r"[^\W_]+", text.lower()) for text in (said, stored)]
        return bool(words[0]) and self._stemmer.stems(words[0]) == self._stemmer.stems(words[1])

    def _cancel_reminder(self, about: str | None) -> SkillReply:
        reminders = self.timers.active(("reminder",))
        if about:
            reminders = [r for r in reminders if about.lower() in (r.label or "").lower()]
        if not reminders:
            return SkillReply(self.name, "cancel_reminder", "I found no such reminder.", {"ids": []})
        chosen = reminders if not about else reminders[:1]
        self.timers.cancel(chosen)
        what = f"your reminder to {said_back(chosen[0].label or '')}" if len(chosen) == 1 else f"all {len(chosen)} reminders"
        return SkillReply(self.name, "cancel_reminder", f"Cancelled {what}.", {"ids": [r.id for r in chosen]})

    def _remind(self, slots: Slots) -> SkillReply:
        if not slots.get("text"):
            return SkillReply(self.name, "remind", "What should I remind you about?", {})
        what = f"{slots.get('how', 'to')} {said_back(slots['text'])}"
        if slots.get("unsupported"):
            text = f"I can repeat a reminder every day or on days of the week, not {slots['unsupported']}."
            return SkillReply(self.name, "remind", text, {"ids": []})
        if not slots.get("due"):
            return SkillReply(self.name, "remind", f"When should I remind you {what}?", {})
        due = datetime.fromisoformat(slots["due"])
        reminder = self.timers.add("reminder", due.timestamp(), slots["text"], repeat=slots.get("repeat"))
        now = self.timers.clock()
        if slots.get("repeat"):
            text = f"I'll remind you {what} at {spoken_time(due)} {spoken_repeat(slots['repeat'])}."
            return SkillReply(self.name, "remind", text, {"ids": [reminder.id]})
        wait = due.timestamp() - now
        day_and_time = spoken_time(due, datetime.fromtimestamp(now).astimezone())
        on = "" if day_and_time.startswith("tomorrow") else "on " if " at " in day_and_time else "at "
        when = f"in {spoken_duration(round(wait))}" if wait < 3600 else f"{on}{day_and_time}"
        return SkillReply(self.name, "remind", f"I'll remind you {what} {when}.", {"ids": [reminder.id]})

    def _add_items(self, name: str, items: list[str], where: str) -> SkillReply:
        """Adds what the list does not hold yet; an item already on it is said to be there, not added twice."""
        held = {row["text"].lower() for row in self.db.query("SELECT text FROM notes WHERE list = ?", (name,))}
        new = [item for item in dict.fromkeys(items) if item.lower() not in held]
        there = [item for item in items if item.lower() in held]
        ids = self._add(name, new) if new else []
        said = [f"Added {_join(new)} to {where}."] if new else []
        if there:
            already = f"{_join(there)} {'is' if len(there) == 1 else 'are'} already on {where}."
            said.append(capitalized(already))
        return SkillReply(self.name, "add", " ".join(said), {"ids": ids, "list": name, "already": there})

    def _add(self, name: str, items: list[str]) -> list[int]:
        now = time.time()
        with self.db.transaction() as conn:
            if name != "notes":
                conn.execute("INSERT OR IGNORE INTO lists (name, created_at) VALUES (?, ?)", (name, now))
            return [
                inserted_id(conn.execute("INSERT INTO notes (list, text, created_at) VALUES (?, ?, ?)", (name, t, now)))
                for t in items
            ]


def _named_item(slots: Slots) -> bool:
    return bool(slots.get("text")) and not PLACEHOLDER.fullmatch(str(slots["text"]).strip())


def _reminder_task(rest: str, how: str | None) -> tuple[str | None, str]:
    """What to remind of, without its time, and how to say it back: "to" a task, "that" a fact, "about" a thing."""
    task = TIME_PHRASE.sub("", REPEAT.sub("", COURTESY.sub("", CALENDAR_DATE.sub("", normalize_numbers(rest)))))
    task = re.sub(r"\s+", " ", re.sub(r"\b(?:weekly|every week)\b", "", task)).strip(" ,.")
    lead = re.match(r"^(?:(?:to|that|about|for|of)\b ?)+", task, flags=re.I)
    said = (lead[0].split()[-1].lower() if lead else how) or "to"
    return (task[lead.end() :] if lead else task) or None, {"for": "about", "of": "about"}.get(said, said)


def _items_of(original: str, match: re.Match[str], group: str) -> str:
    return original[match.start(group) : match.end(group)]


def _split_items(text: str) -> list[str]:
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+", text)
    return [p.strip() for p in parts if p.strip()]


def _join(items: list[str], last: str = "and") -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {last} " + items[-1]
