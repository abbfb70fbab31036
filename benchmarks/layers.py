"""Actors and times: quality and speed beside the baselines, measured in the same run.

- actors: historiograph's actors stage vs spaCy's NER alone (PERSON, ORG, GPE,
  NORP entities as mentions, the entity text as the canonical name);
- times: historiograph's times stage vs ``dateparser.search_dates`` alone
  (each paragraph searched on its own; the day it returns is cut to the
  precision the expression prints, so "August 1950" is not marked wrong for
  a day dateparser made up).

Both sides are scored by the same code as ``historiograph eval`` (the gold
files in ../shared/gold, or GOLD=…); without gold only speed is printed.
dateparser is in the ``baseline`` extra (``make bench`` installs it).

Run: ``make bench`` (or ``python benchmarks/layers.py``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from historiograph.evaluate import find_doc_id, score_actors, time_counts
from historiograph.ingest.article import read_article
from historiograph.pipeline import ingest_paths
from historiograph.stages.actors import find_actors
from historiograph.stages.gazetteer import slug
from historiograph.stages.nlp import english
from historiograph.stages.times import BODY_BLOCKS, time_document
from historiograph.store.db import connect

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted((ROOT / "corpus").glob("*.txt"))
GOLD = Path(os.environ.get("GOLD", ROOT.parent / "shared" / "gold"))


def paragraphs(doc):  # type: ignore[no-untyped-def]
    return [b for b in doc.blocks if b.kind in BODY_BLOCKS]


def spacy_alone(doc) -> list[dict]:  # type: ignore[no-untyped-def]
    nlp = english()
    blocks = paragraphs(doc)
    out = []
    for b, parsed in zip(blocks, nlp.pipe(doc.text[b.start : b.end] for b in blocks), strict=True):
        for ent in parsed.ents:
            if ent.label_ in ("PERSON", "ORG", "GPE", "NORP"):
                out.append(
                    {
                        "start": b.start + ent.start_char,
                        "end": b.start + ent.end_char,
                        "text": ent.text,
                    }
                )
    return out


def dateparser_alone(doc) -> list[dict]:  # type: ignore[no-untyped-def]
    from dateparser.search import search_dates

    out = []
    for b in paragraphs(doc):
        text = doc.text[b.start : b.end]
        pos = 0
        for found, when in search_dates(text, languages=["en"]) or []:
            at = text.find(found, pos)
            if at < 0:
                continue
            pos = at + len(found)
            out.append(
                {
                    "start": b.start + at,
                    "end": b.start + pos,
                    "text": found,
                    "value": when.date().isoformat(),
                }
            )
    return out


def timed(fn, docs) -> tuple[float, dict]:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    result = {d.id: fn(d) for d in docs}
    return time.perf_counter() - t0, result


def replace_layers(
    db: sqlite3.Connection, mentions: dict | None = None, times: dict | None = None
) -> None:
    """Put a baseline's output where the scorers read ours."""
    if mentions is not None:
        # the baselines find no events; their roles would point at the actors replaced here
        db.execute("DELETE FROM event_roles")
        db.execute("DELETE FROM actor_members")
        db.execute("DELETE FROM actor_mentions")
        db.execute("DELETE FROM actors")
        for doc_id, rows in mentions.items():
            for m in rows:
                actor = slug(m["text"]) or "x"
                db.execute(
                    "INSERT OR IGNORE INTO actors VALUES (?, ?, 'person', 'text')",
                    (actor, m["text"]),
                )
                db.execute(
                    'INSERT OR IGNORE INTO actor_mentions (doc_id, start, "end", raw_start, raw_end, text,'
                    " actor_id, how, stage_version) VALUES (?, ?, ?, 0, 0, ?, ?, 'ner', 'baseline')",
                    (doc_id, m["start"], m["end"], m["text"], actor),
                )
    if times is not None:
        db.execute("DELETE FROM times")
        for doc_id, rows in times.items():
            for t in rows:
                db.execute(
                    'INSERT OR IGNORE INTO times (doc_id, start, "end", raw_start, raw_end, text, type, value,'
                    " inferred, in_quote, vague, stage_version) VALUES (?, ?, ?, 0, 0, ?, 'date', ?, 0, 0, 0, 'baseline')",
                    (doc_id, t["start"], t["end"], t["text"], t["value"]),
                )


def actor_scores(db: sqlite3.Connection) -> dict[str, float | None]:
    gold = json.loads((GOLD / "actors.json").read_text("utf-8"))
    return {s.metric: s.value for s in score_actors(db, gold)}


def time_scores(db: sqlite3.Connection) -> float | None:
    """Value accuracy (strict) over the gold times files, pooled."""
    right = total = 0
    for path in sorted(GOLD.glob("times_*.json")):
        gold = json.loads(path.read_text("utf-8"))
        doc_id = find_doc_id(db, gold["article"])
        text = db.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
        got = [
            dict(r)
            for r in db.execute('SELECT start, "end", value FROM times WHERE doc_id = ?', (doc_id,))
        ]
        _, n_right, n_total, _ = time_counts(text, got, gold)
        right += n_right
        total += n_total
    return right / total if total else None


def main() -> None:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    docs = [read_article(f) for f in FILES]
    words = sum(d.word_count for d in docs)
    english()  # load the model once, outside the timings
    time_s, ours_times = timed(time_document, docs)
    actor_s, _ = timed(lambda d: find_actors(d, ours_times[d.id]), docs)
    ner_s, ner = timed(spacy_alone, docs)
    try:
        dp_s, dp = timed(dateparser_alone, docs)
    except ImportError:
        dp_s, dp = None, None
    print(f"actors and times on {len(FILES)} corpus files ({words} words), same run")
    print(f"{'layer':42} {'seconds':>8} {'words/s':>9}")
    print(f"{'times stage (historiograph)':42} {time_s:8.3f} {words / time_s:9.0f}")
    if dp_s is not None:
        print(f"{'dateparser.search_dates alone':42} {dp_s:8.3f} {words / dp_s:9.0f}")
    print(f"{'actors stage (historiograph, incl. spaCy)':42} {actor_s:8.3f} {words / actor_s:9.0f}")
    print(f"{'spaCy NER alone':42} {ner_s:8.3f} {words / ner_s:9.0f}")
    if not GOLD.is_dir():
        print(f"(no gold folder at {GOLD}: quality not measured)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        ours_db = Path(tmp) / "ours.db"
        ours = connect(ours_db)
        report = ingest_paths(ours, FILES)
        assert report.ok
        base = connect(Path(tmp) / "baseline.db")
        ours.backup(base)  # a consistent copy (the WAL included)
        replace_layers(base, mentions=ner, times=_day_or_coarser(dp) if dp else None)
        a_ours, a_base = actor_scores(ours), actor_scores(base)
        print()
        print(f"{'quality on the dev sample':34} {'historiograph':>14} {'baseline':>10}")
        for metric in ("mention precision", "mention recall", "canonicalisation"):
            print(
                f"{'actors: ' + metric:34} {a_ours[metric]:14.3f} {a_base[metric]:10.3f}  (spaCy NER alone)"
            )
        t_ours = time_scores(ours)
        t_base = time_scores(base) if dp else None
        base_txt = f"{t_base:10.3f}" if t_base is not None else f"{'n/a':>10}"
        print(
            f"{'times: value accuracy (strict)':34} {t_ours:14.3f} {base_txt}  (dateparser alone)"
        )
    sys.stdout.flush()


def _day_or_coarser(found: dict) -> dict:
    """dateparser returns a day for "August 1950": give the baseline the benefit of the doubt.

    Its value is cut to the precision the expression prints (no day number: month;
    no month name: year), so that a right month is not scored wrong for an invented day.
    """
    months = "January|February|March|April|May|June|July|August|September|October|November|December"
    out = {}
    for doc_id, rows in found.items():
        kept = []
        for t in rows:
            v = t["value"]
            if not re.search(rf"\b({months})\b", t["text"]):
                v = v[:4]
            elif not re.search(r"\b\d{1,2}\b", t["text"]):
                v = v[:7]
            kept.append(t | {"value": v})
        out[doc_id] = kept
    return out


if __name__ == "__main__":
    main()
