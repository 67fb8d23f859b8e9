from edge.router.rambling import Rambling, repeated_ngram


def shown(pieces, max_sentences=None, complete=True):
    guard = Rambling(max_sentences)
    text = ""
    for piece in pieces:
        text += "".join(guard.feed(piece))
        if guard.stopped:
            break
    return text + guard.finish(complete), guard.stopped


def tokens(text):
    return [w + " " for w in text.split()]


OCTOPUS_LOOP = (
    "Octopuses are cephalopods with eight arms. They are found in the sea, and they are found in the ocean. "
    "They are also found in the sea, and they are found in the ocean. They are also found in the sea, and they are"
)


def test_a_sentence_that_repeats_the_answer_ends_it_before_it_is_shown():
    text, why = shown(tokens(OCTOPUS_LOOP))
    assert why == "loop"
    assert text == "Octopuses are cephalopods with eight arms. They are found in the sea, and they are found in the ocean. "
    assert repeated_ngram(text) is None


def test_a_loop_inside_the_first_sentence_keeps_what_came_before_it():
    text, why = shown(tokens("Here's a tip that might help: \"Sleep better, sleep better, sleep better, sleep better, sleep"))
    assert why == "loop" and text == "Here's a tip that might help: \"Sleep better."


def test_the_same_sentence_twice_is_a_loop():
    text, why = shown(tokens("Octopuses have three hearts. Octopuses have three hearts. They are smart."))
    assert (text, why) == ("Octopuses have three hearts. ", "loop")


def test_a_count_running_on_without_words_is_a_loop():
    text, why = shown(tokens("1. 1. 2. 3. 4. 5. 6. 7. 8. 9. 10. 11."))
    assert why == "loop" and text == "1. 1. "


def test_a_sentence_that_is_only_a_number_is_kept():
    assert shown(tokens("It opened in 1889. 1889. That is all.")) == ("It opened in 1889. 1889. That is all. ", None)


def test_an_answer_that_keeps_to_itself_is_shown_whole_as_it_was_generated():
    answer = "Octopuses have three hearts. Their blood is blue because of copper.\nThey can change colour in a moment!"
    pieces = [answer[i : i + 3] for i in range(0, len(answer), 3)]
    assert shown(pieces) == (answer, None)


def test_a_sentence_budget_ends_the_answer_after_that_many_sentences():
    answer = "One fact. Two facts here. Three facts now. Four is too many."
    assert shown(tokens(answer), max_sentences=3) == ("One fact. Two facts here. Three facts now. ", "budget")


def test_an_answer_cut_off_by_the_token_limit_ends_with_its_last_whole_sentence():
    text, _ = shown(tokens("Octopuses have three hearts. Their blood is blue because"), complete=False)
    assert text == "Octopuses have three hearts. "
    assert shown(tokens("Octopuses have three"), complete=False)[0] == "Octopuses have three "


def test_a_numbered_list_is_released_an_item_at_a_time():
    answer = "1. Paris has the Eiffel Tower.\n\n2. Paris has the Louvre.\n\n3. Paris has cafes."
    guard = Rambling()
    released = [s for piece in tokens(answer) for s in guard.feed(piece)]
    assert released[-2:] == ["2. Paris has the Louvre. ", "3. Paris has cafes. "]
    assert "".join(released) == "1. Paris has the Eiffel Tower. 2. Paris has the Louvre. 3. Paris has cafes. "


def test_the_first_sentence_comes_out_word_by_word_but_its_last_words():
    guard = Rambling()
    words = tokens("Octopuses have three hearts and blue blood.")
    given = ["".join(guard.feed(piece)) for piece in words]
    assert given[:5] == ["", "", "", "Octopuses", " have"]
    assert "".join(given) == "Octopuses have three hearts and blue blood. "


def test_what_is_given_out_of_a_looping_first_sentence_is_where_the_answer_starts():
    guard = Rambling()
    given = ""
    for piece in tokens("Here's a tip that might help: \"Sleep better, sleep better, sleep better, sleep better, sleep"):
        given += "".join(guard.feed(piece))
    given += guard.finish(complete=False)
    assert guard.text == given == "Here's a tip that might help: \"Sleep better."


def test_a_span_repeated_inside_the_first_sentence_is_never_given_out():
    guard = Rambling()
    given = ""
    for piece in tokens("The valve opens at six then closes at six then closes at six then closes at six"):
        given += "".join(guard.feed(piece))
    assert guard.stopped == "loop" and "then closes at six then" not in given
    given += guard.finish(complete=True)
    assert guard.text == given == "The valve opens at six then closes."
