"""The explorer's pages and their JSON twins, through FastAPI's TestClient, on the corpus."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from historiograph.errors import StoreError
from historiograph.store import queries
from historiograph.web import create_app
from historiograph.web.app import PAGES
from historiograph.web.marks import Point, Range, cut

WEB = Path(__file__).resolve().parents[1] / "src/historiograph/web"


@pytest.fixture(scope="module")
def client(corpus_db_file) -> TestClient:
    return TestClient(create_app(corpus_db_file))


@pytest.fixture(scope="module")
def handmade(handmade_db_file) -> TestClient:
    return TestClient(create_app(handmade_db_file))


def _event_with_notes(client: TestClient) -> dict:
    """A dated seed2 communication whose evidence carries a footnote with citations."""
    items = client.get("/timeline.json?doc=seed2_intervention&type=communication").json()["items"]
    for item in items:
        event = client.get(f"{item['url']}.json").json()
        if event["notes"] and event["notes"][0]["citations"] and event["notes"][0]["text"]:
            return event
    raise AssertionError("no seed2 communication with a cited footnote")


def _urls(client: TestClient) -> list[str]:
    """One URL per page: the pages with a parameter take a real value from the database."""
    event = client.get("/timeline.json").json()["items"][0]
    actor = client.get("/actors.json").json()["actors"][0]["id"]
    source = client.get("/sources.json").json()["sources"][0]["id"]
    values = {
        "doc_id": event["document"],
        "event_id": event["id"],
        "actor_id": actor,
        "source_id": source,
    }
    return [re.sub(r"\{(\w+)\}", lambda m: values[m[1]], p.path) for p in PAGES]


def test_every_page_renders_and_its_json_twin_carries_the_same_data(client):
    for url in _urls(client):
        page = client.get(url)
        assert page.status_code == 200, url
        assert page.headers["content-type"].startswith("text/html")
        assert "<title>" in page.text and "historiograph" in page.text
        twin = client.get("/index.json" if url == "/" else f"{url}.json")
        assert twin.status_code == 200 and twin.headers["content-type"] == "application/json"
        negotiated = client.get(url, headers={"Accept": "application/json"})
        assert negotiated.json() == twin.json(), url
        assert "_paragraphs" not in twin.text  # HTML-only keys stay out of the twin


def test_home_counts_the_corpus(client, corpus_db):
    home = client.get("/index.json").json()
    assert [d["id"] for d in home["documents"]] == ["seed1_armistice", "seed2_intervention"]
    n_events = corpus_db.execute("SELECT count(*) FROM events").fetchone()[0]
    assert home["counts"]["events"] == n_events
    assert sum(home["counts"]["events_by_type"].values()) == n_events
    assert (
        home["counts"]["sources"] == corpus_db.execute("SELECT count(*) FROM sources").fetchone()[0]
    )


def test_document_reader_links_markers_to_notes_and_highlights_all_evidence(client, corpus_db):
    page = client.get("/documents/seed2_intervention")
    data = client.get("/documents/seed2_intervention.json").json()
    stored = corpus_db.execute(
        "SELECT count(*) FROM event_evidence WHERE doc_id = 'seed2_intervention'"
    ).fetchone()[0]
    assert len(data["evidence"]) == stored > 0
    # note 88 (Roshchin to Stalin, 12 October) is linked from its marker and listed with its citation
    assert 'href="#note-88"' in page.text and 'id="note-88"' in page.text
    note = next(n for n in data["notes"] if n["n"] == 88)
    assert "Roshchin" in note["text"] and note["citations"][0]["kind"] == "archival"
    assert page.text.count('<mark class="evidence"') >= stored
    # the raw file is there too, for the toggle
    assert 'id="raw"' in page.text and data["raw"].startswith(data["raw"][:50])


def test_document_highlights_the_range_asked_for(client, corpus_db):
    text = corpus_db.execute(
        "SELECT text FROM documents WHERE id = 'seed2_intervention'"
    ).fetchone()[0]
    start = text.index("At 3:30 p.m. on October 12")
    end = start + len("At 3:30 p.m. on October 12")
    page = client.get(f"/documents/seed2_intervention?hl={start}-{end}")
    article = page.text[page.text.index('<article id="normalized"') :]
    marked = re.findall(r'<mark class="[^"]*target[^"]*"[^>]*>([^<]*)</mark>', article)
    assert "".join(marked) == "At 3:30 p.m. on October 12"


def test_seed1_notes_without_text_say_so(client):
    page = client.get("/documents/seed1_armistice")
    assert 'id="note-24"' in page.text
    assert "The text of note 24 is not in the file" in page.text


def test_event_page_shows_slots_evidence_in_context_and_footnotes(client, corpus_db):
    event = _event_with_notes(client)
    e = event["event"]
    url = f"/events/{e['document']}/{e['id']}"
    page = client.get(url).text
    span = e["evidence_spans"][0]
    text = corpus_db.execute(
        "SELECT text FROM documents WHERE id = ?", (e["document"],)
    ).fetchone()[0]
    assert text[span["start"] : span["end"]] == span["text"]
    highlighted = re.search(r'<mark class="evidence"[^>]*>(.*?)</mark>', page, re.S)[1]
    assert (
        highlighted.replace("&#39;", "'").replace("&#34;", '"').replace("&amp;", "&")
        == span["text"]
    )
    assert event["context"][0]["url"].endswith(f"#s-{event['context'][0]['sentence_idx']}")
    n = e["notes"][0]
    assert f'href="/documents/{e["document"]}#note-{n}"' in page
    cited = event["notes"][0]["citations"][0]
    assert cited["text"][:40].replace("&", "&amp;") in page.replace("&#34;", '"').replace(
        "&#39;", "'"
    )
    for role, people in event["roles"].items():
        for p in people:
            assert f'href="/actors/{p["id"]}"' in page, role
    assert ("Inferred: the evidence carries no marker" in page) == (n in e["notes_inferred"])


def test_event_page_says_when_a_note_is_inferred(client, corpus_db):
    met = next(
        e
        for e in queries.events(corpus_db, "seed2_intervention", "meeting")
        if e["evidence"].startswith("On July 12, Mao met")
    )
    page = client.get(f"/events/seed2_intervention/{met['id']}").text
    assert "Inferred: the evidence carries no marker" in page


def test_event_page_says_when_the_event_is_the_authors_inference(client, corpus_db):
    comm = queries.events(corpus_db, "seed2_intervention", "communication")
    inferred = next(e for e in comm if e["certainty"] == "inferred")
    stated = next(e for e in comm if e["certainty"] is None)
    assert "the author's inference" in client.get(
        f"/events/seed2_intervention/{inferred['id']}"
    ).text.replace("&#39;", "'")
    page = client.get(f"/events/seed2_intervention/{stated['id']}").text
    assert "the author's inference" not in page.replace("&#39;", "'")


def test_event_page_links_a_delivery_and_the_message_it_hands_over(client, corpus_db):
    comm = queries.events(corpus_db, "seed2_intervention", "communication")
    delivery = next(e for e in comm if e["delivers"] and "joint telegram" in e["evidence"])
    cable = next(e for e in comm if e["id"] == delivery["delivers"])
    assert cable["sender"] == ["Joseph Stalin", "Zhou Enlai"]
    page = client.get(f"/events/seed2_intervention/{delivery['id']}").text
    assert f'<th>delivers</th><td><a href="/events/seed2_intervention/{cable["id"]}">' in page
    page = client.get(f"/events/seed2_intervention/{cable['id']}").text
    assert (
        f'<th>delivered by</th><td><a href="/events/seed2_intervention/{delivery["id"]}">' in page
    )


def test_event_page_links_the_event_a_word_of_sequence_dates_it_by(client, corpus_db):
    followed = next(
        e
        for e in queries.events(corpus_db, "seed1_armistice", "communication")
        if e["evidence"].startswith("Following this decision, Mao")
    )
    assert followed["date"] == "1951-06" and followed["date_basis"].startswith("after ")
    page = client.get(f"/events/seed1_armistice/{followed['id']}").text
    other = followed["date_basis"].split()[1]
    assert f'<a class="date-basis" href="/events/seed1_armistice/{other}">' in page
    assert "the sentence places it after" in page


def test_decisions_page_shows_sequences_with_polarity_and_conditions(client):
    data = client.get("/decisions.json?doc=seed2_intervention").json()
    decisions = [d for g in data["groups"] for d in g["decisions"]]
    assert decisions and all(d["type"] == "decision" for d in decisions)
    assert any(d["polarity"] == "negative" for d in decisions)
    assert any(d["conditions"] for d in decisions)
    for group in data["groups"]:
        days = [(d["date"] or "9999").split("/")[0] for d in group["decisions"]]
        assert days == sorted(days)


def test_decisions_page_links_a_reversal_both_ways(handmade):
    data = handmade.get("/decisions.json?doc=reversal").json()
    [group] = data["groups"]
    no, yes = group["decisions"]
    assert (no["polarity"], yes["polarity"]) == ("negative", "positive")
    assert yes["conditions"] == ["the Soviet Union provided air cover"]
    assert yes["reverses"]["id"] == no["id"]
    page = handmade.get("/decisions?doc=reversal").text
    assert (
        f'reverses <a href="{no["url"]}">' in page
        and "if: the Soviet Union provided air cover" in page
    )
    earlier = handmade.get(f"{no['url']}.json").json()
    assert earlier["related"]["reversed_by"] == [{"id": yes["id"], "url": yes["url"]}]


def test_timeline_items_span_what_their_dates_stand_for(client):
    items = client.get("/timeline.json").json()["items"]
    month = next(i for i in items if i["date_precision"] == "month" and "/" not in i["date"])
    year, mon = map(int, month["date"].split("-"))
    assert month["start"] == f"{year}-{mon:02d}-01"
    assert month["end"] == (f"{year + 1}-01-01" if mon == 12 else f"{year}-{mon + 1:02d}-01")
    day = next(
        i for i in items if i["date_precision"] == "day" and not i["time"] and "/" not in i["date"]
    )
    assert day["start"] == day["date"] and day["end"] > day["start"]
    clock = next(i for i in items if i["time"])
    assert clock["start"].endswith(clock["time"]) and clock["end"] is None
    assert any(i["date_inferred"] and i["when"].startswith("~") for i in items)
    assert [i["start"] for i in items] == sorted(i["start"] for i in items)


def test_timeline_filters(client):
    mao = client.get("/timeline.json?actor=mao&type=decision&doc=seed2_intervention").json()
    assert mao["items"] and all(i["type"] == "decision" for i in mao["items"])
    assert all(i["document"] == "seed2_intervention" for i in mao["items"])
    everything = client.get("/timeline.json").json()
    assert len(everything["items"]) > len(mao["items"])


def test_network_changes_with_the_date_range(client):
    whole = client.get("/network.json").json()
    october = client.get("/network.json?from=1950-10-01&to=1950-10-31").json()
    assert 0 < len(october["edges"]) < len(whole["edges"])
    assert all("1950-10-01" <= e["first"] <= e["last"] <= "1950-10-31" for e in october["edges"])
    assert october["days"] == whole["days"]  # the slider's scale does not shrink with the range
    ids = {n["id"] for n in october["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in october["edges"])


def test_actor_and_source_pages(client):
    mao = client.get("/actors/mao.json").json()
    assert mao["actor"]["name"] == "Mao Zedong" and len(mao["actor"]["mentions"]) > 20
    assert any(p["id"] == "stalin" for p in mao["correspondents"])
    assert all("roles" in e for e in mao["events"])
    archival = client.get("/sources.json?kind=archival").json()["sources"]
    assert archival and all(s["kind"] == "archival" for s in archival)
    source = client.get(f"/sources/{archival[0]['id']}.json").json()["source"]
    assert source["cited_in"] and source["cited_in"][0]["sentences"]


def test_search_over_sentences_and_notes(client):
    hits = client.get("/search.json?q=air+cover").json()["hits"]
    assert {h["kind"] for h in hits} == {"sentence", "note"} or hits
    assert all("air" in h["text"].lower() for h in hits)
    assert client.get("/search.json?q=").json()["hits"] == []
    assert client.get("/search.json?q=%22%28").status_code == 200  # no FTS syntax error


def test_errors_have_one_shape(client):
    missing = client.get("/documents/no_such_doc.json")
    assert missing.status_code == 404
    assert missing.json()["error"]["status"] == 404
    assert "no document 'no_such_doc'" in missing.json()["error"]["message"]
    assert client.get("/documents/no_such_doc").status_code == 404
    assert client.get("/events/seed2_intervention/e999.json").status_code == 404
    bad = client.get("/network.json?from=October")
    assert bad.status_code == 400 and "not a date" in bad.json()["error"]["message"]
    assert client.get("/timeline.json?type=battle").status_code == 400
    unknown = client.get("/no/such/page.json")
    assert unknown.status_code == 404 and unknown.json()["error"]["status"] == 404


def test_the_explorer_is_read_only(client, corpus_db_file):
    before = hashlib.sha256(corpus_db_file.read_bytes()).hexdigest()
    assert client.post("/timeline").status_code == 405
    assert client.delete("/documents/seed2_intervention").status_code == 405
    for url in _urls(client):
        client.get(url)
    assert hashlib.sha256(corpus_db_file.read_bytes()).hexdigest() == before


def test_missing_or_foreign_database_fails_at_start(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        create_app(tmp_path / "none.db")
    junk = tmp_path / "junk.db"
    junk.write_text("not sqlite")
    with pytest.raises(StoreError, match="not a historiograph database"):
        create_app(junk)


def test_markup_in_a_document_is_escaped_everywhere(handmade):
    hostile = handmade
    urls = ["/", "/documents/hostile_markup", "/timeline", "/decisions", "/search?q=alert"]
    urls += [e["url"] for e in hostile.get("/timeline.json?doc=hostile_markup").json()["items"]]
    assert len(urls) > 5
    for url in urls:
        page = hostile.get(url)
        assert page.status_code == 200, url
        assert "<script>alert" not in page.text and "<img src=x" not in page.text, url
        assert "<b>bold</b>" not in page.text, url
        assert "script-src 'self'" in page.headers["content-security-policy"]
    reader = hostile.get("/documents/hostile_markup").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in reader
    assert "&lt;img src=x onerror=alert(2)&gt;" in reader


def test_templates_and_scripts_load_nothing_from_another_origin():
    for path in [*WEB.glob("templates/*.html"), *WEB.glob("static/*.js")]:
        text = path.read_text()
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", text), path
        assert "innerHTML" not in text, path  # text goes in as text (textContent), never as markup


def test_vendored_libraries_match_their_manifest_and_carry_licences():
    vendor = WEB / "static/vendor"
    manifest = json.loads((vendor / "MANIFEST.json").read_text())
    assert set(manifest) == {"vis-timeline", "cytoscape"}
    for name, lib in manifest.items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", lib["version"])
        assert any(f.startswith("LICENSE") for f in lib["files"]), name
        for file, digest in lib["files"].items():
            assert hashlib.sha256((vendor / name / file).read_bytes()).hexdigest() == digest, file


def test_cut_keeps_every_character_once_and_marks_overlaps():
    text = "Mao agreed. Stalin refused."
    pieces = cut(
        text,
        100,
        [Range(100, 111, "evidence", "e1"), Range(104, 127, "target")],
        [Point(100, "sentence", 0), Point(111, "marker", 3), Point(127, "events", ["e1"])],
    )
    assert "".join(p.text for p in pieces) == text
    assert [p.point.kind for p in pieces if p.point] == ["sentence", "marker", "events"]
    both = [p.text for p in pieces if p.kinds == ["evidence", "target"]]
    assert both == ["agreed."]
    assert pieces[-1].point.kind == "events"  # a point at the very end is kept


def test_event_page_says_which_slots_a_cited_document_gave(client, corpus_db):
    msg = next(
        e
        for e in queries.events(corpus_db, "seed2_intervention", "communication")
        if e["evidence"].startswith("Stalin expressed this sentiment in a message")
    )
    page = client.get(f"/events/seed2_intervention/{msg['id']}").text
    assert "from the document note 43 cites, not stated in the text" in page  # the date
    assert page.count("from the document note 43 cites") == 2  # the date and the channel


def test_filters_take_an_id_or_any_name_and_refuse_unknown_values(client):
    by_id = client.get("/decisions.json?actor=mao").json()["groups"]
    assert by_id and client.get("/decisions.json?actor=mao-zedong").json()["groups"] == by_id
    assert client.get("/decisions.json?actor=Mao%20Zedong").json()["groups"] == by_id
    titled = client.get(
        "/timeline.json?doc=China's%20Intervention%20in%20the%20Korean%20War%20Revisited"
    )
    assert titled.status_code == 200
    assert {i["document"] for i in titled.json()["items"]} == {"seed2_intervention"}
    for url in ("/decisions.json?actor=nobody-at-all", "/timeline.json?doc=no-such-doc"):
        r = client.get(url)
        assert r.status_code == 400
        assert set(r.json()["error"]) == {"status", "message"}
    assert client.get("/decisions?actor=nobody-at-all").status_code == 400


def test_flow_labels_are_cut_at_a_word_and_say_so():
    from historiograph.web.views import _clip

    assert _clip("Mao Zedong -> Joseph Stalin via N. V. Roshchin: refuse, verbal", 60) == (
        "Mao Zedong -> Joseph Stalin via N. V. Roshchin: refuse…"
    )
    assert _clip("send troops", 60) == "send troops"
    assert len(_clip("x" * 80, 60)) == 60
