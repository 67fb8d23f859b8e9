from __future__ import annotations

from datetime import datetime, timezone

from edge.cloud.http import SseEvent, retry_after_s, sse


def test_data_lines_join_until_a_blank_line():
    lines = ["data: first", "data:second", "", 'data: {"a": 1}', ""]
    assert list(sse(lines)) == [SseEvent("first\nsecond"), SseEvent('{"a": 1}')]


def test_comments_ids_and_unknown_fields_are_skipped_and_event_names_kept():
    lines = [": keep-alive", "id: 7", "retry: 100", "event: message_stop", "data: {}", "", ":", ""]
    assert list(sse(lines)) == [SseEvent("{}", "message_stop")]


def test_the_done_marker_is_an_event_that_says_so():
    events = list(sse(["data: {}", "", "data: [DONE]", ""]))
    assert [e.done for e in events] == [False, True]


def test_a_last_event_without_its_blank_line_still_counts_and_empty_events_do_not():
    assert list(sse(["", "", "event: ping", "", "data: tail"])) == [SseEvent("tail")]


def test_retry_after_reads_seconds_or_an_http_date():
    now = datetime(2025, 1, 1, 12, 0, 0, tzinfo=timezone.utc)
    assert retry_after_s("3") == 3.0 and retry_after_s("0.5") == 0.5
    assert retry_after_s("Wed, 01 Jan 2025 12:00:30 GMT", now) == 30.0
    assert retry_after_s("Wed, 01 Jan 2025 11:00:00 GMT", now) == 0.0
    assert retry_after_s(None) is None and retry_after_s("soon") is None and retry_after_s("inf") is None
