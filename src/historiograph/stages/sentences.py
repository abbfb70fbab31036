"""Sentence boundaries in normalized text, tuned for historical prose.

History writing is dense with periods that do not end sentences: initials
("P. F. Yudin", "C. Turner Joy"), ranks ("Gen.", "Adm."), citation words
("vol.", "ed.", "pp."), and abbreviations that may or may not end one
("the U.S. Army" / "… by the U.S. The next day"). The abbreviation lists
live in ``data/abbreviations.txt`` and ``data/sentence_openers.txt``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from historiograph import data

_BOUNDARY = re.compile(r"[.!?…]+[”\"’')\]]*(?=\s+(\S))")
_STARTER = re.compile(r"[A-Z0-9“\"‘'(\[À-Ý]")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.){2,}$")


@dataclass(frozen=True, slots=True)
class Abbreviations:
    never: frozenset[str]
    ambiguous: frozenset[str]
    openers: frozenset[str]


@lru_cache(maxsize=1)
def abbreviations() -> Abbreviations:
    sections: dict[str, set[str]] = {"never": set(), "ambiguous": set()}
    current = "never"
    for line in data.lines("abbreviations.txt"):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        sections[current].add(line)
    # Compared case-folded: "No." and "no.", "Vol." and "vol." are one abbreviation.
    return Abbreviations(
        frozenset(a.casefold() for a in sections["never"]),
        frozenset(a.casefold() for a in sections["ambiguous"]),
        frozenset(data.lines("sentence_openers.txt")),
    )


_WORD = re.compile(r"[A-Za-z]+")


def _is_boundary(text: str, lo: int, m: re.Match[str]) -> bool:
    nxt = m.start(1)  # matched in place: a slice of the rest of the text costs its length
    if not _STARTER.match(text, nxt):
        return False
    punct = m.group()
    if re.fullmatch(r"\?\]", punct):
        return False  # an editor's query ("[?]", "[Thomas?] Stern"), not a question
    if punct != ".":
        return True  # "?", "!", "…", or a period inside closing quotes
    space = max(text.rfind(" ", lo, m.end()), text.rfind("\n", lo, m.end()), lo - 1)
    token = text[space + 1 : m.end()].lstrip("([“\"‘'")
    token = re.split(r"[-–—/]", token)[-1] or token  # "Apr.–Dec.", "Information-Mar."
    abbr = abbreviations()
    folded = token.casefold()
    if folded in abbr.never or re.fullmatch(r"[A-Z]\.", token):
        return False
    if folded in abbr.ambiguous or _INITIALISM.search(token):
        next_word = _WORD.match(text, nxt)
        return bool(next_word) and next_word.group() in abbr.openers
    return True


def _inside_quotation(text: str, s: int, pos: int, end: int) -> bool:
    """Is ``pos`` inside a quotation or bracket that opened in this sentence and closes later?

    A quoted passage of several sentences stays one sentence of the article
    ("Mao pointed out that “… a threat to us. There is no alternative …”"),
    and so does a bracketed translation in a footnote ("[… question. Who started …]").
    """
    for opener, closer in (("“", "”"), ("(", ")"), ("[", "]")):
        opened = text.count(opener, s, pos) - text.count(closer, s, pos)
        if opened > 0 and text.find(closer, pos, end) >= 0:
            return True
    return text.count('"', s, pos) % 2 == 1 and text.find('"', pos, end) >= 0


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans ``[s, e)`` covering ``text[start:end]`` (one block)."""
    spans: list[tuple[int, int]] = []
    s = start
    for m in _BOUNDARY.finditer(text, start, end):
        if _is_boundary(text, s, m) and not _inside_quotation(text, s, m.end(), end):
            spans.append((s, m.end()))
            s = m.end()
            while s < end and text[s].isspace():
                s += 1
    if s < end:
        spans.append((s, end))
    return spans
