"""Choosing among overlapping candidate spans: the first in priority order wins its ground."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


def non_overlapping(ranked: Iterable[T], span: Callable[[T], tuple[int, int]]) -> list[T]:
    """Keep each item whose ``[start, end)`` overlaps none kept before it; return them in text order.

    ``ranked`` comes best first (e.g. longest first). Kept spans are held sorted, so
    each check looks only at its two neighbours.
    """
    starts: list[int] = []
    ends: list[int] = []
    kept: list[tuple[int, T]] = []
    for item in ranked:
        start, end = span(item)
        i = bisect_left(starts, start)
        if i > 0 and ends[i - 1] > start:
            continue
        if i < len(starts) and starts[i] < end:
            continue
        starts.insert(i, start)
        ends.insert(i, end)
        kept.insert(i, (start, item))
    return [item for _, item in kept]
