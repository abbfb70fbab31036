"""The events stage: communications, decisions, meetings, military operations and
negotiation steps, each tied to its sentence, its date and its footnotes.

Input: the document, its times layer, its actors layer and the spaCy parse of
its body paragraphs. Every sentence is read clause by clause: a verb or noun
of the lexicon (``data/events.toml``) is a trigger, and the parse gives its
slots — the subject is the sender or the actor, the object or a "to" phrase
the recipient, "through"/"via" the intermediary, a channel noun ("by
telegram", "in a conversation with") the channel. Pronouns ("He emphasized")
take the last subject of their kind.

Not events: a trigger inside a quotation (that is the content of a message;
but in 'he "asked Stalin to …"' the writer tells the act in the source's words),
a negated communication ("did not send"), a modal or conditional clause
("would have agreed", "if Stalin refused"), and a trigger under a historian's
view ("Chen Jian argues that Mao decided …"; the subject is a scholar).

A date is the one stated in the sentence (the nearest to the trigger in the
parse); without one, the date the narrative last stated is carried, and the
event says it is ``inferred``. Notes are the markers of the sentence; where the
document's notes cover the run of sentences before them (``note_reach``), a
sentence without a marker takes the note that closes its run, marked inferred.
A communication restated in a neighbouring
sentence by the same sender with a new speech act, or restated elsewhere with
the same sender, recipient and date, is one event with several evidence spans.
A decision whose polarity flips an earlier one by the same actor on a shared
subject reverses it. A message that names no recipient goes, where the text
shows it, to whoever asked (an answer), to where the telegram it is said in
went, or, when two speak in turn, to the other speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from itertools import pairwise

from historiograph import dates
from historiograph.model import Document, Sentence
from historiograph.stages import clauses as cl
from historiograph.stages.actors import ActorLayer, Mention
from historiograph.stages.event_order import date_by_sequence
from historiograph.stages.lexicon import Lexicon, load_lexicon
from historiograph.stages.note_reach import NoteReach
from historiograph.stages.times import TimeExpr, quote_spans, quoted_at

STAGE_VERSION = "events-12"
TYPES = ("communication", "decision", "meeting", "military", "negotiation")
REPELLERS = frozenset({"repel", "repulse", "fend off", "stop", "halt", "defeat"})
# "left China to meet with Stalin": a meeting set out for is told before it was held
SETTING_OUT = frozenset({"leave", "depart", "set", "head", "embark"})
# "traveled to Moscow to formulate plans": a decision travelled for is not taken yet
TRAVELLING = SETTING_OUT | {"travel", "go", "fly", "come", "hurry", "rush", "journey"}
# "when Kovalev came to the meeting, Stalin's telegram was relayed to Mao": who arrived
# as a message was passed on, unnamed, handed it over
ARRIVING = frozenset({"come", "arrive", "go", "return", "reach"})
IRREALIS = frozenset(
    "need want hope plan intend try attempt aim seek expect prepare wish mean hesitate fail"
    " lean incline contemplate consider".split()
)
# A time that looks back from the story's time dates its own sentence only.
LOOK_BACK = re.compile(r"\b(?:previous|preceding|earlier|before|ago|prior)\b", re.I)
DEADLINES = frozenset({"by", "before", "until", "after", "since"})
REASONS = frozenset({"ground", "grounds", "basis", "reason", "strength"})
REVERSERS = frozenset({"reverse", "overturn", "overrule", "rescind", "revoke", "abandon"})
# "conditional on", "depended on", "contingent upon": what a decision hung on.
CONDITIONAL = frozenset({"conditional", "contingent", "dependent", "depend", "hinge", "rest"})
# Verbs of deciding that, with a that-clause, report a judgement ("the CIA concluded that")
JUDGEMENTS = frozenset({"conclude", "determine"})
# Subordinate clauses that set the scene: "after the troops crossed", "as raids spread".
BACKGROUND_MARKS = frozenset({"after", "before", "until", "once", "as", "since", "while", "when"})
# "the recollection of Yang Shangkun", "Shi Zhe's memoirs": who recalls the events later
RECOLLECTIONS = frozenset(
    "recollection recollections memoir memoirs testimony reminiscence reminiscences".split()
)
# "leaned towards accepting": an inclination, a decision only if the text calls it one
LEANING = frozenset({"lean", "incline"})
# Verbs of writing a message that may never be sent.
DRAFTING = frozenset({"draft", "prepare", "compose", "write"})
# Whom one sends with a message ("sent his envoy, Pak Il-u, to Beijing").
ENVOYS = frozenset("envoy emissary messenger representative delegate delegation aide".split())
# Verbs of telling whose to-infinitive makes the message advice or an order.
TOLD_TO_DO = {"advise": "propose", "tell": "direct"}
# Verbs that name the telegraph they use: whom they reach is the addressee ("telegraphed
# Zhou Enlai"), not an envoy as for "sent"/"dispatched Chai Chengwen to assure Kim".
WIRED = frozenset({"cable", "telegraph", "wire"})
# Verbs that pass a message on: someone else's message passed on is delivered ("Roshchin
# relayed this telegram to Mao"), one's own is told ("Mao conveyed a verbal message")
PASSING_ON = frozenset({"relay", "convey", "forward", "transmit", "pass on"})
# "Soviet Ambassador Roshchin", "V. M. Panikkar, Indian Ambassador to the PRC": an envoy
ENVOY_TITLE = re.compile(r"\b(?:ambassador|envoy|charg[ée] d'affaires)\b", re.I)
APPOSED_ENVOY = re.compile(
    r",\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,3}(?:Ambassador|[Ee]nvoy|Charg[ée] d'Affaires)\b"
)
# "a Defense and State meeting", "the State-JCS meeting": a meeting named for who met
NAMED_MEETING = re.compile(r"\b[A-Z][\w.-]*(?:\s+(?:and|&)\s+[A-Z][\w.-]*)*\s+$")
# "for a second time": the how-manieth message of its day this one is
ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5}
ORDINAL_TIME = re.compile(rf"\b(?:a|the) ({'|'.join(ORDINALS)}) time\b", re.I)
# "Facing the Politburo, Peng announced …", "Addressing the delegates, Joy stated …"
FACING = frozenset({"face", "address", "confront"})
# Channels on which an answer comes back at once, the same way: "Zhou asked Stalin … [at
# their meeting]. Stalin, however, replied that …"
FACE_TO_FACE = frozenset({"meeting", "conversation", "telephone", "teleconference"})
# Channels of a message written once and read as a whole.
WRITTEN = frozenset({"telegram", "letter"})
# Speech acts whose content is a decision not yet taken.
UNTAKEN = frozenset({"propose", "request", "direct"})
# Verbs of assent: a reply to a message, or with what was agreed a decision.
AGREEING = frozenset({"agree", "accept", "endorse", "consent", "approve", "concur"})
# "it is implausible that …": what the author doubts did not (by the author's account) happen
DOUBTED = frozenset({"implausible", "unlikely", "improbable", "doubtful", "impossible", "unclear"})
# "it is highly probable that …", "It seems that …", "probably": the author's inference
HEDGES = frozenset({"likely", "probable", "possible", "plausible", "conceivable"})
SEEMING = frozenset({"seem", "appear"})
HEDGING_ADVERBS = frozenset({"probably", "presumably", "apparently", "perhaps", "possibly"})
# "the UN side" is a party at the talks when the sentence is about them
TALKS = re.compile(r"\b(?:negotiat\w*|talks|armistice|truce|concessions?)\b", re.I)
# The talks themselves as a subject: "talks resumed", "the negotiations were suspended".
TALK_NOUNS = frozenset({"talk", "talks", "negotiation", "negotiations", "plenary", "session"})
# "both sides", "the two delegations", "delegates from both sides": the parties at the talks
BOTH_SIDES = re.compile(
    r"\b(?:both|two|each|neither)\s+(?:sides?|delegations?|parties|party)\b", re.I
)
NEGOTIATORS = frozenset({"side", "delegation", "delegate", "party", "representative", "negotiator"})
# Verbs whose to-infinitive happened ("managed to regain"), unlike "planned to", "sought to".
IMPLICATIVE = frozenset({"manage", "succeed", "proceed", "continue", "begin", "start"})
# The dependents of a verb that say when ("were frequent between …", "took place on …").
WHEN_DEPS = frozenset({"prep", "npadvmod", "advmod"})
# "the onset of Operation Showdown": nouns that name an operation's start or end
ONSET = frozenset("onset start beginning launch launching opening outbreak end conclusion".split())
# A step of the talks as a whole, told again a few sentences on ("Before talks resumed in
# late October, …" and "the negotiations that resumed on October 25").
RETOLD_STEPS = frozenset({"recess", "resume"})
# "the reduced UN offensives": operations told by their lessening
LESSENED = frozenset(
    "reduced reduce diminished diminish decreased fewer lessened waning dwindling".split()
)
# What an operation does when it is the subject: "the offensive began / stalled".
COURSE = frozenset(
    "begin start end continue fail succeed stall resume break collapse halt reach".split()
)
# Words that name the same action when one decision reverses another.
SAME = {"dispatch": "send", "deploy": "send", "enter": "intervene", "join": "intervene"}
NON = re.compile(r"^(?:non|no)[-‐ ]", re.I)
# What was decided is not said by "chose the former", "decided it".
ANAPHORIC = re.compile(r"^(?:the (?:former|latter|same)|it|this|that|so|otherwise)$", re.I)
# "consistently chose", "always decided": a habit, not one decision.
HABITUAL = frozenset({"consistently", "always", "repeatedly", "usually", "often", "invariably"})
PRIMARY = {
    "communication": "sender",
    "decision": "actor",
    "meeting": "participant",
    "military": "actor",
    "negotiation": "actor",
}
SCHOLARLY_SUBJECTS = re.compile(
    r"^(?:scholars?|historians?|researchers?|analysts?|studies|this (?:article|study|paper)|we|i)$",
    re.I,
)
STOP = frozenset(
    "the a an of to in on and or for with by at from that this his her its their as be was were "
    "would will not no into upon over under after before during war".split()
)


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
            # (a vague word dates nothing, but "during this period" names the months narrated)
            and (not t.vague or PERIOD.search(t.text))
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
                and not t.vague  # "during this period" dates its own sentence only
                # "his stance on the agreement the previous year": a look back
                and not LOOK_BACK.search(t.text)
                and t.precision not in ("decade", "century")  # "in the 1980s": historiography
            ):
                return t
            i -= 1
        return None


class _Reader:
    """Reads one document's sentences into events."""

    def __init__(
        self, doc: Document, times: list[TimeExpr], layer: ActorLayer, lex: Lexicon
    ) -> None:
        self.doc = doc
        self.lex = lex
        self.index = cl.MentionIndex(list(layer.mentions), layer.actors)
        starts = {s.start for s in doc.sentences}
        openers = frozenset(t.start for t in times if t.qualifier == "by" and t.start in starts)
        self.dates = _Dates(list(times), openers)
        self.events: list[Event] = []
        self.last_subject: dict[str, list[Mention]] = {}  # pronoun kind -> mentions
        # Who negotiates: a delegation, its members, and whoever held a delegate's role.
        delegations = {a.id for a in layer.actors.values() if "delegat" in a.name.casefold()}
        self.delegates = set(layer.delegates) | delegations
        self.delegates |= {
            m.holder_id for m in layer.mentions if m.actor_id in delegations and m.holder_id
        }
        # Who governs rather than negotiates: states, leaderships and the members of bodies.
        self.governing = {
            a.id
            for a in layer.actors.values()
            if a.kind == "state" or (a.kind == "group" and "leader" in a.name.casefold())
        } | layer.body_members
        self.talk_cues = re.compile(
            r"\b(?:" + "|".join(re.escape(c) for c in lex.negotiation_cues) + r")\b", re.I
        )
        self.parties = _talk_parties(doc, layer, delegations, self.about_talks)
        # Who the text calls a side ("the Communist side", "the UN side"): one of the two
        # parties to the talks, under whatever name ("the Communists resisted this approach")
        self.sides = {
            m.actor_id for m in layer.mentions if re.search(r"\bsides?$", doc.text[m.start : m.end])
        }
        self.reach = NoteReach(doc)
        self.last_meeting: tuple[int, list[str]] | None = None  # (block idx, participants)
        self.last_meeting_at = -1  # where that meeting's sentence ends
        self.last_meeting_held: tuple[int, list[str]] | None = None  # the same, any meeting
        # (block idx, drafters) after "Mao drafted a telegram to Stalin" that was not sent:
        # what the drafter "emphasized" next in the paragraph is the draft's content
        self.drafting: tuple[int, set[str]] | None = None
        self.witnesses: set[str] = set()  # who the text cites recalling the events later
        # where escorts are named ("Kovalev came … escorted by Shi Zhe"): "Mao received him"
        # means the one escorted
        self.escorts: set[int] = set()
        # (sentence idx, decision) for "leaned towards accepting …", until the next sentence
        self.inclined: tuple[int, Event] | None = None
        # (paragraph, sentence) of the last sentence that tells a historian's view
        self.last_view: tuple[int, int] | None = None
        # who the text says sits in which body ("Both Nitze and Sherman were members of the
        # SJM", "Rusk, Bradley, and other SJM members"): by member, each body's id and the
        # mention of it where the text says so
        self.membership: dict[str, dict[str, Mention]] = {}
        self.sentence_subjects: list[tuple[int, list[Mention]]] = []
        self.paragraph_subjects: tuple[int, list[tuple[int, list[Mention]]]] = (-1, [])

    # ------------------------------------------------------------ actors
    def resolve(
        self,
        tok,  # type: ignore[no-untyped-def]
        base: int,
        sentence: Sentence,
        not_of: list[str] | None = None,
    ) -> list[tuple[str, int, int, str]]:
        """(actor id, start, end, how) for a noun phrase: its mentions, or a pronoun's referent.

        A subject pronoun takes the last subject of its kind; an object pronoun
        ("informing him") the last person named before it who is not ``not_of``
        (the sender).
        """
        if tok is None:
            return []
        found = cl.phrase_mentions(tok, base, self.index)
        if found:
            return [(self.index.actor_of(m), m.start, m.end, "mention") for m in found]
        if tok.tag_ in ("WP", "WDT") and tok.head.dep_ == "relcl" and tok.head.head.i != tok.i:
            # "delivered the telegram to Mao, who replied …": who the clause describes
            return self.resolve(tok.head.head, base, sentence, not_of)
        if self.both_sides(tok, sentence):
            start, end = cl.span(tok, base)
            return [(a, start, end, "pronoun") for a in self.parties]
        met = self.recent(self.last_meeting_held, sentence)
        if tok.lemma_.casefold() in self.lex.meeting_nouns and tok.dep_ in ("nsubj", "nsubjpass"):
            start, end = cl.span(tok, base)  # "This meeting reversed …": those who met decided
            return [(a, start, end, "pronoun") for a in met]
        kind = cl.PRONOUNS.get(tok.text.casefold())
        if kind is None:
            return []
        start, end = cl.span(tok, base)
        if not_of is not None and tok.dep_ in ("dobj", "pobj", "dative") and kind == "person":
            lower = self.doc.blocks[sentence.block_idx].start
            pos = start
            while (m := self.index.before(pos, ("person", "role"), lower)) is not None:
                if self.index.actor_of(m) not in not_of and m.start not in self.escorts:
                    return [(self.index.actor_of(m), start, end, "pronoun")]
                pos = m.start
            return []
        if kind == "any":
            group = self.group_subject(tok, start, sentence)
            met = self.recent(self.last_meeting, sentence)
            if group and (not met or group[0] > self.last_meeting_at):
                return [(self.index.actor_of(m), start, end, "pronoun") for m in group[1]]
            if met:
                return [(a, start, end, "pronoun") for a in met]
        if tok.dep_ in ("nsubj", "nsubjpass", "poss") and not_of is None:
            for pos, ms in reversed(self.sentence_subjects):
                kinds = {self.index.kind(self.index.actor_of(m)) for m in ms}
                fits = (
                    kind == "any"
                    or (kind == "person" and len(ms) == 1 and kinds <= {"person", "role"})
                    or (kind == "body" and len(ms) == 1 and not kinds & {"person", "role"})
                )
                if pos < start and fits:
                    return [(self.index.actor_of(m), start, end, "pronoun") for m in ms]
        if kind == "body":  # "it decided": the nearest body named before it
            lower = self.doc.blocks[sentence.block_idx].start
            m = self.index.before(start, ("organization", "state", "group"), lower)
            return [(self.index.actor_of(m), start, end, "pronoun")] if m else []
        if kind == "any" and self.last_subject.get("any"):
            ms = self.last_subject["any"]
        elif self.last_subject.get(kind):
            ms = self.last_subject[kind]
        else:
            kinds = ("person", "role") if kind == "person" else ("organization", "state", "group")
            block = self.doc.blocks[sentence.block_idx]
            m = self.index.before(start, kinds, lower=block.start)
            ms = [m] if m else []
        return [(self.index.actor_of(m), start, end, "pronoun") for m in ms]

    def group_subject(self, tok, start: int, sentence: Sentence):  # type: ignore[no-untyped-def]
        """(position, mentions) of the paragraph's last subject that "they" can take: several
        actors, or one body ("the CCF leadership deliberated … they resolved"); "both leaders"
        takes only several people ("President Truman and Prime Minister Attlee")."""
        people = tok.lemma_.casefold() == "leader"
        for pos, ms in reversed(self.paragraph_subjects[1]):
            if pos >= start:
                continue
            kinds = {self.index.kind(self.index.actor_of(m)) for m in ms}
            if people and len(ms) > 1 and kinds <= {"person", "role"}:
                return pos, ms
            if not people and (len(ms) > 1 or not kinds & {"person", "role", "scholar"}):
                return pos, ms
        return None

    def recent(self, meeting: tuple[int, list[str]] | None, sentence: Sentence) -> list[str]:
        """The participants of a meeting described in this paragraph or the one before."""
        if meeting is None or meeting[0] < self.doc.blocks[sentence.block_idx].idx - 1:
            return []
        return meeting[1]

    def remember_subject(self, tok, base: int) -> None:  # type: ignore[no-untyped-def]
        found = cl.phrase_mentions(tok, base, self.index) if tok is not None else []
        if not found:
            return
        self.last_subject["any"] = found
        kinds = {self.index.kind(self.index.actor_of(m)) for m in found}
        if len(found) == 1 and kinds <= {"person", "role", "scholar"}:
            self.last_subject["person"] = found
        elif len(found) == 1:
            self.last_subject["body"] = found

    def is_view(self, tok, base: int) -> bool:  # type: ignore[no-untyped-def]
        """Is the subject of this verb a historian (or "scholars", "this article")?"""
        for prep in tok.children:  # "According to Kim Donggil, Mao sought …"
            if prep.dep_ != "prep" or prep.text.casefold() != "according":
                continue
            whose = [self.index.at(self.base + t.idx) for t in prep.subtree]
            if any(m and self.index.kind(self.index.actor_of(m)) == "scholar" for m in whose):
                return True
        subj = cl.subject(tok)
        if subj is None:
            return False
        if SCHOLARLY_SUBJECTS.match(subj.text) or SCHOLARLY_SUBJECTS.match(
            " ".join(t.text for t in subj.subtree)
        ):
            return True
        ms = cl.phrase_mentions(subj, base, self.index)
        if not ms and cl.PRONOUNS.get(subj.text.casefold()) == "person":
            # "He stressed that …" right after a historian was named: still the historian
            earlier = [ms for pos, ms in self.sentence_subjects if pos < base + subj.idx]
            ms = earlier[-1] if earlier else self.last_subject.get("person", [])
        return bool(ms) and all(self.index.kind(self.index.actor_of(m)) == "scholar" for m in ms)

    @staticmethod
    def recalling(tok) -> list:  # type: ignore[no-untyped-def]
        """Who a phrase names as recalling the events later: "A. Ledovsky, who was then Soviet
        Consul-General", "the recollection of Yang Shangkun", "Shi Zhe's memoirs"."""
        if tok.dep_ == "relcl" and tok.lemma_ == "be":
            if any(c.dep_ == "advmod" and c.text.casefold() == "then" for c in tok.children):
                return [tok.head]
        if tok.lemma_.casefold() in RECOLLECTIONS:
            return [*cl.children(tok, "poss"), *cl.preps(tok, "of")]
        return []

    def witness_account(self, tok, base: int) -> bool:  # type: ignore[no-untyped-def]
        """Is this what a witness said later ("Ledovsky insisted that this was the telegram
        of October 5"): the speaker recalls the events, and tells no one named?"""
        subj = cl.subject(tok)
        ms = cl.phrase_mentions(subj, base, self.index) if subj is not None else []
        if not ms or not all(self.index.actor_of(m) in self.witnesses for m in ms):
            return False
        told = [*cl.children(tok, "dobj", "dative"), *cl.preps(tok, "to")]
        return not any(cl.phrase_mentions(o, base, self.index) for o in told)

    # ------------------------------------------------------------ triggers
    def classify(self, tok, sent_text: str) -> tuple[str, str | None] | None:  # type: ignore[no-untyped-def]
        """(event type, act) for a trigger token, or None."""
        lex = self.lex
        if tok.pos_ in ("VERB", "AUX") and tok.tag_.startswith("VB"):
            if tok.dep_ in ("amod", "compound"):
                return None  # "the proposed cease-fire", "the drafted telegram"
            keys = cl.phrasal_keys(tok)
            objects = [c for c in tok.children if c.dep_ in ("dobj", "pobj")]
            obj_lemmas = {c.lemma_.casefold() for c in objects}
            for k in keys:
                if k in lex.settled and self.settles_item(tok):
                    return "negotiation", "agree"  # "agenda item 2 was established on …"
                step = lex.negotiation_acts.get(k)
                recess = step == "recess" and obj_lemmas & lex.recess_nouns
                if step and (recess or self.at_talks(tok, sent_text)):
                    if step == "recess" and k == "declare" and not recess:
                        continue
                    return "negotiation", step
                if k in AGREEING and self.agrees_to_what_was_said(tok):
                    return "communication", "agree"  # "a suggestion Stalin also approved"
                if k in lex.decision_verbs and not self.answers_someone(tok):
                    if k in JUDGEMENTS and not cl.children(tok, "dobj"):
                        continue  # "concluded that there would be no intervention": a judgement
                    if k in JUDGEMENTS and obj_lemmas & (lex.meeting_nouns | set(lex.channels)):
                        continue  # "concluding their discussions": ending talks, not deciding
                    return "decision", None
                if (
                    k in lex.meeting_hosts
                    and obj_lemmas & lex.meeting_nouns
                    and self.several(cl.subject(tok))
                ):
                    return "meeting", None  # "delegates from both sides initiated discussions"
                if k in lex.plan_verbs and obj_lemmas & lex.plan_nouns and not cl.passive(tok):
                    return "decision", None  # "the JCS developed a guideline for a cease-fire"
                # "extended his stay", "seeking proactive solutions": no message (but "initiated
                # a counter-offensive" may still be an operation)
                if k in lex.speech_acts and (
                    k not in lex.needs_object or self.object_fits(tok, k, objects)
                ):
                    act = lex.speech_acts[k]
                    if k == "express":
                        act = self.expressed(objects) or self.in_a_message(tok)
                        if act is None:
                            continue
                    if act == "inform" and cl.says_what_should_be(tok):
                        act = "propose"  # "stressed that negotiations should be conducted …"
                    if k in TOLD_TO_DO and cl.children(tok, "xcomp"):
                        act = TOLD_TO_DO[k]  # "advised Ridgway to be more receptive"
                    if k in PASSING_ON and self.passes_on_a_message(tok):
                        act = "deliver"
                    return "communication", act
                if k in lex.carriers:
                    for o in objects:
                        noun = o.lemma_.casefold()
                        if noun in lex.urging and not any(cl.to_infinitive(c) for c in o.children):
                            continue  # "Stalin exerted pressure on Mao": no message told
                        if noun in lex.message_nouns:
                            act = lex.message_nouns[noun]
                            if act == "inform":  # "sent telegrams to Li, urging a rigid stance"
                                act = self.what_it_urged(tok) or act
                            return "communication", act
                        if noun in lex.decision_nouns and k in lex.light_verbs:
                            return "decision", None
                    if k in WIRED or k == "broadcast":
                        return "communication", "inform"
                if k in lex.light_verbs and obj_lemmas & lex.decision_nouns:
                    return "decision", None
                if k in lex.meeting_verbs:
                    if k in ("receive", "visit") and not self.receives_someone(tok):
                        continue  # "visited General Ridgway", not "visited Moscow"
                    return "meeting", None
                if k in lex.meeting_hosts and obj_lemmas & lex.meeting_nouns:
                    return "meeting", None
                if k in lex.met_together and self.several(cl.subject(tok)):
                    return "meeting", None
                if k in lex.military_verbs or (
                    k in lex.launchers and any(self.holds_operation(o) for o in objects)
                ):
                    if self.background(tok):
                        continue
                    return "military", None
            return None
        if tok.pos_ in ("NOUN", "PROPN"):
            lemma = tok.lemma_.casefold()
            head = tok.head
            host = head.lemma_.casefold() if head.i != tok.i else ""
            if lemma in lex.meeting_nouns and self.noun_event(tok):
                if host in lex.meeting_hosts and tok.dep_ == "dobj":
                    return None  # the verb ("chaired the meeting") is the trigger
                return "meeting", None
            if lemma in lex.decision_nouns and self.nominal_decision(tok):
                return "decision", None
            if lemma in lex.approvals and self.approved(tok) is not None:
                return "decision", None
            if lemma in lex.message_nouns and self.addressed_message(tok):
                return "communication", lex.message_nouns[lemma]
            if (
                (lemma in lex.military_nouns or self.code_named(tok))
                and self.named_operation(tok)
                and self.stated_operation(tok)
            ):
                if (host in lex.launchers or host in lex.military_verbs) and tok.dep_ in (
                    "dobj",
                    "nsubjpass",
                ):
                    return None
                return "military", None
        return None

    def at_talks(self, tok, sent_text: str) -> bool:  # type: ignore[no-untyped-def]
        """Is the trigger a step at the talks: its subject a delegation or a delegate, or the
        sentence about the talks and its subject not a government deciding about them ("Mao
        proposed postponing the agenda item" is Mao's advice to Stalin, not a move at the
        table)."""
        subj = cl.subject(tok)
        named = (
            [self.index.actor_of(m) for m in cl.phrase_mentions(subj, self.base, self.index)]
            if subj is not None
            else []
        )
        if any(a in self.delegates for a in named) or self.talks_subject(tok):
            return True
        if subj is not None and TALKS.search(sent_text):
            if subj.lemma_.casefold() == "side" or (named and set(named) <= self.sides):
                return True  # "To advance the negotiations, the UN side … consented to …"
        if not self.talk_cues.search(sent_text):
            return False
        return not named or not all(a in self.governing for a in named)

    def about_talks(self, text: str) -> bool:
        return bool(TALKS.search(text) or self.talk_cues.search(text))

    def talks_subject(self, tok) -> bool:  # type: ignore[no-untyped-def]
        """Are the talks themselves the subject: "talks resumed", "the negotiations that
        resumed on October 25", "the talks were suspended"?"""
        subj = cl.subject(tok)
        if subj is not None and subj.tag_ == "WDT" and tok.dep_ == "relcl":
            subj = tok.head
        return subj is not None and subj.lemma_.casefold() in TALK_NOUNS

    def both_sides(self, tok, sentence: Sentence) -> bool:  # type: ignore[no-untyped-def]
        """ "both sides", "the two delegations", "delegates from both sides": the parties at
        the talks, when the phrase names negotiators or the sentence is about the talks."""
        if not self.parties or tok.lemma_.casefold() not in NEGOTIATORS:
            return False
        phrase = self.doc.text[slice(*cl.subtree_span(tok, self.base, frozenset({"relcl", "acl"})))]
        if not BOTH_SIDES.search(phrase):
            return False
        if tok.lemma_.casefold() in ("side", "party"):
            # "losses on both sides" are the war's; "both parties concurred on pursuing
            # negotiations" may be a conference's: only once the story is at the talks
            at_table = any(e.type == "negotiation" for e in self.events)
            text = self.doc.text[sentence.start : sentence.end]
            return self.talk_cues.search(text) is not None or (at_table and self.about_talks(text))
        return True

    def several(self, subj) -> bool:  # type: ignore[no-untyped-def]
        """Does the subject name several actors ("Mao and Zhou", "the two delegations")?"""
        if subj is None:
            return False
        named = self.resolve(subj, self.base, self.sentence)
        return len(named) + len(cl.co_subjects(subj)) > 1

    def settles_item(self, tok) -> bool:  # type: ignore[no-untyped-def]
        """ "agenda item 2 was established", "the demarcation line was settled": an agenda item
        settled, told in the passive without who settled it."""
        subj = cl.subject(tok)
        if subj is None or not cl.passive(tok) or cl.preps(tok, "by"):
            return False
        return self.agenda_item(self.doc.text[slice(*cl.subtree_span(subj, self.base))]) is not None

    def receives_someone(self, tok) -> bool:  # type: ignore[no-untyped-def]
        """Is the object of "received" or "visited" a person ("visited General Ridgway")?"""
        received = self.misread_subject(cl.subject(tok))  # "Mao, upon receiving Yudin, stated"
        objects = [received[1]] if received is not None and received[1].head.i != tok.i else []
        for o in children_deep(tok, "dobj") + objects:
            if (m := self.index.at(self.base + o.idx)) is not None:
                if self.index.kind(self.index.actor_of(m)) in ("person", "role"):
                    return True
            elif cl.PRONOUNS.get(o.text.casefold()) == "person":
                return True  # "Mao received him": the person named before
        return False

    def what_it_urged(self, tok) -> str | None:  # type: ignore[no-untyped-def]
        """The act of a message its participle states: "sent telegrams …, urging a rigid
        stance" is a request."""
        said = cl.children(tok, "advcl")
        said += [c for o in cl.children(tok, "dobj") for c in cl.children(o, "acl")]
        for c in said:  # "sent a joint letter to Stalin asking for …": the letter asks
            keys = cl.phrasal_keys(c) if c.tag_ == "VBG" else []
            act = next((self.lex.speech_acts[k] for k in keys if k in self.lex.speech_acts), None)
            if act not in (None, "inform"):
                return act
        return None

    def agrees_to_what_was_said(self, tok) -> bool:  # type: ignore[no-untyped-def]
        """A relative clause of assent to a message: "a suggestion Stalin also approved",
        "rename the agenda item …, to which Stalin agreed"."""
        if tok.dep_ != "relcl":
            return False
        if tok.head.lemma_.casefold() in self.lex.message_nouns:
            return True
        return any(
            g.lemma_.casefold() in ("which", "that")
            for p in cl.children(tok, "prep")
            for g in cl.children(p, "pobj")
        )

    def answers_someone(self, tok) -> bool:  # type: ignore[no-untyped-def]
        """ "agreed to the Chinese request", "endorsed Mao's plan": a reply, not a decision."""
        lex = self.lex
        if cl.key(tok) not in AGREEING:
            return False
        for o in cl.preps(tok, "to", "with") + cl.children(tok, "dobj"):
            if o.lemma_.casefold() in lex.message_nouns or o.lemma_.casefold() in (
                "viewpoint",
                "view",
                "position",
                "idea",
                "terms",
            ):
                return True
            if self.index.at(self.base + o.idx) is not None and self.index.kind(
                self.index.actor_of(self.index.at(self.base + o.idx))
            ) in ("person", "role"):
                return True
        return False

    def expressed(self, objects) -> str | None:  # type: ignore[no-untyped-def]
        for o in objects:
            lemma = o.lemma_.casefold()
            if lemma in ("agreement", "support", "approval", "consent"):
                return "agree"
            if lemma in ("opposition", "disagreement", "objection", "refusal"):
                return "refuse"
            if lemma in ("intention", "hope", "wish", "willingness", "readiness", "view", "regret"):
                return "inform"
        return None

    @staticmethod
    def hedged(tok) -> bool:  # type: ignore[no-untyped-def]
        """Is the event told as the author's inference: "It is more likely that Kovalev …
        went to deliver", "It seems that Peng … argued", "Kovalev probably delivered"?"""
        if any(c.dep_ == "advmod" and c.lower_ in HEDGING_ADVERBS for c in tok.children):
            return True
        for anc in cl.ancestors_until(tok, None):
            if _judged(anc, HEDGES):
                return True
            if anc.lemma_.casefold() in SEEMING and any(
                c.dep_ == "expl" or c.lower_ == "it" for c in anc.children
            ):
                return True
        return False

    def handed_over(self, tok, ev: Event, s: Sentence) -> bool:  # type: ignore[no-untyped-def]
        """ "when Kovalev came to the Politburo meeting, Stalin's telegram was relayed to Mao":
        a message passed on by no one named, as someone arrived, was handed over by them."""
        if ev.act != "deliver":
            return False
        for c in tok.children:
            if c.dep_ != "advcl" or c.lemma_.casefold() not in ARRIVING:
                continue
            if not any(m.text.casefold() in ("when", "as") for m in c.children):
                continue
            for a, st, en, _ in self.resolve(cl.subject(c), self.base, s):
                if a not in ev.actors("recipient"):
                    ev.add("sender", a, st, en, "arrived")
        return bool(ev.actors("sender"))

    def whose_message(self, tok) -> list[str]:  # type: ignore[no-untyped-def]
        """Who wrote the message a delivery hands over, as its words name them before the
        noun: "delivered the Stalin-Zhou joint telegram" -> Stalin, Zhou; "Stalin's telegram
        was relayed" -> Stalin."""
        lex = self.lex
        for o in cl.children(tok, "dobj", "nsubjpass"):
            if (
                o.lemma_.casefold() not in lex.message_nouns
                and o.lemma_.casefold() not in lex.channels
            ):
                continue
            before = [t for t in o.subtree if t.i < o.i]
            return list(
                dict.fromkeys(
                    self.index.actor_of(m)
                    for t in before
                    if (m := self.index.at(self.base + t.idx)) is not None
                )
            )
        return []

    def passed_on(self, subj, ev: Event, s: Sentence) -> None:  # type: ignore[no-untyped-def]
        """ "Mao's position was reported to Stalin": whoever last heard Mao's message passed it
        on, so the recipient of Mao's last message is the sender (when not the new recipient)."""
        if subj is None:
            return
        owners = [c for c in subj.children if c.dep_ == "poss"]
        authors = {a for o in owners for a, *_ in self.resolve(o, self.base, s)}
        for prev in reversed(self.events[-8:]):
            if prev.type != "communication" or not authors & set(prev.actors("sender")):
                continue
            heard = [
                r for r in prev.roles
                if r.role == "recipient" and r.actor_id not in ev.actors("recipient")
            ]  # fmt: skip
            for r in heard:
                ev.add("sender", r.actor_id, r.start, r.end, "passed-on")
            return

    def object_fits(self, tok, verb: str, objects) -> bool:  # type: ignore[no-untyped-def]
        """Does a verb that is a message only with certain objects have one?"""
        wanted = self.lex.needs_object[verb]
        if wanted:
            return any(o.lemma_.casefold() in wanted for o in objects)
        return bool(cl.preps(tok, "from")) or any(
            any(self.index.within(*cl.subtree_span(o, self.base))) for o in objects
        )

    def thing_speaks(self, tok) -> bool:  # type: ignore[no-untyped-def]
        """Is the active verb's subject a thing, not someone (no actor, not a pronoun)?"""
        if tok.pos_ not in ("VERB", "AUX") or cl.passive(tok):
            return False
        subj = cl.subject(tok)
        return subj is not None and subj.pos_ != "PRON" and subj.tag_ not in ("WP", "WDT")

    def in_a_message(self, tok) -> str | None:  # type: ignore[no-untyped-def]
        """ "expressed this sentiment in a message to Gottwald": said to someone, so told."""
        return "inform" if self.addressed_in(tok, "in") else None

    def faced(self, tok) -> list:  # type: ignore[no-untyped-def]
        """ "Facing a Politburo that was still divided, Peng announced …": whom the speaker
        faced (or addressed) as the sentence opens hears it (the parser may hang the
        participle anywhere in the sentence)."""
        return [
            o
            for t in tok.sent
            if t.i < tok.i and t.tag_ == "VBG" and t.lemma_.casefold() in FACING
            for o in cl.children(t, "dobj")
        ]

    def addressed_in(self, tok, *preps: str) -> list:  # type: ignore[no-untyped-def]
        """Who a message or channel phrase of the verb goes to: "in a message to Gottwald",
        "in a conversation with Yudin"."""
        return [
            to
            for o in cl.preps(tok, *preps)
            if o.lemma_.casefold() in self.lex.channels
            or o.lemma_.casefold() in self.lex.message_nouns
            for to in cl.preps(o, "to", "with")
        ]

    def noun_event(self, tok) -> bool:  # type: ignore[no-untyped-def]
        """A meeting noun that states a meeting: dated, held by someone, or "of"/"with" someone;
        not one someone set out to attend."""
        if cl.set_out_for(tok):
            return False
        host = tok.head.head if tok.head.dep_ == "prep" else tok.head  # "participated in the …"
        start, end = cl.subtree_span(tok, self.base, frozenset({"relcl", "acl"}))
        if self.dates.in_range(start, end):
            return True
        if tok.head.lemma_.casefold() in self.lex.meeting_hosts or (
            host.lemma_.casefold() in self.lex.meeting_hosts and host.pos_ == "VERB"
        ):
            return True
        for c in tok.children:
            if c.dep_ == "prep" and c.text.casefold() in ("of", "with", "between"):
                if any(self.index.within(*cl.subtree_span(c, self.base))):
                    return True
            if c.dep_ == "acl" and c.lemma_.casefold() in self.lex.meeting_hosts:
                # "a meeting held that afternoon by the Secretariat": dated, or held by someone
                if cl.preps(c, "by") or self.dates.in_range(*cl.subtree_span(c, self.base)):
                    return True
        verb = tok.head
        if tok.dep_ in ("nsubj", "nsubjpass") and verb.dep_ in ("ROOT", "conj"):
            # "Meetings on this topic … were frequent between December 1951 and February 1952"
            # (not "when the meeting reconvened that afternoon", not "This meeting reversed
            # Mao's decision of the previous day")
            said = [c for c in verb.children if c.i > verb.i and c.dep_ in WHEN_DEPS]
            said += [g for c in cl.children(verb, "acomp") for g in c.children if g.dep_ == "prep"]
            return any(self.dates.in_range(*cl.subtree_span(c, self.base)) for c in said)
        return False

    def passes_on_a_message(self, tok) -> bool:  # type: ignore[no-untyped-def]
        """Is what the verb passes on a message told before or someone else's: "relayed this
        telegram", "Bevin's message was relayed", "the joint telegram" (not "conveyed a verbal
        message", not "relayed to Moscow his intention")?"""
        passive = cl.passive(tok)
        subj = None if passive else cl.subject(tok)
        for o in cl.children(tok, "nsubjpass" if passive else "dobj"):
            if o.lemma_.casefold() not in self.lex.message_nouns:
                continue
            if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in o.children):
                return True
            owners = [c for c in o.children if c.dep_ == "poss"]
            if owners and not (subj is not None and cl.PRONOUNS.get(owners[0].lower_)):
                return True  # "Stalin's telegram" (not "his message", the subject's own)
        return False

    def message_ends(self, tok) -> tuple[list, list]:  # type: ignore[no-untyped-def]
        """Who sent and who received a message named by a noun: "Mao's telegram", "the
        directive of the JCS", "a request from X"; "… to MacArthur"."""
        senders = [*cl.children(tok, "poss"), *cl.preps(tok, "of", "from")]
        return senders, cl.preps(tok, "to")

    def addressed_message(self, tok) -> bool:  # type: ignore[no-untyped-def]
        """A message noun that states a message of its own: one message, its sender and
        recipient named in the phrase, what the clause says about it dated ("On September 28,
        this principle was reconfirmed by the directive of the JCS to MacArthur"). Not one
        named in passing ("Acting on directives from the NSC", "Responding to a request from
        the UNC Commander") nor the object of the verb that tells it ("sent a telegram to")."""
        if tok.tag_ != "NN":
            return False
        if tok.dep_ not in ("nsubj", "nsubjpass") and not (
            tok.dep_ == "pobj" and tok.head.dep_ == "agent"
        ):
            return False
        if not all(
            any(self.index.at(self.base + t.idx) is not None for t in end)
            for end in self.message_ends(tok)
        ):
            return False  # both ends named
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        return bool(self.dates.in_range(*cl.subtree_span(verb, self.base)))

    def misread_subject(self, subj):  # type: ignore[no-untyped-def]
        """(true subject, object) when the parser took the object of a participle for the
        subject: in "Mao, upon receiving Yudin, stated" Yudin follows "receiving", which has
        no object of its own, and Mao is left hanging before the preposition."""
        if subj is None or subj.left_edge.i == 0:
            return None
        before = subj.doc[subj.left_edge.i - 1]
        if before.tag_ != "VBG" or cl.children(before, "dobj") or before.head.dep_ != "prep":
            return None
        for t in reversed(subj.doc[: before.head.i]):
            if t.pos_ == "PROPN" and (m := self.index.at(self.base + t.idx)) is not None:
                if self.index.kind(self.index.actor_of(m)) in ("person", "role"):
                    return t, subj
        return None

    def background(self, tok) -> bool:  # type: ignore[no-untyped-def]
        """An operation the sentence mentions on the way to something else: "after American
        troops crossed the parallel", "crossing the 38th parallel", "to initiate the sixth
        offensive" — not one it reports."""
        verb = tok
        while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head  # "instructed his corps to conduct raids and launch offensives"
        if cl.to_infinitive(verb):
            # planned or intended, not (yet) carried out — unless it was managed
            return not (verb.dep_ == "xcomp" and verb.head.lemma_.casefold() in IMPLICATIVE)
        if any(self.holds_operation(c) for c in cl.children(tok, "dobj")):
            return False  # "after repelling the fourth CCF offensive": that offensive is reported
        if tok.tag_ == "VBG" and tok.dep_ != "ROOT":
            return True
        return any(c.dep_ == "mark" and c.text.casefold() in BACKGROUND_MARKS for c in tok.children)

    def stated_operation(self, tok) -> bool:  # type: ignore[no-untyped-def]
        """An operation noun that reports one: dated in its own phrase ("the offensive of April
        22"), or in the phrase of its onset ("the onset of Operation Showdown on October 14"),
        the subject of its course ("the offensive began"), or said to be an operation ("the
        battles at Punchbowl and Heartbreak Ridge were the central engagements")."""
        if any(c.dep_ == "amod" and c.lemma_.casefold() in LESSENED for c in tok.children):
            return False  # "the reduced UN offensives in December 1951": a lull, not an operation
        start, end = cl.subtree_span(tok, self.base, frozenset({"acl"}))
        if self.dates.in_range(start, end):  # "the landing …, which began on September 15"
            return True
        onset = self.onset(tok)
        if onset is not None and self.dates.in_range(
            *cl.subtree_span(onset, self.base, frozenset({"acl", "relcl"}))
        ):
            return True
        if tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
            attrs = cl.children(tok.head, "attr")
            return any(a.lemma_.casefold() in self.lex.military_nouns for a in attrs)
        return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.casefold() in COURSE

    @staticmethod
    def onset(tok):  # type: ignore[no-untyped-def]
        """ "the onset of Operation Showdown": the noun of its onset, or None."""
        prep = tok.head
        if tok.dep_ == "pobj" and prep.text.casefold() == "of" and prep.head.i != prep.i:
            if prep.head.lemma_.casefold() in ONSET:
                return prep.head
        return None

    def code_named(self, tok) -> bool:  # type: ignore[no-untyped-def]
        """ "Operation Showdown": a name that an operation noun introduces."""
        return tok.pos_ == "PROPN" and any(
            c.dep_ == "compound" and c.lemma_.casefold() in self.lex.military_nouns
            for c in tok.children
        )

    def holds_operation(self, phrase) -> bool:  # type: ignore[no-untyped-def]
        """Does the noun phrase name an operation ("Operation Commando", "a series of
        offensives")?"""
        return any(w.lemma_.casefold() in self.lex.military_nouns for w in phrase.subtree)

    def named_operation(self, tok) -> bool:  # type: ignore[no-untyped-def]
        """ "the fourth CCF offensive", "the Incheon landing", "the landing at Incheon"."""
        for c in tok.children:
            if (
                c.dep_ == "amod"
                and c.tag_ in ("JJ",)
                and c.text.casefold().endswith(("th", "st", "nd", "rd"))
            ):
                return True
            if c.dep_ in ("compound", "nmod", "amod") and c.pos_ == "PROPN":
                return True
            if c.dep_ == "prep" and c.text.casefold() in ("at", "on", "in", "of"):
                for g in c.children:
                    if g.pos_ == "PROPN" and not self.dates.in_range(*cl.span(g, self.base)):
                        return True
        return False

    # ------------------------------------------------------------ reading
    def read(self, parsed) -> list[Event]:  # type: ignore[no-untyped-def]
        by_block: dict[int, list[Sentence]] = {}
        for s in self.doc.sentences:
            by_block.setdefault(s.block_idx, []).append(s)
        for block, sp in parsed:
            self.base = block.start
            quotes = [(block.start + a, block.start + b) for a, b in quote_spans(sp.text)]
            tokens = list(sp)
            for s in by_block.get(block.idx, []):
                self._tokens = [t for t in tokens if s.start <= block.start + t.idx < s.end]
                self.sentence = s
                self.read_sentence(s, self._tokens, quotes)
        return self.events

    def read_sentence(self, s: Sentence, toks, quotes) -> None:  # type: ignore[no-untyped-def]
        text = self.doc.text[s.start : s.end]
        found: list[tuple[object, Event]] = []
        # Named subjects of this sentence's clauses, in order: a later "he" or "they" in
        # the same sentence means one of them ("Peng was opposed …; however, he consented").
        self.sentence_subjects = [
            (self.base + t.idx, ms)
            for t in toks
            if t.dep_ in ("nsubj", "nsubjpass") and t.text.casefold() not in cl.PRONOUNS
            if (ms := cl.phrase_mentions(t, self.base, self.index))
        ]
        for tok in toks:
            if tok.dep_ == "mark" and tok.lower_ in ("before", "until", "till"):
                clause = cl.subtree_span(tok.head, self.base)
                self.dates.bounds.update(t.start for t in self.dates.in_range(*clause))
            if tok.dep_ == "acl" and tok.tag_ == "VBN":
                self.look_back(tok)
            if tok.dep_ == "agent" and tok.head.dep_ in ("acl", "advcl") and tok.head.tag_ == "VBN":
                for o in cl.children(tok, "pobj"):
                    if (m := self.index.at(self.base + o.idx)) is not None:
                        self.escorts.add(m.start)
            for who in self.recalling(tok):
                if (m := self.index.at(self.base + who.idx)) is not None:
                    self.witnesses.add(self.index.actor_of(m))
        if self.paragraph_subjects[0] != s.block_idx:
            self.paragraph_subjects = (s.block_idx, [])
        self.paragraph_subjects[1].extend(self.sentence_subjects)
        # A historian's view goes on past what the parser took for its end ("this study
        # reconsiders the following issues: … 3) why the meeting reversed …") and into a
        # conclusion drawn from it ("Chinese scholars began to insist that … Therefore, Mao
        # took the initiative …").
        roots = [t for t in toks if t.dep_ == "ROOT"]
        view = (
            bool(roots) and roots[0].pos_ in ("VERB", "AUX") and self.is_view(roots[0], self.base)
        )
        argued_on = bool(CONCLUDING.match(text)) and self.last_view == (s.block_idx, s.idx - 1)
        if view or argued_on:
            self.last_view = (s.block_idx, s.idx)
        for tok in toks:
            pos = self.base + tok.idx
            if argued_on or (view and tok.sent.root.i != roots[0].i):
                continue
            if quoted_at(pos, quotes) and not self.quoted_narration(tok, quotes):
                continue
            kind = self.classify(tok, text)
            if kind is None:
                continue
            etype, act = kind
            if self.excluded(tok, etype, found, quotes):
                if (etype == "decision" or act == "agree") and self.leaning(tok):
                    leaning = self.build(tok, "decision", None, s, quotes)
                    self.inclined = (s.idx, leaning) if leaning is not None else None
                continue
            ev = self.build(tok, etype, act, s, quotes)
            if ev is not None and (cl.known_fact(tok) or tok.pos_ == "NOUN") and self.retells(ev):
                continue
            if ev is not None:
                found.append((tok, ev))
                if (refusal := self.refusal_decision(tok, ev)) is not None:
                    found.append((tok, refusal))
        self.conditions_of_earlier(s, toks)
        self.learn_membership(s, toks)
        self.note_drafts(s, toks, found)
        self.called_a_decision(s, toks, found)
        for r in roots:
            subj = cl.subject(r)
            if subj is not None and not cl.phrase_mentions(subj, self.base, self.index):
                # "This approach was proposed by McClure. He argued …": the agent
                agents = [g for a in cl.children(r, "agent") for g in cl.children(a, "pobj")]
                subj = agents[0] if agents else subj
            self.remember_subject(subj, self.base)
        for _, ev in found:
            self.add_event(ev)
            if ev.type == "meeting" and len(ev.actors("participant")) > 1:
                self.last_meeting = (s.block_idx, ev.actors("participant"))
                self.last_meeting_at = s.end
            if ev.type == "meeting" and ev.actors("participant"):
                self.last_meeting_held = (s.block_idx, ev.actors("participant"))

    def learn_membership(self, s: Sentence, toks) -> None:  # type: ignore[no-untyped-def]
        """Who the sentence says sits in a body: "Nitze and Sherman were members of the SJM",
        "Paul Nitze, a member of the SJM", "Rusk, Omar Bradley (the Chairman of the JCS), and
        other SJM members" (the names listed just before "and other … members")."""
        bodies = ("organization", "group")
        for tok in toks:
            if tok.lemma_.casefold() != "member":
                continue
            of = cl.preps(tok, "of")
            named = [self.index.at(self.base + t.idx) for t in [*of, *cl.children(tok, "compound")]]
            body = [
                m
                for m in named
                if m is not None and self.index.kind(self.index.actor_of(m)) in bodies
            ]
            if len(body) != 1:
                continue
            who: list[Mention] = []
            if tok.dep_ == "attr" and tok.head.lemma_ == "be":
                who = cl.phrase_mentions(cl.own_subject(tok.head), self.base, self.index)
            elif tok.dep_ == "appos":
                who = cl.phrase_mentions(tok.head, self.base, self.index)
            elif any(c.lower_ == "other" for c in tok.children):
                who = self.listed_before(self.base + tok.left_edge.idx, s.start)
            for m in who:
                if self.index.kind(self.index.actor_of(m)) in ("person", "role"):
                    seats = self.membership.setdefault(self.index.actor_of(m), {})
                    seats.setdefault(self.index.actor_of(body[0]), body[0])

    def listed_before(self, pos: int, lower: int) -> list[Mention]:
        """The names listed just before ``pos`` ("Rusk, Omar Bradley (the Chairman of the
        JCS), and"): back over commas, "and" and brackets, to the first word that is not one."""
        text, listed = self.doc.text, []
        while pos > lower:
            before = text[lower:pos]
            if (gap := re.search(r"(?:[\s,]|\band)+$", before)) and gap.start() < len(before):
                pos = lower + gap.start()
                continue
            if before.endswith(")") and (opened := before.rfind("(")) >= 0:
                pos = lower + opened
                continue
            m = self.index.before(pos, None, lower)
            if m is None or m.end != pos:
                break
            listed.append(m)
            pos = m.start
        return listed

    def look_back(self, participle) -> None:  # type: ignore[no-untyped-def]
        """A date earlier than the story's, in a participle that describes a thing ("breaking
        the promise made to Stalin on July 5, 1950", "the telegram sent on July 2"), names that
        thing: the story stays where it was."""
        start, end = cl.subtree_span(participle, self.base)
        now = dates.bounds(t.value) if (t := self.dates.last_before(start)) else None
        if now is None:
            return
        for d in self.dates.in_range(start, end):
            then = dates.bounds(d.value)
            if then is not None and then[1] <= now[0]:
                # (a value's days end where the next begins: "July 2" is over when July 3 begins)
                self.dates.bounds.add(d.start)

    def retells(self, ev: Event) -> bool:
        """ "the fact that Mao informed Stalin of the non-intervention decision twice on
        October 12": a message told before (same sender and day, to the same recipient or to
        no one named) is that one, and this sentence further evidence for it; so is "the fact
        that Mao had persuaded those with contrary views", to no one named, the last of
        Mao's messages that day."""
        if ev.type != "communication":
            return False
        for prev in reversed(self.events):
            if (
                prev.type == "communication"
                and prev.date == ev.date
                and set(prev.actors("sender")) & set(ev.actors("sender"))
                and (
                    not prev.actors("recipient")
                    or not ev.actors("recipient")
                    or set(prev.actors("recipient")) & set(ev.actors("recipient"))
                )
            ):
                prev.absorb(ev, self.events)
                _take_acts(prev, ev)
                return True
        return False

    @staticmethod
    def leaning(tok) -> bool:  # type: ignore[no-untyped-def]
        """ "leaned towards accepting the UN side's stance": an inclination, not yet a decision."""
        return tok.dep_ == "pcomp" and tok.head.head.lemma_.casefold() in LEANING

    def called_a_decision(self, s: Sentence, toks, found) -> None:  # type: ignore[no-untyped-def]
        """An inclination the next sentence calls "this decision" ("they did not communicate
        this decision to the UN") was one, by the author's account: it counts, with both
        sentences as its evidence."""
        if self.inclined is None or self.inclined[0] == s.idx:
            return
        if self.inclined[0] != s.idx - 1:
            self.inclined = None
            return
        ev = self.inclined[1]
        self.inclined = None
        for t in toks:
            if t.lemma_.casefold() in self.lex.decision_nouns and any(
                c.dep_ == "det" and c.text.casefold() in ("this", "that") for c in t.children
            ):
                ev.evidence.append((s.start, s.end))
                found.append((t, ev))
                return

    def note_drafts(self, s: Sentence, toks, found) -> None:  # type: ignore[no-untyped-def]
        """Remember who drafted a message this sentence does not also send."""
        for tok in toks:
            if tok.lemma_.casefold() not in DRAFTING or tok.pos_ != "VERB":
                continue
            if not any(
                o.lemma_.casefold() in self.lex.message_nouns for o in cl.children(tok, "dobj")
            ):
                continue
            drafters = {a for a, *_ in self.resolve(cl.subject(tok), self.base, s)}
            sent = any(
                e.type == "communication" and set(e.actors("sender")) & drafters for _, e in found
            )
            if drafters and not sent:
                self.drafting = (s.block_idx, drafters)

    def in_a_draft(self, ev: Event, s: Sentence) -> bool:
        """Is this message, by the drafter, to no one and with no date of its own, what the
        paragraph's unsent draft says ("In the draft, … Mao emphasized that …")?"""
        if self.drafting is None or self.drafting[0] != s.block_idx or ev.type != "communication":
            return False
        senders = set(ev.actors("sender"))
        return (
            bool(senders)
            and senders <= self.drafting[1]
            and not ev.actors("recipient")
            and not ev.states_its_date()
        )

    def refusal_decision(self, tok, ev: Event) -> Event | None:  # type: ignore[no-untyped-def]
        """ "Mao declined Stalin's request": besides the answer, a decision not to do what was
        requested. What that was comes from the request the text reported before (from the
        one whose request it was, to the one who declines it); the decision says which
        communication it is read from."""
        if ev.type != "communication" or ev.act != "refuse":
            return None
        asked = [
            o
            for o in cl.children(tok, "dobj")
            if self.lex.message_nouns.get(o.lemma_.casefold()) == "request"
        ]
        if not asked:
            return None
        askers = set(ev.actors("recipient"))
        request = next(
            (
                e
                for e in reversed(self.events)
                if e.type == "communication"
                and e.summary
                and ("request" == e.act or "request" in e.other_acts)
                and set(e.actors("sender")) & askers
                and set(e.actors("recipient")) & set(ev.actors("sender"))
            ),
            None,
        )
        if request is None:
            return None
        decision = Event(
            "decision",
            ev.sentence_idx,
            ev.trigger_start,
            ev.trigger_end,
            ev.trigger,
            list(ev.evidence),
            summary=request.summary,
            polarity="negative",
            date=ev.date,
            date_precision=ev.date_precision,
            date_inferred=ev.date_inferred,
            date_start=ev.date_start,
            date_end=ev.date_end,
            time=ev.time,
            notes=list(ev.notes),
            notes_inferred=list(ev.notes_inferred),
            basis=ev,
        )
        decision.add_from(ev, "sender", "actor")
        return decision

    def conditions_of_earlier(self, s: Sentence, toks) -> None:  # type: ignore[no-untyped-def]
        """ "The decision made on October 5 was conditional on Soviet assistance": a condition
        of an earlier decision (the one of that date, else the last), and this sentence
        becomes part of its evidence."""
        for tok in toks:
            lemma = tok.lemma_.casefold()
            if lemma not in CONDITIONAL:
                continue
            # "conditional on X": the phrase hangs from the adjective or from its "was"
            near = [*tok.children, *(tok.head.children if tok.dep_ == "acomp" else [])]
            on = [c for c in near if c.dep_ == "prep" and c.text.casefold() in ("on", "upon")]
            objs = [g for p in on for g in p.children if g.dep_ in ("pobj", "pcomp")]
            subj = cl.subject(tok) if tok.pos_ in ("VERB", "AUX") else cl.subject(tok.head)
            if not objs or subj is None or subj.lemma_.casefold() not in self.lex.decision_nouns:
                continue
            dated = [t for t in self.dates.in_range(*cl.subtree_span(subj, self.base)) if t.value]
            earlier = [e for e in self.events if e.type == "decision"]
            if dated:
                day = dated[0].value.split("T")[0]
                earlier = [e for e in earlier if (e.date or "").startswith(day)]
            if not earlier:
                continue
            target = earlier[-1]
            condition = self.doc.text[slice(*cl.subtree_span(objs[0], self.base))].strip()
            condition = re.sub(r"^whether (?:or not )?", "", condition)
            if condition not in target.conditions:
                target.conditions.append(condition)
            if (s.start, s.end) not in target.evidence:
                target.evidence.append((s.start, s.end))
                target.add_notes(*self.reach.of(s))

    def excluded(self, tok, etype: str, found, quotes) -> bool:  # type: ignore[no-untyped-def]
        """Drafted-not-sent, hypotheticals, historians' views, and content of another trigger."""
        if cl.is_hypothetical(tok):
            return True
        if cl.is_negated(tok) and etype != "decision":
            return True
        if tok.pos_ in ("VERB", "AUX") and self.is_view(tok, self.base):
            return True
        if etype == "communication" and self.witness_account(tok, self.base):
            return True
        for anc in cl.ancestors_until(tok, None):
            if quoted_at(self.base + anc.idx, quotes):
                continue  # the parser hung the narration under the quote: "informed X, “we …”"
            if anc.pos_ in ("VERB", "AUX") and self.is_view(anc, self.base):
                return True
            if _judged(anc, DOUBTED):
                return True  # "it is highly implausible that the telegram was delivered …"
            if cl.is_hypothetical(anc) and anc.dep_ == "advcl":
                return True
        if etype == "military" and tok.dep_ == "conj":
            # "attacked Soviet airplanes and brought down a bomber": one action, unless the
            # second takes a place ("repelled the offensive and recaptured Seoul")
            first = next((o for t, o in found if t.i == tok.head.i and o.type == "military"), None)
            places = [o for o in cl.children(tok, "dobj") if o.ent_type_ in ("GPE", "LOC", "FAC")]
            if first is not None and not places:
                return True
        if tok.dep_ in ("relcl", "acl") and cl.to_infinitive(tok):
            return True  # "a primary reason to postpone an armistice": not done
        if (
            etype == "decision"
            and tok.dep_ == "pcomp"
            and tok.head.text.casefold() in ("after", "before", "upon", "on")
        ):
            return True  # "After reaching consensus on agenda item 2, …": told as background
        if (
            etype in ("meeting", "decision")
            and tok.dep_ in ("advcl", "xcomp")
            and cl.to_infinitive(tok)
            and tok.head.lemma_.casefold() in (SETTING_OUT if etype == "meeting" else TRAVELLING)
        ):
            return True  # "left China to meet with Stalin", "traveled to Moscow to formulate plans"
        if tok.dep_ == "xcomp" and tok.head.lemma_.casefold() in IRREALIS:
            return True  # "needed to make a decision", "was prepared to propose": not (yet) done
        if (
            tok.dep_ == "xcomp"
            and tok.head.lemma_.casefold() == "have"
            and cl.to_infinitive(tok)
            and cl.passive(tok)
        ):
            return True  # "the telegram had to be delivered … before they decided": reasoned
        if tok.dep_ == "pcomp" and tok.head.head.lemma_.casefold() in IRREALIS:
            return True  # "leaned towards accepting"
        if tok.dep_ == "xcomp" and (
            tok.head.pos_ == "ADJ" or any(c.dep_ == "acomp" for c in tok.head.children)
        ):
            return True  # "it was important to determine", "ready to accept"
        # A speech act under a decision or under another speech act of the same sentence
        # is what was decided or said ("concurred on suggesting", "directed … not to inform").
        # A decision proposed, asked for or ordered is not (yet) taken ("proposed postponing
        # the agenda item", "convinced Ridgway to agree"); one reported is ("informed Stalin
        # that he had decided").
        ancestors = {a.i for a in cl.ancestors_until(tok, None)}
        first = tok
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head  # "that China would send troops … and to assert that …"
        # "directed the delegation … to accept the UN's proposal": a to-infinitive the parser
        # hung as an adverbial clause is still what was asked for
        asked = first.dep_ == "advcl" and cl.to_infinitive(first)
        for other_tok, other in found:
            if other_tok.i not in ancestors:
                continue
            if asked and other.act in UNTAKEN and other.type in ("communication", "negotiation"):
                return True
            if asked and other.type == "meeting":
                return True  # "met to determine a demarcation line": what the meeting was for
            if first.dep_ not in ("xcomp", "pcomp", "ccomp"):
                continue
            if cl.hung_main_clause(first.head) is first:
                continue  # "Peng argued that …, asked …": the parser hung the main clause
            if etype == "communication" and other.type in ("decision", "communication"):
                return True
            if (
                etype == "decision"
                and other.type in ("communication", "negotiation")
                and other.act in UNTAKEN
                and tok.pos_ == "VERB"
            ):
                return True
        return False

    def build(self, tok, etype: str, act: str | None, s: Sentence, quotes) -> Event | None:  # type: ignore[no-untyped-def]
        base = self.base
        t_start, t_end = cl.span(tok, base)
        ev = Event(etype, s.idx, t_start, t_end, tok.text, [(s.start, s.end)], act=act)
        text = self.doc.text[s.start : s.end]
        if tok.pos_ in ("NOUN", "PROPN"):
            self.noun_slots(tok, ev, s)
        else:
            self.verb_slots(tok, ev, s, quotes)
        if not ev.roles and etype != "military":
            return None
        if etype == "decision" and not ev.summary:
            return None  # "made a clear decision": nothing said of what
        if etype == "communication" and not (ev.actors("sender") or ev.actors("recipient")):
            return None
        if etype == "communication" and not ev.actors("sender") and self.thing_speaks(tok):
            return None  # "the Korean War threatened the CCP", "This initiative offered the U.S."
        if etype in ("decision", "negotiation", "military") and not (
            ev.actors("actor") or etype == "military"
        ):
            return None
        self.date_slots(tok, ev, s)
        if self.in_a_draft(ev, s):
            return None
        if self.hedged(tok):
            ev.certainty = "inferred"
        if etype in ("decision", "communication"):
            ev.conditions = cl.conditions(text)
        if etype == "negotiation":
            ev.item = self.agenda_item(text) or self.paragraph_item(s)
        ev.add_notes(*self.reach.of(s))
        return ev

    def verb_slots(self, tok, ev: Event, s: Sentence, quotes) -> None:  # type: ignore[no-untyped-def]
        base, lex = self.base, self.lex
        subj = cl.subject(tok) or cl.subject_hung_on_a_date(tok)
        if subj is not None and self.quoted_only(subj, tok, quotes):
            subj = None  # "…, "China should not wait …," emphasizing": not China's words
        agent = cl.preps(tok, "by")
        primary = PRIMARY[ev.type]
        if cl.passive(tok) and agent:
            who = self.resolve(agent[0], base, s)
        elif cl.passive(tok):
            who = []
        else:
            who = self.resolve(subj, base, s)
            for other in cl.co_subjects(subj):  # "Peng, Kim, and Pak traveled": two nsubj
                who += self.resolve(other, base, s)
        received = self.misread_subject(subj)
        if received is not None:  # "Mao, upon receiving Yudin, stated": Mao to Yudin
            who = self.resolve(received[0], base, s)
        for a, st, en, how in who:
            ev.add(primary, a, st, en, how)
        if ev.type == "negotiation" and not who and (cl.passive(tok) or self.talks_subject(tok)):
            for a in self.parties:  # "talks resumed", "agenda item 2 was established": both
                ev.add("actor", a, None, None, "carried")
        key = cl.key(tok)
        objects = cl.children(tok, "dobj", "dative")
        if received is not None and ev.type in ("communication", "meeting"):
            objects = [*objects, received[1]]
        if ev.type == "communication":
            recipients = []
            carrier_noun = None
            if key in lex.carriers:
                for o in objects:
                    if (
                        o.lemma_.casefold() in lex.message_nouns
                        or o.lemma_.casefold() in lex.channels
                    ):
                        carrier_noun = o
                    elif (
                        self.index.at(base + o.idx) is not None
                        or o.lemma_.casefold() in ENVOYS
                        or cl.PRONOUNS.get(o.text.casefold()) in ("person", "any")
                    ):
                        if key in WIRED and not cl.preps(tok, "to"):
                            recipients.append(o)  # "telegraphed Zhou Enlai": the addressee
                            continue
                        # "sent Chai Chengwen to Kim": the envoy ("cabled it": the message)
                        for a, st, en, how in self.resolve(o, base, s):
                            ev.add("via", a, st, en, how)
                    else:  # "relayed the movements of UN forces to China": what was relayed
                        recipients += cl.preps(o, "to")
                recipients += cl.preps(tok, "to")
                if carrier_noun is not None:
                    recipients += cl.preps(carrier_noun, "to", "with", "on")
            else:
                # a name the tagger took for a verb ("informed Kim Il-sung": "sung") still names
                recipients += [
                    o
                    for o in objects
                    if o.pos_ in ("PROPN", "PRON", "NOUN")
                    or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in o.children)
                ]
                recipients += cl.preps(tok, "to", "with")
            head = tok.head
            if tok.dep_ in ("advcl", "xcomp") and cl.key(head) in lex.carriers:
                # "sent Chai Chengwen to Kim Il-sung to assure Kim …": the envoy, the recipient
                # ("telegraphed Zhou, explaining …": the addressee)
                wired = cl.key(head) in WIRED and not cl.preps(head, "to")
                for o in cl.children(head, "dobj"):
                    for a, st, en, how in self.resolve(o, base, s):
                        ev.add("recipient" if wired else "via", a, st, en, how)
                recipients += cl.preps(head, "to")
                if not who:
                    for a, st, en, how in self.resolve(cl.subject(head), base, s):
                        ev.add(primary, a, st, en, how)
            recipients += self.addressed_in(tok, "in", "during", "by", "at")
            recipients += self.faced(tok)
            for o in recipients:
                for a, st, en, how in self.resolve(o, base, s, not_of=ev.actors("sender")):
                    if a not in ev.actors("sender") and a not in ev.actors("via"):
                        ev.add("recipient", a, st, en, how)
                if o.lemma_.casefold() in lex.message_nouns or o.lemma_.casefold() in (
                    "plan",
                    "viewpoint",
                    "view",
                    "position",
                ):
                    for p in o.children:  # "Mao's plan": the reply goes to Mao
                        if p.dep_ == "poss":
                            for a, st, en, how in self.resolve(p, base, s):
                                if a not in ev.actors("sender"):
                                    ev.add("recipient", a, st, en, how)
            if ev.act == "agree" and tok.dep_ == "relcl":  # the assent goes to who proposed
                said = next(
                    (a for a in cl.ancestors_until(tok, None) if cl.key(a) in lex.speech_acts),
                    None,
                )
                for a, st, en, how in self.resolve(cl.subject(said), base, s) if said else []:
                    if a not in ev.actors("sender"):
                        ev.add("recipient", a, st, en, how)
            for o in cl.preps(tok, "through", "via"):
                for a, st, en, how in self.resolve(o, base, s):
                    ev.add("via", a, st, en, how)
            for o in cl.preps(tok, "to") if not ev.actors("recipient") else []:
                asker = self.answered_message(o)  # "Responding to a request from the Commander"
                for a, st, en, how in self.resolve(asker, base, s) if asker is not None else []:
                    ev.add("recipient", a, st, en, how)
            if cl.passive(tok) and not agent:
                if not self.handed_over(tok, ev, s):
                    self.passed_on(subj, ev, s)
            ev.channel, said_in = self.channel(tok, quotes)
            self.message_told_before(ev, said_in, s)
            if ev.act == "deliver":
                ev.message_of = self.whose_message(tok)
            clause = self.doc.text[slice(*cl.subtree_span(tok, base))]
            if (counted := ORDINAL_TIME.search(clause)) is not None:
                ev.ordinal = ORDINALS[counted[1].casefold()]
            ev.content = self.quoted(tok, s, quotes)
            if ev.act in ("request", "propose", "direct"):
                ev.summary = self.asked(tok, quotes)
        elif ev.type == "decision":
            ev.summary, ev.polarity = self.decided(tok)
        elif ev.type == "meeting":
            for o in objects + cl.preps(tok, "with"):
                for a, st, en, how in self.resolve(o, base, s, not_of=ev.actors("participant")):
                    ev.add("participant", a, st, en, how)
            for o in objects:
                if o.lemma_.casefold() in lex.meeting_nouns:
                    self.noun_slots(o, ev, s)
            ev.summary = self.topic(tok) or ev.summary
        elif ev.type == "military":
            start, end = cl.subtree_span(
                tok, base, cl.ASIDES | {"nsubj", "prep", "advmod", "npadvmod", "aux"}
            )
            # "recaptured Seoul, and President Truman signed …": the operation ends at the "and"
            after = [c for c in tok.children if c.dep_ in ("cc", "conj") and c.i > tok.i]
            if after:
                end = min(end, base + after[0].idx)
            ev.summary = self.doc.text[start:end].rstrip(" ,;")
            for o in objects:
                if self.holds_operation(o):
                    ev.summary = self.doc.text[slice(*cl.subtree_span(o, base, cl.ASIDES))]
                    if key in REPELLERS:  # "repelled the fourth CCF offensive": the CCF's offensive
                        owners = [
                            m for m in self.index.within(*cl.subtree_span(o, base, cl.ASIDES))
                        ]
                        if owners:
                            ev.roles = [cl_role for cl_role in ev.roles if cl_role.role != "actor"]
                            for m in owners:
                                ev.add("actor", self.index.actor_of(m), m.start, m.end, "mention")
            ev.place = self.place(tok)
        elif ev.type == "negotiation":
            # what was proposed ("proposed that …") but not "Before" or "Notably"
            said = (cl.ASIDES - {"ccomp"}) | {"nsubj", "nsubjpass", "advmod", "mark"}
            ev.summary = self.doc.text[slice(*cl.subtree_span(tok, base, said))]

    def noun_slots(self, tok, ev: Event, s: Sentence) -> None:  # type: ignore[no-untyped-def]
        """A meeting, operation, decision or message named by a noun: who (inside the phrase,
        or the clause's subject)."""
        base = self.base
        if ev.type == "decision":  # "Mao's non-intervention decision": the owner decided
            for c in cl.children(tok, "poss"):
                for a, st, en, how in self.resolve(c, base, s):
                    ev.add("actor", a, st, en, how)
            approved = self.approved(tok)
            if approved is not None:  # "with Truman's approval, a directive was dispatched"
                ev.summary = "approve " + self.doc.text[slice(*cl.subtree_span(approved, base))]
                ev.polarity = "positive"
                return
            content = self.decision_content(tok)
            label = self.decision_label(tok)
            if content is not None:
                ev.summary = self.what_was_decided(content)
                negative = self.not_acting(content)
            else:  # "non-intervention": a decision not to intervene
                negative = bool(label and NON.match(label))
                ev.summary = NON.sub("", label) if label else None
            ev.polarity = "negative" if negative else "positive"
            return
        if ev.type == "communication":  # "the directive of the JCS to MacArthur"
            senders, recipients = self.message_ends(tok)
            for role, phrases in (("sender", senders), ("recipient", recipients)):
                for o in phrases:
                    for a, st, en, how in self.resolve(o, base, s):
                        ev.add(role, a, st, en, how)
            return
        start, end = cl.subtree_span(tok, base, frozenset({"relcl"}))
        for m in self.index.within(start, end):
            role = "participant" if ev.type == "meeting" else "actor"
            ev.add(role, self.index.actor_of(m), m.start, m.end, "mention")
        head = tok.head
        while head.dep_ in ("prep", "pobj") and head.head.i != head.i and head.lemma_ not in ONSET:
            head = head.head
        if head.pos_ in ("VERB", "AUX") and self.onset(tok) is None:
            # (not "With the onset of Operation Showdown, the CCF shifted": not the CCF's)
            subj = cl.subject(head)
            if ev.type == "meeting" or not ev.roles:
                for a, st, en, how in self.resolve(subj, base, s):
                    ev.add("participant" if ev.type == "meeting" else "actor", a, st, en, how)
        if ev.type == "military" and not ev.roles and head.lemma_ == "be":
            # "The battles at … were the central engagements for the Eighth Army"
            for attr in cl.children(head, "attr"):
                for o in cl.preps(attr, "for", "of"):
                    for a, st, en, how in self.resolve(o, base, s):
                        ev.add("actor", a, st, en, how)
        if ev.type == "meeting":
            # "initiated discussions on July 27 to determine a demarcation line"
            ev.summary = (
                ev.summary or self.topic(tok) or (self.topic(head) if head.i != tok.i else None)
            )
        else:
            ev.summary = self.doc.text[start:end]
            ev.place = self.place(tok)

    def decided(self, tok) -> tuple[str | None, str]:  # type: ignore[no-untyped-def]
        """What was decided (the clause or object of the verb) and the polarity."""
        lex = self.lex
        what = None
        negative = False
        # What was decided follows the verb: in "Peng was opposed …; however, he finally
        # consented" the clause before it is not its content.
        clauses = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.i > tok.i]
        objects = [c for c in tok.children if c.dep_ == "dobj"]
        for c in tok.children:
            if clauses or objects:
                break
            if c.i < tok.i:
                continue  # "In light of this disparity, Washington opted for …": not what
            if c.dep_ == "prep" and c.text.casefold() in DECIDED_ON:
                objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                if c.text.casefold() == "with" and (
                    not objs or objs[0].lemma_.casefold() not in lex.agreed_with
                ):
                    continue  # "agreed with Stalin" says with whom; "concurred with his view" what
                if objs and not self.dates.in_range(*cl.span(objs[0], self.base)):
                    what = objs[0]
                    negative = c.text.casefold() in ("against",)
                    break
        what = what or (clauses or objects or [None])[0]
        if what is None:
            for c in tok.children:
                if c.dep_ == "dobj" and c.lemma_.casefold() in lex.decision_nouns:
                    for g in c.children:
                        if g.dep_ in ("acl", "xcomp", "relcl"):
                            what = g
        if what is None:
            return None, "positive"
        if self.not_acting(what) or cl.is_negated(tok):
            negative = True
        if what.lemma_.casefold() in lex.decision_nouns:  # "made the decision to dispatch troops"
            content = self.decision_content(what)
            if content is None:
                return None, "positive"
            what = content
            negative = negative or self.not_acting(what)
        if any(c.dep_ == "advmod" and c.text.casefold() in HABITUAL for c in tok.children):
            return None, "positive"
        summary = self.what_was_decided(what)
        if ANAPHORIC.match(summary):
            return None, "positive"
        return summary, "negative" if negative else "positive"

    def not_acting(self, what) -> bool:  # type: ignore[no-untyped-def]
        """ "not to send", "to postpone": a decision not to act."""
        return cl.is_negated(what) or what.lemma_.casefold() in self.lex.not_acting

    def what_was_decided(self, what) -> str:  # type: ignore[no-untyped-def]
        """The words of what was decided, without the negation the polarity carries:
        "decided not to send troops" -> "send troops"."""
        start, end = cl.subtree_span(what, self.base, frozenset({"punct"}))
        negs = [self.base + c.idx for c in what.children if c.dep_ == "neg"]
        summary = "".join(
            t.text_with_ws
            for t in what.doc[what.left_edge.i : what.right_edge.i + 1]
            if start <= self.base + t.idx < end and self.base + t.idx not in negs
        ).strip()
        summary = re.sub(r"^(?:to|on|that|not to|to not|not)\s+", "", summary)
        return re.sub(r"^(?:not to|to not|not)\s+", "", summary)[:240]

    def decision_content(self, noun):  # type: ignore[no-untyped-def]
        """What a decision noun says was decided: "the decision to dispatch troops", "a
        consensus that China would not send troops" (not "of the previous day", not "on
        the grounds that …")."""
        for g in noun.children:
            if g.dep_ in ("acl", "xcomp", "relcl", "ccomp"):
                return g
            if g.dep_ == "prep" and g.text.casefold() in ("to", "on", "about", "against"):
                objs = [o for o in g.children if o.dep_ in ("pobj", "pcomp")]
                if (
                    objs
                    and not _reason(g)
                    and not self.dates.in_range(*cl.span(objs[0], self.base))
                ):
                    return objs[0]
        return None

    def nominal_decision(self, tok) -> bool:  # type: ignore[no-untyped-def]
        """A decision named by a noun with its owner: "Mao's non-intervention decision of the
        previous day", "his decision to enter the war" (not "made a decision": the verb is
        the trigger there)."""
        if tok.head.lemma_.casefold() in self.lex.light_verbs and tok.dep_ == "dobj":
            return False
        if not any(c.dep_ == "poss" for c in tok.children):
            return False
        if not (self.decision_label(tok) or self.decision_content(tok) is not None):
            return False
        # Stated as an event: dated in its own phrase ("of the previous day"), or what a
        # message told or a later decision overturned ("informed Stalin of his decision").
        if self.dates.in_range(*cl.subtree_span(tok, self.base, frozenset({"relcl", "acl"}))):
            return True
        for anc in cl.ancestors_until(tok, None):
            if anc.pos_ in ("VERB", "AUX"):
                k = cl.key(anc)
                return k in self.lex.speech_acts or k in REVERSERS
        return False

    def answered_message(self, tok):  # type: ignore[no-untyped-def]
        """Who sent the message an answer answers, when a noun names it with "from":
        "Responding to an urgent request from the UNC Commander". (The request itself is not
        an event: told in passing, like "acting on directives from the NSC".)"""
        prep = tok.head
        if tok.dep_ != "pobj" or prep.text.casefold() != "to" or prep.head.i == prep.i:
            return None
        if prep.head.lemma_.casefold() not in RESPONDING or prep.head.pos_ != "VERB":
            return None
        senders = cl.preps(tok, "from")
        return senders[0] if senders else None

    def approved(self, tok):  # type: ignore[no-untyped-def]
        """What an approval with its owner let happen: "with President Truman's approval, [a
        directive was] dispatched", "with Stalin's approval, Kim launched [the attack]" (not
        "sought Stalin's approval", "without his approval": nothing was approved)."""
        prep = tok.head
        if tok.dep_ != "pobj" or prep.text.casefold() not in APPROVED_BY:
            return None
        if not cl.children(tok, "poss") or prep.head.pos_ not in ("VERB", "AUX"):
            return None
        done = prep.head
        while True:
            things = (
                cl.children(done, "nsubjpass") if cl.passive(done) else cl.children(done, "dobj")
            )
            if things or done.dep_ not in ("conj", "advcl") or done.head.i == done.i:
                break
            done = done.head  # "a directive was formulated and, with …, dispatched"
        return things[0] if things else None

    def decision_label(self, tok) -> str | None:  # type: ignore[no-untyped-def]
        """ "non-intervention" in "the non-intervention decision"."""
        # A noun ("the withdrawal decision") or a hyphenated word ("non-intervention"), not
        # an adjective that says how it was taken ("their joint decision").
        mods = [
            c
            for c in tok.children
            if c.dep_ in ("compound", "amod", "nmod")
            and c.i < tok.i
            and not self.dates.in_range(*cl.span(c, self.base))
        ]
        if not mods or not any(c.pos_ in ("NOUN", "PROPN") or c.text == "-" for c in mods):
            return None
        start = min(cl.subtree_span(c, self.base)[0] for c in mods)
        end = max(cl.subtree_span(c, self.base)[1] for c in mods)
        return self.doc.text[start:end].strip() or None

    def topic(self, tok) -> str | None:  # type: ignore[no-untyped-def]
        for c in tok.children:
            if c.dep_ in ("xcomp", "advcl", "acl", "relcl") and c.lemma_.casefold() in (
                "discuss",
                "consider",
                "review",
                "address",
                "delineate",
                "decide",
                "determine",
                "settle",
            ):
                return self.doc.text[slice(*cl.subtree_span(c, self.base))][:200]
            if c.dep_ == "prep" and c.text.casefold() in ("on", "about", "regarding", "concerning"):
                objs = [g for g in c.children if g.dep_ == "pobj"]
                if objs and not self.when(objs[0]):
                    return self.doc.text[slice(*cl.subtree_span(objs[0], self.base))][:200]
        return None

    def when(self, tok) -> bool:  # type: ignore[no-untyped-def]
        """Is the phrase a time: a date ("on October 5") or a part of a dated day ("on the
        morning of October 5"), not what was met about?"""
        if self.dates.in_range(*cl.span(tok, self.base)):
            return True
        start, end = cl.subtree_span(tok, self.base)
        dated = any(t.end > start for t in self.dates.in_range(start - 20, end))
        return dated and tok.lemma_.casefold() in DAY_PARTS

    def place(self, tok) -> str | None:  # type: ignore[no-untyped-def]
        for t in [tok, *cl.children(tok, "dobj")]:
            for o in cl.preps(t, "in", "at", "off", "near", "to", "into", "on"):
                if o.ent_type_ in ("GPE", "LOC", "FAC") or (
                    o.pos_ == "PROPN" and not self.index.at(self.base + o.idx)
                ):
                    if not self.dates.in_range(*cl.span(o, self.base)):
                        return self.doc.text[slice(*cl.subtree_span(o, self.base, cl.ASIDES))]
            for o in cl.children(t, "dobj"):
                if o.ent_type_ in ("GPE", "LOC", "FAC"):
                    return self.doc.text[slice(*cl.subtree_span(o, self.base, cl.ASIDES))]
        return None

    def channel(self, tok, quotes):  # type: ignore[no-untyped-def]
        """(the medium, the word that names it): a channel noun the verb governs or a
        prepositional phrase names; a verb that names its medium ("cabled") has no word."""
        lex = self.lex
        k = cl.key(tok)
        if k in WIRED:
            return "telegram", None
        if k in ("broadcast",):
            return "broadcast", None
        candidates = []
        for t in [tok, *cl.children(tok, "dobj", "nsubj", "nsubjpass")]:
            for c in t.children:
                if c.dep_ in ("amod", "compound", "advmod") and c.text.casefold() in lex.channels:
                    candidates.append(c)
            if t.i != tok.i and t.lemma_.casefold() in lex.channels and k in lex.carriers:
                candidates.append(t)
            if t.i != tok.i and t.dep_ in ("nsubj",) and t.lemma_.casefold() in lex.channels:
                candidates.append(t)
        for t in self._tokens:  # the sentence's
            if t.dep_ == "pobj" and (
                t.head.text.casefold() in ("in", "by", "through", "via", "during", "at", "over")
                or self.part_of_message(t)
            ):
                if (
                    t.lemma_.casefold() in lex.channels
                    and not quoted_at(self.base + t.idx, quotes)
                    and not cl.set_out_for(t)
                ):
                    candidates.append(t)
                    for c in t.children:
                        if c.dep_ in ("amod", "compound") and c.text.casefold() in lex.channels:
                            candidates.insert(0, c)
        for c in candidates:
            word = c.text.casefold() if c.text.casefold() in lex.channels else c.lemma_.casefold()
            return lex.channels.get(word), c
        return None, None

    def part_of_message(self, t) -> bool:  # type: ignore[no-untyped-def]
        """ "At the end of the telegram", "in the text of his letter": said in that message."""
        prep = t.head
        return (
            prep.text.casefold() == "of"
            and prep.head.lemma_.casefold() in MESSAGE_PARTS
            and prep.head.dep_ == "pobj"
            and prep.head.head.text.casefold() in ("in", "at", "toward", "towards")
        )

    def message_told_before(self, ev: Event, said_in, s: Sentence) -> None:  # type: ignore[no-untyped-def]
        """ "At the end of the telegram, Stalin pledged …": a message that names no one, said in
        "the telegram" (``said_in``, the channel's word: a definite one) its sender has just
        been told to send, goes where that one went; so does a follow-up ("Five hours later,
        Mao sent a subsequent telegram")."""
        if ev.actors("recipient") or said_in is None:
            return
        noun = said_in.head if said_in.dep_ in ("amod", "compound") else said_in  # "verbal message"
        follow_up = any(c.lower_ in FOLLOW_UPS for c in noun.children)
        told = noun.dep_ == "pobj" and any(
            c.dep_ == "poss" or c.lower_ in ("the", "this", "that") for c in noun.children
        )
        if not (told or follow_up):
            return
        for prev in reversed(self.events[-6:]):
            if s.idx - prev.sentence_idx > 6:
                return
            if (
                prev.type == "communication"
                and prev.channel == ev.channel
                and set(ev.actors("sender")) & set(prev.actors("sender"))
            ):
                ev.add_from(
                    prev, "recipient", "recipient", "follow-up" if follow_up else "same-message"
                )
                if not follow_up:
                    ev.part_of = prev
                return

    def asked(self, tok, quotes) -> str | None:  # type: ignore[no-untyped-def]
        """What a request, proposal or order asks for, in the text's words when it is not a
        quotation: "requesting that China send troops" -> "China send troops"."""
        for c in tok.children:
            if c.dep_ in ("ccomp", "xcomp") and c.i > tok.i:
                start, end = cl.subtree_span(c, self.base, frozenset({"punct"}))
                if quoted_at(start, quotes):
                    return None
                text = self.doc.text[start:end].strip()
                return re.sub(r"^(?:that|to)\s+", "", text)[:240] or None
        return None

    def quoted(self, tok, s: Sentence, quotes) -> str | None:
        """The first quotation after the trigger, unless another speech verb comes between:
        in "delivered the telegram to Mao, who replied, “I agree …”" the words are the reply."""
        after = [(a, b) for a, b in quotes if s.start <= a < s.end and a >= self.base + tok.idx]
        if not after:
            return None
        a, b = after[0]
        between = (t for t in tok.doc[tok.i + 1 :] if self.base + t.idx < a)
        if any(t.pos_ == "VERB" and cl.key(t) in self.lex.speech_acts for t in between):
            return None
        return self.doc.text[a:b]

    def date_slots(self, tok, ev: Event, s: Sentence) -> None:  # type: ignore[no-untyped-def]
        exprs = self.dates.in_range(s.start, s.end)
        days = [
            t
            for t in exprs
            # "On the evening of October 2" is a time that states a day
            if (t.type == "date" or re.match(r"\d{4}-\d\d-\d\dT", t.value or ""))
            and not self.names_a_thing(tok, t)
            and not (ev.type == "decision" and self.in_what_was_decided(tok, t))
        ]
        clocks = [t for t in exprs if t.type == "time"]
        chosen = None
        if days:
            chosen = min(
                days, key=lambda t: (not self.governs(tok, t), abs(t.start - ev.trigger_start))
            )
        elif clocks and clocks[0].value and clocks[0].value[:4].isdigit():
            chosen = clocks[0]
        if chosen is None and not self.dates.unknown_in(s.start, s.end):
            chosen = self.dates.last_before(s.start)
            if chosen is not None:
                ev.date_inferred = True
        if chosen is not None:
            value = chosen.value or ""
            ev.date = value.split("T")[0] if "T" in value and "/" not in value else value
            ev.date_precision = (
                "day" if chosen.precision in ("minute", "part_of_day") else chosen.precision
            )
            ev.date_inferred = ev.date_inferred or chosen.inferred
            ev.date_start, ev.date_end = chosen.start, chosen.end
        for t in clocks:
            if t.value and "T" in t.value and re.search(r"T\d\d:\d\d", t.value):
                ev.time = re.search(r"T(\d\d:\d\d)", t.value).group(1)  # type: ignore[union-attr]
                break

    def first_token(self, t: TimeExpr):  # type: ignore[no-untyped-def]
        """The sentence's first token inside a time expression (None when none is)."""
        return next((d for d in self._tokens if t.start <= self.base + d.idx < t.end), None)

    def in_what_was_decided(self, tok, t: TimeExpr) -> bool:  # type: ignore[no-untyped-def]
        """Is the date inside an action the decision plans ("maintained a plan to initiate the
        sixth offensive in August"), so not the date of deciding? (An approval's date is
        that of what it let be done: "with Truman's approval, dispatched … on June 28".)"""
        if tok.lemma_.casefold() in self.lex.approvals:
            return False
        d = self.first_token(t)
        return d is not None and any(
            anc.pos_ == "VERB" and anc.dep_ in ("acl", "relcl") and anc.i > tok.i
            for anc in cl.ancestors_until(d, tok)
        )

    def names_a_thing(self, tok, t: TimeExpr) -> bool:  # type: ignore[no-untyped-def]
        """Is the date part of another decision's or message's name ("Mao's decision of the
        previous day", "the joint telegram of October 11") or of a relative clause about
        something else ("the negotiations that resumed on October 25"), not the date of
        ``tok``?"""
        lex = self.lex
        d = self.first_token(t)
        if d is None:
            return False
        for anc in cl.ancestors_until(d, None):
            if anc.i == tok.i:
                return False
            if anc.pos_ in ("VERB", "AUX"):
                # "the negotiations that resumed on October 25": the date of a thing named
                # but "the landing at Incheon by UN forces, which began on September 15"
                # dates the landing: the clause hangs inside the trigger noun's phrase
                # as does "launched Operation Commando, which commenced on October 3": the
                # clause describes the operation the verb launched
                own = {w.i for w in tok.subtree} if tok.pos_ in ("NOUN", "PROPN") else {tok.i}
                for o in cl.children(tok, "dobj"):
                    if self.holds_operation(o):
                        own |= {w.i for w in o.subtree}
                clause = anc
                while clause.dep_ == "conj":  # "… and continued until October 19"
                    clause = clause.head
                if self.held_at(tok, clause.head):
                    return False  # "argued in the Politburo meeting held on October 13"
                return (
                    clause.dep_ in ("relcl", "acl")
                    and clause.head.i not in own
                    and tok.i not in {w.i for w in clause.subtree}
                )
            if (
                anc.dep_ == "prep"
                and anc.text.casefold() in ("of", "from")
                and anc.head.i != tok.i
                and (
                    anc.head.lemma_.casefold() in lex.decision_nouns
                    or anc.head.lemma_.casefold() in lex.message_nouns
                )
            ):
                return True
        return False

    def quoted_narration(self, tok, quotes) -> bool:  # type: ignore[no-untyped-def]
        """Does a quotation open on the verb, its subject outside: the writer tells the act in
        the source's words ("Moreover, he “asked Stalin to provide …”"), not someone's speech?"""
        if tok.pos_ != "VERB" or tok.dep_ != "ROOT":
            return False
        subj = cl.subject(tok)
        if subj is None or subj.i > tok.i:
            return False
        pos = self.base + tok.idx
        opening = [a for a, b in quotes if a <= pos < b]
        if not opening or quoted_at(self.base + subj.idx, quotes):
            return False
        return not self.doc.text[opening[0] : pos].strip(" “”\"'‘’")

    def quoted_only(self, word, tok, quotes) -> bool:  # type: ignore[no-untyped-def]
        """Is ``word`` inside a quotation that ``tok`` is outside of?"""
        return quoted_at(self.base + word.idx, quotes) and not quoted_at(
            self.base + tok.idx, quotes
        )

    def held_at(self, tok, noun) -> bool:  # type: ignore[no-untyped-def]
        """Is ``noun`` the meeting the trigger took place in ("in the meeting held on …")?"""
        prep = noun.head
        return (
            noun.lemma_.casefold() in self.lex.meeting_nouns
            and noun.dep_ == "pobj"
            and prep.text.casefold() in ("in", "at", "during")
            # (or on its subject: "Peng Dehuai, in the … meeting held on October 13, argued")
            and (prep.head.i == tok.i or (prep.head.dep_ == "nsubj" and prep.head.head.i == tok.i))
        )

    def governs(self, tok, t: TimeExpr) -> bool:  # type: ignore[no-untyped-def]
        """Does the date phrase hang from this trigger in the parse (not from another verb)?"""
        d = self.first_token(t)
        if d is None:
            return False
        for anc in [d, *cl.ancestors_until(d, None)]:
            if anc.i == tok.i:
                return True
            if anc.pos_ == "VERB" and anc.i != d.i:
                return False
        return False

    def paragraph_item(self, s: Sentence) -> str | None:
        """The agenda item the paragraph last named before the sentence ("Agenda item 4,
        concerning POWs, … the Communists vehemently resisted this approach")."""
        for before in reversed(self.doc.sentences[: s.idx]):
            if before.block_idx != s.block_idx:
                return None
            if item := self.agenda_item(self.doc.text[before.start : before.end]):
                return item
        return None

    def agenda_item(self, text: str) -> str | None:
        low = text.casefold()
        m = re.search(r"\bagenda items? (\d+)", low) or re.search(r"\bitems? (\d+)\b", low)
        if m:
            return f"item {m.group(1)}"
        best = None
        for word, item in self.lex.agenda_items.items():
            at = re.search(rf"\b{re.escape(word)}\b", low)
            if at and (best is None or at.start() < best[0]):
                best = (at.start(), item)
        return best[1] if best else None

    def add_event(self, ev: Event) -> None:
        """Add, or fold into an event of the same sentence with the same primary actor."""
        primary = PRIMARY[ev.type]
        for other in self.events[-4:]:
            if other.sentence_idx != ev.sentence_idx or other.type != ev.type:
                continue
            if ev.type == "military":
                continue  # "repelled the offensive … and recaptured Seoul": two operations
            if set(other.actors(primary)) & set(ev.actors(primary)) or ev.type == "meeting":
                if ev.type == "communication" and ev.act and ev.act != other.act:
                    act = ev.act
                    if ev.actors("recipient") and not other.actors("recipient"):
                        # "issued an order … and informed Stalin": the act told to someone
                        act, other.act = other.act, ev.act
                    if act not in other.other_acts:
                        other.other_acts.append(act)
                other.add_all(ev)
                other.channel = other.channel or ev.channel
                other.conditions = other.conditions or ev.conditions
                other.summary = other.summary or ev.summary
                return
        self.events.append(ev)


def _talk_parties(
    doc: Document, layer: ActorLayer, delegations: set[str], about: Callable[[str], bool]
) -> list[str]:
    """The two sides at the talks: the delegations named most often in sentences about the
    negotiations (a member counts for their delegation), in the order first named."""
    of_member = {m: a.id for a in layer.actors.values() if a.id in delegations for m in a.members}
    talks = [(s.start, s.end) for s in doc.sentences if about(doc.text[s.start : s.end])]
    counts: dict[str, int] = {}
    for m in layer.mentions:
        party = m.actor_id if m.actor_id in delegations else of_member.get(m.actor_id)
        if party and any(a <= m.start < b for a, b in talks):
            counts[party] = counts.get(party, 0) + 1
    ranked = sorted(counts, key=lambda a: -counts[a])[:2]
    return [a for a in counts if a in ranked]


def _reason(prep) -> bool:  # type: ignore[no-untyped-def]
    return any(g.lemma_.casefold() in REASONS for g in prep.children if g.dep_ == "pobj")


def children_deep(tok, dep: str) -> list:  # type: ignore[no-untyped-def]
    out = []
    for c in tok.children:
        if c.dep_ == dep:
            out.append(c)
            out += [g for g in c.children if g.dep_ == "conj"]
    return out


def _content_words(text: str | None) -> set[str]:
    """The words of a phrase, names included ("if Kim agrees" is not "if Mao agrees"), unlike
    the subject stems two decisions are compared by (``_stems``)."""
    return {w for w in re.findall(r"[a-z]{3,}", (text or "").casefold()) if w not in STOP}


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
    states wins over one carried or inferred."""

    def earlier(ev: Event, kept: list[Event]) -> Event | None:
        name = _operation_name(ev)
        return next((p for p in kept if _operation_name(p) == name), None) if name else None

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
    participants). Two told by verbs ("met", "conferred") are two meetings."""

    def same(prev: Event, ev: Event) -> bool:
        if prev.type != "meeting" or prev.date != ev.date:
            return False
        had, has = set(prev.actors("participant")), set(ev.actors("participant"))
        if ev.trigger.casefold() in nouns:
            return bool(had & has)
        return prev.trigger.casefold() in nouns and prev.states_its_date() and had <= has

    def earlier(ev: Event, kept: list[Event]) -> Event | None:
        if ev.type != "meeting" or ev.date_precision != "day" or not ev.states_its_date():
            return None
        return next((p for p in reversed(kept) if same(p, ev)), None)

    def take(target: Event, ev: Event) -> None:
        target.summary = target.summary or ev.summary
        target.place = target.place or ev.place
        if ev.trigger.casefold() not in nouns:  # the fuller telling names all who met
            target.add_all(ev)

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


# "Therefore, …": the conclusion of the sentence before
CONCLUDING = re.compile(r"\s*(?:Therefore|Thus|Hence|Accordingly),")
# "during this period", "throughout that period": the months the paragraph has narrated
PERIOD = re.compile(r"\b(?:this|that) period\b", re.I)
# "On returning, …", "Upon his return, …": back from where the last sentence was
RETURNING = re.compile(r"\s*(?:On|Upon|After)\s+(?:(?:his|her|their)\s+)?return(?:ing)?\b")
# Prepositions whose object is what was decided ("concurred on", "agreed against", "opted for", "with
# the president's perspective").
DECIDED_ON = ("on", "upon", "to", "against", "in", "with", "for")
# Verbs of answering: "responding to a request from X" answers X.
RESPONDING = frozenset({"respond", "reply", "answer", "react"})
# Speech acts that answer a message (one answer told again may be told by another of them),
# and those that ask for an answer, at most a month before.
MONTH_DAYS = 31
ANSWERS = frozenset({"reply", "agree", "refuse"})
ASKING = frozenset({"request", "propose", "direct", "warn"})
# "a subsequent telegram", "another letter": a message that follows one to the same recipient
FOLLOW_UPS = frozenset({"subsequent", "another", "second", "further", "follow-up", "later", "new"})
# Parts of a message ("at the end of the telegram"): what is said there is said in it.
MESSAGE_PARTS = frozenset(
    {"end", "beginning", "close", "conclusion", "text", "body", "part", "middle"}
)
# Words for a part of a day ("on the morning of October 5", "the night of October 6").
DAY_PARTS = frozenset(
    {"morning", "afternoon", "evening", "night", "dawn", "eve", "noon", "midnight", "day"}
)
# Prepositions under which an approval let something be done ("with", "upon" Truman's approval).
APPROVED_BY = ("with", "upon", "after", "following")

REVERSAL_CUES = re.compile(
    r"\b(?:revers\w*|overturn\w*|overrul\w*|rescind\w*|again|instead|changed? (?:its|his|her|their) mind)\b",
    re.I,
)


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


def _merge_restated_decisions(
    events: list[Event], members: dict[str, frozenset[str]]
) -> list[Event]:
    """A decision told again elsewhere — in the conclusion, or by the body for its leader
    ("the Politburo formally made the decision to dispatch troops" and "Mao Zedong decided
    on October 5, 1950, to send troops") — is one decision: the same day, the same polarity,
    a related decider and a shared subject. It takes the deciders and conditions of both."""

    def earlier(ev: Event, kept: list[Event]) -> Event | None:
        if ev.type != "decision" or not ev.date or len(ev.date) != 10:
            return None
        return next(
            (
                prev
                for prev in kept
                if prev.type == "decision"
                and prev.sentence_idx != ev.sentence_idx
                and prev.date == ev.date
                and prev.polarity == ev.polarity
                and _related(prev, ev, members)
                and _stems(prev.summary) & _stems(ev.summary)
            ),
            None,
        )

    def take(target: Event, ev: Event) -> None:
        target.add_all(ev)
        _add_conditions(target, ev.conditions)
        _take_stated_date(target, ev)

    return _fold(events, earlier, take)


def _link_reversals(events: list[Event], doc: Document, members: dict[str, frozenset[str]]) -> None:
    """A decision reverses the latest earlier one (in date order) by a related decider with
    the other polarity, on a shared subject (or, with a reversal cue in its sentence —
    "reversed", "again", "instead" — whatever the earlier one was about)."""
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
            shared = _stems(prev.summary) & _stems(d.summary)
            if not (shared or (cue and prev.polarity != d.polarity)):
                continue
            if prev.polarity != d.polarity:
                d.reverses = prev.id
            break


def _stems(text: str | None) -> set[str]:
    """Content words cut to five letters, so "intervene" meets "intervention"; names
    ("Korea", "NEBDA") do not make two decisions about the same thing."""
    words = re.findall(r"\b[a-z][a-z-]{2,}", text or "")
    return {SAME.get(w, w)[:5] for w in words if w not in STOP}


def find_events(
    doc: Document,
    times: list[TimeExpr],
    layer: ActorLayer,
    parsed,  # type: ignore[no-untyped-def]
    lex: Lexicon | None = None,
) -> list[Event]:
    """Every event the body text states, in text order, with ids ``e001``, ``e002`` …"""
    reader = _Reader(doc, times, layer, lex or load_lexicon())
    reader.read(parsed)
    ordered = sorted(reader.events, key=lambda e: e.evidence[0][0])
    members = {a.id: frozenset(a.members) for a in layer.actors.values() if a.members}
    _channels_from_meetings(ordered, doc, members, reader.membership)
    ordered = _merge_steps(_merge_operations(_without_shared_positions(ordered)))
    ordered = _merge_meetings(ordered, reader.lex.meeting_nouns)
    kinds = {a.id: a.kind for a in layer.actors.values()}
    events = _merge_announcements(_merge_restatements(ordered, doc), doc, members, kinds)
    events = _merge_restated_decisions(events, members)
    events = _merge_retold_messages(events, kinds)
    _link_deliveries(events)
    _answered(events, doc)
    _dialogues(events, doc, kinds)
    events = _merge_counted(events)
    _conversations_with_envoys(events, _envoys_named(doc, layer), kinds)
    date_by_sequence(events, doc)
    for n, ev in enumerate(events, 1):
        ev.id = f"e{n:03d}"
    for ev in events:
        if ev.basis is not None:
            ev.derived_from = ev.basis.id
        if ev.delivered is not None:
            ev.delivers = ev.delivered.id
    _link_reversals(events, doc, members)
    return events
