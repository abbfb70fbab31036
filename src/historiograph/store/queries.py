"""Read-only questions to the database, answered as plain dicts (JSON-ready)."""

from __future__ import annotations

import json
import re
import sqlite3

from historiograph.errors import NotFoundError, UsageError
from historiograph.ids import slug


def as_dicts(cur: sqlite3.Cursor) -> list[dict]:
    return [dict(r) for r in cur.fetchall()]


PRIMARY_FORMATS = ("frus-tei",)  # documents read as primary sources (a FRUS volume's)


def list_documents(db: sqlite3.Connection, kind: str | None = None) -> list[dict]:
    """Every document with its counts, in id order; ``kind``: ``primary`` (FRUS
    documents) or ``article`` (the others)."""
    if kind not in (None, "primary", "article"):
        raise UsageError(f"unknown kind {kind!r} (choose primary or article)")
    marks = ",".join(f"'{f}'" for f in PRIMARY_FORMATS)
    where = (
        f"WHERE d.format IN ({marks})"
        if kind == "primary"
        else f"WHERE d.format NOT IN ({marks})"
        if kind == "article"
        else ""
    )
    return as_dicts(
        db.execute(
            f"""
        SELECT d.id, d.title, d.format, d.path, d.n_words,
          (SELECT count(*) FROM sentences s WHERE s.doc_id = d.id) AS sentences,
          (SELECT count(*) FROM footnotes f WHERE f.doc_id = d.id AND f.kind = 'note') AS notes,
          (SELECT count(*) FROM markers m WHERE m.doc_id = d.id) AS markers,
          (SELECT count(*) FROM markers m WHERE m.doc_id = d.id AND m.footnote_rowid IS NOT NULL)
            AS linked_markers
        FROM documents d {where} ORDER BY d.id
        """
        )
    )


def require_document(db: sqlite3.Connection, doc_id: str) -> None:
    """Raise NotFoundError, naming the documents there are, unless ``doc_id`` is stored."""
    if db.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is None:
        known = ", ".join(r["id"] for r in db.execute("SELECT id FROM documents ORDER BY id"))
        raise NotFoundError(f"no document {doc_id!r} (known: {known or 'none; run ingest'})")


def get_document(db: sqlite3.Connection, doc_id: str) -> dict:
    """One document's summary (not its full text). Raises NotFoundError."""
    require_document(db, doc_id)
    d = next(d for d in list_documents(db) if d["id"] == doc_id)
    author = db.execute(
        "SELECT text FROM footnotes WHERE doc_id = ? AND kind = 'author_note'", (doc_id,)
    ).fetchone()
    d["author_note"] = author["text"] if author else None
    if d["format"] in PRIMARY_FORMATS:  # a FRUS document: its unnumbered note is the source note
        d["source_note"] = d.pop("author_note")
        meta = json.loads(
            db.execute("SELECT meta FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
        )
        d["primary"] = {
            k: meta[k]
            for k in (
                "volume",
                "number",
                "form",
                "date",
                "place",
                "place_supplied",
                "from",
                "to",
                "classification",
                "handling",
                "page_first",
                "page_last",
            )
            if k in meta
        }
        d["pages"] = [
            r[0]
            for r in db.execute(
                "SELECT label FROM pages WHERE doc_id = ? ORDER BY start", (doc_id,)
            )
        ]
    d["headings"] = [
        r["text"]
        for r in db.execute(
            'SELECT substr(d.text, b.start + 1, b."end" - b.start) AS text FROM blocks b'
            " JOIN documents d ON d.id = b.doc_id WHERE b.doc_id = ? AND b.kind = 'heading'"
            " ORDER BY b.idx",
            (doc_id,),
        )
    ]
    return d


def _markers_of_sentence(db: sqlite3.Connection, doc_id: str, idx: int) -> list[dict]:
    return as_dicts(
        db.execute(
            "SELECT m.n, m.pos, m.raw_start, m.raw_end, m.style, f.text AS note_text"
            " FROM markers m LEFT JOIN footnotes f ON f.rowid = m.footnote_rowid"
            " WHERE m.doc_id = ? AND m.sentence_idx = ? ORDER BY m.idx",
            (doc_id, idx),
        )
    )


def get_sentence(db: sqlite3.Connection, doc_id: str, idx: int) -> dict:
    """Sentence ``idx`` with its offsets, raw text and the notes it cites."""
    require_document(db, doc_id)
    row = db.execute(
        'SELECT idx, block_idx, start, "end", raw_start, raw_end, text FROM sentences'
        " WHERE doc_id = ? AND idx = ?",
        (doc_id, idx),
    ).fetchone()
    if row is None:
        count = db.execute("SELECT count(*) FROM sentences WHERE doc_id = ?", (doc_id,)).fetchone()[
            0
        ]
        raise NotFoundError(
            f"{doc_id}: no sentence {idx} (sentences are numbered 0 to {count - 1})"
        )
    out = dict(row)
    out["raw"] = raw_slice(db, doc_id, out["raw_start"], out["raw_end"])
    out["markers"] = _markers_of_sentence(db, doc_id, idx)
    return {"doc": doc_id} | out


def get_note(db: sqlite3.Connection, doc_id: str, n: int) -> dict:
    """Footnote ``n``: its text (when the file has it) and every sentence that cites it."""
    require_document(db, doc_id)
    note = db.execute(
        'SELECT label, n, kind, start, "end", raw_start, raw_end, text FROM footnotes'
        " WHERE doc_id = ? AND n = ? AND kind = 'note' ORDER BY rowid LIMIT 1",
        (doc_id, n),
    ).fetchone()
    markers = as_dicts(
        db.execute(
            "SELECT m.pos, m.raw_start AS marker_raw_start, m.raw_end AS marker_raw_end, m.style,"
            ' s.idx AS sentence_idx, s.start, s."end", s.raw_start, s.raw_end, s.text'
            " FROM markers m LEFT JOIN sentences s ON s.doc_id = m.doc_id AND s.idx = m.sentence_idx"
            " WHERE m.doc_id = ? AND m.n = ? ORDER BY m.idx",
            (doc_id, n),
        )
    )
    if note is None and not markers:
        raise NotFoundError(f"{doc_id}: no footnote {n} and no marker for it")
    return {
        "doc": doc_id,
        "n": n,
        "note": dict(note) if note else None,
        "note_text_in_file": note is not None,
        "cited_by": markers,
    }


def raw_slice(db: sqlite3.Connection, doc_id: str, raw_start: int, raw_end: int) -> str:
    row = db.execute(
        "SELECT substr(raw, ? + 1, ?) FROM documents WHERE id = ?",
        (raw_start, raw_end - raw_start, doc_id),
    ).fetchone()
    return row[0] if row else ""


def _fts_query(words: str) -> str:
    """Plain words -> an FTS5 query that matches all of them (no syntax errors on quotes)."""
    terms = re.findall(r"\w+", words)
    if not terms:
        raise NotFoundError(f"nothing to search for in {words!r}")
    return " ".join(f'"{t}"' for t in terms)


def search(
    db: sqlite3.Connection,
    words: str,
    limit: int = 20,
    doc_id: str | None = None,
    marks: tuple[str, str] = ("[", "]"),
) -> list[dict]:
    """Sentences and footnotes that contain all the words, best first; ``marks`` open and
    close each matched word in the snippets."""
    q = _fts_query(words)
    doc_filter = "AND s.doc_id = :doc" if doc_id else ""
    sentences = as_dicts(
        db.execute(
            f"""SELECT 'sentence' AS kind, s.doc_id AS doc, s.idx AS ref,
              snippet(sentences_fts, 0, :open, :close, '…', 16) AS snippet, bm25(sentences_fts) AS rank
            FROM sentences_fts JOIN sentences s ON s.rowid = sentences_fts.rowid
            WHERE sentences_fts MATCH :q {doc_filter} ORDER BY rank LIMIT :limit""",
            {"q": q, "doc": doc_id, "limit": limit, "open": marks[0], "close": marks[1]},
        )
    )
    notes = as_dicts(
        db.execute(
            f"""SELECT 'note' AS kind, s.doc_id AS doc, s.label AS ref,
              snippet(footnotes_fts, 0, :open, :close, '…', 16) AS snippet, bm25(footnotes_fts) AS rank
            FROM footnotes_fts JOIN footnotes s ON s.rowid = footnotes_fts.rowid
            WHERE footnotes_fts MATCH :q {doc_filter} ORDER BY rank LIMIT :limit""",
            {"q": q, "doc": doc_id, "limit": limit, "open": marks[0], "close": marks[1]},
        )
    )
    hits = sorted(sentences + notes, key=lambda h: (h["rank"], h["doc"], str(h["ref"])))
    return hits[:limit]


def citations(db: sqlite3.Connection, doc_id: str, note: int | None = None) -> dict:
    """A document's parsed footnotes in the shape of the gold ``footnotes_<article>.json``.

    Each citation has the gold fields plus ``text``, ``start``/``end`` (offsets in the
    document's normalized text), ``shelfmark``, ``location_at`` (where a location it shares with
    the documents after it is printed) and ``sources`` (registry ids).
    """
    require_document(db, doc_id)
    args: list = [doc_id]
    where = "c.doc_id = ?"
    if note is not None:
        where += " AND c.note_n = ?"
        args.append(note)
    rows = db.execute(
        f'SELECT c.rowid, c.note_n, c.idx, c.kind, c.start, c."end", c.text, c.fields, c.shelfmark,'
        f" c.refers_n, c.refers_i, c.location_start, c.location_end,"
        f" group_concat(cs.source_id) AS sources"
        f" FROM citations c LEFT JOIN citation_sources cs ON cs.citation_rowid = c.rowid"
        f" WHERE {where} GROUP BY c.rowid ORDER BY c.note_n, c.idx",
        args,
    ).fetchall()
    if note is not None and not rows:
        raise NotFoundError(f"{doc_id}: no footnote {note} with citations")
    commentary = {
        r[0]
        for r in db.execute(
            "SELECT DISTINCT note_n FROM note_commentary WHERE doc_id = ?", (doc_id,)
        )
    }
    notes: dict[int, dict] = {}
    for r in rows:
        item = {"kind": r["kind"], **json.loads(r["fields"])}
        if r["refers_n"] is not None:
            item["refers_to"] = {"n": r["refers_n"], "i": r["refers_i"]}
        if r["kind"] == "unparsed":
            item["parsed"] = False
        item |= {"text": r["text"], "start": r["start"], "end": r["end"]}
        if r["shelfmark"]:
            item["shelfmark"] = r["shelfmark"]
        if r["location_start"] is not None:  # its location, printed after another document
            item["location_at"] = {"start": r["location_start"], "end": r["location_end"]}
        item["sources"] = sorted(r["sources"].split(",")) if r["sources"] else []
        entry = notes.setdefault(
            r["note_n"],
            {"n": r["note_n"], "citations": [], "has_commentary": r["note_n"] in commentary},
        )
        entry["citations"].append(item)
    return {"article": doc_id, "notes": list(notes.values())}


def sources(
    db: sqlite3.Connection,
    kind: str | None = None,
    archive: str | None = None,
    with_places: bool = True,
) -> list[dict]:
    """The source registry with citation counts and, per source, every note and sentence citing it."""
    rows = as_dicts(
        db.execute(
            """SELECT s.id, s.kind, s.label, s.fields, count(DISTINCT cs.citation_rowid) AS citations
           FROM sources s JOIN citation_sources cs ON cs.source_id = s.id
           GROUP BY s.id ORDER BY citations DESC, s.label"""
        )
    )
    out = []
    for r in rows:
        fields = json.loads(r.pop("fields"))
        if kind and r["kind"] != kind:
            continue
        if archive and (fields.get("archive") or "").casefold() != archive.casefold():
            continue
        r["fields"] = fields
        if with_places:
            r["cited_in"] = as_dicts(
                db.execute(
                    """SELECT c.doc_id AS doc, c.note_n AS note, c.idx AS citation,
                     (SELECT group_concat(m.sentence_idx) FROM markers m
                       WHERE m.doc_id = c.doc_id AND m.n = c.note_n) AS sentences
                   FROM citation_sources cs JOIN citations c ON c.rowid = cs.citation_rowid
                   WHERE cs.source_id = ? ORDER BY c.doc_id, c.note_n, c.idx""",
                    (r["id"],),
                )
            )
            for place in r["cited_in"]:
                s = place["sentences"]
                place["sentences"] = [int(x) for x in s.split(",")] if s else []
        out.append(r)
    return out


def times(db: sqlite3.Connection, doc_id: str) -> list[dict]:
    """A document's temporal expressions in text order, with their values and anchors."""
    require_document(db, doc_id)
    rows = as_dicts(
        db.execute(
            'SELECT start, "end", raw_start, raw_end, text, type, value, precision, qualifier, mod,'
            " inferred, anchor, anchor_start, anchor_end, in_quote, vague, sentence_idx"
            " FROM times WHERE doc_id = ? ORDER BY start",
            (doc_id,),
        )
    )
    for r in rows:
        for flag in ("inferred", "in_quote", "vague"):
            r[flag] = bool(r[flag])
    return rows


def actors(
    db: sqlite3.Connection, doc_id: str | None = None, with_mentions: bool = True
) -> list[dict]:
    """Actors with their kind, the forms seen, how often named, and (optionally) every mention.

    Over one document, or the whole corpus when ``doc_id`` is None; most-named first.
    """
    if doc_id is not None:
        require_document(db, doc_id)
    where, args = ("WHERE m.doc_id = ?", (doc_id,)) if doc_id else ("", ())
    mentions = as_dicts(
        db.execute(
            'SELECT m.actor_id, m.doc_id, m.start, m."end", m.raw_start, m.raw_end, m.text, m.title,'
            " m.how, m.ner_label, m.sentence_idx, m.holder_id, h.name AS holder"
            f" FROM actor_mentions m LEFT JOIN actors h ON h.id = m.holder_id {where}"
            " ORDER BY m.doc_id, m.start",
            args,
        )
    )
    by_actor: dict[str, list[dict]] = {}
    for m in mentions:
        by_actor.setdefault(m.pop("actor_id"), []).append(m)
    out = []
    for a in as_dicts(db.execute("SELECT id, name, kind, origin FROM actors ORDER BY id")):
        seen = by_actor.get(a["id"])
        if not seen:
            continue
        forms: dict[str, int] = {}
        for m in seen:
            forms[m["text"]] = forms.get(m["text"], 0) + 1
        a["aliases_seen"] = sorted(forms, key=lambda f: (-forms[f], f))
        a["mentions_count"] = len(seen)
        holders = sorted({m["holder"] for m in seen if m["holder"]})
        if holders:
            a["holders"] = holders
        if with_mentions:
            a["mentions"] = seen
        out.append(a)
    return sorted(out, key=lambda a: (-a["mentions_count"], a["name"]))


def actor_names(db: sqlite3.Connection) -> dict[str, str]:
    """Every actor id with its canonical name."""
    return {r["id"]: r["name"] for r in db.execute("SELECT id, name FROM actors")}


# The slots each event type has, in the shape of the gold annotations (SCHEMA.md).
_ROLE_FIELDS = {
    "communication": {"sender": "sender", "recipient": "recipient", "via": "via"},
    "decision": {"actor": "actor"},
    "meeting": {"participant": "participants"},
    "military": {"actor": "actor"},
    "negotiation": {"actor": "actor"},
}
_SUMMARY_FIELD = {
    "decision": "decision",
    "meeting": "topic",
    "military": "name",
    "negotiation": "summary",
    "communication": "summary",
}


def _one_or_list(names: list[str]) -> str | list[str] | None:
    return None if not names else names[0] if len(names) == 1 else names


def resolve_actor(db: sqlite3.Connection, wanted: str) -> str | None:
    """The actor a filter names: an id, the canonical name, any form the texts use, or the
    slug of one of them ("mao-zedong" for Mao Zedong, id ``mao``); else, when one word
    of some actor's name matches ("Kim"), ``wanted`` itself (the filters match it by
    word); None when nothing matches."""
    key = slug(wanted)
    if not key:
        return None
    actors = db.execute("SELECT id, name FROM actors").fetchall()
    for r in actors:
        if key in (slug(r["id"]), slug(r["name"])):
            return r["id"]
    row = db.execute(
        "SELECT actor_id FROM actor_mentions WHERE lower(text) = lower(?) GROUP BY actor_id"
        " ORDER BY count(*) DESC LIMIT 1",
        (wanted,),
    ).fetchone()
    if row:
        return row[0]
    if any(_actor_matches(wanted, [], [r["name"]]) for r in actors):
        return wanted
    return None


def resolve_document(db: sqlite3.Connection, wanted: str) -> str | None:
    """The document a filter names: its id, or its title (any case); None otherwise."""
    row = db.execute(
        "SELECT id FROM documents WHERE id = ? OR lower(title) = lower(?) ORDER BY id = ? DESC",
        (wanted, wanted, wanted),
    ).fetchone()
    return row[0] if row else None


def _actor_matches(wanted: str, ids: list[str], names: list[str]) -> bool:
    w = wanted.casefold()
    return any(w == x.casefold() for x in ids + names) or any(
        w in n.casefold().split() for n in names
    )


def events(
    db: sqlite3.Connection,
    doc_id: str | None = None,
    type_: str | None = None,
    actor: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    event_id: str | None = None,
    with_bodies: bool = False,
) -> list[dict]:
    """Events in the shape of the gold files, plus evidence offsets, notes and citations.

    ``actor`` matches an actor id, a canonical name or one word of it, in any
    role; ``with_bodies`` also keeps the events of the bodies the actor sat in
    (``actor_members``: Mao's decisions and the CCP Politburo's). ``date_from``/``date_to`` (ISO, any precision) keep events whose date
    starts within the range (undated events are then left out). ``event_id``
    (with ``doc_id``) asks for one event.
    """
    if doc_id is not None:
        require_document(db, doc_id)
    where, args = ("WHERE e.doc_id = ?", [doc_id]) if doc_id else ("", [])
    if type_:
        where += (" AND" if where else "WHERE") + " e.type = ?"
        args.append(type_)
    if doc_id and event_id:
        where += " AND e.id = ?"
        args.append(event_id)
    rows = as_dicts(db.execute(f"SELECT e.* FROM events e {where} ORDER BY e.doc_id, e.id", args))
    names = actor_names(db)
    members: dict[str, list[str]] = {}
    if with_bodies:
        for r in db.execute("SELECT body_id, member_id FROM actor_members ORDER BY rowid"):
            members.setdefault(r["body_id"], []).append(r["member_id"])
    # The child tables, read once each, for the one document (or event) asked for, or all.
    of_doc, doc_args = ("WHERE doc_id = ?", (doc_id,)) if doc_id else ("", ())
    of_event = (of_doc + " AND event_id = ?", (doc_id, event_id)) if doc_id and event_id else None
    scope, scope_args = of_event or (of_doc, doc_args)
    roles: dict[tuple[str, str], list[dict]] = {}
    for r in db.execute(f"SELECT * FROM event_roles {scope} ORDER BY rowid", scope_args):
        roles.setdefault((r["doc_id"], r["event_id"]), []).append(dict(r))
    evidence: dict[tuple[str, str], list[dict]] = {}
    texts = {
        r["id"]: r["text"]
        for r in db.execute(
            f"SELECT id, text FROM documents {of_doc.replace('doc_id', 'id')}", doc_args
        )
    }
    for r in db.execute(
        'SELECT doc_id, event_id, start, "end", raw_start, raw_end FROM event_evidence'
        f" {scope} ORDER BY idx",
        scope_args,
    ):
        span = dict(r) | {"text": texts[r["doc_id"]][r["start"] : r["end"]]}
        evidence.setdefault((r["doc_id"], r["event_id"]), []).append(span)
    notes: dict[tuple[str, str], list[int]] = {}
    inferred: dict[tuple[str, str], list[int]] = {}
    for r in db.execute(
        f"SELECT doc_id, event_id, note_n, inferred FROM event_notes {scope} ORDER BY note_n",
        scope_args,
    ):
        notes.setdefault((r["doc_id"], r["event_id"]), []).append(r["note_n"])
        if r["inferred"]:
            inferred.setdefault((r["doc_id"], r["event_id"]), []).append(r["note_n"])
    cites: dict[tuple[str, int], list[dict]] = {}
    for r in db.execute(
        f"SELECT doc_id, note_n, kind, text, shelfmark FROM citations {of_doc} ORDER BY note_n, idx",
        doc_args,
    ):
        cites.setdefault((r["doc_id"], r["note_n"]), []).append(
            {"note": r["note_n"], "kind": r["kind"], "text": r["text"], "shelfmark": r["shelfmark"]}
        )
    out = []
    for e in rows:
        k = (e["doc_id"], e["id"])
        by_role: dict[str, list[str]] = {}
        for r in roles.get(k, []):
            by_role.setdefault(r["role"], []).append(r["actor_id"])
        all_ids = [i for ids in by_role.values() for i in ids]
        if with_bodies:
            all_ids += [m for i in all_ids for m in members.get(i, ())]
        if actor and not _actor_matches(actor, all_ids, [names.get(i, i) for i in all_ids]):
            continue
        start = (e["date"] or "").split("/")[0]
        if (date_from or date_to) and not start:
            continue
        if date_from and start[: len(date_from)] < date_from:
            continue
        if date_to and start[: len(date_to)] > date_to:
            continue
        item: dict = {"document": e["doc_id"], "id": e["id"], "type": e["type"]}
        if e["type"] in ("communication", "negotiation"):
            item["act"] = e["act"]
        if e["type"] == "communication":
            item["other_acts"] = json.loads(e["other_acts"])
            item["channel"] = e["channel"]
        for role, field in _ROLE_FIELDS[e["type"]].items():
            ids = by_role.get(role, [])
            item[field] = _one_or_list([names.get(i, i) for i in ids])
        if e["type"] == "decision":
            item["polarity"] = e["polarity"]
            item["conditions"] = json.loads(e["conditions"])
            item["reverses"] = e["reverses"]
            item["derived_from"] = e["derived_from"]
        elif e["type"] == "communication" and json.loads(e["conditions"]):
            item["conditions"] = json.loads(e["conditions"])
        if e["type"] in ("meeting", "military"):
            item["place"] = e["place"]
        if e["type"] == "negotiation":
            item["item"] = e["item"]
        item[_SUMMARY_FIELD[e["type"]]] = e["summary"]
        if e["type"] == "communication":
            item["content"] = e["content"]
            # a delivery: the message it hands over (as in the gold: "delivers")
            item["delivers"] = e["delivers"]
        # "inferred": the author's inference ("It is highly probable that …"), as in the gold
        item["certainty"] = e["certainty"]
        item |= {
            "date": e["date"],
            "date_precision": e["date_precision"],
            "date_inferred": bool(e["date_inferred"]),
            # "after e029": the event a word of sequence ("Following this decision") dates it by
            "date_basis": e["date_basis"],
            "time": e["time"],
            # slot -> the note whose cited document supplied it (the text does not say it)
            "from_note": json.loads(e["from_note"]) if e["from_note"] else {},
        }
        spans = evidence.get(k, [])
        item["evidence"] = spans[0]["text"] if spans else None
        item["evidence_spans"] = [
            {x: s[x] for x in ("start", "end", "raw_start", "raw_end", "text")} for s in spans
        ]
        item["notes"] = notes.get(k, [])
        item["notes_inferred"] = inferred.get(k, [])  # no marker of its own: the covering note
        item["citations"] = [c for n in item["notes"] for c in cites.get((e["doc_id"], n), [])]
        item["actor_ids"] = by_role
        item["trigger"] = {
            "text": e["trigger"],
            "start": e["trigger_start"],
            "end": e["trigger_end"],
        }
        out.append(item)
    return out


def network(
    db: sqlite3.Connection,
    doc_id: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> dict:
    """Communications as a directed graph: nodes are actors, an edge per sender -> recipient
    pair with its count, first and last dates, channels, speech acts, and the event ids and
    dates (None when undated) of its messages."""
    nodes: dict[str, dict] = {}
    edges: dict[tuple[str, str], dict] = {}
    kinds = {
        r["id"]: (r["name"], r["kind"]) for r in db.execute("SELECT id, name, kind FROM actors")
    }
    for e in events(db, doc_id, "communication", None, date_from, date_to):
        ids = e["actor_ids"]
        for s in ids.get("sender", []):
            for r in ids.get("recipient", []):
                for a in (s, r):
                    name, kind = kinds.get(a, (a, "?"))
                    nodes.setdefault(a, {"id": a, "name": name, "kind": kind, "messages": 0})
                    nodes[a]["messages"] += 1
                edge = edges.setdefault(
                    (s, r),
                    {"source": s, "target": r, "count": 0, "first": None, "last": None,
                     "channels": [], "acts": [], "events": [], "dates": []},
                )  # fmt: skip
                edge["count"] += 1
                edge["events"].append(f"{e['document']}:{e['id']}")
                day = (e["date"] or "").split("/")[0] or None
                edge["dates"].append(day)
                if day:
                    edge["first"] = min(filter(None, [edge["first"], day]))
                    edge["last"] = max(filter(None, [edge["last"], day]))
                for key, value in (("channels", e["channel"]), ("acts", e["act"])):
                    if value and value not in edge[key]:
                        edge[key].append(value)
    return {
        "document": doc_id,
        "from": date_from,
        "to": date_to,
        "nodes": sorted(nodes.values(), key=lambda n: (-n["messages"], n["name"])),
        "edges": sorted(edges.values(), key=lambda x: (-x["count"], x["source"], x["target"])),
    }
