"""Names as misprinted: an abbreviation or surname one print error off the one meant.

"JYMZIW" for JYMZW and "ZEFW" for ZEJW are one edit away from an abbreviation the article
defined; "Turkunov" for Torkunov one edit from a surname it cited. A near miss counts only
when it is the single candidate and shares the first letter; anything further stays
unmatched rather than guessed.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz.distance import Levenshtein


def close(a: str, b: str) -> bool:
    """One print error apart (two in a word of eight letters or more), same first letter."""
    if not a or not b or a[0] != b[0]:
        return False
    return Levenshtein.distance(a, b) <= (2 if min(len(a), len(b)) >= 8 else 1)


def abbreviation_for(name: str, abbreviations: Iterable[str]) -> str | None:
    """The defined abbreviation ``name`` prints: itself, its head ("CWIHP Bulletin" ->
    CWIHP), or one print error off it. Two near misses resolve to nothing."""
    known = set(abbreviations)
    if name in known:
        return name
    head = name.split()[0] if name.split() else ""
    if head in known and len(head) >= 3:
        return head
    near = [a for a in known if len(a) >= 3 and close(name, a)]
    return near[0] if len(near) == 1 else None
