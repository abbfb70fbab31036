"""Events the field dates without being told (``data/dated_events.toml``): "two days after
hostilities began" counts from June 25, 1950; "on the day that the Incheon landing operation
was carried out" is September 15, 1950."""

from __future__ import annotations

import re
import tomllib
from datetime import date
from functools import cache
from importlib import resources


@cache
def _phrases() -> list[tuple[str, date]]:
    """(folded phrase, date), the longest phrase first."""
    data = tomllib.loads(
        resources.files("historiograph.data").joinpath("dated_events.toml").read_text("utf-8")
    )
    pairs = [
        (phrase.casefold(), date.fromisoformat(ev["date"]))
        for ev in data["event"]
        for phrase in ev["phrases"]
    ]
    return sorted(pairs, key=lambda p: -len(p[0]))


_SPACES = re.compile(r"\s*")


def named_at(text: str, pos: int) -> tuple[int, int, date] | None:
    """(start, end, date) of a dated event whose phrase begins at ``pos`` (after spaces)."""
    start = _SPACES.match(text, pos).end()  # type: ignore[union-attr]
    ahead = text[start : start + 80].casefold()
    for phrase, day in _phrases():
        if ahead.startswith(phrase) and not ahead[len(phrase) : len(phrase) + 1].isalnum():
            return start, start + len(phrase), day
    return None
