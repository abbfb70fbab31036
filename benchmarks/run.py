"""Ingest throughput on the bundled corpus, beside a baseline measured in the same run.

The baseline is the least an ingest can do: read the files, NFC-normalize,
split sentences with one regular expression and store them with full-text
search. historiograph's ingest does all that plus PDF cleanup, footnote
markers, note rejoining and the offset map; the ratio says what that costs.

Run: ``make bench`` (or ``python benchmarks/run.py --repeat 20``).
"""

from __future__ import annotations

import argparse
import re
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

from historiograph.pipeline import ingest_paths
from historiograph.store.db import connect

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted((ROOT / "corpus").glob("*.txt"))


def historiograph_ingest(db_path: Path) -> int:
    report = ingest_paths(connect(db_path), FILES)
    assert report.ok, report.errors
    return report.words


def baseline_ingest(db_path: Path) -> int:
    db = sqlite3.connect(db_path)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("CREATE VIRTUAL TABLE sentences USING fts5(doc, text)")
    words = 0
    with db:
        for f in FILES:
            text = unicodedata.normalize("NFC", f.read_text("utf-8"))
            words += len(text.split())
            sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z])", re.sub(r"\s+", " ", text))
            db.executemany("INSERT INTO sentences VALUES (?, ?)", [(f.stem, s) for s in sentences])
    db.close()
    return words


def measure(fn, repeat: int) -> tuple[float, int]:
    times = []
    words = 0
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            words = fn(Path(tmp) / "bench.db")
            times.append(time.perf_counter() - t0)
    return statistics.median(times), words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each (median is shown)")
    args = parser.parse_args()
    measure(historiograph_ingest, 1)  # warm-up: imports, data files, page cache
    rows = []
    for name, fn in (
        ("historiograph ingest", historiograph_ingest),
        ("baseline (regex split + FTS)", baseline_ingest),
    ):
        seconds, words = measure(fn, args.repeat)
        rows.append((name, seconds, words, words / seconds))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"ingest of {len(FILES)} corpus files, median of {args.repeat} runs, fresh database each run"
    )
    print(f"{'pipeline':30} {'seconds':>9} {'words':>7} {'words/s':>10}")
    for name, seconds, words, wps in rows:
        print(f"{name:30} {seconds:9.4f} {words:7d} {wps:10.0f}")
    print(f"historiograph / baseline time: {rows[0][1] / rows[1][1]:.1f}x")
    print(f"peak memory of this process: {peak_mb:.0f} MB")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
