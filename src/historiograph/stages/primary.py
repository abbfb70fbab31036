"""A primary source is itself an event: the telegram was sent, the conversation was held.

For a FRUS document (``doc.format == "frus-tei"``) the reader has read from its markup who
it is from and to (``doc.parties``), its form, date and place (``doc.meta``). This stage
makes of them one event, ``e000``, whose evidence is the head and the dateline:

- a message (telegram, airgram, despatch, letter, memorandum, note, report) is a
  ``communication`` from its senders to its recipients, the form its channel;
- a memorandum of conversation or the minutes of a meeting is a ``meeting`` of the
  participants its table lists, with the author among them.

A document printed "The Secretary of State to the Embassy in Korea" with no form named is
a letter or instruction in FRUS's own convention: the channel is then ``letter``,
marked inferred (``certainty``). Editorial notes are the editors' words: no event.
Actors are the ones the actors stage found in the head; a party it did not find becomes
an actor of the text.

The writer speaks in the first person: in the body, outside quotation marks, "I" and "me"
are mentions of the document's author (``how="author"``), so that "I said that …" is the
author speaking. A memorandum of conversation records what was said to its author: a
message there whose recipient the sentence does not name, told by someone else, was told
(at least) to the author (role ``how="document"``).
"""

from __future__ import annotations

import re

from historiograph.ids import slug
from historiograph.model import Document, Party, sentence_finder
from historiograph.stages.actor_records import Actor, ActorLayer, Mention
from historiograph.stages.events import Event
from historiograph.stages.times import TimeExpr, quote_spans

PRIMARY_FORMAT = "frus-tei"
MEETING_FORMS = ("conversation", "meeting")
_BODY_WORDS = re.compile(
    r"\b(?:Embassy|Legation|Mission|Consulate|Department|Office|Offices|Council|Committee|"
    r"Staff|Chiefs|Government|Delegation|Commission|Agency|Board|Division|Bureau)\b"
)


_OFFICES = re.compile(
    r"\b(?:Secretary|President|Ambassador|Representative|Chargé|Director|Minister|Consul|"
    r"Commander|Chief|Counselor|Attaché|Governor|Administrator|Adviser)\b"
)


def document_event(doc: Document, times: list[TimeExpr], layer: ActorLayer) -> Event | None:
    """The event the document itself is, or None (an article, an editorial note)."""
    if doc.format != PRIMARY_FORMAT:
        return None
    form = doc.meta.get("form")
    title = next((b for b in doc.blocks if b.kind == "title"), None)
    if title is None or form == "editorial-note" or doc.meta.get("subtype") == "editorial-note":
        return None
    head = next(s for s in doc.sentences if s.block_idx == title.idx)
    dateline = doc.dateline
    meeting = form in MEETING_FORMS
    ev = Event(
        "meeting" if meeting else "communication",
        head.idx,
        title.start,
        title.end,
        doc.text[title.start : title.end],
        [(head.start, head.end)] + ([dateline] if dateline else []),
        channel=form if form and not meeting else "conversation" if meeting else "letter",
        summary=doc.title,
        place=doc.meta.get("place"),
        id="e000",
    )
    if not meeting and not form:
        ev.certainty = "inferred"  # FRUS names no form for a letter: the channel is read so
    _date(ev, doc, times, dateline)
    for party in doc.parties:
        actor_id = _actor_for(party, doc, layer)
        role = {"from": "sender", "to": "recipient"}.get(party.role, "participant")
        if meeting:
            role = "participant"
        ev.add(role, actor_id, party.start, party.end, "mention")
    return ev


_FIRST_PERSON = re.compile(r"(?<![\w’'])(?:I|me)(?![\w’'])")


def author_mentions(doc: Document, layer: ActorLayer) -> str | None:
    """Add the writer's "I" and "me" to the layer as mentions of the author; return the
    author's actor id (None for an article, or a document without a named writer)."""
    if doc.format != PRIMARY_FORMAT:
        return None
    author = next((p for p in doc.parties if p.role == "from"), None)
    if author is None:
        return None
    actor_id = _actor_for(author, doc, layer)
    sentence_of = sentence_finder(doc)
    taken = [(m.start, m.end) for m in layer.mentions]
    added = []
    for b in doc.blocks:
        if b.kind != "paragraph":
            continue
        chunk = doc.text[b.start : b.end]
        quotes = quote_spans(chunk)
        for m in _FIRST_PERSON.finditer(chunk):
            if any(a <= m.start() < z for a, z in quotes):
                continue  # someone else's words
            s, e = b.start + m.start(), b.start + m.end()
            if any(a < e and s < z for a, z in taken):
                continue
            added.append(Mention(s, e, m.group(), actor_id, "author", sentence_idx=sentence_of(s)))
    if added:
        layer.mentions[:] = sorted(layer.mentions + added, key=lambda m: m.start)
    return actor_id


def told_to_the_author(doc: Document, found: list[Event], author_id: str | None) -> None:
    """In a memorandum of conversation, what someone else said with no recipient named was
    said to the author, who records it."""
    if author_id is None or doc.meta.get("form") not in MEETING_FORMS:
        return
    for ev in found:
        if ev.id == "e000" or ev.type != "communication" or ev.actors("recipient"):
            continue
        senders = ev.actors("sender")
        if senders and author_id not in senders:
            ev.add("recipient", author_id, None, None, "document")


def _date(
    ev: Event, doc: Document, times: list[TimeExpr], dateline: tuple[int, int] | None
) -> None:
    when = doc.meta.get("date")
    if not when:
        return
    ev.date = when[:10]
    ev.date_precision = "day" if len(when) >= 10 else "month" if len(when) == 7 else "year"
    if "T" in when:
        ev.time = when[11:16]
    if dateline:  # the expression that prints it
        printed = [t for t in times if dateline[0] <= t.start and t.end <= dateline[1]]
        if printed:
            ev.date_start, ev.date_end = printed[0].start, printed[-1].end


def _actor_for(party: Party, doc: Document, layer: ActorLayer) -> str:
    """The actor the actors stage found at the party's words, else a new one of the text."""

    def overlap(m: Mention) -> int:
        return min(m.end, party.end) - max(m.start, party.start)

    # a mention that covers most of the party's words ("Mission" alone does not name
    # "the American Mission in Korea")
    inside = [m for m in layer.mentions if 2 * overlap(m) >= party.end - party.start]
    if inside:
        return max(inside, key=overlap).actor_id
    name = doc.text[party.start : party.end].strip()
    name = re.sub(r"^(?:the|Mr\.|Mrs\.|Dr\.|Miss)\s+", "", name)
    kind = (
        "organization"
        if _BODY_WORDS.search(name)
        else "role"
        if _OFFICES.search(name)
        else "person"
    )
    actor_id = slug(name) or "unknown"
    layer.actors.setdefault(actor_id, Actor(actor_id, name, kind, "text"))
    return actor_id
