"""Finding temporal expressions in running text (the first half of the times stage).

``find_timexes`` returns what the text *says*, not yet what it means: a
calendar date with the parts printed ("October 12", "early May 1951",
"December 4-8, 1950", "At 3:30 p.m. on October 12"), a relative expression
("About seven hours later", "the following day", "that afternoon"), a
duration, a set ("daily") or a deictic ("in the near future"). Turning them
into values against the narrative is ``stages/times.py``.

Patterns are written for history prose in English. Month names must be
capitalised, and "May" and "March" count only next to a day, a year or a
preposition, so "may have" and "the march" are not dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from historiograph.stages import dated_events
from historiograph.stages.spans import non_overlapping

MONTHS = {
    name: i
    for i, name in enumerate(
        "January February March April May June July August September October November December".split(),
        1,
    )
}
MONTH_ABBREVIATIONS = {
    "Jan.": 1,
    "Feb.": 2,
    "Mar.": 3,
    "Apr.": 4,
    "Jun.": 6,
    "Jul.": 7,
    "Aug.": 8,
    "Sep.": 9,
    "Sept.": 9,
    "Oct.": 10,
    "Nov.": 11,
    "Dec.": 12,
}
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "several": None,
    "a few": None,
    "few": None,
    "many": None,
}
UNITS = {
    "minute": "MI", "hour": "H", "day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE",
}  # fmt: skip
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

# Qualifiers printed before a date, with their TimeML mod.
QUALIFIERS = {
    "early": ("early", "START"),
    "the beginning of": ("early", "START"),
    "the start of": ("early", "START"),
    "the first half of": ("early", "START"),
    "mid": ("mid", "MID"),
    "the middle of": ("mid", "MID"),
    "late": ("late", "END"),
    "the end of": ("late", "END"),
    "the close of": ("late", "END"),
    "the second half of": ("late", "END"),
}
BOUNDS = {
    "by": ("by", "ON_OR_BEFORE"),
    "no later than": ("by", "ON_OR_BEFORE"),
    "as early as": ("by", "ON_OR_BEFORE"),
    "before": ("before", "BEFORE"),
    "until": ("until", "BEFORE"),
    "till": ("until", "BEFORE"),
    "after": ("after", "AFTER"),
    "since": ("since", "AFTER"),
    "around": ("approx", "APPROX"),
    "about": ("approx", "APPROX"),
    "approximately": ("approx", "APPROX"),
}
APPROXIMATE = {"about", "some", "nearly", "roughly", "approximately", "around", "almost"}


def _ci(words: str) -> str:
    """``a|b c`` -> a pattern matching each alternative with either case of its first letter."""
    return "|".join(f"[{w[0].upper()}{w[0].lower()}]{re.escape(w[1:])}" for w in words.split("|"))


_MONTH = "|".join([*MONTHS, *(re.escape(a) for a in MONTH_ABBREVIATIONS)])
_NUM = (
    r"\d{1,3}|"
    + "|".join(re.escape(w) for w in sorted(NUMBER_WORDS, key=len, reverse=True) if " " in w)
    + "|"
    + "|".join(_ci(w) for w in NUMBER_WORDS if " " not in w)
)
_UNIT = "minute|hour|day|week|month|year"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?:1[5-9]|20)\d\d(?![\d/])"
_BOUND = _ci(
    "by|no later than|as early as|before|until|till|after|since|around|about|approximately"
)
_QUAL = (
    _ci("early|mid|late")
    + "|"
    + _ci(
        "the beginning of|the start of|the first half of|the middle of|the end of|the close of|the second half of"
    )
)
_POD = "morning|afternoon|evening|night"

CALENDAR = re.compile(
    rf"""
    (?:(?P<bound>{_BOUND})\s+)?
    (?:(?P<lead>[Ff]rom|[Bb]etween)\s+)?
    (?:(?:[Oo]n\s+|[Ii]n\s+)?[Tt]he\s+(?P<pod>{_POD})\s+of\s+)?
    (?:(?P<qual>{_QUAL})[\s-]+)?
    (?:
        (?P<month>{_MONTH})
        (?:\s+(?P<day>{_DAY})
            (?:\s*(?:[-–]|to|and|through|until)\s*(?:(?P<month2>{_MONTH})\s+)?(?P<day2>{_DAY}))?
        )?
        (?:,?\s+(?:of\s+)?(?P<year>{_YEAR}))?
      |
        (?P<dday>{_DAY})\s+(?P<dmonth>{_MONTH})(?:,?\s+(?P<dyear>{_YEAR}))?
    )
    (?:,?\s+at\s+(?P<th>\d{{1,2}})(?::(?P<tm>\d\d))?\s*(?P<tap>[ap])(?:\.m\.|m\b))?
    """,
    re.X,
)
YEAR = re.compile(
    rf"""
    (?:(?P<bound>{_BOUND})\s+)?
    (?:(?P<lead>[Ff]rom|[Bb]etween)\s+)?  # "in 1942 and 1943" is two years, "between" one span
    (?:(?P<qual>{_QUAL})[\s-]+)?
    (?:(?:[Tt]he\s+)?(?P<season>{_ci("spring|summer|autumn|fall|winter")})(?:\s+of)?\s+)?
    (?<![\d.,/])(?<!\d-)(?P<year>{_YEAR})(?P<decade>['’]?s\b)?
    (?:\s*[-–]\s*(?P<year2>\d{{2}}|{_YEAR})(?![\d/])
      |\s+(?(lead)(?:to|and|through|until|till)|(?:to|through|until|till))
        \s+(?P<year3>{_YEAR})(?P<decade3>['’]?s\b)?)?
    """,
    re.X,
)
# A season without its year, in the narrative's year: "during the winter", "that summer",
# "in the late summer" ("the summer of 1950" is a YEAR)
SEASON = re.compile(
    rf"""
    (?:(?P<lead>{_ci("in|during|by|through|throughout|over|until|since")})\s+)?
    (?:[Tt]he|(?P<deixis>{_ci("that|this|last|next|the following|the previous")}))\s+
    (?:(?P<qual>{_ci("early|mid|late")})[\s-]+)?
    (?P<season>{_ci("spring|summer|autumn|fall|winter")})\b
    (?!\s+(?:of\s+)?(?:{_YEAR}|\d))
    """,
    re.X,
)
# "the 20th century", "the nineteenth century", "the late 19th century"
_ORDINAL_WORDS = "eighteenth|nineteenth|twentieth|twenty-first"
CENTURY = re.compile(
    rf"""
    (?:[Tt]he\s+)?(?:(?P<qual>{_ci("early|mid|late")})[\s-]+)?
    (?:(?P<n>1[5-9]|2[01])(?:st|nd|rd|th)|(?P<word>{_ci(_ORDINAL_WORDS)}))[\s-]+century\b
    """,
    re.X,
)
CENTURY_WORDS = {"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21}
# "on the 23rd": a day of the month the narrative is in
BARE_DAY = re.compile(r"\b[Oo]n\s+the\s+(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b(?=\s*[,.;:)])")
CLOCK = re.compile(
    rf"""
    (?:[Aa]t\s+)?(?:(?P<h>\d{{1,2}})(?::(?P<mi>\d\d))?\s*(?P<ap>[ap])(?:\.m\.|m\b)|(?P<word>noon|midnight))
    (?:,?\s+(?:on\s+)?(?P<rest>(?:{_MONTH})\s+{_DAY}(?:,?\s+{_YEAR})?))?
    """,
    re.X,
)
RELATIVE = re.compile(
    rf"""
    (?:(?P<approx>{_ci("about|some|nearly|roughly|approximately|around|almost|just|only")})\s+)?
    (?P<n>{_NUM})\s+(?P<unit>{_UNIT})s?\s+
    (?:(?P<dir>later|earlier|afterwards?|thereafter|ago)\b
      | (?P<dir2>before|after)\b(?!\s+(?:the|a|an|his|her|its|their|that|this|he|she|they|it|[A-Z0-9]))
        (?P<onto>(?=\s+[a-z]))?)
    """,
    re.X,
)
NEIGHBOUR = re.compile(
    rf"""
    (?:(?P<later>{_ci("later|earlier")})\s+)?
    (?:[Oo]n\s+|[Ii]n\s+)?
    (?:
        [Tt]he\s+(?P<which>following|next|previous|preceding|same)\s+(?P<unit>day|{_POD}|week|month|year)
      | (?P<that>[Tt]hat)\s+(?P<unit2>day|{_POD}|week|month|year)
      | [Tt]he\s+(?P<unit3>day|week|month|year)\s+(?P<dir>before|after)\b
        (?!\s+(?:the|a|an|his|her|its|their|that|this|he|she|they|it|[A-Z0-9]))
    )
    """,
    re.X,
)
# "the day before his inauguration", "two days after the meeting": counted from a thing the
# text dated before ("Kennedy's inauguration on January 20, 1961"), found by its noun
TOLD_BEFORE = re.compile(
    rf"""
    (?:[Oo]n\s+)?(?:[Tt]he\s+(?P<unit>day|week|month|year)|(?P<n>{_NUM})\s+(?P<units>day|week|month|year)s?)
    \s+(?P<dir>before|after)\s+(?:the|his|her|its|their)\s+(?P<noun>[a-z]{{4,}})\b
    """,
    re.X,
)
DURATION = re.compile(
    rf"""
    (?:(?P<lead>{_ci("for|within|in|after|over|the next|the last|the past|the first|the following|the previous")})\s+)?
    (?:(?P<approx>{_ci("more than|less than|at least|nearly|almost|about|some|roughly|approximately|up to")})\s+)?
    (?:
        (?P<half>half\s+an?)\s+(?P<hunit>{_UNIT})
      |
        (?P<quarter>a\s+quarter|quarter|half\s+a)[\s-]+century
      |
        (?P<one>{_ci("another|an additional|a further|one more")})\s+(?P<unit1>{_UNIT}|decade)
      |
        (?:(?P<another>{_ci("another|an additional|a further")})\s+)?
        (?P<n>{_NUM})(?:\s+(?:or|to|-|–)\s+(?P<n2>{_NUM})(?:\s+and\s+a\s+half)?)?(?P<and_half>\s+and\s+a\s+half)?
        (?:\s+(?P<more>more|additional|further|extra|full|whole|long|separate))?
        (?:\s+|-)(?P<unit>{_UNIT}|decade)s?(?P<unit_half>\s+and\s+a\s+half)?
        (?:\s+and\s+(?P<nb>{_NUM})\s+(?P<unitb>{_UNIT})s?)?
    )\b
    """,
    re.X,
)
SETS = re.compile(
    r"\b(?P<set>daily|weekly|monthly|nightly|annually|yearly|every\s+(?:day|week|month|night|year))\b"
)
DEICTIC = re.compile(
    rf"""
    (?P<future>{_ci("in the near future|in the immediate future|in the foreseeable future|before long|in due course")})
  | (?P<present>{_ci("at present|at the present time|nowadays|currently")})
  | (?P<past>{_ci("in the past")})
  | (?P<same>{_ci("at the same time|at about the same time|around the same time|simultaneously|meanwhile|in the meantime")})
  | (?P<period>{_ci("throughout this period|throughout that period|during this period|during that period|in this period|over this period")})
  | (?P<then>{_ci("at that time|at the time|at this time|at that juncture|at this juncture|at that point|at this point|at that moment|at this stage|by this time|by that time|by then")})
    """,
    re.X,
)


@dataclass(slots=True)
class Found:
    """One temporal expression as printed: ``kind`` and the parts read off it."""

    start: int
    end: int
    kind: str  # calendar | year | season | century | bare_day | clock | relative | neighbour
    # | duration | set | deictic | known
    parts: dict = field(default_factory=dict)


def number(word: str | None) -> float | None:
    if word is None:
        return None
    word = " ".join(word.lower().split())
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def _month(name: str | None) -> int | None:
    if not name:
        return None
    return MONTHS.get(name) or MONTH_ABBREVIATIONS.get(name)


def _clock(h: str | None, mi: str | None, ap: str | None, word: str | None = None):
    if word:
        return (12, 0) if word == "noon" else (0, 0)
    if h is None:
        return None
    hour, minute = int(h), int(mi or 0)
    if not (1 <= hour <= 12 and minute < 60):
        return None
    if ap.lower() == "p" and hour != 12:
        hour += 12
    elif ap.lower() == "a" and hour == 12:
        hour = 0
    return hour, minute


def _qualifier(words: str | None, table: dict) -> tuple[str | None, str | None]:
    if not words:
        return None, None
    return table.get(" ".join(words.lower().split()), (None, None))


def _calendar(m: re.Match) -> Found | None:
    g = m.groupdict()
    month = _month(g["month"] or g["dmonth"])
    day = g["day"] or g["dday"]
    year = g["year"] or g["dyear"]
    name = g["month"] or g["dmonth"]
    if name in ("May", "March") and not (day or year or g["qual"] or g["bound"]):
        # "May" and "March" alone: a date only after "in", "of", "since" ...
        before = m.string[max(0, m.start() - 6) : m.start()].lower()
        if not re.search(r"\b(in|of|since|until|during|from|early|late|mid)\s*$", before):
            return None
    if g["lead"] and not g["day2"]:
        # "from October 4" without a range end: the lead word is not part of the date
        return None
    qual, mod = _qualifier(g["qual"], QUALIFIERS)
    bound, bound_mod = _qualifier(g["bound"], BOUNDS)
    parts = {
        "month": month,
        "day": int(re.match(r"\d+", day).group()) if day else None,
        "year": int(year) if year else None,
        "month2": _month(g["month2"]),
        "day2": int(re.match(r"\d+", g["day2"]).group()) if g["day2"] else None,
        "pod": PARTS_OF_DAY.get(g["pod"]) if g["pod"] else None,
        "clock": _clock(g["th"], g["tm"], g["tap"]),
        "qualifier": bound or qual,
        "mod": bound_mod or mod,
    }
    if parts["day"] is not None and not 1 <= parts["day"] <= 31:
        return None
    return Found(m.start(), m.end(), "calendar", parts)


def _year(m: re.Match) -> Found | None:
    g = m.groupdict()
    qual, mod = _qualifier(g["qual"], QUALIFIERS)
    bound, bound_mod = _qualifier(g["bound"], BOUNDS)
    year = int(g["year"])
    year2 = None
    if g["lead"] and not g["year3"]:
        return None  # "from 1950" alone: the lead word is not part of the date
    if g["year3"]:  # "between 1945 and 1952", "from 1947 to 1949", "1950 through 1953"
        year2 = int(g["year3"]) + (9 if g["decade3"] else 0)
        if year2 <= year or (g["decade"] and not g["decade3"]):
            return None
        return Found(m.start(), m.end(), "year", {
            "year": year, "year2": year2, "decade": False, "season": None,
            "qualifier": None, "mod": None,
        })  # fmt: skip
    if g["year2"]:
        y2 = g["year2"]
        year2 = int(y2) if len(y2) == 4 else year // 100 * 100 + int(y2)
        if year2 <= year:
            return None
    parts = {
        "year": year,
        "year2": year2,
        "decade": bool(g["decade"]),
        "season": SEASONS[g["season"].lower()] if g["season"] else None,
        "qualifier": bound or qual,
        "mod": bound_mod or mod,
    }
    return Found(m.start(), m.end(), "year", parts)


def _season(m: re.Match) -> Found | None:
    qual, mod = _qualifier(m["qual"], QUALIFIERS)
    deixis = (m["deixis"] or "").lower()
    shift = {"last": -1, "the previous": -1, "next": 1, "the following": 1}.get(deixis, 0)
    parts = {"season": SEASONS[m["season"].lower()], "shift": shift, "qualifier": qual, "mod": mod}
    return Found(m.start(), m.end(), "season", parts)


def _century(m: re.Match) -> Found | None:
    n = int(m["n"]) if m["n"] else CENTURY_WORDS[m["word"].lower()]
    qual, mod = _qualifier(m["qual"], QUALIFIERS)
    return Found(m.start(), m.end(), "century", {"century": n, "qualifier": qual, "mod": mod})


def _bare_day(m: re.Match) -> Found | None:
    return Found(m.start(), m.end(), "bare_day", {"day": int(m["day"])})


def _clock_found(m: re.Match) -> Found | None:
    clock = _clock(m["h"], m["mi"], m["ap"], m["word"])
    if clock is None:
        return None
    parts: dict = {"clock": clock, "month": None, "day": None, "year": None}
    if m["rest"]:
        date = CALENDAR.fullmatch(m["rest"])
        if date:
            inner = _calendar(date)
            if inner:
                parts |= {k: inner.parts[k] for k in ("month", "day", "year")}
    kind = "calendar" if parts["month"] else "clock"
    if kind == "calendar":
        parts |= {"month2": None, "day2": None, "pod": None, "qualifier": None, "mod": None}
    return Found(m.start(), m.end(), kind, parts)


def _relative(m: re.Match) -> Found | None:
    n = number(m["n"])
    word = m["dir"] or m["dir2"]
    direction = -1 if word in ("earlier", "ago", "before") else 1
    return Found(
        m.start(),
        m.end(),
        "relative",
        {
            "n": n,
            "unit": m["unit"],
            "sign": direction,
            "approx": bool(m["approx"]) and m["approx"].lower() in APPROXIMATE,
            # "two days after hostilities began": counted from an event, not a date; the
            # event (start, end, date) when data/dated_events.toml dates it
            "onto_event": m["onto"] is not None,
            "event": dated_events.named_at(m.string, m.end()) if m["onto"] is not None else None,
        },
    )


def _told_before(m: re.Match) -> Found | None:
    n = number(m["n"]) if m["n"] else 1
    if n is None:
        return None
    return Found(
        m.start(),
        m.end(),
        "told_before",
        {"unit": m["unit"] or m["units"], "shift": n * (-1 if m["dir"] == "before" else 1),
         "noun": m["noun"]},
    )  # fmt: skip


def _neighbour(m: re.Match) -> Found | None:
    unit = m["unit"] or m["unit2"] or m["unit3"]
    which = (m["which"] or "").lower()
    if m["dir"]:
        shift = -1 if m["dir"] == "before" else 1
    elif which in ("following", "next"):
        shift = 1
    elif which in ("previous", "preceding"):
        shift = -1
    else:  # "the same day", "that afternoon"
        shift = 0
    pod = PARTS_OF_DAY.get(unit)
    return Found(
        m.start(),
        m.end(),
        "neighbour",
        {"unit": "day" if pod else unit, "pod": pod, "shift": shift},
    )


def _duration(m: re.Match) -> Found | None:
    approx = (m["approx"] or "").lower()
    mod = {"more than": "MORE_THAN", "at least": "EQUAL_OR_MORE", "less than": "LESS_THAN",
           "nearly": "LESS_THAN", "almost": "LESS_THAN", "up to": "EQUAL_OR_LESS"}.get(approx)  # fmt: skip
    parts = {"lead": (m["lead"] or "").lower(), "mod": mod, "approx": bool(approx) and not mod}
    if m["half"]:
        return Found(m.start(), m.end(), "duration", parts | {"amounts": [(0.5, m["hunit"])]})
    if m["quarter"]:
        years = 50 if m["quarter"].lower().startswith("half") else 25
        return Found(m.start(), m.end(), "duration", parts | {"amounts": [(years, "year")]})
    if m["one"]:  # "another year", "an additional year", "one more month"
        return Found(m.start(), m.end(), "duration", parts | {"amounts": [(1, m["unit1"])]})
    n = number(m["n"])
    counted = m["lead"] or m["approx"] or m["more"] or m["another"]
    if m["n"].lower() in ("a", "an", "one", "many", "few", "several") and not counted:
        return None  # "a day", "one day" alone: not a duration worth tagging
    if n is not None and (m["and_half"] or m["unit_half"]):
        n += 0.5
    amounts = [(n, m["unit"])]
    if m["nb"]:
        amounts.append((number(m["nb"]), m["unitb"]))
    upper = number(m["n2"]) if m["n2"] else None
    return Found(
        m.start(),
        m.end(),
        "duration",
        parts | {"amounts": amounts, "approx": parts["approx"] or bool(m["n2"]), "upper": upper},
    )


def _set(m: re.Match) -> Found:
    word = m["set"].split()[-1]
    unit = {
        "daily": "D",
        "nightly": "D",
        "weekly": "W",
        "monthly": "M",
        "annually": "Y",
        "yearly": "Y",
    }.get(word) or UNITS.get(word.replace("night", "day"), "D")
    return Found(m.start(), m.end(), "set", {"unit": unit})


def _deictic(m: re.Match) -> Found:
    which = next(k for k in ("future", "present", "past", "same", "period", "then") if m[k])
    return Found(m.start(), m.end(), "deictic", {"which": which})


# Longer and more specific first: at equal length the earlier finder wins.
# "on the day that the Incheon landing operation was carried out": the day of an event
# the field dates (``data/dated_events.toml``), to the end of its clause
DAY_OF_EVENT = re.compile(
    r"\b(?:[Oo]n\s+)?[Tt]he\s+(?:very\s+|same\s+)?day\s+(?:that|when|on\s+which)\s+"
)


CLAUSE_REST = re.compile(r"[^,;.()]*[^,;.()\s]")


def _day_of_event(m: re.Match) -> Found | None:
    event = dated_events.named_at(m.string, m.end())
    if event is None:
        return None
    clause = CLAUSE_REST.match(m.string, m.end())
    return Found(m.start(), clause.end() if clause else event[1], "known", {"event": event})


# "during World War II", "after the Korean War", "at the onset of the Second World War",
# "at Yalta", "in the Potsdam Declaration": a period, meeting or declaration the field dates (``data/dated_events.toml``)
PERIOD_LEAD = re.compile(
    _ci(
        "during|throughout|in|at|after|following|before|since|until|over the course of|"
        "at the onset of|at the start of|at the beginning of|at the end of|by the end of|"
        "immediately after|immediately following|in the aftermath of"
    )  # fmt: skip
    + r"(?=\s)"
)
PERIOD_EDGES = {
    "after": "ended", "following": "ended", "since": "ended", "immediately after": "ended",
    "immediately following": "ended", "in the aftermath of": "ended",
    "before": "began", "until": "began",
    "at the onset of": "began", "at the start of": "began", "at the beginning of": "began",
    "at the end of": "ended", "by the end of": "ended",
}  # fmt: skip


def _period(m: re.Match) -> Found | None:
    named = dated_events.period_at(m.string, m.end(), m.group())
    if named is None:
        return None
    lead = " ".join(m.group().lower().split())
    return Found(m.start(), named[1], "period", {"period": named[2], "lead": lead})


FINDERS = (
    (DAY_OF_EVENT, _day_of_event),
    (PERIOD_LEAD, _period),
    (CALENDAR, _calendar),
    (CLOCK, _clock_found),
    (TOLD_BEFORE, _told_before),
    (RELATIVE, _relative),
    (NEIGHBOUR, _neighbour),
    (DEICTIC, _deictic),
    (YEAR, _year),
    (CENTURY, _century),
    (SEASON, _season),
    (BARE_DAY, _bare_day),
    (DURATION, _duration),
    (SETS, _set),
)


# Every finder anchored at a word boundary: an expression never starts inside a word (the
# loop below rejects those), and the regex engine then skips mid-word positions at once,
# which makes finding 2.5 times faster with the same matches.
_ANCHORED = tuple(
    (re.compile(r"\b(?:" + p.pattern + ("\n)" if p.flags & re.VERBOSE else ")"), p.flags), build)
    for p, build in FINDERS
)


def find_timexes(text: str) -> list[Found]:
    """All temporal expressions in ``text``, longest first where they overlap, in text order."""
    candidates: list[tuple[int, int, Found]] = []
    for rank, (pattern, build) in enumerate(_ANCHORED):
        pos = 0
        while m := pattern.search(text, pos):
            # Not inside a word or a hyphenated compound ("Stalin the …", "38th");
            # a rejected match is tried again one character on ("From the end of …").
            inside = m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "-")
            found = None if inside or m.end() == m.start() else build(m)
            if found is None:
                pos = m.start() + 1
                continue
            candidates.append((-(found.end - found.start), rank, found))
            pos = m.end()
    ranked = (f for _, _, f in sorted(candidates, key=lambda c: (c[0], c[1], c[2].start)))
    return non_overlapping(ranked, lambda f: (f.start, f.end))
