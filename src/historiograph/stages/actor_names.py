"""How a name is printed and linked through a text: the title before it ("Soviet Ambassador
Roshchin"), the abbreviation a text defines for it ("Joint Strategic Plans and Operations
Group (JSPOG)"), and the surname that names a person named in full before (a part of the
actors stage)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import cache

from historiograph import data
from historiograph.ids import slug
from historiograph.stages.actor_records import ActorLayer, Candidate, Mention

POSSESSIVE_WORD = re.compile(r"['’]s$")


def name_words(name: str) -> list[str]:
    """The words of a personal name without initials and suffixes: "Robert A. McClure" -> Robert, McClure."""
    return [w for w in name.split() if not re.fullmatch(r"[A-Z]\.|Jr\.|Sr\.", w)]


# ------------------------------------------------------------------ titles


@cache
def title_pattern() -> re.Pattern[str]:
    """Titles (``data/titles.txt``), each after any of its qualifiers, ending before a name."""
    words = data.sections("titles.txt", "titles")
    titles, qualifiers = words["titles"], words.get("qualifiers", frozenset())
    alt = lambda words: "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # noqa: E731
    return re.compile(rf"(?:(?:{alt(qualifiers)})\s+)*(?:(?:{alt(titles)})\s+)+$")


def title_before(text: str, start: int, floor: int = 0) -> int:
    """Where a title printed just before ``start`` begins (``start`` if none).

    The title never reaches back past ``floor``, the end of the mention before it:
    in "U.S. Secretary of State Robert Lansing" the country is a mention of its own.
    """
    window = text[max(floor, start - 60) : start]
    m = title_pattern().search(window)
    if not m:
        return start
    begin = start - len(window) + m.start()
    if begin > 0 and text[begin - 1].isalnum():
        return start
    return begin


# ------------------------------------------------------------------ abbreviations


def abbreviation_candidates(text: str, base: int) -> list[tuple[str, Candidate]]:
    """ "Joint Strategic Plans and Operations Groups (JSPOG)": (abbreviation, the long name)."""
    out = []
    for m in re.finditer(
        r"((?:[A-Z][\w’'-]*\s+(?:(?:of|and|for|the|on|in)\s+)*){2,9})\(([A-Z]{2,8})\)", text
    ):
        long_name = POSSESSIVE_WORD.sub("", m.group(1).strip())
        words = _capitalised(long_name)
        initials = "".join(w[0] for w in words)
        abbr = m.group(2)
        # the abbreviation's letters are the initials of the name's last capitalised words
        if not initials.endswith(abbr) and not _subsequence(abbr, initials):
            continue
        keep = len(words)
        while keep > len(abbr) and not initials[len(words) - keep :].startswith(abbr[0]):
            keep -= 1
        start = base + m.start(1) + long_name.find(words[len(words) - keep])
        end = base + m.start(1) + len(long_name)
        out.append((abbr, Candidate(start, end, (), "ner", None, "organization")))
    return out


def _capitalised(name: str) -> list[str]:
    """The capitalised words of a name, a hyphen parting words: what its initials are of."""
    return [w for w in re.split(r"[\s-]+", name) if w[:1].isupper()]


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short) and short[0] == long[0]


# ------------------------------------------------------------------ linking


def _add_occurrences(
    layer: ActorLayer, pattern: str, actor_id: str, how: str, text: str, paragraphs, sentence_of
) -> None:  # type: ignore[no-untyped-def]
    """Every place ``pattern`` matches in the body and no mention stands yet: a mention of the actor."""
    rx = re.compile(pattern)
    # a paragraph starts after a blank line: what the pattern looks behind for is the same
    found = [m for b in paragraphs for m in rx.finditer(text, b.start, b.end)]
    if not found:
        return
    taken = [(m.start, m.end) for m in layer.mentions]
    for m in found:
        s, e = m.start(), m.end()
        if any(a < e and s < z for a, z in taken):
            continue
        taken.append((s, e))
        layer.mentions.append(Mention(s, e, m.group(), actor_id, how, sentence_idx=sentence_of(s)))


def link_abbreviations(
    layer: ActorLayer, abbreviations, text: str, paragraphs, sentence_of
) -> None:  # type: ignore[no-untyped-def]
    """After "Joint Strategic Plans and Operations Groups (JSPOG)", "JSPOG" is that group."""
    for abbr, long_name in abbreviations:
        actor_id = next(
            (
                m.actor_id
                for m in layer.mentions
                if m.start <= long_name.start and long_name.end <= m.end
            ),
            None,
        )
        if actor_id is not None:
            pattern = rf"(?<!\w){re.escape(abbr)}(?!\w)"
            _add_occurrences(
                layer, pattern, actor_id, "abbreviation", text, paragraphs, sentence_of
            )


def join_initials(layer: ActorLayer) -> None:
    """ "OPEC" after "the Organization of Petroleum Exporting Countries" with no "(OPEC)" to
    join them: a body the text names by the initials of another it names in full is that body
    (both found in the text, neither listed in the gazetteer)."""
    bodies: dict[str, str] = {}
    for a in layer.actors.values():
        words = _capitalised(a.name)
        if a.origin == "text" and a.kind == "organization" and len(words) >= 2:
            bodies.setdefault("".join(w[0] for w in words), a.id)
    for short in list(layer.actors.values()):
        long_id = bodies.get(short.name)
        if short.origin != "text" or long_id in (None, short.id):
            continue
        layer.mentions = [
            replace(m, actor_id=long_id) if m.actor_id == short.id else m for m in layer.mentions
        ]
        del layer.actors[short.id]


def link_surnames(layer: ActorLayer, text: str, paragraphs, sentence_of) -> None:  # type: ignore[no-untyped-def]
    """After "Chai Chengwen", a bare "Chai" the model missed is still him."""
    names: dict[str, str] = {}
    named = Counter(m.actor_id for m in layer.mentions)
    # the surnames of listed people the text names more often ("Theodore Roosevelt" once in
    # passing does not make a bare "Roosevelt" his where Franklin Roosevelt acts throughout)
    listed: dict[str, int] = {}
    for a in layer.actors.values():
        if a.origin != "text" and a.kind == "person" and len(words := name_words(a.name)) >= 2:
            listed[words[-1]] = max(listed.get(words[-1], 0), named[a.id])
    for a in layer.actors.values():
        if a.origin != "text" or a.kind not in ("person", "scholar"):
            continue
        words = name_words(a.name)
        if (
            len(words) >= 2
            and words[-1] not in layer.actors
            and slug(words[-1]) not in layer.actors
            and listed.get(words[-1], 0) <= named[a.id]
        ):
            names.setdefault(words[-1], a.id)  # (not a surname a titled mention owns)
    for word, actor_id in names.items():
        pattern = rf"(?<![\w.-]){re.escape(word)}(?![\w-])"
        _add_occurrences(layer, pattern, actor_id, "surname", text, paragraphs, sentence_of)
