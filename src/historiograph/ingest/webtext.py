"""Reader for text saved from a web page or a digital edition.

What such text looks like (``corpus/frus_history_ch8_1958_1979.txt``, the
Office of the Historian's essays): a few ``SOURCE:``/``TITLE:`` lines or a
YAML front matter block on top (metadata, not body), then blocks separated
by blank lines — headings on lines of their own, paragraphs, list items —
with footnote markers as ``[12]``, ``[^12]`` or superscripts, and the notes
as a numbered list after a "Notes" (or "Endnotes", "Footnotes") heading.
Unlike a page-broken PDF, nothing is cut: a block is a block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from historiograph.ingest.markdown import write_inline
from historiograph.ingest.markers import SUPERSCRIPT_RE
from historiograph.ingest.offsets import TextBuilder
from historiograph.ingest.reading import MarkerHit, RawBlock, ReaderOutput, ends_sentence
from historiograph.ingest.writer import BlockWriter

# "SOURCE: https://…", "TITLE: …" on the first lines.
_HEADER_LINE = re.compile(r"([A-Z][A-Z_-]{1,30}):[ \t]*(.*?)[ \t]*(?:\r?\n|$)")
_FRONT_MATTER = re.compile(r"---[ \t]*\r?\n(.*?)(?:\r?\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|$)", re.S)
_YAML_PAIR = re.compile(r"([\w-]+):[ \t]*(.*?)[ \t]*$")
_BLOCK = re.compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")
_LINE = re.compile(r"[^\n]*\S[^\n]*")
_NOTES_HEADING = re.compile(
    r"(?:#{1,6}[ \t]+)?(?:end[ -]?notes|foot[ -]?notes|notes)[ \t]*:?[ \t]*", re.I
)
# "12. …", "12) …", "[12] …", "[^12]: …", "^12 …" at the start of a note.
_NOTE_LABEL = re.compile(r"(?:\[\^?(\d{1,3})\]:?|\^(\d{1,3})|(\d{1,3})[.)])[ \t]+(?=\S)")
_ATX = re.compile(r"#{1,6}[ \t]+(?=\S)")
_BULLET = re.compile(r"(?:[-*•‣▪◦]|\d{1,3}[.)])[ \t]+(?=\S)")
_SYMBOL_BULLET = re.compile(r"[-*•‣▪◦][ \t]+(?=\S)")
# "[12]" or "[^12]" in the body; "[no date]", "[sic]", "[1950]" are not markers.
_BRACKET_MARKER = re.compile(r"\[(\^?)(\d{1,3})\]")


@dataclass(slots=True)
class _Block:
    start: int  # raw offsets of what is written (after a label, hashes or a bullet)
    end: int
    kind: str = "paragraph"  # title | heading | paragraph | note
    label: str | None = None


def read_header(raw: str) -> tuple[dict[str, str], int]:
    """The metadata on top of the file and where the body starts."""
    meta: dict[str, str] = {}
    if m := _FRONT_MATTER.match(raw):
        for line in m.group(1).splitlines():
            if pair := _YAML_PAIR.match(line.strip()):
                meta[pair.group(1).lower()] = pair.group(2).strip("\"'")
        return meta, m.end()
    pos = 0
    while m := _HEADER_LINE.match(raw, pos):
        if not m.group(2):
            break
        meta[m.group(1).lower()] = m.group(2)
        pos = m.end()
    return meta, pos


def looks_like_web_text(raw: str) -> bool:
    """Metadata lines on top, or bracketed markers with a notes list after a "Notes" line."""
    meta, _ = read_header(raw)
    if {"source", "title", "url"} & meta.keys():
        return True
    lines = [m.group().strip() for m in _LINE.finditer(raw)]
    heading = next((i for i, ln in enumerate(lines) if _NOTES_HEADING.fullmatch(ln)), None)
    return (
        heading is not None
        and heading + 1 < len(lines)
        and bool(_NOTE_LABEL.match(lines[heading + 1]))
        and bool(_BRACKET_MARKER.search(raw))
    )


def _is_heading(text: str) -> bool:
    """A short line of its own that is not a sentence: "Cold War Normalcy, 1958–1979"."""
    return (
        "\n" not in text
        and 0 < len(text) <= 160
        and not ends_sentence(text)
        and not text.rstrip().endswith((",", ";"))
        and any(c.isalpha() for c in text)
        and (text[:1].isupper() or text[:1].isdigit() or text[:1] in "“\"‘'(")
    )


def _blocks(raw: str, body_start: int) -> list[_Block]:
    """The raw blocks in reading order: notes after a notes heading, the rest body."""
    out: list[_Block] = []
    in_notes = seen_body = False
    for m in _BLOCK.finditer(raw, body_start):
        lines = list(_LINE.finditer(raw, m.start(), m.end()))
        first = lines[0].group().strip()
        if len(lines) == 1 and _NOTES_HEADING.fullmatch(first):
            in_notes = True
            out.append(_Block(*_stripped(raw, lines[0].start(), lines[0].end()), "heading"))
            continue
        if in_notes:
            in_notes = _note_blocks(raw, lines, out)
            if in_notes:
                continue
        if len(lines) == 1 and (h := _ATX.match(raw, lines[0].start())):
            kind = "title" if not seen_body and not _has_title(out) else "heading"
            out.append(_Block(*_stripped(raw, h.end(), lines[0].end()), kind))
            continue
        if len(lines) == 1 and _is_heading(first) and not _has_marker(first):
            kind = "title" if not seen_body and not _has_title(out) else "heading"
            out.append(_Block(*_stripped(raw, lines[0].start(), lines[0].end()), kind))
            continue
        seen_body = True
        if len(lines) > 1 and all(_BULLET.match(raw, ln.start()) for ln in lines):
            for ln in lines:  # a list: each item a paragraph of its own
                b = _BULLET.match(raw, ln.start())
                assert b is not None
                out.append(_Block(*_stripped(raw, b.end(), ln.end())))
            continue
        b = _SYMBOL_BULLET.match(raw, m.start())
        out.append(_Block(*_stripped(raw, b.end() if b else m.start(), m.end())))
    return out


def _note_blocks(raw: str, lines: list[re.Match], out: list[_Block]) -> bool:
    """Add a block met in a notes section; False when it is body again (not a note)."""
    first = lines[0]
    label = _NOTE_LABEL.match(raw, first.start())
    if label is None:
        last = out[-1] if out else None
        text = raw[first.start() : lines[-1].end()]
        # A note's second paragraph, unless it reads as a heading or cites notes: then
        # the body goes on (a file joining essays, each with its notes).
        resumes_body = (len(lines) == 1 and _is_heading(text.strip())) or _has_marker(text)
        if last is not None and last.kind == "note" and not resumes_body:
            # A note's second paragraph: one note, one block.
            last.end = _stripped(raw, first.start(), lines[-1].end())[1]
            return True
        return False
    # A block may hold several notes, one per line ("1. …\n2. …").
    starts = [ln for ln in lines if _NOTE_LABEL.match(raw, ln.start())]
    for k, ln in enumerate(starts):
        lm = _NOTE_LABEL.match(raw, ln.start())
        assert lm is not None
        end = starts[k + 1].start() if k + 1 < len(starts) else lines[-1].end()
        n = next(g for g in lm.groups() if g)
        out.append(_Block(*_stripped(raw, lm.end(), end), "note", str(int(n))))
    return True


def _stripped(raw: str, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and raw[lo].isspace():
        lo += 1
    while hi > lo and raw[hi - 1].isspace():
        hi -= 1
    return lo, hi


def _has_title(blocks: list[_Block]) -> bool:
    return any(b.kind == "title" for b in blocks)


def _has_marker(text: str) -> bool:
    return bool(SUPERSCRIPT_RE.search(text) or _BRACKET_MARKER.search(text))


def _number_sections(blocks: list[_Block]) -> list[int]:
    """For each block, how much its notes section's numbers are raised.

    A file that joins several essays may have several notes sections, each
    counting from 1. A note whose number is taken starts a new count that
    continues the old one (the second section's note 1 follows the first
    section's last note), and so do the markers before it: every marker
    names one note. The raw offsets still show the number as printed.
    """
    shifts: list[int] = []
    shift = top = 0
    taken: set[int] = set()
    for b in blocks:
        if b.kind == "note" and b.label is not None:
            n = int(b.label)
            if n + shift in taken:
                shift = top + 1 - n
            taken.add(n + shift)
            top = max(top, n + shift)
        shifts.append(shift)
    return shifts


def _marker_shifts(blocks: list[_Block], shifts: list[int]) -> list[int]:
    """For each block, the shift of the notes section after it (the one its markers cite)."""
    out = list(shifts)
    following = None
    for i in range(len(blocks) - 1, -1, -1):
        if blocks[i].kind == "note":
            following = shifts[i]
        elif following is not None:
            out[i] = following
    return out


def read_web_text(raw: str) -> ReaderOutput:
    """Read web or edition text into normalized blocks, notes and markers."""
    meta, body_start = read_header(raw)
    blocks = _blocks(raw, body_start)
    shifts = _number_sections(blocks)
    marker_shifts = _marker_shifts(blocks, shifts)
    for b, shift in zip(blocks, shifts, strict=True):
        if b.kind == "note" and b.label is not None and shift:
            b.label = str(int(b.label) + shift)
    notes = {b.label for b in blocks if b.kind == "note"}

    builder = TextBuilder(raw)
    writer = BlockWriter(builder)
    out = ReaderOutput(format="web", meta=meta)
    body = [(i, b) for i, b in enumerate(blocks) if b.kind != "note"]
    for i, b in body + [(i, b) for i, b in enumerate(blocks) if b.kind == "note"]:
        hits: list[MarkerHit] = []
        if b.kind != "note":
            shift = marker_shifts[i]
            for m in _BRACKET_MARKER.finditer(raw, b.start, b.end):
                n = int(m.group(2))
                # A bracketed number is a marker when a note answers it, or, with no
                # notes at all, when it is glued to the word or mark it follows.
                glued = m.start() > 0 and not raw[m.start() - 1].isspace()
                if n and (str(n + shift) in notes or (not notes and glued)):
                    style = "markdown" if m.group(1) else "bracket"
                    hits.append(MarkerHit(n + shift, 0, m.start(), m.end(), style))
        writer.open_block()
        write_inline(raw, b.start, b.end, writer, out, hits)
        start, end = writer.close_block()
        if end > start:
            out.blocks.append(RawBlock(b.kind, start, end, label=b.label))
    out.text, out.offsets = builder.build()
    return out
