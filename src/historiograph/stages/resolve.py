"""Resolve "Ibid.", short forms and "hereafter" abbreviations to full citations.

Notes are walked in order. "Ibid." repeats the citation just before it; a
short form ("Torkunov, *The War in Korea*, 94-95") names the latest full
citation whose authors' surnames and title it matches; an abbreviation
defined by "hereafter (cited as) X" or "henceforth X" stands for the work that
defined it, wherever it is used. ``refers_to`` always leads to a *full* citation.

Print errors are forgiven where no exact match exists: an abbreviation one
letter off ("JYMZIW" for JYMZW, "ZEFW" for ZEJW) or followed by the word it
abbreviates with ("CWIHP Bulletin"), a surname misspelled ("Turkunov" for
Torkunov). A short form that matches nothing, even so, stays unresolved.
"""

from __future__ import annotations

import re
import unicodedata

from historiograph.stages.citations import Citation, ParsedNote
from historiograph.stages.misprints import abbreviation_for, close

_REFERRING = ("ibid", "short")


def fold(text: str) -> str:
    """Case, accents, quote styles and punctuation folded away, for matching."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.translate(str.maketrans("’‘“”–—", "''\"\"--"))
    return re.sub(r"[^\w]+", " ", text).casefold().strip()


def _surnames(names: list[str]) -> set[str]:
    """ "Sergei N. Goncharov" -> "goncharov"; "Chen Jian" keeps both words (family name first)."""
    out = set()
    for name in names:
        words = fold(name).split()
        out.update(words[-1:] + words[:1])
    return out


def _same_surnames(short: set[str], full: set[str]) -> bool:
    return bool(short & full) or any(close(a, b) for a in short for b in full if len(a) >= 5)


def _matches_short(short: Citation, full: Citation) -> bool:
    title, full_title = fold(short.fields.get("title", "")), fold(full.fields.get("title", ""))
    if not title or not full_title:
        return False
    if title not in full_title and not full_title.startswith(title):
        return False
    authors = short.fields.get("authors")
    if not authors:
        return True
    people = full.fields.get("authors") or full.fields.get("editors") or []
    return _same_surnames(_surnames(authors), _surnames(people))


def resolve(notes: list[ParsedNote]) -> None:
    """Fill ``refers_to`` on every ibid and short citation it can resolve (in place)."""
    full: list[tuple[int, int, Citation]] = []  # (note, index, citation) in reading order
    abbreviations: dict[str, tuple[int, int]] = {}
    previous: tuple[int, int] | None = None  # what "ibid." would repeat
    for note in notes:
        n = note.n if note.n is not None else -1
        for i, c in enumerate(note.citations):
            if c.kind == "ibid":
                c.refers_to = previous
            elif c.kind == "short":
                title = c.fields.get("title", "")
                if (abbr := abbreviation_for(title, abbreviations)) is not None:
                    c.refers_to = abbreviations[abbr]
                else:
                    c.refers_to = next(
                        ((fn, fi) for fn, fi, fc in reversed(full) if _matches_short(c, fc)), None
                    )
            elif c.kind != "unparsed":
                full.append((n, i, c))
                if (abbr := c.fields.get("abbreviation")) and c.kind not in ("archival", "frus"):
                    abbreviations[abbr] = (n, i)
            if c.kind in _REFERRING:
                previous = c.refers_to
            elif c.kind != "unparsed":
                previous = (n, i)
