"""What every question about the time or the date shares: the request cleaned to plain words, the words for a time
of day, and the slots of a question back to the user."""

from __future__ import annotations

import re

from edge.skills.base import Slots
from edge.skills.spoken import normalize_numbers

TIME_OF_DAY = (
    r"(?P<time>(?:(?:12 )?(?:noon|midday|midnight)|\d{1,2}(?::\d{2}| \d{2})?(?: ?[ap]m)?"
    r"|(?:half|quarter|\d{1,2}(?: minutes?)?) (?:past|after|to|before|till) \d{1,2}(?: ?[ap]m)?)"
    r"(?: o ?clock)?(?: in the (?:morning|afternoon|evening)| at night| tonight| this (?:morning|afternoon|evening))?)"
)

IS_IT_TIME = rf"is it (?P<relation>already |past |after |before |nearly |almost )?{TIME_OF_DAY}(?P<yet> yet| already)?(?: now)?"
"""Whether it is a time of day yet: "is it 5 pm yet", "is it before noon", "is it noon"."""


_COURTESY = re.compile(
    r"^(?:(?:please|hey|hi|ok|okay|so|and|um|uh|excuse me|sorry)\b\s*)+"
    r"|(?:\s*\b(?:please|thanks|thank you|for me|olly|ollie|alexa|siri|google|again|exactly|at this (?:very )?moment"
    r"|at the moment|currently|is what)\b)+$"
)
_DATE_WORDS = re.compile(
    r"\b(?:exact|actual|precise|correct|present|full|current) (?=(?:date|time|day)\b)|(?<=\bdate) and (?:the )?month\b"
)
"""Words that add nothing to the date asked for: "today's exact date", "the date and month today"."""
_WEEKDAY = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_WEEKDAY_OR = re.compile(rf"^is (.+?) (?:an? )?{_WEEKDAY}(?: or (?:an? )?{_WEEKDAY})+$")
"""A weekday asked among others ("is the 18th a monday or a sunday") is asked for."""
_HOW_CLOSE = re.compile(r"\bhow (?:close|near|far|long) (?:is it|are we|away is it) (?:to|from|till|until) ")


_ASKED_LAST = re.compile(r"^(?!what\b)((?:the )?(?:date|time|day)\b.*?) is what$")
_EMBEDDED = re.compile(r"^(?:(?:can|could) you )?(?:tell me|let me know|say|remind me) what (the .+?) (?:is|will be)$")
_HOW_LATE = re.compile(r"^how late is it(?= )")
"""Questions put another way: "the date tomorrow is what", "tell me what the next day is", "how late is it in paris"."""


def clean_request(text: str) -> str:
    """Lower case words without punctuation or courtesies, numbers in digits: "What's the time, please?" is "what is
    the time"."""
    text = text.lower().replace("’", "'").replace("what's", "what is").replace("whats", "what is").replace("when's", "when is")
    text = re.sub(r"\b(today|tomorrow|yesterday)'?s\b", r"\1", text)
    text = re.sub(r"\btimezone\b", "time zone", text)
    text = re.sub(r"(?<=[a-z])\s*\+\s*(?=\d)", " plus ", text)
    text = re.sub(r"\b(utc|gmt)\s*[-−]\s*(?=\d)", r"\1 minus ", text)
    text = normalize_numbers(text).replace("'", "")
    text = re.sub(r"(\d)\s*([ap])\.? ?m\b\.?", r"\1 \2m", text)
    text = re.sub(r"\b(in|of|is|was|year) (1[5-9]|20) ([0-9]{2})\b(?! (?:am|pm|oclock|minutes?|hours?)\b)", r"\1 \2\3", text)
    text = _DATE_WORDS.sub("", re.sub(r"\s+", " ", re.sub(r"[^\w\s:]", " ", text)).strip())
    text = _HOW_CLOSE.sub("how long until ", _WEEKDAY_OR.sub(r"what day is \1", text))
    text = _ASKED_LAST.sub(r"what is \1", _EMBEDDED.sub(r"what is \1", text))
    return _COURTESY.sub("", _HOW_LATE.sub("what time is it", text)).strip()


def first_match(patterns: tuple[re.Pattern[str], ...], text: str) -> re.Match[str] | None:
    return next((m for p in patterns if (m := p.search(text))), None)


def ask(question: str) -> Slots:
    return {"action": "ask", "question": question}
