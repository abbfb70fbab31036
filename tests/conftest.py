"""Shared fixtures: the bundled corpus parsed once, and fresh databases."""

from __future__ import annotations

from pathlib import Path

import pytest

from historiograph import read_article
from historiograph.model import Document
from historiograph.pipeline import ingest_paths
from historiograph.store.db import connect

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEED1 = CORPUS / "seed1_armistice.txt"
SEED2 = CORPUS / "seed2_intervention.txt"
# The team's gold annotations live beside the repository, not in it.
GOLD = ROOT.parent / "shared" / "gold"


@pytest.fixture(scope="session")
def seed1() -> Document:
    return read_article(SEED1)


@pytest.fixture(scope="session")
def seed2() -> Document:
    return read_article(SEED2)


@pytest.fixture(scope="session", params=["seed1", "seed2"])
def corpus_doc(request, seed1, seed2) -> Document:
    return {"seed1": seed1, "seed2": seed2}[request.param]


@pytest.fixture()
def db_path(tmp_path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory):
    """The bundled corpus ingested once per test run; tests only read it (or re-ingest it unchanged)."""
    conn = connect(tmp_path_factory.mktemp("corpus") / "corpus.db")
    report = ingest_paths(conn, [SEED1, SEED2])
    assert report.ok
    yield conn
    conn.close()


@pytest.fixture()
def gold_dir() -> Path:
    if not GOLD.is_dir():
        pytest.skip("gold annotations (../shared/gold) not present")
    return GOLD
