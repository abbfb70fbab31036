"""The pipeline apart from the store: stages in worker processes, the store only writing."""

from __future__ import annotations

import os
import pickle
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from historiograph import pipeline
from historiograph.errors import StageError
from historiograph.pipeline import analyse, ingest_paths
from historiograph.store.db import connect

from .conftest import CORPUS, ROOT

# Two short essays and the footnoted chapter: every stage, a few seconds.
TEXTS = [
    CORPUS / "ms_laos_crisis_1960_63.txt",
    CORPUS / "ms_rapprochement_china_1972.txt",
    CORPUS / "frus_history_ch8_1958_1979.txt",
]


def _dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_store_imports_no_stage():
    for module in (ROOT / "src" / "historiograph" / "store").glob("*.py"):
        assert "historiograph.stages" not in module.read_text("utf-8"), module.name


def test_bundle_pickles_whole():
    from historiograph import read_article

    bundle = analyse(read_article(TEXTS[1]))
    again = pickle.loads(pickle.dumps(bundle))
    assert again.doc.id == bundle.doc.id and len(again.events) == len(bundle.events) > 0
    assert [t.value for t in again.times] == [t.value for t in bundle.times]


def test_database_is_the_same_whatever_the_workers(tmp_path):
    dumps = []
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.db"
        report = ingest_paths(connect(db), TEXTS, workers=workers)
        assert report.ok and set(report.status.values()) == {"added"}
        dumps.append(_dump(db))
    assert dumps[0] == dumps[1]


def test_a_stage_failing_in_a_worker_is_reported_and_the_rest_stored(tmp_path, monkeypatch):
    real = pipeline.times.time_document

    def broken(doc):
        if doc.id.startswith("ms_laos"):
            raise ValueError("boom")
        return real(doc)

    monkeypatch.setattr(pipeline.times, "time_document", broken)  # inherited by forked workers
    if not sys.platform.startswith("linux"):
        pytest.skip("workers are forked on Linux only; elsewhere they import afresh")
    report = ingest_paths(connect(tmp_path / "t.db"), TEXTS, workers=2)
    [err] = report.errors
    assert isinstance(err, StageError) and err.stage == "times" and "ValueError: boom" in str(err)
    assert "ms_laos_crisis_1960_63" not in report.status and len(report.status) == 2


def test_reingest_with_one_file_changed_analyses_only_that_file(tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    for t in TEXTS:
        shutil.copy(t, folder / t.name)
    conn = connect(tmp_path / "r.db")
    assert ingest_paths(conn, [folder], workers=2).ok
    changed = folder / TEXTS[0].name
    changed.write_text(changed.read_text("utf-8") + "\nA closing sentence.\n", encoding="utf-8")
    analysed: list[str] = []
    report = ingest_paths(
        conn, [folder], workers=2, on_analysed=lambda doc, done, total: analysed.append(doc.id)
    )
    assert analysed == [TEXTS[0].stem]
    assert report.status[TEXTS[0].stem] == "replaced"
    assert {report.status[t.stem] for t in TEXTS[1:]} == {"unchanged"}


_KILLER = textwrap.dedent(
    """
    import os, signal, sys
    from historiograph.pipeline import ingest_paths
    from historiograph.store.db import connect

    def die(doc, status):
        os.kill(os.getpid(), signal.SIGKILL)  # a bundle written, the transaction still open

    ingest_paths(connect(sys.argv[1]), sys.argv[2:], on_written=die, workers=2)
    """
)


def test_kill_during_a_parallel_ingest_leaves_the_database_as_it_was(tmp_path):
    db = tmp_path / "k.db"
    assert ingest_paths(connect(db), TEXTS[:1]).ok
    before = _dump(db)
    proc = subprocess.run(
        [sys.executable, "-c", _KILLER, str(db), *map(str, TEXTS)],
        capture_output=True,
        env=os.environ | {"PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()
    assert _dump(db) == before


def test_dask_local_cluster_writes_the_same_database(tmp_path):
    pytest.importorskip("distributed")
    serial, on_dask = tmp_path / "serial.db", tmp_path / "dask.db"
    assert ingest_paths(connect(serial), TEXTS[:2], workers=1).ok
    report = ingest_paths(connect(on_dask), TEXTS[:2], workers=2, dask="local")
    assert report.ok and set(report.status.values()) == {"added"}
    assert _dump(serial) == _dump(on_dask)


def test_dask_scheduler_unreachable_is_one_clear_line(tmp_path):
    pytest.importorskip("distributed")
    proc = subprocess.run(
        [
            str(Path(sys.executable).parent / "historiograph"),
            "ingest",
            "--db",
            str(tmp_path / "d.db"),
            "--dask",
            "tcp://127.0.0.1:9",
            str(TEXTS[1]),
        ],
        capture_output=True,
        text=True,
        env=os.environ | {"PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in proc.stderr
