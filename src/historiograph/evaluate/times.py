"""Temporal expressions against gold: found, and the value normalised right."""

from __future__ import annotations

import sqlite3

from historiograph import dates
from historiograph.evaluate.common import Score, gold_spans, ratio


def _same_value(gold: str, got: str | None) -> bool:
    """Equal; or ours names a time within the gold day ("1950-10-06T22:30" for
    "1950-10-06"); or both name the same stretch of days (the decade "194" is the interval
    "1940/1949", the year "1951" the interval "1951-01/1951-12")."""
    if got is None:
        return False
    if got == gold or (got.startswith(gold) and got[len(gold) : len(gold) + 1] == "T"):
        return True
    ours, theirs = dates.bounds(got), dates.bounds(gold)
    return ours is not None and ours == theirs


def time_counts(
    text: str, got: list[dict], gold: dict, strict: bool = True
) -> tuple[int, int, int, list[str]]:
    """(found, right value, gold items, misses) of extracted times (``start``, ``end``, ``value``).

    Optional gold items are left out; strict also leaves out those marked vague or
    inside a quotation.
    """
    items = [
        x
        for x in gold_spans(text, gold["times"])
        if not x[0].get("optional")
        and (not strict or not (x[0].get("vague") or x[0].get("in_quote")))
    ]
    found = right = 0
    misses = []
    for item, start, end in items:
        near = [g for g in got if g["start"] < end and start < g["end"]]
        found += bool(near)
        if any(_same_value(item["value"], g["value"]) for g in near):
            right += 1
        else:
            misses.append(f"{item['text']!r}={item['value']} got {[g['value'] for g in near]}")
    return found, right, len(items), misses


def score_times(db: sqlite3.Connection, doc_id: str, gold: dict) -> list[Score]:
    """Time values against the gold sample: strict = not vague and outside quotations."""
    article = gold["article"]
    text = db.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
    got = [
        dict(r)
        for r in db.execute(
            'SELECT start, "end", text, value FROM times WHERE doc_id = ? ORDER BY start', (doc_id,)
        )
    ]
    scores = []
    for label in ("strict", "all"):
        found, right, n, misses = time_counts(text, got, gold, strict=label == "strict")
        scores += [
            Score("times", article, f"found ({label})", ratio(found, n), f"{found} of {n}"),
            Score(
                "times",
                article,
                f"value accuracy ({label})",
                ratio(right, n),
                f"{right} of {n}"
                + (f"; missed: {'; '.join(misses)}" if misses and label == "strict" else ""),
            ),
        ]
    return scores
