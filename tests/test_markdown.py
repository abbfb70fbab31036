"""The Markdown reader, on seed2 and on hand-written text."""

from __future__ import annotations

from historiograph import parse_article

SAMPLE = """# The Decision

In 1950 the *People's Daily* warned Washington.¹ Beijing argued that the risk was high because

1. Roshchin to Stalin, October 12, 1950, RGASPI, Fond 558, Opis 11, Delo 334, Listy 140. See also the long discussion in

Chen Jian, *China's Road* (New York, 1994), 4.

2. Ibid., 5.

“the Americans might cross the parallel.”² Mao agreed.

MAO AND STALIN

Stalin waited.
"""


def test_markdown_title_headings_and_notes():
    doc = parse_article(SAMPLE, "sample")
    assert doc.format == "markdown"
    assert doc.title == "The Decision"
    kinds = [b.kind for b in doc.blocks]
    assert kinds.count("note") == 2 and "heading" in kinds
    assert [(f.label, f.kind) for f in doc.footnotes] == [("1", "note"), ("2", "note")]


def test_markdown_sentence_cut_by_notes_is_rejoined():
    doc = parse_article(SAMPLE, "sample")
    assert (
        "the risk was high because “the Americans might cross the parallel.” Mao agreed."
        in doc.text
    )
    sentence = next(s for s in doc.sentences if "because" in doc.text[s.start : s.end])
    assert doc.text[sentence.start : sentence.end].endswith("parallel.”")


def test_markdown_note_continued_after_page_break():
    doc = parse_article(SAMPLE, "sample")
    note1 = doc.note("1")
    text = doc.text[note1.start : note1.end]
    assert text.endswith("discussion in Chen Jian, China's Road (New York, 1994), 4.")
    # The continuation is in the note, not in the body.
    body = [doc.text[b.start : b.end] for b in doc.blocks if b.kind == "paragraph"]
    assert not any("China's Road" in p for p in body)


def test_markdown_markers_linked_and_italics_kept():
    doc = parse_article(SAMPLE, "sample")
    assert [(m.n, m.style) for m in doc.markers] == [(1, "superscript"), (2, "superscript")]
    for m in doc.markers:
        assert doc.raw[m.raw_start : m.raw_end] in "¹²"
    italics = [doc.text[s.start : s.end] for s in doc.styles]
    assert italics == ["People's Daily", "China's Road"]
    assert "*" not in doc.text


def test_markdown_seed2_every_note_found_and_linked(seed2):
    labels = [int(f.label) for f in seed2.footnotes]
    assert labels == [n for n in range(1, 115) if n not in (27, 107)]  # 27, 107 absent from file
    assert [m.n for m in seed2.markers] == list(range(1, 115))
    assert all(m.sentence_idx is not None for m in seed2.markers)


def test_markdown_seed2_split_notes_and_sentences_rejoined(seed2):
    note8 = seed2.text[seed2.note("8").start : seed2.note("8").end]
    assert "in the event of war against the United States. Sergei N. Goncharov" in note8
    note58 = seed2.text[seed2.note("58").start : seed2.note("58").end]
    assert note58.endswith("CWIHP Bulletin, 6/7 (1995): 100.")
    for joined in (
        "seemed unlikely as well, because “Beijing might be tempted as a result of success",
        "and a new theater for Sino-U.S. conflict quickly developed.",
    ):
        assert joined in seed2.text


def test_markdown_seed2_no_note_text_in_body(seed2):
    body = " ".join(seed2.text[b.start : b.end] for b in seed2.blocks if b.kind != "note")
    for note in seed2.footnotes:
        text = seed2.text[note.start : note.end]
        assert text[:60] not in body, note.label


def test_markdown_seed2_note_88_cited_by_roshchin_sentence(seed2):
    [marker] = [m for m in seed2.markers if m.n == 88]
    sentence = seed2.sentences[marker.sentence_idx]
    assert seed2.text[sentence.start : sentence.end].startswith(
        "At 3:30 p.m. on October 12, Soviet Ambassador Roshchin delivered"
    )


def test_markdown_seed2_headings(seed2):
    headings = [seed2.text[b.start : b.end] for b in seed2.blocks if b.kind == "heading"]
    assert "FINAL DECISION AND CORRESPONDING BACKGROUND" in headings
    assert seed2.title == "China's Intervention in the Korean War Revisited"
