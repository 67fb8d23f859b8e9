"""How people talk about their lists: the grammar that turns a request into the notes skill's list slots.

A list is named ("my shopping list", "the list called camping gear", "the list for saturday"), described ("the list
of things I need to buy"), pointed at ("this list", "the first list") or not named at all ("the list"). ``list`` in
the slots is the name, or None when the request does not name one; ``which`` then says how it pointed at one.
"""

from __future__ import annotations

import re

from edge.skills.base import Slots

POLITE_START = re.compile(
    r"^(?:(?:please|kindly|hey|ok|okay|so|now|and|also|then|just|oh|um|uh|alright|all right|yes|yeah|yep|sure"
    r"|can you|could you|would you(?: mind)?|will you|would you be able to|are you able to|can i|could i|may i"
    r"|go ahead and|i(?:'d| would) like(?: you)? to|i want(?: you)? to|i wanna|let'?s|help me(?: to)?|i need you to"
    r"|i have to|i'?ve got to|i need to(?= (?:add|put|include|remove|delete|take|cross|create|make|start|clear|empty|check))"
    r"|remember to(?= (?:add|put))|don'?t forget to(?= (?:add|put)))\b[ ,]*)+",
    re.IGNORECASE,
)
POLITE_END = re.compile(
    r"(?:[ ,]+(?:please|for me|thanks|thank you|now|right now|as well|too|also|real quick|okay|ok|again))+$", re.IGNORECASE
)
INNER_PLEASE = re.compile(r",? please,?(?= )", re.IGNORECASE)
REASON_END = re.compile(
    r"[ ,;]+(?:(?:'?cause|because|cuz|since|as) (?:i|we)\b.*"
    r"|(?:i|we)(?:'m| am|'re| are) (?:all |completely )?out(?: of (?:it|them))?"
    r"|(?:i|we) (?:just )?used (?:up )?the last(?: of (?:it|them))?"
    r"|(?:if|unless) (?:it|they|that)(?:'s|'re| is| are)?(?: not| isn'?t| aren'?t)?(?: already)? (?:on|in|there)\b.*"
    r"|if (?:it|they|that)(?:'s not| is not|'re not| are not| isn'?t| aren'?t)"
    r"|(?:unless|if) (?:i|we|you) (?:already did|(?:haven'?t|didn'?t|have not|did not)(?: already)?)(?: already)?)$",
    re.IGNORECASE,
)
"""Why or on what condition an item is added, which is not part of the item: "put milk on my list cause I'm out of it",
"add sugar to my shopping list if it's not already on it"."""
DETERMINER = r"(?:(?:my|the|our|a|an|this|that|your|his|her|their|these|those|current|new|whole|entire|full) )*"
WORD = r"(?!(?:to|on|in|into|onto|from|off|of|for|my|the|our|and|at|with|called|named)\b)[a-z0-9'&-]+"
PURPOSE = r"(?:my |the |our |this |next )?[a-z0-9']+(?: [a-z0-9']+)?"


WHEN_SAID = r"(?: (?:on )?(?:today|tonight|tomorrow|this (?:week|weekend)|(?:mon|tues|wednes|thurs|fri|satur|sun)days?))?"
"""When a change is said to be for, which names no list: "remove X from my to do list on sunday"."""


def list_ref(tag: str = "") -> str:
    """A list, named or not, with what it is for: "my shopping list", "the list for saturday", "my to do list".

    ``tag`` prefixes the group names (``list``, ``for``), so that one pattern can hold several references."""
    name = rf"(?P<{tag}list>(?:{WORD} ){{0,3}}?(?:to do|{WORD}))"
    return rf"{DETERMINER}(?:{name} )?list(?: (?:for|from|of|due) (?P<{tag}for>{PURPOSE}))?{WHEN_SAID}"


LIST_REF = list_ref()
BARE_LIST = (
    r"(?:my |the |our )?(?P<bare>groceries|grocery|shopping|to ?dos?|to-dos?)(?: (?:cart|bag|basket|trolley))?(?! lists?\b)"
)
"""A list said without the word "list": "add eggs to my groceries", "put soda in my shopping cart"."""

ADD_VERB = r"(?:add|put|include|stick|toss|throw|pop|write(?: down)?|jot(?: down)?|append|insert|enter|place|save|plus)"
INTO = r"(?:to|on|onto|in|into|under|at the (?:end|bottom|top) of)"
ITEM_WORDS = r"(?:(?:an?|the|this|these|some|new|following|items?|entry|entries|things?|another|one|more),? )*"
NOT_A_PURPOSE = r"(?!(?:for|from|of|on|due) )"
ADD_ITEM_FIRST = re.compile(rf"^{ADD_VERB} (?P<text>.+?) {INTO} (?:{LIST_REF}|{BARE_LIST})$")
ADD_ITEM_AFTER = re.compile(
    rf"^{ADD_VERB} {ITEM_WORDS}{INTO} (?:{LIST_REF}|{BARE_LIST})[,:]?(?: (?:called|named|saying|that says|which is))? "
    rf"{NOT_A_PURPOSE}(?P<text>.+)$"
)
ADD_LIST_FIRST = re.compile(
    rf"^(?:(?:on|to|in|for) )?{LIST_REF}[,:]? (?:add|put|include|needs?|should have|gets?|plus) (?P<text>.+)$"
)
WANT = (
    r"(?:(?:i|we) (?:need|want|would like|'d like)(?: (?:for )?you to (?:get|have)| get| have)? |(?:get|have) )"
    r"(?!to |you |i |we |rid )"
)
ADD_NEEDED = re.compile(
    rf"^{WANT}(?P<text>.+?) (?:on|in|(?:to be |gets? )?added to|put on) {LIST_REF}$"
    rf"|^(?P<text2>.+?) (?:needs to|should|has to|must) (?:go|be|get) (?:on|in|added to|put on) {list_ref('b')}$"
)
MAKE_SURE = re.compile(
    rf"^(?:make sure|ensure|be sure|check)(?: that)? (?P<text>.+?) (?:is|are|gets?|has been|have been) (?:added to|put on|on|in)"
    rf" {LIST_REF}$"
)
"""Asked to be sure an item is on a list, it is put there unless it already is."""
ADD_ALONE = re.compile(r"^(?:add|put down|write down|jot down) (?P<text>(?:(?! (?:to|on|onto|into|in) ).)+)$")
"""An item without a list, when the request is known to be about lists: "add eggs" (to the shopping list)."""
NEED_TO_BUY = re.compile(
    r"^(?:(?:we|i)(?:'re| are| am|'m) (?:all |almost |nearly |completely )?(?:out of|running (?:out of|low on)|low on)"
    r"|(?:we|i) (?:just )?ran out of|(?:we|i) need(?: more| some)?(?! to )"
    r"|(?:we|i) (?:need|have|got|gotta|must|should|want|'ve got|'d better) (?:to )?(?:buy|pick up|purchase|grab|get more)"
    r"|(?:we|i) (?:need|have|should|must) to get(?: some| more)?"
    r"|(?:we|i) (?:need|have|should|must) to go (?:shopping|to the (?:store|shop|supermarket)) for"
    r"|(?:need|have|got) to (?:buy|pick up|purchase|grab)|buy(?: some| more)?"
    r"|(?:don'?t|do not) (?:let me )?forget to (?:buy|pick up))"
    r" (?P<text>.+?)(?:,.*| (?:at|from) the (?:store|shop|supermarket)| today| tomorrow| later)?$"
)
REMOVE_VERB = (
    r"(?:remove|delete|erase|take|cross|check|tick|scratch|strike|drop|get rid of|pull|knock|rub|wipe|mark|cancel|clear|nix"
    r"|complete|finish)"
)
REMOVE_FROM = re.compile(
    rf"^{REMOVE_VERB}(?: off| out)? (?:the )?(?:items? |entry |entries )?(?P<text>.+?)(?: off| out)?"
    r"(?: as (?:done|complete|completed|finished|bought))?"
    rf" (?:from|off(?: of)?|out of|on|in) (?:{LIST_REF}|{BARE_LIST})$"
)
REMOVE_FROM_AFTER = re.compile(
    rf"^{REMOVE_VERB}(?: off| out)? (?:from|off(?: of)?|out of) (?:{LIST_REF}|{BARE_LIST})[,:]? "
    rf"{NOT_A_PURPOSE}(?:the )?(?:items? |entry )?(?P<text>.+)$"
)
REMOVE_NEEDED = re.compile(
    rf"^{WANT}(?P<text>.+?) (?:removed|deleted|erased|taken off|crossed off) (?:from |off |off of )?{LIST_REF}$"
)
REMOVE_OFF = re.compile(rf"^(?:cross|check|tick|take|scratch|strike|knock|mark) (?P<text>.+?) off(?: of)?(?: {LIST_REF})?$")
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
_NUMBERS = "one two three four five six seven eight nine ten".split()
POSITION = re.compile(
    rf"^{REMOVE_VERB}(?: off| out)? (?:the |my )?(?:(?P<position>last|first|latest|previous|top|bottom|final|"
    rf"most recent|recent|newest|oldest|{'|'.join(ORDINALS[1:])}|\d{{1,2}}(?:st|nd|rd|th)) "
    r"(?:item|entry|thing|line|element|addition|word)s?"
    rf"|(?:item|entry|thing|line|number)(?: number)? (?P<number>\d{{1,2}}|{'|'.join(_NUMBERS)}))"
    rf"(?: (?:i |you )?(?:added|put on|entered|said))?(?: (?:from|on|in|off(?: of)?) {LIST_REF})?$"
)
DONE = re.compile(
    r"^(?:i|we)(?: just| already| have|'ve)* (?:bought|got|picked up|purchased|found|grabbed|finished|did|done"
    r"|completed) (?P<text>.+?)(?: already| now| today)?$"
    r"|^(?P<text2>.+?) (?:is|are) (?:done|bought|finished|sorted|taken care of|no longer needed)$"
)
"""Said of an item on a list, it comes off: "I bought the eggs", "the laundry is done"."""
REMOVE_ALONE = re.compile(rf"^{REMOVE_VERB}(?: off| out)? (?:the )?(?:items? )?(?P<text>.+)$")
NOT_NEEDED = re.compile(
    rf"^(?:i|we) (?:don'?t|do not|no longer) (?:need|want) (?:the |any )?(?P<text>.+?)(?: any ?more| now)?"
    rf"(?: (?:on|in|from) {LIST_REF})?$"
    rf"|^no (?:more )?(?P<text2>.+?) (?:on|in) {list_ref('b')}$"
)
"""An item no longer wanted comes off the list that holds it: "we don't need bread anymore"."""
MARK_DONE = re.compile(rf"^mark (?P<text>.+?) (?:as )?(?:done|complete|completed|finished|bought)(?: on {LIST_REF})?$")

DELETE_VERB = (
    r"(?:delete|remove|erase|drop|discard|trash|get rid of|throw (?:away|out)|cancel|scrap|destroy|ditch|dump|kill|close"
    r"|take away|bin)"
)
DELETE_LIST = re.compile(
    rf"^{DELETE_VERB} (?:(?:{LIST_REF})|{DETERMINER}list "
    r"(?:(?:called|named|titled) |(?!(?:items?|entries|contents|things|stuff|everything|all)\b))(?P<name>[a-z0-9' ]+?))"
    r"(?: (?:(?:that|which|i|we) (?:i |we )?)?(?:created|made|have|had|started|set up|wrote)(?: [a-z ]+)?| completely"
    r"| entirely| in (?:its )?entirety| altogether| for good| permanently)?$"
)
ALL_LISTS = re.compile(rf"^{DELETE_VERB} (?:all|every(?: one)?|each)(?: of)?(?: my| the| our)? lists?$")
UNWANTED_LIST = re.compile(
    rf"^(?:i|we) (?:don'?t|do not|no longer) (?:need|want|use) {LIST_REF}(?: any ?more| now| at all)?$"
    rf"|^{list_ref('b')} (?:can go|is done|is finished|is no longer needed|isn'?t needed(?: any ?more)?)$"
)
CLEAR = re.compile(
    rf"^(?:clear|empty|wipe|reset|blank)(?: out| off)?(?: all(?: of)?)? (?:{LIST_REF}|{BARE_LIST})$"
    rf"|^(?:make|leave|get) (?:{list_ref('c')}|{BARE_LIST.replace('bare', 'cbare')}) (?:completely |totally |all )?"
    r"(?:blank|empty|clear|cleared)$"
    r"|^(?:delete|remove|erase|clear|take off|wipe|cross off|get rid of|nuke|nix) (?:everything|all(?: of)?(?: the)? "
    r"(?:items|things|entries|of it|of them|stuff)|all|every (?:item|thing)|each item|the (?:items|contents))"
    rf" (?:on|from|in|off(?: of)?) (?:{list_ref('b')}|{BARE_LIST.replace('bare', 'bbare')})$"
)
CREATE_VERB = r"(?P<verb>create|make|start|begin|set up|build|put together|draw up|compose|open up|prepare|add|open|new)"
CREATE = re.compile(
    rf"^(?:{CREATE_VERB}(?: me| up| for me| us)? (?P<article>a |an |another |one more )?"
    r"|(?:i|we) (?:want|need|would like|'d like) (?P<wanted>a |an |another |to (?:create|make|start) (?:a |an )?))"
    rf"(?P<new>(?:brand )?new |fresh |separate |blank |empty |other )?(?:(?P<list>(?:{WORD} ){{0,3}}?(?:to do|{WORD})) )?list"
    r"(?:(?: (?:called|named|titled|entitled|labell?ed|(?:with |by )?(?:the )?(?:name|title)(?: of)?|:) (?P<name>.+?))"
    r"|(?: (?:for|about|of|to) (?P<for>.+?)))?"
    r"(?P<items>,? (?:with|including|containing|that has|and add|and put)(?: in| on)? (?P<text>.+))?$"
)
CONTAINS = re.compile(
    rf"^(?:is|are|was|were) (?:there )?(?:any |some )?(?P<text>.+?)(?: already| still)? (?:on|in) {LIST_REF}"
    r"(?: already| still)?$"
    r"|^(?:do|did|have|had) (?:i|we) (?:already |still )?(?:(?:remember|forget) to )?"
    r"(?:have|got|add|added|put|need|include|included|write|written"
    rf"|wrote|list|listed)(?: down)? (?:any |some )?(?P<text2>.+?) (?:on|in|to|onto|into) {list_ref('b')}"
    rf"$|^(?:does|did|do) {list_ref('c')} (?:have|has|contain|include|say|mention)(?: any)? (?P<text3>.+)$"
    rf"|^(?:if|whether) (?P<text4>.+?) (?:is|are) (?:already |still )?(?:on|in) {list_ref('d')}$"
)
ASKING = re.compile(
    r"^(?:(?:i|we) (?:need|want|would like|'d like) to (?:know|hear|see|check)|(?:can|could|would|will) you (?:tell me|check)"
    r"|tell me|let me know|show me|check|see)(?= (?:if|whether|what|which|how many|the|everything|all)\b) "
)
"""Words that ask for an answer before the question itself: "I need to know if milk is on my list"."""
ANYTHING = frozenset({"anything", "something", "stuff", "things", "items", "any items", "any things", "everything"})
LISTS = re.compile(
    r"\b(?:what|which)(?: are)?(?: all)?(?: my| the| of my| of the)? lists\b|\blists (?:do|have|did) (?:i|we)\b"
    r"|\b(?:what|which) list (?:do |did |have )?(?:i|we) (?:have|got|keep|made|created|saved)\b"
    r"|\bhow many lists\b|\b(?:do|have) (?:i|we) (?:have |got )?(?:any )?lists\b|\bany lists\b"
    r"|\bnames? (?:of )?(?:all )?(?:(?:my|the|our|saved|current|available) )*lists\b"
    r"|\blists (?:that )?(?:i|we) (?:currently )?(?:have|own|created|made|saved|got|keep)\b"
    r"|\b(?:show|tell|read|display|give|check|list|name|open|bring up|pull up|see)(?: me)?(?: out)?(?: all)?(?: of)?"
    r"(?: my| the| available| our)? lists\b|^(?:my |all |all my |the )?lists$|\b(?:my|available|all) lists$"
)
WHAT_TO_BUY = re.compile(
    r"\bwhat (?:things |items |stuff |else )?(?:do|should|did|must) (?:i|we) (?:still )?"
    r"(?:need to |have to |want to |got to |plan to |plan on |planned to |mean to |meant to )?(?:buy|get|pick up|shop for)\b"
    r"|\bwhat (?:is|'s) (?:left )?to (?:buy|get)\b"
    r"|\bwhat (?:do|should) (?:i|we) (?:need|get) (?:from|at) the (?:store|shop|supermarket|grocery store|market)\b"
    r"|^what (?:things |items |stuff |else )?(?:i|we) (?:still )?(?:need|have|want|got|must|should)"
    r" to (?:buy|get|pick up|shop for)$"
)
"""What is left to buy, which the shopping list answers; also asked indirectly ("tell me what I need to buy", which
reaches here as "what i need to buy")."""
CHANGE = re.compile(
    r"\b(?:add|put|include|create|make|start|new|remove|delete|erase|clear|empty|take|cross|scratch|drop|cancel|rename"
    r"|change|edit|move|replace|update)\b"
)
CHANGED = re.compile(
    r"^(?!(?:what|which|when|who|how|why|did|do|does|have|has|is|are|was|were)\b).*\b(?:added|removed|deleted|erased"
    r"|crossed|taken off|put on)\b"
)
"""How a request to change a list starts, or what it asks to be done ("I need soda added to my list"); one that is not
understood is not read back instead."""
_WHEN = r"(?: (?:today|tonight|tomorrow|this (?:week|weekend|morning|afternoon|evening)|now|next|first|later|left))*$"
WHAT_TO_DO = re.compile(
    rf"^what (?:do|have|must|should) (?:i|we) (?:got |still )?(?:left |got |have |need )?to do{_WHEN}"
    rf"|^what(?: is|'s) (?:left |still )?to do{_WHEN}"
    rf"|^(?:what|which) (?:tasks|chores|jobs|errands|things|items)(?: do| have| did)? (?:i|we) (?:have|got|need)"
    rf"(?: left)? to (?:do|get done){_WHEN}"
    r"|^(?:what|which) (?:tasks|chores|jobs|errands|things|items) (?:are|is) (?:left|on (?:my|the|our) (?:to ?do|task) list)"
    rf"|^(?:what are )?(?:my |the )?(?:tasks|chores|errands|to ?dos)(?: for)?{_WHEN}"
    rf"|^(?:(?:tell|show|let) me (?:know )?)?what (?:i|we) (?:still )?(?:have|need|got|must|should)(?: left| got)?"
    rf" to (?:do|get done){_WHEN}"
    rf"|^(?:what|which) (?:tasks|chores|jobs|errands)(?: do| have| did)? (?:i|we) (?:have|got|need)(?: left)?{_WHEN}"
    r"|^what (?:are|is) (?:the )?(?:things|tasks|chores|jobs|errands) (?:that )?(?:i|we) (?:have|got|need to do)"
    r"(?: to do)?(?: for| on)? (?:today|tonight|tomorrow|this (?:week|weekend|morning|afternoon|evening))$"
    r"|^(?:do|have) (?:i|we) (?:got |have )?any (?:undone|unfinished|pending|open|outstanding|remaining|incomplete)"
    r" (?:tasks|chores|jobs|errands|to ?dos)\b"
)
"""A question about what there is to do, which the to-do list answers: "what do I have to do today", also asked
indirectly ("let me know what I have to do today", which reaches here as "what i have to do today")."""
ANY_LIST = re.compile(rf"\b{LIST_REF}\b|\b(?:my|the|our) {BARE_LIST.replace('(?:my |the |our )?', '')}\b")

DESCRIBED_LIST = re.compile(
    r"\blist (?:of (?P<what>[a-z ]+?)|(?P<todo>to do))(?= for | and |[,;]|$| (?:today|tonight|tomorrow)\b)", re.IGNORECASE
)
"""A list named by what it holds: "the list of things I need to buy", "my list of errands for saturday"."""
BUYING = re.compile(r"\b(?:buy|get|pick up|shop|shopping|groceries|grocery|purchase)\b", re.IGNORECASE)
TO_DO = re.compile(r"\b(?:to do|todo|tasks?|chores|things to do)\b", re.IGNORECASE)
NAME_ENDS = frozenset("to on at in for from by with that which who i we you need want should must have of and or".split())
"""Where what a described list holds ends: "a list of power tools on sale" is the power tools list."""
FILLER = frozenset({"things", "stuff", "items", "my", "the", "some", "all", "i", "we", "need", "to", "want"})
ALIASES = {
    **dict.fromkeys(("grocery", "groceries", "grocery shopping", "shopping", "food shopping", "food"), "shopping"),
    **dict.fromkeys(("to do", "todo", "to dos", "todos", "to do's", "things to do", "task", "tasks"), "todo"),
}
LEADING = frozenset(
    "my the our a an this that new your whole entire full read show tell give open check see get me us out back "
    "creating making starting building today's tomorrow's tonight's daily weekly".split()
)
"""Words before a list's name that are not part of it: "read that list", "start creating a new list"."""
NOT_NAMES = frozenset(
    "me us myself old whole entire first last latest newest oldest previous recent other current new a an the my our "
    "this that your list lists another one some any same second".split()
)
"""Words that say which list without naming it: "this list", "a new list for me", "the old list"."""
POINTER = re.compile(r"\b(?P<pointer>first|oldest|old|last|latest|newest|recent|previous|this|that|current)(?: one)? list\b")
DEFINITE = re.compile(r"\b(?:the|my|our) list\b")
POINTERS = {"first": "first", "oldest": "first", "old": "first", "this": "this", "that": "this", "current": "this"}
ASKED_OF_EDGE = re.compile(r"(?:for )?you to\b|to (?:know|see|hear|check)\b")
"""What follows "I need" when it is a request to edge, not an item: "I need for you to tell me what is on my list"."""
CHANGE_ASKED = re.compile(
    r"(?<!did i )(?<!did we )(?<!have i )(?<!have we )(?<!did you )(?<!what i )(?<!what we )(?<!remember to )(?<!forget to )"
    r"\b(?:add|adding|put|putting|include|remove|removing|delete|erase|clear|rid|cross|take \w+ off)\b"
)
"""A change asked for anywhere in a request, not one asked about ("did I add milk"): if it is not understood, the
list is not read back instead ("is it possible to add grapes to my shopping list if they aren't on there already")."""
NOT_ITEMS = re.compile(r"\b(?:alarms?|timers?|reminders?|notes?|lists?|events?|meetings?|emails?|songs?|playlists?)\b")


def plain_request(text: str) -> str:
    """The request without courtesy around it, nor a reason or condition after it, its described lists named."""
    text = ASKING.sub("", INNER_PLEASE.sub("", POLITE_START.sub("", text.strip().rstrip(".!?"))))
    plain = POLITE_END.sub("", REASON_END.sub("", text)).strip()
    return DESCRIBED_LIST.sub(_named_list, re.sub(r"(?i)\bto-do", "to do", plain))


def parse_list_clause(plain: str) -> Slots | None:
    """The list slots of one request (already ``plain_request``) about lists, or None when it is not one."""
    lower = plain.lower()
    if (m := CREATE.match(lower)) and _creates(m):
        name = list_name(m["name"] or m["list"] or m["for"])
        if m["items"] and (item := item_text(plain, m)):
            return {"action": "add", "list": name or "shopping", "text": item}
        return {"action": "create", "list": name}
    if m := CLEAR.match(lower):
        return {"action": "clear", **named_slots(m)}
    if m := POSITION.match(lower):
        return {"action": "remove", **named_slots(m), "position": _position(m["position"], m["number"])}
    if ALL_LISTS.match(lower):
        return {"action": "delete_list", "list": None, "all": True}
    if m := DELETE_LIST.match(lower) or UNWANTED_LIST.match(lower):
        return _deleted(m)
    for pattern in (ADD_ITEM_AFTER, ADD_ITEM_FIRST, ADD_LIST_FIRST, ADD_NEEDED, MAKE_SURE):
        if (m := pattern.match(lower)) and (item := item_text(plain, m)):
            return {"action": "add", **named_slots(m), "text": item}
    for pattern in (REMOVE_FROM_AFTER, REMOVE_FROM, REMOVE_OFF, REMOVE_NEEDED):
        if (m := pattern.match(lower)) and (item := item_text(plain, m)):
            return {"action": "remove", **named_slots(m), "text": item}
    if (m := NOT_NEEDED.match(lower)) and (item := item_text(plain, m)) and not NOT_ITEMS.search(item.lower()):
        return {"action": "remove", **named_slots(m), "text": item, "listed": True}
    if (m := MARK_DONE.match(lower)) and (item := item_text(plain, m)):
        return {"action": "remove", **named_slots(m), "text": item, "listed": True}
    if LISTS.search(lower):
        return {"action": "lists"}
    if (m := CONTAINS.match(lower)) and (item := item_text(plain, m)):
        if item.lower() in ANYTHING:
            return {"action": "read", **named_slots(m)}
        return {"action": "contains", **named_slots(m), "text": item}
    if WHAT_TO_BUY.search(lower):
        return {"action": "read", "list": "shopping"}
    if WHAT_TO_DO.search(lower):
        return {"action": "read", "list": "todo"}
    if (m := NEED_TO_BUY.match(lower)) and (item := item_text(plain, m)) and not NOT_ITEMS.search(item.lower()):
        return {"action": "add", "list": "shopping", "text": item}
    if (m := DONE.match(lower)) and (item := item_text(plain, m)):
        return {"action": "remove", "list": None, "text": item, "listed": True}
    return None


def parse_list_read(plain: str) -> Slots | None:
    """Any other mention of a list that does not ask to change it reads it: "my shopping list"."""
    lower = plain.lower()
    if (m := ANY_LIST.search(lower)) and not CHANGE.match(lower) and not CHANGED.search(lower) and not CHANGE_ASKED.search(lower):
        return {"action": "read", **named_slots(m)}
    return None


def parse_list_item_request(text: str) -> Slots | None:
    """An add or remove that names no list, for a request already known to be about lists: "add eggs", "remove eggs"."""
    lower = plain_request(text)
    for pattern, action in ((ADD_ALONE, "add"), (REMOVE_ALONE, "remove")):
        if (m := pattern.match(lower.lower())) and (item := item_text(lower, m)) and not NOT_ITEMS.search(item.lower()):
            return {"action": action, "list": None, "text": item, **({"listed": True} if action == "remove" else {})}
    return None


RENAME_LIST = re.compile(
    r"^(?:please )?(?:rename|change the name of|change the title of) (?:the |my |our )?(?P<old>[\w' -]+?) list"
    r" (?:to|as|into) (?:be )?(?:the |a )?(?P<new>[\w' -]+?)(?: list)?$"
)
"""A list given another name: "rename the packing list to beach trip"."""


def list_name(name: str | None) -> str | None:
    """The list a name means: "groceries" → "shopping", "my to do" → "todo"; None for no name."""
    words = (name or "").strip().split()
    while words and words[0] in LEADING:
        words.pop(0)
    if not words or all(word in NOT_NAMES for word in words):
        return None
    cleaned = " ".join(words).removesuffix("'s")
    return ALIASES.get(cleaned, cleaned)


def _creates(match: re.Match[str]) -> bool:
    """ "open a new list" and "add a list" make one; "open my shopping list" reads it."""
    if match["verb"] in ("open", "add") and not (match["article"] or match["new"] or match["name"]):
        return False
    said = match["name"] or match["list"] or match["for"] or ""
    return len(said.split()) <= 4


def _position(said: str | None, number: str | None) -> str | int:
    """ "first" or "last" for the ends of a list, else the item's place counted from 1: "the second item", "item 3"."""
    if number:
        return int(number) if number.isdigit() else _NUMBERS.index(number) + 1
    if said in ORDINALS[1:]:
        return ORDINALS.index(said) + 1
    if said and said[0].isdigit():
        return int(said[:-2])
    return "first" if said in ("first", "top", "oldest") else "last"


def named_slots(match: re.Match[str]) -> Slots:
    """The list a match points at: its name, or what it is for ("the list for saturday"), or how it points ("this")."""
    groups = {key: value for key, value in match.groupdict().items() if value}
    said = next((value for key, value in groups.items() if key.endswith(("list", "bare"))), None)
    purpose = next((value for key, value in groups.items() if key.endswith("for")), None)
    name = list_name(said) or list_name(purpose)
    if name is not None:
        return {"list": name}
    pointer = POINTER.search(match[0])
    return {"list": None, **({"which": POINTERS.get(pointer["pointer"], "last")} if pointer else {})}


def _deleted(match: re.Match[str]) -> Slots:
    """A list to delete; "the list" or "my list" is the one in use, "a list" is asked for."""
    if match.groupdict().get("name"):
        return {"action": "delete_list", "list": list_name(match["name"])}
    slots = named_slots(match)
    if slots["list"] is None and "which" not in slots and DEFINITE.search(match[0]):
        slots["which"] = "this"
    return {"action": "delete_list", **slots}


def item_text(original: str, match: re.Match[str]) -> str | None:
    group = next((g for g in ("text", "text2", "text3", "text4") if match.groupdict().get(g)), None)
    if group is None:
        return None
    item = original[match.start(group) : match.end(group)].strip(" ,:")
    return None if not item or ASKED_OF_EDGE.match(item.lower()) else item


def _named_list(described: re.Match[str]) -> str:
    """ "list of things I need to buy" → "shopping list", "list of errands" → "errands list"."""
    what = described["what"] or described["todo"]
    if TO_DO.search(what):
        return "todo list"
    if BUYING.search(what):
        return "shopping list"
    words = what.lower().split()
    while words and (words[0] in FILLER or words[0] in NOT_NAMES):
        words.pop(0)
    end = next((i for i, word in enumerate(words) if word in NAME_ENDS), len(words))
    return f"{' '.join(words[: min(end, 3)])} list" if end else described[0]
