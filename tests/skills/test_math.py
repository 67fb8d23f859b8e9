import json
import time

import pytest

from edge.errors import InputError
from edge.skills.math import MathSkill, format_number, unit_words

SKILL = MathSkill()


def reply(text: str) -> str:
    slots = SKILL.parse(text)
    assert slots is not None, f"{text!r} was not parsed as math"
    return SKILL.run(slots).text


@pytest.mark.parametrize(
    "text, expression",
    [
        ("what is 234 times 7", "234 * 7"),
        ("what's two hundred thirty four times seven", "234 * 7"),
        ("what's fifteen percent of eighty", "percent(15) * 80"),
        ("15% of 80", "percent(15) * 80"),
        ("2 + 2 * 3", "2 + 2 * 3"),
        ("(4 + 5) / 3", "(4 + 5) / 3"),
        ("square root of 144", "sqrt(144)"),
        ("what is the square root of 2", "sqrt(2)"),
        ("cube root of 27", "cbrt(27)"),
        ("10 squared", "10 ** 2"),
        ("3 cubed", "3 ** 3"),
        ("2 to the power of 10", "2 ** 10"),
        ("two to the power of ten", "2 ** 10"),
        ("2 ^ 8", "2 ** 8"),
        ("100 divided by 8", "100 / 8"),
        ("22 over 7", "22 / 7"),
        ("minus 5 plus 12", "-5 + 12"),
        ("seven point five times two", "7.5 * 2"),
        ("6 x 7", "6 * 7"),
        ("10 mod 3", "10 % 3"),
        ("10 % 3", "10 % 3"),
        ("add 5 and 7", "5 + 7"),
        ("subtract 3 from 10", "10 - 3"),
        ("multiply 6 by 7", "6 * 7"),
        ("divide 10 by 4", "10 / 4"),
        ("half of 10", "0.5 * 10"),
        ("what is 1,000 times 3", "1000 * 3"),
        ("Calculate 2+2.", "2 + 2"),
        ("what is 2 + 2?", "2 + 2"),
        ("what does 2 plus 2 equal", "2 + 2"),
        ("how much is 3 and a half times 2", "3.5 * 2"),
    ],
)
def test_arithmetic_is_parsed_into_an_expression(text, expression):
    assert SKILL.parse(text) == {"action": "calculate", "expression": expression}


@pytest.mark.parametrize(
    "text, expression",
    [
        ("what is the sum of 12 and 30", "12 + 30"),
        ("the product of three and five", "3 * 5"),
        ("what's the difference between 100 and 58", "100 - 58"),
        ("the quotient of 81 and 9", "81 / 9"),
        ("seven by eight", "7 * 8"),
        ("share 60 between 4 people", "60 / 4"),
        ("split 90 into 3 equal parts", "90 / 3"),
        ("could you do 14 minus 9", "14 - 9"),
        ("find 20 percent of 45", "percent(20) * 45"),
        ("give me the answer to this sum 8 times 9", "8 * 9"),
    ],
)
def test_named_operations_and_everyday_lead_ins_are_arithmetic_too(text, expression):
    assert SKILL.parse(text) == {"action": "calculate", "expression": expression}


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("what's the sum of four and six", "4 plus 6 is 10."),
        ("can you do nine plus two", "9 plus 2 is 11."),
        ("two by two is", "2 times 2 is 4."),
        ("divide seventy six in two parts", "76 divided by 2 is 38."),
        (
            "show me the answer for this problem two hundred and forty six plus six hundred and fifty four",
            "246 plus 654 is 900.",
        ),
    ],
)
def test_the_requests_of_the_routing_issue_get_their_answer(text, spoken):
    assert reply(text) == spoken


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("what is 234 times 7", "234 times 7 is 1,638."),
        ("what's fifteen percent of eighty", "15 percent of 80 is 12."),
        ("2 + 2 * 3", "2 plus 2 times 3 is 8."),
        ("(4 + 5) / 3", "4 plus 5 divided by 3 is 3."),
        ("square root of 144", "The square root of 144 is 12."),
        ("10 squared", "10 squared is 100."),
        ("2 to the power of 10", "2 to the power of 10 is 1,024."),
        ("100 divided by 8", "100 divided by 8 is 12.5."),
        ("minus 5 plus 12", "Minus 5 plus 12 is 7."),
        ("5 minus 12", "5 minus 12 is minus 7."),
        ("seven point five times two", "7.5 times 2 is 15."),
        ("one divided by three", "1 divided by 3 is 0.3333."),
        ("22 over 7", "22 divided by 7 is 3.1429."),
        ("0.1 + 0.2", "0.1 plus 0.2 is 0.3."),
        ("1 divided by 7000", "1 divided by 7,000 is 0.000143."),
        ("2 to the power of 100", "2 to the power of 100 is about 1.27 times 10 to the power of 30."),
        ("1000000 times 1000000", "1,000,000 times 1,000,000 is 1,000,000,000,000."),
        ("cube root of 27", "The cube root of 27 is 3."),
    ],
)
def test_the_reply_says_the_sum_and_its_answer(text, spoken):
    assert reply(text) == spoken


@pytest.mark.parametrize(
    "text, value, from_unit, to_unit",
    [
        ("convert 5 miles to kilometers", 5.0, "mile", "kilometer"),
        ("what's 5 miles in km", 5.0, "mile", "kilometer"),
        ("how many cups in a liter", 1.0, "liter", "cup"),
        ("how many cups are in a litre", 1.0, "liter", "cup"),
        ("70 fahrenheit in celsius", 70.0, "degree_Fahrenheit", "degree_Celsius"),
        ("what is 70 degrees fahrenheit in celsius", 70.0, "degree_Fahrenheit", "degree_Celsius"),
        ("minus 40 celsius in fahrenheit", -40.0, "degree_Celsius", "degree_Fahrenheit"),
        ("how many ounces is 2 pounds", 2.0, "pound", "ounce"),
        ("how many ounces are in two pounds", 2.0, "pound", "ounce"),
        ("100 km/h in mph", 100.0, "kilometer / hour", "mile / hour"),
        ("100 kilometers per hour in miles per hour", 100.0, "kilometer / hour", "mile / hour"),
        ("1 gigabyte in megabytes", 1.0, "gigabyte", "megabyte"),
        ("convert 2 tablespoons to teaspoons", 2.0, "tablespoon", "teaspoon"),
        ("what is 12 stone in kilograms", 12.0, "stone", "kilogram"),
        ("how many feet in a mile", 1.0, "mile", "foot"),
        ("how many seconds in a day", 1.0, "day", "second"),
        ("how many square feet in an acre", 1.0, "acre", "foot ** 2"),
        ("convert one and a half cups to milliliters", 1.5, "cup", "milliliter"),
        ("5 m in ft", 5.0, "meter", "foot"),
        ("3 feet and 6 inches in feet", 3.5, "foot", "foot"),
    ],
)
def test_conversions_are_parsed_into_pint_units(text, value, from_unit, to_unit):
    slots = SKILL.parse(text)
    slots.pop("said", None)
    assert slots == {"action": "convert", "value": value, "from_unit": from_unit, "to_unit": to_unit}


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("convert 5 miles to kilometers", "5 miles is 8.05 kilometers."),
        ("how many cups in a liter", "1 liter is 4.23 cups."),
        ("70 fahrenheit in celsius", "70 degrees Fahrenheit is 21.11 degrees Celsius."),
        ("minus 40 celsius in fahrenheit", "minus 40 degrees Celsius is minus 40 degrees Fahrenheit."),
        ("how many ounces is 2 pounds", "2 pounds is 32 ounces."),
        ("100 km/h in mph", "100 kilometers per hour is 62.14 miles per hour."),
        ("1 gigabyte in megabytes", "1 gigabyte is 1,000 megabytes."),
        ("how many feet in a mile", "1 mile is 5,280 feet."),
        ("3 feet 2 inches in cm", "3 feet 2 inches is 96.52 centimeters."),
        ("what is 12 stone in kilograms", "12 stone is 76.2 kilograms."),
    ],
)
def test_the_reply_says_the_amount_in_both_units(text, spoken):
    assert reply(text) == spoken


@pytest.mark.parametrize(
    "text",
    [
        "what is the capital of France",
        "what is love",
        "what's the weather like",
        "",
        "   ",
        "asdf qwerty",
        "what is 5",
        "set a timer for 10 minutes",
        "remind me in 5 minutes to stretch",
        "what time is it",
        "how many days until christmas",
        "how many people live in France",
        "what is 12 in binary",
        "what is 5 in spanish",
        "5 miles 3 kilograms in km",
        "x + 1",
        "2(3)",
        "1e999",
        "__import__('os').system('ls')",
        "(1).__class__",
        "[1, 2] * 3",
        "lambda: 1",
        "2 +",
        "1 + " * 200 + "1",
        "do you like music",
        "find my phone",
        "give me a break",
        "the sum of all fears",
        "increase the volume by 2",
    ],
)
def test_text_that_is_not_math_is_not_parsed(text):
    assert SKILL.parse(text) is None


def test_division_by_zero_is_a_spoken_reply():
    for text in ("5 divided by zero", "5 / 0", "10 mod 0", "0 to the power of minus 1"):
        result = SKILL.run(SKILL.parse(text))
        assert (result.text, result.data["error"]) == ("You can't divide by zero.", "division_by_zero")


@pytest.mark.parametrize(
    "text",
    [
        "9**9**9",
        "what is 9 to the power of 9 to the power of 9",
        "10 ** 1000",
        "2 to the power of 100000",
        "10 ** 200 * 10 ** 200",
        "10.0 ** 400",
    ],
)
def test_huge_results_are_refused_at_once(text):
    start = time.perf_counter()
    result = SKILL.run(SKILL.parse(text))
    assert (result.text, result.data["error"]) == ("That number is too big for me to work out.", "too_large")
    assert time.perf_counter() - start < 0.1


@pytest.mark.parametrize("text", ["square root of minus 4", "(-8) ** 0.5"])
def test_sums_without_a_real_answer_say_so(text):
    assert reply(text) == "That has no answer in real numbers."


def test_incompatible_units_are_a_spoken_reply():
    result = SKILL.run(SKILL.parse("5 miles in kilograms"))
    assert result.text == "I can't convert miles to kilograms: they measure different things."
    assert result.data["error"] == "incompatible_units"


def test_an_unknown_unit_in_slots_is_a_spoken_reply():
    result = SKILL.run({"action": "convert", "value": 1, "from_unit": "mile", "to_unit": "furlongish"})
    assert result.data["error"] == "unknown_unit"


def test_expressions_in_slots_are_checked_again_before_evaluating():
    result = SKILL.run({"action": "calculate", "expression": "__import__('os').getcwd()"})
    assert (result.text, result.data["error"]) == ("I couldn't work that out.", "not_arithmetic")


def test_a_template_match_is_used_and_the_whole_text_is_the_fallback():
    assert SKILL.parse("what is 2 plus 2", {"expression": "2 plus 2"}) == {"action": "calculate", "expression": "2 + 2"}
    converted = SKILL.parse("how many cups in a liter", {"expression": "cups in a liter"})
    assert converted == {"action": "convert", "value": 1.0, "from_unit": "liter", "to_unit": "cup"}
    assert SKILL.parse("what is the capital of France", {"expression": "the capital of France"}) is None


def test_slots_and_data_are_plain_json():
    for text in ("what is 234 times 7", "convert 5 miles to kilometers", "5 / 0"):
        slots = SKILL.parse(text)
        json.dumps(slots)
        json.dumps(SKILL.run(slots).data)


def test_the_result_is_in_the_reply_data():
    assert SKILL.run(SKILL.parse("234 times 7")).data["result"] == 1638
    assert SKILL.run(SKILL.parse("5 miles in km")).data["result"] == pytest.approx(8.04672)


def test_an_unknown_action_is_an_input_error():
    with pytest.raises(InputError, match="no action"):
        SKILL.run({"action": "integrate"})


@pytest.mark.parametrize(
    "value, decimals, spoken",
    [
        (1638, 4, "1,638"),
        (12.5, 4, "12.5"),
        (2.0, 4, "2"),
        (1 / 3, 4, "0.3333"),
        (8.04672, 2, "8.05"),
        (1000.0, 2, "1,000"),
        (0.000142857, 4, "0.000143"),
        (-7, 4, "minus 7"),
        (0, 4, "0"),
        (0.0, 2, "0"),
        (2**100, 4, "about 1.27 times 10 to the power of 30"),
        (1.5e-9, 4, "about 1.5 times 10 to the power of minus 9"),
    ],
)
def test_numbers_are_rounded_for_speaking(value, decimals, spoken):
    assert format_number(value, decimals) == spoken


@pytest.mark.parametrize(
    "unit, count, spoken",
    [
        ("mile", 1, "mile"),
        ("mile", 2, "miles"),
        ("foot", 2, "feet"),
        ("inch", 0.5, "inches"),
        ("stone", 3, "stone"),
        ("degree_Fahrenheit", 70, "degrees Fahrenheit"),
        ("kilometer / hour", 100, "kilometers per hour"),
        ("foot ** 2", 10, "square feet"),
        ("meter ** 3", 1, "cubic meter"),
        ("fluid_ounce", 8, "fluid ounces"),
        ("century", 2, "centuries"),
    ],
)
def test_units_are_said_in_words(unit, count, spoken):
    assert unit_words(unit, count) == spoken


@pytest.mark.parametrize(
    "text, answer",
    [
        ("can you tell me what 30% off 279 is, please", "70 percent of 279 is 195.3."),
        ("what is an 18 percent tip on 20 dollars", "18 percent of 20 is 3.6."),
        ("tip on 60 dollars at 18 percent", "18 percent of 60 is 10.8."),
        ("what is the tax on 100 dollars at 8.5 percent", "8.5 percent of 100 is 8.5."),
        ("i need to know what is 85% of $1,500", "85 percent of 1,500 is 1,275."),
        ("what is 3/4 of 18", "3 divided by 4 times 18 is 13.5."),
        ("what is 8 factorial", "8 factorial is 40,320."),
        ("what is 10 to the 12th power", "10 to the power of 12 is 1,000,000,000,000."),
        ("how many times can 12 go into 600", "600 divided by 12 is 50."),
        ("what do you get if you divide 3 by 2", "3 divided by 2 is 1.5."),
        ("what is the sum of 3 plus 5", "3 plus 5 is 8."),
        ("what is the sum of 3, 7, 9, and 24", "3 plus 7 plus 9 plus 24 is 43."),
        ("please add up 456 and 781 for me", "456 plus 781 is 1,237."),
        ("what is 80980 + 098098", "80,980 plus 98,098 is 179,078."),
    ],
)
def test_everyday_ways_of_asking_for_a_sum_are_worked_out(text, answer):
    assert reply(text) == answer


def test_a_factorial_needs_a_whole_number_and_stays_in_range():
    assert reply("what is 200 factorial") == "That number is too big for me to work out."
    assert reply("factorial of 0") == "0 factorial is 1."


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("how do you convert pounds to grams", "1 pound is 453.59 grams."),
        ("convert inch to cm", "1 inch is 2.54 centimeters."),
        ("what's the conversion between cups and tablespoons", "1 cup is 16 tablespoons."),
        ("is there an easy way to turn feet into inches", "1 foot is 12 inches."),
        ("give me kilos to pounds", "1 kilogram is 2.2 pounds."),
    ],
)
def test_a_conversion_asked_without_an_amount_is_given_for_one_unit(text, spoken):
    assert reply(text) == spoken


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("how do i convert inches and centimeters", "1 inch is 2.54 centimeters."),
        ("help me to understand the conversion between tablespoons and teaspoons", "1 tablespoon is 3 teaspoons."),
        ("what's the difference between a kilogram and a pound", "1 kilogram is 2.2 pounds."),
        ("what is the relationship between litres and gallons", "1 liter is 0.264 gallons, and 1 gallon is 3.79 liters."),
    ],
)
def test_two_units_named_beside_a_word_of_conversion_are_given_for_one_unit(text, spoken):
    assert reply(text) == spoken


@pytest.mark.parametrize(
    "text", ["what's the difference between a frog and a toad", "how do i convert my money into euros", "compare inches"]
)
def test_a_word_of_conversion_without_two_units_of_one_kind_is_not_a_conversion(text):
    assert SKILL.parse(text) is None


def test_a_unit_worth_less_than_one_of_the_other_is_said_both_ways():
    assert reply("how would i go about converting inches to yards") == "1 inch is 0.0278 yards, and 1 yard is 36 inches."


def test_scales_with_different_zeros_are_given_as_a_rule():
    assert (
        reply("convert celsius to fahrenheit") == "To convert degrees Celsius to degrees Fahrenheit, multiply by 1.8 and add 32."
    )
    assert reply("convert kelvin to celsius") == "To convert kelvin to degrees Celsius, subtract 273.15."


def test_an_amount_asked_for_in_several_units_as_a_question_of_need():
    assert reply("how many inches and centimeters would i need if i had 10 feet of something") == (
        "10 feet is 120 inches, or 304.8 centimeters."
    )


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("can you tell me the square root of pi", "The square root of pi is 1.7725."),
        ("what is 2 times pi", "2 times pi is 6.2832."),
    ],
)
def test_pi_is_a_number(text, spoken):
    assert reply(text) == spoken


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("how many square feet is a 13 by 74 room", "13 times 74 is 962."),
        ("what is the area of a 20 x 20 room", "20 times 20 is 400."),
        ("area of a 12 ft by 10 ft room", "12 times 10 is 120."),
    ],
)
def test_the_area_of_a_room_is_its_sides_multiplied(text, spoken):
    assert reply(text) == spoken


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("what amount of meters are in 3 kilometers", "3 kilometers is 3,000 meters."),
        ("what would four inches be in centimeters", "4 inches is 10.16 centimeters."),
        ("if i have 2 gallons, how many quarts is that", "2 gallons is 8 quarts."),
        ("6 feet is equal to how many inches", "6 feet is 72 inches."),
        ("how many teaspoons are in half a cup", "0.5 cups is 24 teaspoons."),
        ("how do i convert 2 and a half cups to milliliters", "2.5 cups is 591.47 milliliters."),
    ],
)
def test_other_ways_of_asking_for_a_conversion_with_an_amount(text, spoken):
    assert reply(text) == spoken


def test_ounces_beside_a_volume_are_fluid_ounces():
    assert reply("how do you convert milliliters to ounces").startswith("1 milliliter is 0.0338 fluid ounces, and 1 fluid ounce")


@pytest.mark.parametrize("text", ["convert this to a list", "what is love in french", "give me bread to eat"])
def test_words_that_are_not_two_units_are_not_a_conversion(text):
    assert SKILL.parse(text) is None


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("what is the remainder when 521 is divided by 3", "521 modulo 3 is 2."),
        ("take five and divide it by two", "5 divided by 2 is 2.5."),
        ("solution for eighty one divided by nine", "81 divided by 9 is 9."),
        ("solve this equation one plus one", "1 plus 1 is 2."),
        ("what's the sum of the two numbers four and six", "4 plus 6 is 10."),
        ("can you add up thirteen plus five plus nine", "13 plus 5 plus 9 is 27."),
    ],
)
def test_more_ways_of_asking_for_a_calculation(text, spoken):
    assert reply(text) == spoken


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("four divided by two equals two", "Yes, 4 divided by 2 is 2."),
        ("three times two equals seven", "No, 3 times 2 is 6, not 7."),
        ("is 10 minus 4 equal to 6", "Yes, 10 minus 4 is 6."),
    ],
)
def test_a_sum_said_with_its_answer_is_checked(text, spoken):
    assert reply(text) == spoken


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("what is the result of two by two", "2 times 2 is 4."),
        ("how much is remaining after subtracting four from eight", "8 minus 4 is 4."),
        ("how many threes are there in twenty seven", "27 divided by 3 is 9."),
        ("if i have fifty dollars and spend twenty four how many dollars will i have left", "50 minus 24 is 26."),
        ("if i have 3 apples and buy 4 more how many apples do i have", "3 plus 4 is 7."),
        ("what is the sine of 30 degrees", "The sine of 30 degrees is 0.5."),
        ("cos 60", "The cosine of 60 degrees is 0.5."),
        ("what is the tangent of 90 degrees", "The tangent of 90 degrees is undefined."),
    ],
)
def test_word_problems_and_angles_with_explicit_numbers(text, spoken):
    assert reply(text) == spoken


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("is 126 divisible by 7", "Yes, 126 is divisible by 7: 126 divided by 7 is 18."),
        ("is 126 divisible by 8", "No, 126 divided by 8 leaves 6."),
        ("is 5 divisible by 0", "Nothing is divisible by zero."),
    ],
)
def test_divisibility_is_answered_yes_or_no(text, spoken):
    assert reply(text) == spoken


@pytest.mark.parametrize("text", ["what is ten usd in euros", "how many pounds sterling for one dollar", "the exchange rate"])
def test_money_between_currencies_is_declined(text):
    assert SKILL.declines(text)


def test_money_in_one_currency_is_arithmetic():
    assert not SKILL.declines("what is 20 percent of 50 dollars")


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("what is two thirds of ninety", "2 thirds of 90 is 60."),
        ("what is three quarters of one sixth", "3 quarters of 1 sixth is 0.125."),
        ("one half plus one third", "1 half plus 1 third is 0.8333."),
        ("what is a tenth of 500", "1 tenth of 500 is 50."),
        ("half of 1 third", "0.5 times 1 third is 0.1667."),
        ("what is 5 divided by 2", "5 divided by 2 is 2.5."),
    ],
)
def test_fractions_said_in_words_are_worked_out_and_said_as_fractions(text, spoken):
    assert reply(text) == spoken


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("what is the square root of 1 million", "The square root of 1,000,000 is 1,000."),
        ("2.5 million times 3", "2,500,000 times 3 is 7,500,000."),
        ("what is 1 million twelve hundred divided by 400 thousand", "1,001,200 divided by 400,000 is 2.503."),
    ],
)
def test_digits_before_a_scale_word_are_one_number(text, spoken):
    assert reply(text) == spoken


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("split 90 dollars three ways", "90 divided by 3 is 30."),
        ("if we win 200000 how do we split it 8 ways", "200,000 divided by 8 is 25,000."),
        ("divide seventy six in two parts", "76 divided by 2 is 38."),
    ],
)
def test_splitting_an_amount_some_ways_is_a_division(text, spoken):
    assert reply(text) == spoken


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("what's 10 inches in centimeters and millimeters", "10 inches is 25.4 centimeters, or 254 millimeters."),
        ("how many tablespoons and teaspoons is one cup", "1 cup is 16 tablespoons, or 48 teaspoons."),
        ("5 miles in kilometers and kilograms", "I can't convert miles to kilograms: they measure different things."),
    ],
)
def test_an_amount_asked_in_several_units_is_given_in_each(text, spoken):
    assert reply(text) == spoken


@pytest.mark.parametrize(
    "text",
    ["what is the derivative of x squared plus 5", "can you factor x squared plus 4 x plus 4", "can you do algebra"],
)
def test_algebra_and_calculus_are_declined_in_words_not_left_to_a_guess(text):
    assert reply(text) == "I can only work out sums with numbers, not algebra or calculus."


@pytest.mark.parametrize("text", ["what is a derivative in finance", "what is the speed limit on route b"])
def test_the_words_of_calculus_without_a_variable_are_not_algebra(text):
    assert SKILL.parse(text) is None


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("round 3.14159 to two decimals", "3.14159 rounded to 2 decimal places is 3.14."),
        ("round 2.675 to 2 decimal places", "2.675 rounded to 2 decimal places is 2.68."),
        ("round 47 to the nearest ten", "47 rounded to the nearest 10 is 50."),
        ("what is 18.5 rounded", "18.5 rounded to the nearest whole number is 19."),
        ("round up 2.1", "2.1 rounded up to the nearest whole number is 3."),
        ("round down 7.9", "7.9 rounded down to the nearest whole number is 7."),
        ("round 5.55 to the nearest tenth", "5.55 rounded to the nearest 0.1 is 5.6."),
    ],
)
def test_a_number_is_rounded_as_at_school_halves_up(text, spoken):
    assert reply(text) == spoken


def test_a_number_too_long_for_floats_is_still_rounded_without_an_error():
    assert reply("round 123456789012345678901234567890123456.7 to the nearest ten").endswith(
        "is about 1.23 times 10 to the power of 35."
    )
