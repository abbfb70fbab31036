"""The map from normalized text back to the raw file.

A reader never edits text in place. It *builds* the normalized text piece by
piece with a :class:`TextBuilder`: ``copy`` takes characters from the raw file
unchanged, ``replace`` writes characters that stand for a raw range (a single
space for a line break and its indentation), ``skip`` drops raw characters
(a footnote marker, a page header, a hyphen at a line end). Every written
character therefore knows where it came from, and :class:`OffsetMap` turns
any ``[start, end)`` span of the normalized text into raw offsets.
"""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass


@dataclass(slots=True, frozen=True)
class Segment:
    """``norm[norm_start:norm_end]`` stands for ``raw[raw_start:raw_end]``.

    ``copied`` segments have equal lengths and map character by character;
    the others (replacements, joiners) map every character to the whole raw
    range.
    """

    norm_start: int
    norm_end: int
    raw_start: int
    raw_end: int
    copied: bool

    def to_dict(self) -> dict:
        return {
            "norm_start": self.norm_start,
            "norm_end": self.norm_end,
            "raw_start": self.raw_start,
            "raw_end": self.raw_end,
            "copied": self.copied,
        }


class OffsetMap:
    """Maps normalized offsets to raw offsets through an ordered list of segments."""

    def __init__(self, segments: list[Segment]):
        self.segments = segments
        self._starts = [s.norm_start for s in segments]

    def _segment_at(self, pos: int) -> Segment:
        i = bisect.bisect_right(self._starts, pos) - 1
        if i < 0 or pos >= self.segments[i].norm_end:
            raise ValueError(f"offset {pos} is outside the normalized text")
        return self.segments[i]

    def raw_start(self, pos: int) -> int:
        """Raw offset of the first raw character behind normalized character ``pos``."""
        seg = self._segment_at(pos)
        return seg.raw_start + (pos - seg.norm_start) if seg.copied else seg.raw_start

    def raw_end(self, pos: int) -> int:
        """Raw offset just after the raw characters behind normalized character ``pos - 1``."""
        seg = self._segment_at(pos - 1)
        return seg.raw_start + (pos - seg.norm_start) if seg.copied else seg.raw_end

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """The raw ``[start, end)`` range that covers normalized ``[start, end)``.

        An empty span (a footnote marker's anchor) maps to the raw position
        just after the character before it.
        """
        if end < start:
            raise ValueError(f"bad span [{start}, {end})")
        if start == end:
            pos = self.raw_end(start) if start > 0 else 0
            return pos, pos
        return self.raw_start(start), self.raw_end(end)

    def raw_pieces(self, start: int, end: int) -> list[tuple[int, int]]:
        """The raw ranges actually copied into normalized ``[start, end)``, in order.

        Unlike :meth:`to_raw` this leaves out what the reader dropped in
        between (page headers, markers, interleaved footnotes), so joining
        the pieces shows exactly the raw words of the span.
        """
        pieces: list[tuple[int, int]] = []
        i = max(bisect.bisect_right(self._starts, start) - 1, 0)
        while i < len(self.segments) and self.segments[i].norm_start < end:
            seg = self.segments[i]
            lo, hi = max(start, seg.norm_start), min(end, seg.norm_end)
            if lo < hi and seg.copied:
                rs = seg.raw_start + (lo - seg.norm_start)
                re_ = seg.raw_start + (hi - seg.norm_start)
                if pieces and pieces[-1][1] == rs:
                    pieces[-1] = (pieces[-1][0], re_)
                else:
                    pieces.append((rs, re_))
            i += 1
        return pieces


class TextBuilder:
    """Writes normalized text while recording where each character came from."""

    def __init__(self, raw: str):
        self.raw = raw
        self._parts: list[str] = []
        self._segments: list[Segment] = []
        self._length = 0

    def __len__(self) -> int:
        return self._length

    def _add(self, text: str, raw_start: int, raw_end: int, copied: bool) -> None:
        if not text:
            return
        self._parts.append(text)
        last = self._segments[-1] if self._segments else None
        if copied and last is not None and last.copied and last.raw_end == raw_start:
            # Contiguous copies are one segment: fewer rows, same mapping.
            self._segments[-1] = Segment(
                last.norm_start, self._length + len(text), last.raw_start, raw_end, True
            )
        else:
            self._segments.append(
                Segment(self._length, self._length + len(text), raw_start, raw_end, copied)
            )
        self._length += len(text)

    def copy(self, raw_start: int, raw_end: int) -> None:
        """Copy ``raw[raw_start:raw_end]`` as it is (NFC-normalized, see STYLE.md)."""
        piece = self.raw[raw_start:raw_end]
        nfc = unicodedata.normalize("NFC", piece)
        self._add(nfc, raw_start, raw_end, copied=nfc == piece)

    def replace(self, text: str, raw_start: int, raw_end: int) -> None:
        """Write ``text`` in place of ``raw[raw_start:raw_end]`` (may be an empty range)."""
        self._add(text, raw_start, raw_end, copied=False)

    def build(self) -> tuple[str, OffsetMap]:
        return "".join(self._parts), OffsetMap(list(self._segments))
