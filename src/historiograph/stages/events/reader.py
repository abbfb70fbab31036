"""Reads one document's sentences into events, clause by clause."""

from __future__ import annotations

import re

from historiograph import dates
from historiograph.model import Document, Sentence
from historiograph.stages import clauses as cl
from historiograph.stages.actors import ActorLayer, Mention
from historiograph.stages.events.circumstances import Circumstances
from historiograph.stages.events.decisions import Decisions
from historiograph.stages.events.discourse import Discourse
from historiograph.stages.events.frames import Frame, load_frames
from historiograph.stages.events.framing import Framing
from historiograph.stages.events.merging import _take_acts
from historiograph.stages.events.nominals import Nominals
from historiograph.stages.events.records import Event, _Dates
from historiograph.stages.events.slots import Slots
from historiograph.stages.events.triggers import Triggers, known_verbs
from historiograph.stages.events.vocabulary import (
    CONCLUDING,
    CONDITIONAL,
    DRAFTING,
    LEANING,
    PRIMARY,
    _talk_parties,
    _talking_states,
)
from historiograph.stages.lexicon import Lexicon
from historiograph.stages.note_reach import NoteReach
from historiograph.stages.times import TimeExpr, quote_spans, quoted_at

# a period that opens a sentence as its frame ("During World War II, …"), not a place of
# meeting ("At Yalta, …") nor a bound ("After the war, …")
SCENE = re.compile(r"(?:during|throughout|in the course of)\b", re.I)


class _Reader(Triggers, Nominals, Framing, Slots, Decisions, Circumstances, Discourse):
    """Reads one document's sentences into events."""

    def __init__(
        self, doc: Document, times: list[TimeExpr], layer: ActorLayer, lex: Lexicon
    ) -> None:
        self.doc = doc
        self.lex = lex
        self.known_verbs = known_verbs(lex)  # a verb outside these and the frames is no trigger
        self.frames = load_frames()
        self.framed: dict[int, Frame] = {}  # trigger start -> the frame it filled
        self.index = cl.MentionIndex(list(layer.mentions), layer.actors)
        starts = {s.start for s in doc.sentences}
        openers = frozenset(t.start for t in times if t.qualifier == "by" and t.start in starts)
        scenes = frozenset(
            t.start
            for t in times
            if t.precision == "period" and t.start in starts and SCENE.match(t.text)
        )
        self.dates = _Dates(list(times), openers, scenes)
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
        # Talks between governments with no delegation named (a mediator shuttling between
        # capitals): the states named in the paragraphs about the negotiations are the sides.
        self.talking_states = (
            _talking_states(doc, layer, self.about_talks) if not delegations else frozenset()
        )
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

    def read(self, parsed) -> list[Event]:  # type: ignore[no-untyped-def]
        by_block: dict[int, list[Sentence]] = {}
        for s in self.doc.sentences:
            by_block.setdefault(s.block_idx, []).append(s)
        for block, sp in parsed:
            self.base = block.start
            self.block = block
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
            if (
                ms := [m for m in cl.phrase_mentions(t, self.base, self.index) if m.how != "author"]
            )
        ]
        for tok in toks:
            if tok.dep_ == "mark" and tok.lower_ in ("before", "until", "till"):
                clause = cl.subtree_span(tok.head, self.base)
                self.dates.bounds.update(t.start for t in self.dates.in_range(*clause))
            if tok.dep_ == "relcl" and any(c.lower_ == "where" for c in tok.children):
                # "Aswan, where Sadat worked during the winter": the place's date, not the story's
                clause = cl.subtree_span(tok, self.base)
                self.dates.bounds.update(t.start for t in self.dates.in_range(*clause))
            if (
                tok.dep_ in ("ROOT", "conj", "ccomp")
                and cl.past_perfect(tok)
                and self.dates.in_range(self.doc.blocks[s.block_idx].start, s.start)
            ):
                # "The perception had changed in the years between 1945 and 1950": a look
                # back from the time the paragraph narrates, which it resumes after it (but
                # "In August 1950, the war had entered a stalemate" sets that time, and so
                # does a look back that opens the paragraph: "A revolution had ended in 1959
                # … The Castro regime quickly severed ties")
                clause = cl.subtree_span(tok, self.base)
                self.dates.bounds.update(
                    t.start for t in self.dates.in_range(self.base + tok.idx, clause[1])
                )
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

    def add_event(self, ev: Event) -> None:
        """Add, or fold into an event of the same sentence with the same primary actor."""
        primary = PRIMARY[ev.type]
        for other in self.events[-4:]:
            if other.sentence_idx != ev.sentence_idx or other.type != ev.type:
                continue
            if ev.type == "military":
                continue  # "repelled the offensive … and recaptured Seoul": two operations
            if (
                ev.type == "negotiation"
                and ev.act != other.act
                and set(ev.actors(primary)) != set(other.actors(primary))
            ):
                continue  # "both sides had agreed to compromises, and Israel had assented to …"
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
