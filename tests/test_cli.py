"""The command line, run as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from historiograph.cli import app

from .conftest import CORPUS, SEED1, SEED2

runner = CliRunner()


def _run(*args: str, env: dict | None = None):
    return runner.invoke(app, list(args), env=env, catch_exceptions=False)


@pytest.fixture()
def ingested(db_path):
    result = _run("ingest", "--db", str(db_path), str(SEED1), str(SEED2))
    assert result.exit_code == 0, result.output
    return db_path


def test_cli_ingest_then_docs_json(ingested):
    result = _run("docs", "--db", str(ingested), "--json")
    docs = json.loads(result.stdout)
    assert [d["id"] for d in docs] == ["seed1_armistice", "seed2_intervention"]
    seed1, seed2 = docs
    assert seed1["markers"] == 59 and seed1["notes"] == 0
    assert seed2["markers"] == 114 and seed2["notes"] == 112 and seed2["linked_markers"] == 112


def test_cli_show_note_88_json(ingested):
    result = _run("show", "seed2_intervention", "--note", "88", "--db", str(ingested), "--json")
    data = json.loads(result.stdout)
    assert "RGASPI, Fond 558, Opis 11, Delo 334, Listy 140" in data["note"]["text"]
    assert data["cited_by"][0]["text"].startswith(
        "At 3:30 p.m. on October 12, Soviet Ambassador Roshchin delivered"
    )


def test_cli_show_seed1_note_gives_marker_and_sentence(ingested):
    result = _run("show", "seed1_armistice", "--note", "49", "--db", str(ingested))
    assert result.exit_code == 0
    assert "not in the file" in result.stdout
    assert "December 18, 1951." in result.stdout


def test_cli_show_sentence_and_document(ingested):
    result = _run("show", "seed2_intervention", "--sentence", "1", "--db", str(ingested), "--json")
    assert json.loads(result.stdout)["text"].startswith(
        "The United States and the People's Republic"
    )
    summary = _run("show", "seed1_armistice", "--db", str(ingested))
    assert "This paper presents a perspective" in summary.stdout


def test_cli_search_json(ingested):
    result = _run("search", "Panikkar", "--db", str(ingested), "--json")
    hits = json.loads(result.stdout)
    assert hits and all(h["doc"] == "seed2_intervention" for h in hits)


def test_cli_db_from_environment(ingested):
    result = _run("docs", "--json", env={"HISTORIOGRAPH_DB": str(ingested)})
    assert len(json.loads(result.stdout)) == 2


def _cli(*args: str, cwd=None) -> subprocess.CompletedProcess:
    """Run the installed entry point in a real process (exit codes, stderr)."""
    code = "from historiograph.cli import main; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=os.environ | {"PYTHONPATH": os.pathsep.join(sys.path)},
    )


def test_cli_bad_files_one_line_each_good_files_ingested(tmp_path, db_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.md").write_text("# Good\n\nStalin agreed.¹\n\n1. Note.\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    (folder / "latin1.txt").write_bytes("Zhou Enlai’s café".encode("cp1252"))
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4\n")
    proc = _cli("ingest", "--db", str(db_path), str(folder))
    assert proc.returncode != 0
    errors = [ln for ln in proc.stderr.splitlines() if ln.startswith("error:")]
    assert len(errors) == 4, proc.stderr
    by_file = {
        name: next(e for e in errors if name in e)
        for name in ("empty.txt", "binary.txt", "latin1.txt", "scan.pdf")
    }
    assert "empty file" in by_file["empty.txt"]
    assert "binary" in by_file["binary.txt"]
    assert "not valid UTF-8" in by_file["latin1.txt"]
    assert "unsupported file type" in by_file["scan.pdf"]
    docs = _cli("docs", "--db", str(db_path), "--json")
    assert [d["id"] for d in json.loads(docs.stdout)] == ["good"]


def test_cli_unknown_document_is_one_line_error(ingested):
    proc = _cli("show", "nope", "--db", str(ingested))
    assert proc.returncode == 3
    assert proc.stderr.strip().startswith("error: no document 'nope'")
    assert len(proc.stderr.strip().splitlines()) == 1


def test_cli_missing_database_is_one_line_error(tmp_path):
    proc = _cli("docs", "--db", str(tmp_path / "none.db"))
    assert proc.returncode == 4 and "no such database" in proc.stderr


def test_cli_ingest_folder_of_corpus(db_path):
    result = _run("ingest", "--db", str(db_path), "--json", str(CORPUS / "seed1_armistice.txt"))
    assert json.loads(result.stdout)["documents"] == {"seed1_armistice": "added"}


def test_cli_eval_scores_dev_sample(ingested, gold_dir):
    result = _run("eval", "--gold", str(gold_dir), "--db", str(ingested), "--json")
    rows = {(r["layer"], r["article"], r["metric"]): r["value"] for r in json.loads(result.stdout)}
    assert rows[("markers", "seed1", "precision")] == 1.0
    assert rows[("markers", "seed1", "recall")] == 1.0
    assert rows[("notes", "seed2", "found")] == 1.0
    assert rows[("notes", "seed2", "full text")] == 1.0
    assert rows[("notes", "seed2", "linked to marker")] == 1.0
    assert rows[("reader (events evidence)", "seed2", "verbatim in text")] == 1.0


def test_cli_citations_sources_export(ingested, tmp_path):
    data = json.loads(
        _run(
            "citations", "seed2_intervention", "--note", "49", "--db", str(ingested), "--json"
        ).stdout
    )
    [note] = data["notes"]
    assert note["citations"][0]["kind"] == "ibid"
    assert note["citations"][0]["refers_to"] == {"n": 9, "i": 0}
    rows = json.loads(_run("sources", "--archive", "TsAMO", "--db", str(ingested), "--json").stdout)
    assert rows and all(r["fields"]["archive"] == "TsAMO" for r in rows)
    out = tmp_path / "refs.json"
    assert (
        _run(
            "export", "citations", "--format", "csl-json", "-o", str(out), "--db", str(ingested)
        ).exit_code
        == 0
    )
    assert json.loads(out.read_text("utf-8"))
    again = _cli("export", "citations", "-o", str(out), "--db", str(ingested))
    assert again.returncode != 0 and "--force" in again.stderr
    bad = _cli("export", "citations", "--format", "ris", "--db", str(ingested))
    assert bad.returncode != 0 and "unknown format" in bad.stderr


def test_cli_actors_and_times(ingested):
    result = _run("actors", "seed2_intervention", "--db", str(ingested), "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    stalin = next(a for a in data["actors"] if a["id"] == "stalin")
    assert stalin["kind"] == "person" and stalin["mentions_count"] == len(stalin["mentions"])
    assert all(
        {"start", "end", "raw_start", "raw_end", "text"} <= set(m) for m in stalin["mentions"]
    )
    roles = _run("actors", "--kind", "role", "--db", str(ingested))
    assert "Commander of the UNC" in roles.stdout and "Ridgway" in roles.stdout

    result = _run("times", "seed2_intervention", "--db", str(ingested), "--json")
    times = json.loads(result.stdout)["times"]
    later = next(t for t in times if t["text"] == "About seven hours later")
    assert (later["value"], later["inferred"], later["anchor"]) == (
        "1950-10-12T22:30",
        True,
        "1950-10-12T15:30",
    )
    text = _run("times", "seed2_intervention", "--db", str(ingested)).stdout
    assert "1950-10-14T03:00" in text


def test_cli_tei_without_documents_is_one_line_error(tmp_path, db_path):
    tei = tmp_path / "frus1950v07.xml"
    tei.write_text('<?xml version="1.0"?><TEI><text>Acheson.</text></TEI>', encoding="utf-8")
    proc = _cli("ingest", "--db", str(db_path), str(tei))
    assert proc.returncode == 2
    [line] = proc.stderr.strip().splitlines()
    assert line == f'error: {tei}: no complete <div type="document"> in the file'

    assert "Traceback" not in proc.stderr
