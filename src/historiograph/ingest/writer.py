"""Block-by-block writing of normalized text, shared by the readers.

:class:`BlockWriter` sits on a :class:`TextBuilder` and knows the few rules of
normalized text: blocks are separated by a blank line, runs of white space
(line breaks included) become one space, there is no space at a block's
start or end, and dropped raw characters (markers, markup, headers) leave no
trace but their recorded position.
"""

from __future__ import annotations

import re

from historiograph.ingest.offsets import TextBuilder

# White space that normalization changes: any run but a lone ordinary space.
_FOLDED_SPACE = re.compile(r"\s{2,}|(?! )\s")
BLOCK_SEPARATOR = "\n\n"


class BlockWriter:
    def __init__(self, builder: TextBuilder):
        self.b = builder
        self._block_start: int | None = None
        self._pending: tuple[int, int] | None = None  # raw range of white space not yet written
        self._last_raw_end = 0

    # -- blocks ---------------------------------------------------------------
    def open_block(self) -> None:
        if len(self.b):
            self.b.replace(BLOCK_SEPARATOR, self._last_raw_end, self._last_raw_end)
        self._block_start = len(self.b)
        self._pending = None

    def close_block(self) -> tuple[int, int]:
        """End the block; return its ``[start, end)``. Trailing white space is dropped."""
        assert self._block_start is not None, "close_block without open_block"
        start, self._block_start, self._pending = self._block_start, None, None
        return start, len(self.b)

    @property
    def block_is_empty(self) -> bool:
        return self._block_start == len(self.b)

    # -- text -----------------------------------------------------------------
    def next_pos(self) -> int:
        """Where the next written non-space character will stand."""
        pending = self._pending is not None and not self.block_is_empty
        return len(self.b) + (1 if pending else 0)

    def anchor(self) -> int:
        """The position just after the last written character (for a dropped marker)."""
        return len(self.b)

    def text(self, raw_start: int, raw_end: int) -> None:
        """Write raw text, folding each run of white space into one space.

        Runs of text with single spaces are copied whole (one offset segment),
        so only the white space that actually changes costs a segment.
        """
        pos = raw_start
        for m in _FOLDED_SPACE.finditer(self.b.raw, raw_start, raw_end):
            self._copy_run(pos, m.start())
            self.space(m.start(), m.end())
            pos = m.end()
        self._copy_run(pos, raw_end)

    def _copy_run(self, lo: int, hi: int) -> None:
        """Copy raw text whose only white space is single spaces."""
        raw = self.b.raw
        if lo < hi and raw[lo] == " ":
            self.space(lo, lo + 1)
            lo += 1
        trailing = hi > lo and raw[hi - 1] == " "
        if trailing:
            hi -= 1
        if lo < hi:
            self._flush_space()
            self.b.copy(lo, hi)
            self._last_raw_end = hi
        if trailing:
            self.space(hi, hi + 1)

    def write(self, text: str, raw_start: int, raw_end: int) -> None:
        """Write ``text`` in place of raw characters (an XML entity: "&amp;" -> "&")."""
        self._flush_space()
        self.b.replace(text, raw_start, raw_end)
        self._last_raw_end = raw_end

    def space(self, raw_start: int, raw_end: int) -> None:
        """Note white space (or a line break) standing at ``raw[raw_start:raw_end]``."""
        if self._pending is None:
            self._pending = (raw_start, raw_end)
        else:
            self._pending = (self._pending[0], max(self._pending[1], raw_end))

    def join(self, raw_start: int, raw_end: int) -> None:
        """Join what comes next to what came before with nothing in between."""
        self._pending = None
        self._last_raw_end = max(self._last_raw_end, raw_end)

    def skip(self, raw_start: int, raw_end: int) -> None:
        """Drop raw characters; they neither write text nor break a pending space."""
        if self._pending is not None:
            self._pending = (self._pending[0], max(self._pending[1], raw_end))

    def _flush_space(self) -> None:
        if self._pending is not None and not self.block_is_empty:
            self.b.replace(" ", *self._pending)
        self._pending = None
