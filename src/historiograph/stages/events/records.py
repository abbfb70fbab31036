"""The records the events stage returns (``Event``, ``Role``) and the dates it reads by."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import asdict, dataclass, field, replace

from historiograph.stages.events.vocabulary import DEADLINES, LOOK_BACK, PERIOD
from historiograph.stages.times import TimeExpr


@dataclass(slots=True)
class Role:
    """An actor in a slot of an event: ``sender``, ``recipient``, ``via``, ``actor``, ``participant``."""

    role: str
    actor_id: str
    start: int | None = None  # the mention (or pronoun) that names it; None when carried
    end: int | None = None
    how: str = "mention"  # mention | pronoun | carried

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class Event:
    type: str
    sentence_idx: int
    trigger_start: int
    trigger_end: int
    trigger: str
    evidence: list[tuple[int, int]]
    roles: list[Role] = field(default_factory=list)
    act: str | None = None
    other_acts: list[str] = field(default_factory=list)
    channel: str | None = None
    date: str | None = None
    date_precision: str | None = None
    date_inferred: bool = False
    date_start: int | None = None  # the time expression the date comes from
    date_end: int | None = None
    # dated by a word of sequence (event_order): "after" or "with" that event
    date_relation: str | None = None
    date_event: Event | None = field(default=None, repr=False, compare=False)
    time: str | None = None
    polarity: str | None = None
    conditions: list[str] = field(default_factory=list)
    reverses: str | None = None
    summary: str | None = None  # what was decided / the meeting's topic / the operation
    content: str | None = None  # the message as quoted
    place: str | None = None
    item: str | None = None  # negotiation: the agenda item
    notes: list[int] = field(default_factory=list)
    notes_inferred: list[int] = field(default_factory=list)  # those only the note's reach gives
    id: str = ""
    derived_from: str | None = None  # the communication a decision is read from ("declined")
    from_note: dict[str, int] = field(default_factory=dict)  # slot -> note whose document gave it
    basis: Event | None = field(default=None, repr=False, compare=False)
    # "inferred": told as the author's inference ("It is highly probable that … was relayed")
    certainty: str | None = None
    # a delivery: the message it hands over (``delivers``: its id), and whose message the text
    # says it was ("Stalin's telegram", "the Stalin-Zhou joint telegram")
    delivered: Event | None = field(default=None, repr=False, compare=False)
    delivers: str | None = None
    message_of: list[str] = field(default_factory=list, repr=False, compare=False)
    # said in a message told just before ("At the end of the telegram, Stalin pledged …")
    part_of: Event | None = field(default=None, repr=False, compare=False)
    # a decision named by its noun and owner ("his decision to enter the war"): told as taken;
    # a meeting by its noun and an owner or "this" ("his meeting with Kennedy"): told before
    named: bool = field(default=False, repr=False, compare=False)
    # told in the past perfect ("had reached a consensus"): before the time the narrative is at
    anterior: bool = field(default=False, repr=False, compare=False)
    # "informed Stalin … for a second time": which of the day's messages this one is
    ordinal: int | None = field(default=None, repr=False, compare=False)

    def actors(self, role: str) -> list[str]:
        return [r.actor_id for r in self.roles if r.role == role]

    def add(self, role: str, actor_id: str, start: int | None, end: int | None, how: str) -> None:
        if actor_id not in self.actors(role):
            self.roles.append(Role(role, actor_id, start, end, how))

    def add_all(self, other: Event) -> None:
        """Take every actor of ``other`` in the same role: the same event told again."""
        for r in other.roles:
            self.add(r.role, r.actor_id, r.start, r.end, r.how)

    def add_from(
        self, other: Event, role: str, as_role: str, how: str | None = None, unless: tuple = ()
    ) -> None:
        """Take ``other``'s actors in ``role`` as this event's ``as_role`` (with their mentions;
        marked ``how``, else as they were named), except those in ``unless``: the sender of a
        request becomes the recipient of its answer."""
        for r in other.roles:
            if r.role == role and r.actor_id not in unless:
                self.add(as_role, r.actor_id, r.start, r.end, how or r.how)

    def states_its_date(self) -> bool:
        """Is the date stated in the event's own sentences, not carried from before?"""
        return self.date_start is not None and any(
            start <= self.date_start < end for start, end in self.evidence
        )

    def absorb(self, other: Event, events: list[Event]) -> None:
        """Take in ``other``, the same event told elsewhere: its evidence and notes; what was
        read from it (a decision's ``basis``) is read from this one, and a delivery of it
        delivers this one; told plainly there, this one is no longer only inferred."""
        self.evidence += [e for e in other.evidence if e not in self.evidence]
        if other.certainty is None:
            self.certainty = None
        self.add_notes(other.own_notes(), other.notes_inferred)
        for e in events:
            if e.basis is other:
                e.basis = self
            if e.delivered is other:
                e.delivered = self

    def own_notes(self) -> list[int]:
        return [n for n in self.notes if n not in self.notes_inferred]

    def add_notes(self, own: list[int], inferred: list[int]) -> None:
        """Add a sentence's notes; a note is inferred only while no evidence carries it."""
        mine = set(self.own_notes()) | set(own)
        guessed = (set(self.notes_inferred) | set(inferred)) - mine
        self.notes = sorted(mine | guessed)
        self.notes_inferred = sorted(guessed)

    @property
    def date_basis(self) -> str | None:
        """ "after e029" / "with e030": the event a word of sequence dates this one against."""
        if self.date_event is None:
            return None
        return f"{self.date_relation} {self.date_event.id}"

    def to_dict(self) -> dict:
        # The linked events are named by their ids, not copied in.
        out = asdict(replace(self, basis=None, date_event=None, delivered=None, part_of=None))
        for linked in ("basis", "date_event", "delivered", "message_of", "part_of"):
            del out[linked]
        return out | {"date_basis": self.date_basis}


@dataclass(slots=True)
class _Dates:
    """The times layer as the events stage reads it: dates by position."""

    exprs: list[TimeExpr]
    # where a "by …" date opens its sentence ("By August 22, the Communist side …"): there
    # it sets the story's time, not a deadline
    openers: frozenset[int] = frozenset()
    # where a named period opens a sentence ("During World War II, support grew"): it sets
    # the story's time for what follows, as a date would
    scenes: frozenset[int] = frozenset()
    # where a date sits in a "before …"/"until …" clause ("Before talks resumed in late
    # October, clashes erupted"): the bound of another event, not the story's time
    bounds: set[int] = field(default_factory=set)
    _starts: list[int] = field(init=False, default_factory=list)
    # where a date counted from an undated event sits ("two days after hostilities began"):
    # from there the story's time is unknown until the text dates it again
    unknown: list[int] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        self.unknown = sorted(
            t.start
            for t in self.exprs
            if t.type == "date" and t.value is None and not t.vague and not t.in_quote
        )
        self.exprs = [
            t
            for t in self.exprs
            if t.value
            and t.type in ("date", "time")
            and not t.in_quote
            # (a vague word dates nothing, but "during this period" names the months narrated,
            # and "during World War II" the years of a period the field dates)
            and (not t.vague or PERIOD.search(t.text) or t.precision == "period")
        ]
        self.exprs.sort(key=lambda t: t.start)
        self._starts = [t.start for t in self.exprs]

    def in_range(self, start: int, end: int) -> list[TimeExpr]:
        i = bisect_right(self._starts, start - 1)
        out = []
        while i < len(self.exprs) and self.exprs[i].start < end:
            out.append(self.exprs[i])
            i += 1
        return out

    def unknown_in(self, start: int, end: int) -> bool:
        i = bisect_right(self.unknown, start - 1)
        return i < len(self.unknown) and self.unknown[i] < end

    def last_before(self, pos: int) -> TimeExpr | None:
        j = bisect_right(self.unknown, pos - 1)
        since = self.unknown[j - 1] if j else -1  # the last date counted from an undated event
        i = bisect_right(self._starts, pos - 1) - 1
        while i >= 0:
            t = self.exprs[i]
            if t.end <= since:
                return None  # "two days after hostilities began" came after it
            if (
                (t.type == "date" or (t.type == "time" and re.match(r"\d{4}-\d\d-\d\d", t.value)))
                and t.value
                and not t.value.startswith("XXXX")
                # "would be in position by August 5": a deadline, not the story's time
                and (t.qualifier not in DEADLINES or t.start in self.openers)
                and t.start not in self.bounds
                and not t.attributive  # "the June 1967 Arab-Israeli War" dates the war only
                # "during this period" dates its own sentence only
                and (not t.vague or t.start in self.scenes)
                # "his stance on the agreement the previous year": a look back
                and not LOOK_BACK.search(t.text)
                and t.precision not in ("decade", "century")  # "in the 1980s": historiography
            ):
                return t
            i -= 1
        return None
