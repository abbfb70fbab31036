"""Which word of a clause states an event, and of what type: the lexicon's verbs and
nouns, checked against the clause they head."""

from __future__ import annotations

from historiograph.model import Sentence
from historiograph.stages import clauses as cl
from historiograph.stages.descriptions import group_nouns
from historiograph.stages.events.merging import _judged
from historiograph.stages.events.records import Event
from historiograph.stages.events.vocabulary import (
    AGREEING,
    ARRIVING,
    BACKGROUND_MARKS,
    BOTH_SIDES,
    FACING,
    HEDGES,
    HEDGING_ADVERBS,
    IMPLICATIVE,
    JUDGEMENTS,
    NEGOTIATORS,
    PASSING_ON,
    QUANTITIES,
    SEEMING,
    TALK_NOUNS,
    TALKS,
    TOLD_TO_DO,
    WIRED,
    children_deep,
)
from historiograph.stages.lexicon import Lexicon


def known_verbs(lex: Lexicon) -> frozenset[str]:
    """Every verb some branch of ``Triggers.classify`` reads (frames aside)."""
    return frozenset().union(
        lex.settled,
        lex.negotiation_acts,
        AGREEING,
        lex.decision_verbs,
        lex.meeting_hosts,
        lex.plan_verbs,
        lex.speech_acts,
        lex.carriers,
        WIRED,
        {"broadcast"},
        lex.light_verbs,
        lex.meeting_verbs,
        lex.met_together,
        lex.military_verbs,
        lex.launchers,
    )


class Triggers:
    """Which word of a clause states an event, and of what type: the lexicon's verbs and (a part of the reader)."""

    def classify(self, tok, sent_text: str) -> tuple[str, str | None] | None:  # type: ignore[no-untyped-def]
        """(event type, act) for a trigger token, or None."""
        lex = self.lex
        verb = tok.pos_ in ("VERB", "AUX") and tok.tag_.startswith("VB")
        if verb or cl.passive_taken_for_adjective(tok):
            if tok.dep_ in ("amod", "compound"):
                return None  # "the proposed cease-fire", "the drafted telegram"
            keys = cl.phrasal_keys(tok) if verb else cl.participle_lemmas(tok)
            if not self.frames.for_verb(keys) and self.known_verbs.isdisjoint(keys):
                return None  # no frame or word list knows the verb (cheaper than the test below)
            if any(cl.decided_impersonally(a) is not None for a in tok.ancestors):
                return None  # "it was decided that Kennedy would respond": what was decided
            frame = self.frame_of(tok, keys)
            if frame is not None:
                self.framed[self.base + tok.idx] = frame
                return frame.type, frame.act
            objects = [c for c in tok.children if c.dep_ in ("dobj", "pobj")]
            obj_lemmas = {c.lemma_.casefold() for c in objects}
            # "concluded a series of bilateral talks", "held a round of negotiations": the talks
            obj_lemmas |= {
                g.lemma_.casefold()
                for o in objects
                if o.lemma_.casefold() in QUANTITIES
                for g in cl.preps(o, "of")
            }
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
                    if (
                        k in JUDGEMENTS
                        and not cl.children(tok, "dobj")
                        and cl.decided_impersonally(tok) is None
                    ):
                        continue  # "concluded that there would be no intervention": a judgement
                    if k in JUDGEMENTS and obj_lemmas & (lex.meeting_nouns | set(lex.channels)):
                        # "concluding their discussions": ending talks, not deciding; the talks
                        # of those who concluded them ("Shultz and Hayden concluded a series
                        # of bilateral talks") were held
                        talks = obj_lemmas & (lex.meeting_nouns | {"talk"})
                        if talks and self.several(cl.subject(tok)):
                            return "meeting", None
                        continue
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
                    if k.startswith("make ") and self.shown_by_an_act(tok):
                        continue
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
                    if k in ("receive", "visit", "summon") and not self.receives_someone(tok):
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
                    if k in lex.electoral_verbs and any(
                        w.lower_ in lex.electoral_words for w in tok.sent
                    ):
                        continue  # "defeated by Jimmy Carter in the 1976 election": a vote
                    return "military", None
            return None
        if tok.pos_ in ("NOUN", "PROPN"):
            frame = self.noun_frame_of(tok)
            if frame is not None:
                self.framed[self.base + tok.idx] = frame
                return frame.type, frame.act
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
        if (
            named
            and set(named) <= self.talking_states
            and not self.addressed(tok)
            and not self.unrealised(tok)
        ):
            # governments at the table: "Egypt also agreed to most of the assurances", in a
            # paragraph about the negotiations (a message to someone stays a message)
            if self.about_talks(self.doc.text[self.block.start : self.block.end]):
                return True
        if not self.talk_cues.search(sent_text):
            return False
        return not named or not all(a in self.governing for a in named)

    def addressed(self, tok) -> bool:  # type: ignore[no-untyped-def]
        """Does the verb name whom it is said to ("proposed to Kennedy", "told Khrushchev")?"""
        told = cl.children(tok, "dative") + cl.preps(tok, "to")
        told += [o for o in cl.children(tok, "dobj") if self.index.at(self.base + o.idx)]
        # the phrase's head names someone ("to the Soviet government"), not a word inside it
        # ("assented to a civilian Syrian presence")
        return any(
            cl.phrase_mentions(o, self.base, self.index)
            and (self.index.at(self.base + o.idx) is not None or o.pos_ in ("PRON", "PROPN"))
            for o in told
        )

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
            elif o.tag_ == "NNS" and o.lemma_.casefold() in group_nouns()["people"]:
                return True  # "summoned his closest advisers"
        return False

    def speech_act(self, keys: list[str]) -> str | None:
        """The speech act of the first of a verb's keys the lexicon lists, or None."""
        return next((self.lex.speech_acts[k] for k in keys if k in self.lex.speech_acts), None)

    def what_it_urged(self, tok) -> str | None:  # type: ignore[no-untyped-def]
        """The act of a message its participle states: "sent telegrams …, urging a rigid
        stance" is a request."""
        said = cl.children(tok, "advcl")
        said += [c for o in cl.children(tok, "dobj") for c in cl.children(o, "acl")]
        for c in said:  # "sent a joint letter to Stalin asking for …": the letter asks
            keys = cl.phrasal_keys(c) if c.tag_ == "VBG" else []
            act = self.speech_act(keys)
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
        """ "agreed to the Chinese request", "endorsed Mao's plan": a reply, not a decision;
        so is a state's agreeing to act ("the Soviets agreed to remove their bombers"), given
        to another (a body's "the Politburo agreed to send troops" is its decision)."""
        lex = self.lex
        if cl.key(tok) not in AGREEING:
            return False
        subj = cl.subject(tok)
        if (
            subj is not None
            and any(cl.to_infinitive(c) for c in cl.children(tok, "xcomp"))
            and any(
                self.index.kind(m.actor_id) == "state"
                for m in cl.phrase_mentions(subj, self.base, self.index)
            )
        ):
            return True
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
        """The act of "expressed X" by what X is (``[communication.expressed]``)."""
        return next(
            (
                self.lex.expressed[o.lemma_.casefold()]
                for o in objects
                if o.lemma_.casefold() in self.lex.expressed
            ),
            None,
        )

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

    def shown_by_an_act(self, tok) -> bool:  # type: ignore[no-untyped-def]
        """ "signed a pact with the Soviet Union, making it clear that …": what an act made
        plain, told to no one, is not a message."""
        head = tok.head
        return (
            tok.tag_ == "VBG"
            and tok.dep_ in ("advcl", "xcomp", "conj")
            and head.pos_ == "VERB"
            and self.speech_act(cl.phrasal_keys(head)) is None
            and not cl.preps(tok, "to")
            and not any(cl.preps(c, "to") for c in tok.children if c.pos_ == "ADJ")
        )

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
        if not any(
            c.dep_ == "mark" and c.text.casefold() in BACKGROUND_MARKS for c in tok.children
        ):
            return False
        # "after the Japanese invaded Manchuria in 1931": a clause that dates its operation
        # reports it (the text tells it nowhere else); an undated one looks back at one told
        return not self.dates.in_range(*cl.subtree_span(tok, self.base))
