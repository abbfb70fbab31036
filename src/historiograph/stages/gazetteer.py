"""The gazetteer: actors, roles and places a historian could write down (``data/gazetteer.toml``).

Loaded once, lazily. A user's own TOML file in the same format extends it:
entries with an id already present replace the bundled ones. See the comment
at the top of the bundled file for the format.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path

from historiograph.errors import InputError

KINDS = ("person", "organization", "state", "group", "scholar")


@dataclass(slots=True, frozen=True)
class Holder:
    actor: str
    start: date
    end: date  # exclusive


@dataclass(slots=True, frozen=True)
class Entry:
    """An actor or a role of the gazetteer."""

    id: str
    name: str
    kind: str  # one of KINDS, or "role"
    aliases: tuple[str, ...]
    nicknames: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    holders: tuple[Holder, ...] = ()
    members: tuple[str, ...] = ()  # a body's members (persons or other bodies)
    demonyms: tuple[str, ...] = ()  # a state's adjectives ("Soviet", "North Vietnamese")

    def holder_on(self, day: date | None) -> str | None:
        """Who held this role on ``day`` (the only holder when the day is unknown)."""
        if day is None:
            return self.holders[0].actor if len(self.holders) == 1 else None
        return next((h.actor for h in self.holders if h.start <= day < h.end), None)


@dataclass(slots=True)
class Gazetteer:
    entries: dict[str, Entry] = field(default_factory=dict)
    shared: dict[str, tuple[str, ...]] = field(default_factory=dict)  # alias -> candidate ids
    places: frozenset[str] = frozenset()
    _matcher: tuple | None = None
    _nicknames: tuple | None = None
    _demonyms: tuple | None = None
    _offices: dict[str, list[Entry]] | None = None

    def offices(self, office: str) -> list[Entry]:
        """The roles a title names ("President", "Secretary of State"), by their name or an
        alias without its article, or by their name before an "of" ("President of the United
        States"); case does not matter."""
        if self._offices is None:
            index: dict[str, list[Entry]] = {}
            for e in self.entries.values():
                if e.kind != "role":
                    continue
                name = e.name.casefold()
                forms = {re.sub(r"^the\s+", "", f.casefold()) for f in (e.name, *e.aliases)}
                forms |= {name[: m.start()] for m in re.finditer(" of ", name)}
                for f in forms:
                    index.setdefault(f, []).append(e)
            self._offices = index
        return self._offices.get(office.casefold(), [])

    def matcher(self) -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
        """One pattern over every alias and place name (longest first), and the alias table."""
        if self._matcher is None:
            table = self.alias_table()
            for place in self.places:
                table.setdefault(place, ())
            names = sorted(table, key=len, reverse=True)
            pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")
            self._matcher = (pattern, table)
        return self._matcher

    def alias_table(self) -> dict[str, tuple[str, ...]]:
        """Every printed form -> the entries it may name (several for a shared alias)."""
        table: dict[str, list[str]] = {}
        for e in self.entries.values():
            for alias in (e.name, *e.aliases) if e.kind != "role" else e.aliases:
                table.setdefault(alias, [])
                if e.id not in table[alias]:
                    table[alias].append(e.id)
        for alias, ids in self.shared.items():
            table[alias] = list(ids)
        # an alias with its article opens a sentence too: "The President also went on …"
        for alias in [a for a in table if a.startswith("the ")]:
            table.setdefault("The " + alias[4:], table[alias])
        return {a: tuple(ids) for a, ids in table.items()}

    def nickname_matcher(self) -> tuple[re.Pattern[str], dict[str, str]]:
        """One pattern over every nickname (counted only when quoted), and nickname -> actor id."""
        if self._nicknames is None:
            table = {n: e.id for e in self.entries.values() for n in e.nicknames}
            names = sorted(table, key=len, reverse=True)
            pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")
            self._nicknames = (pattern, table)
        return self._nicknames

    def demonym_matcher(self) -> tuple[re.Pattern[str], dict[str, str]]:
        """One pattern over every state's adjective used before a common noun ("Soviet aircraft",
        "Japanese air raids"; not "Soviet Union", "Soviet-era"), and adjective -> state id."""
        if self._demonyms is None:
            table = {d: e.id for e in self.entries.values() for d in e.demonyms}
            names = sorted(table, key=len, reverse=True)
            alt = "|".join(re.escape(n) for n in names) or r"(?!x)x"
            pattern = re.compile(rf"(?<![\w-])(?:{alt})(?=\s+[a-z])")
            self._demonyms = (pattern, table)
        return self._demonyms


def _day(value: object, where: str) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise InputError(where, f"not an ISO date: {value!r}") from None


def _parse(data: dict, where: str, into: Gazetteer) -> None:
    try:
        for a in data.get("actor", []):
            kind = a["kind"]
            if kind not in KINDS:
                raise InputError(
                    where, f"actor {a['id']!r}: kind must be one of {', '.join(KINDS)}"
                )
            into.entries[a["id"]] = Entry(
                a["id"],
                a["name"],
                kind,
                tuple(a.get("aliases", [])),
                tuple(a.get("nicknames", [])),
                tuple(a.get("context", [])),
                members=tuple(a.get("members", [])),
                demonyms=tuple(a.get("demonyms", [])),
            )
        for r in data.get("role", []):
            holders = tuple(
                Holder(h["actor"], _day(h["from"], where), _day(h["to"], where))
                for h in r.get("holders", [])
            )
            into.entries[r["id"]] = Entry(
                r["id"],
                r["name"],
                "role",
                tuple(r.get("aliases", [])),
                (),
                tuple(r.get("context", [])),
                holders,
            )
        for s in data.get("shared", []):
            into.shared[s["alias"]] = tuple(s["actors"])
        into.places = into.places | frozenset(data.get("places", {}).get("names", []))
    except KeyError as e:
        raise InputError(where, f"gazetteer entry without {e.args[0]!r}") from None
    missing = (
        {h.actor for e in into.entries.values() for h in e.holders if h.actor not in into.entries}
        | {i for ids in into.shared.values() for i in ids if i not in into.entries}
        | {m for e in into.entries.values() for m in e.members if m not in into.entries}
    )
    if missing:
        raise InputError(where, f"names actors it does not define: {', '.join(sorted(missing))}")


@cache
def load_gazetteer(extra: str | None = None) -> Gazetteer:
    """The bundled gazetteer, extended by the TOML file at ``extra`` if given."""
    gaz = Gazetteer()
    bundled = resources.files("historiograph.data").joinpath("gazetteer.toml").read_text("utf-8")
    _parse(tomllib.loads(bundled), "gazetteer.toml", gaz)
    if extra:
        path = Path(extra)
        try:
            data = tomllib.loads(path.read_text("utf-8"))
        except OSError as e:
            raise InputError(path, f"cannot read gazetteer ({e.strerror})") from None
        except tomllib.TOMLDecodeError as e:
            raise InputError(path, f"not valid TOML ({e})") from None
        _parse(data, str(path), gaz)
    return gaz
