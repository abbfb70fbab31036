"""Event frames (``data/frames.toml``): a verb whose event type depends on what it acts on.

"Signed a treaty" is a negotiation step, "lifted the embargo" a decision, "deployed the
bombers" a military move; the verb alone ("signed", "lifted", "deployed") says none of
them. A frame names the verbs, the objects and the event; ``match`` finds the frame a
verb token fills in its parse. The frames are data: coverage grows by adding frames.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from historiograph.errors import InputError
from historiograph.stages import clauses as cl
from historiograph.stages.events.vocabulary import QUANTITIES

TYPES = ("communication", "decision", "meeting", "military", "negotiation")
DEMONSTRATIVES = frozenset({"this", "that", "these", "those", "such"})


@dataclass(slots=True, frozen=True)
class Frame:
    verbs: frozenset[str]
    objects: frozenset[str]  # empty: any object, or none
    type: str
    act: str | None = None
    polarity: str = "positive"
    two_sides: bool = False  # holds only when two or more parties act
    nouns: frozenset[str] = frozenset()  # nominal triggers ("the withdrawal of Israeli forces")
    of_is: str = "object"  # what "of X" is in a nominal trigger: "actor" or "object"
    to_is: str | None = None  # what "to X" is: "actor" ("the fall of Singapore to the
    # Japanese"), "participant" ("Kissinger's trip to the PRC"), or nothing
    between_is: str | None = None  # "actor": "the war between the CCP and the KMT"


@dataclass(slots=True, frozen=True)
class Frames:
    frames: tuple[Frame, ...]
    party_nouns: frozenset[str]

    def for_verb(self, keys: list[str]) -> list[Frame]:
        return [f for k in keys for f in self.frames if k in f.verbs]

    def for_noun(self, lemma: str) -> list[Frame]:
        return [f for f in self.frames if lemma in f.nouns]


def parse_frames(data: dict, source: str) -> Frames:
    """Frames from the parsed TOML of ``source``; a malformed frame is an ``InputError``."""
    frames = []
    words = lambda xs: frozenset(x.casefold() for x in xs)  # noqa: E731
    for n, f in enumerate(data.get("frame", []), 1):
        if (
            not isinstance(f, dict)
            or not (f.get("verbs") or f.get("nouns"))
            or f.get("type") not in TYPES
        ):
            raise InputError(source, f"frame {n} needs verbs or nouns and a type out of {TYPES}")
        frames.append(
            Frame(
                verbs=words(f.get("verbs", [])),
                objects=words(f.get("objects", [])),
                type=f["type"],
                act=f.get("act"),
                polarity=f.get("polarity", "positive"),
                two_sides=f.get("parties") == "two sides",
                nouns=words(f.get("nouns", [])),
                of_is=f.get("of", "object"),
                to_is=f.get("to"),
                between_is=f.get("between"),
            )
        )
    return Frames(tuple(frames), words(data.get("parties", {}).get("nouns", [])))


@cache
def load_frames(path: Path | None = None) -> Frames:
    """The bundled frames, or those of ``path``."""
    if path is None:
        text = resources.files("historiograph.data").joinpath("frames.toml").read_text("utf-8")
        return parse_frames(tomllib.loads(text), "frames.toml")
    try:
        return parse_frames(tomllib.loads(path.read_text("utf-8")), str(path))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise InputError(path, f"cannot read frames ({e})") from None


def acted_on(tok) -> list:  # type: ignore[no-untyped-def]
    """What a verb acts on: its objects (and theirs, "signed it and the protocol"), the object of
    "for" right after it ("called for a reassessment"), its passive subject, or the
    noun it qualifies ("an agreement signed in 1951", "the treaty, which
    Egypt signed")."""
    out = list(cl.children(tok, "dobj"))
    if cl.passive(tok):
        out += cl.children(tok, "nsubjpass")
    if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN"):
        out.append(tok.head)
    for prep in (c for c in tok.children if c.dep_ == "prep"):
        # "arrived at an agreement", "called for a reassessment" (not where: "deployed in")
        word = prep.text.casefold()
        if word == "at" or (word == "for" and prep.i == tok.i + 1):
            out += [g for g in prep.children if g.dep_ == "pobj"]
    out += [c for o in out for c in o.children if c.dep_ == "conj"]
    # "reached a series of agreements": the agreements
    out += [g for o in out if o.lemma_.casefold() in QUANTITIES for g in cl.preps(o, "of")]
    return out


def names_object(frame: Frame, objects: list, is_actor: Callable[[object], bool]) -> bool:  # type: ignore[type-arg]
    """Does the verb act on one of the frame's objects ("@actor": on a named actor)?"""
    if not frame.objects:
        return True
    for o in objects:
        if "@actor" in frame.objects and is_actor(o):
            return True
        lemma, text = o.lemma_.casefold(), o.text.casefold()
        compound = " ".join(
            [c.text.casefold() for c in o.children if c.dep_ == "compound"] + [text]
        )
        if lemma in frame.objects or text in frame.objects or compound in frame.objects:
            return True
    return False


def own_modifiers(tok) -> list:  # type: ignore[no-untyped-def]
    """The phrases by which a noun names who did it: its possessive, adjectives and compounds,
    and "by X" ("Kissinger's trip", "the Soviet invasion", "an attack by the NVA")."""
    return [c for c in tok.children if c.dep_ in ("poss", "amod", "compound", "nmod")] + cl.preps(
        tok, "by"
    )


def noun_parties(frame: Frame, tok) -> list:  # type: ignore[no-untyped-def]
    """Who a nominal trigger says acted, by the construction: "Kissinger's trip", "efforts
    by Marshall", "the Soviet invasion", "the withdrawal of Israeli forces" (``of =
    "actor"``), "the fall of Singapore to the Japanese" (``to = "actor"``), "a trip to the
    PRC" (``to = "participant"``), "the war between the CCP and the KMT" (``between``)."""
    out = own_modifiers(tok)
    if frame.of_is == "actor":
        out += cl.preps(tok, "of")
    if frame.to_is is not None:
        out += cl.preps(tok, "to")
    if frame.between_is is not None:
        out += cl.preps(tok, "between")
    return out


def noun_objects(tok) -> list:  # type: ignore[no-untyped-def]
    """What a nominal trigger acts on: "the signing of the North Atlantic Treaty"."""
    return cl.preps(tok, "of")
