"""Read-only questions the web explorer asks beyond the command line's: a document's layout
(blocks, sentences, markers, notes, evidence), one event, one actor, one source, counts."""

from __future__ import annotations

import json
import sqlite3
from typing import Literal

from historiograph.errors import NotFoundError
from historiograph.store import queries
from historiograph.store.queries import as_dicts, require_document


def corpus_counts(db: sqlite3.Connection) -> dict:
    """Totals for the home page: events by type, actors, sources, citations."""
    by_type = {
        r["type"]: r["n"]
        for r in db.execute("SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY type")
    }
    one = lambda sql: db.execute(sql).fetchone()[0]  # noqa: E731
    return {
        "events": sum(by_type.values()),
        "events_by_type": by_type,
        "actors": one("SELECT count(DISTINCT actor_id) FROM actor_mentions"),
        "sources": one("SELECT count(*) FROM sources"),
        "citations": one("SELECT count(*) FROM citations"),
        "notes": one("SELECT count(*) FROM footnotes WHERE kind = 'note'"),
    }


def layout(db: sqlite3.Connection, doc_id: str) -> dict:
    """Everything needed to draw a document: its normalized and raw text, blocks, sentences,
    footnote markers, footnotes and every event's evidence span, all as offsets."""
    require_document(db, doc_id)
    doc = dict(
        db.execute("SELECT id, title, format, path, text, raw FROM documents WHERE id = ?", (doc_id,))
        .fetchone()
    )  # fmt: skip
    q = lambda sql: as_dicts(db.execute(sql, (doc_id,)))  # noqa: E731
    doc["blocks"] = q('SELECT idx, kind, start, "end" FROM blocks WHERE doc_id = ? ORDER BY idx')
    doc["sentences"] = q(
        'SELECT idx, block_idx, start, "end", raw_start, raw_end FROM sentences'
        " WHERE doc_id = ? ORDER BY idx"
    )
    doc["markers"] = q(
        "SELECT idx, n, pos, raw_start, raw_end, sentence_idx FROM markers"
        " WHERE doc_id = ? ORDER BY idx"
    )
    doc["footnotes"] = q(
        'SELECT label, n, kind, start, "end", raw_start, raw_end, text FROM footnotes'
        " WHERE doc_id = ? ORDER BY rowid"
    )
    doc["pages"] = q('SELECT label, start, "end" FROM pages WHERE doc_id = ? ORDER BY start')
    doc["evidence"] = q(
        'SELECT v.event_id, v.start, v."end", v.raw_start, v.raw_end, e.type FROM event_evidence v'
        " JOIN events e ON e.doc_id = v.doc_id AND e.id = v.event_id"
        " WHERE v.doc_id = ? ORDER BY v.start, v.event_id"
    )
    return doc


def event(db: sqlite3.Connection, doc_id: str, event_id: str) -> dict:
    """One event as ``queries.events`` gives it, plus the events that reverse it and the
    deliveries that hand it over."""
    found = queries.events(db, doc_id, event_id=event_id)
    if not found:
        raise NotFoundError(f"{doc_id}: no event {event_id!r}")
    e = found[0]
    e["reversed_by"] = _pointing_at(db, doc_id, "reverses", event_id)
    e["delivered_by"] = _pointing_at(db, doc_id, "delivers", event_id)
    return e


def _pointing_at(
    db: sqlite3.Connection, doc_id: str, column: Literal["reverses", "delivers"], event_id: str
) -> list[str]:
    """The ids of the events whose link ``column`` names this one (a column of ours, never
    user input)."""
    sql = f"SELECT id FROM events WHERE doc_id = ? AND {column} = ? ORDER BY id"
    return [r[0] for r in db.execute(sql, (doc_id, event_id))]


def sentences_around(db: sqlite3.Connection, doc_id: str, start: int, end: int) -> list[dict]:
    """The sentences that hold ``[start, end)`` and one on either side, in order."""
    inside = [
        r[0]
        for r in db.execute(
            'SELECT idx FROM sentences WHERE doc_id = ? AND start < ? AND "end" > ?',
            (doc_id, max(end, start + 1), start),
        )
    ]
    if not inside:
        return []
    return as_dicts(
        db.execute(
            'SELECT idx, start, "end", text FROM sentences WHERE doc_id = ? AND idx BETWEEN ? AND ?'
            " ORDER BY idx",
            (doc_id, min(inside) - 1, max(inside) + 1),
        )
    )


def actor(db: sqlite3.Connection, actor_id: str) -> dict:
    """One actor, the forms it is named by, and where (document, sentence)."""
    row = db.execute(
        "SELECT id, name, kind, origin FROM actors WHERE id = ?", (actor_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(f"no actor {actor_id!r}")
    out = dict(row)
    out["mentions"] = as_dicts(
        db.execute(
            'SELECT m.doc_id AS doc, m.start, m."end", m.text, m.how, m.sentence_idx,'
            " h.name AS holder FROM actor_mentions m LEFT JOIN actors h ON h.id = m.holder_id"
            " WHERE m.actor_id = ? ORDER BY m.doc_id, m.start",
            (actor_id,),
        )
    )
    forms: dict[str, int] = {}
    for m in out["mentions"]:
        forms[m["text"]] = forms.get(m["text"], 0) + 1
    out["forms"] = sorted(forms, key=lambda f: (-forms[f], f))
    return out


def source(db: sqlite3.Connection, source_id: str) -> dict:
    """One registry source, every citation of it, the sentences citing those notes, and the
    events whose evidence those notes support."""
    row = db.execute(
        "SELECT id, kind, label, fields FROM sources WHERE id = ?", (source_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(f"no source {source_id!r}")
    out = dict(row) | {"fields": json.loads(row["fields"])}
    out["cited_in"] = as_dicts(
        db.execute(
            "SELECT c.doc_id AS doc, c.note_n AS note, c.kind, c.text, cs.role"
            " FROM citation_sources cs JOIN citations c ON c.rowid = cs.citation_rowid"
            " WHERE cs.source_id = ? ORDER BY c.doc_id, c.note_n, c.idx",
            (source_id,),
        )
    )
    for place in out["cited_in"]:
        place["sentences"] = as_dicts(
            db.execute(
                "SELECT s.idx, s.text FROM markers m JOIN sentences s"
                " ON s.doc_id = m.doc_id AND s.idx = m.sentence_idx"
                " WHERE m.doc_id = ? AND m.n = ? ORDER BY m.idx",
                (place["doc"], place["note"]),
            )
        )
        place["events"] = [
            r[0]
            for r in db.execute(
                "SELECT event_id FROM event_notes WHERE doc_id = ? AND note_n = ? ORDER BY event_id",
                (place["doc"], place["note"]),
            )
        ]
    return out


def document_ids(db: sqlite3.Connection) -> list[str]:
    return [r[0] for r in db.execute("SELECT id FROM documents ORDER BY id")]


def communication_days(db: sqlite3.Connection, doc_id: str | None = None) -> list[str]:
    """The distinct first days of dated communications, in order (the network's date scale)."""
    where = "AND doc_id = ?" if doc_id else ""
    rows = db.execute(
        f"SELECT DISTINCT substr(date, 1, instr(date || '/', '/') - 1) AS day FROM events"
        f" WHERE type = 'communication' AND date IS NOT NULL {where} ORDER BY day",
        (doc_id,) if doc_id else (),
    )
    return [r[0] for r in rows]
