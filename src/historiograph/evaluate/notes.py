"""Readers' layers against gold: footnote markers, notes, evidence offsets, citations."""

from __future__ import annotations

import sqlite3

from historiograph.evaluate.common import Score, f1, fold, ratio
from historiograph.stages.sources import US_LOCATION


def score_markers(db: sqlite3.Connection, doc_id: str, gold: dict) -> list[Score]:
    """Footnote markers by raw offset of the first digit: precision, recall, F1."""
    article = gold["article"]
    want = {m["offset"]: m["n"] for m in gold["markers"]}
    got = {
        r["raw_start"]: r["n"]
        for r in db.execute("SELECT n, raw_start FROM markers WHERE doc_id = ?", (doc_id,))
    }
    tp = sum(1 for off, n in got.items() if want.get(off) == n)
    p, r = ratio(tp, len(got)), ratio(tp, len(want))
    detail = f"{tp} of {len(want)} gold markers, {len(got) - tp} extra"
    return [
        Score("markers", article, "precision", p, detail),
        Score("markers", article, "recall", r, detail),
        Score("markers", article, "f1", f1(p, r), detail),
    ]


def score_notes(db: sqlite3.Connection, doc_id: str, gold: dict) -> list[Score]:
    """Footnotes found, found whole (every gold citation title in the text), linked to a marker."""
    article = gold["article"]
    notes = {
        r["n"]: r["text"]
        for r in db.execute(
            "SELECT n, text FROM footnotes WHERE doc_id = ? AND kind = 'note' AND n IS NOT NULL",
            (doc_id,),
        )
    }
    linked = {
        r[0]
        for r in db.execute(
            "SELECT f.n FROM markers m JOIN footnotes f ON f.rowid = m.footnote_rowid"
            " WHERE m.doc_id = ? AND m.n = f.n",
            (doc_id,),
        )
    }
    gold_ns = [note["n"] for note in gold["notes"]]
    found = whole = link = 0
    for note in gold["notes"]:
        text = notes.get(note["n"])
        if text is None:
            continue
        found += 1
        titles = [c["title"] for c in note.get("citations", []) if c.get("title")]
        if all(fold(t) in fold(text) for t in titles):
            whole += 1
        link += note["n"] in linked
    lo, hi = min(gold_ns, default=0), max(gold_ns, default=-1)
    extra = [n for n in notes if lo <= n <= hi and n not in gold_ns]
    total = len(gold_ns)
    return [
        Score("notes", article, "found", ratio(found, total), f"{found} of {total}"),
        Score(
            "notes",
            article,
            "precision",
            ratio(found, found + len(extra)),
            f"{len(extra)} notes not in gold within {lo}-{hi}",
        ),
        Score(
            "notes",
            article,
            "full text",
            ratio(whole, total),
            f"{whole} of {total} hold every cited title",
        ),
        Score("notes", article, "linked to marker", ratio(link, total), f"{link} of {total}"),
    ]


def score_evidence(db: sqlite3.Connection, doc_id: str, gold: dict, items_key: str) -> list[Score]:
    """Reader check: do the gold evidence strings stand verbatim in the normalized text, in one sentence?"""
    article = gold["article"]
    text = db.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
    spans = [
        (r[0], r[1])
        for r in db.execute('SELECT start, "end" FROM sentences WHERE doc_id = ?', (doc_id,))
    ]
    evidence = [e["evidence"] for e in gold[items_key]]
    found = one = 0
    for ev in evidence:
        i = text.find(ev)
        if i < 0:
            continue
        found += 1
        one += any(s <= i and i + len(ev) <= e for s, e in spans)
    layer = f"reader ({items_key} evidence)"
    return [
        Score(
            layer,
            article,
            "verbatim in text",
            ratio(found, len(evidence)),
            f"{found} of {len(evidence)}",
        ),
        Score(
            layer,
            article,
            "within one sentence",
            ratio(one, len(evidence)),
            f"{one} of {len(evidence)}",
        ),
    ]


CITATION_FIELDS = (
    "authors",
    "title",
    "container",
    "editors",
    "volume",
    "issue",
    "year",
    "place",
    "pages",
    "date",
    "creator",
    "recipient",
    "archive",
    "fond",
    "opis",
    "delo",
    "folios",
    "doc",
    "abbreviation",
    # U.S. records and the web: where a document is kept, how it was routed, what is said beside it
    "record_group",
    "series",
    "file",
    "box",
    "folder",
    "via",
    "participants",
    "passim",
    "url",
    "publisher",
    "pinpoint",
    "remark",
)
_SHELFMARK = ("archive", "fond", "opis", "delo", "folios")
_US_LOCATION = ("archive", *US_LOCATION)


def _norm_value(v: object) -> object:
    if isinstance(v, list):
        return [fold(str(x)) for x in v]
    return fold(str(v)) if v is not None else None


def _align(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict | None]]:
    """Pair gold and predicted citations of one note in order, by shared field values."""
    if len(gold) == len(pred):
        return list(zip(gold, pred, strict=True))
    pairs: list[tuple[dict, dict | None]] = []
    start = 0
    for g in gold:
        best, best_j = 0, None
        for j in range(start, len(pred)):
            same = sum(
                1
                for k in CITATION_FIELDS
                if g.get(k) is not None and _norm_value(g.get(k)) == _norm_value(pred[j].get(k))
            )
            if same > best:
                best, best_j = same, j
        pairs.append((g, pred[best_j] if best_j is not None else None))
        if best_j is not None:
            start = best_j + 1
    return pairs


def score_citations(db: sqlite3.Connection, doc_id: str, gold: dict) -> list[Score]:
    """Citations of the gold notes: field P/R/F1, kinds, shelfmarks, ibid/short resolution."""
    from historiograph.store.queries import citations  # the stored parse, as users see it

    article = gold["article"]
    pred_notes = {n["n"]: n for n in citations(db, doc_id)["notes"]}
    tp = fp = fn = 0
    per_field: dict[str, list[int]] = {k: [0, 0, 0] for k in CITATION_FIELDS}
    per_kind: dict[str, list[int]] = {}
    kinds_right = total = marks = marks_right = refs = refs_right = comm_right = counted = 0
    unresolved: list[str] = []
    for note in gold["notes"]:
        pred = pred_notes.get(note["n"], {"citations": [], "has_commentary": False})
        comm_right += pred["has_commentary"] == note.get("has_commentary", False)
        counted += len(pred["citations"]) == len(note["citations"])
        pairs = _align(note["citations"], pred["citations"])
        matched = [id(p) for _, p in pairs if p is not None]
        for p in pred["citations"]:
            if id(p) not in matched:  # predicted citations no gold one pairs with
                per_kind.setdefault(p["kind"], [0, 0, 0])[1] += 1
                for k in CITATION_FIELDS:
                    if p.get(k) is not None:
                        fp += 1
                        per_field[k][1] += 1
        for g, p in pairs:
            total += 1
            p = p or {}
            counts = per_kind.setdefault(g["kind"], [0, 0, 0])
            if p.get("kind") == g["kind"]:
                kinds_right += 1
                counts[0] += 1
            else:
                counts[2] += 1
                if p:
                    per_kind.setdefault(p["kind"], [0, 0, 0])[1] += 1
            for k in CITATION_FIELDS:
                gv, pv = _norm_value(g.get(k)), _norm_value(p.get(k))
                if gv is None and pv is None:
                    continue
                if gv == pv:
                    tp += 1
                    per_field[k][0] += 1
                    continue
                if gv is not None:
                    fn += 1
                    per_field[k][2] += 1
                if pv is not None:
                    fp += 1
                    per_field[k][1] += 1
            if g["kind"] == "archival":
                marks += 1
                levels = _SHELFMARK if g.get("fond") else _US_LOCATION
                marks_right += all(_norm_value(g.get(k)) == _norm_value(p.get(k)) for k in levels)
            if g["kind"] in ("ibid", "short"):
                refs += 1
                refs_right += g.get("refers_to") == p.get("refers_to")
                if p.get("kind") in ("ibid", "short") and p.get("refers_to") is None:
                    unresolved.append(f"n{note['n']} {p.get('title') or p['kind']}")
    layer = "citations"
    p_, r_ = ratio(tp, tp + fp), ratio(tp, tp + fn)
    scores = [
        Score(layer, article, "field precision", p_, f"{tp} right, {fp} wrong or extra"),
        Score(layer, article, "field recall", r_, f"{tp} of {tp + fn} gold field values"),
        Score(layer, article, "field f1", f1(p_, r_)),
        Score(
            layer, article, "kind accuracy", ratio(kinds_right, total), f"{kinds_right} of {total}"
        ),
        Score(
            layer,
            article,
            "shelfmark exact",
            ratio(marks_right, marks),
            f"{marks_right} of {marks}",
        ),
        Score(
            layer,
            article,
            "ibid/short resolved",
            ratio(refs_right, refs),
            f"{refs_right} of {refs}",
        ),
        Score(
            layer,
            article,
            "unresolved",
            len(unresolved),
            "; ".join(unresolved) or "none",
        ),
        Score(
            layer,
            article,
            "notes counted right",
            ratio(counted, len(gold["notes"])),
            f"{counted} of {len(gold['notes'])} notes with as many citations as the gold",
        ),
        Score(
            layer,
            article,
            "has_commentary",
            ratio(comm_right, len(gold["notes"])),
            f"{comm_right} of {len(gold['notes'])}",
        ),
    ]
    for k, (t, f_p, f_n) in per_field.items():
        if t + f_p + f_n:
            pk, rk = ratio(t, t + f_p), ratio(t, t + f_n)
            scores.append(
                Score(
                    f"{layer} field",
                    article,
                    k,
                    f1(pk, rk),
                    f"P {pk if pk is None else round(pk, 3)} R {rk if rk is None else round(rk, 3)}",
                )
            )
    for k, (t, f_p, f_n) in sorted(per_kind.items()):
        pk, rk = ratio(t, t + f_p), ratio(t, t + f_n)
        scores.append(
            Score(f"{layer} kind", article, k, f1(pk, rk), f"{t} right, {f_p} extra, {f_n} missed")
        )
    return scores
