"""Reader for Markdown-like article text with footnotes at former page breaks.

What such text looks like (``corpus/seed2_intervention.txt``): one paragraph
per line, superscript markers (``¹⁴``), ``*italic*`` titles, headings in
capitals, and footnote paragraphs ("14. …") left where the page bottoms
were. A page break can cut a sentence ("…because" + notes + "“Beijing might
be tempted…") and a long footnote ("…war against the" + body + "United
States. Sergei N. Goncharov…"); the reader puts both back together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from historiograph.ingest.markers import MARKDOWN_REF_RE, SUPERSCRIPT_RE, superscript_value
from historiograph.ingest.offsets import TextBuilder
from historiograph.ingest.reading import MarkerHit, RawBlock, ReaderOutput, ends_sentence
from historiograph.ingest.writer import BlockWriter

_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")
_NOTE_LABEL = re.compile(r"(\d{1,3})\.[ \t]+(?=\S)")
_MD_NOTE_DEF = re.compile(r"\[\^(\d{1,3})\]:[ \t]*")
_ATX_HEADING = re.compile(r"#{1,6}[ \t]+")
_BLOCKQUOTE = re.compile(r"^[ \t]*>[ \t]?", re.M)
# *italic* or _italic_, not touching a word on the outside, not empty inside.
_ITALIC = re.compile(r"(?<![\w*])(\*{1,2}|_)(?=\S)(.+?)(?<=\S)\1(?![\w*])")


@dataclass(slots=True)
class _Para:
    start: int
    end: int
    kind: str = "paragraph"  # title | heading | paragraph | note
    label: str | None = None
    body_start: int = 0  # after a note label or heading hashes


@dataclass(slots=True)
class _Logical:
    """A block made of one or more raw paragraphs (rejoined across page breaks)."""

    kind: str
    parts: list[_Para] = field(default_factory=list)
    label: str | None = None


def _paragraphs(raw: str) -> list[_Para]:
    return [_Para(m.start(), m.end(), body_start=m.start()) for m in _PARAGRAPH.finditer(raw)]


def _is_caps_heading(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return (
        0 < len(text) <= 150
        and not ends_sentence(text)
        and len(letters) >= 3
        and sum(c.isupper() for c in letters) / len(letters) >= 0.85
    )


def _looks_like_title_line(text: str) -> bool:
    """A short single line before the body: the title, a subtitle, an author line."""
    return (
        "\n" not in text
        and len(text) <= 200
        and not ends_sentence(text)
        and ". " not in text
        and not _has_marker(text)
    )


def _classify(raw: str, paras: list[_Para], marker_numbers: set[int]) -> None:
    seen_body = has_title = False
    labels: set[int] = set()  # a note's number is printed once: a second "1." is a list item
    for p in paras:
        text = raw[p.start : p.end]
        m = _MD_NOTE_DEF.match(text) or _NOTE_LABEL.match(text)
        if (
            m
            and int(m.group(1)) not in labels
            and (m.re is _MD_NOTE_DEF or int(m.group(1)) in marker_numbers)
        ):
            p.kind, p.label, p.body_start = "note", str(int(m.group(1))), p.start + m.end()
            labels.add(int(m.group(1)))
        elif m := _ATX_HEADING.match(text):
            p.kind = "title" if not (seen_body or has_title) and m.end() == 2 else "heading"
            p.body_start = p.start + m.end()
        elif _is_caps_heading(text):
            p.kind = "heading"
        elif not seen_body and _looks_like_title_line(text):
            p.kind = "heading" if has_title else "title"
        else:
            seen_body = True
        has_title = has_title or p.kind == "title"


def _has_marker(text: str) -> bool:
    return bool(SUPERSCRIPT_RE.search(text) or MARKDOWN_REF_RE.search(text))


def _rejoin(raw: str, paras: list[_Para]) -> list[_Logical]:
    """Group raw paragraphs into logical blocks, mending the cuts of page breaks."""
    logical: list[_Logical] = []
    last_note: _Logical | None = None
    open_body: _Logical | None = None  # a body paragraph cut off mid-sentence
    crossed_notes = False
    for i, p in enumerate(paras):
        text = raw[p.start : p.end]
        nxt = paras[i + 1] if i + 1 < len(paras) else None
        if p.kind == "note":
            block = _Logical("note", [p], p.label)
            logical.append(block)
            last_note = block
            crossed_notes = True
            continue
        if (
            p.kind == "paragraph"
            and last_note is not None
            and nxt is not None
            and nxt.kind == "note"
            and nxt.label is not None
            and last_note.label is not None
            and int(nxt.label) == int(last_note.label) + 1
            and not ends_sentence(raw[last_note.parts[-1].start : last_note.parts[-1].end])
            and not _has_marker(text)
        ):
            # The rest of a footnote that ran over onto the next page.
            last_note.parts.append(p)
            continue
        if (
            p.kind == "paragraph"
            and open_body is not None
            and (crossed_notes or text[:1].islower())
        ):
            open_body.parts.append(p)
        else:
            open_body = None
            logical.append(_Logical(p.kind, [p]))
            if p.kind == "paragraph":
                open_body = logical[-1]
        if open_body is not None and ends_sentence(text):
            open_body = None
        if p.kind != "paragraph":
            open_body = None
        crossed_notes = False
    return logical


def write_inline(
    raw: str,
    lo: int,
    hi: int,
    writer: BlockWriter,
    out: ReaderOutput,
    markers: list[MarkerHit] | None = None,
) -> None:
    """Write a paragraph's raw text: markers out, emphasis marks out, italics recorded.

    ``markers`` are markers another reader found in ``raw[lo:hi]`` (their ``pos`` is
    filled in here), besides the superscripts and ``[^n]`` every reader knows.
    """
    events: list[tuple[int, int, str, object]] = [
        (h.raw_start, h.raw_end, "marker", (h.n, h.style)) for h in markers or []
    ]
    for m in SUPERSCRIPT_RE.finditer(raw, lo, hi):
        events.append((m.start(), m.end(), "marker", (superscript_value(m.group()), "superscript")))
    for m in MARKDOWN_REF_RE.finditer(raw, lo, hi):
        events.append((m.start(), m.end(), "marker", (int(m.group(1)), "markdown")))
    for m in _BLOCKQUOTE.finditer(raw, lo, hi):
        if m.end() > m.start():
            events.append((m.start(), m.end(), "skip", None))
    for m in _ITALIC.finditer(raw, lo, hi):
        events.append((m.start(1), m.end(1), "open", None))
        events.append((m.end(2), m.end(), "close", None))
    events.sort(key=lambda e: e[0])
    pos, italic_start = lo, 0
    for start, end, kind, value in events:
        if start < pos:
            continue  # overlapping markup (a marker inside emphasis marks)
        writer.text(pos, start)
        if kind == "marker":
            n, style = value  # type: ignore[misc]
            out.markers.append(MarkerHit(n, writer.anchor(), start, end, style))
        elif kind == "open":
            italic_start = writer.next_pos()
        elif kind == "close":
            out.italics.append((italic_start, writer.anchor()))
        writer.skip(start, end)
        pos = end
    writer.text(pos, hi)


def read_markdown(raw: str) -> ReaderOutput:
    """Read Markdown-like text into normalized blocks, notes and markers."""
    paras = _paragraphs(raw)
    numbers = {superscript_value(m.group()) for m in SUPERSCRIPT_RE.finditer(raw)}
    numbers |= {int(m.group(1)) for m in MARKDOWN_REF_RE.finditer(raw)}
    _classify(raw, paras, numbers)
    logical = _rejoin(raw, paras)
    body = [b for b in logical if b.kind != "note"]
    notes = [b for b in logical if b.kind == "note"]

    builder = TextBuilder(raw)
    writer = BlockWriter(builder)
    out = ReaderOutput(format="markdown")
    for block in body + notes:
        writer.open_block()
        for k, part in enumerate(block.parts):
            if k:
                prev = block.parts[k - 1]
                writer.space(prev.end, prev.end)
            write_inline(raw, part.body_start, part.end, writer, out)
        start, end = writer.close_block()
        if end > start:
            out.blocks.append(RawBlock(block.kind, start, end, label=block.label))
    out.text, out.offsets = builder.build()
    return out
