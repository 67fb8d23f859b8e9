"""The moments of the equinoxes and solstices, computed as in Jean Meeus, Astronomical Algorithms (2nd ed.), chapter 27:
within a minute of the published times for the years 1000 to 3000."""

from __future__ import annotations

import math
from datetime import datetime, timedelta, timezone
from typing import Literal

Season = Literal["march", "june", "september", "december"]

_MEAN_TERMS: dict[Season, tuple[float, ...]] = {
    "march": (2451623.80984, 365242.37404, 0.05169, -0.00411, -0.00057),
    "june": (2451716.56767, 365241.62603, 0.00325, 0.00888, -0.00030),
    "september": (2451810.21715, 365242.01767, -0.11575, 0.00337, 0.00078),
    "december": (2451900.05952, 365242.74049, -0.06223, -0.00823, 0.00032),
}
"""Meeus table 27.B: the mean equinox or solstice as a Julian Ephemeris Day, a polynomial in millennia from 2000."""

_PERIODIC_TERMS = (
    (485, 324.96, 1934.136), (203, 337.23, 32964.467), (199, 342.08, 20.186), (182, 27.85, 445267.112),
    (156, 73.14, 45036.886), (136, 171.52, 22518.443), (77, 222.54, 65928.934), (74, 296.72, 3034.906),
    (70, 243.58, 9037.513), (58, 119.81, 33718.147), (52, 297.17, 150.678), (50, 21.02, 2281.226),
    (45, 247.54, 29929.562), (44, 325.15, 31555.956), (29, 60.93, 4443.417), (18, 155.12, 67555.328),
    (17, 288.79, 4562.452), (16, 198.04, 62894.029), (14, 199.76, 31436.921), (12, 95.39, 14577.848),
    (12, 287.11, 31931.756), (12, 320.81, 34777.259), (9, 227.73, 1222.114), (8, 15.45, 16859.074),
)  # fmt: skip
"""Meeus table 27.C: amplitude A, phase B and rate C (degrees) of the periodic corrections."""

_J2000 = 2451545.0
_J2000_UTC = datetime(2000, 1, 1, 12, tzinfo=timezone.utc)


def season_start(year: int, season: Season) -> datetime:
    """The UTC moment of the equinox ("march", "september") or solstice ("june", "december") of ``year``."""
    millennia = (year - 2000) / 1000
    mean = sum(c * millennia**power for power, c in enumerate(_MEAN_TERMS[season]))
    centuries = (mean - _J2000) / 36525
    w = math.radians(35999.373 * centuries - 2.47)
    delta_lambda = 1 + 0.0334 * math.cos(w) + 0.0007 * math.cos(2 * w)
    corrections = sum(a * math.cos(math.radians(b + c * centuries)) for a, b, c in _PERIODIC_TERMS)
    ephemeris_day = mean + 0.00001 * corrections / delta_lambda
    return _J2000_UTC + timedelta(days=ephemeris_day - _J2000, seconds=-_delta_t(year))


def _delta_t(year: int) -> float:
    """Seconds by which terrestrial time runs ahead of UTC (Espenak and Meeus' fits); a minute at most matters here."""
    t = year - 2000
    if 2005 <= year < 2050:
        return 62.92 + 0.32217 * t + 0.005589 * t**2
    u = (year - 1820) / 100
    return -20 + 32 * u**2
