"""The event lexicon (``data/events.toml``): which words state which kind of event.

Loaded once into lookup tables keyed by lemma; a two-word entry ("turn down")
is a verb lemma and its particle or preposition.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources


def _invert(table: dict[str, list[str]]) -> dict[str, str]:
    """``{"inform": ["tell", "brief"]}`` -> ``{"tell": "inform", "brief": "inform"}`` (first wins)."""
    out: dict[str, str] = {}
    for value, words in table.items():
        for w in words:
            out.setdefault(w.casefold(), value)
    return out


@dataclass(slots=True, frozen=True)
class Lexicon:
    speech_acts: dict[str, str]  # verb -> speech act
    channels: dict[str, str]  # noun or adverb -> channel
    message_nouns: dict[str, str]  # noun -> speech act ("request" -> request, "reply" -> reply)
    expressed: dict[str, str]  # "expressed support" -> agree, "… interest in talks" -> propose
    carriers: frozenset[str]  # verbs that carry a message or an envoy ("send", "make")
    urging: frozenset[str]  # "pressure": a message only with a to-infinitive of what it urges
    needs_object: dict[str, frozenset[str]]  # "extend" -> {"offer", …}: a message only with these
    decision_verbs: frozenset[str]
    decision_nouns: frozenset[str]
    light_verbs: frozenset[str]  # "make/reach a decision"
    approvals: frozenset[str]  # "with Truman's approval": the owner approved what was done
    agreed_with: frozenset[str]  # "concurred with the president's perspective"
    plan_verbs: frozenset[str]  # "developed a guideline": adopting a course is deciding
    plan_nouns: frozenset[str]
    open_courses: frozenset[str]  # "decided upon a middle course": which one, told later
    not_acting: frozenset[str]  # "decided to postpone" is a decision not to act
    # word or phrase -> the subject it states ("dispatch troops" -> intervene), longest first
    decision_subjects: tuple[tuple[str, str], ...]
    meeting_verbs: frozenset[str]
    meeting_hosts: frozenset[str]  # "chaired a meeting", "hosted a dinner"
    meeting_nouns: frozenset[str]
    met_together: frozenset[str]  # "the two delegations sat": a meeting of several
    travellers: frozenset[str]  # "made a trip to China": the subject travelled
    military_verbs: frozenset[str]
    military_nouns: frozenset[str]
    launchers: frozenset[str]  # "launched an offensive", "repelled the offensive"
    electoral_verbs: frozenset[str]  # "defeated": of a war, or of a vote …
    electoral_words: frozenset[str]  # … when the sentence names an election or a vote
    negotiation_acts: dict[str, str]
    negotiation_cues: tuple[str, ...]
    recess_nouns: frozenset[str]
    agenda_items: dict[str, str]  # word -> agenda item
    settled: frozenset[str]  # "agenda item 2 was established": an item agreed


@cache
def load_lexicon() -> Lexicon:
    data = tomllib.loads(
        resources.files("historiograph.data").joinpath("events.toml").read_text("utf-8")
    )
    comm, dec, meet, mil, neg = (
        data["communication"],
        data["decision"],
        data["meeting"],
        data["military"],
        data["negotiation"],
    )
    words = lambda xs: frozenset(x.casefold() for x in xs)  # noqa: E731
    speech_acts = _invert(comm["acts"])
    negotiation_acts = _invert(neg["acts"])
    return Lexicon(
        speech_acts=speech_acts,
        channels=_invert(comm["channels"]),
        message_nouns=_invert(comm["message_nouns"]),
        expressed=_invert(comm.get("expressed", {})),
        carriers=words(comm["carriers"]),
        urging=words(comm["urging"]),
        needs_object={k.casefold(): words(v) for k, v in comm["needs_object"].items()},
        decision_verbs=words(dec["verbs"]),
        decision_nouns=words(dec["nouns"]),
        light_verbs=words(dec["light_verbs"]),
        approvals=words(dec["approvals"]),
        agreed_with=words(dec["agreed_with"]),
        plan_verbs=words(dec["plan_verbs"]),
        plan_nouns=words(dec["plan_nouns"]),
        open_courses=words(dec.get("open_courses", [])),
        not_acting=words(dec["negative"]),
        decision_subjects=tuple(
            sorted(_invert(dec.get("subjects", {})).items(), key=lambda p: -len(p[0]))
        ),
        meeting_verbs=words(meet["verbs"]),
        meeting_hosts=words(meet["hosts"]),
        meeting_nouns=words(meet["nouns"]),
        met_together=words(meet["together"]),
        travellers=words(meet.get("travelled", [])),
        military_verbs=words(mil["verbs"]),
        military_nouns=words(mil["nouns"]),
        launchers=words(mil["launchers"]),
        electoral_verbs=words(mil.get("electoral_verbs", [])),
        electoral_words=words(mil.get("electoral_words", [])),
        negotiation_acts=negotiation_acts,
        negotiation_cues=tuple(neg["cues"]),
        recess_nouns=words(neg["recess_nouns"]),
        agenda_items=_invert(neg["items"]),
        settled=words(neg["settled"]),
    )
