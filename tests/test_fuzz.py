"""Property tests: no input, however odd, breaks the readers or the ingest.

Each reader either reads a text-like input or says why not with an
:class:`InputError`; what it reads keeps the invariants of
:func:`tests.fuzzing.check_document`. The whole ingest stores it or reports
it, and ingesting the same file twice changes nothing. ``make fuzz`` runs the
same properties on many more inputs; what it finds lands in ``tests/fuzz_cases``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from historiograph.errors import InputError
from historiograph.pipeline import ingest_paths
from historiograph.store.db import connect
from tests.fuzzing import REGRESSIONS, dump, read_every_way, text_like

QUICK = settings(
    max_examples=150, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
)


@QUICK
@given(text_like())
def test_fuzz_readers_keep_their_invariants(raw):
    read_every_way(raw)


def _ingest_twice(tmp: Path, raw: str) -> None:
    f = tmp / "fuzz.txt"
    f.write_bytes(raw.encode("utf-8", "surrogatepass"))
    conn = connect(tmp / "fuzz.db")
    try:
        first = ingest_paths(conn, [f])
        assert all(isinstance(e, InputError) for e in first.errors)
        before = dump(conn)
        again = ingest_paths(conn, [f])
        assert set(again.status.values()) <= {"unchanged"}
        assert dump(conn) == before
    finally:
        conn.close()


@settings(QUICK, max_examples=12)
@given(text_like(max_paragraphs=3))
def test_fuzz_ingest_stores_or_reports_and_twice_changes_nothing(tmp_path_factory, raw):
    _ingest_twice(tmp_path_factory.mktemp("fuzz"), raw)


CASES = sorted(REGRESSIONS.glob("*.txt")) if REGRESSIONS.is_dir() else []


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_fuzz_kept_failures_stay_fixed(tmp_path, case):
    raw = case.read_bytes().decode("utf-8", "surrogatepass")
    read_every_way(raw)
    _ingest_twice(tmp_path, raw)
