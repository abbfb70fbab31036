"""The document model: typed, frozen records over one normalized text.

Every record holds half-open ``[start, end)`` character offsets into
:attr:`Document.text`; :attr:`Document.offsets` leads back to the raw file.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from historiograph.ingest.offsets import OffsetMap


@dataclass(slots=True, frozen=True)
class Block:
    """A title, heading, body paragraph or footnote in the normalized text."""

    idx: int
    kind: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True, frozen=True)
class Sentence:
    idx: int
    start: int
    end: int
    block_idx: int

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True, frozen=True)
class Footnote:
    """A footnote's text. ``label`` is the number as printed ("14"), or a symbol.

    ``kind`` is ``note`` for a numbered footnote or ``author_note`` for the
    unnumbered first-page note (acknowledgements, affiliation).
    """

    label: str
    kind: str
    start: int
    end: int
    block_idx: int

    @property
    def n(self) -> int | None:
        return int(self.label) if self.label.isdigit() else None

    def to_dict(self) -> dict:
        return asdict(self) | {"n": self.n}


@dataclass(slots=True, frozen=True)
class Marker:
    """A footnote reference in the body.

    The marker's digits are not part of the normalized text (they would break
    words and sentences); ``pos`` is where they stood, just after the text
    they follow, and ``raw_start``/``raw_end`` are the digits in the raw file.
    ``sentence_idx`` is the sentence that cites the note.
    """

    idx: int
    n: int
    pos: int
    raw_start: int
    raw_end: int
    sentence_idx: int | None
    style: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True, frozen=True)
class StyleSpan:
    """Typography kept from the source, e.g. ``italic`` (book and journal titles)."""

    kind: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True, frozen=True)
class Page:
    """A printed page of a primary source: ``label`` as printed ("941"), from its page
    break to the next; ``raw_start``/``raw_end`` is the break's tag (``<pb n="941"/>``)."""

    label: str
    start: int
    end: int
    raw_start: int
    raw_end: int

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True, frozen=True)
class Party:
    """Who a primary source is from or to, or who took part in the conversation it records,
    as the source names them at ``[start, end)``; ``how``: ``markup`` (the edition's
    ``type="from|to"``), ``head`` (read from "…, by the Director (Butterworth)"), ``table``
    (a "Participants:" list)."""

    role: str  # from | to | participant
    start: int
    end: int
    how: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class Document:
    """One ingested article: its raw file, its normalized text and its layers."""

    id: str
    path: str
    raw: str
    text: str
    offsets: OffsetMap
    format: str
    title: str | None = None
    sha256: str = ""
    blocks: list[Block] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    styles: list[StyleSpan] = field(default_factory=list)
    note_scope: str = "sentence"  # how far back a note reaches: see stages.note_reach
    # Metadata the file states about itself (``SOURCE:``/``TITLE:`` lines, YAML front
    # matter), keys lower-cased; not part of the text.
    meta: dict[str, str] = field(default_factory=dict)
    pages: list[Page] = field(default_factory=list)  # primary sources: the printed pages
    parties: list[Party] = field(default_factory=list)  # primary sources: from, to, present
    dateline: tuple[int, int] | None = None  # primary sources: the document's own dateline

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw-file range behind normalized ``[start, end)``."""
        return self.offsets.to_raw(start, end)

    def note(self, label: str) -> Footnote | None:
        return next((f for f in self.footnotes if f.label == label and f.kind == "note"), None)

    @property
    def word_count(self) -> int:
        return len(self.text.split())


def sentence_finder(doc: Document) -> Callable[[int], int | None]:
    """A function giving the index of the sentence that holds a text offset (None outside)."""
    starts = [s.start for s in doc.sentences]

    def find(pos: int) -> int | None:
        i = bisect_right(starts, pos) - 1
        if i >= 0 and doc.sentences[i].start <= pos < doc.sentences[i].end:
            return doc.sentences[i].idx
        return None

    return find
