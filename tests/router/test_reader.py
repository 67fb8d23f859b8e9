import pytest

from edge.router.reader import Extract, read, sentences, span
from edge.store.knowledge import Hit

pytestmark = pytest.mark.models

NOTES = [
    "The greenhouse irrigation valve opens at 06:40 every morning and runs for 12 minutes.",
    "The sailboat Marigold is moored at berth 17 in the north harbour.",
    "The guest wifi network is called Lantern and rotates its password on Mondays.",
]


def hits(*texts, heading=""):
    return [
        Hit(doc_id=n, chunk_id=n, score=1.0, text=t, source=f"/notes/{n}.md", start=0, end=len(t), heading=heading)
        for n, t in enumerate(texts, 1)
    ]


@pytest.fixture
def ask(runtime):
    def reading(question, texts=NOTES):
        return read(question, runtime.embedder.embed([question])[0], hits(*texts), runtime.embedder.embed)

    return reading


@pytest.mark.parametrize(
    "question, number, wanted",
    [
        ("At what time does the greenhouse irrigation valve open?", 1, "06:40"),
        ("How long does the irrigation run?", 1, "12 minutes"),
        ("what berth is the Marigold at", 2, None),
        ("What is the guest wifi network called?", 3, None),
    ],
)
def test_the_sentence_that_answers_is_found_with_the_span_asked_for(ask, question, number, wanted):
    found = ask(question)
    assert isinstance(found, Extract) and found.number == number and found.sentence == NOTES[number - 1]
    assert found.span == wanted


@pytest.mark.parametrize(
    "question, why",
    [
        ("Who installed the greenhouse irrigation valve?", "kind of answer"),
        ("Which valve does not open at 06:40?", "what is not so"),
        ("What happens to the valve at 07:15?", "07"),
        ("At which berth is the sailboat Nautilus moored in the north harbour?", "name in the question"),
        ("What colour is the Marigold's sail?", "shares only names"),
    ],
)
def test_a_question_the_sentences_do_not_answer_gets_the_reason_instead(ask, question, why):
    found = ask(question)
    assert isinstance(found, str) and why in found


def test_a_question_far_from_every_sentence_is_not_answered(ask):
    found = ask("What is the recipe for lemon cake?")
    assert isinstance(found, str) and "no sentence is close" in found


@pytest.mark.parametrize(
    "question, sentence, wanted",
    [
        ("When did the ferry start running?", "The ferry started running in 1998 after the bridge closed.", "1998"),
        ("How many cups between descalings?", "Descale the machine every 200 cups.", "200"),
        ("Who designed the bridge?", "The bridge was designed by Anna Weber in 1964.", "Anna Weber"),
        ("Who designed the bridge?", "The bridge was designed in 1964.", None),
        ("When did the Lisbon office open?", "The Lisbon office opened in September.", "September"),
        ("When does the valve open?", "The valve opens at 06:40 every morning.", "06:40"),
        ("Where is the spare key?", "The spare key is under the blue pot.", "under the blue pot"),
        ("where did i park my car", "my car is parked on level 3.", "on level 3"),
        ("When was the abbey founded?", "Monks founded the abbey in the 12th century.", "the 12th century"),
        ("What day is the market held?", "The market is held every Tuesday in the square.", "Tuesday"),
        ("When can I cancel a booking?", "Bookings can be cancelled up to 24 hours ahead without a fee.", "24 hours ahead"),
        ("When must the form be returned?", "Return the signed form within 30 days.", "within 30 days"),
    ],
)
def test_the_span_is_the_value_or_name_of_the_kind_the_question_asks_for(question, sentence, wanted):
    assert span(question, sentence) == wanted


def test_a_name_misspelt_in_the_question_is_still_found_in_the_documents(ask):
    found = ask("what berth is the Marrigold at")
    assert isinstance(found, Extract) and found.sentence == NOTES[1]


def test_a_notes_heading_gives_its_sentences_their_subject(runtime):
    dentist = "Dr. Alvarez sees patients on Tuesdays and Thursdays. The practice is at 14 Mill Lane."
    found = read(
        "where is the dentist",
        runtime.embedder.embed(["where is the dentist"])[0],
        hits(dentist, heading="Dentist"),
        runtime.embedder.embed,
    )
    assert isinstance(found, Extract) and found.sentence == "The practice is at 14 Mill Lane."


def test_the_closest_sentence_that_holds_the_kind_asked_for_answers_over_one_that_only_shares_words(ask):
    pool = "Lanes at the pool can be booked up to 48 hours ahead. The pool is open daily from 7 am to 9 pm."
    found = ask("what are the pool's hours", [pool])
    assert isinstance(found, Extract) and found.sentence == "The pool is open daily from 7 am to 9 pm."


def test_a_title_or_an_initial_does_not_end_a_sentence():
    text = "Dr. Alvarez sees patients on Tuesdays. J. R. R. Tolkien wrote it. It was printed in the U.S. The end came."
    assert sentences(text) == [
        "Dr. Alvarez sees patients on Tuesdays.",
        "J. R. R. Tolkien wrote it.",
        "It was printed in the U.S.",
        "The end came.",
    ]
