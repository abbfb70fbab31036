"""Triggers read by the frames of ``data/frames.toml``: which frame a verb or noun fills,
whether two sides act, and whether the act was done at all (a part of the reader)."""

from __future__ import annotations

from historiograph.stages import clauses as cl
from historiograph.stages.events.frames import (
    DEMONSTRATIVES,
    Frame,
    acted_on,
    names_object,
    noun_objects,
    noun_parties,
)
from historiograph.stages.events.vocabulary import CAUSED, IMPLICATIVE, SUFFERED


class Framing:
    """Frames as triggers (a part of the reader)."""

    def frame_of(self, tok, keys: list[str]) -> Frame | None:  # type: ignore[no-untyped-def]
        """The frame (``data/frames.toml``) a verb fills with what it acts on, if any."""
        candidates = self.frames.for_verb(keys)
        if not candidates:
            return None
        if self.unrealised(tok):
            return None
        objects = acted_on(tok)
        is_actor = lambda o: bool(cl.phrase_mentions(o, self.base, self.index))  # noqa: E731
        for frame in candidates:
            if frame.type == "military" and (self.background(tok) or tok.dep_ == "acl"):
                continue  # "for China sending troops", "the division stationed in Shenyang"
            if frame.type == "decision" and self.answers_what_was_said(keys, objects):
                continue  # "Lin Biao rejected this idea": a reply to whoever put it
            # what a frame names may follow "in" ("engaged in combat"), never a party
            named = objects + cl.preps(tok, "in") if frame.objects else objects
            if names_object(frame, named, is_actor) and (
                not frame.two_sides or self.two_sides(tok, objects)
            ):
                return frame
        return None

    def two_sides(self, tok, objects: list) -> bool:  # type: ignore[no-untyped-def,type-arg]
        """Do two or more parties act: "Syria and Israel agreed", "the two sides agreed",
        "the Laotian factions reached agreement", "reached an agreement with Castro"."""
        subj = cl.subject(tok)
        if subj is None:
            return False
        named = {
            self.index.actor_of(m)
            for t in [subj, *cl.co_subjects(subj)]
            for m in cl.phrase_mentions(t, self.base, self.index)
        }
        if len(named) >= 2:
            return True
        counted = any(
            c.text.casefold() in ("both", "two", "three", "all") for c in subj.children
        ) or subj.text.casefold() in ("both",)
        if subj.lemma_.casefold() in self.frames.party_nouns and (
            subj.tag_ == "NNS" or counted or subj.lemma_.casefold() == "conference"
        ):
            return True
        partners = cl.preps(tok, "with") + [w for o in objects for w in cl.preps(o, "with")]
        return any(cl.phrase_mentions(o, self.base, self.index) for o in partners)

    def answers_what_was_said(self, keys: list[str], objects: list) -> bool:  # type: ignore[type-arg]
        """A verb of speech whose object points back to what someone said or proposed
        ("rejected this idea", "dropped his proposal"): an answer, not a decision alone."""
        if not any(k in self.lex.speech_acts for k in keys):
            return False
        return any(
            c.dep_ == "poss" or (c.dep_ == "det" and c.text.casefold() in DEMONSTRATIVES)
            for o in objects
            for c in o.children
        )

    def unrealised(self, tok) -> bool:  # type: ignore[no-untyped-def]
        """Planned, asked for or supposed, not done: "to dispatch troops" (unless managed),
        "requested that forces be dispatched", "would sign"."""
        verb = tok
        while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head
        if cl.to_infinitive(verb):
            return not (verb.dep_ == "xcomp" and verb.head.lemma_.casefold() in IMPLICATIVE)
        return any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VB", "MD") for c in verb.children)

    def noun_frame_of(self, tok) -> Frame | None:  # type: ignore[no-untyped-def]
        """The frame a noun fills, when its phrase names who acted ("the Soviet Union's
        deployment of missiles", "the withdrawal of Israeli forces", "Kissinger's trip")."""
        lemma = tok.lemma_.casefold()
        for frame in self.frames.for_noun(lemma):
            if not names_object(frame, noun_objects(tok), lambda o: False):
                continue
            if frame.type == "military" and not self.reported_operation(tok):
                continue
            parties = noun_parties(frame, tok)
            if any(cl.phrase_mentions(p, self.base, self.index) for p in parties):
                return frame
        return None

    def reported_operation(self, tok) -> bool:  # type: ignore[no-untyped-def]
        """Does an operation noun report that it took place: stated as such (dated in its
        phrase, the subject of its course), suffered ("Darwin suffered Japanese air raids"),
        or brought about ("the agreement led to the withdrawal of Israeli forces")? Not "an early Chinese intervention would jeopardize …", "authorized the UN
        occupation", "a clash between China and the United States" given as a risk."""
        if self.stated_operation(tok):
            return True
        head = tok.head
        if tok.dep_ == "pobj" and head.text.casefold() in ("to", "in"):
            head = head.head  # "led to the withdrawal of Israeli forces", "resulted in"
            if head.lemma_.casefold() not in CAUSED:
                return False
        elif tok.dep_ != "dobj" or head.lemma_.casefold() not in SUFFERED:
            return False
        return not self.unrealised(head) and not cl.is_negated(head)
