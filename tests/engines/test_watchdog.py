import threading
import time

from edge.engines.watchdog import Watchdog


def test_a_block_that_outlives_its_deadline_is_expired_once():
    watchdog, fired = Watchdog(), []
    expired = threading.Event()
    with watchdog.deadline(0.02, lambda: (fired.append(1), expired.set())):
        assert expired.wait(5)
        time.sleep(0.05)
    assert fired == [1]


def test_a_block_that_ends_in_time_is_never_expired():
    watchdog, fired = Watchdog(), []
    with watchdog.deadline(0.05, lambda: fired.append(1)):
        pass
    time.sleep(0.2)
    assert fired == []


def test_an_earlier_deadline_wakes_a_watchdog_sleeping_toward_a_later_one():
    watchdog = Watchdog()
    expired = threading.Event()
    with watchdog.deadline(60, lambda: None), watchdog.deadline(0.02, expired.set):
        assert expired.wait(5)


def test_deadlines_from_many_threads_each_reach_their_own_block():
    watchdog = Watchdog()
    outcomes: dict[int, bool] = {}

    def run(index: int) -> None:
        expired = threading.Event()
        slow = index % 2 == 0
        with watchdog.deadline(0.02 if slow else 30, expired.set):
            outcomes[index] = expired.wait(5 if slow else 0.1)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes == {i: i % 2 == 0 for i in range(8)}
