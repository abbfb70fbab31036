"""Reads for primary sources: the FRUS documents stored, and the links citations make to them."""

from __future__ import annotations

import json
import sqlite3

from historiograph.links import Link, Primary, check_quotes, link_citations
from historiograph.store.queries import PRIMARY_FORMATS, as_dicts, require_document


def primary_documents(db: sqlite3.Connection) -> list[Primary]:
    marks = ",".join("?" * len(PRIMARY_FORMATS))
    rows = db.execute(
        f"SELECT id, meta, title FROM documents WHERE format IN ({marks}) ORDER BY id",
        PRIMARY_FORMATS,
    )
    return [Primary(r["id"], json.loads(r["meta"]), r["title"] or "") for r in rows]


def links(db: sqlite3.Connection, doc_id: str | None = None) -> list[Link]:
    """Every link from a citation to a stored primary document; with ``doc_id``, those
    its citations make or, for a primary document, those made to it. Each link's
    quotations are checked against the document it names."""
    if doc_id is not None:
        require_document(db, doc_id)
    primaries = primary_documents(db)
    if not primaries:
        return []
    # an article's links are made by its own citations; a primary document's by anyone's
    own = doc_id is not None and doc_id not in {p.id for p in primaries}
    rows = as_dicts(
        db.execute(
            "SELECT doc_id, note_n, idx, kind, fields FROM citations"
            " WHERE kind IN ('frus', 'archival')"
            + (" AND doc_id = ?" if own else "")
            + " ORDER BY doc_id, note_n, idx",
            (doc_id,) if own else (),
        )
    )
    for r in rows:
        r["fields"] = json.loads(r["fields"])
    found = link_citations(rows, primaries)
    if doc_id is not None:
        found = [k for k in found if doc_id in (k.doc_id, k.target)]
    texts: dict[str, str] = {}
    for k in found:
        if k.target not in texts:
            texts[k.target] = db.execute(
                "SELECT text FROM documents WHERE id = ?", (k.target,)
            ).fetchone()[0]
        sentences = [
            r[0]
            for r in db.execute(
                "SELECT DISTINCT s.text FROM markers m JOIN sentences s"
                " ON s.doc_id = m.doc_id AND s.idx = m.sentence_idx"
                " WHERE m.doc_id = ? AND m.n = ?",
                (k.doc_id, k.note_n),
            )
        ]
        k.quotes = check_quotes(sentences, texts[k.target])
    return found
