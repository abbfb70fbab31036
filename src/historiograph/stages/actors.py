"""The actors stage: who is named in the body text, under which canonical actor.

Mentions come from four places, and the longest wins where they overlap:

1. the gazetteer (``data/gazetteer.toml``): aliases, pseudonyms, metonyms,
   shared aliases ("Politburo") decided by the context words nearest them,
   roles ("the Commander of the UNC") resolved to their holder on the
   narrative's date (from the times stage);
2. spaCy's named entities, corrected: names are trimmed to their proper-noun
   tokens, places and italic terms are dropped, a model's ORG or GPE that is a
   person's name (after a title, or a known surname) becomes a person, an ORG
   counts only with an organisational head noun ("… Army", "… Committee");
3. "Long Name (ABBR)": the abbreviation names the same actor afterwards;
4. surnames: once "Chai Chengwen" is named, "Chai" is him;
5. descriptions (``descriptions.py``): a state's adjective before its forces, officials or
   acts ("Soviet aircraft"), and a group described as the subject of a clause ("a group of
   generals abducted Chiang", "the three Laotian factions").

A title printed before a name ("Soviet Ambassador Roshchin") belongs to the
mention. Persons the gazetteer does not list are historians (kind
``scholar``) when the sentence presents them so ("Scholars like X and Y",
"X examined …"). Being cited as an author is not enough: participants wrote
memoirs (Shi Zhe, Chai Chengwen), and they act in the story.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date
from functools import cache

from historiograph import data
from historiograph.ids import slug
from historiograph.model import Document, sentence_finder
from historiograph.stages.actor_names import (
    abbreviation_candidates,
    join_initials,
    link_abbreviations,
    link_surnames,
    name_words,
    title_before,
    title_pattern,
)
from historiograph.stages.actor_records import Actor, ActorLayer, Candidate, Mention
from historiograph.stages.descriptions import agent_noun_after, group_descriptions
from historiograph.stages.gazetteer import Entry, Gazetteer, load_gazetteer
from historiograph.stages.nlp import parse_paragraphs
from historiograph.stages.spans import non_overlapping
from historiograph.stages.times import TimeExpr, quote_spans, quoted_at

STAGE_VERSION = (
    "actors-17"  # … and a gazetteer alias with its article opening a sentence ("The President")
)
NER_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
SCHOLAR_VERBS = re.compile(
    r"\b(?:argu|contend|examin|analy[sz]|scrutiniz|illuminat|delv|dissect|stud(?:y|ie)|"
    r"document(?:s|ed)\b|recount|historiograph|emphasi[sz]|maintain|assert|suggest|conclud|"
    r"point(?:s|ed)? out|writ|wrote|research|scholar|historian|book|memoir|monograph)",
    re.I,
)
SCHOLAR_BEFORE = re.compile(
    r"(?:[Ss]cholars?|[Hh]istorians?|[Rr]esearchers?|[Aa]nalysts?)\s+(?:like|such as|including)?\s*"
    r"(?:(?:[A-Z][\w.-]*\s+){1,3}(?:and|,)\s+)?$"
)
ADJECTIVE_PREFIXES = {
    "Sino",
    "Anglo",
    "Franco",
    "Russo",
    "Indo",
    "non",
    "anti",
    "pro",
    "pre",
    "post",
}
# Words that make a role's title another, lesser office ("Assistant Secretary of State").
LESSER_OFFICE = re.compile(r"\b(?:Assistant|Deputy|Under|Vice|Associate)[\s-]+$")
# A group named with the body it sits in: the body is part of the group's name.
WITHIN_BODY = re.compile(
    r"\s+(?:within|in|at) the (?:UN|U\.N\.|United Nations|General Assembly|Security Council)\b"
)
POSSESSIVE = re.compile(r"['’]s?$")


# ------------------------------------------------------------------ gazetteer matching


def _gazetteer_candidates(text: str, base: int, gaz: Gazetteer) -> list[Candidate]:
    pattern, table = gaz.matcher()
    out: list[Candidate] = []
    # Every word start is tried, so that "the United Nations" does not hide "United Nations Command".
    for word in re.finditer(r"(?<!\w)\w", text):
        m = pattern.match(text, word.start())
        if m is None:
            continue
        if m.start() > 1 and text[m.start() - 1] == "-":
            before = re.search(r"(\w+)-$", text[: m.start()])
            if before and (before.group(1) in ADJECTIVE_PREFIXES or before.group(1).islower()):
                continue  # "Sino-U.S.", "non-Korean"
        ids = table[m.group()]
        end = m.end()
        if ids and all(gaz.entries[i].kind == "group" for i in ids):
            within = WITHIN_BODY.match(text, end)  # "Asiatic countries within the UN"
            end = within.end() if within else end
        out.append(
            Candidate(base + m.start(), base + end, ids, "place" if not ids else "gazetteer")
        )
    nicknames, owner = gaz.nickname_matcher()
    for m in nicknames.finditer(text) if owner else ():
        before, after = text[max(0, m.start() - 1) : m.start()], text[m.end() : m.end() + 1]
        if before and after and before in "'‘“\"[(" and after in "'’”\"])":
            out.append(
                Candidate(base + m.start(), base + m.end(), (owner[m.group()],), "gazetteer")
            )
    demonyms, state = gaz.demonym_matcher()
    for m in demonyms.finditer(text):  # "Soviet aircraft", "Japanese air raids": the state
        end = agent_noun_after(text, m.end())
        if end is not None:
            out.append(Candidate(base + m.start(), base + end, (state[m.group()],), "demonym"))
    return out


# ------------------------------------------------------------------ shared heads

NUMERAL = r"(?:[IVXLC]+|\d+(?:st|nd|rd|th))"
SHARED_HEAD = re.compile(
    rf"\b({NUMERAL}(?:,?\s+(?:and\s+)?{NUMERAL}|,\s*{NUMERAL})+)\s+"
    r"(Corps|Armies|Army|Divisions|Division|Regiments|Brigades|Fleets)\b"
)
SINGULAR = {"Armies": "Army", "Divisions": "Division", "Regiments": "Regiment",
            "Brigades": "Brigade", "Fleets": "Fleet"}  # fmt: skip


OWNED_FORMATION = re.compile(
    rf"\b([A-Z][A-Z.]{{1,8}})['’]s\s+({NUMERAL})\s+(Corps|Army|Division|Regiment|Brigade|Fleet)\b"
)


def _shared_head_candidates(text: str, base: int) -> list[Candidate]:
    """ "the XLVII, XLII, and XXVI Corps": each numeral before the last names a formation of
    its own ("XLVII Corps"); the last one is read with its head noun as any name is. "The
    CCF's 19th Army" is one name ("CCF 19th Army"), not the CCF."""
    out = []
    for m in SHARED_HEAD.finditer(text):
        head = SINGULAR.get(m.group(2), m.group(2))
        numerals = list(re.finditer(NUMERAL, m.group(1)))
        for n in numerals[:-1]:
            start = base + m.start(1) + n.start()
            name = f"{n.group()} {head}"
            out.append(_formation(start, start + len(n.group()), name))
    for m in OWNED_FORMATION.finditer(text):  # "the CCF's 19th Army": the CCF's formation
        name = f"{m.group(1)} {m.group(2)} {m.group(3)}"
        out.append(_formation(base + m.start(), base + m.end(), name))
    return out


# "the Defense and State departments", "the Soviet and Chinese governments": one plural head
# noun shared by the words before it, each of which names a body of its own.
SHARED_BODY = re.compile(
    r"\b((?:[A-Z][a-z]+,\s+)*[A-Z][a-z]+,?\s+and\s+)([A-Z][a-z]+)\s+"
    r"(departments|governments|ministries|delegations|embassies|administrations)\b",
    re.I,
)
BODY_SINGULAR = {"ministries": "ministry", "embassies": "embassy"}


def _shared_body_candidates(text: str, base: int, gaz: Gazetteer) -> list[Candidate]:
    """Each word of "the Defense and State departments" with the head noun in the singular,
    when the gazetteer knows that name ("Defense Department", "State Department")."""
    _, table = gaz.matcher()
    out = []
    for m in SHARED_BODY.finditer(text):
        plural = m.group(3).lower()
        head = BODY_SINGULAR.get(plural, plural[:-1])
        words = [*re.finditer(r"[A-Z][a-z]+", m.group(1)), None]
        for word in words:
            start, end = (m.start(1) + word.start(), m.start(1) + word.end()) if word else m.span(2)
            names = (f"{text[start:end]} {head.capitalize()}", f"{text[start:end]} {head}")
            ids = next((table[n] for n in names if table.get(n)), None)
            if ids:
                end = end if word else m.end()  # the last word takes the head noun with it
                out.append(Candidate(base + start, base + end, ids, "gazetteer"))
    return out


def _formation(start: int, end: int, name: str) -> Candidate:
    # read by a rule, not by the model: no NER label is stored for it
    return Candidate(start, end, (), "ner", label=None, kind="organization", name=name)


# ------------------------------------------------------------------ spaCy entities


def _proper_tokens(ent) -> tuple[int, int] | None:  # type: ignore[no-untyped-def]
    """The entity trimmed to its proper-noun core: no leading "the", verbs or possessives."""
    tokens = list(ent)
    while tokens and (tokens[0].tag_ not in ("NNP", "NNPS") or not tokens[0].text[:1].isupper()):
        tokens.pop(0)
    # "Chiang Kai-shek’s Nationalist [government]": the owner is the name, not the one word
    # of what he owns the model ran on to ("the Department’s Management Operations [staff]"
    # names a body of the Department; "the CCF's 19th Army" is read as one name before this)
    owner = next(
        (i for i, t in enumerate(tokens[:-1]) if i and t.text in ("'s", "’s") and t.tag_ == "POS"),
        None,
    )
    if owner is not None and owner == len(tokens) - 2:
        tokens = tokens[:owner]
    while tokens and (
        tokens[-1].tag_ in ("POS", "IN", "DT", "CC", "-LRB-", "-RRB-", ",")
        or tokens[-1].text in ("'s", "’s", "'", "’")
    ):
        tokens.pop()
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    word = tokens[-1].text
    if POSSESSIVE.search(word) and len(word) > 2:
        end -= len(POSSESSIVE.search(word).group())
    return start, end


def _ner_candidates(doc: Document, parsed_paragraphs, italics, gaz: Gazetteer) -> list[Candidate]:  # type: ignore[no-untyped-def]
    out: list[Candidate] = []
    for block, parsed in parsed_paragraphs:
        quotes = quote_spans(parsed.text)
        for ent in parsed.ents:
            if ent.label_ not in NER_LABELS:
                continue
            span = _proper_tokens(ent)
            if span is None:
                continue
            start, end = block.start + span[0], block.start + span[1]
            name = doc.text[start:end]
            if any(a < end and start < b for a, b in italics):
                continue  # italic: a title or a term in another language, not an actor
            if name in gaz.places or any(w in gaz.places for w in name.split()):
                continue
            words = name.split()
            head = _body_head(words)
            if ent.label_ == "ORG" and head in org_heads() and len(words) > 1:
                listed = _listed_body(name, head, gaz) if head != words[-1] else None
                if listed is not None:  # "U.S. Department of State": the State Department
                    out.append(Candidate(start, end, (listed,), "ner", ent.label_))
                    continue
                kind = "organization"
            elif (
                ent.label_ == "ORG"
                and re.fullmatch(r"[A-Z]{2,6}", name)
                and name not in thing_words()
            ):
                kind = "organization"  # "OPEC", "SEATO": a body known by its initials
            elif ent.label_ in ("PERSON", "ORG", "GPE", "LOC") and _looks_like_name(words):
                kind = "person"
                if ent.label_ in ("LOC", "GPE") and title_before(doc.text, start) == start:
                    continue  # "the Golan Heights", "the Middle East": a place, untitled
            else:
                continue
            if kind == "organization" and quoted_at(span[0], quotes):
                continue  # a quoted phrase ("Withdrawal of Foreign Forces"), not a body
            out.append(Candidate(start, end, (), "ner", ent.label_, kind))
    return out


@cache
def org_heads() -> frozenset[str]:
    """Capitalised nouns that head the name of a body (``data/org_heads.txt``)."""
    return frozenset(data.lines("org_heads.txt"))


def _body_head(words: list[str]) -> str:
    """The head of a name: its last word if that names a body, else the word before "of", "for"
    or "on" ("the Cabinet of Ruritania", "the Council of Ministers", "the Agency for
    International Development", "the Committee on Foreign Relations")."""
    if words[-1] in org_heads():
        return words[-1]  # "the Department of State’s Policy Planning Staff"
    linked = [i for i, w in enumerate(words[1:-1], 1) if w in ("of", "for", "on")]
    return words[linked[0] - 1] if linked else words[-1]


def _listed_body(name: str, head: str, gaz: Gazetteer) -> str | None:
    """The body the gazetteer lists that a longer name qualifies, its head among its words:
    "U.S. Department of State" is the State Department ("Department of State"), "the General
    Assembly of the United Nations" the UN General Assembly ("General Assembly")."""
    pattern, table = gaz.matcher()
    for m in pattern.finditer(name):
        if head in m.group().split():
            bodies = [i for i in table.get(m.group(), ()) if gaz.entries[i].kind == "organization"]
            if len(bodies) == 1:
                return bodies[0]
    return None


@cache
def thing_words() -> frozenset[str]:
    """Capitalised words that head the name of a thing, not of an actor (``data/thing_words.txt``)."""
    return frozenset(data.lines("thing_words.txt"))


def _looks_like_name(words: list[str]) -> bool:
    if not 1 <= len(words) <= 4:
        return False
    return not thing_words().intersection(POSSESSIVE.sub("", w) for w in words) and all(
        w[:1].isupper() and not w.isupper() or re.fullmatch(r"[A-Z]\.", w) or w in ("Jr.", "Sr.")
        for w in words
    )


# ------------------------------------------------------------------ the stage


def _last_named(
    ids: tuple[str, ...], mentions: list[Mention], pos: int, within: int = 1500
) -> str | None:
    """Of the people a shared surname may name, the one named in full last before it, a
    little earlier: "Pak Il-u arrived in Dandong … Pak stressed" is Pak Il-u."""
    for m in reversed(mentions):
        if m.start < pos - within:
            return None
        if m.actor_id in ids and m.how != "shared":
            return m.actor_id
    return None


def _choose_shared(ids: tuple[str, ...], context: str, gaz: Gazetteer) -> str:
    """Of the actors a shared alias may name, the one whose context words the passage uses most."""

    def score(i: str) -> int:
        return sum(len(re.findall(rf"\b{re.escape(w)}\b", context)) for w in gaz.entries[i].context)

    return max(ids, key=lambda i: (score(i), -ids.index(i)))


def _reference_days(times: list[TimeExpr]) -> tuple[list[int], list[date | None]]:
    """The narrative's date at each point: the last narrated day or month before it."""
    starts: list[int] = []
    days: list[date | None] = []
    for t in times:
        if t.in_quote or t.vague or not t.value or t.value[:1] == "X" or t.precision not in (
            "day", "part_of_day", "minute", "month"
        ):  # fmt: skip
            continue
        v = t.value.split("/")[0]
        day = int(v[8:10]) if len(v) >= 10 else 15
        starts.append(t.start)
        days.append(date(int(v[:4]), int(v[5:7]), day))
    return starts, days


def find_actors(
    doc: Document,
    times: list[TimeExpr],
    gaz: Gazetteer | None = None,
    parsed=None,  # type: ignore[no-untyped-def]
) -> ActorLayer:
    """Every actor mention of the document's body, canonicalised.

    ``parsed`` is :func:`~historiograph.stages.nlp.parse_paragraphs` of the
    document, when the caller has it already.
    """
    gaz = gaz or load_gazetteer()
    if parsed is None:
        parsed = parse_paragraphs(doc)  # with the parser: descriptions are read by their parse
    paragraphs = [b for b, _ in parsed]
    italics = [(s.start, s.end) for s in doc.styles if s.kind == "italic"]
    text = doc.text

    candidates: list[Candidate] = []
    abbreviations: list[tuple[str, Candidate]] = []
    for b in paragraphs:
        chunk = text[b.start : b.end]
        candidates += _gazetteer_candidates(chunk, b.start, gaz)
        candidates += _shared_head_candidates(chunk, b.start)
        candidates += _shared_body_candidates(chunk, b.start, gaz)
        abbreviations += abbreviation_candidates(chunk, b.start)
    defined = {abbr for abbr, _ in abbreviations}  # "(JSPOG)": linked to its long name below
    candidates += [
        c
        for c in _ner_candidates(doc, parsed, italics, gaz)
        if text[c.start : c.end] not in defined
    ]
    for _, c in abbreviations:
        candidates.append(c)

    # Longest first; at equal length the gazetteer before the model.
    order = {"gazetteer": 0, "place": 0, "ner": 1, "demonym": 2}
    ranked = sorted(candidates, key=lambda c: (-(c.end - c.start), order[c.how], c.start))
    chosen = [c for c in non_overlapping(ranked, lambda c: (c.start, c.end)) if c.how != "place"]
    chosen = _drop_titles_of_names(text, chosen, gaz)

    delegations = [e for e in gaz.entries.values() if "delegat" in e.name.casefold()]
    layer = ActorLayer(
        body_members=frozenset(m for e in gaz.entries.values() for m in e.members),
        delegates=frozenset(
            [e.id for e in delegations]
            + [m for e in delegations for m in e.members]
            + [h.actor for e in delegations for h in e.holders]
        ),
    )
    sentence_of = sentence_finder(doc)
    ref_starts, ref_days = _reference_days(times)

    def day_at(pos: int) -> date | None:
        i = bisect_right(ref_starts, pos) - 1
        return ref_days[i] if i >= 0 else None

    def add_gazetteer_actor(e: Entry) -> str:
        layer.actors.setdefault(e.id, Actor(e.id, e.name, e.kind, "gazetteer", e.members))
        return e.id

    # Names from the text: full names first, so that surnames can link to them.
    people: dict[str, str] = {}  # a surname or given name -> actor id (most recent wins)
    titled: set[str] = set()  # surnames the text prints after a title ("President Kennedy")
    for c in chosen:
        if len(c.ids) == 1 and gaz.entries[c.ids[0]].kind == "person":
            # a person the gazetteer lists, named in full: "Kennedy" is him afterwards
            words = name_words(text[c.start : c.end])
            if len(words) >= 2:
                people.setdefault(words[-1], c.ids[0])
            continue
        if c.ids or c.kind != "person":
            continue
        name = text[c.start : c.end]
        words = name_words(name)
        if len(name.split()) >= 2 and words:  # "Chai Chengwen", "A. Ledovsky"
            people.setdefault(words[-1], slug(name))
            if len(words) == 2:
                people.setdefault(words[0], slug(name))
        elif len(words) == 1 and title_before(text, c.start) < c.start:
            titled.add(words[0])
    # Who a bare surname names at each point: the person last introduced under it, in full
    # or by title. "President Kennedy … Kennedy … Attorney General Robert Kennedy …
    # Kennedy": the bare surname stays the President's, the one the text established.
    owner: dict[str, str] = {}

    for c in chosen:
        name = text[c.start : c.end]
        floor = layer.mentions[-1].end if layer.mentions else 0
        title_start = title_before(text, c.start, floor)
        title = text[title_start : c.start].strip() or None
        holder = None
        how = c.how
        if c.ids:
            ids = c.ids
            if len(ids) > 1:
                context = text[max(0, c.start - 600) : c.end + 200]
                named = all(gaz.entries[i].kind == "person" for i in ids) and _last_named(
                    ids, layer.mentions, c.start
                )
                actor_id = named or _choose_shared(ids, context, gaz)
                how = "shared"
            else:
                actor_id = ids[0]
            entry = gaz.entries[actor_id]
            if entry.kind == "role" and LESSER_OFFICE.search(text[max(0, c.start - 12) : c.start]):
                continue  # "Assistant Secretary of State": another office than the Secretary's
            if entry.kind == "role":
                holder = _appositive_holder(text, c, chosen, gaz) or entry.holder_on(
                    day_at(c.start)
                )
                how = "role"
                title_start, title = c.start, None
            actor_id = add_gazetteer_actor(entry)
            if entry.kind == "person" and len(words := name_words(name)) >= 2:
                owner.setdefault(words[-1], actor_id)
            if holder in gaz.entries:
                add_gazetteer_actor(gaz.entries[holder])
            if entry.kind not in ("person", "scholar"):
                title_start, title = c.start, None
        else:
            words = name_words(name)
            if c.kind == "person" and len(name.split()) == 1:
                held = _office_holder(title, words, gaz, day_at(c.start)) if title else None
                if words and words[0] in owner and not title:
                    actor_id, how = owner[words[0]], "surname"
                elif held is not None:
                    actor_id, how = add_gazetteer_actor(gaz.entries[held]), "title"
                elif title or (words and words[0] in titled):
                    actor_id = slug(name)  # "President Kennedy", and "Kennedy" before him
                elif words and words[0] in people:
                    actor_id, how = people[words[0]], "surname"
                else:
                    continue  # a lone capitalised word the model calls a name: too often a place
                if words:
                    owner.setdefault(words[0], actor_id)
            else:
                actor_id = slug(c.name or name)
                if c.kind == "person" and len(words) >= 2:
                    owner.setdefault(words[-1], actor_id)
            if actor_id not in layer.actors:
                kind = c.kind or "person"
                if kind == "person" and _is_scholar(text, c):
                    kind = "scholar"
                full = c.name or (name if actor_id == slug(name) else actor_id)
                layer.actors[actor_id] = Actor(actor_id, full, kind, "text")
        layer.mentions.append(
            Mention(
                title_start,
                c.end,
                text[title_start : c.end],
                actor_id,
                how,
                holder,
                c.label,
                title,
                sentence_of(c.start),
            )
        )

    link_abbreviations(layer, abbreviations, text, paragraphs, sentence_of)
    link_surnames(layer, text, paragraphs, sentence_of)
    join_initials(layer)
    # groups described, not named: "a group of generals abducted Chiang"
    for start, end, name in group_descriptions(parsed, [(m.start, m.end) for m in layer.mentions]):
        actor_id = slug(name)
        layer.actors.setdefault(actor_id, Actor(actor_id, name, "group", "text"))
        layer.mentions.append(
            Mention(start, end, text[start:end], actor_id, "description", None, None, None,
                    sentence_of(start))
        )  # fmt: skip
    layer.mentions.sort(key=lambda m: m.start)
    return layer


def _drop_titles_of_names(text: str, chosen: list[Candidate], gaz: Gazetteer) -> list[Candidate]:
    """ "Soviet Ambassador Roshchin" is one mention of Roshchin, not a role and a name; in "the
    Soviet leader Khrushchev" the adjective is part of his title, not a mention of the state."""
    keep = []
    for i, c in enumerate(chosen):
        nxt = chosen[i + 1] if i + 1 < len(chosen) else None
        is_role = bool(c.ids) and gaz.entries[c.ids[0]].kind == "role"
        names_person = nxt is not None and (
            (nxt.ids and gaz.entries[nxt.ids[0]].kind in ("person", "scholar"))
            or nxt.kind == "person"
        )
        if is_role and names_person and re.fullmatch(r"\s+", text[c.end : nxt.start]):
            continue
        if c.how == "demonym" and names_person and title_pattern().match(text[c.start : nxt.start]):
            continue
        keep.append(c)
    return keep


def _office_holder(title: str, words: list[str], gaz: Gazetteer, day: date | None) -> str | None:
    """ "President Kennedy" in 1962, "Secretary Acheson" in 1950: the gazetteer's holder of
    the office the title names, on the narrative's day, when that holder bears the surname
    (a surname alone is too often shared: Robert Kennedy, Theodore Roosevelt)."""
    if not words:
        return None
    office = re.sub(r"^(?:the|U\.S\.|American)\s+", "", title.strip(), flags=re.I)
    for entry in gaz.offices(office):
        held = entry.holder_on(day)
        person = gaz.entries.get(held) if held else None
        if person is not None and person.name.split()[-1] == words[0]:
            return held
    return None


def _appositive_holder(
    text: str, c: Candidate, chosen: list[Candidate], gaz: Gazetteer
) -> str | None:
    """ "the Soviet Ambassador, Roshchin" / "T. F. Shtykov, the Soviet Ambassador": that person."""
    for o in chosen:
        if not o.ids or gaz.entries[o.ids[0]].kind != "person":
            continue
        between = text[c.end : o.start] if o.start >= c.end else text[o.end : c.start]
        if re.fullmatch(r",\s*(?:the\s+)?", between):
            return o.ids[0]
    return None


def _is_scholar(text: str, c: Candidate) -> bool:
    """A historian: "Scholars like X and Y", "X examined …", "X's study" (not a memoirist who acts)."""
    if SCHOLAR_BEFORE.search(text[max(0, c.start - 40) : c.start]):
        return True
    return bool(SCHOLAR_VERBS.search(text[c.end : c.end + 40]))
