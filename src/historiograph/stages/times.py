"""The times stage: temporal expressions resolved through the narrative.

A reader of history carries a reference through the text: the last date
stated, and the last clock time on that date. "October 2" takes its year from
it (the year that puts the date nearest the reference), "the following day"
counts from it, "Five hours later" after 10:00 p.m. rolls over midnight. Each
value says whether it was printed in full (``inferred`` false) or completed
from context, and from which ``anchor`` (its value and offsets).

Only body paragraphs are read, in text order. Expressions inside quotations
are resolved but do not move the reference (a telegram's "today" is not the
narrator's); neither do vague ones ("At the same time").

Values are ISO 8601 / TimeML: ``1950-10-12``, ``1950-10``, ``1950``,
``1950-10-12T15:30``, ``1950-10-02TMO`` (morning), ``1952-FA`` (autumn),
``195`` (the 1950s), ``1950-12-04/1950-12-08``, ``P6M``, ``FUTURE_REF``. A year
nobody states stays unknown: ``XXXX-10-02``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache

from historiograph.model import Document, sentence_finder
from historiograph.stages.timex import PERIOD_EDGES, UNITS, Found, find_timexes

STAGE_VERSION = "times-7"  # conferences the field dates
# Headings state times too ("The Laos Crisis, 1960–1963"), and set the date that
# relative expressions below them are read from.
BODY_BLOCKS = ("title", "heading", "paragraph")


@dataclass(slots=True, frozen=True)
class TimeExpr:
    """A temporal expression at ``[start, end)`` of the document text and its value."""

    start: int
    end: int
    text: str
    type: str  # date | time | duration | set
    value: str | None
    precision: (
        str | None
    )  # year | month | day | part_of_day | minute | season | decade | duration | set
    qualifier: str | None = (
        None  # early | mid | late | by | before | after | until | since | approx
    )
    mod: str | None = None  # TimeML: START | MID | END | ON_OR_BEFORE | BEFORE | AFTER | APPROX
    inferred: bool = False
    anchor: str | None = None  # the value counted from, for an inferred value
    anchor_start: int | None = None
    anchor_end: int | None = None
    in_quote: bool = False
    vague: bool = False
    sentence_idx: int | None = None
    # names a thing told of ("the June 1967 Arab-Israeli War", "the telegram of October
    # 11"): it dates its own phrase, not the story's time
    attributive: bool = False

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True, frozen=True)
class _Reference:
    """Where the narrative stands: a date (at some precision), maybe a clock time."""

    year: int
    month: int | None = None
    day: int | None = None
    clock: tuple[int, int] | None = None
    value: str = ""
    start: int = 0
    end: int = 0


def _event_reference(f: Found, e: TimeExpr) -> _Reference | None:
    """The dated event the finder saw named ("hostilities began"), as a reference to count
    from, at its offsets in the document (the finder's are the paragraph's)."""
    if (named := f.parts.get("event")) is None:
        return None
    start, end, day = named
    shift = e.start - f.start
    return _Reference(
        day.year, day.month, day.day, None, day.isoformat(), start + shift, end + shift
    )


def _iso(y: int | None, m: int | None = None, d: int | None = None) -> str:
    out = f"{y:04d}" if y is not None else "XXXX"
    if m is not None:
        out += f"-{m:02d}"
        if d is not None:
            out += f"-{d:02d}"
    return out


def _hhmm(clock: tuple[int, int]) -> str:
    return f"T{clock[0]:02d}:{clock[1]:02d}"


def _nearest_year(month: int, day: int | None, ref: _Reference | None) -> int | None:
    """The year that puts month/day nearest the reference date (December, then "February")."""
    if ref is None:
        return None
    if ref.month is None:
        return ref.year
    here = ref.year * 12 + ref.month - 1
    best = min(
        (ref.year + k for k in (0, -1, 1)),
        key=lambda y: abs(y * 12 + month - 1 - here),
    )
    return best


def _valid(y: int | None, m: int, d: int | None) -> bool:
    if d is None:
        return True
    return 1 <= d <= calendar.monthrange(y if y is not None else 2000, m)[1]


class _Narrative:
    """Resolves expressions in text order, carrying the reference along."""

    def __init__(self, doc: Document, frame_year: int | None):
        self.doc = doc
        self.ref: _Reference | None = (
            _Reference(frame_year, value=str(frame_year)) if frame_year else None
        )
        self.frame = self.ref
        self.block_months: set[tuple[int, int]] = set()  # narrated in the current paragraph
        self.seen: list[TimeExpr] = []  # the expressions resolved so far (time_document's list)

    def new_block(self) -> None:
        self.block_months = set()

    # -- explicit dates --------------------------------------------------------
    def calendar(self, f: Found, e: TimeExpr) -> TimeExpr:
        p = f.parts
        year, inferred = p["year"], False
        anchor = None
        if year is None and p["month"]:
            year = _nearest_year(p["month"], p["day"], self.ref)
            inferred = year is not None
            anchor = self.ref
        if p["month"] is None:
            return e
        if not _valid(year, p["month"], p["day"]):
            return e
        value = _iso(year, p["month"], p["day"])
        precision = "day" if p["day"] else "month"
        if p["day2"] is not None:
            m2 = p["month2"] or p["month"]
            if not _valid(year, m2, p["day2"]):
                return e
            value = f"{value}/{_iso(year, m2, p['day2'])}"
        elif p["clock"] and p["day"]:
            value += _hhmm(p["clock"])
            precision = "minute"
        elif p["pod"] and p["day"]:
            value += "T" + p["pod"]
            precision = "part_of_day"
        e = replace(
            e,
            type="time" if precision in ("minute", "part_of_day") else "date",
            value=value,
            precision=precision,
            qualifier=p["qualifier"],
            mod=p["mod"],
            inferred=inferred,
        )
        return self._anchored(e, anchor) if inferred else e

    def year(self, f: Found, e: TimeExpr) -> TimeExpr:
        p = f.parts
        if p["decade"]:
            return replace(
                e,
                value=str(p["year"] // 10),
                precision="decade",
                qualifier=p["qualifier"],
                mod=p["mod"],
            )
        if p["year2"]:
            return replace(e, value=f"{p['year']}/{p['year2']}", precision="year")
        if p["season"]:
            return replace(e, value=f"{p['year']}-{p['season']}", precision="season")
        return replace(
            e, value=str(p["year"]), precision="year", qualifier=p["qualifier"], mod=p["mod"]
        )

    # -- relative to the reference ---------------------------------------------
    def clock(self, f: Found, e: TimeExpr) -> TimeExpr:
        ref = self.ref
        if ref is None or ref.day is None:
            return replace(e, type="time", value=_hhmm(f.parts["clock"]), precision="minute")
        value = _iso(ref.year, ref.month, ref.day) + _hhmm(f.parts["clock"])
        return self._anchored(replace(e, type="time", value=value, precision="minute"), ref)

    def relative(self, f: Found, e: TimeExpr) -> TimeExpr:
        p, ref = f.parts, self.ref
        e = replace(
            e, qualifier="approx" if p["approx"] else None, mod="APPROX" if p["approx"] else None
        )
        if (
            p["n"] is not None
            and p.get("onto_event")
            and p["unit"] in ("day", "week", "month", "year")
        ):
            # "two days after hostilities began": counted from an event the field dates
            known = _event_reference(f, e)
            return e if known is None else self._shifted(e, p["unit"], p["n"] * p["sign"], known)
        if p["unit"] == "year":
            ref = self.last_year(e, ref)
        if p["n"] is None or ref is None:
            return e
        n = p["n"] * p["sign"]
        unit = p["unit"]
        if unit in ("minute", "hour"):
            if ref.day is None or ref.clock is None:
                return e
            start = datetime(ref.year, ref.month, ref.day, *ref.clock)
            moment = start + timedelta(**{unit + "s": n})
            value = moment.strftime("%Y-%m-%dT%H:%M")
            return self._anchored(replace(e, type="time", value=value, precision="minute"), ref)
        return self._shifted(e, unit, int(n), ref)

    def known(self, f: Found, e: TimeExpr) -> TimeExpr:
        """ "on the day that the Incheon landing operation was carried out": that event's day."""
        known = _event_reference(f, e)
        if known is None:
            return e
        return self._anchored(replace(e, value=known.value, precision="day"), known)

    def neighbour(self, f: Found, e: TimeExpr) -> TimeExpr:
        p, ref = f.parts, self.ref
        if p["unit"] == "year":
            ref = self.last_year(e, ref)
        if ref is None:
            return e
        e = self._shifted(e, p["unit"], p["shift"], ref)
        if p["pod"] and e.precision == "day":
            e = replace(e, type="time", value=e.value + "T" + p["pod"], precision="part_of_day")
        return e

    def last_year(self, e: TimeExpr, ref: _Reference | None) -> _Reference | None:
        """ "In 1984, the treaty began to unravel …. Two years later, …": years count from
        the last year the text stated, when it came after the day or month the narrative
        was at (a bare year does not move that reference; it still dates this count)."""
        for t in reversed(self.seen):
            if ref is not None and ref.start is not None and t.start <= ref.start:
                break
            if (
                t.start < e.start
                and t.precision == "year"
                and t.value
                and re.fullmatch(r"\d{4}", t.value)
                and not t.vague
                and not t.in_quote
                and not t.inferred
            ):
                return _Reference(int(t.value), None, None, None, t.value, t.start, t.end)
        return ref

    def told_before(self, f: Found, e: TimeExpr) -> TimeExpr:
        """ "the day before his inauguration": counted from the day the text gave that noun
        before ("Kennedy's inauguration on January 20, 1961" -> 1961-01-19). Unknown when
        the text dated no such thing: not guessed from the story's date."""
        noun = f.parts["noun"]
        for t in reversed(self.seen):
            if t.precision != "day" or t.start >= e.start or not t.value:
                continue
            before = self.doc.text[max(0, t.start - 40) : t.start]
            if re.search(rf"\b{noun}\b[^.;]{{0,25}}\b(?:on|of)\s*$", before):
                day = date.fromisoformat(t.value[:10])
                ref = _Reference(day.year, day.month, day.day, None, t.value[:10], t.start, t.end)
                return self._shifted(e, f.parts["unit"], f.parts["shift"], ref)
        return e

    def _shifted(self, e: TimeExpr, unit: str, n: int, ref: _Reference) -> TimeExpr:
        if unit in ("day", "week"):
            if ref.day is None:
                return e
            day = date(ref.year, ref.month, ref.day) + timedelta(
                days=n * (7 if unit == "week" else 1)
            )
            if unit == "week":
                iso = day.isocalendar()
                value, precision = f"{iso.year:04d}-W{iso.week:02d}", "week"
            else:
                value, precision = day.isoformat(), "day"
        elif unit == "month":
            if ref.month is None:
                return e
            months = ref.year * 12 + ref.month - 1 + n
            value, precision = _iso(months // 12, months % 12 + 1), "month"
        else:
            value, precision = str(ref.year + n), "year"
        return self._anchored(replace(e, type="date", value=value, precision=precision), ref)

    def deictic(self, f: Found, e: TimeExpr) -> TimeExpr:
        which = f.parts["which"]
        e = replace(e, vague=True)
        if which in ("future", "present", "past"):
            return replace(e, value=f"{which.upper()}_REF", precision=None)
        ref = self.ref
        if ref is None or ref is self.frame:
            return e
        if which == "period":
            # "Throughout this period": the months the paragraph has narrated so far
            if not self.block_months:
                return e
            first, last = min(self.block_months), max(self.block_months)
            value = _iso(*first) if first == last else f"{_iso(*first)}/{_iso(*last)}"
            return self._anchored(replace(e, value=value, precision="month"), ref)
        if which == "then" or ref.day is None:
            # "At that juncture": the month the narrative is in
            if ref.month is None:
                return self._anchored(replace(e, value=str(ref.year), precision="year"), ref)
            value, precision = _iso(ref.year, ref.month), "month"
        else:  # "Simultaneously": the reference itself
            value, precision = _iso(ref.year, ref.month, ref.day), "day"
        return self._anchored(
            replace(e, value=value, precision=precision, qualifier="approx", mod="APPROX"), ref
        )

    def duration(self, f: Found, e: TimeExpr) -> TimeExpr:
        def iso(amounts: list[tuple[float | None, str]]) -> str:
            value, timed = "P", False
            for n, unit in amounts:
                code = UNITS[unit]
                if code in ("H", "MI") and not timed:
                    value += "T"
                    timed = True
                amount = "X" if n is None else (f"{n:g}" if n % 1 else str(int(n)))
                value += amount + (code if code == "DE" else code[0])
            return value

        value = iso(f.parts["amounts"])
        upper = f.parts.get("upper")
        if upper is not None:  # "15 to 20 years": the range, lower/upper
            value += "/" + iso([(upper, f.parts["amounts"][0][1])])
        approx, mod = f.parts.get("approx"), f.parts.get("mod")
        return replace(
            e,
            type="duration",
            value=value,
            precision="duration",
            qualifier="approx" if approx and not upper else None,
            mod=mod or ("APPROX" if approx and not upper else None),
        )

    def season(self, f: Found, e: TimeExpr) -> TimeExpr:
        """ "during the winter", "that summer": the season of the narrative's year."""
        ref = self.ref
        if ref is None:
            return replace(e, value=f"XXXX-{f.parts['season']}", precision="season", vague=True)
        year = ref.year + f.parts["shift"]
        if f.parts["season"] == "WI" and ref.month <= 2:
            year -= 1  # in January 1974, "the winter" is the one that began in December 1973
        value = f"{year}-{f.parts['season']}"
        e = replace(e, value=value, precision="season", qualifier=f.parts["qualifier"])
        return self._anchored(replace(e, mod=f.parts["mod"]), ref)

    def period(self, f: Found, e: TimeExpr) -> TimeExpr:
        """ "during World War II" -> 1939/1945; "after the Korean War" -> 1953-07, AFTER;
        "at the onset of the Second World War" -> 1939-09, START. Loose: it dates its own
        sentence, and the narrative does not count from it."""
        period, lead = f.parts["period"], f.parts["lead"]
        edge = PERIOD_EDGES.get(lead)
        mods = {"after": "AFTER", "following": "AFTER", "since": "AFTER", "before": "BEFORE",
                "until": "BEFORE", "at the end of": "END", "by the end of": "END"}  # fmt: skip
        if edge is None:
            value = period.start if period.start == period.end else f"{period.start}/{period.end}"
            return replace(e, value=value, precision="period", vague=True)
        value = period.began if edge == "began" else period.ended
        mod = mods.get(lead, "START" if edge == "began" else "AFTER")
        return replace(e, value=value, precision="period", vague=True, mod=mod)

    def century(self, f: Found, e: TimeExpr) -> TimeExpr:
        """ "the 20th century" -> ``19`` (the years 1900-1999)."""
        p = f.parts
        return replace(
            e, value=f"{p['century'] - 1:02d}", precision="century", qualifier=p["qualifier"],
            mod=p["mod"],
        )  # fmt: skip

    def bare_day(self, f: Found, e: TimeExpr) -> TimeExpr:
        """ "on the 23rd": that day of the month the narrative is in (or the next month's,
        when the narrative's day is already past it by more than a week)."""
        ref = self.ref
        if ref is None or ref.month is None:
            return e
        year, month, day = ref.year, ref.month, f.parts["day"]
        if ref.day is not None and day + 7 < ref.day:
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        if not _valid(year, month, day):
            return e
        return self._anchored(replace(e, value=_iso(year, month, day), precision="day"), ref)

    def set(self, f: Found, e: TimeExpr) -> TimeExpr:
        return replace(e, type="set", value=f"P1{f.parts['unit']}", precision="set")

    # -- the reference ---------------------------------------------------------
    def _anchored(self, e: TimeExpr, ref: _Reference | None) -> TimeExpr:
        if ref is None:
            return e
        return replace(
            e, inferred=True, anchor=ref.value, anchor_start=ref.start, anchor_end=ref.end
        )

    def advance(self, e: TimeExpr) -> None:
        """Let a resolved, narrated expression become the reference."""
        if e.value is None or e.in_quote or e.vague or e.type in ("duration", "set"):
            return
        if e.precision not in ("day", "part_of_day", "minute", "month"):
            return
        if e.value.startswith("X"):
            return
        end = e.value.split("/")[-1]
        y, m = int(end[:4]), int(end[5:7])
        d = int(end[8:10]) if len(end) >= 10 else None
        clock = (int(end[11:13]), int(end[14:16])) if e.precision == "minute" else None
        if (
            clock is None
            and self.ref
            and (self.ref.year, self.ref.month, self.ref.day) == (y, m, d)
        ):
            clock = self.ref.clock  # the same day again: the last clock time still holds
        self.ref = _Reference(y, m, d, clock, e.value, e.start, e.end)
        first = e.value.split("/")[0]
        self.block_months |= {(int(first[:4]), int(first[5:7])), (y, m)}


def _frame_year(doc: Document, found: list[tuple[int, Found]]) -> int | None:
    """The document's own time frame: the first year printed with a month, else any year printed."""
    for _, f in found:
        if f.kind == "calendar" and f.parts.get("year"):
            return f.parts["year"]
    for _, f in found:
        if f.kind == "year" and not f.parts.get("decade"):
            return f.parts["year"]
    return None


def quoted_at(pos: int, quotes: list[tuple[int, int]]) -> bool:
    """Does the character at ``pos`` stand inside one of the spans ``quote_spans`` found?"""
    return any(a <= pos < b for a, b in quotes)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside double quotation marks (curly pairs, or balanced straight ones)."""
    return list(_quote_spans(text))


@lru_cache(maxsize=256)  # three stages ask it of each paragraph
def _quote_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    depth, opened = 0, 0
    for i, ch in enumerate(text):
        if ch == "“":
            if depth == 0:
                opened = i
            depth += 1
        elif ch == "”" and depth:
            depth -= 1
            if depth == 0:
                spans.append((opened, i + 1))
    straight = [i for i, ch in enumerate(text) if ch == '"']
    if len(straight) % 2 == 0:
        spans.extend((a, b + 1) for a, b in zip(straight[::2], straight[1::2], strict=True))
    return tuple(spans)


def time_document(doc: Document) -> list[TimeExpr]:
    """Every temporal expression of the document's body, resolved in reading order."""
    found: list[tuple[int, Found]] = []  # (block start, expression)
    quotes: list[tuple[int, int]] = []
    for block in doc.blocks:
        if block.kind not in BODY_BLOCKS:
            continue
        text = doc.text[block.start : block.end]
        quotes.extend((block.start + a, block.start + b) for a, b in quote_spans(text))
        found.extend((block.start, f) for f in find_timexes(text))
    narrative = _Narrative(doc, _frame_year(doc, found))
    sentence_of = sentence_finder(doc)
    out: list[TimeExpr] = narrative.seen
    block = None
    for base, f in found:
        if base != block:
            narrative.new_block()
            block = base
        start, end = base + f.start, base + f.end
        e = TimeExpr(
            start,
            end,
            doc.text[start:end],
            "date",
            None,
            None,
            in_quote=any(a <= start and end <= b for a, b in quotes),
            sentence_idx=sentence_of(start),
        )
        e = getattr(narrative, f.kind)(f, e)
        if _attributive(doc.text, start, f, end):
            e = replace(e, attributive=True)
        else:
            narrative.advance(e)
        out.append(e)
    return _with_appositions(out)


_ATTRIBUTIVE = re.compile(r"\b(?:of|from|dated)\s+$")


_DETERMINER = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Tt]his|[Tt]hat)\s+$")
_NOUN_AFTER = re.compile(r"\s+(?:[A-Z][\w’'-]*\s+)*[A-Za-z][\w-]*(?:\s|[,.;:]|$)")


def _attributive(text: str, start: int, f: Found, end: int | None = None) -> bool:
    """A date naming a thing told of, not the story's now: "the joint telegram of October
    11", and a date that modifies a noun, "the June 1967 Arab-Israeli War", "the October 13
    decision", "its 1954 creation"."""
    if f.kind in ("calendar", "year") and end is not None and not f.parts.get("clock"):
        if _DETERMINER.search(text, max(0, start - 8), start) and _NOUN_AFTER.match(text, end):
            return True
    if f.kind != "calendar" or f.parts.get("year") or f.parts.get("pod") or f.parts.get("clock"):
        return False
    return bool(_ATTRIBUTIVE.search(text, max(0, start - 8), start))


def _with_appositions(exprs: list[TimeExpr]) -> list[TimeExpr]:
    """ "Three days later, on October 1, 1950": the printed date is what the relative one means."""
    out = list(exprs)
    for i, e in enumerate(out[:-1]):
        nxt = out[i + 1]
        if (
            e.inferred
            and e.precision == "day"
            and nxt.precision == "day"
            and not nxt.inferred
            and 0 <= nxt.start - e.end <= 6
            and e.value != nxt.value
        ):
            out[i] = replace(
                e, value=nxt.value, anchor=nxt.value, anchor_start=nxt.start, anchor_end=nxt.end
            )
    return out
