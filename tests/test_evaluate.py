"""historiograph eval: every gold folder, every text on its own, optional items, macro averages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from historiograph.cli.app import app
from historiograph.errors import GoldError
from historiograph.evaluate import evaluate, summary_rows, time_counts
from historiograph.pipeline import ingest_paths
from historiograph.store.db import connect

ALPHA = """# The Alpha Crisis

On March 3, 1961, President Kennedy met Ambassador Harriman in Washington. Harriman told
Kennedy that the Soviets would not yield.

Notes
"""
BETA = """# The Beta Talks

On June 4, 1962, the Secretary of State sent a letter to Khrushchev. Khrushchev refused the offer.
"""


def _write(folder: Path, name: str, data: dict) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(json.dumps(data), "utf-8")


def _times(article: str, items: list[tuple[str, str, str, bool]]) -> dict:
    return {
        "article": article,
        "times": [
            {"id": f"t{i}", "text": t, "evidence": ev, "value": v, "optional": opt}
            for i, (t, ev, v, opt) in enumerate(items)
        ],
    }


@pytest.fixture()
def two_texts(tmp_path):
    (tmp_path / "alpha.md").write_text(ALPHA, "utf-8")
    (tmp_path / "beta.md").write_text(BETA, "utf-8")
    conn = connect(tmp_path / "t.db")
    assert ingest_paths(conn, [tmp_path / "alpha.md", tmp_path / "beta.md"]).ok
    # Two folders, as the seeds' and the general corpus' gold: one with a shared actor list,
    # one where the text has its own.
    shared, general = tmp_path / "gold", tmp_path / "gold-general"
    _write(
        shared,
        "times_alpha.json",
        _times("alpha", [("March 3, 1961", "On March 3, 1961, President", "1961-03-03", False)]),
    )
    _write(
        shared,
        "actors.json",
        {
            "actors": [
                {
                    "id": "kennedy",
                    "name": "John F. Kennedy",
                    "aliases": ["Kennedy", "President Kennedy"],
                },
                {
                    "id": "harriman",
                    "name": "W. Averell Harriman",
                    "aliases": ["Harriman", "Ambassador Harriman"],
                },
            ]
        },
    )
    _write(
        general,
        "times_beta.json",
        _times(
            "beta",
            [
                ("June 4, 1962", "On June 4, 1962, the Secretary", "1962-06-04", False),
                # a judgement call that we miss: neither missed nor counted
                ("the offer", "Khrushchev refused the offer.", "1962-06", True),
            ],
        ),
    )
    _write(
        general,
        "actors_beta.json",
        {"actors": [{"id": "khrushchev", "name": "Nikita Khrushchev", "aliases": ["Khrushchev"]}]},
    )
    yield conn, shared, general
    conn.close()


def test_every_folder_every_text_and_the_macro_average(two_texts):
    conn, shared, general = two_texts
    scores = {(s.layer, s.article, s.metric): s for s in evaluate(conn, [shared, general])}
    assert scores[("times", "alpha", "found (strict)")].value == 1.0
    # the optional item is left out: 1 of 1, not 1 of 2
    assert scores[("times", "beta", "found (strict)")].detail == "1 of 1"
    macro = scores[("times", "macro", "value accuracy (strict)")]
    assert macro.value == pytest.approx(1.0) and macro.detail == "mean of 2 texts"
    # each text scored against its own actor list (beta's does not list Kennedy)
    assert ("actors", "alpha", "mention recall") in scores
    assert ("actors", "beta", "mention recall") in scores
    assert ("actors", "all", "mention recall") not in scores
    beta_wrong = scores[("actors", "beta", "mention precision")].detail
    assert "Kennedy" not in beta_wrong  # alpha's mentions are not beta's


def test_macro_is_the_mean_of_texts_not_of_items(tmp_path):
    (tmp_path / "a.md").write_text(
        "# A\n\nOn May 1, 1950, and on May 2, 1950, and in 1951, it rained.\n"
    )
    (tmp_path / "b.md").write_text(
        "# B\n\nOn the morrow it rained again, as it did on July 4, 1950.\n"
    )
    conn = connect(tmp_path / "t.db")
    assert ingest_paths(conn, [tmp_path / "a.md", tmp_path / "b.md"]).ok
    gold = tmp_path / "g"
    _write(
        gold,
        "times_a.json",
        _times(
            "a",
            [
                ("May 1, 1950", "On May 1, 1950, and", "1950-05-01", False),
                ("May 2, 1950", "on May 2, 1950, and", "1950-05-02", False),
                ("1951", "in 1951, it", "1951", False),
            ],
        ),
    )
    _write(
        gold, "times_b.json", _times("b", [("the morrow", "On the morrow it", "1950-07-05", False)])
    )
    scores = {(s.article, s.metric): s.value for s in evaluate(conn, gold) if s.layer == "times"}
    a, b = scores[("a", "found (strict)")], scores[("b", "found (strict)")]
    assert a == 1.0 and b < 1.0
    assert scores[("macro", "found (strict)")] == pytest.approx((a + b) / 2)  # not 3/4 pooled
    rows = summary_rows(evaluate(conn, gold))
    assert [r["text"] for r in rows] == ["a", "b", "macro"]
    assert rows[-1]["times found"] == round((a + b) / 2, 3)


def test_gold_interval_met_by_the_same_interval():
    text = "It lasted from 1940 to 1949, the whole decade."
    gold = _times(
        "x", [("from 1940 to 1949", "It lasted from 1940 to 1949, the", "1940/1949", False)]
    )
    got = [{"start": 10, "end": 27, "value": "1940/1949"}]
    assert time_counts(text, got, gold)[:3] == (1, 1, 1)
    assert time_counts(text, [{"start": 10, "end": 27, "value": "1940"}], gold)[:3] == (1, 0, 1)


def test_missing_folder_and_unknown_text_are_clear(two_texts, tmp_path):
    conn, shared, _ = two_texts
    with pytest.raises(GoldError, match="no such gold folder"):
        evaluate(conn, [shared, tmp_path / "nowhere"])
    other = tmp_path / "other"
    _write(other, "times_gamma.json", _times("gamma", []))
    [row] = [s for s in evaluate(conn, other)]
    assert (row.article, row.metric, row.value) == ("gamma", "not ingested", None)


def test_cli_summary_over_two_folders(two_texts):
    conn, shared, general = two_texts
    db = conn.execute("PRAGMA database_list").fetchone()[2]
    args = ["eval", "--summary", "--gold", str(shared), "--gold", str(general), "--db", db]
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["text", "times", "found"]
    assert [ln.split()[0] for ln in lines[2:]] == ["alpha", "beta", "macro"]
    as_json = json.loads(CliRunner().invoke(app, [*args, "--json"]).stdout)
    assert as_json[-1]["text"] == "macro" and as_json[-1]["times found"] == 1.0
