"""Temporal expressions against gold: found, and the value normalised right."""

from __future__ import annotations

import re
import sqlite3

from historiograph.evaluate.common import Score, gold_spans, ratio


def _same_value(gold: str, got: str | None) -> bool:
    """Equal; or ours names a time within the gold day ("1950-10-06T22:30" for
    "1950-10-06"); or both name the same stretch of days (the decade "194" is the interval
    "1940/1949", the year "1951" the interval "1951-01/1951-12")."""
    if got is None:
        return False
    if got == gold or (got.startswith(gold) and got[len(gold) : len(gold) + 1] == "T"):
        return True
    ours, theirs = _days(got), _days(gold)
    return ours is not None and ours == theirs


_CALENDAR_VALUE = re.compile(r"^(\d{2,4})(?:-(\d\d))?(?:-(\d\d))?$")


def _days(value: str) -> tuple[str, str] | None:
    """The first and last day a date value covers, as ISO strings (None: not a plain date)."""
    parts = value.split("/")
    if len(parts) > 2:
        return None
    bounds = []
    for i, part in enumerate(parts):
        m = _CALENDAR_VALUE.match(part)
        if m is None:
            return None
        digits, month, day = m.groups()
        last = i == len(parts) - 1
        pad = "9" if last else "0"
        year = digits + pad * (4 - len(digits))
        if len(parts) == 1:  # a single value covers from its first to its last day
            lo = (digits + "0" * (4 - len(digits)), month or "01", day or "01")
            hi = (year, month or "12", day or "31")
            return "-".join(lo), "-".join(hi)
        bounds.append((year, month or ("12" if last else "01"), day or ("31" if last else "01")))
    return "-".join(bounds[0]), "-".join(bounds[1])


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
