from edge.privacy.masking import Masker

TEXT = "My name is Jane Doe and my email is jane.doe@example.com. Jane Doe lives at 12 Baker Street, London."


def test_every_value_becomes_a_placeholder_and_the_same_value_the_same_one(detector):
    masker = Masker(detector)
    masked = masker.mask(TEXT)
    assert masked.text == "My name is <PERSON_1> and my email is <EMAIL_1>. <PERSON_1> lives at <LOCATION_1>."
    assert masked.counts == {"PERSON": 2, "EMAIL_ADDRESS": 1, "LOCATION": 1}
    later = masker.mask("Please email JANE.DOE@example.com again, and also bob@example.org")
    assert later.text == "Please email <EMAIL_1> again, and also <EMAIL_2>"


def test_a_reply_is_unmasked_and_unknown_placeholders_are_left_alone(detector):
    masker = Masker(detector)
    masker.mask(TEXT)
    reply = "Dear <PERSON_1>, I wrote to <EMAIL_1> about <LOCATION_1>. <PERSON_9> and <b>bold</b> stay."
    assert masker.unmask(reply) == (
        "Dear Jane Doe, I wrote to jane.doe@example.com about 12 Baker Street, London. <PERSON_9> and <b>bold</b> stay."
    )


def test_a_streamed_reply_is_unmasked_even_when_a_placeholder_is_split_across_pieces(detector):
    masker = Masker(detector)
    masker.mask(TEXT)
    pieces = ["Hi <PER", "SON_1", ">! Mail <", "EMAIL_1> or call. 3 < 4", " and done"]
    assert "".join(masker.unmask_stream(pieces)) == "Hi Jane Doe! Mail jane.doe@example.com or call. 3 < 4 and done"


def test_personal_data_the_request_did_not_carry_is_flagged_as_a_leak(detector):
    masker = Masker(detector)
    masked = masker.mask(TEXT)
    reply = masker.unmask("Sure <PERSON_1>. You could also ask John Smith at john.smith@corp.example, +1 415 555 0134.")
    leaks = {e.type for e in masker.leaks(reply, masked.text)}
    assert leaks == {"PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER"}
    assert masker.leaks(masker.unmask("Thanks <PERSON_1>, noted."), masked.text) == []


def test_the_mapping_never_shows_in_the_maskers_repr(detector):
    masker = Masker(detector)
    masker.mask(TEXT)
    assert "Jane" not in repr(masker) and "jane" not in repr(masker)


def test_history_masked_again_is_not_detected_again(detector):
    calls = []

    class Counting:
        def detect(self, text):
            calls.append(text)
            return detector.detect(text)

    masker = Masker(Counting())
    first = masker.mask(TEXT)
    again = masker.mask(TEXT)
    assert again == first and calls == [TEXT]


def test_text_that_looks_like_a_placeholder_keeps_its_look_and_is_never_unmasked(detector):
    masker = Masker(detector)
    masked = masker.mask("write <PERSON_1> for Jane Doe")
    assert masked.text == "write <PERSON_1> for <PERSON_2>" and masked.placeholders == ["<PERSON_2>"]
    assert masker.unmask(masked.text) == "write <PERSON_1> for Jane Doe"
