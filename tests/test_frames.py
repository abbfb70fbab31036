"""Event frames (data/frames.toml): a verb whose event type depends on what it acts on."""

from __future__ import annotations

import pytest

from historiograph.errors import InputError
from historiograph.stages.events.frames import load_frames, parse_frames
from tests.test_events import _events, _who


def _typed(text: str) -> list[tuple[str, str | None, str | None]]:
    _, evs, _ = _events(text)
    return [(e.type, e.act, e.polarity) for e in evs]


@pytest.mark.parametrize(
    "sentence",
    [
        "On May 31, 1974, Syria and Israel signed a disengagement agreement.",
        "In 1953 the United States and South Korea signed a mutual security treaty.",
        "The treaty, which Egypt and Israel signed on September 4, 1975, held.",  # relative
        "The Shanghai Communiqué was signed by China and the United States in 1972.",  # passive
    ],
)
def test_frames_a_treaty_signed_is_an_agreement(sentence):
    assert ("negotiation", "agree", None) in _typed(sentence)


def test_frames_agreement_needs_two_parties():
    # two states, or a partner named with "with": the parties agree
    _, evs, names = _events(
        "In July 1962 Nikita Khrushchev reached a secret agreement with Fidel Castro."
    )
    (ev,) = [e for e in evs if e.type == "negotiation"]
    assert ev.act == "agree" and set(_who(ev, "actor", names)) >= {"Nikita Khrushchev"}
    both = _typed("In 1945 the United States and the Soviet Union agreed to divide Korea.")
    assert ("negotiation", "agree", None) in both
    # one side agreeing among itself decides
    alone = _typed("On October 13, 1950, the Politburo agreed to send troops to Korea.")
    assert alone and alone[0][0] == "decision"


@pytest.mark.parametrize(
    "sentence, polarity",
    [
        ("By March 18, 1974, Saudi Arabia lifted the oil embargo.", "positive"),
        ("In 1971, Richard Nixon eased the travel restrictions against China.", "positive"),
        ("On September 17, 1986, the United States suspended its treaty obligations.", "positive"),
        ("On August 9, 1974, President Richard Nixon resigned the presidency.", "positive"),
        ("In January 1980 President Jimmy Carter withdrew the SALT II treaty.", "positive"),
        ("In 1952 the ANZUS Treaty was ratified by the United States.", "positive"),
        (
            "In January 1961 President John F. Kennedy appointed W. Averell Harriman as Ambassador.",
            "positive",
        ),
        ("In 1953, Eisenhower ultimately rejected the idea of using nuclear coercion.", "negative"),
        (
            "On October 28, 1974, the Arab League announced a resolution that recognized the PLO.",
            "positive",
        ),
        (
            "In May 1961, the UN Security Council passed a resolution condemning the coup.",
            "positive",
        ),
        (
            "In March 1975, President Gerald Ford called for a reassessment of U.S. policy.",
            "positive",
        ),
        (
            "In 1962, Prime Minister Ferdinand Kovacs ordered a review of the aid program.",
            "positive",
        ),
        ("In June 1975, President Gerald Ford backtracked.", "positive"),
        ("In June 1975, the Ruritanian cabinet backed down.", "positive"),
    ],
)
def test_frames_policy_acts_are_decisions(sentence, polarity):
    decisions = [t for t in _typed(sentence) if t[0] == "decision"]
    assert decisions and decisions[0][2] == polarity


def test_frames_military_moves_and_what_is_not_one():
    assert _typed("In 1948 President Truman deployed B-29 bombers to Britain.")[0][0] == "military"
    # planned, asked for, on the way to something else, or a description: no operation
    for sentence in (
        "In August 1950 the leadership wanted to dispatch troops as quickly as possible.",
        "In 1950 Kim requested that Chinese ground forces be dispatched to Korea.",
        "The 151st air division, stationed in Shenyang in 1950, moved north.",
    ):
        assert "military" not in [t[0] for t in _typed(sentence)], sentence


def test_frames_rejecting_what_someone_said_is_an_answer_not_a_decision():
    evs = _typed(
        "On October 11, 1950, Stalin insisted that the KPA should withdraw. Lin Biao rejected"
        " this idea."
    )
    assert ("communication", "refuse", None) in evs and not any(t[0] == "decision" for t in evs)


def test_frames_file_is_checked_and_extensible(tmp_path):
    frames = load_frames()
    assert any("sign" in f.verbs and "treaty" in f.objects for f in frames.frames)
    mine = parse_frames(
        {"frame": [{"verbs": ["annex"], "type": "military"}], "parties": {"nouns": ["side"]}},
        "mine.toml",
    )
    assert mine.for_verb(["annex"])[0].type == "military"
    with pytest.raises(InputError, match="frame 1 needs verbs or nouns and a type"):
        parse_frames({"frame": [{"verbs": ["annex"], "type": "conquest"}]}, "bad.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[[frame]\n", "utf-8")
    with pytest.raises(InputError, match="cannot read frames"):
        load_frames(bad)


def test_frames_nominal_events_need_who_acted():
    _, evs, names = _events(
        "In May 1974 the talks went on. The agreement led to the withdrawal of Israeli forces"
        " in June 1974, and Henry Kissinger's second trip to Egypt followed in July 1974."
    )
    kinds = {(e.type, tuple(_who(e, "actor", names) or _who(e, "participant", names))) for e in evs}
    assert ("military", ("Israel",)) in kinds
    assert any(t == "meeting" and "Egypt" in who for t, who in kinds)
    # a bare nominal names no one: no event
    assert not [
        e for e in _events("In 1974 the withdrawal was discussed.")[1] if e.type == "military"
    ]


def test_frames_caused_acts_are_the_objects_acts():
    _, evs, names = _events(
        "The fall of China in 1949 led the United States to suspend diplomatic ties with Beijing."
    )
    (ev,) = [e for e in evs if e.type == "decision"]
    assert _who(ev, "actor", names) == ["United States"] and ev.polarity == "positive"


def test_frames_governments_at_the_table_take_negotiation_steps():
    _, evs, names = _events(
        "In January 1974 Kissinger began the negotiations between Egypt and Israel. Israel"
        " proposed a disengagement line on January 4. Egypt agreed to most of the assurances"
        " on January 18. Israel wanted Egypt to reopen the canal."
    )
    steps = [(e.act, _who(e, "actor", names)) for e in evs if e.type == "negotiation"]
    assert ("propose", ["Israel"]) in steps and ("agree", ["Egypt"]) in steps
    assert not any(act == "resume" for act, _ in steps)  # only wanted, not done


def test_a_publication_does_not_act_for_the_names_it_holds():
    _, evs, names = _events(
        "In August of 1949, the Truman administration published the “China White Paper,” which"
        " explained past U.S. policy toward China."
    )
    assert not [e for e in evs if "prc" in e.actors("sender") or "prc" in e.actors("actor")]


@pytest.mark.parametrize(
    "sentence, actor",
    [
        ("In 1942, the city of Darwin suffered frequent Japanese air raids.", "Japan"),
        ("In 1979, the Soviet invasion of Afghanistan ended detente.", "Soviet Union"),
        (
            "In 1961 Soviet aircraft were conducting resupply missions for Kong Le's forces.",
            "Soviet Union",
        ),
        ("U.S. Jupiter missiles were removed from Turkey in April 1963.", "United States"),
        (
            "After Japan's unconditional surrender to the Allied Powers in August 1945, SCAP ruled.",
            "Japan",
        ),
        (
            "In 1936 the civil war between the Chinese Communist Party and the Nationalist Party resumed.",
            "Chinese Communist Party",
        ),
        ("In 1975 the agreement led to the withdrawal of Israeli forces from the Sinai.", "Israel"),
    ],
)
def test_frames_operations_named_by_their_nouns_and_moves(sentence, actor):
    _, evs, names = _events(sentence)
    military = [e for e in evs if e.type == "military"]
    assert military and actor in _who(military[0], "actor", names)
    # who an operation was done to is not who did it
    assert "Afghanistan" not in _who(military[0], "actor", names)


@pytest.mark.parametrize(
    "sentence",
    [
        "In 1950 an early Chinese intervention would jeopardize this favorable situation.",
        "On September 11, 1950, Truman authorized the UN occupation of North Korea.",
        "The Chinese leadership had no plan to launch a preemptive attack in October 1950.",
        "In 1950 Mao feared a clash between China and the United States.",
    ],
)
def test_frames_an_operation_spoken_of_is_not_one_that_took_place(sentence):
    assert "military" not in [t for t, _, _ in _typed(sentence)]


def test_frames_engaged_in_combat_and_late_dates():
    _, evs, names = _events(
        "In late 1960, General Phoumi's forces were engaged in combat with a neutralist force."
    )
    (ev,) = [e for e in evs if e.type == "military"]
    assert ev.date == "1960-10/1960-12"  # "late 1960": its last quarter
    _, evs, names = _events(
        "In 1960 the United States supported General Nosavan Phoumi, whose forces were"
        " engaged in combat with a neutralist force."
    )
    (ev,) = [e for e in evs if e.type == "military"]
    assert _who(ev, "actor", names) == ["Nosavan Phoumi"]  # "whose": the one described


def test_frames_a_publication_is_a_message_to_no_one_its_title_names():
    _, evs, names = _events(
        "In August of 1949, the Truman administration published the “China White Paper,”"
        " which explained past U.S. policy toward China."
    )
    (ev,) = [e for e in evs if e.type == "communication"]
    assert ev.act == "inform" and _who(ev, "sender", names) == ["United States"]
    assert not ev.actors("recipient")  # not China, whose name the paper's title holds
    # a communiqué of two governments is still an agreement
    assert ("negotiation", "agree", None) in _typed(
        "In 1972 Egypt and Israel issued a joint communiqué."
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "In 1950 the United States Government began a massive military build-up.",
        "In 1961 the Soviet Union started a rearmament program.",
    ],
)
def test_frames_starting_a_programme_is_a_decision(sentence):
    assert [t for t, _, _ in _typed(sentence)] == ["decision"]
