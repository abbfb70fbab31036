"""The citations stage over a whole document, and the source registry's natural keys.

``cite_document`` parses every footnote of a document, resolves ibid / short
forms / abbreviations across its notes, and gives each citation the key of
the source (work or archival document) it cites. Two citations with the same
key cite the same source, in one article or across articles.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from historiograph.model import Document
from historiograph.stages.citations import Citation, ParsedNote
from historiograph.stages.footnotes import parse_note
from historiograph.stages.resolve import fold, resolve
from historiograph.stages.shelfmarks import Shelfmark

STAGE_VERSION = "citations-3"  # FRUS part and short style


@dataclass(slots=True, frozen=True)
class SourceRef:
    """A source a citation points to: ``role`` is ``work`` or, for "cited from", ``document``."""

    key: str
    kind: str
    label: str
    fields: dict[str, Any]
    role: str = "work"

    @property
    def id(self) -> str:
        return hashlib.sha1(self.key.encode("utf-8")).hexdigest()[:12]


def _surname(names: list[str] | None) -> str:
    if not names:
        return ""
    words = fold(names[0]).split()
    return words[-1] if words else ""


def names_text(value: str | list[str] | None) -> str:
    """A creator or recipient as one string: several names joined by "; "."""
    return "; ".join(value) if isinstance(value, list) else value or ""


def shelfmark_of(fields: dict[str, Any]) -> Shelfmark | None:
    if not all(fields.get(k) for k in ("fond", "opis", "delo")):
        return None
    return Shelfmark(
        fields.get("archive"), fields["fond"], fields["opis"], fields["delo"], fields.get("folios")
    )


def source_of(c: Citation) -> SourceRef | None:
    """The registry entry a full citation cites (None for ibid, short and unparsed)."""
    f = c.fields
    if c.kind in ("ibid", "short", "unparsed"):
        return None
    if c.kind == "archival":
        mark = shelfmark_of(f)
        if mark is None:
            return us_record_of(f)
        # A document in a file: shelfmark without folios, plus what tells documents apart.
        key = "|".join(
            [
                "archival",
                fold(mark.archive or ""),
                mark.fond,
                mark.opis,
                mark.delo,
                f.get("date", ""),
                fold(names_text(f.get("creator"))),
                fold(names_text(f.get("recipient"))),
            ]
        )
        label = f"{f.get('title', 'Document')}, {f.get('date', 'n.d.')} ({mark.canonical})"
        return SourceRef(key, "archival", label, _work_fields(f))
    if c.kind == "frus":
        key = "|".join(
            [
                "frus",
                f.get("year", ""),
                f.get("volume", ""),
                f.get("doc", ""),
                fold(f.get("title", "")) if not f.get("doc") else "",
            ]
        )
        label = f"{f.get('title', 'FRUS')}, FRUS {f.get('year', '')}, vol. {f.get('volume', '?')}, doc. {f.get('doc', '?')}"
        return SourceRef(key, "frus", label, _work_fields(f))
    people = f.get("authors") or f.get("editors")
    parts = [
        c.kind if c.kind in _DATED_KINDS else "work",
        fold(f.get("title", "")),
        _surname(people),
    ]
    if c.kind in _DATED_KINDS:
        parts.append(f.get("date", ""))
    label = ", ".join(x for x in [", ".join(people or []), f.get("title", "")] if x)
    return SourceRef("|".join(parts), c.kind, label, _work_fields(f))


US_LOCATION = ("record_group", "series", "file", "box", "folder")


def us_location(fields: dict[str, Any]) -> str:
    """ "RG 59, CDF 1960–1963, 023.1/9–1360" / "HAC Lot File 96D292, Box 2, 1963–Report"."""
    parts = [fields.get(k) for k in US_LOCATION]
    if fields.get("box"):
        parts[3] = f"Box {fields['box']}"
    return ", ".join(p for p in parts if p)


def us_record_of(f: dict[str, Any]) -> SourceRef | None:
    """A U.S. record: one source per (archive, record group, series, file, date, creator,
    recipient), or its title where no one is named, so a letter cited in two chapters is
    one source. A citation that names no archive and no document is no source."""
    if not f.get("archive") and not (f.get("creator") or f.get("title")):
        return None
    people = fold(names_text(f.get("creator"))), fold(names_text(f.get("recipient")))
    key = "|".join(
        [
            "us-record",
            fold(f.get("archive", "")),
            *(fold(f.get(k, "")) for k in ("record_group", "series", "file")),
            f.get("date", ""),
            *people,
            "" if any(people) else fold(f.get("title", "")),
            "passim" if f.get("passim") else "",
        ]
    )
    who = " to ".join(
        x for x in (names_text(f.get("creator")), names_text(f.get("recipient"))) if x
    )
    what = who or f.get("title") or ("Files" if f.get("passim") else "Document")
    where = ", ".join(x for x in (f.get("archive"), us_location(f)) if x)
    label = f"{what}, {f.get('date', 'n.d.')}" + (f" ({where})" if where else "")
    return SourceRef(key, "archival", label, _work_fields(f))


# Kinds whose one title names many sources told apart by date (hearings on one bill).
_DATED_KINDS = (
    "report",
    "interview",
    "hearing",
    "congressional",
    "congressional-record",
    "legislation",
)

_PER_CITATION = ("pages", "folios", "abbreviation", "document", "pinpoint")


def _work_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """What describes the source itself, not the place cited in it (pages, folios)."""
    return {k: v for k, v in fields.items() if k not in _PER_CITATION}


def document_source_of(c: Citation) -> SourceRef | None:
    """For "X to Y, <date>, cited from <collection>": the document itself, as a second source."""
    f = c.fields
    if not f.get("document"):
        return None
    key = "|".join(["document", fold(f["document"]), f.get("date", "")])
    fields = {k: f[k] for k in ("date", "creator", "recipient") if f.get(k)} | {
        "title": f["document"]
    }
    return SourceRef(
        key, "document", f"{f['document']}, {f.get('date', 'n.d.')}", fields, "document"
    )


def cite_document(doc: Document) -> list[ParsedNote]:
    """Parse and resolve every numbered footnote of ``doc``."""
    notes: list[ParsedNote] = []
    abbreviations: set[str] = set()
    archives: set[str] = set()
    for f in doc.footnotes:
        if f.kind != "note":
            continue
        italics = [
            (s.start - f.start, s.end - f.start)
            for s in doc.styles
            if s.kind == "italic" and s.start >= f.start and s.end <= f.end
        ]
        notes.append(parse_note(doc.text[f.start : f.end], italics, f.n, abbreviations, archives))
    resolve(notes)
    return notes


def sources_for(notes: list[ParsedNote]) -> dict[tuple[int, int], list[SourceRef]]:
    """``{(note n, citation index): [sources]}``; ibid and short forms take their target's."""
    own: dict[tuple[int, int], list[SourceRef]] = {}
    for note in notes:
        for i, c in enumerate(note.citations):
            refs = [r for r in (source_of(c), document_source_of(c)) if r is not None]
            own[(note.n or -1, i)] = refs
    out: dict[tuple[int, int], list[SourceRef]] = {}
    for note in notes:
        for i, c in enumerate(note.citations):
            refs = list(own[(note.n or -1, i)])
            if c.refers_to is not None:
                refs = [r for r in own.get(c.refers_to, []) if r.role == "work"] + refs
            out[(note.n or -1, i)] = refs
    return out
