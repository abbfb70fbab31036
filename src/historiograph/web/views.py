"""What each explorer page shows, as plain data: one function per page, taking the database
and the request's parameters, returning a dict. The HTML page and its JSON twin are drawn
from the same dict (keys starting with "_" are for the HTML only)."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Mapping

from historiograph import dates
from historiograph.describe import date_order, headline, what, when, who
from historiograph.errors import NotFoundError, UsageError
from historiograph.store import explorer, primary, queries
from historiograph.web.marks import Point, Range, cut

EVENT_TYPES = ["communication", "decision", "meeting", "military", "negotiation"]
# Search snippets mark matched words with two control characters no text contains.
HIT_OPEN, HIT_CLOSE = "\x02", "\x03"


class BadRequest(UsageError):
    """A parameter the page cannot use (answered with status 400)."""


def _opt(params: Mapping, name: str) -> str | None:
    value = (params.get(name) or "").strip()
    return value or None


# A filter's name -> (how its value is resolved, what it names, what it may be given as)
_FILTERS = {
    "actor": (queries.resolve_actor, "actor", "an id or a name"),
    "doc": (queries.resolve_document, "document", "an id or a title"),
}


def _resolved(db: sqlite3.Connection, params: Mapping, name: str) -> str | None:
    """``actor=`` or ``doc=`` as the database names it (400 for one it does not hold)."""
    wanted = _opt(params, name)
    if wanted is None:
        return None
    resolve, what, given = _FILTERS[name]
    found = resolve(db, wanted)
    if found is None:
        raise BadRequest(f"{name}: no {what} {wanted!r} in the database (give {given})")
    return found


def _actor(db: sqlite3.Connection, params: Mapping) -> str | None:
    return _resolved(db, params, "actor")


def _doc(db: sqlite3.Connection, params: Mapping) -> str | None:
    return _resolved(db, params, "doc")


def _iso(params: Mapping, name: str) -> str | None:
    value = _opt(params, name)
    if value and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise BadRequest(f"{name}: {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


def event_url(doc_id: str, event_id: str) -> str:
    return f"/events/{doc_id}/{event_id}"


def _label(e: dict) -> dict:
    """The few fields every list of events shows."""
    return {
        "document": e["document"],
        "id": e["id"],
        "type": e["type"],
        "date": e["date"],
        "date_precision": e["date_precision"],
        "date_inferred": e["date_inferred"],
        "time": e["time"],
        "when": when(e),
        "who": who(e),
        "what": what(e),
        "label": headline(e),
        "url": event_url(e["document"], e["id"]),
    }


def _actor_options(db: sqlite3.Connection) -> list[dict]:
    return [
        dict(r)
        for r in db.execute(
            "SELECT DISTINCT a.id, a.name FROM event_roles r JOIN actors a ON a.id = r.actor_id"
            " ORDER BY a.name"
        )
    ]


def home(db: sqlite3.Connection, params: Mapping) -> dict:
    counts = explorer.corpus_counts(db)
    span = db.execute(
        "SELECT min(substr(date, 1, 10)), max(substr(date, 1, 10)) FROM events"
        " WHERE date GLOB '[0-9][0-9][0-9][0-9]*'"
    ).fetchone()
    return {
        "title": "historiograph",
        "documents": queries.list_documents(db),
        "counts": counts,
        "dates": {"first": span[0], "last": span[1]},
        "actors": queries.actors(db, with_mentions=False)[:12],
        "sources": queries.sources(db, with_places=False)[:10],
    }


def _notes(db: sqlite3.Connection, doc_id: str, numbers: list[int] | None = None) -> list[dict]:
    """Footnotes with their text (when the file has it), parsed citations and citing sentences."""
    parsed = {n["n"]: n for n in queries.citations(db, doc_id)["notes"]}
    rows = db.execute(
        "SELECT n, label, text FROM footnotes WHERE doc_id = ? AND kind = 'note' AND n IS NOT NULL"
        " ORDER BY rowid",
        (doc_id,),
    )
    texts = {r["n"]: (r["label"], r["text"]) for r in rows}
    cited_by: dict[int, list[int]] = {}
    for r in db.execute(
        "SELECT n, sentence_idx FROM markers WHERE doc_id = ? ORDER BY idx", (doc_id,)
    ):
        cited_by.setdefault(r["n"], []).append(r["sentence_idx"])
    wanted = numbers if numbers is not None else sorted(set(texts) | set(cited_by))
    out = []
    for n in wanted:
        label, text = texts.get(n, (str(n), None))
        out.append(
            {
                "n": n,
                "label": label,
                "text": text,
                "citations": parsed.get(n, {}).get("citations", []),
                "cited_by": [i for i in cited_by.get(n, []) if i is not None],
            }
        )
    return out


def _highlight(params: Mapping) -> tuple[int, int] | None:
    m = re.fullmatch(r"(\d+)-(\d+)", _opt(params, "hl") or "")
    return (int(m[1]), int(m[2])) if m else None


def document(db: sqlite3.Connection, params: Mapping) -> dict:
    """The normalized text, paragraph by paragraph, with footnote markers as links, every
    event's evidence highlighted (and ``?hl=start-end`` as the range asked for), the notes
    below; the raw file beside it."""
    doc_id = params["doc_id"]
    lay = explorer.layout(db, doc_id)
    summary = queries.get_document(db, doc_id)
    text, raw = lay["text"], lay["raw"]
    ranges = [Range(v["start"], v["end"], "evidence", v["event_id"]) for v in lay["evidence"]]
    raw_ranges = [
        Range(v["raw_start"], v["raw_end"], "evidence", v["event_id"]) for v in lay["evidence"]
    ]
    target = _highlight(params)
    if target:
        ranges.append(Range(*target, "target"))
    ends: dict[int, list[str]] = {}
    for v in lay["evidence"]:
        ends.setdefault(v["end"], []).append(v["event_id"])
    points = [Point(s["start"], "sentence", s["idx"]) for s in lay["sentences"]]
    points += [Point(m["pos"], "marker", m["n"]) for m in lay["markers"]]
    points += [Point(pos, "events", sorted(set(ids))) for pos, ids in ends.items()]
    points += [Point(p["start"], "page", p["label"]) for p in lay["pages"]]
    paragraphs = [
        {"kind": b["kind"], "pieces": cut(text[b["start"] : b["end"]], b["start"], ranges, points)}
        for b in lay["blocks"]
        if b["kind"] != "note"
    ]
    raw_points = [Point(s["raw_start"], "sentence", s["idx"]) for s in lay["sentences"]]
    links = [k.to_dict() for k in primary.links(db, doc_id)]
    return {
        "title": summary["title"] or doc_id,
        "document": summary,
        "text": text,
        "raw": raw,
        "blocks": lay["blocks"],
        "sentences": lay["sentences"],
        "markers": lay["markers"],
        "evidence": lay["evidence"],
        "highlight": target,
        "notes": _notes(db, doc_id),
        "pages": lay["pages"],
        "links": links,
        "cited_by_links": [k for k in links if k["target"] == doc_id],
        "_links_of_note": _links_of_note(links, doc_id),
        "_paragraphs": paragraphs,
        "_raw_pieces": cut(raw, 0, raw_ranges, raw_points),
    }


def _links_of_note(links: list[dict], doc_id: str) -> dict[int, list[dict]]:
    """Note number -> the links its citations make to primary documents."""
    out: dict[int, list[dict]] = {}
    for k in links:
        if k["doc_id"] == doc_id:
            out.setdefault(k["note_n"], []).append(k)
    return out


def timeline(db: sqlite3.Connection, params: Mapping) -> dict:
    """Dated events as items spanning the days their date stands for (a month-precise date
    spans its month); a clock time makes a point. Undated events are listed apart."""
    doc, type_, actor = _doc(db, params), _opt(params, "type"), _actor(db, params)
    if type_ and type_ not in EVENT_TYPES:
        raise BadRequest(f"type: {type_!r} is not one of {', '.join(EVENT_TYPES)}")
    rows = queries.events(db, doc, type_, actor, _iso(params, "from"), _iso(params, "to"))
    items, undated = [], []
    for e in rows:
        lanes = [r for r in ("sender", "actor", "participants") if e.get(r)]
        first = e[lanes[0]] if lanes else None
        item = _label(e) | {
            "notes": e["notes"],
            "evidence": e["evidence"],
            # the lane of the actor view: who sends, decides, acts, or meets first
            "lane_actor": (first[0] if isinstance(first, list) else first) or "(no one named)",
        }
        span = dates.bounds(e["date"])
        if span is None:
            undated.append(item)
            continue
        if e["time"] and e["date_precision"] in ("day", "minute"):
            item |= {"start": f"{span[0].isoformat()}T{e['time']}", "end": None}
        else:
            item |= {"start": span[0].isoformat(), "end": span[1].isoformat()}
        items.append(item)
    items.sort(key=lambda i: (i["start"], i["document"], i["id"]))
    return {
        "title": "Timeline",
        "filters": {"doc": doc, "type": type_, "actor": actor},
        "items": items,
        "undated": undated,
        "_documents": explorer.document_ids(db),
        "_types": EVENT_TYPES,
        "_actors": _actor_options(db),
    }


def network(db: sqlite3.Connection, params: Mapping) -> dict:
    """Who wrote to whom between two dates; ``days`` is the scale the page's range slides on."""
    doc = _doc(db, params)
    graph = queries.network(db, doc, _iso(params, "from"), _iso(params, "to"))
    return {
        "title": "Network",
        "filters": {"doc": doc, "from": graph["from"], "to": graph["to"]},
        "days": explorer.communication_days(db, doc),
        "nodes": graph["nodes"],
        "edges": graph["edges"],
        "_documents": explorer.document_ids(db),
    }


def event(db: sqlite3.Connection, params: Mapping) -> dict:
    """All slots of one event, its evidence in context, its footnotes and their citations."""
    doc_id, event_id = params["doc_id"], params["event_id"]
    e = explorer.event(db, doc_id, event_id)
    names = queries.actor_names(db)
    contexts = []
    for span in e["evidence_spans"]:
        around = explorer.sentences_around(db, doc_id, span["start"], span["end"])
        if not around:
            continue
        first, last = around[0], around[-1]
        whole = db.execute(
            "SELECT substr(text, ? + 1, ?) FROM documents WHERE id = ?",
            (first["start"], last["end"] - first["start"], doc_id),
        ).fetchone()[0]
        hit = [Range(span["start"], span["end"], "evidence", event_id)]
        sentence = next(s for s in around if s["end"] > span["start"])
        contexts.append(
            span
            | {
                "sentence_idx": sentence["idx"],
                "url": f"/documents/{doc_id}?hl={span['start']}-{span['end']}#s-{sentence['idx']}",
                "_pieces": cut(whole, first["start"], hit, []),
            }
        )
    earlier = [e["reverses"]] if e.get("reverses") else []
    basis = [e["derived_from"]] if e.get("derived_from") else []  # the answer it is read from
    handed = [e["delivers"]] if e.get("delivers") else []  # the message a delivery hands over
    related = {
        key: [{"id": x, "url": event_url(doc_id, x)} for x in ids]
        for key, ids in (
            ("reverses", earlier),
            ("reversed_by", e["reversed_by"]),
            ("derived_from", basis),
            ("delivers", handed),
            ("delivered_by", e["delivered_by"]),
        )
    }
    return {
        "title": f"{doc_id} {event_id}: {headline(e)}",
        "event": e,
        "headline": headline(e),
        "when": when(e),
        "roles": {
            role: [{"id": i, "name": names.get(i, i)} for i in ids]
            for role, ids in e["actor_ids"].items()
        },
        "context": contexts,
        "notes": _notes(db, doc_id, e["notes"]),
        "related": related,
        "_links_of_note": _links_of_note([k.to_dict() for k in primary.links(db, doc_id)], doc_id),
    }


def actors(db: sqlite3.Connection, params: Mapping) -> dict:
    kind = _opt(params, "kind")
    rows = [a for a in queries.actors(db, with_mentions=False) if not kind or a["kind"] == kind]
    return {"title": "Actors", "filters": {"kind": kind}, "actors": rows}


def actor(db: sqlite3.Connection, params: Mapping) -> dict:
    """One actor: how it is named, where, every event it takes part in, its correspondents."""
    a = explorer.actor(db, params["actor_id"])
    names = queries.actor_names(db)
    events, partners = [], {}
    for e in queries.events(db):
        roles = [role for role, ids in e["actor_ids"].items() if a["id"] in ids]
        if not roles:
            continue
        events.append(_label(e) | {"roles": roles})
        if e["type"] != "communication":
            continue
        ids = e["actor_ids"]
        for direction, mine, theirs in (
            ("to", "sender", "recipient"),
            ("from", "recipient", "sender"),
        ):
            if a["id"] in ids.get(mine, []):
                for other in ids.get(theirs, []):
                    p = partners.setdefault(
                        other, {"id": other, "name": names.get(other, other), "to": 0, "from": 0}
                    )
                    p[direction] += 1
    events.sort(key=date_order)
    decided = sorted(
        queries.events(db, None, "decision", a["id"], with_bodies=True), key=date_order
    )
    return {
        "title": a["name"],
        "actor": a,
        "events": events,
        "flow": decision_flow(db, decided) if decided else None,
        "correspondents": sorted(partners.values(), key=lambda p: (-(p["to"] + p["from"]), p["name"])),
    }  # fmt: skip


def sources(db: sqlite3.Connection, params: Mapping) -> dict:
    kind, archive = _opt(params, "kind"), _opt(params, "archive")
    rows = queries.sources(db, kind, archive, with_places=False)
    return {"title": "Sources", "filters": {"kind": kind, "archive": archive}, "sources": rows}


def source(db: sqlite3.Connection, params: Mapping) -> dict:
    s = explorer.source(db, params["source_id"])
    cited = {(c["doc"], c["note"]) for c in s["cited_in"]}
    links: dict[str, list[dict]] = {}  # "doc:note" -> the FRUS documents that note names
    for doc_id in sorted({doc for doc, _ in cited}):  # the citing documents' links only
        for k in primary.links(db, doc_id):
            if k.doc_id == doc_id and (k.doc_id, k.note_n) in cited:
                links.setdefault(f"{k.doc_id}:{k.note_n}", []).append(k.to_dict())
    return {"title": s["label"], "source": s, "links": links}


def decisions(db: sqlite3.Connection, params: Mapping) -> dict:
    """Decisions in date order, grouped by who decided, with conditions and reversals (an
    actor's own and those of the bodies the actor sat in)."""
    doc, actor = _doc(db, params), _actor(db, params)
    rows = queries.events(db, doc, "decision", actor, with_bodies=True)
    rows.sort(key=date_order)
    by_id = {(e["document"], e["id"]): e for e in rows}
    groups: dict[str, list[dict]] = {}
    for e in rows:
        item = _label(e) | {
            "polarity": e["polarity"],
            "conditions": e["conditions"],
            "evidence": e["evidence"],
            "notes": e["notes"],
            "reverses": None,
            "derived_from": e["derived_from"]
            and {"id": e["derived_from"], "url": event_url(e["document"], e["derived_from"])},
        }
        if e["reverses"]:
            prev = by_id.get((e["document"], e["reverses"]))
            item["reverses"] = {
                "id": e["reverses"],
                "url": event_url(e["document"], e["reverses"]),
                "label": (f"{when(prev)}: {what(prev)}" if prev else e["reverses"]),
            }
        groups.setdefault(who(e), []).append(item)
    ordered = sorted(groups.items(), key=lambda g: (-len(g[1]), g[0]))
    return {
        "title": "Decisions",
        "filters": {"doc": doc, "actor": actor},
        "groups": [{"actor": name, "decisions": items} for name, items in ordered],
        "flow": decision_flow(db, rows) if actor else None,
        "_documents": explorer.document_ids(db),
    }


def decision_flow(db: sqlite3.Connection, rows: list[dict]) -> dict:
    """The decisions of one decider (and the bodies it sat in) as a chain in date order, for
    the graph: a node per decision (+/−, what, date), arrows to the decisions each reverses,
    its conditions hanging from it, and the communication a decision is read from."""
    nodes, edges = [], []
    ids = {(e["document"], e["id"]) for e in rows}
    for k, e in enumerate(rows):
        key = f"{e['document']}:{e['id']}"
        sign = "−" if e["polarity"] == "negative" else "+"
        nodes.append(
            {
                "id": key,
                "kind": "decision",
                "polarity": e["polarity"] or "positive",
                "label": f"{sign} {_clip(what(e).removeprefix('NOT '), 60)}\n{when(e)}",
                "who": who(e),
                "date": e["date"],
                "order": k,
                "url": event_url(e["document"], e["id"]),
            }
        )
        for i, c in enumerate(e["conditions"]):
            nodes.append(
                {
                    "id": f"{key}:if{i}",
                    "kind": "condition",
                    "label": f"if: {_clip(c, 50)}",
                    "order": k,
                    "slot": i,
                }
            )
            edges.append({"source": f"{key}:if{i}", "target": key, "kind": "condition"})
        if e["reverses"] and (e["document"], e["reverses"]) in ids:
            edges.append(
                {"source": key, "target": f"{e['document']}:{e['reverses']}", "kind": "reverses"}
            )
        if e["derived_from"]:
            basis = queries.events(db, e["document"], event_id=e["derived_from"])
            label = headline(basis[0]) if basis else e["derived_from"]
            nodes.append(
                {
                    "id": f"{key}:from",
                    "kind": "communication",
                    "label": _clip(label, 60),
                    "order": k,
                    "url": event_url(e["document"], e["derived_from"]),
                }
            )
            edges.append({"source": f"{key}:from", "target": key, "kind": "answers"})
    return {"nodes": nodes, "edges": edges}


def _hit_pieces(snippet: str) -> list[dict]:
    """A snippet with HIT_OPEN/HIT_CLOSE around matches -> [{"text", "hit"}] for the template."""
    out, hit = [], False
    for part in re.split(f"([{HIT_OPEN}{HIT_CLOSE}])", snippet):
        if part in (HIT_OPEN, HIT_CLOSE):
            hit = part == HIT_OPEN
        elif part:
            out.append({"text": part, "hit": hit})
    return out


def search(db: sqlite3.Connection, params: Mapping) -> dict:
    q = _opt(params, "q")
    hits = []
    if q:
        try:
            found = queries.search(db, q, limit=50, marks=(HIT_OPEN, HIT_CLOSE))
        except NotFoundError:
            found = []
        for h in found:
            anchor = f"s-{h['ref']}" if h["kind"] == "sentence" else f"note-{h['ref']}"
            pieces = _hit_pieces(h["snippet"])
            hits.append(
                {
                    "kind": h["kind"],
                    "doc": h["doc"],
                    "ref": h["ref"],
                    "text": "".join(p["text"] for p in pieces),
                    "url": f"/documents/{h['doc']}#{anchor}",
                    "_pieces": pieces,
                }
            )
    return {"title": f"Search: {q}" if q else "Search", "q": q, "hits": hits}


def _clip(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut at a word and marked "…" when cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:") + "…"
