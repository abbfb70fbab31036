"""An event's circumstances: date, place, channel, and the quotation it is told in."""

from __future__ import annotations

import re

from historiograph.dates import narrowed
from historiograph.model import Sentence
from historiograph.stages import clauses as cl
from historiograph.stages.events.records import Event
from historiograph.stages.events.vocabulary import DAY_PARTS, FOLLOW_UPS, MESSAGE_PARTS, WIRED
from historiograph.stages.times import TimeExpr, quoted_at


class Circumstances:
    """An event's circumstances: date, place, channel, and the quotation it is told in. (a part of the reader)."""

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
            and not (ev.type == "communication" and self.in_what_was_urged(tok, t))
            and not (ev.type in ("meeting", "military") and self.in_an_outcome(tok, t))
        ]
        clocks = [t for t in exprs if t.type == "time"]
        chosen = None
        if days:
            chosen = min(
                days,
                key=lambda t: (
                    not self.governs(tok, t),
                    not self.shared_predicate(tok, t),
                    abs(t.start - ev.trigger_start),
                ),
            )
        elif clocks and clocks[0].value and clocks[0].value[:4].isdigit():
            chosen = clocks[0]
        if chosen is None and not self.dates.unknown_in(s.start, s.end):
            chosen = self.dates.last_before(s.start)
            if chosen is not None:
                ev.date_inferred = True
        if chosen is not None:
            value = narrowed(chosen.value or "", chosen.mod)  # "in late 1950": October-December
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

    def in_an_outcome(self, tok, t: TimeExpr) -> bool:  # type: ignore[no-untyped-def]
        """Is the date that of what came of the meeting or the operation, told in a participle
        after it ("shuttled between Israel and Egypt for a week, reaching an agreement on
        January 18"), so not the day it began?"""
        d = self.first_token(t)
        return d is not None and any(
            anc.tag_ == "VBG"
            and anc.dep_ in ("advcl", "conj", "xcomp")
            and anc.i > tok.i
            and not t.start <= self.base + anc.idx < t.end  # ("immediately following the war")
            for anc in cl.ancestors_until(d, tok)
        )

    def in_what_was_urged(self, tok, t: TimeExpr) -> bool:  # type: ignore[no-untyped-def]
        """Is the date inside what a message urges or foretells, a clause of "should",
        "would", "will" ("convinced Ford that they should spend 1975 pushing for an
        agreement"), so the date of what is to be done, not of the message?"""
        d = self.first_token(t)
        if d is None:
            return False
        for anc in [d, *cl.ancestors_until(d, tok)]:
            if anc.dep_ == "ccomp" and anc.head.i == tok.i:
                return any(
                    a.dep_ == "aux" and a.lower_ in ("should", "would", "will", "must", "shall")
                    for a in anc.children
                )
        return False

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

    def shared_predicate(self, tok, t: TimeExpr) -> bool:  # type: ignore[no-untyped-def]
        """Does the date hang from a verb coordinated with the trigger under one subject
        ("the treaty was ratified … and entered into force in 1952"; "met Stalin in 1950 and
        signed the treaty"), not from a clause with a subject of its own ("Both treaties
        were concluded in mid-1951, and the treaty was ratified …")?"""
        d = self.first_token(t)
        if d is None:
            return False
        verb = next((a for a in cl.ancestors_until(d, None) if a.pos_ in ("VERB", "AUX")), None)
        if verb is None or verb.i == tok.i:
            return False
        later = verb if verb.dep_ == "conj" and verb.head.i == tok.i else None
        if later is None and tok.dep_ == "conj" and tok.head.i == verb.i:
            later = tok
        return later is not None and not any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") for c in later.children
        )

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
