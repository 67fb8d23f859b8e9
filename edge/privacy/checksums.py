"""Validators that separate real identifiers from digit strings that merely look like them."""

from __future__ import annotations


def digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def luhn(number: str) -> bool:
    """The Luhn checksum every payment card number carries."""
    values = [int(c) for c in reversed(digits(number))]
    if not values:
        return False
    total = sum(v if i % 2 == 0 else (v * 2 - 9 if v > 4 else v * 2) for i, v in enumerate(values))
    return total % 10 == 0


def iban(code: str) -> bool:
    """ISO 13616: move the first four characters to the end, letters to numbers, the result mod 97 is 1."""
    compact = "".join(code.split()).upper()
    if not (15 <= len(compact) <= 34 and compact[:2].isalpha() and compact[2:4].isdigit() and compact.isalnum()):
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def us_ssn(number: str) -> bool:
    """Rules the Social Security Administration never breaks: no 000, 666 or 9xx area, no 00 group, no 0000 serial."""
    value = digits(number)
    if len(value) != 9 or len(set(value)) == 1:
        return False
    area, group, serial = value[:3], value[3:5], value[5:]
    return area not in ("000", "666") and not area.startswith("9") and group != "00" and serial != "0000"
