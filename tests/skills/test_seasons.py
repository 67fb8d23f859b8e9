from datetime import datetime, timezone

import pytest

from edge.skills.seasons import season_start


@pytest.mark.parametrize(
    "year, season, published",
    [
        (2024, "march", "2024-03-20 03:06"),
        (2024, "june", "2024-06-20 20:51"),
        (2024, "september", "2024-09-22 12:44"),
        (2024, "december", "2024-12-21 09:20"),
        (2025, "june", "2025-06-21 02:42"),
        (2025, "december", "2025-12-21 15:03"),
        (2026, "march", "2026-03-20 14:46"),
        (2026, "september", "2026-09-23 00:05"),
        (2026, "december", "2026-12-21 20:50"),
    ],
)
def test_equinoxes_and_solstices_fall_within_two_minutes_of_the_published_times(year, season, published):
    expected = datetime.strptime(published, "%Y-%m-%d %H:%M").replace(tzinfo=timezone.utc)
    assert abs((season_start(year, season) - expected).total_seconds()) < 120


def test_a_season_starts_at_a_utc_moment():
    assert season_start(2030, "june").utcoffset() == timezone.utc.utcoffset(None)
