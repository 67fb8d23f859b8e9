import pytest

from edge.serve.admission import Busy, Lane


def test_a_lane_takes_requests_up_to_its_capacity_and_turns_away_the_next():
    lane = Lane("llm", 2)
    with lane.admit(), lane.admit():
        with pytest.raises(Busy, match="the llm engine already has 2 requests"):
            with lane.admit():
                pass
        assert lane.in_flight == 2
    assert lane.in_flight == 0


def test_a_request_that_fails_gives_its_place_back():
    lane = Lane("router", 1)
    with pytest.raises(ValueError), lane.admit():
        raise ValueError("the model failed")
    with lane.admit():
        assert lane.in_flight == 1
