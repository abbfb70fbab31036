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


@pytest.fixture(scope="session")
def corpus_db_file(corpus_db) -> Path:
    """The file behind ``corpus_db``, for what opens the database itself (the explorer)."""
    return Path(corpus_db.execute("PRAGMA database_list").fetchone()[2])


# A document whose text is markup: the explorer must show it as text and never run it.
HOSTILE_TEXT = """# Hostile <script>alert(0)</script> markup

On October 3, 1950, Mao Zedong sent a telegram to Joseph Stalin <script>alert(1)</script> asking for air cover.¹ Two days later, Stalin replied to Mao <img src=x onerror=alert(2)> that he would send none.²

1. Telegram from Mao to Stalin <b>bold</b> <script>alert(3)</script>, October 3, 1950, RGASPI, Fond 558, Opis 11, Delo 334, Listy 97.

2. Ibid.
"""


# A decision taken back: the explorer shows the reversal and the condition.
REVERSAL_TEXT = """# Reversal

On October 2, 1950, Mao Zedong decided not to send troops to Korea.¹ On October 5, 1950, Mao Zedong decided to send troops to Korea if the Soviet Union provided air cover.²

1. Chen Jian, *China's Road to the Korean War* (New York, 1994), 175.

2. Ibid., 180.
"""


@pytest.fixture(scope="session")
def handmade_db_file(tmp_path_factory) -> Path:
    """Two hand-written documents: ``hostile_markup`` and ``reversal``."""
    folder = tmp_path_factory.mktemp("handmade")
    sources = [folder / "hostile_markup.md", folder / "reversal.md"]
    sources[0].write_text(HOSTILE_TEXT, encoding="utf-8")
    sources[1].write_text(REVERSAL_TEXT, encoding="utf-8")
    path = folder / "handmade.db"
    conn = connect(path)
    assert ingest_paths(conn, sources).ok
    conn.close()
    return path
