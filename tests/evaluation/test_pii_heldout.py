"""The held-out PII set's scoring: which tokens of a value identify someone, when a value leaks, how much of
PII-free text is masked; and its CoNLL-2003 reader."""

from __future__ import annotations

from edge.evaluation.pii_heldout import Sample, Value, _conll_sentences, identifying_tokens, score_leaks
from edge.privacy.entities import Entity


def tokens(text: str, kind: str) -> list[str]:
    return [text[a:b] for a, b in identifying_tokens(text, Value(0, len(text), kind))]


def test_a_phones_country_and_area_code_do_not_identify_it_but_its_extension_does():
    assert tokens("+1 555 123 4567", "PHONE_NUMBER") == ["123", "4567"]
    assert tokens("(555)123-4567", "PHONE_NUMBER") == ["123", "4567"]
    assert tokens("555-123-4567 ext. 1376", "PHONE_NUMBER") == ["123", "4567", "1376"]
    assert tokens("5551234567", "PHONE_NUMBER") == ["5551234567"]


def test_an_addresss_suffix_unit_words_and_state_do_not_identify_it():
    assert tokens("Apt. 743 150 Anthony Plains, South Glendachester, VA 04307", "STREET_ADDRESS") == [
        "743",
        "150",
        "Anthony",
        "South",
        "Glendachester",
        "04307",
    ]


def test_honorifics_initials_scheme_tld_and_mail_domain_do_not_identify():
    assert tokens("Dr. J. Alvarez PhD", "PERSON") == ["Alvarez"]
    assert tokens("https://www.lee-porter.co.uk/", "URL") == ["lee", "porter"]
    assert tokens("bfarley@example.com", "EMAIL_ADDRESS") == ["bfarley"]


def test_a_value_with_one_identifying_token_visible_leaks_and_one_with_none_hidden_is_fully_visible():
    text = "ship to 84 Darren Esplanade, Snydershire 2981"
    address = Value(8, len(text), "STREET_ADDRESS")
    street_only = [Entity(11, 27, "LOCATION", 0.9)]
    report = score_leaks([Sample(text, (address,), "messages")], [street_only])
    assert (report.overall.leaked, report.overall.fully_visible) == (1, 0)
    report = score_leaks([Sample(text, (address,), "messages")], [[]])
    assert (report.overall.leaked, report.overall.fully_visible) == (1, 1)
    report = score_leaks([Sample(text, (address,), "messages")], [[Entity(8, len(text), "LOCATION", 0.9)]])
    assert (report.overall.leaked, report.overall.fully_visible) == (0, 0)


def test_a_partly_masked_token_still_counts_as_visible():
    text = "call Gallagher"
    report = score_leaks([Sample(text, (Value(5, 14, "PERSON"),), "messages")], [[Entity(5, 10, "PERSON", 0.9)]])
    assert report.overall.leaked == 1


def test_masked_characters_of_pii_free_text_are_counted_against_it():
    text = "Shares rose 3 percent."
    report = score_leaks([Sample(text, (), "pii-free")], [[Entity(0, 6, "PERSON", 0.5)]])
    assert report.masked_pii_free_chars == 6 / len(text)


def test_conll_sentences_are_detokenised_with_their_entity_spans(tmp_path):
    conll = tmp_path / "train.txt"
    conll.write_text(
        "-DOCSTART- -X- O O\n\nPeter B-PER\nBlackburn I-PER\nsaid O\n, O\nMary B-PER\nI-PER-less O\n. O\n\n"
        "He O\nvisited O\nBonn B-LOC\n. O\n"
    )
    sentences = _conll_sentences(conll)
    text, spans = sentences[0]
    assert text == "Peter Blackburn said, Mary I-PER-less."
    assert [(text[a:b], kind) for a, b, kind in spans] == [("Peter Blackburn", "PER"), ("Mary", "PER")]
    assert sentences[1] == ("He visited Bonn.", [(11, 15, "LOC")])
