"""Text-like inputs for property tests, and the invariants every ingest must keep.

Inputs are made of real paragraphs of the bundled corpus, shuffled, cut at
arbitrary offsets, and salted with what real files hold and readers trip on:
footnote markers of every style, notes sections, header lines, quotes, line
breaks of three systems, non-breaking and zero-width spaces, tabs, a BOM.
``tools/fuzz.py`` (``make fuzz``) runs the same checks on many more inputs.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from functools import cache
from pathlib import Path

from hypothesis import strategies as st

from historiograph.errors import InputError
from historiograph.ingest.article import FORMATS, parse_article
from historiograph.model import Document

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
# Inputs that once broke an invariant: each is checked again by the test suite.
REGRESSIONS = ROOT / "tests" / "fuzz_cases"

SALT = [
    "¹",
    "²³",
    "⁴⁵",
    "[1]",
    "[2]",
    "[^3]",
    "[12]",
    "[no date]",
    " 4",
    ".5",
    "6.",
    "12. ",
    "“",
    "”",
    '"',
    "'",
    "‘",
    "’",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "\u00a0",
    "\u200b",
    "\ufeff",
    "*",
    "_",
    "# ",
    "## ",
    "- ",
    "> ",
    "\nNotes\n\n",
    "\nEndnotes\n\n",
    "\n\n1. See Acheson to Bruce, October 5, 1950, FRUS 1950, 7: 12.\n",
    "\n\n2. Ibid., 14.\n",
    "SOURCE: https://example.org/x\n",
    "TITLE: A Title\n",
    "---\ntitle: Front\n---\n",
    "October 12, 1950",
    "at 21:00",
    "T21:",
    "1950-10-12",
    "on the night of 18-19 October",
    "(",
    ")",
    "—",
    "–",
    "…",
    "§",
    "\x0c",
]


@cache
def corpus_paragraphs() -> tuple[str, ...]:
    """Paragraphs (blank-line separated blocks) of every bundled text, in a stable order."""
    paras: list[str] = []
    for f in sorted(CORPUS.glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        paras += [p for p in re.split(r"\n\s*\n", text) if p.strip()][:60]
    return tuple(p[:1200] for p in paras)


@st.composite
def text_like(draw: st.DrawFn, max_paragraphs: int = 6) -> str:
    """A text made of real paragraphs, cut and salted."""
    pool = corpus_paragraphs()
    n = draw(st.integers(1, max_paragraphs))
    parts = [pool[draw(st.integers(0, len(pool) - 1))] for _ in range(n)]
    seps = draw(
        st.lists(st.sampled_from(["\n\n", "\n", "\r\n\r\n", " ", "\n\n\n"]), min_size=n, max_size=n)
    )
    text = "".join(p + s for p, s in zip(parts, seps, strict=True))
    if draw(st.booleans()):  # cut at arbitrary offsets
        a = draw(st.integers(0, len(text)))
        b = draw(st.integers(a, len(text)))
        text = text[a:b] or text
    for _ in range(draw(st.integers(0, 12))):
        pos = draw(st.integers(0, len(text)))
        salt = draw(st.sampled_from(SALT) | st.text(max_size=3))
        text = text[:pos] + salt + text[pos:]
    return text


def check_document(doc: Document) -> None:
    """The invariants of a read document: spans lead back to the raw text, markers to ≤ 1 note."""
    text, raw = doc.text, doc.raw
    for seg in doc.offsets.segments:
        piece = text[seg.norm_start : seg.norm_end]
        if seg.copied:
            assert piece == raw[seg.raw_start : seg.raw_end], seg
        else:
            behind = raw[seg.raw_start : seg.raw_end]
            assert piece.isspace() or piece == unicodedata.normalize("NFC", behind), seg
    for item in [*doc.blocks, *doc.sentences, *doc.footnotes]:
        assert 0 <= item.start <= item.end <= len(text), item
        rs, re_ = doc.raw_span(item.start, item.end)
        assert 0 <= rs <= re_ <= len(raw), item
        if item.end > item.start and text[item.start] == raw[rs : rs + 1]:
            # Where the span's first character was copied, the raw span starts with it.
            assert raw[rs : rs + 1] == text[item.start]
        elif item.end > item.start:
            assert not _copied_at(doc, item.start), item
    labels = [f.label for f in doc.footnotes if f.kind == "note"]
    for m in doc.markers:
        assert labels.count(str(m.n)) <= 1, m
        assert re.search(r"\d|[⁰¹²³⁴⁵⁶⁷⁸⁹]", raw[m.raw_start : m.raw_end]), m
        assert 0 <= m.pos <= len(text)


def _copied_at(doc: Document, pos: int) -> bool:
    seg = doc.offsets._segment_at(pos)
    return seg.copied


def read_every_way(raw: str) -> list[Document]:
    """The text read by every reader: each gives a document or an InputError, nothing else."""
    docs = []
    for fmt in FORMATS:
        try:
            doc = parse_article(raw, "fuzz", "fuzz.txt", fmt)
        except InputError:
            continue
        check_document(doc)
        docs.append(doc)
    return docs


def dump(conn: sqlite3.Connection) -> list:
    """Every row of every table, in a stable order (to compare two states of a database)."""
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'"
            " AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    return [(t, sorted(map(tuple, conn.execute(f'SELECT * FROM "{t}"')), key=repr)) for t in tables]
