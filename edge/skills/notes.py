"""Notes, lists (shopping, to-do, ...) and reminders, kept in the store. Reminders fire through the timer scheduler."""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from edge.skills.base import Skill, SkillReply, Slots
from edge.skills.spoken import WEEKDAYS, normalize_numbers, parse_clock_time, parse_duration, spoken_duration, spoken_time
from edge.skills.timers import TimerStore
from edge.store.database import Database, inserted_id

LIST_NAME = r"(?:my |the |our )?(?:(?P<list>[a-z]+(?: [a-z]+)?) )?list(?: for [a-z ]+)?"
"""A list named or not ("my shopping list", "the list"); an unnamed list is the shopping list."""
REMIND = re.compile(r"\b(?:(?:remind|alert|ping|nudge) (?:me|us)|don'?t let me forget)\b(?: (?:to|that|about)\b)? ?(?P<rest>.*)")
REMINDERS = re.compile(r"\b(reminders|what (?:do i|should i) remember)\b")
CANCEL_REMINDER = re.compile(r"\b(?:cancel|delete|remove|forget)(?: my| the)? reminders?(?: about| to| for)? ?(?P<text>.*)$")
ADD_TO_LIST = re.compile(
    r"^(?:please |can you |could you )?(?:add|put|include|stick|toss|throw|pop|write) (?P<text>.+?) (?:to|on|onto|in) "
    rf"{LIST_NAME}$"
)
NEED_TO_BUY = re.compile(
    r"^(?:we(?:'re| are) (?:out of|running (?:out of|low on)|low on)|we need(?: more| some)?|(?:we|i) ran out of"
    r"|i need to (?:buy|pick up|get)) (?P<text>.+?)(?:,.*)?$"
)
REMOVE_FROM_LIST = re.compile(
    r"^(?:please )?(?:remove|delete|take|cross off|check off|tick off|scratch|cancel|drop|erase|strike) (?P<text>.+?) "
    r"(?:from|off|on) "
    rf"{LIST_NAME}$|^(?:please )?(?:cross|check|tick|take|scratch) (?P<text2>.+?) off {LIST_NAME.replace('list>', 'list2>')}$"
)
MARK_DONE = re.compile(rf"^(?:please )?mark (?P<text>.+?) (?:as )?(?:done|complete|completed|finished)(?: on {LIST_NAME})?$")
READ_LIST = re.compile(
    r"\b(?:what(?:'s| is| do i have| have i got)?(?: next| left)? (?:on|in)|read(?: me)?(?: out| back)?|show(?: me)?|display"
    r"|tell me(?: what(?:'s| is| i have) (?:on|in))?|list(?: the items on)?|check|open|bring up|pull up|go through"
    r"|(?:the )?(?:items|things) (?:on|in)|(?:is there |do i have |have i got )?anything (?:on|in)"
    rf"|how many (?:[a-z]+ )?(?:items|things) (?:are )?(?:on|in)) {LIST_NAME}"
)
LIST_CONTENTS = re.compile(rf"\bwhat (?:does|do|will|is) {LIST_NAME} (?:contain|hold|have on it|say)")
CONTAINS = re.compile(rf"^(?:is|are|do (?:i|we) (?:have|already have|still need)) (?P<text>.+?) (?:on|in) {LIST_NAME}$")
ANYTHING = frozenset({"anything", "something", "stuff", "things", "items", "any items", "any things"})
LISTS = re.compile(
    r"\b(?:what|which)(?: are)?(?: all)?(?: my| the| of my)? lists\b|\blists (?:do|have) (?:i|we)\b"
    r"|\b(?:show|tell|read|display|give|check|list|name)(?: me)?(?: all)?(?: my| the| available| of my)? lists\b"
    r"|\b(?:my|available|all) lists$"
)
CREATE_LIST = re.compile(
    r"^(?:please |can you |could you |would you )*(?:create|make|start|begin|set up|open)(?: me| up| for me)?"
    r" (?:a |an |another )?(?:new |fresh |separate )?(?:(?P<list>[a-z]+(?: [a-z]+){0,2}) )?list"
    r"(?: (?:called|named|titled|for) (?P<name>[a-z ]+?))?(?: for me)?(?: please)?$"
)
DELETE_LIST = re.compile(
    r"^(?:please |can you |could you )*(?:delete|remove|erase|drop|discard|trash|get rid of|throw away|throw out)"
    r"(?: the| my| our)?(?: whole| entire)? "
    r"(?:(?P<list>[a-z]+(?: [a-z]+){0,2}) list|list (?:called|named|titled) (?P<name>[a-z ]+))$"
)
ARTICLES = re.compile(r"^(?:(?:a|an|the|this|that|my|our|some|new)\b ?)+")
UNNAMED = frozenset({"me", "us", "myself", "old", "whole", "entire", "first", "last", "other", "current"})
"""Words that say which list without naming it: "this list", "a new list for me", "the old list"."""
WHAT_TO_BUY = re.compile(r"\bwhat (?:do|should) (?:i|we) (?:still )?(?:need to )?(?:buy|get|pick up)\b")
CLEAR_LIST = re.compile(rf"\b(?:clear|empty|wipe|delete everything (?:on|from)) {LIST_NAME}")
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
    r"\b(?:delete|remove|erase|forget|scratch)(?: my| the)? (?P<which>last|latest|previous|all(?: my)?|every) notes?\b"
    r"|\b(?:delete|remove|erase|forget|scratch)(?: my| the)? note (?:about|on|with|saying) (?P<about>.+)$"
)
DAY_NAMES = ("tomorrow", *(day.lower() for day in WEEKDAYS))
WEEKDAY = "(?:" + "|".join(DAY_NAMES[1:]) + ")"
TIME_PHRASE = re.compile(
    r"\b(?:in|after) (?:\d+(?:\.\d+)? |an? |half an? )?[a-z ]*?(?:seconds?|minutes?|mins?|hours?|hrs?|days?)\b"
    r"|\b(?:at|by|around) (?:\d{1,2}(?::\d{2})?(?: ?[ap]\.?m\.?)?|noon|midnight)"
    rf"|\b(?:tomorrow|tonight|today|this|on {WEEKDAY}|{WEEKDAY}|in the)(?: (?:morning|afternoon|evening|night))?\b",
    re.IGNORECASE,
)
PART_OF_DAY = re.compile(r"\b(morning|afternoon|evening|tonight|night)\b")
PART_OF_DAY_AT = {"morning": "9 am", "afternoon": "3 pm", "evening": "6 pm", "tonight": "8 pm", "night": "8 pm"}
"""The hour meant by "tomorrow morning" and the like, when no time is said."""
LIST_ALIASES = {"grocery": "shopping", "groceries": "shopping", "to do": "todo"}
DESCRIBED_LIST = re.compile(r"\blist of (?P<what>[a-z ]+?)(?= for |$)", re.IGNORECASE)
"""A list named by what it holds: "the list of things I need to buy", "my list of errands for saturday"."""
BUYING = re.compile(r"\b(?:buy|get|pick up|shop|shopping|groceries|grocery)\b", re.IGNORECASE)
TO_DO = re.compile(r"\b(?:to do|todo|tasks?|chores)\b", re.IGNORECASE)
FILLER = frozenset({"things", "stuff", "items", "my", "the", "some", "all"})


class NotesSkill(Skill):
    name = "notes"
    clarification = "I can put that on a list or in a note, but which list, and what should I add?"

    def __init__(self, db: Database, timers: TimerStore) -> None:
        self.db = db
        self.timers = timers

    def parse(self, text: str, matched: Mapping[str, str] | None = None) -> Slots | None:
        plain = DESCRIBED_LIST.sub(_named_list, re.sub(r"(?i)\bto-do\b", "to do", text.strip().rstrip(".!?")))
        lower = plain.lower()
        if m := CANCEL_REMINDER.search(lower):
            return {"action": "cancel_reminder", "text": _items_of(plain, m, "text") or None}
        if REMINDERS.search(lower) and not REMIND.search(lower):
            return {"action": "reminders"}
        if m := REMIND.search(lower):
            return self._reminder(plain[m.start("rest") :] if m.group("rest") else "")
        if m := ADD_TO_LIST.match(lower):
            return {"action": "add", "list": _list(m["list"]), "text": _items_of(plain, m, "text")}
        if m := NEED_TO_BUY.match(lower):
            return {"action": "add", "list": "shopping", "text": _items_of(plain, m, "text")}
        if m := REMOVE_FROM_LIST.match(lower):
            group = "text" if m["text"] else "text2"
            return {"action": "remove", "list": _list(m["list"] or m["list2"]), "text": _items_of(plain, m, group)}
        if m := DELETE_LIST.match(lower):
            return _list_action("delete_list", m)
        if m := CREATE_LIST.match(lower):
            return _list_action("create", m)
        if LISTS.search(lower):
            return {"action": "lists"}
        if (m := CONTAINS.match(lower)) and m["text"] not in ANYTHING:
            return {"action": "contains", "list": _list(m["list"]), "text": _items_of(plain, m, "text")}
        if m := MARK_DONE.match(lower):
            return {"action": "remove", "list": _list(m["list"]) if m["list"] else None, "text": _items_of(plain, m, "text")}
        if m := CLEAR_LIST.search(lower):
            return {"action": "clear", "list": _list(m["list"])}
        if m := READ_LIST.search(lower) or LIST_CONTENTS.search(lower):
            return {"action": "read", "list": _list(m["list"])}
        if WHAT_TO_BUY.search(lower):
            return {"action": "read", "list": "shopping"}
        if m := DELETE_NOTE.search(lower):
            if m["about"]:
                return {"action": "remove", "list": "notes", "text": _items_of(plain, m, "about")}
            return {"action": "clear" if m["which"].startswith(("all", "every")) else "remove", "list": "notes", "text": None}
        if READ_NOTES.search(lower):
            return {"action": "read", "list": "notes"}
        if m := ADD_NOTE.match(lower):
            group = next(g for g in ("text", "text2", "text3") if m.group(g) is not None)
            body = plain[m.start(group) :].strip(" :,") if m.group(group) else ""
            return {"action": "add", "list": "notes", "text": body or None}
        return None

    def _reminder(self, rest: str) -> Slots:
        lower = normalize_numbers(rest.lower())
        now = datetime.fromtimestamp(self.timers.clock()).astimezone()
        seconds = parse_duration(lower) if re.search(r"\b(in|after)\b", lower) else None
        at = None if seconds else parse_clock_time(lower, now)
        if not seconds and at is None and (part := PART_OF_DAY.search(lower)):
            day = next((word for word in DAY_NAMES if word in lower.split()), "")
            at = parse_clock_time(f"{day} at {PART_OF_DAY_AT[part[1]]}".strip(), now)
        task = re.sub(r"\s+", " ", TIME_PHRASE.sub("", normalize_numbers(rest))).strip(" ,.")
        text = re.sub(r"^(?:to|that|about) ", "", task, flags=re.I) or None
        due = now.timestamp() + seconds if seconds else at.timestamp() if at else None
        return {"action": "remind", "text": text, "due": datetime.fromtimestamp(due).astimezone().isoformat() if due else None}

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
            parts = [f"{r.label} at {spoken_time(datetime.fromtimestamp(r.due_at))}" for r in reminders]
            return SkillReply(self.name, action, f"Your reminders: {_join(parts)}.", {"ids": [r.id for r in reminders]})
        if action == "lists":
            return self._lists()
        if action in ("create", "delete_list"):
            return self._create(slots.get("list")) if action == "create" else self._delete_list(slots.get("list"))
        name = slots["list"] or self._list_holding(slots.get("text")) or "todo"
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
        if action == "contains":
            wanted = ARTICLES.sub("", str(slots.get("text") or "").lower())
            found = [e["text"] for e in entries if wanted in e["text"].lower()]
            text = f"Yes, {where} has {_join(found)}." if found else f"No, {where} doesn't have {wanted}."
            return SkillReply(self.name, action, text, {"items": found, "list": name})
        if action == "clear":
            self.db.execute("DELETE FROM notes WHERE list = ?", (name,))
            return SkillReply(self.name, action, f"Cleared {where}.", {"removed": len(entries)})
        return self._remove(slots, entries, where)

    def _remove(self, slots: Slots, entries: list[dict[str, Any]], where: str) -> SkillReply:
        wanted = ARTICLES.sub("", slots.get("text") or "")
        if wanted:
            items = {item.lower() for item in _split_items(wanted)}
            gone = [e for e in entries if e["text"].lower() in items]
            gone = gone or [e for e in entries if wanted.lower() in e["text"].lower()]
        else:
            gone = entries[-1:]
        if not gone:
            return SkillReply(self.name, "remove", f"I couldn't find {wanted or 'anything'} in {where}.", {"removed": 0})
        with self.db.transaction() as conn:
            conn.executemany("DELETE FROM notes WHERE id = ?", [(e["id"],) for e in gone])
        return SkillReply(
            self.name, "remove", f"Removed {_join([e['text'] for e in gone])} from {where}.", {"removed": len(gone)}
        )

    def _lists(self) -> SkillReply:
        names = [r["name"] for r in self.db.query("SELECT name FROM lists ORDER BY created_at, name")]
        if not names:
            return SkillReply(self.name, "lists", "You have no lists yet.", {"lists": []})
        count = "one list" if len(names) == 1 else f"{len(names)} lists"
        return SkillReply(self.name, "lists", f"You have {count}: {_join(names)}.", {"lists": names})

    def _create(self, name: str | None) -> SkillReply:
        if not name:
            return SkillReply(self.name, "create", "What should I call the new list?", {})
        with self.db.transaction() as conn:
            made = conn.execute("INSERT OR IGNORE INTO lists (name, created_at) VALUES (?, ?)", (name, time.time())).rowcount
        text = f"I made a new list: {name}." if made else f"You already have a {name} list."
        return SkillReply(self.name, "create", text, {"list": name, "created": bool(made)})

    def _delete_list(self, name: str | None) -> SkillReply:
        if not name:
            return SkillReply(self.name, "delete_list", "Which list should I delete?", {})
        with self.db.transaction() as conn:
            known = conn.execute("DELETE FROM lists WHERE name = ?", (name,)).rowcount
            items = conn.execute("DELETE FROM notes WHERE list = ?", (name,)).rowcount
        if not known and not items:
            return SkillReply(self.name, "delete_list", f"You have no {name} list.", {"list": name, "removed": 0})
        held = "" if not items else f" and its {items} item{'s' if items != 1 else ''}"
        return SkillReply(self.name, "delete_list", f"Deleted your {name} list{held}.", {"list": name, "removed": items})

    def _list_holding(self, text: str | None) -> str | None:
        """The list an item is on, for "mark X as done" said without naming the list."""
        if not text:
            return None
        rows = self.db.query("SELECT list FROM notes WHERE lower(text) = lower(?) ORDER BY id DESC LIMIT 1", (text,))
        return rows[0]["list"] if rows else None

    def _cancel_reminder(self, about: str | None) -> SkillReply:
        reminders = self.timers.active(("reminder",))
        if about:
            reminders = [r for r in reminders if about.lower() in (r.label or "").lower()]
        if not reminders:
            return SkillReply(self.name, "cancel_reminder", "I found no such reminder.", {"ids": []})
        chosen = reminders if not about else reminders[:1]
        self.timers.cancel(chosen)
        what = f"your reminder to {chosen[0].label}" if len(chosen) == 1 else f"all {len(chosen)} reminders"
        return SkillReply(self.name, "cancel_reminder", f"Cancelled {what}.", {"ids": [r.id for r in chosen]})

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
            if name != "notes":
                conn.execute("INSERT OR IGNORE INTO lists (name, created_at) VALUES (?, ?)", (name, now))
            return [
                inserted_id(conn.execute("INSERT INTO notes (list, text, created_at) VALUES (?, ?, ?)", (name, t, now)))
                for t in items
            ]


def _named_list(described: re.Match[str]) -> str:
    """ "list of things I need to buy" → "shopping list", "list of errands" → "errands list"."""
    what = described["what"]
    if BUYING.search(what):
        return "shopping list"
    if TO_DO.search(what):
        return "todo list"
    words = [w for w in what.lower().split() if w not in FILLER]
    return f"{words[0]} list" if words else described[0]


def _list_action(action: str, match: re.Match[str]) -> Slots:
    """Create or delete a list by name; a list not named ("a new list", "this list") is asked for when run."""
    name = ARTICLES.sub("", (match["name"] or match["list"] or "").strip())
    named = any(word not in UNNAMED for word in name.split())
    return {"action": action, "list": _list(name) if named else None}


def _list(name: str | None) -> str:
    name = (name or "shopping").strip()
    return LIST_ALIASES.get(name, name)


def _items_of(original: str, match: re.Match[str], group: str) -> str:
    return original[match.start(group) : match.end(group)]


def _split_items(text: str) -> list[str]:
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+", text)
    return [p.strip() for p in parts if p.strip()]


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
