"""Page and folio ranges written in full: "75-7" -> "75-77", "821-22" -> "821-822"."""

from __future__ import annotations

import re

_RANGE = re.compile(r"(\d+)\s*[-–—]\s*(\d+)")


def expand_range(first: str, last: str) -> str:
    """``("75", "7")`` -> ``"75-77"``: an abbreviated end takes the start's leading digits."""
    if len(last) < len(first):
        last = first[: len(first) - len(last)] + last
    return f"{first}-{last}"


def expand_ranges(pages: str) -> str:
    """Every range in a page list written in full, dashes made plain: "126, 159–60" -> "126, 159-160"."""
    return _RANGE.sub(lambda m: expand_range(m.group(1), m.group(2)), pages.strip())
