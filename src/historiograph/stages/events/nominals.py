"""Which nouns state an event of their own: a meeting held, a message with both ends
named, an operation dated or named (a part of the reader, beside ``triggers``)."""

from __future__ import annotations

from historiograph.stages import clauses as cl
from historiograph.stages.events.vocabulary import COURSE, LESSENED, ONSET, WHEN_DEPS


class Nominals:
    """When a meeting, message or operation noun is an event, not a mention in passing (a part of the reader)."""

    def noun_event(self, tok) -> bool:  # type: ignore[no-untyped-def]
        """A meeting noun that states a meeting: dated, held by someone, or "of"/"with" someone;
        not one someone set out to attend."""
        if cl.set_out_for(tok) or self.asked_for(tok):
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

    def asked_for(self, noun) -> bool:  # type: ignore[no-untyped-def]
        """Is the meeting what a message proposes or asks for, so not (yet) held: "proposed
        discussions with the United States", "called for talks", "expressed interest in
        talks" (but "proposed at the meeting with Stalin" was said at one)?"""
        t = noun
        if t.dep_ == "pobj" and t.head.text.casefold() in ("for", "in", "on"):
            t = t.head.head  # "called for talks", "interest in talks"
            if t.pos_ == "NOUN" and t.dep_ == "dobj":
                t = t.head  # "expressed interest in …", "made a request for …"
            elif t.pos_ != "VERB" or noun.head.text.casefold() != "for":
                return False  # "argued in the meeting": where it was said
        elif t.dep_ == "dobj":
            t = t.head
        if t.pos_ != "VERB":
            return False
        act = self.speech_act(cl.phrasal_keys(t))
        if act == "inform" and cl.key(t) == "express":
            act = self.expressed(cl.children(t, "dobj"))
        return act in ("propose", "request")

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
