"""Footnote citations: parsing, shelfmarks, resolution, the registry and exports."""

from __future__ import annotations

import csv
import io
import json

import pytest

from historiograph.export.citations import to_bibtex, to_csl_json, to_csv
from historiograph.stages.footnotes import parse_note
from historiograph.stages.ranges import expand_ranges
from historiograph.stages.resolve import resolve
from historiograph.stages.shelfmarks import find_shelfmark
from historiograph.store import queries

from .conftest import ROOT

CSL_SCHEMA = ROOT.parent / "shared" / "schemas" / "csl-data.json"


def _note(text: str, n: int = 1, abbreviations: set[str] | None = None):
    """Parse a note written with *italics* as in Markdown (the markup is removed)."""
    italics, plain, pos = [], [], 0
    for i, part in enumerate(text.split("*")):
        if i % 2:
            italics.append((pos, pos + len(part)))
        plain.append(part)
        pos += len(part)
    return parse_note(
        "".join(plain), italics, n, abbreviations if abbreviations is not None else set()
    )


@pytest.mark.parametrize(
    "printed, canonical",
    [
        ("APRF, Fond 45, Opis 1, Delo 331, Listy 75-7", ("45", "1", "331", "75-77")),
        ("AP RF, f. 45, op. 1, d. 334, l. 141", ("45", "1", "334", "141")),
        ("RGASPI f. 558, op. 11, d. 334, ll. 0141", ("558", "11", "334", "141")),
        ("RGASPI, Fond 558, Opus 11, Delo 334, List 106", ("558", "11", "334", "106")),
    ],
)
def test_citations_shelfmark_print_styles(printed, canonical):
    _, mark = find_shelfmark(printed)
    assert (mark.fond, mark.opis, mark.delo, mark.folios) == canonical


def test_citations_ranges_written_in_full():
    assert expand_ranges("75-7") == "75-77"
    assert expand_ranges("821-22") == "821-822"
    assert expand_ranges("126, 159–60") == "126, 159-160"
    assert expand_ranges("1-3") == "1-3"


def test_citations_archival_with_hereafter_and_commentary():
    note = _note(
        "Zhou Enlai stated, “three armies.” Roshin's cable to Moscow, July 2, 1950, "
        "*Arkhiv Prezidenta Rossiiskoi Federatsii* [Archive of the President] (hereafter APRF), "
        "Fond 45, Opis 1, Delo 331, Listy 75-7."
    )
    assert note.has_commentary
    [c] = note.citations
    assert c.kind == "archival"
    assert {
        k: c.fields[k]
        for k in (
            "title",
            "date",
            "archive",
            "fond",
            "opis",
            "delo",
            "folios",
            "creator",
            "recipient",
        )
    } == {
        "title": "Roshin's cable to Moscow",
        "date": "1950-07-02",
        "archive": "APRF",
        "fond": "45",
        "opis": "1",
        "delo": "331",
        "folios": "75-77",
        "creator": "Roshin",
        "recipient": "Moscow",
    }


def test_citations_book_article_chapter_frus():
    note = _note(
        "Allen S. Whiting, *China Crosses the Yalu* (New York, 1960), 126, 159-60; "
        "Rosemary Foot, “Making Known the Unknown War,” *Diplomatic History* 15, no.3 (1991): 418–19; "
        "Simei Qing, “Confrontation in Korea,” in *Northeast Asia*, ed. James I. Matray "
        "(Kirksville, MO, 2012), 93–118; Statement Issued by the President, June 27, 1950, "
        "*FRUS*, 1950, vol. 7, doc. 116, 202-3."
    )
    kinds = [c.kind for c in note.citations]
    assert kinds == ["book", "article", "chapter", "frus"]
    book, article, chapter, frus = (c.fields for c in note.citations)
    assert book == {
        "authors": ["Allen S. Whiting"],
        "title": "China Crosses the Yalu",
        "place": "New York",
        "year": "1960",
        "pages": "126, 159-160",
    }
    assert (article["container"], article["volume"], article["issue"], article["pages"]) == (
        "Diplomatic History",
        "15",
        "3",
        "418-419",
    )
    assert chapter["editors"] == ["James I. Matray"] and chapter["container"] == "Northeast Asia"
    assert (frus["year"], frus["volume"], frus["doc"], frus["pages"], frus["date"]) == (
        "1950",
        "7",
        "116",
        "202-203",
        "1950-06-27",
    )
    assert not note.has_commentary


def test_citations_ibid_short_and_abbreviations_resolve():
    abbreviations: set[str] = set()
    notes = [
        _note(
            "Anatoly Torkunov, *The War in Korea 1950-1953* (Tokyo, 2000), 50-51.", 1, abbreviations
        ),
        _note(
            "Mao's Manuscripts, *Jianguo yilai Mao Zedong wengao* (hereafter cited as *JYMZW*), "
            "vol. 1 (Beijing, 1997), 454-55.",
            2,
            abbreviations,
        ),
        _note("Torkunov, *The War in Korea*, 101-2.", 3, abbreviations),
        _note("Ibid., 99–101.", 4, abbreviations),
        _note("*JYMZW*, vol. 1, 469.", 5, abbreviations),
    ]
    resolve(notes)
    assert notes[2].citations[0].kind == "short" and notes[2].citations[0].refers_to == (1, 0)
    assert notes[3].citations[0].kind == "ibid" and notes[3].citations[0].refers_to == (1, 0)
    assert notes[4].citations[0].kind == "short" and notes[4].citations[0].refers_to == (2, 0)


def test_citations_unknown_note_kept_whole_as_unparsed():
    note = _note("the author recalls this clearly, 12-14")
    [c] = note.citations
    assert c.kind == "unparsed" and c.to_dict()["parsed"] is False
    assert c.to_dict()["text"] == "the author recalls this clearly, 12-14"


def test_citations_a_note_of_prose_cites_nothing():
    note = _note("This official’s name has not been declassified. The pronoun “he” is used.")
    assert note.citations == [] and note.has_commentary


def test_citations_cli_shape_matches_gold(corpus_db):
    data = queries.citations(corpus_db, "seed2_intervention")
    assert data["article"] == "seed2_intervention"
    note88 = next(n for n in data["notes"] if n["n"] == 88)
    [c] = note88["citations"]
    assert c["kind"] == "archival" and c["shelfmark"] == "RGASPI f. 558, op. 11, d. 334, l. 140"
    assert data and all({"n", "citations", "has_commentary"} <= set(n) for n in data["notes"])


def test_citations_registry_lists_each_archival_document_once(corpus_db):
    archival = queries.sources(corpus_db, kind="archival")
    keys = [
        (
            s["fields"].get("archive"),
            s["fields"]["fond"],
            s["fields"]["opis"],
            s["fields"]["delo"],
            s["fields"].get("date"),
            s["fields"].get("creator"),
        )
        for s in archival
    ]
    assert len(keys) == len(set(keys))
    mao = next(
        s
        for s in archival
        if s["fields"].get("date") == "1950-10-03" and s["fields"].get("opis") == "11"
    )
    assert [p["note"] for p in mao["cited_in"]] == [50, 55, 59]
    assert all(p["sentences"] for p in mao["cited_in"])
    assert {s["fields"]["archive"] for s in archival} == {"APRF", "RGASPI", "TsAMO"}


def test_citations_csl_json_validates(corpus_db):
    jsonschema = pytest.importorskip("jsonschema")
    if not CSL_SCHEMA.is_file():
        pytest.skip("CSL-JSON schema (../shared/schemas/csl-data.json) not present")
    items = json.loads(to_csl_json(queries.sources(corpus_db)))
    jsonschema.validate(items, json.loads(CSL_SCHEMA.read_text("utf-8")))
    assert len(items) == len({i["id"] for i in items}) > 50
    whiting = next(i for i in items if i["title"].startswith("China Crosses the Yalu"))
    assert whiting["type"] == "book" and whiting["author"] == [
        {"family": "Whiting", "given": "Allen S."}
    ]


def test_citations_csv_and_bibtex(corpus_db):
    rows = list(csv.DictReader(io.StringIO(to_csv(queries.sources(corpus_db)))))
    assert rows and rows[0].keys() >= {"id", "kind", "title", "cited_in"}
    bib = to_bibtex(queries.sources(corpus_db))
    assert bib.count("@") == len(rows) and "@book{" in bib


def test_citations_dev_sample_scores(corpus_db, gold_dir):
    from historiograph.evaluate import evaluate

    scores = {
        (s.layer, s.metric): s.value for s in evaluate(corpus_db, gold_dir) if s.article == "seed2"
    }
    assert scores[("citations", "field f1")] >= 0.95
    assert scores[("citations", "kind accuracy")] >= 0.95
    assert scores[("citations", "shelfmark exact")] >= 0.98
    assert scores[("citations", "ibid/short resolved")] >= 0.95
