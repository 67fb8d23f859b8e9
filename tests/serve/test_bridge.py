import asyncio
import time

import pytest

from edge.serve.bridge import in_thread


async def _collect(start):
    return [item async for item in in_thread(start)]


def test_the_items_arrive_in_order():
    assert asyncio.run(_collect(lambda stop: iter(range(5)))) == [0, 1, 2, 3, 4]


@pytest.mark.parametrize("where", ["at the start", "midway"])
def test_a_failure_in_the_thread_reaches_the_consumer(where):
    def start(stop):
        if where == "at the start":
            raise ValueError("not audio")
        yield 1
        raise ValueError("not audio")

    with pytest.raises(ValueError, match="not audio"):
        asyncio.run(asyncio.wait_for(_collect(start), 5))


def test_a_consumer_that_stops_early_stops_the_producer():
    produced = []

    def start(stop):
        for i in range(1000):
            time.sleep(0.01)
            produced.append(i)
            yield i

    async def first():
        async for item in in_thread(start):
            return item

    assert asyncio.run(first()) == 0
    assert len(produced) < 100
