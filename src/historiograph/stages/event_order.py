"""Words of sequence date an event its own sentence leaves undated.

"By May 30, they resolved … Following this decision, Mao Zedong convinced Kim
Il Sung … Eventually, Stalin endorsed Mao's plan … Concurrently, the Communist
leaders maintained a contingency plan …": a sentence that opens with a word of
sequence and prints no date is dated against the event before it in its
paragraph, not against the last date printed (which may be older, or a
deadline the events stage does not carry).

- *with* ("Concurrently", "Simultaneously", "Meanwhile", "At the same time"):
  the date of the event before.
- *after* ("Following this decision", "After receiving the telegram",
  "Subsequently", "Thereafter", "Eventually", "Later"): the date of the event
  before, except after one of the last two days of a month. The few days that
  follow such a day fall mostly in the next month, and so does the event: it is
  dated to that month, at month precision ("By May 30 … Following this
  decision" is June 1951). After any other day the narrative's day is kept, as
  for any carried date.

"Following this decision" and "after the meeting" look back to the last event
of that type; other openers to the last event. Either way the date is marked
inferred, and ``Event.date_basis`` says which event it was read against.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from historiograph.model import Document, Sentence

if TYPE_CHECKING:
    from historiograph.stages.events import Event

WITH = re.compile(
    r"(?:concurrently|simultaneously|meanwhile|in the meantime|at the same time|"
    r"at around the same time|around the same time)\b",
    re.I,
)
AFTER = re.compile(
    r"(?:(?:following|after)\s+(?:this|that|these|those|the|[a-z]+ing)\b[^,.;]{0,80},|"
    r"subsequently|thereafter|afterwards?|eventually|later on|later,|soon after(?:wards?)?,|"
    r"shortly after(?:wards?)?,)",
    re.I,
)
# "Following this decision": the noun names the kind of event looked back to.
KIND_NOUNS = {
    "decision": "decision",
    "resolution": "decision",
    "consensus": "decision",
    "meeting": "meeting",
    "conference": "meeting",
    "session": "meeting",
    "talks": "meeting",
    "message": "communication",
    "telegram": "communication",
    "cable": "communication",
    "letter": "communication",
    "call": "communication",
    "offensive": "military",
    "attack": "military",
    "battle": "military",
}
DAYS_AFTER = timedelta(days=2)  # the middle of the few days that "following" a day means


def date_by_sequence(events: list[Event], doc: Document) -> None:
    """Date, in place, the undated events whose sentence opens with a word of sequence."""
    sentences = doc.sentences
    for i, ev in enumerate(events):
        if not ev.date_inferred or ev.states_its_date() or ev.from_note.get("date"):
            continue
        s = sentences[ev.sentence_idx]
        opener = doc.text[s.start : s.end]
        relation = "with" if WITH.match(opener) else "after" if AFTER.match(opener) else None
        if relation is None:
            continue
        before = _event_before(events[:i], s.start, s.block_idx, sentences, opener)
        if before is None or before.date is None:
            continue
        value, precision = before.date, before.date_precision
        if relation == "after" and precision == "day":
            value, precision = _after_day(value, precision)
        ev.date, ev.date_precision = value, precision
        ev.date_start, ev.date_end = before.date_start, before.date_end
        ev.date_relation, ev.date_event = relation, before


def _event_before(
    earlier: list[Event], start: int, block: int, sentences: list[Sentence], opener: str
) -> Event | None:
    """The last earlier event of the paragraph (of the kind the opener names, if it names one)."""
    head = opener.split(",", 1)[0].casefold()
    kind = next((k for noun, k in KIND_NOUNS.items() if re.search(rf"\b{noun}\b", head)), None)
    candidates = [
        e
        for e in earlier
        if e.evidence[0][0] < start
        and sentences[e.sentence_idx].block_idx == block
        and e.date is not None
    ]
    if kind is not None:
        of_kind = [e for e in candidates if e.type == kind]
        candidates = of_kind or candidates
    return max(candidates, key=lambda e: e.evidence[0][0], default=None)


def _after_day(value: str, precision: str) -> tuple[str, str]:
    """The few days after a day, by the month most of them fall in: the day itself if that
    is its own month, else the next month at month precision."""
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return value, precision
    later = day + DAYS_AFTER
    if later.month == day.month:
        return value, precision
    return f"{later.year:04d}-{later.month:02d}", "month"
