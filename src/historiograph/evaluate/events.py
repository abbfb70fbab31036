"""Events against gold: matched one to one, P/R/F1 per type, slot accuracy on matches."""

from __future__ import annotations

import re
import sqlite3

from historiograph.evaluate.common import Score, f1, fold, ratio

EVENT_SLOTS = {
    "communication": ("act", "channel", "recipient", "via", "date", "time", "notes"),
    "decision": ("polarity", "conditions", "reverses", "date", "time", "notes"),
    "meeting": ("date", "time", "notes"),
    "military": ("date", "notes"),
    "negotiation": ("act", "date", "notes"),
}
_PRIMARY = {
    "communication": "sender",
    "decision": "actor",
    "meeting": "participants",
    "military": "actor",
    "negotiation": "actor",
}


def _gold_actor_forms(gold: dict, actors_gold: dict | None) -> dict[str, set[str]]:
    """Gold actor id -> folded names it goes by (actors.json aliases, the file's own names, the id)."""
    forms: dict[str, set[str]] = {}
    listed = gold.get("actor_ids", {})
    pairs = listed.items() if isinstance(listed, dict) else [(a["id"], a["name"]) for a in listed]
    for gid, name in pairs:
        base = re.split(r",|\s\(", name)[0]
        forms.setdefault(gid, set()).update({fold(name), fold(base)})
    for a in (actors_gold or {}).get("actors", []):
        forms.setdefault(a["id"], set()).update(fold(x) for x in [a["name"], *a.get("aliases", [])])
    for gid in list(forms):
        forms[gid].add(fold(gid.replace("-", " ")))
    return forms


def _ids(value: object) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)  # type: ignore[arg-type]


def _date_matches(gold: str | None, got: str | None) -> bool:
    """Our date (its start, if a range) falls within the gold date at the gold's precision."""
    if gold is None:
        return True
    if got is None:
        return False
    ours = got.split("/")
    if "/" in gold:
        lo, hi = gold.split("/")
        return lo <= ours[0][: len(lo)] and ours[0][: len(hi)] <= hi
    return ours[0].startswith(gold) or (
        len(ours) == 2 and ours[0][: len(gold)] <= gold <= ours[1][: len(gold)]
    )


def event_counts(
    text: str, got: list[dict], gold: dict, actor_forms: dict[str, set[str]]
) -> dict[str, dict]:
    """Match extracted events (dicts of ``events`` queries, with ``forms``: role -> folded names)
    to gold events one to one; count per type and per slot.

    A match: same type, a shared primary actor (sender, actor, participants; any
    when gold has none), the date within the gold date at its precision, and
    evidence overlapping the gold evidence or a restatement the gold lists.
    Optional gold items are neither missed nor false when found. Precision
    counts only extracted events inside the part the gold file covers.
    """
    covers = []
    for a, b in gold.get("covers", []):
        i = text.find(a)
        # A snippet may end on footnote digits, which are not part of the normalized text.
        j = text.find(b, i) if b in text else text.find(b.rstrip("0123456789"), i)
        b = b if b in text else b.rstrip("0123456789")
        if i >= 0 and j >= 0:
            covers.append((i, j + len(b)))

    def inside(e: dict) -> bool:
        return not covers or any(a <= e["evidence_spans"][0]["start"] < b for a, b in covers)

    golds = []
    for g in gold["events"]:
        spans = []
        # The evidence, and the further passages SCHEMA.md lists as restating it (every
        # list-valued field whose name ends in "_evidence").
        restated = [
            x for k, v in g.items() if k.endswith("_evidence") and isinstance(v, list) for x in v
        ]
        for ev in [g["evidence"], *restated]:
            i = text.find(ev)
            if i >= 0:
                spans.append((i, i + len(ev)))
        golds.append((g, spans))

    def same_actor(g: dict, e: dict, field: str) -> bool:
        want = _ids(g.get(field))
        if not want:
            return True
        have = e["forms"].get(field, [])
        return any(actor_forms.get(w, {fold(w)}) & f for w in want for f in have)

    def overlaps(spans, e) -> int:
        return max(
            (min(b, s["end"]) - max(a, s["start"]) for a, b in spans for s in e["evidence_spans"]),
            default=0,
        )

    pairs = []
    for gi, (g, spans) in enumerate(golds):
        for ei, e in enumerate(got):
            if e["type"] != g["type"] or overlaps(spans, e) <= 0:
                continue
            if not same_actor(g, e, _PRIMARY[g["type"]]):
                continue
            if not _date_matches(g.get("date"), e.get("date")):
                continue
            pairs.append((-overlaps(spans, e), gi, ei))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, ei in sorted(pairs):
        if gi not in matched and ei not in used:
            matched[gi] = ei
            used.add(ei)
    by_gold_id = {g["id"]: gi for gi, (g, _) in enumerate(golds)}
    ours_to_gold = {got[ei]["id"]: golds[gi][0]["id"] for gi, ei in matched.items()}
    counts: dict[str, dict] = {}
    for t in EVENT_SLOTS:
        counts[t] = {"tp": 0, "fp": 0, "fn": 0, "slots": {}, "missed": [], "false": []}
    optional_hits = {ei for gi, ei in matched.items() if golds[gi][0].get("optional")}
    for gi, (g, _) in enumerate(golds):
        c = counts[g["type"]]
        if gi in matched:
            if not g.get("optional"):
                c["tp"] += 1
                _score_slots(c["slots"], g, got[matched[gi]], actor_forms, ours_to_gold, by_gold_id)
        elif not g.get("optional"):
            c["fn"] += 1
            c["missed"].append(g["id"])
    for ei, e in enumerate(got):
        if ei in used or ei in optional_hits or not inside(e) or e["type"] not in counts:
            continue
        counts[e["type"]]["fp"] += 1
        counts[e["type"]]["false"].append(e["id"])
    return counts


def _score_slots(
    slots: dict, g: dict, e: dict, actor_forms: dict, ours_to_gold: dict, by_gold_id: dict
) -> None:
    def right(slot: str) -> bool:
        if slot == "act":
            return e.get("act") == g.get("act")
        if slot in ("recipient", "via"):
            want, have = _ids(g.get(slot)), e["forms"].get(slot, [])
            if not want or not have:
                return not want and not have
            return all(any(actor_forms.get(w, {fold(w)}) & f for f in have) for w in want)
        if slot == "date":
            gd, ed = g.get("date"), e.get("date")
            if gd is None or ed is None:
                return gd == ed
            if "/" in gd:
                return ed == gd or _date_matches(gd, ed)
            return ed.split("/")[0][: len(gd)] == gd
        if slot == "conditions":
            return bool(g.get("conditions")) == bool(e.get("conditions"))
        if slot == "reverses":
            return g.get("reverses") == ours_to_gold.get(e.get("reverses"))
        if slot == "notes":
            return sorted(g.get("notes") or []) == sorted(e.get("notes") or [])
        return g.get(slot) == e.get(slot)

    for slot in EVENT_SLOTS[g["type"]]:
        if slot not in g and slot not in ("date", "notes", "time"):
            continue
        ok, n = slots.get(slot, (0, 0))
        slots[slot] = (ok + right(slot), n + 1)


def score_events(
    db: sqlite3.Connection, doc_id: str, gold: dict, actors_gold: dict | None = None
) -> list[Score]:
    """Events against a gold sample: P/R/F1 per type, and slot accuracy on matched events."""
    from historiograph.store.queries import events

    article = gold["article"]
    text = db.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
    got = event_dicts_with_forms(db, events(db, doc_id))
    counts = event_counts(text, got, gold, _gold_actor_forms(gold, actors_gold))
    return _event_scores(article, counts)


def event_dicts_with_forms(db: sqlite3.Connection, got: list[dict]) -> list[dict]:
    """Add to each event the folded names its actors go by (canonical name, id, forms printed)."""
    forms: dict[str, set[str]] = {}
    for r in db.execute("SELECT id, name FROM actors"):
        forms.setdefault(r[0], set()).update({fold(r[1]), fold(r[0].replace("-", " "))})
    for r in db.execute("SELECT DISTINCT actor_id, text, title FROM actor_mentions"):
        name = r[1][len(r[2]) :].strip() if r[2] and r[1].startswith(r[2]) else r[1]
        forms.setdefault(r[0], set()).add(fold(name))
    primary = {"participant": "participants"}
    for e in got:
        e["forms"] = {
            primary.get(role, role): [forms.get(i, {fold(i)}) for i in ids]
            for role, ids in e["actor_ids"].items()
        }
    return got


def _event_scores(article: str, counts: dict[str, dict]) -> list[Score]:
    scores = []
    total = {"tp": 0, "fp": 0, "fn": 0}
    slot_ok = slot_n = 0
    for t, c in counts.items():
        for k in total:
            total[k] += c[k]
        if not (c["tp"] or c["fp"] or c["fn"]):
            continue
        p = ratio(c["tp"], c["tp"] + c["fp"])
        r = ratio(c["tp"], c["tp"] + c["fn"])
        detail = f"tp {c['tp']} fp {c['fp']} fn {c['fn']}"
        if c["missed"]:
            detail += f"; missed {', '.join(c['missed'][:12])}"
        scores += [
            Score("events", article, f"{t} precision", p, detail),
            Score("events", article, f"{t} recall", r),
            Score("events", article, f"{t} f1", f1(p, r)),
        ]
        for slot, (ok, n) in c["slots"].items():
            slot_ok += ok
            slot_n += n
            scores.append(
                Score("events", article, f"{t} slot {slot}", ratio(ok, n), f"{ok} of {n}")
            )
    p = ratio(total["tp"], total["tp"] + total["fp"])
    r = ratio(total["tp"], total["tp"] + total["fn"])
    scores += [
        Score(
            "events",
            article,
            "all types precision",
            p,
            f"tp {total['tp']} fp {total['fp']} fn {total['fn']}",
        ),
        Score("events", article, "all types recall", r),
        Score("events", article, "all types f1", f1(p, r)),
        Score(
            "events",
            article,
            "slot accuracy (matched)",
            ratio(slot_ok, slot_n),
            f"{slot_ok} of {slot_n}",
        ),
    ]
    return scores
