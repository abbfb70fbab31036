"""Decisions: what was decided, polarity, what a decision answers or approves."""

from __future__ import annotations

import re

from historiograph.stages import clauses as cl
from historiograph.stages.events.vocabulary import (
    ANAPHORIC,
    APPROVED_BY,
    DECIDED_ON,
    HABITUAL,
    RESPONDING,
    REVERSERS,
    _reason,
)


class Decisions:
    """Decisions: what was decided, polarity, what a decision answers or approves. (a part of the reader)."""

    def decided(self, tok) -> tuple[str | None, str, list[str]]:  # type: ignore[no-untyped-def]
        """What was decided (the clause or object of the verb), the polarity, and the
        condition a "not … without" states."""
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
            return None, "positive", []
        if self.not_acting(what) or cl.is_negated(tok):
            negative = True
        if what.lemma_.casefold() in lex.decision_nouns:  # "made the decision to dispatch troops"
            content = self.decision_content(what)
            if content is None:
                return None, "positive", []
            what = content
            negative = negative or self.not_acting(what)
        if any(c.dep_ == "advmod" and c.text.casefold() in HABITUAL for c in tok.children):
            return None, "positive", []
        summary, negative, conditions = self.read_content(what, negative)
        if ANAPHORIC.match(summary):
            return None, "positive", []
        return summary, "negative" if negative else "positive", conditions

    def read_content(self, what, negative: bool) -> tuple[str, bool, list[str]]:  # type: ignore[no-untyped-def]
        """What was decided, whether it is not to act, and the condition of a "not … without"
        (which makes it a decision to act on that condition)."""
        without = self.required(what) if negative else None
        summary = self.what_was_decided(what, without)
        if without is None:
            return summary, negative, []
        obj = cl.children(without, "pobj", "pcomp")[0]
        return (
            summary,
            False,
            [self.doc.text[slice(*cl.subtree_span(obj, self.base))].rstrip(" ,;.")],
        )

    @staticmethod
    def required(what):  # type: ignore[no-untyped-def]
        """ "would not join the war without Soviet air cover", "not to act without consulting
        Congress": the act is decided on a condition, not refused — the "without" phrase of
        the negated verb, if it has one."""
        if not cl.is_negated(what):
            return None
        return next(
            (
                c
                for c in cl.children(what, "prep")
                if c.text.casefold() == "without" and cl.children(c, "pobj", "pcomp")
            ),
            None,
        )

    def not_acting(self, what) -> bool:  # type: ignore[no-untyped-def]
        """ "not to send", "to postpone": a decision not to act."""
        return cl.is_negated(what) or what.lemma_.casefold() in self.lex.not_acting

    def what_was_decided(self, what, leave=None) -> str:  # type: ignore[no-untyped-def]
        """The words of what was decided, without the negation the polarity carries:
        "decided not to send troops" -> "send troops"; ``leave`` is a phrase left out (the
        "without" phrase a condition holds)."""
        start, end = cl.subtree_span(what, self.base, frozenset({"punct"}))
        negs = [self.base + c.idx for c in what.children if c.dep_ == "neg"]
        left = range(leave.left_edge.i, leave.right_edge.i + 1) if leave is not None else ()
        summary = "".join(
            t.text_with_ws
            for t in what.doc[what.left_edge.i : what.right_edge.i + 1]
            if start <= self.base + t.idx < end
            and self.base + t.idx not in negs
            and t.i not in left
        ).strip()
        if summary.count("(") > summary.count(")") and self.doc.text[end : end + 1] == ")":
            summary += ")"  # "the Northeast Border Defense Army (NEBDA)": the bracket closed
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
