"""Actor mentions against a gold actor list: found, right, and named by the right actor."""

from __future__ import annotations

import re
import sqlite3

from historiograph.evaluate.common import Score, f1, fold, ratio


def _alias_index(gold: dict) -> tuple[dict[str, set[str]], dict[str, str]]:
    """Folded name or alias -> gold actor ids; gold id -> kind (historians: ``scholar``)."""
    index: dict[str, set[str]] = {}
    kinds: dict[str, str] = {}
    for kind_key in ("actors", "scholars"):
        for a in gold.get(kind_key, []):
            kinds[a["id"]] = "scholar" if kind_key == "scholars" else a.get("kind", "")
            for alias in [a["name"], *a.get("aliases", [])]:
                index.setdefault(fold(alias), set()).add(a["id"])
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


def score_actors(
    db: sqlite3.Connection, gold: dict, doc_ids: list[str] | None = None, article: str = "all"
) -> list[Score]:
    """Actor mentions against a gold actor list, over the body text of ``doc_ids`` (or every document).

    Precision: a mention is right when its surface form (with or without its
    title), its actor's canonical name, or for a role its holder's name is a
    gold alias. Recall: the places where the body prints a gold alias that a
    mention covers. Canonicalisation: of those, the mentions whose actor (or
    role holder) is that gold actor — by canonical name, or for a name the
    gazetteer does not list, by the gold actor most of its mentions name.
    """
    index, kinds = _alias_index(gold)
    ids = lambda s: index.get(fold(s or ""), set())  # noqa: E731
    rows = [
        dict(r)
        for r in db.execute(
            'SELECT m.doc_id, m.start, m."end", m.text, m.title, a.id AS actor, a.name, a.kind,'
            " h.name AS holder FROM actor_mentions m JOIN actors a ON a.id = m.actor_id"
            " LEFT JOIN actors h ON h.id = m.holder_id"
        )
        if doc_ids is None or r["doc_id"] in doc_ids
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
    scored = (
        doc_ids
        if doc_ids is not None
        else [r[0] for r in db.execute("SELECT id FROM documents ORDER BY id")]
    )
    for doc_id in scored:
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
    p, r = ratio(right, len(rows)), ratio(found, total)

    def sample(xs: list[str]) -> str:
        counts: dict[str, int] = {}
        for x in xs:
            counts[x] = counts.get(x, 0) + 1
        top = sorted(counts.items(), key=lambda kv: -kv[1])[:12]
        return ", ".join(f"{k!r}x{v}" if v > 1 else repr(k) for k, v in top)

    return [
        Score(
            "actors",
            article,
            "mention precision",
            p,
            f"{right} of {len(rows)}; not gold: {sample(wrong)}",
        ),
        Score(
            "actors", article, "mention recall", r, f"{found} of {total}; missed: {sample(missed)}"
        ),
        Score("actors", article, "mention f1", f1(p, r)),
        Score(
            "actors",
            article,
            "canonicalisation",
            ratio(canonical, found),
            f"{canonical} of {found}; wrong: {sample(miscanonical)}",
        ),
        Score(
            "actors",
            article,
            "scholar kind",
            ratio(scholar_right, scholar_total),
            f"{scholar_right} of {scholar_total}",
        ),
    ]
