"""A PII evaluation set that edge's rules were never tuned on, and its value-level leak scoring.

Three parts, all generated from a frozen seed (``SEED``, fixed before any detector was run on the set):
- typed messages: templates written for this set, filled by Faker (pinned in the dev extra, since its values change
  between releases) in four locales' formats (en_US, en_GB, en_CA, en_AU), with phone numbers and addresses also
  rewritten the ways people type them (no separators, dots, extensions, one line, lower case);
- news sentences with person names: CoNLL-2003's English train split (Reuters), its PER spans as the values;
- PII-free text: CoNLL-2003 train sentences with no person and no location in them, for over-masking.

A value *leaks* when a token that identifies it is left visible by the detected spans (a token is hidden only when
every character of it is covered); honorifics and initials, a phone's country and area code, a URL's scheme and
top-level domain, an email's domain, and an address's street suffix, unit words and state or province code do not
identify anyone and are not counted. A value is *fully visible* when none of its identifying tokens is hidden.
"""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from edge.privacy.entities import Entity

SEED = 20261206
LOCALES = ("en_US", "en_GB", "en_CA", "en_AU")
MESSAGES_PER_LOCALE = 250
NEWS_SENTENCES = 400
PII_FREE_SENTENCES = 300
TYPES = ("PERSON", "PHONE_NUMBER", "STREET_ADDRESS", "URL", "EMAIL_ADDRESS", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "IP_ADDRESS")

_HONORIFICS = frozenset("mr mrs ms miss mx dr prof sir dame jr sr ii iii iv phd md dds dvm esq".split())
_URL_WORDS = frozenset("http https www".split())
_SECOND_LEVEL = frozenset("co com org net gov edu ac".split())
_UNIT_WORDS = frozenset("apt apartment suite ste unit box po psc cmr fpo apo dpo studio flat floor fl room rm no".split())

TEMPLATES: dict[str, list[str]] = {
    "PERSON": [
        "Can you ask {PERSON} to call me back?",
        "i had lunch with {PERSON} yesterday",
        "Meeting notes: {PERSON} will own the budget review.",
        "Please forward this to {PERSON} before Friday.",
        "Dear {PERSON}, thanks for the quick reply.",
        "my landlord is {PERSON} and he never answers",
        "Is {PERSON} still on the hiring panel?",
    ],
    "PHONE_NUMBER": [
        "Call me at {PHONE_NUMBER} after 5.",
        "my number is {PHONE_NUMBER}",
        "You can reach the front desk on {PHONE_NUMBER}.",
        "text {PHONE_NUMBER} if you're running late",
        "Phone: {PHONE_NUMBER}",
    ],
    "STREET_ADDRESS": [
        "Ship it to {STREET_ADDRESS} please.",
        "the party is at {STREET_ADDRESS}",
        "My new address is {STREET_ADDRESS}.",
        "Send the invoice to {STREET_ADDRESS}, attention accounts.",
        "we moved to {STREET_ADDRESS} last month",
    ],
    "URL": [
        "Have you seen {URL}?",
        "the slides are up at {URL}",
        "Check {URL} for the schedule.",
        "i found it on {URL} last night",
    ],
    "EMAIL_ADDRESS": [
        "Email me at {EMAIL_ADDRESS}.",
        "my email is {EMAIL_ADDRESS}",
        "Reply to {EMAIL_ADDRESS} with the signed form.",
    ],
    "CREDIT_CARD": ["My card number is {CREDIT_CARD}.", "charge it to {CREDIT_CARD} please"],
    "IBAN_CODE": ["Pay the deposit into {IBAN_CODE}.", "my iban is {IBAN_CODE}"],
    "US_SSN": ["My SSN is {US_SSN}.", "social security number {US_SSN}"],
    "IP_ADDRESS": ["The server at {IP_ADDRESS} is down again.", "ssh into {IP_ADDRESS} and restart it"],
    "PERSON+PHONE_NUMBER": [
        "{PERSON} asked you to ring {PHONE_NUMBER}.",
        "ok so {PERSON}'s cell is {PHONE_NUMBER}",
    ],
    "PERSON+STREET_ADDRESS": [
        "{PERSON} lives at {STREET_ADDRESS}.",
        "drop the keys with {PERSON}, {STREET_ADDRESS}",
    ],
    "PERSON+EMAIL_ADDRESS": ["Loop in {PERSON} ({EMAIL_ADDRESS}) on the thread."],
}
"""Written for this set; a template names the types it holds, joined by "+"."""


@dataclass(frozen=True)
class Value:
    start: int
    end: int
    type: str


@dataclass(frozen=True)
class Sample:
    text: str
    values: tuple[Value, ...]
    part: str
    """messages, news or pii-free."""


@dataclass(frozen=True)
class LeakRow:
    type: str
    values: int
    leaked: int
    fully_visible: int

    @property
    def leak_rate(self) -> float:
        return self.leaked / self.values if self.values else 0.0

    @property
    def visible_rate(self) -> float:
        return self.fully_visible / self.values if self.values else 0.0


@dataclass(frozen=True)
class LeakReport:
    rows: list[LeakRow]
    overall: LeakRow
    masked_pii_free_chars: float
    """The share of the characters of PII-free sentences inside a detected span."""


def build(conll_train: Path | None, seed: int = SEED) -> list[Sample]:
    """The whole set; without CoNLL-2003's train file, the typed messages alone. Another seed (and another CoNLL
    split) gives a set of the same kind to write rules from, leaving this one unread."""
    rng = random.Random(seed)
    samples = [s for locale in LOCALES for s in _messages(locale, rng, seed)]
    if conll_train is not None:
        sentences = _conll_sentences(conll_train)
        with_people = [s for s in sentences if any(t == "PER" for _, _, t in s[1])]
        without = [s for s in sentences if not any(t in ("PER", "LOC") for _, _, t in s[1]) and len(s[0].split()) >= 6]
        for text, spans in rng.sample(with_people, min(NEWS_SENTENCES, len(with_people))):
            samples.append(Sample(text, tuple(Value(a, b, "PERSON") for a, b, t in spans if t == "PER"), "news"))
        for text, _ in rng.sample(without, min(PII_FREE_SENTENCES, len(without))):
            samples.append(Sample(text, (), "pii-free"))
    return samples


def score_leaks(samples: list[Sample], predictions: list[list[Entity]]) -> LeakReport:
    counts = {t: [0, 0, 0] for t in TYPES}
    masked = total = 0
    for sample, found in zip(samples, predictions, strict=True):
        covered = _covered_chars(found, len(sample.text))
        if sample.part == "pii-free":
            masked += sum(covered)
            total += len(sample.text)
        for value in sample.values:
            tokens = identifying_tokens(sample.text, value)
            visible = [not all(covered[a:b]) for a, b in tokens]
            row = counts[value.type]
            row[0] += 1
            row[1] += any(visible)
            row[2] += bool(tokens) and all(visible)
    rows = [LeakRow(t, *counts[t]) for t in TYPES if counts[t][0]]
    overall = LeakRow("overall", *(sum(r[i] for r in counts.values()) for i in range(3)))
    return LeakReport(rows, overall, masked / total if total else 0.0)


def identifying_tokens(text: str, value: Value) -> list[tuple[int, int]]:
    """The spans of the tokens of ``value`` that identify it (see the module's docstring)."""
    tokens = [
        (m.start() + value.start, m.end() + value.start) for m in re.finditer(r"[A-Za-z0-9]+", text[value.start : value.end])
    ]
    words = [text[a:b].lower() for a, b in tokens]
    keep: Callable[[int], bool]
    if value.type == "PERSON":
        keep = lambda i: words[i] not in _HONORIFICS and not (len(words[i]) == 1 and words[i].isalpha())
    elif value.type == "PHONE_NUMBER":
        keep = _phone_keeper(text, value, tokens, words)
    elif value.type == "URL":
        tld = _tld_tokens(words)
        keep = lambda i: words[i] not in _URL_WORDS and i < len(words) - tld
    elif value.type == "EMAIL_ADDRESS":
        at = text.index("@", value.start, value.end)
        keep = lambda i: tokens[i][1] <= at
    elif value.type == "STREET_ADDRESS":
        generic = _address_words()
        keep = lambda i: words[i] not in generic
    else:
        keep = lambda i: True
    return [span for i, span in enumerate(tokens) if keep(i)]


def _phone_keeper(text: str, value: Value, tokens: list[tuple[int, int]], words: list[str]) -> Callable[[int], bool]:
    """Everything but the country code, the area code and the extension's marker ("x", "ext")."""
    skip = {i for i, w in enumerate(words) if w in ("x", "ext")}
    digits = [i for i, w in enumerate(words) if w.isdigit()]
    raw = text[value.start : value.end].lstrip()
    if digits and len(digits) >= 3 and (raw.startswith("+") or words[digits[0]] in ("1", "44", "61")):
        skip.add(digits.pop(0))
    if len(digits) >= 3:
        skip.add(digits[0])
    return lambda i: i not in skip


def _tld_tokens(words: list[str]) -> int:
    return 2 if len(words) >= 3 and words[-2] in _SECOND_LEVEL else 1


@functools.cache
def _address_words() -> frozenset[str]:
    from faker.providers.address.en_AU import Provider as AU
    from faker.providers.address.en_CA import Provider as CA
    from faker.providers.address.en_GB import Provider as GB
    from faker.providers.address.en_US import Provider as US

    suffixes = {s.lower() for p in (US, GB, AU, CA) for s in p.street_suffixes}
    regions = {s.lower() for s in (*US.states_abbr, *US.military_state_abbr, *AU.states_abbr, *CA.provinces_abbr)}
    return frozenset(suffixes | regions | _UNIT_WORDS)


def _covered_chars(entities: list[Entity], length: int) -> list[bool]:
    covered = [False] * length
    for e in entities:
        for i in range(max(0, e.start), min(length, e.end)):
            covered[i] = True
    return covered


def _messages(locale: str, rng: random.Random, seed: int) -> list[Sample]:
    from faker import Faker

    fake = Faker(locale)
    fake.seed_instance(seed + LOCALES.index(locale))
    makers: dict[str, Callable[[], str]] = {
        "PERSON": lambda: rng.choice([fake.name, fake.name, fake.first_name, fake.name_nonbinary])(),
        "PHONE_NUMBER": lambda: _typed_phone(fake.phone_number(), locale, rng),
        "STREET_ADDRESS": lambda: _typed_address(fake.address(), rng),
        "URL": lambda: rng.choice([fake.url, lambda: fake.domain_name(), lambda: fake.url() + fake.uri_path()])(),
        "EMAIL_ADDRESS": fake.email,
        "CREDIT_CARD": lambda: _grouped(fake.credit_card_number(), rng),
        "IBAN_CODE": lambda: _grouped(fake.iban(), rng),
        "US_SSN": fake.ssn,
        "IP_ADDRESS": fake.ipv4,
    }
    if locale != "en_US":
        makers.pop("US_SSN")
    kinds = [k for k in TEMPLATES if all(t in makers for t in k.split("+"))]
    samples = []
    for _ in range(MESSAGES_PER_LOCALE):
        template = rng.choice(TEMPLATES[rng.choice(kinds)])
        text, values = "", []
        for literal, field in re.findall(r"([^{]*)(?:\{(\w+)\})?", template):
            text += literal
            if field:
                filled = makers[field]()
                values.append(Value(len(text), len(text) + len(filled), field))
                text += filled
        samples.append(Sample(text, tuple(values), "messages"))
    return samples


def _typed_phone(formatted: str, locale: str, rng: random.Random) -> str:
    """Faker's number as Faker writes it, or its digits as people type them in North America."""
    digits = re.sub(r"\D", "", formatted.split("x")[0])
    if locale not in ("en_US", "en_CA") or len(digits) < 10 or rng.random() < 0.4:
        return formatted
    area, exchange, line = digits[-10:-7], digits[-7:-4], digits[-4:]
    return rng.choice(
        [
            f"{area}{exchange}{line}",
            f"{area}.{exchange}.{line}",
            f"({area}){exchange}-{line}",
            f"+1 {area} {exchange} {line}",
            f"{area}-{exchange}-{line} ext. {rng.randint(10, 9999)}",
            f"{area} {exchange} {line} x{rng.randint(10, 9999)}",
        ]
    )


def _typed_address(formatted: str, rng: random.Random) -> str:
    one_line = ", ".join(part.strip() for part in formatted.splitlines())
    return rng.choice([one_line, one_line, one_line.replace(",", ""), one_line.lower()])


def _grouped(number: str, rng: random.Random) -> str:
    return " ".join(number[i : i + 4] for i in range(0, len(number), 4)) if rng.random() < 0.5 else number


def _conll_sentences(path: Path) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Each sentence's text, detokenised, and its entity spans (start, end, PER/LOC/ORG/MISC)."""
    sentences, tokens = [], []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        parts = line.split()
        if parts and parts[0] != "-DOCSTART-":
            tokens.append((parts[0], parts[1] if len(parts) > 1 else "O"))
        elif tokens:
            sentences.append(_detokenised(tokens))
            tokens = []
    return sentences


def _detokenised(tokens: list[tuple[str, str]]) -> tuple[str, list[tuple[int, int, str]]]:
    text, previous = "", "O"
    spans: list[tuple[int, int, str]] = []
    for token, tag in tokens:
        if text and not re.fullmatch(r"[.,:;!?)%]|'s|n't|'", token) and not text.endswith(("(", "$")):
            text += " "
        start = len(text)
        text += token
        kind = tag.split("-")[-1]
        if tag.startswith("I-") and previous != "O" and previous.split("-")[-1] == kind:
            spans[-1] = (spans[-1][0], len(text), kind)
        elif tag != "O":
            spans.append((start, len(text), kind))
        previous = tag
    return text, spans
