"""Finding footnote reference markers.

Superscript digits (``¹⁴``) and Markdown references (``[^14]``) say what they
are. In text extracted from a PDF the superscript is lost and the digits are
glued to the text ("negotiations.24", "Zhu6") or stand after a space
("proceedings. 5"), next to numbers that are not markers ("NSC 48/5",
"October 5. These", "132,474 POWs"). There, every place that *could* be a
marker is a candidate, and the markers are the candidates that form the
best run 1, 2, 3, … through the article: footnotes are numbered in reading
order, a fact no stray number obeys for long.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPERSCRIPT_RE = re.compile(f"[{SUPERSCRIPT_DIGITS}]+")
_SUPER_TO_ASCII = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
MARKDOWN_REF_RE = re.compile(r"\[\^(\d{1,3})\]")

# Closing punctuation a marker may be glued to: "negotiations.24", "Korea,”12".
_CLOSERS = r".,;:!?”\"’)\]"
_PATTERNS = {
    # "negotiations.24 " / "1951.49" / "said.”7"
    "glued": re.compile(rf"(?<=[{_CLOSERS}])(\d{{1,3}})(?=\s|$)"),
    # "proceedings. 5  Subsequently" / "damage. 39" at a line end
    "spaced": re.compile(r"(?<=[.!?”\"’)])[ \t]+(\d{1,3})(?=[ \t]+[A-Z“\"‘(]|[ \t]*$)", re.M),
    # "Pinchao Zhu6 and" — a lower-case word with digits stuck to it
    "word": re.compile(r"(?<=[a-z])(\d{1,3})(?=[\s,.;:]|$)"),
    # a number alone on its line
    "alone": re.compile(r"^[ \t]*(\d{1,3})[ \t]*$", re.M),
}
_WEIGHT = {"glued": 1.0, "spaced": 1.0, "word": 0.9, "alone": 0.8}
_GAP_COST = 0.6  # cost of each footnote number the run skips
# A run may start above 1 (an excerpt, a chapter): that costs little, but something.
_START_COST, _MAX_START_COST = 0.05, 2.0


@dataclass(slots=True, frozen=True)
class Candidate:
    n: int
    raw_start: int
    raw_end: int
    style: str


def superscript_value(s: str) -> int:
    return int(s.translate(_SUPER_TO_ASCII))


def find_candidates(raw: str, ranges: list[tuple[int, int]]) -> list[Candidate]:
    """Every place in the given raw ranges where a PDF-text marker could stand."""
    found: dict[int, Candidate] = {}
    for lo, hi in ranges:
        for style, pattern in _PATTERNS.items():
            for m in pattern.finditer(raw, lo, hi):
                n = int(m.group(1))
                if n == 0 or m.start(1) in found:
                    continue
                found[m.start(1)] = Candidate(n, m.start(1), m.end(1), style)
    return sorted(found.values(), key=lambda c: c.raw_start)


def best_sequence(candidates: list[Candidate]) -> list[Candidate]:
    """The run of candidates with increasing numbers that best explains the text.

    Dynamic programming over candidates in reading order: a run earns each
    candidate's weight and pays for every number it skips between two of its
    markers (and a little for starting above 1), so 1, 2, 3 … beats any
    scatter of stray numbers.
    """
    if not candidates:
        return []
    score: list[float] = []
    back: list[int | None] = []
    for j, c in enumerate(candidates):
        best, arg = _WEIGHT[c.style] - min(_START_COST * (c.n - 1), _MAX_START_COST), None
        for i in range(j):
            p = candidates[i]
            if p.n < c.n:
                s = score[i] + _WEIGHT[c.style] - _GAP_COST * (c.n - p.n - 1)
                if s > best:
                    best, arg = s, i
        score.append(best)
        back.append(arg)
    j: int | None = max(range(len(candidates)), key=lambda k: score[k])
    if score[j] <= 0:
        return []
    run = []
    while j is not None:
        run.append(candidates[j])
        j = back[j]
    return run[::-1]
