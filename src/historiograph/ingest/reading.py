"""What a reader hands on: normalized text, its blocks, and the markers it removed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from historiograph.ingest.offsets import OffsetMap


@dataclass(slots=True, frozen=True)
class RawBlock:
    kind: str  # title | heading | paragraph | note | author_note
    start: int
    end: int
    label: str | None = None


@dataclass(slots=True, frozen=True)
class MarkerHit:
    n: int
    pos: int  # anchor in the normalized text
    raw_start: int
    raw_end: int
    style: str  # superscript | markdown | glued | spaced | word | alone


@dataclass(slots=True)
class ReaderOutput:
    format: str
    text: str = ""
    offsets: OffsetMap | None = None
    blocks: list[RawBlock] = field(default_factory=list)
    markers: list[MarkerHit] = field(default_factory=list)
    italics: list[tuple[int, int]] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)  # SOURCE:, TITLE: … lines, front matter


# A sentence is complete when it ends in . ! ? (or …), maybe inside closing
# quotes or brackets; trailing footnote markers and emphasis do not count.
_COMPLETE = re.compile(r"[.!?…:][”\"’')\]*_]*$")


def ends_sentence(text: str) -> bool:
    """Does this text end where a sentence may end (rather than mid-sentence)?"""
    return bool(_COMPLETE.search(text.rstrip()))
