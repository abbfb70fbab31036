"""Read an article file into a :class:`~historiograph.model.Document`.

``read_article`` is the ingest stage: raw bytes -> checked text -> a reader
chosen by the text's shape (saved from the web, PDF-extracted or Markdown-like) -> blocks,
sentences, footnotes and markers, all as offsets into one normalized text.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from pathlib import Path

from historiograph.errors import InputError
from historiograph.ingest.markdown import read_markdown
from historiograph.ingest.pdftext import looks_hard_wrapped, read_pdf_text
from historiograph.ingest.reading import ReaderOutput
from historiograph.ingest.webtext import looks_like_web_text, read_web_text
from historiograph.model import Block, Document, Footnote, Marker, Sentence, StyleSpan
from historiograph.stages.note_reach import note_scope
from historiograph.stages.sentences import split_sentences

# Raised when a reader reads the same file differently (stored documents are read again).
READERS_VERSION = "4"  # "pt." ends no sentence; TEI volumes
FORMATS = ("auto", "pdf-text", "markdown", "web")
_READERS = {"pdf-text": read_pdf_text, "markdown": read_markdown, "web": read_web_text}
SUFFIXES = (".txt", ".md", ".markdown", ".text")


def decode(data: bytes, path: str | Path) -> str:
    """The file's text, or an :class:`InputError` saying why it is not an article."""
    if not data.strip():
        raise InputError(path, "empty file (no text to read)")
    if b"\x00" in data[:65536]:
        raise InputError(path, "binary file, not text (give a .txt or .md article)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(
            path,
            f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); "
            "convert it to UTF-8 first",
        ) from None
    controls = sum(1 for c in text[:65536] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > 0.01 * min(len(text), 65536):
        raise InputError(path, "binary file, not text (too many control characters)")
    return text


def detect_format(raw: str) -> str:
    """The reader the text's shape calls for (``--format`` overrides it)."""
    if looks_like_web_text(raw):
        return "web"
    return "pdf-text" if looks_hard_wrapped(raw) else "markdown"


def read_file(path: Path) -> tuple[bytes, str]:
    """A file's bytes and its checked text (:func:`decode`); an :class:`InputError` if it
    cannot be read."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(path, f"cannot read file ({e.strerror})") from None
    return data, decode(data, path)


def read_article(path: str | Path, doc_id: str | None = None, fmt: str = "auto") -> Document:
    """Read one article file. Raises :class:`InputError` for unreadable input."""
    path = Path(path)
    data, raw = read_file(path)
    return parse_article(raw, doc_id or path.stem, str(path), fmt, hashlib.sha256(data).hexdigest())


def parse_article(
    raw: str, doc_id: str, path: str = "", fmt: str = "auto", sha256: str = ""
) -> Document:
    """Turn decoded raw text into a Document (no file access)."""
    if fmt not in FORMATS:
        raise InputError(
            path or doc_id, f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})"
        )
    if fmt == "auto":
        fmt = detect_format(raw)
    out = _READERS[fmt](raw)
    if not out.text.strip():
        raise InputError(path or doc_id, "no article text found")
    return assemble(out, raw, doc_id, path, sha256)


def assemble(out: ReaderOutput, raw: str, doc_id: str, path: str, sha256: str) -> Document:
    assert out.offsets is not None
    doc = Document(
        doc_id, path, raw, out.text, out.offsets, out.format, sha256=sha256, meta=out.meta
    )
    first_marker = min((hit.raw_start for hit in out.markers), default=len(raw))
    for i, rb in enumerate(out.blocks):
        doc.blocks.append(Block(i, rb.kind, rb.start, rb.end))
        if rb.kind == "title" and doc.title is None:
            doc.title = out.text[rb.start : rb.end]
        if rb.kind == "note":
            assert rb.label is not None
            # A note printed before the article's first marker answers none of
            # them: it is the first page's author note, unnumbered in print
            # (PDF extraction may turn its symbol into "1").
            before_markers = out.offsets.raw_start(rb.start) < first_marker
            kind = "author_note" if before_markers or not rb.label.isdigit() else "note"
            doc.footnotes.append(Footnote(rb.label, kind, rb.start, rb.end, i))
        elif rb.kind in ("paragraph", "heading", "title"):
            spans = (
                split_sentences(out.text, rb.start, rb.end)
                if rb.kind == "paragraph"
                else [(rb.start, rb.end)]
            )
            for s, e in spans:
                doc.sentences.append(Sentence(len(doc.sentences), s, e, i))
    if doc.title is None and out.meta.get("title"):
        doc.title = out.meta["title"]
    starts = [s.start for s in doc.sentences]
    doc.markers = [_link_marker(doc, k, hit, starts) for k, hit in enumerate(out.markers)]
    doc.styles = [StyleSpan("italic", s, e) for s, e in out.italics]
    doc.note_scope = note_scope(doc)
    return doc


def _link_marker(doc: Document, k: int, hit, starts: list[int]) -> Marker:  # type: ignore[no-untyped-def]
    """Attach a marker to the sentence it closes (the one ending at or around it)."""
    # The last sentence starting before the marker holds it if it reaches it.
    i = bisect_left(starts, hit.pos) - 1
    s = doc.sentences[i] if i >= 0 else None
    sentence_idx = s.idx if s is not None and s.start < hit.pos <= s.end else None
    return Marker(k, hit.n, hit.pos, hit.raw_start, hit.raw_end, sentence_idx, hit.style)
