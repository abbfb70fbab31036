"""One event told twice is one event: restatements, retold messages, meetings and
operations merged, each keeping every evidence span."""

from __future__ import annotations

import re
from collections.abc import Callable

from historiograph import dates
from historiograph.model import Document
from historiograph.stages.actors import ActorLayer, Mention
from historiograph.stages.events.records import Event
from historiograph.stages.events.vocabulary import (
    ANSWERS,
    APPOSED_ENVOY,
    ENVOY_TITLE,
    NAMED_MEETING,
    RETOLD_STEPS,
    RETURNING,
    WRITTEN,
    _content_words,
)


def _merge_restatements(events: list[Event], doc: Document) -> list[Event]:
    """One message stated twice is one event with two evidence spans."""

    sentence_at = {s.start: s.idx for s in doc.sentences}

    def earlier(ev: Event, kept: list[Event]) -> Event | None:
        if ev.type != "communication":
            return None
        if ev.part_of is not None and any(k is ev.part_of for k in kept):
            return ev.part_of  # "At the end of the telegram, Stalin pledged …": more of it
        for prev in reversed(kept[-6:]):
            if prev.type != "communication" or not set(prev.actors("sender")) & set(
                ev.actors("sender")
            ):
                continue
            # counted from the last sentence told of it so far: "Mao telegraphed Zhou … Mao
            # emphasized … In a telegram, Mao pointed out … Mao added that …"
            told = [sentence_at.get(a, prev.sentence_idx) for a, _ in prev.evidence]
            last = max([i for i in told if i < ev.sentence_idx], default=prev.sentence_idx)
            near = (
                0 < ev.sentence_idx - last <= 2 and _block(ev, doc) == doc.sentences[last].block_idx
            )
            # a telegram or letter goes on: what its sender "argued" or "also warned Mao" next
            # is more of it ("He also recommended …" at a meeting is a proposal of its own)
            written = prev.channel in WRITTEN and bool(prev.actors("recipient"))
            addressed = [
                r.actor_id for r in ev.roles if r.role == "recipient" and r.how != "meeting"
            ]
            follow_up = (
                near
                and (not addressed or (written and set(addressed) <= set(prev.actors("recipient"))))
                and ev.date_inferred
                and (ev.act != prev.act or ev.act in ("inform", "warn"))  # "He also stressed"
                and (ev.act != "propose" or written)
                and ev.channel in (None, prev.channel)
                and (ev.time is None or prev.time in (None, ev.time))  # "seven hours later"
            )
            same = (
                ev.actors("recipient")
                and set(ev.actors("recipient")) == set(prev.actors("recipient"))
                and ev.date
                and ev.date == prev.date
                and not ev.date_inferred
                and ev.act == prev.act
                and ev.channel in (None, prev.channel)
            )
            return prev if follow_up or same else None
        return None

    return _fold(events, earlier, _take_acts)


def _take_acts(target: Event, ev: Event) -> None:
    """What a message told again adds: its speech act, and its conditions."""
    if ev.act and ev.act != target.act and ev.act not in target.other_acts:
        target.other_acts.append(ev.act)
    _add_conditions(target, ev.conditions)


def _add_conditions(target: Event, conditions: list[str]) -> None:
    """Add the conditions the same event states elsewhere, but not one again in other words
    ("Soviet assistance", "the degree of Soviet assistance")."""
    for c in conditions:
        words = _content_words(c)
        held = [_content_words(d) for d in target.conditions]
        if not any(words <= h or h <= words for h in held):
            target.conditions.append(c)


def _merge_operations(events: list[Event]) -> list[Event]:
    """A named operation told twice is one event: "the UNC Commander initiated Operation
    Showdown" and "With the onset of Operation Showdown on October 14"; the date the text
    states wins over one carried or inferred. So is one told in the same words from its
    trigger on, by the same actors and on the same date ("China's intervention in the Korean
    War" and "Chinese intervention in the Korean War")."""

    def earlier(ev: Event, kept: list[Event]) -> Event | None:
        name = _operation_name(ev)
        if name:
            return next((p for p in kept if _operation_name(p) == name), None)
        named = _named_again(ev)
        if named is None:
            return None
        return next((p for p in kept if p.date == ev.date and _named_again(p) == named), None)

    def take(target: Event, ev: Event) -> None:
        for r in ev.roles:
            if not target.actors(r.role):
                target.add(r.role, r.actor_id, r.start, r.end, r.how)
        _take_stated_date(target, ev)

    return _fold(events, earlier, take)


def _merge_meetings(events: list[Event], nouns: frozenset[str]) -> list[Event]:
    """A meeting named by its noun, on the same stated day as another, is that meeting: "the
    CCP Politburo held an emergency meeting" and later "the CCP's emergency Politburo
    meeting on October 13 reached the consensus" (one of the same participants), or the
    introduction's "on October 11, 1950, Zhou, in this meeting with Stalin, agreed …" and
    later "Zhou Enlai and Lin Biao … held a meeting with him there" (all of the named one's
    participants). Two told by verbs ("met", "conferred") are two meetings. A meeting
    recalled by its owner on a date the text does not state ("Kennedy met with President
    Eisenhower the day before his inauguration" and later "as Eisenhower summarized in his
    meeting with Kennedy") is the last meeting of those people in that month."""

    def same(prev: Event, ev: Event) -> bool:
        if prev.type != "meeting" or prev.date != ev.date:
            return False
        had, has = set(prev.actors("participant")), set(ev.actors("participant"))
        if ev.trigger.casefold() in nouns:
            return bool(had & has)
        return prev.trigger.casefold() in nouns and prev.states_its_date() and had <= has

    def recalled(ev: Event, kept: list[Event]) -> Event | None:
        if not ev.named:
            return None
        has = set(ev.actors("participant"))
        return next(
            (
                p
                for p in reversed(kept)
                if p.type == "meeting"
                and len(has) > 1
                and has <= set(p.actors("participant"))
                and p.date
                and ev.date
                and p.date[:7] == ev.date[:7]
            ),
            None,
        )

    def earlier(ev: Event, kept: list[Event]) -> Event | None:
        if ev.type != "meeting":
            return None
        if not ev.states_its_date():
            return recalled(ev, kept) if ev.trigger.casefold() in nouns else None
        if ev.date_precision != "day":
            return None
        return next((p for p in reversed(kept) if same(p, ev)), None)

    def take(target: Event, ev: Event) -> None:
        target.summary = target.summary or ev.summary
        target.place = target.place or ev.place
        if ev.trigger.casefold() not in nouns:  # the fuller telling names all who met
            target.add_all(ev)
        if not ev.states_its_date():
            # what was said in the recalled meeting was said on its day
            for said in events:
                if (
                    said.type == "communication"
                    and said.sentence_idx == ev.sentence_idx
                    and not said.states_its_date()
                ):
                    _take_stated_date(said, target)

    return _fold(events, earlier, take)


def _take_stated_date(target: Event, ev: Event) -> None:
    """The date the text states for an event told twice wins over one carried or inferred,
    and a day over its month ("resumed in late October", "resumed on October 25")."""
    finer = ev.date != target.date and dates.within(ev.date, target.date)
    if ev.date and ev.states_its_date() and (not target.states_its_date() or finer):
        target.date, target.date_precision = ev.date, ev.date_precision
        target.date_start, target.date_end = ev.date_start, ev.date_end
        target.date_inferred = ev.date_inferred  # (a year carried from context says so)


def _merge_steps(events: list[Event], within: int = 12) -> list[Event]:
    """A recess or resumption told twice within a few sentences, by the same sides and on a
    date that fits the first, is one step with both sentences as evidence."""

    def earlier(ev: Event, kept: list[Event]) -> Event | None:
        if ev.type != "negotiation" or ev.act not in RETOLD_STEPS:
            return None
        prev = next(
            (p for p in reversed(kept) if p.type == "negotiation" and p.act == ev.act), None
        )
        if prev is None or not (prev.date and ev.date):
            return None
        fits = dates.within(ev.date, prev.date) or dates.within(prev.date, ev.date)
        near = ev.sentence_idx - prev.sentence_idx <= within
        return (
            prev if fits and near and set(prev.actors("actor")) == set(ev.actors("actor")) else None
        )

    def take(target: Event, ev: Event) -> None:
        target.item = target.item or ev.item
        _take_stated_date(target, ev)

    return _fold(events, earlier, take)


def _operation_name(ev: Event) -> str | None:
    """The proper name of an operation ("Operation Showdown"), casefolded, or None."""
    if ev.type != "military" or not ev.summary:
        return None
    m = re.fullmatch(
        r"(?:the\s+)?((?:[A-Z][\w-]*\s+)*(?:Operation|Offensive)\s+[A-Z][\w-]*)", ev.summary
    )
    return m.group(1).casefold() if m else None


def _named_again(ev: Event) -> tuple[frozenset[str], str] | None:
    """What an operation's summary says from its trigger on ("intervention in the Korean
    War" of "China's intervention …", "invaded Afghanistan"), with its actors; None when it
    has no actor or the summary does not hold the trigger."""
    if ev.type != "military" or not ev.summary or not ev.trigger or not ev.actors("actor"):
        return None
    at = ev.summary.casefold().find(ev.trigger.casefold())
    if at < 0:
        return None
    return frozenset(ev.actors("actor")), " ".join(ev.summary[at:].casefold().split())


def _without_shared_positions(events: list[Event]) -> list[Event]:
    """What several say together to no one ("They emphasized the need to …", "Truman and
    Attlee advocated unity") is their shared position, not a message between actors."""
    kept = [
        e
        for e in events
        if not (
            e.type == "communication"
            and len(e.actors("sender")) > 1
            and not e.actors("recipient")
            and e.channel in (None, "meeting")
        )
    ]
    ids = {id(e) for e in kept}
    for e in kept:
        if e.basis is not None and id(e.basis) not in ids:
            e.basis = None  # a decision is read from a message only while that message stands
    return kept


def _merge_announcements(
    events: list[Event], doc: Document, members: dict[str, frozenset[str]], kinds: dict[str, str]
) -> list[Event]:
    """A sentence that announces the message the next one dates and details is that message:
    "The Chinese leadership informed the Soviet Union of the negative attitude. On September
    21, Zhou Enlai briefed Roshchin, saying …" (the same act, a related sender, no date of
    its own, and a recipient that is a state or body, the same one, or none)."""
    gone: set[int] = set()
    for i, ev in enumerate(events):
        if ev.type != "communication" or ev.states_its_date():
            continue
        here = doc.sentences[ev.sentence_idx]
        for nxt in events[i + 1 :]:
            there = doc.sentences[nxt.sentence_idx]
            if nxt.sentence_idx != ev.sentence_idx + 1 or there.block_idx != here.block_idx:
                if nxt.sentence_idx > ev.sentence_idx + 1:
                    break
                continue
            told, detailed = set(ev.actors("recipient")), set(nxt.actors("recipient"))
            if (
                nxt.type == "communication"
                and nxt.act == ev.act
                and nxt.states_its_date()
                and _related(ev, nxt, members, "sender")
                and (
                    not told
                    or told == detailed
                    or all(kinds.get(r) in ("state", "organization") for r in told)
                )
            ):
                nxt.absorb(ev, events)
                gone.add(i)
                break
    return [ev for i, ev in enumerate(events) if i not in gone]


def _judged(tok, words: frozenset[str]) -> bool:  # type: ignore[no-untyped-def]
    """Is ``tok`` a "be" that judges what follows by one of ``words``: "it is highly
    probable that …", "it is implausible that …"?"""
    return tok.lemma_ == "be" and any(
        c.dep_ == "acomp" and c.lemma_.casefold() in words for c in tok.children
    )


def _merge_retold_messages(events: list[Event], kinds: dict[str, str]) -> list[Event]:
    """A message told again further on, with its day stated, is that message: "On October 5,
    Stalin sent a cable to Mao requesting …" and, paragraphs later, "he cabled it to Beijing
    on October 5"; "Stalin replied that …" and the conclusion's "When Stalin, on October 11,
    1950, refused …". The same sender and day; no other channel or clock time; the same
    speech act, an answer for an answer, or a message only said to be sent ("cabled it");
    an addressee that is the same, a government, or not named (where the first telling
    names none, the same act told again with its addressee says to whom). One told by the
    same channel is looked for first."""

    def same_act(prev: Event, ev: Event) -> bool:
        return (
            ev.act == prev.act
            or {ev.act, prev.act} <= ANSWERS
            or (ev.act == "inform" and ev.channel is not None)
        )

    def same_addressee(prev: Event, ev: Event) -> bool:
        again, before = set(ev.actors("recipient")), set(prev.actors("recipient"))
        return (
            not again
            # "… was suggested by Peng", then "Peng, in the Politburo meeting, argued that …"
            or (not before and ev.act == prev.act and prev.act not in ANSWERS)
            or bool(again & before)
            or all(kinds.get(r) == "state" for r in again)
        )

    def earlier(ev: Event, kept: list[Event]) -> Event | None:
        if ev.type != "communication" or ev.date_precision != "day" or not ev.states_its_date():
            return None
        same_day = [p for p in reversed(kept) if p.type == "communication" and p.date == ev.date]
        return next(
            (
                prev
                for prev in sorted(same_day, key=lambda p: p.channel != ev.channel)
                if prev.sentence_idx != ev.sentence_idx
                and set(prev.actors("sender")) & set(ev.actors("sender"))
                and (ev.channel is None or prev.channel in (None, ev.channel))
                and (ev.time is None or prev.time in (None, ev.time))
                and same_act(prev, ev)
                and same_addressee(prev, ev)
            ),
            None,
        )

    def take(target: Event, ev: Event) -> None:
        _take_acts(target, ev)
        if not target.actors("recipient"):  # told to no one named, then to whom
            target.add_from(ev, "recipient", "recipient")
            target.channel = target.channel or ev.channel
            target.summary = target.summary or ev.summary

    return _fold(events, earlier, take)


def _channels_from_meetings(
    events: list[Event],
    doc: Document,
    members: dict[str, frozenset[str]],
    membership: dict[str, dict[str, Mention]],
) -> None:
    """What a participant says at a meeting the paragraph has just described goes by
    ``meeting`` and, when the text names no one it was said to, to the others at the
    meeting. One who has come back ("On returning, Mao proclaimed") speaks at the meeting
    before the one just left, where a member of the body that met was too."""
    current: Event | None = None
    left: Event | None = None  # the meeting before the current one, in the same paragraph
    for ev in events:
        block = _block(ev, doc)
        if ev.type == "meeting":
            same_block = current is not None and _block(current, doc) == block
            left, current = (current if same_block else None), ev
            continue
        if current is None or _block(current, doc) != block:
            continue
        sentence = doc.sentences[ev.sentence_idx]
        at = current
        if RETURNING.match(doc.text[sentence.start : sentence.end]):
            at = left
        if at is None or ev.type != "communication" or ev.channel not in (None, "meeting"):
            continue
        present = set(at.actors("participant"))
        if at is left:  # back at the body's meeting: "On returning, Mao proclaimed"
            present |= {m for p in at.actors("participant") for m in members.get(p, ())}
        if set(ev.actors("sender")) & present and (not ev.states_its_date() or ev.date == at.date):
            ev.channel = "meeting"
            _meeting_of_the_body(at, ev, doc, membership)
            if not ev.actors("recipient"):  # said to the others at the meeting
                ev.add_from(at, "participant", "recipient", "meeting", tuple(ev.actors("sender")))


def _envoys_named(doc: Document, layer: ActorLayer) -> frozenset[str]:
    """Who the text calls an ambassador or envoy: by title ("Soviet Ambassador Roshchin"),
    by a role held ("the Soviet Ambassador to the DPRK"), or in apposition ("V. M.
    Panikkar, Indian Ambassador to the PRC")."""
    found = set()
    for m in layer.mentions:
        role = layer.actors.get(m.actor_id)
        if m.title and ENVOY_TITLE.search(m.title):
            found.add(m.actor_id)
        elif m.holder_id and role is not None and ENVOY_TITLE.search(role.name):
            found.add(m.holder_id)
        elif APPOSED_ENVOY.match(doc.text, m.end):
            found.add(m.actor_id)
    return frozenset(found)


def _conversations_with_envoys(
    events: list[Event], envoys: frozenset[str], kinds: dict[str, str]
) -> None:
    """A message between a person and an ambassador or envoy posted to them, by no channel
    the text names and through no one, was a conversation: "Zhou Enlai explained to Soviet
    Ambassador N. V. Roshchin that …", "Kim Il-sung informed T. F. Shtykov, the Soviet
    Ambassador to the DPRK, that …". An order to an envoy ("Stalin instructed Roshchin")
    comes from home, by telegram, and is left as it is."""
    for ev in events:
        if ev.type != "communication" or ev.channel is not None or ev.actors("via"):
            continue
        if ev.act in ("direct", "deliver"):
            continue
        sender, recipient = ev.actors("sender"), ev.actors("recipient")
        if len(sender) != 1 or len(recipient) != 1:
            continue
        if not all(kinds.get(a) in ("person", "role") for a in (*sender, *recipient)):
            continue
        if (sender[0] in envoys) != (recipient[0] in envoys):  # one of the two is the envoy
            ev.channel = "conversation"


def _meeting_of_the_body(
    meeting: Event, ev: Event, doc: Document, membership: dict[str, dict[str, Mention]]
) -> None:
    """ "In a meeting on June 28, Rusk underscored …": a meeting that names no one but the
    speaker, who the text says sits in one body ("Rusk, Bradley, and other SJM members"),
    was that body's meeting, and what the speaker said there was said to the body. Not when
    the meeting's own words name who met ("a Defense and State meeting"). The body's role
    points at the words that seat the speaker in it ("SJM" in "other SJM members")."""
    speaker = ev.actors("sender")
    if len(speaker) != 1 or set(meeting.actors("participant")) != set(speaker):
        return
    sentence = doc.sentences[meeting.sentence_idx]
    if NAMED_MEETING.search(doc.text[sentence.start : meeting.trigger_start]):
        return  # (the words before "meeting" in its own sentence)
    seats = membership.get(speaker[0], {})
    if len(seats) == 1:
        ((body, named),) = seats.items()
        meeting.add("participant", body, named.start, named.end, "member")
        if not ev.actors("recipient"):
            ev.add("recipient", body, named.start, named.end, "member")


def _block(ev: Event, doc: Document) -> int:
    """The paragraph an event is first told in."""
    return doc.sentences[ev.sentence_idx].block_idx


def _related(a: Event, b: Event, members: dict[str, frozenset[str]], role: str = "actor") -> bool:
    """Do two events share a decider (or sender): the same actor, a body and its member, or
    two members of one body ("Zhou Enlai" and "the CCP Politburo", "Mao" and "Zhou")?"""

    def circle(ids: list[str]) -> set[str]:
        out = set(ids)
        for i in ids:
            out |= members.get(i, frozenset())
            out |= {body for body, ms in members.items() if i in ms}
        return out

    return bool(circle(a.actors(role)) & circle(b.actors(role)))


def _fold(
    events: list[Event],
    earlier: Callable[[Event, list[Event]], Event | None],
    take: Callable[[Event, Event], None],
) -> list[Event]:
    """Fold each event into the earlier one it tells again: ``earlier(ev, kept)`` finds that
    one among the events kept so far (or None), which absorbs the retelling's evidence and
    notes, and ``take(target, ev)`` what else the retelling adds."""
    kept: list[Event] = []
    for ev in events:
        target = earlier(ev, kept)
        if target is None:
            kept.append(ev)
            continue
        target.absorb(ev, events)
        take(target, ev)
    return kept
