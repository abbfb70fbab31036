"""The PDF-text reader, on seed1 and on hand-written pages."""

from __future__ import annotations

from historiograph import parse_article
from historiograph.ingest.article import detect_format

PAGE = """ Introduction 

The negotiations began in July 1951 after long preparations by the staff of 

the JCS and the State Department, who had studied the negoti-

ations of other wars. The cease-

fire talks opened at Kaesong.12 NSC 48/5 set the terms on May 17.13 

International Journal of Korean Studies • Vol. XXV, No. 1         43 

The delegates met on October 5. These talks freed 132,474 POWs in the end 

and the proceedings were recorded. 14  Later, decision-

makers in Washington and the UN Command reviewed the record in detail for 

the Joint Chiefs of Staff, who approved it on December 18, 1951.15 

"""


def test_pdftext_format_detected(seed1, seed2):
    assert seed1.format == "pdf-text"
    assert seed2.format == "markdown"
    assert detect_format(PAGE * 3) == "pdf-text"


def test_pdftext_markers_sequence_not_stray_numbers():
    doc = parse_article(PAGE, "page", fmt="pdf-text")
    assert [m.n for m in doc.markers] == [12, 13, 14, 15]
    assert [m.style for m in doc.markers] == ["glued", "glued", "spaced", "glued"]
    text = doc.text
    assert "NSC 48/5" in text and "October 5. These" in text and "132,474 POWs" in text
    assert "December 18, 1951." in text and "1951.15" not in text
    assert "Kaesong. NSC" in text  # marker removed, one space left


def test_pdftext_hyphens_and_headers():
    doc = parse_article(PAGE, "page", fmt="pdf-text")
    assert "negotiations of other wars" in doc.text  # broken word rejoined
    assert "cease-fire talks" in doc.text  # compound kept
    assert "decision-makers in Washington" in doc.text  # compound kept by its prefix
    assert "International Journal" not in doc.text and " 43" not in doc.text
    assert doc.blocks[0].kind == "heading"
    assert doc.text[doc.blocks[0].start : doc.blocks[0].end] == "Introduction"


def test_pdftext_marker_anchor_is_end_of_its_sentence():
    doc = parse_article(PAGE, "page", fmt="pdf-text")
    for m in doc.markers:
        s = doc.sentences[m.sentence_idx]
        assert s.end == m.pos
        assert doc.raw[m.raw_start : m.raw_end] == str(m.n)


def test_pdftext_seed1_all_59_markers_in_order(seed1):
    assert [m.n for m in seed1.markers] == list(range(1, 60))
    raw = seed1.raw
    # Spot checks named in the foundation issue.
    by_n = {m.n: m for m in seed1.markers}
    assert raw[by_n[24].raw_start - 13 : by_n[24].raw_end] == "negotiations.24"
    assert raw[by_n[49].raw_start - 18 : by_n[49].raw_end] == "December 18, 1951.49"
    assert raw[by_n[5].raw_start - 13 : by_n[5].raw_end] == "proceedings. 5"
    assert raw[by_n[6].raw_start - 3 : by_n[6].raw_end] == "Zhu6"
    for phrase in ("NSC 48/5", "132,474 POWs", "October 5"):
        assert phrase in seed1.text


def test_pdftext_seed1_text_is_clean(seed1):
    text = seed1.text
    assert "International Journal of Korean Studies" not in text
    assert "Spring/Summer 2024" not in text
    assert "\n\n\n" not in text and "  " not in text
    assert "non-negotiable goals" in text and "decision-making" in text
    assert "astute decision-making, that truly impacted" in text


def test_pdftext_seed1_author_note_is_not_note_1(seed1):
    [note] = seed1.footnotes
    assert note.kind == "author_note" and note.label == "1"
    assert seed1.text[note.start : note.end].startswith("This paper presents a perspective")
    # The body sentence the note interrupted is whole again.
    assert "between the two Koreas that could end the armistice." in seed1.text
    assert seed1.note("1") is None  # marker 1's note text is not in the file


def test_pdftext_seed1_headings(seed1):
    headings = [seed1.text[b.start : b.end] for b in seed1.blocks if b.kind == "heading"]
    assert headings == [
        "Abstract",
        "Introduction",
        "Settling Down for the Negotiations",
        "The First Round: Setting a Demarcation Line",
        "The Second Round: Exchanging Prisoners of War",
        "Conclusion",
    ]
