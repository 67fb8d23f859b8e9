import threading
import time

import pytest

from edge.errors import EngineTimeout
from edge.voice.deadline import within


def test_items_come_through_in_order_and_the_source_is_closed_at_the_end():
    closed = threading.Event()

    def source():
        try:
            yield from range(5)
        finally:
            closed.set()

    assert list(within(source(), 1.0, "counting", "wait")) == [0, 1, 2, 3, 4]
    assert closed.wait(1)


def test_an_item_that_takes_too_long_is_one_error_naming_what_and_the_fix():
    def stuck():
        yield "first"
        time.sleep(5)
        yield "never"

    items = within(stuck(), 0.2, "speech synthesis", "restart edge")
    assert next(items) == "first"
    begun = time.perf_counter()
    with pytest.raises(EngineTimeout, match="speech synthesis took longer than 0.2 s") as caught:
        next(items)
    assert time.perf_counter() - begun < 1 and caught.value.fix == "restart edge"


def test_an_error_in_the_source_is_raised_to_the_reader():
    def broken():
        yield 1
        raise RuntimeError("espeak-ng crashed")

    items = within(broken(), 1.0, "speech", "retry")
    assert next(items) == 1
    with pytest.raises(RuntimeError, match="espeak-ng crashed"):
        next(items)


def test_a_reader_that_stops_early_lets_the_source_close_and_release_what_it_holds():
    lock = threading.Lock()

    def holding():
        with lock:
            yield from range(1000)

    items = within(holding(), 1.0, "speech", "retry")
    assert next(items) == 0
    items.close()
    assert lock.acquire(timeout=2), "the source still holds its lock"
