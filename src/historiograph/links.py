"""Links from citations to the primary sources ingested beside them, each with its basis.

A citation links to a FRUS document of the database when what it prints names it:

- ``document``: the volume (year, volume, part) and the document number ("FRUS, 1949,
  vol. VII, pt. 2, doc. 196"), or the Office of the Historian's address
  (``…/historicaldocuments/frus1961-63v25/d41``);
- ``page``: the volume and a page the document is printed on ("FRUS, 1949, 7(2): 987");
  a page several documents share is narrowed by the citation's date, else every one of
  them is linked as ``possible``;
- ``file``: an archival citation whose file number is a FRUS document's source note
  ("740.00119 Control (Korea)/1–2549"), and whose date or parties agree with it: "probably
  the same document" (``probable``), since one file number holds many documents.

A volume in parts numbers its documents per part: without a part, a document number
links nowhere (its pages, numbered through the parts, still do). Nothing links to a
volume that is not ingested. A quotation the citing sentence makes is then looked for in
the linked document (``quotes``): found, found with differences, or not found.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from rapidfuzz import fuzz

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_URL = re.compile(r"historicaldocuments/(frus[\w-]+)/(d\d+)")
_QUOTE = re.compile(r"[“\"]([^”\"]{12,}?)[”\"]")
_ELLIPSIS = re.compile(r"\s*(?:\.\s?\.\s?\.|…)\s*")
FOUND, DIFFERENT = 97, 85  # rapidfuzz scores: found as printed; found with differences


@dataclass(slots=True, frozen=True)
class Primary:
    """A primary document of the database, as the links read it."""

    id: str
    meta: dict
    title: str = ""  # its head as printed

    @property
    def volume_key(self) -> tuple[str, str, str]:
        m = self.meta
        # "1952-54" as the first year, as a citation's "1952–1954" is compared
        return (m.get("frus_year", "")[:4], m.get("frus_volume", ""), m.get("frus_part", ""))

    def pages(self) -> tuple[int, int] | None:
        first, last = _int(self.meta.get("page_first")), _int(self.meta.get("page_last"))
        return (first, last or first) if first else None


@dataclass(slots=True)
class Link:
    doc_id: str  # the citing document
    note_n: int
    idx: int  # the citation's place in its note
    target: str  # the primary document
    how: str  # document | page | file
    basis: str  # what matched, in words
    certainty: str  # certain | probable | possible
    quotes: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


def _int(value: object) -> int | None:
    text = str(value or "").strip()
    if text.isdigit():
        return int(text)
    if text and all(c in _ROMAN for c in text.upper()):
        total, prev = 0, 0
        for c in reversed(text.upper()):
            v = _ROMAN[c]
            total, prev = (total - v, prev) if v < prev else (total + v, v)
        return total
    return None


def _first_page(pages: str) -> int | None:
    m = re.match(r"\s*(\d+)", pages or "")
    return int(m.group(1)) if m else None


def link_citations(citations: list[dict], primaries: list[Primary]) -> list[Link]:
    """``citations``: rows with doc_id, note_n, idx, kind, fields (a dict). Primary
    documents are not linked to themselves."""
    by_number: dict[tuple[str, str, str, str], Primary] = {}
    by_volume: dict[tuple[str, str], list[Primary]] = {}
    by_id = {p.id: p for p in primaries}
    by_file: dict[str, list[Primary]] = {}
    for p in primaries:
        year, volume, part = p.volume_key
        by_number[(year, volume, part, p.meta.get("number", ""))] = p
        by_volume.setdefault((year, volume), []).append(p)
        if mark := _file_number(p.meta.get("source_note", "")):
            by_file.setdefault(mark, []).append(p)
    links: list[Link] = []
    for c in citations:
        f = c["fields"]
        found: list[tuple[Primary, str, str, str]] = []  # target, how, basis, certainty
        if c["kind"] == "frus":
            found = _frus_targets(f, by_number, by_volume, by_id)
        elif c["kind"] == "archival" and f.get("file"):
            found = _file_targets(f, by_file)
        for target, how, basis, certainty in found:
            if (against := _parties_disagree(f, target)) and certainty == "certain":
                basis, certainty = f"{basis}, but {against}", "possible"
            if target.id != c["doc_id"]:
                links.append(
                    Link(c["doc_id"], c["note_n"], c["idx"], target.id, how, basis, certainty)
                )
    return links


def _frus_targets(f: dict, by_number, by_volume, by_id) -> list[tuple[Primary, str, str, str]]:  # type: ignore[no-untyped-def]
    if url := _URL.search(f.get("url", "")):
        target = by_id.get(f"{url.group(1)}-{url.group(2)}")
        return (
            [(target, "document", f"the address names {url.group(1)}/{url.group(2)}", "certain")]
            if target
            else []
        )
    year = (f.get("year") or "")[:4]
    volume = str(_int(f.get("volume")) or "")
    if not year or not volume:
        return []
    part = str(_int(f.get("part")) or "")
    candidates = by_volume.get((year, volume), [])
    if not candidates:
        return []  # the volume is not ingested
    parts = {p.volume_key[2] for p in candidates}
    label = f"FRUS {year}, vol. {volume}" + (f", pt. {part}" if part else "")
    if f.get("doc"):
        if part or parts == {""}:
            target = by_number.get((year, volume, part, f["doc"]))
            if target:
                return [(target, "document", f"{label}, doc. {f['doc']}", "certain")]
        return []
    page = _first_page(f.get("pages", ""))
    if page is None:
        return []
    on_page = [
        p
        for p in candidates
        if (not part or p.volume_key[2] == part)
        and (r := p.pages()) is not None
        and r[0] <= page <= r[1]
    ]
    basis = f"{label}, p. {page}"
    if len(on_page) > 1 and f.get("date"):  # a page several documents share: narrowed
        dated = [p for p in on_page if p.meta.get("date", "")[:10] == f["date"][:10]]
        if dated:
            on_page, basis = dated, f"{basis}, dated {f['date']}"
    creator, _ = _parties(f)
    if len(on_page) > 1 and creator:
        written = [p for p in on_page if any(s in _names_in(p, "from") for s in creator)]
        if written:
            on_page, basis = written, f"{basis}, by {', '.join(sorted(creator))}"
    if len(on_page) == 1:
        return [(on_page[0], "page", basis, "certain")]
    shared = ", ".join(p.meta.get("xml_id", p.id) for p in on_page)
    return [(p, "page", f"{label}, p. {page}, which {shared} share", "possible") for p in on_page]


def _surnames(value: object) -> set[str]:
    names = value if isinstance(value, list) else [value] if value else []
    out = set()
    for n in names:
        words = re.findall(r"[A-Z][\w’'-]+", str(n))
        if words:
            out.add(words[-1].casefold())
    return out


def _parties(f: dict) -> tuple[set[str], set[str]]:
    """The citation's creator and recipient surnames ("Royall to Acheson")."""
    creator, recipient = _surnames(f.get("creator")), _surnames(f.get("recipient"))
    if not creator and (m := re.match(r"(.+?)\s+to\s+(.+)$", f.get("title", ""))):
        creator, recipient = _surnames(m.group(1)), _surnames(m.group(2))
    return creator, recipient


def _names_in(p: Primary, role: str) -> str:
    return (p.meta.get(role, "") + " " + p.title).casefold()


def _parties_disagree(f: dict, p: Primary) -> str | None:
    """Words of the citation that contradict the document it was linked to: a creator
    the document's head does not name."""
    creator, _ = _parties(f)
    if creator and p.title and not any(s in _names_in(p, "from") for s in creator):
        return f"the citation's writer ({', '.join(sorted(creator))}) is not in its head"
    return None


def _file_number(text: str) -> str:
    """A decimal file number as a key: "740.00119 Control (Korea)/1–2549: Telegram" ->
    "740.00119control(korea)/1-2549"."""
    m = re.match(r"\s*(\d{3}\.[\w.]*[^/:;]*?/\s*[\d–-]+)", text or "")
    if not m:
        return ""
    return re.sub(r"\s+", "", m.group(1).replace("–", "-")).casefold()


def _file_targets(f: dict, by_file) -> list[tuple[Primary, str, str, str]]:  # type: ignore[no-untyped-def]
    mark = _file_number(f["file"])
    out: list[tuple[int, tuple[Primary, str, str, str]]] = []
    for p in by_file.get(mark, []):
        agree = []
        if f.get("date") and p.meta.get("date", "")[:10] == f["date"][:10]:
            agree.append(f"date {f['date']}")
        creator, recipient = _parties(f)
        for who, names, role in (("writer", creator, "from"), ("addressee", recipient, "to")):
            # the role as the document's markup names it, else anywhere in its head
            named = p.meta.get(role, "").casefold() or p.title.casefold()
            if names and any(s in named for s in names):
                agree.append(f"{who} {', '.join(sorted(names))}")
        if agree:
            basis = f"file {f['file']}, " + " and ".join(agree)
            out.append(
                (len(agree), (p, "file", f"probably the same document: {basis}", "probable"))
            )
    best = max((n for n, _ in out), default=0)  # the documents that agree the most
    return [link for n, link in out if n == best]


def _folded(text: str) -> str:
    """Lower case for matching, when it keeps every character in place (the alignment's
    offsets are the document's: "ß" would fold to two characters and shift them)."""
    low = text.lower()
    return low if len(low) == len(text) else text


def check_quotes(sentences: list[str], document_text: str) -> list[dict]:
    """Each quotation of the citing sentences looked for in the linked document:
    ``{"quote", "status", "score", "start", "end"}`` (the span where it is best found)."""
    haystack = _folded(document_text)  # once per document, not once per piece
    out = []
    for sentence in sentences:
        for m in _QUOTE.finditer(sentence):
            quote = m.group(1).strip(" ,.;:")
            pieces = [p for p in _ELLIPSIS.split(quote) if len(p.split()) >= 2] or [quote]
            found = [fuzz.partial_ratio_alignment(_folded(p), haystack) for p in pieces]
            score = min(al.score for al in found)
            status = (
                "found"
                if score >= FOUND
                else "found with differences"
                if score >= DIFFERENT
                else "not found"
            )
            row = {"quote": quote, "status": status, "score": round(score, 1)}
            if status != "not found":
                row |= {
                    "start": min(al.dest_start for al in found),
                    "end": max(al.dest_end for al in found),
                }
            out.append(row)
    return out
