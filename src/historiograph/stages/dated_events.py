"""Events and periods the field dates without being told (``data/dated_events.toml``): "two
days after hostilities began" counts from June 25, 1950; "on the day that the Incheon landing
operation was carried out" is September 15, 1950; "during World War II" is 1939-1945."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import TypeVar

T = TypeVar("T")


@dataclass(slots=True, frozen=True)
class Period:
    name: str
    start: str  # ISO, at the precision historians give it ("1939")
    end: str
    began: str  # the start known more closely ("1950-06"), else ``start``
    ended: str


@cache
def _data() -> dict:
    return tomllib.loads(
        resources.files("historiograph.data").joinpath("dated_events.toml").read_text("utf-8")
    )


@cache
def _periods(lead: str) -> list[tuple[str, Period]]:
    """(folded phrase, period) read after ``lead``, the longest phrase first: a place that
    names its conference (``at``: "at Yalta") only after "at" ("in Yalta" is the town)."""
    pairs = []
    for p in _data().get("period", []):
        period = Period(
            p["name"], p["from"], p["to"], p.get("began", p["from"]), p.get("ended", p["to"])
        )
        phrases = p["phrases"] + (p.get("at", []) if lead == "at" else [])
        pairs += [(phrase.casefold(), period) for phrase in phrases]
    return sorted(pairs, key=lambda p: -len(p[0]))


def period_at(text: str, pos: int, lead: str = "") -> tuple[int, int, Period] | None:
    """(start, end, period) of a named period whose phrase begins at ``pos`` (after spaces),
    read after ``lead`` ("during", "at" …)."""
    return _phrase_at(text, pos, _periods("at" if lead.casefold() == "at" else ""))


@cache
def _phrases() -> list[tuple[str, date]]:
    """(folded phrase, date), the longest phrase first."""
    data = _data()
    pairs = [
        (phrase.casefold(), date.fromisoformat(ev["date"]))
        for ev in data["event"]
        for phrase in ev["phrases"]
    ]
    return sorted(pairs, key=lambda p: -len(p[0]))


_SPACES = re.compile(r"\s*")


def named_at(text: str, pos: int) -> tuple[int, int, date] | None:
    """(start, end, date) of a dated event whose phrase begins at ``pos`` (after spaces)."""
    return _phrase_at(text, pos, _phrases())


def _phrase_at(text: str, pos: int, pairs: list[tuple[str, T]]) -> tuple[int, int, T] | None:
    """The first of ``pairs`` (folded phrase, what it names; longest first) printed at
    ``pos`` after spaces, as a whole word: (start, end, what it names)."""
    start = _SPACES.match(text, pos).end()  # type: ignore[union-attr]
    ahead = text[start : start + 100].casefold()
    for phrase, named in pairs:
        if ahead.startswith(phrase) and not ahead[len(phrase) : len(phrase) + 1].isalnum():
            return start, start + len(phrase), named
    return None
