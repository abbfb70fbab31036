"""Sentence boundaries in historical prose."""

from __future__ import annotations

import pytest

from historiograph.stages.sentences import split_sentences


def _split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, 0, len(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mao met P. F. Yudin. He spoke.", ["Mao met P. F. Yudin.", "He spoke."]),
        (
            "Adm. C. Turner Joy led. Gen. Ridgway agreed.",
            ["Adm. C. Turner Joy led.", "Gen. Ridgway agreed."],
        ),
        ("At 3:30 p.m. on October 12, he came.", ["At 3:30 p.m. on October 12, he came."]),
        (
            "He left at 10:30 p.m. The next day he returned.",
            ["He left at 10:30 p.m.", "The next day he returned."],
        ),
        ("They blamed the U.S. Army for it.", ["They blamed the U.S. Army for it."]),
        (
            "They blamed the U.S. The next day they met.",
            ["They blamed the U.S.", "The next day they met."],
        ),
        ("See vol. 7 of the series. It is long.", ["See vol. 7 of the series.", "It is long."]),
        ("He said, “Stop. Now.” Then he left.", ["He said, “Stop. Now.”", "Then he left."]),
        ("Why then? Because he could.", ["Why then?", "Because he could."]),
        ("It was 1950. 1951 was worse.", ["It was 1950.", "1951 was worse."]),
        ("No end here", ["No end here"]),
    ],
)
def test_sentences_split(text, expected):
    assert _split(text) == expected


def test_sentences_stay_inside_block():
    text = "First one. Second one.\n\nOther block."
    assert split_sentences(text, 0, 22) == [(0, 10), (11, 22)]


def test_sentences_gold_evidence_within_one_sentence(seed1, seed2, gold_dir):
    """Development-sample check: gold evidence strings stand verbatim inside one sentence."""
    import json

    for doc, name in ((seed1, "seed1"), (seed2, "seed2")):
        for layer in ("events", "times"):
            gold = json.loads((gold_dir / f"{layer}_{name}.json").read_text("utf-8"))
            evidence = [e["evidence"] for e in gold[layer]]
            inside = 0
            for ev in evidence:
                i = doc.text.find(ev)
                assert i >= 0, ev
                inside += any(s.start <= i and i + len(ev) <= s.end for s in doc.sentences)
            assert inside / len(evidence) >= 0.95, (name, layer)
