"""Reader for text extracted from a PDF (hard-wrapped lines, page furniture).

What such text looks like (``corpus/seed1_armistice.txt``): every printed line
ends in a line break, often followed by an empty line; words are hyphenated
across lines; running heads carry page numbers; footnote markers lost their
superscript; a page-bottom note (the author's note) sits between two lines
of a sentence. The reader classifies each line, finds the markers, groups
body lines into headings and paragraphs, and writes the normalized text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from historiograph.ingest.markers import Candidate, best_sequence, find_candidates
from historiograph.ingest.offsets import TextBuilder
from historiograph.ingest.reading import MarkerHit, RawBlock, ReaderOutput
from historiograph.ingest.writer import BlockWriter

# "International Journal of Korean Studies • Vol. XXV, No. 1         43" and
# "50         International Journal …": a page number set apart by a wide gap.
_RUNNING_HEAD = re.compile(r"^\s*(\d{1,4}\s{3,}\S.{0,150}|\S.{0,150}?\S\s{3,}\d{1,4})\s*$")
# A page-bottom note: "1 This paper presents …", "* The author thanks …".
_NOTE_START = re.compile(r"^(\d{1,3}|[*†‡§])\s+[A-Z“\"‘]")
_TERMINAL_END = re.compile(r"[.!?][”\"’)\]]*(\s*\d{1,3})?\s*$")
_MINOR_WORDS = {
    "a",
    "an",
    "and",
    "as",
    "at",
    "by",
    "for",
    "from",
    "in",
    "of",
    "on",
    "or",
    "the",
    "to",
    "with",
    "vs",
    "via",
}
_MAX_NOTE_LINES = 20


@dataclass(slots=True)
class _Line:
    start: int  # raw offset of the first non-space character
    end: int  # raw offset after the last non-space character
    kind: str = "text"  # text | blank | head | note | heading
    indented: bool = False  # began with white space (the first line of a page)

    def text(self, raw: str) -> str:
        return raw[self.start : self.end]


@lru_cache(maxsize=1)
def _hyphen_prefixes() -> frozenset[str]:
    data = resources.files("historiograph.data").joinpath("hyphen_prefixes.txt").read_text("utf-8")
    return frozenset(
        w.strip().lower() for w in data.splitlines() if w.strip() and not w.startswith("#")
    )


def looks_hard_wrapped(raw: str) -> bool:
    """True for PDF-extracted text: mostly short lines that stop mid-sentence."""
    lines = [ln.strip() for ln in raw.splitlines() if ln.strip()]
    if len(lines) < 10:
        return False
    short = sum(1 for ln in lines if len(ln) <= 110)
    open_ended = sum(1 for ln in lines if not _TERMINAL_END.search(ln))
    return short / len(lines) > 0.9 and open_ended / len(lines) > 0.5


def _split_lines(raw: str) -> list[_Line]:
    lines = []
    pos = 0
    for piece in raw.split("\n"):
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            start = pos + lead
            lines.append(_Line(start, start + len(stripped), indented=lead > 0))
        else:
            lines.append(_Line(pos, pos, kind="blank", indented=bool(piece)))
        pos += len(piece) + 1
    return lines


def _is_whitespace_only(line: _Line) -> bool:
    """A line holding only spaces: PDF extraction's trace of a rule or gap."""
    return line.kind == "blank" and line.indented


def _mark_page_furniture(raw: str, lines: list[_Line]) -> None:
    for ln in lines:
        if ln.kind == "text" and _RUNNING_HEAD.match(ln.text(raw)):
            ln.kind = "head"


def _mark_bottom_notes(raw: str, lines: list[_Line]) -> None:
    """Page-bottom notes: after a spaces-only line, a numbered line, up to the next page's top."""
    i = 0
    while i < len(lines):
        if (
            _is_whitespace_only(lines[i])
            and i + 1 < len(lines)
            and lines[i + 1].kind == "text"
            and _NOTE_START.match(lines[i + 1].text(raw))
        ):
            j = i + 1
            block = []
            while j < len(lines) and len(block) <= _MAX_NOTE_LINES:
                ln = lines[j]
                if ln.kind == "head" or (ln.kind == "text" and ln.indented and block):
                    break
                block.append(j)
                j += 1
            ends_at_page_top = j < len(lines) and len(block) <= _MAX_NOTE_LINES
            if ends_at_page_top:
                for k in block:
                    if lines[k].kind == "text":
                        lines[k].kind = "note"
                i = j
                continue
        i += 1


def _is_heading(raw: str, lines: list[_Line], i: int, prev_text: _Line | None) -> bool:
    text = lines[i].text(raw)
    words = re.findall(r"[A-Za-z][\w’'-]*", text)
    if not words or len(text) > 80 or text[-1] in ".,;:!?" or not text[0].isupper():
        return False
    if prev_text is not None and not _TERMINAL_END.search(prev_text.text(raw)):
        return False
    capitalised = [w for w in words if w.lower() not in _MINOR_WORDS]
    return bool(capitalised) and all(w[0].isupper() for w in capitalised)


def _typical_width(raw: str, lines: list[_Line]) -> int:
    widths = sorted(ln.end - ln.start for ln in lines if ln.kind == "text")
    return widths[int(len(widths) * 0.75)] if widths else 0


def _group_blocks(raw: str, lines: list[_Line]) -> list[tuple[str, list[_Line]]]:
    """Headings and paragraphs, each a list of lines, in reading order."""
    width = _typical_width(raw, lines)
    blocks: list[tuple[str, list[_Line]]] = []
    current: list[_Line] = []
    prev_text: _Line | None = None
    for i, ln in enumerate(lines):
        if ln.kind != "text":
            continue
        if _is_heading(raw, lines, i, prev_text):
            if current:
                blocks.append(("paragraph", current))
                current = []
            blocks.append(("heading", [ln]))
            prev_text = None
            continue
        current.append(ln)
        prev_text = ln
        if _TERMINAL_END.search(ln.text(raw)) and (ln.end - ln.start) < 0.8 * width:
            blocks.append(("paragraph", current))
            current = []
    if current:
        blocks.append(("paragraph", current))
    return blocks


def _keeps_hyphen(low: str, left: str, right: str) -> bool:
    """Is the hyphen at a line end part of the word ("cease-fire") or a break ("negoti-ations")?

    The article itself is asked first: if it prints the word elsewhere with or
    without a hyphen, that settles it. Otherwise a capitalised second half
    ("Sino-American"), digits, or a prefix from ``data/hyphen_prefixes.txt``
    keeps the hyphen; anything else was a syllable break. ``low`` is the
    article's raw text, lower-cased once by the caller.
    """
    hyphenated, joined = f"{left}-{right}".lower(), f"{left}{right}".lower()
    if re.search(rf"\b{re.escape(hyphenated)}", low):
        return True
    if re.search(rf"\b{re.escape(joined)}", low):
        return False
    if right[:1].isupper() or left[-1:].isdigit() or right[:1].isdigit():
        return True
    return left.lower() in _hyphen_prefixes()


def read_pdf_text(raw: str) -> ReaderOutput:
    """Read PDF-extracted text into normalized blocks and markers."""
    lines = _split_lines(raw)
    _mark_page_furniture(raw, lines)
    _mark_bottom_notes(raw, lines)
    body_ranges = [(ln.start, ln.end) for ln in lines if ln.kind == "text"]
    markers = best_sequence(find_candidates(raw, body_ranges))
    marker_starts = {c.raw_start for c in markers}
    # Lone numbers that are not markers are page numbers: page furniture.
    for ln in lines:
        if ln.kind == "text" and ln.text(raw).isdigit() and ln.start not in marker_starts:
            ln.kind = "head"
    groups = _group_blocks(raw, lines)
    notes = _note_groups(raw, lines)

    builder = TextBuilder(raw)
    writer = BlockWriter(builder)
    out = ReaderOutput(format="pdf-text")
    for kind, group in groups:
        writer.open_block()
        _write_lines(raw, group, writer, markers, out)
        start, end = writer.close_block()
        if end > start:
            out.blocks.append(RawBlock(kind, start, end))
    for label, group in notes:
        writer.open_block()
        _write_lines(raw, group, writer, [], out, skip_label=True)
        start, end = writer.close_block()
        out.blocks.append(RawBlock("note", start, end, label=label))
    out.text, out.offsets = builder.build()
    return out


def _note_groups(raw: str, lines: list[_Line]) -> list[tuple[str, list[_Line]]]:
    groups: list[tuple[str, list[_Line]]] = []
    for ln in lines:
        if ln.kind != "note":
            continue
        m = _NOTE_START.match(ln.text(raw))
        if m:
            groups.append((m.group(1), [ln]))
        elif groups:
            groups[-1][1].append(ln)
    return groups


def _write_lines(
    raw: str,
    group: list[_Line],
    writer: BlockWriter,
    markers: list[Candidate],
    out: ReaderOutput,
    skip_label: bool = False,
) -> None:
    """Write one block's lines; ``markers`` are the article's markers in raw order."""
    low = raw.lower()
    starts = [c.raw_start for c in markers]
    for k, ln in enumerate(group):
        start = ln.start
        if skip_label and k == 0:
            label = _NOTE_START.match(ln.text(raw))
            assert label is not None
            start += label.end(1)
        if k > 0:
            _write_line_break(raw, group[k - 1], ln, writer)
        pos = start
        first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, ln.end)
        for c in markers[first:last]:
            writer.text(pos, c.raw_start)
            out.markers.append(MarkerHit(c.n, writer.anchor(), c.raw_start, c.raw_end, c.style))
            writer.skip(c.raw_start, c.raw_end)
            pos = c.raw_end
        broken = k + 1 < len(group) and _hyphen_broken(raw, low, ln, group[k + 1])
        writer.text(pos, ln.end - 1 if broken else ln.end)  # a breaking hyphen is dropped


def _hyphen_broken(raw: str, low: str, line: _Line, nxt: _Line) -> bool:
    """Does ``line`` end in a hyphen that only broke a word across lines?"""
    left = re.search(r"([A-Za-z]+)-$", raw[line.start : line.end])
    right = re.match(r"[A-Za-z]+", raw[nxt.start : nxt.end])
    if not left or not right:
        return False
    return not _keeps_hyphen(low, left.group(1), right.group(0))


def _write_line_break(raw: str, prev: _Line, ln: _Line, writer: BlockWriter) -> None:
    if raw[prev.end - 1] == "-" and re.search(r"[A-Za-z]-$", raw[prev.start : prev.end]):
        # Either a broken word (hyphen dropped) or a compound ("cease-fire"): no space.
        writer.join(prev.end, ln.start)
    else:
        writer.space(prev.end, ln.start)


__all__ = ["read_pdf_text", "looks_hard_wrapped"]
