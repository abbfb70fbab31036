"""How far back a footnote reaches: its own sentence, or the unmarked run before it.

Authors differ. Some put a note on each claim it documents and leave long
stretches unnoted; others close every short run of sentences with one note that
documents the run (Chicago style: "a single note may cover several sentences").
The document's own habit decides which reading applies to it:

- ``run``: the runs of unmarked sentences before its notes are short (on average
  at most ``RUN_MEAN`` sentences), so a sentence with no marker of its own takes
  the next note of its paragraph, flagged as inferred. A sentence that introduces
  a block quotation ("Mao stated:") takes the quotation's note.
- ``sentence``: a note belongs to the sentence it closes and no other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from historiograph.model import Document, Sentence

SENTENCE, RUN = "sentence", "run"
RUN_MEAN = 1.5  # unmarked sentences before a note, on average, up to which a note covers its run


def note_scope(doc: Document) -> str:
    """``run`` or ``sentence`` for the document's notes (``sentence`` when it has none)."""
    marked = {m.sentence_idx for m in doc.markers if m.sentence_idx is not None}
    runs: list[int] = []
    run, block = 0, None
    for s in doc.sentences:  # in text order, so each paragraph's sentences in a row
        if doc.blocks[s.block_idx].kind != "paragraph":
            continue
        if s.block_idx != block:
            run, block = 0, s.block_idx
        if s.idx in marked:
            runs.append(run)
            run = 0
        else:
            run += 1
    if not runs:
        return SENTENCE
    return RUN if sum(runs) / len(runs) <= RUN_MEAN else SENTENCE


@dataclass(slots=True)
class NoteReach:
    """The notes of each sentence of one document, own and (in ``run`` scope) inferred."""

    doc: Document
    _own: dict[int, list[int]] = field(default_factory=dict)
    _last: dict[int, int] = field(default_factory=dict)  # block -> its last sentence
    _markers: list = field(default_factory=list)  # by position

    def __post_init__(self) -> None:
        for m in self.doc.markers:
            if m.sentence_idx is not None and m.n not in self._own.get(m.sentence_idx, []):
                self._own.setdefault(m.sentence_idx, []).append(m.n)
        for s in self.doc.sentences:
            self._last[s.block_idx] = s.idx
        self._markers = sorted(self.doc.markers, key=lambda m: m.pos)

    def of(self, s: Sentence) -> tuple[list[int], list[int]]:
        """``(own, inferred)``: the sentence's markers, else the note that covers it."""
        own = sorted(self._own.get(s.idx, []))
        if own or self.doc.note_scope != RUN:
            return own, []
        block = self.doc.blocks[s.block_idx]
        end = block.end
        nxt = self.doc.blocks[block.idx + 1] if block.idx + 1 < len(self.doc.blocks) else None
        text = self.doc.text[s.start : s.end].rstrip()
        if self._last[block.idx] == s.idx and text.endswith((":", ",")):
            if nxt is not None and nxt.kind == "paragraph":
                end = nxt.end  # "Mao stated," and the quotation set off below it
        for m in self._markers:
            if s.end <= m.pos <= end:
                return [], [m.n]
        return [], []
