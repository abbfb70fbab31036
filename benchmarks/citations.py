"""Footnote parsing: historiograph's parser beside a general reference extractor, same notes, same run.

The baseline is refextract (GPL-2.0; installed only as the ``baseline`` extra,
never at run time), a reference extractor made for physics papers. Speed is
notes per second; quality, where the gold annotations are present, is the
share of gold citations whose year and first author's surname each tool finds.

Run: ``make bench`` (or ``python benchmarks/citations.py``).
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from historiograph import read_article
from historiograph.stages.resolve import fold
from historiograph.stages.sources import cite_document

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "gold" / "footnotes_seed2.json"


def _timed(fn, repeat: int = 5):
    times = []
    result = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def _found(gold_notes: list[dict], predicted: dict[int, list[dict]]) -> tuple[float, float]:
    """Share of gold citations (with a year / with authors) whose value appears in the prediction."""
    years = authors = year_hits = author_hits = 0
    for note in gold_notes:
        pred = predicted.get(note["n"], [])
        pred_years = {y for p in pred for y in p.get("year", [])}
        pred_names = " ".join(fold(a) for p in pred for a in p.get("author", []))
        for c in note["citations"]:
            if c.get("year"):
                years += 1
                year_hits += c["year"] in pred_years
            if c.get("authors"):
                authors += 1
                author_hits += fold(c["authors"][0]).split()[-1] in pred_names.split()
    return year_hits / max(years, 1), author_hits / max(authors, 1)


def main() -> None:
    doc = read_article(ROOT / "corpus" / "seed2_intervention.txt")
    notes = [f for f in doc.footnotes if f.kind == "note"]
    texts = {f.n: f"{f.label}. {doc.text[f.start : f.end]}" for f in notes}
    ours_s, parsed = _timed(lambda: cite_document(doc))
    ours = {
        p.n: [
            {
                "year": [c.fields["year"]] if c.fields.get("year") else [],
                "author": c.fields.get("authors") or c.fields.get("editors") or [],
            }
            for c in p.citations
        ]
        for p in parsed
    }
    rows = [("historiograph", len(notes) / ours_s, ours)]
    try:
        from refextract import extract_references_from_string
    except ImportError:
        print("refextract not installed (pip install -e '.[baseline]'): baseline skipped")
    else:
        theirs_s, theirs = _timed(
            lambda: {n: extract_references_from_string(t) for n, t in texts.items()}, 1
        )
        rows.append(("refextract 1.1.7", len(notes) / theirs_s, theirs))
    print(f"footnote parsing, {len(notes)} notes of seed2 (median of runs)")
    gold = json.loads(GOLD.read_text("utf-8"))["notes"] if GOLD.is_file() else None
    header = f"{'parser':18} {'notes/s':>9}"
    if gold:
        header += f" {'year found':>11} {'author found':>13}   (gold notes 1-{gold[-1]['n']})"
    print(header)
    for name, rate, predicted in rows:
        line = f"{name:18} {rate:9.0f}"
        if gold:
            year, author = _found(gold, predicted)
            line += f" {year:11.3f} {author:13.3f}"
        print(line)
    print(f"all notes of seed2 parsed in {ours_s * 1000:.1f} ms")
    # Every footnote of the bundled corpus (seeds, essays, the FRUS chapter with its U.S.
    # records): the citations stage alone, the documents read beforehand.
    docs = [read_article(p) for p in sorted((ROOT / "corpus").glob("*.txt"))]
    count = sum(1 for d in docs for f in d.footnotes if f.kind == "note")
    corpus_s, _ = _timed(lambda: [cite_document(d) for d in docs])
    print(
        f"all {count} notes of the corpus ({len(docs)} texts) parsed in {corpus_s * 1000:.1f} ms"
        f" ({count / corpus_s:.0f} notes/s)"
    )


if __name__ == "__main__":
    main()
