"""The span of days an ISO / TimeML date value stands for, at the precision it was written.

"1950-10" is the whole of October 1950, not October 1st: a timeline or a graph draws it
as a month long, so that no value looks more exact than the text that stated it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_SEASONS = {"SP": (3, 6), "SU": (6, 9), "FA": (9, 12), "WI": (12, 15)}  # months, end exclusive
_VALUE = re.compile(
    r"(?P<year>\d{4})(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2}))?"
    r"|W(?P<week>\d{2})|(?P<season>SP|SU|FA|WI)))?(?:T.*)?$"
)


def _month_start(year: int, month: int) -> date:
    """Month 13 and over roll into the next year (a winter runs December to February)."""
    return date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def _one(value: str) -> tuple[date, date] | None:
    if re.fullmatch(r"\d{3}", value):  # a decade: "198" is the 1980s
        first = int(value) * 10
        return date(first, 1, 1), date(first + 10, 1, 1)
    m = _VALUE.match(value)
    if not m:
        return None
    year = int(m["year"])
    try:
        if m["day"]:
            day = date(year, int(m["month"]), int(m["day"]))
            return day, day + timedelta(days=1)
        if m["month"]:
            return _month_start(year, int(m["month"])), _month_start(year, int(m["month"]) + 1)
        if m["week"]:
            monday = date.fromisocalendar(year, int(m["week"]), 1)
            return monday, monday + timedelta(days=7)
        if m["season"]:
            first, last = _SEASONS[m["season"]]
            return _month_start(year, first), _month_start(year, last)
    except ValueError:
        return None
    return date(year, 1, 1), date(year + 1, 1, 1)


# Which part of a year, a decade or a season "early", "mid" and "late" (TimeML START, MID,
# END) name: a year's first quarter, middle half and last quarter; a decade's first four,
# middle three and last three years; a season's first, middle and last month.
_PART_OF_YEAR = {"START": ("01", "03"), "MID": ("04", "09"), "END": ("10", "12")}
_PART_OF_DECADE = {"START": ("0", "3"), "MID": ("4", "6"), "END": ("7", "9")}
_PART_OF_SEASON = {"START": 0, "MID": 1, "END": 2}


def narrowed(value: str, mod: str | None) -> str:
    """The part of ``value`` that "early", "mid" or "late" names, as a range: "late 1950"
    (``1950`` END) is ``1950-10/1950-12``, "the late 1940s" ``1947/1949``, "the late summer of
    1962" ``1962-08``. Other values and modifiers are returned as they are."""
    if mod not in _PART_OF_YEAR:
        return value
    if re.fullmatch(r"\d{3}", value):
        a, b = _PART_OF_DECADE[mod]
        return f"{value}{a}/{value}{b}"
    if re.fullmatch(r"\d{4}", value):
        a, b = _PART_OF_YEAR[mod]
        return f"{value}-{a}/{value}-{b}"
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value)
    if m:
        start = _month_start(int(m[1]), _SEASONS[m[2]][0] + _PART_OF_SEASON[mod])
        return f"{start.year}-{start.month:02d}"
    return value


def bounds(value: str | None) -> tuple[date, date] | None:
    """``(first day, day after the last)`` of a date value or a ``start/end`` range; None
    when there is no value or it cannot be read as days (a duration, a set)."""
    if not value:
        return None
    first, _, last = value.partition("/")
    a, b = _one(first), _one(last or first)
    if a is None or b is None:
        return None
    return a[0], max(a[1], b[1])


def within(inner: str | None, outer: str | None) -> bool:
    """Do all the days of ``inner`` fall inside ``outer`` ("1951-10-25" in "1951-10")?"""
    a, b = bounds(inner), bounds(outer)
    return a is not None and b is not None and b[0] <= a[0] and a[1] <= b[1]


def days_apart(a: str | None, b: str | None) -> int | None:
    """Days between the spans of two values (0 when they overlap); None if one is unread."""
    x, y = bounds(a), bounds(b)
    if x is None or y is None:
        return None
    return max(0, (y[0] - x[1]).days + 1, (x[0] - y[1]).days + 1)


def parts(value: str) -> dict[str, int]:
    """The calendar fields a value states: ``{"year", "month", "day"}`` as far as written."""
    m = _VALUE.match(value)
    if not m:
        return {}
    out = {"year": int(m["year"])}
    if m["month"]:
        out["month"] = int(m["month"])
        if m["day"]:
            out["day"] = int(m["day"])
    return out
