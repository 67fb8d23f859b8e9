"""Recognizers for personal data with a fixed shape: each candidate is found by a pattern, then validated
(checksum, address parser, phone-number metadata) so that look-alikes score low or not at all."""

from __future__ import annotations

import functools
import ipaddress
import re
from collections.abc import Iterator, Sequence
from typing import Any

from edge.config import PHONE_REGIONS
from edge.errors import MissingExtra
from edge.privacy.checksums import digits, iban, luhn, us_ssn
from edge.privacy.entities import Entity

_CONTEXT_CHARS = 40
_TRAILING = ".,;:!?)]}>'\""

EMAIL = re.compile(
    r"(?<![\w.!#$%&'*+/=?^`{|}~-])[\w.!#$%&'*+/=?^`{|}~-]+@(?:[\w-]+\.)+(?:[Xx][Nn]--[A-Za-z0-9-]{1,59}|[A-Za-z]{2,24})\b"
)
"""Any character RFC 5322 allows before the @; the top-level domain in letters, or an internationalised one in its
ASCII form ("xn--p1ai")."""
URL = re.compile(r"\b(?:[a-z][a-z0-9+.-]{1,15}://|www\.)[^\s<>\"']+", re.IGNORECASE)
BARE_DOMAIN = re.compile(
    r"(?<![\w@./-])(?P<host>(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?P<tld>[A-Za-z][A-Za-z0-9-]{1,62}))"
    r"(?::\d{2,5})?(?P<path>/[^\s<>\"']*)?(?![\w@-])"
)
_FILE_EXTENSIONS = frozenset("py md sh pl rs cc ps ai so ml mk in am ts js rb cs do pm sc".split())
"""File extensions that are also country domains: "notes.md" and "setup.py" are files unless a path follows."""
IPV4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.]*\d)")
IPV6 = re.compile(r"(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])")
IBAN = re.compile(r"\b[A-Za-z]{2}\d{2}(?:[A-Za-z0-9]{11,30}|(?: [A-Za-z0-9]{4}){2,7}(?: [A-Za-z0-9]{1,3})?)\b")
CARD = re.compile(r"(?<![\d+-])\d(?:[ -]?\d){11,18}(?![\d-])")
SSN = re.compile(r"(?<![\d-])\d{3}([- .]?)\d{2}\1\d{4}(?![\d-])")
PHONE = re.compile(
    r"(?<![\w+])(?:\+|00)?\(?\d[\d ()./-]{5,}\d(?:\s*(?:x|ext\.?|#)\s*\d{1,6})?(?!\w|-\d)",
    re.IGNORECASE,
)
DECIMAL = re.compile(r"\d+\.\d{1,3}")
"""One dot and at most three digits after it: a figure ("4710.000"). A phone's last group holds four digits
("3511.9378"), or it is split by more dots."""
_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?"
    "|nov(?:ember)?|dec(?:ember)?"
)
DATE = re.compile(
    rf"""\b(?:
        \d{{4}}-\d{{1,2}}-\d{{1,2}}(?:[ T]\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?
      | \d{{1,2}}[/.-]\d{{1,2}}[/.-](?:\d{{4}}|\d{{2}})(?![/.-]?\d)
      | \d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\.?,?\s+\d{{4}}
      | (?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
BIRTH_DATE = re.compile(
    rf"\b(?:born|birth\s*(?:day|year|date)|(?:year|date|month|day)\s+of\s+birth|d\.?o\.?b\.?)\s*(?:is|was|:|in|on)?\s+"
    rf"((?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b|"
    rf"(?:(?:{_MONTHS})\.?\s+)?(?:19|20)\d{{2}}\b)",
    re.IGNORECASE,
)

CARD_CONTEXT = re.compile(r"card|visa|mastercard|amex|credit|debit|payment|cc\b", re.IGNORECASE)
SSN_CONTEXT = re.compile(r"ssn|social security|social-security|taxpayer|tin\b", re.IGNORECASE)
PHONE_CONTEXT = re.compile(r"phone|call|tel\b|mobile|cell|fax|desk|number|contact|reach|text me|whatsapp|dial", re.IGNORECASE)


def _context(text: str, start: int, pattern: re.Pattern[str]) -> bool:
    return pattern.search(text, max(0, start - _CONTEXT_CHARS), start) is not None


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return end


def emails(text: str) -> Iterator[Entity]:
    for m in EMAIL.finditer(text):
        yield Entity(m.start(), m.end(), "EMAIL_ADDRESS", 1.0, "email")


def urls(text: str) -> Iterator[Entity]:
    for m in URL.finditer(text):
        yield Entity(m.start(), _trim(text, m.start(), m.end()), "URL", 0.95, "url")
    for m in BARE_DOMAIN.finditer(text):
        host, tld = m.group("host"), m.group("tld")
        if host[0].isdigit() or not tld.islower() or tld in _FILE_EXTENSIONS and not m.group("path"):
            continue
        if _public_suffixes().privatesuffix(host.lower()) is not None:
            yield Entity(m.start(), _trim(text, m.start(), m.end()), "URL", 0.6, "domain")


@functools.cache
def _public_suffixes() -> Any:
    """ICANN's suffixes from the Public Suffix List the package bundles: a domain needs a real one and a name
    before it ("lee-porter.biz", "example.co.uk", not "U.S." or "e.g.")."""
    try:
        from publicsuffixlist import PublicSuffixList
    except ImportError:
        raise MissingExtra("publicsuffixlist", "privacy", "PII detection") from None
    return PublicSuffixList(accept_unknown=False, only_icann=True)


def ip_addresses(text: str) -> Iterator[Entity]:
    for pattern in (IPV4, IPV6):
        for m in pattern.finditer(text):
            candidate = m.group()
            if pattern is IPV6 and (candidate.count(":") < 2 or not any(c.isdigit() for c in candidate)):
                continue
            try:
                ipaddress.ip_address(candidate)
            except ValueError:
                continue
            yield Entity(m.start(), m.end(), "IP_ADDRESS", 0.95, "ip")


def ibans(text: str) -> Iterator[Entity]:
    for m in IBAN.finditer(text):
        if iban(m.group()):
            yield Entity(m.start(), m.end(), "IBAN_CODE", 1.0, "iban-mod97")


def credit_cards(text: str) -> Iterator[Entity]:
    """Luhn-valid numbers written whole or in groups of four or more ("4111 1111 1111 1111", "3782 822463 10005"):
    scores and results ("1-106 2-239 3-334") pass the checksum by chance."""
    for m in CARD.finditer(text):
        number = digits(m.group())
        grouped = all(len(group) >= 4 for group in re.findall(r"\d+", m.group())[:-1])
        if 12 <= len(number) <= 19 and grouped and luhn(number) and len(set(number)) > 1:
            score = 1.0 if _context(text, m.start(), CARD_CONTEXT) else 0.85
            yield Entity(m.start(), m.end(), "CREDIT_CARD", score, "luhn")


def ssns(text: str) -> Iterator[Entity]:
    for m in SSN.finditer(text):
        if not us_ssn(m.group()):
            continue
        separated = bool(m.group(1))
        context = _context(text, m.start(), SSN_CONTEXT)
        if separated or context:
            yield Entity(m.start(), m.end(), "US_SSN", 0.95 if context else 0.8 if m.group(1) == "-" else 0.6, "ssn")


def phones(text: str, regions: Sequence[str] = PHONE_REGIONS) -> Iterator[Entity]:
    """Runs shaped like a phone number (7 to 15 digits, grouped, international or 10 digits long, not a date nor a
    table's row: three single digits, or six groups without a country code), scored higher when libphonenumber's
    metadata calls them a valid number in one of ``regions`` (or, written with +NN, anywhere). Numbers written one
    after another run together into one run too long for a phone: each valid or international one is read on its
    own."""
    for m in PHONE.finditer(text):
        candidate = m.group().rstrip(" ()./-")
        if len(digits(candidate)) <= 15:
            found = _phone(text, m.start(), candidate, regions)
            if found is not None:
                yield found
            continue
        run = re.findall(r"\d+", candidate)
        if sum(len(g) == 1 for g in run) >= 3 or sum(len(g) <= 2 for g in run) * 2 > len(run):
            continue
        words = list(re.finditer(r"\S+", candidate))
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + 4), i, -1):
                part = candidate[words[i].start() : words[j - 1].end()].rstrip(" ()./-")
                shaped = len(digits(part)) <= 15 and (len(re.findall(r"\d+", part)) <= 4 or part.startswith("+"))
                found = _phone(text, m.start() + words[i].start(), part, regions) if shaped else None
                if found is not None and (found.source == "phonenumbers" or part.startswith("+")):
                    yield found
                    i = j
                    break
            else:
                i += 1


def _phone(text: str, at: int, candidate: str, regions: Sequence[str]) -> Entity | None:
    body = re.split(r"\s*(?:x|ext\.?|#)\s*(?=\d)", candidate, maxsplit=1, flags=re.IGNORECASE)[0]
    groups = re.findall(r"\d+", body)
    international = body.startswith(("+", "00"))
    if sum(len(g) == 1 for g in groups) >= 3 or len(groups) >= 6 and not international:
        return None
    count = len(digits(body))
    grouped = len(groups) >= 2
    if not 7 <= count <= 15 or not (grouped or international or count >= 10) or _looks_like_date(body):
        return None
    if body.count("(") != body.count(")") or body.count(".") > 4 or _mixes_dots(body) or DECIMAL.fullmatch(body):
        return None
    valid = _valid_number(body, regions)
    score = 0.75 if valid else 0.6 if grouped or international else 0.45
    if _context(text, at, PHONE_CONTEXT):
        score += 0.3
    start = at + (len(candidate) - len(candidate.lstrip("(")) if candidate.startswith("(") and ")" not in body else 0)
    return Entity(start, at + len(candidate), "PHONE_NUMBER", round(min(score, 1.0), 2), "phonenumbers" if valid else "phone")


def _mixes_dots(body: str) -> bool:
    """Dots beside spaces or dashes are decimals in a table of figures ("61 75 .449 20", "3.54 - 0.629"): a
    number written with dots uses no other separator."""
    national = re.sub(r"^\+\d{1,3}\s*", "", body.strip())
    return "." in national and re.search(r"[\s-]", national) is not None


def _valid_number(body: str, regions: Sequence[str]) -> bool:
    import phonenumbers

    for region in [None] if body.startswith(("+", "00")) else regions:
        try:
            number = phonenumbers.parse(re.sub(r"^00", "+", body), region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return True
    return False


YEAR_RANGE = re.compile(r"(?:19|20)\d{2}\s*[-/]\s*(?:19|20)\d{2}")


def _looks_like_date(candidate: str) -> bool:
    """A date, a range of years, or a date that a time follows ("2000-04-16 11", cut at the time's colon)."""
    candidate = candidate.strip()
    if DATE.fullmatch(candidate) or YEAR_RANGE.fullmatch(candidate):
        return True
    start = DATE.match(candidate)
    return start is not None and re.fullmatch(r"[ T]\d{1,2}", candidate[start.end() :]) is not None


def _valid_numeric_date(candidate: str) -> bool:
    parts = re.split(r"[/.-]", candidate)
    if len(parts) != 3 or not all(p.isdigit() for p in parts) or len(parts[0]) == 4:
        return True
    first, second = int(parts[0]), int(parts[1])
    return 1 <= min(first, second) <= 12 and 1 <= max(first, second) <= 31


def dates(text: str) -> Iterator[Entity]:
    """Dates that name a day of a year, and a birthday, birth year or month. A weekday, a day of the month, a
    year or a time of day alone identifies no one, and masking it costs the answer ("what's on Friday at 8",
    "the meeting on August 28")."""
    for m in DATE.finditer(text):
        if _valid_numeric_date(m.group()):
            yield Entity(m.start(), m.end(), "DATE_TIME", 0.7, "date")
    for m in BIRTH_DATE.finditer(text):
        yield Entity(m.start(1), m.end(1), "DATE_TIME", 0.7, "birth-date")


RECOGNIZERS = {
    "EMAIL_ADDRESS": emails,
    "URL": urls,
    "IP_ADDRESS": ip_addresses,
    "IBAN_CODE": ibans,
    "CREDIT_CARD": credit_cards,
    "US_SSN": ssns,
    "PHONE_NUMBER": phones,
    "DATE_TIME": dates,
}
"""Entity type -> its pattern recognizer."""
