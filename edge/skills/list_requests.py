"""Requests about lists said in more than one clause, built from the one-clause grammar of ``list_phrases``.

Two changes at once ("take bread off my shopping list and add milk"), an item named before the request that points
back at it ("I'm out of kleenex, so put that on my shopping list", "is milk on my list? if not, add it"), and a request
after a preamble ("do me a favor and put sharpies on my list").
"""

from __future__ import annotations

import re

from edge.skills.base import Slots
from edge.skills.list_phrases import (
    ADD_VERB,
    ANY_LIST,
    CONTAINS,
    DELETE_VERB,
    LIST_REF,
    NEED_TO_BUY,
    NOT_ITEMS,
    NOT_NEEDED,
    REMOVE_VERB,
    item_text,
    named_slots,
    parse_list_clause,
    parse_list_item_request,
    parse_list_read,
    plain_request,
)

CHANGES = frozenset({"add", "remove"})
PRONOUN = r"(?:it|them|that|those|these|this|one)"
THEN = re.compile(rf"(?:,? and|,|;)(?: then| also)? (?=(?:{ADD_VERB}|{REMOVE_VERB}) )")
ADD_IT = re.compile(
    rf"\b{ADD_VERB}(?: down)?(?: {PRONOUN})?(?= (?:to|on|onto|in|into|if|unless)\b|$)|\bget {PRONOUN} (?:added|on)\b"
    rf"|\b{PRONOUN} (?:to be |gets? )?added\b"
)
REMOVE_IT = re.compile(rf"\b{REMOVE_VERB} {PRONOUN}(?: off| out)?\b")
DELETE_IT = re.compile(rf"\b{DELETE_VERB} (?:it|that|this)(?: one)?(?: too| as well| for me)?$")
"""A list named first and then deleted: "I don't need the shopping list, delete it"."""
SAME_LIST = re.compile(rf"(?: (?:to|on|onto|in|into|from|off(?: of)?) (?:it|there|{PRONOUN} list|the same list))?(?: instead)?$")
CONNECTIVES = re.compile(
    r"(?:[ ,;:.?!-]|\b(?:and|so|then|but|or|otherwise|if not|if (?:it|they|that)(?:'s|'re| is| are)? ?(?:not|isn'?t|aren'?t)"
    r"(?: there| on (?:it|there|the list))?|if so|if (?:it|they) (?:is|are)|can you|could you|will you|would you|please"
    r"|go ahead and|just|if you can|can i get you to))+$"
)
ANOTHER_ITEM = re.compile(rf"^{ADD_VERB} (?P<text>.+)$")
"""An item added beside another change, whose list that change names: "take bread off my list and put milk"."""
UNSURE = re.compile(r"^(?:i'?m not sure|i don'?t know|i wonder|not sure|check|see)(?: if| whether)? ")
LISTED = re.compile(rf"^(?P<text>.+?) (?:is|are) (?:already |still )?(?:on|in) {LIST_REF}$")
HAVE_NONE = re.compile(
    r"^(?:i|we) (?:have no|(?:don'?t|do not) have any(?: more)?|(?:have|'ve) run out of|(?:have|'ve) no more) (?P<text>.+)$"
)
TO_DO = re.compile(r"^(?:i|we) (?:need|have|got|gotta|must|should) (?:to )?(?:do )?(?P<text>.+)$")
DONE_WITH = re.compile(
    r"^(?:i|we)(?: just| already| have|'ve)* (?:finished|did|done|completed|bought|got|picked up) (?P<text>.+)$"
    r"|^(?:i|we) (?:no longer|don'?t|do not) (?:need|want|have) to (?P<text2>.+)$"
)
QUESTION = re.compile(
    r"^(?:did|does|do (?:i|we|you)|is|are|was|were|have|has)\b|\b(?:what|which|whether|if|how|when|where|who|why)\b"
    r"|\b(?:did|have|do) (?:i|we)\b"
)
COMMAND = re.compile(rf"\b(?:{ADD_VERB}|remove|delete|erase|cross|scratch|strike|nix|nuke|empty|clear|get rid of)\b")
"""Where a change starts after a preamble; "check" and "take" are left out, as "check for" and "take a look" are not."""


def parse_list_request(text: str) -> Slots | None:
    """The list slots of a request about lists, or None when it is not one."""
    plain = plain_request(text)
    return (
        _back_reference(plain) or parse_list_clause(plain) or _changes(plain) or _after_preamble(plain) or parse_list_read(plain)
    )


def _changes(plain: str) -> Slots | None:
    """Two or more adds and removes in one request; a clause that names no list uses the list another one names."""
    parts = THEN.split(plain)
    if len(parts) < 2:
        return None
    steps = [_change(SAME_LIST.sub("", part.strip())) for part in parts]
    if any(step is None for step in steps):
        return None
    named = next((step["list"] for step in steps if step and step.get("list")), None)
    resolved = [{**step, "list": step.get("list") or named} for step in steps if step]
    return {"action": "update", "list": named, "steps": resolved}


def _change(clause: str) -> Slots | None:
    slots = parse_list_clause(clause) or parse_list_item_request(clause)
    if slots is None and (m := ANOTHER_ITEM.match(clause.lower())):
        slots = {"action": "add", "list": None, "text": item_text(clause, m)}
    if slots is None or slots["action"] not in CHANGES or "text" not in slots:
        return None
    slots.pop("listed", None)
    return slots


def _back_reference(plain: str) -> Slots | None:
    """ "I'm out of kleenex so put that on my list", "I finished the laundry, cross it off": the item is in the clause
    before the one that points back at it."""
    lower = plain.lower()
    if (deleted := DELETE_IT.search(lower)) and (named := ANY_LIST.search(lower[: deleted.start()])):
        context = CONNECTIVES.sub("", plain[: deleted.start()])
        if named_slots(named)["list"] and _antecedent(context, "remove") is None:
            return {"action": "delete_list", **named_slots(named)}
    for action, pattern in (("add", ADD_IT), ("remove", REMOVE_IT)):
        reference = pattern.search(lower)
        if reference is None or reference.start() == 0:
            continue
        antecedent = _antecedent(CONNECTIVES.sub("", plain[: reference.start()]), action)
        if antecedent is None:
            continue
        item, context_list = antecedent
        named = ANY_LIST.search(lower[reference.start() :])
        return {"action": action, "list": named_slots(named)["list"] if named else context_list, "text": item}
    return None


def _antecedent(context: str, action: str) -> tuple[str, str | None] | None:
    """The item a clause is about, and the list it names or implies: "is milk on my shopping list" → milk, shopping."""
    plain = UNSURE.sub("", plain_request(context))
    lower = plain.lower()
    kinds = (
        ((CONTAINS, None), (LISTED, None), (NEED_TO_BUY, "shopping"), (HAVE_NONE, "shopping"), (TO_DO, "todo"))
        if action == "add"
        else ((CONTAINS, None), (LISTED, None), (DONE_WITH, None), (NOT_NEEDED, None))
    )
    for pattern, implied in kinds:
        if (m := pattern.match(lower)) and (item := item_text(plain, m)) and not NOT_ITEMS.search(item.lower()):
            return item, named_slots(m)["list"] or implied
    return None


def _after_preamble(plain: str) -> Slots | None:
    """A change asked for after words that are not part of it: "do me a favor and put sharpies on my list"."""
    lower = plain.lower()
    for command in COMMAND.finditer(lower):
        preamble = lower[: command.start()]
        if not preamble or QUESTION.search(preamble):
            continue
        rest = plain[command.start() :]
        slots = parse_list_clause(rest) or _changes(rest)
        if slots is None and (named := ANY_LIST.search(preamble)):
            slots = _change(rest)
            slots = {**slots, "list": named_slots(named)["list"]} if slots else None
        if slots is not None and slots["action"] not in ("read", "contains", "lists"):
            return slots
    return None
