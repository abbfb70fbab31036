"""The web/edition reader, on the FRUS history chapter and on hand-written text."""

from __future__ import annotations

import json
import sqlite3

import pytest

from historiograph import parse_article, read_article
from historiograph.errors import StageError
from historiograph.pipeline import ingest_paths
from historiograph.store.db import connect
from historiograph.store.queries import get_note

from .conftest import CORPUS
from .fuzzing import check_document

CH8 = CORPUS / "frus_history_ch8_1958_1979.txt"

SAMPLE = """SOURCE: https://example.org/essay
TITLE: Series — An Essay

An Essay, 1950

Acheson spoke to Bruce on October 5, 1950.[1] Bruce answered [no date] the next day.[2]

- a list item citing Kennan[^3]
- another item

Notes

1. Acheson to Bruce, October 5, 1950, NARA, RG 59.

2. Ibid.

A second paragraph of note 2.

3. Kennan to Acheson, 1950.
"""


def _text(doc, item) -> str:
    return doc.text[item.start : item.end]


def test_webtext_header_is_metadata_not_body():
    doc = parse_article(SAMPLE, "sample")
    assert doc.format == "web"
    assert doc.meta == {"source": "https://example.org/essay", "title": "Series — An Essay"}
    assert "SOURCE" not in doc.text and "https://" not in doc.text
    assert doc.title == "An Essay, 1950"
    kinds = [(b.kind, _text(doc, b)) for b in doc.blocks]
    assert ("heading", "Notes") in kinds
    assert ("paragraph", "a list item citing Kennan") in kinds
    assert ("paragraph", "another item") in kinds
    body_sentences = [
        _text(doc, s) for s in doc.sentences if doc.blocks[s.block_idx].kind == "paragraph"
    ]
    assert not any("Notes" == s or "An Essay" in s for s in body_sentences)


def test_webtext_notes_markers_and_citing_sentences():
    doc = parse_article(SAMPLE, "sample")
    notes = {f.label: _text(doc, f) for f in doc.footnotes}
    assert notes == {
        "1": "Acheson to Bruce, October 5, 1950, NARA, RG 59.",
        "2": "Ibid. A second paragraph of note 2.",
        "3": "Kennan to Acheson, 1950.",
    }
    cited = {m.n: _text(doc, doc.sentences[m.sentence_idx]) for m in doc.markers}
    assert cited == {
        1: "Acheson spoke to Bruce on October 5, 1950.",
        2: "Bruce answered [no date] the next day.",
        3: "a list item citing Kennan",
    }
    assert [doc.raw[m.raw_start : m.raw_end] for m in doc.markers] == ["[1]", "[2]", "[^3]"]
    check_document(doc)


def test_webtext_front_matter_and_crlf_bom_tabs():
    raw = "---\ntitle: Front Matter\nauthor: A. Historian\n---\n\nHeading\n\nMao\tagreed.[1]\n\nNotes\n\n1. Mao to Stalin.\n"
    for variant in (raw, raw.replace("\n", "\r\n")):
        doc = parse_article(variant, "fm", fmt="web")
        assert doc.meta == {"title": "Front Matter", "author": "A. Historian"}
        assert [f.label for f in doc.footnotes] == ["1"]
        assert _text(doc, doc.sentences[doc.markers[0].sentence_idx]) == "Mao agreed."
        assert "\r" not in doc.text and "\t" not in doc.text
        check_document(doc)


def test_webtext_bom_file_is_read(tmp_path):
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"))
    doc = read_article(f)
    assert doc.format == "web" and doc.meta["source"] == "https://example.org/essay"


def test_webtext_two_notes_sections_continue_the_count():
    raw = (
        "TITLE: Two essays\n\nFirst\n\nAcheson spoke.[1] Bruce answered.[2]\n\nNotes\n\n1. One.\n\n"
        "2. Two.\n\nSecond\n\nKennan wrote.[1]\n\nNotes\n\n1. Three.\n"
    )
    doc = parse_article(raw, "two")
    assert [(f.label, _text(doc, f)) for f in doc.footnotes] == [
        ("1", "One."),
        ("2", "Two."),
        ("3", "Three."),
    ]
    # The second essay's "[1]" is the second section's note 1: note 3 of the document.
    last = doc.markers[-1]
    assert (last.n, doc.raw[last.raw_start : last.raw_end]) == (3, "[1]")
    assert _text(doc, doc.sentences[last.sentence_idx]) == "Kennan wrote."
    check_document(doc)


def test_webtext_notes_without_markers_and_markers_without_notes():
    no_markers = parse_article("TITLE: T\n\nMao agreed.\n\nNotes\n\n1. A note.\n", "a")
    assert [f.label for f in no_markers.footnotes] == ["1"] and not no_markers.markers
    no_notes = parse_article("TITLE: T\n\nMao agreed.[4] The year [1950] was long.\n", "b")
    assert [m.n for m in no_notes.markers] == [4]  # "[1950]" is no marker
    assert not no_notes.footnotes
    only_headings = parse_article("TITLE: T\n\nOne Heading\n\nAnother Heading\n", "c")
    assert [b.kind for b in only_headings.blocks] == ["title", "heading"]


def test_webtext_format_is_detected_and_can_be_forced():
    assert parse_article(SAMPLE, "s").format == "web"
    assert parse_article(SAMPLE, "s", fmt="markdown").format == "markdown"
    plain = "# Title\n\nStalin agreed.¹\n\n1. A note.\n"
    assert parse_article(plain, "p").format == "markdown"
    assert parse_article(plain, "p", fmt="web").format == "web"


def test_webtext_frus_chapter_8_every_note_linked():
    doc = read_article(CH8)
    assert doc.format == "web"
    notes = [f for f in doc.footnotes if f.kind == "note"]
    assert [f.n for f in notes] == list(range(1, 110))
    assert _text(doc, notes[0]).startswith("See Everett Gleason to Sidney Roberts, March 27, 1968")
    assert _text(doc, notes[-1]).endswith("PA Lot File 82D297, Box 6, The Historian’s Office.")
    assert sorted(m.n for m in doc.markers) == list(range(1, 110))
    assert all(m.sentence_idx is not None for m in doc.markers)
    assert doc.meta["source"].startswith("https://history.state.gov/")
    assert "SOURCE:" not in doc.text and "[47]" not in doc.text
    check_document(doc)


@pytest.mark.slow
def test_webtext_twenty_megabytes_is_read():
    raw = CH8.read_text(encoding="utf-8")
    big = raw * (20_000_000 // len(raw.encode()) + 1)
    doc = parse_article(big, "big")
    assert len(doc.footnotes) == 109 * (20_000_000 // len(raw.encode()) + 1)
    assert all(m.sentence_idx is not None for m in doc.markers)


def test_webtext_ch8_note_json_has_note_and_citing_sentence(tmp_path):
    conn = connect(tmp_path / "ch8.db")
    assert ingest_paths(conn, [CH8]).ok
    data = get_note(conn, "frus_history_ch8_1958_1979", 1)
    assert data["note"]["text"].startswith("See Everett Gleason")
    [cite] = data["cited_by"]
    assert cite["text"].startswith("It also resulted in sharply diminished documentation")
    assert json.loads(
        conn.execute(
            "SELECT meta FROM documents WHERE id = 'frus_history_ch8_1958_1979'"
        ).fetchone()[0]
    )["title"].endswith("Cold War Normalcy, 1958–1979")


def test_ingest_a_stage_failing_on_one_file_leaves_it_out_and_stores_the_others(
    tmp_path, monkeypatch
):
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("TITLE: G\n\nStalin agreed.\n", encoding="utf-8")
    bad.write_text("TITLE: B\n\nMao refused.\n", encoding="utf-8")
    conn = connect(tmp_path / "t.db")
    assert ingest_paths(conn, [bad]).ok
    before = conn.execute("SELECT text FROM documents WHERE id = 'bad'").fetchone()[0]
    bad.write_text("TITLE: B\n\nMao refused again.\n", encoding="utf-8")

    from historiograph.stages import times

    real = times.time_document

    def broken(doc):  # type: ignore[no-untyped-def]
        if doc.id == "bad":
            raise IndexError("list index out of range")
        return real(doc)

    monkeypatch.setattr(times, "time_document", broken)
    report = ingest_paths(conn, [good, bad])
    assert report.status == {"good": "added"}
    [err] = report.errors
    assert isinstance(err, StageError) and err.stage == "times"
    assert str(err).startswith(
        f"{bad}: the times stage failed (IndexError: list index out of range)"
    )
    # The failed file's earlier version stays whole: nothing half-written.
    assert conn.execute("SELECT text FROM documents WHERE id = 'bad'").fetchone()[0] == before
    counts = conn.execute("SELECT COUNT(*) FROM sentences WHERE doc_id = 'bad'").fetchone()[0]
    assert counts == 1
    assert isinstance(conn, sqlite3.Connection)
