from edge.voice.chunker import SentenceChunker, sentences, speakable


def streamed(text: str, first_words: int = 0) -> list[str]:
    return list(sentences(list(text), first_words))


def test_a_sentence_comes_out_as_soon_as_the_next_one_starts():
    chunker = SentenceChunker(first_words=0)
    assert list(chunker.feed("It is sunny. ")) == []
    assert list(chunker.feed("Take")) == ["It is sunny."]
    assert list(chunker.feed(" a hat")) == []
    assert list(chunker.flush()) == ["Take a hat"]


def test_questions_exclamations_and_paragraphs_end_sentences():
    assert streamed("Ready? Go! First line\n\nSecond") == ["Ready?", "Go!", "First line", "Second"]


def test_abbreviations_initials_and_decimals_do_not_end_a_sentence():
    text = "Dr. Smith met J. R. Tolkien at 3.5 p.m. today, e.g. at noon. Then left."
    assert streamed(text) == ["Dr. Smith met J. R. Tolkien at 3.5 p.m. today, e.g. at noon.", "Then left."]


def test_a_long_first_sentence_is_spoken_from_its_first_clause():
    text = "When you think about the long history of Rome, it is a story of many centuries. Yes, indeed."
    assert streamed(text, first_words=6) == [
        "When you think about the long history of Rome,",
        "it is a story of many centuries.",
        "Yes, indeed.",
    ]


def test_a_long_first_sentence_without_commas_is_cut_before_a_joining_word_or_after_twice_the_words():
    joined = "The fun fact about cats is that they sleep for most of the day."
    assert streamed(joined, first_words=6) == ["The fun fact about cats is", "that they sleep for most of the day."]
    run_on = "One two three four five six seven eight nine ten eleven twelve thirteen fourteen."
    assert streamed(run_on, first_words=6) == [
        "One two three four five six seven eight nine ten eleven twelve",
        "thirteen fourteen.",
    ]


def test_only_the_first_piece_is_cut_early():
    text = "Yes, it is the very best choice of all, and more. Then the second sentence, which is long, ends here."
    assert streamed(text, first_words=6)[1:] == ["and more.", "Then the second sentence, which is long, ends here."]


def test_a_short_opening_clause_waits_for_more_words():
    assert streamed("Yes, it is. Fine.", first_words=6) == ["Yes, it is.", "Fine."]


def test_markdown_and_citation_marks_are_not_read_aloud():
    assert speakable("## Steps\n- **Descale** the `machine` every month [1].") == "Steps Descale the machine every month ."
    assert streamed("**Bold** claim [2]. Next.") == ["Bold claim .", "Next."]


def test_nothing_but_markup_yields_nothing():
    assert streamed("** ** [1]") == []
