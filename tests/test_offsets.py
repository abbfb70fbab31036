"""The offset map: every normalized character leads back to the raw file."""

from __future__ import annotations

import re

from historiograph.ingest.offsets import TextBuilder


def _words(s: str) -> list[str]:
    return re.findall(r"\w+", s)


def test_offsets_copy_and_replace_map_back():
    raw = "Hello,\n\n  world"
    b = TextBuilder(raw)
    b.copy(0, 6)
    b.replace(" ", 6, 10)
    b.copy(10, 15)
    text, omap = b.build()
    assert text == "Hello, world"
    assert omap.to_raw(0, 5) == (0, 5)
    assert omap.to_raw(7, 12) == (10, 15)
    assert omap.to_raw(5, 8) == (5, 11)  # ", w" spans the replaced line break
    assert omap.raw_pieces(0, 12) == [(0, 6), (10, 15)]


def test_offsets_empty_span_maps_after_previous_char():
    b = TextBuilder("ab¹ c")
    b.copy(0, 2)
    b.replace(" ", 3, 4)
    b.copy(4, 5)
    text, omap = b.build()
    assert text == "ab c"
    assert omap.to_raw(2, 2) == (2, 2)


def test_offsets_nfc_normalizes_and_marks_segment_as_replaced():
    raw = "Mao Ze\u0301dong"  # e + combining acute
    b = TextBuilder(raw)
    b.copy(0, len(raw))
    text, omap = b.build()
    assert text == "Mao Zédong"
    assert omap.to_raw(0, len(text)) == (0, len(raw))


def test_offsets_every_sentence_and_note_reads_the_same_words_in_raw(corpus_doc):
    """Across the whole corpus: the raw pieces behind a span hold the span's words.

    Only what the reader dropped on purpose may differ: a hyphen that broke a
    word at a line end joins the two halves.
    """
    doc = corpus_doc
    spans = [(s.start, s.end) for s in doc.sentences] + [(f.start, f.end) for f in doc.footnotes]
    assert spans
    for start, end in spans:
        norm = doc.text[start:end]
        pieces = doc.offsets.raw_pieces(start, end)
        raw_joined = "".join(doc.raw[a:b] for a, b in pieces)
        assert re.sub(r"\s+", "", raw_joined) == re.sub(r"\s+", "", norm), norm[:80]
        # The outer raw range starts and ends on the same words, in the original file.
        rs, re_ = doc.raw_span(start, end)
        raw_words = _words(doc.raw[rs:re_])
        norm_words = _words(norm)
        assert raw_words[0] == norm_words[0] or raw_words[0].startswith(norm_words[0])
        assert raw_words[-1] == norm_words[-1] or norm_words[-1].endswith(raw_words[-1])


def test_offsets_segments_tile_the_normalized_text(corpus_doc):
    segs = corpus_doc.offsets.segments
    assert segs[0].norm_start == 0
    assert segs[-1].norm_end == len(corpus_doc.text)
    for a, b in zip(segs, segs[1:], strict=False):
        assert a.norm_end == b.norm_start
    for s in segs:
        if s.copied:
            assert (
                corpus_doc.text[s.norm_start : s.norm_end]
                == corpus_doc.raw[s.raw_start : s.raw_end]
            )
