"""Arithmetic and unit conversion, said or typed: evaluated over a whitelist of ``ast`` nodes, converted with pint."""

from __future__ import annotations

import ast
import operator
import re
from collections.abc import Callable, Mapping
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal, localcontext
from functools import cache, lru_cache
from math import copysign, cos, factorial, floor, isclose, isfinite, log10, pi, radians, sin, sqrt, tan
from typing import TYPE_CHECKING, Any

from edge.errors import InputError
from edge.skills.base import Skill, SkillReply, Slots
from edge.skills.spoken import capitalized, normalize_numbers

if TYPE_CHECKING:
    import pint

Number = int | float

MAX_MAGNITUDE = 1e300
MAX_CHARS = 300

_LEAD_IN = re.compile(
    r"^(?:(?:what do you get if you|"
    r"hey|ok|okay|so|um|uh|please|can you|could you|would you|will you|tell me|tell|quickly|calculate|compute|work out|"
    r"figure out|solve|evaluate|convert|what is|what are|what does|what do|how much is|how much are|how much does|do|"
    r"(?:the )?(?:solution|answer) (?:for|to|of)|(?:answer|solve) (?:this |the )?(?:equation|problem|sum)|"
    r"(?:the )?(?:result|value) of|how (?:do|would|can|should) (?:i|you|we)|"
    r"find|give me|show me|the answer (?:to|for|of)|(?:to |for )?this (?:problem|sum|calculation|equation)|answer|"
    r"i (?:need|want|would like|'d like|wanna) to know|i wanna know|let me know|provide|if you|what(?= [\d$(-]))\s+)+"
)
_TRAIL = re.compile(r"(?:\s*\b(?:please|for me|equals?|equal to|make|come to|is)\b|\s*[=?!,]|\s*\.(?!\d))+$")
_MONEY = re.compile(r"\$\s*(?=\d)|(?<=\d) (?:dollars?|bucks|euros?|pounds? sterling)\b|(?<=\d),(?=\d{3}\b)")
_LEADING_ZEROS = re.compile(r"\b0+(?=\d)")


def _percent_off(match: re.Match[str]) -> str:
    return f"percent({format_number(100 - float(match[1]))}) *"


def _sum_of_list(match: re.Match[str]) -> str:
    return " + ".join(re.findall(r"\d+(?:\.\d+)?", match[1]))


_HAVING = r"^if (?:i|you|we|he|she|they) (?:have|has|had) (\d+(?:\.\d+)?)(?: [a-z]+)? and (?:i |you |we |he |she |they )?"
"""The start of a word problem: "if I have 50 dollars and ..."; what is done next decides the operation."""

_LENGTH = r"(?:feet|foot|ft|meters?|metres?|m|yards?|yds?|inch(?:es)?|in|centimeters?|centimetres?|cm|miles?|kilometers?|km)"
_VERB_FORMS: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"^(?:the )?(?:sum|total) of ((?:\d+(?:\.\d+)?,? (?:and )?){2,}\d+(?:\.\d+)?)$", _sum_of_list),
        (r"^(?:the )?(?:sum|total|result|value) of (.+? (?:plus|minus|times|divided by|multiplied by|over|[-+*/x]) .+)$", r"\1"),
        (r"^how many times (?:can|does|will|do|would) (.+?) (?:go|fit) into (.+)$", r"(\2) / (\1)"),
        (r"^add (?:up |together )?(.+ (?:plus|\+) .+)$", r"\1"),
        (r"^(?:the )?remainder (?:when|if|of) (.+?) (?:is )?divided by (.+)$", r"(\1) % (\2)"),
        (r"^(?:how much is )?(?:left |remaining )?after subtracting (.+?) from (.+)$", r"(\2) - (\1)"),
        (r"^(?:what )?(?:percentage|percent|%) (?:is )?(.+?) (?:is )?of (.+)$", r"(\1) / (\2) * 100"),
        (r"^how many (\d+(?:\.\d+)?)s? (?:are|is|go|fit) (?:there |available )?in(?:to)? (.+)$", r"(\2) / (\1)"),
        (
            rf"{_HAVING}(?:spend|spent|lose|lost|give away|gave away|eat|ate|use|used|sell|sold|give|gave|take away"
            r"|took away|pay|paid) (\d+(?:\.\d+)?)(?: [a-z]+)?,? how (?:many|much)\b.*\bleft$",
            r"(\1) - (\2)",
        ),
        (
            rf"{_HAVING}(?:buy|bought|get|got|find|found|receive|received|earn|earned|add|added|make|made) (\d+(?:\.\d+)?)"
            r"(?: more)?(?: [a-z]+)?,? how (?:many|much)\b.*$",
            r"(\1) + (\2)",
        ),
        (r"^take (.+?) and (?:divide|split) (?:it|that) (?:by|into) (.+)$", r"(\1) / (\2)"),
        (r"^take (.+?) and multiply (?:it|that) by (.+)$", r"(\1) * (\2)"),
        (r"^take (.+?) and (?:add|plus) (.+)$", r"(\1) + (\2)"),
        (r"^take (.+?) and subtract (.+)$", r"(\1) - (\2)"),
        (r"^add (?:up )?(.+?) (?:to|and) (.+)$", r"(\1) + (\2)"),
        (r"^subtract (.+?) from (.+)$", r"(\2) - (\1)"),
        (r"^multiply (.+?) (?:by|and|times) (.+)$", r"(\1) * (\2)"),
        (r"^divide (.+?) by (.+)$", r"(\1) / (\2)"),
        (
            r"^(?:divide|split|share) (.+?) (?:in |into |between |among )?(.+?) (?:equal )?(?:parts|pieces|ways|people)$",
            r"(\1) / (\2)",
        ),
        (
            r"^if (?:i|you|we|they) (?:win|won|have|had|get|got|earn|earned|make|made|inherit|inherited|receive|received)"
            r" (\d+(?:\.\d+)?)(?: [a-z]+)?,? (?:and )?how (?:do|would|can|should|could) (?:i|you|we|they) (?:divide|split|share)"
            r" (?:it|that|this|them) (?:in |into |between |among )?(\d+) (?:equal )?(?:parts|pieces|ways|people)$",
            r"(\1) / (\2)",
        ),
        (
            rf"^(?:(?:the )?(?:area|size|square footage) of|how many square {_LENGTH}s? (?:is|are|in|does .+ have)?)"
            rf" (?:an? |the |my )?(\d+(?:\.\d+)?)(?: ?{_LENGTH})? (?:by|x) (\d+(?:\.\d+)?)(?: ?{_LENGTH})?(?: [a-z]+)?$",
            r"(\1) * (\2)",
        ),
        (r"^(?:the )?sum of (.+?) and (.+)$", r"(\1) + (\2)"),
        (r"^(?:the )?product of (.+?) and (.+)$", r"(\1) * (\2)"),
        (r"^(?:the )?difference (?:between|of) (.+?) and (.+)$", r"(\1) - (\2)"),
        (r"^(?:the )?quotient of (.+?) (?:and|by) (.+)$", r"(\1) / (\2)"),
        (r"^(.+?)(?<!divided)(?<!multiplied) by (.+)$", r"\1 * \2"),
    )
)
_WORDS_TO_SYMBOLS: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"\b(?:per ?cent|percent|percentages?)\b", "%"),
        (r"(\d+(?:\.\d+)?)\s*% off(?: of)?\b", _percent_off),
        (r"\b(?:an? )?(\d+(?:\.\d+)?)\s*% (?:tip|tax|discount) (?:on|for|of)\b", r"percent(\1) *"),
        (r"\b(?:the |a )?(?:tip|tax|discount) (?:on|for|of) (.+?) (?:at|of|with) (\d+(?:\.\d+)?)\s*%", r"percent(\2) * \1"),
        (r"(\d+(?:\.\d+)?)\s*% of\b", r"percent(\1) *"),
        (r"\b(\d+) ?/ ?(\d+) of\b", r"(\1 / \2) *"),
        (r"\b(?:the )?factorial of (\d+)|\b(\d+) factorial\b|\b(\d+)!", r"factorial(\1\2\3)"),
        (r"\bto the (\d+)(?:st|nd|rd|th)? power\b", r"** \1"),
        (r"(\d+(?:\.\d+)?)\s*%(?=\s*(?:$|[-+*/)]))", r"percent(\1)"),
        (r"\b(?:the )?square root of\b", "sqrt"),
        (r"\b(?:the )?cube root of\b", "cbrt"),
        (r"\bhalf of\b", "0.5 *"),
        (r"\b(?:to the power of|raised to the power of|raised to|to the power)\b|\^", "**"),
        (r"\bsquared\b", "** 2"),
        (r"\bcubed\b", "** 3"),
        (r"\b(?:multiplied by|times|x)\b|×", "*"),
        (r"\b(?:divided by|over)\b|÷", "/"),
        (r"\bplus\b", "+"),
        (r"\b(?:minus|negative)\b|−", "-"),
        (r"\b(?:mod|modulo|modulus)\b", "%"),
        (r"\b(?:the )?(sin|cos|tan)(?:e|ine|gent)?(?: of)?\b", r"\1"),
        (r"\b(sqrt|cbrt|sin|cos|tan)\s*(-?\s*\d+(?:\.\d+)?)(?: degrees?)?", r"\1(\2)"),
        (r"\b(sqrt|cbrt) pi\b", r"\1(pi)"),
    )
)
_ARITHMETIC_CHARS = re.compile(r"[\d.\s+\-*/%()]*")


class _Unanswerable(Exception):
    """A well-formed sum with no answer worth saying: the reply says why."""

    def __init__(self, reason: str, reply: str) -> None:
        super().__init__(reply)
        self.reason = reason
        self.reply = reply


def _too_large() -> _Unanswerable:
    return _Unanswerable("too_large", "That number is too big for me to work out.")


def _not_real() -> _Unanswerable:
    return _Unanswerable("not_real", "That has no answer in real numbers.")


def _cube_root(x: Number) -> float:
    return copysign(abs(x) ** (1 / 3), x)


def _square_root(x: Number) -> float:
    if x < 0:
        raise _not_real()
    return sqrt(x)


def _tangent(degrees: Number) -> float:
    if (degrees - 90) % 180 == 0:
        raise _Unanswerable("undefined", f"The tangent of {format_number(degrees)} degrees is undefined.")
    return round(tan(radians(degrees)), 12)


def _factorial(n: Number) -> int:
    if n < 0 or n != int(n):
        raise _Unanswerable("not_whole", "A factorial needs a whole number that is not negative.")
    if n > 170:
        raise _too_large()
    return factorial(int(n))


def _power(base: Number, exponent: Number) -> Number:
    if abs(base) not in (0, 1) and exponent * log10(abs(base)) > log10(MAX_MAGNITUDE):
        raise _too_large()
    return base**exponent


_BINARY: dict[type[ast.operator], Callable[[Number, Number], Number]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Mod: operator.mod,
    ast.Pow: _power,
}
_UNARY: dict[type[ast.unaryop], Callable[[Number], Number]] = {ast.USub: operator.neg, ast.UAdd: operator.pos}
_FUNCTIONS: dict[str, Callable[[Number], Number]] = {
    "sqrt": _square_root,
    "cbrt": _cube_root,
    "abs": abs,
    "percent": lambda x: x / 100,
    "factorial": _factorial,
    "sin": lambda x: round(sin(radians(x)), 12),
    "cos": lambda x: round(cos(radians(x)), 12),
    "tan": lambda x: _tangent(x),
}
_CONSTANTS = {"pi": pi}
_OPERATOR_WORDS = {
    ast.Add: "plus",
    ast.Sub: "minus",
    ast.Mult: "times",
    ast.Div: "divided by",
    ast.Mod: "modulo",
    ast.Pow: "to the power of",
}
_FUNCTION_WORDS = {
    "sqrt": "the square root of {}",
    "cbrt": "the cube root of {}",
    "abs": "the absolute value of {}",
    "percent": "{} percent",
    "factorial": "{} factorial",
    "sin": "the sine of {} degrees",
    "cos": "the cosine of {} degrees",
    "tan": "the tangent of {} degrees",
}


def _checked(value: Any) -> Number:
    if isinstance(value, complex):
        raise _not_real()
    if isinstance(value, float) and not isfinite(value) or abs(value) > MAX_MAGNITUDE:
        raise _too_large()
    return value


def _evaluate(node: ast.AST) -> Number:
    if isinstance(node, ast.Expression):
        return _evaluate(node.body)
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return _checked(node.value)
    if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        return _checked(_BINARY[type(node.op)](_evaluate(node.left), _evaluate(node.right)))
    if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY:
        return _checked(_UNARY[type(node.op)](_evaluate(node.operand)))
    if isinstance(node, ast.Call) and (function := _function(node)):
        return _checked(function(_evaluate(node.args[0])))
    if isinstance(node, ast.Name) and node.id in _CONSTANTS:
        return _CONSTANTS[node.id]
    raise ValueError(f"{type(node).__name__} is not arithmetic")


def _function(node: ast.AST) -> Callable[[Number], Number] | None:
    """The function of _FUNCTIONS a call with one positional argument names, else None."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and len(node.args) == 1 and not node.keywords:
        return _FUNCTIONS.get(node.func.id)
    return None


def _is_arithmetic(tree: ast.Expression) -> bool:
    allowed = (ast.Expression, ast.Constant, ast.BinOp, ast.UnaryOp, ast.Call, ast.Name, ast.Load, *_BINARY, *_UNARY)
    nodes = list(ast.walk(tree))
    return (
        all(isinstance(n, allowed) for n in nodes)
        and all(_function(n) for n in nodes if isinstance(n, ast.Call))
        and all(type(n.value) in (int, float) for n in nodes if isinstance(n, ast.Constant))
        and sum(isinstance(n, ast.Name) and n.id not in _CONSTANTS for n in nodes) == sum(isinstance(n, ast.Call) for n in nodes)
        and any(isinstance(n, (ast.BinOp, ast.Call)) for n in nodes)
    )


def _parse_expression(expression: str) -> ast.Expression | None:
    if len(expression) > MAX_CHARS:
        return None
    try:
        tree = ast.parse(expression.strip(), mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    return tree if _is_arithmetic(tree) else None


def format_number(value: Number, decimals: int = 4) -> str:
    """ "1,638", "12.5", "0.3333", "minus 7", "about 1.27 times 10 to the power of 30": at most ``decimals`` places
    (three significant digits below 1), no trailing zeros."""
    if value < 0:
        return f"minus {format_number(-value, decimals)}"
    if isinstance(value, int) and value < 1e15:
        return f"{value:,}"
    if value == 0:
        return "0"
    if value >= 1e15 or value < 1e-6:
        exponent = floor(log10(value))
        return f"about {float(value) / 10**exponent:.3g} times 10 to the power of {format_number(exponent)}"
    places = max(decimals, 2 - floor(log10(value)))
    return f"{round(value, places):,.{places}f}".rstrip("0").rstrip(".")


_PARTS = ("", "", "half", "third", "quarter", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth")


def _proper_fraction(node: ast.AST) -> str | None:
    """ "3 quarters", "1 sixth": a fraction said as one, when a division of two small whole numbers is part of a sum."""
    if not (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div)):
        return None
    top, bottom = (n.value if isinstance(n, ast.Constant) else None for n in (node.left, node.right))
    if not (type(top) is int and type(bottom) is int and 0 < top < bottom < len(_PARTS)):
        return None
    part = _PARTS[bottom]
    return f"{top} {part}" if top == 1 else f"{top} {'halves' if part == 'half' else part + 's'}"


def _say(node: ast.AST, fractions: bool = False) -> str:
    """The sum in words, as it was asked; with ``fractions`` (said in words), "3 / 4" is said "3 quarters"."""
    if isinstance(node, ast.Expression):
        return _say(node.body, fractions)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return format_number(node.value)
    if isinstance(node, ast.UnaryOp):
        said = _say(node.operand, fractions)
        return f"minus {said}" if isinstance(node.op, ast.USub) else said
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return _FUNCTION_WORDS[node.func.id].format(_say(node.args[0], fractions))
    if isinstance(node, ast.BinOp):
        left, right = node.left, node.right
        if fractions and (parts := [_proper_fraction(side) for side in (left, right)]) and any(parts):
            said_left, said_right = (part or _say(side, fractions) for part, side in zip(parts, (left, right), strict=True))
            joined = "of" if isinstance(node.op, ast.Mult) and parts[0] else _OPERATOR_WORDS[type(node.op)]
            return f"{said_left} {joined} {said_right}"
        if isinstance(node.op, ast.Pow) and isinstance(right, ast.Constant) and right.value in (2, 3):
            return f"{_say(left, fractions)} {'squared' if right.value == 2 else 'cubed'}"
        if isinstance(node.op, ast.Mult) and isinstance(left, ast.Call) and getattr(left.func, "id", "") == "percent":
            return f"{_say(left, fractions)} of {_say(right, fractions)}"
        return f"{_say(left, fractions)} {_OPERATOR_WORDS[type(node.op)]} {_say(right, fractions)}"
    return ast.unparse(node)


_ROUND_AND_REST = re.compile(r"(?<![\d.])(\d+?)(0{3,}) (\d+)\b(?!\.\d)")
"""A round number said in digits and the rest in words: "1 million twelve hundred" is "1000000 1200" by now."""
_FRACTION = re.compile(
    r"\b(?P<count>\d+|an?) (?P<part>halves|half|thirds?|quarters?|fourths?|(?:[3-9]|[1-9]\d)(?:rd|th)s?)\b(?P<of> of\b)?"
)
"""A fraction said in words, by now "3 quarters", "1 6th", "2 3rds", "a 10th"."""
_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "quarter": 4, "fourth": 4}


def _round_and_rest(match: re.Match[str]) -> str:
    head, zeros, rest = match.groups()
    return str(int(head + zeros) + int(rest)) if len(rest) <= len(zeros) else match[0]


def _spoken_fraction(match: re.Match[str]) -> str:
    count = "1" if match["count"] in ("a", "an") else match["count"]
    part = match["part"]
    denominator = _DENOMINATORS.get(part) or _DENOMINATORS.get(part.removesuffix("s")) or int(re.sub(r"\D", "", part))
    return f"({count} / {denominator}){' *' if match['of'] else ''}"


def _clean(text: str) -> str:
    text = normalize_numbers(text.lower().replace("’", "'").replace("what's", "what is").replace("whats", "what is"))
    text = _ROUND_AND_REST.sub(_round_and_rest, re.sub(r"\s+", " ", text).strip())
    return _TRAIL.sub("", _LEAD_IN.sub("", text)).strip()


_DIVISIBLE = re.compile(r"^(?:is|are) (?P<dividend>.+?) (?:evenly |exactly )?divisible by (?P<divisor>.+)$")
"""A divisibility question: "is 126 divisible by 8"."""
_CURRENCY = re.compile(
    r"\b(?:u\.? ?s\.? ?d|usd|eur|euros?|gbp|g\.? ?b\.? ?p|dollars?|pounds? sterling|rupees?|yen|yuan|pesos?|rials?|francs?"
    r"|bitcoins?)\b|\b(?:exchange rate|currency|currencies)\b"
)
"""Money in two currencies is an exchange rate, which changes daily and is not known offline."""
_CLAIM = re.compile(r"^(?:is )?(?P<expression>.+?) (?:equals?|is equal to|is|makes|=|equal to) (?P<claim>-?\d+(?:\.\d+)?)$")
"""A sum said with its answer, to be checked: "four divided by two equals two"."""
_NUMBERS_NAMED = re.compile(r"\b(?:the )?(?:two |following )?numbers\b ?")


def _arithmetic(text: str) -> str | None:
    text = _NUMBERS_NAMED.sub("", _LEADING_ZEROS.sub("", _MONEY.sub("", text)))
    for pattern, replacement in _VERB_FORMS:
        text = pattern.sub(replacement, text)
    for pattern, replacement in _WORDS_TO_SYMBOLS:
        text = pattern.sub(replacement, text)
    if not _ARITHMETIC_CHARS.fullmatch(re.sub(r"\b(?:sqrt|cbrt|abs|percent|factorial|sin|cos|tan)\(|\bpi\b", "(", text)):
        return None
    tree = _parse_expression(text)
    return ast.unparse(tree) if tree else None


@cache
def unit_registry() -> pint.UnitRegistry[Any]:
    """One registry for the process: building it takes about 0.4 s."""
    import pint

    return pint.UnitRegistry()


_UNIT_ALIASES = {
    **dict.fromkeys(("f", "°f", "fahrenheit", "degree fahrenheit", "degrees fahrenheit", "farenheit"), "degF"),
    **dict.fromkeys(("c", "°c", "celsius", "centigrade", "degree celsius", "degrees celsius", "degrees centigrade"), "degC"),
    **dict.fromkeys(("kelvin", "kelvins", "degrees kelvin"), "kelvin"),
    **dict.fromkeys(("km/h", "kmh", "kph", "kilometers per hour", "kilometres per hour", "kilometers an hour"), "kilometer/hour"),
    **dict.fromkeys(("mph", "mi/h", "miles per hour", "miles an hour"), "mile/hour"),
    **dict.fromkeys(("m/s", "meters per second", "metres per second"), "meter/second"),
    **dict.fromkeys(("m", "metre", "metres"), "meter"),
    **dict.fromkeys(("knot", "knots", "kn", "kt"), "knot"),
    **dict.fromkeys(("kb", "kilobyte", "kilobytes"), "kilobyte"),
    **dict.fromkeys(("mb", "megabyte", "megabytes"), "megabyte"),
    **dict.fromkeys(("gb", "gig", "gigs", "gigabyte", "gigabytes"), "gigabyte"),
    **dict.fromkeys(("tb", "terabyte", "terabytes"), "terabyte"),
    **dict.fromkeys(("fl oz", "fluid ounce", "fluid ounces"), "fluid_ounce"),
    **dict.fromkeys(("stone", "stones", "st"), "stone"),
    **dict.fromkeys(("tonne", "tonnes", "metric ton", "metric tons"), "metric_ton"),
    **dict.fromkeys(("kwh", "kilowatt hour", "kilowatt hours"), "kilowatt_hour"),
    **dict.fromkeys(("sq ft", "square foot", "square feet"), "foot**2"),
    **dict.fromkeys(("sq m", "square meter", "square meters", "square metre", "square metres"), "meter**2"),
    **dict.fromkeys(("sq km", "square kilometer", "square kilometers", "square kilometres"), "kilometer**2"),
    **dict.fromkeys(("square mile", "square miles", "sq mi"), "mile**2"),
    **dict.fromkeys(("cubic meter", "cubic meters", "cubic metre", "cubic metres"), "meter**3"),
    **dict.fromkeys(("cubic foot", "cubic feet"), "foot**3"),
    **dict.fromkeys(("cc", "cubic centimeter", "cubic centimeters"), "centimeter**3"),
    **dict.fromkeys(("gallons", "gal"), "gallon"),
    **dict.fromkeys(("kilo", "kilos"), "kilogram"),
    **dict.fromkeys(("celcius", "celsisus", "degrees celcius"), "degC"),
    **dict.fromkeys(("imperial gallon", "imperial gallons", "uk gallon", "uk gallons"), "imperial_gallon"),
}
_NOT_UNITS = frozenset({"a", "an", "as", "at", "in", "is", "it", "of", "on", "or", "to", "the", "and", "me", "my"})
_PLURALS = {"foot": "feet", "inch": "inches", "century": "centuries", "stone": "stone", "hertz": "hertz", "kelvin": "kelvin"}

_CONVERSIONS = (
    re.compile(r"(?P<amount>.+?) (?:to|into|in|as|is how many) (?P<target>[^\d]+)"),
    re.compile(
        r"how many (?P<target>[^\d]+?) (?:are there |is there |are |is |do you get )?"
        r"(?:in|is|are|make|makes|per|to|equals?) (?P<amount>.+)"
    ),
)
_CONVERSION_FORMS = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"\b(?:a )?half (?:of )?an? ", "0.5 "),
        (r"\b(\d+) and (?:a )?half ", r"\1.5 "),
        (r"\ban? (?=\d)", ""),
        (
            r"^(?:how (?:do|can|would|should) (?:i|you|we) |tell me how to |help me )?(?:convert|change|turn)"
            r" (.*\d.*?) (?:to|into|in) (.+)$",
            r"\1 in \2",
        ),
        (r"^(?:what|which) (?:amount|number) of (.+?) (?:are|is) (?:there )?in (.+)$", r"how many \1 in \2"),
        (
            r"^(?:the )?(?:total |correct |exact )?(?:number|amount) of (.+?) (?:that )?(?:are |is )?(?:there )?in (.+)$",
            r"how many \1 in \2",
        ),
        (r"^how many (.+?) (?:are|is) (?:equivalent|equal) to (.+)$", r"how many \1 in \2"),
        (r"^how many (.+?) make up(?: in)? (.+)$", r"how many \1 in \2"),
        (r"^what (?:would|will|does|is) (.+?) (?:be|make|come to) in (.+)$", r"\1 in \2"),
        (r"^if (?:i|you|we) have (.+?),? how many (.+?) (?:is|are) (?:that|those|they|it)$", r"\1 in \2"),
        (r"^(.+?) (?:is|are) (?:equal to|equivalent to|the same as) how many (.+)$", r"\1 in \2"),
        (r"^(?:the )?equivalent of (.+?) (?:to|in) (.+)$", r"\1 in \2"),
        (
            r"^how many (.+?) would (?:i|you|we) (?:need|get|have) if (?:i|you|we) (?:had|have|needed) (.+?)(?: of [a-z ]+)?$",
            r"\2 in \1",
        ),
    )
)
"""Other ways of asking for a conversion, rewritten as "how many X in Y" or "Y in X"."""
_PER_UNIT = re.compile(
    r"^(?:(?:how (?:do|can|would|should|could) (?:you|i|we|one)|tell me how to|help me(?: to)?"
    r"|is there an? (?:easy|simple|quick) way to|what is the (?:proper |correct |best |right |easiest )?way to"
    r"|i need to know how to|how to)(?: go about)? )?"
    r"(?:convert(?:ing)?|change|changing|turn|go from|get from) (?P<source>[a-z ]+?) (?:to|into|in|and) (?P<target>[a-z ]+)$"
    r"|^(?:(?:what|which) (?:is|would be) )?(?:the )?conversion (?:rate |factor )?(?:between|from|of|for) (?P<source2>[a-z ]+?)"
    r" (?:and|to|into|in) (?P<target2>[a-z ]+)$"
    r"|^how (?:are|is) (?P<source3>[a-z ]+?) converted (?:to|into) (?P<target3>[a-z ]+)$"
    r"|^(?:give me |i need )?(?P<source4>[a-z ]+?) (?:to|into|in(?! an? | one )) (?P<target4>[a-z ]+)$"
)
"""A conversion asked without an amount ("how do you convert pounds to grams"): it is answered for one unit."""
_SYMBOLIC = re.compile(
    r"\b(?:derivative|differentiate|integral|integrate|antiderivative|factori[sz]e|factor|simplify|expand|solve for|limit)"
    r"\b.*\b[xyzn]\b|\b(?:do|know|help (?:me )?with) (?:algebra|calculus)\b"
)
"""Algebra and calculus, on letters rather than numbers, which no local model can be trusted with."""
_NUMBER = r"-?\d+(?:\.\d+)?"
_ROUND = re.compile(
    rf"^(?:round(?: (?P<how>off|up|down))? (?P<value>{_NUMBER})|(?P<value2>{_NUMBER}) rounded(?: (?P<how2>off|up|down))?)"
    r"(?: to(?: the nearest)? (?:(?P<places>\d+) (?:decimals?|decimal places?|places?|digits? after the (?:decimal )?point|dp)"
    r"|(?P<part>10|100|1000)th|(?P<step>\d+)|(?:whole number|integer|number|unit)))?$"
)
"""A number rounded: "round 3.14159 to 2 decimals", "47 rounded to the nearest 10", "round up 2.1"."""
_RELATION_CUE = re.compile(
    r"\b(?:conver(?:t|ts|ting|sion|sions)|difference between|relation(?:ship)? between|equivalen(?:t|ce|cy)|compare"
    r"|comparison|ratio between)\b"
)
_QUANTITY = re.compile(r"(?P<value>-?\d+(?:\.\d+)?|\ban?(?= ))\s*(?P<unit>[^\d]+)")


def _pint_unit(name: str) -> str | None:
    try:
        return str(unit_registry().parse_units(name))
    except Exception:
        return None


def _unit(phrase: str) -> str | None:
    phrase = re.sub(r"\s+", " ", phrase).strip(" .,")
    phrase = re.sub(r"^(?:the|of|and)\s+|\s+(?:and|please)$", "", phrase)
    if phrase in _UNIT_ALIASES:
        return _pint_unit(_UNIT_ALIASES[phrase])
    if len(phrase) < 2 or phrase in _NOT_UNITS or len(phrase.split()) > 3:
        return None
    if " per " in phrase:
        numerator, _, denominator = phrase.partition(" per ")
        parts = (_unit(numerator), _unit(denominator))
        return _pint_unit(f"({parts[0]}) / ({parts[1]})") if all(parts) else None
    return _pint_unit(phrase.replace(" ", "_"))


def _amount(amount: str) -> tuple[float, str] | None:
    """The value and unit of "5 miles", "a liter" or "3 feet 2 inches" (summed in the first unit)."""
    matches = list(_QUANTITY.finditer(amount))
    if not matches or "".join(m.group(0) for m in matches) != amount:
        return None
    values = [1.0 if m["value"] in ("a", "an") else float(m["value"]) for m in matches]
    units = [_unit(m["unit"]) for m in matches]
    first = units[0]
    if first is None or None in units:
        return None
    try:
        return sum(float(unit_registry().Quantity(v, u).to(first).magnitude) for v, u in zip(values, units, strict=True)), first
    except Exception:
        return None


def _conversion(text: str) -> Slots | None:
    for form, replacement in _CONVERSION_FORMS:
        text = form.sub(replacement, text)
    for pattern in _CONVERSIONS:
        match = pattern.fullmatch(text)
        if not match or not re.search(r"\d|\ban? ", match["amount"]):
            continue
        said = re.sub(r"\b(?:minus|negative) (?=\d)", "-", match["amount"])
        amount = _amount(said)
        targets = _targets(match["target"]) if amount else None
        if amount and targets:
            source, target = _fluid(amount[1], targets[0])
            also = {"also": [_fluid(amount[1], other)[1] for other in targets[1:]]} if len(targets) > 1 else {}
            compound = {"said": said} if len(_QUANTITY.findall(said)) > 1 else {}
            return {"action": "convert", "value": amount[0], "from_unit": source, "to_unit": target, **also, **compound}
    return _per_unit(text)


def _targets(phrase: str) -> list[str] | None:
    """The unit asked for, or each of several: "centimeters and millimeters", "pounds, ounces and grams"."""
    if unit := _unit(phrase):
        return [unit]
    units = [_unit(part) for part in re.split(r",? and |, ", phrase)]
    return [unit for unit in units if unit] if len(units) > 1 and all(units) else None


def _rounding(text: str) -> Slots | None:
    if not (match := _ROUND.match(text)):
        return None
    step = 1 / int(match["part"]) if match["part"] else float(match["step"] or 1)
    places = int(match["places"]) if match["places"] else None
    if places is not None and places > 12 or step <= 0:
        return None
    how = match["how"] or match["how2"] or "off"
    value = float(match["value"] or match["value2"])
    return {"action": "round", "value": value, "how": how, **({"places": places} if places is not None else {"step": step})}


def _per_unit(text: str) -> Slots | None:
    """One of a unit in another, when both are units of the same kind: "convert inches to centimeters"."""
    if not (match := _PER_UNIT.match(text)):
        return None
    source, target = (group for group in match.groups() if group)
    return _one_in(_unit(_singular(source)), _unit(_singular(target)))


def _unit_relation(text: str) -> Slots | None:
    """Two units named beside a word of conversion, with no amount: "help me understand the conversion between
    tablespoons and teaspoons", "the difference between inches and centimeters"."""
    if re.search(r"\d", text) or not _RELATION_CUE.search(text):
        return None
    units = _named_units(text)
    return _one_in(*units) if len(units) == 2 else None


def _named_units(text: str) -> list[str]:
    """The units ``text`` names in full ("inches", "square feet", "litres") or by a known abbreviation, in order."""
    words = re.findall(r"[a-z°/]+", text)
    found: list[str] = []
    at = 0
    while at < len(words):
        for size in (3, 2, 1):
            if at + size <= len(words) and (unit := _spelled_unit(" ".join(words[at : at + size]))):
                found += [unit] if unit not in found else []
                at += size
                break
        else:
            at += 1
    return found


@lru_cache(maxsize=4096)
def _spelled_unit(phrase: str) -> str | None:
    """The unit ``phrase`` is the name of, singular or plural; not a word pint merely reads as one ("in", "a")."""
    if phrase in _UNIT_ALIASES:
        return _pint_unit(_UNIT_ALIASES[phrase]) if len(phrase) > 2 else None
    if phrase in _NOT_UNITS:
        return None
    unit = _pint_unit(phrase.replace(" ", "_"))
    american = re.sub(r"tre(s?)$", r"ter\1", phrase)
    return unit if unit and american in (unit, _pluralize(unit)) else None


def _one_in(source_unit: str | None, target_unit: str | None) -> Slots | None:
    """How many of ``target_unit`` make one ``source_unit``, when both are units of the same kind."""
    if source_unit is None or target_unit is None or source_unit == target_unit:
        return None
    source_unit, target_unit = _fluid(source_unit, target_unit)
    try:
        _factor(source_unit, target_unit)
    except Exception:
        return None
    return {"action": "convert", "value": 1.0, "from_unit": source_unit, "to_unit": target_unit, "per_unit": True}


def _factor(source_unit: str, target_unit: str, value: float = 1.0) -> float:
    return float(unit_registry().Quantity(value, source_unit).to(target_unit).magnitude)


def _fluid(source: str, target: str) -> tuple[str, str]:
    """Ounces beside a volume are fluid ounces: "milliliters to ounces"."""
    volume = unit_registry().get_dimensionality("[length] ** 3")
    dimensions = [unit_registry().parse_units(unit).dimensionality for unit in (source, target)]
    if volume in dimensions:
        return tuple("fluid_ounce" if unit == "ounce" else unit for unit in (source, target))  # type: ignore[return-value]
    return source, target


def _singular(phrase: str) -> str:
    return re.sub(r"^(?:an?|one|the) ", "", phrase.strip())


def _pluralize(word: str) -> str:
    if word in _PLURALS:
        return _PLURALS[word]
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def unit_words(unit: str, count: float) -> str:
    """How to say a pint unit after a number: "kilometer / hour", 2 → "kilometers per hour"."""
    words = re.sub(r"(\w+) \*\* 2", r"square \1", re.sub(r"(\w+) \*\* 3", r"cubic \1", unit))
    words = words.replace(" / ", " per ").replace("_per_", " per ").replace("_", " ")
    head, per, rest = words.partition(" per ")
    if count != 1:
        nouns = head.split(" ")
        main = 0 if nouns[0] == "degree" else -1
        nouns[main] = _pluralize(nouns[main])
        head = " ".join(nouns)
    return f"{head}{per}{rest}"


class MathSkill(Skill):
    name = "math"
    clarification = "I heard a calculation but couldn't make out all of it: which numbers, and what should I do with them?"

    def load(self) -> None:
        unit_registry()

    def declines(self, text: str) -> bool:
        lower = text.lower()
        said = {m.group().rstrip("s") for m in _CURRENCY.finditer(lower)}
        return len(said) >= 2 or bool(re.search(r"\b(?:exchange rate|currency|currencies)\b", lower))

    def parse(self, text: str, matched: Mapping[str, str] | None = None) -> Slots | None:
        candidates = [matched["expression"]] if matched and matched.get("expression") else []
        for candidate in [*candidates, text]:
            clean = _clean(candidate)
            if not clean or len(clean) > MAX_CHARS:
                continue
            if slots := _conversion(clean) or _unit_relation(normalize_numbers(candidate.lower())) or _rounding(clean):
                return slots
            clean, said = _FRACTION.sub(_spoken_fraction, clean), {"fractions": True} if _FRACTION.search(clean) else {}
            if (divisible := _DIVISIBLE.match(clean)) and (
                expression := _arithmetic(f"({divisible['dividend']}) % ({divisible['divisor']})")
            ):
                return {"action": "calculate", "expression": expression, "divisible": True}
            if (claimed := _CLAIM.match(clean)) and (expression := _arithmetic(claimed["expression"])):
                return {"action": "calculate", "expression": expression, "claim": float(claimed["claim"]), **said}
            if expression := _arithmetic(clean):
                return {"action": "calculate", "expression": expression, **said}
        return {"action": "symbolic"} if _SYMBOLIC.search(text.lower()) else None

    def run(self, slots: Slots) -> SkillReply:
        if slots.get("action") == "round":
            return self._round(float(slots["value"]), str(slots.get("how") or "off"), slots.get("places"), slots.get("step"))
        if slots.get("action") == "symbolic":
            return self._reply("symbolic", "I can only work out sums with numbers, not algebra or calculus.")
        if slots.get("action") == "calculate" and slots.get("divisible"):
            return self._divisible(str(slots["expression"]))
        if slots.get("action") == "calculate":
            return self._calculate(str(slots["expression"]), slots.get("claim"), bool(slots.get("fractions")))
        if slots.get("action") == "convert" and slots.get("per_unit"):
            from_unit, to_unit = str(slots["from_unit"]), str(slots["to_unit"])
            return self._rule(from_unit, to_unit) or self._both_ways(from_unit, to_unit)
        if slots.get("action") == "convert":
            to_units = [slots["to_unit"], *slots.get("also", [])]
            return self._convert(float(slots["value"]), str(slots["from_unit"]), to_units, slots.get("said"))
        raise InputError(f"the math skill has no action {slots.get('action')!r}", "pass the slots MathSkill.parse returned")

    def _reply(self, action: str, text: str, **data: Any) -> SkillReply:
        return SkillReply(self.name, action, text, data)

    def _calculate(self, expression: str, claim: float | None = None, fractions: bool = False) -> SkillReply:
        tree = _parse_expression(expression)
        if tree is None:
            return self._reply("calculate", "I couldn't work that out.", expression=expression, error="not_arithmetic")
        try:
            result = _evaluate(tree)
        except ZeroDivisionError:
            return self._reply("calculate", "You can't divide by zero.", expression=expression, error="division_by_zero")
        except _Unanswerable as exc:
            return self._reply("calculate", exc.reply, expression=expression, error=exc.reason)
        except OverflowError:
            return self._reply("calculate", _too_large().reply, expression=expression, error="too_large")
        if isinstance(result, float) and result.is_integer() and abs(result) < 1e15:
            result = int(result)
        said = f"{_say(tree, fractions)} is {format_number(result)}"
        if claim is None:
            return self._reply("calculate", f"{capitalized(said)}.", expression=expression, result=result)
        right = isclose(result, claim, rel_tol=1e-9, abs_tol=1e-9)
        text = f"Yes, {said}." if right else f"No, {said}, not {format_number(claim)}."
        return self._reply("calculate", text, expression=expression, result=result, claim=claim, right=right)

    def _divisible(self, expression: str) -> SkillReply:
        """ "Yes, 126 is divisible by 7: 126 divided by 7 is 18." / "No, 126 divided by 8 leaves 6." """
        tree = _parse_expression(expression)
        if tree is None or not isinstance(tree.body, ast.BinOp):
            return self._reply("calculate", "I couldn't work that out.", expression=expression, error="not_arithmetic")
        try:
            dividend, divisor = _evaluate(tree.body.left), _evaluate(tree.body.right)
            remainder = _checked(dividend % divisor)
        except ZeroDivisionError:
            return self._reply("calculate", "Nothing is divisible by zero.", expression=expression, error="division_by_zero")
        a, b = format_number(dividend), format_number(divisor)
        if remainder == 0:
            text = f"Yes, {a} is divisible by {b}: {a} divided by {b} is {format_number(dividend / divisor)}."
        else:
            text = f"No, {a} divided by {b} leaves {format_number(remainder)}."
        return self._reply("calculate", text, expression=expression, result=remainder == 0)

    def _round(self, value: float, how: str, places: int | None, step: float | None) -> SkillReply:
        """ "3.14159 rounded to 2 decimal places is 3.14."; halves go up, as taught at school, not to the even."""
        unit = Decimal(1).scaleb(-places) if places is not None else Decimal(str(step or 1))
        mode = {"up": ROUND_CEILING, "down": ROUND_FLOOR}.get(how, ROUND_HALF_UP)
        with localcontext() as context:
            context.prec = 2 * MAX_CHARS
            rounded = (Decimal(str(value)) / unit).quantize(Decimal(1), rounding=mode) * unit
        result: Number = int(rounded) if rounded == rounded.to_integral_value() else float(rounded)
        if places is not None:
            to = f"{places} decimal place{'s' if places != 1 else ''}"
        else:
            to = "the nearest whole number" if unit == 1 else f"the nearest {format_number(float(unit), 12)}"
        direction = f" {how}" if how in ("up", "down") else ""
        said = format_number(value, 12)
        text = f"{said} rounded{direction} to {to} is {format_number(result, max(places or 0, 4))}."
        return self._reply("round", text, value=value, result=result)

    def _rule(self, from_unit: str, to_unit: str) -> SkillReply | None:
        """How to convert between scales with different zeros (temperatures), where one of a unit in the other says
        little; None for units that are simply proportional."""
        try:
            offset = _factor(from_unit, to_unit, 0.0)
            scale = _factor(from_unit, to_unit) - offset
        except Exception:
            return None
        if offset == 0:
            return None
        steps = [] if isclose(scale, 1) else [f"multiply by {format_number(scale)}"]
        steps.append(f"{'add' if offset > 0 else 'subtract'} {format_number(abs(offset), 2)}")
        text = f"To convert {unit_words(from_unit, 2)} to {unit_words(to_unit, 2)}, {' and '.join(steps)}."
        data = {"from_unit": from_unit, "to_unit": to_unit, "scale": scale, "offset": offset}
        return self._reply("convert", text, **data)

    def _both_ways(self, from_unit: str, to_unit: str) -> SkillReply:
        """ "1 inch is 0.0278 yards, and 1 yard is 36 inches.": one of the larger unit is said too."""
        reply = self._convert(1.0, from_unit, [to_unit])
        result = reply.data.get("result")
        if not result or result >= 1:
            return reply
        inverse = 1 / result
        text = (
            f"{reply.text[:-1]}, and 1 {unit_words(to_unit, 1)} is {format_number(inverse, 2)} {unit_words(from_unit, inverse)}."
        )
        return self._reply("convert", text, **reply.data)

    def _convert(self, value: float, from_unit: str, to_units: list[str], said: str | None = None) -> SkillReply:
        """ "10 inches is 25.4 centimeters.", or with several units asked for, "..., or 254 millimeters."; ``said`` is
        an amount in more than one unit as it was asked ("5 feet 10 inches"), ``value`` its sum in ``from_unit``."""
        import pint

        data: dict[str, Any] = {"value": value, "from_unit": from_unit, "to_unit": to_units[0]}
        said = said or f"{format_number(value, 2)} {unit_words(from_unit, value)}"
        results: list[float] = []
        for to_unit in to_units:
            try:
                results.append(float(unit_registry().Quantity(value, from_unit).to(to_unit).magnitude))
            except pint.DimensionalityError:
                text = f"I can't convert {unit_words(from_unit, 2)} to {unit_words(to_unit, 2)}: they measure different things."
                return self._reply("convert", text, **data, error="incompatible_units")
            except (pint.UndefinedUnitError, ValueError, AttributeError):
                return self._reply("convert", "I don't know one of those units.", **data, error="unknown_unit")
        amounts = [
            f"{format_number(result, 2)} {unit_words(unit, result)}" for unit, result in zip(to_units, results, strict=True)
        ]
        if len(to_units) > 1:
            data["also"] = [{"to_unit": unit, "result": result} for unit, result in zip(to_units[1:], results[1:], strict=True)]
        return self._reply("convert", f"{said} is {', or '.join(amounts)}.", **data, result=results[0])
