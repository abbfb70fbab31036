"""Who a phrase names, through the text: pronouns, groups, subjects remembered across
sentences, and whose view a clause is (a historian's, a witness's)."""

from __future__ import annotations

import re

from historiograph.model import Sentence
from historiograph.stages import clauses as cl
from historiograph.stages.events.vocabulary import RECOLLECTIONS, SCHOLARLY_SUBJECTS

# plural nouns that take back the states or the people named together before them ("the two
# nations", "both governments", "the two leaders")
PAIRED = {
    "nation": ("state",),
    "country": ("state",),
    "government": ("state",),
    "state": ("state",),
    "superpower": ("state",),
    "leader": ("person", "role"),
}
COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4}
# what may stand between the names of a pair: "A and B", "A, B, and C", "both A and B"
JOINED = re.compile(r"(?:,\s*|\s+)(?:and|or|as well as)?\s*(?:both\s+)?|\s*,\s*")


def _determiners(tok) -> set[str]:  # type: ignore[no-untyped-def]
    """The words that determine or count a noun: "the", "these", "both", "two"."""
    return {c.lower_ for c in tok.children if c.dep_ in ("det", "predet", "nummod")}


def _counted(tok) -> int | None:  # type: ignore[no-untyped-def]
    """How many a phrase says it names ("the two sides", "both parties"), or None."""
    return next((COUNTS[d] for d in _determiners(tok) if d in COUNTS), None)


class Discourse:
    """Who a phrase names, through the text: pronouns, groups, subjects remembered across (a part of the reader)."""

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
        (the sender). A phrase that counts its referents ("the two sides", "both
        parties") takes none rather than as many as the count does not say.
        """
        found = self.referents(tok, base, sentence, not_of)
        if tok is None or not found or any(how == "mention" for *_, how in found):
            return found
        count = _counted(tok)
        if count is None or len({a for a, *_ in found}) == count:
            return found
        # the paragraph's last subject that names as many ("both sides had agreed …, and
        # Israel had assented …. Both sides wanted …": the two, not Israel)
        start, end = cl.span(tok, base)
        for pos, ms in reversed(self.paragraph_subjects[1]):
            ids = list(dict.fromkeys(self.index.actor_of(m) for m in ms))
            if pos < start and len(ids) == count:
                return [(a, start, end, "pronoun") for a in ids]
        return []

    def referents(
        self,
        tok,  # type: ignore[no-untyped-def]
        base: int,
        sentence: Sentence,
        not_of: list[str] | None = None,
    ) -> list[tuple[str, int, int, str]]:
        if tok is None:
            return []
        found = cl.phrase_mentions(tok, base, self.index)
        if not found:
            pair = self.named_together(tok, base, sentence)
            if pair:
                start, end = cl.span(tok, base)
                return [(a, start, end, "pronoun") for a in pair]
        if found:
            return [(self.index.actor_of(m), m.start, m.end, "mention") for m in found]
        if tok.tag_ in ("WP", "WDT") and tok.head.dep_ == "relcl" and tok.head.head.i != tok.i:
            # "delivered the telegram to Mao, who replied …": who the clause describes
            return self.referents(tok.head.head, base, sentence, not_of)
        whose = [c for c in tok.children if c.dep_ == "poss" and c.lower_ == "whose"]
        if whose and tok.head.dep_ == "relcl":
            # "General Phoumi, whose forces were engaged in combat": his forces
            return self.referents(tok.head.head, base, sentence, not_of)
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

    def named_together(self, tok, base: int, sentence: Sentence) -> list[str]:  # type: ignore[no-untyped-def]
        """ "the two nations", "both governments", "these two geographically isolated nations":
        the states (or, for leaders, the people) last named together ("Australia and New
        Zealand"), in this paragraph or the one before; the number says how many. A phrase
        that says which ones itself ("the nations of Europe", "the nations that signed", "the
        Allied leaders", an actor of its own) names no earlier pair."""
        kinds = PAIRED.get(tok.lemma_.casefold())
        if kinds is None or tok.tag_ != "NNS":
            return []
        dets = _determiners(tok)
        allowed = {"the", "these", "those", "both", "two", "three"}
        if not dets & (allowed - {"the"}) or dets - allowed:
            return []  # "the nations" alone, "some nations", "fifty-two nations"
        if any(c.dep_ in ("prep", "relcl", "acl") for c in tok.children):
            return []
        count = _counted(tok)
        block = self.doc.blocks[sentence.block_idx]
        lower = self.doc.blocks[block.idx - 1].start if block.idx else block.start
        start = base + tok.left_edge.idx
        run: list = []
        pos = start
        while (m := self.index.before(pos, kinds, lower)) is not None:
            if run and not JOINED.fullmatch(self.doc.text[m.end : run[-1].start]):
                if len(run) > 1:
                    break
                run = []
            if not run or self.index.actor_of(m) not in {self.index.actor_of(r) for r in run}:
                run.append(m)
            pos = m.start
        ids = [self.index.actor_of(m) for m in reversed(run)]
        if len(ids) < 2 or (count is not None and len(ids) != count):
            return []
        return ids

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
        # a primary source's "I" is its writer, whom no later "he" or "they" names
        found = [m for m in found if m.how != "author"]
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
        if any(m.how == "author" for m in cl.phrase_mentions(subj, base, self.index)):
            return False  # a primary source's "I": its writer, who acts in the story
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
