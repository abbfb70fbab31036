"""Actors named by description, not by name: a state by its adjective before its forces,
officials or acts ("Soviet aircraft", "British officials", "the Soviet invasion"), and a
group by the noun phrase that describes it ("a group of generals", "the three Laotian
factions", "the Geneva conference"). The word lists are data (``data/agent_nouns.txt``,
``data/group_nouns.txt``); nothing here names a group of one text.
"""

from __future__ import annotations

import re
from functools import cache

from historiograph import data
from historiograph.stages import clauses as cl

# Nouns of armed forces, whose count is their size, not who they are ("260,000 troops").
FORCES = frozenset({"force", "troop", "army"})
# Words that count a group without describing it: "many nations" is no one in particular.
QUANTIFIERS = frozenset(
    "many several some other few various most all both such numerous certain more further"
    " these those its their his her".split()
)


@cache
def agent_nouns() -> dict[str, frozenset[str]]:
    """Nouns before which a state's adjective names the state (``data/agent_nouns.txt``), by
    section: ``people`` (in the plural), ``bodies`` and ``acts``."""
    return {"bodies": frozenset(), "acts": frozenset()} | data.sections("agent_nouns.txt", "people")


def _singular(word: str) -> str:
    for plural, single in (("ies", "y"), ("ches", "ch"), ("shes", "sh"), ("ses", "s"), ("s", "")):
        if word.endswith(plural) and len(word) > len(plural) + 2:
            return word[: -len(plural)] + single
    return word


def agent_noun_after(text: str, end: int) -> int | None:
    """Where the mention of a state's adjective ends, when one of the next lowercase words
    (up to three, before any other token) is a noun of ``data/agent_nouns.txt``: after the
    noun of its people or forces ("Soviet aircraft", "U.S. occupying forces"), or at the
    adjective before the noun of an act ("Japanese| air raids"); None before other nouns."""
    nouns = agent_nouns()
    for m in list(re.finditer(r"[A-Za-z][\w-]*|[^\w\s]", text[end : end + 40]))[:3]:
        word = m.group()
        if not word[:1].islower():
            return None
        single = _singular(word)
        if word in nouns["bodies"] or single in nouns["bodies"]:
            return end + m.end()
        if single != word and single in nouns["people"]:
            return end + m.end()
        if word in nouns["people"]:
            return None  # "the Soviet leader": a person
        if word in nouns["acts"] or single in nouns["acts"]:
            return end
    return None


@cache
def group_nouns() -> dict[str, frozenset[str]]:
    """Nouns that head a description of a group acting in the story (``data/group_nouns.txt``):
    ``people`` (read in the plural) and ``bodies``."""
    return {"bodies": frozenset()} | data.sections("group_nouns.txt", "people")


def group_descriptions(parsed, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:  # type: ignore[no-untyped-def]
    """The groups a text describes as acting: the subject of a clause headed by a noun of
    ``data/group_nouns.txt``, described by more than a count ("the three Laotian factions",
    "Congressional critics", "a group of generals", "the Geneva conference"; not "many
    nations", "the officials", "the two sides"), and naming no actor already (``taken``).
    (start, end, name): the phrase as printed and its name without the article."""
    out: list[tuple[int, int, str]] = []
    for block, doc in parsed:
        for tok in doc:
            if tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ != "NOUN":
                continue
            if tok.head.pos_ not in ("VERB", "AUX"):
                continue
            head, phrase = tok, [tok]
            if tok.lemma_.casefold() in ("group", "number", "coalition") and (
                of := [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
            ):
                members = [g for g in of[0].children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
                if not members:
                    continue
                head = members[0]  # "a group of generals": generals
                phrase = [tok, of[0], head]
            lemma, nouns = head.lemma_.casefold(), group_nouns()
            if lemma not in nouns["bodies"] and not (
                lemma in nouns["people"] and head.tag_ == "NNS"
            ):
                continue
            described = head is not tok  # "a group of generals"
            if lemma in nouns["bodies"] and tok.dep_ == "nsubjpass" and _indefinite(tok):
                continue  # "a cease-fire commission was needed": none there yet to act
            for word in {tok, head}:
                for c in word.lefts:
                    if c.dep_ not in ("det", "amod", "compound", "nummod", "predet", "nmod"):
                        continue
                    if c.dep_ != "det" and c.pos_ not in ("ADJ", "PROPN", "NOUN", "NUM"):
                        continue
                    phrase += list(c.subtree)
                    # described by a proper adjective or a noun ("Laotian groups", "occupation
                    # officials"), not by a count or a plain adjective ("senior officials")
                    if c.dep_ in ("compound", "nmod") or (
                        c.dep_ == "amod" and c.text[:1].isupper() and c.lower_ not in QUANTIFIERS
                    ):
                        described = True
                    # a count of parties names them ("fifty-two nations met"; not "the two
                    # sides", resolved to the sides, nor a force's size, "260,000 troops")
                    count = "".join(w.text_with_ws for w in c.subtree).strip().casefold()
                    if c.dep_ == "nummod" and count not in ("two", "2") and lemma not in FORCES:
                        described = True
            if not described:
                continue
            first = min(phrase, key=lambda t: t.i)
            last = max(phrase, key=lambda t: t.i)
            start, end = block.start + first.idx, block.start + last.idx + len(last.text)
            # "senior officials from both the Defense and State departments": named there
            wstart, wend = cl.subtree_span(tok, block.start, frozenset({"relcl", "acl"}))
            if any(a < max(end, wend) and min(start, wstart) < b for a, b in taken):
                continue
            name = doc.text[first.idx : last.idx + len(last.text)]
            if first.dep_ == "det" and first.lower_ in ("the", "a", "an"):
                name = name[len(first.text) :].lstrip()
            out.append((start, end, name[:1].upper() + name[1:]))
    return out


def _indefinite(tok) -> bool:  # type: ignore[no-untyped-def]
    """ "a commission", "an assembly": a body not yet one the story knows."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)
