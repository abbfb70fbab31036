"""Opening the database and writing documents into it.

SQLite through the standard library, in WAL mode. ``write_documents`` puts a
whole ingest into one transaction: an error or a kill part-way leaves the
database exactly as it was before the ingest began.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from historiograph import __version__
from historiograph.errors import HistoriographError, StageError, StoreError
from historiograph.ingest.article import READERS_VERSION
from historiograph.model import Document
from historiograph.stages import actors, events, times
from historiograph.stages.citations import ParsedNote
from historiograph.stages.nlp import parse_paragraphs
from historiograph.stages.note_documents import complete_from_notes
from historiograph.stages.sources import STAGE_VERSION, cite_document, shelfmark_of, sources_for
from historiograph.store.migrations import MIGRATIONS, migrate

# Stored with each document: a document read by another version is read again.
READER_VERSION = (
    f"{__version__}+r{READERS_VERSION}+{STAGE_VERSION}+{times.STAGE_VERSION}+{actors.STAGE_VERSION}"
    f"+{events.STAGE_VERSION}"
)

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


def _insert_document(db: sqlite3.Connection, doc: Document) -> None:
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
            READER_VERSION,
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
    with _stage(doc, "citations"):
        notes = _insert_citations(db, doc)
    with _stage(doc, "times"):
        found_times = times.time_document(doc)
        _insert_times(db, doc, found_times)
    with _stage(doc, "actors"):
        parsed = parse_paragraphs(doc)
        layer = actors.find_actors(doc, found_times, parsed=parsed)
        _insert_actors(db, doc, layer)
    with _stage(doc, "events"):
        found = events.find_events(doc, found_times, layer, parsed)
        complete_from_notes(found, notes, layer)
        _insert_events(db, doc, found)


@contextmanager
def _stage(doc: Document, name: str) -> Iterator[None]:
    """Name the stage in any unexpected error, so the ingest can report it and go on."""
    try:
        yield
    except HistoriographError:
        raise
    except Exception as e:
        raise StageError(doc.path or doc.id, name, e) from e


def _insert_events(db: sqlite3.Connection, doc: Document, found: list[events.Event]) -> None:
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
                events.STAGE_VERSION,
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


def _insert_actors(db: sqlite3.Connection, doc: Document, layer: actors.ActorLayer) -> None:
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
                actors.STAGE_VERSION,
            )
            for m in layer.mentions
        ],
    )


def _insert_times(db: sqlite3.Connection, doc: Document, found: list[times.TimeExpr]) -> None:
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
                times.STAGE_VERSION,
            )
            for t in found
        ],
    )


def _insert_citations(db: sqlite3.Connection, doc: Document) -> list[ParsedNote]:
    notes = cite_document(doc)
    refs = sources_for(notes)
    note_start = {f.n: f.start for f in doc.footnotes if f.kind == "note"}
    for note in notes:
        base = note_start[note.n]
        db.executemany(
            'INSERT INTO note_commentary (doc_id, note_n, start, "end") VALUES (?, ?, ?, ?)',
            [(doc.id, note.n, base + s, base + e) for s, e in note.commentary],
        )
        for i, c in enumerate(note.citations):
            mark = shelfmark_of(c.fields) if c.kind == "archival" else None
            cur = db.execute(
                'INSERT INTO citations (doc_id, note_n, idx, kind, start, "end", text, fields,'
                " shelfmark, refers_n, refers_i, stage_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    doc.id,
                    note.n,
                    i,
                    c.kind,
                    base + c.start,
                    base + c.end,
                    note.text[c.start : c.end].strip(),
                    json.dumps(c.fields, ensure_ascii=False, sort_keys=True),
                    mark.canonical if mark else None,
                    *(c.refers_to if c.refers_to else (None, None)),
                    STAGE_VERSION,
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
    return notes


def write_documents(
    db: sqlite3.Connection,
    docs: Iterable[Document],
    on_written: Callable[[Document, str], None] | None = None,
) -> tuple[dict[str, str], list[StageError]]:
    """Store documents in one transaction; return ``{doc_id: added|replaced|unchanged}`` and
    the documents a stage failed on.

    A document whose file bytes and reader version are unchanged is left as
    it is; one that changed is replaced whole. A document a stage fails on is
    rolled back alone (its earlier version, if any, stays) and reported.
    """
    status: dict[str, str] = {}
    failed: list[StageError] = []
    db.execute("BEGIN IMMEDIATE")
    try:
        for doc in docs:
            row = db.execute(
                "SELECT sha256, reader_version FROM documents WHERE id = ?", (doc.id,)
            ).fetchone()
            if row and row["sha256"] == doc.sha256 and row["reader_version"] == READER_VERSION:
                status[doc.id] = "unchanged"
            else:
                db.execute("SAVEPOINT document")
                try:
                    if row:
                        _delete_document(db, doc.id)
                    _insert_document(db, doc)
                except StageError as e:
                    db.execute("ROLLBACK TO document")
                    db.execute("RELEASE document")
                    failed.append(e)
                    continue
                db.execute("RELEASE document")
                status[doc.id] = "replaced" if row else "added"
            if on_written:
                on_written(doc, status[doc.id])
        _drop_orphan_sources(db)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return status, failed
