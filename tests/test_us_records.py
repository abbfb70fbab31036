"""U.S. archival citations, newspapers, web pages, and resolution that forgives print errors."""

from __future__ import annotations

import json

import pytest

from historiograph.export.citations import csl_item, to_csl_json
from historiograph.pipeline import ingest_paths
from historiograph.stages.footnotes import parse_note
from historiograph.stages.resolve import resolve
from historiograph.stages.sources import source_of
from historiograph.stages.us_records import parse_location
from historiograph.store import queries
from historiograph.store.db import connect

from .conftest import CORPUS, ROOT
from .test_citations import CSL_SCHEMA, _note

CH8 = CORPUS / "frus_history_ch8_1958_1979.txt"
GOLD_GENERAL = ROOT.parent / "shared" / "gold-general"


def _fields(text: str) -> list[dict]:
    return [c.fields | {"kind": c.kind} for c in parse_note(text, []).citations]


@pytest.mark.parametrize(
    "printed, want",
    [
        (
            "NARA, RG 59, CDF 1960–1963, 023.1/9–1360",
            [
                {
                    "archive": "NARA",
                    "record_group": "RG 59",
                    "series": "CDF 1960–1963",
                    "file": "023.1/9–1360",
                }
            ],
        ),
        (
            "Department of State, HAC Lot File 03D130, 1957–HAC–Annual Meeting",
            [
                {
                    "archive": "Department of State",
                    "series": "HAC Lot File 03D130",
                    "folder": "1957–HAC–Annual Meeting",
                }
            ],
        ),
        (
            "Gerald R. Ford Presidential Library, National Security Adviser Files, Box 18, USSR (23)",
            [
                {
                    "archive": "Gerald R. Ford Presidential Library",
                    "series": "National Security Adviser Files",
                    "box": "18",
                    "folder": "USSR (23)",
                }
            ],
        ),
        (
            "CIA Records Search Tool (henceforth CREST), CIA–RDP80B01676R000900080012–4",
            [
                {
                    "archive": "CIA Records Search Tool",
                    "abbreviation": "CREST",
                    "file": "CIA–RDP80B01676R000900080012–4",
                }
            ],
        ),
        # one location listing several series (the prefix carried) and several files
        (
            "NARA, RG 59, CFPF 1963, 1964–1966, and 1967–1969, POL 1 and POL 2",
            [
                {
                    "archive": "NARA",
                    "record_group": "RG 59",
                    "series": f"CFPF {years}",
                    "file": file,
                }
                for years in ("1963", "1964–1966", "1967–1969")
                for file in ("POL 1", "POL 2")
            ],
        ),
    ],
)
def test_us_location_parts(printed, want):
    assert parse_location(printed) == want


def test_us_document_parties_title_and_what_is_said_beside_it():
    [letter] = _fields(
        "Alfred Atherton through Rodger Davies to Joseph Sisco (with attached draft), "
        "November 5, 1969, NARA, RG 59, CFPF 1967–1969, POL 3 Israel."
    )
    assert letter["kind"] == "archival" and letter["date"] == "1969-11-05"
    assert (letter["creator"], letter["via"], letter["recipient"]) == (
        "Alfred Atherton",
        "Rodger Davies",
        "Joseph Sisco",
    )
    assert letter["remark"] == "with attached draft" and letter["file"] == "POL 3 Israel"
    [memo] = _fields(
        "Perkins memorandum, November 2, 1961, Department of State, HAC Lot File 96D292, Box 1, 1961–Report."
    )
    assert (memo["creator"], memo["title"], memo["box"], memo["folder"]) == (
        "Perkins",
        "memorandum",
        "1",
        "1961–Report",
    )
    [minutes] = _fields(
        "Minutes of 1957 HAC meeting, pp. 33–61 (quote on p. 47), Department of State, "
        "HAC Lot File 03D130, 1957–HAC–Annual Meeting."
    )
    assert minutes["title"] == "Minutes of 1957 HAC meeting" and minutes["pages"] == "33-61"
    assert minutes["pinpoint"] == "quote on p. 47"
    [nodate] = _fields(
        "Trask memorandum, [no date], NARA, RG 59, PA Lot File 82D297, Box 6, PA/HO."
    )
    assert nodate["remark"] == "[no date]" and "date" not in nodate


def test_us_lists_of_people_but_one_office():
    [many, office] = _fields(
        "Slany to Trask, Aandahl, Costrell, and Kogan, November 2, 1976, NARA, RG 59, PA Lot File 82D297, Box 6, PA/HO; "
        "Rogers to All Assistant Secretaries and Office Heads, March 30, 1972, NARA, RG 59, CFPF 1970–1973, PR 10."
    )
    assert many["recipient"] == ["Trask", "Aandahl", "Costrell", "Kogan"]
    assert office["recipient"] == "All Assistant Secretaries and Office Heads"


def test_us_documents_sharing_one_location_each_carry_it():
    cited = _fields(
        "Franklin to John Snell, April 27, 1965; memorandum of conversation among Harry Truman, "
        "Franklin, and Brooks, April 23, 1965; and Franklin to Brooks, May 12, 1965 in NARA, RG 59, "
        "CFPF 1964–1966, PR 10 Foreign Relations of U.S."
    )
    assert [c.get("creator") or c.get("title") for c in cited] == [
        "Franklin",
        "memorandum of conversation",
        "Franklin",
    ]
    assert cited[1]["participants"] == ["Harry Truman", "Franklin", "Brooks"]
    assert {c["file"] for c in cited} == {"PR 10 Foreign Relations of U.S."}  # its last period kept
    assert all(c["series"] == "CFPF 1964–1966" and c["archive"] == "NARA" for c in cited)


def test_a_shared_location_is_evidence_for_the_documents_before_it():
    text = (
        "Franklin to John Snell, April 27, 1965; and Franklin to Brooks, May 12, 1965 in NARA, "
        "RG 59, CFPF 1964–1966, PR 10."
    )
    first, last = parse_note(text, []).citations
    assert text[first.start : first.end] == "Franklin to John Snell, April 27, 1965"
    assert text[slice(*first.location_at)] == "NARA, RG 59, CFPF 1964–1966, PR 10"
    assert last.location_at is None  # its own span holds it


def test_us_and_between_documents_not_inside_a_place():
    cited = _fields(
        "Noble to Murphy, October 29, 1958, NARA, RG 59, CDF 1955–1959, 023.1/10–2958 and "
        "report of 1963 HAC meeting, p. 3, Department of State, HAC Lot File 96D292, Box 2, "
        "Advisory Committee 1971 and 1972."
    )
    assert [c.get("title") or c["creator"] for c in cited] == [
        "Noble",
        "report of 1963 HAC meeting",
    ]
    assert cited[1]["folder"] == "Advisory Committee 1971 and 1972" and cited[1]["pages"] == "3"


def test_us_note_with_a_newspaper_a_web_page_and_commentary():
    note = parse_note(
        "Dulles to Herter, November 25, 1960, CREST, CIA–RDP80B01676R000900080012–4. "
        "The letter was not sent. See Tim Weiner, “Lawrence Houston, 82, Dies,” New York Times, "
        "August 17, 1995, p. 12; and Central Intelligence Agency, FOIA Electronic Reading Room, "
        "http://www.foia.cia.gov/document.pdf.",
        [],
    )
    kinds = [c.kind for c in note.citations]
    assert kinds == ["archival", "periodical", "web"] and note.has_commentary
    paper, web = note.citations[1].fields, note.citations[2].fields
    assert (paper["authors"], paper["container"], paper["date"], paper["pages"]) == (
        ["Tim Weiner"],
        "New York Times",
        "1995-08-17",
        "12",
    )
    assert web == {
        "title": "FOIA Electronic Reading Room",
        "publisher": "Central Intelligence Agency",
        "url": "http://www.foia.cia.gov/document.pdf",
    }


def test_books_with_publisher_and_unmarked_titles():
    [book] = _fields(
        "Melvyn P. Leffler, A Preponderance of Power: National Security, the Truman "
        "Administration, and the Cold War (Stanford: Stanford University Press, 1992), 12."
    )
    assert book["kind"] == "book" and book["authors"] == ["Melvyn P. Leffler"]
    assert book["title"].startswith("A Preponderance of Power") and book["title"].endswith(
        "Cold War"
    )
    assert (book["place"], book["publisher"], book["year"]) == (
        "Stanford",
        "Stanford University Press",
        "1992",
    )


def test_same_letter_in_two_chapters_is_one_source():
    a = parse_note(
        "Noble to Murphy, October 31, 1958, NARA, RG 59, CDF 1955–1959, 023.1/10–3158.", [], 1
    )
    b = parse_note(
        "See Noble to Murphy, October 31, 1958, NARA, RG 59, CDF 1955–1959, 023.1/10–3158; "
        "Noble to Murphy, November 3, 1958, NARA, RG 59, CDF 1955–1959, 023.1/11–358.",
        [],
        7,
    )
    keys = [source_of(c).key for c in a.citations + b.citations]
    assert keys[0] == keys[1] != keys[2]


@pytest.mark.parametrize(
    "later, refers",
    [
        ("*JYMZIW*, vol. 1, 469.", (1, 0)),  # one letter too many
        ("JYMZIW, vol. 1, 470.", (1, 0)),  # and no italics
        ("*JYMZW*, vol. 1 126.", (1, 0)),  # the comma before the page missing
        ("Turkunov, *The War in Korea*, 101-2.", (2, 0)),  # the surname misspelled
        ("*CWIHP Bulletin* 6–7, 31.", (3, 0)),  # the abbreviation defined inside the journal's name
        ("*ZZZQ*, vol. 2, 12.", None),  # nothing like it: unresolved, not guessed
        ("*JYMW*, vol. 2, 12.", (1, 0)),
        ("*XYMZW*, vol. 2, 12.", None),  # the first letter differs
    ],
)
def test_short_forms_resolve_through_print_errors(later, refers):
    abbreviations: set[str] = set()
    notes = [
        _note(
            "Shen Zhihua, ed., *Jianguo yilai Mao Zedong wengao* (hereafter cited as *JYMZW*), "
            "vol. 1 (Beijing, 1997), 454-55.",
            1,
            abbreviations,
        ),
        _note(
            "Anatoly Torkunov, *The War in Korea 1950-1953* (Tokyo, 2000), 50-51.", 2, abbreviations
        ),
        _note(
            "Kathryn Weathersby, “New Russian Documents,” *Cold War International History Project* "
            "(hereafter *CWIHP*) *Bulletin* 6–7 (Winter 1995): 30–84.",
            3,
            abbreviations,
        ),
        _note(later, 4, abbreviations),
    ]
    resolve(notes)
    [c] = notes[3].citations
    assert c.kind == "short" and c.refers_to == refers
    assert (
        notes[2].citations[0].fields["container"]
        == "Cold War International History Project Bulletin"
    )


@pytest.fixture(scope="module")
def ch8_db(tmp_path_factory):
    conn = connect(tmp_path_factory.mktemp("ch8") / "ch8.db")
    assert ingest_paths(conn, [CH8]).ok
    yield conn
    conn.close()


def test_us_records_on_the_frus_history_chapter(ch8_db):
    gold = GOLD_GENERAL / "footnotes_frus_history_ch8_1958_1979.json"
    if not gold.is_file():
        pytest.skip("general gold (../shared/gold-general) not present")
    from historiograph.evaluate.notes import score_citations

    scores = {
        s.metric: s.value
        for s in score_citations(
            ch8_db, "frus_history_ch8_1958_1979", json.loads(gold.read_text("utf-8"))
        )
    }
    assert scores["field f1"] >= 0.92
    assert scores["kind accuracy"] >= 0.92
    assert scores["notes counted right"] >= 0.9
    assert scores["shelfmark exact"] >= 0.88


def test_us_records_export_as_archival_items(ch8_db):
    sources = queries.sources(ch8_db, kind="archival")
    letter = next(s for s in sources if s["fields"].get("file") == "023.1/10–3158")
    item = csl_item(letter)
    assert item["type"] == "manuscript" and item["archive"] == "NARA"
    assert item["archive_location"] == "RG 59, CDF 1955–1959, 023.1/10–3158"
    assert item["author"] == [{"literal": "Noble"}] and item["recipient"] == [{"literal": "Murphy"}]
    jsonschema = pytest.importorskip("jsonschema")
    if CSL_SCHEMA.is_file():
        items = json.loads(to_csl_json(queries.sources(ch8_db)))
        jsonschema.validate(items, json.loads(CSL_SCHEMA.read_text("utf-8")))


def test_two_letters_dated_at_once_pair_with_two_files():
    cited = _fields(
        "See Noble to Winnacker, March 6 and March 28, 1956, NARA, RG 59, CDF 1955–1959, "
        "023.1/3–656 and 023.1/3–2056."
    )
    assert [(c["date"], c["file"]) for c in cited] == [
        ("1956-03-06", "023.1/3–656"),
        ("1956-03-28", "023.1/3–2056"),
    ]


def test_folders_listed_after_a_semicolon_stay_in_their_box():
    cited = _fields(
        "passim, NARA, RG 59, PA Lot File 82D297, Box 8, January-Freedom of Information-Mar. 1975; "
        "Freedom of Information Apr.–Dec. 1975; and Council on Classification Policy 1976. "
        "The Council met twice."
    )
    assert [(c["box"], c["folder"]) for c in cited] == [
        ("8", "January-Freedom of Information-Mar. 1975"),
        ("8", "Freedom of Information Apr.–Dec. 1975"),
        ("8", "Council on Classification Policy 1976"),
    ]
    assert all(c["passim"] and c["series"] == "PA Lot File 82D297" for c in cited)


def test_works_joined_by_and_are_two_citations():
    cited = _fields(
        "William Langer and Gleason, The Challenge to Isolation, 1937–1940 (New York: Harper, 1952) "
        "and Langer and Gleason, The Undeclared War, 1940–1941 (New York: Harper, 1953); Mark "
        "Bradley, “The Charlie Maier Scare,” in Frank Costigliola and Michael J. Hogan, eds., "
        "America in the World (Cambridge: Cambridge University Press, 2014), pp. 9–29."
    )
    assert [c["kind"] for c in cited] == ["book", "book", "chapter"]
    assert [c["year"] for c in cited] == ["1952", "1953", "2014"]
    assert cited[1]["authors"] == ["Langer", "Gleason"]
    assert cited[2]["editors"] == ["Frank Costigliola", "Michael J. Hogan"]
    assert cited[2]["container"] == "America in the World"


def test_a_title_then_a_letter_sharing_a_place():
    cited = _fields(
        "Baehler, report on FRUS consultations and Trask to Consultants on the Foreign "
        "Relations Series, December 12, 1978 in Department of State, HAC Lot File 96D292, Box 3, "
        "1979–Correspondence; James MacGregor Burns, “The Historian’s Right to See,” New York "
        "Times Book Review, November 8, 1970, pp. 2 and 42."
    )
    assert [(c["kind"], c.get("title")) for c in cited] == [
        ("archival", "report on FRUS consultations"),
        ("archival", None),
        ("periodical", "The Historian’s Right to See"),
    ]
    assert cited[0]["creator"] == "Baehler" and cited[0]["folder"] == cited[1]["folder"]
    assert cited[1]["date"] == "1978-12-12" and "date" not in cited[0]
    assert cited[2]["authors"] == ["James MacGregor Burns"] and cited[2]["pages"] == "2 and 42"


def test_frus_online_style_with_a_title_of_subjects():
    note = parse_note(
        "Kennedy’s memorandum on FRUS, January 6, 1962 is printed in Foreign Relations of the "
        "United States, 1961–1963, vol. XXV, Organization of Foreign Policy; Information Policy; "
        "United Nations, Document 41 (https://history.state.gov/historicaldocuments/frus1961-63v25/d41) "
        "and reported in “Kennedy Asks Publication of War Records,” Los Angeles Times, "
        "September 8, 1961, p. 16.",
        [],
    )
    frus, paper = note.citations
    assert frus.kind == "frus" and paper.kind == "periodical"
    assert (
        frus.fields["title"] == "Organization of Foreign Policy; Information Policy; United Nations"
    )
    assert (frus.fields["year"], frus.fields["volume"], frus.fields["doc"]) == (
        "1961–1963",
        "XXV",
        "41",
    )
    assert frus.fields["url"].endswith("/d41") and frus.fields["date"] == "1962-01-06"
    assert frus.fields["remark"] == "Kennedy’s memorandum on FRUS"
    assert paper.fields["container"] == "Los Angeles Times" and paper.fields["pages"] == "16"


@pytest.mark.parametrize(
    "printed, kind, want",
    [
        (
            "Hearings, Sundry Civil Appropriation Bill for 1908, 59th Cong., 2nd Sess., House, "
            "Committee on Appropriations, January 05, 1907, pp. 839–845.",
            "hearing",
            {
                "title": "Sundry Civil Appropriation Bill for 1908",
                "congress": "59th Cong.",
                "session": "2nd Sess.",
                "chamber": "House",
                "committee": "Committee on Appropriations",
                "date": "1907-01-05",
                "pages": "839-845",
            },
        ),
        (
            "Congressional Record - Senate, July 29, 1991, p. 20249.",
            "congressional-record",
            {
                "container": "Congressional Record",
                "chamber": "Senate",
                "date": "1991-07-29",
                "pages": "20249",
            },
        ),
        (
            "Revision of Printing Laws, 64th Cong., 1st Sess., S. Rpt. 183 (Serial 6897), pp. 83–84.",
            "congressional",
            {
                "title": "Revision of Printing Laws",
                "congress": "64th Cong.",
                "session": "1st Sess.",
                "series": "S. Rpt. 183",
                "pages": "83-84",
            },
        ),
        ("Public Law 102–138, Title IV, October 28, 1991.", "legislation", None),
    ],
)
def test_congress_as_kinds_of_its_own(printed, kind, want):
    [c] = _fields(printed)
    assert c.pop("kind") == kind
    if want is not None:
        assert c == want


def test_letters_cited_without_where_they_are_kept():
    cited = _fields(
        "Carr to Root, June 15, 1908; Telegram from Roshchin to Stalin, October 12, 1950."
    )
    assert [
        (c["kind"], c.get("title"), c["creator"], c["recipient"], c["date"]) for c in cited
    ] == [
        ("archival", None, "Carr", "Root", "1908-06-15"),
        ("archival", "Telegram", "Roshchin", "Stalin", "1950-10-12"),
    ]
    # a clause with "to" and a date is not a letter
    assert [c["kind"] for c in _fields("Mao told Zhou to wait, October 2, 1950.")] == ["unparsed"]
