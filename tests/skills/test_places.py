import pytest

from edge.skills.places import Place, find_place, home, zone_city


@pytest.mark.parametrize(
    "text, name, zone",
    [
        ("orlando florida", "Orlando", "America/New_York"),
        ("Orlando, FL", "Orlando", "America/New_York"),
        ("sacramento california", "Sacramento", "America/Los_Angeles"),
        ("paris texas", "Paris", "America/Chicago"),
        ("springfield illinois", "Springfield", "America/Chicago"),
        ("tbilisi georgia", "Tbilisi", "Asia/Tbilisi"),
        ("new york city", "New York City", "America/New_York"),
        ("london", "London", "Europe/London"),
        ("washington", "Washington", "America/New_York"),
        ("sydney australia", "Sydney", "Australia/Sydney"),
    ],
)
def test_a_city_is_found_alone_or_with_its_state_or_country(text, name, zone):
    assert find_place(text) == Place(name, zone)


@pytest.mark.parametrize(
    "text, name, zone",
    [
        ("glenwood springs, co", "Colorado", "America/Denver"),
        ("Fredericksburg, TX", "Texas", "America/Chicago"),
        ("smallville kansas", "Kansas", "America/Chicago"),
    ],
)
def test_a_town_too_small_to_know_is_answered_with_the_state_it_is_said_in(text, name, zone):
    assert find_place(text) == Place(name, zone)


@pytest.mark.parametrize(
    "text, name, zone",
    [
        ("california", "California", "America/Los_Angeles"),
        ("alabama", "Alabama", "America/Chicago"),
        ("arizona", "Arizona", "America/Phoenix"),
        ("florida", "Florida", "America/New_York"),
        ("japan", "Japan", "Asia/Tokyo"),
        ("india", "India", "Asia/Kolkata"),
        ("the uk", "the United Kingdom", "Europe/London"),
        ("england", "the United Kingdom", "Europe/London"),
        ("russia", "Moscow", "Europe/Moscow"),
        ("usa", "Washington", "America/New_York"),
    ],
)
def test_a_state_or_country_keeps_the_time_of_its_largest_city_or_capital(text, name, zone):
    assert find_place(text) == Place(name, zone)


@pytest.mark.parametrize(
    "text, name, zone",
    [
        ("eastern", "Eastern Time", "America/New_York"),
        ("eastern standard time", "Eastern Time", "America/New_York"),
        ("pacific time zone", "Pacific Time", "America/Los_Angeles"),
        ("central daylight time", "Central Time", "America/Chicago"),
        ("the east coast", "Eastern Time", "America/New_York"),
        ("est", "EST", "America/New_York"),
        ("e.s.t.", "EST", "America/New_York"),
        ("pdt", "PDT", "America/Los_Angeles"),
        ("ist", "IST", "Asia/Kolkata"),
        ("cet", "CET", "Europe/Paris"),
        ("jst", "JST", "Asia/Tokyo"),
        ("gmt", "GMT", "GMT"),
        ("utc", "UTC", "UTC"),
        ("utc plus 2", "UTC+2", "Etc/GMT-2"),
        ("gmt-5", "GMT-5", "Etc/GMT+5"),
        ("hawaii", "Hawaii Time", "Pacific/Honolulu"),
    ],
)
def test_a_time_zone_is_found_by_the_name_or_abbreviation_people_say(text, name, zone):
    assert find_place(text) == Place(name, zone, is_zone=True)


@pytest.mark.parametrize("text", ["narnia", "the morning", "here", "", "asia minor", "utc plus 20"])
def test_what_is_not_a_place_is_none(text):
    assert find_place(text) is None


def test_without_alternate_names_common_words_are_not_cities():
    assert find_place("bank") is not None
    assert find_place("bank", alternate_names=False) is None
    assert find_place("tokyo", alternate_names=False) == Place("Tokyo", "Asia/Tokyo")


@pytest.mark.parametrize(
    "text, latitude, longitude",
    [("paris", 48.9, 2.3), ("florida", 30.3, -81.7), ("japan", 35.7, 139.7), ("orlando fl", 28.5, -81.4)],
)
def test_a_city_state_or_country_carries_the_coordinates_of_its_city(text, latitude, longitude):
    place = find_place(text)
    assert place is not None and place.coordinates is not None
    assert place.coordinates == pytest.approx((latitude, longitude), abs=0.1)


def test_a_zone_has_no_coordinates_of_its_own_but_its_city_does():
    assert find_place("eastern").coordinates is None
    assert zone_city("America/New_York").coordinates == pytest.approx((40.7, -74.0), abs=0.1)
    assert zone_city("UTC") is None


def test_home_is_the_city_of_this_devices_zone(local_zone):
    local_zone("Europe/Berlin")
    assert home().name == "Berlin"
    local_zone("UTC")
    assert home() is None


@pytest.mark.parametrize(
    "people, country",
    [
        ("japanese", "Japan"), ("peruvian", "Peru"), ("german", "Germany"), ("turkish", "Turkey"), ("icelandic", "Iceland"),
        ("south african", "South Africa"), ("new zealander", "New Zealand"), ("israeli", "Israel"), ("thai", "Thailand"),
        ("portuguese time zone", "Portugal"),
    ],
)  # fmt: skip
def test_a_country_is_found_by_what_its_people_are_called(people, country):
    place = find_place(people)
    assert place is not None and place.zone == find_place(country).zone


@pytest.mark.parametrize("word", ["berliner", "polisher"])
def test_a_word_that_only_ends_like_a_demonym_names_no_country(word):
    assert find_place(word, alternate_names=False) is None
