"""What a document a footnote cites adds to the message it documents (channel, via, date)."""

from __future__ import annotations

from historiograph.pipeline import ingest_paths
from historiograph.store import queries
from historiograph.store.db import connect

CABLES = """# Cables

Soviet Ambassador N. V. Roshchin and T. F. Shtykov, the envoy in Pyongyang, carried most of the traffic.

On July 5, 1950, Stalin agreed to the Chinese request.¹ On July 13, Kim Il-sung made a request to Stalin for troops.²

On August 26, Kim Il-sung asked Shtykov for help. Stalin also expressed this view in a message to the Czechoslovak leader Klement Gottwald.³ On September 1, Stalin told Kim Il-sung that help would come.⁴ On July 20, Mao told Stalin that he was ready.⁵

On the night of October 2, 1950, Mao conveyed a verbal message to Stalin. Mao proposed that the troops wait.⁶

1. Telegram from Stalin to Roshchin, July 5, 1950, RGASPI, Fond 558, Opis 11, Delo 334, List 79.

2. Telegram from Shtykov to Stalin, July 15, 1950, TsAMO, Fond 5, Opis 918795, Delo 122, Listy 303-305.

3. Telegram from Stalin to Gottwald, August 27, 1950, RGASPI, Fond 558, Opis 11, Delo 62, Listy 71-72.

4. Telegram from Stalin to Kim Il-sung via Shtykov, September 1, 1950, APRF, Fond 45, Opis 1, Delo 347, Listy 5-6.

5. Telegram from Mao Zedong to Stalin, September 30, 1950, RGASPI, Fond 558, Opis 11, Delo 334, List 100.

6. Mao's verbal message to Stalin via Roshchin, October 3, 1950, RGASPI, Fond 558, Opis 11, Delo 334, Listy 105-106.
"""


def _messages(tmp_path) -> dict[str, dict]:
    path = tmp_path / "cables.md"
    path.write_text(CABLES, encoding="utf-8")
    db = connect(tmp_path / "t.db")
    assert ingest_paths(db, [path]).ok
    found = queries.events(db, "cables", "communication")
    return {e["evidence"].split(",")[0].split(" that")[0]: e for e in found}


def test_the_senders_own_telegram_gives_channel_recipient_intermediary_and_date(tmp_path):
    m = _messages(tmp_path)
    agreed = m["On July 5"]  # the text names no recipient: the telegram's addressee, flagged
    assert (agreed["channel"], agreed["recipient"]) == ("telegram", "N. V. Roshchin")
    assert agreed["from_note"] == {"recipient": 1, "channel": 1}
    told = m["On September 1"]  # "Telegram from Stalin to Kim Il-sung via Shtykov"
    assert (told["recipient"], told["via"], told["from_note"]["via"]) == (
        "Kim Il Sung",
        "T. F. Shtykov",
        4,
    )
    # The text dates it only by carrying "August 26" on; the telegram is dated the 27th.
    gottwald = m[
        "Stalin also expressed this view in a message to the Czechoslovak leader Klement Gottwald."
    ]
    assert gottwald["recipient"] == "Klement Gottwald" and "recipient" not in gottwald["from_note"]
    assert (gottwald["date"], gottwald["date_inferred"], gottwald["from_note"]["date"]) == (
        "1950-08-27",
        False,
        3,
    )


def test_an_envoys_report_to_the_recipient_makes_him_the_intermediary(tmp_path):
    asked = _messages(tmp_path)["On July 13"]
    assert (asked["sender"], asked["recipient"], asked["via"]) == (
        "Kim Il Sung",
        "Joseph Stalin",
        "T. F. Shtykov",
    )
    assert asked["from_note"] == {"via": 2, "channel": 2}


def test_a_document_that_contradicts_the_stated_date_adds_nothing(tmp_path):
    ready = _messages(tmp_path)["On July 20"]  # the cited telegram is of September 30
    assert (ready["date"], ready["channel"], ready["from_note"]) == ("1950-07-20", None, {})


def test_a_date_the_text_gives_the_same_message_stays(tmp_path):
    # The record of the night's verbal message is filed on October 3; the text dates it.
    proposed = _messages(tmp_path)["Mao proposed"]
    assert (proposed["date"], proposed["via"], proposed["channel"]) == (
        "1950-10-02",
        "N. V. Roshchin",
        "verbal",
    )
    assert "date" not in proposed["from_note"]


def test_seed2_messages_completed_from_the_archival_documents_cited(corpus_db):
    found = queries.events(corpus_db, "seed2_intervention", "communication")

    def starting(text: str) -> dict:
        return next(e for e in found if e["evidence"].startswith(text))

    gottwald = starting("Stalin expressed this sentiment in a message")
    assert (gottwald["recipient"], gottwald["date"], gottwald["channel"]) == (
        "Klement Gottwald",
        "1950-08-27",
        "telegram",
    )
    kim = starting("On July 13, 1950, as U.S. air raids")
    assert (kim["via"], kim["from_note"]) == ("T. F. Shtykov", {"via": 38, "channel": 38})
    # The verbal message of the night of October 2, restated ("In the former, Mao stated"):
    # its record is filed on October 3, but the text dates it.
    former = next(
        e for e in found if any(s["text"].startswith("In the former") for s in e["evidence_spans"])
    )
    assert (former["date"], former["via"], former["channel"]) == (
        "1950-10-02",
        "N. V. Roshchin",
        "verbal",
    )
    for e in found:
        for slot, n in e["from_note"].items():
            assert n in e["notes"], (e["id"], slot)
