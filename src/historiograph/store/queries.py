"""Read-only questions to the database, answered as plain dicts (JSON-ready)."""

from __future__ import annotations

import json
import re
import sqlite3

from historiograph.errors import NotFoundError


def _rows(cur: sqlite3.Cursor) -> list[dict]:
    return [dict(r) for r in cur.fetchall()]


def list_documents(db: sqlite3.Connection) -> list[dict]:
    """Every document with its counts, in id order."""
    return _rows(
        db.execute(
            """
        SELECT d.id, d.title, d.format, d.path, d.n_words,
          (SELECT count(*) FROM sentences s WHERE s.doc_id = d.id) AS sentences,
          (SELECT count(*) FROM footnotes f WHERE f.doc_id = d.id AND f.kind = 'note') AS notes,
          (SELECT count(*) FROM markers m WHERE m.doc_id = d.id) AS markers,
          (SELECT count(*) FROM markers m WHERE m.doc_id = d.id AND m.footnote_rowid IS NOT NULL)
            AS linked_markers
        FROM documents d ORDER BY d.id
        """
        )
    )


def _require_document(db: sqlite3.Connection, doc_id: str) -> None:
    """Raise NotFoundError, naming the documents there are, unless ``doc_id`` is stored."""
    if db.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is None:
        known = ", ".join(r["id"] for r in db.execute("SELECT id FROM documents ORDER BY id"))
        raise NotFoundError(f"no document {doc_id!r} (known: {known or 'none; run ingest'})")


def get_document(db: sqlite3.Connection, doc_id: str) -> dict:
    """One document's summary (not its full text). Raises NotFoundError."""
    _require_document(db, doc_id)
    d = next(d for d in list_documents(db) if d["id"] == doc_id)
    author = db.execute(
        "SELECT text FROM footnotes WHERE doc_id = ? AND kind = 'author_note'", (doc_id,)
    ).fetchone()
    d["author_note"] = author["text"] if author else None
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
    return _rows(
        db.execute(
            "SELECT m.n, m.pos, m.raw_start, m.raw_end, m.style, f.text AS note_text"
            " FROM markers m LEFT JOIN footnotes f ON f.rowid = m.footnote_rowid"
            " WHERE m.doc_id = ? AND m.sentence_idx = ? ORDER BY m.idx",
            (doc_id, idx),
        )
    )


def get_sentence(db: sqlite3.Connection, doc_id: str, idx: int) -> dict:
    """Sentence ``idx`` with its offsets, raw text and the notes it cites."""
    _require_document(db, doc_id)
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
    _require_document(db, doc_id)
    note = db.execute(
        'SELECT label, n, kind, start, "end", raw_start, raw_end, text FROM footnotes'
        " WHERE doc_id = ? AND n = ? AND kind = 'note' ORDER BY rowid LIMIT 1",
        (doc_id, n),
    ).fetchone()
    markers = _rows(
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
    db: sqlite3.Connection, words: str, limit: int = 20, doc_id: str | None = None
) -> list[dict]:
    """Sentences and footnotes that contain all the words, best first."""
    q = _fts_query(words)
    doc_filter = "AND s.doc_id = :doc" if doc_id else ""
    sentences = _rows(
        db.execute(
            f"""SELECT 'sentence' AS kind, s.doc_id AS doc, s.idx AS ref,
              snippet(sentences_fts, 0, '[', ']', '…', 16) AS snippet, bm25(sentences_fts) AS rank
            FROM sentences_fts JOIN sentences s ON s.rowid = sentences_fts.rowid
            WHERE sentences_fts MATCH :q {doc_filter} ORDER BY rank LIMIT :limit""",
            {"q": q, "doc": doc_id, "limit": limit},
        )
    )
    notes = _rows(
        db.execute(
            f"""SELECT 'note' AS kind, s.doc_id AS doc, s.label AS ref,
              snippet(footnotes_fts, 0, '[', ']', '…', 16) AS snippet, bm25(footnotes_fts) AS rank
            FROM footnotes_fts JOIN footnotes s ON s.rowid = footnotes_fts.rowid
            WHERE footnotes_fts MATCH :q {doc_filter} ORDER BY rank LIMIT :limit""",
            {"q": q, "doc": doc_id, "limit": limit},
        )
    )
    hits = sorted(sentences + notes, key=lambda h: (h["rank"], h["doc"], str(h["ref"])))
    return hits[:limit]


def citations(db: sqlite3.Connection, doc_id: str, note: int | None = None) -> dict:
    """A document's parsed footnotes in the shape of the gold ``footnotes_<article>.json``.

    Each citation has the gold fields plus ``text``, ``start``/``end`` (offsets in the
    document's normalized text), ``shelfmark`` and ``sources`` (registry ids).
    """
    _require_document(db, doc_id)
    args: list = [doc_id]
    where = "c.doc_id = ?"
    if note is not None:
        where += " AND c.note_n = ?"
        args.append(note)
    rows = db.execute(
        f'SELECT c.rowid, c.note_n, c.idx, c.kind, c.start, c."end", c.text, c.fields, c.shelfmark,'
        f" c.refers_n, c.refers_i, group_concat(cs.source_id) AS sources"
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
    rows = _rows(
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
            r["cited_in"] = _rows(
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
    _require_document(db, doc_id)
    rows = _rows(
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
        _require_document(db, doc_id)
    where, args = ("WHERE m.doc_id = ?", (doc_id,)) if doc_id else ("", ())
    mentions = _rows(
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
    for a in _rows(db.execute("SELECT id, name, kind, origin FROM actors ORDER BY id")):
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
