from edge.config import VadSettings
from edge.voice.endpoint import Boundary, Endpointer

QUIET, SPEECH = 0.05, 0.9


def run(probabilities: list[float], **settings) -> list[tuple[str, int]]:
    endpointer = Endpointer(VadSettings(**settings), max_utterance_s=2.0)
    return [(b.kind, b.window) for p in probabilities if (b := endpointer.push(p)) is not None]


def test_an_utterance_starts_pauses_and_ends_after_enough_silence():
    # min_silence_ms 300 is 9 windows of 32 ms
    boundaries = run([QUIET] * 3 + [SPEECH] * 20 + [QUIET] * 12)
    assert boundaries == [("start", 3), ("pause", 23), ("end", 23)]


def test_speech_after_a_short_pause_resumes_the_same_utterance():
    boundaries = run([SPEECH] * 10 + [QUIET] * 4 + [SPEECH] * 10 + [QUIET] * 10)
    assert boundaries == [("start", 0), ("pause", 10), ("resume", 14), ("pause", 24), ("end", 24)]


def test_a_blip_shorter_than_min_speech_is_discarded():
    assert run([SPEECH] * 3 + [QUIET] * 10) == [("start", 0), ("pause", 3), ("discard", 3)]


def test_a_long_utterance_ends_at_max_length_without_a_pause():
    boundaries = run([SPEECH] * 80)
    assert boundaries[:2] == [("start", 0), ("end", 62)]  # 2 s is 62.5 windows


def test_probabilities_between_the_thresholds_keep_speech_going():
    # speech starts at 0.5 and counts as quiet below 0.35
    assert run([0.6] + [0.4] * 30) == [("start", 0)]


def test_when_the_input_ends_mid_speech_the_utterance_ends_with_it():
    endpointer = Endpointer(VadSettings())
    for p in [QUIET] * 2 + [SPEECH] * 20:
        endpointer.push(p)
    boundary = endpointer.close()
    assert (boundary.kind, boundary.window) == ("end", 22)
    assert endpointer.close() is None


def test_push_to_talk_keeps_listening_through_pauses_until_the_input_ends():
    endpointer = Endpointer(VadSettings(), max_utterance_s=30.0, end_on_silence=False)
    kinds = [b.kind for p in [SPEECH] * 10 + [QUIET] * 40 + [SPEECH] * 5 + [QUIET] * 40 if (b := endpointer.push(p))]
    assert kinds == ["start", "pause", "resume", "pause"]
    assert endpointer.close().kind == "end"


def test_a_pause_can_be_given_its_own_silence_shorter_or_longer():
    endpointer = Endpointer(VadSettings())  # 9 windows of quiet end a pause
    for p in [SPEECH] * 20 + [QUIET] * 4:
        endpointer.push(p)
    endpointer.pause_needs(0.15)  # 5 windows
    assert endpointer.push(QUIET) == Boundary("end", 20)

    for p in [SPEECH] * 20 + [QUIET]:
        endpointer.push(p)
    endpointer.pause_needs(1.0)
    assert [b for p in [QUIET] * 20 if (b := endpointer.push(p))] == []
    assert endpointer.push(SPEECH).kind == "resume"
    assert [b.kind for p in [QUIET] * 9 if (b := endpointer.push(p))] == ["pause", "end"]  # the next pause: 9 again
