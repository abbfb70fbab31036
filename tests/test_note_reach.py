"""How far back a note reaches: per sentence, or over the short run of sentences it closes."""

from __future__ import annotations

from historiograph import parse_article
from historiograph.stages.note_reach import RUN, SENTENCE, NoteReach

# Notes close runs of one or two sentences: each note documents its run.
DENSE = """# Dense

Zhou met Roshchin. He asked for arms.¹ Stalin agreed.² Mao waited. Kim pressed. Mao stated:

If the Americans cross, we go in.³

Mao then wrote to Stalin.⁴

1. Note one.

2. Note two.

3. Note three.

4. Note four.
"""

# Long unnoted stretches, then a note on one claim: the note is that claim's.
SPARSE = """# Sparse

Truman met Attlee. They talked. They ate. They agreed. Attlee left. Truman wrote.¹ Acheson spoke.

Rusk met Malik. Malik smiled. Rusk waited. Malik left. Kennan wrote. Rusk phoned.² Bradley came.

1. Note one.

2. Note two.
"""


def _notes(text: str) -> tuple[str, dict[str, tuple[list[int], list[int]]]]:
    doc = parse_article(text, "t", fmt="markdown")
    reach = NoteReach(doc)
    body = [s for s in doc.sentences if doc.blocks[s.block_idx].kind == "paragraph"]
    return doc.note_scope, {doc.text[s.start : s.end]: reach.of(s) for s in body}


def test_dense_notes_cover_the_run_before_them_and_say_so():
    scope, notes = _notes(DENSE)
    assert scope == RUN
    assert notes["Zhou met Roshchin."] == ([], [1])  # inferred: the note that closes its run
    assert notes["He asked for arms."] == ([1], [])
    assert notes["Mao waited."] == ([], [])  # nothing closes this paragraph's last run …
    assert notes["Mao stated:"] == ([], [3])  # … but an introduced quotation's note covers it
    assert notes["Mao then wrote to Stalin."] == ([4], [])


def test_sparse_notes_belong_to_their_own_sentence():
    scope, notes = _notes(SPARSE)
    assert scope == SENTENCE
    assert notes["Truman wrote."] == ([1], [])
    assert notes["Truman met Attlee."] == ([], [])
    assert notes["Rusk phoned."] == ([2], [])
    assert notes["Malik smiled."] == ([], [])


def test_corpus_note_habits(seed1, seed2):
    # seed1 notes single claims in long paragraphs; seed2 closes short runs with a note.
    assert (seed1.note_scope, seed2.note_scope) == (SENTENCE, RUN)
    reach = NoteReach(seed2)
    stated = next(
        s for s in seed2.sentences if seed2.text[s.start : s.end].endswith("Yudin, stated,")
    )
    assert reach.of(stated) == ([], [23])
