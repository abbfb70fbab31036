"""Reads for primary sources: the FRUS documents stored, and the links citations make to them."""

from __future__ import annotations

import json
import sqlite3

from historiograph.links import Link, Primary, check_quotes, link_citations
from historiograph.store.queries import PRIMARY_FORMATS, as_dicts, require_document


def primary_documents(db: sqlite3.Connection, with_text: bool = False) -> list[Primary]:
    marks = ",".join("?" * len(PRIMARY_FORMATS))
    text = "text" if with_text else "''"
    rows = db.execute(
        f"SELECT id, meta, {text} AS text FROM documents WHERE format IN ({marks}) ORDER BY id",
        PRIMARY_FORMATS,
    )
    return [Primary(r["id"], json.loads(r["meta"]), r["text"]) for r in rows]


def links(db: sqlite3.Connection, doc_id: str | None = None) -> list[Link]:
    """Every link from a citation to a stored primary document; with ``doc_id``, those
    its citations make or, for a primary document, those made to it. Each link's
    quotations are checked against the document it names."""
    if doc_id is not None:
        require_document(db, doc_id)
    primaries = primary_documents(db)
    if not primaries:
        return []
    rows = as_dicts(
        db.execute(
            "SELECT doc_id, note_n, idx, kind, fields FROM citations"
            " WHERE kind IN ('frus', 'archival') ORDER BY doc_id, note_n, idx"
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
