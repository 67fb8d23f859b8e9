"""Guards against false hits in the semantic answer cache.

Embeddings put "What is the capital of France?" next to "... of Germany?", "Is coffee bad for you?" next to
"Is coffee not bad for you?" and "5 miles" next to "50 miles". `conflict` rejects such pairs on lexical evidence,
however close their vectors: negation, numbers and their units and order, dates, names, question word (who / when /
where / why / how), tense, person (my vs your), opposites (before/after, more/less, largest/smallest, on/off), direction
(from X / to Y / than Z), and finally every content word.

The rules are conservative on purpose: a missed hit costs one LLM call, a false hit serves a wrong answer. Content words
may differ only by paraphrase scaffolding ("please", "tell me", "explain", "exactly", ...), so "capital city" vs "capital"
misses: "city" is not scaffolding ("Mexico" vs "Mexico City"). Lowercase voice transcripts show no capitals, so names
are caught there as differing content words. Word order is read only around numbers and from / to / than: "who manages
Alice" vs "who does Alice manage" passes, and the similarity threshold is the net for such pairs.
"""

from __future__ import annotations

import re
from collections.abc import Set
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from text_to_num import alpha2digit

from edge.store.stopwords import NEGATIONS, STOPWORDS

MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

ANTONYMS: tuple[tuple[str, str], ...] = tuple(
    (one, other)
    for one, _, other in (
        pair.partition("/")
        for pair in """
        before/after earlier/later earliest/latest early/late since/until first/last next/previous
        more/less more/fewer most/least greater/less greater/fewer max/min maximum/minimum above/below over/under
        increase/decrease raise/lower rise/fall increase/reduce up/down on/off in/out inside/outside top/bottom
        largest/smallest biggest/smallest larger/smaller bigger/smaller large/small big/small big/little
        highest/lowest higher/lower high/low longest/shortest longer/shorter long/short tallest/shortest taller/shorter
        oldest/youngest oldest/newest older/younger older/newer old/young old/new best/worst better/worse good/bad
        hottest/coldest hotter/colder hot/cold warm/cold warmest/coldest fastest/slowest faster/slower fast/slow
        cheapest/expensive cheaper/expensive cheap/expensive heaviest/lightest heavier/lighter heavy/light
        strong/weak rich/poor richest/poorest open/close open/closed start/stop start/end start/finish begin/end
        gain/lose add/remove add/delete add/subtract plus/minus multiply/divide multiplied/divided times/divided
        buy/sell win/lose won/lost winner/loser true/false north/south east/west left/right
        import/export enable/disable lock/unlock include/exclude push/pull arrive/depart arrival/departure
        male/female man/woman men/women boy/girl husband/wife father/mother son/daughter brother/sister
        positive/negative input/output upload/download entrance/exit sunrise/sunset love/hate pro/con
        advantage/disadvantage safe/dangerous healthy/unhealthy legal/illegal possible/impossible
        encrypt/decrypt connect/disconnect mute/unmute
        """.split()
    )
)
"""Opposite pairs: two questions conflict when each holds a different side of a pair."""
_POLAR = frozenset(word for pair in ANTONYMS for word in pair)

NEUTRAL = frozenset(
    """
    please kindly tell know explain explanation define definition meaning mean describe description give show
    quick quickly exactly actually really basically simply briefly kind sort like want wanna wonder wondering curious
    let hey hi hello ok okay um uh well info information detail fact find search look lookup check get say ask
    question answer help anyone anybody someone somebody idea list convert conversion calculate calculation compute
    equal equivalent
    """.split()
)
"""Paraphrase scaffolding: content words two phrasings of one question may differ by."""

_START_WORDS = (
    STOPWORDS
    | NEUTRAL
    | frozenset(
        """
    whats hows wheres whens whos thats im set turn play remind add remove create make send call translate spell open
    close start stop book order buy read write cancel schedule text email navigate take put change switch increase
    decrease lower raise name count go run is are yes no not never
    """.split()
    )
)
"""Words that often start a sentence capitalised without being a name."""

_NOT_NAMES = frozenset({"i", "ok", "okay", "am", "pm", "a", "o"})
_NAME_STOPWORDS = frozenset({"will", "us", "who", "it"})
"""Stopwords that, capitalised mid-sentence or in capitals, are names or acronyms ("Will", "US", "WHO", "IT")."""
_CASE_TELLERS = STOPWORDS - _NAME_STOPWORDS - {"i"}

_QUESTION = {"who": "who", "whom": "who", "whose": "who", "when": "when", "where": "where", "why": "why", "how": "how"}
_TENSE = {"was": "past", "were": "past", "did": "past", "had": "past", "will": "future", "gonna": "future"}
_PERSON = {
    **{"i": "i", "me": "me", "myself": "me", "my": "my", "mine": "my"},
    **{"we": "we", "us": "us", "ourselves": "us", "our": "our", "ours": "our"},
    **dict.fromkeys(("you", "u", "yourself", "yourselves"), "you"),
    **dict.fromkeys(("your", "yours", "ur"), "your"),
    **{"he": "he", "him": "him", "himself": "him", "his": "his"},
    **dict.fromkeys(("she", "her", "herself", "hers"), "she"),
    **{"they": "they", "them": "them", "themselves": "them", "their": "their", "theirs": "their"},
}
_OPTIONAL_PERSONS = frozenset({"i", "we", "you"})
"""The asker as subject may go unsaid: "how do I cook rice" asks what "how to cook rice" does."""
_RELATIONS = {"from": "from", "to": "to", "into": "to", "than": "than"}

_SYNONYMS = {
    **dict.fromkeys(("km", "kilometre", "kilometer", "kms"), "kilometer"),
    **dict.fromkeys(("cm", "centimetre"), "centimeter"),
    **dict.fromkeys(("mm", "millimetre"), "millimeter"),
    **dict.fromkeys(("kg", "kilo", "kilogramme"), "kilogram"),
    **dict.fromkeys(("lb", "lbs"), "pound"),
    **dict.fromkeys(("ft", "feet"), "foot"),
    **dict.fromkeys(("ml", "millilitre"), "milliliter"),
    "metre": "meter",
    "litre": "liter",
    "oz": "ounce",
    "hr": "hour",
    "mph": "mile per hour",
    "tv": "television",
    "favourite": "favorite",
    "colour": "color",
    "centre": "center",
    "theatre": "theater",
    "celcius": "celsius",
    "children": "child",
    "people": "person",
    "men": "man",
    "women": "woman",
    "teeth": "tooth",
    "mice": "mouse",
    "geese": "goose",
}
_NO_PLURAL = frozenset(
    """
    news series species physics mathematics economics politics ethics athletics gymnastics diabetes measles herpes rabies
    christmas texas always perhaps lens means whereas towards afterwards besides yes various sometimes
    """.split()
)
_IE_NOUNS = frozenset(
    "movie cookie calorie pie tie lie zombie selfie brownie rookie hippie genie prairie smoothie hoodie veggie newbie".split()
)

_MONTH_NAMES = {m: m for m in MONTHS} | {
    "jan": "january", "feb": "february", "apr": "april", "jun": "june", "jul": "july", "aug": "august",
    "sep": "september", "sept": "september", "oct": "october", "nov": "november", "dec": "december",
}  # fmt: skip
_DAY_WORDS = {"today": "today", "tomorrow": "tomorrow", "tmrw": "tomorrow", "yesterday": "yesterday"}
_DAY_WORDS |= {"tonight": "tonight", "tonite": "tonight", "ago": "ago", "weekend": "weekend"}
_DAY_WORDS |= {p: p for p in ("morning", "afternoon", "evening", "night", "noon", "midnight")}
_DAY_WORDS |= {d: d for d in WEEKDAYS} | {d + "s": d for d in WEEKDAYS}
_RELATIVE = frozenset({"next", "last", "this", "previous", "coming", "past"})
_PERIODS = frozenset(
    {"week", "month", "year", "weekend", "decade", "century", "summer", "winter", "spring", "fall", "autumn"}
    | set(WEEKDAYS)
    | set(MONTHS)
    | {"morning", "afternoon", "evening", "night"}
)
_MAY_CONTEXT = frozenset({"in", "of", "since", "until", "till", "by", "during", "early", "late", "mid", "end", "next", "last"})

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_CURRENCY = {"$": "dollar", "€": "euro", "£": "pound", "¥": "yen"}
_VOICE_CONTRACTIONS = {
    "whats": "what is", "thats": "that is", "whos": "who is", "wheres": "where is", "whens": "when is", "hows": "how is",
    "dont": "do not", "doesnt": "does not", "didnt": "did not", "isnt": "is not", "arent": "are not",
    "wasnt": "was not", "werent": "were not", "cant": "can not", "couldnt": "could not", "shouldnt": "should not",
    "wouldnt": "would not", "wont": "will not", "havent": "have not", "hasnt": "has not", "hadnt": "had not",
    "aint": "is not", "im": "i am", "ive": "i have", "youre": "you are", "theyre": "they are",
}  # fmt: skip
_IS_CONTRACTED = frozenset("what that it he she there here who where when how why".split())
_SMALL_NUMBERS = {"zero": ("0", ""), "one": ("1", ""), "two": ("2", ""), "first": ("1", "st"), "second": ("2", "nd")}
_ONE_IS_A_PRONOUN_AFTER = frozenset(
    "the this that which no any every each another some other last next someone does do can should could would".split()
)
_SECOND_IS_ORDINAL_AFTER = frozenset("the my your his her its our their every each this".split())

_CONTRACTION = re.compile(r"\b(\w+)'(s|t|re|ve|ll|d|m)\b|\b(\w+s)'(?!\w)", re.IGNORECASE)
_CURRENCY_AMOUNT = re.compile(r"([$€£¥])\s?(\d[\d,]*(?:\.\d+)?)")
_SYMBOLS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(\d)\s?%"), r"\1 percent"),
    (re.compile(r"°\s?C\b", re.IGNORECASE), " celsius"),
    (re.compile(r"°\s?F\b", re.IGNORECASE), " fahrenheit"),
    (re.compile(r"°"), " degree"),
    (re.compile(r"(?<=\d)\s*\+\s*(?=\d)"), " plus "),
    (re.compile(r"(?<=\d)\s*[-−]\s*(?=\d)"), " minus "),
    (re.compile(r"(?<![\w)])[-−](?=\d)"), "minus "),
    (re.compile(r"(?<=\d)\s*[*×x]\s*(?=\d)"), " times "),
    (re.compile(r"(?<=\d)\s*[/÷]\s*(?=\d)"), " divided by "),
    (re.compile(r"(?<=\d)\s*\^\s*(?=\d)"), " power "),
    (re.compile(r"\b([ap])\.m\.", re.IGNORECASE), r"\1m"),
)
_SPOKEN_YEAR = re.compile(r"\b(1\d|20) ([1-9]\d)\b")
_PHRASES = re.compile(r"\b(?:find out|figure out|look up|right now|in short|by the way)\b", re.IGNORECASE)
_FRAME = re.compile(
    r"""(?:
        (?:hey|hi|hello|ok|okay|so|um|uh|please|kindly|excuse\ me)
      | (?:can|could|would|will)\ (?:you|u)(?:\ please)?\ (?:tell|show|give|explain|describe|help|let)(?:\ (?:me|us))?
      | (?:do|does|did)\ (?:you|u|anyone|anybody|somebody|someone)\ (?:happen\ to\ )?know
      | i\ (?:would\ like|want|wanna|need|am\ trying|would\ love)\ to\ (?:know|find\ out|learn|understand|ask)
      | i\ (?:am\ |was\ )?(?:wondering|wonder|curious)(?:\ about)?
      | (?:tell|show|give|help)\ (?:me|us)
      | let\ (?:me|us)\ know
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
"""Politeness at the start of a question, dropped so its "you", "me" and "will" do not count."""
_TOKEN = re.compile(r"(?P<num>\d+(?:[.,]\d+)*)(?:(?P<suffix>st|nd|rd|th|s)\b)?|(?P<word>[^\W\d_]+)|(?P<stop>[.!?;:]+)")
_PUNCTUATION = " ,.!?:;-"


@dataclass(frozen=True)
class Constraints:
    """What a question pins down beyond its gist; two questions may share an answer only when these agree."""

    negated: bool
    numbers: frozenset[str]
    dates: frozenset[str]
    names: frozenset[str]
    keywords: frozenset[str]
    """Content words: not in STOPWORDS, singular, lowercase; NEUTRAL words included."""
    quantities: tuple[str, ...] = ()
    """Numbers in order, each with the content word after it: "convert 5 miles to km" → ("5 mile",)."""
    question: frozenset[str] = frozenset()
    """who / when / where / why / how; "what" and "which" ask nothing particular."""
    tense: frozenset[str] = frozenset()
    persons: frozenset[str] = frozenset()
    """i / me / my / you / your / he / him / his / ...: "what's my name" asks something else than "what's your name"."""
    opposites: frozenset[str] = frozenset()
    """Words that are one side of an ANTONYMS pair."""
    relations: frozenset[tuple[str, str]] = frozenset()
    """(marker, word) for the first content word after from / to / into / than."""


@dataclass
class _Token:
    text: str
    lower: str
    number: str | None = None
    suffix: str = ""
    sentence_start: bool = False
    used: bool = False

    def day(self) -> str | None:
        """The number, when it can be a day of the month."""
        if self.number is None or self.suffix == "s" or not self.number.isdigit():
            return None
        return self.number if 1 <= int(self.number) <= 31 else None


def _expand_contraction(match: re.Match[str]) -> str:
    if match.group(3):
        return match.group(3)
    word, tail = match.group(1), match.group(2).lower()
    lower = word.lower()
    if tail == "t":
        if not lower.endswith("n"):
            return match.group(0)
        return {"can": "can", "won": "will", "shan": "shall", "ain": "is"}.get(lower, word[:-1]) + " not"
    if tail == "s":
        if lower == "let":
            return f"{word} us"
        return f"{word} is" if lower in _IS_CONTRACTED else word
    return f"{word} " + {"re": "are", "ve": "have", "ll": "will", "d": "would", "m": "am"}[tail]


def _expand(text: str) -> str:
    """Contractions, possessives, symbols, politeness and spoken numbers rewritten into plain words and digits."""
    text = _CONTRACTION.sub(_expand_contraction, text.translate(_APOSTROPHES))
    text = re.sub(r"\b\w+\b", lambda m: _VOICE_CONTRACTIONS.get(m.group(0).lower(), m.group(0)), text)
    text = _CURRENCY_AMOUNT.sub(lambda m: f"{m.group(2)} {_CURRENCY[m.group(1)]}", text)
    for pattern, replacement in _SYMBOLS:
        text = pattern.sub(replacement, text)
    text = _PHRASES.sub(lambda m: "now" if m.group(0).lower() == "right now" else " ", text)
    text = text.lstrip(_PUNCTUATION)
    while match := _FRAME.match(text):
        text = text[match.end() :].lstrip(_PUNCTUATION)
    spoken = not re.search(r"\d", text)
    text = alpha2digit(text, "en")
    return _SPOKEN_YEAR.sub(r"\1\2", text) if spoken else text


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    start = True
    for match in _TOKEN.finditer(text):
        if match.group("stop"):
            start = True
            continue
        if match.group("num"):
            value = match.group("num").replace(",", "")
            try:
                number = format(Decimal(value).normalize(), "f")
            except InvalidOperation:
                number = value
            tokens.append(_Token(match.group(0), match.group(0).lower(), number, (match.group("suffix") or "").lower()))
        else:
            tokens.append(_Token(match.group("word"), match.group("word").lower(), sentence_start=start))
        start = False
    for before, token in zip([None, *tokens], tokens, strict=False):
        previous = before.lower if before else ""
        if token.lower not in _SMALL_NUMBERS or (token.lower == "one" and previous in _ONE_IS_A_PRONOUN_AFTER):
            continue
        if token.lower != "second" or previous in _SECOND_IS_ORDINAL_AFTER:
            token.number, token.suffix = _SMALL_NUMBERS[token.lower]
    return tokens


@lru_cache(maxsize=4096)
def _stem(word: str) -> str:
    """Lowercase, singular, one spelling: "Cities" → "city", "kms" → "kilometer", "colour" → "color"."""
    word = word.lower()
    if word in _SYNONYMS:
        return _SYNONYMS[word]
    if len(word) > 3 and word.endswith("s") and word not in _NO_PLURAL and not word.endswith(("ss", "us", "is")):
        if word.endswith("ies") and len(word) > 4 and word[:-1] not in _IE_NOUNS:
            word = word[:-3] + "y"
        elif word.endswith(("sses", "xes", "zes", "ches", "shes")) or (word.endswith("oes") and len(word) > 5):
            word = word[:-2]
        else:
            word = word[:-1]
    return _SYNONYMS.get(word, word)


def _month(tokens: list[_Token], i: int) -> str | None:
    token = tokens[i]
    month = _MONTH_NAMES.get(token.lower)
    if token.lower != "may":
        return month
    before = tokens[i - 1] if i else None
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    capitalised = token.text == "May" and not token.sentence_start
    days = (before and before.day()) or (after and after.day())
    return month if capitalised or days or (before and before.lower in _MAY_CONTEXT) else None


def _day_of(tokens: list[_Token], i: int) -> _Token | None:
    """The day beside a month: "March 3", "3 March", "March the 3rd", "the 3rd of March"."""
    at = lambda j: tokens[j] if 0 <= j < len(tokens) and not tokens[j].used else None
    for j, via in ((i + 1, None), (i - 1, None), (i + 2, "the"), (i - 2, "of")):
        day, between = at(j), at((i + j) // 2) if via else None
        if day and day.day() and (via is None or (between and between.lower == via)):
            return day
    return None


def _period(token: _Token | None) -> str | None:
    if token is None or token.used:
        return None
    period = _MONTH_NAMES.get(token.lower) or _DAY_WORDS.get(token.lower) or token.lower
    return period if period in _PERIODS else None


def _year(token: _Token) -> str | None:
    """Years ("2024") and decades ("1990s", "90s")."""
    if token.number is None or not token.number.isdigit():
        return None
    if token.suffix == "s":
        return token.number + "s"
    return token.number if not token.suffix and 1000 <= int(token.number) <= 2099 else None


def _dates(tokens: list[_Token]) -> frozenset[str]:
    """Months (with their day), weekdays, today/tomorrow/..., next/last week, am/pm and years; marks their tokens used."""
    dates: set[str] = set()
    for i, token in enumerate(tokens):
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if token.used:
            continue
        if month := _month(tokens, i):
            day = _day_of(tokens, i)
            for used in (token, day):
                if used:
                    used.used = True
            dates.add(f"{month} {day.number}" if day else month)
        elif after and token.lower in _RELATIVE and (period := _period(after)):
            token.used = after.used = True
            dates.add(f"{token.lower} {period}")
        elif token.lower in _DAY_WORDS:
            token.used = True
            dates.add(_DAY_WORDS[token.lower])
        elif token.lower in ("am", "pm") and i and tokens[i - 1].number is not None:
            token.used = True
            dates.add(token.lower)
        elif year := _year(token):
            token.used = True
            dates.add(year)
    return frozenset(dates)


def _caseless(tokens: list[_Token]) -> bool:
    """ALL CAPS or Title Case, told by capitalised function words: capitals then say nothing about names."""
    function_words = [
        t for t in tokens if t.lower in STOPWORDS and t.lower not in _NAME_STOPWORDS | {"i"} and not t.sentence_start
    ]
    return bool(function_words) and sum(t.text[:1].isupper() for t in function_words) >= 0.5 * len(function_words)


def _acronym(token: _Token) -> bool:
    return len(token.text) > 1 and token.text.isupper() and token.lower not in _NOT_NAMES


def _is_name(token: _Token) -> bool:
    if token.lower in _NOT_NAMES or not token.text[:1].isupper():
        return False
    if token.lower in STOPWORDS:
        return token.lower in _NAME_STOPWORDS and (_acronym(token) or not token.sentence_start)
    return not token.sentence_start or _acronym(token) or token.lower not in _START_WORDS


def _content(token: _Token | None) -> str | None:
    """The token's content word; None for numbers, dates, stopwords and scaffolding."""
    if token is None or token.number is not None or token.used or token.lower in STOPWORDS:
        return None
    word = _stem(token.lower)
    return None if word in NEUTRAL else word


def _relation_target(tokens: list[_Token], i: int) -> str | None:
    for token in tokens[i + 1 : i + 4]:
        if token.number is not None or token.used:
            return None
        if word := _content(token):
            return word
    return None


@lru_cache(maxsize=8192)
def constraints(text: str) -> Constraints:
    """What `conflict` compares, read from the text alone."""
    tokens = _tokens(_expand(text))
    dates = _dates(tokens)
    caseless = _caseless(tokens)
    negated = False
    numbers: set[str] = set()
    quantities: list[str] = []
    names: set[str] = set()
    keywords: set[str] = set()
    question: set[str] = set()
    tense: set[str] = set()
    persons: set[str] = set()
    opposites: set[str] = set()
    relations: set[tuple[str, str]] = set()
    for i, token in enumerate(tokens):
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if token.used:
            continue
        if token.number is not None:
            numbers.add(token.number)
            unit = _content(after)
            quantities.append(f"{token.number} {unit}" if unit else token.number)
            continue
        word, stemmed = token.lower, _stem(token.lower)
        acronym = not caseless and _acronym(token) and (word not in STOPWORDS | NEGATIONS or word in _NAME_STOPWORDS)
        if not caseless and _is_name(token):
            names.add(word)
        if acronym:
            keywords.add(stemmed)
            continue
        if word in NEGATIONS:
            negated = True
            continue
        if word == "going" and after and after.lower == "to":
            tense.add("future")
            continue
        if word in _QUESTION:
            question.add(_QUESTION[word])
        if word in _TENSE:
            tense.add(_TENSE[word])
        if word in _PERSON:
            persons.add(_PERSON[word])
        if word in _RELATIONS and (target := _relation_target(tokens, i)):
            relations.add((_RELATIONS[word], target))
        if word in _POLAR or stemmed in _POLAR:
            opposites.add(word if word in _POLAR else stemmed)
        if word not in STOPWORDS:
            keywords.add(stemmed)
    return Constraints(
        negated=negated,
        numbers=frozenset(numbers),
        dates=dates,
        names=frozenset(names),
        keywords=frozenset(keywords),
        quantities=tuple(quantities),
        question=frozenset(question),
        tense=frozenset(tense),
        persons=frozenset(persons),
        opposites=frozenset(opposites),
        relations=frozenset(relations),
    )


def _differ(what: str, a: Set[str], b: Set[str]) -> str:
    side = lambda words: ", ".join(sorted(words)) or "none"
    return f"{what} differ: {side(a - b)} vs {side(b - a)}"


def _persons(x: Constraints, y: Constraints) -> str | None:
    said_x, said_y = x.persons & _OPTIONAL_PERSONS, y.persons & _OPTIONAL_PERSONS
    if (x.persons - said_x) != (y.persons - said_y) or (said_x and said_y and said_x != said_y):
        return _differ("persons", x.persons, y.persons)
    return None


def _opposites(x: Constraints, y: Constraints) -> str | None:
    if not (x.opposites and y.opposites) or x.opposites == y.opposites:
        return None
    for pair in ANTONYMS:
        one, other = x.opposites.intersection(pair), y.opposites.intersection(pair)
        if one and other and one != other:
            return _differ("opposites", one, other)
    return None


def _relations(x: Constraints, y: Constraints) -> str | None:
    for marker in ("from", "to", "than"):
        one = {w for m, w in x.relations if m == marker}
        other = {w for m, w in y.relations if m == marker}
        if one and other and one != other:
            return _differ(f"'{marker}' targets", one, other)
    for marker, word in x.relations:
        if any(w == word and m != marker for m, w in y.relations):
            return f"direction differs: {marker} {word}"
    return None


def conflict(a: str, b: str) -> str | None:
    """None when the two questions may share an answer; otherwise why not, e.g. "numbers differ: 5 vs 50".

    Call it on a candidate cache hit: it decides on the text alone, however similar the embeddings.
    """
    x, y = constraints(a), constraints(b)
    if x.negated != y.negated:
        return "negation differs"
    if x.numbers != y.numbers:
        return _differ("numbers", x.numbers, y.numbers)
    if x.quantities != y.quantities:
        order = lambda q: [n.split(" ", 1)[0] for n in q]
        if order(x.quantities) != order(y.quantities) and sorted(order(x.quantities)) == sorted(order(y.quantities)):
            return f"number order differs: {', '.join(order(x.quantities))} vs {', '.join(order(y.quantities))}"
        return _differ("quantities", set(x.quantities), set(y.quantities))
    if x.dates != y.dates:
        return _differ("dates", x.dates, y.dates)
    names = {n for n in x.names ^ y.names if not (_stem(n) in x.keywords and _stem(n) in y.keywords)}
    if names:
        return _differ("names", x.names & names, y.names & names)
    if x.question != y.question:
        return _differ("question words", x.question, y.question)
    if x.tense != y.tense:
        return _differ("tenses", x.tense, y.tense)
    if reason := _persons(x, y) or _opposites(x, y) or _relations(x, y):
        return reason
    words = (x.keywords ^ y.keywords) - NEUTRAL
    return _differ("content words", x.keywords & words, y.keywords & words) if words else None
