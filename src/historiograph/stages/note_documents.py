"""What the documents a footnote cites add to the message the footnote documents.

A note that cites a telegram, letter or report by its creator, recipient and date
("Telegram from Stalin to Roshchin, July 5, 1950, RGASPI …") often says more than
the sentence: how a message went, through whom, to whom and when. A communication
takes these from a document its notes cite, and ``from_note`` names each slot so
filled with the note's number:

- *the sender wrote it*: the channel (from the document's title), the recipient
  when the text names none, the intermediary ("… via Shtykov"; or the document's
  addressee when the message was meant for someone else: Stalin's telegram to
  Roshchin answering Zhou), and the date when the sentence states none of its own
  (a carried date is replaced; a date the sentence states must agree);
- *someone else wrote it to the recipient within days of the message* (an
  ambassador reporting what he was told to pass on): the writer is the intermediary,
  and the channel is the document's.

Nothing is taken from a document whose date contradicts a date the sentence states.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta

from historiograph.dates import bounds
from historiograph.stages.actors import ActorLayer
from historiograph.stages.citations import ParsedNote
from historiograph.stages.events import Event
from historiograph.stages.gazetteer import load_gazetteer
from historiograph.stages.lexicon import load_lexicon
from historiograph.stages.resolve import fold

CARRIED_DAYS = 31  # a carried date may be replaced by a document this close to it
RELAY_DAYS = 7  # an intermediary's report follows the message within these days
RECORD_CHANNELS = ("conversation", "meeting")  # "Memorandum of Conversation": what it records


def complete_from_notes(found: list[Event], notes: list[ParsedNote], layer: ActorLayer) -> None:
    """Fill channel, recipient, intermediary and date of communications from cited documents."""
    documents = _cited_documents(notes)
    if not documents:
        return
    who = actor_resolver(layer)
    kinds = {a.id: a.kind for a in layer.actors.values()}
    for ev in found:
        if ev.type != "communication":
            continue
        for n in ev.notes:
            if any(_complete(found, ev, n, fields, who, kinds) for fields in documents.get(n, [])):
                break


def _cited_documents(notes: list[ParsedNote]) -> dict[int, list[dict]]:
    """Note number -> the fields of each dated document with a creator it cites (an ibid or
    short form carries the fields of the citation it refers to, its own ones winning)."""
    by_n = {n.n: n for n in notes if n.n is not None}
    out: dict[int, list[dict]] = {}
    for note in notes:
        if note.n is None:
            continue
        for c in note.citations:
            fields = dict(c.fields)
            if c.refers_to is not None and c.refers_to[0] in by_n:
                full = by_n[c.refers_to[0]].citations
                if c.refers_to[1] < len(full):
                    fields = full[c.refers_to[1]].fields | fields
            if fields.get("creator") and re.fullmatch(r"\d{4}-\d\d-\d\d", fields.get("date", "")):
                out.setdefault(note.n, []).append(fields)
    return out


def actor_resolver(layer: ActorLayer) -> Callable[[str], str | None]:
    """A name as a note prints it -> the document's actor: by a form the text or the
    gazetteer uses ("Filippov", "Moscow"), by a person's surname, or by a near spelling of
    one ("Roshin" for Roshchin). "Filippov (Stalin)" tries both names. Only actors the
    text names are found: the note adds facts about them, not new actors."""
    forms: dict[str, Counter[str]] = {}
    for alias, ids in load_gazetteer().alias_table().items():
        if len(ids) == 1 and ids[0] in layer.actors:
            forms.setdefault(fold(alias), Counter())[ids[0]] += 1
    for m in layer.mentions:
        forms.setdefault(fold(m.text), Counter())[m.actor_id] += 1
    for a in layer.actors.values():
        forms.setdefault(fold(a.name), Counter())[a.id] += 1
    surnames: dict[str, set[str]] = {}
    for a in layer.actors.values():
        if a.kind == "person" and fold(a.name):
            surnames.setdefault(fold(a.name).split()[-1], set()).add(a.id)

    def one(name: str) -> str | None:
        key = fold(name)
        if not key:
            return None
        if key in forms:
            return forms[key].most_common(1)[0][0]
        last = key.split()[-1]
        if len(surnames.get(last, ())) == 1:
            return next(iter(surnames[last]))
        near = [
            s
            for s in surnames
            if len(surnames[s]) == 1
            and s[:2] == last[:2]
            and difflib.SequenceMatcher(None, s, last).ratio() >= 0.85
        ]
        return next(iter(surnames[near[0]])) if len(near) == 1 else None

    def resolve(name: str) -> str | None:
        inside = re.findall(r"\(([^)]*)\)", name)
        return next((a for a in map(one, [re.sub(r"\([^)]*\)", "", name), *inside]) if a), None)

    return resolve


def _people(field: str | list[str], who: Callable[[str], str | None]) -> list[str]:
    """ "Kim Il-sung and Pak Hon-yong", "Vasilevsky and Shtykov", a list: each actor named."""
    out = []
    named = field if isinstance(field, list) else re.split(r",\s*|\s+and\s+|\s*&\s*", field or "")
    for name in named:
        actor = who(name)
        if actor and actor not in out:
            out.append(actor)
    return out


def _complete(
    found: list[Event],
    ev: Event,
    n: int,
    fields: dict,
    who: Callable[[str], str | None],
    kinds: dict[str, str],
) -> bool:
    creators = _people(fields["creator"], who)
    addressees = _people(fields.get("recipient", ""), who)
    written = date.fromisoformat(fields["date"])
    senders, recipients = ev.actors("sender"), ev.actors("recipient")
    stated = ev.date if ev.states_its_date() else None
    if set(creators) & set(senders):
        if stated is not None and not _within(written, stated, 0):
            return False
        if stated is None and ev.date and not _within(written, ev.date, CARRIED_DAYS):
            return False
        if addressees and not recipients and not _addressed_elsewhere(found, ev, addressees):
            for a in addressees:
                ev.add("recipient", a, None, None, "note")
            ev.from_note["recipient"] = n
        via = re.search(r"\bvia\s+(.+)$", fields.get("title", ""))
        carriers = _people(via.group(1), who) if via else []
        if (
            not carriers
            and recipients
            and ev.act != "deliver"
            and not set(addressees) & set(recipients)
        ):
            # the telegram went to an envoy who passed it on (Stalin to Roshchin, for Zhou)
            carriers = [a for a in addressees if a not in recipients and kinds.get(a) == "person"]
        if carriers and not set(carriers) & set(senders) and not ev.actors("via"):
            for a in carriers:
                ev.add("via", a, None, None, "note")
            ev.from_note["via"] = n
        if stated is None and not _same_message_dated(found, ev):
            ev.date, ev.date_precision, ev.date_inferred = fields["date"], "day", False
            ev.date_start = ev.date_end = None
            ev.from_note["date"] = n
    elif _relayed(creators, addressees, senders, recipients, kinds):
        # an envoy's report home of what he was told, written the same day or soon after
        if stated is None or not _within(written, stated, RELAY_DAYS, after_only=True):
            return False
        if not ev.actors("via"):
            for a in creators:
                ev.add("via", a, None, None, "note")
            ev.from_note["via"] = n
    else:
        return False
    channel = _channel(fields.get("title", ""))
    if channel and not ev.channel:
        ev.channel = channel
        ev.from_note["channel"] = n
    return True


def _relayed(
    creators: list[str],
    addressees: list[str],
    senders: list[str],
    recipients: list[str],
    kinds: dict[str, str],
) -> bool:
    """Did someone other than the parties write the document to the recipient's side (to
    the recipient, or to the state or body a person recipient answers for)?"""
    if not creators or not recipients or set(creators) & set(senders + recipients):
        return False
    if set(addressees) & set(recipients):
        return True
    return any(kinds.get(a) in ("state", "organization") for a in addressees) and all(
        kinds.get(r) == "person" for r in recipients
    )


def _addressed_elsewhere(found: list[Event], ev: Event, addressees: list[str]) -> bool:
    """Does another message of the same sentence go to the document's addressee (then the
    document is that message: "Mao issued an order … and informed Stalin")?"""
    return any(
        o is not ev
        and o.type == "communication"
        and o.sentence_idx == ev.sentence_idx
        and set(o.actors("recipient")) & set(addressees)
        for o in found
    )


def _same_message_dated(found: list[Event], ev: Event) -> bool:
    """Is the carried date the one a neighbouring sentence states for this same message
    (same sender, no other recipient): "on the night of October 2, Mao conveyed a verbal
    message …" and then "In the former, Mao stated …"? Then the text dates it, not the
    document (which may be the record, filed the next day)."""
    for other in found:
        if other is ev or other.type != "communication" or other.date_start != ev.date_start:
            continue
        if not other.states_its_date() or not set(other.actors("sender")) & set(
            ev.actors("sender")
        ):
            continue
        theirs, mine = set(other.actors("recipient")), set(ev.actors("recipient"))
        if not theirs or not mine or theirs & mine:
            return True
    return False


def _within(written: date, value: str, days: int, after_only: bool = False) -> bool:
    """Is the document's date inside ``value`` (an ISO date value or range), or at most
    ``days`` after it (or either side, unless ``after_only``)?"""
    span = bounds(value)
    if span is None:
        return False
    lo, hi = span[0], span[1] - timedelta(days=1)
    if lo <= written <= hi:
        return True
    gap = (written - hi).days if written > hi else -(lo - written).days
    return 0 < gap <= days if after_only else abs(gap) <= days


def _channel(title: str) -> str | None:
    """The medium a document's title names ("Telegram from …", "Roshin's cable to Moscow")."""
    channels = load_lexicon().channels
    found = [channels[w] for w in fold(title).split() if w in channels]
    recorded = [c for c in found if c in RECORD_CHANNELS]
    return (recorded or found or [None])[0]
