import time

import pytest

from edge.store.guards import ANTONYMS, NEUTRAL, Constraints, conflict, constraints
from edge.store.stopwords import STOPWORDS

FALSE_HITS = [
    ("What is the capital of France?", "What is the capital of Germany?", "names differ: france vs germany"),
    ("what is the capital of france", "what is the capital of germany", "content words differ: france vs germany"),
    ("Is coffee bad for you?", "Is coffee not bad for you?", "negation differs"),
    ("Is coffee bad for you?", "Isn't coffee bad for you?", "negation differs"),
    ("can I eat eggs", "I can't eat eggs", "negation differs"),
    ("pizza with cheese", "pizza without cheese", "negation differs"),
    ("all planets except mars", "all planets and mars", "negation differs"),
    ("convert 5 miles to km", "convert 50 miles to km", "numbers differ: 5 vs 50"),
    ("convert five miles to km", "convert fifty miles to km", "numbers differ: 5 vs 50"),
    ("what happened on March 3", "what happened on March 4", "dates differ: march 3 vs march 4"),
    ("what happened on the third of march", "what happened on march fourth", "dates differ: march 3 vs march 4"),
    ("Who is Alice's manager", "Who is Bob's manager", "names differ: alice vs bob"),
    ("who is alice's manager", "who is bob's manager", "content words differ: alice vs bob"),
    ("who won the election in 2023", "who won the election in 2024", "dates differ: 2023 vs 2024"),
    ("music from the 1980s", "music from the 1990s", "dates differ: 1980s vs 1990s"),
    ("weather today", "weather tomorrow", "dates differ: today vs tomorrow"),
    ("what's on tv tonight", "what was on tv last night", None),
    ("sales next week", "sales last week", "dates differ: next week vs last week"),
    ("is the shop open on Monday", "is the shop open on Tuesday", "dates differ: monday vs tuesday"),
    ("the weather in May", "the weather in June", "dates differ: may vs june"),
    ("wake me at 7 am", "wake me at 7 pm", "dates differ: am vs pm"),
    ("what happened before the war", "what happened after the war", "opposites differ: before vs after"),
    ("what happened after March 3", "what happened on March 3", "content words differ: after vs none"),
    ("should I eat more salt", "should I eat less salt", "opposites differ: more vs less"),
    ("how to increase blood pressure", "how to decrease blood pressure", "opposites differ: increase vs decrease"),
    ("the largest planet", "the smallest planet", "opposites differ: largest vs smallest"),
    ("the first president of the US", "the last president of the US", "numbers differ: 1 vs none"),
    ("max temperature in july", "min temperature in july", "opposites differ: max vs min"),
    ("turn on the lights", "turn off the lights", "opposites differ: on vs off"),
    ("Is coffee good for you?", "Is coffee bad for you?", "opposites differ: good vs bad"),
    ("is it safe to swim", "is it NOT safe to swim", "negation differs"),
    ("Who is Alice Smith?", "Who is Bob Smith?", "names differ: alice vs bob"),
    ("When did Lincoln die?", "How did Lincoln die?", "question words differ: when vs how"),
    ("where was Mozart born", "when was Mozart born", "question words differ: where vs when"),
    ("Who is the president of France?", "Who was the president of France?", "tenses differ: none vs past"),
    ("who won the world cup", "who will win the world cup", None),
    ("what's my name", "what's your name", "persons differ: my vs your"),
    ("call me mary", "call mary", "persons differ: me vs none"),
    ("can you swim?", "can I swim?", "persons differ: you vs i"),
    ("please call me bob", "remind me to call bob", "content words differ: none vs remind"),
    ("how old are you", "how old am i", "persons differ: you vs i"),
    ("convert 5 miles to km", "convert 5 km to miles", "quantities differ: 5 mile vs 5 kilometer"),
    ("how many km in 5 miles", "how many miles in 5 km", "quantities differ: 5 mile vs 5 kilometer"),
    ("what is 10 divided by 2", "what is 2 divided by 10", "number order differs: 10, 2 vs 2, 10"),
    ("what is 2+2", "what is 2-2", "quantities differ: 2 plus vs 2 minus"),
    ("flights from paris to london", "flights from london to paris", "'from' targets differ: paris vs london"),
    ("trains from berlin", "trains to berlin", "direction differs: from berlin"),
    ("is paris bigger than london", "is london bigger than paris", "'than' targets differ: london vs paris"),
    ("population of mexico", "population of mexico city", "content words differ: none vs city"),
    ("Who is Will?", "who will?", "names differ: will vs none"),
    ("capital of the US", "capital of the UK", "names differ: us vs uk"),
    ("symptoms of flu in children", "symptoms of flu in adults", "content words differ: child vs adult"),
]


@pytest.mark.parametrize("a, b, reason", FALSE_HITS)
def test_questions_that_embed_close_but_must_not_share_an_answer_conflict(a, b, reason):
    found = conflict(a, b)
    assert found is not None
    if reason:
        assert found == reason
    assert conflict(b, a) is not None


PARAPHRASES = [
    ("What is the capital of France?", "what is the capital of france"),
    ("What's the capital of France", "What is the capital of France?"),
    ("whats the capital of france", "What is the capital of France?"),
    ("What’s the capital of France", "what is the capital of france"),
    ("Please tell me the capital of France.", "What is the capital of France?"),
    ("What is France's capital?", "What's the capital of France?"),
    ("capital of France", "What is the capital of France?"),
    ("Could you tell me what the capital of France is?", "what is the capital of france"),
    ("I want to know the capital of France", "What's the capital of France?"),
    ("Do you know what the capital of France is?", "what's the capital of france"),
    ("Hey, can you please tell me the capital of France?", "capital of france"),
    ("WHAT IS THE CAPITAL OF FRANCE", "what is the capital of france"),
    ("What Is The Capital Of France", "what is the capital of france"),
    ("Paris weather", "weather in paris"),
    ("what does ubiquitous mean", "define ubiquitous"),
    ("what's the meaning of ubiquitous", "explain ubiquitous"),
    ("how do I cook rice", "how to cook rice"),
    ("where can I buy stamps", "where to buy stamps"),
    ("where do penguins live", "where does a penguin live"),
    ("convert five miles to kilometers", "convert 5 miles to km"),
    ("how many miles is 5 km", "how many miles in 5 kilometres"),
    ("what is 5.0 times 3", "what's five times three"),
    ("what is the third planet from the sun", "what is the 3rd planet from the sun"),
    ("who was the first president", "who was the 1st president"),
    ("what happened on the third of march", "what happened March 3rd"),
    ("tell me about the moon landing in nineteen sixty nine", "tell me about the moon landing in 1969"),
    ("who won the world cup in twenty twenty two", "who won the world cup in 2022"),
    ("what's 20% of 50", "what is 20 percent of 50"),
    ("how much is $5 in euros", "how much is 5 dollars in euros"),
    ("is it going to rain tomorrow", "will it rain tomorrow"),
    ("May I know the capital of France", "what is the capital of France"),
    ("Is coffee bad for you?", "is coffee bad for you"),
    ("isn't coffee bad for you", "is coffee not bad for you"),
    ("what's the boiling point of water in celsius", "what is the boiling point of water in Celsius?"),
    ("", ""),
]


@pytest.mark.parametrize("a, b", PARAPHRASES)
def test_paraphrases_may_share_an_answer(a, b):
    assert conflict(a, b) is None
    assert conflict(b, a) is None


def test_spoken_numbers_ordinals_and_decimals_normalise():
    assert constraints("convert five miles").numbers == {"5"}
    assert constraints("convert 5.0 miles").numbers == {"5"}
    assert constraints("the third planet").numbers == constraints("the 3rd planet").numbers == {"3"}
    assert constraints("a population of 1,000,000").numbers == {"1000000"}
    assert constraints("convert 5 miles to km").quantities == ("5 mile",)


def test_dates_take_their_day_out_of_the_numbers():
    found = constraints("what happened on March 3rd, 2024")
    assert found.dates == {"march 3", "2024"}
    assert found.numbers == frozenset()
    assert constraints("what's on next week").dates == {"next week"}
    assert constraints("may I ask something").dates == frozenset()


def test_names_are_capitalised_words_but_not_question_words_or_capitals_everywhere():
    assert constraints("Who is Alice's manager?").names == {"alice"}
    assert constraints("Paris is in which country?").names == {"paris"}
    assert constraints("What do I need?").names == frozenset()
    assert constraints("who is alice's manager").names == frozenset()
    assert constraints("WHAT IS THE CAPITAL OF FRANCE").names == frozenset()


def test_content_words_are_singular_lowercase_and_without_stopwords():
    found = constraints("What are the Cities in Texas with the most parks?")
    assert found.keywords == {"city", "texas", "most", "park"}
    assert found.opposites == {"in", "most"}
    assert not found.keywords & STOPWORDS


def test_tables_are_consistent():
    assert all(len(pair) == 2 and pair[0] != pair[1] for pair in ANTONYMS)
    assert not NEUTRAL & {word for pair in ANTONYMS for word in pair}


def test_constraints_are_frozen_and_cached():
    found = constraints("What is the capital of France?")
    assert isinstance(found, Constraints)
    assert constraints("What is the capital of France?") is found
    with pytest.raises(AttributeError):
        found.negated = True  # type: ignore[misc]


def test_a_check_is_fast():
    pairs = [(a, b) for a, b, _ in FALSE_HITS] + PARAPHRASES
    constraints.cache_clear()
    start = time.perf_counter()
    for a, b in pairs:
        conflict(a, b)
    cold_ms = (time.perf_counter() - start) * 1000 / len(pairs)
    start = time.perf_counter()
    for _ in range(20):
        for a, b in pairs:
            conflict(a, b)
    warm_ms = (time.perf_counter() - start) * 1000 / (20 * len(pairs))
    assert warm_ms < 0.2
    assert cold_ms < 2.0
