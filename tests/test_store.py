"""The store: migrations, idempotent and atomic ingest, full-text search."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from historiograph.errors import StoreError
from historiograph.pipeline import ingest_paths
from historiograph.store import queries
from historiograph.store.db import connect
from historiograph.store.migrations import MIGRATIONS

from .conftest import SEED1, SEED2


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    tables = ["documents", "sentences", "footnotes", "markers", "blocks", "offset_segments"]
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def test_store_migrations_recorded_and_wal(db_path):
    conn = connect(db_path)
    names = [r[0] for r in conn.execute("SELECT name FROM _migrations ORDER BY name")]
    assert names == [m.__name__ for m in MIGRATIONS]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    assert connect(db_path).execute("SELECT count(*) FROM _migrations").fetchone()[0] == len(names)


def test_store_ingest_twice_changes_nothing(corpus_db):
    before = _counts(corpus_db)
    report = ingest_paths(corpus_db, [SEED1, SEED2])
    assert report.status == {"seed1_armistice": "unchanged", "seed2_intervention": "unchanged"}
    assert _counts(corpus_db) == before
    assert before["documents"] == 2


def test_store_changed_file_is_replaced(tmp_path, db_path):
    article = tmp_path / "article.md"
    article.write_text("# Old\n\nStalin agreed.¹\n\n1. A note.\n", encoding="utf-8")
    conn = connect(db_path)
    assert ingest_paths(conn, [article]).status == {"article": "added"}
    article.write_text(
        "# New\n\nMao refused.¹ Zhou left.²\n\n1. One.\n\n2. Two.\n", encoding="utf-8"
    )
    assert ingest_paths(conn, [article]).status == {"article": "replaced"}
    assert [d["title"] for d in queries.list_documents(conn)] == ["New"]
    assert _counts(conn)["footnotes"] == 2 and _counts(conn)["markers"] == 2
    assert [h["ref"] for h in queries.search(conn, "Stalin")] == []
    assert [h["ref"] for h in queries.search(conn, "Mao")] == [1]  # sentence 0 is the title


def test_store_search_sentences_and_notes(corpus_db):
    hits = queries.search(corpus_db, "Roshchin delivered")
    assert hits and hits[0]["kind"] == "sentence" and hits[0]["doc"] == "seed2_intervention"
    note_hits = queries.search(corpus_db, "Fond 558 Delo 334")
    assert any(h["kind"] == "note" for h in note_hits)
    assert queries.search(corpus_db, 'quotes" (unbalanced') == []  # no FTS syntax error


def test_store_note_with_citing_sentence(corpus_db):
    data = queries.get_note(corpus_db, "seed2_intervention", 88)
    assert data["note"]["text"].startswith("Telegram from Roshchin to Stalin, October 12, 1950")
    [cite] = data["cited_by"]
    assert cite["text"].startswith(
        "At 3:30 p.m. on October 12, Soviet Ambassador Roshchin delivered"
    )
    seed1_note = queries.get_note(corpus_db, "seed1_armistice", 24)
    assert seed1_note["note"] is None and not seed1_note["note_text_in_file"]
    assert seed1_note["cited_by"][0]["text"].endswith("negotiations.")


def test_store_sentence_raw_slice_matches(corpus_db):
    data = queries.get_sentence(corpus_db, "seed1_armistice", 3)
    assert data["raw"] == SEED1.read_text("utf-8")[data["raw_start"] : data["raw_end"]]
    assert data["raw"].split()[0] == data["text"].split()[0]


def test_store_readonly_refuses_missing_or_foreign_db(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        connect(tmp_path / "missing.db", readonly=True)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a historiograph database"):
        connect(junk)


_KILLER = textwrap.dedent(
    """
    import os, signal, sys
    from historiograph.pipeline import ingest_paths
    from historiograph.store.db import connect

    def die(doc, status):
        # The first document is written, the transaction is still open: die now.
        os.kill(os.getpid(), signal.SIGKILL)

    ingest_paths(connect(sys.argv[1]), sys.argv[2:], on_written=die)
    """
)


def test_store_kill_mid_ingest_leaves_previous_database(tmp_path, db_path):
    """A real SIGKILL in the middle of the write transaction: nothing of it survives."""
    conn = connect(db_path)
    assert ingest_paths(conn, [SEED1]).ok
    before = _counts(conn)
    conn.close()
    changed = tmp_path / "seed1_armistice.txt"
    changed.write_text(SEED1.read_text("utf-8") + "\nA new closing sentence.\n", encoding="utf-8")
    shutil.copy(SEED2, tmp_path / "seed2_intervention.txt")
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            _KILLER,
            str(db_path),
            str(changed),
            str(tmp_path / "seed2_intervention.txt"),
        ],
        capture_output=True,
        env=os.environ | {"PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()
    conn = connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert _counts(conn) == before
    assert [d["id"] for d in queries.list_documents(conn)] == ["seed1_armistice"]
    assert "A new closing sentence" not in conn.execute("SELECT text FROM documents").fetchone()[0]
