"""Masking, for any text: unmasking the masked text gives the original back (a value spelt twice, in other case
or spacing, comes back in its first spelling), and the masked text holds none of the values that were found."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from edge.privacy.masking import PLACEHOLDER, Masker

WORDS = st.sampled_from("the a meeting call tomorrow at please send it to my and or lunch with report office is was new".split())
NAMES = st.sampled_from(["Jane Doe", "jane doe", "JANE DOE", "Omar Haddad", "Li Wei", "Ann", "Dr. Ruth Okafor"])
VALUES = st.one_of(
    NAMES,
    st.emails(),
    st.sampled_from(["555-123-4567", "+44 20 7946 0958", "(613) 235-6745", "4111 1111 1111 1111"]),
    st.sampled_from(["DE89 3704 0044 0532 0130 00", "192.168.10.4", "https://example.org/a?b=1", "494-33-0748"]),
    st.sampled_from(["12 Main Street, Springfield, IL 62704", "Flat 3, 8 Heron Way, Leeds LS1 4AB"]),
    st.sampled_from(["<PERSON_1>", "<", ">", "<EMAIL_2", "é", "🙂", "\u200f", "\t", "\n", "  "]),
)
TEXTS = st.lists(st.one_of(WORDS, VALUES), min_size=1, max_size=14).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
@example("Jane Doe met jane doe and JANE DOE")
@example("write <PERSON_1> for Jane Doe")
def test_unmasking_gives_the_original_text_back(detector, text):
    masker = Masker(detector)
    masked = masker.mask(text)
    first_spellings, last = "", 0
    for entity, placeholder in zip(masked.entities, masked.placeholders, strict=True):
        value = masker.unmask(placeholder)
        assert value.casefold().split() == text[entity.start : entity.end].casefold().split()
        first_spellings += text[last : entity.start] + value
        last = entity.end
    assert masker.unmask(masked.text) == first_spellings + text[last:]
    if len({" ".join(text[e.start : e.end].split()).casefold() for e in masked.entities}) == len(masked.entities):
        assert masker.unmask(masked.text) == text


@settings(max_examples=200, deadline=None)
@given(TEXTS)
@example("555-123-4567 555-123-4567 the 555-123-4567")
@example("0@a.HU \n the")
@example("+44 20 7946 0958 +44 20 7946 0958 192.168.10.4")
@example("0@A.XN--54b7fTA0CC Flat 3, 8 Heron Way, Leeds LS1 4AB 0@A.XN--54b7fTA0CC")
@example("Jane Doe *@A.AC 12 Main Street, Springfield, IL 62704 the *@A.AC Flat 3, 8 Heron Way, Leeds LS1 4AB Jane Doe")
@example("Flat 3, 8 Heron Way, Leeds LS1 4AB #@A.COM > 0@A.Ar \n > Jane Doe")
def test_the_masked_text_holds_none_of_the_values_found(detector, text):
    masked = Masker(detector).mask(text)
    outside_placeholders = " ".join(PLACEHOLDER.split(masked.text))
    for entity in masked.entities:
        value = text[entity.start : entity.end]
        assert not re.search(rf"(?<!\w){re.escape(value)}(?!\w)", outside_placeholders), (value, masked.text)
