"""Opening the database and writing documents into it.

SQLite through the standard library, in WAL mode. The store runs no stage: it writes
the bundles the pipeline hands it (``write_bundles``), all of one ingest in one short
transaction, so an error or a kill part-way leaves the database exactly as it was.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from historiograph.bundle import Bundle
from historiograph.errors import StoreError
from historiograph.model import Document
from historiograph.store.migrations import MIGRATIONS, migrate

# Child tables first, so that no row is ever left pointing at a deleted one.
_DOC_TABLES = (
    "event_roles",
    "event_evidence",
    "event_notes",
    "events",
    "actor_mentions",
    "times",
    "markers",
    "styles",
    "pages",
    "sentences",
    "footnotes",
    "blocks",
    "offset_segments",
    "documents",
)


def connect(path: str | Path, readonly: bool = False) -> sqlite3.Connection:
    """Open (or, unless ``readonly``, create) a historiograph database."""
    path = Path(path)
    if readonly and not path.exists():
        raise StoreError(f"{path}: no such database (run `historiograph ingest` first)")
    try:
        if readonly:
            db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
        else:
            db = sqlite3.connect(path, isolation_level=None)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA busy_timeout = 5000")
            migrate(db)
        else:
            db.execute("SELECT 1 FROM documents LIMIT 1")
            _require_current_schema(db, path)
    except sqlite3.DatabaseError as e:
        raise StoreError(f"{path}: not a historiograph database ({e})") from None
    return db


def _require_current_schema(db: sqlite3.Connection, path: Path) -> None:
    """A read-only database made by an older historiograph lacks tables: say so, once."""
    done = {r[0] for r in db.execute("SELECT name FROM _migrations")}
    missing = [m.__name__ for m in MIGRATIONS if m.__name__ not in done]
    if missing:
        raise StoreError(
            f"{path}: made by an older historiograph (missing {', '.join(missing)});"
            " run `historiograph ingest` on it again to update it"
        )


def _delete_document(db: sqlite3.Connection, doc_id: str) -> None:
    db.execute(
        "DELETE FROM citation_sources WHERE citation_rowid IN"
        " (SELECT rowid FROM citations WHERE doc_id = ?)",
        (doc_id,),
    )
    for table in _DOC_TABLES:
        column = "id" if table == "documents" else "doc_id"
        db.execute(f"DELETE FROM {table} WHERE {column} = ?", (doc_id,))


def _drop_orphan_sources(db: sqlite3.Connection) -> None:
    """Sources and actors nothing points to any more (their documents were replaced or removed)."""
    db.execute("DELETE FROM sources WHERE id NOT IN (SELECT source_id FROM citation_sources)")
    orphans = (
        "SELECT id FROM actors WHERE id NOT IN (SELECT actor_id FROM actor_mentions)"
        " AND id NOT IN (SELECT holder_id FROM actor_mentions WHERE holder_id IS NOT NULL)"
        " AND id NOT IN (SELECT actor_id FROM event_roles)"
    )
    db.execute(
        f"DELETE FROM actor_members WHERE body_id IN ({orphans}) OR member_id IN ({orphans})"
    )
    db.execute(f"DELETE FROM actors WHERE id IN ({orphans})")


def _insert_document(db: sqlite3.Connection, bundle: Bundle) -> None:
    doc = bundle.doc
    db.execute(
        "INSERT INTO documents"
        " (id, path, sha256, format, title, raw, text, n_words, reader_version, note_scope, meta)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            doc.id,
            doc.path,
            doc.sha256,
            doc.format,
            doc.title,
            doc.raw,
            doc.text,
            doc.word_count,
            bundle.version,
            doc.note_scope,
            json.dumps(doc.meta, ensure_ascii=False, sort_keys=True),
        ),
    )
    db.executemany(
        "INSERT INTO offset_segments VALUES (?, ?, ?, ?, ?, ?)",
        [
            (doc.id, s.norm_start, s.norm_end, s.raw_start, s.raw_end, int(s.copied))
            for s in doc.offsets.segments
        ],
    )
    db.executemany(
        'INSERT INTO blocks (doc_id, idx, kind, start, "end") VALUES (?, ?, ?, ?, ?)',
        [(doc.id, b.idx, b.kind, b.start, b.end) for b in doc.blocks],
    )
    db.executemany(
        'INSERT INTO sentences (doc_id, idx, block_idx, start, "end", raw_start, raw_end, text)'
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                doc.id,
                s.idx,
                s.block_idx,
                s.start,
                s.end,
                *doc.raw_span(s.start, s.end),
                doc.text[s.start : s.end],
            )
            for s in doc.sentences
        ],
    )
    note_rowid: dict[str, int] = {}
    for f in doc.footnotes:
        cur = db.execute(
            'INSERT INTO footnotes (doc_id, label, n, kind, block_idx, start, "end", raw_start,'
            " raw_end, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc.id,
                f.label,
                f.n,
                f.kind,
                f.block_idx,
                f.start,
                f.end,
                *doc.raw_span(f.start, f.end),
                doc.text[f.start : f.end],
            ),
        )
        if f.kind == "note":
            note_rowid.setdefault(f.label, cur.lastrowid)  # type: ignore[arg-type]
    db.executemany(
        "INSERT INTO markers (doc_id, idx, n, pos, raw_start, raw_end, style, sentence_idx,"
        " footnote_rowid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                doc.id,
                m.idx,
                m.n,
                m.pos,
                m.raw_start,
                m.raw_end,
                m.style,
                m.sentence_idx,
                note_rowid.get(str(m.n)),
            )
            for m in doc.markers
        ],
    )
    db.executemany(
        'INSERT INTO styles (doc_id, kind, start, "end") VALUES (?, ?, ?, ?)',
        [(doc.id, s.kind, s.start, s.end) for s in doc.styles],
    )
    db.executemany(
        'INSERT INTO pages (doc_id, label, start, "end", raw_start, raw_end)'
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(doc.id, p.label, p.start, p.end, p.raw_start, p.raw_end) for p in doc.pages],
    )
    _insert_citations(db, bundle)
    _insert_times(db, doc, bundle.times, bundle.stage_versions["times"])
    _insert_actors(db, doc, bundle.actors, bundle.stage_versions["actors"])
    _insert_events(db, doc, bundle.events, bundle.stage_versions["events"])


def _insert_events(db: sqlite3.Connection, doc: Document, found: list, version: str) -> None:
    db.executemany(
        "INSERT INTO events (doc_id, id, type, act, other_acts, channel, date, date_precision,"
        " date_inferred, date_start, date_end, time, polarity, conditions, reverses, summary,"
        " content, place, item, trigger_start, trigger_end, trigger, sentence_idx, stage_version,"
        " derived_from, from_note, date_basis, certainty, delivers) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
        " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                doc.id,
                e.id,
                e.type,
                e.act,
                json.dumps(e.other_acts),
                e.channel,
                e.date,
                e.date_precision,
                int(e.date_inferred),
                e.date_start,
                e.date_end,
                e.time,
                e.polarity,
                json.dumps(e.conditions, ensure_ascii=False),
                e.reverses,
                e.summary,
                e.content,
                e.place,
                e.item,
                e.trigger_start,
                e.trigger_end,
                e.trigger,
                e.sentence_idx,
                version,
                e.derived_from,
                json.dumps(e.from_note) if e.from_note else None,
                e.date_basis,
                e.certainty,
                e.delivers,
            )
            for e in found
        ],
    )
    db.executemany(
        'INSERT INTO event_roles (doc_id, event_id, role, actor_id, start, "end", how)'
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(doc.id, e.id, r.role, r.actor_id, r.start, r.end, r.how) for e in found for r in e.roles],
    )
    db.executemany(
        'INSERT INTO event_evidence (doc_id, event_id, idx, start, "end", raw_start, raw_end)'
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (doc.id, e.id, i, start, end, *doc.raw_span(start, end))
            for e in found
            for i, (start, end) in enumerate(e.evidence)
        ],
    )
    db.executemany(
        "INSERT INTO event_notes (doc_id, event_id, note_n, inferred) VALUES (?, ?, ?, ?)",
        [(doc.id, e.id, n, int(n in e.notes_inferred)) for e in found for n in e.notes],
    )


def _insert_actors(db: sqlite3.Connection, doc: Document, layer: Any, version: str) -> None:
    db.executemany(
        "INSERT OR IGNORE INTO actors (id, name, kind, origin) VALUES (?, ?, ?, ?)",
        [(a.id, a.name, a.kind, a.origin) for a in layer.actors.values()],
    )
    # Members are stored when both ends are actors of the database.
    db.executemany(
        "INSERT OR IGNORE INTO actor_members (body_id, member_id)"
        " SELECT ?, id FROM actors WHERE id = ?",
        [(a.id, m) for a in layer.actors.values() for m in a.members],
    )
    db.executemany(
        'INSERT INTO actor_mentions (doc_id, start, "end", raw_start, raw_end, text, title, actor_id,'
        " holder_id, sentence_idx, how, ner_label, stage_version)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                doc.id,
                m.start,
                m.end,
                *doc.raw_span(m.start, m.end),
                m.text,
                m.title,
                m.actor_id,
                m.holder_id,
                m.sentence_idx,
                m.how,
                m.ner_label,
                version,
            )
            for m in layer.mentions
        ],
    )


def _insert_times(db: sqlite3.Connection, doc: Document, found: list, version: str) -> None:
    db.executemany(
        'INSERT INTO times (doc_id, start, "end", raw_start, raw_end, text, type, value, precision,'
        " qualifier, mod, inferred, anchor, anchor_start, anchor_end, in_quote, vague, sentence_idx,"
        " stage_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                doc.id,
                t.start,
                t.end,
                *doc.raw_span(t.start, t.end),
                t.text,
                t.type,
                t.value,
                t.precision,
                t.qualifier,
                t.mod,
                int(t.inferred),
                t.anchor,
                t.anchor_start,
                t.anchor_end,
                int(t.in_quote),
                int(t.vague),
                t.sentence_idx,
                version,
            )
            for t in found
        ],
    )


def _insert_citations(db: sqlite3.Connection, bundle: Bundle) -> None:
    doc, notes, refs = bundle.doc, bundle.notes, bundle.sources
    version = bundle.stage_versions["citations"]
    note_start = {f.n: f.start for f in doc.footnotes if f.kind == "note"}
    for note in notes:
        base = note_start[note.n]
        db.executemany(
            'INSERT INTO note_commentary (doc_id, note_n, start, "end") VALUES (?, ?, ?, ?)',
            [(doc.id, note.n, base + s, base + e) for s, e in note.commentary],
        )
        for i, c in enumerate(note.citations):
            cur = db.execute(
                'INSERT INTO citations (doc_id, note_n, idx, kind, start, "end", text, fields,'
                " shelfmark, refers_n, refers_i, stage_version, location_start, location_end)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    doc.id,
                    note.n,
                    i,
                    c.kind,
                    base + c.start,
                    base + c.end,
                    note.text[c.start : c.end].strip(),
                    json.dumps(c.fields, ensure_ascii=False, sort_keys=True),
                    bundle.shelfmarks.get((note.n, i)),
                    *(c.refers_to if c.refers_to else (None, None)),
                    version,
                    *(
                        (base + c.location_at[0], base + c.location_at[1])
                        if c.location_at
                        else (None, None)
                    ),
                ),
            )
            for ref in refs[(note.n, i)]:
                # get-or-create on the natural key (sqlite-utils' lookup)
                db.execute(
                    "INSERT OR IGNORE INTO sources (id, key, kind, label, fields) VALUES (?, ?, ?, ?, ?)",
                    (
                        ref.id,
                        ref.key,
                        ref.kind,
                        ref.label,
                        json.dumps(ref.fields, ensure_ascii=False, sort_keys=True),
                    ),
                )
                db.execute(
                    "INSERT OR IGNORE INTO citation_sources VALUES (?, ?, ?)",
                    (cur.lastrowid, ref.id, ref.role),
                )


def current_documents(db: sqlite3.Connection, docs: Iterable[Document], version: str) -> set[str]:
    """Ids of the documents stored with the same file bytes and analysis version: nothing to
    do for them."""
    out = set()
    for doc in docs:
        row = db.execute(
            "SELECT sha256, reader_version FROM documents WHERE id = ?", (doc.id,)
        ).fetchone()
        if row and row["sha256"] == doc.sha256 and row["reader_version"] == version:
            out.add(doc.id)
    return out


def write_bundles(
    db: sqlite3.Connection,
    bundles: Iterable[Bundle],
    on_written: Callable[[Document, str], None] | None = None,
) -> dict[str, str]:
    """Store analysed documents in one transaction, in the order given; return ``{doc_id:
    added|replaced}``. A document stored before is replaced whole; a kill before the commit
    leaves the database as it was."""
    status: dict[str, str] = {}
    db.execute("BEGIN IMMEDIATE")
    try:
        for bundle in bundles:
            doc = bundle.doc
            row = db.execute("SELECT 1 FROM documents WHERE id = ?", (doc.id,)).fetchone()
            if row:
                _delete_document(db, doc.id)
            _insert_document(db, bundle)
            status[doc.id] = "replaced" if row else "added"
            if on_written:
                on_written(doc, status[doc.id])
        _drop_orphan_sources(db)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return status
