"""Scoring against gold annotations in the format of ``shared/gold/SCHEMA.md``.

Each ``score_*`` function takes the database and one gold file's parsed JSON
and returns :class:`Score` rows; ``evaluate`` runs every scorer for which a
gold file is present. Later layers add their scorers to ``SCORERS``.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from historiograph.errors import GoldError


@dataclass(slots=True, frozen=True)
class Score:
    layer: str
    article: str
    metric: str
    value: float | None
    detail: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None or p + r == 0:
        return None if p is None or r is None else 0.0
    return 2 * p * r / (p + r)


def find_doc_id(db: sqlite3.Connection, article: str) -> str | None:
    """The stored document a gold article id names: ``seed1`` -> ``seed1_armistice``."""
    ids = [r[0] for r in db.execute("SELECT id FROM documents ORDER BY id")]
    return next((i for i in ids if i == article), None) or next(
        (i for i in ids if i.startswith(article + "_")), None
    )


def _fold(s: str) -> str:
    """Compare titles loosely: quotes, dashes, case, spacing and diacritics folded."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.translate(str.maketrans("‘’“”–—", "''\"\"--"))
    return re.sub(r"\s+", " ", s).casefold().strip()


def score_markers(db: sqlite3.Connection, doc_id: str, gold: dict) -> list[Score]:
    """Footnote markers by raw offset of the first digit: precision, recall, F1."""
    article = gold["article"]
    want = {m["offset"]: m["n"] for m in gold["markers"]}
    got = {
        r["raw_start"]: r["n"]
        for r in db.execute("SELECT n, raw_start FROM markers WHERE doc_id = ?", (doc_id,))
    }
    tp = sum(1 for off, n in got.items() if want.get(off) == n)
    p, r = _ratio(tp, len(got)), _ratio(tp, len(want))
    detail = f"{tp} of {len(want)} gold markers, {len(got) - tp} extra"
    return [
        Score("markers", article, "precision", p, detail),
        Score("markers", article, "recall", r, detail),
        Score("markers", article, "f1", _f1(p, r), detail),
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
        if all(_fold(t) in _fold(text) for t in titles):
            whole += 1
        link += note["n"] in linked
    lo, hi = min(gold_ns, default=0), max(gold_ns, default=-1)
    extra = [n for n in notes if lo <= n <= hi and n not in gold_ns]
    total = len(gold_ns)
    return [
        Score("notes", article, "found", _ratio(found, total), f"{found} of {total}"),
        Score(
            "notes",
            article,
            "precision",
            _ratio(found, found + len(extra)),
            f"{len(extra)} notes not in gold within {lo}-{hi}",
        ),
        Score(
            "notes",
            article,
            "full text",
            _ratio(whole, total),
            f"{whole} of {total} hold every cited title",
        ),
        Score("notes", article, "linked to marker", _ratio(link, total), f"{link} of {total}"),
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
            _ratio(found, len(evidence)),
            f"{found} of {len(evidence)}",
        ),
        Score(
            layer,
            article,
            "within one sentence",
            _ratio(one, len(evidence)),
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
)
_SHELFMARK = ("archive", "fond", "opis", "delo", "folios")


def _norm_value(v: object) -> object:
    if isinstance(v, list):
        return [_fold(str(x)) for x in v]
    return _fold(str(v)) if v is not None else None


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
    kinds_right = total = marks = marks_right = refs = refs_right = comm_right = 0
    for note in gold["notes"]:
        pred = pred_notes.get(note["n"], {"citations": [], "has_commentary": False})
        comm_right += pred["has_commentary"] == note.get("has_commentary", False)
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
                marks_right += all(
                    _norm_value(g.get(k)) == _norm_value(p.get(k)) for k in _SHELFMARK
                )
            if g["kind"] in ("ibid", "short"):
                refs += 1
                refs_right += g.get("refers_to") == p.get("refers_to")
    layer = "citations"
    p_, r_ = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    scores = [
        Score(layer, article, "field precision", p_, f"{tp} right, {fp} wrong or extra"),
        Score(layer, article, "field recall", r_, f"{tp} of {tp + fn} gold field values"),
        Score(layer, article, "field f1", _f1(p_, r_)),
        Score(
            layer, article, "kind accuracy", _ratio(kinds_right, total), f"{kinds_right} of {total}"
        ),
        Score(
            layer,
            article,
            "shelfmark exact",
            _ratio(marks_right, marks),
            f"{marks_right} of {marks}",
        ),
        Score(
            layer,
            article,
            "ibid/short resolved",
            _ratio(refs_right, refs),
            f"{refs_right} of {refs}",
        ),
        Score(
            layer,
            article,
            "has_commentary",
            _ratio(comm_right, len(gold["notes"])),
            f"{comm_right} of {len(gold['notes'])}",
        ),
    ]
    for k, (t, f_p, f_n) in per_field.items():
        if t + f_p + f_n:
            pk, rk = _ratio(t, t + f_p), _ratio(t, t + f_n)
            scores.append(
                Score(
                    f"{layer} field",
                    article,
                    k,
                    _f1(pk, rk),
                    f"P {pk if pk is None else round(pk, 3)} R {rk if rk is None else round(rk, 3)}",
                )
            )
    for k, (t, f_p, f_n) in sorted(per_kind.items()):
        pk, rk = _ratio(t, t + f_p), _ratio(t, t + f_n)
        scores.append(
            Score(f"{layer} kind", article, k, _f1(pk, rk), f"{t} right, {f_p} extra, {f_n} missed")
        )
    return scores


def _gold_spans(text: str, items: list[dict]) -> list[tuple[dict, int, int]]:
    """Each gold item with the offsets of its ``text`` inside its ``evidence`` in the document."""
    out = []
    for item in items:
        at = text.find(item["evidence"])
        inner = item["evidence"].find(item["text"]) if at >= 0 else -1
        if inner >= 0:
            out.append((item, at + inner, at + inner + len(item["text"])))
    return out


def _same_value(gold: str, got: str | None) -> bool:
    """Equal, or ours names a time within the gold day ("1950-10-06T22:30" for "1950-10-06")."""
    if got is None:
        return False
    return got == gold or (got.startswith(gold) and got[len(gold) : len(gold) + 1] == "T")


def time_counts(
    text: str, got: list[dict], gold: dict, strict: bool = True
) -> tuple[int, int, int, list[str]]:
    """(found, right value, gold items, misses) of extracted times (``start``, ``end``, ``value``).

    Strict leaves out gold items marked vague or inside a quotation.
    """
    items = [
        x
        for x in _gold_spans(text, gold["times"])
        if not strict or not (x[0].get("vague") or x[0].get("in_quote"))
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
            Score("times", article, f"found ({label})", _ratio(found, n), f"{found} of {n}"),
            Score(
                "times",
                article,
                f"value accuracy ({label})",
                _ratio(right, n),
                f"{right} of {n}"
                + (f"; missed: {'; '.join(misses)}" if misses and label == "strict" else ""),
            ),
        ]
    return scores


def _alias_index(gold: dict) -> tuple[dict[str, set[str]], dict[str, str]]:
    """Folded name or alias -> gold actor ids; gold id -> kind (historians: ``scholar``)."""
    index: dict[str, set[str]] = {}
    kinds: dict[str, str] = {}
    for kind_key in ("actors", "scholars"):
        for a in gold.get(kind_key, []):
            kinds[a["id"]] = "scholar" if kind_key == "scholars" else a.get("kind", "")
            for alias in [a["name"], *a.get("aliases", [])]:
                index.setdefault(_fold(alias), set()).add(a["id"])
    return index, kinds


def _gold_mentions(
    text: str, spans: list[tuple[int, int]], gold: dict
) -> list[tuple[int, int, str]]:
    """Where the text prints a gold alias (as printed, longest first): (start, end, gold id)."""
    aliases: dict[str, str] = {}
    for kind_key in ("actors", "scholars"):
        for a in gold.get(kind_key, []):
            for alias in [a["name"], *a.get("aliases", [])]:
                aliases.setdefault(alias, a["id"])
    pattern = re.compile(
        r"(?<!\w)(?:"
        + "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True))
        + r")(?!\w)"
    )
    out = []
    for start, end in spans:
        pos = start
        while m := pattern.search(text, pos, end):
            out.append((m.start(), m.end(), aliases[m.group()]))
            pos = m.end()
    return out


def score_actors(db: sqlite3.Connection, gold: dict) -> list[Score]:
    """Actor mentions against the gold actor list, over the body text of every document.

    Precision: a mention is right when its surface form (with or without its
    title), its actor's canonical name, or for a role its holder's name is a
    gold alias. Recall: the places where the body prints a gold alias that a
    mention covers. Canonicalisation: of those, the mentions whose actor (or
    role holder) is that gold actor — by canonical name, or for a name the
    gazetteer does not list, by the gold actor most of its mentions name.
    """
    index, kinds = _alias_index(gold)
    ids = lambda s: index.get(_fold(s or ""), set())  # noqa: E731
    rows = [
        dict(r)
        for r in db.execute(
            'SELECT m.doc_id, m.start, m."end", m.text, m.title, a.id AS actor, a.name, a.kind,'
            " h.name AS holder FROM actor_mentions m JOIN actors a ON a.id = m.actor_id"
            " LEFT JOIN actors h ON h.id = m.holder_id"
        )
    ]
    surface_votes: dict[str, dict[str, int]] = {}
    for r in rows:
        r["bare"] = r["text"][len(r["title"]) :].strip() if r["title"] else r["text"]
        for g in ids(r["text"]) | ids(r["bare"]):
            votes = surface_votes.setdefault(r["actor"], {})
            votes[g] = votes.get(g, 0) + 1
    names = {r["actor"]: r["name"] for r in rows}

    def gold_of(actor: str) -> set[str]:
        found = ids(names.get(actor))
        if not found and surface_votes.get(actor):
            votes = surface_votes[actor]
            found = {max(votes, key=votes.get)}  # type: ignore[arg-type]
        return found

    wrong = [
        r["text"]
        for r in rows
        if not (ids(r["text"]) | ids(r["bare"]) | ids(r["name"]) | ids(r["holder"]))
    ]
    right = len(rows) - len(wrong)
    found = canonical = total = 0
    missed: list[str] = []
    miscanonical: list[str] = []
    by_doc: dict[str, list[dict]] = {}
    for r in rows:
        by_doc.setdefault(r["doc_id"], []).append(r)
    scholar_right = scholar_total = 0
    for (doc_id,) in db.execute("SELECT id FROM documents ORDER BY id"):
        text = db.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
        spans = [
            (b[0], b[1])
            for b in db.execute(
                "SELECT start, \"end\" FROM blocks WHERE doc_id = ? AND kind = 'paragraph'",
                (doc_id,),
            )
        ]
        mine = by_doc.get(doc_id, [])
        for start, end, gid in _gold_mentions(text, spans, gold):
            total += 1
            near = [m for m in mine if m["start"] < end and start < m["end"]]
            if not near:
                missed.append(text[start:end])
                continue
            found += 1
            m = near[0]
            holder_ids = ids(m["holder"])
            if gid in gold_of(m["actor"]) | holder_ids:
                canonical += 1
            else:
                miscanonical.append(f"{text[start:end]}->{m['name']}")
            if kinds.get(gid) == "scholar" or m["kind"] == "scholar":
                scholar_total += 1
                scholar_right += (kinds.get(gid) == "scholar") == (m["kind"] == "scholar")
    p, r = _ratio(right, len(rows)), _ratio(found, total)

    def sample(xs: list[str]) -> str:
        counts: dict[str, int] = {}
        for x in xs:
            counts[x] = counts.get(x, 0) + 1
        top = sorted(counts.items(), key=lambda kv: -kv[1])[:12]
        return ", ".join(f"{k!r}x{v}" if v > 1 else repr(k) for k, v in top)

    return [
        Score(
            "actors",
            "all",
            "mention precision",
            p,
            f"{right} of {len(rows)}; not gold: {sample(wrong)}",
        ),
        Score(
            "actors", "all", "mention recall", r, f"{found} of {total}; missed: {sample(missed)}"
        ),
        Score("actors", "all", "mention f1", _f1(p, r)),
        Score(
            "actors",
            "all",
            "canonicalisation",
            _ratio(canonical, found),
            f"{canonical} of {found}; wrong: {sample(miscanonical)}",
        ),
        Score(
            "actors",
            "all",
            "scholar kind",
            _ratio(scholar_right, scholar_total),
            f"{scholar_right} of {scholar_total}",
        ),
    ]


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
        forms.setdefault(gid, set()).update({_fold(name), _fold(base)})
    for a in (actors_gold or {}).get("actors", []):
        forms.setdefault(a["id"], set()).update(
            _fold(x) for x in [a["name"], *a.get("aliases", [])]
        )
    for gid in list(forms):
        forms[gid].add(_fold(gid.replace("-", " ")))
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
        return any(actor_forms.get(w, {_fold(w)}) & f for w in want for f in have)

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
            return all(any(actor_forms.get(w, {_fold(w)}) & f for f in have) for w in want)
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
        forms.setdefault(r[0], set()).update({_fold(r[1]), _fold(r[0].replace("-", " "))})
    for r in db.execute("SELECT DISTINCT actor_id, text, title FROM actor_mentions"):
        name = r[1][len(r[2]) :].strip() if r[2] and r[1].startswith(r[2]) else r[1]
        forms.setdefault(r[0], set()).add(_fold(name))
    primary = {"participant": "participants"}
    for e in got:
        e["forms"] = {
            primary.get(role, role): [forms.get(i, {_fold(i)}) for i in ids]
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
        p = _ratio(c["tp"], c["tp"] + c["fp"])
        r = _ratio(c["tp"], c["tp"] + c["fn"])
        detail = f"tp {c['tp']} fp {c['fp']} fn {c['fn']}"
        if c["missed"]:
            detail += f"; missed {', '.join(c['missed'][:12])}"
        scores += [
            Score("events", article, f"{t} precision", p, detail),
            Score("events", article, f"{t} recall", r),
            Score("events", article, f"{t} f1", _f1(p, r)),
        ]
        for slot, (ok, n) in c["slots"].items():
            slot_ok += ok
            slot_n += n
            scores.append(
                Score("events", article, f"{t} slot {slot}", _ratio(ok, n), f"{ok} of {n}")
            )
    p = _ratio(total["tp"], total["tp"] + total["fp"])
    r = _ratio(total["tp"], total["tp"] + total["fn"])
    scores += [
        Score(
            "events",
            article,
            "all types precision",
            p,
            f"tp {total['tp']} fp {total['fp']} fn {total['fn']}",
        ),
        Score("events", article, "all types recall", r),
        Score("events", article, "all types f1", _f1(p, r)),
        Score(
            "events",
            article,
            "slot accuracy (matched)",
            _ratio(slot_ok, slot_n),
            f"{slot_ok} of {slot_n}",
        ),
    ]
    return scores


# Gold files about the whole corpus rather than one article.
CORPUS_SCORERS: dict[str, Callable[[sqlite3.Connection, dict], list[Score]]] = {
    "actors": score_actors,
}

SCORERS: dict[str, Callable[[sqlite3.Connection, str, dict], list[Score]]] = {
    "markers_": score_markers,
    "footnotes_": lambda db, d, g: score_notes(db, d, g) + score_citations(db, d, g),
    "events_": lambda db, d, g: score_evidence(db, d, g, "events") + score_events(db, d, g),
    "times_": lambda db, d, g: score_evidence(db, d, g, "times") + score_times(db, d, g),
}


def load_gold_any(path: Path) -> dict:
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise GoldError(f"{path}: cannot read gold file ({e})") from None


def load_gold(path: Path) -> dict:
    try:
        gold = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise GoldError(f"{path}: cannot read gold file ({e})") from None
    if not isinstance(gold, dict) or "article" not in gold:
        raise GoldError(f'{path}: not a gold file (no "article" field; see SCHEMA.md)')
    return gold


def evaluate(db: sqlite3.Connection, gold_dir: str | Path) -> list[Score]:
    """Score every layer for which ``gold_dir`` holds a gold file."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise GoldError(f"{gold_dir}: no such gold folder")
    scores: list[Score] = []
    order = list(SCORERS)
    files = [
        (p, next((k for k in order if p.name.startswith(k)), None))
        for p in sorted(gold_dir.glob("*.json"))
    ]
    for name, scorer in CORPUS_SCORERS.items():
        path = gold_dir / f"{name}.json"
        if path.is_file():
            gold = load_gold_any(path)
            try:
                scores.extend(scorer(db, gold))
            except (KeyError, TypeError) as e:
                raise GoldError(f"{path}: unexpected gold format ({e!r}; see SCHEMA.md)") from None
    for path, prefix in sorted((f for f in files if f[1]), key=lambda f: order.index(f[1])):
        scorer = SCORERS[prefix]
        gold = load_gold(path)
        doc_id = find_doc_id(db, gold["article"])
        if doc_id is None:
            scores.append(
                Score(
                    path.stem,
                    gold["article"],
                    "not ingested",
                    None,
                    f"ingest the article {gold['article']!r} first",
                )
            )
            continue
        try:
            if prefix == "events_":  # actors are matched through the corpus' actor list
                actors_path = gold_dir / "actors.json"
                actors_gold = load_gold_any(actors_path) if actors_path.is_file() else None
                scores.extend(score_evidence(db, doc_id, gold, "events"))
                scores.extend(score_events(db, doc_id, gold, actors_gold))
            else:
                scores.extend(scorer(db, doc_id, gold))
        except (KeyError, TypeError) as e:
            raise GoldError(f"{path}: unexpected gold format ({e!r}; see SCHEMA.md)") from None
    return scores
