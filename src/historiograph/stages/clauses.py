"""Reading a dependency parse for the events stage: verbs, their subjects and objects,
and which actor mention a phrase names.

Works on spaCy tokens of one paragraph; ``base`` is the paragraph's offset in
the document text, so ``base + token.idx`` is a document offset.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

from historiograph.stages.actor_records import Actor, Mention

# Dependents that say something about a phrase's head without naming it again.
ASIDES = frozenset({"appos", "relcl", "acl", "advcl", "ccomp", "punct", "parataxis", "npadvmod"})
# Prepositions inside a noun phrase that still name its members ("leaders from China").
# Who speaks or acts for the body they are named by ("the delegation's representative").
SPOKESMEN = frozenset(
    {"representative", "delegate", "spokesman", "spokesperson", "negotiator", "envoy", "member"}
)
MEMBER_PREPS = frozenset({"from", "of", "within", "in"})
MODALS = frozenset({"would", "could", "might", "may", "should", "must", "ought"})
CLAUSE_LINKS = frozenset(
    {"xcomp", "advcl", "conj", "pcomp", "acl", "relcl", "ccomp", "prep", "pobj"}
)
# Nouns of what someone issues: the verb after "issued an order to …" is the issuer's.
ISSUED = frozenset({"order", "directive", "instruction", "command", "resolution", "decree"})
PRONOUNS = {
    "he": "person",
    "him": "person",
    "his": "person",
    "she": "person",
    "her": "person",
    "they": "any",
    "them": "any",
    "their": "any",
    "it": "body",
    "its": "body",
    "attendees": "any",
    "participants": "any",
    "parties": "any",
    "leaders": "any",
    "sides": "any",
}
CONDITION = re.compile(
    r"\b(?:if|unless|provided(?: that)?|on (?:the )?condition that|(?:depend\w*|conditional|contingent)"
    r" (?:up)?on (?:whether )?|(?:(?<=and )|(?<=, ))whether)\s+(?P<cond>.+?)(?=,|;|(?<!\b[A-Z])\.|\?|!|[”\"]|\bthen\b|\band whether\b|$)",
    re.I,
)


def past_perfect(tok) -> bool:  # type: ignore[no-untyped-def]
    """Is the verb in the past perfect ("had reached", "had been signed")?"""
    return tok.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in tok.children
    )


def span(tok, base: int) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    return base + tok.idx, base + tok.idx + len(tok.text)


def subtree_span(tok, base: int, skip: frozenset[str] = frozenset()) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """The document range of a token's subtree, leaving out dependents in ``skip``."""
    toks = [tok]
    stack = list(tok.children)
    while stack:
        t = stack.pop()
        if t.dep_ in skip:
            continue
        toks.append(t)
        stack.extend(t.children)
    first = min(toks, key=lambda t: t.i)
    last = max(toks, key=lambda t: t.i)
    return base + first.idx, base + last.idx + len(last.text)


def key(tok) -> str:  # type: ignore[no-untyped-def]
    """A verb's lexicon key: its lemma, or lemma + particle ("turn down", "point out")."""
    lemma = tok.lemma_.casefold()
    for c in tok.children:
        if c.dep_ == "prt":
            return f"{lemma} {c.text.casefold()}"
    return lemma


def passive_taken_for_adjective(tok) -> bool:  # type: ignore[no-untyped-def]
    """ "It was determined that …": a passive the tagger read as an adjective (its subject
    and auxiliary are passive, and it ends in -ed), so a verb after all."""
    if tok.pos_ != "ADJ" or not tok.lower_.endswith("ed"):
        return False
    if any(c.dep_ == "auxpass" for c in tok.children) and any(
        c.dep_ == "nsubjpass" for c in tok.children
    ):
        return True
    # or "was" the root, "determined" its complement, "it" its subject, a that-clause below
    return (
        tok.dep_ == "acomp"
        and tok.head.lemma_ == "be"
        and any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in tok.head.children)
        and any(c.dep_ == "ccomp" for c in tok.children)
    )


def participle_lemmas(tok) -> list[str]:  # type: ignore[no-untyped-def]
    """The verbs an -ed participle may be of, for one the tagger did not lemmatize as a verb:
    "determined" -> determine, "agreed" -> agree, "decided" -> decide."""
    word = tok.lower_
    return [word[:-1], word[:-2]]


def decided_impersonally(tok):  # type: ignore[no-untyped-def]
    """ "It was decided (determined, agreed) that Kennedy would ignore the second message": the
    clause that says what will be done, when the verb's subject is the empty "it"; else None."""
    empty = [c for c in tok.children if c.dep_ in ("nsubjpass", "expl") and c.lower_ == "it"]
    if tok.dep_ == "acomp" and tok.head.lemma_ == "be":  # "it was determined" read as be + ADJ
        empty += [c for c in tok.head.children if c.dep_ in ("nsubj", "expl") and c.lower_ == "it"]
    if not empty:
        return None
    for c in tok.children:
        if c.dep_ == "ccomp" and any(
            a.dep_ == "aux" and a.lower_ in ("would", "should", "will", "must") for a in c.children
        ):
            return c
    return None


def phrasal_keys(tok) -> list[str]:  # type: ignore[no-untyped-def]
    """Candidate keys, most specific first: "turn down", "call for", then "turn"."""
    lemma = tok.lemma_.casefold()
    out = [key(tok)]
    for c in tok.children:
        if c.dep_ in ("prep", "prt", "advmod", "oprd", "acomp") and c.i == tok.i + 1:
            out.append(f"{lemma} {c.text.casefold()}")
        elif (
            c.pos_ == "ADJ"
            and c.dep_ in ("oprd", "acomp", "ccomp")
            and (c.i == tok.i + 1 or (c.i == tok.i + 2 and tok.doc[tok.i + 1].lower_ == "it"))
        ):
            out.append(f"{lemma} {c.text.casefold()}")  # "made known to", "made it clear to"
    out.append(lemma)
    return out


def children(tok, *deps: str) -> list:  # type: ignore[no-untyped-def]
    return [c for c in tok.children if c.dep_ in deps]


def preps(tok, *words: str) -> list:  # type: ignore[no-untyped-def]
    """Objects of the prepositions ``words`` that depend on ``tok`` ("to Stalin" -> Stalin)."""
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "dative", "agent") and c.text.casefold() in words:
            # "to Lee, the power behind the scenes, and to Kim": the parser hangs the second
            # "to" somewhere inside the first phrase
            again = [
                t for t in c.subtree if t.dep_ == "conj" and t.text.casefold() == c.text.casefold()
            ]
            out += [g for p in (c, *again) for g in p.children if g.dep_ in ("pobj", "pcomp")]
    return out


def is_negated(tok) -> bool:  # type: ignore[no-untyped-def]
    return any(c.dep_ == "neg" for c in tok.children) or any(
        c.dep_ == "aux" and c.text.casefold() in ("never",) for c in tok.children
    )


PROVISO = re.compile(
    r"(?:\bprovid(?:ed|ing)|\bon (?:the )?condition|\b(?:as|so) long as)(?: that)?$"
)


def is_hypothetical(tok) -> bool:  # type: ignore[no-untyped-def]
    """Under a modal ("would have informed"), or in an if-/unless-/whether-clause."""
    for c in tok.children:
        if c.dep_ == "aux" and c.text.casefold() in MODALS:
            return True
        if c.dep_ == "mark" and c.text.casefold() in ("if", "unless", "whether", "lest"):
            return True
    # "…, provided an armistice was concluded within 30 days", "on condition that talks
    # resumed", "as long as Washington kept …": the parser hangs the clause anywhere
    edge = tok.left_edge
    before = " ".join(t.lower_ for t in tok.doc[max(edge.i - 3, 0) : edge.i])
    if edge.dep_ == "mark" or edge.lower_ == "that":
        before += f" {edge.lower_}"  # "provided that", "as long as"
    return bool(PROVISO.search(before)) and tok.dep_ != "ROOT"


def set_out_for(noun) -> bool:  # type: ignore[no-untyped-def]
    """Is the noun what someone set out to do: "left for Beijing to participate in the
    Politburo meeting" (a purpose, told before it happened)?"""
    host = noun.head.head if noun.head.dep_ == "prep" else noun.head
    return host.pos_ == "VERB" and to_infinitive(host) and host.dep_ != "ROOT"


def known_fact(tok) -> bool:  # type: ignore[no-untyped-def]
    """Is the verb in a "the fact that …" clause: told as known, to argue from it?"""
    return tok.dep_ in ("acl", "ccomp", "appos") and tok.head.lemma_.casefold() == "fact"


def to_infinitive(tok) -> bool:  # type: ignore[no-untyped-def]
    """ "to accept", "to postpone": a verb with its infinitive "to"."""
    return any(c.dep_ == "aux" and c.text.casefold() == "to" for c in tok.children)


def passive(tok) -> bool:  # type: ignore[no-untyped-def]
    """A passive verb, or a passive participle heading an adverbial clause ("when asked
    directly to send troops, Mao informed …": Mao was asked)."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
        return True
    return (
        tok.tag_ == "VBN"
        and tok.dep_ in ("advcl", "relcl")  # (the parser hangs "when asked" on either)
        and not any(c.dep_ in ("aux", "nsubj", "csubj", "expl") for c in tok.children)
    )


# Verbs that make their object do what follows ("led the United States to suspend ties",
# "forced Britain to withdraw"): the object is the one who acts, and the act took place.
CAUSATIVES = frozenset({"lead", "force", "compel", "prompt", "cause", "drive", "oblige"})


def subject(tok):  # type: ignore[no-untyped-def]
    """The subject of a verb, climbing from a non-finite or coordinated verb to its head's."""
    seen = 0
    while tok is not None and seen < 6:
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if subj:
            return subj[0]
        if (main := hung_main_clause(tok)) is not None:
            return own_subject(main)
        if tok.dep_ == "xcomp" and tok.head.lemma_.casefold() in CAUSATIVES:
            caused = [c for c in tok.head.children if c.dep_ == "dobj"]
            if caused:  # "the fall of China led the United States to suspend ties": the US
                return caused[0]
        if tok.dep_ in CLAUSE_LINKS and tok.head.i != tok.i:
            tok = tok.head
            if tok.dep_ == "dobj" and tok.lemma_.casefold() in ISSUED and tok.head.i != tok.i:
                tok = tok.head  # "issued an order to establish … and informed": the issuer
            seen += 1
            continue
        return None
    return None


def hung_main_clause(tok):  # type: ignore[no-untyped-def]
    """The clause the parser hung as the object of a later verb that has no subject: in
    "Peng and Gao argued that …, asked …, and stated …" it made "argued" a ccomp of
    "asked". The clause before, with its own subject, is the sentence's main clause."""
    if tok.pos_ not in ("VERB", "AUX") or any(
        c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in tok.children
    ):
        return None
    for c in tok.children:
        if c.dep_ == "ccomp" and c.i < tok.i and own_subject(c) is not None:
            return c
    return None


def own_subject(tok):  # type: ignore[no-untyped-def]
    """The verb's own subject, without climbing."""
    return next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def co_subjects(subj) -> list:  # type: ignore[no-untyped-def]
    """Subjects the parser split from a list: in "Peng Dehuai, Kim Il Sung, and Pak Hon-yong
    traveled" the last name is a second subject of the verb."""
    if subj is None:
        return []
    return [
        c
        for c in subj.head.children
        if c.dep_ == subj.dep_ and c.i > subj.i and any(t.dep_ == "cc" for t in subj.subtree)
    ]


def subject_hung_on_a_date(tok):  # type: ignore[no-untyped-def]
    """The subject the parser hung on a date before a subjectless finite verb: in "On December
    19, Dean Rusk, the Assistant Secretary, stressed …" it reads "Dean Rusk" as an apposition
    of "December 19". The last such name before the verb. In "On August 19, Mao, upon
    receiving Yudin, stated" it is also the subject of "receiving"."""
    if tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.dep_ == "prep":
        tok = tok.head.head
    if tok.dep_ not in ("ROOT", "parataxis") or tok.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    hung = [
        t
        for t in tok.doc[: tok.i]
        if t.dep_ == "appos"
        and t.pos_ == "PROPN"
        and (t.head.like_num or t.head.ent_type_ == "DATE")
    ]
    return hung[-1] if hung else None


def says_what_should_be(tok) -> bool:  # type: ignore[no-untyped-def]
    """Is what the verb says a recommendation: its that-clause's own verb takes "should" or
    "ought to" ("stressed that negotiations should be conducted at a military level")?
    A "should" that opens a condition ("should Pyongyang agree, …") is not."""
    for clause in children(tok, "ccomp"):
        for aux in clause.children:
            if (
                aux.dep_ == "aux"
                and aux.lower_ in ("should", "ought")
                and aux.i > clause.left_edge.i
            ):
                subj = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subj and subj[0].i < aux.i:
                    return True
    return False


def ancestors_until(tok, stop) -> Iterator:  # type: ignore[no-untyped-def]
    """The heads above ``tok``, nearest first, up to the root (``stop`` excluded)."""
    while tok.head.i != tok.i:
        tok = tok.head
        if stop is not None and tok.i == stop.i:
            return
        yield tok


@dataclass(slots=True)
class MentionIndex:
    """Actor mentions by position, with each mention's actor (a role's holder when known)."""

    mentions: list[Mention]
    actors: dict[str, Actor]
    _starts: list[int] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        self.mentions = sorted(self.mentions, key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]

    def actor_of(self, m: Mention) -> str:
        return m.holder_id or m.actor_id

    def kind(self, actor_id: str) -> str:
        a = self.actors.get(actor_id)
        return a.kind if a else "person"

    def at(self, pos: int) -> Mention | None:
        i = bisect_right(self._starts, pos) - 1
        if i >= 0 and self.mentions[i].start <= pos < self.mentions[i].end:
            return self.mentions[i]
        return None

    def within(self, start: int, end: int) -> list[Mention]:
        i = bisect_right(self._starts, start - 1)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def before(self, pos: int, kinds: tuple[str, ...] | None, lower: int = 0) -> Mention | None:
        """The last mention ending before ``pos`` (not before ``lower``) of one of ``kinds``."""
        i = bisect_right(self._starts, pos) - 1
        while i >= 0 and self.mentions[i].start >= lower:
            m = self.mentions[i]
            if m.end <= pos and (kinds is None or self.kind(self.actor_of(m)) in kinds):
                return m
            i -= 1
        return None


def phrase_mentions(tok, base: int, index: MentionIndex) -> list[Mention]:  # type: ignore[no-untyped-def]
    """The actors a noun phrase names: its head's mention and those of its conjuncts.

    "Gao Gang and Zhou Enlai" -> both; "Zhou Enlai, Premier … of the PRC" -> Zhou
    only (an apposition is a description); "leaders from China and North Korea"
    -> China, North Korea (the members of a group without a name).
    """
    found: list[Mention] = []

    def visit(t, depth: int) -> None:  # type: ignore[no-untyped-def]
        m = index.at(base + t.idx)
        if m is not None:
            if m not in found:
                found.append(m)
            for c in t.children:  # "the Defense and State departments": each names a body
                if c.dep_ in ("compound", "nmod") and any(
                    index.at(base + g.idx) is m for g in c.children if g.dep_ == "conj"
                ):
                    visit(c, depth + 1)
        else:
            for c in t.children:
                if c.dep_ in ("compound", "amod", "nmod") and depth < 3:
                    visit(c, depth + 1)
                elif (
                    c.dep_ == "prep"
                    and c.text.casefold() in MEMBER_PREPS
                    and depth == 0
                    # "leaders from China", not "the release of documents"
                    and (t.tag_ == "NNS" or t.lemma_.casefold() in SPOKESMEN)
                ):
                    for g in c.children:
                        if g.dep_ == "pobj":
                            visit(g, depth + 1)
                elif c.dep_ == "poss" and depth == 0 and t.lemma_.casefold() in SPOKESMEN:
                    visit(c, depth + 1)  # "the UN delegation's representative"
        for c in t.children:
            if c.dep_ == "conj":
                visit(c, depth)
        # "Stalin, Mao, and Kim": a list the parser read as an apposition and a conjunct
        if m is not None and any(c.dep_ == "conj" for c in t.children):
            for c in t.children:
                a = index.at(base + c.idx) if c.dep_ == "appos" else None
                if a is not None and index.kind(a.actor_id) == index.kind(m.actor_id):
                    if a not in found:
                        found.append(a)

    visit(tok, 0)
    roles_only = bool(found) and all(index.kind(m.actor_id) == "role" for m in found)
    if not found or roles_only:
        # "the Soviet Ambassador to the UN, Jacob Malik": the apposition names him
        named: list[Mention] = []
        for c in tok.children:
            if c.dep_ == "appos":
                m = index.at(base + c.idx)
                if m is not None and index.kind(index.actor_of(m)) in ("person", "scholar"):
                    named.append(m)
        if named:
            return named
    return found


def conditions(text: str) -> list[str]:
    """The conditions a sentence states: "if X", "provided that X", "depend on whether X"."""
    out = []
    for m in CONDITION.finditer(text):
        cond = m.group("cond").strip(" ,;“”\"'")
        if len(cond.split()) >= 2 and cond not in out:
            out.append(cond)
    return out
