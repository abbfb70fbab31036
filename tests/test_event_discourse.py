"""Constructions of English the events stage reads through the text: a recipient on the
adjective of "made clear to", what one "expresses", a meeting only asked for, a pair taken
back by "the two nations", and a named period that sets the story's time. Hand-written
sentences with invented or unlisted actors beside listed ones."""

from __future__ import annotations

from tests.test_actors import _layer
from tests.test_events import _events, _who
from tests.test_times import _times


def _one(text: str, etype: str):  # type: ignore[no-untyped-def]
    _, evs, names = _events(text)
    found = [e for e in evs if e.type == etype]
    return found, names


def test_made_clear_to_the_recipient_on_the_adjective():
    for text in (
        "Over the course of the talks, Mao and Zhou made clear to Nixon that China would wait.",
        "In May 1961, Prime Minister Ferdinand Kovacs made it clear to President John F. Kennedy"
        " that Ruritania would not join.",
        "Zhou Enlai made known to Panikkar that China would intervene.",
    ):
        evs, names = _one(text, "communication")
        assert len(evs) == 1, text
        assert _who(evs[0], "recipient", names), text
        assert not set(evs[0].actors("recipient")) & set(evs[0].actors("sender")), text
    # what an act made plain, told to no one, is no message
    evs, _ = _one(
        "In 1941, Japan signed a pact with the Soviet Union, making it clear that Japan would"
        " move south.",
        "communication",
    )
    assert evs == []


def test_what_is_expressed_gives_the_act():
    cases = {
        "The Soviet government expressed support for the proposal.": "agree",
        "The Soviet government expressed opposition to the plan.": "refuse",
        "Through the Pakistani channel, the Chinese government expressed interest in talks"
        " with the United States.": "propose",
        "In 1942, the Soviet government expressed concern that Britain was too weak.": "inform",
    }
    for text, act in cases.items():
        evs, _ = _one(text, "communication")
        assert [e.act for e in evs] == [act], text
    # what one merely feels, told to no one and of no kind the lexicon lists, is no message
    evs, _ = _one("The Soviet government expressed the mood of the whole country.", "communication")
    assert evs == []


def test_a_meeting_only_proposed_or_asked_for_is_not_held():
    for text in (
        "China proposed discussions with the United States.",
        "China called for talks with the United States.",
        "China expressed interest in high level talks with the United States.",
    ):
        meetings, _ = _one(text, "meeting")
        assert meetings == [], text
    # but a message told at a meeting was told at one that was held
    for text in (
        "China proposed a truce at the meeting with the United States on May 3.",
        "Peng, in the Politburo meeting held on October 13, argued that China should act.",
    ):
        meetings, _ = _one(text, "meeting")
        assert len(meetings) == 1, text


def test_the_two_nations_take_back_the_pair_named_before():
    for text, etype, role, pair in (
        (
            "Australia and New Zealand were members of the Empire. In 1942, these two nations"
            " asked Britain for help.",
            "communication", "sender", ["Australia", "New Zealand"],
        ),
        (
            "Both Egypt and Syria attacked in 1973. In 1974 both governments asked Moscow for"
            " arms.",
            "communication", "sender", ["Egypt", "Syria"],
        ),
        (
            "In 1945 Truman and Attlee met at Potsdam. The two leaders agreed on a statement.",
            "decision", "actor", ["Harry S. Truman", "Clement Attlee"],
        ),
    ):  # fmt: skip
        evs, names = _one(text, etype)
        assert _who(evs[0], role, names) == pair, text
    # three named, "the two" asked for: no pair is taken back, and nobody is invented
    evs, names = _one(
        "Japan, Germany and Italy met in 1940. In 1941 the two nations asked Spain for help.",
        "communication",
    )
    assert all(not e.actors("sender") for e in evs)
    # a phrase that says which nations itself names no earlier pair
    evs, names = _one(
        "France and Italy signed a pact in 1950. In 1951, the nations of Europe asked Spain for"
        " help.",
        "communication",
    )
    assert all(set(e.actors("sender")) != {"france", "italy"} for e in evs)


def test_a_period_that_opens_a_sentence_dates_what_follows():
    text = (
        "In 1937 the generals abducted Chiang. The Nationalists fought on.\n\n"
        "During World War II, popular support for the Communists increased. U.S. officials in"
        " China reported a suppression of dissent."
    )
    _, evs, _ = _events(text)
    report = next(e for e in evs if e.type == "communication")
    assert report.date == "1939/1945" and report.date_inferred
    # a place of meeting named first ("At Yalta, …") or a period inside the sentence does not
    text = (
        "In 1937 the generals abducted Chiang.\n\n"
        "Support for the Communists increased during World War II. U.S. officials in China"
        " reported a suppression of dissent."
    )
    _, evs, _ = _events(text)
    report = next(e for e in evs if e.type == "communication")
    assert report.date == "1937"


def test_shuttling_between_two_is_meeting_both_and_dated_before_its_outcome():
    _, evs, names = _events(
        "On January 11, 1974, Kissinger arrived in Aswan. Kissinger shuttled between Israel and"
        " Egypt for a week, reaching an agreement on January 18."
    )
    shuttle = next(e for e in evs if e.type == "meeting" and e.trigger == "shuttled")
    assert set(_who(shuttle, "participant", names)) >= {"Israel", "Egypt"}
    # the date of what came of it ("reaching an agreement on January 18") is not its own
    assert shuttle.date == "1974-01-11" and shuttle.date_inferred


def test_assenting_at_the_talks_is_a_concession():
    _, evs, _ = _events(
        "The negotiations between Israel and Syria resumed in May 1974. By mid-May, both sides"
        " had agreed to compromises, and Israel had assented to a civilian Syrian presence in"
        " Quneitra."
    )
    steps = [(e.act, e.actors("actor")) for e in evs if e.type == "negotiation"]
    assert ("concede", ["israel"]) in steps


def test_a_proviso_clause_states_no_event():
    for text in (
        "On May 3, 1952, the delegates of the UNC endorsed the idea, provided an armistice was"
        " concluded within 30 days.",
        "On May 3, 1952, China agreed to send troops, on condition that the Soviet Union met"
        " with Kim.",
        "On May 3, 1952, China agreed to send troops as long as the Soviet Union met with Kim.",
    ):
        _, evs, _ = _events(text)
        assert [e.type for e in evs if e.type in ("negotiation", "meeting")] == [], text
    # the word alone is no proviso: "provided maps" is what was done
    _, evs, _ = _events("On May 3, 1952, the Soviet Union provided maps and met with Kim.")
    assert [e.type for e in evs] == ["meeting"]


def test_a_meeting_recalled_by_its_owner_is_the_one_told_before():
    _, evs, names = _events(
        "John F. Kennedy met with President Eisenhower on January 19, 1961, with two goals in"
        " mind.\n\n"
        "The situation in Laos was grave. Laos was the cork in the bottle, as Eisenhower"
        " summarized in his meeting with Kennedy."
    )
    meetings = [e for e in evs if e.type == "meeting"]
    assert len(meetings) == 1 and meetings[0].date == "1961-01-19"
    assert len(meetings[0].evidence) == 2
    said = next(e for e in evs if e.type == "communication")
    assert said.date == "1961-01-19"
    # another pair, or a meeting the text dates itself, stays its own
    _, evs, _ = _events(
        "John F. Kennedy met with President Eisenhower on January 19, 1961.\n\n"
        "On January 27, 1961, Eisenhower summarized the crisis in his meeting with Kennedy."
    )
    assert len([e for e in evs if e.type == "meeting"]) == 2


def test_a_counted_phrase_takes_as_many_as_it_counts():
    # "the two sides" after one body acted: no one, rather than that body
    _, evs, _ = _events(
        "In 1950, the People's Republic of China entered the war, and the Department of State"
        " worked to isolate Peking. Only in 1953 did the two sides reach an uneasy truce."
    )
    assert all(e.actors("actor") != ["state-department"] for e in evs if e.type == "negotiation")
    # … and the paragraph's last subject that names two, past a subject that names one
    _, evs, names = _events(
        "The negotiations between Israel and Syria resumed in May 1974. By mid-May, Syria and"
        " Israel had agreed to compromises, and Israel had assented to a civilian presence."
        " On May 16, Henry Kissinger offered an American proposal. Both sides wanted"
        " modifications to this American proposal, however, and negotiations dragged on."
    )
    wanted = next(e for e in evs if e.trigger == "wanted")
    assert set(wanted.actors("actor")) == {"syria", "israel"}


def test_talks_concluded_by_several_were_held_not_decided():
    _, evs, names = _events(
        "In July 1971, Henry Kissinger and Zhou Enlai concluded a series of secret talks in"
        " Beijing."
    )
    assert [(e.type, sorted(_who(e, "participant", names))) for e in evs] == [
        ("meeting", ["Henry Kissinger", "Zhou Enlai"])
    ]
    # one who concludes talks alone, or concludes that …, states neither meeting nor decision
    for text in (
        "In July 1971, Henry Kissinger concluded a series of secret talks in Beijing.",
        "In July 1971, Henry Kissinger concluded that the talks had failed.",
    ):
        _, evs, _ = _events(text)
        assert evs == [], text


def test_years_count_from_the_last_year_stated():
    def values(text: str) -> list[tuple[str, str | None]]:
        return [(t.text, t.value) for t in _times(text)]

    assert values(
        "On April 11, 1951, Truman dismissed MacArthur. In 1984, the treaty began to unravel."
        " Two years later, Shultz met Hayden."
    )[-1] == ("Two years later", "1986")
    # with no later year stated, the day the narrative is at still counts
    assert values("On April 11, 1951, Truman dismissed MacArthur. Two years later, the war ended.")[
        -1
    ] == ("Two years later", "1953")
    assert values(
        "In 1950 the war began. In 1951 talks began. The following year the talks stalled."
    )[-1] == ("The following year", "1952")


def test_an_alias_with_its_article_opens_a_sentence():
    _, evs, names = _events(
        "On October 22, 1962, President Kennedy met his advisers. The President also went on"
        " national television that evening to inform the public of the developments in Cuba."
    )
    told = next(e for e in evs if e.type == "communication" and e.act == "inform")
    # "The President", at the start of a sentence, is the role, held then by Kennedy
    assert told.actors("sender") == ["john-f-kennedy"]


def test_a_course_decided_without_saying_which_is_the_one_named_after():
    _, evs, _ = _events(
        "On October 16, 1962, Kennedy's advisers were divided. The President decided upon a"
        " middle course. On October 22, he informed the public of his decision to initiate and"
        " enforce a quarantine of Cuba."
    )
    decisions = [e for e in evs if e.type == "decision"]
    assert len(decisions) == 1 and len(decisions[0].evidence) == 2
    # a decision that says which course stays apart from a later one on another
    _, evs, _ = _events(
        "On October 16, 1962, the President decided to blockade Cuba. On October 22, he"
        " informed the public of his decision to seek talks with Moscow."
    )
    assert len([e for e in evs if e.type == "decision"]) == 2


def test_a_question_to_decide_is_no_decision():
    for text in (
        "In 1945 President Harry Truman had to decide whether to continue this policy.",
        "In 1962 the council debated and decided whether the Prime Minister would resign.",
    ):
        _, evs, _ = _events(text)
        assert [e for e in evs if e.type == "decision"] == [], text
    _, evs, _ = _events("In 1945, President Harry Truman decided that the bomb would be used.")
    assert [e.type for e in evs] == ["decision"]


def test_a_possessive_name_is_its_owner():
    _, layer = _layer(
        "Though only nominally democratic, Chiang Kai-shek’s Nationalist government received"
        " U.S. support. In 1945, Chiang Kai-shek and Mao Zedong met in Chongqing."
    )
    names = {a.name for a in layer.actors.values()}
    assert "Chiang Kai-shek" in names
    assert not any("Nationalist" in n and "Chiang" in n for n in names)


def test_a_series_of_agreements_is_agreements():
    for text in (
        "In 1972, Washington and Moscow reached a series of agreements that aimed to reduce"
        " tensions.",
        "In 1972, Washington and Moscow signed a series of agreements.",
    ):
        _, evs, _ = _events(text)
        assert [(e.type, e.act) for e in evs] == [("negotiation", "agree")], text


def test_a_title_and_surname_are_the_office_holder_of_the_day():
    norm, layer = _layer(
        "On October 16, 1962, President Kennedy met his advisers. Kennedy chose a quarantine."
        " Attorney General Robert Kennedy agreed."
    )
    by_text = {norm[m.start : m.end]: m.actor_id for m in layer.mentions}
    assert by_text["President Kennedy"] == by_text["Kennedy"] == "john-f-kennedy"
    assert by_text["Attorney General Robert Kennedy"] != "john-f-kennedy"
    # in 1950 "President Kennedy" held no such office: not made the later President
    _, layer = _layer("In March 1950, President Kennedy of the Rotary Club spoke in Boston.")
    assert all(m.actor_id != "john-f-kennedy" for m in layer.mentions)


def test_a_surname_named_once_in_passing_does_not_take_the_bare_surname():
    norm, layer = _layer(
        "In 1940, President Franklin D. Roosevelt proposed Lend-Lease. Franklin D. Roosevelt"
        " signed it in 1941.\n\nLuce drew upon the internationalism of Theodore Roosevelt.\n\n"
        "Roosevelt, on the other hand, wanted the British Government to affirm its aims."
    )
    last = max(
        (m for m in layer.mentions if norm[m.start : m.end] == "Roosevelt"),
        key=lambda m: m.start,
        default=None,
    )
    assert last is None or last.actor_id == "franklin-roosevelt"


def test_not_acting_without_a_thing_is_acting_on_that_condition():
    cases = {
        "On October 5, 1950, the Politburo decided that China would not enter the war without"
        " Soviet air cover.": ("China would enter the war", "Soviet air cover"),
        "On May 2, 1962, Prime Minister Ferdinand Kovacs reached a decision not to sign the"
        " treaty without guarantees of Ruritanian security.": (
            "sign the treaty",
            "guarantees of Ruritanian security",
        ),
    }
    for text, (what, condition) in cases.items():
        evs, _ = _one(text, "decision")
        assert [(e.polarity, e.summary, e.conditions) for e in evs] == [
            ("positive", what, [condition])
        ], text
    # a plain refusal stays one
    evs, _ = _one("On May 2, 1962, Nehru decided not to sign the treaty.", "decision")
    assert [(e.polarity, e.conditions) for e in evs] == [("negative", [])]


def test_a_decision_on_a_condition_is_not_reversed_unless_the_text_says_so():
    told = (
        "On May 2, 1962, the Ruritanian cabinet decided to send troops if Moscow provided air"
        " cover. On May 9, 1962, the Ruritanian cabinet decided not to send troops."
    )
    evs, _ = _one(told, "decision")
    assert [e.polarity for e in evs] == ["positive", "negative"]
    assert evs[1].reverses is None  # the condition may have failed
    evs, _ = _one(told.replace("decided not", "decided instead not"), "decision")
    assert evs[1].reverses == evs[0].id
    # a yes after a plain no reverses it
    evs, _ = _one(
        "On May 2, 1962, the Ruritanian cabinet decided not to send troops. On May 9, 1962,"
        " the Ruritanian cabinet decided to send troops.",
        "decision",
    )
    assert evs[1].reverses == evs[0].id


def test_a_decision_told_in_the_past_perfect_is_the_one_taken_before():
    evs, _ = _one(
        "On May 2, 1962, the Ruritanian cabinet decided to send troops to Borduria. On May 9,"
        " the foreign minister left for Moscow. This suggests that the Ruritanian cabinet had"
        " reached a consensus prior to the minister's departure that Ruritania would send troops.",
        "decision",
    )
    assert len(evs) == 1 and evs[0].date == "1962-05-02" and len(evs[0].evidence) == 2


def test_what_was_decided_keeps_its_brackets_closed():
    for text in (
        "On July 7, 1950, the Ruritanian cabinet decided to establish the Border Defense Army"
        " (BDA), consisting of four armies.",
        "On July 7, 1950, the Ruritanian cabinet decided to establish the Border Defense Army"
        " (BDA).",
    ):
        evs, _ = _one(text, "decision")
        assert [e.summary for e in evs] == ["establish the Border Defense Army (BDA)"], text


def test_an_operation_named_again_by_its_noun_is_one_event():
    evs, _ = _one(
        "In 1979, the Soviet invasion of Ruritania in December 1979 forced Carter to delay"
        " the treaty. Events in Asia were followed by problems in Zaire and finally the"
        " Soviet invasion of Ruritania in December 1979. In March 1980, the Soviet"
        " invasion of Syldavia began.",
        "military",
    )
    told = sorted((e.summary.casefold(), e.date, len(e.evidence)) for e in evs)
    assert told == [
        ("the soviet invasion of ruritania in december 1979", "1979-12", 2),
        ("the soviet invasion of syldavia", "1980-03", 1),
    ], told


def test_a_date_in_a_past_perfect_look_back_is_not_the_story_time():
    _, evs, _ = _events(
        "In March 1977, Ruritania expelled its Soviet advisers. Borduria had signed a treaty"
        " with Moscow in 1974. The Ruritanian army invaded Borduria."
    )
    assert [(e.type, e.date) for e in evs] == [("negotiation", "1974"), ("military", "1977-03")]
    # a date that opens the sentence still sets the story's time
    _, evs, _ = _events(
        "In August 1950, the war had entered a stalemate. Mao ordered the army to prepare."
    )
    assert [(e.type, e.date) for e in evs] == [("communication", "1950-08")]


def test_a_state_agreeing_to_act_answers_another_a_body_decides():
    cases = {
        "In November 1962, the quarantine continued until the Soviets agreed to remove their"
        " bombers from Cuba.": ("communication", "agree"),
        "In 1958, Ruritania and Japan met, and Japan agreed to withdraw its troops.": (
            "communication",
            "agree",
        ),
        "On October 13, 1950, the Politburo agreed to send troops to Korea.": ("decision", None),
        "In May 1962, the Ruritanian cabinet agreed to send troops.": ("decision", None),
    }
    for text, (etype, act) in cases.items():
        _, evs, _ = _events(text)
        assert (etype, act) in [(e.type, e.act) for e in evs], (text, evs)


def test_who_made_a_trip_took_part_in_it():
    for text in (
        "In 1972, President Richard Nixon made a trip to China.",
        "In October 1971, Henry Kissinger undertook a second trip to China.",
    ):
        evs, names = _one(text, "meeting")
        assert len(evs) == 1, text
        assert "People's Republic of China" in _who(evs[0], "participant", names), text
        assert len(_who(evs[0], "participant", names)) == 2, text
