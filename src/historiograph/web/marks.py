"""Cut a text into pieces at the edges of highlighted ranges and insertion points, so that a
template can draw highlights and footnote markers without ever writing HTML into the text.

Offsets are those of the stored annotations (half-open ``[start, end)``); ``base`` is where
``text`` begins in the document, so a paragraph can be cut with document offsets.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Range:
    start: int
    end: int
    kind: str  # a CSS class: evidence | target | …
    ref: str = ""  # what it stands for (an event id)


@dataclass(frozen=True, slots=True)
class Point:
    pos: int
    kind: str  # sentence | marker | events
    ref: str | int | list = ""


@dataclass(slots=True)
class Piece:
    text: str = ""
    kinds: list[str] = field(default_factory=list)
    refs: list[str] = field(default_factory=list)
    point: Point | None = None


def cut(text: str, base: int, ranges: list[Range], points: list[Point]) -> list[Piece]:
    """``text`` (starting at document offset ``base``) as pieces: a point before the text at
    its position, each stretch of text with the kinds and refs of the ranges covering it."""
    end = base + len(text)
    ranges = [r for r in ranges if r.start < end and r.end > base and r.end > r.start]
    points = sorted((p for p in points if base <= p.pos <= end), key=lambda p: p.pos)
    edges = {base, end} | {min(max(x, base), end) for r in ranges for x in (r.start, r.end)}
    edges |= {p.pos for p in points}
    cuts = sorted(edges)
    pieces: list[Piece] = []
    i = 0
    for a, b in zip(cuts, cuts[1:] + [None], strict=True):
        while i < len(points) and points[i].pos == a:
            pieces.append(Piece(point=points[i]))
            i += 1
        if b is None:
            break
        covering = [r for r in ranges if r.start <= a and r.end >= b]
        pieces.append(
            Piece(
                text=text[a - base : b - base],
                kinds=sorted({r.kind for r in covering}),
                refs=sorted({r.ref for r in covering if r.ref}),
            )
        )
    return pieces
