"""The records of the actors stage: an actor, a mention of it, and the layer the stage returns."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(slots=True, frozen=True)
class Actor:
    id: str
    name: str
    kind: str  # person | organization | state | group | role | scholar
    origin: str  # gazetteer | text
    members: tuple[str, ...] = ()  # a body's members, from the gazetteer

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True, frozen=True)
class Mention:
    """A name at ``[start, end)`` of the document text (title included) and who it names."""

    start: int
    end: int
    text: str
    actor_id: str
    how: str  # gazetteer | ner | abbreviation | surname | role | shared | demonym | description
    holder_id: str | None = None  # a role's holder on the narrative's date
    ner_label: str | None = None
    title: str | None = None
    sentence_idx: int | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    ids: tuple[str, ...]  # gazetteer ids; empty for a name the gazetteer does not know
    how: str
    label: str | None = None
    kind: str | None = None  # for names from the text: person | organization
    name: str | None = None  # the full name, when the text prints only part ("XLVII" Corps)


@dataclass(slots=True)
class ActorLayer:
    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    # everyone the gazetteer seats in a governing body, named in the text or not
    body_members: frozenset[str] = frozenset()
    # the delegations at talks, their members and whoever held a delegate's role
    delegates: frozenset[str] = frozenset()
