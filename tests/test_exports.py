"""Exports of events (CSV, JSON, TimelineJS) and of the network (GEXF 1.3, GraphML), and the
date spans they are drawn with."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from historiograph import dates
from historiograph.cli import app
from historiograph.export import events as event_export
from historiograph.export import network as network_export
from historiograph.store import queries

from .test_cli import _cli

GEXF_XSD = Path(__file__).resolve().parents[2] / "shared/schemas/gexf-1.3/gexf.xsd"
runner = CliRunner()


@pytest.mark.parametrize(
    ("value", "first", "after"),
    [
        ("1950-10-12", date(1950, 10, 12), date(1950, 10, 13)),
        ("1950-10-12T15:30", date(1950, 10, 12), date(1950, 10, 13)),
        ("1950-10", date(1950, 10, 1), date(1950, 11, 1)),
        ("1950-12", date(1950, 12, 1), date(1951, 1, 1)),
        ("1950", date(1950, 1, 1), date(1951, 1, 1)),
        ("198", date(1980, 1, 1), date(1990, 1, 1)),
        ("1950-WI", date(1950, 12, 1), date(1951, 3, 1)),
        ("1950-W41", date(1950, 10, 9), date(1950, 10, 16)),
        ("1950-10-04/1950-10-05", date(1950, 10, 4), date(1950, 10, 6)),
        ("1951-07/1951-08-15", date(1951, 7, 1), date(1951, 8, 16)),
    ],
)
def test_a_date_spans_what_it_says(value, first, after):
    assert dates.bounds(value) == (first, after)


@pytest.mark.parametrize("value", [None, "", "P3D", "1950-13-01", "XXXX-10", "1950-02-30"])
def test_what_is_not_a_span_of_days_gives_none(value):
    assert dates.bounds(value) is None


def test_spans_contain_and_stand_apart_by_their_days():
    assert dates.within("1951-10-25", "1951-10") and not dates.within("1951-10", "1951-10-25")
    assert dates.within("1950-08-13/1950-08-14", "1950-08")
    assert dates.days_apart("1950", "1950-10") == 0  # overlapping
    assert dates.days_apart("1950-09-30", "1950-10-01") == 1
    assert dates.days_apart("1950-12", "1950-10-12") == 50
    assert dates.days_apart("P3D", "1950") is None


@pytest.fixture(scope="module")
def seed2_events(corpus_db) -> list[dict]:
    return queries.events(corpus_db, "seed2_intervention")


def test_csv_has_a_header_and_a_row_per_event(seed2_events, corpus_db):
    rows = list(csv.DictReader(io.StringIO(event_export.to_csv(seed2_events))))
    assert len(rows) == len(seed2_events)
    assert list(rows[0]) == event_export.CSV_COLUMNS
    text = corpus_db.execute(
        "SELECT text FROM documents WHERE id = 'seed2_intervention'"
    ).fetchone()[0]
    for row in rows:
        start, end = map(int, row["evidence_offsets"].split(" | ")[0].split("-"))
        assert text[start:end] == row["evidence"]
        assert row["date_inferred"] in ("true", "false")
    comm = next(r for r in rows if r["type"] == "communication" and r["recipient"])
    assert comm["sender"] and comm["act"]


def test_json_export_is_the_events_query(seed2_events):
    assert json.loads(event_export.to_json(seed2_events)) == {"events": seed2_events}


def test_timelinejs_keeps_the_precision_of_each_date(seed2_events):
    doc = json.loads(event_export.to_timelinejs(seed2_events, title="seed2"))
    slides = {s["unique_id"]: s for s in doc["events"]}
    assert doc["title"]["text"]["headline"] == "seed2"
    assert len(slides) == sum(1 for e in seed2_events if dates.bounds(e["date"]))
    for e in seed2_events:
        slide = slides.get(f"seed2_intervention-{e['id']}")
        if slide is None:
            continue
        first = e["date"].split("/")[0]
        fields = {k for k in slide["start_date"] if k in ("year", "month", "day")}
        stated = [{"year"}, {"year", "month"}, {"year", "month", "day"}][first.count("-")]
        assert fields == stated
        assert ("end_date" in slide) == ("/" in e["date"])
        if e["date_inferred"]:
            assert "inferred" in slide["start_date"]["display_date"]
        elif len(first) == 3:  # a decade: "198" starts in 1980 and says 1980–1989
            assert slide["start_date"] == {
                "year": f"{first}0",
                "display_date": f"{first}0–{first}9",
            }
        if e["time"]:
            assert slide["start_date"]["hour"] == str(int(e["time"][:2]))


def test_timelinejs_escapes_markup_in_text(handmade_db_file):
    from historiograph.store.db import connect

    events = queries.events(connect(handmade_db_file, readonly=True), "hostile_markup")
    text = event_export.to_timelinejs(events)
    assert "<script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text


@pytest.fixture(scope="module")
def graph(corpus_db) -> dict:
    return queries.network(corpus_db)


def test_gexf_validates_against_the_gexf_1_3_schema(graph):
    if not GEXF_XSD.is_file():
        pytest.skip("GEXF 1.3 schema (../shared/schemas/gexf-1.3) not present")
    schema = etree.XMLSchema(etree.parse(str(GEXF_XSD)))
    doc = etree.fromstring(network_export.to_gexf(graph).encode())
    assert schema.validate(doc), schema.error_log


def test_gexf_edges_are_weighted_directed_and_dated(graph):
    ns = {"g": network_export.GEXF_NS}
    doc = etree.fromstring(network_export.to_gexf(graph).encode())
    assert doc.find("g:graph", ns).get("mode") == "dynamic"
    edges = doc.findall(".//g:edge", ns)
    assert len(edges) == len(graph["edges"]) and len(doc.findall(".//g:node", ns)) == len(
        graph["nodes"]
    )
    top = graph["edges"][0]
    first = edges[0]
    assert (first.get("source"), first.get("target")) == (top["source"], top["target"])
    assert float(first.get("weight")) == top["count"]
    spells = [(s.get("start"), s.get("end")) for s in first.findall(".//g:spell", ns)]
    dated = sorted({d for d in top["dates"] if d and len(d) == 10})
    assert [s for s, e in spells if s == e] == dated  # a day-precise message lives one day


def test_graphml_declares_every_key_it_uses(graph):
    ns = {"g": network_export.GRAPHML_NS}
    doc = etree.fromstring(network_export.to_graphml(graph).encode())
    keys = {k.get("id") for k in doc.findall("g:key", ns)}
    used = {d.get("key") for d in doc.iter(f"{{{network_export.GRAPHML_NS}}}data")}
    assert used and used <= keys
    assert doc.find("g:graph", ns).get("edgedefault") == "directed"
    assert len(doc.findall(".//g:edge", ns)) == len(graph["edges"])


def test_export_commands_write_files_and_refuse_bad_formats(corpus_db_file, tmp_path):
    out = tmp_path / "events.csv"
    args = ["export", "events", "seed2_intervention", "--db", str(corpus_db_file)]
    result = runner.invoke(app, [*args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert next(csv.reader(out.open()))[:3] == ["document", "id", "type"]
    again = _cli(*args, "-o", str(out))
    assert (
        again.returncode != 0
        and again.stderr.startswith("error: ")
        and "file exists" in again.stderr
    )
    bad = _cli(*args, "--format", "xlsx")
    assert bad.returncode == 2 and bad.stderr.strip() == (
        "error: unknown format 'xlsx' (choose from csv, json, timelinejs)"
    )
    gexf = runner.invoke(
        app, ["export", "network", "--format", "gexf", "--from", "1950-10", "--to", "1950-10",
              "--db", str(corpus_db_file)],
    )  # fmt: skip
    assert gexf.exit_code == 0 and gexf.output.startswith("<?xml")
    assert 'timeformat="date"' in gexf.output


@pytest.mark.parametrize(
    "value, mod, part",
    [
        ("1950", "END", "1950-10/1950-12"),  # "late 1950"
        ("1950", "START", "1950-01/1950-03"),
        ("1951", "MID", "1951-04/1951-09"),  # "mid-1951"
        ("194", "END", "1947/1949"),  # "the late 1940s"
        ("195", "START", "1950/1953"),
        ("1962-SU", "END", "1962-08"),  # "the late summer of 1962"
        ("1975-SU", "START", "1975-06"),
        ("1974-WI", "END", "1975-02"),  # a winter ends in the next year
        ("1950-10", "END", "1950-10"),  # a month stays a month
        ("1950", "AFTER", "1950"),  # not a part of the year
        ("1950", None, "1950"),
    ],
)
def test_early_mid_late_name_a_part_of_the_year_decade_or_season(value, mod, part):
    assert dates.narrowed(value, mod) == part
