"""One decision told twice is one decision: in other words of the same course, by its noun
and owner after it was taken, but not one told in the past perfect on a carried date."""

from historiograph.ingest.article import parse_article
from historiograph.stages.actors import find_actors
from historiograph.stages.events import find_events
from historiograph.stages.events.linking import _stems
from historiograph.stages.lexicon import load_lexicon
from historiograph.stages.nlp import parse_paragraphs
from historiograph.stages.times import time_document


def _decisions(text: str) -> list:  # type: ignore[type-arg]
    doc = parse_article(f"A title\n\n{text}\n", "x")
    times = time_document(doc)
    parsed = parse_paragraphs(doc)
    layer = find_actors(doc, times, parsed=parsed)
    return [e for e in find_events(doc, times, layer, parsed) if e.type == "decision"]


def test_a_decision_named_later_by_its_noun_is_the_one_taken_before():
    for recalled in (
        "On May 9, Rossi informed the ambassador of his decision to withdraw the garrison.",
        "On May 9, Rossi told the ambassador about his decision to withdraw the garrison.",
    ):
        found = _decisions(
            "On May 3, 1961, Prime Minister Aldo Rossi decided to withdraw the garrison from"
            " the border. The opposition protested in the streets for two days. " + recalled
        )
        assert len(found) == 1, [(d.trigger, d.summary, d.date) for d in found]
        assert found[0].date == "1961-05-03"  # taken then, told of on May 9
        assert len(found[0].evidence) == 2


def test_a_decision_named_by_its_noun_with_nothing_before_is_its_own():
    found = _decisions(
        "On May 9, 1961, Prime Minister Aldo Rossi informed the ambassador of his decision"
        " to withdraw the garrison."
    )
    assert [(d.summary, d.polarity) for d in found] == [("withdraw the garrison", "positive")]


def test_the_same_course_in_other_words_on_one_day_is_one_decision():
    for first, second in (
        ("decided to dispatch troops to the island", "agreed to intervene"),
        ("decided to send troops to the island", "decided to enter the war"),
        ("decided to intervene", "resolved to deploy troops on the island"),
    ):
        found = _decisions(
            f"On June 2, 1965, the Ruritanian Defense Council {first}. Ships were made ready that"
            f" night. On June 2, the Ruritanian Defense Council {second}."
        )
        assert len(found) == 1, (first, second, [d.summary for d in found])
        assert len(found[0].evidence) == 2


def test_other_courses_or_other_days_stay_apart():
    for first, second, day in (
        ("decided to dispatch troops to the island", "decided to raise taxes", "June 2"),
        ("decided to dispatch troops to the island", "agreed to intervene", "June 9"),
    ):
        found = _decisions(
            f"On June 2, 1965, the Ruritanian Defense Council {first}. Ships were made ready that"
            f" night. On {day}, the Ruritanian Defense Council {second}."
        )
        assert len(found) == 2, (first, second, day)


def test_a_consensus_told_in_the_past_perfect_is_not_the_days_decision():
    found = _decisions(
        "On October 11, 1950, Zhou Enlai agreed not to send troops. This suggests that the"
        " Chinese leadership had reached a consensus before his departure that China would"
        " not join the war."
    )
    assert len(found) == 2, [d.summary for d in found]


def test_subjects_are_data_a_user_extends():
    lex = load_lexicon()
    assert _stems("dispatch troops", lex.decision_subjects) & _stems(
        "enter the war", lex.decision_subjects
    )
    assert not _stems("pull out of the island", lex.decision_subjects) & _stems(
        "withdraw", lex.decision_subjects
    )
    mine = (("pull out", "withdraw"), ("withdraw", "withdraw"))
    assert _stems("pull  out of the island", mine) & _stems("withdraw", mine)
