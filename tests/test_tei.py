"""FRUS TEI volumes: the bundled slice (cut at both ends) and hand-written volumes."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from historiograph.errors import InputError
from historiograph.ingest.tei import parse_tei, read_tei
from historiograph.pipeline import analyse, ingest_paths
from historiograph.store import primary, queries
from historiograph.store.db import connect
from historiograph.web import create_app
from tests.test_cli import _cli

ROOT = Path(__file__).resolve().parent.parent
SLICE = ROOT / "corpus" / "primary" / "frus1949v07p2_korea_slice.xml"
TEI = 'xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/frus/ns/1.0"'


@pytest.fixture(scope="module")
def volume():
    return read_tei(SLICE)


def _doc(volume, xml_id):
    return next(d for d in volume.documents if d.meta["xml_id"] == xml_id)


def test_slice_reads_every_complete_document_and_says_what_was_cut(volume):
    ids = [d.meta["xml_id"] for d in volume.documents]
    assert ids == [f"d{n}" for n in range(189, 235)]  # d235 is cut at the end: not read
    assert not volume.errors
    assert any("inside d188" in n for n in volume.notices)
    assert any("ends inside document d235" in n for n in volume.notices)
    assert all(d.id == f"frus1949v07p2-{d.meta['xml_id']}" for d in volume.documents)


def test_slice_metadata_as_the_markup_states_it(volume):
    d196 = _doc(volume, "d196")
    assert d196.title == "The Special Representative in Korea (Muccio) to the Secretary of State"
    assert d196.meta["date"] == "1949-01-27T14:00:00+09:00"
    assert (d196.meta["place"], d196.meta["form"], d196.meta["classification"]) == (
        "Seoul",
        "telegram",
        "top secret",
    )
    assert d196.meta["from"] == "Muccio" and d196.meta["to"] == "Secretary of State"
    d190 = _doc(volume, "d190")
    assert d190.meta["place_supplied"] == "1"  # "[Washington,]": the editors supplied it
    assert d190.meta["source_note"] == "501.BB Korea/1–549"
    assert [d190.text[p.start : p.end] for p in d190.parties if p.role == "participant"] == [
        "Dr. Chough Pyung Ok",
        "Mr. W. Walton Butterworth",
        "Mr. Niles W. Bond",
    ]
    assert _doc(volume, "d200").meta["handling"] == "priority"
    assert "date" not in _doc(volume, "d189").meta  # an editorial note has no dateline


def test_slice_footnotes_linked_and_pages_in_order(volume):
    labels = []
    for d in volume.documents:
        notes = {f.n for f in d.footnotes if f.kind == "note"}
        assert {m.n for m in d.markers} <= notes, d.id
        assert sum(f.label == "source" for f in d.footnotes) == (
            d.meta.get("subtype") != "editorial-note"
        )
        labels += [d.meta["page_first"]] + [p.label for p in d.pages] + [d.meta["page_last"]]
    numbers = [int(x) for x in labels]
    assert numbers == sorted(numbers)  # in order, and every printed page is somewhere
    assert set(numbers) == set(range(940, 1009))
    d191 = _doc(volume, "d191")
    assert d191.text[d191.note("1").start :].startswith("See Foreign Relations, 1948")


def _visible(xml: str) -> str:
    """What a reader sees of raw XML: no tags, entities decoded, white space folded."""
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", xml)).split())


def test_every_span_round_trips_to_the_xml(volume):
    raw = SLICE.read_text("utf-8")
    for d in volume.documents:
        at = int(d.meta["raw_offset"])
        assert raw[at : at + len(d.raw)] == d.raw
        for s in d.sentences:
            pieces = "".join(d.raw[a:b] for a, b in d.offsets.raw_pieces(s.start, s.end))
            assert _visible(pieces).replace(" ", "") == d.text[s.start : s.end].replace(" ", "")


WHOLE = f"""<?xml version="1.0" encoding="UTF-8"?>
<TEI {TEI} xml:id="frus1951v07p2">
<text><body><div type="chapter">
<pb n="12" xml:id="pg_12"/>
<div type="document" xml:id="d5" n="5" subtype="historical-document">
  <note rend="inline" type="source">795.00/1–551: Telegram</note>
  <head>The <gloss type="from">Secretary of State</gloss> to the Ambassador in the
    United Kingdom (<persName type="to">Gifford</persName>)<note n="1" xml:id="d5fn1">Repeated
    to Paris.</note></head>
  <opener><seg><hi rend="smallcaps">secret</hi><lb/><hi rend="smallcaps">niact</hi></seg>
    <dateline><placeName>Washington</placeName>, <date when="1951-01-05T18:00:00-05:00">January
    5, 1951—6 p. m.</date></dateline></opener>
  <!-- an editor's comment -->
  <p>Tell the British that Smith &amp; Jones agree; see <![CDATA[<b>]]> and &#8220;this&#8221;.</p>
  <pb n="13" xml:id="pg_13"/>
  <p>A second paragraph.</p>
</div>
<div type="document" xml:id="d6" n="6" subtype="historical-document">
  <head>Memorandum of Conversation, by the Secretary of State (<hi rend="italic">Acheson</hi>)</head>
  <opener><dateline>[<placeName>Washington</placeName>,] <date when="1951-01-06">January 6,
    1951.</date></dateline></opener>
  <table><row><cell>Participants:</cell><cell>Sir Oliver Franks, British Ambassador</cell></row>
    <row><cell/><cell>The Secretary</cell></row></table>
  <p>Franks called.</p>
</div>
<div type="document" xml:id="d7" n="7" subtype="editorial-note"><head>Editorial Note</head>
  <p>The talks began on January 7.</p></div>
</div></body></text></TEI>
"""


def test_whole_volume_with_entities_comments_and_cdata():
    vol = parse_tei(WHOLE, "frus1951v07p2.xml")
    assert not vol.notices and not vol.errors
    d5, d6, _ = vol.documents
    assert d5.id == "frus1951v07p2-d5"
    body = d5.text[d5.blocks[3].start : d5.blocks[3].end]
    assert body == "Tell the British that Smith & Jones agree; see <b> and “this”."
    assert "editor's comment" not in d5.text
    assert (d5.meta["classification"], d5.meta["handling"]) == ("secret", "niact")
    assert [(p.label, d5.text[p.start : p.start + 8]) for p in d5.pages] == [("13", "A second")]
    assert (d5.meta["page_first"], d5.meta["page_last"]) == ("12", "13")
    assert d5.note("1") is not None and d5.markers[0].n == 1
    assert d6.meta["from"] == "Acheson"  # read from the head's "by …", no markup
    assert [p.how for p in d6.parties] == ["head", "table", "table"]


def test_document_events_from_the_markup():
    d5, d6, d7 = parse_tei(WHOLE, "frus1951v07p2.xml").documents
    b5 = analyse(d5)
    own = b5.events[0]
    assert (own.id, own.type, own.channel, own.date, own.time) == (
        "e000",
        "communication",
        "telegram",
        "1951-01-05",
        "18:00",
    )
    names = {a.id: a.name for a in b5.actors.actors.values()}
    assert [d5.text[r.start : r.end] for r in own.roles if r.role == "sender"] == [
        "Secretary of State"
    ]
    assert [names[r.actor_id] for r in own.roles if r.role == "recipient"][0].endswith("Gifford")
    meeting = analyse(d6).events[0]
    assert (meeting.type, meeting.channel) == ("meeting", "conversation")
    assert len(meeting.actors("participant")) == 3
    assert all(e.id != "e000" for e in analyse(d7).events)  # the editors' note is no message


def test_a_broken_document_in_a_cut_file_is_reported_alone():
    cut = (
        "</p></div>"
        '<div type="document" xml:id="d1" n="1"><head>A to B</head><p>One.</p></div>'
        '<div type="document" xml:id="d2" n="2"><head>C to D</head><p>Two &nbsp; three.</p></div>'
        '<div type="document" xml:id="d3" n="3"><head>E to F</head><p>Fou'
    )
    vol = parse_tei(cut, "frus1950v07_part.xml")
    assert [d.meta["xml_id"] for d in vol.documents] == ["d1"]
    [err] = vol.errors
    assert "document d2: not well-formed XML" in str(err) and "nbsp" in str(err)
    assert any("d3" in n for n in vol.notices)


BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<TEI><text><div type="document" xml:id="d1"><p>&lol2;</p></div></text></TEI>
"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<TEI><text><div type="document" xml:id="d1"><p>&xxe;</p></div></text></TEI>
"""


@pytest.mark.parametrize("text", [BOMB, EXTERNAL, '<!DOCTYPE TEI SYSTEM "http://x/tei.dtd"><TEI/>'])
def test_unsafe_xml_is_refused(text):
    with pytest.raises(InputError, match="refused"):
        parse_tei(text, "bad.xml")


def test_cli_refuses_bombs_with_one_line_each_and_stores_the_rest(tmp_path):
    folder = tmp_path / "volumes"
    folder.mkdir()
    (folder / "bomb.xml").write_text(BOMB, "utf-8")
    (folder / "xxe.xml").write_text(EXTERNAL, "utf-8")
    (folder / "frus1951v07p2.xml").write_text(WHOLE, "utf-8")
    db = tmp_path / "h.db"
    proc = _cli("ingest", "--workers", "1", "--db", str(db), str(folder))
    errors = [ln for ln in proc.stderr.splitlines() if ln.startswith("error:")]
    assert proc.returncode == 2 and len(errors) == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    conn = connect(db, readonly=True)
    assert [r["id"] for r in queries.list_documents(conn, "primary")] == [
        "frus1951v07p2-d5",
        "frus1951v07p2-d6",
        "frus1951v07p2-d7",
    ]


ESSAY = """A Test Essay

On January 27, 1949, Muccio told Washington that Koreans feared "a solidly Communist continent of Asia."[1] The Army wrote on January 25.[2] Drumright reported from Seoul.[3] An absent volume.[4] A letter in the files said "an invented sentence about rice and Manchuria."[5]

Notes

1. FRUS, 1949, vol. VII, pt. 2, doc. 190.

2. Royall to Acheson, January 25, 1949, FRUS, 1949, 7(2): 945.

3. Foreign Relations of the United States, 1949, vol. VII, doc. 200.

4. FRUS, 1951, vol. VII, pt. 2, doc. 5.

5. Royall to Secretary of State, January 25, 1949, NARA, RG 59, CDF 1945–1949, 740.00119 Control (Korea)/1–2549.
"""


@pytest.fixture(scope="module")
def linked_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("linked")
    essay = folder / "essay.txt"
    essay.write_text(ESSAY, "utf-8")
    conn = connect(folder / "h.db")
    assert ingest_paths(conn, [SLICE, essay], workers=1).ok
    conn.close()
    return folder / "h.db"


def test_citations_link_to_the_documents_they_name(linked_db):
    conn = connect(linked_db, readonly=True)
    found = {(k.note_n, k.target): k for k in primary.links(conn, "essay")}
    one = found[(1, "frus1949v07p2-d190")]
    assert (one.how, one.certainty) == ("document", "certain")
    assert one.quotes[0]["status"] == "found"
    text = conn.execute("SELECT text FROM documents WHERE id = 'frus1949v07p2-d190'").fetchone()[0]
    assert text[one.quotes[0]["start"] : one.quotes[0]["end"]].casefold() == (
        "a solidly communist continent of asia"
    )
    # p. 945 holds d193 and d194: the date leaves both, the writer only d194
    two = [k for (n, _), k in found.items() if n == 2]
    assert [(k.target, k.certainty) for k in two] == [("frus1949v07p2-d194", "certain")]
    assert not [k for (n, _), k in found.items() if n in (3, 4)]  # no part; absent volume
    [five] = [k for (n, _), k in found.items() if n == 5]
    assert (five.target, five.how, five.certainty) == ("frus1949v07p2-d194", "file", "probable")
    assert five.quotes[0]["status"] == "not found"
    assert [k.target for k in primary.links(conn, "frus1949v07p2-d190")] == ["frus1949v07p2-d190"]


def test_explorer_shows_primary_documents_and_the_links(linked_db):
    client = TestClient(create_app(linked_db))
    page = client.get("/documents/frus1949v07p2-d190")
    assert page.status_code == 200
    html_text = page.text
    assert "source note" in html_text and "501.BB Korea/1–549" in html_text
    assert "(supplied by the editors)" in html_text and 'id="page-941"' in html_text
    assert 'href="/documents/essay#note-1"' in html_text  # cited by the essay
    essay = client.get("/documents/essay").text
    assert 'href="/documents/frus1949v07p2-d190"' in essay and "quotation found" in essay
    conn = connect(linked_db, readonly=True)
    [source] = [
        r["id"]
        for r in queries.sources(conn)
        if any(p["doc"] == "essay" and p["note"] == 1 for p in r["cited_in"])
    ]
    assert 'href="/documents/frus1949v07p2-d190"' in client.get(f"/sources/{source}").text
    data = client.get("/documents/frus1949v07p2-d190.json").json()
    assert data["document"]["primary"]["form"] == "conversation"
    assert [k["doc_id"] for k in data["cited_by_links"]] == ["essay"]


def test_dateline_in_the_closer_and_the_editions_own_date():
    text = f"""<TEI {TEI} xml:id="frus1952-54v15p1"><text><body>
<div type="document" xml:id="d9" n="9" frus:doc-dateTime-min="1952-03-02T00:00:00-05:00"
  frus:doc-dateTime-max="1952-03-02T23:59:59-05:00">
  <head>Memorandum for the Record</head>
  <p>The meeting decided nothing.</p>
  <closer><signed><persName type="from">John M. Allison</persName></signed>
    <dateline><placeName>Tokyo</placeName>, <date when="1952-03-01">March 1, 1952</date></dateline>
  </closer>
  <div type="attachment"><closer><dateline><date when="1951-12-31">Dec 31</date></dateline>
    <signed><persName type="from">Someone Else</persName></signed></closer></div>
</div>
<div type="document" xml:id="d10" n="10" frus:doc-dateTime-min="1952-03-04T00:00:00-05:00"
  frus:doc-dateTime-max="1952-03-04T23:59:59-05:00"><head>Paper Prepared in the Department</head>
  <p>Undated in print.</p></div>
</body></text></TEI>"""
    d9, d10 = parse_tei(text, "x.xml").documents
    assert (d9.meta["date"], d9.meta["place"], d9.meta["from"]) == (
        "1952-03-01",
        "Tokyo",
        "John M. Allison",
    )
    assert (d10.meta["date"], d10.meta["date_from"]) == ("1952-03-04", "frus:doc-dateTime-min")
    assert d9.id == "frus1952-54v15p1-d9"
    assert (d9.meta["frus_year"], d9.meta["frus_volume"], d9.meta["frus_part"]) == (
        "1952-54",
        "15",
        "1",
    )


def _memcon(body: str):
    text = f"""<TEI {TEI} xml:id="frus1951v07p2"><text><body>
<div type="document" xml:id="d6" n="6"><head>Memorandum of Conversation, by the Secretary of
State (<hi rend="italic">Acheson</hi>)</head><opener><dateline><placeName>Washington</placeName>,
<date when="1951-01-06">January 6, 1951.</date></dateline></opener><p>{body}</p></div>
</body></text></TEI>"""
    doc = parse_tei(text, "x.xml").documents[0]
    bundle = analyse(doc)
    roles = [{r.role: r.actor_id for r in e.roles} for e in bundle.events[1:]]
    return bundle, roles


def test_the_writers_i_is_the_author_and_what_others_said_was_said_to_him():
    bundle, roles = _memcon(
        "Sir Oliver Franks called. I told him that the Korean Government should remain strong."
        " He said that he agreed."
    )
    assert [m.text for m in bundle.actors.mentions if m.how == "author"] == ["I"]
    assert roles[0] == {"sender": "acheson", "recipient": "oliver-franks"}
    # "he" after the writer's "I" is the other man; what he said was said to the writer
    assert roles[1] == {"sender": "oliver-franks", "recipient": "acheson"}
    # a quotation's "I" is the speaker's, not the writer's
    bundle, _ = _memcon('Franks said: "I cannot agree, and I will tell London so."')
    assert not [m for m in bundle.actors.mentions if m.how == "author"]


def test_an_articles_i_is_still_the_historian():
    from historiograph.ingest.article import parse_article

    doc = parse_article(
        "A title\n\nI argue that Mao told Stalin on October 2, 1950 that China would wait.\n", "x"
    )
    bundle = analyse(doc)
    assert not [m for m in bundle.actors.mentions if m.how == "author"]
    # the historian's "I argue" is a view, as before: no one acts as "I"
    assert all(r.how != "author" for e in bundle.events for r in e.roles)
