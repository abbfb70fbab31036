"""A footnote cut into citations and commentary.

A note is cut at top-level semicolons and then into sentences (and at "and" between
U.S. records, ``stages/us_records.py``); each piece is a citation
(``citations.parse_piece``) or commentary. A note of prose only cites nothing; a note
that looks like a reference no pattern reads is kept whole as ``unparsed``.
"""

from __future__ import annotations

import re

from historiograph.stages import us_records
from historiograph.stages.citation_fields import MONTH
from historiograph.stages.citations import (
    Citation,
    ParsedNote,
    looks_like_citation_start,
    parse_piece,
)
from historiograph.stages.sentences import split_sentences

# "See MZNP …", "For the full text of …, see Memorandum …", "See also …"
_SEE = re.compile(
    r"(?:[^;]*?,\s+|\s*)((?:[Ss]ee|[Cc]f\.)(?:,\s+for\s+example,|\s+also)?)\s+(?=[A-Z*“\"]|passim\b)"
)


def _split_run_on(text: str, abbreviations: set[str]) -> list[int]:
    """Cut points where a citation ends in a known abbreviation and the next begins without a
    semicolon ("… CIA FOIA Kuhns, *Assessing the Soviet Threat*, 433-36")."""
    cuts = []
    for abbr in abbreviations:
        for m in re.finditer(rf"(?<=\S)\s+{re.escape(abbr)}\s+(?=[A-Z][\w’'-]+,\s)", text):
            cuts.append(m.end())
    # "… (New York: Harper, 1952) and Langer and Gleason, *The Undeclared War* …": a work
    # closed by its publication (and pages), then "and" and the next one's authors
    cuts += [m.start(1) for m in _AFTER_PUBLICATION.finditer(text)]
    # "… Document 41 (URL) and reported in “Kennedy Asks …,” Los Angeles Times, …"
    cuts += [m.end() for m in re.finditer(r"\s+and\s+(?:was\s+)?reported\s+in\s+(?=“)", text)]
    return sorted(cuts)


_NAME = r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}"
_AFTER_PUBLICATION = re.compile(
    rf"\([^()]*\d{{4}}\)(?:,\s*(?:pp?\.\s*)?\d[\d–-]*)?(\s+and\s+)(?={_NAME}(?:\s+and\s+{_NAME})?,\s)"
)


def _top_level_split(text: str) -> list[tuple[int, int]]:
    """Cut at semicolons outside brackets and quotation marks, and outside a FRUS volume's
    title ("…, vol. XXV, Organization of Foreign Policy; Information Policy; United
    Nations, Document 41"); blank spans dropped."""
    spans = us_records.top_level(text, _SEMICOLON)
    titles = [m.span() for m in _FRUS_TITLE.finditer(text)]
    for a, b in titles:
        inside = [i for i, (s, e) in enumerate(spans) if a < e < b]  # cuts within the title
        if inside:
            first, last = inside[0], inside[-1] + 1
            spans[first : last + 1] = [(spans[first][0], spans[last][1])]
    return [
        (s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in spans if text[s:e].strip()
    ]


_SEMICOLON = re.compile(";")
_FRUS_TITLE = re.compile(
    r"(?:Foreign Relations of the United States|FRUS),\s+\d{4}(?:[–-]\d{2,4})?,"
    r"[^()“”]*?,\s+Document\s+\d+"
)


def parse_note(
    text: str,
    italics: list[tuple[int, int]],
    n: int | None = None,
    abbreviations: set[str] | None = None,
    archives: set[str] | None = None,
) -> ParsedNote:
    """Cut a footnote into citations and commentary. ``italics`` are offsets in ``text``;
    ``abbreviations`` (of works) and ``archives`` (abbreviations of U.S. archives) the
    earlier notes defined, grown by this one."""
    abbreviations = abbreviations if abbreviations is not None else set()
    archives = archives if archives is not None else set()
    citations: list[Citation] = []
    commentary: list[tuple[int, int]] = []
    segments = _top_level_split(text)
    us = (
        _USRecords(citations, archives)
        if us_records.mentions_location(text, frozenset(archives))
        or any(us_records.is_letter(text[a:b]) for a, b in segments)
        else None
    )
    for cs, ce in segments:
        pieces = []
        for s, e in split_sentences(text, cs, ce):
            cuts = [c for c in _split_run_on(text[s:e], abbreviations) if 0 < c < e - s]
            bounds = [s] + [s + c for c in cuts] + [e]
            pieces += [(a, b) for a, b in zip(bounds, bounds[1:], strict=False)]
        for s, e in pieces:
            if and_ := re.match(r"\s*and\s+(?=[A-Z“*])", text[s:e]):  # "…; and James Burns, “…”"
                s += and_.end()
            if lead := _SEE.match(text, s, e):
                # "For the full text …, see Memorandum …": commentary, then the citation.
                if text[s : lead.start(1)].strip(" ,"):
                    commentary.append((s, lead.start(1)))
                s = lead.end()
            spans = us.read(text, s, e, italics, abbreviations) if us else [(s, e)]
            for a, b in spans:
                parsed = _parse_span(text, a, b, italics, abbreviations)
                if parsed is None:
                    commentary.append((a, b))
                    continue
                citations.append(parsed)
    if not citations and cites_something(text):
        citations.append(Citation("unparsed", 0, len(text), {"text": text}))
        commentary = []
    elif not citations:
        commentary = [
            (0, len(text))
        ]  # prose only: "This official’s name has not been declassified."
    return ParsedNote(n, text, citations, commentary)


_EVIDENCE = re.compile(
    r"\bpp?\.\s*\d|\(\D*\d{4}\)|“[^”]+[,.]”|https?://|\bibid\b|"
    + MONTH
    + r"\s+\d{1,2},\s+\d{4}|\b(?:vol|no|doc|f|op|d|l)\.\s*\d|,\s*\d+(?:[-–]\d+)?\.?\s*$",
    re.I,
)


def cites_something(text: str) -> bool:
    """Does a note no pattern reads still look like a reference (pages, a year in brackets, a
    quoted title, a web address, a dated document, "ibid")? A note of prose does not."""
    return bool(_EVIDENCE.search(text))


def _trimmed(piece: str) -> str:
    """A piece without the period that ends its sentence; "… of U.S." keeps its last one."""
    piece = piece.rstrip()
    return piece if re.search(r"(?:[A-Z]\.){2,}$", piece) else piece.rstrip(". ")


def _parse_span(
    text: str, s: int, e: int, italics: list[tuple[int, int]], abbreviations: set[str]
) -> Citation | None:
    """The citation ``text[s:e]`` holds (an abbreviation it defines is remembered), or None."""
    piece = text[s:e]
    local = [(a - s, b - s) for a, b in italics if a >= s and b <= e]
    parsed = (
        parse_piece(_trimmed(piece), local, abbreviations)
        if looks_like_citation_start(piece)
        else None
    )
    if parsed is None:
        return None
    kind, fields = parsed
    if abbreviation := fields.get("abbreviation"):
        abbreviations.add(abbreviation)
    return Citation(kind, s, e, fields)


_FOLDER_WORD = re.compile(r"^(?:[A-Z0-9(“][^\s]*|of|and|on|the|in|for|to|&|a|an)$")
# What a document cited without its location may turn out to be: a published work.
_WORKS = ("article", "periodical", "book", "chapter", "web", "frus")


def _published(c: Citation) -> bool:
    """A work the general parser read whole (a book, a report, a Russian file), not a U.S.
    document still waiting for where it is kept."""
    return (
        c.kind in _WORKS
        or c.kind in ("report", "interview", "manuscript")
        or (c.kind == "archival" and bool(c.fields.get("fond")))
    )


class _USRecords:
    """U.S. records of one note, added as they are read; documents cited before a location
    they share ("A to B, date; and C to D, date in NARA, …") wait for it."""

    def __init__(self, citations: list[Citation], archives: set[str]) -> None:
        self.citations = citations
        self.archives = archives
        self.waiting: list[Citation] = []
        self.boxed: Citation | None = None  # the last record read with a folder

    def _box_at(self) -> tuple[int, int] | None:
        """Where the box of the last record read is printed (its own span, or its place)."""
        last = self.boxed
        return None if last is None else last.location_at or (last.start, last.end)

    def _next_folder(self, piece: str) -> dict | None:
        """ "…, Box 8, Freedom of Information 1976; Council on Classification Policy 1976":
        after a record's folder, a title-case name alone is another folder of its box."""
        last = self.boxed
        words = piece.strip(" .;").split()
        if last is None or last is not (self.citations[-1] if self.citations else None):
            return None
        if not 0 < len(words) <= 10 or not all(_FOLDER_WORD.match(w) for w in words):
            return None
        return dict(last.fields) | {"folder": " ".join(words)}

    def read(
        self,
        text: str,
        s: int,
        e: int,
        italics: list[tuple[int, int]],
        abbreviations: set[str],
    ) -> list[tuple[int, int]]:
        """Add the citations of ``text[s:e]`` in order; return the spans left over, which
        hold no citation (commentary), for the caller."""
        piece = _trimmed(text[s:e])
        records = us_records.read_piece(piece, frozenset(self.archives))
        if records is None:
            if folder := self._next_folder(piece):
                self.citations.append(Citation("archival", s, e, folder, None, self._box_at()))
                self.boxed = self.citations[-1]
                return []
            return [(s, e)]
        rest = []
        for r in records:
            start, end = s + r.start, s + r.end
            if r.other or not r.located:
                work = _parse_span(text, start, end, italics, abbreviations)
                if work is not None and (r.other or _published(work)):
                    self.citations.append(work)
                    continue
                if r.other and (folder := self._next_folder(text[start:end])):
                    self.citations.append(
                        Citation("archival", start, end, folder, None, self._box_at())
                    )
                    self.boxed = self.citations[-1]
                    continue
                if r.other:
                    rest.append((start, end))
                    continue
            if r.defines:
                self.archives.add(r.defines)
            if r.located and r.shared and self.waiting:
                for c in self.waiting:
                    c.fields |= r.place
                    c.location_at = (s + r.place_at[0], s + r.place_at[1]) if r.place_at else None
                if not r.fields.keys() - r.place.keys():  # a location alone ("… 1961. NARA, …")
                    self.waiting = []
                    continue
            citation = Citation("archival", start, end, dict(r.fields))
            self.boxed = citation if r.located and citation.fields.get("folder") else None
            self.citations.append(citation)
            if r.located:
                self.waiting = []
            else:
                self.waiting.append(citation)
        return rest
