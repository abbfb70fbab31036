"""Events linked to each other: deliveries, answers, dialogues, counted messages,
restated decisions and reversals."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import pairwise

from historiograph import dates
from historiograph.model import Document
from historiograph.stages.events.merging import (
    _add_conditions,
    _block,
    _fold,
    _related,
    _take_acts,
    _take_stated_date,
)
from historiograph.stages.events.records import Event
from historiograph.stages.events.vocabulary import (
    ANSWERS,
    ASKING,
    FACE_TO_FACE,
    MONTH_DAYS,
    REVERSAL_CUES,
    STOP,
    WEEK_DAYS,
)

Subjects = tuple[tuple[str, str], ...]  # word or phrase -> the course it states (lexicon)


def _merge_counted(events: list[Event]) -> list[Event]:
    """ "The following day, Mao informed Stalin of the decision for a second time" is the
    second of that day's messages from Mao (to Stalin, or to no one named) told elsewhere, in
    the order of their clock times, then of the text, when the text tells that many."""
    comms = [ev for ev in events if ev.type == "communication"]
    gone: set[int] = set()
    for ev in comms:
        if ev.ordinal is None or not ev.date or ev.date_precision != "day":
            continue
        to = set(ev.actors("recipient"))
        same_day = [
            c
            for c in comms
            if c is not ev
            and id(c) not in gone
            and c.ordinal is None
            and c.date == ev.date
            and set(c.actors("sender")) & set(ev.actors("sender"))
            and (not to or not c.actors("recipient") or to & set(c.actors("recipient")))
        ]
        same_day.sort(key=lambda c: (c.time or "", c.evidence[0][0]))
        if len(same_day) >= ev.ordinal:
            target = same_day[ev.ordinal - 1]
            target.absorb(ev, events)
            _take_acts(target, ev)
            gone.add(id(ev))
    return [ev for ev in events if id(ev) not in gone]


def _link_deliveries(events: list[Event], within: int = 3) -> None:
    """A delivery hands over a message told before it: one by those its words name ("Stalin's
    telegram", "the Stalin-Zhou joint telegram"), or else the last one of the few sentences
    before ("relayed this telegram to Mao"). That message went to the one it is delivered
    to, or to whoever passes it on ("Bevin's message was relayed to Zhou" by Nehru, to whom
    Bevin wrote); it is dated no later than the delivery, a month or less before it, and
    went by the same channel. Of several, the latest; of one day's, the first told."""
    comms = [ev for ev in events if ev.type == "communication"]
    for i, d in enumerate(comms):
        if d.act != "deliver":
            continue
        handled = set(d.actors("recipient")) | set(d.actors("sender")) | set(d.actors("via"))
        found: list[Event] = []
        for c in comms[:i]:
            if c.act == "deliver" or not handled & set(c.actors("recipient")):
                continue
            if d.message_of and not set(d.message_of) <= set(c.actors("sender")):
                continue
            if not d.message_of and d.sentence_idx - c.sentence_idx > within:
                continue
            if d.channel and c.channel not in (None, d.channel):
                continue
            apart = dates.days_apart(c.date, d.date)
            if c.date and d.date and (c.date > d.date or (apart or 0) > MONTH_DAYS):
                continue
            found.append(c)
        if found:
            latest = max(c.date or "" for c in found)
            d.delivered = next(c for c in found if (c.date or "") == latest)


def _answered(events: list[Event], doc: Document, within: int = 4) -> None:
    """An answer that names no one goes to whoever asked: "Stalin, however, replied that …"
    after Zhou's request to Stalin, "Lin Biao rejected this idea" after Stalin's proposal.

    The question is the nearest message of the last few sentences, a month or less away, that
    went to the one answering or, said to no one named in the same paragraph, asked or
    proposed something. A telegram's delivery is not the question: the answer goes to whoever
    wrote the message delivered, through the one who handed it over ("Roshchin delivered the
    Stalin-Zhou joint telegram to Mao, who replied …": to Stalin and Zhou, via Roshchin). A
    proposal or request that names no one and is answered in its own sentence was made to the
    one who answered it. An answer the same day from one spoken to face to face (at a
    meeting, in a conversation, on the telephone) is said the same way."""
    comms = [ev for ev in events if ev.type == "communication"]
    for i, ev in enumerate(comms):
        if ev.act not in ANSWERS or ev.actors("recipient") or not ev.actors("sender"):
            continue
        answering = set(ev.actors("sender"))
        for prev in reversed(comms[:i]):
            if ev.sentence_idx - prev.sentence_idx > within:
                break
            if prev.act == "deliver" and answering & set(prev.actors("recipient")):
                if prev.delivered is not None:  # the answer goes back the way the message came
                    ev.add_from(prev.delivered, "sender", "recipient", "answered")
                    ev.add_from(prev, "sender", "via", "answered", tuple(ev.actors("recipient")))
                    break
                continue
            if answering & set(prev.actors("sender")) or prev.act == "deliver":
                continue  # (who delivers a telegram is not who wrote it)
            if (dates.days_apart(ev.date, prev.date) or 0) > MONTH_DAYS:
                continue  # a message a month or more away: not the one answered
            to_them = answering & set(prev.actors("recipient"))
            asked_here = (  # said to no one named: only in the answer's paragraph
                not prev.actors("recipient")
                and prev.act in ASKING
                and _block(prev, doc) == _block(ev, doc)
            )
            if to_them or asked_here:
                ev.add_from(prev, "sender", "recipient", "answered")
                if (
                    to_them
                    and not ev.channel
                    and prev.channel in FACE_TO_FACE
                    and ev.date == prev.date
                ):
                    ev.channel = prev.channel  # answered there and then, the same way
                break
    for ask, answer in pairwise(comms):
        # "Mao proposed postponing the item, a suggestion Stalin also approved": what the same
        # sentence has answered was asked of the one who answered
        if (
            ask.act in ASKING
            and not ask.actors("recipient")
            and answer.act in ANSWERS
            and answer.sentence_idx == ask.sentence_idx
            and set(ask.actors("sender")) & set(answer.actors("recipient"))
        ):
            ask.add_from(answer, "sender", "recipient", "answerer")


def _dialogues(events: list[Event], doc: Document, kinds: dict[str, str], within: int = 2) -> None:
    """Two who speak in turn in a paragraph, each to no one named, speak to each other: "Zhou
    asserted that … Stalin believed … and argued that … Zhou stressed …". Both are people, or
    both states (not Truman and the United States, not the Communists and McClure)."""
    comms = [ev for ev in events if ev.type == "communication"]
    unaddressed = {id(ev) for ev in comms if not ev.actors("recipient")}
    for a, b in pairwise(comms):
        if len(a.actors("sender")) != 1 or len(b.actors("sender")) != 1:
            continue
        (one,), (other,) = a.actors("sender"), b.actors("sender")
        if (
            one == other
            or kinds.get(one) != kinds.get(other)
            or kinds.get(one) not in ("person", "state")
            or not {id(a), id(b)} <= unaddressed
            or b.sentence_idx - a.sentence_idx > within
            or _block(a, doc) != _block(b, doc)
            or a.date != b.date
        ):
            continue
        for first, second in ((a, b), (b, a)):
            r = next(r for r in second.roles if r.role == "sender")
            if r.actor_id not in first.actors("recipient"):
                first.add("recipient", r.actor_id, r.start, r.end, "dialogue")


def _merge_restated_decisions(
    events: list[Event],
    members: dict[str, frozenset[str]],
    subjects: Subjects = (),
    open_courses: frozenset[str] = frozenset(),
) -> list[Event]:
    """A decision told again elsewhere — in the conclusion, or by the body for its leader
    ("the Politburo formally made the decision to dispatch troops" and "Mao Zedong decided
    on October 5, 1950, to send troops") — is one decision: the same day, the same polarity,
    a related decider and a shared subject. It takes the deciders and conditions of both.

    A decision named by its noun and owner ("informed Stalin and Kim of his decision to enter
    the war") is one already taken: the latest such decision told before it, in the month
    before its date, if there is one (its date is the day it was told, not taken), and so is
    one told in the past perfect on a date carried from the narrative ("had reached a
    consensus prior to Zhou's departure"); or, when
    none shares its subject, a course decided without saying which ("The President decided
    upon a middle course. … his decision to initiate and enforce a 'quarantine'") in the
    week before. Such a past-perfect decision that tells none again was taken before that
    date."""

    def about(prev: Event, ev: Event) -> bool:
        return (
            prev.type == "decision"
            and prev.sentence_idx != ev.sentence_idx
            and prev.polarity == ev.polarity
            and _related(prev, ev, members)
            and bool(_stems(prev.summary, subjects) & _stems(ev.summary, subjects))
        )

    def before(ev: Event) -> bool:
        """ "had reached a consensus prior to …" on a carried date: taken before that day."""
        return ev.anterior and not ev.states_its_date()

    def earlier(ev: Event, kept: list[Event]) -> Event | None:
        if ev.type != "decision" or not ev.date or len(ev.date) != 10:
            return None
        same_day = (
            None
            if before(ev)
            else next(
                (p for p in kept if p.date == ev.date and about(p, ev) and not before(p)), None
            )
        )
        if same_day is not None or not (ev.named or before(ev)):
            return same_day
        taken = [
            p
            for p in kept
            if p.date
            and len(p.date) == 10
            and (p.date < ev.date if before(ev) else p.date <= ev.date)
            and (dates.days_apart(p.date, ev.date) or 0) <= MONTH_DAYS
            and about(p, ev)
        ]
        if not taken:
            taken = [
                p
                for p in kept
                if p.type == "decision"
                and p.date
                and len(p.date) == 10
                and p.date <= ev.date
                and (dates.days_apart(p.date, ev.date) or 0) <= WEEK_DAYS
                and p.polarity == ev.polarity
                and _related(p, ev, members)
                and _open_course(p.summary, open_courses)
            ]
        return max(taken, key=lambda p: p.date or "", default=None)

    def take(target: Event, ev: Event) -> None:
        target.add_all(ev)
        _add_conditions(target, ev.conditions)
        if not ev.named or ev.date == target.date:
            _take_stated_date(target, ev)

    return _fold(events, earlier, take)


def _link_reversals(
    events: list[Event],
    doc: Document,
    members: dict[str, frozenset[str]],
    subjects: Subjects = (),
) -> None:
    """A decision reverses the latest earlier one (in date order) by a related decider with
    the other polarity, on a shared subject (or, with a reversal cue in its sentence —
    "reversed", "again", "instead" — whatever the earlier one was about). A decision taken
    on a condition ("to send troops if the Soviet Union gave air cover") is not reversed by
    the opposite one unless the text says so: that one may be the condition unmet."""
    decisions = sorted(
        (e for e in events if e.type == "decision"),
        key=lambda e: ((e.date or "9999").split("/")[0], e.evidence[0][0]),
    )
    for i, d in enumerate(decisions):
        sentence = doc.sentences[d.sentence_idx]
        cue = bool(REVERSAL_CUES.search(doc.text[sentence.start : sentence.end]))
        for prev in reversed(decisions[:i]):
            if not _related(prev, d, members):
                continue
            shared = _stems(prev.summary, subjects) & _stems(d.summary, subjects)
            if not (shared or (cue and prev.polarity != d.polarity)):
                continue
            if prev.polarity != d.polarity and (cue or not prev.conditions):
                d.reverses = prev.id
            break


@lru_cache(maxsize=4096)
def _open_course(summary: str | None, courses: frozenset[str]) -> bool:
    """Does the decision name a course without saying which ("upon a middle course", "the
    only option")? Its last word is one of ``courses`` and it names nothing else to do."""
    words = re.findall(r"[A-Za-z]+", summary or "")
    return bool(words) and words[-1].casefold() in courses and len(words) <= 5


def _stems(text: str | None, subjects: Subjects = ()) -> frozenset[str]:
    """Content words cut to five letters, so "intervene" meets "intervention", after the
    lexicon's phrases of one course are read as it ("dispatch troops", "enter": intervene);
    names ("Korea", "NEBDA") do not make two decisions about the same thing."""
    pattern, single = _subject_words(subjects)
    text = text or ""
    if pattern is not None:
        text = pattern.sub(
            lambda m: " " + single[" ".join(m.group(0).casefold().split())] + " ", text
        )
    words = re.findall(r"\b[a-z][a-z-]{2,}", text)
    return frozenset(single.get(w, w)[:5] for w in words if w not in STOP)


@cache
def _subject_words(subjects: Subjects) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """The lexicon's phrases as one pattern (longest first) and every entry's subject."""
    single = dict(subjects)
    phrases = [w for w, _ in subjects if " " in w]
    if not phrases:
        return None, single
    alternatives = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
    return re.compile(rf"\b(?:{alternatives})\b", re.I), single
