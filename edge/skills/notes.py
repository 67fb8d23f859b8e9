"""Notes, lists (shopping, to-do, ...) and reminders, kept in the store. Reminders fire through the timer scheduler."""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from datetime import datetime

from edge.skills.base import Skill, SkillReply, Slots
from edge.skills.spoken import normalize_numbers, parse_clock_time, parse_duration, spoken_duration, spoken_time
from edge.skills.timers import TimerStore
from edge.store.database import Database

LIST_NAME = r"(?:my |the |our )?(?P<list>[a-z]+(?: [a-z]+)?) list"
REMIND = re.compile(r"\bremind (?:me|us)\b(?: to| that| about)? ?(?P<rest>.*)")
REMINDERS = re.compile(r"\b(reminders|what (?:do i|should i) remember)\b")
ADD_TO_LIST = re.compile(
    rf"^(?:please |can you |could you )?(?:add|put|include|stick) (?P<text>.+?) (?:to|on|onto|in) {LIST_NAME}$"
)
REMOVE_FROM_LIST = re.compile(
    rf"^(?:please )?(?:remove|delete|take|cross off|check off|tick off|scratch) (?P<text>.+?) (?:from|off|on) {LIST_NAME}$"
)
READ_LIST = re.compile(rf"\b(?:what(?:'s| is| do i have)? (?:on|in)|read(?: me)?|show(?: me)?|tell me|list) {LIST_NAME}")
CLEAR_LIST = re.compile(rf"\b(?:clear|empty|wipe|delete everything (?:on|from)) {LIST_NAME}")
ADD_NOTE = re.compile(
    r"^(?:please |can you |could you )?(?:take|make|write|jot|save|add|create) (?:down )?(?:a |this |the )?(?:quick )?"
    r"(?:note|memo)(?: down)?(?: that| saying| to say|:)? ?(?P<text>.*)$"
    r"|^(?:please )?(?:note|write down|jot down|remember)(?: that|:)? (?P<text2>.+)$"
)
READ_NOTES = re.compile(
    r"\b(?:read|show|list|tell me|what are|what's in|what is in|give me)(?: me)? (?:all )?(?:my |the )?notes\b"
)
DELETE_NOTE = re.compile(
    r"\b(?:delete|remove|erase|forget|scratch)(?: my| the)? (?P<which>last|latest|previous|all(?: my)?|every) notes?\b"
)
TIME_PHRASE = re.compile(
    r"\b(?:in|after) (?:\d+(?:\.\d+)? |an? |half an? )?[a-z ]*?(?:seconds?|minutes?|mins?|hours?|hrs?|days?)\b"
    r"|\b(?:at|by|around|tomorrow|tonight|this (?:morning|afternoon|evening))\b.*$"
)
LIST_ALIASES = {"grocery": "shopping", "groceries": "shopping", "shopping": "shopping", "to do": "todo", "todo": "todo"}


class NotesSkill(Skill):
    name = "notes"

    def __init__(self, db: Database, timers: TimerStore) -> None:
        self.db = db
        self.timers = timers

    def parse(self, text: str, matched: Mapping[str, str] | None = None) -> Slots | None:
        plain = text.strip().rstrip(".!?")
        lower = plain.lower()
        if REMINDERS.search(lower) and not REMIND.search(lower):
            return {"action": "reminders"}
        if m := REMIND.search(lower):
            return self._reminder(plain[m.start("rest") :] if m.group("rest") else "")
        if m := ADD_TO_LIST.match(lower):
            return {"action": "add", "list": _list(m["list"]), "text": _items_of(plain, m, "text")}
        if m := REMOVE_FROM_LIST.match(lower):
            return {"action": "remove", "list": _list(m["list"]), "text": _items_of(plain, m, "text")}
        if m := CLEAR_LIST.search(lower):
            return {"action": "clear", "list": _list(m["list"])}
        if m := READ_LIST.search(lower):
            return {"action": "read", "list": _list(m["list"])}
        if m := DELETE_NOTE.search(lower):
            return {"action": "clear" if m["which"].startswith(("all", "every")) else "remove", "list": "notes", "text": None}
        if READ_NOTES.search(lower):
            return {"action": "read", "list": "notes"}
        if m := ADD_NOTE.match(lower):
            group = "text" if m.group("text") is not None else "text2"
            body = plain[m.start(group) :].strip(" :") if m.group(group) else ""
            return {"action": "add", "list": "notes", "text": body or None}
        return None

    def _reminder(self, rest: str) -> Slots:
        lower = normalize_numbers(rest.lower())
        now = datetime.fromtimestamp(self.timers.clock()).astimezone()
        seconds = parse_duration(lower) if re.search(r"\b(in|after)\b", lower) else None
        at = None if seconds else parse_clock_time(lower, now)
        task = TIME_PHRASE.sub("", normalize_numbers(rest)).strip(" ,.") or None
        task = re.sub(r"^(?:to|that|about) ", "", task, flags=re.I) if task else None
        due = now.timestamp() + seconds if seconds else at.timestamp() if at else None
        return {"action": "remind", "text": task, "due": datetime.fromtimestamp(due).astimezone().isoformat() if due else None}

    def run(self, slots: Slots) -> SkillReply:
        action = slots["action"]
        if action == "remind":
            return self._remind(slots)
        if action == "reminders":
            reminders = self.timers.active(("reminder",))
            if not reminders:
                return SkillReply(self.name, action, "You have no reminders.", {"ids": []})
            parts = [f"{r.label} at {spoken_time(datetime.fromtimestamp(r.due_at))}" for r in reminders]
            return SkillReply(self.name, action, f"Your reminders: {_join(parts)}.", {"ids": [r.id for r in reminders]})
        name = slots["list"]
        where = "your notes" if name == "notes" else f"your {name} list"
        if action == "add":
            if not slots.get("text"):
                return SkillReply(self.name, action, "What should the note say?" if name == "notes" else "What should I add?", {})
            items = [slots["text"]] if name == "notes" else _split_items(slots["text"])
            ids = self._add(name, items)
            saved = "Noted." if name == "notes" else f"Added {_join(items)} to {where}."
            return SkillReply(self.name, action, saved, {"ids": ids, "list": name})
        entries = self.db.query("SELECT id, text FROM notes WHERE list = ? ORDER BY id", (name,))
        if action == "read":
            if not entries:
                return SkillReply(self.name, action, f"There is nothing in {where}.", {"items": []})
            texts = [e["text"] for e in entries]
            return SkillReply(self.name, action, f"In {where}: {_join(texts)}.", {"items": texts, "list": name})
        if action == "clear":
            self.db.execute("DELETE FROM notes WHERE list = ?", (name,))
            return SkillReply(self.name, action, f"Cleared {where}.", {"removed": len(entries)})
        return self._remove(slots, entries, where)

    def _remove(self, slots: Slots, entries: list[dict], where: str) -> SkillReply:
        wanted = slots.get("text")
        if wanted:
            items = {item.lower() for item in _split_items(wanted)}
            gone = [e for e in entries if e["text"].lower() in items]
        else:
            gone = entries[-1:]
        if not gone:
            return SkillReply(self.name, "remove", f"I couldn't find {wanted or 'anything'} in {where}.", {"removed": 0})
        with self.db.transaction() as conn:
            conn.executemany("DELETE FROM notes WHERE id = ?", [(e["id"],) for e in gone])
        return SkillReply(
            self.name, "remove", f"Removed {_join([e['text'] for e in gone])} from {where}.", {"removed": len(gone)}
        )

    def _remind(self, slots: Slots) -> SkillReply:
        if not slots.get("text"):
            return SkillReply(self.name, "remind", "What should I remind you about?", {})
        if not slots.get("due"):
            return SkillReply(self.name, "remind", f"When should I remind you to {slots['text']}?", {})
        due = datetime.fromisoformat(slots["due"])
        reminder = self.timers.add("reminder", due.timestamp(), slots["text"])
        wait = due.timestamp() - self.timers.clock()
        when = f"in {spoken_duration(round(wait))}" if wait < 3600 else f"at {spoken_time(due)}"
        return SkillReply(self.name, "remind", f"I'll remind you to {slots['text']} {when}.", {"ids": [reminder.id]})

    def _add(self, name: str, items: list[str]) -> list[int]:
        now = time.time()
        with self.db.transaction() as conn:
            return [
                conn.execute("INSERT INTO notes (list, text, created_at) VALUES (?, ?, ?)", (name, t, now)).lastrowid
                for t in items
            ]


def _list(name: str) -> str:
    name = name.strip()
    return LIST_ALIASES.get(name, name)


def _items_of(original: str, match: re.Match[str], group: str) -> str:
    return original[match.start(group) : match.end(group)]


def _split_items(text: str) -> list[str]:
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+", text)
    return [p.strip() for p in parts if p.strip()]


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
